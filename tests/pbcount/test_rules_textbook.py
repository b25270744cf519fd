"""Hand-made textbook elections with outcomes worked out on paper."""

from __future__ import annotations

from fractions import Fraction

import pytest

from pbcount.rules import RULES, UnknownRule, applicable_rules, count, parse_rule
from tests.pbcount.rules_elections import approval, cumulative, ordinal

# Four voters with 25 each: z (everyone, 30) costs 7.50 a head, x (three voters, 60) 20 a
# head; y (one voter, 40) is out of reach. MES buys z, then x no longer fits (3 x 17.50).
SHARES = approval(
    100,
    {"x": 60, "y": 40, "z": 30},
    [["x", "z"], ["x", "z"], ["x", "z"], ["y", "z"]],
)


def test_mes_cost_buys_the_cheapest_share_first_and_stops() -> None:
    out = count(SHARES, "mes-cost")
    assert out.selected == ("z",)
    assert out.total_cost == 30
    assert out.per_voter_budget == 25
    assert out.mes is not None
    assert dict(out.mes.prices) == {"z": Fraction(1, 4)}
    assert out.mes.spent() == (Fraction(15, 2), Fraction(15, 2))


def test_add1_raises_the_budget_until_exhaustive() -> None:
    # x becomes affordable once 3 (b - 7.50) >= 60, i.e. b >= 27.50: the step to 28.
    out = count(SHARES, "mes-cost+add1")
    assert out.selected == ("z", "x")
    assert out.per_voter_budget == 28
    assert out.mes is not None and out.mes.add1_steps == 3


def test_add1_until_overspend_keeps_going_past_exhaustive() -> None:
    # With 28 a head the outcome is exhaustive; overspending needs y too: v4 keeps b - 7.50,
    # enough for y (40) once b >= 47.50, and z + x + y = 130 > 100 is over budget.
    out = count(SHARES, "mes-cost+add1-until-overspend")
    assert out.selected == ("z", "x")
    assert out.per_voter_budget == 47


def test_greedy_completion_spends_what_mes_leaves() -> None:
    out = count(SHARES, "mes-cost+greedy")
    assert out.selected == ("z", "x")
    assert out.stages == (("mes-cost", ("z",)), ("greedy", ("x",)))


def test_greedy_cost_skips_what_does_not_fit() -> None:
    e = approval(10, {"a": 6, "b": 5, "c": 4}, [["a"], ["a"], ["a"], ["b", "c"], ["b", "c"]])
    assert count(e, "greedy-cost").selected == ("a", "c")
    # greedy-card ranks by votes per unit of cost: a (3/6) ties c (2/4), id breaks it.
    assert count(e, "greedy-card").selected == ("a", "c")
    assert count(e, "greedy-card", tie_break=["c", "a", "b"]).selected == ("c", "a")


def test_real_world_greedy_variants() -> None:
    e = approval(
        10,
        {"a": 6, "b": 5, "c": 3, "d": 1},
        [["a", "b", "c", "d"]] * 4 + [["a", "b", "c"]] * 3 + [["a", "b"]] * 2 + [["a"]],
        meta={"min_project_score_threshold": "5"},
    )
    # votes: a 10, b 9, c 7, d 4
    assert count(e, "greedy-votes").selected == ("a", "c", "d")
    assert count(e, "greedy-no-skip").selected == ("a",)
    assert count(e, "greedy-threshold").selected == ("a", "c")
    # greedy-custom funds b too: 4 left covers at least 80% of b? 4 < 4.0 = 0.8 x 5 -> yes.
    assert count(e, "greedy-custom").selected == ("a", "b")


def test_unresolved_tie_is_reported_not_hidden() -> None:
    e = approval(5, {"a": 5, "b": 5}, [["a"], ["b"]])
    plain = count(e, "greedy-cost")
    assert plain.selected == ("a",) and plain.unresolved_ties == ()
    by_cost = count(e, "greedy-cost", tie_break="min-cost")
    assert by_cost.selected == ("a",)
    (tie,) = by_cost.unresolved_ties
    assert tie.candidates == ("a", "b") and tie.chosen == "a"
    rich = approval(10, {"a": 5, "b": 5}, [["a"], ["b"]])
    mes = count(rich, "mes-cost", tie_break="max-votes")
    assert mes.selected == ("a", "b") and mes.unresolved_ties[0].candidates == ("a", "b")
    explicit = count(rich, "mes-cost", tie_break=["b", "a"])
    assert explicit.selected == ("b", "a") and explicit.unresolved_ties == ()


def test_min_cost_breaks_a_mes_tie() -> None:
    # Both cost 1/3 of a head's budget per unit of satisfaction... equal rho, different cost.
    e = approval(12, {"a": 6, "b": 3}, [["a"], ["a"], ["b"], ["b"]])
    assert count(e, "mes-card").selected[0] == "b"  # rho 3/2 beats 3
    tied = approval(12, {"a": 6, "b": 6}, [["a", "b"]] * 2)
    assert count(tied, "mes-cost", tie_break="lexicographic").selected == ("a", "b")


def test_phragmen_balances_loads() -> None:
    e = approval(10, {"a": 4, "b": 4, "c": 4}, [["a", "b"]] * 3 + [["c"]] * 2)
    # a: load 4/3 for the three; b then (4 + 4)/3 = 8/3 vs c 4/2 = 2: c comes second.
    assert count(e, "phragmen").selected == ("a", "c")


def test_scores_and_borda() -> None:
    e = cumulative(10, {"a": 5, "b": 5, "c": 5}, [{"a": 3, "b": 1}, {"c": 2, "b": 2}])
    assert count(e, "greedy-score").selected == ("a", "b")  # 3 points each; id decides
    o = ordinal(10, {"a": 5, "b": 5, "c": 5}, [["a", "b", "c"], ["b", "a", "c"], ["b", "c"]])
    # Borda: a 2+1, b 1+2+1, c 0+0+0.
    assert count(o, "greedy-borda").selected == ("b", "a")
    # MES: b at 5/4 a point; then a's supporters hold 25/12 + 5/6 < 5.
    assert count(o, "mes-borda").selected == ("b",)


def test_rule_ids_parse_and_reject_nonsense() -> None:
    assert parse_rule("mes-cost+add1+greedy").greedy
    assert parse_rule("mes-cost-add1").add1 == "add1"
    for bad in ("mes-foo", "greedy-cost+add1", "mes-cost+greedy+add1", "mes-cost+add1+add1"):
        with pytest.raises(UnknownRule):
            parse_rule(bad)
    assert set(applicable_rules(SHARES)) >= {"greedy-cost", "mes-cost", "mes-cost+add1"}
    assert "greedy-score" in RULES


def test_nobody_voted() -> None:
    e = approval(10, {"a": 5}, [])
    assert count(e, "mes-cost").selected == ()
    assert count(e, "greedy-cost").selected == ("a",)  # pabutools funds unsupported projects


def test_explanation_of_mes() -> None:
    from pbcount.explain import explain

    out = count(SHARES, "mes-cost")
    x = explain(SHARES, out)
    by_id = {p.id: p for p in x.projects}
    assert by_id["z"].selected and by_id["z"].effective_votes == 4
    # After z, x's three supporters hold 3 x 17.50: x would have been funded at 52.50.
    assert not by_id["x"].selected and by_id["x"].cost_to_win == Fraction(105, 2)
    assert [b.spent for b in x.ballots] == [Fraction(15, 2), Fraction(15, 2)]
    text = x.summary_text()
    assert text.startswith("1 of 3 projects are funded, costing 30 of the 100 budget.")
    assert "equal share of 25" in text
    dutch = {x.summary[0].msgid: "%(count)d van de %(total)d projecten krijgen geld."}
    assert x.summary[0].render(lambda s: dutch.get(s, s)) == "1 van de 3 projecten krijgen geld."
