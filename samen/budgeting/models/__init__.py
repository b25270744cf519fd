"""Budgeting data: processes with their phases, budgets and districts, proposals, the voter
roll and ballots, and counts with their results."""

from samen.budgeting.models.delivery import (
    DeliveryStatus,
    Milestone,
    ProjectFollow,
    StatusUpdate,
)
from samen.budgeting.models.imports import ImportStatus, PbImport
from samen.budgeting.models.paper import IdentityKind, PaperBallotEntry, PaperStatus
from samen.budgeting.models.process import (
    PHASE_ORDER,
    RULE_IDS,
    BallotKind,
    Budget,
    CountingRule,
    District,
    Phase,
    PhaseKind,
    Process,
)
from samen.budgeting.models.proposal import Category, Proposal, ProposalStatus
from samen.budgeting.models.results import BudgetResult, Count, CountStatus, ProjectResult
from samen.budgeting.models.voting import (
    Ballot,
    BallotChoice,
    Channel,
    VoterRollEntry,
    VotingCode,
    VotingCodeBatch,
)

__all__ = [
    "PHASE_ORDER",
    "RULE_IDS",
    "Ballot",
    "BallotChoice",
    "BallotKind",
    "Budget",
    "BudgetResult",
    "Category",
    "Channel",
    "Count",
    "CountStatus",
    "CountingRule",
    "DeliveryStatus",
    "District",
    "IdentityKind",
    "ImportStatus",
    "Milestone",
    "PaperBallotEntry",
    "PaperStatus",
    "PbImport",
    "Phase",
    "PhaseKind",
    "Process",
    "ProjectFollow",
    "ProjectResult",
    "Proposal",
    "ProposalStatus",
    "StatusUpdate",
    "VoterRollEntry",
    "VotingCode",
    "VotingCodeBatch",
]
