"""Add1 completions of MES: raise the per-voter budget by one unit until the outcome is final."""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Literal

from pbcount.rules._exact import Q, q
from pbcount.rules._mesprep import MESPrep
from pbcount.rules.mes import MESRun, MESRunner

Add1Mode = Literal["add1", "add1-integral", "add1-until-overspend"]


def _cost(prep: MESPrep, run: MESRun) -> Fraction:
    return sum((prep.cost_q[p] for p in run.selected), Q(0))


def is_exhaustive(prep: MESPrep, run: MESRun) -> bool:
    """pabutools' test: no project MES could still buy fits in the money left.

    Only supported, positive-cost projects count, as in pabutools' `available_projects`.
    """
    spent = _cost(prep, run)
    chosen = set(run.selected)
    return all(p in chosen or spent + prep.cost_q[p] > prep.profile.budget for p in prep.candidates)


def add1(
    runner: MESRunner,
    mode: Add1Mode,
    progress: Callable[[float], None] | None = None,
) -> tuple[MESRun, int, int]:
    """The Add1 outcome, the number of unit steps taken and the number of MES runs.

    Per-voter budgets b0, b0+1, ... are tried; the first exhaustive outcome is returned
    (not for add1-until-overspend), and at the first over-budget one the previous outcome
    is. Stretches of steps whose outcome is proven unchanged (`MESRunner.replay`) are
    skipped: each proof starts where the last one ended, with the prices there; the
    stretch halves after a failure and doubles after a success at the first try; when not
    even the next step can be proven, that step is run. Runs count replays too.
    """
    prep = runner.prep
    budget = q(prep.profile.budget)
    n = prep.profile.num_voters
    start = budget / n
    if mode == "add1-integral":
        start = Q(math.floor(start))
    step = 0
    runner.keep_entries = True
    run = runner.run(start)
    runs = 1
    previous: MESRun | None = None
    all_candidates = set(prep.candidates)
    stride = 1
    misses = 0  # steps in a row that could not be proven
    grow = True  # whether the last proof succeeded at the first try
    while True:
        # `run` is MES's outcome at start + step.
        if _cost(prep, run) > budget:
            if previous is None:
                return run, step, runs
            if previous.budget_per_voter != start + step - 1:
                # Same outcome as `previous`, but the leftover budgets depend on the budget.
                previous = runner.run(start + step - 1)
                runs += 1
            return previous, step - 1, runs
        if mode != "add1-until-overspend" and is_exhaustive(prep, run):
            return run, step, runs
        if all_candidates <= set(run.selected):
            return run, step, runs
        previous = run
        # Where the outcome changes at nearly every step, proofs only fail: after misses,
        # try one only every 2, 4 or 8 steps.
        proven: MESRun | None = None
        if step % (1 << min(misses, 3)) == 0:
            tried = stride
            while stride >= 1:
                proven = runner.replay(run, start + step + stride)
                runs += 1
                if proven is not None:
                    break
                stride //= 2
            grow = stride == tried
        if proven is not None:
            # Every step up to here has run's outcome, so none of them stops Add1.
            step += stride
            run = proven
            if grow:
                stride *= 2
            misses = 0
        else:
            stride = 1
            misses += 1
            step += 1
            run = runner.run(start + step)
            runs += 1
        if progress is not None:
            progress(min(0.99, runs / (runs + 20)))
