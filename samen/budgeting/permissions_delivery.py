"""Who may see, write and follow delivery news. Each condition sits on its own line."""

from typing import Any

from samen.budgeting import permissions
from samen.budgeting.models import Process, Proposal


def can_view_delivery(user: Any, process: Process) -> bool:
    return permissions.can_view_process(user, process)


def can_manage_delivery(user: Any, process: Process | None = None) -> bool:
    """Organisers post status updates and milestones."""
    return permissions.can_manage_process(user, process)


def can_import_process(user: Any, obj: Any = None) -> bool:
    return permissions.can_manage_process(user)


def can_follow_project(user: Any, proposal: Proposal) -> bool:
    """Any logged-in, active person may ask for the news of a project they can see."""
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    return permissions.can_view_proposal(user, proposal)


def can_export_all_proposals(user: Any, process: Process) -> bool:
    """The full proposal list (hidden ones and review notes) is for organisers."""
    return permissions.can_manage_process(user, process)
