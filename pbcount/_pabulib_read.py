"""The .pb parser behind pbcount.pabulib: one fast pass with errors naming the file and line."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator
from fractions import Fraction
from operator import itemgetter

from pbcount.errors import ElectionError, PabulibError
from pbcount.model import (
    POINTS_TYPES,
    Ballot,
    BallotType,
    Constraints,
    Election,
    Project,
    Voter,
    canonical_ballot,
    parse_decimal,
)

SECTIONS = ("META", "PROJECTS", "VOTES")
_VOTE_TYPES = ", ".join(t.value for t in list(BallotType)[:-1]) + f" or {list(BallotType)[-1]}"
_LABEL_COLUMNS = {"category": "categories", "categories": "categories"}
_LABEL_COLUMNS |= {"target": "targets", "targets": "targets"}


class Parser:
    """One pass over the rows; `last` is the physical line the csv reader has reached."""

    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
        self.last = 0
        self.pending: tuple[int, list[str]] | None = None

    def error(self, problem: str, line: int | None) -> PabulibError:
        return PabulibError(problem, file=self.name, line=line)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Non-blank rows with the line each starts on, up to the next section title."""
        if self.pending is not None:
            return
        reader = self.reader
        try:
            for row in reader:
                start, self.last = self.last + 1, reader.line_num
                if len(row) <= 1 and (not row or not row[0].strip()):
                    continue
                if (len(row) == 1 or not row[1]) and _title(row):
                    self.pending = (start, row)
                    return
                yield start, row
        except csv.Error as error:
            raise self.error(f"cannot split the line: {error}", self.last + 1) from None

    def section(self, expected: str) -> tuple[int, list[str]]:
        """Consume the title of `expected` and its header; return the header's line and names."""
        for start, row in self.rows():
            raise self.error(f"expected the {expected} section, found {';'.join(row)!r}", start)
        if self.pending is None:
            raise self.error(f"missing {expected} section", None)
        line, title = self.pending
        found = title[0].strip().upper()
        if found != expected:
            raise self.error(f"expected the {expected} section, found {found}", line)
        self.pending = None
        for start, header in self.rows():
            names = [cell.strip() for cell in header]
            while names and not names[-1]:
                names.pop()
            for i, column in enumerate(names):
                if column in names[:i]:
                    raise self.error(f"duplicate column {column!r} in {expected} header", start)
            return start, names
        raise self.error(f"missing header line after {expected}", line + 1)

    def fields(self, row: list[str], width: int, start: int, what: str) -> list[str]:
        """Fit a row to the header: trailing empty cells are harmless, others are an error."""
        if len(row) > width and not any(cell.strip() for cell in row[width:]):
            return row[:width]
        if len(row) != width:
            problem = f"{what} row has {len(row)} fields but the header has {width}"
            raise self.error(problem, start)
        return row

    def parse(self) -> Election:
        meta, meta_lines = self.meta()
        budget, kind = self.check_meta(meta, meta_lines)
        projects = self.projects()
        if "num_projects" in meta:
            self.check_count(meta, meta_lines, "num_projects", len(projects), "projects")
        ballots, voters = self.votes(kind, projects)
        if "num_votes" in meta:
            self.check_count(meta, meta_lines, "num_votes", len(voters), "votes")
        if self.pending is not None:
            line, title = self.pending
            raise self.error(f"unexpected {title[0].strip().upper()} section after VOTES", line)
        return Election(budget, projects, kind, ballots, meta, voters)

    def meta(self) -> tuple[dict[str, str], dict[str, int]]:
        line, header = self.section("META")
        if [cell.lower() for cell in header] != ["key", "value"]:
            raise self.error(f"META header should be 'key;value', found {';'.join(header)!r}", line)
        meta: dict[str, str] = {}
        lines: dict[str, int] = {"META": line}
        for start, row in self.rows():
            if len(row) < 2 or not row[0].strip():
                raise self.error("a META row needs a key and a value separated by ';'", start)
            key, value = self.fields(row, 2, start, "META")
            key = key.strip()
            if key in meta:
                raise self.error(f"duplicate META key {key!r} (first on line {lines[key]})", start)
            meta[key] = value.strip()
            lines[key] = start
        return meta, lines

    def check_meta(
        self, meta: dict[str, str], lines: dict[str, int]
    ) -> tuple[Fraction, BallotType]:
        for required in ("budget", "vote_type"):
            if not meta.get(required):
                raise self.error(f"META has no {required}", lines.get(required, lines["META"]))
        try:
            budget = parse_decimal(meta["budget"])
        except ValueError as error:
            raise self.error(f"invalid budget: {error}", lines["budget"]) from None
        if budget < 0:
            raise self.error(f"negative budget {meta['budget']!r}", lines["budget"])
        try:
            kind = BallotType(meta["vote_type"])
        except ValueError:
            problem = f"unknown vote_type {meta['vote_type']!r} (expected {_VOTE_TYPES})"
            raise self.error(problem, lines["vote_type"]) from None
        for key, value in meta.items():
            try:
                Constraints.from_meta({key: value})
            except ElectionError as error:
                raise self.error(str(error), lines[key]) from None
        return budget, kind

    def check_count(
        self, meta: dict[str, str], lines: dict[str, int], key: str, found: int, what: str
    ) -> None:
        stated = meta[key]
        if not stated.isdigit():
            raise self.error(f"{key} {stated!r} is not a whole number", lines[key])
        if int(stated) != found:
            raise self.error(
                f"{key} is {stated} in META but the file has {found} {what}", lines[key]
            )

    def projects(self) -> dict[str, Project]:
        line, header = self.section("PROJECTS")
        for required in ("project_id", "cost"):
            if required not in header:
                raise self.error(f"PROJECTS header has no {required!r} column", line)
        width = len(header)
        projects: dict[str, Project] = {}
        first: dict[str, int] = {}
        for start, row in self.rows():
            cells = self.fields(row, width, start, "PROJECTS")
            project_id = sys.intern(cells[header.index("project_id")].strip())
            if not project_id or "," in project_id:
                raise self.error(f"invalid project id {project_id!r}", start)
            if project_id in projects:
                problem = f"duplicate project id {project_id!r} (first on line {first[project_id]})"
                raise self.error(problem, start)
            projects[project_id] = self.project(project_id, header, cells, start)
            first[project_id] = start
        return projects

    def project(self, project_id: str, header: list[str], cells: list[str], start: int) -> Project:
        name = ""
        labels: dict[str, tuple[str, ...]] = {"categories": (), "targets": ()}
        extra: list[tuple[str, str]] = []
        for column, cell in zip(header, cells, strict=True):
            if column == "cost":
                text = cell.strip()
                try:
                    cost = parse_decimal(text)
                except ValueError as error:
                    raise self.error(
                        f"invalid cost of project {project_id!r}: {error}", start
                    ) from None
                if cost < 0:
                    raise self.error(f"negative cost {text!r} of project {project_id!r}", start)
            elif column == "name":
                name = cell.strip()
            elif column in _LABEL_COLUMNS:
                parts = (part.strip() for part in cell.split(","))
                labels[_LABEL_COLUMNS[column]] = tuple(part for part in parts if part)
            elif column != "project_id":
                extra.append((column, cell))
        return Project(
            project_id, cost, name, labels["categories"], labels["targets"], tuple(extra)
        )

    def votes(
        self, kind: BallotType, projects: dict[str, Project]
    ) -> tuple[tuple[Ballot, ...], tuple[Voter, ...]]:
        line, header = self.section("VOTES")
        wanted = ["voter_id", "vote"] + (["points"] if kind in POINTS_TYPES else [])
        for required in wanted:
            if required not in header:
                raise self.error(f"VOTES header has no {required!r} column", line)
        width = len(header)
        voter_at, vote_at = header.index("voter_id"), header.index("vote")
        points_at = header.index("points") if kind in POINTS_TYPES else -1
        extra_at = [i for i, column in enumerate(header) if column not in wanted]
        extra_of = _extra_getter(header, extra_at)
        ballots = _BallotTable(kind, projects)
        by_text, counts = ballots.by_text, ballots.counts
        first: dict[str, int] = {}
        voters: list[Voter] = []
        reader, last = self.reader, self.last
        # The hot loop of the reader (up to 130,000 rows): plain locals and the csv iterator
        # directly, with every rare case (odd widths, blanks, errors) handled out of line.
        try:
            for cells in reader:
                start, last = last + 1, reader.line_num
                if len(cells) != width:
                    self.last = last
                    odd = self.odd_row(cells, width, start)
                    if odd is None:
                        if self.pending is not None:
                            break
                        continue
                    cells = odd
                voter_id = cells[voter_at].strip()
                if first.setdefault(voter_id, start) != start or not voter_id:
                    raise self.voter_error(voter_id, first[voter_id], start)
                text = cells[vote_at] if points_at < 0 else (cells[vote_at], cells[points_at])
                index = by_text.get(text)
                if index is None:
                    try:
                        index = ballots.add(text)
                    except ElectionError as error:
                        problem = f"{error} in vote of voter {voter_id!r}"
                        raise self.error(problem, start) from None
                counts[index] += 1
                voters.append(Voter(voter_id, index, extra_of(cells)))
        except csv.Error as error:
            raise self.error(f"cannot split the line: {error}", last + 1) from None
        self.last = last
        return ballots.merged(), tuple(voters)

    def odd_row(self, row: list[str], width: int, start: int) -> list[str] | None:
        """A VOTES row of unexpected width: None for a blank line or a section title."""
        if len(row) <= 1 and (not row or not row[0].strip()):
            return None
        if _title(row):
            self.pending = (start, row)
            return None
        return self.fields(row, width, start, "VOTES")

    def voter_error(self, voter_id: str, first: int, start: int) -> PabulibError:
        if not voter_id:
            return self.error("empty voter id", start)
        return self.error(f"duplicate voter id {voter_id!r} (first on line {first})", start)


def _title(row: list[str]) -> bool:
    return row[0].strip().upper() in SECTIONS and not any(cell.strip() for cell in row[1:])


def _extra_getter(
    header: list[str], positions: list[int]
) -> Callable[[list[str]], tuple[tuple[str, str], ...]]:
    """A fast row -> extra-columns function that shares the tuples of repeated values."""
    if not positions:
        return lambda cells: ()
    names = [header[i] for i in positions]
    pick = itemgetter(*positions)
    shared: dict[object, tuple[tuple[str, str], ...]] = {}

    def extra(cells: list[str]) -> tuple[tuple[str, str], ...]:
        values = pick(cells)
        found = shared.get(values)
        if found is None:
            found = tuple(zip(names, (values,) if len(positions) == 1 else values, strict=True))
            shared[values] = found
        return found

    return extra


class _BallotTable:
    """Distinct ballots with their counts; each distinct raw vote text is parsed only once."""

    def __init__(self, kind: BallotType, projects: dict[str, Project]) -> None:
        self.kind = kind
        self.projects = projects
        self.by_text: dict[str | tuple[str, str], int] = {}
        self.by_key: dict[tuple[tuple[str, ...], tuple[Fraction, ...] | None], int] = {}
        self.keys: list[tuple[tuple[str, ...], tuple[Fraction, ...] | None]] = []
        self.counts: list[int] = []
        self.numbers: dict[str, Fraction] = {}
        # Maps each id to the project table's own string, so ballots share one copy of it.
        self.known = {project_id: project_id for project_id in projects}
        self.lookup = self.known.__getitem__

    def add(self, text: str | tuple[str, str]) -> int:
        """Parse a vote text not seen before; its count is left for the caller to raise."""
        key = None
        if isinstance(text, str):
            key = self.fast_key(text)
            vote, points = text, None
        else:
            vote, points = text
        if key is None:
            key = self.slow_key(vote, points)
        found = self.by_key.get(key)
        if found is None:
            found = self.by_key[key] = len(self.keys)
            self.keys.append(key)
            self.counts.append(0)
        self.by_text[text] = found
        return found

    def fast_key(self, vote: str) -> tuple[tuple[str, ...], tuple[Fraction, ...] | None] | None:
        """The common case: clean ids, all known. Anything odd falls back to slow_key."""
        try:
            ids = map(self.lookup, vote.split(","))
            if self.kind is BallotType.ORDINAL:
                return tuple(dict.fromkeys(ids)), None
            return tuple(sorted(set(ids))), None
        except KeyError:
            return None

    def slow_key(
        self, vote: str, points: str | None
    ) -> tuple[tuple[str, ...], tuple[Fraction, ...] | None]:
        ids = [part.strip() for part in vote.split(",")]
        if points is None:
            ids = [part for part in ids if part]
            numbers = None
        else:
            ids = ids if vote.strip() else []
            numbers = [self.number(part) for part in points.split(",")] if points.strip() else []
        ids = [self.known.get(p, p) for p in ids]
        return canonical_ballot(self.kind, ids, numbers, self.projects)

    def number(self, text: str) -> Fraction:
        value = self.numbers.get(text)
        if value is None:
            try:
                value = self.numbers[text] = parse_decimal(text)
            except ValueError as error:
                raise ElectionError(f"invalid points: {error}") from None
        return value

    def merged(self) -> tuple[Ballot, ...]:
        return tuple(
            Ballot(ids, points, count)
            for (ids, points), count in zip(self.keys, self.counts, strict=True)
        )
