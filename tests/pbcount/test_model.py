"""Tests for the pbcount election model: amounts, constraints and the validated constructor."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pbcount.errors import ElectionError
from pbcount.model import (
    Ballot,
    BallotType,
    Constraints,
    Election,
    Project,
    Voter,
    format_decimal,
    parse_decimal,
)

P = [Project("a", Fraction(3)), Project("b", Fraction(5)), Project("c", Fraction(1, 2))]


def test_num_voters_sums_multiplicities() -> None:
    election = Election(
        budget=Fraction(10),
        projects={"1": Project("1", Fraction(5))},
        ballot_type=BallotType.APPROVAL,
        ballots=(Ballot(("1",), multiplicity=3), Ballot((), multiplicity=2)),
    )
    assert election.num_voters == 5
    assert election.project_ids == ("1",)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", Fraction(12)),
        (" 1 000,5 ", Fraction(2001, 2)),
        ("1\u00a0000\u202f000", Fraction(10**6)),
        ("400000.0", Fraction(400000)),
        ("0.1", Fraction(1, 10)),
        ("2.5e3", Fraction(2500)),
        ("-3", Fraction(-3)),
        (".5", Fraction(1, 2)),
        ("1/3", Fraction(1, 3)),
    ],
)
def test_parse_decimal_is_exact(text: str, value: Fraction) -> None:
    assert parse_decimal(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "'' is not a number"),
        ("abc", "'abc' is not a number"),
        ("1.000,5", "'1.000,5' mixes decimal marks"),
        ("1,000,000", "'1,000,000' mixes decimal marks"),
        ("nan", "'nan' is not a number"),
        ("1/0", "'1/0' divides by zero"),
    ],
)
def test_parse_decimal_rejects_junk(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_decimal(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(7), "7"),
        (Fraction(1001, 4), "250.25"),
        (Fraction(-1, 8), "-0.125"),
        (Fraction(1, 3), "1/3"),
        (Fraction(-7, 6), "-7/6"),
    ],
)
def test_format_decimal_is_exact(value: Fraction, text: str) -> None:
    assert format_decimal(value) == text


@given(st.fractions())
def test_format_then_parse_is_the_identity(value: Fraction) -> None:
    assert parse_decimal(format_decimal(value)) == value


def test_constraints_are_parsed_from_meta() -> None:
    meta = {"min_length": "1", "max_length": "5", "max_sum_cost": "1 000,5", "comment": "x"}
    meta |= {"min_project_score_threshold": "3000", "max_points": "10"}
    assert Constraints.from_meta(meta) == Constraints(
        min_length=1,
        max_length=5,
        max_points=Fraction(10),
        max_sum_cost=Fraction(2001, 2),
        min_project_score_threshold=Fraction(3000),
    )
    assert Election.create(budget=1, projects=[], ballot_type="approval").constraints == (
        Constraints()
    )


def test_create_canonicalises_and_merges() -> None:
    election = Election.create(
        budget="10",
        projects=P,
        ballot_type="approval",
        ballots=[Ballot(("b", "a")), Ballot(("a", "b", "a"), multiplicity=2), Ballot(("c",))],
    )
    assert election.ballots == (Ballot(("a", "b"), None, 3), Ballot(("c",), None, 1))
    assert election.budget == 10
    assert election.voters == ()


def test_create_with_voters_keeps_one_row_per_voter() -> None:
    election = Election.create(
        budget=10,
        projects=P,
        ballot_type=BallotType.CUMULATIVE,
        voters=[("v1", Ballot(("b", "a"), (1, 2))), ("v2", Ballot(("a", "b"), (2, 1)))],
    )
    assert election.ballots == (Ballot(("a", "b"), (Fraction(2), Fraction(1)), 2),)
    assert election.voters == (Voter("v1", 0), Voter("v2", 0))


def test_create_keeps_ordinal_order_and_first_occurrence() -> None:
    election = Election.create(
        budget=10, projects=P, ballot_type="ordinal", ballots=[Ballot(("c", "a", "c", "b"))]
    )
    assert election.ballots == (Ballot(("c", "a", "b"), None, 1),)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"budget": -1}, "negative budget -1"),
        ({"budget": "x"}, "budget: 'x' is not a number"),
        ({"projects": [*P, Project("a", Fraction(1))]}, "duplicate project id 'a'"),
        (
            {"projects": [Project("a,b", Fraction(1))]},
            "project id 'a,b' is empty, padded or contains ','",
        ),
        (
            {"projects": [Project(" a", Fraction(1))]},
            "project id ' a' is empty, padded or contains ','",
        ),
        ({"projects": [Project("a", Fraction(-1))]}, "negative cost -1 for project 'a'"),
        (
            {"projects": [Project("a", Fraction(1), categories=("x,y",))]},
            "label 'x,y' of project 'a' cannot be written",
        ),
        ({"ballots": [Ballot(("z",))]}, "unknown project 'z'"),
        ({"ballots": [Ballot(("a",), multiplicity=0)]}, "ballot multiplicity 0 is not allowed"),
        ({"ballots": [Ballot(("a",), (Fraction(1),))]}, "approval ballots carry no points"),
        (
            {"ballot_type": "scoring", "ballots": [Ballot(("a", "b"), (Fraction(1),))]},
            "2 projects but 1 points",
        ),
        ({"ballot_type": "scoring", "ballots": [Ballot(("a",))]}, "1 projects but no points"),
        (
            {"ballot_type": "cumulative", "ballots": [Ballot(("a", "a"), (Fraction(1),) * 2)]},
            "project 'a' appears twice",
        ),
        (
            {"voters": [("v", Ballot(("a",)))], "ballots": [Ballot(())]},
            "give ballots or voters, not both",
        ),
        (
            {"voters": [("v", Ballot(("a",))), ("v", Ballot(()))]},
            "voter id 'v' is empty, padded or repeated",
        ),
        (
            {"voters": [("v", Ballot(("a",), multiplicity=2))]},
            "ballot multiplicity 2 is not allowed",
        ),
    ],
)
def test_create_rejects_invalid_elections(changes: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"budget": 10, "projects": P, "ballot_type": "approval"}
    arguments |= changes
    with pytest.raises(ElectionError) as caught:
        Election.create(**arguments)  # type: ignore[arg-type]
    assert str(caught.value) == message
