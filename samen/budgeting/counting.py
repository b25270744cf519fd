"""From ORM rows to pbcount: one Election per budget, the anonymised .pb file, and comparisons.

The engine never imports Django, so this module turns ballots into `pbcount.Election`s and
turns pbcount's outcome and explanation into plain data the results pages store and show.
Amounts are whole currency units in pbcount (cents would make Add1 raise the per-voter budget
one cent at a time) and exact fractions, so no rule ever rounds money.
"""

import hashlib
import math
import random
from collections import defaultdict
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_noop

from pbcount import Ballot as PbBallot
from pbcount import BallotType, Election, Outcome, Project, format_pb
from pbcount.explain import Explanation
from samen.budgeting import ballots, selectors
from samen.budgeting.models import BallotChoice, BallotKind, Budget, PhaseKind, Proposal
from samen.budgeting.money import MINOR_PER_MAJOR

# The greedy rule an MES count is compared with, for approval-like ballots.
GREEDY_RULE = "greedy-cost"
POINTS_KINDS = {BallotKind.CUMULATIVE: "score", BallotKind.RANKED: "borda"}
BALLOT_TYPES = {BallotKind.CUMULATIVE: BallotType.CUMULATIVE, BallotKind.RANKED: BallotType.ORDINAL}
# Explanation parameters that are amounts: stored in cents, shown in the reader's locale.
MONEY_PARAMS = frozenset({"spent", "budget", "share", "start", "left"})
# pbcount's explanation sentences (pbcount/explain.py marks them with N_), listed here so that
# makemessages puts them in budgeting's catalogue; a test checks the two lists agree.
EXPLANATION_MSGIDS = (
    gettext_noop(
        "%(count)d of %(total)d projects are funded, costing %(spent)s of the %(budget)s budget."
    ),
    gettext_noop(
        "Every voter got an equal share of %(share)s to spend on the projects they voted for. "
        "A project is funded when its supporters can pay for it together, cheapest per "
        "supporter first."
    ),
    gettext_noop(
        "The share was raised step by step from %(start)s, to spend as much of the budget as "
        "possible without going over it."
    ),
    gettext_noop("Money left over then went to the most popular projects that still fit."),
    gettext_noop(
        "Projects are funded one by one, spreading the cost over supporters as evenly as possible."
    ),
    gettext_noop(
        "Projects are funded from the most supported down, skipping any that no longer fit."
    ),
    gettext_noop(
        "%(happy)d of %(voters)d voters (%(percent)d%%) see at least one of their projects funded."
    ),
    gettext_noop("%(left)s of the budget is not spent."),
    gettext_noop(
        "Projects %(projects)s were tied and the chosen tie-break could not separate them; "
        "%(chosen)s was taken by comparing project ids."
    ),
)


def budget_rule(rule: str, kind: str) -> str:
    """The process's rule as it applies to one budget's ballot design.

    Points and rankings carry more than "this voter wants it": a cumulative budget is counted
    with the points as satisfaction (`mes-cost+add1` becomes `mes-score+add1`) and a ranked
    one with Borda points, as pbcount's `applicable_rules` recommends. Approval-like designs
    (exactly, up to, approval, knapsack) use the rule as chosen.
    """
    sat = POINTS_KINDS.get(kind)
    if sat is None or rule.startswith("phragmen"):
        return rule
    base, *completions = rule.split("+")
    family = base.split("-", 1)[0]
    return "+".join([f"{family}-{sat}", *completions])


def to_units(minor: int) -> Fraction:
    return Fraction(minor, MINOR_PER_MAJOR)


def to_minor(amount: Fraction) -> int:
    """Whole cents, rounded down, as pbcount's explanations round money."""
    return math.floor(amount * MINOR_PER_MAJOR)


@dataclass(frozen=True)
class BudgetElection:
    budget: Budget
    rule: str
    election: Election
    proposals: dict[str, Proposal]  # by pbcount project id (the proposal's primary key)
    votes: dict[str, int]
    points: dict[str, int]


def _ballot_projects(kind: str, picks: list[tuple[int, int, int | None]]) -> PbBallot:
    """One voter's picks for a budget as a pbcount ballot (ranked: best first)."""
    if kind == BallotKind.CUMULATIVE:
        return PbBallot(
            tuple(str(p) for p, _, _ in picks), tuple(Fraction(points) for _, points, _ in picks)
        )
    if kind == BallotKind.RANKED:
        ordered = sorted(picks, key=lambda pick: (pick[2] or 0, pick[0]))
        return PbBallot(tuple(str(p) for p, _, _ in ordered))
    return PbBallot(tuple(str(p) for p, _, _ in picks))


def _meta(budget: Budget, rule: str, voters: int, projects: int) -> dict[str, str]:
    """Pabulib META: what the budget was, how it was voted on and which rule counted it."""
    process = budget.process
    voting = next(
        (p for p in selectors.process_phases(process=process) if p.kind == PhaseKind.VOTING), None
    )
    meta = {
        "description": f"{process.title}: {budget.name}",
        "num_projects": str(projects),
        "num_votes": str(voters),
        "budget": "",
        "vote_type": "",
        "rule": rule,
        "currency": process.currency,
    }
    if budget.district is not None:
        meta["district"] = budget.district.name
    if voting is not None:
        meta["date_begin"] = timezone.localtime(voting.starts_at).strftime("%d.%m.%Y")
        if voting.ends_at is not None:
            meta["date_end"] = timezone.localtime(voting.ends_at).strftime("%d.%m.%Y")
    if budget.min_choices:
        meta["min_length"] = str(budget.min_choices)
    if budget.max_choices is not None:
        meta["max_length"] = str(budget.max_choices)
    if budget.ballot_kind == BallotKind.KNAPSACK:
        meta["max_sum_cost"] = str(to_units(budget.amount_minor))
    if budget.ballot_kind == BallotKind.CUMULATIVE:
        meta["max_sum_points"] = str(budget.points_total)
        if budget.max_points_per_project is not None:
            meta["max_points"] = str(budget.max_points_per_project)
    return meta


def budget_election(*, budget: Budget, rule: str, rng: random.Random) -> BudgetElection:
    """The budget's ballots as an Election whose voters are numbered 1..n in a random order.

    Only ballots that mark at least one of the budget's projects take part. Voter numbers
    say nothing about who voted or when: the order is shuffled, and database ids never
    appear.
    """
    kind = budget.ballot_kind
    rule = budget_rule(rule, kind)
    on_ballot = {p.pk: p for p in ballots.budget_projects(budget=budget)}
    rows = BallotChoice.objects.filter(budget=budget).values_list(
        "ballot_id", "proposal_id", "points", "rank"
    )
    per_ballot: dict[int, list[tuple[int, int, int | None]]] = defaultdict(list)
    for ballot_id, proposal_id, points, rank in rows:
        per_ballot[ballot_id].append((proposal_id, points, rank))
    missing = {p for picks in per_ballot.values() for p, _, _ in picks} - set(on_ballot)
    if missing:  # a project left the shortlist after voting: its votes still count
        on_ballot.update({p.pk: p for p in Proposal.objects.filter(pk__in=missing)})
    proposals = {str(pk): on_ballot[pk] for pk in sorted(on_ballot)}
    ballot_ids = sorted(per_ballot)
    rng.shuffle(ballot_ids)
    voters = [
        (str(number), _ballot_projects(kind, per_ballot[ballot_id]))
        for number, ballot_id in enumerate(ballot_ids, start=1)
    ]
    votes = dict.fromkeys(proposals, 0)
    points = dict.fromkeys(proposals, 0)
    for ballot_id in ballot_ids:
        for proposal_id, given, _ in per_ballot[ballot_id]:
            votes[str(proposal_id)] += 1
            points[str(proposal_id)] += given if kind == BallotKind.CUMULATIVE else 0
    # Projects nobody voted for stay out of the count: greedy rules (pbcount follows
    # pabutools here) would otherwise fund them with money left over.
    election = Election.create(
        budget=to_units(budget.amount_minor),
        projects=[
            Project(
                id=pid,
                cost=to_units(p.cost_minor),
                name=" ".join(p.title.split()),
                categories=(p.category,) if p.category else (),
            )
            for pid, p in proposals.items()
            if votes[pid]
        ],
        ballot_type=BALLOT_TYPES.get(kind, BallotType.APPROVAL),
        voters=voters,
        meta=_meta(budget, rule, len(voters), sum(1 for n in votes.values() if n)),
    )
    return BudgetElection(budget, rule, election, proposals, votes, points)


def pb_file(item: BudgetElection, outcome: Outcome) -> tuple[str, str]:
    """The .pb text with the outcome in PROJECTS' `selected` column, and its SHA-256."""
    chosen = set(outcome.selected)
    projects = {
        pid: replace(
            project,
            extra=(("votes", str(item.votes[pid])), ("selected", "1" if pid in chosen else "0")),
        )
        for pid, project in item.election.projects.items()
    }
    text = format_pb(replace(item.election, projects=projects))
    return text, hashlib.sha256(text.encode("utf-8")).hexdigest()


def explanation_data(explanation: Explanation) -> list[dict[str, Any]]:
    """pbcount's summary as JSON: message ids and parameters, amounts as cents."""
    out = []
    for message in explanation.summary:
        params: dict[str, Any] = {}
        for key, value in message.params.items():
            if key in MONEY_PARAMS and isinstance(value, str):
                params[key] = {"minor": to_minor(Fraction(value.replace(",", "")))}
            else:
                params[key] = value
        out.append({"msgid": message.msgid, "params": params})
    return out


def _greedy_left(item: BudgetElection, greedy: Outcome, pid: str) -> int | None:
    """Money greedy-cost had left when it reached `pid` (most votes first, ties by id)."""
    if item.election.ballot_type != BallotType.APPROVAL:
        return None
    key = (-item.votes[pid], pid)
    before = [q for q in greedy.selected if (-item.votes[q], q) < key]
    spent = sum((item.election.projects[q].cost for q in before), Fraction(0))
    return to_minor(item.election.budget - spent)


def comparison_data(
    item: BudgetElection, outcome: Outcome, greedy: Outcome, greedy_rule: str, reach: dict
) -> dict[str, Any]:
    """What the rule funds that greedy would not, and the reverse, with the numbers that say
    why. `amount_minor` is, for a project only the rule funds, the money greedy had left when
    it reached it; for one only greedy funds, the most its supporters could have paid under
    MES (`reach`, from pbcount's explanation)."""
    projects = item.election.projects
    only_rule = [pid for pid in outcome.selected if pid not in greedy.selected]
    only_greedy = [pid for pid in greedy.selected if pid not in outcome.selected]
    return {
        "rule": item.rule,
        "greedy_rule": greedy_rule,
        "greedy_spent_minor": to_minor(greedy.total_cost),
        "only_rule": [
            {
                "proposal": int(pid),
                "votes": item.votes[pid],
                "cost_minor": to_minor(projects[pid].cost),
                "amount_minor": _greedy_left(item, greedy, pid),
            }
            for pid in only_rule
        ],
        "only_greedy": [
            {
                "proposal": int(pid),
                "votes": item.votes[pid],
                "cost_minor": to_minor(projects[pid].cost),
                "amount_minor": to_minor(reach[pid]) if reach.get(pid) is not None else None,
            }
            for pid in only_greedy
        ],
    }
