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
    col_weight_f: FloatArray  # per column: its supporters' ballots, counted with multiplicity

    @property
    def num_cols(self) -> int:
        return len(self.col_u_q)


def stable_argsort(keys: IntArray, bound: int) -> IntArray:
    """`np.argsort(keys, kind="stable")` for keys in [0, bound), by byte-wise radix passes.

    numpy sorts 8-bit keys stably in linear time, so one or two such passes (least
    significant byte first) beat a merge sort of the int64 keys several times over.
    """
    if bound > 1 << 16:
        return np.argsort(keys, kind="stable").astype(np.int64)
    order = np.argsort((keys & 0xFF).astype(np.uint8), kind="stable")
    if bound > 1 << 8:
        high = (keys[order] >> 8).astype(np.uint8)
        order = order[np.argsort(high, kind="stable")]
    return order.astype(np.int64)


def prepare(profile: Profile) -> MESPrep:
    n_proj = len(profile.ids)
    ent_project = profile.ent_project
    ent_ballot = profile.ent_ballot
    totals = [Fraction(0)] * n_proj
    sats: list[Fraction] = []
    if profile.project_sat is not None:
        positive = np.asarray([u > 0 for u in profile.project_sat], dtype=bool)[ent_project]
        for p, u in enumerate(profile.project_sat):
            totals[p] = int(profile.votes[p]) * u if u > 0 else Fraction(0)
    else:
        sats = profile.sat_of_entries()
        positive = np.asarray([u > 0 for u in sats], dtype=bool)
        for p, w, u in zip(
            ent_project.tolist(), profile.mult[ent_ballot].tolist(), sats, strict=True
        ):
            if u > 0:
                totals[p] += w * u
    free = tuple(p for p in range(n_proj) if totals[p] > 0 and profile.costs[p] == 0)
    candidates = tuple(p for p in range(n_proj) if totals[p] > 0 and profile.costs[p] > 0)
    is_candidate = np.zeros(n_proj, dtype=bool)
    is_candidate[list(candidates)] = True
    keep = positive & is_candidate[ent_project]
    kept_projects = ent_project[keep]
    kept_ballots = ent_ballot[keep]
    if profile.project_sat is not None:
        # One column per project: every supporter gets the same satisfaction.
        col_project = np.asarray(candidates, dtype=np.int64)
        col_of_project = np.full(n_proj, -1, dtype=np.int64)
        col_of_project[col_project] = np.arange(len(candidates), dtype=np.int64)
        ent_col = col_of_project[kept_projects]
        col_u = [profile.project_sat[p] for p in candidates]
    else:
        col_of: dict[tuple[int, Fraction], int] = {}
        cols: list[int] = []
        col_u = []
        kept_sats = [u for u, k in zip(sats, keep.tolist(), strict=True) if k]
        for p, u in zip(kept_projects.tolist(), kept_sats, strict=True):
            j = col_of.get((p, u))
            if j is None:
                j = col_of[(p, u)] = len(col_u)
                col_u.append(u)
            cols.append(j)
        col_project = np.asarray([p for p, _ in col_of], dtype=np.int64)
        ent_col = np.asarray(cols, dtype=np.int64)
    ballot_ptr = np.zeros(len(profile.mult) + 1, dtype=np.int64)
    ballot_ptr[1:] = np.cumsum(np.bincount(kept_ballots, minlength=len(profile.mult)))
    by_project = stable_argsort(kept_projects, n_proj)
    bounds = np.zeros(n_proj + 1, dtype=np.int64)
    bounds[1:] = np.cumsum(np.bincount(kept_projects, minlength=n_proj))
    ballots_by_project = kept_ballots[by_project]
    cols_by_project = ent_col[by_project]
    sup_b = tuple(ballots_by_project[bounds[p] : bounds[p + 1]] for p in range(n_proj))
    sup_c = tuple(cols_by_project[bounds[p] : bounds[p + 1]] for p in range(n_proj))
    project_cols: list[list[int]] = [[] for _ in range(n_proj)]
    for j, p in enumerate(col_project.tolist()):
        project_cols[p].append(j)
    mult_f = profile.mult.astype(np.float64)
    return MESPrep(
        profile=profile,
        free=free,
        candidates=candidates,
        cost_q=tuple(q(c) for c in profile.costs),
        cost_f=np.asarray([float(c) for c in profile.costs], dtype=np.float64),
        col_project=col_project,
        col_u_q=tuple(q(u) for u in col_u),
        col_u_f=np.asarray([float(u) for u in col_u], dtype=np.float64),
        project_cols=tuple(np.asarray(c, dtype=np.int64) for c in project_cols),
        mult_f=mult_f,
        ent_col=ent_col,
        ent_ballot=kept_ballots,
        ballot_ptr=ballot_ptr,
        sup_ballots=sup_b,
        sup_cols=sup_c,
        total_sat_f=np.asarray([float(t) for t in totals], dtype=np.float64),
        col_weight_f=np.bincount(
            ent_col, weights=mult_f[kept_ballots], minlength=len(col_u)
        ).astype(np.float64),
    )
