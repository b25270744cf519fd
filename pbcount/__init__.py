"""pbcount: an exact, fast, framework-free participatory-budgeting counting engine."""

from pbcount.model import Ballot, BallotType, Election, Project, Voter

__all__ = ["Ballot", "BallotType", "Election", "Project", "Voter"]
