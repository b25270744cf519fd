"""iCalendar files for courses (RFC 5545, written with the icalendar library): one person's
enrolment, a whole course, and a person's feed of every course they are enrolled on.

Each session of an enrolment keeps one UID for life, and the enrolment's SEQUENCE rises with
every change. While enrolled the file says METHOD:REQUEST; after a cancellation it says
METHOD:CANCEL with STATUS:CANCELLED, so a calendar that imported the sessions removes them.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from samen.skills.models_courses import Course, CourseSession, Enrolment

PRODID = "-//Samen//Courses//EN"


def session_uid(session: CourseSession, enrolment: Enrolment | None = None) -> str:
    if enrolment is None:
        return f"samen-course-session-{session.pk}@samen"
    return f"samen-enrolment-{enrolment.pk}-session-{session.pk}@samen"


def _calendar(method: str | None = None, name: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def _event(session: CourseSession, enrolment: Enrolment | None = None) -> Event:
    event = Event()
    event.add("uid", session_uid(session, enrolment))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", f"{session.course.title}: {session.title}")
    location = ", ".join(part for part in (session.place, session.online_url) if part)
    event.add("location", location)
    if session.online_url:
        event.add("url", session.online_url)
    speakers = [
        name
        for name in (
            session.internal_speaker.display_name if session.internal_speaker else "",
            session.external_speaker,
        )
        if name
    ]
    event.add("description", " · ".join([session.course.description[:500], *speakers]))
    if enrolment is not None:
        active = enrolment.is_enrolled
        event.add("sequence", enrolment.sequence)
        event.add("status", "CONFIRMED" if active else "CANCELLED")
        event.add("organizer", f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
        event.add("attendee", f"mailto:{enrolment.person.email}")
    return event


def enrolment_ics(*, enrolment: Enrolment) -> bytes:
    """Every session of the enrolment's course: a request while enrolled, else a cancel."""
    calendar = _calendar("REQUEST" if enrolment.is_enrolled else "CANCEL")
    for session in enrolment.course.sessions.select_related("internal_speaker", "course"):
        calendar.add_component(_event(session, enrolment))
    return bytes(calendar.to_ical())


def course_ics(*, course: Course) -> bytes:
    """The course's sessions, for anyone who wants them in their calendar."""
    calendar = _calendar("PUBLISH", course.title)
    for session in course.sessions.select_related("internal_speaker", "course"):
        calendar.add_component(_event(session))
    return bytes(calendar.to_ical())


def feed_ics(*, pairs: Iterable[tuple[Enrolment, CourseSession]], name: str) -> bytes:
    """A subscribable feed of someone's course sessions (no METHOD: a feed, not an invitation)."""
    calendar = _calendar(name=name)
    for enrolment, session in pairs:
        calendar.add_component(_event(session, enrolment))
    return bytes(calendar.to_ical())
