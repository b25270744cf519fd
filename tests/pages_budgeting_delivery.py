"""Delivery, open data and the API in the page registry (joined in tests/pages_budgeting.py).

The rows use the demo's imported process (`samen.budgeting.demo_delivery`): its funded
projects have updates and milestones, and the demo resident follows one of them.
"""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from samen.budgeting import forms_delivery
from samen.budgeting.demo_delivery import DEMO_FILE, FOLLOWED, IMPORTED_TITLE
from samen.budgeting.models import (
    Ballot,
    BallotChoice,
    BudgetResult,
    Milestone,
    PbImport,
    ProjectFollow,
    ProjectResult,
    Proposal,
    StatusUpdate,
)
from samen.budgeting.tasks_delivery import unfollow_token
from tests.pages import TO_LOGIN, Expect, Page, World, everyone, management, members

CROSSING = "Safer crossing at the Kanaalweg school"
GET_POST = ("GET", "POST")


def _imported(world: World) -> dict[str, Any]:
    return {"process_id": Proposal.objects.get(title=FOLLOWED).process_id}


def _demo_import(world: World) -> dict[str, Any]:
    return {"import_id": PbImport.objects.get(file_name=DEMO_FILE.name).pk}


def _project(title: str):  # type: ignore[no-untyped-def]
    def kwargs(world: World) -> dict[str, Any]:
        proposal = Proposal.objects.get(title=title, process__title=IMPORTED_TITLE)
        return {"process_id": proposal.process_id, "proposal_id": proposal.pk}

    return kwargs


def _update(world: World) -> dict[str, Any]:
    update = StatusUpdate.objects.filter(proposal__title=FOLLOWED).latest("id")
    return {**_project(FOLLOWED)(world), "update_id": update.pk}


def _milestone(world: World) -> dict[str, Any]:
    milestone = Milestone.objects.filter(proposal__title=FOLLOWED).order_by("id").first()
    return {**_project(FOLLOWED)(world), "milestone_id": milestone.pk}


def _token(world: World) -> dict[str, Any]:
    follow = ProjectFollow.objects.get(proposal__title=FOLLOWED, user=world.users["resident"])
    return {"token": unfollow_token(follow)}


def _api(name: str, **extra: Any) -> Page:
    kwargs = _imported if name not in ("api:processes", "api:openapi-json") else None
    return Page(
        name,
        everyone(),
        kwargs=kwargs or (lambda world: {}),
        html=False,
        **extra,
    )


DELIVERY_PAGES: tuple[Page, ...] = (
    Page("budgeting:delivery_process", everyone(), "Delivery", kwargs=_imported),
    Page("budgeting:delivery_project", everyone(), FOLLOWED, kwargs=_project(FOLLOWED)),
    Page(
        "budgeting:delivery_follow",
        {**members(), "anonymous": TO_LOGIN},
        "Follow a project",
        kwargs=_project(CROSSING),
        methods=GET_POST,
    ),
    Page(
        "budgeting:delivery_unfollow",
        everyone(),
        "Stop following a project",
        kwargs=_token,
        methods=GET_POST,
    ),
    Page(
        "budgeting:delivery_unfollow",
        everyone(),
        "Stop following a project",
        kwargs=lambda world: {"token": "not-a-valid-token"},
        variant="invalid link",
    ),
    Page("budgeting:delivery_manage", management("organiser"), "Manage delivery", kwargs=_imported),
    Page(
        "budgeting:delivery_manage_project",
        management("organiser"),
        f"Delivery of {FOLLOWED}",
        kwargs=_project(FOLLOWED),
        methods=GET_POST,
    ),
    Page(
        "budgeting:status_update_edit",
        management("organiser"),
        "Correct an update",
        kwargs=_update,
        methods=GET_POST,
    ),
    Page(
        "budgeting:milestone_create",
        management("organiser"),
        "Add a milestone",
        kwargs=_project(FOLLOWED),
        methods=GET_POST,
    ),
    Page(
        "budgeting:milestone_edit",
        management("organiser"),
        "Change a milestone",
        kwargs=_milestone,
        methods=GET_POST,
    ),
    Page(
        "budgeting:process_import",
        management("organiser"),
        "Import a Pabulib file",
        methods=GET_POST,
    ),
    Page(
        "budgeting:import_status",
        management("organiser"),
        f"Importing {DEMO_FILE.name}",
        kwargs=_demo_import,
    ),
    Page("budgeting:proposals_csv", everyone(), kwargs=_imported, html=False),
    Page("budgeting:results_csv", everyone(), kwargs=_imported, html=False),
    Page("budgeting:manage_proposals_csv", management("organiser"), kwargs=_imported, html=False),
    Page("budgeting:open_data", everyone(), "Open data API"),
    Page("api_docs", everyone(Expect(302, "budgeting:open_data"))),
    Page("api:api-root", everyone(Expect(302, "budgeting:open_data"))),
    _api("api:openapi-json"),
    _api("api:processes"),
    _api("api:process"),
    _api("api:phases"),
    _api("api:budgets"),
    _api("api:projects"),
    _api("api:results"),
    _api("api:delivery"),
)


def _to(name: str, kwargs: Any):  # type: ignore[no-untyped-def]
    def url(client: Client, world: World) -> str:
        return reverse(name, kwargs=kwargs(world) if kwargs else {})

    return url


def _fixed(data: dict[str, Any]):  # type: ignore[no-untyped-def]
    def valid(client: Client, world: World) -> dict[str, Any]:
        return dict(data)

    return valid


def _upload(client: Client, world: World) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("lindeveld.pb", DEMO_FILE.read_bytes()), "publish": "on"}


UPDATE = {"status": "in_progress", "published_on": "2026-01-05", "text": "Work started."}
MILESTONE = {"title": "Paths laid", "due_on": "2026-04-01", "done_on": ""}

DELIVERY_FORMS: tuple[dict[str, Any], ...] = (
    {
        "name": "budgeting status update",
        "page": "budgeting:delivery_manage_project",
        "form": forms_delivery.StatusUpdateForm,
        "role": "organiser",
        "valid": _fixed(UPDATE),
        "url": _to("budgeting:delivery_manage_project", _project(FOLLOWED)),
    },
    {
        "name": "budgeting status update correction",
        "page": "budgeting:status_update_edit",
        "form": forms_delivery.StatusUpdateChangeForm,
        "role": "organiser",
        "valid": _fixed({**UPDATE, "reason": "The date was wrong."}),
        "url": _to("budgeting:status_update_edit", _update),
    },
    {
        "name": "budgeting milestone create",
        "page": "budgeting:milestone_create",
        "form": forms_delivery.MilestoneForm,
        "role": "organiser",
        "valid": _fixed(MILESTONE),
        "url": _to("budgeting:milestone_create", _project(FOLLOWED)),
    },
    {
        "name": "budgeting milestone edit",
        "page": "budgeting:milestone_edit",
        "form": forms_delivery.MilestoneForm,
        "role": "organiser",
        "valid": _fixed(MILESTONE),
        "url": _to("budgeting:milestone_edit", _milestone),
    },
    {
        "name": "budgeting follow",
        "page": "budgeting:delivery_follow",
        "form": forms_delivery.FollowForm,
        "role": "resident",
        "valid": _fixed({}),
        "url": _to("budgeting:delivery_follow", _project(CROSSING)),
    },
    {
        "name": "budgeting unfollow",
        "page": "budgeting:delivery_unfollow",
        "form": forms_delivery.FollowForm,
        "role": "anonymous",
        "valid": _fixed({}),
        "url": _to("budgeting:delivery_unfollow", _token),
    },
    {
        "name": "budgeting import",
        "page": "budgeting:process_import",
        "form": forms_delivery.ImportForm,
        "role": "organiser",
        "valid": _upload,
        "url": _to("budgeting:process_import", None),
    },
)
DELIVERY_MODELS = (
    PbImport,
    StatusUpdate,
    Milestone,
    ProjectFollow,
    Ballot,
    BallotChoice,
    BudgetResult,
    ProjectResult,
)
