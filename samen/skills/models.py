"""The DigComp framework as versioned data, and people's self-assessments against it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

level_validators = [MinValueValidator(1), MaxValueValidator(8)]


class LevelGroup(models.TextChoices):
    FOUNDATION = "foundation", _("Foundation")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
    HIGHLY_SPECIALISED = "highly_specialised", _("Highly specialised")


class FrameworkVersion(models.Model):
    """One published version of the framework (DigComp 2.2, later 3.0), with its licence.

    New assessments use the version marked current; old assessments keep pointing at the
    version they were taken against, so history stays readable after an upgrade.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    attribution = models.TextField(_("attribution"))
    licence = models.CharField(_("licence"), max_length=40)
    licence_url = models.URLField(_("licence URL"))
    source_url = models.URLField(_("source URL"))
    changes_note = models.TextField(_("note of changes"), blank=True)
    is_current = models.BooleanField(_("current"), default=False)

    class Meta:
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")
        ordering = ["-published_on", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="skills_one_current_framework_version",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProficiencyLevel(models.Model):
    version = models.ForeignKey(
        FrameworkVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="levels"
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=level_validators)
    group = models.CharField(_("group"), max_length=20, choices=LevelGroup.choices)
    description = models.TextField(_("description"))

    class Meta:
        verbose_name = _("proficiency level")
        verbose_name_plural = _("proficiency levels")
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="skills_level_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.number}"


class Area(models.Model):
    version = models.ForeignKey(
        FrameworkVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="areas"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=120)
    summary = models.TextField(_("summary"))
    suggestion = models.TextField(_("suggestion when this area is weak"))

    class Meta:
        verbose_name = _("competence area")
        verbose_name_plural = _("competence areas")
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="skills_area_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Competence(models.Model):
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.CASCADE, related_name="competences"
    )
    number = models.PositiveSmallIntegerField(_("number within the area"))
    title = models.CharField(_("title"), max_length=160)
    summary = models.TextField(_("summary"))

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["area", "number"]
        constraints = [
            models.UniqueConstraint(fields=["area", "number"], name="skills_competence_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def code(self) -> str:
        """The DigComp numbering, such as "4.2"."""
        return f"{self.area.number}.{self.number}"


class Statement(models.Model):
    """A plain-language "I can…" sentence describing the competence at one level."""

    competence = models.ForeignKey(
        Competence,
        verbose_name=_("competence"),
        on_delete=models.CASCADE,
        related_name="statements",
    )
    position = models.PositiveSmallIntegerField(_("position"))
    level = models.PositiveSmallIntegerField(_("level described"), validators=level_validators)
    text = models.TextField(_("text"))
    easy_read_text = models.TextField(_("easy-read text"), blank=True)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["competence", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["competence", "position"], name="skills_statement_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class AnswerScale(models.IntegerChoices):
    """The 4-point "can do" scale used by Europass and DigCompSAT."""

    DONT_KNOW = 1, _("I don't know how")
    WITH_HELP = 2, _("I can do it with help")
    ON_MY_OWN = 3, _("I can do it on my own")
    CONFIDENTLY = 4, _("I can do it confidently and help others")


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Finished")


class Assessment(models.Model):
    """One self-assessment by one person. At most one is in progress per person."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="skill_assessments",
    )
    version = models.ForeignKey(
        FrameworkVersion,
        verbose_name=_("framework version"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.IN_PROGRESS,
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-submitted_at", "-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="in_progress"),
                name="skills_one_assessment_in_progress_per_user",
            ),
            models.CheckConstraint(
                condition=Q(status="in_progress", submitted_at__isnull=True)
                | Q(status="submitted", submitted_at__isnull=False),
                name="skills_submitted_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.started_at:%Y-%m-%d}"

    @property
    def is_submitted(self) -> bool:
        return self.status == AssessmentStatus.SUBMITTED


class Answer(models.Model):
    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="answers"
    )
    statement = models.ForeignKey(
        Statement, verbose_name=_("statement"), on_delete=models.PROTECT, related_name="answers"
    )
    value = models.PositiveSmallIntegerField(_("answer"), choices=AnswerScale.choices)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["assessment", "statement"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "statement"], name="skills_one_answer_per_statement"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id} {self.statement_id}={self.value}"


class AreaResult(models.Model):
    """The level an assessment gave for one area, fixed when it was submitted."""

    assessment = models.ForeignKey(
        Assessment,
        verbose_name=_("assessment"),
        on_delete=models.CASCADE,
        related_name="area_results",
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="results"
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=[MaxValueValidator(8)])

    class Meta:
        verbose_name = _("area result")
        verbose_name_plural = _("area results")
        ordering = ["assessment", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "area"], name="skills_area_result_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id} {self.area_id}={self.level}"


class CompetenceResult(models.Model):
    """The level an assessment gave for one competence, fixed when it was submitted."""

    assessment = models.ForeignKey(
        Assessment,
        verbose_name=_("assessment"),
        on_delete=models.CASCADE,
        related_name="competence_results",
    )
    competence = models.ForeignKey(
        Competence, verbose_name=_("competence"), on_delete=models.PROTECT, related_name="results"
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=[MaxValueValidator(8)])

    class Meta:
        verbose_name = _("competence result")
        verbose_name_plural = _("competence results")
        ordering = ["assessment", "competence"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competence"], name="skills_competence_result_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id} {self.competence_id}={self.level}"


# The Digicoach network's models live in their own module; importing them here registers them.
from samen.skills.models_coaching import (  # noqa: E402, F401
    Booking,
    CoachingSession,
    CoachProfile,
    HelpPoint,
    OpeningTime,
    RecurringProblem,
    SessionLog,
    SkillCheck,
    Topic,
)

# Courses and summer classes live in their own module; importing them here registers them.
from samen.skills.models_courses import (  # noqa: E402, F401
    Attendance,
    CalendarFeed,
    Certificate,
    Course,
    CourseSession,
    Enrolment,
    Feedback,
    ReminderSent,
)

# The impact survey, kept apart from the coach's log.
from samen.skills.models_impact import ImpactResponse  # noqa: E402, F401

# The organisation's skills picture: departments, job roles and their target levels.
from samen.skills.models_picture import (  # noqa: E402, F401
    Department,
    JobRole,
    StaffProfile,
    TargetLevel,
)
