"""Tests for the Pabulib .pb reader and writer: exact parses, every error, round trips."""

from __future__ import annotations

import io
import pickle
from fractions import Fraction
from pathlib import Path

import pytest

from pbcount.errors import PabulibError
from pbcount.model import Ballot, BallotType, Election, Project, Voter
from pbcount.pabulib import format_pb, parse_pb_bytes, parse_pb_text, read_pb, write_pb

APPROVAL = """\
META
key;value
description;Test
num_projects;3
num_votes;4
budget;1 000,5
vote_type;approval
PROJECTS
project_id;cost;votes;name;category;target
1;500;3;"Park; with trees";nature, sport;children
2;250.25;2;Library;culture;
10;1000;0;Bridge;;
VOTES
voter_id;vote;age
a;2,1;30
b;1,2;41
c;;
d;10,1,1;52
"""


def pb(meta: str, projects: str, votes: str) -> str:
    """A .pb text from its three sections, each given without its title."""
    return f"META\nkey;value\n{meta}PROJECTS\n{projects}VOTES\n{votes}"


def error_of(text: str | bytes) -> str:
    with pytest.raises(PabulibError) as caught:
        if isinstance(text, bytes):
            parse_pb_bytes(text, name="t.pb")
        else:
            parse_pb_text(text, name="t.pb")
    return str(caught.value)


def test_approval_file_parses_exactly() -> None:
    election = parse_pb_text(APPROVAL)
    assert election.budget == Fraction(2001, 2)
    assert election.ballot_type is BallotType.APPROVAL
    assert election.project_ids == ("1", "2", "10")
    assert election.projects["1"] == Project(
        "1",
        Fraction(500),
        "Park; with trees",
        ("nature", "sport"),
        ("children",),
        (("votes", "3"),),
    )
    assert election.projects["2"].cost == Fraction(1001, 4)
    assert election.projects["10"].categories == ()
    # Sorted as plain strings, so "10" before "2"; repeated ids in an approval vote collapse.
    assert election.ballots == (
        Ballot(("1", "2"), None, 2),
        Ballot((), None, 1),
        Ballot(("1", "10"), None, 1),
    )
    assert election.voters == (
        Voter("a", 0, (("age", "30"),)),
        Voter("b", 0, (("age", "41"),)),
        Voter("c", 1, (("age", ""),)),
        Voter("d", 2, (("age", "52"),)),
    )
    assert election.meta["budget"] == "1 000,5"
    assert election.num_voters == 4


def test_bom_crlf_blank_lines_and_trailing_separators_are_accepted() -> None:
    text = "\ufeff" + APPROVAL.replace("\n", "\r\n").replace("VOTES", "\r\nVOTES;;")
    text = text.replace("a;2,1;30", "a;2,1;30;;")
    assert parse_pb_text(text) == parse_pb_text(APPROVAL)
    assert parse_pb_bytes(text.encode()) == parse_pb_text(APPROVAL)


def test_cumulative_ballots_are_sorted_with_their_points_and_merged() -> None:
    text = pb(
        "budget;10\nvote_type;cumulative\nmax_sum_points;5\n",
        "project_id;cost\nx;4\ny;6\n",
        "voter_id;vote;points\n1;y,x;3,2\n2;x,y;2,3\n3;x;5\n4;;\n",
    )
    election = parse_pb_text(text)
    assert election.ballots == (
        Ballot(("x", "y"), (Fraction(2), Fraction(3)), 2),
        Ballot(("x",), (Fraction(5),), 1),
        Ballot((), (), 1),
    )
    assert election.constraints.max_sum_points == 5
    assert [v.ballot for v in election.voters] == [0, 0, 1, 2]


def test_ordinal_keeps_order_drops_repeats_and_keeps_a_points_column_verbatim() -> None:
    text = pb(
        "budget;10\nvote_type;ordinal\n",
        "project_id;cost\nx;4\ny;6\nz;1\n",
        "voter_id;vote;points\n1;z,x,z;3,2,1\n2;z,x;3,2\n",
    )
    election = parse_pb_text(text)
    assert election.ballots == (Ballot(("z", "x"), None, 2),)
    assert election.voters[0].extra == (("points", "3,2,1"),)
    assert parse_pb_text(format_pb(election)) == election


def test_choose_1_and_scoring_are_read() -> None:
    choose = parse_pb_text(
        pb("budget;5\nvote_type;choose-1\n", "project_id;cost\n1;5\n", "voter_id;vote\n1;1\n")
    )
    assert choose.ballots == (Ballot(("1",), None, 1),)
    scoring = parse_pb_text(
        pb(
            "budget;5\nvote_type;scoring\n",
            "project_id;cost\n1;5\n2;3\n",
            "voter_id;vote;points\n1;2,1;-1,0.5\n",
        )
    )
    assert scoring.ballots == (Ballot(("1", "2"), (Fraction(1, 2), Fraction(-1)), 1),)


def test_read_pb_from_path_and_streams(tmp_path: Path) -> None:
    path = tmp_path / "x.pb"
    path.write_text(APPROVAL, encoding="utf-8")
    expected = parse_pb_text(APPROVAL)
    assert read_pb(path) == expected
    assert read_pb(str(path)) == expected
    assert read_pb(io.StringIO(APPROVAL)) == expected
    with path.open("rb") as handle:
        assert read_pb(handle) == expected


def test_write_pb_to_path_and_stream(tmp_path: Path) -> None:
    election = parse_pb_text(APPROVAL)
    path = tmp_path / "out.pb"
    write_pb(election, path)
    assert read_pb(path) == election
    stream = io.StringIO()
    write_pb(election, stream)
    assert stream.getvalue() == path.read_text(encoding="utf-8")


def test_writer_output_is_exact() -> None:
    election = parse_pb_text(APPROVAL)
    assert format_pb(election) == (
        "META\nkey;value\ndescription;Test\nnum_projects;3\nnum_votes;4\nbudget;1 000,5\n"
        "vote_type;approval\n"
        "PROJECTS\nproject_id;cost;name;category;target;votes\n"
        '1;500;"Park; with trees";nature,sport;children;3\n'
        "2;250.25;Library;culture;;2\n10;1000;Bridge;;;0\n"
        "VOTES\nvoter_id;vote;age\na;1,2;30\nb;1,2;41\nc;;\nd;1,10;52\n"
    )


def test_election_without_voters_or_meta_is_written_with_numbered_voters() -> None:
    election = Election.create(
        budget=Fraction(7, 3),
        projects=[Project("p", Fraction(1, 3))],
        ballot_type="cumulative",
        ballots=[Ballot(("p",), (Fraction(2),), multiplicity=2)],
    )
    text = format_pb(election)
    assert text == (
        "META\nkey;value\nbudget;7/3\nvote_type;cumulative\n"
        "PROJECTS\nproject_id;cost\np;1/3\n"
        "VOTES\nvoter_id;vote;points\n1;p;2\n2;p;2\n"
    )
    again = parse_pb_text(text)
    assert again.ballots == election.ballots
    assert again.budget == election.budget


def test_a_meta_budget_that_disagrees_is_rewritten() -> None:
    election = parse_pb_text(APPROVAL)
    changed = Election(
        Fraction(3), election.projects, election.ballot_type, election.ballots, election.meta
    )
    assert "budget;3\n" in format_pb(changed)


ERRORS = [
    (
        APPROVAL.replace("d;10,1,1;52", "d;45;52").replace("a;2,1;30", "7;2,45;30"),
        "t.pb, line 15: unknown project '45' in vote of voter '7'",
    ),
    (APPROVAL.replace("2;250.25", "2;-5"), "t.pb, line 11: negative cost '-5' of project '2'"),
    (
        APPROVAL.replace("2;250.25", "2;abc"),
        "t.pb, line 11: invalid cost of project '2': 'abc' is not a number",
    ),
    (
        APPROVAL.replace("2;250.25", "2;1.000,5"),
        "t.pb, line 11: invalid cost of project '2': '1.000,5' mixes decimal marks",
    ),
    (
        APPROVAL.replace("10;1000", "1;1000"),
        "t.pb, line 12: duplicate project id '1' (first on line 10)",
    ),
    (
        APPROVAL.replace("b;1,2", "a;1,2"),
        "t.pb, line 16: duplicate voter id 'a' (first on line 15)",
    ),
    (APPROVAL.replace("b;1,2", ";1,2"), "t.pb, line 16: empty voter id"),
    (
        APPROVAL.replace("num_projects;3", "num_projects;4"),
        "t.pb, line 4: num_projects is 4 in META but the file has 3 projects",
    ),
    (
        APPROVAL.replace("num_votes;4", "num_votes;5"),
        "t.pb, line 5: num_votes is 5 in META but the file has 4 votes",
    ),
    (
        APPROVAL.replace("num_votes;4", "num_votes;four"),
        "t.pb, line 5: num_votes 'four' is not a whole number",
    ),
    (APPROVAL[: APPROVAL.index("VOTES")], "t.pb: missing VOTES section"),
    ("", "t.pb: missing META section"),
    (
        APPROVAL.replace("Library", "L" * 200_000),
        "t.pb, line 11: cannot split the line: field larger than field limit (131072)",
    ),
    (
        APPROVAL.replace("c;;", "c;" + "9," * 70_000),
        "t.pb, line 17: cannot split the line: field larger than field limit (131072)",
    ),
    ("META\nkey,value\n", "t.pb, line 2: META header should be 'key;value', found 'key,value'"),
    (
        'META\nkey;value\n"unclosed',
        "t.pb, line 3: a META row needs a key and a value separated by ';'",
    ),
    (APPROVAL.replace("META\n", ""), "t.pb, line 1: expected the META section, found 'key;value'"),
    (
        APPROVAL.replace("PROJECTS\n", "VOTES\n", 1),
        "t.pb, line 8: expected the PROJECTS section, found VOTES",
    ),
    (
        APPROVAL.replace("PROJECTS\nproject_id;cost;votes;name;category;target\n", "PROJECTS\n"),
        "t.pb, line 9: PROJECTS header has no 'project_id' column",
    ),
    (
        APPROVAL.replace("voter_id;vote;age\n", ""),
        "t.pb, line 14: VOTES header has no 'voter_id' column",
    ),
    (APPROVAL + "META\n", "t.pb, line 19: unexpected META section after VOTES"),
    ("META\n", "t.pb, line 2: missing header line after META"),
    (
        "META\ndescription;x\n",
        "t.pb, line 2: META header should be 'key;value', found 'description;x'",
    ),
    (
        APPROVAL.replace("budget;1 000,5\n", ""),
        "t.pb, line 2: META has no budget",
    ),
    (
        APPROVAL.replace("budget;1 000,5", "budget;lots"),
        "t.pb, line 6: invalid budget: 'lots' is not a number",
    ),
    (APPROVAL.replace("budget;1 000,5", "budget;-1"), "t.pb, line 6: negative budget '-1'"),
    (
        APPROVAL.replace("vote_type;approval", "vote_type;veto"),
        "t.pb, line 7: unknown vote_type 'veto' "
        "(expected approval, choose-1, cumulative, scoring or ordinal)",
    ),
    (
        APPROVAL.replace("description;Test", "description;Test\nmax_length;five"),
        "t.pb, line 4: max_length: 'five' is not a number",
    ),
    (
        APPROVAL.replace("description;Test", "description;Test\nmin_length;1.5"),
        "t.pb, line 4: min_length: '1.5' is not a whole number",
    ),
    (
        APPROVAL.replace("description;Test", "description;Test\ndescription;Again"),
        "t.pb, line 4: duplicate META key 'description' (first on line 3)",
    ),
    (
        APPROVAL.replace("description;Test", "description"),
        "t.pb, line 3: a META row needs a key and a value separated by ';'",
    ),
    (
        APPROVAL.replace("description;Test", "description;Test;more"),
        "t.pb, line 3: META row has 3 fields but the header has 2",
    ),
    (
        APPROVAL.replace("a;2,1;30", "a;2,1"),
        "t.pb, line 15: VOTES row has 2 fields but the header has 3",
    ),
    (
        APPROVAL.replace("project_id;cost;votes", "project_id;cost;cost"),
        "t.pb, line 9: duplicate column 'cost' in PROJECTS header",
    ),
    (
        pb(
            "budget;9\nvote_type;cumulative\n",
            "project_id;cost\n1;2\n2;3\n",
            "voter_id;vote;points\n7;1,2;3\n",
        ),
        "t.pb, line 11: 2 projects but 1 points in vote of voter '7'",
    ),
    (
        pb(
            "budget;9\nvote_type;cumulative\n",
            "project_id;cost\n1;2\n",
            "voter_id;vote;points\n7;1,1;3,1\n",
        ),
        "t.pb, line 10: project '1' appears twice in vote of voter '7'",
    ),
    (
        pb(
            "budget;9\nvote_type;scoring\n",
            "project_id;cost\n1;2\n",
            "voter_id;vote;points\n7;1;x\n",
        ),
        "t.pb, line 10: invalid points: 'x' is not a number in vote of voter '7'",
    ),
    (
        pb("budget;9\nvote_type;cumulative\n", "project_id;cost\n1;2\n", "voter_id;vote\n7;1\n"),
        "t.pb, line 9: VOTES header has no 'points' column",
    ),
    (
        APPROVAL.encode().replace(b"Library", b"Libr\xe4ry"),
        "t.pb, line 11: not valid UTF-8 (byte 0xe4); save the file as UTF-8",
    ),
]


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_bad_files_raise_pabulib_error_naming_file_line_and_problem(
    text: str | bytes, message: str
) -> None:
    assert error_of(text) == message


def test_missing_file_is_a_pabulib_error(tmp_path: Path) -> None:
    with pytest.raises(PabulibError) as caught:
        read_pb(tmp_path / "nope.pb")
    assert (
        str(caught.value)
        == f"{tmp_path / 'nope.pb'}: cannot read the file: No such file or directory"
    )


def test_pabulib_error_keeps_its_parts_and_pickles() -> None:
    error = PabulibError("bad", file="f.pb", line=3)
    assert (error.file, error.line, error.problem) == ("f.pb", 3, "bad")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert str(copy) == "f.pb, line 3: bad"
    assert isinstance(copy, ValueError)


def test_errors_name_the_file_as_given_or_as_the_stream_calls_itself(tmp_path: Path) -> None:
    bad = APPROVAL.replace("budget;1 000,5\n", "")
    with pytest.raises(PabulibError, match=r"^upload\.pb, line 2: META has no budget$"):
        read_pb(io.StringIO(bad), name="upload.pb")
    with pytest.raises(PabulibError, match=r"^<stream>, line 2: "):
        read_pb(io.StringIO(bad))
    path = tmp_path / "bad.pb"
    path.write_text(bad, encoding="utf-8")
    with path.open(encoding="utf-8") as handle, pytest.raises(PabulibError) as caught:
        read_pb(handle)
    assert caught.value.file == str(path)
    assert caught.value.line == 2
