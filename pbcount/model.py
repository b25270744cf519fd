"""The data model of a participatory-budgeting election, shared by the reader, rules and CLI."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from pbcount.errors import ElectionError


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

    @property
    def project_ids(self) -> tuple[str, ...]:
        """Project ids in file order."""
        return tuple(self.projects)

    @property
    def official_selected(self) -> tuple[str, ...] | None:
        """Projects the file marks `selected` = 1, in file order; None without that column.

        Other non-zero values mean funded outside the rule (Gdynia's turnout award, Poznań's
        extra round), so they are not part of the official outcome of the rule.
        """
        marks = {p.id: dict(p.extra).get("selected") for p in self.projects.values()}
        if all(mark is None for mark in marks.values()):
            return None
        return tuple(pid for pid, mark in marks.items() if mark is not None and mark.strip() == "1")

    @property
    def constraints(self) -> Constraints:
        """The ballot constraints and thresholds stated in META, parsed."""
        return Constraints.from_meta(self.meta)

    @classmethod
    def create(
        cls,
        *,
        budget: Fraction | int | str,
        projects: Iterable[Project],
        ballot_type: BallotType | str,
        ballots: Iterable[Ballot] = (),
        voters: Iterable[tuple[str, Ballot]] | None = None,
        meta: Mapping[str, str] | None = None,
    ) -> Election:
        """Build a validated election, canonicalising and merging identical ballots.

        Give either `ballots` (with multiplicities) or `voters`, one (voter id, ballot) pair per
        voter, which also keeps the per-voter rows a .pb export needs. Raises ElectionError
        naming the problem. Use this rather than the bare constructor for ballots that come
        from outside (a form, a database), which may be unsorted or repeated.
        """
        kind = BallotType(ballot_type)
        total = _as_fraction(budget, "budget")
        if total < 0:
            raise ElectionError(f"negative budget {total}")
        by_id: dict[str, Project] = {}
        for project in projects:
            _check_project(project)
            if project.id in by_id:
                raise ElectionError(f"duplicate project id {project.id!r}")
            by_id[project.id] = project
        pairs = None if voters is None else list(voters)
        if pairs is not None:
            if tuple(ballots):
                raise ElectionError("give ballots or voters, not both")
            ballots = [ballot for _, ballot in pairs]
        index: dict[tuple[tuple[str, ...], tuple[Fraction, ...] | None], int] = {}
        counts: list[int] = []
        positions: list[int] = []
        for ballot in ballots:
            key = canonical_ballot(kind, ballot.projects, ballot.points, by_id)
            if ballot.multiplicity < 1 or (pairs is not None and ballot.multiplicity != 1):
                raise ElectionError(f"ballot multiplicity {ballot.multiplicity} is not allowed")
            position = index.setdefault(key, len(counts))
            if position == len(counts):
                counts.append(0)
            counts[position] += ballot.multiplicity
            positions.append(position)
        merged = tuple(
            Ballot(ids, points, count) for (ids, points), count in zip(index, counts, strict=True)
        )
        rows = _voter_rows(pairs, positions) if pairs is not None else ()
        return cls(total, by_id, kind, merged, dict(meta or {}), rows)


def _voter_rows(pairs: list[tuple[str, Ballot]], positions: list[int]) -> tuple[Voter, ...]:
    seen: set[str] = set()
    for voter_id, _ in pairs:
        if not voter_id or voter_id != voter_id.strip() or voter_id in seen:
            raise ElectionError(f"voter id {voter_id!r} is empty, padded or repeated")
        seen.add(voter_id)
    return tuple(Voter(v, p) for (v, _), p in zip(pairs, positions, strict=True))


@dataclass(frozen=True, slots=True)
class Constraints:
    """Limits a valid ballot had to respect, and the score threshold some greedy rules use."""

    min_length: int | None = None
    max_length: int | None = None
    min_points: Fraction | None = None
    max_points: Fraction | None = None
    min_sum_points: Fraction | None = None
    max_sum_points: Fraction | None = None
    min_sum_cost: Fraction | None = None
    max_sum_cost: Fraction | None = None
    min_project_score_threshold: Fraction | None = None

    @classmethod
    def from_meta(cls, meta: Mapping[str, str]) -> Constraints:
        """Parse the optional META keys; raises ElectionError naming a key that is not a number."""
        values: dict[str, int | Fraction] = {}
        for key in _CONSTRAINT_KEYS:
            text = meta.get(key, "").strip()
            if not text:
                continue
            try:
                number = parse_decimal(text)
            except ValueError as error:
                raise ElectionError(f"{key}: {error}") from None
            if key in _INTEGER_KEYS:
                if number.denominator != 1:
                    raise ElectionError(f"{key}: {text!r} is not a whole number")
                values[key] = int(number)
            else:
                values[key] = number
        return cls(**values)  # type: ignore[arg-type]


_INTEGER_KEYS = frozenset({"min_length", "max_length"})
_CONSTRAINT_KEYS = (
    "min_length",
    "max_length",
    "min_points",
    "max_points",
    "min_sum_points",
    "max_sum_points",
    "min_sum_cost",
    "max_sum_cost",
    "min_project_score_threshold",
)
# Spaces (also non-breaking and thin ones) only ever group thousands in real files.
_GROUPING = str.maketrans("", "", " \u00a0\u202f_")
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?\d+/\d+")


def parse_decimal(text: str) -> Fraction:
    """Read an exact amount: '12', '1 000,5', '400000.0', '2.5e3' or '1/3'.

    A comma is a decimal mark unless the text also has a dot, which would make it ambiguous.
    """
    compact = text.strip().translate(_GROUPING)
    if "," in compact:
        if "." in compact or compact.count(",") > 1:
            raise ValueError(f"{text!r} mixes decimal marks")
        compact = compact.replace(",", ".")
    if not _DECIMAL.fullmatch(compact):
        raise ValueError(f"{text!r} is not a number")
    try:
        return Fraction(compact)
    except ZeroDivisionError:
        raise ValueError(f"{text!r} divides by zero") from None


def format_decimal(value: Fraction) -> str:
    """Write an amount exactly: as an integer, a finite decimal, or 'p/q' when there is none."""
    if value.denominator == 1:
        return str(value.numerator)
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    digits = max(twos, fives)
    scaled = abs(value.numerator) * 10**digits // value.denominator
    sign = "-" if value < 0 else ""
    whole, fraction = divmod(scaled, 10**digits)
    return f"{sign}{whole}.{fraction:0{digits}d}"


def canonical_ballot(
    kind: BallotType,
    ids: Sequence[str],
    points: Sequence[Fraction] | None,
    projects: Mapping[str, Project],
) -> tuple[tuple[str, ...], tuple[Fraction, ...] | None]:
    """Validate one ballot and put it in the canonical form Ballot documents.

    Repeated projects are dropped for approval and ordinal ballots (pabutools treats those as a
    set and as first-occurrence order); for points ballots a repeat is ambiguous and an error.
    """
    for project_id in ids:
        if project_id not in projects:
            raise ElectionError(f"unknown project {project_id!r}")
    if kind in POINTS_TYPES:
        if points is None or len(points) != len(ids):
            given = "no" if points is None else len(points)
            raise ElectionError(f"{len(ids)} projects but {given} points")
        pairs = dict(zip(ids, points, strict=True))
        if len(pairs) != len(ids):
            repeated = next(p for p in ids if ids.count(p) > 1)
            raise ElectionError(f"project {repeated!r} appears twice")
        order = sorted(pairs)
        return tuple(order), tuple(Fraction(pairs[p]) for p in order)
    if points is not None:
        raise ElectionError(f"{kind} ballots carry no points")
    if kind is BallotType.ORDINAL:
        return tuple(dict.fromkeys(ids)), None
    return tuple(sorted(set(ids))), None


POINTS_TYPES = frozenset({BallotType.CUMULATIVE, BallotType.SCORING})


def _as_fraction(value: Fraction | int | str, what: str) -> Fraction:
    if isinstance(value, str):
        try:
            return parse_decimal(value)
        except ValueError as error:
            raise ElectionError(f"{what}: {error}") from None
    return Fraction(value)


def _check_project(project: Project) -> None:
    # Ids and labels must survive a .pb round trip: ',' separates them in votes and lists, and
    # the reader strips surrounding spaces.
    if not project.id or project.id != project.id.strip() or "," in project.id:
        raise ElectionError(f"project id {project.id!r} is empty, padded or contains ','")
    if project.cost < 0:
        raise ElectionError(f"negative cost {project.cost} for project {project.id!r}")
    for label in project.categories + project.targets:
        if not label or label != label.strip() or "," in label:
            raise ElectionError(f"label {label!r} of project {project.id!r} cannot be written")
