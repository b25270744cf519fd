"""Races only a real PostgreSQL server shows: simultaneous submissions for one voter."""

import threading

import pytest
from django.db import connection, connections

from samen.budgeting import services_voting
from samen.budgeting.models import Ballot, BallotChoice, Budget, Channel, VoterRollEntry
from tests.budgeting import factories
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL tests need DATABASE_URL=postgres://… (CI sets it)")


def test_fifty_simultaneous_submissions_for_one_voter_leave_exactly_one_ballot():
    process = factories.voting_process()
    voter = UserFactory()
    area = Budget.objects.get(process=process, district__isnull=True)
    projects = list(area.process.proposals.filter(district__isnull=True).order_by("id"))
    barrier = threading.Barrier(50)
    receipts: list[str] = []
    errors: list[BaseException] = []

    def submit(n: int) -> None:
        try:
            barrier.wait()
            receipt = services_voting.ballot_submit(
                process=process,
                voter_key=services_voting.voter_key_for_user(voter),
                channel=Channel.ONLINE,
                user=voter,
                choices={area.pk: {projects[n % 2].pk: 1}},
            )
            receipts.append(receipt.code)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(receipts) == 50
    entry = VoterRollEntry.objects.get(process=process)
    ballot = Ballot.objects.get(process=process)
    assert (entry.submission_count, entry.ballot_id) == (50, ballot.pk)
    # The last submission counts: earlier receipts were replaced, none added a ballot.
    assert ballot.receipt_code in receipts
    assert BallotChoice.objects.filter(ballot=ballot).count() == 1


def test_simultaneous_votes_by_two_channels_let_exactly_one_through():
    process = factories.voting_process()
    voter = UserFactory()
    coach = UserFactory(roles=["digicoach"])
    area = Budget.objects.get(process=process, district__isnull=True)
    project = process.proposals.filter(district__isnull=True).order_by("id").first()
    barrier = threading.Barrier(20)
    outcomes: list[str] = []

    def submit(n: int) -> None:
        assisted = n % 2 == 1
        try:
            barrier.wait()
            services_voting.ballot_submit(
                process=process,
                voter_key=services_voting.voter_key_for_user(voter),
                channel=Channel.ASSISTED if assisted else Channel.ONLINE,
                user=voter,
                assisted_by=coach if assisted else None,
                declaration=assisted,
                choices={area.pk: {project.pk: 1}},
            )
            outcomes.append("assisted" if assisted else "online")
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    entry = VoterRollEntry.objects.get(process=process)
    accepted = [o for o in outcomes if o in {"online", "assisted"}]
    assert set(accepted) == {entry.channel}
    assert len(accepted) + outcomes.count("ValidationError") == 20
    assert Ballot.objects.filter(process=process).count() == 1
