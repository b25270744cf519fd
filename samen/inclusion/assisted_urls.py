"""The pages of other apps where a Digicoach may act for a resident, registered at start-up.

Apps may register their own pages in their `AppConfig.ready()` with
`samen.inclusion.assisted.register_assisted_url` (budgeting does, for its voting pages); the
skills pages and the budgeting process pages are listed here so those apps need no change.
A URL name that does not exist (yet) is harmless: it never matches.
"""

from typing import Any

from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samen.inclusion.assisted import register_assisted_url
from samen.inclusion.models_assisted import AssistedActionKind

VOTE = AssistedActionKind.VOTE
BOOK = AssistedActionKind.BOOK
ENROL = AssistedActionKind.ENROL
SELF_ASSESS = AssistedActionKind.SELF_ASSESS


def describe_booking(request: HttpRequest, kwargs: dict[str, Any]) -> str:
    """ "Booked a place: <help point>, <date and time>"."""
    from samen.skills.models_coaching import CoachingSession

    session = (
        CoachingSession.objects.select_related("help_point")
        .filter(pk=kwargs.get("session_id"))
        .first()
    )
    if session is None:
        return gettext("Booked a place at a help session")
    return gettext("Booked a place: %(place)s, %(when)s") % {
        "place": session.help_point,
        "when": date_format(localtime(session.starts_at), "DATETIME_FORMAT"),
    }


def describe_enrolment(request: HttpRequest, kwargs: dict[str, Any]) -> str:
    """ "Enrolled on <course>"."""
    from samen.skills.models_courses import Course

    course = Course.objects.filter(pk=kwargs.get("course_id")).first()
    if course is None:
        return gettext("Enrolled on a course")
    return gettext("Enrolled on %(course)s") % {"course": course.title}


def describe_step(request: HttpRequest, kwargs: dict[str, Any]) -> str:
    return gettext("Saved the answers of step %(number)s of the digital skills check") % {
        "number": kwargs.get("number", "")
    }


# (URL name, action, label, describe, start_here)
PAGES: tuple[tuple[str, str, Any, Any, bool], ...] = (
    # voting: budgeting registers its voting pages itself and records the vote; these two
    # pages show the resident's own eligibility and give the coach a place to start.
    ("budgeting:process_list", VOTE, _("Vote in participatory budgeting"), None, True),
    ("budgeting:process_detail", VOTE, _("Looked at a budgeting process"), None, False),
    # the digital skills check
    ("skills:index", SELF_ASSESS, _("Do the digital skills check"), None, True),
    ("skills:start", SELF_ASSESS, _("Started the digital skills check"), None, False),
    (
        "skills:step",
        SELF_ASSESS,
        _("Saved answers in the digital skills check"),
        describe_step,
        False,
    ),
    ("skills:check", SELF_ASSESS, _("Finished the digital skills check"), None, False),
    ("skills:result", SELF_ASSESS, _("Looked at the result of the skills check"), None, False),
    ("skills:result_pdf", SELF_ASSESS, _("Downloaded the result of the skills check"), None, False),
    ("skills:history", SELF_ASSESS, _("Looked at earlier skills checks"), None, False),
    # help sessions
    ("skills:coaching", BOOK, _("Book a help session"), None, True),
    ("skills:book", BOOK, _("Booked a place at a help session"), describe_booking, False),
    ("skills:booking_list", BOOK, _("Looked at the bookings"), None, False),
    ("skills:booking_cancel", BOOK, _("Cancelled a booking"), None, False),
    ("skills:booking_calendar", BOOK, _("Downloaded a calendar file"), None, False),
    # courses
    ("skills:course_list", ENROL, _("Enrol on a course"), None, True),
    ("skills:course_detail", ENROL, _("Looked at a course"), None, False),
    ("skills:course_enrol", ENROL, _("Enrolled on a course"), describe_enrolment, False),
    ("skills:my_courses", ENROL, _("Looked at the courses"), None, False),
    ("skills:enrolment_cancel", ENROL, _("Cancelled an enrolment"), None, False),
    ("skills:course_calendar", ENROL, _("Downloaded a calendar file"), None, False),
    ("skills:enrolment_calendar", ENROL, _("Downloaded a calendar file"), None, False),
)


def register() -> None:
    for url_name, action, label, describe, start_here in PAGES:
        register_assisted_url(
            url_name, action=action, label=label, describe=describe, start_here=start_here
        )
