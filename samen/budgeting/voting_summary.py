"""Reads for the voting pages: the voting phase, and a voter's choices as readable answers."""

from dataclasses import dataclass, field

from samen.budgeting import ballots
from samen.budgeting.models import BallotKind, Budget, District, Phase, PhaseKind, Process, Proposal


def voting_phase(process: Process) -> Phase | None:
    """The process's voting phase (switched on), for its dates; uses a prefetch if present."""
    return next((p for p in process.phases.all() if p.kind == PhaseKind.VOTING and p.enabled), None)


@dataclass
class BudgetAnswers:
    """One budget on the check-your-answers and receipt pages."""

    budget: Budget
    picks: list[tuple[Proposal, int]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"budget_{self.budget.pk}"

    @property
    def kind(self) -> str:
        return self.budget.ballot_kind

    @property
    def total_cost_minor(self) -> int:
        return sum(proposal.cost_minor for proposal, _value in self.picks)

    @property
    def points(self) -> int:
        return sum(value for _proposal, value in self.picks)


def answers_for(
    *, process: Process, district: District | None, choices: ballots.Choices
) -> list[BudgetAnswers]:
    """Every budget on the voter's ballot with what they chose: ranked in place order, points
    and plain choices by title."""
    answers = []
    budgets = ballots.ballot_budgets(process=process, district=district)
    chosen = [pk for picks in choices.values() for pk in picks]
    # One query for every budget's chosen projects; a project counts only on its own budget.
    proposals = {
        (proposal.district_id, proposal.pk): proposal
        for proposal in ballots.ballot_projects(process=process, budgets=budgets).filter(
            pk__in=chosen
        )
    }
    for budget in sorted(budgets, key=lambda budget: budget.district_id is None):
        picks = choices.get(budget.pk, {})
        rows = [
            (proposals[budget.district_id, pk], value)
            for pk, value in picks.items()
            if (budget.district_id, pk) in proposals
        ]
        if budget.ballot_kind == BallotKind.RANKED:
            rows.sort(key=lambda row: row[1])
        else:
            rows.sort(key=lambda row: row[0].title)
        answers.append(BudgetAnswers(budget=budget, picks=rows))
    return answers
