"""Open data as CSV: proposals (public or full) and published results.

Money is written in major units with a dot ("2500.00") so that any tool reads it, and text
that a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection).
"""

import csv
import io
from collections.abc import Iterable

from django.db.models import QuerySet

from samen.budgeting.models import Process, ProjectResult, Proposal
from samen.budgeting.money import MINOR_PER_MAJOR

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PUBLIC_PROPOSAL_COLUMNS = (
    "id",
    "title",
    "status",
    "district",
    "category",
    "estimated_cost",
    "cost",
    "currency",
    "location",
    "review_reason",
    "merged_into",
    "submitted_at",
)
ALL_PROPOSAL_COLUMNS = (*PUBLIC_PROPOSAL_COLUMNS, "hidden", "hidden_reason", "author_id")
RESULT_COLUMNS = (
    "budget",
    "district",
    "position",
    "project_id",
    "title",
    "cost",
    "currency",
    "votes",
    "points",
    "selected",
    "selected_by_greedy",
)


def safe(value: object) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def amount(minor: int | None) -> str:
    if minor is None:
        return ""
    whole, cents = divmod(minor, MINOR_PER_MAJOR)
    return f"{whole}.{cents:02d}"


def _csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([safe(value) for value in row] for row in rows)
    return out.getvalue()


def proposals_csv(*, process: Process, proposals: QuerySet[Proposal], full: bool) -> str:
    """`full` adds what only organisers see: hidden proposals, the reason, the author's id."""
    rows = []
    for p in proposals.select_related("district").order_by("id"):
        row: list[object] = [
            p.pk,
            p.title,
            p.status,
            p.district.name if p.district else "",
            p.category,
            amount(p.estimated_cost_minor),
            amount(p.cost_minor),
            process.currency,
            p.location_text,
            p.review_reason,
            p.merged_into_id or "",
            p.created_at.isoformat(),
        ]
        if full:
            row += ["yes" if p.is_hidden else "no", p.hidden_reason, p.author_id or ""]
        rows.append(row)
    return _csv(ALL_PROPOSAL_COLUMNS if full else PUBLIC_PROPOSAL_COLUMNS, rows)


def results_csv(*, process: Process, results: QuerySet[ProjectResult]) -> str:
    rows = [
        [
            r.budget_result.budget.name,
            r.budget_result.budget.district.name if r.budget_result.budget.district else "",
            r.position,
            r.proposal_id,
            r.proposal.title,
            amount(r.cost_minor),
            process.currency,
            r.votes,
            r.points,
            int(r.selected),
            int(r.selected_by_greedy),
        ]
        for r in results.select_related("proposal", "budget_result__budget__district").order_by(
            "budget_result__budget__district__name", "budget_result__budget__name", "position"
        )
    ]
    return _csv(RESULT_COLUMNS, rows)
