"""Counting rules: `count(election, rule)` for every public rule id in `RULES`."""

from __future__ import annotations

from pbcount.rules._profile import NotApplicable
from pbcount.rules.outcome import MESDetails, Outcome, TieReport
from pbcount.rules.registry import (
    COMPLETIONS,
    RULES,
    RuleSpec,
    UnknownRule,
    applicable_rules,
    count,
    official_rule,
    parse_rule,
)
from pbcount.rules.tiebreak import TieBreak

__all__ = [
    "COMPLETIONS",
    "RULES",
    "MESDetails",
    "NotApplicable",
    "Outcome",
    "RuleSpec",
    "TieBreak",
    "TieReport",
    "UnknownRule",
    "applicable_rules",
    "count",
    "official_rule",
    "parse_rule",
]
