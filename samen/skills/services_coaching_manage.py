"""Writes for running the Digicoach network: help points and their opening times, and
cancelling a help session. Every change is audited.

Cancelling a session locks it, frees every booking on it (each booking's calendar sequence
goes up, so the emailed calendar file removes the event) and emails each person booked with
the reason, after the transaction commits.
"""

from datetime import time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.services import audit_record
from samen.inclusion.services import easy_read_text_set
from samen.skills import emails_coaching
from samen.skills.models_coaching import (
    Booking,
    BookingStatus,
    CoachingSession,
    HelpPoint,
    OpeningTime,
)


@transaction.atomic
def help_point_save(
    *,
    actor: Any,
    help_point: HelpPoint | None = None,
    name: str,
    address: str,
    description: str = "",
    accessibility: str = "",
    easy_read_text: str = "",
) -> HelpPoint:
    """Add a help point or change one; a changed easy-read text loses its experts' check."""
    point = help_point or HelpPoint()
    point.name = name.strip()
    point.address = address.strip()
    point.description = description
    point.accessibility = accessibility
    point.full_clean()
    point.save()
    audit_record(
        actor=actor,
        action="skills.help_point_saved",
        target=point,
        data={"name": point.name, "address": point.address, "new": help_point is None},
    )
    if point.easy_read_text != easy_read_text:
        point = easy_read_text_set(actor=actor, obj=point, text=easy_read_text)  # type: ignore[assignment]
    return point


@transaction.atomic
def opening_time_add(
    *, actor: Any, help_point: HelpPoint, weekday: int, opens: time, closes: time
) -> OpeningTime:
    """Add a weekly opening slot. Slots of one day may not overlap."""
    if closes <= opens:
        raise ValidationError({"closes": _("The closing time must be after the opening time.")})
    HelpPoint.objects.select_for_update().get(pk=help_point.pk)
    overlapping = OpeningTime.objects.filter(
        help_point=help_point, weekday=weekday, opens__lt=closes, closes__gt=opens
    )
    if overlapping.exists():
        raise ValidationError({"opens": _("This overlaps another opening time on the same day.")})
    slot = OpeningTime(help_point=help_point, weekday=weekday, opens=opens, closes=closes)
    slot.full_clean()
    slot.save()
    audit_record(
        actor=actor,
        action="skills.opening_time_added",
        target=help_point,
        data={"weekday": weekday, "opens": opens.isoformat(), "closes": closes.isoformat()},
    )
    return slot


@transaction.atomic
def opening_time_remove(*, actor: Any, slot: OpeningTime) -> None:
    help_point = slot.help_point
    data = {
        "weekday": slot.weekday,
        "opens": slot.opens.isoformat(),
        "closes": slot.closes.isoformat(),
    }
    slot.delete()
    audit_record(actor=actor, action="skills.opening_time_removed", target=help_point, data=data)


@transaction.atomic
def session_cancel(*, actor: Any, session: CoachingSession, reason: str) -> CoachingSession:
    """Cancel a session that has not started: free its bookings and tell the people booked."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the session is cancelled.")})
    locked = CoachingSession.objects.select_for_update().get(pk=session.pk)
    if locked.cancelled_at is not None:
        raise ValidationError(_("This session is already cancelled."), code="cancelled")
    if locked.starts_at <= timezone.now():
        raise ValidationError(_("This session has already started."), code="past")
    now = timezone.now()
    locked.cancelled_at = now
    locked.cancellation_reason = reason
    locked.full_clean()
    locked.save(update_fields=["cancelled_at", "cancellation_reason"])
    freed = list(
        Booking.objects.select_for_update()
        .select_related("person", "session__help_point")
        .filter(session=locked, status=BookingStatus.BOOKED)
    )
    for booking in freed:
        booking.status = BookingStatus.CANCELLED
        booking.sequence += 1
        booking.updated_at = now
        booking.save(update_fields=["status", "sequence", "updated_at"])
        booking.session = locked
    audit_record(
        actor=actor,
        action="skills.session_cancelled",
        target=locked,
        reason=reason,
        data={"bookings_freed": len(freed)},
    )

    def send() -> None:
        for booking in freed:
            emails_coaching.send_booking_email(booking=booking)

    transaction.on_commit(send)
    return locked
