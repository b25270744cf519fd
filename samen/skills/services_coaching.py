"""Writes for the Digicoach network: bookings, reminders, the coach's log, problems, coaches.

Booking is atomic against capacity: the session row is locked (`select_for_update`) while the
places taken are counted, and a unique constraint allows one booking per person per session,
so thirty people pressing "Book" at once for ten places leave exactly ten booked.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.services import audit_record
from samen.skills import emails_coaching
from samen.skills.models_coaching import (
    Booking,
    BookingStatus,
    CoachingSession,
    CoachProfile,
    HelpPoint,
    ProblemStatus,
    RecurringProblem,
    SessionKind,
    SessionLog,
    SkillCheck,
    Topic,
)

REMINDER_WINDOW = timedelta(hours=24)


# --------------------------------------------------------------------------- bookings


def places_taken(*, session: CoachingSession) -> int:
    return Booking.objects.filter(session=session, status=BookingStatus.BOOKED).count()


@transaction.atomic
def booking_create(*, session: CoachingSession, person: Any) -> Booking:
    """Book a place for `person`, or raise ValidationError when none is left.

    A person who cancelled and books again gets their old row back with a raised sequence,
    so their calendar sees one event throughout.
    """
    locked = CoachingSession.objects.select_for_update().get(pk=session.pk)
    if locked.cancelled_at is not None:
        raise ValidationError(_("This session is cancelled."), code="cancelled")
    if locked.starts_at <= timezone.now():
        raise ValidationError(_("This session has already started."), code="past")
    existing = Booking.objects.filter(session=locked, person=person).first()
    if existing is not None and existing.is_active:
        raise ValidationError(_("You have already booked this session."), code="twice")
    if places_taken(session=locked) >= locked.capacity:
        raise ValidationError(_("Sorry, this session is full."), code="full")
    now = timezone.now()
    if existing is None:
        booking = Booking(session=locked, person=person, created_at=now, updated_at=now)
    else:
        booking = existing
        booking.status = BookingStatus.BOOKED
        booking.sequence += 1
        booking.reminder_sent = False
        booking.updated_at = now
    booking.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as exc:  # the same person, twice at once
        raise ValidationError(_("You have already booked this session."), code="twice") from exc
    transaction.on_commit(lambda: emails_coaching.send_booking_email(booking=booking))
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking) -> Booking:
    """Cancel a booking and free its place; the calendar file becomes a cancellation."""
    locked = Booking.objects.select_for_update().select_related("session").get(pk=booking.pk)
    if not locked.is_active:
        raise ValidationError(_("This booking is already cancelled."), code="cancelled")
    if locked.session.starts_at <= timezone.now():
        raise ValidationError(_("This session has already started."), code="past")
    locked.status = BookingStatus.CANCELLED
    locked.sequence += 1
    locked.updated_at = timezone.now()
    locked.full_clean(validate_constraints=False)
    locked.save(update_fields=["status", "sequence", "updated_at"])
    transaction.on_commit(lambda: emails_coaching.send_booking_email(booking=locked))
    return locked


def bookings_send_reminders(*, now: datetime | None = None) -> int:
    """Remind everyone booked on a session starting within 24 hours, once each.

    Each booking is claimed in its own transaction (locked, flag checked and set) before its
    email goes out, so two runs at once never send the same reminder twice.
    """
    now = now or timezone.now()
    due = Booking.objects.filter(
        status=BookingStatus.BOOKED,
        reminder_sent=False,
        session__cancelled_at__isnull=True,
        session__starts_at__gt=now,
        session__starts_at__lte=now + REMINDER_WINDOW,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update()
                .filter(pk=pk, reminder_sent=False, status=BookingStatus.BOOKED)
                .first()
            )
            if booking is None:
                continue
            booking.reminder_sent = True
            booking.save(update_fields=["reminder_sent"])
        emails_coaching.send_booking_email(booking=booking, reminder=True)
        sent += 1
    return sent


# --------------------------------------------------------------------------- the coach's log


@transaction.atomic
def session_log_create(
    *,
    coach: Any,
    help_point: HelpPoint,
    helped_on: date,
    topics: Iterable[Topic],
    help_given: str,
    duration_minutes: int,
    organisation: str = "",
    referral: str = "",
    session: CoachingSession | None = None,
    person: Any = None,
    visitor_token: str = "",
    skill_check: dict[str, Any] | None = None,
) -> SessionLog:
    """Log one visit. `skill_check` holds the stage and the four answers, when one was done."""
    topics = list(topics)
    if not topics:
        raise ValidationError({"topics": _("Choose at least one topic.")})
    if session is not None and session.coach_id != coach.pk:
        raise ValidationError(_("You can only log your own sessions."))
    if helped_on > timezone.localdate():
        raise ValidationError({"helped_on": _("The date cannot be in the future.")})
    log = SessionLog(
        coach=coach,
        help_point=help_point,
        session=session,
        helped_on=helped_on,
        organisation=organisation,
        help_given=help_given,
        duration_minutes=duration_minutes,
        referral=referral,
        person=person,
        visitor_token=visitor_token.strip().upper(),
    )
    log.full_clean()
    log.save()
    log.topics.set(topics)
    if skill_check:
        check = SkillCheck(log=log, **skill_check)
        check.full_clean()
        check.save()
    return log


@transaction.atomic
def problem_report(
    *, coach: Any, title: str, details: str = "", log: SessionLog | None = None
) -> RecurringProblem:
    """A coach puts a problem they keep meeting on the coordinator's list."""
    if log is not None and log.coach_id != coach.pk:
        raise ValidationError(_("You can only report from your own log."))
    problem = RecurringProblem(reported_by=coach, title=title, details=details, log=log)
    problem.full_clean()
    problem.save()
    return problem


@transaction.atomic
def problem_resolve(
    *, actor: Any, problem: RecurringProblem, action_taken: str
) -> RecurringProblem:
    """The organisation marks a problem as acted on, saying what it did (audited)."""
    locked = RecurringProblem.objects.select_for_update().get(pk=problem.pk)
    if locked.status != ProblemStatus.OPEN:
        raise ValidationError(_("This problem is already marked as acted on."))
    locked.status = ProblemStatus.ACTED_ON
    locked.action_taken = action_taken
    locked.acted_on_at = timezone.now()
    locked.full_clean()
    locked.save(update_fields=["status", "action_taken", "acted_on_at"])
    audit_record(actor=actor, action="skills.problem_acted_on", target=locked, reason=action_taken)
    return locked


# --------------------------------------------------------------------------- coordination


@transaction.atomic
def session_create(
    *,
    actor: Any,
    kind: str,
    help_point: HelpPoint,
    coach: Any,
    starts_at: datetime,
    ends_at: datetime,
    capacity: int,
) -> CoachingSession:
    """Put a drop-in session or a one-to-one appointment on the calendar (audited)."""
    from samen.accounts.models import Role

    if not coach.has_role(Role.DIGICOACH):
        raise ValidationError({"coach": _("Choose someone with the Digicoach role.")})
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": _("The session must start in the future.")})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The session must end after it starts.")})
    if kind == SessionKind.ONE_TO_ONE and capacity != 1:
        raise ValidationError({"capacity": _("A one-to-one appointment has one place.")})
    session = CoachingSession(
        kind=kind,
        help_point=help_point,
        coach=coach,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
    )
    session.full_clean()
    session.save()
    audit_record(
        actor=actor,
        action="skills.session_created",
        target=session,
        data={"kind": kind, "coach": coach.pk, "capacity": capacity},
    )
    return session


@transaction.atomic
def coach_profile_save(
    *,
    actor: Any,
    user: Any,
    kind: str,
    department: str = "",
    training_status: str,
    badges: str = "",
) -> CoachProfile:
    """Create or update a coach's profile (audited). Only Digicoaches have one."""
    from samen.accounts.models import Role

    if not user.has_role(Role.DIGICOACH):
        raise ValidationError(_("Only people with the Digicoach role can have a coach profile."))
    profile = CoachProfile.objects.select_for_update().filter(user=user).first()
    profile = profile or CoachProfile(user=user)
    before = {
        "kind": profile.kind,
        "department": profile.department,
        "training_status": profile.training_status,
        "badges": profile.badges,
    }
    profile.kind = kind
    profile.department = department
    profile.training_status = training_status
    profile.badges = ", ".join(part.strip() for part in badges.split(",") if part.strip())
    profile.updated_at = timezone.now()
    profile.full_clean()
    profile.save()
    after = {
        "kind": kind,
        "department": department,
        "training_status": training_status,
        "badges": profile.badges,
    }
    audit_record(
        actor=actor,
        action="skills.coach_profile_saved",
        target=profile,
        data={"before": before, "after": after},
    )
    return profile


@transaction.atomic
def topic_save(
    *, actor: Any, topic: Topic | None = None, name: str, position: int, active: bool
) -> Topic:
    """Add a topic to the log's list or change one (audited)."""
    topic = topic or Topic()
    topic.name = name
    topic.position = position
    topic.active = active
    topic.full_clean()
    topic.save()
    audit_record(
        actor=actor,
        action="skills.topic_saved",
        target=topic,
        data={"name": name, "position": position, "active": active},
    )
    return topic
