"""Courses and summer classes as data: courses, their sessions, enrolments with a waitlist,
attendance, certificates, feedback and personal calendar feeds."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.inclusion.models import EasyReadMixin
from samen.skills.models import Competence


class Audience(models.TextChoices):
    STAFF = "staff", _("Staff")
    RESIDENTS = "residents", _("Residents")
    EVERYONE = "everyone", _("Staff and residents")


class Course(EasyReadMixin, models.Model):
    """A course or class series, such as a summer class of six sessions.

    `requires_approval` puts new enrolments in front of the organiser first;
    `sessions_for_certificate` is how many sessions someone must attend to get a certificate.
    """

    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=5000)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    capacity = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    requires_approval = models.BooleanField(_("enrolments need the organiser's approval"))
    sessions_for_certificate = models.PositiveSmallIntegerField(
        _("sessions needed for a certificate"),
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="organised_courses",
    )
    competences = models.ManyToManyField(
        Competence, verbose_name=_("competences"), related_name="courses", blank=True
    )
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


class CourseSession(models.Model):
    """One meeting of a course: when, where (a place or an online link) and who speaks."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=160)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    internal_speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("in-house specialist"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="course_sessions_spoken",
    )
    external_speaker = models.CharField(_("outside speaker"), max_length=120, blank=True)
    external_organisation = models.CharField(
        _("outside speaker's organisation"), max_length=120, blank=True
    )

    class Meta:
        verbose_name = _("course session")
        verbose_name_plural = _("course sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="skills_course_session_ends_after"
            ),
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(online_url=""),
                name="skills_course_session_has_place_or_link",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course_id} {self.starts_at:%Y-%m-%d %H:%M}"


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    WAITLISTED = "waitlisted", _("On the waiting list")
    AWAITING_APPROVAL = "awaiting_approval", _("Waiting for approval")
    DECLINED = "declined", _("Not approved")
    CANCELLED = "cancelled", _("Cancelled")


class Enrolment(models.Model):
    """One person's place on a course, on its waiting list, or waiting for approval.

    The row stays after a cancellation and its `sequence` goes up, so calendars that imported
    the sessions are told to remove them (iCalendar SEQUENCE). Waiting-list positions run
    1, 2, 3… without gaps; the services keep them so while holding the course's row lock.
    """

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="enrolments"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="course_enrolments",
    )
    status = models.CharField(_("status"), max_length=20, choices=EnrolmentStatus.choices)
    waitlist_position = models.PositiveIntegerField(
        _("place on the waiting list"), null=True, blank=True
    )
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    decision_reason = models.TextField(_("reason"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["course", "status", "waitlist_position", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "person"], name="skills_one_enrolment_per_course_and_person"
            ),
            models.CheckConstraint(
                condition=Q(status="waitlisted", waitlist_position__isnull=False)
                | (~Q(status="waitlisted") & Q(waitlist_position__isnull=True)),
                name="skills_waitlist_position_only_when_waitlisted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course_id} {self.person_id} {self.status}"

    @property
    def is_enrolled(self) -> bool:
        return self.status == EnrolmentStatus.ENROLLED

    @property
    def is_open(self) -> bool:
        """Enrolled, waiting for a place or waiting for approval: something can still happen."""
        return self.status in (
            EnrolmentStatus.ENROLLED,
            EnrolmentStatus.WAITLISTED,
            EnrolmentStatus.AWAITING_APPROVAL,
        )


class Attendance(models.Model):
    """Whether an enrolled person came to one session, as registered by the organiser."""

    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="attendances"
    )
    present = models.BooleanField(_("present"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["session", "enrolment"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="skills_one_attendance_per_session"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} {self.enrolment_id} {self.present}"


class Certificate(models.Model):
    """Proof that someone attended a course. The name and title are kept as they were on the
    day it was issued, so a verified certificate says what the printed one says."""

    enrolment = models.OneToOneField(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="certificate",
    )
    code = models.CharField(_("verification code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=80)
    course_title = models.CharField(_("course"), max_length=160)
    sessions_attended = models.PositiveSmallIntegerField(_("sessions attended"))
    sessions_total = models.PositiveSmallIntegerField(_("sessions in the course"))
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "pk"]

    def __str__(self) -> str:
        return self.code


class Feedback(models.Model):
    """What a participant thought of a course, given once after it ended."""

    enrolment = models.OneToOneField(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comments = models.TextField(_("comments"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="skills_feedback_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.rating}"


class ReminderSent(models.Model):
    """A reminder for one session went to one participant: the row is the claim, so two
    runs of the reminder command at once never send it twice."""

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(
        CourseSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("course reminder")
        verbose_name_plural = _("course reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "session"], name="skills_one_reminder_per_session"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.session_id}"


class CalendarFeed(models.Model):
    """A person's secret calendar address: the link alone opens the feed, so calendar apps
    can subscribe without logging in. Making a new link retires the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="course_calendar_feed",
    )
    token = models.CharField(_("secret"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user_id)
