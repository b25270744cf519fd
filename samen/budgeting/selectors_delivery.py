"""Reads for delivery: the funded projects of a published count and how far each has got."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from samen.budgeting import selectors_results
from samen.budgeting.models import (
    Count,
    Milestone,
    PbImport,
    Process,
    ProjectFollow,
    ProjectResult,
    Proposal,
    StatusUpdate,
)


def published_count(*, process: Process) -> Count | None:
    """The count whose results are public; at most one per process (a unique constraint)."""
    return selectors_results.published_count(process=process)


def funded_results(*, process: Process) -> QuerySet[ProjectResult]:
    """The funded lines of the published count (none before results are published)."""
    return ProjectResult.objects.filter(
        budget_result__count__process=process,
        budget_result__count__published_at__isnull=False,
        selected=True,
    )


def funded_projects(*, process: Process) -> QuerySet[Proposal]:
    """Funded projects with their updates (newest first) and milestones (by due date)."""
    ids = funded_results(process=process).values("proposal_id")
    return (
        Proposal.objects.filter(pk__in=ids)
        .select_related("district")
        .prefetch_related(
            Prefetch(
                "status_updates", queryset=StatusUpdate.objects.order_by("-published_on", "-id")
            ),
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "id")),
        )
        .order_by("title", "id")
    )


def project_is_funded(*, proposal: Proposal) -> bool:
    return funded_results(process=proposal.process).filter(proposal=proposal).exists()


@dataclass(frozen=True)
class Progress:
    """Where a funded project stands: its latest update and its milestones done."""

    latest: StatusUpdate | None
    done: int
    total: int

    @property
    def status(self) -> str:
        return self.latest.status if self.latest else "planned"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress_of(*, proposal: Proposal) -> Progress:
    """Uses the prefetches of `funded_projects` when present (no query per project)."""
    updates = sorted(proposal.status_updates.all(), key=lambda u: (u.published_on, u.pk))
    milestones = list(proposal.milestones.all())
    return Progress(
        latest=updates[-1] if updates else None,
        done=sum(1 for m in milestones if m.done_on is not None),
        total=len(milestones),
    )


def follow_of(*, user: object, proposal: Proposal) -> ProjectFollow | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return ProjectFollow.objects.filter(user=user, proposal=proposal).first()


def follows_export(*, user: object) -> list[dict[str, object]]:
    """The projects someone follows, for their data export."""
    return [
        {
            "project": follow.proposal.title,
            "process": follow.proposal.process.title,
            "since": follow.created_at.isoformat(),
        }
        for follow in ProjectFollow.objects.filter(user=user)
        .select_related("proposal__process")
        .order_by("created_at", "id")
    ]


def imports_recent(*, limit: int = 10) -> QuerySet[PbImport]:
    """The latest uploads of Pabulib files, without their (possibly large) contents."""
    return PbImport.objects.select_related("process", "requested_by").defer("data")[:limit]


def import_find(*, import_id: int) -> PbImport | None:
    return (
        PbImport.objects.select_related("process", "requested_by")
        .defer("data")
        .filter(pk=import_id)
        .first()
    )
