"""Booking emails (confirmation, cancellation, reminder) in the person's language, with the
booking's calendar file attached."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from samen.skills.models_coaching import Booking


def send_booking_email(*, booking: Booking, reminder: bool = False) -> None:
    """Send the email that fits the booking's state: booked, cancelled, or a reminder."""
    from samen.skills.calendar import booking_ics

    person = booking.person
    if reminder:
        template = "reminder"
    elif booking.is_active:
        template = "booked"
    else:
        template = "cancelled"
    context = {
        "booking": booking,
        "session": booking.session,
        "person": person,
        "site_name": settings.SAMEN_SITE_NAME,
    }
    with translation.override(person.preferred_language):
        subject = render_to_string(f"skills/emails/{template}_subject.txt", context)
        body = render_to_string(f"skills/emails/{template}_body.txt", context)
        ics = booking_ics(booking=booking)
    message = EmailMessage(" ".join(subject.split()), body, None, [person.email])
    method = "REQUEST" if booking.is_active else "CANCEL"
    message.attach("help-session.ics", ics, f"text/calendar; charset=utf-8; method={method}")
    message.send()
