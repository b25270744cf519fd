"""Page-registry rows for the Digicoach network (skills app), joined by tests/pages_skills.py.

The kwargs come from `samen.skills.demo_coaching.seed`: the library has a drop-in tomorrow
with free places and a full one the day after, booked by the resident and the staff member;
the demo coach has a profile, a log and two reported problems, one still open.

Bookings are private: anyone but the person who booked gets 404. Coach pages are for the
Digicoach role; the coordinator's pages sit under /manage/ and are for organisers.
"""

from datetime import timedelta
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samen.skills import forms as skills_forms
from samen.skills import forms_coaching, forms_impact, services_impact
from samen.skills.demo_coaching import COACH, FULL_SESSION_DAYS, LIBRARY
from samen.skills.models_coaching import (
    Booking,
    CoachingSession,
    CoachProfile,
    HelpPoint,
    OpeningTime,
    ProblemStatus,
    RecurringProblem,
    SessionLog,
    SkillCheck,
    Topic,
)
from samen.skills.models_impact import ImpactResponse
from tests.pages import DENIED, OK, Expect, Page, World, everyone, management, members

NOT_FOUND = Expect(404)


def _coach_only() -> dict[str, Expect]:
    return {**members(DENIED), "digicoach": OK}


def _owner_only(owner: str) -> dict[str, Expect]:
    return {**members(NOT_FOUND), owner: OK}


def _library_session(days: int) -> CoachingSession:
    day = timezone.localdate() + timedelta(days=days)
    return CoachingSession.objects.get(help_point__name=LIBRARY, starts_at__date=day)


def _open_session(world: World) -> dict[str, Any]:
    return {"session_id": _library_session(1).pk}


def _resident_booking(world: World) -> dict[str, Any]:
    booking = Booking.objects.get(
        person=world.users["resident"], session=_library_session(FULL_SESSION_DAYS)
    )
    return {"booking_id": booking.pk}


def _open_problem(world: World) -> dict[str, Any]:
    return {"problem_id": RecurringProblem.objects.get(status=ProblemStatus.OPEN).pk}


def _email_topic(world: World) -> dict[str, Any]:
    return {"topic_id": Topic.objects.get(name="Email").pk}


def _demo_coach(world: World) -> dict[str, Any]:
    return {"user_id": world.users["digicoach"].pk}


def _survey(world: World) -> dict[str, Any]:
    """A fresh one-time survey link for the library: each visit may answer it."""
    return {
        "token": services_impact.survey_link_make(help_point=HelpPoint.objects.get(name=LIBRARY))
    }


COACHING_PAGES: tuple[Page, ...] = (
    Page("skills:coaching", everyone(), "Get help from a Digicoach"),
    Page(
        "skills:book",
        members(),
        "Book a help session",
        kwargs=_open_session,
        methods=("GET", "POST"),
    ),
    Page("skills:booking_list", members(), "Your bookings"),
    Page(
        "skills:booking_cancel",
        _owner_only("resident"),
        "Cancel your booking",
        kwargs=_resident_booking,
        methods=("GET", "POST"),
    ),
    Page("skills:booking_calendar", _owner_only("resident"), kwargs=_resident_booking, html=False),
    Page("skills:log_list", _coach_only(), "Your coaching log"),
    Page("skills:log_create", _coach_only(), "Log a visit", methods=("GET", "POST")),
    Page("skills:survey_link", _coach_only(), "Make a survey link", methods=("GET", "POST")),
    Page(
        "skills:survey", everyone(), "How did the help go?", kwargs=_survey, methods=("GET", "POST")
    ),
    Page("skills:survey_thanks", everyone(), "Thank you for your answers"),
    Page(
        "skills:problem_create",
        _coach_only(),
        "Report a recurring problem",
        methods=("GET", "POST"),
    ),
    Page("skills:coaching_dashboard", management("organiser"), "Digicoach dashboard"),
    Page(
        "skills:problem_resolve",
        management("organiser"),
        "Mark a problem as acted on",
        kwargs=_open_problem,
        methods=("GET", "POST"),
    ),
    Page(
        "skills:session_create",
        management("organiser"),
        "Add a help session",
        methods=("GET", "POST"),
    ),
    Page(
        "skills:topic_list",
        management("organiser"),
        "Topics for the coaching log",
        methods=("GET", "POST"),
    ),
    Page(
        "skills:topic_edit",
        management("organiser"),
        "Change a topic",
        kwargs=_email_topic,
        methods=("GET", "POST"),
    ),
    Page("skills:coach_list", management("organiser"), "Coaches"),
    Page(
        "skills:coach_edit",
        management("organiser"),
        "Coach profile of Chantal Jansen",
        kwargs=_demo_coach,
        methods=("GET", "POST"),
    ),
)


# --------------------------------------------------------------------------- bad-input rows


def _url(name: str, kwargs: Any = None):  # type: ignore[no-untyped-def]
    def url(client: Client, world: World) -> str:
        return reverse(name, kwargs=kwargs(world) if kwargs else None)

    return url


def _log_payload(client: Client, world: World) -> dict[str, Any]:
    assert world.users["digicoach"].email == COACH
    return {
        "help_point": HelpPoint.objects.get(name=LIBRARY).pk,
        "helped_on": timezone.localdate().isoformat(),
        "topics": [Topic.objects.get(name="Email").pk],
        "help_given": "Set up email on a new phone.",
        "duration_minutes": "30",
    }


def _session_payload(client: Client, world: World) -> dict[str, Any]:
    return {
        "kind": "drop_in",
        "help_point": HelpPoint.objects.get(name=LIBRARY).pk,
        "coach": world.users["digicoach"].pk,
        "day": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "starts": "10:00",
        "ends": "12:00",
        "capacity": "6",
    }


COACHING_FORMS: tuple[dict[str, Any], ...] = (
    {
        "name": "coaching book",
        "page": "skills:book",
        "form": skills_forms.ConfirmForm,
        "role": "resident",
        "valid": lambda client, world: {},
        "url": _url("skills:book", _open_session),
    },
    {
        "name": "coaching cancel",
        "page": "skills:booking_cancel",
        "form": skills_forms.ConfirmForm,
        "role": "resident",
        "valid": lambda client, world: {},
        "url": _url("skills:booking_cancel", _resident_booking),
    },
    {
        "name": "coaching log",
        "page": "skills:log_create",
        "form": forms_coaching.SessionLogForm,
        "role": "digicoach",
        "valid": _log_payload,
        "url": _url("skills:log_create"),
    },
    {
        "name": "coaching survey link",
        "page": "skills:survey_link",
        "form": forms_impact.SurveyLinkForm,
        "role": "digicoach",
        "valid": lambda client, world: {"help_point": HelpPoint.objects.get(name=LIBRARY).pk},
        "url": _url("skills:survey_link"),
        "success": 200,
        "stores_nothing": "a survey link is signed, not stored",
    },
    {
        "name": "coaching impact survey",
        "page": "skills:survey",
        "form": forms_impact.ImpactSurveyForm,
        "role": "anonymous",
        "valid": lambda client, world: {
            "got_help": "partly",
            "confidence": "2",
            "recommend": "yes",
        },
        "url": _url("skills:survey", _survey),
    },
    {
        "name": "coaching problem",
        "page": "skills:problem_create",
        "form": forms_coaching.ProblemForm,
        "role": "digicoach",
        "valid": lambda client, world: {"title": "The bus app asks for a bank card."},
        "url": _url("skills:problem_create"),
    },
    {
        "name": "coaching problem acted on",
        "page": "skills:problem_resolve",
        "form": forms_coaching.ResolveProblemForm,
        "role": "organiser",
        "valid": lambda client, world: {"action_taken": "Fixed the form."},
        "url": _url("skills:problem_resolve", _open_problem),
    },
    {
        "name": "coach profile",
        "page": "skills:coach_edit",
        "form": forms_coaching.CoachProfileForm,
        "role": "organiser",
        "valid": lambda client, world: {"kind": "volunteer", "training_status": "trained"},
        "url": _url("skills:coach_edit", _demo_coach),
    },
    {
        "name": "coaching session",
        "page": "skills:session_create",
        "form": forms_coaching.SessionForm,
        "role": "organiser",
        "valid": _session_payload,
        "url": _url("skills:session_create"),
    },
    {
        "name": "coaching topic add",
        "page": "skills:topic_list",
        "form": forms_coaching.TopicForm,
        "role": "organiser",
        "valid": lambda client, world: {"name": "Parking permits", "position": "20"},
        "url": _url("skills:topic_list"),
    },
    {
        "name": "coaching topic change",
        "page": "skills:topic_edit",
        "form": forms_coaching.TopicForm,
        "role": "organiser",
        "valid": lambda client, world: {"name": "Email and attachments", "position": "1"},
        "url": _url("skills:topic_edit", _email_topic),
    },
)

COACHING_MODELS = (
    CoachProfile,
    HelpPoint,
    OpeningTime,
    CoachingSession,
    Booking,
    Topic,
    SessionLog,
    SessionLog.topics.through,
    SkillCheck,
    RecurringProblem,
    ImpactResponse,
)
