"""Writes owned by core: recording audit entries."""

from typing import Any

from django.db import models, transaction

from samen.core.models import AuditEntry


@transaction.atomic
def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record a staff action. Call it inside the service that performs the action."""
    entry = AuditEntry(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "email", "") or "system",
        action=action,
        target_type=target._meta.label if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:254] if target is not None else "",
        reason=reason,
        data=data or {},
    )
    entry.full_clean()
    entry.save()
    return entry
