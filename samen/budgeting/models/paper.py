"""Paper ballots waiting for a second person: entered by one, confirmed (or rejected) by another.

Until it is confirmed, a paper entry holds the voter's identity next to their choices, so it
is kept only as long as needed: on confirmation the choices move into an anonymous `Ballot`
(through `ballot_submit`) and are wiped here; on rejection they are wiped too. What stays is
who entered and who checked it, when, and why a rejected entry was rejected.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samen.budgeting.models.process import District, Process
from samen.budgeting.models.voting import VotingCode


class IdentityKind(models.TextChoices):
    CODE = "code", _("Voting code")
    EMAIL = "email", _("Account email address")
    REFERENCE = "reference", _("Register reference (such as a youth-card number)")


class PaperStatus(models.TextChoices):
    ENTERED = "entered", _("Entered, not confirmed")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class PaperBallotEntry(models.Model):
    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="paper_entries"
    )
    voter_key = models.CharField(_("voter"), max_length=80)
    identity_kind = models.CharField(
        _("identified by"), max_length=10, choices=IdentityKind.choices
    )
    # What the second person compares with the paper: an email address, or the last
    # characters of a code or register reference (never the whole code).
    identity_hint = models.CharField(_("identity"), max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    voting_code = models.ForeignKey(
        VotingCode,
        verbose_name=_("voting code"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paper_entries",
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    year_of_birth = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    choices = models.JSONField(_("choices"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PaperStatus.choices, default=PaperStatus.ENTERED
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    rejection_reason = models.CharField(_("reason for rejecting"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("paper ballot entry")
        verbose_name_plural = _("paper ballot entries")
        ordering = ["process", "entered_at", "id"]
        permissions = [("enter_paper_ballots", _("Can enter and confirm paper ballots"))]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "voter_key"],
                condition=Q(status="entered"),
                name="budgeting_paper_one_waiting_entry_per_voter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.process}: paper ballot {self.pk}"
