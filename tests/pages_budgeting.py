"""Budgeting's rows for the page registry (tests/pages.py), filled from the demo seed.

`PAGES` here uses the registry's own `Page`, `Expect` and helpers; tests/pages.py adds these
rows to its `PAGES`. The kwargs look objects up in the demo data `samen.budgeting.demo.seed`
creates, which `build_world()` loads through `seed_demo`.
"""

from typing import Any

from samen.budgeting.demo import WARD_TITLE, YOUTH_TITLE
from samen.budgeting.models import Budget, District, Process, Proposal
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

__all__ = ["PAGES"]
