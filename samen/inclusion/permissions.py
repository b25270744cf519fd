"""Who may do what in inclusion. Each condition sits on its own line so reviews can read it."""

from typing import Any

from samen.accounts.models import Role


def _is_organiser_or_admin(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    return user.is_superuser or user.has_role(Role.ORGANISER, Role.ADMIN)


def can_check_readability(user: Any) -> bool:
    """Anyone who can write something on the site (a proposal, a course) may get hints."""
    if not user.is_authenticated:
        return False
    return bool(user.is_active)


def can_manage_inclusion(user: Any) -> bool:
    return _is_organiser_or_admin(user)


def can_manage_jargon(user: Any) -> bool:
    return _is_organiser_or_admin(user)


def can_download_sample_letter(user: Any) -> bool:
    return _is_organiser_or_admin(user)


def can_mark_easy_read_checked(user: Any, obj: Any = None) -> bool:
    return _is_organiser_or_admin(user)


def can_assist(user: Any) -> bool:
    """Digicoaches help residents who are present (assisted digital)."""
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    return user.has_role(Role.DIGICOACH)


def can_view_assisted_receipt(user: Any, session: Any) -> bool:
    """The coach who helped and the resident who was helped; nobody else."""
    if not user.is_authenticated:
        return False
    return user.pk in (session.coach_id, session.resident_id)


def can_view_assisted_stats(user: Any) -> bool:
    return _is_organiser_or_admin(user)


def can_translate_content(user: Any) -> bool:
    return _is_organiser_or_admin(user)
