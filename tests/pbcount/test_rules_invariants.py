"""Invariants on random small elections: budgets, Add1 stopping rules, and replay proofs."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbcount.model import Election
from pbcount.rules import applicable_rules, count
from pbcount.rules._mesprep import prepare
from pbcount.rules._profile import build_profile
from pbcount.rules.add1 import is_exhaustive
from pbcount.rules.mes import MESRunner
from pbcount.rules.tiebreak import make_order
from tests.pbcount.rules_elections import approval

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def elections(draw: st.DrawFn) -> Election:
    n_proj = draw(st.integers(1, 6))
    costs = {f"p{i}": draw(st.integers(0, 15)) for i in range(n_proj)}
    votes = draw(
        st.lists(
            st.lists(st.sampled_from(sorted(costs)), min_size=1, max_size=n_proj, unique=True),
            min_size=1,
            max_size=8,
        )
    )
    return approval(draw(st.integers(1, 40)), costs, votes)


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
