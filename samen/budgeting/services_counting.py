"""Counting the votes and publishing the results: request, run (in the background), publish.

An organiser asks for a count once voting has closed; `count_request` records a Count and
enqueues `tasks.count_votes`, which calls `count_run`. The run counts every budget with the
process's rule (fixed before voting), writes its progress to the Count as it goes, and stores
the results, the explanation, the comparison with greedy and the anonymised .pb file in one
transaction at the end. A count that fails says why in words an organiser can act on; a
failed count, or one that stopped without finishing (a worker restart), can be run again.
Publishing is final: it clears the links between the voter roll and the ballots.
"""

import logging
import random
import secrets
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pbcount import ElectionError, PbcountError
from pbcount import count as pb_count
from pbcount.explain import explain
from pbcount.rules import NotApplicable, parse_rule
from samen.budgeting import counting, selectors, services_voting
from samen.budgeting.models import (
    BudgetResult,
    Count,
    CountStatus,
    Phase,
    PhaseKind,
    Process,
    ProjectResult,
)
from samen.core.services import audit_record

logger = logging.getLogger(__name__)

# A count still queued or running after this long has lost its worker and may be run again.
STALE_AFTER = timedelta(minutes=30)
ACTIVE = (CountStatus.QUEUED, CountStatus.RUNNING)
PROGRESS_EVERY = 0.5  # seconds between progress writes


def _voting_phase(process: Process) -> Phase | None:
    return next(
        (p for p in selectors.process_phases(process=process) if p.kind == PhaseKind.VOTING),
        None,
    )


def count_is_stale(*, count: Count, now: datetime | None = None) -> bool:
    moment = now or timezone.now()
    since = count.started_at or count.created_at
    return count.status in ACTIVE and since is not None and moment - since > STALE_AFTER


def count_refusal(*, process: Process, now: datetime | None = None) -> str:
    """Why the votes cannot be counted now, in words for the organiser; "" when they can."""
    moment = now or timezone.now()
    if process.counts.filter(published_at__isnull=False).exists():
        return _("The results are published, so this count is final.")
    voting = _voting_phase(process)
    if voting is None or not voting.enabled:
        return _("This process has no voting phase, so there are no votes to count.")
    if voting.starts_at > moment:
        return _("Voting has not started yet. Count the votes after voting closes.")
    if voting.ends_at is None:
        return _("Voting has no end date. Set when voting closes, then count after that.")
    if voting.ends_at > moment:
        return _("Voting is still open until %(end)s. Count the votes after it closes.") % {
            "end": date_format(timezone.localtime(voting.ends_at), "DATETIME_FORMAT")
        }
    for count in process.counts.filter(status__in=ACTIVE):
        if not count_is_stale(count=count, now=moment):
            return _("The votes are being counted now. Wait for this count to finish.")
    return ""


def count_request(*, actor: Any, process: Process, background: bool = True) -> Count:
    """Record a count and start it. With `background`, a task worker runs it; otherwise it
    runs here (the demo data, a management command)."""
    with transaction.atomic():
        process = Process.objects.select_for_update().get(pk=process.pk)
        refusal = count_refusal(process=process)
        if refusal:
            raise ValidationError(refusal, code="count_refused")
        # Counts that lost their worker are closed, so only the new one can finish.
        process.counts.filter(status__in=ACTIVE).update(
            status=CountStatus.FAILED,
            error=_("This count stopped without finishing and was run again."),
            finished_at=timezone.now(),
        )
        count = Count(process=process, rule=process.rule, requested_by=actor)
        count.full_clean()
        count.save()
        audit_record(
            actor=actor, action="budgeting.count_request", target=count, data={"rule": count.rule}
        )
    if not background:
        count_run(count_id=count.pk)
    else:
        from samen.budgeting.tasks import count_votes

        result = count_votes.enqueue(count_id=count.pk)
        Count.objects.filter(pk=count.pk).update(task_id=str(result.id)[:64])
    count.refresh_from_db()
    return count


class _Progress:
    """Writes progress to the Count at most twice a second, so the page can show it."""

    def __init__(self, count_id: int, budgets: int) -> None:
        self.count_id, self.budgets = count_id, max(budgets, 1)
        self.last = 0.0

    def write(self, percent: int, note: str) -> None:
        Count.objects.filter(pk=self.count_id).update(
            progress=min(max(percent, 0), 100), progress_note=note[:200]
        )
        self.last = time.monotonic()

    def for_budget(self, index: int, name: str) -> Callable[[float], None]:
        def report(done: float) -> None:
            if time.monotonic() - self.last >= PROGRESS_EVERY:
                self.write(5 + int(85 * (index + min(done, 1.0)) / self.budgets), name)

        self.write(5 + int(85 * index / self.budgets), name)
        return report


def _failure(error: Exception, budget_name: str, rule: str) -> str:
    if isinstance(error, NotApplicable):
        return _(
            "The counting rule %(rule)s cannot count the ballots of “%(budget)s”: they use "
            "points or a ranking, and this rule counts only which projects a voter chose."
        ) % {"rule": rule, "budget": budget_name}
    if isinstance(error, ElectionError | PbcountError):
        return _(
            "The ballots of “%(budget)s” could not be counted: %(problem)s. Check the "
            "budget's projects and costs, then count again."
        ) % {"budget": budget_name, "problem": error}
    return _(
        "Counting stopped because of an unexpected error in “%(budget)s”. Nothing was "
        "published. Count again; if it fails again, ask the platform administrator."
    ) % {"budget": budget_name}


def _budget_outcome(item: counting.BudgetElection, progress: Callable[[float], None]) -> dict:
    """Count one budget: the outcome, greedy's for comparison, the explanation and .pb."""
    election = item.election
    outcome = pb_count(election, item.rule, progress=progress)
    is_mes = parse_rule(item.rule).base.startswith("mes-")
    greedy_rule = counting.budget_rule(counting.GREEDY_RULE, item.budget.ballot_kind)
    greedy = outcome if item.rule == greedy_rule else pb_count(election, greedy_rule)
    explanation = explain(election, outcome)
    reach = {p.id: p.cost_to_win for p in explanation.projects}
    text, digest = counting.pb_file(item, outcome)
    return {
        "outcome": outcome,
        "greedy": greedy,
        "explanation": counting.explanation_data(explanation),
        "comparison": counting.comparison_data(item, outcome, greedy, greedy_rule, reach)
        if is_mes
        else {"rule": item.rule},
        "pb_file": text,
        "sha256": digest,
    }


def _store(count: Count, counted: list[tuple[counting.BudgetElection, dict]]) -> None:
    for item, done in counted:
        outcome, greedy = done["outcome"], done["greedy"]
        result = BudgetResult(
            count=count,
            budget=item.budget,
            voters=item.election.num_voters,
            spent_minor=counting.to_minor(outcome.total_cost),
            pb_file=done["pb_file"],
            sha256=done["sha256"],
            explanation=done["explanation"],
            comparison=done["comparison"],
        )
        result.full_clean()
        result.save()
        order = {pid: i for i, pid in enumerate(outcome.selected)}
        ranked = sorted(
            item.proposals,
            key=lambda pid: (pid not in order, order.get(pid, 0), -item.votes[pid], int(pid)),
        )
        ProjectResult.objects.bulk_create(
            ProjectResult(
                budget_result=result,
                proposal=item.proposals[pid],
                votes=item.votes[pid],
                points=item.points[pid],
                cost_minor=item.proposals[pid].cost_minor,
                selected=pid in order,
                selected_by_greedy=pid in greedy.selected,
                position=position,
            )
            for position, pid in enumerate(ranked, start=1)
        )


def count_run(*, count_id: int) -> str:
    """Run a queued count to the end (the task body). Returns the count's final status."""
    claimed = Count.objects.filter(pk=count_id, status=CountStatus.QUEUED).update(
        status=CountStatus.RUNNING, started_at=timezone.now(), progress=1
    )
    if not claimed:  # already run, or closed as stale in the meantime
        return Count.objects.filter(pk=count_id).values_list("status", flat=True).first() or ""
    count = Count.objects.select_related("process", "requested_by").get(pk=count_id)
    language = getattr(count.requested_by, "preferred_language", "") or None
    with translation.override(language):
        return _run(count)


def _run(count: Count) -> str:
    process = Process.objects.prefetch_related("phases").get(pk=count.process_id)
    budgets = list(selectors.process_budgets(process=process).select_related("process"))
    progress = _Progress(count.pk, len(budgets))
    rng = random.Random(secrets.randbits(64))
    counted = []
    name = ""
    try:
        for index, budget in enumerate(budgets):
            name = budget.name
            item = counting.budget_election(budget=budget, rule=count.rule, rng=rng)
            counted.append((item, _budget_outcome(item, progress.for_budget(index, name))))
        progress.write(95, "")
        with transaction.atomic():
            _store(count, counted)
            Count.objects.filter(pk=count.pk).update(
                status=CountStatus.DONE, progress=100, progress_note="", finished_at=timezone.now()
            )
    except Exception as error:
        logger.exception("count %s of process %s failed", count.pk, process.pk)
        Count.objects.filter(pk=count.pk).update(
            status=CountStatus.FAILED,
            error=_failure(error, name, count.rule),
            progress_note="",
            finished_at=timezone.now(),
        )
        return CountStatus.FAILED
    return CountStatus.DONE


@transaction.atomic
def count_publish(*, actor: Any, count: Count, reason: str = "") -> Count:
    """Make a finished count the published result. Final: the voter roll's links to ballots
    are cleared, so nobody can find out afterwards who cast which ballot."""
    process = Process.objects.select_for_update().get(pk=count.process_id)
    count = Count.objects.select_for_update().get(pk=count.pk)
    if process.counts.filter(published_at__isnull=False).exists():
        raise ValidationError(_("The results of this process are already published."))
    if count.status != CountStatus.DONE:
        raise ValidationError(_("Only a finished count can be published."), code="not_done")
    newer = process.counts.filter(Q(created_at__gt=count.created_at) | Q(pk__gt=count.pk))
    if newer.exclude(status=CountStatus.FAILED).exists():
        raise ValidationError(
            _("There is a newer count of these votes. Publish that one."), code="not_latest"
        )
    count.published_at = timezone.now()
    count.full_clean()
    count.save(update_fields=["published_at"])
    cleared = services_voting.ballot_links_clear(process=process)
    audit_record(
        actor=actor,
        action="budgeting.count_publish",
        target=count,
        reason=reason.strip(),
        data={
            "rule": count.rule,
            "files": {
                r.budget.name: r.sha256 for r in count.budget_results.select_related("budget")
            },
            "ballot_links_cleared": cleared,
        },
    )
    return count
