"""Organisers set each budget's ballot design; clear messages; locked once voting opened."""

import pytest
from django.urls import reverse

from samen.budgeting.models import BallotKind, Budget, PhaseKind
from tests.budgeting import factories

pytestmark = pytest.mark.django_db

BASE = {
    "name": "Whole area",
    "district": "",
    "amount": "5000",
    "min_choices": "",
    "max_choices": "",
    "points_total": "",
    "max_points_per_project": "",
}


def _create(client, process, **fields):  # type: ignore[no-untyped-def]
    url = reverse("budgeting:budget_create", kwargs={"process_id": process.pk})
    return client.post(url, {**BASE, **fields})


def test_an_organiser_sets_the_ballot_design(organiser_client):
    process = factories.process_in(PhaseKind.SHORTLIST)

    response = _create(
        organiser_client,
        process,
        ballot_kind="cumulative",
        points_total="10",
        max_points_per_project="5",
        min_choices="3",
    )

    assert response.status_code == 302
    budget = Budget.objects.get(process=process)
    assert (
        budget.ballot_kind,
        budget.points_total,
        budget.max_points_per_project,
        budget.min_choices,
    ) == (BallotKind.CUMULATIVE, 10, 5, 3)


def test_exactly_takes_its_number_from_the_most_projects(organiser_client):
    process = factories.process_in(PhaseKind.SHORTLIST)
    _create(organiser_client, process, ballot_kind="exactly", max_choices="3", points_total="9")
    budget = Budget.objects.get(process=process)
    assert (budget.min_choices, budget.max_choices, budget.points_total) == (3, 3, None)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"ballot_kind": "exactly"}, "max_choices", "Say how many projects voters choose"),
        ({"ballot_kind": "up_to"}, "max_choices", "Say how many projects voters choose"),
        (
            {"ballot_kind": "approval", "min_choices": "4", "max_choices": "2"},
            "min_choices",
            "The fewest projects cannot be more than the most projects.",
        ),
        ({"ballot_kind": "cumulative"}, "points_total", "Say how many points voters share out"),
        (
            {"ballot_kind": "cumulative", "points_total": "5", "max_points_per_project": "6"},
            "max_points_per_project",
            "The most points for one project cannot be more than the points to share.",
        ),
        ({"ballot_kind": "lottery"}, "ballot_kind", "Select a valid choice."),
        ({"ballot_kind": "approval", "max_choices": "0"}, "max_choices", "greater than or"),
    ],
)
def test_a_design_that_does_not_work_is_explained_on_its_field(
    organiser_client, fields, field, message
):
    process = factories.process_in(PhaseKind.SHORTLIST)

    response = _create(organiser_client, process, **fields)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert not Budget.objects.exists()


def test_the_design_is_locked_once_voting_opened(organiser_client):
    process = factories.voting_process()
    budget = Budget.objects.get(process=process, district__isnull=True)
    url = reverse(
        "budgeting:budget_edit", kwargs={"process_id": process.pk, "budget_id": budget.pk}
    )

    page = organiser_client.get(url).content.decode()
    response = organiser_client.post(
        url, {**BASE, "name": budget.name, "amount": "20000", "ballot_kind": "knapsack"}
    )

    assert "budgets and their ballot design cannot change any more" in page
    assert "Budgets cannot change once voting has opened." in response.content.decode()
    budget.refresh_from_db()
    assert budget.ballot_kind == BallotKind.APPROVAL


def test_points_ballots_are_refused_under_phragmen_on_the_field(organiser_client):
    process = factories.process_in(PhaseKind.SHORTLIST, rule="phragmen")

    response = _create(organiser_client, process, ballot_kind="ranked", min_choices="1")

    assert response.status_code == 200
    assert response.context["form"].errors["ballot_kind"] == [
        "Sequential Phragmén counts approval ballots only. Choose another counting rule for "
        "a process with points or ranked ballots, or another ballot design."
    ]
    assert not Budget.objects.filter(process=process).exists()
