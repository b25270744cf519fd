"""Greedy rules: pabutools' utilitarian greedy, and the greedy variants cities use in practice."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

from pbcount.rules._profile import Profile
from pbcount.rules.outcome import TieReport
from pbcount.rules.tiebreak import TieOrder

Density = Fraction | float


def _mixed_tie_reports(
    ordered: Sequence[int],
    score: Callable[[int], Density],
    order: TieOrder,
    chosen: set[int],
    ids: Sequence[str],
) -> list[TieReport]:
    """Report groups of equal score and equal tie key where only some were chosen.

    Swapping two such projects could change the outcome; if all or none of them were
    chosen, their relative order did not matter.
    """
    reports: list[TieReport] = []
    if order.name == "lexicographic":
        return reports
    groups: dict[tuple[Density, object], list[int]] = {}
    for p in ordered:
        groups.setdefault((score(p), order.primary[p]), []).append(p)
    for group in groups.values():
        picked = [p for p in group if p in chosen]
        if len(group) > 1 and 0 < len(picked) < len(group):
            reports.append(
                TieReport(
                    step=ordered.index(group[0]),
                    candidates=tuple(ids[p] for p in group),
                    chosen=ids[picked[0]],
                    reason=f"equal score and equal under the {order.name} order; "
                    "broken by project id",
                )
            )
    return reports


def greedy_utilitarian(
    profile: Profile,
    order: TieOrder,
    *,
    additive: bool = True,
    initial: Sequence[int] = (),
) -> tuple[list[int], list[TieReport]]:
    """pabutools `greedy_utilitarian_welfare`: best satisfaction per cost first, skipping.

    `additive=False` mirrors pabutools' general scheme, used for Borda satisfaction, which
    ranks zero-cost projects first whatever their support (only the order differs).
    """
    totals = profile.total_sat()
    costs = profile.costs

    def density(p: int) -> Density:
        if additive:
            if totals[p] > 0:
                return totals[p] / costs[p] if costs[p] > 0 else math.inf
            return Fraction(0)
        return totals[p] / costs[p] if costs[p] > 0 else math.inf

    taken = set(initial)
    remaining = profile.budget - sum((costs[p] for p in initial), Fraction(0))
    candidates = [p for p in range(len(costs)) if p not in taken]
    ordered = sorted(candidates, key=lambda p: (-density(p), order.key(p)))
    selected = list(initial)
    for p in ordered:
        if costs[p] <= remaining:
            selected.append(p)
            remaining -= costs[p]
    ties = _mixed_tie_reports(ordered, density, order, set(selected), profile.ids)
    return selected, ties


def greedy_by_score(
    profile: Profile,
    order: TieOrder,
    *,
    skip: bool = True,
    threshold: Fraction | None = None,
    stretch: Fraction | None = None,
) -> tuple[list[int], list[TieReport]]:
    """The greedy rule of most city rulebooks: most votes (or points) first.

    `skip=False` stops at the first project that does not fit (greedy-no-skip);
    `threshold` drops projects scoring below it (greedy-threshold); `stretch` also funds
    the first project that does not fit when the money left covers that share of it
    (greedy-custom, with reserve funds topping it up).
    """
    totals = profile.total_sat()
    costs = profile.costs
    eligible = [p for p in range(len(costs)) if threshold is None or totals[p] >= threshold]
    ordered = sorted(eligible, key=lambda p: (-totals[p], order.key(p)))
    remaining = profile.budget
    selected: list[int] = []
    for p in ordered:
        if costs[p] <= remaining:
            selected.append(p)
            remaining -= costs[p]
            continue
        if stretch is not None and remaining >= stretch * costs[p]:
            selected.append(p)
            remaining = Fraction(0)
        if not skip:
            break
    ties = _mixed_tie_reports(ordered, lambda p: totals[p], order, set(selected), profile.ids)
    return selected, ties
