"""Writes to processes, phases, districts and budgets. Every staff write is audited.

Proposal writes live in `services_proposals`; they are re-exported here so callers have one
import.
"""

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samen.budgeting import selectors
from samen.budgeting.models import (
    PHASE_ORDER,
    BallotKind,
    Budget,
    CountingRule,
    District,
    Phase,
    PhaseKind,
    Process,
)
from samen.budgeting.services_proposals import (  # noqa: F401  (re-exported)
    proposal_hide,
    proposal_merge,
    proposal_review,
    proposal_shortlist,
    proposal_submit,
    proposal_unhide,
    proposal_update,
)
from samen.core.services import audit_record

# Default lengths when a process is created; organisers then adjust each phase.
DEFAULT_PHASE_DAYS: dict[str, int | None] = {
    PhaseKind.IDEAS: 28,
    PhaseKind.REVIEW: 14,
    PhaseKind.SHORTLIST: 7,
    PhaseKind.VOTING: 14,
    PhaseKind.RESULTS: 28,
    PhaseKind.DELIVERY: None,
}
MAX_PATTERN_LENGTH = 11
BALLOT_DESIGN_FIELDS = (
    "ballot_kind",
    "min_choices",
    "max_choices",
    "points_total",
    "max_points_per_project",
)
PROCESS_FIELDS = (
    "title",
    "description",
    "easy_read_summary",
    "currency",
    "rule",
    "min_age",
    "max_age",
    "residency_required",
    "voting_codes_enabled",
    "is_published",
)


@transaction.atomic
def process_create(
    *,
    actor: Any,
    title: str,
    description: str,
    starts_at: datetime,
    easy_read_summary: str = "",
    currency: str = "EUR",
    rule: str = "mes-cost+add1+greedy",
    min_age: int = 16,
    max_age: int | None = None,
    residency_required: bool = True,
    voting_codes_enabled: bool = False,
    is_published: bool = False,
) -> Process:
    """Create a process with all six phases one after another from `starts_at`."""
    process = Process(
        title=title.strip(),
        description=description.strip(),
        easy_read_summary=easy_read_summary.strip(),
        currency=currency,
        rule=rule,
        min_age=min_age,
        max_age=max_age,
        residency_required=residency_required,
        voting_codes_enabled=voting_codes_enabled,
        is_published=is_published,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    process.full_clean()
    process.save()
    moment = starts_at
    for position, kind in enumerate(PHASE_ORDER):
        days = DEFAULT_PHASE_DAYS[kind]
        ends_at = moment + timedelta(days=days) if days is not None else None
        phase = Phase(
            process=process, kind=kind, position=position, starts_at=moment, ends_at=ends_at
        )
        phase.full_clean()
        phase.save()
        moment = ends_at or moment
    audit_record(actor=actor, action="budgeting.process_create", target=process)
    return process


# Sequential Phragmén shares the cost of each project among its approvers: points and
# rankings say more than approval, and pbcount refuses to count them with it.
NOT_FOR_PHRAGMEN = (BallotKind.CUMULATIVE, BallotKind.RANKED)


def _phragmen_refusal() -> str:
    return _(
        "Sequential Phragmén counts approval ballots only. Choose another counting rule for "
        "a process with points or ranked ballots, or another ballot design."
    )


@transaction.atomic
def process_update(*, actor: Any, process: Process, reason: str = "", **changes: Any) -> Process:
    """Change a process's settings. The counting rule is fixed once voting has opened."""
    unknown = sorted(set(changes) - set(PROCESS_FIELDS))
    if unknown:
        raise TypeError(f"process_update() got unexpected fields: {', '.join(unknown)}")
    process = Process.objects.select_for_update().get(pk=process.pk)
    rule_changes = "rule" in changes and changes["rule"] != process.rule
    if rule_changes and selectors.ballot_is_fixed(process=process):
        raise ValidationError(
            {"rule": _("The counting rule cannot change once voting has opened.")},
            code="rule_locked",
        )
    if (
        changes.get("rule") == CountingRule.PHRAGMEN
        and process.budgets.filter(ballot_kind__in=NOT_FOR_PHRAGMEN).exists()
    ):
        raise ValidationError({"rule": _phragmen_refusal()}, code="rule_ballot_kind")
    before = {name: getattr(process, name) for name in changes}
    for name, value in changes.items():
        setattr(process, name, value.strip() if isinstance(value, str) else value)
    process.full_clean()
    process.save()
    changed = {
        name: [before[name], getattr(process, name)]
        for name in changes
        if before[name] != getattr(process, name)
    }
    audit_record(
        actor=actor,
        action="budgeting.process_update",
        target=process,
        reason=reason,
        data={"changed": {k: [str(v) for v in pair] for k, pair in changed.items()}},
    )
    return process


def _check_phase_order(*, phase: Phase) -> None:
    """Switched-on phases run in order: none starts before the one before it ends."""
    siblings = [
        p for p in Phase.objects.filter(process_id=phase.process_id, enabled=True) if p != phase
    ]
    for other in siblings:
        if other.position < phase.position and (
            other.ends_at is None or other.ends_at > phase.starts_at
        ):
            raise ValidationError(
                {
                    "starts_on": _("This phase cannot start before the %(phase)s phase ends.")
                    % {"phase": other.get_kind_display()}
                },
                code="phase_order",
            )
        if other.position > phase.position and (
            phase.ends_at is None or phase.ends_at > other.starts_at
        ):
            raise ValidationError(
                {
                    "ends_on": _("This phase must end before the %(phase)s phase starts.")
                    % {"phase": other.get_kind_display()}
                },
                code="phase_order",
            )


@transaction.atomic
def phase_update(
    *,
    actor: Any,
    phase: Phase,
    starts_at: datetime,
    ends_at: datetime | None,
    enabled: bool,
) -> Phase:
    """Move or switch a phase. Once voting has opened, the voting phase cannot be switched off
    or moved earlier, and no earlier phase can be switched back on."""
    Process.objects.select_for_update().get(pk=phase.process_id)
    phase = Phase.objects.select_related("process").get(pk=phase.pk)
    before = (phase.starts_at, phase.ends_at, phase.enabled)
    if selectors.ballot_is_fixed(process=phase.process):
        if phase.kind == PhaseKind.VOTING and (not enabled or starts_at != phase.starts_at):
            raise ValidationError(
                {"enabled": _("Voting has opened, so its start cannot change.")},
                code="voting_opened",
            )
        if phase.position < PHASE_ORDER.index(PhaseKind.VOTING) and enabled != phase.enabled:
            raise ValidationError(
                {"enabled": _("Voting has opened, so earlier phases cannot be switched.")},
                code="voting_opened",
            )
    phase.starts_at, phase.ends_at, phase.enabled = starts_at, ends_at, enabled
    phase.full_clean()
    if enabled:
        _check_phase_order(phase=phase)
    phase.save()
    audit_record(
        actor=actor,
        action="budgeting.phase_update",
        target=phase,
        data={
            "before": [str(value) for value in before],
            "after": [str(starts_at), str(ends_at), str(enabled)],
        },
    )
    return phase


def _district_save(*, actor: Any, district: District, action: str) -> District:
    district.postcode_patterns = "\n".join(district.patterns())
    if not district.postcode_patterns:
        raise ValidationError(
            {"postcode_patterns": _("Enter at least one postcode pattern.")}, code="required"
        )
    too_long = [p for p in district.patterns() if len(p) > MAX_PATTERN_LENGTH]
    if too_long:
        raise ValidationError(
            {
                "postcode_patterns": _("A pattern can have at most %(max)d characters: %(pattern)s")
                % {"max": MAX_PATTERN_LENGTH, "pattern": too_long[0][:20]}
            },
            code="pattern_too_long",
        )
    district.full_clean()
    district.save()
    audit_record(
        actor=actor, action=action, target=district, data={"patterns": district.patterns()}
    )
    return district


@transaction.atomic
def district_create(*, actor: Any, process: Process, name: str, postcode_patterns: str) -> District:
    district = District(process=process, name=name.strip(), postcode_patterns=postcode_patterns)
    return _district_save(actor=actor, district=district, action="budgeting.district_create")


@transaction.atomic
def district_update(
    *, actor: Any, district: District, name: str, postcode_patterns: str
) -> District:
    district = District.objects.select_for_update().get(pk=district.pk)
    district.name, district.postcode_patterns = name.strip(), postcode_patterns
    return _district_save(actor=actor, district=district, action="budgeting.district_update")


def _budget_save(*, actor: Any, budget: Budget, action: str) -> Budget:
    if budget.district is not None and budget.district.process_id != budget.process_id:
        raise ValidationError(
            {"district": _("Choose a district of this process.")}, code="other_process"
        )
    if selectors.ballot_is_fixed(process=budget.process):
        raise ValidationError(
            _("Budgets cannot change once voting has opened."), code="voting_opened"
        )
    if budget.process.rule == CountingRule.PHRAGMEN and budget.ballot_kind in NOT_FOR_PHRAGMEN:
        raise ValidationError({"ballot_kind": _phragmen_refusal()}, code="rule_ballot_kind")
    budget.full_clean()
    budget.save()
    audit_record(actor=actor, action=action, target=budget, data={"amount": budget.amount_minor})
    return budget


@transaction.atomic
def budget_create(
    *,
    actor: Any,
    process: Process,
    name: str,
    district: District | None,
    amount_minor: int,
    **design: Any,
) -> Budget:
    """A budget with its ballot design (`BALLOT_DESIGN_FIELDS`; approval by default)."""
    process = Process.objects.select_for_update().get(pk=process.pk)
    budget = Budget(
        process=process, name=name.strip(), district=district, amount_minor=amount_minor
    )
    _design_apply(budget, design)
    return _budget_save(actor=actor, budget=budget, action="budgeting.budget_create")


@transaction.atomic
def budget_update(
    *,
    actor: Any,
    budget: Budget,
    name: str,
    district: District | None,
    amount_minor: int,
    **design: Any,
) -> Budget:
    Process.objects.select_for_update().get(pk=budget.process_id)
    budget = Budget.objects.select_related("process").get(pk=budget.pk)
    budget.name, budget.district, budget.amount_minor = name.strip(), district, amount_minor
    _design_apply(budget, design)
    return _budget_save(actor=actor, budget=budget, action="budgeting.budget_update")


def _design_apply(budget: Budget, design: dict[str, Any]) -> None:
    unknown = sorted(set(design) - set(BALLOT_DESIGN_FIELDS))
    if unknown:
        raise TypeError(f"unexpected ballot design fields: {', '.join(unknown)}")
    for name, value in design.items():
        setattr(budget, name, value)
    if budget.ballot_kind == BallotKind.EXACTLY and budget.max_choices is not None:
        budget.min_choices = budget.max_choices
