"""Who may do what in budgeting. Each condition sits on its own line so reviews can read it."""

from typing import Any

from samen.accounts.models import Role
from samen.budgeting import selectors
from samen.budgeting.models import PhaseKind, Process, Proposal, ProposalStatus

# Partners (universities, SMEs, social enterprises) join `Role` with the multi-helix pillar;
# a group of that name is honoured already.
PROPOSER_ROLES = (Role.RESIDENT, "partner")


def _is_organiser(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    return user.is_superuser or user.has_role(Role.ORGANISER)


def _is_moderator(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    return user.is_superuser or user.has_role(Role.MODERATOR)


def can_view_process(user: Any, process: Process) -> bool:
    if process.is_published:
        return True
    return _is_organiser(user)


def can_view_proposal(user: Any, proposal: Proposal) -> bool:
    if not can_view_process(user, proposal.process):
        return False
    if not proposal.is_hidden:
        return True
    return _is_organiser(user) or _is_moderator(user)


def can_submit_proposal(user: Any, process: Process) -> bool:
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    if not user.has_role(*PROPOSER_ROLES):
        return False
    if not process.is_published:
        return False
    return selectors.phase_kind_is_open(process=process, kind=PhaseKind.IDEAS)


def can_edit_proposal(user: Any, proposal: Proposal) -> bool:
    if not user.is_authenticated:
        return False
    if proposal.author_id != user.pk:
        return False
    if proposal.status != ProposalStatus.SUBMITTED:
        return False
    if proposal.is_hidden:
        return False
    return selectors.phase_kind_is_open(process=proposal.process, kind=PhaseKind.IDEAS)


def can_view_budgeting_management(user: Any, obj: Any = None) -> bool:
    """The management list: organisers run processes, moderators look after proposals."""
    return _is_organiser(user) or _is_moderator(user)


def can_moderate_proposals(user: Any, process: Process | None = None) -> bool:
    return _is_moderator(user)


def can_manage_process(user: Any, process: Process | None = None) -> bool:
    return _is_organiser(user)


def can_view_process_management(user: Any, process: Process) -> bool:
    return _is_organiser(user) or _is_moderator(user)


def can_review_proposal(user: Any, proposal: Proposal) -> bool:
    if not _is_organiser(user):
        return False
    if proposal.status == ProposalStatus.MERGED:
        return False
    return not selectors.ballot_is_fixed(process=proposal.process)


def can_merge_proposal(user: Any, proposal: Proposal) -> bool:
    return can_review_proposal(user, proposal)


def can_shortlist_proposal(user: Any, proposal: Proposal) -> bool:
    if not can_review_proposal(user, proposal):
        return False
    if proposal.is_hidden:
        return False
    return proposal.status in (ProposalStatus.FEASIBLE, ProposalStatus.SHORTLISTED)


def can_hide_proposal(user: Any, proposal: Proposal) -> bool:
    if not _is_moderator(user):
        return False
    return not proposal.is_hidden


def can_unhide_proposal(user: Any, proposal: Proposal) -> bool:
    if not _is_moderator(user):
        return False
    return proposal.is_hidden


def can_vote(user: Any, process: Process, eligibility: selectors.Eligibility | None = None) -> bool:
    """Online voting: a logged-in, eligible person while the voting phase is open. A caller
    that has already worked out the person's `selectors.Eligibility` passes it in."""
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    if not process.is_published:
        return False
    if not selectors.phase_kind_is_open(process=process, kind=PhaseKind.VOTING):
        return False
    if eligibility is None:
        eligibility = selectors.eligibility_for(process=process, user=user)
    return eligibility.eligible


def can_view_results(user: Any, process: Process) -> bool:
    """The results page: whoever can see the process (it says when nothing is published)."""
    return can_view_process(user, process)


def can_count_votes(user: Any, process: Process | None = None) -> bool:
    """Counting, following the count and publishing: organisers, who also see turnout."""
    return _is_organiser(user)
