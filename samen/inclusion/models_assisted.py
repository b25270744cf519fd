"""Assisted digital: a Digicoach acting for a resident who is present, and what was done."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A session nobody used for this long ends by itself: a coach who walks away from a shared
# library computer must not leave it acting for someone.
ASSISTED_SESSION_IDLE = timedelta(hours=2)


class ConsentMethod(models.TextChoices):
    SPOKEN = "spoken", _("Said yes out loud")
    SIGNED = "signed", _("Signed a paper consent form")
    SIGN_LANGUAGE = "sign_language", _("In sign language")
    WRITTEN = "written", _("Wrote it down or typed it")
    SUPPORTER = "supporter", _("Through their supporter or carer, with the resident present")


class AssistedActionKind(models.TextChoices):
    """The only things a coach may do for a resident."""

    VOTE = "vote", _("Vote")
    BOOK = "book", _("Book a help session")
    ENROL = "enrol", _("Enrol on a course")
    SELF_ASSESS = "self_assess", _("Digital skills check")


class EndReason(models.TextChoices):
    ENDED = "ended", _("Ended by the coach")
    EXPIRED = "expired", _("Ended after 2 hours without activity")
    REPLACED = "replaced", _("Ended when the coach started another session")


class AssistedSession(models.Model):
    """One sitting: a coach helping one resident, with the resident's recorded consent.

    The coach's name is copied so the receipt and the statistics survive the coach's account
    being erased; the session goes with the resident's account, as their own data.
    """

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Digicoach"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="assisted_sessions_given",
    )
    coach_name = models.CharField(_("Digicoach's name"), max_length=80)
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="assisted_sessions_received",
    )
    consent_given = models.BooleanField(_("the resident agreed"), default=False)
    consent_method = models.CharField(
        _("how the resident agreed"), max_length=20, choices=ConsentMethod.choices
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity at"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    end_reason = models.CharField(
        _("why it ended"), max_length=20, choices=EndReason.choices, blank=True
    )

    class Meta:
        verbose_name = _("assisted session")
        verbose_name_plural = _("assisted sessions")
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_given=True),
                name="inclusion_assisted_session_needs_consent",
                violation_error_message=_("The resident must agree before you help them."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.coach_name} → {self.resident}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    def idle_expired(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) - self.last_activity_at > ASSISTED_SESSION_IDLE


class AssistedAction(models.Model):
    """One thing the coach did for the resident. Coach and resident come from the session."""

    session = models.ForeignKey(
        AssistedSession,
        verbose_name=_("assisted session"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    action = models.CharField(_("action"), max_length=20, choices=AssistedActionKind.choices)
    summary = models.CharField(_("what was done"), max_length=300)
    url_name = models.CharField(_("page"), max_length=100, blank=True)
    target_type = models.CharField(_("object type"), max_length=100, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    declaration_confirmed = models.BooleanField(
        _("the coach declared the resident chose"), default=False
    )
    created_at = models.DateTimeField(_("done at"), default=timezone.now)

    class Meta:
        verbose_name = _("assisted action")
        verbose_name_plural = _("assisted actions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(action="vote") | models.Q(declaration_confirmed=True),
                name="inclusion_assisted_vote_needs_declaration",
                violation_error_message=_(
                    "Confirm that the resident chose the projects themselves."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.summary
