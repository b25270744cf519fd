"""The Method of Equal Shares, exactly as pabutools' `method_of_equal_shares` decides it.

Every round is screened in floating point (numpy, over budget classes, skipping projects
whose earlier affordability already rules them out, as pabutools does). Every decision whose
float margin is below `TOL` is then taken in exact rational arithmetic, and the winner's
price and all budget updates are always exact, so the outcome equals the exact rule's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from operator import mul

import numpy as np

from pbcount.rules._events import round_distance, winner_slope
from pbcount.rules._exact import Q, q
from pbcount.rules._mesprep import FloatArray, IntArray, MESPrep
from pbcount.rules.outcome import TieReport
from pbcount.rules.tiebreak import TieOrder

# Float margins far above accumulated rounding error (about 1e-13 here) and far below any
# real difference between affordabilities, which are ratios of money amounts.
TOL = 1e-9


@dataclass(slots=True)
class MESRun:
    """One MES run at a fixed per-voter budget."""

    budget_per_voter: Fraction
    selected: list[int] = field(default_factory=list)
    prices: list[Fraction] = field(default_factory=list)  # rho per selected project (0 if free)
    ties: list[TieReport] = field(default_factory=list)
    # One voter's budget left, per budget class, and each ballot's class.
    class_left: list[Fraction] = field(default_factory=list)
    ballot_class: list[int] = field(default_factory=list)
    # With tracking: how much the per-voter budget may rise with this outcome unchanged.
    stable_for: float = math.inf


class _Classes:
    """Budget classes: exact values, float copies, and per-column supporter weights.

    A class's value never changes; buying a project moves its supporters to new classes.
    `live` lists the classes with money and supporters, sorted by value, kept up to date
    by merging, so no round sorts all classes again. The empty-handed share one class.
    """

    def __init__(self, prep: MESPrep, budget: Fraction) -> None:
        self.vals: list[Fraction] = [Q(0), budget]
        cap = 64
        self.vf: FloatArray = np.zeros(cap)
        self.vf[1] = float(budget)
        self.slope: FloatArray = np.zeros(cap)
        self.slope[1] = 1.0  # d(budget)/d(per-voter budget)
        self.weights: FloatArray = np.zeros((prep.num_cols, cap))
        self.weights[:, 1] = np.bincount(
            prep.ent_col, weights=prep.mult_f[prep.ent_ballot], minlength=prep.num_cols
        )
        self.of_ballot: IntArray = np.ones(len(prep.mult_f), dtype=np.int64)
        self.live: IntArray = np.asarray([1], dtype=np.int64)

    @property
    def count(self) -> int:
        return len(self.vals)

    def add_many(self, values: list[Fraction], slopes: list[float]) -> IntArray:
        """New classes for these values (zero maps to the shared empty class)."""
        out = np.zeros(len(values), dtype=np.int64)
        fresh = [i for i, v in enumerate(values) if v]
        start = len(self.vals)
        self.vals.extend(values[i] for i in fresh)
        end = len(self.vals)
        if end > len(self.vf):
            grow = max(len(self.vf), end - len(self.vf))
            self.vf = np.concatenate([self.vf, np.zeros(grow)])
            self.slope = np.concatenate([self.slope, np.zeros(grow)])
            self.weights = np.concatenate(
                [self.weights, np.zeros((self.weights.shape[0], grow))], axis=1
            )
        self.vf[start:end] = [float(values[i]) for i in fresh]
        self.slope[start:end] = [slopes[i] for i in fresh]
        out[fresh] = np.arange(start, end, dtype=np.int64)
        return out

    def relink(self, emptied: IntArray, start: int) -> None:
        """Drop classes nobody is left in; merge the classes from `start` on into `live`."""
        live = self.live
        if len(emptied):
            live = live[~np.isin(live, emptied)]
        new = np.arange(start, len(self.vals), dtype=np.int64)
        if len(new):
            new = new[np.argsort(self.vf[new], kind="stable")]
            pos = np.searchsorted(self.vf[live], self.vf[new])
            live = np.insert(live, pos, new)
        self.live = live


class MESRunner:
    """Runs MES on a prepared profile; one instance serves many per-voter budgets."""

    def __init__(self, prep: MESPrep, order: TieOrder) -> None:
        self.prep = prep
        self.order = order

    # -- affordability -------------------------------------------------------------------
    def _float_rho(self, cl: _Classes, p: int) -> float | None:
        prep = self.prep
        cols = prep.project_cols[p]
        live = cl.live
        k = len(live)
        if len(cols) == 1:
            j = int(cols[0])
            u = prep.col_u_f[j]
            w = cl.weights[j, live]
            ratio = cl.vf[live] / u
            wu = w * u
        else:
            us = prep.col_u_f[cols]
            w_all = cl.weights[np.ix_(cols, live)].ravel()
            ratio_all = (cl.vf[live][None, :] / us[:, None]).ravel()
            o = np.argsort(ratio_all, kind="stable")
            w = w_all[o]
            ratio = ratio_all[o]
            wu = w * np.repeat(us, k)[o]
        wv = wu * ratio
        paid_before = np.cumsum(wv) - wv
        rich = wu.sum() - (np.cumsum(wu) - wu)
        with np.errstate(divide="ignore", invalid="ignore"):
            rho = (prep.cost_f[p] - paid_before) / rich
        ok = (rich > 0) & (rho <= ratio)
        if not ok.any():
            return None
        return float(rho[int(np.argmax(ok))])

    def _cells(self, cl: _Classes, p: int) -> list[tuple[Fraction, int, Fraction, Fraction]]:
        """(ratio, weight, value, satisfaction) for every non-empty cell, in ratio order."""
        prep = self.prep
        cells: list[tuple[Fraction, int, Fraction, Fraction]] = []
        k = cl.count
        for j in prep.project_cols[p]:
            u = prep.col_u_q[int(j)]
            row = cl.weights[int(j), :k]
            for kk in np.nonzero(row)[0]:
                v = cl.vals[int(kk)]
                cells.append((v / u, int(row[kk]), v, u))
        cells.sort(key=lambda c: c[0])
        return cells

    def exact_rho(self, cl: _Classes, p: int, hint: float | None = None) -> Fraction | None:
        """pabutools' poor/rich scan, over cells instead of single voters (equivalent).

        With a float `hint`, cells clearly below or above it are settled in bulk and only
        the ambiguous ones are scanned; the result is kept only if it lies well within the
        margin that settled them, which proves the split (and so the value) right.
        """
        if hint is not None:
            rho = self._exact_rho_near(cl, p, hint)
            if rho is not None:
                return rho
        cells = self._cells(cl, p)
        cost = self.prep.cost_q[p]
        if sum((w * v for _, w, v, _ in cells), Q(0)) < cost:
            return None
        paid = Q(0)
        denom = sum((w * u for _, w, _, u in cells), Q(0))
        for ratio, w, v, u in cells:
            rho = (cost - paid) / denom
            if rho <= ratio:
                return rho
            paid += w * v
            denom -= w * u
        return None

    def _exact_rho_near(self, cl: _Classes, p: int, hint: float) -> Fraction | None:
        prep = self.prep
        cols = prep.project_cols[p]
        table = cl.weights[cols, : cl.count]
        jj, kk = np.nonzero(table)
        w = table[jj, kk]
        col = cols[jj]
        ratio = cl.vf[kk] / prep.col_u_f[col]
        poor = ratio < hint * (1 - TOL)
        rich = ratio > hint * (1 + TOL)
        unsure = np.flatnonzero(~(poor | rich))
        vals = cl.vals
        u_q = prep.col_u_q
        paid = sum(
            map(mul, w[poor].astype(np.int64).tolist(), [vals[x] for x in kk[poor].tolist()]),
            Q(0),
        )
        settled = ~poor
        denom = Q(0)
        for j in cols.tolist():
            in_col = settled & (col == j)
            if in_col.any():
                denom += int(w[in_col].sum()) * u_q[j]
        scan = sorted(
            (vals[int(kk[x])] / u_q[int(col[x])], int(w[x]), vals[int(kk[x])], u_q[int(col[x])])
            for x in unsure
        )
        cost = prep.cost_q[p]
        for r, wt, v, u in scan:
            if denom <= 0 or (cost - paid) / denom <= r:
                break
            paid += wt * v
            denom -= wt * u
        if denom <= 0:
            return None
        rho = (cost - paid) / denom
        if abs(float(rho) - hint) > hint * TOL / 2:
            return None
        return rho

    def _exact_available(self, cl: _Classes, p: int) -> Fraction:
        total = Q(0)
        k = cl.count
        for j in self.prep.project_cols[p]:
            row = cl.weights[int(j), :k]
            for kk in np.nonzero(row)[0]:
                total += int(row[kk]) * cl.vals[int(kk)]
        return total

    # -- the run -------------------------------------------------------------------------
    def run(self, budget_per_voter: Fraction, *, track: bool = False) -> MESRun:
        prep = self.prep
        b = q(budget_per_voter)
        out = MESRun(budget_per_voter=b)
        out.selected.extend(prep.free)
        out.prices.extend(Q(0) for _ in prep.free)
        cl = _Classes(prep, b)
        remaining = set(prep.candidates)
        lower = {p: float(prep.cost_f[p] / prep.total_sat_f[p]) for p in remaining}
        while remaining:
            live = cl.live
            vf = cl.vf[live]
            at_start = sorted(remaining) if track else []
            dropped: list[int] = []
            best = math.inf
            scored: list[tuple[float, int]] = []
            for p in sorted(remaining, key=lambda p: (lower[p], p)):
                if lower[p] > best * (1 + TOL):
                    break
                cols = prep.project_cols[p]
                avail = float((cl.weights[np.ix_(cols, live)] @ vf).sum())
                cost = prep.cost_f[p]
                if avail < cost * (1 - TOL) or (
                    avail < cost * (1 + TOL) and self._exact_available(cl, p) < prep.cost_q[p]
                ):
                    remaining.discard(p)
                    dropped.append(p)
                    continue
                rho = self._float_rho(cl, p)
                if rho is None:  # only rounding can get here; decide exactly
                    exact = self.exact_rho(cl, p)
                    if exact is None:
                        remaining.discard(p)
                        dropped.append(p)
                        continue
                    rho = float(exact)
                lower[p] = rho
                scored.append((rho, p))
                best = min(best, rho)
            if not scored:
                if track:
                    out.stable_for = min(
                        out.stable_for, self._distance(cl, None, at_start, math.inf, 0.0)
                    )
                break
            near = [(p, rho) for rho, p in scored if rho <= best * (1 + TOL)]
            exact_rhos: dict[int, Fraction] = {}
            for p, hint in near:
                r = self.exact_rho(cl, p, hint)
                if r is not None:
                    exact_rhos[p] = r
            if not exact_rhos:  # pragma: no cover - float screening guarantees a candidate
                for p, _ in near:
                    remaining.discard(p)
                    dropped.append(p)
                continue
            low = min(exact_rhos.values())
            tied = [p for p, r in exact_rhos.items() if r == low]
            chosen, report = self.order.pick(tied, prep.profile.ids, len(out.selected))
            if report is not None:
                out.ties.append(report)
            slope = 0.0
            if track:
                slope = winner_slope(
                    prep,
                    cl.weights[:, live],
                    vf,
                    cl.slope[live],
                    prep.project_cols[chosen],
                    float(low),
                )
                # A project dropped as unaffordable must stay so at any price, since
                # later prices may be higher; the others must stay worse than the winner.
                gone = set(dropped)
                others = [p for p in at_start if p != chosen and p not in gone]
                out.stable_for = min(
                    out.stable_for,
                    self._distance(cl, chosen, others, float(low), slope),
                    self._distance(cl, None, dropped, math.inf, 0.0),
                )
            self._buy(cl, chosen, low, slope)
            remaining.discard(chosen)
            out.selected.append(chosen)
            out.prices.append(low)
        out.class_left = cl.vals
        out.ballot_class = cl.of_ballot.tolist()
        return out

    def _distance(
        self, cl: _Classes, winner: int | None, others: list[int], price: float, slope: float
    ) -> float:
        live = cl.live
        cols = self.prep.project_cols[winner] if winner is not None else np.zeros(0, np.int64)
        return round_distance(
            self.prep, cl.weights[:, live], cl.vf[live], cl.slope[live], cols, others, price, slope
        )

    def _buy(self, cl: _Classes, s: int, rho: Fraction, rho_slope: float = 0.0) -> None:
        prep = self.prep
        sup = prep.sup_ballots[s]
        if len(sup) == 0:
            return
        k = cl.count
        cols = prep.project_cols[s]
        old = cl.of_ballot[sup]
        local = np.searchsorted(cols, prep.sup_cols[s]) if len(cols) > 1 else 0
        keys = local * k + old
        present = np.zeros(len(cols) * k, dtype=bool)
        present[keys] = True
        uniq = np.flatnonzero(present)
        slot = np.zeros(len(present), dtype=np.int64)
        slot[uniq] = np.arange(len(uniq), dtype=np.int64)
        pays = [rho * prep.col_u_q[int(j)] for j in cols]
        zero = Q(0)
        vals = cl.vals
        new_vals = []
        new_slopes = []
        u_f = prep.col_u_f[cols].tolist()
        old_slopes = cl.slope
        for key in uniq.tolist():
            j, kk = divmod(key, k)
            v = vals[kk]
            pay = pays[j]
            new_vals.append(v - pay if pay < v else zero)
            new_slopes.append(float(old_slopes[kk]) - u_f[j] * rho_slope)
        new = cl.add_many(new_vals, new_slopes)[slot[keys]]
        cl.of_ballot[sup] = new
        starts = prep.ballot_ptr[sup]
        lens = prep.ballot_ptr[sup + 1] - starts
        total = int(lens.sum())
        ent = np.repeat(starts - (np.cumsum(lens) - lens), lens) + np.arange(total)
        ecols = prep.ent_col[ent] * cl.weights.shape[1]
        w = np.repeat(prep.mult_f[sup], lens)
        flat = cl.weights.reshape(-1)
        np.add.at(flat, ecols + np.repeat(old, lens), -w)
        np.add.at(flat, ecols + np.repeat(new, lens), w)
        touched = np.unique(uniq % k)
        emptied = touched[~cl.weights[:, touched].any(axis=0)]
        cl.relink(emptied, k)

    def next_change(self, run: MESRun) -> int | None:
        """Unit steps to the first per-voter budget where the outcome may differ (>= 1).

        None when the outcome can never change however much the budget rises.
        """
        if math.isinf(run.stable_for):
            return None
        # Steps strictly inside the stable stretch are skipped; margins absorb float error.
        reach = run.stable_for * (1 - 1e-9) - 1e-7
        return max(1, math.ceil(reach))
