"""Explanations of a counted outcome for residents: per project, per ballot, and in words.

Translation: every sentence is a `Message` holding an English message id with
%(name)s placeholders and its parameters, never a finished string. `Message.render(gettext)`
translates the id and then fills it in, so the web app passes Django's gettext and gets the
resident's language; the default is Python's `gettext.gettext`. The ids are marked with
`N_()` so that xgettext/makemessages (keyword N_) collect them into a catalogue.
"""

from __future__ import annotations

import gettext
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from pbcount.model import Election
from pbcount.rules import Outcome, parse_rule
from pbcount.rules._classes import Classes
from pbcount.rules._mesprep import prepare
from pbcount.rules._profile import Sat, build_profile
from pbcount.rules.mes import MESRunner
from pbcount.rules.tiebreak import TieBreak, make_order


def N_(message: str) -> str:
    """Mark a message id for extraction; translation happens when it is rendered."""
    return message


@dataclass(frozen=True, slots=True)
class Message:
    msgid: str
    params: Mapping[str, str | int]

    def render(self, translate: Callable[[str], str] = gettext.gettext) -> str:
        return translate(self.msgid) % dict(self.params)


@dataclass(frozen=True, slots=True)
class ProjectExplanation:
    id: str
    name: str
    cost: Fraction
    votes: int
    selected: bool
    position: int | None  # 1-based order of selection
    # MES only. Effective votes: the votes, discounted by what supporters had already
    # spent (equal to the votes while nobody has spent anything); for a selected project at
    # its purchase, otherwise the best it reached. `cost_to_win`: for a project MES did not
    # fund, the highest cost (rounded down to the cent) at which it would have been funded.
    effective_votes: float | None = None
    cost_to_win: Fraction | None = None


@dataclass(frozen=True, slots=True)
class BallotExplanation:
    projects: tuple[str, ...]
    voters: int  # how many voters cast this ballot
    funded: tuple[str, ...]  # the ballot's projects that were funded
    spent: Fraction | None  # MES only: what one such voter paid
    budget: Fraction | None  # MES only: one voter's share


@dataclass(frozen=True, slots=True)
class Explanation:
    outcome: Outcome
    projects: tuple[ProjectExplanation, ...]
    ballots: tuple[BallotExplanation, ...]
    summary: tuple[Message, ...]

    def summary_text(self, translate: Callable[[str], str] = gettext.gettext) -> str:
        return " ".join(m.render(translate) for m in self.summary)


def money(value: Fraction) -> str:
    """Amounts for people: two decimals, rounded down, without a trailing .00."""
    cents = math.floor(value * 100)
    whole, frac = divmod(cents, 100)
    return f"{whole:,}" if frac == 0 else f"{whole:,}.{frac:02d}"


def explain(
    election: Election, outcome: Outcome, *, tie_break: TieBreak = "lexicographic"
) -> Explanation:
    spec = parse_rule(outcome.rule)
    chosen = {pid: i + 1 for i, pid in enumerate(outcome.selected)}
    votes: dict[str, int] = {pid: 0 for pid in election.projects}
    for ballot in election.ballots:
        for pid in set(ballot.projects):
            votes[pid] += ballot.multiplicity
    mes_facts: dict[str, tuple[float | None, Fraction | None]] = {}
    if outcome.mes is not None and spec.sat is not None:
        mes_facts = _mes_facts(election, outcome, spec.sat, tie_break)
    projects = tuple(
        ProjectExplanation(
            id=pid,
            name=p.name,
            cost=p.cost,
            votes=votes[pid],
            selected=pid in chosen,
            position=chosen.get(pid),
            effective_votes=mes_facts.get(pid, (None, None))[0],
            cost_to_win=mes_facts.get(pid, (None, None))[1],
        )
        for pid, p in election.projects.items()
    )
    spent = outcome.mes.spent() if outcome.mes is not None else None
    share = outcome.per_voter_budget
    ballots = tuple(
        BallotExplanation(
            projects=b.projects,
            voters=b.multiplicity,
            funded=tuple(pid for pid in b.projects if pid in chosen),
            spent=spent[i] if spent is not None else None,
            budget=share,
        )
        for i, b in enumerate(election.ballots)
    )
    return Explanation(outcome, projects, ballots, _summary(election, outcome, ballots))


def _mes_facts(
    election: Election, outcome: Outcome, sat: Sat, tie_break: TieBreak
) -> dict[str, tuple[float | None, Fraction | None]]:
    """Re-run MES at the outcome's per-voter budget, watching every round."""
    assert outcome.per_voter_budget is not None
    profile = build_profile(election, sat)
    prep = prepare(profile)
    runner = MESRunner(prep, make_order(tie_break, profile))
    ids = profile.ids
    base_price = {p: float(prep.cost_f[p] / prep.total_sat_f[p]) for p in prep.candidates}
    best_eff: dict[int, float] = {}
    best_cost: dict[int, float] = {}

    def observe(cl: Classes, winner: int | None, price: float, others: list[int]) -> None:
        live = cl.live
        values = cl.vf[live]
        for p in others:
            cols = prep.project_cols[p]
            w = cl.weights[np.ix_(cols, live)]
            pay = np.minimum(values[None, :], prep.col_u_f[cols][:, None] * price)
            best_cost[p] = max(best_cost.get(p, 0.0), float((w * pay).sum()))
        if winner is not None:
            best_eff[winner] = base_price[winner] / price

    runner.run(outcome.per_voter_budget, observe=observe)
    facts: dict[str, tuple[float | None, Fraction | None]] = {}
    for p in prep.candidates:
        votes = int(profile.votes[p])
        if p in best_eff:
            facts[ids[p]] = (votes * best_eff[p], None)
        elif ids[p] not in outcome.selected:
            cost = best_cost.get(p, 0.0)
            eff = votes * cost / float(prep.cost_f[p])
            facts[ids[p]] = (min(eff, float(votes)), Fraction(math.floor(cost * 100), 100))
    return facts


def _summary(
    election: Election, outcome: Outcome, ballots: tuple[BallotExplanation, ...]
) -> tuple[Message, ...]:
    out = [
        Message(
            N_(
                "%(count)d of %(total)d projects are funded, costing %(spent)s of the "
                "%(budget)s budget."
            ),
            {
                "count": len(outcome.selected),
                "total": len(election.projects),
                "spent": money(outcome.total_cost),
                "budget": money(outcome.budget),
            },
        )
    ]
    spec = parse_rule(outcome.rule)
    if spec.base.startswith("mes-") and outcome.per_voter_budget is not None:
        out.append(
            Message(
                N_(
                    "Every voter got an equal share of %(share)s to spend on the projects "
                    "they voted for. A project is funded when its supporters can pay for "
                    "it together, cheapest per supporter first."
                ),
                {"share": money(outcome.per_voter_budget)},
            )
        )
        if spec.add1 is not None:
            start = outcome.budget / max(election.num_voters, 1)
            out.append(
                Message(
                    N_(
                        "The share was raised step by step from %(start)s, to spend as "
                        "much of the budget as possible without going over it."
                    ),
                    {"start": money(start)},
                )
            )
        if spec.greedy:
            out.append(
                Message(
                    N_("Money left over then went to the most popular projects that still fit."),
                    {},
                )
            )
    elif spec.base == "phragmen":
        out.append(
            Message(
                N_(
                    "Projects are funded one by one, spreading the cost over supporters "
                    "as evenly as possible."
                ),
                {},
            )
        )
    else:
        out.append(
            Message(
                N_(
                    "Projects are funded from the most supported down, skipping any that "
                    "no longer fit."
                ),
                {},
            )
        )
    voters = election.num_voters
    happy = sum(b.voters for b in ballots if b.funded)
    if voters:
        out.append(
            Message(
                N_(
                    "%(happy)d of %(voters)d voters (%(percent)d%%) see at least one of "
                    "their projects funded."
                ),
                {"happy": happy, "voters": voters, "percent": round(100 * happy / voters)},
            )
        )
    left = outcome.budget - outcome.total_cost
    if left > 0:
        out.append(Message(N_("%(left)s of the budget is not spent."), {"left": money(left)}))
    for tie in outcome.unresolved_ties:
        out.append(
            Message(
                N_(
                    "Projects %(projects)s were tied and the chosen tie-break could not "
                    "separate them; %(chosen)s was taken by comparing project ids."
                ),
                {"projects": ", ".join(tie.candidates), "chosen": tie.chosen},
            )
        )
    return tuple(out)
