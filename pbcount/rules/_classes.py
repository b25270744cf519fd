"""Budget classes for MES: voters who hold the same budget, with lazily exact values.

A class's value never changes; buying a project moves its supporters to new classes. A
new class records its parent and the exact payment that separates them, so creating one
costs no rational arithmetic: exact values are computed on demand (for the ambiguous cells
that a price depends on) by walking up to a known ancestor. Each class also records which
payments lie on its path from the start, so that the exact total of many classes (the poor
supporters' money in a price) is the budget times their weight less each payment times the
weight of the classes that made it: one rational product per payment, not one rational
subtraction per class and step. Float copies drive the screening; `err` bounds their
absolute drift from the exact values.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import numpy.typing as npt

from pbcount.rules._exact import Q
from pbcount.rules._mesprep import FloatArray, IntArray, MESPrep

# Bound on the rounding error one float subtraction adds, relative to the budget.
STEP_ERR = 5e-16
# Classes per block when summing exact totals (see `Classes.exact_total`).
BLOCK = 4096


class Classes:
    """Class 0 holds the voters with nothing left; class 1 starts with everyone."""

    def __init__(self, prep: MESPrep, budget: Fraction, capacity: int = 64) -> None:
        self.budget = budget
        self.vals: list[Fraction | None] = [Q(0), budget]
        self.pays: list[Fraction] = [Q(0)]
        # Growing copies every array, the weights above all (columns x capacity): a caller
        # that knows about how many classes a run makes (Add1's next run) passes that.
        cap = max(64, capacity)
        self.parent: IntArray = np.zeros(cap, dtype=np.int64)
        self.pay_of: IntArray = np.zeros(cap, dtype=np.int64)
        self.vf: FloatArray = np.zeros(cap)
        self.vf[1] = float(budget)
        # path[k, i] is 1 when class k's voters made payment i (each at most once: a
        # project is bought once, and a voter pays for it in one column).
        self.path: npt.NDArray[np.uint8] = np.zeros((cap, prep.num_cols + 1), dtype=np.uint8)
        self.weights: FloatArray = np.zeros((prep.num_cols, cap))
        self.weights[:, 1] = prep.col_weight_f
        self.of_ballot: IntArray = np.ones(len(prep.mult_f), dtype=np.int64)
        # Distinct ballots per class, to notice when a class empties.
        self.members: IntArray = np.zeros(cap, dtype=np.int64)
        self.members[1] = len(prep.mult_f)
        self.live: IntArray = np.asarray([1], dtype=np.int64)
        self.err = 0.0
        self._unit = STEP_ERR * max(1.0, float(budget))

    @property
    def count(self) -> int:
        return len(self.vals)

    def exact(self, k: int) -> Fraction:
        value = self.vals[k]
        if value is not None:
            return value
        chain = []
        while value is None:
            chain.append(k)
            k = int(self.parent[k])
            value = self.vals[k]
        for c in reversed(chain):
            value = value - self.pays[int(self.pay_of[c])]
            self.vals[c] = value
        return value

    def exact_total(self, ks: IntArray, weights: FloatArray) -> Fraction:
        """The exact sum of weight times value over classes `ks` (integral weights)."""
        holding = ks != 0  # class 0 holds nothing
        ks = ks[holding]
        weights = weights[holding]
        if len(ks) == 0:
            return Q(0)
        pays = self.pays
        # By blocks of classes, and only over the payments made so far, so that the float
        # copy of the path matrix the product needs stays small.
        # Integer products: exact, and numpy's own loop rather than BLAS, whose threads
        # would spin on the other core for a product this small.
        counts = weights.astype(np.int64)
        made = np.zeros(len(pays), dtype=np.int64)
        for lo in range(0, len(ks), BLOCK):
            made += counts[lo : lo + BLOCK] @ self.path[ks[lo : lo + BLOCK], : len(pays)]
        total = int(weights.sum()) * self.budget
        for i in np.flatnonzero(made).tolist():
            total -= int(made[i]) * pays[i]
        return total

    def add_pay(self, pay: Fraction) -> int:
        self.pays.append(pay)
        return len(self.pays) - 1

    def spawn(self, parents: IntArray, pay_idx: IntArray, values: FloatArray) -> IntArray:
        """New classes, each its parent's value less a recorded payment."""
        start = len(self.vals)
        m = len(parents)
        end = start + m
        if end > len(self.vf):
            grow = max(len(self.vf), end - len(self.vf))
            self.parent = np.concatenate([self.parent, np.zeros(grow, dtype=np.int64)])
            self.pay_of = np.concatenate([self.pay_of, np.zeros(grow, dtype=np.int64)])
            self.vf = np.concatenate([self.vf, np.zeros(grow)])
            self.members = np.concatenate([self.members, np.zeros(grow, dtype=np.int64)])
            self.path = np.concatenate(
                [self.path, np.zeros((grow, self.path.shape[1]), dtype=np.uint8)]
            )
            self.weights = np.concatenate(
                [self.weights, np.zeros((self.weights.shape[0], grow))], axis=1
            )
        self.vals.extend([None] * m)
        self.parent[start:end] = parents
        self.pay_of[start:end] = pay_idx
        self.path[start:end] = self.path[parents]
        self.path[np.arange(start, end), pay_idx] = 1
        self.vf[start:end] = values
        self.members[start:end] = 0
        self.err += self._unit
        return np.arange(start, end, dtype=np.int64)

    def relink(self, emptied: IntArray, start: int) -> None:
        """Drop classes nobody is left in; merge the classes from `start` on into `live`."""
        live = self.live
        if len(emptied):
            live = live[self.members[live] > 0]
        new = np.arange(start, len(self.vals), dtype=np.int64)
        if len(new):
            new = new[np.argsort(self.vf[new], kind="stable")]
            pos = np.searchsorted(self.vf[live], self.vf[new])
            live = np.insert(live, pos, new)
        self.live = live
