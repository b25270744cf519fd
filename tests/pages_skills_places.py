"""Page-registry rows for help points, opening times and cancelling a help session (skills
app), joined by tests/pages_skills.py.

The kwargs come from `samen.skills.demo_coaching.seed`: the library (open Tuesday and
Thursday) and the demo coach's drop-in there tomorrow. Help points are managed under /manage/
by organisers; a session is cancelled by its own coach or by an organiser, outside /manage/
because Digicoaches do not use two-factor login.
"""

from typing import Any

from django.test import Client

from samen.skills import forms as skills_forms
from samen.skills import forms_coaching_manage
from samen.skills.demo_coaching import LIBRARY
from samen.skills.models_coaching import HelpPoint, OpeningTime
from tests.pages import DENIED, OK, UNVERIFIED, Expect, Page, World, management, members
from tests.pages_skills_coaching import _open_session, _url


def _cancellers() -> dict[str, Expect]:
    return {**members(DENIED), "digicoach": OK, "organiser": OK, UNVERIFIED: OK}


def _library(world: World) -> dict[str, Any]:
    return {"help_point_id": HelpPoint.objects.get(name=LIBRARY).pk}


def _library_slot(world: World) -> dict[str, Any]:
    slot = OpeningTime.objects.filter(help_point__name=LIBRARY).order_by("weekday").first()
    assert slot is not None
    return {"help_point_id": slot.help_point_id, "slot_id": slot.pk}


PLACES_PAGES: tuple[Page, ...] = (
    Page(
        "skills:session_cancel",
        _cancellers(),
        "Cancel a help session",
        kwargs=_open_session,
        methods=("GET", "POST"),
    ),
    Page("skills:help_point_list", management("organiser"), "Help points"),
    Page(
        "skills:help_point_create",
        management("organiser"),
        "Add a help point",
        methods=("GET", "POST"),
    ),
    Page(
        "skills:help_point_edit",
        management("organiser"),
        "Change a help point",
        kwargs=_library,
        methods=("GET", "POST"),
    ),
    Page(
        "skills:opening_time_add",
        management("organiser"),
        "Add an opening time",
        kwargs=_library,
        methods=("GET", "POST"),
    ),
    Page(
        "skills:opening_time_remove",
        management("organiser"),
        "Remove an opening time",
        kwargs=_library_slot,
        methods=("GET", "POST"),
    ),
)


def _new_point(client: Client, world: World) -> dict[str, Any]:
    return {"name": "Community centre De Linde", "address": "Lindelaan 4, 7412 EF Lindeveld"}


def _library_changed(client: Client, world: World) -> dict[str, Any]:
    point = HelpPoint.objects.get(name=LIBRARY)
    return {"name": point.name, "address": "Kerkstraat 14, 7411 AB Lindeveld"}


def _saturday_morning(client: Client, world: World) -> dict[str, Any]:
    return {"weekday": "5", "opens": "10:00", "closes": "12:30"}


PLACES_FORMS: tuple[dict[str, Any], ...] = (
    {
        "name": "coaching session cancel",
        "page": "skills:session_cancel",
        "form": forms_coaching_manage.CancelSessionForm,
        "role": "digicoach",
        "valid": lambda client, world: {"reason": "The library is closed for a power cut."},
        "url": _url("skills:session_cancel", _open_session),
    },
    {
        "name": "coaching help point add",
        "page": "skills:help_point_create",
        "form": forms_coaching_manage.HelpPointForm,
        "role": "organiser",
        "valid": _new_point,
        "url": _url("skills:help_point_create"),
    },
    {
        "name": "coaching help point change",
        "page": "skills:help_point_edit",
        "form": forms_coaching_manage.HelpPointForm,
        "role": "organiser",
        "valid": _library_changed,
        "url": _url("skills:help_point_edit", _library),
    },
    {
        "name": "coaching opening time add",
        "page": "skills:opening_time_add",
        "form": forms_coaching_manage.OpeningTimeForm,
        "role": "organiser",
        "valid": _saturday_morning,
        "url": _url("skills:opening_time_add", _library),
    },
    {
        "name": "coaching opening time remove",
        "page": "skills:opening_time_remove",
        "form": skills_forms.ConfirmForm,
        "role": "organiser",
        "valid": lambda client, world: {},
        "url": _url("skills:opening_time_remove", _library_slot),
    },
)
