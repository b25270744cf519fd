"""Round trips through the .pb writer and reader: random elections and the whole shared corpus."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbcount.errors import PabulibError
from pbcount.model import POINTS_TYPES, Ballot, BallotType, Election, Project, format_decimal
from pbcount.pabulib import format_pb, parse_pb_text, read_pb

_SECTION_NAMES = {"meta", "projects", "votes"}

# Everything printable, including the separators ';' and '"' that force CSV quoting, and
# line breaks inside quoted cells; only ',' (the list separator) is ruled out of ids.
_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters='\n;"'), max_size=8
).map(str.strip)
_id = _text.filter(lambda s: s and "," not in s and s.lower() not in _SECTION_NAMES)
_label = _id
_amount = st.one_of(
    st.integers(0, 10**9).map(Fraction),
    st.builds(Fraction, st.integers(0, 10**7), st.sampled_from([2, 4, 5, 8, 100, 1000])),
    st.builds(Fraction, st.integers(0, 10**4), st.integers(1, 97)),
)


@st.composite
def elections(draw: st.DrawFn, kind: BallotType | None = None) -> Election:
    kind = kind or draw(st.sampled_from(list(BallotType)))
    ids = draw(st.lists(_id, min_size=1, max_size=6, unique=True))
    extra_columns = draw(st.lists(st.sampled_from(["votes", "selected", "x y"]), unique=True))
    projects = [
        Project(
            project_id,
            draw(_amount),
            draw(_text),
            tuple(draw(st.lists(_label, max_size=2))),
            tuple(draw(st.lists(_label, max_size=2))),
            tuple((column, draw(_text)) for column in extra_columns),
        )
        for project_id in ids
    ]
    points = st.integers(0, 5) if kind is BallotType.CUMULATIVE else st.integers(-3, 3)

    def ballot() -> Ballot:
        chosen = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
        if kind in POINTS_TYPES:
            return Ballot(tuple(chosen), tuple(Fraction(draw(points)) for _ in chosen))
        return Ballot(tuple(chosen))

    voter_ids = draw(st.lists(_id, max_size=12, unique=True))
    budget = draw(_amount)
    meta = {"description": draw(_text), "budget": format_decimal(budget)}
    if budget.denominator in (1, 2, 4, 5) and draw(st.booleans()):
        meta["budget"] = meta["budget"].replace(".", ",")  # a comma as the decimal mark
    meta |= {"vote_type": kind.value, "num_projects": str(len(ids))}
    meta["num_votes"] = str(len(voter_ids))
    return Election.create(
        budget=budget,
        projects=projects,
        ballot_type=kind,
        voters=[(voter_id, ballot()) for voter_id in voter_ids],
        meta=meta,
    )


@pytest.mark.parametrize("kind", list(BallotType))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_write_then_read_gives_an_equal_election(kind: BallotType, data: st.DataObject) -> None:
    election = data.draw(elections(kind))
    assert parse_pb_text(format_pb(election)) == election


@settings(max_examples=60, deadline=None)
@given(election=elections())
def test_merged_ballots_without_voters_survive_a_round_trip(election: Election) -> None:
    merged = Election(
        election.budget, election.projects, election.ballot_type, election.ballots, election.meta
    )
    again = parse_pb_text(format_pb(merged))
    assert again.ballots == merged.ballots
    assert again.projects == merged.projects
    assert (again.budget, again.ballot_type, again.meta) == (
        merged.budget,
        merged.ballot_type,
        merged.meta,
    )


@pytest.mark.pabulib
def test_every_shared_pabulib_file_reads_and_round_trips(pabulib_dir: Path) -> None:
    files = sorted(pabulib_dir.glob("*.pb"))
    assert files, f"no .pb files in {pabulib_dir}"
    failures: list[str] = []
    for path in files:
        try:
            election = read_pb(path)
        except PabulibError as error:
            failures.append(str(error))
            continue
        if election.num_voters != int(election.meta["num_votes"]):
            failures.append(f"{path.name}: {election.num_voters} voters, META says otherwise")
        if parse_pb_text(format_pb(election), name=path.name) != election:
            failures.append(f"{path.name}: a write and read changed the election")
    assert not failures, "\n".join(failures)
