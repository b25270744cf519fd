"""Voted processes for counting tests, made through the services (voting is real)."""

from datetime import timedelta

from django.utils import timezone

from samen.budgeting import services, services_voting
from samen.budgeting.models import Budget, Channel, PhaseKind, Proposal
from tests.budgeting import factories
from tests.factories import UserFactory


def close_voting(process):  # type: ignore[no-untyped-def]
    """Test-only time travel: voting ended a minute ago and the results phase is running."""
    voting = factories.phase(process, PhaseKind.VOTING)
    voting.ends_at = timezone.now() - timedelta(minutes=1)
    voting.save(update_fields=["ends_at"])
    results = factories.phase(process, PhaseKind.RESULTS)
    results.starts_at = voting.ends_at
    results.save(update_fields=["starts_at"])
    return process


def small_process(rule: str, **design):  # type: ignore[no-untyped-def]
    """One area-wide €10,000 budget with A (€4,000), B (€5,000) and C (€3,000), voting open."""
    process = factories.process_in(PhaseKind.SHORTLIST, title="Park budget", rule=rule)
    services.budget_create(
        actor=factories.organiser(),
        process=process,
        name="Park",
        district=None,
        amount_minor=1_000_000,
        **design,
    )
    for title, cost in (("A", 400_000), ("B", 500_000), ("C", 300_000)):
        factories.on_ballot(process, title=title, cost=cost)
    return factories.open_voting(process)


def vote(process, *titles, values=None, **submit):  # type: ignore[no-untyped-def]
    """A new voter's ballot for the given projects; `submit` overrides ballot_submit's
    arguments (online by default)."""
    budget = Budget.objects.get(process=process)
    ids = [Proposal.objects.get(process=process, title=t).pk for t in titles]
    voter = UserFactory()
    services_voting.ballot_submit(
        **{
            "process": process,
            "voter_key": services_voting.voter_key_for_user(voter),
            "channel": Channel.ONLINE,
            "user": voter,
            "choices": {budget.pk: dict(zip(ids, values or [1] * len(ids), strict=True))},
            **submit,
        }
    )


def majority_and_minority(rule: str):  # type: ignore[no-untyped-def]
    """6 voters want A and B, 4 want C."""
    process = small_process(rule)
    for _ in range(6):
        vote(process, "A", "B")
    for _ in range(4):
        vote(process, "C")
    return close_voting(process)
