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
