"""Proposals: ideas residents and partners submit, which staff review onto the ballot."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from samen.budgeting.models.process import District, Process
from samen.inclusion.models import EasyReadMixin


class Category(models.TextChoices):
    GREEN = "green", _("Green spaces and nature")
    PLAY = "play", _("Play and sport")
    CULTURE = "culture", _("Culture and events")
    STREETS = "streets", _("Streets, traffic and safety")
    COMMUNITY = "community", _("Community and care")
    YOUTH = "youth", _("Young people")
    OTHER = "other", _("Something else")


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for review")
    FEASIBLE = "feasible", _("Feasible")
    NOT_FEASIBLE = "not_feasible", _("Not feasible")
    MERGED = "merged", _("Merged into another proposal")
    SHORTLISTED = "shortlisted", _("On the ballot")


class Proposal(EasyReadMixin, models.Model):
    """An idea for a project. Costs are in minor units (cents) of the process's currency.

    `estimated_cost_minor` is what the author wrote and never changes after review;
    `adjusted_cost_minor` is the reviewers' figure, shown next to it.
    """

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="budgeting_proposals",
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=4000)
    estimated_cost_minor = models.PositiveBigIntegerField(
        _("estimated cost in cents"), validators=[MinValueValidator(1)]
    )
    adjusted_cost_minor = models.PositiveBigIntegerField(
        _("adjusted cost in cents"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    location_text = models.CharField(_("location"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ProposalStatus.choices,
        default=ProposalStatus.SUBMITTED,
        db_index=True,
    )
    review_reason = models.TextField(_("public reason"), max_length=2000, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
    )
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.TextField(_("reason for hiding"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["process", "is_hidden", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="merged", merged_into__isnull=False)
                | (~Q(status="merged") & Q(merged_into__isnull=True)),
                name="budgeting_proposal_merged_has_target",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=F("pk")), name="budgeting_proposal_not_merged_into_self"
            ),
            models.CheckConstraint(
                condition=Q(is_hidden=False) | ~Q(hidden_reason=""),
                name="budgeting_proposal_hidden_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(estimated_cost_minor__gt=0), name="budgeting_proposal_cost_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def cost_minor(self) -> int:
        """The cost that counts: the reviewers' figure if they adjusted it."""
        return self.adjusted_cost_minor or self.estimated_cost_minor
