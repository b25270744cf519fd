"""The read-only open-data API (django-ninja, OpenAPI 3), mounted at /api/.

Published processes only, and nothing personal: no authors, no accounts, no voter roll.
Money is in minor units (cents) with the process's currency, as stored, so that no client
has to parse a localised amount. Lists are paginated with `limit` and `offset`.
"""

from datetime import date, datetime

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import NinjaAPI, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from samen.budgeting import selectors, selectors_delivery
from samen.budgeting.models import Budget, Process, ProjectResult, Proposal, ProposalStatus

MAX_PAGE = 100
api = NinjaAPI(
    title="Samen open data",
    version="1",
    description=(
        "Read-only data about participatory budgeting: processes, their phases and budgets, "
        "the projects on the ballot, published results and the delivery of funded projects."
    ),
    urls_namespace="api",
    docs_url=None,
)


class PhaseOut(Schema):
    kind: str
    starts_at: datetime
    ends_at: datetime | None


class BudgetOut(Schema):
    id: int
    name: str
    district: str | None
    amount_minor: int
    ballot_kind: str
    min_choices: int
    max_choices: int | None
    points_total: int | None
    max_points_per_project: int | None


class ProcessOut(Schema):
    id: int
    title: str
    description: str
    easy_read_summary: str
    currency: str
    rule: str
    min_age: int
    max_age: int | None
    current_phase: str | None
    url: str


class ProcessDetailOut(ProcessOut):
    phases: list[PhaseOut]
    budgets: list[BudgetOut]


class ProjectOut(Schema):
    id: int
    title: str
    description: str
    district: str | None
    category: str
    location: str
    estimated_cost_minor: int
    cost_minor: int


class ProjectResultOut(Schema):
    project_id: int
    title: str
    position: int
    votes: int
    points: int
    cost_minor: int
    selected: bool


class BudgetResultOut(Schema):
    budget_id: int
    budget: str
    district: str | None
    amount_minor: int
    voters: int
    spent_minor: int
    sha256: str
    pb_url: str
    projects: list[ProjectResultOut]


class ResultsOut(Schema):
    process_id: int
    rule: str
    published_at: datetime
    currency: str
    csv_url: str
    budgets: list[BudgetResultOut]


class MilestoneOut(Schema):
    title: str
    due_on: date
    done_on: date | None


class UpdateOut(Schema):
    status: str
    published_on: date
    text: str


class DeliveryOut(Schema):
    project_id: int
    title: str
    status: str
    milestones_done: int
    milestones_total: int
    milestones: list[MilestoneOut]
    updates: list[UpdateOut]


def _process(process_id: int) -> Process:
    return get_object_or_404(
        Process.objects.prefetch_related("phases"), pk=process_id, is_published=True
    )


def _process_out(process: Process) -> dict[str, object]:
    current = selectors.current_phase(process=process)
    return {
        "id": process.pk,
        "title": process.title,
        "description": process.description,
        "easy_read_summary": process.easy_read_summary,
        "currency": process.currency,
        "rule": process.rule,
        "min_age": process.min_age,
        "max_age": process.max_age,
        "current_phase": current.kind if current else None,
        "url": reverse("budgeting:process_detail", kwargs={"process_id": process.pk}),
    }


def _phases(process: Process) -> list[dict[str, object]]:
    return [
        {"kind": p.kind, "starts_at": p.starts_at, "ends_at": p.ends_at}
        for p in selectors.process_phases(process=process)
        if p.enabled
    ]


def _budget_out(budget: Budget) -> dict[str, object]:
    return {
        "id": budget.pk,
        "name": budget.name,
        "district": budget.district.name if budget.district else None,
        "amount_minor": budget.amount_minor,
        "ballot_kind": budget.ballot_kind,
        "min_choices": budget.min_choices,
        "max_choices": budget.max_choices,
        "points_total": budget.points_total,
        "max_points_per_project": budget.max_points_per_project,
    }


@api.get("/processes", response=list[ProcessOut], url_name="processes", tags=["processes"])
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def processes(request: HttpRequest) -> list[dict[str, object]]:
    """Published processes, newest first."""
    return [_process_out(p) for p in selectors.processes_public()]


@api.get(
    "/processes/{process_id}", response=ProcessDetailOut, url_name="process", tags=["processes"]
)
def process(request: HttpRequest, process_id: int) -> dict[str, object]:
    """One published process with its phases (switched-on ones) and budgets."""
    found = _process(process_id)
    budgets = selectors.process_budgets(process=found)
    return {
        **_process_out(found),
        "phases": _phases(found),
        "budgets": [_budget_out(b) for b in budgets],
    }


@api.get(
    "/processes/{process_id}/phases",
    response=list[PhaseOut],
    url_name="phases",
    tags=["processes"],
)
def phases(request: HttpRequest, process_id: int) -> list[dict[str, object]]:
    """The process's switched-on phases in running order."""
    return _phases(_process(process_id))


@api.get(
    "/processes/{process_id}/budgets",
    response=list[BudgetOut],
    url_name="budgets",
    tags=["processes"],
)
def budgets(request: HttpRequest, process_id: int) -> list[dict[str, object]]:
    """The process's budgets with their ballot designs."""
    return [_budget_out(b) for b in selectors.process_budgets(process=_process(process_id))]


@api.get(
    "/processes/{process_id}/projects",
    response=list[ProjectOut],
    url_name="projects",
    tags=["projects"],
)
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def projects(request: HttpRequest, process_id: int) -> list[dict[str, object]]:
    """The projects on the ballot (shortlisted, not hidden), by title."""
    found = _process(process_id)
    rows = (
        Proposal.objects.filter(process=found, status=ProposalStatus.SHORTLISTED, is_hidden=False)
        .select_related("district")
        .order_by("title", "id")
    )
    return [
        {
            "id": p.pk,
            "title": p.title,
            "description": p.description,
            "district": p.district.name if p.district else None,
            "category": p.category,
            "location": p.location_text,
            "estimated_cost_minor": p.estimated_cost_minor,
            "cost_minor": p.cost_minor,
        }
        for p in rows
    ]


@api.get(
    "/processes/{process_id}/results",
    response=ResultsOut,
    url_name="results",
    tags=["results"],
)
def results(request: HttpRequest, process_id: int) -> dict[str, object]:
    """The published results per budget; 404 until they are published. Each budget's `.pb`
    file, with this SHA-256, is on the results page."""
    found = _process(process_id)
    count = selectors_delivery.published_count(process=found)
    if count is None:
        raise Http404
    lines: dict[int, list[ProjectResult]] = {}
    for line in ProjectResult.objects.filter(budget_result__count=count).select_related("proposal"):
        lines.setdefault(line.budget_result_id, []).append(line)
    budget_results = count.budget_results.select_related("budget__district").order_by(
        "budget__district__name", "budget__name"
    )
    return {
        "process_id": found.pk,
        "rule": count.rule,
        "published_at": count.published_at,
        "currency": found.currency,
        "csv_url": reverse("budgeting:results_csv", kwargs={"process_id": found.pk}),
        "budgets": [
            {
                "budget_id": r.budget_id,
                "budget": r.budget.name,
                "district": r.budget.district.name if r.budget.district else None,
                "amount_minor": r.budget.amount_minor,
                "voters": r.voters,
                "spent_minor": r.spent_minor,
                "sha256": r.sha256,
                "pb_url": reverse(
                    "budgeting:results_pb",
                    kwargs={"process_id": found.pk, "budget_id": r.budget_id},
                ),
                "projects": [
                    {
                        "project_id": line.proposal_id,
                        "title": line.proposal.title,
                        "position": line.position,
                        "votes": line.votes,
                        "points": line.points,
                        "cost_minor": line.cost_minor,
                        "selected": line.selected,
                    }
                    for line in sorted(lines.get(r.pk, []), key=lambda item: item.position)
                ],
            }
            for r in budget_results
        ],
    }


@api.get(
    "/processes/{process_id}/delivery",
    response=list[DeliveryOut],
    url_name="delivery",
    tags=["delivery"],
)
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def delivery(request: HttpRequest, process_id: int) -> list[dict[str, object]]:
    """Funded projects with their delivery status, milestones and public updates."""
    found = _process(process_id)
    rows = []
    for project in selectors_delivery.funded_projects(process=found):
        progress = selectors_delivery.progress_of(proposal=project)
        rows.append(
            {
                "project_id": project.pk,
                "title": project.title,
                "status": progress.status,
                "milestones_done": progress.done,
                "milestones_total": progress.total,
                "milestones": [
                    {"title": m.title, "due_on": m.due_on, "done_on": m.done_on}
                    for m in project.milestones.all()
                ],
                "updates": [
                    {"status": u.status, "published_on": u.published_on, "text": u.text}
                    for u in project.status_updates.all()
                ],
            }
        )
    return rows
