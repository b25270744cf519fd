"""Affordability (MES's price per unit of satisfaction, rho) of one project, float and exact.

The exact scan is pabutools' poor/rich scan run over budget cells instead of single voters:
cells with equal budget-to-satisfaction ratios pass or fail together, so it is the same.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from pbcount.rules._classes import Classes
from pbcount.rules._exact import Q
from pbcount.rules._mesprep import MESPrep

# Float margins far above accumulated rounding error and far below any real difference
# between affordabilities, which are ratios of money amounts.
TOL = 1e-9


def float_rho(prep: MESPrep, cl: Classes, p: int) -> tuple[float, float] | None:
    """The float price and a bound on its error, or None if the scan finds no price."""
    # Cells without supporters change no sum and no price, so only the others are scanned.
    cols = prep.project_cols[p]
    live = cl.live
    if len(cols) == 1:
        j = int(cols[0])
        u = prep.col_u_f[j]
        w = cl.weights[j, live]
        held = np.flatnonzero(w)
        w = w[held]
        ratio = cl.vf[live[held]] / u
        wu = w * u
    else:
        us = prep.col_u_f[cols]
        w_all = cl.weights[np.ix_(cols, live)].ravel()
        held = np.flatnonzero(w_all)
        col_of, at_live = np.divmod(held, len(live))
        ratio_all = cl.vf[live[at_live]] / us[col_of]
        o = np.argsort(ratio_all, kind="stable")
        w = w_all[held[o]]
        ratio = ratio_all[o]
        wu = w * us[col_of[o]]
    wv = wu * ratio
    paid_before = np.cumsum(wv) - wv
    rich = wu.sum() - (np.cumsum(wu) - wu)
    cost = prep.cost_f[p]
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = (cost - paid_before) / rich
    ok = (rich > 0) & (rho <= ratio)
    if not ok.any():
        return None
    at = int(np.argmax(ok))
    # Drift of the poor's float budgets plus rounding in the sums, over the rich weight.
    error = (float(w[:at].sum()) * cl.err + 1e-14 * cost) / float(rich[at])
    return float(rho[at]), error


def _cells(prep: MESPrep, cl: Classes, p: int) -> list[tuple[Fraction, int, Fraction, Fraction]]:
    """(ratio, weight, value, satisfaction) for every non-empty cell, in ratio order."""
    cells: list[tuple[Fraction, int, Fraction, Fraction]] = []
    k = cl.count
    for j in prep.project_cols[p]:
        u = prep.col_u_q[int(j)]
        row = cl.weights[int(j), :k]
        for kk in np.nonzero(row)[0]:
            v = cl.exact(int(kk))
            cells.append((v / u, int(row[kk]), v, u))
    cells.sort(key=lambda c: c[0])
    return cells


def exact_available(prep: MESPrep, cl: Classes, p: int) -> Fraction:
    table = cl.weights[prep.project_cols[p], : cl.count]
    jj, kk = np.nonzero(table)
    return cl.exact_total(kk, table[jj, kk])


def exact_rho(prep: MESPrep, cl: Classes, p: int, hint: float | None = None) -> Fraction | None:
    """The exact price, or None when the supporters cannot afford the project.

    With a float `hint`, cells clearly below or above it are settled in bulk and only the
    ambiguous ones are scanned; the result is kept only if it lies well within the margin
    that settled them, which proves the split (and so the value) right.
    """
    if hint is not None:
        rho = _exact_rho_near(prep, cl, p, hint)
        if rho is not None:
            return rho
    cells = _cells(prep, cl, p)
    cost = prep.cost_q[p]
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


def _exact_rho_near(prep: MESPrep, cl: Classes, p: int, hint: float) -> Fraction | None:
    cols = prep.project_cols[p]
    table = cl.weights[cols, : cl.count]
    jj, kk = np.nonzero(table)
    w = table[jj, kk]
    col = cols[jj]
    u_f = prep.col_u_f[col]
    pay = hint * u_f
    v_f = cl.vf[kk]
    poor = v_f < pay * (1 - TOL) - cl.err
    rich = v_f > pay * (1 + TOL) + cl.err
    unsure = np.flatnonzero(~(poor | rich))
    u_q = prep.col_u_q
    paid = cl.exact_total(kk[poor], w[poor])
    settled = ~poor
    denom = Q(0)
    for j in cols.tolist():
        in_col = settled & (col == j)
        if in_col.any():
            denom += int(w[in_col].sum()) * u_q[j]
    scan = []
    for x in unsure.tolist():
        v = cl.exact(int(kk[x]))
        u = u_q[int(col[x])]
        scan.append((v / u, int(w[x]), v, u))
    scan.sort(key=lambda c: c[0])
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
