"""Course emails in the person's language: enrolled, on the waiting list, waiting for
approval, promoted from the waiting list, approved, declined, cancelled and reminders. Emails
about a place carry the sessions as a calendar file."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from samen.skills.models_courses import CourseSession, Enrolment

KINDS = (
    "enrolled",
    "waitlisted",
    "awaiting_approval",
    "promoted",
    "approved",
    "declined",
    "cancelled",
    "reminder",
)


def _subject(kind: str, enrolment: Enrolment) -> str:
    title = enrolment.course.title
    subjects = {
        "enrolled": _("You are enrolled on “%(title)s”"),
        "waitlisted": _("You are on the waiting list for “%(title)s”"),
        "awaiting_approval": _("We have your enrolment for “%(title)s”"),
        "promoted": _("A place is free: you are now enrolled on “%(title)s”"),
        "approved": _("Your enrolment for “%(title)s” is approved"),
        "declined": _("Your enrolment for “%(title)s” is not approved"),
        "cancelled": _("Your enrolment for “%(title)s” is cancelled"),
        "reminder": _("Reminder: “%(title)s” starts soon"),
    }
    return subjects[kind] % {"title": title}


def send_enrolment_email(
    *,
    enrolment: Enrolment,
    kind: str,
    session: CourseSession | None = None,
    was_enrolled: bool = False,
) -> None:
    """Send the email for `kind`. A calendar file goes with every email about a place, and
    with a cancellation of a place, so calendars add or remove the sessions."""
    from samen.skills.calendar_courses import enrolment_ics

    if kind not in KINDS:
        raise ValueError(kind)
    enrolment.refresh_from_db()
    person = enrolment.person
    context: dict[str, Any] = {
        "kind": kind,
        "enrolment": enrolment,
        "course": enrolment.course,
        "session": session,
        "sessions": list(enrolment.course.sessions.all()),
        "person": person,
        "was_enrolled": was_enrolled,
        "site_name": settings.SAMEN_SITE_NAME,
    }
    with translation.override(person.preferred_language):
        subject = _subject(kind, enrolment)
        body = render_to_string("skills/courses/emails/enrolment_body.txt", context)
        attach = enrolment.is_enrolled or (kind == "cancelled" and was_enrolled)
        ics = enrolment_ics(enrolment=enrolment) if attach else b""
    message = EmailMessage(" ".join(subject.split()), body, None, [person.email])
    if attach:
        method = "REQUEST" if enrolment.is_enrolled else "CANCEL"
        message.attach("course.ics", ics, f"text/calendar; charset=utf-8; method={method}")
    message.send()
