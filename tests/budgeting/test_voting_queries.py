"""Casting a vote is the busiest write of a PB process (benchmarks/bench_voting.py): its query
count is pinned, so a change that reads the process, the ballot or the roll twice shows here.

The counts include the session, the user and the savepoints of the nested transactions."""

import pytest
from django.urls import reverse

from samen.budgeting.models import Ballot, Budget, Proposal
from tests.budgeting import factories

pytestmark = pytest.mark.django_db

# session, user, process, phases, districts, roll entry; then, in the transaction: the
# locked roll entry, budgets, projects, insert ballot, insert choices, update roll entry.
CAST_QUERIES = 12 + 4  # + savepoints and their releases
# session, user, process, phases, districts, roll entry, choices, budgets, projects, roles.
RECEIPT_QUERIES = 10


def _url(name, process):  # type: ignore[no-untyped-def]
    return reverse(f"budgeting:{name}", kwargs={"process_id": process.pk})


@pytest.mark.parametrize("changing", [False, True])
def test_casting_a_vote_and_reading_the_receipt(
    resident_client, django_assert_num_queries, changing
):
    process = factories.voting_process()
    local = Budget.objects.get(process=process, district__name="Centrum")
    wide = Budget.objects.get(process=process, district__isnull=True)
    picks = {
        f"budget_{local.pk}": [str(Proposal.objects.get(title="Centrum project 1").pk)],
        f"budget_{wide.pk}": [str(Proposal.objects.get(title="Area project 1").pk)],
    }
    resident_client.post(_url("vote_start", process))
    resident_client.post(_url("vote_ballot", process), picks)
    if changing:  # a changed vote updates its ballot and deletes the old choices
        resident_client.post(_url("vote_check", process))
        resident_client.post(_url("vote_ballot", process), picks)

    with django_assert_num_queries(CAST_QUERIES + changing):
        response = resident_client.post(_url("vote_check", process))
    assert response.status_code == 302
    with django_assert_num_queries(RECEIPT_QUERIES):
        receipt = resident_client.get(_url("vote_receipt", process)).content.decode()

    ballot = Ballot.objects.get()
    assert ballot.receipt_code in receipt
    assert sorted(ballot.choices.values_list("proposal__title", flat=True)) == [
        "Area project 1",
        "Centrum project 1",
    ]
