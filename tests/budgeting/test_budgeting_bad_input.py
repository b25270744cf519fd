"""Bad input on every budgeting form: 200, a message linked to the field, nothing saved.

The bad values are derived from each form class's fields (empty, too long, wrong type or
choice, HTML/script), plus an unexpected extra field, so a field added later is covered.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from samen.budgeting import forms as public_forms
from samen.budgeting import forms_manage, services
from samen.budgeting.models import Budget, District, Phase, PhaseKind, Process, Proposal
from samen.core.models import AuditEntry
from tests.budgeting.factories import district, organiser, process_in, proposal
from tests.dbstate import rows_of
from tests.factories import UserFactory
from tests.http.formcheck import SCRIPT, assert_error_linked, field_errors, non_field_errors

pytestmark = pytest.mark.django_db


@dataclass
class Setup:
    ideas: Process
    review: Process
    idea: Proposal  # waiting for review
    feasible: Proposal
    hidden: Proposal
    own: Proposal  # the resident's, in the ideas phase
    clients: dict[str, Client]


@pytest.fixture
def setup(login_verified) -> Setup:  # type: ignore[no-untyped-def]
    ideas = process_in(PhaseKind.IDEAS, title="Ideas now")
    district(ideas)
    review = process_in(PhaseKind.REVIEW, title="Review now")
    district(review)
    idea, feasible, hidden = (proposal(review, title=t) for t in ("Idea", "Feasible", "Hidden"))
    boss = organiser()
    services.proposal_review(actor=boss, proposal=feasible, feasible=True, reason="Fine.")
    moderator = UserFactory(roles=["staff", "moderator"])
    services.proposal_hide(actor=moderator, proposal=hidden, reason="Spam.")
    resident = Client()
    author = UserFactory()
    resident.force_login(author)
    own = proposal(ideas, author=author, title="Benches")
    return Setup(
        ideas,
        review,
        idea,
        feasible,
        hidden,
        own,
        {
            "resident": resident,
            "organiser": login_verified(Client(), boss),
            "moderator": login_verified(Client(), moderator),
        },
    )


@dataclass(frozen=True)
class Case:
    name: str
    role: str
    url: Callable[[Setup], str]
    form: Callable[[Setup], forms.Form]
    valid: Callable[[Setup], dict[str, Any]]

    def __str__(self) -> str:
        return self.name


def _at(name: str, **extra: Any) -> Callable[[Setup], str]:
    def url(s: Setup) -> str:
        kwargs = {key: value(s) for key, value in extra.items()}
        return reverse(f"budgeting:{name}", kwargs=kwargs)

    return url


def _review_id(s: Setup) -> int:
    return s.review.pk


def _proposal_of(attr: str) -> dict[str, Callable[[Setup], int]]:
    return {"process_id": _review_id, "proposal_id": lambda s: getattr(s, attr).pk}


PROCESS = {
    "title": "Decide together",
    "description": "Spend money together.",
    "currency": "EUR",
    "rule": "greedy-cost",
    "min_age": "11",
    "max_age": "18",
    "residency_required": "on",
}

CASES = (
    Case(
        "proposal",
        "resident",
        _at("proposal_submit", process_id=lambda s: s.ideas.pk),
        lambda s: public_forms.ProposalForm(process=s.ideas),
        lambda s: {
            "title": "Benches",
            "description": "Three benches.",
            "estimated_cost": "2500",
            "district": str(s.ideas.districts.get().pk),
            "category": "green",
            "location_text": "Park",
        },
    ),
    Case(
        "proposal edit",
        "resident",
        _at("proposal_edit", process_id=lambda s: s.ideas.pk, proposal_id=lambda s: s.own.pk),
        lambda s: public_forms.ProposalForm(process=s.ideas),
        lambda s: {
            "title": "Better benches",
            "description": "Four benches.",
            "estimated_cost": "3000",
            "district": "",
            "category": "green",
            "location_text": "",
        },
    ),
    Case(
        "process create",
        "organiser",
        _at("process_create"),
        lambda s: forms_manage.ProcessCreateForm(),
        lambda s: {**PROCESS, "starts_on": "2027-01-04"},
    ),
    Case(
        "process edit",
        "organiser",
        _at("process_edit", process_id=_review_id),
        lambda s: forms_manage.ProcessForm(),
        lambda s: dict(PROCESS),
    ),
    Case(
        "phase",
        "organiser",
        _at("phase_edit", process_id=_review_id, kind=lambda s: "delivery"),
        lambda s: forms_manage.PhaseForm(phase=s.review.phases.get(kind="delivery")),
        lambda s: {"enabled": "on", "starts_on": "2030-01-01", "ends_on": "2030-12-31"},
    ),
    Case(
        "district",
        "organiser",
        _at("district_create", process_id=_review_id),
        lambda s: forms_manage.DistrictForm(),
        lambda s: {"name": "Zuid", "postcode_patterns": "7415*"},
    ),
    Case(
        "budget",
        "organiser",
        _at("budget_create", process_id=_review_id),
        lambda s: forms_manage.BudgetForm(process=s.review),
        lambda s: {"name": "All", "district": "", "amount": "10000", "ballot_kind": "approval"},
    ),
    Case(
        "review",
        "organiser",
        _at("proposal_review", **_proposal_of("idea")),
        lambda s: forms_manage.ReviewForm(),
        lambda s: {"decision": "feasible", "reason": "Fine.", "adjusted_cost": "100"},
    ),
    Case(
        "merge",
        "organiser",
        _at("proposal_merge", **_proposal_of("idea")),
        lambda s: forms_manage.MergeForm(proposal=s.idea),
        lambda s: {"into": str(s.feasible.pk), "reason": "Same idea."},
    ),
    Case(
        "shortlist",
        "organiser",
        _at("proposal_shortlist", **_proposal_of("feasible")),
        lambda s: forms_manage.ShortlistForm(),
        lambda s: {"on_ballot": "yes"},
    ),
    Case(
        "hide",
        "moderator",
        _at("proposal_hide", **_proposal_of("idea")),
        lambda s: public_forms.HideForm(),
        lambda s: {"reason": "Spam."},
    ),
    Case(
        "unhide",
        "moderator",
        _at("proposal_unhide", **_proposal_of("hidden")),
        lambda s: public_forms.UnhideForm(),
        lambda s: {"reason": "Edited."},
    ),
)


def bad_values(form_field: forms.Field) -> list[tuple[str, Any]]:
    if isinstance(form_field, forms.BooleanField):
        return []
    values: list[tuple[str, Any]] = [("empty", "")] if form_field.required else []
    if isinstance(form_field, forms.ChoiceField | forms.ModelChoiceField):
        return [*values, ("invalid choice", "999999"), ("markup", SCRIPT)]
    if isinstance(form_field, forms.DecimalField | forms.IntegerField | forms.DateField):
        values += [("letters", "twelve"), ("too long", "9" * 5_000)]
    else:
        values.append(("too long", "x" * ((getattr(form_field, "max_length", None) or 9_999) + 1)))
    return [*values, ("markup", SCRIPT)]


def saved_state() -> dict[str, Any]:
    return rows_of((Process, Phase, District, Budget, Proposal, AuditEntry))


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_valid_payload_is_accepted(case, setup):
    before = saved_state()

    response = setup.clients[case.role].post(case.url(setup), case.valid(setup))

    assert response.status_code == 302, field_errors(response.content.decode())
    assert saved_state() != before


@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_bad_value_is_refused_with_a_linked_message_and_nothing_is_saved(case, setup):
    client, url = setup.clients[case.role], case.url(setup)
    refused = []
    for name, form_field in case.form(setup).fields.items():
        for kind, value in bad_values(form_field):
            data = {**case.valid(setup), name: value}
            before = saved_state()

            response = client.post(url, data)

            html = response.content.decode()
            assert response.status_code == 200, (name, kind)
            assert_error_linked(html, f"id_{name}")
            assert SCRIPT not in html
            assert saved_state() == before, (name, kind)
            refused.append((name, kind))
    assert refused  # every form has at least one field with bad values


@pytest.mark.parametrize("case", CASES, ids=str)
def test_an_unexpected_field_is_refused_and_nothing_is_saved(case, setup):
    before = saved_state()

    response = setup.clients[case.role].post(
        case.url(setup), {**case.valid(setup), "is_staff": "1"}
    )

    assert response.status_code == 200
    assert non_field_errors(response.content.decode()) == [
        "This form does not accept the field “is_staff”. Nothing was saved."
    ]
    assert saved_state() == before


def test_a_bad_filter_on_the_public_list_is_explained_and_the_list_still_shows(setup, client):
    url = reverse("budgeting:proposal_list", kwargs={"process_id": setup.review.pk})

    response = client.get(url, {"district": "abc", "category": SCRIPT})

    html = response.content.decode()
    assert response.status_code == 200
    assert_error_linked(html, "id_district")
    assert_error_linked(html, "id_category")
    assert "Idea" in html


@pytest.mark.parametrize("case", [c for c in CASES if c.name != "unhide"], ids=str)
def test_an_empty_post_is_refused_field_by_field(case, setup):
    required = [
        f"id_{name}"
        for name, form_field in case.form(setup).fields.items()
        if form_field.required and not isinstance(form_field, forms.BooleanField)
    ]
    before = saved_state()

    response = setup.clients[case.role].post(case.url(setup), {})

    assert response.status_code == 200
    assert field_errors(response.content.decode()) == required
    assert saved_state() == before
