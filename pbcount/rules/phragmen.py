"""Sequential Phragmén, as pabutools' `sequential_phragmen` computes it."""

from __future__ import annotations

from fractions import Fraction

from pbcount.rules._exact import Q, q
from pbcount.rules._profile import Profile
from pbcount.rules.outcome import TieReport
from pbcount.rules.tiebreak import TieOrder


def sequential_phragmen(profile: Profile, order: TieOrder) -> tuple[list[int], list[TieReport]]:
    """Buy the project whose supporters would reach the lowest maximal load.

    As in pabutools, the rule stops as soon as any project tied for the lowest new load
    does not fit, and projects nobody approves tie at an infinite load at the end.
    """
    n_proj = len(profile.ids)
    supporters: list[list[int]] = [[] for _ in range(n_proj)]
    for i, items in enumerate(profile.items):
        for p, _ in items:
            supporters[p].append(i)
    score = profile.votes
    mult = profile.mult
    load = [Q(0)] * len(mult)
    # Each project's supporters' total load, kept up to date so a round costs O(projects).
    total_load = [Q(0)] * n_proj
    costs = [q(c) for c in profile.costs]
    budget = q(profile.budget)
    remaining = {p for p in range(n_proj) if costs[p] <= budget}
    spent = Q(0)
    selected: list[int] = []
    ties: list[TieReport] = []
    while remaining:
        best: Fraction | None = None  # None stands for an infinite load
        tied: list[int] = []
        finite = False
        for p in remaining:
            if score[p] == 0:
                if not finite:
                    tied.append(p)
                continue
            new_load = (total_load[p] + costs[p]) / score[p]
            if not finite or best is None or new_load < best:
                best, tied, finite = new_load, [p], True
            elif new_load == best:
                tied.append(p)
        if any(spent + costs[p] > budget for p in tied):
            break
        chosen, report = order.pick(tied, profile.ids, len(selected))
        if report is not None:
            ties.append(report)
        if finite:
            assert best is not None
            for i in supporters[chosen]:
                delta = mult[i] * (best - load[i])
                load[i] = best
                for p, _ in profile.items[i]:
                    total_load[p] += delta
        selected.append(chosen)
        remaining.discard(chosen)
        spent += costs[chosen]
    return selected, ties
