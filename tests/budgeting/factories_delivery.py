"""Delivery test data: a process whose results are published, with funded and unfunded
projects, made through the models (as a count would store them)."""

import hashlib
from datetime import date
from typing import Any

from django.utils import timezone

from samen.budgeting import services, services_delivery
from samen.budgeting.models import (
    BudgetResult,
    Count,
    CountStatus,
    PhaseKind,
    Process,
    ProjectResult,
    Proposal,
    StatusUpdate,
)
from tests.budgeting.factories import on_ballot, organiser, process_in


def results_process(*, published: bool = True, **fields: Any) -> tuple[Process, list[Proposal]]:
    """A €10,000 area-wide process with three projects; the first two are funded.

    Returns the process and its projects in order (funded, funded, not funded)."""
    process = process_in(PhaseKind.SHORTLIST, title=fields.pop("title", "Lindeveld delivers"))
    budget = services.budget_create(
        actor=organiser(), process=process, name="Lindeveld", district=None, amount_minor=1_000_000
    )
    projects = [
        on_ballot(process, title="Benches by the pond", cost=400_000),
        on_ballot(process, title="Skate ramp", cost=500_000),
        on_ballot(process, title="Fountain", cost=600_000),
    ]
    now = timezone.now()
    count = Count.objects.create(
        process=process,
        rule=process.rule,
        status=CountStatus.DONE,
        progress=100,
        finished_at=now,
        published_at=now if published else None,
    )
    pb = "META\nkey;value\n"
    result = BudgetResult.objects.create(
        count=count,
        budget=budget,
        voters=10,
        spent_minor=900_000,
        pb_file=pb,
        sha256=hashlib.sha256(pb.encode()).hexdigest(),
    )
    for position, (project, votes, funded) in enumerate(
        zip(projects, (7, 6, 3), (True, True, False), strict=True), start=1
    ):
        ProjectResult.objects.create(
            budget_result=result,
            proposal=project,
            votes=votes,
            cost_minor=project.cost_minor,
            selected=funded,
            selected_by_greedy=funded,
            position=position,
        )
    return process, projects


def status_update(
    proposal: Proposal,
    *,
    actor: Any = None,
    status: str = "planned",
    text: str = "Soon.",
    published_on: date = date(2026, 1, 5),
    **extra: Any,
) -> StatusUpdate:
    """A status update posted by an organiser (no email unless `base_url` is given)."""
    return services_delivery.status_update_create(
        actor=actor or organiser(),
        proposal=proposal,
        status=status,
        text=text,
        published_on=published_on,
        **extra,
    )
