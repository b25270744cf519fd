"""How far the per-voter budget can rise before an MES outcome can change (for Add1).

Within one run, every budget is an affine function of the per-voter budget x for as long
as every comparison the run made keeps its sign: budgets start at x, and each price is
(cost - what the poor pay) / (what the rich weigh). We carry each class's slope d(value)/dx
and bound, for every round, the distance to the first comparison that could flip:

- the winner's poor/rich split (a class's budget meeting its payment);
- every other project becoming affordable at the winner's price. Its shortfall
  g(x) = sum_cells w * min(value, u * price) - cost is concave in x, so the tangent at x
  bounds it from above and its root is a safe lower bound on the first crossing;
- at the end, a discarded project's supporters regaining enough money.

The bounds are computed in floating point with generous margins; the Add1 loop re-runs
MES exactly wherever they end, so a bound can only cost speed, never correctness.
"""

from __future__ import annotations

import math

import numpy as np

from pbcount.rules._mesprep import FloatArray, IntArray, MESPrep

# Relative and absolute safety margins on every crossing distance.
REL = 1e-9


def _crossing(gap: FloatArray, rate: FloatArray, scale: FloatArray) -> float:
    """Smallest distance at which `gap` (> 0) shrinks to 0 at `rate`, less margins."""
    closing = rate > 0
    if not closing.any():
        return math.inf
    dist = (gap[closing] - REL * scale[closing]) / rate[closing]
    return max(0.0, float(dist.min()))


def winner_slope(
    prep: MESPrep,
    weights: FloatArray,
    values: FloatArray,
    slopes: FloatArray,
    cols: IntArray,
    price: float,
) -> float:
    """d(price)/dx for the winner: minus the poor's slope over the rich's weight."""
    us = prep.col_u_f[cols][:, None]
    w = weights[cols]
    poor = values[None, :] < us * price
    rich_weight = float((w * us * ~poor).sum())
    poor_slope = float((w * slopes[None, :] * poor).sum())
    if rich_weight <= 0:
        return 0.0
    return -poor_slope / rich_weight


def round_distance(
    prep: MESPrep,
    weights: FloatArray,
    values: FloatArray,
    slopes: FloatArray,
    winner_cols: IntArray,
    others: list[int],
    price: float,
    price_slope: float,
) -> float:
    """Distance to the first flip of this round's decisions (see the module docstring).

    `weights` holds the live classes only; `price` is math.inf for the final round, where
    no project is affordable any more.
    """
    best = math.inf
    if len(winner_cols):
        us = prep.col_u_f[winner_cols][:, None]
        w = weights[winner_cols]
        has = w > 0
        gap = values[None, :] - us * price
        rate = slopes[None, :] - us * price_slope
        scale = values[None, :] + us * price
        rich = has & (gap > 0)
        poor = has & (gap <= 0)
        best = min(
            best,
            _crossing(gap[rich], -rate[rich], scale[rich]),
            _crossing(-gap[poor], rate[poor], scale[poor]),
        )
    if not others:
        return best
    cols = np.concatenate([prep.project_cols[p] for p in others])
    owner = np.repeat(np.arange(len(others)), [len(prep.project_cols[p]) for p in others])
    us = prep.col_u_f[cols][:, None]
    w = weights[cols]
    if math.isinf(price):
        level = np.broadcast_to(values[None, :], w.shape)
        slope = np.broadcast_to(slopes[None, :], w.shape)
    else:
        pay = us * price
        below = values[None, :] < pay
        level = np.where(below, values[None, :], pay)
        slope = np.where(below, slopes[None, :], us * price_slope)
    have: FloatArray = np.bincount(owner, (w * level).sum(axis=1), len(others)).astype(float)
    rise: FloatArray = np.bincount(owner, (w * slope).sum(axis=1), len(others)).astype(float)
    costs = prep.cost_f[np.asarray(others)]
    return min(best, _crossing(costs - have, rise, costs))
