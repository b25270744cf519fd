"""The data model of a participatory-budgeting election, shared by the reader, the rules and the CLI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction


class BallotType(StrEnum):
    APPROVAL = "approval"
    CHOOSE_1 = "choose-1"
    CUMULATIVE = "cumulative"
    SCORING = "scoring"
    ORDINAL = "ordinal"


@dataclass(frozen=True, slots=True)
class Project:
    """A project on the ballot. Costs are exact so that no rule ever rounds money."""

    id: str
    cost: Fraction
    name: str = ""
    categories: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    # Every other PROJECTS column (votes, score, selected, latitude, ...), kept verbatim so a
    # round trip through the writer loses nothing.
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Ballot:
    """One distinct ballot and how many voters cast it.

    `projects` is canonical so that identical ballots compare equal: sorted ids for approval,
    choose-1, cumulative and scoring ballots; best-to-worst for ordinal ballots. `points` is
    aligned with `projects` for cumulative and scoring ballots and None otherwise.
    """

    projects: tuple[str, ...]
    points: tuple[Fraction, ...] | None = None
    multiplicity: int = 1


@dataclass(frozen=True, slots=True)
class Voter:
    """A VOTES row as read from a file: who voted, which distinct ballot, and any other columns."""

    voter_id: str
    ballot: int  # index into Election.ballots
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Election:
    """An election: budget, projects in file order, merged ballots and the raw META."""

    budget: Fraction
    projects: Mapping[str, Project]
    ballot_type: BallotType
    ballots: tuple[Ballot, ...]
    meta: Mapping[str, str] = field(default_factory=dict)
    # Per-voter rows; empty when the election was built from merged ballots directly.
    voters: tuple[Voter, ...] = ()

    @property
    def num_voters(self) -> int:
        return sum(b.multiplicity for b in self.ballots)
