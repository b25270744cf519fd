"""Page-registry rows for the organisation's skills picture (skills app), joined by
tests/pages_skills.py.

The kwargs come from `samen.skills.demo_picture.seed`: five departments (Communications has
only three assessed people), three job roles with targets, and demo colleagues. The picture
and its management pages sit under /manage/ and are for organisers; "your department and
job" is for anyone with the staff role (the demo coach, organiser, moderator and
administrator have it too).
"""

from typing import Any

from django.test import Client

from samen.skills import forms_picture
from samen.skills.models_picture import Department, JobRole, StaffProfile, TargetLevel
from tests.pages import DENIED, OK, UNVERIFIED, Expect, Page, World, management, members
from tests.pages_skills_coaching import _url


def _staff_only() -> dict[str, Expect]:
    table = {**members(DENIED)}
    for role in ("staff", "digicoach", "organiser", "moderator", "admin", UNVERIFIED):
        table[role] = OK
    return table


def _finance(world: World) -> dict[str, Any]:
    return {"department_id": Department.objects.get(name="Finance").pk}


def _front_desk(world: World) -> dict[str, Any]:
    return {"job_role_id": JobRole.objects.get(name="Front desk").pk}


def _demo_staff(world: World) -> dict[str, Any]:
    return {"user_id": world.users["staff"].pk}


PICTURE_PAGES: tuple[Page, ...] = (
    Page("skills:my_work", _staff_only(), "Your department and job", methods=("GET", "POST")),
    Page("skills:picture", management("organiser"), "Skills picture of the organisation"),
    Page("skills:picture_csv", management("organiser"), html=False),
    Page(
        "skills:department_list",
        management("organiser"),
        "Departments",
        methods=("GET", "POST"),
    ),
    Page(
        "skills:department_edit",
        management("organiser"),
        "Rename a department",
        kwargs=_finance,
        methods=("GET", "POST"),
    ),
    Page("skills:job_role_list", management("organiser"), "Job roles and targets"),
    Page(
        "skills:job_role_create",
        management("organiser"),
        "Add a job role",
        methods=("GET", "POST"),
    ),
    Page(
        "skills:job_role_edit",
        management("organiser"),
        "Change a job role",
        kwargs=_front_desk,
        methods=("GET", "POST"),
    ),
    Page("skills:staff_list", management("organiser"), "Staff members"),
    Page(
        "skills:staff_edit",
        management("organiser"),
        "Department and job role of Sander Bakker",
        kwargs=_demo_staff,
        methods=("GET", "POST"),
    ),
)


# --------------------------------------------------------------------------- bad-input rows


def _move_to_finance(client: Client, world: World) -> dict[str, Any]:
    return {
        "department": Department.objects.get(name="Finance").pk,
        "job_role": JobRole.objects.get(name="Policy advisor").pk,
    }


PICTURE_FORMS: tuple[dict[str, Any], ...] = (
    {
        "name": "skills department add",
        "page": "skills:department_list",
        "form": forms_picture.DepartmentForm,
        "role": "organiser",
        "valid": lambda client, world: {"name": "Human resources"},
        "url": _url("skills:department_list"),
    },
    {
        "name": "skills department rename",
        "page": "skills:department_edit",
        "form": forms_picture.DepartmentForm,
        "role": "organiser",
        "valid": lambda client, world: {"name": "Finance and control"},
        "url": _url("skills:department_edit", _finance),
    },
    {
        "name": "skills job role add",
        "page": "skills:job_role_create",
        "form": forms_picture.JobRoleForm,
        "role": "organiser",
        "valid": lambda client, world: {"name": "Archivist", "target_1": "3", "target_5": "4"},
        "url": _url("skills:job_role_create"),
    },
    {
        "name": "skills job role change",
        "page": "skills:job_role_edit",
        "form": forms_picture.JobRoleForm,
        "role": "organiser",
        "valid": lambda client, world: {"name": "Front desk", "target_1": "4"},
        "url": _url("skills:job_role_edit", _front_desk),
    },
    {
        "name": "skills staff profile (organiser)",
        "page": "skills:staff_edit",
        "form": forms_picture.StaffProfileForm,
        "role": "organiser",
        "valid": _move_to_finance,
        "url": _url("skills:staff_edit", _demo_staff),
    },
    {
        "name": "skills staff profile (own)",
        "page": "skills:my_work",
        "form": forms_picture.StaffProfileForm,
        "role": "staff",
        "valid": _move_to_finance,
        "url": _url("skills:my_work"),
    },
)

PICTURE_MODELS = (Department, JobRole, TargetLevel, StaffProfile)
