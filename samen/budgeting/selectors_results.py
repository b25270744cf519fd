"""Reads for the results pages: published outcomes in words and numbers, turnout and funnel.

Stored explanations are message ids with parameters (amounts in cents), so every sentence is
translated and every amount formatted for the reader's language when the page is shown.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count as Counted
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pbcount.rules import parse_rule
from samen.budgeting.charts_results import BarChart, votes_chart
from samen.budgeting.models import BudgetResult, Channel, Count, CountStatus, Process
from samen.budgeting.money import format_money
from samen.budgeting.services_voting import AGE_BANDS
from samen.core.small_groups import count_shown


def published_count(*, process: Process) -> Count | None:
    return process.counts.filter(published_at__isnull=False).first()


def latest_count(*, process: Process) -> Count | None:
    return process.counts.select_related("requested_by").first()


def last_done_count(*, process: Process) -> Count | None:
    return process.counts.filter(status=CountStatus.DONE).first()


@dataclass
class BudgetView:
    """One budget's published outcome, ready for the template."""

    result: BudgetResult
    currency: str
    lines: list[Any]  # ProjectResult rows with their proposal
    chart: BarChart
    explanation: list[str]
    gained: list[str] = field(default_factory=list)  # funded by the rule, not by greedy
    lost: list[str] = field(default_factory=list)  # funded by greedy, not by the rule
    compared: bool = False
    easy_read: list[str] = field(default_factory=list)

    @property
    def budget(self) -> Any:
        return self.result.budget

    @property
    def funded(self) -> list[Any]:
        return [line for line in self.lines if line.selected]

    @property
    def unvoted(self) -> bool:
        """Projects nobody voted for stay out of the count (see counting.budget_election)."""
        return any(line.votes == 0 for line in self.lines)

    @property
    def left_minor(self) -> int:
        return self.result.budget.amount_minor - self.result.spent_minor

    @property
    def used_percent(self) -> int:
        return round(100 * self.result.spent_minor / self.result.budget.amount_minor)


def explanation_sentences(data: Sequence[dict[str, Any]], currency: str) -> list[str]:
    """pbcount's stored summary, translated, with amounts formatted for the locale."""
    sentences = []
    for message in data:
        params = {
            key: format_money(value["minor"], currency) if isinstance(value, dict) else value
            for key, value in message.get("params", {}).items()
        }
        sentences.append(_(message["msgid"]) % params)
    return sentences


def _comparison_rows(
    rows: Sequence[dict[str, Any]], titles: dict[int, str], currency: str, why: str, more: str
) -> list[str]:
    """A sentence per project: `why` with its title, votes and cost, then `more` with the
    amount in the row's extra field ("amount_minor"), when it is known."""
    out = []
    for row in rows:
        text = why % {
            "title": titles.get(row["proposal"], "?"),
            "votes": row["votes"],
            "cost": format_money(row["cost_minor"], currency),
        }
        if row.get("amount_minor") is not None:
            text += " " + more % {"amount": format_money(row["amount_minor"], currency)}
        out.append(text)
    return out


def comparison_sentences(
    comparison: dict[str, Any], titles: dict[int, str], currency: str
) -> tuple[list[str], list[str]]:
    """Why MES and greedy differ: what MES funds that greedy would not, and the reverse."""
    gained = _comparison_rows(
        comparison.get("only_rule", []),
        titles,
        currency,
        _(
            "“%(title)s” (%(votes)d votes, %(cost)s) is funded with equal shares, but greedy "
            "counting would not fund it. Its supporters had few other projects funded, so "
            "their shares together could pay for it."
        ),
        _(
            "Greedy counting spends on the projects with the most votes first, and would "
            "have had only %(amount)s left when it came to this one."
        ),
    )
    lost = _comparison_rows(
        comparison.get("only_greedy", []),
        titles,
        currency,
        _(
            "“%(title)s” (%(votes)d votes, %(cost)s) would be funded by greedy counting, but "
            "not with equal shares. Many of its supporters had already spent their share on "
            "other funded projects."
        ),
        _("Together they could have paid at most %(amount)s of its cost."),
    )
    return gained, lost


def _easy_read(view: BudgetView) -> list[str]:
    result, currency = view.result, view.currency
    funded = view.funded
    sentences = [
        ngettext(
            "%(count)d person voted for %(budget)s.",
            "%(count)d people voted for %(budget)s.",
            result.voters,
        )
        % {"count": result.voters, "budget": result.budget.name},
        ngettext("%(count)d project gets money.", "%(count)d projects get money.", len(funded))
        % {"count": len(funded)},
        _("The money for %(budget)s is %(amount)s. These projects cost %(spent)s together.")
        % {
            "budget": result.budget.name,
            "amount": format_money(result.budget.amount_minor, currency),
            "spent": format_money(result.spent_minor, currency),
        },
    ]
    return sentences


def count_results(*, count: Count) -> list[BudgetView]:
    """Every budget's outcome of a count, area-wide first, then district by district."""
    results = (
        count.budget_results.select_related("budget__district", "count__process")
        .prefetch_related("projects__proposal")
        .order_by("budget__district__name", "budget__name")
    )
    currency = count.process.currency
    is_mes = parse_rule(count.rule).base.startswith("mes-")
    views = []
    for result in results:
        lines = list(result.projects.all())
        titles = {line.proposal_id: line.proposal.title for line in lines}
        view = BudgetView(
            result=result,
            currency=currency,
            lines=lines,
            chart=votes_chart([(line.proposal.title, line.votes, line.selected) for line in lines]),
            explanation=explanation_sentences(result.explanation, currency),
            compared=is_mes and bool(result.comparison.get("greedy_rule")),
        )
        if view.compared:
            view.gained, view.lost = comparison_sentences(result.comparison, titles, currency)
        view.easy_read = _easy_read(view)
        views.append(view)
    return views


# --------------------------------------------------------------------------- for organisers


@dataclass(frozen=True)
class Group:
    label: str
    number: int

    @property
    def shown(self) -> str:
        """The number, or "fewer than 5" for a small group that could identify people."""
        return count_shown(self.number)


@dataclass(frozen=True)
class Turnout:
    voted: int
    by_channel: list[Group]
    by_age: list[Group]
    started: int
    submitted: int
    changed: int
    funnel: list[tuple[Group, Group]]  # per channel: started, submitted

    @property
    def changed_group(self) -> Group:
        return Group(_("Changed their vote at least once"), self.changed)

    @property
    def not_submitted(self) -> Group:
        return Group(_("Started but did not send"), self.started - self.submitted)


def turnout(*, process: Process) -> Turnout:
    """Who took part, by channel and age band, from the voter roll (never from ballots)."""
    roll = process.voter_roll.all()
    submitted = Q(submitted_at__isnull=False)
    channels = {
        row["channel"]: row
        for row in roll.values("channel")
        .annotate(started=Counted("id"), submitted=Counted("id", filter=submitted))
        .order_by()
    }
    ages = {
        row["age_band"]: row["n"]
        for row in roll.filter(submitted).values("age_band").annotate(n=Counted("id")).order_by()
    }
    bands = [f"{low}+" if high is None else f"{low}-{high}" for low, high in AGE_BANDS]
    by_age = [Group(band, ages.get(band, 0)) for band in bands]
    if ages.get(""):
        by_age.append(Group(_("Not known"), ages[""]))
    totals = roll.aggregate(
        started=Counted("id"),
        submitted=Counted("id", filter=submitted),
        changed=Counted("id", filter=Q(submission_count__gt=1)),
    )
    return Turnout(
        voted=totals["submitted"],
        by_channel=[
            Group(label, channels.get(value, {}).get("submitted", 0))
            for value, label in Channel.choices
        ],
        by_age=by_age,
        started=totals["started"],
        submitted=totals["submitted"],
        changed=totals["changed"],
        funnel=[
            (
                Group(label, channels.get(value, {}).get("started", 0)),
                Group(label, channels.get(value, {}).get("submitted", 0)),
            )
            for value, label in Channel.choices
        ],
    )
