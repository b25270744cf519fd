"""A compact, index-based view of an election for one satisfaction measure.

Projects are indexed in plain string order of their ids, which is also pabutools'
lexicographic order, so index comparisons double as the default tie-break.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from pbcount.model import Ballot, BallotType, Election

Sat = Literal["cost", "card", "score", "borda"]

SAT_BALLOT_TYPES: dict[Sat, frozenset[BallotType]] = {
    "cost": frozenset(BallotType),
    "card": frozenset(BallotType),
    "score": frozenset({BallotType.CUMULATIVE, BallotType.SCORING}),
    "borda": frozenset({BallotType.ORDINAL}),
}


class NotApplicable(ValueError):
    """The rule cannot be applied to this kind of ballot."""


@dataclass(frozen=True, slots=True)
class Profile:
    """Ballots as (project index, satisfaction) pairs, aligned with `Election.ballots`."""

    ids: tuple[str, ...]
    costs: tuple[Fraction, ...]
    budget: Fraction
    mult: tuple[int, ...]
    items: tuple[tuple[tuple[int, Fraction], ...], ...]
    votes: tuple[int, ...]  # voters whose ballot names the project

    @property
    def num_voters(self) -> int:
        return sum(self.mult)

    def total_sat(self) -> list[Fraction]:
        totals = [Fraction(0)] * len(self.ids)
        for m, items in zip(self.mult, self.items, strict=True):
            for p, u in items:
                totals[p] += m * u
        return totals


def _ballot_sats(ballot: Ballot, kind: BallotType, sat: Sat) -> dict[str, Fraction]:
    """Per-project satisfaction of one ballot, following pabutools' satisfaction classes."""
    if kind == BallotType.ORDINAL:
        # pabutools keeps the first position of a project listed twice.
        ranking = list(dict.fromkeys(ballot.projects))
        if sat == "borda":
            length = len(ballot.projects)
            return {p: Fraction(length - pos - 1) for pos, p in enumerate(ranking)}
        present: dict[str, Fraction] = dict.fromkeys(ranking, Fraction(1))
        return present
    if ballot.points is not None:
        points = dict(zip(ballot.projects, ballot.points, strict=True))
    else:
        points = dict.fromkeys(ballot.projects, Fraction(1))
    if sat == "score":
        return points
    return dict.fromkeys(points, Fraction(1))


def build_profile(election: Election, sat: Sat) -> Profile:
    kind = election.ballot_type
    if kind not in SAT_BALLOT_TYPES[sat]:
        raise NotApplicable(f"satisfaction {sat!r} does not apply to {kind.value} ballots")
    ids = tuple(sorted(election.projects))
    index = {pid: i for i, pid in enumerate(ids)}
    costs = tuple(Fraction(election.projects[pid].cost) for pid in ids)
    votes = [0] * len(ids)
    items: list[tuple[tuple[int, Fraction], ...]] = []
    for ballot in election.ballots:
        sats = _ballot_sats(ballot, kind, sat)
        row = []
        for pid, u in sats.items():
            p = index[pid]
            votes[p] += ballot.multiplicity
            row.append((p, costs[p] * u if sat == "cost" else u))
        row.sort()
        items.append(tuple(row))
    return Profile(
        ids=ids,
        costs=costs,
        budget=Fraction(election.budget),
        mult=tuple(b.multiplicity for b in election.ballots),
        items=tuple(items),
        votes=tuple(votes),
    )
