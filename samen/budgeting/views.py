"""Public budgeting pages: processes, proposals, and submitting a proposal."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.budgeting import permissions, selectors, selectors_delivery, services
from samen.budgeting.forms import ProposalFilterForm, ProposalForm
from samen.budgeting.models import Process, Proposal
from samen.budgeting.money import to_major, to_minor
from samen.budgeting.permissions_channels import can_enter_paper_ballots
from samen.core.http import posted
from samen.inclusion.forms import readability_messages

PAGE_SIZE = 25


def refusal(request: HttpRequest, allowed: bool) -> HttpResponse | None:
    """None when allowed; else the login page for anonymous visitors, 403 for members."""
    if allowed:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def visible_process(request: HttpRequest, process_id: int) -> Process:
    process = get_object_or_404(Process.objects.prefetch_related("phases"), pk=process_id)
    if not permissions.can_view_process(request.user, process):
        raise Http404
    return process


def process_list(request: HttpRequest) -> HttpResponse:
    processes = list(selectors.processes_public())
    rows = [(p, selectors.current_phase(process=p)) for p in processes]
    return render(request, "budgeting/process_list.html", {"rows": rows})


def process_detail(request: HttpRequest, process_id: int) -> HttpResponse:
    process = visible_process(request, process_id)
    eligibility = None
    if request.user.is_authenticated:
        eligibility = selectors.eligibility_for(process=process, user=request.user)
    context = {
        "process": process,
        "phases": [p for p in selectors.process_phases(process=process) if p.enabled],
        "current": selectors.current_phase(process=process),
        "upcoming": selectors.next_phase(process=process),
        "budgets": selectors.process_budgets(process=process),
        "districts": process.districts.all(),
        "eligibility": eligibility,
        "can_submit": permissions.can_submit_proposal(request.user, process),
        "can_manage": permissions.can_view_process_management(request.user, process),
        "can_enter_paper": can_enter_paper_ballots(request.user, process),
    }
    return render(request, "budgeting/process_detail.html", context)


def proposal_list(request: HttpRequest, process_id: int) -> HttpResponse:
    process = visible_process(request, process_id)
    form = ProposalFilterForm(request.GET or None, process=process)
    district_id, category = None, ""
    if form.is_valid():
        district_id, category = form.cleaned_data["district"], form.cleaned_data["category"]
    proposals = selectors.proposals_public(
        process=process, district_id=district_id, category=category
    )
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "process": process,
        "form": form,
        "page": page,
        "query_string": f"{params.urlencode()}&" if params else "",
        "can_submit": permissions.can_submit_proposal(request.user, process),
    }
    return render(request, "budgeting/proposal_list.html", context)


def proposal_detail(request: HttpRequest, process_id: int, proposal_id: int) -> HttpResponse:
    process = visible_process(request, process_id)
    proposal = get_object_or_404(
        Proposal.objects.select_related("district", "merged_into", "author"),
        pk=proposal_id,
        process=process,
    )
    if not permissions.can_view_proposal(request.user, proposal):
        raise Http404
    context = {
        "process": process,
        "proposal": proposal,
        "merged_from": proposal.merged_from.filter(is_hidden=False).order_by("title"),
        "funded": selectors_delivery.project_is_funded(proposal=proposal),
        "can_edit": permissions.can_edit_proposal(request.user, proposal),
        "can_review": permissions.can_review_proposal(request.user, proposal),
        "can_hide": permissions.can_hide_proposal(request.user, proposal),
        "can_unhide": permissions.can_unhide_proposal(request.user, proposal),
    }
    return render(request, "budgeting/proposal_detail.html", context)


def _proposal_form_page(
    request: HttpRequest, process: Process, proposal: Proposal | None = None
) -> HttpResponse:
    """Submit a new proposal, or let its author change it; "Check my text first" only shows
    the reading hints, without saving and without error messages."""
    checking = request.POST.get("action") == "check"
    initial: dict[str, Any] = {}
    if proposal is not None:
        initial = {
            "title": proposal.title,
            "description": proposal.description,
            "estimated_cost": to_major(proposal.estimated_cost_minor),
            "district": proposal.district_id,
            "category": proposal.category,
            "location_text": proposal.location_text,
        }
    if checking:
        form = ProposalForm(initial=request.POST.dict(), process=process)
    else:
        form = ProposalForm(posted(request), initial=initial, process=process)
    if request.method == "POST" and not checking and form.is_valid():
        data = form.cleaned_data
        fields = {
            "title": data["title"],
            "description": data["description"],
            "estimated_cost_minor": to_minor(data["estimated_cost"]),
            "category": data["category"],
            "district": data["district"],
            "location_text": data["location_text"],
        }
        try:
            if proposal is None:
                saved = services.proposal_submit(author=request.user, process=process, **fields)
                done = _("Thank you. Your proposal is saved and published.")
            else:
                saved = services.proposal_update(author=request.user, proposal=proposal, **fields)
                done = _("Your changes are saved.")
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done)
            readability_messages(request, form)
            return redirect(
                "budgeting:proposal_detail", process_id=process.pk, proposal_id=saved.pk
            )
    context = {
        "process": process,
        "proposal": proposal,
        "form": form,
        "checking": checking,
        "readability": form.readability_hints() if request.method == "POST" else [],
    }
    return render(request, "budgeting/proposal_form.html", context)


@require_http_methods(["GET", "POST"])
def proposal_submit(request: HttpRequest, process_id: int) -> HttpResponse:
    process = visible_process(request, process_id)
    if denied := refusal(request, permissions.can_submit_proposal(request.user, process)):
        return denied
    return _proposal_form_page(request, process)


@require_http_methods(["GET", "POST"])
def proposal_edit(request: HttpRequest, process_id: int, proposal_id: int) -> HttpResponse:
    process = visible_process(request, process_id)
    proposal = get_object_or_404(Proposal, pk=proposal_id, process=process)
    if denied := refusal(request, permissions.can_edit_proposal(request.user, proposal)):
        return denied
    return _proposal_form_page(request, process, proposal)
