"""Tie-breaking orders, and the detection of ties an order cannot break."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from pbcount.rules._profile import Profile
from pbcount.rules.outcome import TieReport

TieBreak = str | Sequence[str]
NAMED_ORDERS = ("lexicographic", "min-cost", "max-votes")


@dataclass(frozen=True, slots=True)
class TieOrder:
    """A total order on project indices: primary key, then the lexicographic fallback.

    A tie between projects whose primary keys are equal is unresolved unless the order is
    lexicographic itself; rules report such ties and use the fallback.
    """

    name: str
    primary: tuple[tuple[int, Fraction], ...]  # (rank class, value) per project index

    def key(self, p: int) -> tuple[tuple[int, Fraction], int]:
        return (self.primary[p], p)

    def pick(
        self, candidates: Sequence[int], ids: Sequence[str], step: int
    ) -> tuple[int, TieReport | None]:
        """The first candidate in this order, and a report if its primary key is shared."""
        ordered = sorted(candidates, key=self.key)
        best = ordered[0]
        if self.name == "lexicographic" or len(ordered) < 2:
            return best, None
        same = [p for p in ordered if self.primary[p] == self.primary[best]]
        if len(same) < 2:
            return best, None
        report = TieReport(
            step=step,
            candidates=tuple(ids[p] for p in same),
            chosen=ids[best],
            reason=f"equal under the {self.name} order; broken by project id",
        )
        return best, report


def make_order(tie_break: TieBreak, profile: Profile) -> TieOrder:
    n = len(profile.ids)
    zero = Fraction(0)
    if isinstance(tie_break, str):
        if tie_break == "lexicographic":
            return TieOrder("lexicographic", tuple((0, zero) for _ in range(n)))
        if tie_break == "min-cost":
            return TieOrder("min-cost", tuple((0, c) for c in profile.costs))
        if tie_break == "max-votes":
            return TieOrder("max-votes", tuple((0, Fraction(-v)) for v in profile.votes))
        raise ValueError(
            f"unknown tie-break {tie_break!r}: use one of {', '.join(NAMED_ORDERS)} "
            "or an explicit sequence of project ids"
        )
    position = {pid: i for i, pid in enumerate(tie_break)}
    unknown = set(position) - set(profile.ids)
    if unknown:
        raise ValueError(f"tie-break order names unknown projects: {sorted(unknown)}")
    # Projects missing from the explicit order share the last rank, so ties among them are
    # reported rather than decided silently.
    last = len(position)
    return TieOrder(
        "explicit",
        tuple((0, Fraction(position.get(pid, last))) for pid in profile.ids),
    )
