"""pbcount: an exact, fast, framework-free participatory-budgeting counting engine."""

from pbcount.errors import ElectionError, PabulibError, PbcountError
from pbcount.model import Ballot, BallotType, Constraints, Election, Project, Voter
from pbcount.pabulib import format_pb, parse_pb_text, read_pb, write_pb

__all__ = [
    "Ballot",
    "BallotType",
    "Constraints",
    "Election",
    "ElectionError",
    "PabulibError",
    "PbcountError",
    "Project",
    "Voter",
    "format_pb",
    "parse_pb_text",
    "read_pb",
    "write_pb",
]
