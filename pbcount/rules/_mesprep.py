"""The fixed part of a Method of Equal Shares run, prepared once and reused by every Add1 step.

Voters are grouped into budget classes: voters with the same remaining budget share a class,
and each project sees its supporters as weights over (class, satisfaction) cells. Projects
with several satisfaction values among supporters (scores, Borda) get one column per value.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from pbcount.rules._exact import q
from pbcount.rules._profile import Profile

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True, eq=False)
class MESPrep:
    profile: Profile
    free: tuple[int, ...]  # supported zero-cost projects: pabutools selects them up front
    candidates: tuple[int, ...]  # supported projects of positive cost
    cost_q: tuple[Fraction, ...]  # exact costs (fast type), per project
    cost_f: FloatArray  # per project
    col_project: IntArray  # per column
    col_u_q: tuple[Fraction, ...]  # exact satisfaction per column
    col_u_f: FloatArray
    project_cols: tuple[IntArray, ...]  # per project
    mult_f: FloatArray  # per ballot
    ent_col: IntArray  # entries (ballot, column), grouped by ballot
    ent_ballot: IntArray
    ballot_ptr: IntArray  # CSR over entries
    sup_ballots: tuple[IntArray, ...]  # per project: supporting ballots
    sup_cols: tuple[IntArray, ...]  # per project: the column each supporter sits in
    total_sat_f: FloatArray  # per project

    @property
    def num_cols(self) -> int:
        return len(self.col_u_q)


def prepare(profile: Profile) -> MESPrep:
    n_proj = len(profile.ids)
    totals = [Fraction(0)] * n_proj
    for m, items in zip(profile.mult, profile.items, strict=True):
        for p, u in items:
            if u > 0:
                totals[p] += m * u
    free = tuple(p for p in range(n_proj) if totals[p] > 0 and profile.costs[p] == 0)
    candidates = tuple(p for p in range(n_proj) if totals[p] > 0 and profile.costs[p] > 0)
    is_candidate = set(candidates)

    col_of: dict[tuple[int, Fraction], int] = {}
    col_project: list[int] = []
    col_u: list[Fraction] = []
    ent_col: list[int] = []
    ent_ballot: list[int] = []
    ballot_ptr = [0]
    sup_b: list[list[int]] = [[] for _ in range(n_proj)]
    sup_c: list[list[int]] = [[] for _ in range(n_proj)]
    for i, items in enumerate(profile.items):
        for p, u in items:
            if u <= 0 or p not in is_candidate:
                continue
            j = col_of.get((p, u))
            if j is None:
                j = col_of[(p, u)] = len(col_u)
                col_project.append(p)
                col_u.append(u)
            ent_col.append(j)
            ent_ballot.append(i)
            sup_b[p].append(i)
            sup_c[p].append(j)
        ballot_ptr.append(len(ent_col))
    cols_by_project: list[list[int]] = [[] for _ in range(n_proj)]
    for j, p in enumerate(col_project):
        cols_by_project[p].append(j)

    def arr(values: list[int]) -> IntArray:
        return np.asarray(values, dtype=np.int64)

    return MESPrep(
        profile=profile,
        free=free,
        candidates=candidates,
        cost_q=tuple(q(c) for c in profile.costs),
        cost_f=np.asarray([float(c) for c in profile.costs], dtype=np.float64),
        col_project=arr(col_project),
        col_u_q=tuple(q(u) for u in col_u),
        col_u_f=np.asarray([float(u) for u in col_u], dtype=np.float64),
        project_cols=tuple(arr(c) for c in cols_by_project),
        mult_f=np.asarray(profile.mult, dtype=np.float64),
        ent_col=arr(ent_col),
        ent_ballot=arr(ent_ballot),
        ballot_ptr=arr(ballot_ptr),
        sup_ballots=tuple(arr(b) for b in sup_b),
        sup_cols=tuple(arr(c) for c in sup_c),
        total_sat_f=np.asarray([float(t) for t in totals], dtype=np.float64),
    )
