"""Page-registry rows for courses and summer classes (skills app), joined by
tests/pages_skills.py.

The kwargs come from `samen.skills.demo_courses.seed`: a six-session summer class for staff;
a full class ("Spotting online scams") where the resident has a place and the staff member is
first on the waiting list; a course needing approval where the Digicoach waits for a decision;
an open course nobody is on yet; and a past course where the resident and the staff member
attended (the resident has a certificate, gave feedback and has a calendar link). The past
course's in-house specialist is the demo Digicoach, who may register its attendance.

Enrolments are private: anyone but the person enrolled gets 404. The organiser's pages sit
under /manage/ and are for organisers.
"""

from datetime import timedelta
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samen.skills import forms as skills_forms
from samen.skills import forms_courses
from samen.skills.demo_courses import APPROVAL, FULL, OPEN, PAST, SUMMER
from samen.skills.models_courses import (
    Attendance,
    CalendarFeed,
    Certificate,
    Course,
    CourseSession,
    Enrolment,
    Feedback,
)
from tests.pages import OK, POST_ONLY, Expect, Page, World, everyone, management, members

NOT_FOUND = Expect(404)


def _owner_only(owner: str) -> dict[str, Expect]:
    return {**members(NOT_FOUND), owner: OK}


def _course(title: str) -> Course:
    return Course.objects.get(title=title)


def _course_kwargs(title: str):  # type: ignore[no-untyped-def]
    def kwargs(world: World) -> dict[str, Any]:
        return {"course_id": _course(title).pk}

    return kwargs


def _enrolment_kwargs(role: str, title: str):  # type: ignore[no-untyped-def]
    def kwargs(world: World) -> dict[str, Any]:
        enrolment = Enrolment.objects.get(person=world.users[role], course=_course(title))
        return {"enrolment_id": enrolment.pk}

    return kwargs


def _first_session(title: str) -> CourseSession:
    return _course(title).sessions.order_by("starts_at").first()  # type: ignore[return-value]


def _session_edit(world: World) -> dict[str, Any]:
    session = _first_session(OPEN)
    return {"course_id": session.course_id, "session_id": session.pk}


def _past_session(world: World) -> dict[str, Any]:
    return {"session_id": _first_session(PAST).pk}


def _feed(world: World) -> dict[str, Any]:
    return {"token": CalendarFeed.objects.get(user=world.users["resident"]).token}


COURSE_PAGES: tuple[Page, ...] = (
    Page("skills:course_list", everyone(), "Courses and summer classes"),
    Page("skills:course_detail", everyone(), SUMMER, kwargs=_course_kwargs(SUMMER)),
    Page(
        "skills:course_detail",
        everyone(),
        FULL,
        kwargs=_course_kwargs(FULL),
        variant="a full course",
    ),
    Page("skills:course_calendar", everyone(), kwargs=_course_kwargs(SUMMER), html=False),
    Page(
        "skills:course_enrol",
        members(),
        "Enrol on a course",
        kwargs=_course_kwargs(OPEN),
        methods=("GET", "POST"),
    ),
    Page("skills:my_courses", members(), "My courses"),
    Page(
        "skills:enrolment_cancel",
        _owner_only("staff"),
        "Cancel your enrolment",
        kwargs=_enrolment_kwargs("staff", FULL),
        methods=("GET", "POST"),
    ),
    Page(
        "skills:enrolment_calendar",
        _owner_only("resident"),
        kwargs=_enrolment_kwargs("resident", FULL),
        html=False,
    ),
    Page(
        "skills:certificate_pdf",
        _owner_only("resident"),
        kwargs=_enrolment_kwargs("resident", PAST),
        html=False,
    ),
    Page(
        "skills:course_feedback",
        _owner_only("staff"),
        "Your feedback",
        kwargs=_enrolment_kwargs("staff", PAST),
        methods=("GET", "POST"),
    ),
    Page("skills:calendar_feed_renew", everyone(POST_ONLY), methods=("POST",)),
    Page("skills:calendar_feed", everyone(), kwargs=_feed, html=False),
    Page(
        "skills:certificate_verify",
        everyone(),
        "Check a certificate",
        methods=("GET", "POST"),
    ),
    Page("skills:course_manage_list", management("organiser"), "Manage courses"),
    Page("skills:course_create", management("organiser"), "Add a course", methods=("GET", "POST")),
    Page(
        "skills:course_edit",
        management("organiser"),
        "Change a course",
        kwargs=_course_kwargs(SUMMER),
        methods=("GET", "POST"),
    ),
    Page(
        "skills:course_session_create",
        management("organiser"),
        "Add a session",
        kwargs=_course_kwargs(OPEN),
        methods=("GET", "POST"),
    ),
    Page(
        "skills:course_session_edit",
        management("organiser"),
        "Change a session",
        kwargs=_session_edit,
        methods=("GET", "POST"),
    ),
    Page(
        "skills:course_enrolments",
        management("organiser"),
        f"Enrolments: {FULL}",
        kwargs=_course_kwargs(FULL),
    ),
    Page(
        "skills:enrolment_decide",
        management("organiser"),
        "Decide on an enrolment",
        kwargs=_enrolment_kwargs("digicoach", APPROVAL),
        methods=("GET", "POST"),
    ),
    Page(
        "skills:enrolment_remove",
        management("organiser"),
        "Take someone off a course",
        kwargs=_enrolment_kwargs("staff", FULL),
        methods=("GET", "POST"),
    ),
    Page(
        "skills:course_attendance",
        management("organiser", "digicoach"),
        "Register attendance",
        kwargs=_past_session,
        methods=("GET", "POST"),
    ),
    Page(
        "skills:course_feedback_summary",
        management("organiser"),
        f"Feedback: {PAST}",
        kwargs=_course_kwargs(PAST),
    ),
)


# --------------------------------------------------------------------------- bad-input rows


def _url(name: str, kwargs: Any = None):  # type: ignore[no-untyped-def]
    def url(client: Client, world: World) -> str:
        return reverse(name, kwargs=kwargs(world) if kwargs else None)

    return url


def _course_payload(client: Client, world: World) -> dict[str, Any]:
    return {
        "title": "Excel for beginners",
        "description": "Tables, sums and charts.",
        "audience": "staff",
        "capacity": "20",
        "sessions_for_certificate": "1",
        "published": "on",
    }


def _session_payload(client: Client, world: World) -> dict[str, Any]:
    return {
        "title": "Sums and charts",
        "day": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "starts": "10:00",
        "ends": "12:00",
        "place": "Town hall, room 3",
        "internal_speaker": world.users["organiser"].pk,
        "external_speaker": "Dr. Veld",
    }


def _attendance_payload(client: Client, world: World) -> dict[str, Any]:
    enrolled = Enrolment.objects.filter(course=_course(PAST), status="enrolled")
    return {"present": [enrolment.pk for enrolment in enrolled]}


def _certificate_code(client: Client, world: World) -> dict[str, Any]:
    return {"code": Certificate.objects.get(enrolment__person=world.users["resident"]).code}


COURSE_FORMS: tuple[dict[str, Any], ...] = (
    {
        "name": "course enrol",
        "page": "skills:course_enrol",
        "form": skills_forms.ConfirmForm,
        "role": "resident",
        "valid": lambda client, world: {},
        "url": _url("skills:course_enrol", _course_kwargs(OPEN)),
    },
    {
        "name": "course cancel",
        "page": "skills:enrolment_cancel",
        "form": skills_forms.ConfirmForm,
        "role": "staff",
        "valid": lambda client, world: {},
        "url": _url("skills:enrolment_cancel", _enrolment_kwargs("staff", FULL)),
    },
    {
        "name": "course calendar link",
        "page": "skills:calendar_feed_renew",
        "form": skills_forms.ConfirmForm,
        "role": "staff",
        "valid": lambda client, world: {},
        "url": _url("skills:calendar_feed_renew"),
    },
    {
        "name": "course feedback",
        "page": "skills:course_feedback",
        "form": forms_courses.FeedbackForm,
        "role": "staff",
        "valid": lambda client, world: {"rating": "4", "comments": "Clear and practical."},
        "url": _url("skills:course_feedback", _enrolment_kwargs("staff", PAST)),
    },
    {
        "name": "certificate check",
        "page": "skills:certificate_verify",
        "form": forms_courses.VerifyForm,
        "role": "anonymous",
        "valid": _certificate_code,
        "url": _url("skills:certificate_verify"),
        "success": 200,
        "stores_nothing": "A read: answers with the certificate's details.",
    },
    {
        "name": "course add",
        "page": "skills:course_create",
        "form": forms_courses.CourseForm,
        "role": "organiser",
        "valid": _course_payload,
        "url": _url("skills:course_create"),
    },
    {
        "name": "course change",
        "page": "skills:course_edit",
        "form": forms_courses.CourseForm,
        "role": "organiser",
        "valid": _course_payload,
        "url": _url("skills:course_edit", _course_kwargs(SUMMER)),
    },
    {
        "name": "course session add",
        "page": "skills:course_session_create",
        "form": forms_courses.CourseSessionForm,
        "role": "organiser",
        "valid": _session_payload,
        "url": _url("skills:course_session_create", _course_kwargs(OPEN)),
    },
    {
        "name": "course session change",
        "page": "skills:course_session_edit",
        "form": forms_courses.CourseSessionForm,
        "role": "organiser",
        "valid": _session_payload,
        "url": _url("skills:course_session_edit", _session_edit),
    },
    {
        "name": "enrolment decision",
        "page": "skills:enrolment_decide",
        "form": forms_courses.DecisionForm,
        "role": "organiser",
        "valid": lambda client, world: {"decision": "decline", "reason": "Team leaders only."},
        "url": _url("skills:enrolment_decide", _enrolment_kwargs("digicoach", APPROVAL)),
    },
    {
        "name": "enrolment removal",
        "page": "skills:enrolment_remove",
        "form": forms_courses.RemoveForm,
        "role": "organiser",
        "valid": lambda client, world: {"reason": "Asked to leave by phone."},
        "url": _url("skills:enrolment_remove", _enrolment_kwargs("staff", FULL)),
    },
    {
        "name": "course attendance",
        "page": "skills:course_attendance",
        "form": forms_courses.AttendanceForm,
        "role": "organiser",
        "valid": _attendance_payload,
        "url": _url("skills:course_attendance", _past_session),
    },
)

COURSE_MODELS = (
    Course,
    Course.competences.through,
    CourseSession,
    Enrolment,
    Attendance,
    Certificate,
    Feedback,
    CalendarFeed,
)
