"""A compact, index-based view of an election for one satisfaction measure.

Projects are indexed in plain string order of their ids, which is also pabutools'
lexicographic order, so index comparisons double as the default tie-break. Ballots become
CSR arrays; satisfaction is stored per project when every supporter gets the same
(cost or cardinality), and per entry only for scores and Borda points.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import chain
from typing import Literal

import numpy as np
import numpy.typing as npt

from pbcount.model import Ballot, BallotType, Election

# "rank" is internal: the points cities give a ranking, (max_length or length) - position.
Sat = Literal["cost", "card", "score", "borda", "rank"]
IntArray = npt.NDArray[np.int64]

SAT_BALLOT_TYPES: dict[Sat, frozenset[BallotType]] = {
    "cost": frozenset(BallotType),
    "card": frozenset(BallotType),
    "score": frozenset({BallotType.CUMULATIVE, BallotType.SCORING}),
    "borda": frozenset({BallotType.ORDINAL}),
    "rank": frozenset({BallotType.ORDINAL}),
}


class NotApplicable(ValueError):
    """The rule cannot be applied to this kind of ballot."""


@dataclass(frozen=True, slots=True, eq=False)
class Profile:
    """Ballots aligned with `Election.ballots`, as CSR arrays over project indices."""

    ids: tuple[str, ...]
    costs: tuple[Fraction, ...]
    budget: Fraction
    mult: IntArray  # per ballot
    ballot_ptr: IntArray  # entries of ballot i are ballot_ptr[i]:ballot_ptr[i + 1]
    ent_project: IntArray
    # Satisfaction: per project when uniform across supporters, else per entry.
    project_sat: tuple[Fraction, ...] | None
    entry_sat: tuple[Fraction, ...] | None
    votes: IntArray  # voters whose ballot names the project

    @property
    def num_voters(self) -> int:
        return int(self.mult.sum())

    @property
    def ent_ballot(self) -> IntArray:
        return np.repeat(np.arange(len(self.mult), dtype=np.int64), np.diff(self.ballot_ptr))

    def sat_of_entries(self) -> list[Fraction]:
        if self.entry_sat is not None:
            return list(self.entry_sat)
        assert self.project_sat is not None
        ps = self.project_sat
        return [ps[p] for p in self.ent_project.tolist()]

    def total_sat(self) -> list[Fraction]:
        if self.project_sat is not None:
            return [v * u for v, u in zip(self.votes.tolist(), self.project_sat, strict=True)]
        totals = [Fraction(0)] * len(self.ids)
        weights = self.mult[self.ent_ballot].tolist()
        for p, w, u in zip(self.ent_project.tolist(), weights, self.entry_sat or (), strict=True):
            totals[p] += w * u
        return totals


def _points(
    ballot: Ballot, kind: BallotType, sat: Sat, top: int | None = None
) -> dict[str, Fraction]:
    """Per-project satisfaction of one ballot, following pabutools' satisfaction classes."""
    if kind == BallotType.ORDINAL:
        if sat == "rank":
            first = top or len(ballot.projects)
            ranked = dict.fromkeys(ballot.projects)
            return {p: Fraction(first - pos) for pos, p in enumerate(ranked)}
        length = len(ballot.projects)
        # pabutools keeps a project's first position if a ranking lists it twice.
        ranking = dict.fromkeys(ballot.projects)
        return {p: Fraction(length - pos - 1) for pos, p in enumerate(ranking)}
    if ballot.points is None:
        return dict.fromkeys(ballot.projects, Fraction(1))
    return dict(zip(ballot.projects, ballot.points, strict=True))


def build_profile(election: Election, sat: Sat) -> Profile:
    kind = election.ballot_type
    if kind not in SAT_BALLOT_TYPES[sat]:
        raise NotApplicable(f"satisfaction {sat!r} does not apply to {kind.value} ballots")
    ids = tuple(sorted(election.projects))
    index = {pid: i for i, pid in enumerate(ids)}
    costs = tuple(Fraction(election.projects[pid].cost) for pid in ids)
    uniform = sat in ("cost", "card")
    raw_top = election.meta.get("max_length", "").strip()
    top = int(raw_top) if raw_top.isdigit() else None
    n_ballots = len(election.ballots)
    if uniform:
        ent, ptr = _presence(election, index)
        entry_sat: list[Fraction] = []
    else:
        ent_list: list[int] = []
        entry_sat = []
        offsets = [0]
        for ballot in election.ballots:
            pairs = sorted((index[pid], u) for pid, u in _points(ballot, kind, sat, top).items())
            ent_list.extend(p for p, _ in pairs)
            entry_sat.extend(u for _, u in pairs)
            offsets.append(len(ent_list))
        ent = np.asarray(ent_list, dtype=np.int64)
        ptr = np.asarray(offsets, dtype=np.int64)
    assert len(ptr) == n_ballots + 1
    mult = np.asarray([b.multiplicity for b in election.ballots], dtype=np.int64)
    ballot_ptr = ptr
    projects = ent
    weights = np.repeat(mult, np.diff(ballot_ptr))
    votes = np.bincount(projects, weights=weights, minlength=len(ids)).astype(np.int64)
    return Profile(
        ids=ids,
        costs=costs,
        budget=Fraction(election.budget),
        mult=mult,
        ballot_ptr=ballot_ptr,
        ent_project=projects,
        project_sat=(costs if sat == "cost" else tuple(Fraction(1) for _ in ids))
        if uniform
        else None,
        entry_sat=None if uniform else tuple(entry_sat),
        votes=votes,
    )


def _presence(election: Election, index: dict[str, int]) -> tuple[IntArray, IntArray]:
    """CSR arrays of the projects each ballot names, each once, in index order."""
    ballots = election.ballots
    lens = np.fromiter((len(b.projects) for b in ballots), dtype=np.int64, count=len(ballots))
    flat = list(chain.from_iterable(b.projects for b in ballots))
    proj = np.fromiter(map(index.__getitem__, flat), dtype=np.int64, count=len(flat))
    owner = np.repeat(np.arange(len(ballots), dtype=np.int64), lens)
    same_ballot = owner[1:] == owner[:-1]
    if not np.all(proj[1:][same_ballot] > proj[:-1][same_ballot]):
        # Unsorted (rankings) or repeated names: sort within ballots and drop repeats.
        order = np.lexsort((proj, owner))
        proj, owner = proj[order], owner[order]
        repeat = np.zeros(len(proj), dtype=bool)
        repeat[1:] = (proj[1:] == proj[:-1]) & (owner[1:] == owner[:-1])
        proj, owner = proj[~repeat], owner[~repeat]
    ptr = np.zeros(len(ballots) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum(np.bincount(owner, minlength=len(ballots)))
    return proj, ptr
