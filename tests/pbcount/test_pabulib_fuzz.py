"""Damaged .pb files never escape as anything but PabulibError: no bare tracebacks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pbcount.errors import PabulibError
from pbcount.model import Election
from pbcount.pabulib import parse_pb_bytes

VALID = b"""META
key;value
num_projects;3
num_votes;3
budget;1 000,5
vote_type;cumulative
max_length;2
PROJECTS
project_id;cost;name;category
1;500;"Park; with trees";nature,sport
2;250.25;Library;culture
3;100;Bridge;
VOTES
voter_id;vote;points;age
a;2,1;3,2;30
b;1;5;41
c;;;
"""
PIECES = [b";", b",", b'"', b"\n", b"\r\n", b"META\n", b"VOTES\n", b"-", b".", b"9", b"\xff", b" "]


@settings(max_examples=400, deadline=None)
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(VALID)), st.integers(0, 6), st.sampled_from(PIECES)),
        min_size=1,
        max_size=4,
    )
)
def test_any_damage_gives_an_election_or_a_pabulib_error(
    edits: list[tuple[int, int, bytes]],
) -> None:
    data = VALID
    for position, cut, piece in edits:
        data = data[:position] + piece + data[position + cut :]
    try:
        election = parse_pb_bytes(data, name="t.pb")
    except PabulibError as error:
        assert str(error).startswith("t.pb")
    else:
        assert isinstance(election, Election)
