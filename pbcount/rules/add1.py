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
    is. Stretches of steps whose outcome is proven unchanged (`MESRunner.holds`) are
    skipped; the step after each stretch is run again exactly. Runs count replays too.
    """
    prep = runner.prep
    budget = q(prep.profile.budget)
    n = prep.profile.num_voters
    start = budget / n
    if mode == "add1-integral":
        start = Q(math.floor(start))
    step = 0
    runs = 0
    previous: MESRun | None = None
    all_candidates = set(prep.candidates)
    stride = 1
    misses = 0
    while True:
        run = runner.run(start + step)
        runs += 1
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
        # Gallop: prove the outcome unchanged up to step + stride, doubling the stride
        # while that holds; every step proven is skipped, and the next one is run.
        # Where the outcome changes at nearly every step, proofs only fail: after two
        # failures in a row, try one only every eighth step.
        proven = step
        if misses < 2 or runs % 8 == 0:
            stride = max(1, stride // 4)
            while runner.holds(run, start + proven + stride):
                runs += 1
                proven += stride
                stride *= 2
            runs += 1
            misses = misses + 1 if proven == step else 0
        step = proven + 1
        if progress is not None:
            progress(min(0.99, runs / (runs + 20)))
