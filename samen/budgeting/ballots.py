"""What a ballot may hold: the projects of each budget a voter sees, and the ballot-design rules.

Choices travel as `{budget_id: {proposal_id: value}}`, where value is 1 for the count-based
designs and knapsack, the points for a cumulative ballot and the rank (1 = first) for a
ranked one. The same shape is kept in a voter's draft (as JSON, with string keys) and given
to `services_voting.ballot_submit`, whatever the channel.
"""

import random
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.budgeting.models import BallotKind, Budget, District, Process, Proposal, ProposalStatus
from samen.budgeting.money import format_money

Choices = dict[int, dict[int, int]]


def ballot_budgets(*, process: Process, district: District | None) -> list[Budget]:
    """The budgets on a voter's ballot: the area-wide one and their own district's."""
    condition = Q(district__isnull=True)
    if district is not None:
        condition |= Q(district=district)
    return list(process.budgets.filter(condition).select_related("district"))


def budget_projects(*, budget: Budget) -> QuerySet[Proposal]:
    """The shortlisted projects of a budget: same district (none for area-wide), not hidden."""
    return Proposal.objects.filter(
        process_id=budget.process_id,
        district_id=budget.district_id,
        status=ProposalStatus.SHORTLISTED,
        is_hidden=False,
    ).order_by("id")


def ballot_projects(*, process: Process, budgets: list[Budget]) -> QuerySet[Proposal]:
    """The shortlisted projects of all these budgets at once (see `budget_projects`)."""
    condition = Q(district_id__in=[b.district_id for b in budgets if b.district_id is not None])
    if any(budget.district_id is None for budget in budgets):
        condition |= Q(district__isnull=True)
    return Proposal.objects.filter(
        condition, process_id=process.pk, status=ProposalStatus.SHORTLISTED, is_hidden=False
    ).order_by("id")


def ballot_costs(*, process: Process, budgets: list[Budget]) -> dict[int, dict[int, int]]:
    """Each budget's shortlisted projects and their costs, `{budget_id: {proposal_id: cost}}`,
    in one query: casting a vote reads this on every submission."""
    by_district: dict[int | None, list[int]] = {}
    for budget in budgets:
        by_district.setdefault(budget.district_id, []).append(budget.pk)
    costs: dict[int, dict[int, int]] = {budget.pk: {} for budget in budgets}
    rows = (
        ballot_projects(process=process, budgets=budgets)
        .order_by()
        .values_list("pk", "district_id", "adjusted_cost_minor", "estimated_cost_minor")
    )
    for proposal_id, district_id, adjusted, estimated in rows:
        for budget_id in by_district.get(district_id, ()):
            costs[budget_id][proposal_id] = adjusted or estimated  # as Proposal.cost_minor
    return costs


def projects_in_voter_order(*, budget: Budget, seed: int) -> list[Proposal]:
    """The voter's own random order: the same seed gives the same order on every visit."""
    projects = list(budget_projects(budget=budget))
    random.Random(f"{seed}:{budget.pk}").shuffle(projects)
    return projects


def choices_from_json(data: Mapping[str, Any]) -> Choices:
    """A draft's JSON (string keys) back to choices; anything malformed is dropped."""
    choices: Choices = {}
    for budget_key, picks in data.items():
        if not str(budget_key).isdigit() or not isinstance(picks, Mapping):
            continue
        clean = {
            int(k): int(v)
            for k, v in picks.items()
            if str(k).isdigit() and isinstance(v, int) and not isinstance(v, bool) and v > 0
        }
        choices[int(budget_key)] = clean
    return choices


def choices_to_json(choices: Choices) -> dict[str, dict[str, int]]:
    return {str(b): {str(p): v for p, v in picks.items()} for b, picks in choices.items()}


def _count_errors(budget: Budget, n: int) -> list[str]:
    low, high = budget.min_choices, budget.max_choices
    if budget.ballot_kind == BallotKind.EXACTLY and n != high:
        return [
            ngettext(
                "Choose exactly %(count)d project for %(budget)s; you chose %(chosen)d.",
                "Choose exactly %(count)d projects for %(budget)s; you chose %(chosen)d.",
                high or 0,
            )
            % {"count": high, "budget": budget.name, "chosen": n}
        ]
    if n < low:
        return [
            ngettext(
                "Choose at least %(count)d project for %(budget)s.",
                "Choose at least %(count)d projects for %(budget)s.",
                low,
            )
            % {"count": low, "budget": budget.name}
        ]
    if high is not None and n > high:
        return [
            ngettext(
                "Choose at most %(count)d project for %(budget)s; you chose %(chosen)d.",
                "Choose at most %(count)d projects for %(budget)s; you chose %(chosen)d.",
                high,
            )
            % {"count": high, "budget": budget.name, "chosen": n}
        ]
    return []


def _cumulative_errors(budget: Budget, picks: dict[int, int]) -> list[str]:
    errors = []
    total = sum(picks.values())
    if budget.points_total is not None and total > budget.points_total:
        errors.append(
            _("You gave %(given)d points for %(budget)s; you have %(total)d to share out.")
            % {"given": total, "budget": budget.name, "total": budget.points_total}
        )
    cap = budget.max_points_per_project
    if cap is not None and any(v > cap for v in picks.values()):
        errors.append(
            _("Give at most %(cap)d points to one project in %(budget)s.")
            % {"cap": cap, "budget": budget.name}
        )
    return errors


def _ranked_errors(budget: Budget, picks: dict[int, int]) -> list[str]:
    ranks = sorted(picks.values())
    if ranks != list(range(1, len(ranks) + 1)):
        return [
            _("In %(budget)s, give each chosen project its own place: 1, 2, 3 and so on.")
            % {"budget": budget.name}
        ]
    return []


def _knapsack_errors(budget: Budget, picks: dict[int, int], costs: dict[int, int]) -> list[str]:
    spent = sum(costs[p] for p in picks)
    if spent > budget.amount_minor:
        currency = budget.process.currency
        return [
            _("Your choices for %(budget)s cost %(spent)s, more than the %(amount)s to spend.")
            % {
                "budget": budget.name,
                "spent": format_money(spent, currency),
                "amount": format_money(budget.amount_minor, currency),
            }
        ]
    return []


def budget_choice_errors(
    *, budget: Budget, picks: dict[int, int], costs: dict[int, int]
) -> list[str]:
    """Everything wrong with one budget's picks, as sentences a voter can act on."""
    if any(p not in costs for p in picks):
        return [
            _("A project you chose for %(budget)s is not on the ballot.") % {"budget": budget.name}
        ]
    kind = budget.ballot_kind
    if (
        kind != BallotKind.CUMULATIVE
        and kind != BallotKind.RANKED
        and any(v != 1 for v in picks.values())
    ):
        return [_("Mark each project in %(budget)s once.") % {"budget": budget.name}]
    errors = _count_errors(budget, len(picks))
    if kind == BallotKind.CUMULATIVE:
        errors += _cumulative_errors(budget, picks)
    elif kind == BallotKind.RANKED:
        errors += _ranked_errors(budget, picks)
    elif kind == BallotKind.KNAPSACK:
        errors += _knapsack_errors(budget, picks, costs)
    return errors


def choices_validate(
    *, process: Process, district: District | None, choices: Choices
) -> dict[int, Budget]:
    """Raise ValidationError keyed by "budget_<id>" naming every problem; else return the
    voter's budgets by id."""
    budgets = {b.pk: b for b in ballot_budgets(process=process, district=district)}
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(choices) - set(budgets))
    if unknown:
        errors["__all__"] = [_("Your ballot names a budget you cannot vote in.")]
    costs = ballot_costs(process=process, budgets=list(budgets.values()))
    for budget in budgets.values():
        problems = budget_choice_errors(
            budget=budget, picks=choices.get(budget.pk, {}), costs=costs[budget.pk]
        )
        if problems:
            errors[f"budget_{budget.pk}"] = problems
    if not errors and not any(choices.get(pk) for pk in budgets):
        errors["__all__"] = [_("Choose at least one project before you send your vote.")]
    if errors:
        raise ValidationError(errors, code="invalid_ballot")
    return budgets
