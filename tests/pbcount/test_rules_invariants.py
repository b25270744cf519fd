"""Invariants on random small elections: budgets, Add1 stopping rules, and replay proofs."""

from __future__ import annotations

from fractions import Fraction
from unittest.mock import patch

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbcount.model import BallotType, Election
from pbcount.rules import _classes, applicable_rules, count
from pbcount.rules._mesprep import prepare
from pbcount.rules._profile import build_profile
from pbcount.rules.add1 import is_exhaustive
from pbcount.rules.mes import MESRunner
from pbcount.rules.tiebreak import make_order
from tests.pbcount.rules_elections import approval, cumulative

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def elections(draw: st.DrawFn, scored: bool = False) -> Election:
    """Small approval elections, or cumulative ones (points 1-4) when `scored`."""
    n_proj = draw(st.integers(1, 6))
    costs = {f"p{i}": draw(st.integers(1 if scored else 0, 15)) for i in range(n_proj)}
    names = st.sampled_from(sorted(costs))
    ballot = (
        st.dictionaries(names, st.integers(1, 4), min_size=1)
        if scored
        else st.lists(names, min_size=1, max_size=n_proj, unique=True)
    )
    votes = draw(st.lists(ballot, min_size=1, max_size=8))
    budget = draw(st.integers(1, 40))
    return cumulative(budget, costs, votes) if scored else approval(budget, costs, votes)


@SETTINGS
@given(elections())
def test_no_rule_overspends(election: Election) -> None:
    for rule in applicable_rules(election):
        if rule == "greedy-custom":
            continue  # by design: reserve money tops up the last project (80% rule)
        for tie_break in ("lexicographic", "min-cost", "max-votes"):
            out = count(election, rule, tie_break=tie_break)
            assert out.total_cost <= election.budget, (rule, tie_break)
            assert len(set(out.selected)) == len(out.selected)


@SETTINGS
@given(elections())
def test_add1_stops_where_it_should(election: Election) -> None:
    profile = build_profile(election, "cost")
    prep = prepare(profile)
    runner = MESRunner(prep, make_order("lexicographic", profile))
    out = count(election, "mes-cost+add1")
    assert out.mes is not None and out.per_voter_budget is not None
    b = out.per_voter_budget
    run = runner.run(b)
    assert sorted(profile.ids[p] for p in run.selected) == sorted(out.selected)
    assert out.total_cost <= election.budget
    if not is_exhaustive(prep, run):
        # Stopped because one more unit would overspend.
        more = runner.run(b + 1)
        assert sum((prep.cost_q[p] for p in more.selected), Fraction(0)) > election.budget


@SETTINGS
@given(elections(), st.integers(0, 12), st.integers(1, 12))
def test_replay_proofs_are_sound(election: Election, start: int, width: int) -> None:
    profile = build_profile(election, "cost")
    runner = MESRunner(prepare(profile), make_order("lexicographic", profile))
    b0 = profile.budget / profile.num_voters + start
    run = runner.run(b0)
    if runner.holds(run, b0 + width):
        for t in range(width + 1):
            assert runner.run(b0 + t).selected == run.selected


@SETTINGS
@given(elections(), st.integers(0, 12), st.integers(1, 8), st.integers(1, 8))
def test_chained_replays_are_sound_and_exact(
    election: Election, start: int, first: int, second: int
) -> None:
    # Add1 starts each proof where the last one ended, from the replay's own prices.
    profile = build_profile(election, "cost")
    runner = MESRunner(prepare(profile), make_order("lexicographic", profile))
    b0 = profile.budget / profile.num_voters + start
    run = runner.run(b0)
    middle = runner.replay(run, b0 + first)
    if middle is None:
        return
    end = runner.replay(middle, b0 + first + second)
    if end is None:
        return
    for t in range(first + second + 1):
        assert runner.run(b0 + t).selected == run.selected
    fresh = runner.run(b0 + first + second)
    assert end.prices == fresh.prices
    assert end.selected == fresh.selected


@SETTINGS
@given(elections(), st.sampled_from(["min-cost", "max-votes"]), st.integers(1, 12))
def test_replay_proofs_respect_the_tie_break(election: Election, order: str, width: int) -> None:
    profile = build_profile(election, "cost")
    runner = MESRunner(prepare(profile), make_order(order, profile))
    b0 = profile.budget / profile.num_voters
    run = runner.run(b0)
    replayed = runner.replay(run, b0 + width)
    if replayed is not None:
        for t in range(width + 1):
            again = runner.run(b0 + t)
            assert again.selected == run.selected
            assert not again.ties or t == 0


def test_a_tie_that_lasts_is_proven_not_stepped_through() -> None:
    # a and b have the same two supporters and cost: a tie at every budget, which the
    # lexicographic order gives to a. Add1 must skip the steps, not run each one.
    election = approval(
        1000,
        {"a": 20, "b": 20, "c": 5000},
        [["a", "b"], ["a", "b"], ["c"], ["c"], ["c"]],
    )
    profile = build_profile(election, "cost")
    runner = MESRunner(prepare(profile), make_order("lexicographic", profile))
    run = runner.run(Fraction(200))
    assert [profile.ids[p] for p in run.selected] == ["a", "b"]
    assert runner.replay(run, Fraction(800)) is not None
    out = count(election, "mes-cost+add1")
    assert out.mes is not None
    assert out.mes.add1_runs < 40


@SETTINGS
@given(st.one_of(elections(), elections(scored=True)), st.integers(0, 6), st.data())
def test_exact_totals_of_classes_equal_the_sum_of_their_exact_values(
    election: Election, extra: int, data: st.DataObject
) -> None:
    # Prices sum the poor supporters' money through the payments each class made; that must
    # be the sum of the classes' own exact values, class by class.
    sat = "score" if election.ballot_type == BallotType.CUMULATIVE else "cost"
    profile = build_profile(election, sat)
    runner = MESRunner(prepare(profile), make_order("lexicographic", profile))
    run = runner.run(profile.budget / profile.num_voters + extra)
    cl = run.classes
    assert cl is not None
    ks = data.draw(st.lists(st.integers(0, cl.count - 1), max_size=12))
    weights = data.draw(st.lists(st.integers(0, 50), min_size=len(ks), max_size=len(ks)))

    classes, shares = np.asarray(ks, dtype=np.int64), np.asarray(weights, dtype=np.float64)
    total = cl.exact_total(classes, shares)
    with patch.object(_classes, "BLOCK", 3):  # several blocks
        in_blocks = cl.exact_total(classes, shares)

    expected = sum((w * cl.exact(k) for k, w in zip(ks, weights, strict=True)), Fraction(0))
    assert total == in_blocks == expected
