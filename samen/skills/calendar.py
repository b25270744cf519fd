"""iCalendar files for help-session bookings (RFC 5545, written with the icalendar library).

A booking keeps one UID for life. While it stands the file says METHOD:REQUEST; after a
cancellation it says METHOD:CANCEL with STATUS:CANCELLED and the booking's raised SEQUENCE,
so a calendar that imported the first file removes the event.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from samen.skills.models_coaching import Booking

PRODID = "-//Samen//Digicoach sessions//EN"


def booking_uid(booking: Booking) -> str:
    return f"samen-booking-{booking.pk}@samen"


def booking_ics(*, booking: Booking) -> bytes:
    """The booking as a calendar file: a request while booked, a cancel after cancelling."""
    session = booking.session
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST" if booking.is_active else "CANCEL")
    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("sequence", booking.sequence)
    event.add(
        "summary",
        _("Digicoach help at %(place)s") % {"place": session.help_point.name},
    )
    event.add("location", f"{session.help_point.name}, {session.help_point.address}")
    event.add(
        "description", _("Bring your phone or laptop and any letters you have questions about.")
    )
    event.add("organizer", f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    event.add("attendee", f"mailto:{booking.person.email}")
    event.add("status", "CONFIRMED" if booking.is_active else "CANCELLED")
    calendar.add_component(event)
    return bytes(calendar.to_ical())
