"""Budgeting data: processes with their phases, budgets and districts, and proposals."""

from samen.budgeting.models.process import (
    PHASE_ORDER,
    RULE_IDS,
    Budget,
    CountingRule,
    District,
    Phase,
    PhaseKind,
    Process,
)
from samen.budgeting.models.proposal import Category, Proposal, ProposalStatus

__all__ = [
    "PHASE_ORDER",
    "RULE_IDS",
    "Budget",
    "Category",
    "CountingRule",
    "District",
    "Phase",
    "PhaseKind",
    "Process",
    "Proposal",
    "ProposalStatus",
]
