"""Budgeting's rows for the page registry (tests/pages.py), filled from the demo seed.

`PAGES` here uses the registry's own `Page`, `Expect` and helpers; tests/pages.py adds these
rows to its `PAGES`. The kwargs look objects up in the demo data `samen.budgeting.demo.seed`
creates, which `build_world()` loads through `seed_demo`.

`BUDGETING_FORMS` describes every posted budgeting form for tests/http/test_bad_input.py as
keyword arguments of its `FormCase` (`FormCase(**row)`), and `BUDGETING_MODELS` lists the
models its `saved_state()` must snapshot. `BUDGETING_FORMS_NOT_POSTED` is the public filter,
sent with GET (tests/budgeting/test_budgeting_bad_input.py covers its bad values).
"""

from typing import Any

from django.test import Client
from django.urls import reverse

from samen.budgeting import forms as budgeting_forms
from samen.budgeting import forms_manage, forms_results
from samen.budgeting.demo import WARD_TITLE, YOUTH_TITLE
from samen.budgeting.demo_results import COUNTED_TITLE, FINISHED_TITLE
from samen.budgeting.models import Budget, BudgetResult, Count, District, Phase, Process, Proposal
from tests.pages import (
    DENIED,
    OK,
    ROLES,
    TO_LOGIN,
    UNVERIFIED,
    Expect,
    Page,
    World,
    everyone,
    management,
    members,
)

NOT_FOUND = Expect(404)
FEASIBLE = "Homework café in the library"
HIDDEN = "Cheap phone cases for sale"
MERGED = "Music classes for teenagers"
OWN = "Flower beds on the Marktplein"  # the demo resident's, in the ideas phase


def _process(title: str) -> Process:
    return Process.objects.get(title=title)


def _youth(world: World) -> dict[str, Any]:
    return {"process_id": _process(YOUTH_TITLE).pk}


def _ward(world: World) -> dict[str, Any]:
    return {"process_id": _process(WARD_TITLE).pk}


def _proposal(title: str):  # type: ignore[no-untyped-def]
    def kwargs(world: World) -> dict[str, Any]:
        proposal = Proposal.objects.get(title=title)
        return {"process_id": proposal.process_id, "proposal_id": proposal.pk}

    return kwargs


def _phase(world: World) -> dict[str, Any]:
    return {**_youth(world), "kind": "review"}


def _district(world: World) -> dict[str, Any]:
    district = District.objects.get(process__title=YOUTH_TITLE, name="Centrum")
    return {"process_id": district.process_id, "district_id": district.pk}


def _budget(world: World) -> dict[str, Any]:
    budget = Budget.objects.get(process__title=YOUTH_TITLE, district__isnull=True)
    return {"process_id": budget.process_id, "budget_id": budget.pk}


def _finished(world: World) -> dict[str, Any]:
    return {"process_id": _process(FINISHED_TITLE).pk}


def _counted(world: World) -> dict[str, Any]:
    return {"process_id": _process(COUNTED_TITLE).pk}


def _pb_file(world: World) -> dict[str, Any]:
    result = BudgetResult.objects.get(
        count__process__title=FINISHED_TITLE, budget__district__isnull=True
    )
    return {"process_id": result.count.process_id, "budget_id": result.budget_id}


def _unpublished_count(world: World) -> dict[str, Any]:
    count = Count.objects.get(process__title=COUNTED_TITLE, status="done")
    return {"process_id": count.process_id, "count_id": count.pk}


def _staff_only(*allowed: str) -> dict[str, Expect]:
    """A page outside /manage/ that only the listed roles see; the rest get 404, so a hidden
    proposal's existence is not given away."""
    table = {role: (OK if role in allowed else NOT_FOUND) for role in ROLES}
    table[UNVERIFIED] = OK if "organiser" in allowed else NOT_FOUND
    return table


def _residents_only() -> dict[str, Expect]:
    """Submitting ideas: residents (and partners) only; other members get 403."""
    table = {**members(DENIED), "resident": OK}
    table["anonymous"] = TO_LOGIN
    return table


GET_POST = ("GET", "POST")

PAGES: tuple[Page, ...] = (
    # public pages
    Page("budgeting:process_list", everyone(), "Participatory budgeting"),
    Page("budgeting:process_detail", everyone(), YOUTH_TITLE, kwargs=_youth),
    Page(
        "budgeting:process_detail",
        everyone(),
        WARD_TITLE,
        kwargs=_ward,
        variant="ideas phase",
    ),
    Page("budgeting:proposal_list", everyone(), "Proposals", kwargs=_youth),
    Page("budgeting:results", everyone(), "Results", kwargs=_finished),
    Page(
        "budgeting:results",
        everyone(),
        "Results",
        kwargs=_counted,
        variant="counted, not published",
    ),
    Page("budgeting:results_pb", everyone(), kwargs=_pb_file, html=False),
    Page(
        "budgeting:manage_results",
        management("organiser"),
        f"Results of {FINISHED_TITLE}",
        kwargs=_finished,
    ),
    Page(
        "budgeting:manage_results",
        management("organiser"),
        f"Results of {COUNTED_TITLE}",
        kwargs=_counted,
        variant="counted, not published",
    ),
    Page(
        "budgeting:count_request",
        management("organiser"),
        "Count the votes",
        kwargs=_counted,
        methods=GET_POST,
    ),
    Page(
        "budgeting:count_publish",
        management("organiser"),
        "Publish the results",
        kwargs=_unpublished_count,
        methods=GET_POST,
    ),
    Page("budgeting:proposal_detail", everyone(), FEASIBLE, kwargs=_proposal(FEASIBLE)),
    Page(
        "budgeting:proposal_detail",
        everyone(),
        MERGED,
        kwargs=_proposal(MERGED),
        variant="merged",
    ),
    Page(
        "budgeting:proposal_detail",
        _staff_only("organiser", "moderator"),
        HIDDEN,
        kwargs=_proposal(HIDDEN),
        variant="hidden",
    ),
    Page(
        "budgeting:proposal_submit",
        _residents_only(),
        "Share your idea",
        kwargs=_ward,
        methods=GET_POST,
    ),
    Page(
        "budgeting:proposal_submit",
        {**members(DENIED), "anonymous": TO_LOGIN},
        kwargs=_youth,
        methods=GET_POST,
        variant="ideas closed",
    ),
    Page(
        "budgeting:proposal_edit",
        _residents_only(),
        "Change your proposal",
        kwargs=_proposal(OWN),
        methods=GET_POST,
    ),
    # management: organisers run processes, moderators look after proposals
    Page(
        "budgeting:manage_process_list",
        management("organiser", "moderator"),
        "Budgeting processes",
    ),
    Page(
        "budgeting:process_create",
        management("organiser"),
        "Create a process",
        methods=GET_POST,
    ),
    Page(
        "budgeting:manage_process",
        management("organiser", "moderator"),
        YOUTH_TITLE,
        kwargs=_youth,
    ),
    Page(
        "budgeting:process_edit",
        management("organiser"),
        "Edit the process",
        kwargs=_youth,
        methods=GET_POST,
    ),
    Page(
        "budgeting:phase_edit",
        management("organiser"),
        "Phase: Review",
        kwargs=_phase,
        methods=GET_POST,
    ),
    Page(
        "budgeting:district_create",
        management("organiser"),
        "Add a district",
        kwargs=_youth,
        methods=GET_POST,
    ),
    Page(
        "budgeting:district_edit",
        management("organiser"),
        "Edit the district",
        kwargs=_district,
        methods=GET_POST,
    ),
    Page(
        "budgeting:budget_create",
        management("organiser"),
        "Add a budget",
        kwargs=_youth,
        methods=GET_POST,
    ),
    Page(
        "budgeting:budget_edit",
        management("organiser"),
        "Edit the budget",
        kwargs=_budget,
        methods=GET_POST,
    ),
    Page(
        "budgeting:proposal_review",
        management("organiser"),
        "Review a proposal",
        kwargs=_proposal(FEASIBLE),
        methods=GET_POST,
    ),
    Page(
        "budgeting:proposal_merge",
        management("organiser"),
        "Merge a proposal",
        kwargs=_proposal(FEASIBLE),
        methods=GET_POST,
    ),
    Page(
        "budgeting:proposal_shortlist",
        management("organiser"),
        "The ballot",
        kwargs=_proposal(FEASIBLE),
        methods=GET_POST,
    ),
    Page(
        "budgeting:proposal_hide",
        management("moderator"),
        "Hide a proposal",
        kwargs=_proposal(FEASIBLE),
        methods=GET_POST,
    ),
    Page(
        "budgeting:proposal_unhide",
        management("moderator"),
        "Show a proposal again",
        kwargs=_proposal(HIDDEN),
        methods=GET_POST,
    ),
)


def _to(name: str, kwargs: Any = None):  # type: ignore[no-untyped-def]
    def url(client: Client, world: World) -> str:
        return reverse(name, kwargs=kwargs(world) if kwargs else {})

    return url


def _valid(data: Any):  # type: ignore[no-untyped-def]
    """A payload that may need demo objects: `data(world)` or a plain dict."""

    def valid(client: Client, world: World) -> dict[str, Any]:
        return data(world) if callable(data) else dict(data)

    return valid


def _pk(model: Any, **lookup: Any) -> str:
    return str(model.objects.get(**lookup).pk)


PROCESS_FIELDS = {
    "title": "Decide together",
    "description": "Spend money together.",
    "currency": "EUR",
    "rule": "greedy-cost",
    "min_age": "11",
    "max_age": "18",
    "residency_required": "on",
}
SUBMITTED = "Repair café for bikes"
MODERATED = "Outdoor gym in Beekzijde"

BUDGETING_FORMS: tuple[dict[str, Any], ...] = (
    {
        "name": "budgeting proposal",
        "page": "budgeting:proposal_submit",
        "form": budgeting_forms.ProposalForm,
        "role": "resident",
        "valid": _valid(
            lambda world: {
                "title": "Benches",
                "description": "Three benches by the pond.",
                "estimated_cost": "2500",
                "district": _pk(District, process__title=WARD_TITLE, name="Centrum"),
                "category": "green",
                "location_text": "Park",
            }
        ),
        "url": _to("budgeting:proposal_submit", _ward),
    },
    {
        "name": "budgeting proposal edit",
        "page": "budgeting:proposal_edit",
        "form": budgeting_forms.ProposalForm,
        "role": "resident",
        "valid": _valid(
            {
                "title": "Flowers and trees on the Marktplein",
                "description": "Plant flowers and small trees on the square.",
                "estimated_cost": "26000",
                "district": "",
                "category": "green",
                "location_text": "Marktplein",
            }
        ),
        "url": _to("budgeting:proposal_edit", _proposal(OWN)),
    },
    {
        "name": "budgeting process create",
        "page": "budgeting:process_create",
        "form": forms_manage.ProcessCreateForm,
        "role": "organiser",
        "valid": _valid({**PROCESS_FIELDS, "starts_on": "2027-01-04"}),
        "url": _to("budgeting:process_create"),
    },
    {
        "name": "budgeting process edit",
        "page": "budgeting:process_edit",
        "form": forms_manage.ProcessForm,
        "role": "organiser",
        "valid": _valid(PROCESS_FIELDS),
        "url": _to("budgeting:process_edit", _youth),
    },
    {
        "name": "budgeting phase",
        "page": "budgeting:phase_edit",
        "form": forms_manage.PhaseForm,
        "role": "organiser",
        "valid": _valid({"enabled": "on", "starts_on": "2030-01-01", "ends_on": "2030-12-31"}),
        "url": _to("budgeting:phase_edit", lambda world: {**_youth(world), "kind": "delivery"}),
    },
    {
        "name": "budgeting district create",
        "page": "budgeting:district_create",
        "form": forms_manage.DistrictForm,
        "role": "organiser",
        "valid": _valid({"name": "Zuid", "postcode_patterns": "7415*"}),
        "url": _to("budgeting:district_create", _youth),
    },
    {
        "name": "budgeting district edit",
        "page": "budgeting:district_edit",
        "form": forms_manage.DistrictForm,
        "role": "organiser",
        "valid": _valid({"name": "Centrum-Oost", "postcode_patterns": "7411*"}),
        "url": _to("budgeting:district_edit", _district),
    },
    {
        "name": "budgeting budget create",
        "page": "budgeting:budget_create",
        "form": forms_manage.BudgetForm,
        "role": "organiser",
        "valid": _valid(
            {
                "name": "Whole ward",
                "district": "",
                "amount": "5000",
                "ballot_kind": "knapsack",
                "min_choices": "",
                "max_choices": "",
                "points_total": "",
                "max_points_per_project": "",
            }
        ),
        "url": _to("budgeting:budget_create", _ward),
    },
    {
        "name": "budgeting budget edit",
        "page": "budgeting:budget_edit",
        "form": forms_manage.BudgetForm,
        "role": "organiser",
        "valid": _valid(
            {
                "name": "All of Lindeveld",
                "district": "",
                "amount": "12000",
                "ballot_kind": "exactly",
                "min_choices": "1",
                "max_choices": "1",
                "points_total": "",
                "max_points_per_project": "",
            }
        ),
        "url": _to("budgeting:budget_edit", _budget),
    },
    {
        "name": "budgeting review",
        "page": "budgeting:proposal_review",
        "form": forms_manage.ReviewForm,
        "role": "organiser",
        "valid": _valid({"decision": "feasible", "reason": "Fine.", "adjusted_cost": "1800"}),
        "url": _to("budgeting:proposal_review", _proposal(SUBMITTED)),
    },
    {
        "name": "budgeting merge",
        "page": "budgeting:proposal_merge",
        "form": forms_manage.MergeForm,
        "role": "organiser",
        "valid": _valid(
            lambda world: {"into": _pk(Proposal, title=FEASIBLE), "reason": "Same idea."}
        ),
        "url": _to("budgeting:proposal_merge", _proposal(SUBMITTED)),
    },
    {
        "name": "budgeting shortlist",
        "page": "budgeting:proposal_shortlist",
        "form": forms_manage.ShortlistForm,
        "role": "organiser",
        "valid": _valid({"on_ballot": "yes"}),
        "url": _to("budgeting:proposal_shortlist", _proposal(FEASIBLE)),
    },
    {
        "name": "budgeting hide",
        "page": "budgeting:proposal_hide",
        "form": budgeting_forms.HideForm,
        "role": "moderator",
        "valid": _valid({"reason": "Insults a neighbour."}),
        "url": _to("budgeting:proposal_hide", _proposal(MODERATED)),
    },
    {
        "name": "budgeting unhide",
        "page": "budgeting:proposal_unhide",
        "form": budgeting_forms.UnhideForm,
        "role": "moderator",
        "valid": _valid({"reason": "It was advertising for a local shop we now allow."}),
        "url": _to("budgeting:proposal_unhide", _proposal(HIDDEN)),
    },
    {
        "name": "budgeting count",
        "page": "budgeting:count_request",
        "form": forms_results.CountForm,
        "role": "organiser",
        "valid": _valid({}),
        "url": _to("budgeting:count_request", _counted),
    },
    {
        "name": "budgeting publish",
        "page": "budgeting:count_publish",
        "form": forms_results.PublishForm,
        "role": "organiser",
        "valid": _valid({"checked": "on", "reason": "Checked with the residents' panel."}),
        "url": _to("budgeting:count_publish", _unpublished_count),
    },
)

BUDGETING_MODELS = (Process, Phase, District, Budget, Proposal, Count)
BUDGETING_FORMS_NOT_POSTED = {
    "samen.budgeting.forms.ProposalFilterForm": "The public list's filter, sent with GET.",
}

__all__ = ["BUDGETING_FORMS", "BUDGETING_FORMS_NOT_POSTED", "BUDGETING_MODELS", "PAGES"]

# Delivery, open data and the API keep their rows in tests/pages_budgeting_delivery.py.
from tests.pages_budgeting_delivery import (  # noqa: E402
    DELIVERY_FORMS,
    DELIVERY_MODELS,
    DELIVERY_PAGES,
)

PAGES = (*PAGES, *DELIVERY_PAGES)
BUDGETING_FORMS = (*BUDGETING_FORMS, *DELIVERY_FORMS)
BUDGETING_MODELS = (*BUDGETING_MODELS, *DELIVERY_MODELS)

# Online voting keeps its rows in tests/pages_budgeting_voting.py.
from tests.pages_budgeting_voting import VOTING_FORMS, VOTING_MODELS, VOTING_PAGES  # noqa: E402

PAGES = (*PAGES, *VOTING_PAGES)
BUDGETING_FORMS = (*BUDGETING_FORMS, *VOTING_FORMS)
BUDGETING_MODELS = (*BUDGETING_MODELS, *VOTING_MODELS)

# Voting codes and paper ballots keep their rows in tests/pages_budgeting_channels.py.
from tests.pages_budgeting_channels import (  # noqa: E402
    CHANNEL_FORMS,
    CHANNEL_MODELS,
    CHANNEL_PAGES,
)

PAGES = (*PAGES, *CHANNEL_PAGES)
BUDGETING_FORMS = (*BUDGETING_FORMS, *CHANNEL_FORMS)
BUDGETING_MODELS = (*BUDGETING_MODELS, *CHANNEL_MODELS)
