"""Import a Pabulib `.pb` file as a closed process, for demos and research.

One file is one election, so it becomes one process with one area-wide budget: its projects
become shortlisted proposals, its VOTES anonymous ballots (no accounts, no voter roll), and
its outcome a published count. The outcome is the file's `selected` column when it has one;
otherwise the imported ballots are counted like any closed process (services_counting), with
the rule META names where Samen offers it. The mapping is recorded in docs/decisions.md.
"""

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pbcount import Election, Outcome, PbcountError, count, format_pb
from pbcount.explain import explain
from pbcount.model import BallotType
from pbcount.pabulib import parse_pb_bytes
from pbcount.rules import official_rule
from samen.budgeting import counting, services, services_counting
from samen.budgeting.models import (
    RULE_IDS,
    Ballot,
    BallotChoice,
    BallotKind,
    Budget,
    BudgetResult,
    Category,
    Count,
    CountStatus,
    Process,
    ProjectResult,
    Proposal,
    ProposalStatus,
)
from samen.budgeting.models.process import Currency
from samen.budgeting.money import MINOR_PER_MAJOR
from samen.budgeting.services_voting import receipt_code_new
from samen.core.services import audit_record

# The largest Pabulib files are about 4 MB (Wrocław 2015, Łódź 2022: 90,000 ballots).
MAX_UPLOAD_BYTES = 16 * 1024 * 1024
BATCH = 2000
DEFAULT_RULE = "greedy-cost"
# Days from the first phase to the end of voting, so the results phase is running today.
DAYS_BEFORE_RESULTS = 28 + 14 + 7 + 14 + 1
KINDS = {
    BallotType.APPROVAL: BallotKind.APPROVAL,
    BallotType.CHOOSE_1: BallotKind.EXACTLY,
    BallotType.ORDINAL: BallotKind.RANKED,
    BallotType.CUMULATIVE: BallotKind.CUMULATIVE,
}
# Pabulib's category labels, mapped to Samen's categories (the first that matches wins).
CATEGORIES = {
    "urban greenery": Category.GREEN,
    "environmental protection": Category.GREEN,
    "sport": Category.PLAY,
    "culture": Category.CULTURE,
    "public transit and roads": Category.STREETS,
    "public space": Category.STREETS,
    "welfare": Category.COMMUNITY,
    "health": Category.COMMUNITY,
}


@dataclass(frozen=True)
class Imported:
    process: Process
    projects: int
    ballots: int
    counted: bool  # True when the outcome was counted here, not read from the file


def pb_parse(*, data: bytes, name: str) -> Election:
    """Read a .pb file; a bad file raises ValidationError naming the line and the problem."""
    try:
        return parse_pb_bytes(data, name=name)
    except PbcountError as error:
        line = getattr(error, "line", None)
        problem = getattr(error, "problem", str(error))
        if line is None:
            message = _("This file cannot be imported: %(problem)s.") % {"problem": problem}
        else:
            message = _("This file cannot be imported. Line %(line)d: %(problem)s.") % {
                "line": line,
                "problem": problem,
            }
        raise ValidationError(message, code="bad_file") from None


def _minor(amount: Fraction, what: str) -> int:
    minor = amount * MINOR_PER_MAJOR
    if minor.denominator != 1 or minor < 1:
        raise ValidationError(
            _("%(what)s must be an amount above zero with at most two decimals.") % {"what": what},
            code="bad_amount",
        )
    return int(minor)


def _whole(value: Fraction | int | None) -> int | None:
    if value is None:
        return None
    if Fraction(value).denominator != 1 or value < 1:
        raise ValidationError(
            _("Points must be whole numbers above zero to be imported."), code="bad_points"
        )
    return int(value)


def _design(election: Election) -> dict[str, Any]:
    """The budget's ballot design, from META's constraints and the ballots themselves."""
    kind = KINDS.get(election.ballot_type)
    if kind is None:
        raise ValidationError(
            _("Ballots of type “%(type)s” cannot be imported; Samen has no such ballot.")
            % {"type": election.ballot_type.value},
            code="bad_type",
        )
    limits = election.constraints
    longest = max((len(b.projects) for b in election.ballots), default=1) or 1
    if kind == BallotKind.EXACTLY:
        return {"ballot_kind": kind, "min_choices": 1, "max_choices": 1}
    design: dict[str, Any] = {
        "ballot_kind": kind,
        "min_choices": limits.min_length or 0,
        "max_choices": limits.max_length,
    }
    if kind == BallotKind.RANKED:
        design["max_choices"] = limits.max_length or longest
    if kind == BallotKind.CUMULATIVE:
        for ballot in election.ballots:
            for value in ballot.points or ():
                _whole(value or 1)
        sums = [sum(b.points or ()) for b in election.ballots]
        design["points_total"] = _whole(limits.max_sum_points or max(sums, default=1))
        design["max_points_per_project"] = _whole(limits.max_points)
    if design["max_choices"] is not None and design["max_choices"] < design["min_choices"]:
        design["max_choices"] = design["min_choices"]
    return design


def _title(election: Election, name: str) -> str:
    meta = election.meta
    if meta.get("description", "").strip():
        return meta["description"].strip()[:150]
    parts = [meta.get(key, "").strip() for key in ("unit", "district", "subunit", "instance")]
    return (" ".join(part for part in parts if part) or name)[:150]


def _category(labels: tuple[str, ...]) -> str:
    for label in labels:
        if label.strip().lower() in CATEGORIES:
            return CATEGORIES[label.strip().lower()]
    return Category.OTHER


def _explanation(election: Election, selected: tuple[str, ...], rule: str) -> list[Any]:
    """pbcount's plain-language summary of the file's own outcome, stored as counts store it."""
    outcome = Outcome(
        rule=rule,
        selected=selected,
        total_cost=sum((election.projects[pid].cost for pid in selected), Fraction(0)),
        budget=election.budget,
    )
    try:
        return counting.explanation_data(explain(election, outcome))
    except (PbcountError, ValueError):
        return []


def _greedy(election: Election) -> set[str]:
    """What greedy counting would fund, for the "funded under greedy" column."""
    try:
        return set(count(election, counting.GREEDY_RULE).selected)
    except (PbcountError, ValueError):
        return set()


def _published_file(election: Election, selected: tuple[str, ...], rule: str) -> str:
    """The file as Samen publishes it: the `selected` column and META `rule` always present."""
    chosen = set(selected)
    projects = {}
    for pid, project in election.projects.items():
        extra = [(k, v) for k, v in project.extra if k != "selected"]
        extra.append(("selected", "1" if pid in chosen else "0"))
        projects[pid] = dataclasses.replace(project, extra=tuple(extra))
    meta = {**election.meta, "rule": election.meta.get("rule", "").strip() or rule}
    return format_pb(dataclasses.replace(election, projects=projects, meta=meta))


def _tallies(election: Election) -> tuple[dict[str, int], dict[str, int]]:
    votes = dict.fromkeys(election.projects, 0)
    points = dict.fromkeys(election.projects, 0)
    for ballot in election.ballots:
        for index, pid in enumerate(ballot.projects):
            votes[pid] += ballot.multiplicity
            if ballot.points is not None:
                points[pid] += int(ballot.points[index] * ballot.multiplicity)
    return votes, points


@transaction.atomic
def process_import(
    *, actor: Any, election: Election, name: str, is_published: bool = False
) -> Imported:
    """Create the closed process, its budget, proposals, ballots and published count."""
    design = _design(election)
    amount = _minor(election.budget, _("The budget"))
    costs = {
        pid: _minor(p.cost, _("The cost of project %(id)s") % {"id": pid})
        for pid, p in election.projects.items()
    }
    rule = official_rule(election) or DEFAULT_RULE
    selected = election.official_selected
    currency = election.meta.get("currency", "").strip().upper()
    process = services.process_create(
        actor=actor,
        title=_title(election, name),
        description=_(
            "Imported from the Pabulib file %(file)s, for demonstration and research. "
            "The ballots are the file's anonymous votes."
        )
        % {"file": name[:200]},
        starts_at=timezone.now() - timedelta(days=DAYS_BEFORE_RESULTS),
        currency=currency if currency in Currency.values else Currency.EUR,
        rule=rule if rule in RULE_IDS else DEFAULT_RULE,
        min_age=1,
        residency_required=False,
        is_published=is_published,
    )
    budget = Budget(
        process=process, name=_("Whole area"), district=None, amount_minor=amount, **design
    )
    budget.full_clean()
    budget.save()
    proposals = _proposals(process=process, election=election, costs=costs, name=name)
    ballots = _ballots(process=process, budget=budget, election=election, proposals=proposals)
    if selected is None:
        _count_and_publish(actor=actor, process=process)
    else:
        used = official_rule(election) or election.meta.get("rule", "").strip() or rule
        _results(
            actor=actor,
            process=process,
            budget=budget,
            election=election,
            proposals=proposals,
            selected=selected,
            rule=used[:40],
        )
    audit_record(
        actor=actor,
        action="budgeting.process_import",
        target=process,
        data={"file": name[:200], "projects": len(proposals), "ballots": ballots},
    )
    return Imported(
        process=process, projects=len(proposals), ballots=ballots, counted=selected is None
    )


def _count_and_publish(*, actor: Any, process: Process) -> None:
    """A file without an outcome is counted like any closed process, from its ballots, with
    the process's rule (the one META names, where Samen offers it), then published."""
    counted = services_counting.count_request(actor=actor, process=process, background=False)
    if counted.status != CountStatus.DONE:
        raise ValidationError(
            _("The file has no “selected” column and counting it failed: %(problem)s")
            % {"problem": counted.error},
            code="count_failed",
        )
    services_counting.count_publish(
        actor=actor, count=counted, reason=_("Imported from a Pabulib file.")
    )


def _proposals(
    *, process: Process, election: Election, costs: dict[str, int], name: str
) -> dict[str, Proposal]:
    now = timezone.now()
    made: dict[str, Proposal] = {}
    for pid, project in election.projects.items():
        title = project.name.strip() or _("Project %(id)s") % {"id": pid}
        lines = [_("Project %(id)s of the Pabulib file %(file)s.") % {"id": pid, "file": name}]
        if project.categories:
            lines.append(_("Categories: %(list)s.") % {"list": ", ".join(project.categories)})
        if project.targets:
            lines.append(_("For: %(list)s.") % {"list": ", ".join(project.targets)})
        proposal = Proposal(
            process=process,
            title=title if len(title) <= 120 else f"{title[:119]}…",
            description=" ".join(lines)[:4000],
            estimated_cost_minor=costs[pid],
            category=_category(project.categories),
            status=ProposalStatus.SHORTLISTED,
            reviewed_at=now,
        )
        proposal.full_clean()
        made[pid] = proposal
    Proposal.objects.bulk_create(made.values())
    return made


def _ballots(
    *, process: Process, budget: Budget, election: Election, proposals: dict[str, Proposal]
) -> int:
    """One Ballot per voter (file order), with its choices; ranks for ordinal ballots."""
    ranked = election.ballot_type == BallotType.ORDINAL
    per_voter = (
        [election.ballots[v.ballot] for v in election.voters]
        if election.voters
        else [b for b in election.ballots for _ in range(b.multiplicity)]
    )
    for start in range(0, len(per_voter), BATCH):
        chunk = per_voter[start : start + BATCH]
        rows = Ballot.objects.bulk_create(
            Ballot(process=process, receipt_code=receipt_code_new()) for _ in chunk
        )
        choices = [
            BallotChoice(
                ballot=row,
                budget=budget,
                proposal=proposals[pid],
                points=int(ballot.points[index]) if ballot.points is not None else 1,
                rank=index + 1 if ranked else None,
            )
            for row, ballot in zip(rows, chunk, strict=True)
            for index, pid in enumerate(ballot.projects)
            if ballot.points is None or ballot.points[index] > 0
        ]
        BallotChoice.objects.bulk_create(choices, batch_size=BATCH)
    return len(per_voter)


def _results(
    *,
    actor: Any,
    process: Process,
    budget: Budget,
    election: Election,
    proposals: dict[str, Proposal],
    selected: tuple[str, ...],
    rule: str,
) -> None:
    now = timezone.now()
    pb_file = _published_file(election, selected, rule)
    counted = Count.objects.create(
        process=process,
        rule=rule[:40],
        status=CountStatus.DONE,
        progress=100,
        progress_note=_("Imported from a Pabulib file."),
        requested_by=actor if getattr(actor, "pk", None) else None,
        started_at=now,
        finished_at=now,
        published_at=now,
    )
    chosen = set(selected)
    result = BudgetResult.objects.create(
        count=counted,
        budget=budget,
        voters=election.num_voters,
        spent_minor=sum(proposals[pid].estimated_cost_minor for pid in chosen),
        pb_file=pb_file,
        sha256=hashlib.sha256(pb_file.encode("utf-8")).hexdigest(),
        explanation=_explanation(election, selected, rule),
        comparison={"rule": rule},
    )
    votes, points = _tallies(election)
    greedy = _greedy(election)
    # As counts order them: funded projects first, in the file's order, then by votes.
    first = {pid: index for index, pid in enumerate(selected)}
    order = sorted(
        election.projects,
        key=lambda pid: (pid not in first, first.get(pid, 0), -points[pid], -votes[pid]),
    )
    ProjectResult.objects.bulk_create(
        ProjectResult(
            budget_result=result,
            proposal=proposals[pid],
            votes=votes[pid],
            points=points[pid],
            cost_minor=proposals[pid].estimated_cost_minor,
            selected=pid in chosen,
            selected_by_greedy=pid in greedy,
            position=position,
        )
        for position, pid in enumerate(order, start=1)
    )
