"""The ballot's sentences: each design's rule in words, and the running totals voters read."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.budgeting.models import BallotKind, Budget
from samen.budgeting.money import format_money


def rule_in_words(budget: Budget, currency: str) -> str:
    """The ballot design as one or two plain sentences, shown in the budget's legend area."""
    low, high, kind = budget.min_choices, budget.max_choices, budget.ballot_kind
    if kind == BallotKind.EXACTLY:
        return ngettext(
            "Choose exactly %(count)d project.", "Choose exactly %(count)d projects.", high or 0
        ) % {"count": high}
    if kind == BallotKind.KNAPSACK:
        text = _("Spend up to %(amount)s. Choose the projects you want until the money runs out.")
        text %= {"amount": format_money(budget.amount_minor, currency)}
        return " ".join([text, *_count_limits(low, high)])
    if kind == BallotKind.CUMULATIVE:
        text = ngettext(
            "Share out %(points)d point between the projects.",
            "Share out %(points)d points between the projects.",
            budget.points_total or 0,
        ) % {"points": budget.points_total}
        parts = [text]
        if budget.max_points_per_project:
            parts.append(
                ngettext(
                    "Give at most %(cap)d point to one project.",
                    "Give at most %(cap)d points to one project.",
                    budget.max_points_per_project,
                )
                % {"cap": budget.max_points_per_project}
            )
        if low:
            parts.append(
                ngettext(
                    "Give points to at least %(count)d project.",
                    "Give points to at least %(count)d projects.",
                    low,
                )
                % {"count": low}
            )
        return " ".join(parts)
    if kind == BallotKind.RANKED:
        text = _("Put projects in order: place 1 is the one you want most.")
        return " ".join([text, *_count_limits(low, high, ranked=True)])
    if kind == BallotKind.UP_TO and not low:
        return ngettext(
            "Choose up to %(count)d project.", "Choose up to %(count)d projects.", high or 0
        ) % {"count": high}
    return " ".join([_("Choose the projects you support."), *_count_limits(low, high)])


def _count_limits(low: int, high: int | None, *, ranked: bool = False) -> list[str]:
    if low and high is not None and low == high:
        return [
            ngettext(
                "Give places to exactly %(count)d project.",
                "Give places to exactly %(count)d projects.",
                low,
            )
            % {"count": low}
            if ranked
            else ngettext(
                "Choose exactly %(count)d project.", "Choose exactly %(count)d projects.", low
            )
            % {"count": low}
        ]
    limits = []
    if low:
        limits.append(
            ngettext(
                "Choose at least %(count)d project.", "Choose at least %(count)d projects.", low
            )
            % {"count": low}
        )
    if high is not None:
        limits.append(
            ngettext(
                "Choose at most %(count)d project.", "Choose at most %(count)d projects.", high
            )
            % {"count": high}
        )
    return limits


def place_range(budget: Budget, n_projects: int) -> range:
    """The places a ranked ballot offers: 1 up to the most projects to rank."""
    most = n_projects if budget.max_choices is None else min(budget.max_choices, n_projects)
    return range(1, most + 1)


def spent_sentence(spent: int, amount: int, currency: str) -> str:
    if spent > amount:
        return _("You have chosen %(spent)s. That is %(over)s more than the %(amount)s.") % {
            "spent": format_money(spent, currency),
            "over": format_money(spent - amount, currency),
            "amount": format_money(amount, currency),
        }
    return _("You have chosen %(spent)s of %(amount)s. %(left)s is left.") % {
        "spent": format_money(spent, currency),
        "amount": format_money(amount, currency),
        "left": format_money(amount - spent, currency),
    }


def points_sentence(given: int, total: int) -> str:
    return _("You have given %(given)d of %(total)d points. %(left)d left.") % {
        "given": given,
        "total": total,
        "left": max(total - given, 0),
    }


def chosen_sentence(chosen: int) -> str:
    return ngettext(
        "You have chosen %(count)d project.", "You have chosen %(count)d projects.", chosen
    ) % {"count": chosen}
