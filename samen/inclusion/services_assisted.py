"""Writes for assisted digital: starting and ending a session, and recording what was done."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samen.accounts.models import Role
from samen.core.services import audit_record
from samen.inclusion.models_assisted import (
    AssistedAction,
    AssistedActionKind,
    AssistedSession,
    EndReason,
)

# Accounts a coach may never act for: anyone with more rights than a resident.
PROTECTED_ROLES = (Role.STAFF, Role.DIGICOACH, Role.ORGANISER, Role.MODERATOR, Role.ADMIN)


def _check_resident(*, coach: Any, resident: Any) -> None:
    if resident.pk == coach.pk:
        raise ValidationError(
            {"email": _("You cannot start an assisted session for yourself.")}, code="self"
        )
    if not resident.is_active:
        raise ValidationError({"email": _("This account is closed.")}, code="inactive")
    if resident.is_staff or resident.is_superuser or resident.has_role(*PROTECTED_ROLES):
        raise ValidationError(
            {
                "email": _(
                    "This is a staff or coach account. Assisted sessions are only for residents."
                )
            },
            code="protected",
        )


def _end(session: AssistedSession, reason: str, now: Any) -> None:
    session.ended_at = now
    session.end_reason = reason
    session.save(update_fields=["ended_at", "end_reason"])


@transaction.atomic
def assisted_session_start(
    *, coach: Any, resident: Any, consent_given: bool, consent_method: str
) -> AssistedSession:
    """Start helping a resident who is present. A coach has one open session at a time."""
    _check_resident(coach=coach, resident=resident)
    now = timezone.now()
    session = AssistedSession(
        coach=coach,
        coach_name=coach.display_name or coach.email,
        resident=resident,
        consent_given=consent_given,
        consent_method=consent_method,
        started_at=now,
        last_activity_at=now,
    )
    session.full_clean()
    open_sessions = AssistedSession.objects.select_for_update().filter(
        coach=coach, ended_at__isnull=True
    )
    for previous in open_sessions:
        _end(previous, EndReason.REPLACED, now)
    session.save()
    audit_record(
        actor=coach,
        action="inclusion.assisted_session_start",
        target=session,
        data={"resident_id": resident.pk, "consent_method": consent_method},
    )
    return session


@transaction.atomic
def assisted_session_end(
    *, session: AssistedSession, reason: str = EndReason.ENDED
) -> AssistedSession:
    """End a session (once) and send the resident their receipt by email."""
    locked = AssistedSession.objects.select_for_update().get(pk=session.pk)
    if locked.ended_at is not None:
        return locked
    _end(locked, reason, timezone.now())
    audit_record(
        actor=locked.coach,
        action="inclusion.assisted_session_end",
        target=locked,
        data={"resident_id": locked.resident_id, "reason": reason},
    )
    transaction.on_commit(lambda: send_receipt_email(session=locked))
    return locked


def assisted_session_touch(*, session: AssistedSession) -> None:
    """Note activity, at most once a minute, so idle sessions can expire."""
    now = timezone.now()
    if (now - session.last_activity_at).total_seconds() >= 60:
        AssistedSession.objects.filter(pk=session.pk).update(last_activity_at=now)
        session.last_activity_at = now


@transaction.atomic
def assisted_action_record(
    *,
    session: AssistedSession,
    action: str,
    summary: str,
    target: models.Model | None = None,
    url_name: str = "",
    declaration_confirmed: bool = False,
) -> AssistedAction:
    """Record one thing the coach did for the resident, with both identities (audited).

    Call it inside the transaction of the action itself. A vote needs
    `declaration_confirmed=True`: the coach confirms the resident chose the projects.
    """
    if action == AssistedActionKind.VOTE and not declaration_confirmed:
        raise ValidationError(
            {"declaration": _("Confirm that the resident chose the projects themselves.")},
            code="declaration",
        )
    record = AssistedAction(
        session=session,
        action=action,
        summary=str(summary)[:300],
        url_name=url_name,
        target_type=target._meta.label if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        declaration_confirmed=declaration_confirmed,
    )
    record.full_clean()
    record.save()
    audit_record(
        actor=session.coach,
        action="inclusion.assisted_action",
        target=record,
        data={
            "session_id": session.pk,
            "coach_id": session.coach_id,
            "resident_id": session.resident_id,
            "action": action,
            "declaration_confirmed": declaration_confirmed,
        },
    )
    # The middleware records a POST itself unless the view already did, as here.
    session._recorded_in_request = True  # type: ignore[attr-defined]
    return record


def send_receipt_email(*, session: AssistedSession) -> None:
    """The resident's receipt, in their language: what was done for them, by whom, when."""
    resident = session.resident
    if not resident.email:
        return
    actions = list(session.actions.all())
    context = {"session": session, "actions": actions, "site_name": settings.SAMEN_SITE_NAME}
    with translation.override(resident.preferred_language):
        subject = render_to_string("inclusion/emails/assisted_receipt_subject.txt", context)
        body = render_to_string("inclusion/emails/assisted_receipt_body.txt", context)
    EmailMessage(" ".join(subject.split()), body, None, [resident.email]).send()


@transaction.atomic
def assisted_sessions_erase(*, user: Any) -> None:
    """On account erasure: the help the person had goes; as a coach, their name goes, while
    the counts organisers see stay."""
    AssistedSession.objects.filter(resident=user).delete()
    AssistedSession.objects.filter(coach=user).update(coach_name=f"erased-{user.pk}")
