"""Reads for the Digicoach network: sessions with places left, bookings, logs, the dashboard."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from samen.accounts.models import Role
from samen.skills.models_coaching import (
    Booking,
    BookingStatus,
    CoachingSession,
    CoachProfile,
    HelpPoint,
    OpeningTime,
    ProblemStatus,
    RecurringProblem,
    SessionLog,
    Topic,
)


def help_points() -> QuerySet[HelpPoint]:
    """Every help point with its weekly opening times, in two queries."""
    return HelpPoint.objects.prefetch_related(
        Prefetch("opening_times", queryset=OpeningTime.objects.order_by("weekday", "opens"))
    )


def upcoming_sessions() -> QuerySet[CoachingSession]:
    """Sessions still to come and not cancelled, with their places taken counted."""
    return (
        CoachingSession.objects.filter(starts_at__gt=timezone.now(), cancelled_at__isnull=True)
        .select_related("help_point", "coach")
        .annotate(taken=Count("bookings", filter=Q(bookings__status=BookingStatus.BOOKED)))
        .annotate(places_left=F("capacity") - F("taken"))
        .order_by("starts_at", "pk")
    )


def session_with_places(*, session_id: int) -> CoachingSession | None:
    return upcoming_sessions().filter(pk=session_id).first()


def bookings_of(*, user: Any) -> QuerySet[Booking]:
    """The person's bookings, soonest first, with session and place."""
    return (
        Booking.objects.filter(person=user)
        .select_related("session__help_point", "person")
        .order_by("-status", "session__starts_at", "pk")
    )


def active_session_ids(*, user: Any) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        Booking.objects.filter(person=user, status=BookingStatus.BOOKED).values_list(
            "session_id", flat=True
        )
    )


def active_topics() -> QuerySet[Topic]:
    return Topic.objects.filter(active=True).order_by("position", "name")


def coach_logs(*, coach: Any) -> QuerySet[SessionLog]:
    return (
        SessionLog.objects.filter(coach=coach)
        .select_related("help_point", "skill_check")
        .prefetch_related("topics")
        .order_by("-helped_on", "-pk")
    )


def coach_sessions(*, coach: Any) -> QuerySet[CoachingSession]:
    """The coach's own upcoming sessions (for the log form's session choice)."""
    return (
        CoachingSession.objects.filter(coach=coach, cancelled_at__isnull=True)
        .select_related("help_point")
        .order_by("-starts_at")
    )


def coaches() -> list[Any]:
    """Everyone with the Digicoach role, each with `profile` (None when not yet set up)."""
    users = list(
        get_user_model()
        .objects.filter(groups__name=Role.DIGICOACH)
        .select_related("coach_profile")
        .order_by("display_name", "pk")
        .distinct()
    )
    for user in users:
        try:
            user.profile = user.coach_profile
        except CoachProfile.DoesNotExist:
            user.profile = None
    return users


def coach(*, user_id: int) -> Any:
    return get_user_model().objects.filter(pk=user_id, groups__name=Role.DIGICOACH).first()


@dataclass(frozen=True)
class Row:
    label: str
    sessions: int
    minutes: int


@dataclass(frozen=True)
class Dashboard:
    since: date
    total: int
    people: int
    by_coach: list[Row]
    by_place: list[Row]
    by_topic: list[Row]
    open_problems: list[RecurringProblem]
    acted_on: list[RecurringProblem]


def _rows(queryset: QuerySet[Any], label: str) -> list[Row]:
    grouped = (
        queryset.values(label)
        .annotate(sessions=Count("pk", distinct=True), minutes=Sum("duration_minutes"))
        .order_by("-sessions", label)
    )
    return [Row(item[label], item["sessions"], item["minutes"] or 0) for item in grouped]


def dashboard(*, since: date) -> Dashboard:
    """The coordinator's figures over logs since `since`, in a fixed number of queries."""
    logs = SessionLog.objects.filter(helped_on__gte=since)
    people = logs.exclude(person__isnull=True).values("person_id").distinct().count()
    visitors = (
        (logs.filter(person__isnull=True).exclude(visitor_token="").values("visitor_token"))
        .distinct()
        .count()
    )
    topics = (
        Topic.objects.annotate(
            sessions=Count("logs", filter=Q(logs__helped_on__gte=since)),
            minutes=Sum("logs__duration_minutes", filter=Q(logs__helped_on__gte=since)),
        )
        .filter(sessions__gt=0)
        .order_by("-sessions", "name")
    )
    problems = list(RecurringProblem.objects.select_related("reported_by").order_by("-reported_at"))
    return Dashboard(
        since=since,
        total=logs.count(),
        people=people + visitors,
        by_coach=_rows(logs, "coach__display_name"),
        by_place=_rows(logs, "help_point__name"),
        by_topic=[Row(t.name, t.sessions, t.minutes or 0) for t in topics],
        open_problems=[p for p in problems if p.status == ProblemStatus.OPEN],
        acted_on=[p for p in problems if p.status == ProblemStatus.ACTED_ON],
    )
