"""Counts and their published results: one count per run of the rule, one result per budget."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samen.budgeting.models.process import Budget, Process
from samen.budgeting.models.proposal import Proposal


class CountStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Counting")
    DONE = "done", _("Counted")
    FAILED = "failed", _("Failed")


class Count(models.Model):
    """One counting run of a process, from the ballots, with the rule fixed before voting."""

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="counts"
    )
    rule = models.CharField(_("counting rule"), max_length=40)
    status = models.CharField(
        _("status"), max_length=10, choices=CountStatus.choices, default=CountStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress in percent"), default=0)
    progress_note = models.CharField(_("progress"), max_length=200, blank=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("count")
        verbose_name_plural = _("counts")
        ordering = ["process", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["process"],
                condition=Q(published_at__isnull=False),
                name="budgeting_count_one_published_per_process",
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="budgeting_count_progress_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.process}: {self.rule} ({self.status})"


class BudgetResult(models.Model):
    """The outcome for one budget, with the anonymised `.pb` file anyone can recount."""

    count = models.ForeignKey(
        Count, verbose_name=_("count"), on_delete=models.CASCADE, related_name="budget_results"
    )
    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.PROTECT, related_name="results"
    )
    voters = models.PositiveIntegerField(_("voters"))
    spent_minor = models.PositiveBigIntegerField(_("spent in cents"))
    pb_file = models.TextField(_("Pabulib file"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    explanation = models.JSONField(_("explanation"), default=list)
    comparison = models.JSONField(_("comparison with greedy"), default=dict, blank=True)

    class Meta:
        verbose_name = _("budget result")
        verbose_name_plural = _("budget results")
        ordering = ["count", "budget__district__name", "budget__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["count", "budget"], name="budgeting_result_once_per_budget"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.count}: {self.budget}"


class ProjectResult(models.Model):
    """One project's line in a budget's result table."""

    budget_result = models.ForeignKey(
        BudgetResult,
        verbose_name=_("budget result"),
        on_delete=models.CASCADE,
        related_name="projects",
    )
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("project"), on_delete=models.PROTECT, related_name="results"
    )
    votes = models.PositiveIntegerField(_("votes"))
    points = models.PositiveIntegerField(_("points"), default=0)
    cost_minor = models.PositiveBigIntegerField(_("cost in cents"))
    selected = models.BooleanField(_("funded"))
    selected_by_greedy = models.BooleanField(_("funded under greedy"), default=False)
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        verbose_name = _("project result")
        verbose_name_plural = _("project results")
        ordering = ["budget_result", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget_result", "proposal"], name="budgeting_project_result_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.budget_result}: {self.proposal_id}"
