"""The Digicoach network as data: coaches, help points, bookable sessions, the coach's log."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.inclusion.models import EasyReadMixin
from samen.skills.models import AnswerScale


class CoachKind(models.TextChoices):
    STAFF = "staff", _("Staff member (coach for a department)")
    VOLUNTEER = "volunteer", _("Volunteer")


class TrainingStatus(models.TextChoices):
    IN_TRAINING = "in_training", _("In training")
    TRAINED = "trained", _("Trained")
    REFRESHER_DUE = "refresher_due", _("Refresher due")


class CoachProfile(models.Model):
    """What the coordinator knows about one Digicoach: kind, department, training, badges."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.CASCADE,
        related_name="coach_profile",
    )
    kind = models.CharField(_("kind of coach"), max_length=20, choices=CoachKind.choices)
    department = models.CharField(_("department"), max_length=120, blank=True)
    training_status = models.CharField(
        _("training"),
        max_length=20,
        choices=TrainingStatus.choices,
        default=TrainingStatus.IN_TRAINING,
    )
    badges = models.CharField(
        _("badges"),
        max_length=300,
        blank=True,
        help_text=_("Separate badges with commas, for example: “Online banking, DigiD”."),
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("coach profile")
        verbose_name_plural = _("coach profiles")
        ordering = ["user__display_name"]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def badge_list(self) -> list[str]:
        return [badge.strip() for badge in self.badges.split(",") if badge.strip()]


class HelpPoint(EasyReadMixin, models.Model):
    """A place where people get help: the library, the town hall, a community centre."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    address = models.CharField(_("address"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    accessibility = models.TextField(_("accessibility"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("help point")
        verbose_name_plural = _("help points")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningTime(models.Model):
    """One weekly opening slot of a help point."""

    help_point = models.ForeignKey(
        HelpPoint,
        verbose_name=_("help point"),
        on_delete=models.CASCADE,
        related_name="opening_times",
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening time")
        verbose_name_plural = _("opening times")
        ordering = ["help_point", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")), name="skills_opening_closes_after_opens"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.help_point_id} {self.weekday} {self.opens:%H:%M}-{self.closes:%H:%M}"


class SessionKind(models.TextChoices):
    DROP_IN = "drop_in", _("Drop-in session")
    ONE_TO_ONE = "one_to_one", _("One-to-one appointment")


class CoachingSession(models.Model):
    """A time at a help point when a coach helps people: a drop-in or a one-to-one."""

    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices)
    help_point = models.ForeignKey(
        HelpPoint, verbose_name=_("help point"), on_delete=models.PROTECT, related_name="sessions"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="coaching_sessions",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancellation_reason = models.CharField(_("reason for cancelling"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("help session")
        verbose_name_plural = _("help sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="skills_session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(kind="drop_in") | Q(capacity=1),
                name="skills_one_to_one_has_one_place",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.help_point} {self.starts_at:%Y-%m-%d %H:%M}"


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")


class Booking(models.Model):
    """One person's place at a session. Cancelling keeps the row and raises its sequence, so
    a calendar that imported the booking can be told to remove it (iCalendar SEQUENCE)."""

    session = models.ForeignKey(
        CoachingSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="coaching_bookings",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    created_at = models.DateTimeField(_("booked at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    reminder_sent = models.BooleanField(_("reminder sent"), default=False)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["session__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="skills_one_booking_per_session_and_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} {self.person_id} {self.status}"

    @property
    def is_active(self) -> bool:
        return self.status == BookingStatus.BOOKED


class Topic(models.Model):
    """A kind of question people bring (email, online banking…): an editable list."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("offered in the log"), default=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class SessionLog(models.Model):
    """What a coach did for one person at one visit. No demographics, on purpose.

    `person` (a registered user) or `visitor_token` (a code the visitor keeps, such as the
    number on their help card) lets unique people be counted without knowing who they are.
    """

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="coaching_logs",
    )
    help_point = models.ForeignKey(
        HelpPoint, verbose_name=_("help point"), on_delete=models.PROTECT, related_name="logs"
    )
    session = models.ForeignKey(
        CoachingSession,
        verbose_name=_("session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="logs",
    )
    helped_on = models.DateField(_("date"))
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), related_name="logs")
    organisation = models.CharField(_("service or organisation"), max_length=120, blank=True)
    help_given = models.TextField(_("help given"), max_length=2000)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration in minutes"), validators=[MinValueValidator(1), MaxValueValidator(480)]
    )
    referral = models.CharField(_("referred to"), max_length=200, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person helped"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coaching_logs_about",
    )
    visitor_token = models.CharField(_("visitor code"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("session log")
        verbose_name_plural = _("session logs")
        ordering = ["-helped_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.coach_id} {self.helped_on}"


class CheckStage(models.TextChoices):
    FIRST = "first", _("First contact")
    LATER = "later", _("Later contact")


class SkillCheck(models.Model):
    """A short skill check with a coach: four statements on the 4-point scale."""

    log = models.OneToOneField(
        SessionLog, verbose_name=_("log"), on_delete=models.CASCADE, related_name="skill_check"
    )
    stage = models.CharField(_("stage"), max_length=10, choices=CheckStage.choices)
    email = models.PositiveSmallIntegerField(
        _("I can send an email with an attachment"), choices=AnswerScale.choices
    )
    forms = models.PositiveSmallIntegerField(
        _("I can fill in a form on a website"), choices=AnswerScale.choices
    )
    safety = models.PositiveSmallIntegerField(
        _("I can spot a fake message"), choices=AnswerScale.choices
    )
    smartphone = models.PositiveSmallIntegerField(
        _("I can install an app on my phone"), choices=AnswerScale.choices
    )

    class Meta:
        verbose_name = _("skill check")
        verbose_name_plural = _("skill checks")
        ordering = ["log"]

    def __str__(self) -> str:
        return f"{self.log_id} {self.stage}"

    @property
    def total(self) -> int:
        return self.email + self.forms + self.safety + self.smartphone


class ProblemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACTED_ON = "acted_on", _("Acted on")


class RecurringProblem(models.Model):
    """A problem coaches keep meeting (a confusing form, a broken link) for the organisation."""

    title = models.CharField(_("problem"), max_length=150)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.PROTECT,
        related_name="reported_problems",
    )
    log = models.ForeignKey(
        SessionLog,
        verbose_name=_("from the log"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="problems",
    )
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=ProblemStatus.choices, default=ProblemStatus.OPEN
    )
    action_taken = models.TextField(_("what was done"), max_length=2000, blank=True)
    acted_on_at = models.DateTimeField(_("acted on at"), null=True, blank=True)

    class Meta:
        verbose_name = _("recurring problem")
        verbose_name_plural = _("recurring problems")
        ordering = ["status", "-reported_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", acted_on_at__isnull=True)
                | Q(status="acted_on", acted_on_at__isnull=False),
                name="skills_problem_acted_on_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return self.title
