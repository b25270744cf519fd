"""Read and write Pabulib .pb files exactly and fast, with errors that name the file and line."""

from __future__ import annotations

import csv
import gc
import io
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

from pbcount._pabulib_read import Parser
from pbcount.errors import PabulibError
from pbcount.model import POINTS_TYPES, Election, Voter, format_decimal, parse_decimal

if TYPE_CHECKING:
    from _csv import Writer as _CsvWriter

__all__ = ["format_pb", "parse_pb_bytes", "parse_pb_text", "read_pb", "write_pb"]

Source = str | os.PathLike[str] | IO[str] | IO[bytes]


def read_pb(source: Source, *, name: str | None = None) -> Election:
    """Read a .pb file from a path or an open stream (text or binary).

    `name` is what error messages call the file; it defaults to the path or the stream's name.
    """
    if isinstance(source, str | os.PathLike):
        label = name or os.fspath(source)
        try:
            with open(source, "rb") as handle:
                data: str | bytes = handle.read()
        except OSError as error:
            raise PabulibError(f"cannot read the file: {error.strerror}", file=label) from None
    else:
        label = name or str(getattr(source, "name", "<stream>"))
        data = source.read()
    if isinstance(data, bytes):
        return parse_pb_bytes(data, name=label)
    return parse_pb_text(data, name=label)


def parse_pb_bytes(data: bytes, *, name: str = "<bytes>") -> Election:
    """Decode UTF-8 (a byte-order mark is allowed) and parse."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        raise PabulibError(problem, file=name, line=line) from None
    return parse_pb_text(text, name=name)


def parse_pb_text(text: str, *, name: str = "<string>") -> Election:
    """Parse the text of a .pb file."""
    with _no_gc():
        return Parser(text.removeprefix("\ufeff"), name).parse()


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cycle collector: the parse allocates ~10^5 acyclic objects, and the collector's
    repeated scans of them cost 10-15% of the read time on the largest files."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_pb(election: Election, target: str | os.PathLike[str] | IO[str]) -> None:
    """Write `election` as UTF-8 .pb to a path or an open text stream."""
    text = format_pb(election)
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        target.write(text)


def format_pb(election: Election) -> str:
    """The .pb text of `election`; reading it back gives an equal election.

    META is written as stored, except that budget and vote_type (always written), and
    num_projects and num_votes (when present), are made to agree with the election. An
    election built from merged ballots alone gets voter ids 1, 2, 3, ... Amounts are exact:
    integers, finite decimals, or p/q when there is none.
    """
    out = io.StringIO()
    rows = csv.writer(out, delimiter=";", lineterminator="\n")
    rows.writerows([["META"], ["key", "value"]])
    rows.writerows(_meta(election).items())
    projects = election.projects.values()
    extras = _columns(project.extra for project in projects)
    optional = [
        ("name", any(p.name for p in projects)),
        ("category", any(p.categories for p in projects)),
        ("target", any(p.targets for p in projects)),
    ]
    named = [column for column, present in optional if present]
    rows.writerows([["PROJECTS"], ["project_id", "cost", *named, *extras]])
    for project in projects:
        known = {
            "name": project.name,
            "category": ",".join(project.categories),
            "target": ",".join(project.targets),
        }
        values = dict(project.extra)
        rows.writerow(
            [project.id, format_decimal(project.cost)]
            + [known[column] for column in named]
            + [values.get(column, "") for column in extras]
        )
    _write_votes(election, rows)
    return out.getvalue()


def _meta(election: Election) -> dict[str, str]:
    meta = dict(election.meta)
    try:
        same_budget = parse_decimal(meta["budget"]) == election.budget
    except (KeyError, ValueError):
        same_budget = False
    if not same_budget:
        # Keep the file's own spelling ("1 000,50") when it still says the same amount.
        meta["budget"] = format_decimal(election.budget)
    meta["vote_type"] = election.ballot_type.value
    # The counts are corrected but not added, so that any file read round-trips unchanged.
    if "num_projects" in meta:
        meta["num_projects"] = str(len(election.projects))
    if "num_votes" in meta:
        meta["num_votes"] = str(len(election.voters) or election.num_voters)
    return meta


def _write_votes(election: Election, rows: _CsvWriter) -> None:
    with_points = election.ballot_type in POINTS_TYPES
    voters = election.voters or _synthetic_voters(election)
    # The reader shares one extra tuple among voters with equal values, so each distinct
    # tuple is aligned to the columns once rather than once per voter.
    distinct = {id(voter.extra): voter.extra for voter in voters}
    columns = _columns(distinct.values())
    aligned = {key: [dict(extra).get(c, "") for c in columns] for key, extra in distinct.items()}
    points = ["points"] if with_points else []
    rows.writerows([["VOTES"], ["voter_id", "vote", *points, *columns]])
    texts = []
    for ballot in election.ballots:
        text = [",".join(ballot.projects)]
        if with_points:
            text.append(",".join(format_decimal(p) for p in ballot.points or ()))
        texts.append(text)
    rows.writerows(
        [voter.voter_id, *texts[voter.ballot], *aligned[id(voter.extra)]] for voter in voters
    )


def _synthetic_voters(election: Election) -> list[Voter]:
    voters: list[Voter] = []
    for index, ballot in enumerate(election.ballots):
        first = len(voters) + 1
        voters.extend(Voter(str(first + k), index) for k in range(ballot.multiplicity))
    return voters


def _columns(extras: Iterable[tuple[tuple[str, str], ...]]) -> list[str]:
    """The extra column names in first-seen order (dict keys keep insertion order)."""
    seen: dict[str, None] = {}
    for extra in extras:
        for column, _ in extra:
            seen.setdefault(column)
    return list(seen)
