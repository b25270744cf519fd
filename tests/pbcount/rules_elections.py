"""Small helpers that build elections by hand for the rule tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from fractions import Fraction

from pbcount.model import Ballot, BallotType, Election, Project


def approval(
    budget: int | Fraction,
    costs: Mapping[str, int | Fraction],
    votes: Sequence[Sequence[str]],
    meta: Mapping[str, str] | None = None,
) -> Election:
    merged = Counter(tuple(sorted(set(v))) for v in votes)
    return Election(
        budget=Fraction(budget),
        projects={p: Project(id=p, cost=Fraction(c)) for p, c in costs.items()},
        ballot_type=BallotType.APPROVAL,
        ballots=tuple(Ballot(projects=k, multiplicity=m) for k, m in merged.items()),
        meta=dict(meta or {}),
    )


def cumulative(
    budget: int,
    costs: Mapping[str, int],
    votes: Sequence[Mapping[str, int]],
    kind: BallotType = BallotType.CUMULATIVE,
) -> Election:
    merged: Counter[tuple[tuple[str, Fraction], ...]] = Counter(
        tuple(sorted((p, Fraction(x)) for p, x in v.items())) for v in votes
    )
    return Election(
        budget=Fraction(budget),
        projects={p: Project(id=p, cost=Fraction(c)) for p, c in costs.items()},
        ballot_type=kind,
        ballots=tuple(
            Ballot(projects=tuple(p for p, _ in k), points=tuple(x for _, x in k), multiplicity=m)
            for k, m in merged.items()
        ),
    )


def ordinal(budget: int, costs: Mapping[str, int], votes: Sequence[Sequence[str]]) -> Election:
    merged = Counter(tuple(v) for v in votes)
    return Election(
        budget=Fraction(budget),
        projects={p: Project(id=p, cost=Fraction(c)) for p, c in costs.items()},
        ballot_type=BallotType.ORDINAL,
        ballots=tuple(Ballot(projects=k, multiplicity=m) for k, m in merged.items()),
    )
