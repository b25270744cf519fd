"""Who may book help sessions, log coaching and coordinate the Digicoach network."""

from typing import Any

from django.utils import timezone

from samen.accounts.models import Role
from samen.skills.models_coaching import Booking, CoachingSession, ProblemStatus, RecurringProblem


def can_view_help_points(user: Any) -> bool:
    """Where and when to get help is public: people who need help may not have an account."""
    return True


def can_book(user: Any) -> bool:
    """Residents and staff book with their account, so the booking can be confirmed."""
    return bool(user.is_authenticated)


def can_book_session(user: Any, session: CoachingSession) -> bool:
    if not can_book(user):
        return False
    if session.cancelled_at is not None:
        return False
    return session.starts_at > timezone.now()


def can_view_booking(user: Any, booking: Booking) -> bool:
    """Only the person who booked; anyone else gets "not found"."""
    if not user.is_authenticated:
        return False
    return booking.person_id == user.pk


def can_cancel_booking(user: Any, booking: Booking) -> bool:
    if not can_view_booking(user, booking):
        return False
    if not booking.is_active:
        return False
    return booking.session.starts_at > timezone.now()


def can_coach(user: Any) -> bool:
    """Digicoaches log the help they give and report recurring problems."""
    if not user.is_authenticated:
        return False
    return user.has_role(Role.DIGICOACH)


def can_coordinate(user: Any) -> bool:
    """Organisers run the network: coaches, topics, the dashboard and the problems list."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_role(Role.ORGANISER)


def can_resolve_problem(user: Any, problem: RecurringProblem) -> bool:
    if not can_coordinate(user):
        return False
    return problem.status == ProblemStatus.OPEN


def can_cancel_session(user: Any, session: CoachingSession) -> bool:
    """The session's own coach, or an organiser, cancels a session that has not started."""
    if not user.is_authenticated:
        return False
    if session.cancelled_at is not None:
        return False
    if session.starts_at <= timezone.now():
        return False
    if can_coordinate(user):
        return True
    return can_coach(user) and session.coach_id == user.pk


def can_cancel_sessions(user: Any) -> bool:
    """Coaches and organisers reach the cancel page; which sessions is decided per session."""
    return can_coach(user) or can_coordinate(user)
