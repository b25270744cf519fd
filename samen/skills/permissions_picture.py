"""Who may see the organisation's skills picture and set departments and job roles."""

from typing import Any

from samen.accounts.models import Role
from samen.skills.permissions_coaching import can_coordinate


def can_view_picture(user: Any) -> bool:
    """Organisers see the aggregated picture; nobody sees another person's answers."""
    return can_coordinate(user)


def can_manage_staff_profiles(user: Any) -> bool:
    """Organisers keep departments, job roles, targets and staff profiles up to date."""
    return can_coordinate(user)


def can_edit_own_staff_profile(user: Any) -> bool:
    """Staff members say which department they work in and what their job is."""
    if not user.is_authenticated:
        return False
    return user.has_role(Role.STAFF)
