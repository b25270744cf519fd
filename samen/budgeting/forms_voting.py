"""The ballot as a form, for every ballot design and every channel (online, code, paper, assisted).

`BallotForm` builds one section per budget on the voter's ballot (`ballots.ballot_budgets`),
with the projects in the voter's own order (`ballots.projects_in_voter_order`). It parses a
POST into the choices shape `{budget_id: {proposal_id: value}}` and reports
`ballots.choices_validate` errors on the budget they belong to. Render it with
`{% include "budgeting/_ballot_errors.html" %}` and `{% include "budgeting/_ballot_fields.html" %}`.

Inputs, so the page works without JavaScript and without dragging (WCAG 2.5.7):
- exactly, up to, approval and knapsack: check boxes named `budget_<budget id>`;
- cumulative: a number box per project, `points_<budget id>_<project id>`;
- ranked: a list of places per project, `rank_<budget id>_<project id>`.
A knapsack or cumulative ballot also recomputes its totals on the server when the voter presses
"Update total" (`action=update`); budgeting/ballot.js does the same live where scripts run.
"""

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from samen.budgeting import ballots
from samen.budgeting.ballot_texts import (
    chosen_sentence,
    place_range,
    points_sentence,
    rule_in_words,
    spent_sentence,
)
from samen.budgeting.models import BallotKind, Budget, District, Process, Proposal
from samen.core.forms import SamenForm
from samen.inclusion.assisted import VoteDeclarationMixin

CHECKBOX_KINDS = frozenset(
    {BallotKind.EXACTLY, BallotKind.UP_TO, BallotKind.APPROVAL, BallotKind.KNAPSACK}
)
MAX_POINTS = 1000  # far above any points ballot; keeps a typed number in range


@dataclass
class ProjectRow:
    """One project on the ballot, as the template shows it."""

    proposal: Proposal
    input_id: str
    input_name: str
    selected: bool = False
    value: int | None = None
    fits: bool = True
    errors: list[str] = field(default_factory=list)


@dataclass
class BudgetSection:
    """One budget on the ballot: its rule in words, its projects, totals and errors."""

    budget: Budget
    currency: str
    rule: str
    projects: list[ProjectRow]
    errors: list[str] = field(default_factory=list)
    chosen: int = 0
    spent_minor: int = 0
    points_given: int = 0

    @property
    def kind(self) -> str:
        return self.budget.ballot_kind

    @property
    def anchor(self) -> str:
        return f"budget_{self.budget.pk}"

    @property
    def first_input_id(self) -> str:
        return self.projects[0].input_id if self.projects else self.anchor

    @property
    def uses_checkboxes(self) -> bool:
        return self.kind in CHECKBOX_KINDS

    @property
    def left_minor(self) -> int:
        return max(self.budget.amount_minor - self.spent_minor, 0)

    @property
    def over_budget(self) -> bool:
        return self.spent_minor > self.budget.amount_minor

    @property
    def points_left(self) -> int:
        return max((self.budget.points_total or 0) - self.points_given, 0)

    @property
    def places(self) -> range:
        return place_range(self.budget, len(self.projects))

    def status_text(self) -> str:
        """The running total, read out politely by screen readers as it changes."""
        if self.kind == BallotKind.KNAPSACK:
            return spent_sentence(self.spent_minor, self.budget.amount_minor, self.currency)
        if self.kind == BallotKind.CUMULATIVE:
            return points_sentence(self.points_given, self.budget.points_total or 0)
        return chosen_sentence(self.chosen)

    def script_texts(self) -> dict[str, str]:
        """Sentence patterns for budgeting/ballot.js, translated here: {n} marks a number."""
        if self.kind == BallotKind.KNAPSACK:
            return {
                "money": _("%(currency)s %(amount)s")
                % {"currency": self.currency, "amount": "{n}"},
                "under": _("You have chosen %(spent)s of %(amount)s. %(left)s is left.")
                % {"spent": "{spent}", "amount": "{amount}", "left": "{left}"},
                "over": _("You have chosen %(spent)s. That is %(over)s more than the %(amount)s.")
                % {"spent": "{spent}", "over": "{over}", "amount": "{amount}"},
            }
        if self.kind == BallotKind.CUMULATIVE:
            return {
                "under": _("You have given %(given)d of %(total)d points. %(left)d left.")
                .replace("%(given)d", "{given}")
                .replace("%(total)d", "{total}")
                .replace("%(left)d", "{left}")
            }
        return {
            "one": chosen_sentence(1).replace("1", "{n}", 1),
            "other": chosen_sentence(2).replace("2", "{n}", 1),
        }


class BallotForm(VoteDeclarationMixin, SamenForm):
    """A voter's whole ballot. `initial_choices` (a draft or the last vote) fill an unbound form.

    `assisted=True` adds the Digicoach's declaration check box (see `samen.inclusion.assisted`);
    use it on the step where the vote is cast, not on the ballot itself.
    """

    def __init__(
        self,
        data: Any = None,
        *,
        process: Process,
        district: District | None,
        seed: int,
        initial_choices: ballots.Choices | None = None,
        assisted: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(data, assisted=assisted, auto_id="%s", **kwargs)
        self.process = process
        self.district = district
        self.initial_choices = initial_choices or {}
        self.budget_errors: dict[int, list[str]] = {}
        # The voter's own district first, then the area-wide budget, on every database.
        self.budgets = sorted(
            ballots.ballot_budgets(process=process, district=district),
            key=lambda budget: budget.district_id is None,
        )
        self.projects = {
            b.pk: ballots.projects_in_voter_order(budget=b, seed=seed) for b in self.budgets
        }
        for budget in self.budgets:
            self._add_fields(budget)

    def _add_fields(self, budget: Budget) -> None:
        projects = self.projects[budget.pk]
        if budget.ballot_kind in CHECKBOX_KINDS:
            self.fields[f"budget_{budget.pk}"] = forms.TypedMultipleChoiceField(
                label=budget.name,
                choices=[(str(p.pk), p.title) for p in projects],
                coerce=int,
                required=False,
                error_messages={
                    "invalid_choice": _("A project you chose for %(budget)s is not on the ballot.")
                    % {"budget": budget.name}
                },
            )
            return
        for proposal in projects:
            name = self._input_name(budget, proposal)
            if budget.ballot_kind == BallotKind.CUMULATIVE:
                most = budget.max_points_per_project or budget.points_total or MAX_POINTS
                self.fields[name] = forms.IntegerField(
                    label=_("Points for %(project)s") % {"project": proposal.title},
                    required=False,
                    min_value=0,
                    max_value=most,
                    error_messages={
                        "invalid": _("Enter the points as a whole number, for example 3."),
                        "min_value": _("Points cannot be below 0."),
                        "max_value": _("Give at most %(cap)d points to one project.")
                        % {"cap": most},
                    },
                )
            else:
                places = place_range(budget, len(projects))
                self.fields[name] = forms.TypedChoiceField(
                    label=_("Place for %(project)s") % {"project": proposal.title},
                    choices=[("", _("No place")), *((str(n), str(n)) for n in places)],
                    coerce=int,
                    empty_value=None,
                    required=False,
                    error_messages={"invalid_choice": _("Choose a place from the list.")},
                )

    @staticmethod
    def _input_name(budget: Budget, proposal: Proposal) -> str:
        prefix = "points" if budget.ballot_kind == BallotKind.CUMULATIVE else "rank"
        return f"{prefix}_{budget.pk}_{proposal.pk}"

    # Parsing -------------------------------------------------------------------------------

    def _raw_choices(self) -> ballots.Choices:
        """What the voter marked so far, skipping inputs that do not parse (they get errors)."""
        if not self.is_bound:
            return {b.pk: dict(self.initial_choices.get(b.pk, {})) for b in self.budgets}
        cleaned = getattr(self, "cleaned_data", None)
        if cleaned is None:
            self.full_clean()
            cleaned = self.cleaned_data
        choices: ballots.Choices = {}
        for budget in self.budgets:
            if budget.ballot_kind in CHECKBOX_KINDS:
                picked = cleaned.get(f"budget_{budget.pk}") or []
                choices[budget.pk] = {pk: 1 for pk in picked}
                continue
            picks = {}
            for proposal in self.projects[budget.pk]:
                value = cleaned.get(self._input_name(budget, proposal))
                if value:
                    picks[proposal.pk] = value
            choices[budget.pk] = picks
        return choices

    def choices(self) -> ballots.Choices:
        """The choices, after `is_valid()`; or whatever parses, for a draft or a total."""
        return {pk: picks for pk, picks in self._raw_choices().items() if picks}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        self.cleaned_data = cleaned
        try:
            ballots.choices_validate(
                process=self.process, district=self.district, choices=self.choices()
            )
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                if key.startswith("budget_") and key[7:].isdigit():
                    self.budget_errors[int(key[7:])] = list(messages)
                else:
                    self.add_error(None, messages)
        return cleaned

    def is_valid(self) -> bool:
        return super().is_valid() and not self.budget_errors

    def drop_declaration_error(self) -> None:
        """Forget a missing declaration (for "Update total" and drafts, which cast nothing)."""
        if self.is_bound and "declaration" in self.errors:
            del self.errors["declaration"]

    # Rendering -----------------------------------------------------------------------------

    def sections(self) -> list[BudgetSection]:
        """Every budget with its projects, what is marked, totals and the errors to show."""
        choices = self._raw_choices()
        currency = self.process.currency
        result = []
        for budget in self.budgets:
            picks = choices.get(budget.pk, {})
            rows = []
            for proposal in self.projects[budget.pk]:
                if budget.ballot_kind in CHECKBOX_KINDS:
                    name = f"budget_{budget.pk}"
                    input_id = f"{name}_{proposal.pk}"
                else:
                    name = input_id = self._input_name(budget, proposal)
                rows.append(
                    ProjectRow(
                        proposal=proposal,
                        input_id=input_id,
                        input_name=name,
                        selected=proposal.pk in picks,
                        value=picks.get(proposal.pk),
                        errors=list(self.errors.get(name, [])) if self.is_bound else [],
                    )
                )
            section = BudgetSection(
                budget=budget,
                currency=currency,
                rule=rule_in_words(budget, currency),
                projects=rows,
                errors=self.budget_errors.get(budget.pk, []),
                chosen=len(picks),
                spent_minor=sum(r.proposal.cost_minor for r in rows if r.selected),
                points_given=sum(picks.values())
                if budget.ballot_kind == BallotKind.CUMULATIVE
                else 0,
            )
            if budget.ballot_kind == BallotKind.KNAPSACK:
                for row in rows:
                    row.fits = row.selected or row.proposal.cost_minor <= section.left_minor
            result.append(section)
        return result

    def field_errors(self) -> list[tuple[str, str]]:
        """(input id, message) for the error summary, in page order."""
        found = []
        for name, bound in self.errors.items():
            if name == "__all__":
                continue
            input_id = name
            if name.startswith("budget_") and self.projects:
                budget_id = int(name[7:])
                first = self.projects.get(budget_id) or []
                input_id = f"{name}_{first[0].pk}" if first else name
            for message in bound:
                found.append((input_id, message))
        return found


class SubmitVoteForm(VoteDeclarationMixin, SamenForm):
    """The check-your-answers step: nothing to fill in, except the Digicoach's declaration
    ("I confirm the resident chose these projects themselves") when the vote is assisted."""


class StartVoteForm(SamenForm):
    """ "Start voting" (or "Change your vote"): a button, so the voter's roll entry and their own
    project order are made by a POST, never by merely opening a page."""
