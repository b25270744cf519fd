"""Management pages (under a "manage" path segment, so staff pass two-factor first)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.budgeting import permissions, selectors, services
from samen.budgeting.forms_manage import (
    BudgetForm,
    DistrictForm,
    PhaseForm,
    ProcessCreateForm,
    ProcessForm,
    end_of,
    start_of,
)
from samen.budgeting.models import Budget, District, Phase, Process, ProposalStatus
from samen.budgeting.money import to_major, to_minor
from samen.budgeting.services import PROCESS_FIELDS
from samen.budgeting.views import refusal
from samen.core.access import allowed_if
from samen.core.forms import SamenForm
from samen.core.http import posted


def attempt(form: SamenForm, write: Callable[[], Any]) -> Any:
    """Run a service; its validation errors land on the form's fields. None on failure."""
    try:
        return write()
    except ValidationError as error:
        form.add_error(None, error)
        return None


@allowed_if(permissions.can_view_budgeting_management)
def process_list(request: HttpRequest) -> HttpResponse:
    processes = selectors.processes_for_management()
    rows = [(p, selectors.current_phase(process=p)) for p in processes]
    context = {"rows": rows, "can_create": permissions.can_manage_process(request.user)}
    return render(request, "budgeting/manage/process_list.html", context)


@allowed_if(permissions.can_manage_process)
@require_http_methods(["GET", "POST"])
def process_create(request: HttpRequest) -> HttpResponse:
    form = ProcessCreateForm(posted(request), initial={"min_age": 16, "residency_required": True})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        starts_at = start_of(data.pop("starts_on"))
        process = attempt(
            form,
            lambda: services.process_create(actor=request.user, starts_at=starts_at, **data),
        )
        if process is not None:
            messages.success(request, _("The process is created. Check its phases next."))
            return redirect("budgeting:manage_process", process_id=process.pk)
    return render(request, "budgeting/manage/process_form.html", {"form": form})


@require_http_methods(["GET"])
def manage_process(request: HttpRequest, process_id: int) -> HttpResponse:
    process = get_object_or_404(Process.objects.prefetch_related("phases"), pk=process_id)
    if denied := refusal(request, permissions.can_view_process_management(request.user, process)):
        return denied
    status = request.GET.get("status", "")
    if status not in (*ProposalStatus.values, "hidden"):
        status = ""
    proposals = selectors.proposals_for_management(process=process, status=status)
    context = {
        "process": process,
        "phases": selectors.process_phases(process=process),
        "current": selectors.current_phase(process=process),
        "ballot_fixed": selectors.ballot_is_fixed(process=process),
        "budgets": selectors.process_budgets(process=process),
        "districts": process.districts.all(),
        "counts": selectors.proposal_counts(process=process),
        "statuses": ProposalStatus.choices,
        "status": status,
        "page": Paginator(proposals, 50).get_page(request.GET.get("page")),
        "can_manage": permissions.can_manage_process(request.user, process),
        "is_moderator": permissions.can_moderate_proposals(request.user, process),
        "query_string": f"status={status}&" if status else "",
    }
    return render(request, "budgeting/manage/process.html", context)


@require_http_methods(["GET", "POST"])
def process_edit(request: HttpRequest, process_id: int) -> HttpResponse:
    process = get_object_or_404(Process.objects.prefetch_related("phases"), pk=process_id)
    if denied := refusal(request, permissions.can_manage_process(request.user, process)):
        return denied
    initial = {name: getattr(process, name) for name in PROCESS_FIELDS}
    form = ProcessForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            lambda: services.process_update(
                actor=request.user, process=process, **form.cleaned_data
            ),
        )
        if done is not None:
            messages.success(request, _("The process is saved."))
            return redirect("budgeting:manage_process", process_id=process.pk)
    context = {
        "form": form,
        "process": process,
        "rule_locked": selectors.ballot_is_fixed(process=process),
    }
    return render(request, "budgeting/manage/process_form.html", context)


@require_http_methods(["GET", "POST"])
def phase_edit(request: HttpRequest, process_id: int, kind: str) -> HttpResponse:
    phase = get_object_or_404(
        Phase.objects.select_related("process"), process_id=process_id, kind=kind
    )
    if denied := refusal(request, permissions.can_manage_process(request.user, phase.process)):
        return denied
    form = PhaseForm(posted(request), phase=phase)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = attempt(
            form,
            lambda: services.phase_update(
                actor=request.user,
                phase=phase,
                starts_at=start_of(data["starts_on"]),
                ends_at=end_of(data["ends_on"]) if data["ends_on"] else None,
                enabled=data["enabled"],
            ),
        )
        if done is not None:
            messages.success(request, _("The phase is saved."))
            return redirect("budgeting:manage_process", process_id=process_id)
    return render(request, "budgeting/manage/phase_form.html", {"form": form, "phase": phase})


def _saved(request: HttpRequest, process: Process) -> HttpResponse:
    messages.success(request, _("Saved."))
    return redirect("budgeting:manage_process", process_id=process.pk)


def _area_page(
    request: HttpRequest, *, form: SamenForm, process: Process, kind: str, existing: Any
) -> HttpResponse:
    context = {"form": form, "process": process, "kind": kind, "existing": existing}
    context["locked"] = kind == "budget" and selectors.ballot_is_fixed(process=process)
    return render(request, "budgeting/manage/area_form.html", context)


@require_http_methods(["GET", "POST"])
def district_edit(
    request: HttpRequest, process_id: int, district_id: int | None = None
) -> HttpResponse:
    """Add a district (no `district_id`) or change one."""
    process = get_object_or_404(Process, pk=process_id)
    if denied := refusal(request, permissions.can_manage_process(request.user, process)):
        return denied
    district = None
    initial: dict[str, Any] = {}
    if district_id is not None:
        district = get_object_or_404(District, pk=district_id, process=process)
        initial = {"name": district.name, "postcode_patterns": district.postcode_patterns}
    form = DistrictForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if district is None:
            write = lambda: services.district_create(  # noqa: E731
                actor=request.user, process=process, **data
            )
        else:
            write = lambda: services.district_update(  # noqa: E731
                actor=request.user, district=district, **data
            )
        if attempt(form, write) is not None:
            return _saved(request, process)
    return _area_page(request, form=form, process=process, kind="district", existing=district)


@require_http_methods(["GET", "POST"])
def budget_edit(
    request: HttpRequest, process_id: int, budget_id: int | None = None
) -> HttpResponse:
    """Add a budget (no `budget_id`) or change one."""
    process = get_object_or_404(Process.objects.prefetch_related("phases"), pk=process_id)
    if denied := refusal(request, permissions.can_manage_process(request.user, process)):
        return denied
    budget = None
    initial: dict[str, Any] = {}
    if budget_id is not None:
        budget = get_object_or_404(Budget, pk=budget_id, process=process)
        initial = {
            "name": budget.name,
            "district": budget.district_id,
            "amount": to_major(budget.amount_minor),
            **{name: getattr(budget, name) for name in services.BALLOT_DESIGN_FIELDS},
        }
    form = BudgetForm(posted(request), initial=initial, process=process)
    if request.method == "POST" and form.is_valid():
        fields = {
            "name": form.cleaned_data["name"],
            "district": form.cleaned_data["district"],
            "amount_minor": to_minor(form.cleaned_data["amount"]),
            **form.design(),
        }
        if budget is None:
            write = lambda: services.budget_create(  # noqa: E731
                actor=request.user, process=process, **fields
            )
        else:
            write = lambda: services.budget_update(  # noqa: E731
                actor=request.user, budget=budget, **fields
            )
        if attempt(form, write) is not None:
            return _saved(request, process)
    return _area_page(request, form=form, process=process, kind="budget", existing=budget)
