"""pbcount: an exact, fast, framework-free participatory-budgeting counting engine."""

from pbcount.errors import ElectionError, PabulibError, PbcountError
from pbcount.model import Ballot, BallotType, Constraints, Election, Project, Voter
from pbcount.pabulib import format_pb, parse_pb_text, read_pb, write_pb
from pbcount.rules import RULES, Outcome, applicable_rules, count

__all__ = [
    "RULES",
    "Ballot",
    "BallotType",
    "Constraints",
    "Election",
    "ElectionError",
    "Outcome",
    "PabulibError",
    "PbcountError",
    "Project",
    "Voter",
    "applicable_rules",
    "count",
    "format_pb",
    "parse_pb_text",
    "read_pb",
    "write_pb",
]
