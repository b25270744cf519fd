"""Tests for validate's plausibility warnings."""

from __future__ import annotations

from fractions import Fraction

from pbcount.checks import REQUIRED_META, election_warnings
from pbcount.model import Ballot, Election, Project

FULL_META = dict.fromkeys(REQUIRED_META, "x")
PROJECTS = [Project("a", Fraction(3)), Project("b", Fraction(5, 2))]


def test_a_tidy_election_has_no_warnings() -> None:
    election = Election.create(
        budget=10,
        projects=PROJECTS,
        ballot_type="approval",
        ballots=[Ballot(("a",))],
        meta=FULL_META,
    )
    assert election_warnings(election) == []


def test_points_limits_are_checked() -> None:
    meta = FULL_META | {"max_sum_points": "4", "max_points": "2.5", "min_length": "2"}
    election = Election.create(
        budget=10,
        projects=PROJECTS,
        ballot_type="cumulative",
        ballots=[
            Ballot(("a", "b"), (Fraction(3), Fraction(2)), multiplicity=2),
            Ballot(("a",), (Fraction(1),)),
        ],
        meta=meta,
    )
    assert election_warnings(election) == [
        "ballots that list fewer than min_length=2 projects: 1",
        "ballots that give more than max_sum_points=4: 2",
        "ballots that give a project more than max_points=2.5: 2",
    ]


def test_choose_1_cost_limits_and_missing_meta_are_checked() -> None:
    election = Election.create(
        budget=5,
        projects=[*PROJECTS, Project("c", Fraction(6))],
        ballot_type="choose-1",
        ballots=[Ballot(("a", "b"), multiplicity=3)],
        meta={"max_sum_cost": "5.25", "max_length": "1"},
    )
    assert election_warnings(election) == [
        *(f"META has no {key}" for key in REQUIRED_META),
        "project 'c' costs more than the whole budget",
        "ballots that choose more than one project: 3",
        "ballots that list more than max_length=1 projects: 3",
        "ballots that cost more than max_sum_cost=5.25: 3",
    ]
