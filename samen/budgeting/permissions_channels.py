"""Who may run the channels other than online voting: voting codes and paper ballots."""

from typing import Any

from samen.accounts.models import Role
from samen.budgeting.models import PaperBallotEntry, PaperStatus, Process

PAPER_PERMISSION = "budgeting.enter_paper_ballots"


def _is_active_member(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    return bool(user.is_active)


def can_manage_voting_codes(user: Any, process: Process) -> bool:
    if not _is_active_member(user):
        return False
    if not (user.is_superuser or user.has_role(Role.ORGANISER)):
        return False
    return bool(process.voting_codes_enabled)


def can_enter_paper_ballots(user: Any, process: Process | None = None) -> bool:
    """Organisers, and the people (Digicoaches, usually) given the paper-ballot permission."""
    if not _is_active_member(user):
        return False
    if user.is_superuser or user.has_role(Role.ORGANISER):
        return True
    return bool(user.has_perm(PAPER_PERMISSION))


def can_manage_paper_team(user: Any) -> bool:
    """Organisers decide who besides them may enter paper ballots."""
    if not _is_active_member(user):
        return False
    return bool(user.is_superuser or user.has_role(Role.ORGANISER))


def can_check_paper_ballot(user: Any, entry: PaperBallotEntry) -> bool:
    """Anyone authorised may open a waiting entry; the service refuses to let the person who
    entered it confirm it."""
    if not can_enter_paper_ballots(user, entry.process):
        return False
    return entry.status == PaperStatus.ENTERED
