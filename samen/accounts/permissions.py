"""Who may open the account pages. Each condition sits on its own line."""

from typing import Any


def can_view_profile(user: Any, obj: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.pk == obj.pk


def can_edit_profile(user: Any, obj: Any) -> bool:
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    return user.pk == obj.pk


def can_export_data(user: Any, obj: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.pk == obj.pk


def can_erase_account(user: Any, obj: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.pk == obj.pk


def can_enrol_two_factor(user: Any, obj: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.pk == obj.pk


def can_verify_two_factor(user: Any, obj: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.pk == obj.pk
