"""Budgeting test data, made through the services so the objects are valid by construction."""

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from samen.budgeting import services
from samen.budgeting.models import Category, District, Phase, PhaseKind, Process, Proposal
from tests.factories import UserFactory


def organiser() -> Any:
    return UserFactory(roles=["staff", "organiser"])


def process_in(phase: str = PhaseKind.IDEAS, *, actor: Any = None, **fields: Any) -> Process:
    """A published process whose `phase` is running now (its first day was two days ago)."""
    position = list(PhaseKind.values).index(phase)
    days_before = [28, 14, 7, 14, 28][:position]
    starts_at = timezone.now() - timedelta(days=sum(days_before) + 2)
    fields.setdefault("title", "Lindeveld decides")
    fields.setdefault("description", "Residents decide how to spend €100,000.")
    fields.setdefault("is_published", True)
    return services.process_create(actor=actor or organiser(), starts_at=starts_at, **fields)


def district(process: Process, name: str = "Centrum", patterns: str = "7411*") -> District:
    return services.district_create(
        actor=organiser(), process=process, name=name, postcode_patterns=patterns
    )


def phase(process: Process, kind: str) -> Phase:
    return process.phases.get(kind=kind)


def ideas_moment(process: Process) -> datetime:
    return phase(process, PhaseKind.IDEAS).starts_at + timedelta(hours=1)


def proposal(
    process: Process, *, author: Any = None, title: str = "Benches in the park", **fields: Any
) -> Proposal:
    """A proposal submitted during the ideas phase, whatever phase the process is in now."""
    fields.setdefault("description", "Three benches near the pond.")
    fields.setdefault("estimated_cost_minor", 250_000)
    fields.setdefault("category", Category.GREEN)
    fields.setdefault("now", ideas_moment(process))
    return services.proposal_submit(
        author=author or UserFactory(), process=process, title=title, **fields
    )


def move_calendar_to(process: Process, kind: str) -> Process:
    """Move every phase so that `kind` started an hour ago (test-only time travel)."""
    shift = phase(process, kind).starts_at - (timezone.now() - timedelta(hours=1))
    for step in process.phases.all():
        step.starts_at -= shift
        if step.ends_at is not None:
            step.ends_at -= shift
        step.save(update_fields=["starts_at", "ends_at"])
    return process


def open_voting(process: Process) -> Process:
    return move_calendar_to(process, PhaseKind.VOTING)


def on_ballot(process: Process, *, title: str, cost: int, **fields: Any) -> Proposal:
    """A proposal reviewed feasible and shortlisted (the process must not be voting yet)."""
    reviewer = organiser()
    made = proposal(process, title=title, estimated_cost_minor=cost, **fields)
    services.proposal_review(actor=reviewer, proposal=made, feasible=True, reason="Can be done.")
    return services.proposal_shortlist(actor=reviewer, proposal=made, on_ballot=True)


def voting_process(**design: Any) -> Process:
    """A two-district process in its voting phase: Centrum (7411*) and Noord (7412*), each
    with a €10,000 budget of three projects, plus a €20,000 area-wide budget of two projects.
    `design` sets every budget's ballot design (approval by default)."""
    process = process_in(PhaseKind.SHORTLIST, title="Lindeveld votes")
    actor = organiser()
    centrum = district(process, "Centrum", "7411*")
    noord = district(process, "Noord", "7412*")
    for area, amount in ((centrum, 1_000_000), (noord, 1_000_000), (None, 2_000_000)):
        name = area.name if area else "Lindeveld-wide"
        services.budget_create(
            actor=actor, process=process, name=name, district=area, amount_minor=amount, **design
        )
    for area in (centrum, noord):
        for n, cost in enumerate((400_000, 500_000, 600_000), start=1):
            on_ballot(process, title=f"{area.name} project {n}", cost=cost, district=area)
    for n, cost in enumerate((1_200_000, 900_000), start=1):
        on_ballot(process, title=f"Area project {n}", cost=cost)
    return open_voting(process)
