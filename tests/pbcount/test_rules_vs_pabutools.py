"""Random small elections counted by pbcount and by pabutools 1.2.3, the oracle: they must agree.

Each election is written as .pb text and read by both libraries, so the comparison also
covers how each reads ballots. Small integer costs and few voters make exact ties common.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pabutools = pytest.importorskip("pabutools")

from pabutools.election import (  # noqa: E402
    AbstractApprovalProfile,
    Additive_Borda_Sat,
    Additive_Cardinal_Sat,
    Cardinality_Sat,
    Cost_Sat,
)
from pabutools.election.pabulib import parse_pabulib_from_string  # noqa: E402
from pabutools.fractions import frac  # noqa: E402
from pabutools.rules import (  # noqa: E402
    BudgetAllocation,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
    sequential_phragmen,
)
from pabutools.rules.mes.mes_rule import method_of_equal_shares_scheme  # noqa: E402
from pabutools.tiebreaking import lexico_tie_breaking  # noqa: E402

from pbcount.pabulib import parse_pb_text  # noqa: E402
from pbcount.rules import count  # noqa: E402

SAT_CLASS = {
    "cost": Cost_Sat,
    "card": Cardinality_Sat,
    "score": Additive_Cardinal_Sat,
    "borda": Additive_Borda_Sat,
}
RULES_BY_TYPE = {
    "approval": [
        "greedy-cost",
        "greedy-card",
        "mes-cost",
        "mes-card",
        "mes-cost+add1",
        "mes-card+add1",
        "mes-cost+add1-integral",
        "mes-cost+greedy",
        "mes-cost+add1+greedy",
        "phragmen",
    ],
    "cumulative": ["greedy-score", "mes-score", "mes-score+add1", "mes-score+greedy"],
    "ordinal": ["greedy-borda", "mes-borda", "mes-borda+greedy"],
}


def pb_text(kind: str, budget: int, costs: list[int], votes: list[list[tuple[int, int]]]) -> str:
    ids = [f"p{i}" if i % 3 else f"{i}" for i in range(len(costs))]  # mixes digits and letters
    lines = ["META", "key;value", "description;random", "country;Nowhere", "unit;Test"]
    lines += ["instance;1", f"num_projects;{len(costs)}", f"num_votes;{len(votes)}"]
    lines += [f"budget;{budget}", f"vote_type;{kind}", "rule;greedy"]
    lines += ["date_begin;2024", "date_end;2024", "PROJECTS", "project_id;cost"]
    lines += [f"{ids[i]};{c}" for i, c in enumerate(costs)]
    lines += ["VOTES", "voter_id;vote;points" if kind == "cumulative" else "voter_id;vote"]
    for v, ballot in enumerate(votes):
        names = ",".join(ids[p] for p, _ in ballot)
        if kind == "cumulative":
            lines.append(f"{v};{names};{','.join(str(x) for _, x in ballot)}")
        else:
            lines.append(f"{v};{names}")
    return "\n".join(lines) + "\n"


@st.composite
def elections(draw: Any, kind: str) -> str:
    n_proj = draw(st.integers(1, 6))
    costs = draw(
        st.lists(st.integers(0 if kind == "approval" else 1, 12), min_size=n_proj, max_size=n_proj)
    )
    budget = draw(st.integers(1, 30))
    n_votes = draw(st.integers(1, 7))
    votes = []
    for _ in range(n_votes):
        chosen = draw(
            st.lists(st.integers(0, n_proj - 1), min_size=1, max_size=n_proj, unique=True)
        )
        if kind == "approval":
            chosen.sort()
        points = draw(st.lists(st.integers(1, 3), min_size=len(chosen), max_size=len(chosen)))
        votes.append(list(zip(chosen, points, strict=True)))
    return pb_text(kind, budget, costs, votes)


def oracle(text: str, rule: str) -> list[str]:
    instance, profile = parse_pabulib_from_string(text)
    profile = profile.as_multiprofile()
    base, *extras = rule.split("+")
    if base == "phragmen":
        result = sequential_phragmen(instance, profile)
    elif base.startswith("greedy-"):
        result = greedy_utilitarian_welfare(instance, profile, sat_class=SAT_CLASS[base[7:]])
    else:
        sat = SAT_CLASS[base[4:]]
        if "add1-integral" in extras:
            n = profile.num_ballots()
            result = method_of_equal_shares_scheme(
                instance,
                profile,
                profile.as_sat_profile(sat),
                frac(
                    math.floor(
                        Fraction(
                            int(instance.budget_limit.numerator),
                            int(instance.budget_limit.denominator),
                        )
                        / n
                    )
                ),
                BudgetAllocation(),
                lexico_tie_breaking,
                voter_budget_increment=1,
                binary_sat=isinstance(profile, AbstractApprovalProfile),
            )
        else:
            result = method_of_equal_shares(
                instance,
                profile,
                sat_class=sat,
                voter_budget_increment=1 if "add1" in extras else None,
            )
        if "greedy" in extras:
            result = greedy_utilitarian_welfare(
                instance, profile, sat_class=sat, initial_budget_allocation=result
            )
    return sorted(p.name for p in result)


def check(text: str, kind: str) -> None:
    election = parse_pb_text(text)
    for rule in RULES_BY_TYPE[kind]:
        ours = count(election, rule)
        assert list(ours.selected_sorted) == oracle(text, rule), (rule, text)
        assert ours.total_cost <= election.budget or "add1" not in rule  # see invariants
        if "+" not in rule and rule != "phragmen":
            assert ours.total_cost <= election.budget


FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(elections("approval"))
def test_approval_rules_match_pabutools(text: str) -> None:
    check(text, "approval")


@FAST
@given(elections("cumulative"))
def test_cumulative_rules_match_pabutools(text: str) -> None:
    check(text, "cumulative")


@FAST
@given(elections("ordinal"))
def test_ordinal_rules_match_pabutools(text: str) -> None:
    check(text, "ordinal")
