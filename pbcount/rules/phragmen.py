"""Sequential Phragmén, as pabutools' `sequential_phragmen` computes it."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from pbcount.rules._exact import Q, q
from pbcount.rules._profile import Profile
from pbcount.rules.outcome import TieReport
from pbcount.rules.tiebreak import TieOrder


def sequential_phragmen(profile: Profile, order: TieOrder) -> tuple[list[int], list[TieReport]]:
    """Buy the project whose supporters would reach the lowest maximal load.

    As in pabutools, the rule stops as soon as any project tied for the lowest new load
    does not fit, and projects nobody approves tie at an infinite load at the end.
    Voters are grouped by load: each purchase gives all its supporters one new load, so
    there are at most as many load classes as purchases, and every round is exact.
    """
    n_proj = len(profile.ids)
    n_ballots = len(profile.mult)
    ent_ballot = profile.ent_ballot
    ent_project = profile.ent_project
    weights = profile.mult[ent_ballot]
    ballot_class = np.zeros(n_ballots, dtype=np.int64)
    loads: list[Fraction] = [Q(0)]
    # counts[p][k]: voters of load class k who approve p
    counts = np.zeros((n_proj, 1), dtype=np.int64)
    counts[:, 0] = np.bincount(ent_project, weights=weights, minlength=n_proj).astype(np.int64)
    score = profile.votes.tolist()
    costs = [q(c) for c in profile.costs]
    budget = q(profile.budget)
    remaining = {p for p in range(n_proj) if costs[p] <= budget}
    supporters = _supporters(profile)
    spent = Q(0)
    selected: list[int] = []
    ties: list[TieReport] = []
    while remaining:
        best: Fraction | None = None
        tied: list[int] = []
        rows = counts.tolist()
        for p in sorted(remaining):
            if score[p] == 0:
                if best is None:
                    tied.append(p)  # infinite load: only if nothing finite remains
                continue
            total = sum((c * loads[k] for k, c in enumerate(rows[p]) if c), Q(0))
            new_load = (total + costs[p]) / score[p]
            if best is None or new_load < best:
                best, tied = new_load, [p]
            elif new_load == best:
                tied.append(p)
        if any(spent + costs[p] > budget for p in tied):
            break
        chosen, report = order.pick(tied, profile.ids, len(selected))
        if report is not None:
            ties.append(report)
        if best is not None:
            sup = supporters[chosen]
            old = ballot_class[sup]
            new_class = len(loads)
            loads.append(best)
            counts = np.concatenate([counts, np.zeros((n_proj, 1), dtype=np.int64)], axis=1)
            starts = profile.ballot_ptr[sup]
            lens = profile.ballot_ptr[sup + 1] - starts
            ent = np.repeat(starts - (np.cumsum(lens) - lens), lens) + np.arange(int(lens.sum()))
            w = np.repeat(profile.mult[sup], lens)
            # Flat 1-D add.at is several times faster than the 2-D form.
            rows_at = ent_project[ent] * counts.shape[1]
            flat = counts.reshape(-1)
            np.add.at(flat, rows_at + np.repeat(old, lens), -w)
            np.add.at(flat, rows_at + new_class, w)
            ballot_class[sup] = new_class
        selected.append(chosen)
        remaining.discard(chosen)
        spent += costs[chosen]
    return selected, ties


def _supporters(profile: Profile) -> list[np.ndarray]:
    ent_ballot = profile.ent_ballot
    by_project = np.argsort(profile.ent_project, kind="stable")
    bounds = np.searchsorted(profile.ent_project[by_project], np.arange(len(profile.ids) + 1))
    return [ent_ballot[by_project[bounds[p] : bounds[p + 1]]] for p in range(len(profile.ids))]
