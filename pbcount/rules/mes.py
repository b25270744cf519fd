"""The Method of Equal Shares, exactly as pabutools' `method_of_equal_shares` decides it.

Every round is screened in floating point (numpy, over budget classes, skipping projects
whose earlier affordability already rules them out, as pabutools does). Every decision whose
float margin is below `TOL` is then taken in exact rational arithmetic, and the winner's
price and all budget updates are always exact, so the outcome equals the exact rule's.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from pbcount.rules._afford import TOL, exact_available, exact_rho, float_rho
from pbcount.rules._classes import Classes
from pbcount.rules._exact import Q, q
from pbcount.rules._mesprep import FloatArray, IntArray, MESPrep
from pbcount.rules.outcome import TieReport
from pbcount.rules.tiebreak import TieOrder

# Called each round with the classes, the winner (None at the end), its float price and
# the projects still in contention.
Observer = Callable[[Classes, int | None, float, list[int]], None]


@dataclass(slots=True)
class MESRun:
    """One MES run at a fixed per-voter budget."""

    budget_per_voter: Fraction
    selected: list[int] = field(default_factory=list)
    prices: list[Fraction] = field(default_factory=list)  # rho per selected project (0 if free)
    ties: list[TieReport] = field(default_factory=list)
    # The budget classes at the end, and each ballot's class.
    classes: Classes | None = None
    ballot_class: list[int] = field(default_factory=list)
    # Per round: the winner (None in the final round), its float price and the projects
    # found unaffordable that round; what `holds` replays.
    rounds: list[tuple[int | None, float, list[int]]] = field(default_factory=list)


class MESRunner:
    """Runs MES on a prepared profile; one instance serves many per-voter budgets."""

    def __init__(self, prep: MESPrep, order: TieOrder) -> None:
        self.prep = prep
        self.order = order
        # Per project bought so far: the entries of its supporters' ballots, as (supporter
        # position, column, weight). Add1 buys the same projects run after run and sets
        # `keep_entries`; one run gains nothing from keeping them but memory.
        self.keep_entries = False
        self._entries: dict[int, tuple[IntArray, IntArray, FloatArray]] = {}
        # The most classes a run has made so far, to size the next run's arrays.
        self._capacity = 64

    def _supporter_entries(self, s: int) -> tuple[IntArray, IntArray, FloatArray]:
        found = self._entries.get(s)
        if found is None:
            prep = self.prep
            sup = prep.sup_ballots[s]
            starts = prep.ballot_ptr[sup]
            lens = prep.ballot_ptr[sup + 1] - starts
            total = int(lens.sum())
            ent = np.repeat(starts - (np.cumsum(lens) - lens), lens) + np.arange(total)
            owner = np.repeat(np.arange(len(sup), dtype=np.int64), lens)
            found = (owner, prep.ent_col[ent], prep.mult_f[sup][owner])
            if self.keep_entries:
                self._entries[s] = found
        return found

    # -- the run -------------------------------------------------------------------------
    def run(
        self,
        budget_per_voter: Fraction,
        *,
        observe: Observer | None = None,
    ) -> MESRun:
        """One MES run; `observe` is called each round, before the purchase (with winner
        None at the end)."""
        prep = self.prep
        b = q(budget_per_voter)
        out = MESRun(budget_per_voter=b)
        out.selected.extend(prep.free)
        out.prices.extend(Q(0) for _ in prep.free)
        cl = Classes(prep, b, self._capacity)
        remaining = set(prep.candidates)
        # Lower bounds on each project's price: budgets only shrink, so prices only rise.
        lower = {p: float(prep.cost_f[p] / prep.total_sat_f[p]) * (1 - TOL) for p in remaining}
        while remaining:
            live = cl.live
            vf = cl.vf[live]
            at_start = sorted(remaining) if observe is not None else []
            dropped: list[int] = []
            best_high = math.inf  # an upper bound on the lowest price this round
            scored: list[tuple[float, float, int]] = []
            for p in sorted(remaining, key=lambda p: (lower[p], p)):
                if lower[p] > best_high * (1 + TOL):
                    break
                if not self._affordable(cl, p, live, vf):
                    remaining.discard(p)
                    dropped.append(p)
                    continue
                found = float_rho(prep, cl, p)
                if found is None:  # only rounding can get here; decide exactly
                    exact = exact_rho(prep, cl, p)
                    if exact is None:
                        remaining.discard(p)
                        dropped.append(p)
                        continue
                    found = (float(exact), 0.0)
                rho, error = found
                lower[p] = rho - error - rho * TOL
                scored.append((rho, error, p))
                best_high = min(best_high, rho + error)
            if not scored:
                out.rounds.append((None, math.inf, dropped))
                if observe is not None:
                    observe(cl, None, math.inf, at_start)
                break
            near = [(p, rho) for rho, error, p in scored if rho - error <= best_high * (1 + TOL)]
            exact_rhos: dict[int, Fraction] = {}
            for p, hint in near:
                r = exact_rho(prep, cl, p, hint)
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
            if observe is not None:
                observe(cl, chosen, float(low), [p for p in at_start if p != chosen])
            self._buy(cl, chosen, low)
            remaining.discard(chosen)
            out.selected.append(chosen)
            out.prices.append(low)
            out.rounds.append((chosen, float(low), dropped))
        return self._finish(out, cl)

    def holds(self, run: MESRun, budget_per_voter: Fraction) -> bool:
        """Whether every per-voter budget from `run`'s up to this one gives `run`'s outcome."""
        return self.replay(run, budget_per_voter) is not None

    def replay(self, run: MESRun, budget_per_voter: Fraction) -> MESRun | None:
        """`run`'s purchases at a higher per-voter budget x1, if provably MES's outcome there
        and at every per-voter budget between `run`'s (x0) and x1; else None.

        With the same purchases, every budget at every round grows with the per-voter
        budget x, so every price shrinks. Hence if, replayed at x1, each round's rivals
        cannot pay at the winner's price at x0 (an upper bound on it over [x0, x1]) and at
        the end nothing left is affordable at x1, then by induction over the rounds every
        x in between makes the same choices. The replay is exact (the winners are bought
        at their exact prices at x1), so it is MES's run at x1 and can start the next
        proof. Rivals are checked lazily: a rival's price at x1 only rises round by round,
        so one whose last price is well above the winner's needs no new look. Float
        checks with margins: a doubtful case answers None, which costs only speed.
        """
        prep = self.prep
        b = q(budget_per_voter)
        out = MESRun(budget_per_voter=b)
        out.selected.extend(prep.free)
        out.prices.extend(Q(0) for _ in prep.free)
        cl = Classes(prep, b, self._capacity)
        remaining = set(prep.candidates)
        # Lower bounds on each project's price at x1; they hold for the rest of the run.
        lower = {p: float(prep.cost_f[p] / prep.total_sat_f[p]) * (1 - TOL) for p in remaining}
        # Projects dropped at x0 stay rivals here: at x1 they may be affordable, but as long
        # as they never undercut a winner they change nothing.
        for r, (winner, price, _dropped) in enumerate(run.rounds):
            if winner is None:
                break
            bound = price * (1 + TOL)
            won_at = run.prices[len(prep.free) + r]  # exact, at x0
            live = cl.live
            vf = cl.vf[live]
            for p in sorted(remaining):
                if p == winner or lower[p] > bound:
                    continue
                if not self._affordable(cl, p, live, vf):
                    lower[p] = math.inf  # and so at every x below x1, for the rest of the run
                    continue
                found = float_rho(prep, cl, p)
                if found is None:
                    return None
                rho, error = found
                lower[p] = rho - error - rho * TOL
                if lower[p] <= bound and not self._yields(cl, p, winner, won_at, rho):
                    return None
            found = float_rho(prep, cl, winner)
            exact = exact_rho(prep, cl, winner, found[0] if found else None)
            if exact is None:  # pragma: no cover - more money cannot make it unaffordable
                return None
            self._buy(cl, winner, exact)
            remaining.discard(winner)
            out.selected.append(winner)
            out.prices.append(exact)
            out.rounds.append((winner, float(exact), []))
        # Whatever is left must be out of reach at x1, hence at every x below it; a run can
        # also end without a final round when its last purchase left nothing in contention.
        rest = sorted(p for p in remaining if lower[p] < math.inf)
        if rest and self._can_reach(cl, rest, math.inf):
            return None
        out.rounds.append((None, math.inf, sorted(remaining)))
        return self._finish(out, cl)

    def _finish(self, out: MESRun, cl: Classes) -> MESRun:
        self._capacity = max(self._capacity, cl.count)
        out.classes = cl
        out.ballot_class = cl.of_ballot.tolist()
        return out

    def _yields(self, cl: Classes, p: int, winner: int, won_at: Fraction, hint: float) -> bool:
        """Whether rival p provably loses to the winner: its exact price here is at least
        the winner's at x0 and a tie between them goes to the winner without a report.

        This proves ties that persist over the whole stretch, as between two projects
        whose supporters all pay a fixed share.
        """
        order = self.order
        if order.key(p) < order.key(winner):
            return False
        if order.name != "lexicographic" and order.primary[p] == order.primary[winner]:
            return False
        exact = exact_rho(self.prep, cl, p, hint)
        return exact is None or exact >= won_at

    def _can_reach(self, cl: Classes, projects: list[int], price: float) -> bool:
        """Whether any of `projects` might be affordable at `price` per unit of satisfaction."""
        prep = self.prep
        live = cl.live
        cols = np.concatenate([prep.project_cols[p] for p in projects])
        owner = np.repeat(np.arange(len(projects)), [len(prep.project_cols[p]) for p in projects])
        w = cl.weights[np.ix_(cols, live)]
        values = cl.vf[live][None, :]
        level = (
            values if math.isinf(price) else np.minimum(values, prep.col_u_f[cols][:, None] * price)
        )
        have = np.bincount(owner, (w * level).sum(axis=1), len(projects))
        weight = np.bincount(owner, w.sum(axis=1), len(projects))
        costs = prep.cost_f[np.asarray(projects)]
        return bool(np.any(have + weight * cl.err + costs * TOL >= costs))

    def _affordable(self, cl: Classes, p: int, live: IntArray, vf: FloatArray) -> bool:
        """Whether p's supporters hold at least its cost; exact when floats cannot tell."""
        prep = self.prep
        cols = prep.project_cols[p]
        part = cl.weights[int(cols[0]), live] if len(cols) == 1 else cl.weights[cols][:, live]
        # Not `part @ vf`: BLAS would run a product this small on both cores, and its
        # threads spin there afterwards, taking CPU from whatever else runs.
        avail = float((part * vf).sum())
        cost = prep.cost_f[p]
        margin = cost * TOL + float(part.sum()) * cl.err
        if avail < cost - margin:
            return False
        if avail > cost + margin:
            return True
        return exact_available(prep, cl, p) >= prep.cost_q[p]

    def _buy(self, cl: Classes, s: int, rho: Fraction) -> None:
        """Charge s's supporters: the rich pay rho * satisfaction, the poor all they have."""
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
        pay_idx = np.asarray([cl.add_pay(x) for x in pays], dtype=np.int64)
        pay_f = np.asarray([float(x) for x in pays])
        which, parent = np.divmod(uniq, k)
        v = cl.vf[parent]
        pf = pay_f[which]
        margin = pf * TOL + cl.err
        rich = v - pf > margin
        unsure = np.flatnonzero(np.abs(v - pf) <= margin)
        for x in unsure.tolist():  # a budget within rounding of the payment: decide exactly
            rich[x] = pays[int(which[x])] < cl.exact(int(parent[x]))
        new_of_cell = np.zeros(len(uniq), dtype=np.int64)  # the poor go to class 0
        new_of_cell[rich] = cl.spawn(
            parent[rich],
            pay_idx[which[rich]],
            v[rich] - pf[rich],
        )
        new = new_of_cell[slot[keys]]
        cl.of_ballot[sup] = new
        cl.members += np.bincount(new, minlength=len(cl.members))
        owner, ecol, w = self._supporter_entries(s)
        ecols = ecol * cl.weights.shape[1]
        flat = cl.weights.reshape(-1)
        np.add.at(flat, ecols + old[owner], -w)
        np.add.at(flat, ecols + new[owner], w)
        # Classes whose last member just left drop out of `live`.
        cl.members[:k] -= np.bincount(old, minlength=k)
        touched = np.flatnonzero(present.reshape(len(cols), k).any(axis=0))
        cl.relink(touched[cl.members[touched] == 0], k)
