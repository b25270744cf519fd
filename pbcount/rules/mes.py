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

import numpy as np

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
    leftover: list[Fraction] = field(default_factory=list)  # per ballot, one voter's budget left


class _Classes:
    """Budget classes: exact values, float copies, and per-column supporter weights."""

    def __init__(self, prep: MESPrep, budget: Fraction) -> None:
        self.vals: list[Fraction] = [budget]
        self.index: dict[Fraction, int] = {budget: 0}
        cap = 64
        self.vf: FloatArray = np.zeros(cap)
        self.vf[0] = float(budget)
        self.weights: FloatArray = np.zeros((prep.num_cols, cap))
        self.weights[:, 0] = np.bincount(
            prep.ent_col, weights=prep.mult_f[prep.ent_ballot], minlength=prep.num_cols
        )
        self.of_ballot: IntArray = np.zeros(len(prep.mult_f), dtype=np.int64)

    @property
    def count(self) -> int:
        return len(self.vals)

    def get(self, value: Fraction) -> int:
        k = self.index.get(value)
        if k is None:
            k = self.index[value] = len(self.vals)
            self.vals.append(value)
            if k >= len(self.vf):
                grow = len(self.vf)
                self.vf = np.concatenate([self.vf, np.zeros(grow)])
                self.weights = np.concatenate(
                    [self.weights, np.zeros((self.weights.shape[0], grow))], axis=1
                )
            self.vf[k] = float(value)
        return k


class MESRunner:
    """Runs MES on a prepared profile; one instance serves many per-voter budgets."""

    def __init__(self, prep: MESPrep, order: TieOrder) -> None:
        self.prep = prep
        self.order = order

    # -- affordability -------------------------------------------------------------------
    def _float_rho(self, cl: _Classes, p: int, sort_idx: IntArray) -> float | None:
        prep = self.prep
        cols = prep.project_cols[p]
        k = cl.count
        if len(cols) == 1:
            j = int(cols[0])
            u = prep.col_u_f[j]
            w = cl.weights[j, :k][sort_idx]
            v = cl.vf[:k][sort_idx]
            ratio = v / u
            wu = w * u
        else:
            us = prep.col_u_f[cols]
            w_all = cl.weights[cols, :k].ravel()
            ratio_all = (cl.vf[:k][None, :] / us[:, None]).ravel()
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

    def exact_rho(self, cl: _Classes, p: int) -> Fraction | None:
        """pabutools' poor/rich scan, over cells instead of single voters (equivalent)."""
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

    def _exact_available(self, cl: _Classes, p: int) -> Fraction:
        total = Q(0)
        k = cl.count
        for j in self.prep.project_cols[p]:
            row = cl.weights[int(j), :k]
            for kk in np.nonzero(row)[0]:
                total += int(row[kk]) * cl.vals[int(kk)]
        return total

    # -- the run -------------------------------------------------------------------------
    def run(self, budget_per_voter: Fraction) -> MESRun:
        prep = self.prep
        b = q(budget_per_voter)
        out = MESRun(budget_per_voter=b)
        out.selected.extend(prep.free)
        out.prices.extend(Q(0) for _ in prep.free)
        cl = _Classes(prep, b)
        remaining = set(prep.candidates)
        lower = {p: float(prep.cost_f[p] / prep.total_sat_f[p]) for p in remaining}
        while remaining:
            k = cl.count
            vf = cl.vf[:k]
            sort_idx = np.argsort(vf, kind="stable")
            best = math.inf
            scored: list[tuple[float, int]] = []
            for p in sorted(remaining, key=lambda p: (lower[p], p)):
                if lower[p] > best * (1 + TOL):
                    break
                cols = prep.project_cols[p]
                avail = float((cl.weights[cols, :k] @ vf).sum())
                cost = prep.cost_f[p]
                if avail < cost * (1 - TOL) or (
                    avail < cost * (1 + TOL) and self._exact_available(cl, p) < prep.cost_q[p]
                ):
                    remaining.discard(p)
                    continue
                rho = self._float_rho(cl, p, sort_idx)
                if rho is None:  # only rounding can get here; decide exactly
                    exact = self.exact_rho(cl, p)
                    if exact is None:
                        remaining.discard(p)
                        continue
                    rho = float(exact)
                lower[p] = rho
                scored.append((rho, p))
                best = min(best, rho)
            if not scored:
                break
            near = [p for rho, p in scored if rho <= best * (1 + TOL)]
            exact_rhos: dict[int, Fraction] = {}
            for p in near:
                r = self.exact_rho(cl, p)
                if r is not None:
                    exact_rhos[p] = r
            if not exact_rhos:  # pragma: no cover - float screening guarantees a candidate
                for p in near:
                    remaining.discard(p)
                continue
            low = min(exact_rhos.values())
            tied = [p for p, r in exact_rhos.items() if r == low]
            chosen, report = self.order.pick(tied, prep.profile.ids, len(out.selected))
            if report is not None:
                out.ties.append(report)
            self._buy(cl, chosen, low)
            remaining.discard(chosen)
            out.selected.append(chosen)
            out.prices.append(low)
        out.leftover = [cl.vals[int(k)] for k in cl.of_ballot]
        return out

    def _buy(self, cl: _Classes, s: int, rho: Fraction) -> None:
        prep = self.prep
        sup = prep.sup_ballots[s]
        if len(sup) == 0:
            return
        k = cl.count
        old = cl.of_ballot[sup]
        keys = prep.sup_cols[s] * k + old
        uniq, inverse = np.unique(keys, return_inverse=True)
        new_of_key = np.empty(len(uniq), dtype=np.int64)
        for t, key in enumerate(uniq):
            j, kk = divmod(int(key), k)
            v = cl.vals[kk]
            pay = rho * prep.col_u_q[j]
            new_of_key[t] = cl.get(v - pay if pay < v else Q(0))
        new = new_of_key[inverse]
        cl.of_ballot[sup] = new
        starts = prep.ballot_ptr[sup]
        lens = prep.ballot_ptr[sup + 1] - starts
        total = int(lens.sum())
        offsets = np.repeat(starts - (np.cumsum(lens) - lens), lens)
        ent = offsets + np.arange(total)
        cols = prep.ent_col[ent]
        w = np.repeat(prep.mult_f[sup], lens)
        np.add.at(cl.weights, (cols, np.repeat(old, lens)), -w)
        np.add.at(cl.weights, (cols, np.repeat(new, lens)), w)

    def next_change(self, run: MESRun, budget_per_voter: Fraction) -> int | None:
        """Unit steps after which the outcome may first differ from `run`'s (at least 1)."""
        return 1
