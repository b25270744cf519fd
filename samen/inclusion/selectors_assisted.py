"""Reads for assisted digital: a coach's and a resident's sessions, and the organisers' counts."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from samen.inclusion.models_assisted import AssistedAction, AssistedActionKind, AssistedSession


def sessions_given(*, coach: Any, limit: int = 20) -> list[AssistedSession]:
    return list(
        AssistedSession.objects.filter(coach=coach)
        .select_related("resident")
        .annotate(action_count=Count("actions"))[:limit]
    )


def sessions_received(*, resident: Any) -> QuerySet[AssistedSession]:
    return AssistedSession.objects.filter(resident=resident).annotate(action_count=Count("actions"))


def session_with_actions(*, session_id: int) -> AssistedSession | None:
    return (
        AssistedSession.objects.select_related("coach", "resident")
        .prefetch_related("actions")
        .filter(pk=session_id)
        .first()
    )


@dataclass(frozen=True)
class AssistedStats:
    """Counts only: who helped how often, which actions, which months. No demographics."""

    sessions: int
    actions: int
    per_coach: list[dict[str, Any]]
    per_action: list[tuple[str, int]]
    per_month: list[dict[str, Any]]


def assisted_stats() -> AssistedStats:
    per_coach = list(
        AssistedSession.objects.values("coach_name")
        .annotate(sessions=Count("id", distinct=True), actions=Count("actions"))
        .order_by("-sessions", "coach_name")
    )
    action_counts = dict(
        AssistedAction.objects.values_list("action").annotate(count=Count("id")).order_by()
    )
    per_action = [(kind.label, action_counts.get(kind.value, 0)) for kind in AssistedActionKind]
    per_month = list(
        AssistedSession.objects.annotate(month=TruncMonth("started_at"))
        .values("month")
        .annotate(sessions=Count("id", distinct=True), actions=Count("actions"))
        .order_by("-month")
    )
    return AssistedStats(
        sessions=AssistedSession.objects.count(),
        actions=sum(action_counts.values()),
        per_coach=per_coach,
        per_action=per_action,
        per_month=per_month,
    )


def assisted_sessions_export(*, user: Any) -> list[dict[str, Any]]:
    """The help a resident had from Digicoaches, for the account's data export (GDPR art. 15)."""
    sessions = AssistedSession.objects.filter(resident=user).prefetch_related("actions")
    return [
        {
            "coach": session.coach_name,
            "started_at": session.started_at.isoformat(),
            "ended_at": session.ended_at.isoformat() if session.ended_at else None,
            "consent_method": session.consent_method,
            "actions": [
                {
                    "action": action.action,
                    "summary": action.summary,
                    "done_at": action.created_at.isoformat(),
                    "declaration_confirmed": action.declaration_confirmed,
                }
                for action in session.actions.all()
            ],
        }
        for session in sessions
    ]
