"""Writes for inclusion: the jargon list and the easy-read check. Each one is audited."""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.services import audit_record
from samen.inclusion.models import EasyReadMixin, JargonTerm


def _jargon_data(jargon_term: JargonTerm) -> dict[str, str]:
    return {
        "language": jargon_term.language,
        "term": jargon_term.term,
        "suggestion": jargon_term.suggestion,
    }


def _save_unique(jargon_term: JargonTerm) -> None:
    """Save, turning a lost race on the unique constraint into the same message full_clean gives."""
    try:
        with transaction.atomic():
            jargon_term.save()
    except IntegrityError as error:
        raise ValidationError(
            _("This word is already on the list for this language."), code="unique"
        ) from error


@transaction.atomic
def jargon_term_create(*, actor: Any, language: str, term: str, suggestion: str) -> JargonTerm:
    jargon_term = JargonTerm(language=language, term=term.strip(), suggestion=suggestion.strip())
    jargon_term.full_clean()
    _save_unique(jargon_term)
    audit_record(
        actor=actor,
        action="inclusion.jargon_term_create",
        target=jargon_term,
        data=_jargon_data(jargon_term),
    )
    return jargon_term


@transaction.atomic
def jargon_term_update(
    *, actor: Any, jargon_term: JargonTerm, language: str, term: str, suggestion: str
) -> JargonTerm:
    jargon_term = JargonTerm.objects.select_for_update().get(pk=jargon_term.pk)
    before = _jargon_data(jargon_term)
    jargon_term.language = language
    jargon_term.term = term.strip()
    jargon_term.suggestion = suggestion.strip()
    jargon_term.full_clean()
    _save_unique(jargon_term)
    audit_record(
        actor=actor,
        action="inclusion.jargon_term_update",
        target=jargon_term,
        data={"before": before, "after": _jargon_data(jargon_term)},
    )
    return jargon_term


@transaction.atomic
def jargon_term_delete(*, actor: Any, jargon_term: JargonTerm) -> None:
    audit_record(
        actor=actor,
        action="inclusion.jargon_term_delete",
        target=jargon_term,
        data=_jargon_data(jargon_term),
    )
    jargon_term.delete()


@transaction.atomic
def easy_read_text_set(*, actor: Any, obj: EasyReadMixin, text: str) -> EasyReadMixin:
    """Change an object's easy-read text. A changed text loses its experts' check."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)  # type: ignore[attr-defined]
    changed = locked.easy_read_text != text
    locked.easy_read_text = text
    if changed:
        locked.easy_read_checked_by_experts = False
        locked.easy_read_checked_at = None
        locked.easy_read_checked_by = ""
    locked.full_clean()
    locked.save()
    if changed:
        audit_record(
            actor=actor,
            action="inclusion.easy_read_text_set",
            target=locked,
            data={"characters": len(text)},
        )
    return locked


@transaction.atomic
def easy_read_check_record(
    *,
    actor: Any,
    obj: EasyReadMixin,
    checked_by: str,
    checked_at: datetime | None = None,
) -> EasyReadMixin:
    """Record that experts by experience checked the easy-read text, so it earns the badge."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)  # type: ignore[attr-defined]
    locked.easy_read_checked_by_experts = True
    locked.easy_read_checked_at = checked_at or timezone.now()
    locked.easy_read_checked_by = checked_by.strip()
    locked.full_clean()
    locked.save()
    audit_record(
        actor=actor,
        action="inclusion.easy_read_check_record",
        target=locked,
        reason=locked.easy_read_checked_by,
    )
    return locked
