"""The voter roll and the ballots: who voted (the roll) is stored apart from what they chose.

One roll for every channel. A roll entry's `voter_key` names the person the same way whatever
the channel ("user:<id>" for an account, "code:<id>" for a voting code not issued to an
account, "ref:<digest>" for a register reference such as a youth-card number), and the unique
constraint on (process, voter_key) is what makes "one vote per process" hold under races.
The roll links to its ballot only until the results are final; then the link is cleared.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samen.budgeting.models.process import Budget, District, Process
from samen.budgeting.models.proposal import Proposal


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    CODE = "code", _("Voting code")
    PAPER = "paper", _("Paper ballot")
    ASSISTED = "assisted", _("Assisted by a Digicoach")


class VotingCodeBatch(models.Model):
    """Codes generated together, e.g. for one school or one letter run."""

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="code_batches"
    )
    label = models.CharField(_("label"), max_length=120)
    size = models.PositiveIntegerField(_("number of codes"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("batch of voting codes")
        verbose_name_plural = _("batches of voting codes")
        ordering = ["process", "-created_at", "-id"]

    def __str__(self) -> str:
        return self.label


class VotingCode(models.Model):
    """A one-time voting code. Only a keyed digest is stored, so a copy of the database cannot
    be used to vote; the plain code exists on the printed letter only."""

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="voting_codes"
    )
    batch = models.ForeignKey(
        VotingCodeBatch,
        verbose_name=_("batch"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="codes",
    )
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued to account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reference_digest = models.CharField(_("register reference digest"), max_length=64, blank=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("voting code")
        verbose_name_plural = _("voting codes")
        ordering = ["process", "id"]

    def __str__(self) -> str:
        return f"{self.process}: code {self.pk}"


class Ballot(models.Model):
    """What one voter chose in one process. Nothing here says who: no user, no time."""

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="ballots"
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballots",
    )
    receipt_code = models.CharField(_("receipt code"), max_length=20, unique=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["process", "id"]

    def __str__(self) -> str:
        return self.receipt_code


class BallotChoice(models.Model):
    """One project on a ballot. `points` is 1 except on cumulative ballots; `rank` is set on
    ranked ballots only (1 is the first choice)."""

    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="choices"
    )
    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.PROTECT, related_name="+"
    )
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("project"), on_delete=models.PROTECT, related_name="+"
    )
    points = models.PositiveIntegerField(_("points"), default=1)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["ballot", "budget", "rank", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "proposal"], name="budgeting_choice_once_per_ballot"
            ),
            models.CheckConstraint(
                condition=Q(points__gt=0), name="budgeting_choice_points_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ballot}: {self.proposal_id}"


class VoterRollEntry(models.Model):
    """That someone took part: how, when and from which district, never what they chose.

    An entry exists from the moment a voter opens their ballot (so a draft and a reminder are
    possible, and the funnel of started versus submitted can be shown).
    """

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="voter_roll"
    )
    voter_key = models.CharField(_("voter"), max_length=80)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="budgeting_roll_entries",
    )
    voting_code = models.OneToOneField(
        VotingCode,
        verbose_name=_("voting code"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roll_entry",
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    age_band = models.CharField(_("age band"), max_length=10, blank=True)
    order_seed = models.PositiveIntegerField(_("project order seed"))
    draft = models.JSONField(_("draft choices"), default=dict, blank=True)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submission_count = models.PositiveSmallIntegerField(_("submissions"), default=0)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    assisted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assisted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    declaration_at = models.DateTimeField(
        _("resident-chose declaration confirmed at"), null=True, blank=True
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("paper ballot entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("paper ballot confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ballot = models.OneToOneField(
        Ballot,
        verbose_name=_("ballot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roll_entry",
    )

    class Meta:
        verbose_name = _("voter roll entry")
        verbose_name_plural = _("voter roll")
        ordering = ["process", "id"]
        indexes = [models.Index(fields=["process", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "voter_key"], name="budgeting_roll_one_entry_per_voter"
            ),
            models.UniqueConstraint(
                fields=["process", "user"],
                condition=Q(user__isnull=False),
                name="budgeting_roll_one_entry_per_account",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.process}: {self.voter_key}"
