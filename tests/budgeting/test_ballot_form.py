"""BallotForm: every ballot design parsed from a POST, totals recomputed, errors on the budget."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from samen.budgeting.forms_voting import BallotForm, rule_in_words
from samen.budgeting.models import BallotKind, Budget, Proposal
from tests.budgeting import factories

pytestmark = pytest.mark.django_db


def _form(process, data=None, **kwargs):  # type: ignore[no-untyped-def]
    centrum = process.districts.get(name="Centrum")
    return BallotForm(data, process=process, district=centrum, seed=7, **kwargs)


def _ids(process, *titles):  # type: ignore[no-untyped-def]
    return [str(Proposal.objects.get(process=process, title=t).pk) for t in titles]


def _budgets(process):  # type: ignore[no-untyped-def]
    return (
        Budget.objects.get(process=process, district__name="Centrum"),
        Budget.objects.get(process=process, district__isnull=True),
    )


def test_exactly_parses_checkboxes_into_choices():
    process = factories.voting_process(ballot_kind=BallotKind.EXACTLY, min_choices=1, max_choices=1)
    local, wide = _budgets(process)
    [c1] = _ids(process, "Centrum project 1")
    [a2] = _ids(process, "Area project 2")
    form = _form(process, {f"budget_{local.pk}": [c1], f"budget_{wide.pk}": [a2]})

    assert form.is_valid(), form.errors
    assert form.choices() == {local.pk: {int(c1): 1}, wide.pk: {int(a2): 1}}


def test_exactly_wrong_count_is_reported_on_that_budget():
    process = factories.voting_process(ballot_kind=BallotKind.EXACTLY, min_choices=1, max_choices=1)
    local, wide = _budgets(process)
    c1, c2 = _ids(process, "Centrum project 1", "Centrum project 2")
    [a1] = _ids(process, "Area project 1")
    form = _form(process, {f"budget_{local.pk}": [c1, c2], f"budget_{wide.pk}": [a1]})

    assert not form.is_valid()
    assert form.budget_errors == {local.pk: ["Choose exactly 1 project for Centrum; you chose 2."]}
    sections = {s.budget.pk: s for s in form.sections()}
    assert sections[local.pk].errors == ["Choose exactly 1 project for Centrum; you chose 2."]
    assert sections[wide.pk].errors == []


def test_knapsack_total_and_projects_that_no_longer_fit():
    process = factories.voting_process(ballot_kind=BallotKind.KNAPSACK)
    local, _wide = _budgets(process)
    c2, c3 = _ids(process, "Centrum project 2", "Centrum project 3")
    form = _form(process, {f"budget_{local.pk}": [c3], "action": "update"})
    section = next(s for s in form.sections() if s.budget.pk == local.pk)

    assert section.spent_minor == 600_000
    assert section.left_minor == 400_000
    assert section.status_text() == "You have chosen EUR 6,000 of EUR 10,000. EUR 4,000 is left."
    fits = {row.proposal.title: row.fits for row in section.projects}
    assert fits == {
        "Centrum project 1": True,
        "Centrum project 2": False,
        "Centrum project 3": True,
    }

    over = _form(process, {f"budget_{local.pk}": [c2, c3]})
    assert not over.is_valid()
    assert over.budget_errors[local.pk] == [
        "Your choices for Centrum cost EUR 11,000, more than the EUR 10,000 to spend."
    ]


def test_cumulative_points_left_and_bad_numbers():
    process = factories.voting_process(
        ballot_kind=BallotKind.CUMULATIVE, points_total=10, max_points_per_project=6
    )
    local, wide = _budgets(process)
    c1, c2 = _ids(process, "Centrum project 1", "Centrum project 2")
    [a1] = _ids(process, "Area project 1")
    data = {f"points_{local.pk}_{c1}": "6", f"points_{local.pk}_{c2}": "3"}
    data[f"points_{wide.pk}_{a1}"] = "5"
    form = _form(process, data)

    assert form.is_valid(), form.errors
    assert form.choices() == {local.pk: {int(c1): 6, int(c2): 3}, wide.pk: {int(a1): 5}}
    section = next(s for s in form.sections() if s.budget.pk == local.pk)
    assert section.status_text() == "You have given 9 of 10 points. 1 left."

    bad = _form(process, {f"points_{local.pk}_{c1}": "lots", f"points_{local.pk}_{c2}": "7"})
    assert not bad.is_valid()
    assert bad.errors[f"points_{local.pk}_{c1}"] == [
        "Enter the points as a whole number, for example 3."
    ]
    assert bad.errors[f"points_{local.pk}_{c2}"] == ["Give at most 6 points to one project."]
    assert (f"points_{local.pk}_{c2}", "Give at most 6 points to one project.") in (
        bad.field_errors()
    )


def test_ranked_places_must_be_distinct():
    process = factories.voting_process(ballot_kind=BallotKind.RANKED, max_choices=2)
    local, wide = _budgets(process)
    c1, c2 = _ids(process, "Centrum project 1", "Centrum project 2")
    [a1] = _ids(process, "Area project 1")
    good = _form(
        process,
        {f"rank_{local.pk}_{c1}": "2", f"rank_{local.pk}_{c2}": "1", f"rank_{wide.pk}_{a1}": "1"},
    )
    assert good.is_valid(), good.errors
    assert good.choices()[local.pk] == {int(c1): 2, int(c2): 1}

    same = _form(process, {f"rank_{local.pk}_{c1}": "1", f"rank_{local.pk}_{c2}": "1"})
    assert not same.is_valid()
    assert same.budget_errors[local.pk] == [
        "In Centrum, give each chosen project its own place: 1, 2, 3 and so on."
    ]
    beyond = _form(process, {f"rank_{local.pk}_{c1}": "3"})
    assert beyond.errors[f"rank_{local.pk}_{c1}"] == ["Choose a place from the list."]


def test_unknown_fields_are_refused():
    process = factories.voting_process()
    form = _form(process, {"is_staff": "1"})
    assert not form.is_valid()
    assert form.non_field_errors() == [
        "This form does not accept the field “is_staff”. Nothing was saved."
    ]


def test_rules_in_words():
    process = factories.voting_process(ballot_kind=BallotKind.UP_TO, max_choices=3)
    local, _wide = _budgets(process)
    assert rule_in_words(local, "EUR") == "Choose up to 3 projects."
    local.ballot_kind, local.min_choices, local.max_choices = BallotKind.EXACTLY, 3, 3
    assert rule_in_words(local, "EUR") == "Choose exactly 3 projects."
    local.ballot_kind = BallotKind.KNAPSACK
    local.min_choices, local.max_choices = 0, None
    assert rule_in_words(local, "EUR") == (
        "Spend up to EUR 10,000. Choose the projects you want until the money runs out."
    )
    local.ballot_kind, local.points_total, local.max_points_per_project = "cumulative", 10, 5
    local.min_choices = 3
    assert rule_in_words(local, "EUR") == (
        "Share out 10 points between the projects. Give at most 5 points to one project. "
        "Give points to at least 3 projects."
    )


@pytest.mark.parametrize(
    "kind", ["exactly", "up_to", "approval", "knapsack", "cumulative", "ranked"]
)
def test_every_design_renders_a_fieldset_per_budget(kind):
    design = {"ballot_kind": kind}
    if kind in ("exactly", "up_to"):
        design.update(min_choices=1 if kind == "exactly" else 0, max_choices=1)
    if kind == "cumulative":
        design["points_total"] = 10
    process = factories.voting_process(**design)
    request = RequestFactory().get("/")
    html = render_to_string(
        "budgeting/_ballot_fields.html", {"form": _form(process), "request": request}
    )
    assert html.count("<fieldset") == 2
    assert html.count("<legend>") == 2
    assert ("Update total" in html) == (kind in ("knapsack", "cumulative"))
    assert "Centrum project 3" in html
    assert "Noord project 1" not in html
