"""Tests for the pbcount election model."""

from __future__ import annotations

from fractions import Fraction

from pbcount.model import Ballot, BallotType, Election, Project


def test_num_voters_sums_multiplicities() -> None:
    election = Election(
        budget=Fraction(10),
        projects={"1": Project("1", Fraction(5))},
        ballot_type=BallotType.APPROVAL,
        ballots=(Ballot(("1",), multiplicity=3), Ballot((), multiplicity=2)),
    )
    assert election.num_voters == 5
