"""Who may open core's pages. Each condition sits on its own line so reviews can read it."""

from typing import Any

from samen.accounts.models import Role


def can_view_management(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_role(Role.ORGANISER, Role.MODERATOR, Role.ADMIN)


def can_view_audit_log(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_role(Role.ADMIN)


def can_manage_users(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_role(Role.ADMIN)
