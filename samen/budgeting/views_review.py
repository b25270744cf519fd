"""Staff pages for one proposal: review, merge and shortlist (organisers), hide (moderators)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.budgeting import permissions, services
from samen.budgeting.forms import HideForm, UnhideForm
from samen.budgeting.forms_manage import MergeForm, ReviewForm, ShortlistForm
from samen.budgeting.models import Proposal, ProposalStatus
from samen.budgeting.money import to_major, to_minor
from samen.budgeting.views import refusal
from samen.budgeting.views_manage import attempt
from samen.core.forms import SamenForm
from samen.core.http import posted


def _proposal_page(
    request: HttpRequest,
    process_id: int,
    proposal_id: int,
    *,
    allowed: Callable[[Any, Proposal], bool],
    make_form: Callable[[Proposal, Any], SamenForm],
    write: Callable[[Proposal, dict[str, Any]], Any],
    template: str,
    done_message: str,
) -> HttpResponse:
    """Load the proposal, check `allowed`, and run `write` with the valid form's data."""
    proposal = get_object_or_404(
        Proposal.objects.select_related("process", "district", "merged_into"),
        pk=proposal_id,
        process_id=process_id,
    )
    if denied := refusal(request, allowed(request.user, proposal)):
        return denied
    form = make_form(proposal, posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(form, lambda: write(proposal, form.cleaned_data)) is not None
    ):
        messages.success(request, done_message)
        return redirect("budgeting:manage_process", process_id=process_id)
    context = {"form": form, "proposal": proposal, "process": proposal.process}
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def proposal_review(request: HttpRequest, process_id: int, proposal_id: int) -> HttpResponse:
    def make_form(proposal: Proposal, data: Any) -> SamenForm:
        initial: dict[str, Any] = {"reason": proposal.review_reason}
        if proposal.status in (ProposalStatus.FEASIBLE, ProposalStatus.NOT_FEASIBLE):
            initial["decision"] = proposal.status
        if proposal.adjusted_cost_minor:
            initial["adjusted_cost"] = to_major(proposal.adjusted_cost_minor)
        return ReviewForm(data, initial=initial)

    def write(proposal: Proposal, data: dict[str, Any]) -> Proposal:
        adjusted = data["adjusted_cost"]
        return services.proposal_review(
            actor=request.user,
            proposal=proposal,
            feasible=data["decision"] == "feasible",
            reason=data["reason"],
            adjusted_cost_minor=to_minor(adjusted) if adjusted is not None else None,
        )

    return _proposal_page(
        request,
        process_id,
        proposal_id,
        allowed=permissions.can_review_proposal,
        make_form=make_form,
        write=write,
        template="budgeting/manage/proposal_review.html",
        done_message=_("The review is saved."),
    )


@require_http_methods(["GET", "POST"])
def proposal_merge(request: HttpRequest, process_id: int, proposal_id: int) -> HttpResponse:
    return _proposal_page(
        request,
        process_id,
        proposal_id,
        allowed=permissions.can_merge_proposal,
        make_form=lambda proposal, data: MergeForm(data, proposal=proposal),
        write=lambda proposal, data: services.proposal_merge(
            actor=request.user, proposal=proposal, into=data["into"], reason=data["reason"]
        ),
        template="budgeting/manage/proposal_merge.html",
        done_message=_("The proposal is merged."),
    )


@require_http_methods(["GET", "POST"])
def proposal_shortlist(request: HttpRequest, process_id: int, proposal_id: int) -> HttpResponse:
    def make_form(proposal: Proposal, data: Any) -> SamenForm:
        on_ballot = proposal.status == ProposalStatus.SHORTLISTED
        return ShortlistForm(data, initial={"on_ballot": "yes" if on_ballot else "no"})

    return _proposal_page(
        request,
        process_id,
        proposal_id,
        allowed=permissions.can_shortlist_proposal,
        make_form=make_form,
        write=lambda proposal, data: services.proposal_shortlist(
            actor=request.user, proposal=proposal, on_ballot=data["on_ballot"]
        ),
        template="budgeting/manage/proposal_shortlist.html",
        done_message=_("The ballot is updated."),
    )


@require_http_methods(["GET", "POST"])
def proposal_hide(request: HttpRequest, process_id: int, proposal_id: int) -> HttpResponse:
    return _proposal_page(
        request,
        process_id,
        proposal_id,
        allowed=permissions.can_hide_proposal,
        make_form=lambda proposal, data: HideForm(data),
        write=lambda proposal, data: services.proposal_hide(
            actor=request.user, proposal=proposal, reason=data["reason"]
        ),
        template="budgeting/manage/proposal_hide.html",
        done_message=_("The proposal is hidden."),
    )


@require_http_methods(["GET", "POST"])
def proposal_unhide(request: HttpRequest, process_id: int, proposal_id: int) -> HttpResponse:
    return _proposal_page(
        request,
        process_id,
        proposal_id,
        allowed=permissions.can_unhide_proposal,
        make_form=lambda proposal, data: UnhideForm(data),
        write=lambda proposal, data: services.proposal_unhide(
            actor=request.user, proposal=proposal, reason=data["reason"]
        ),
        template="budgeting/manage/proposal_hide.html",
        done_message=_("The proposal is visible again."),
    )
