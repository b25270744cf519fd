"""Plausibility checks that `pbcount validate` reports: a readable file can still be odd."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from pbcount.model import Ballot, BallotType, Election, format_decimal

REQUIRED_META = (
    "description",
    "country",
    "unit",
    "instance",
    "num_projects",
    "num_votes",
    "budget",
    "vote_type",
    "rule",
    "date_begin",
    "date_end",
)


def election_warnings(election: Election) -> list[str]:
    """Problems that do not stop counting but that a returning officer should see."""
    warnings = [f"META has no {key}" for key in REQUIRED_META if key not in election.meta]
    for project in election.projects.values():
        if project.cost > election.budget:
            warnings.append(f"project {project.id!r} costs more than the whole budget")
    limits = election.constraints
    cost = {pid: project.cost for pid, project in election.projects.items()}
    checks: list[tuple[str, Callable[[Ballot], bool]]] = []
    if election.ballot_type is BallotType.CHOOSE_1:
        checks.append(("choose more than one project", lambda b: len(b.projects) > 1))
    if limits.max_length is not None:
        top = limits.max_length
        checks.append(
            (f"list more than max_length={top} projects", lambda b: len(b.projects) > top)
        )
    if limits.min_length is not None:
        low = limits.min_length
        checks.append(
            (f"list fewer than min_length={low} projects", lambda b: len(b.projects) < low)
        )
    if limits.max_sum_cost is not None:
        most = limits.max_sum_cost
        checks.append(
            (
                f"cost more than max_sum_cost={format_decimal(most)}",
                lambda b: _cost(b, cost) > most,
            ),
        )
    if limits.max_sum_points is not None:
        cap = limits.max_sum_points
        checks.append(
            (
                f"give more than max_sum_points={format_decimal(cap)}",
                lambda b: sum(b.points or ()) > cap,
            )
        )
    if limits.max_points is not None:
        peak = limits.max_points
        checks.append(
            (
                f"give a project more than max_points={format_decimal(peak)}",
                lambda b: max(b.points or (0,)) > peak,
            )
        )
    for what, broken in checks:
        voters = sum(b.multiplicity for b in election.ballots if broken(b))
        if voters:
            warnings.append(f"ballots that {what}: {voters}")
    return warnings


def _cost(ballot: Ballot, cost: dict[str, Fraction]) -> Fraction:
    return sum((cost[p] for p in ballot.projects), Fraction(0))
