"""The result of counting an election under one rule, with the facts explanations need."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class TieReport:
    """A tie the requested order could not break; `chosen` is what the fallback picked."""

    step: int
    candidates: tuple[str, ...]
    chosen: str
    reason: str


@dataclass(frozen=True, slots=True)
class MESDetails:
    """What MES explanations need: the per-voter budget and every voter's spending.

    `prices` maps each project MES bought to the price per unit of satisfaction (rho).
    Spending is kept per budget class (voters who ended with the same budget) and turned
    into per-ballot Fractions only on demand, since large elections have tens of
    thousands of distinct ballots.
    """

    per_voter_budget: Fraction
    prices: tuple[tuple[str, Fraction], ...]
    ballot_class: tuple[int, ...]
    # Exact budget left for one voter of a class, computed on demand (possibly as a faster
    # rational type than Fraction).
    class_left: Callable[[int], Fraction]
    add1_steps: int = 0
    add1_runs: int = 0

    def spent(self) -> tuple[Fraction, ...]:
        """What one voter with each ballot (in the election's ballot order) paid."""
        b = self.per_voter_budget
        cache: dict[int, Fraction] = {}
        out = []
        for k in self.ballot_class:
            value = cache.get(k)
            if value is None:
                left = self.class_left(k)
                value = cache[k] = b - Fraction(int(left.numerator), int(left.denominator))
            out.append(value)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Outcome:
    """Selected projects in selection order, their total cost and how ties were handled."""

    rule: str
    selected: tuple[str, ...]
    total_cost: Fraction
    budget: Fraction
    per_voter_budget: Fraction | None = None
    unresolved_ties: tuple[TieReport, ...] = ()
    mes: MESDetails | None = None
    # Ids chosen by each stage of a combined rule, e.g. MES then the greedy completion.
    stages: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    @property
    def selected_sorted(self) -> tuple[str, ...]:
        return tuple(sorted(self.selected))
