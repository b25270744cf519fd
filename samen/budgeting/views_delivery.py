"""Delivery pages: public progress per process and per project, following a project, and the
organisers' status updates and milestones (under "manage")."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.accounts.views_helpers import base_url
from samen.budgeting import permissions_delivery as perms
from samen.budgeting import selectors, selectors_delivery, services_delivery
from samen.budgeting.forms_delivery import (
    FollowForm,
    MilestoneForm,
    StatusUpdateChangeForm,
    StatusUpdateForm,
)
from samen.budgeting.models import DeliveryStatus, Milestone, Process, Proposal, StatusUpdate
from samen.budgeting.tasks_delivery import follow_for_token, unfollow_token
from samen.budgeting.views import refusal, visible_process
from samen.budgeting.views_manage import attempt
from samen.core.http import posted


def _funded(process: Process, proposal_id: int) -> Proposal:
    """A funded project of the process with its prefetches, or 404."""
    proposal = selectors_delivery.funded_projects(process=process).filter(pk=proposal_id).first()
    if proposal is None:
        raise Http404
    return proposal


def _rows(process: Process) -> list[tuple[Proposal, selectors_delivery.Progress]]:
    projects = selectors_delivery.funded_projects(process=process)
    return [(p, selectors_delivery.progress_of(proposal=p)) for p in projects]


def _status_totals(rows: list[tuple[Proposal, Any]]) -> list[tuple[str, int]]:
    totals = {value: 0 for value in DeliveryStatus.values}
    for _proposal, progress in rows:
        totals[progress.status] += 1
    return [(DeliveryStatus(value).label, n) for value, n in totals.items() if n]


@require_http_methods(["GET"])
def delivery_process(request: HttpRequest, process_id: int) -> HttpResponse:
    process = visible_process(request, process_id)
    rows = _rows(process)
    context = {
        "process": process,
        "rows": rows,
        "totals": _status_totals(rows),
        "published": selectors_delivery.published_count(process=process) is not None,
        "can_manage": perms.can_manage_delivery(request.user, process),
    }
    return render(request, "budgeting/delivery/process.html", context)


@require_http_methods(["GET"])
def delivery_project(request: HttpRequest, process_id: int, proposal_id: int) -> HttpResponse:
    process = visible_process(request, process_id)
    proposal = _funded(process, proposal_id)
    follow = selectors_delivery.follow_of(user=request.user, proposal=proposal)
    context = {
        "process": process,
        "proposal": proposal,
        "progress": selectors_delivery.progress_of(proposal=proposal),
        "updates": list(proposal.status_updates.all()),
        "milestones": list(proposal.milestones.all()),
        "follow_token": unfollow_token(follow) if follow else "",
        "can_follow": perms.can_follow_project(request.user, proposal),
        "can_manage": perms.can_manage_delivery(request.user, process),
    }
    return render(request, "budgeting/delivery/project.html", context)


@require_http_methods(["GET", "POST"])
def delivery_follow(request: HttpRequest, process_id: int, proposal_id: int) -> HttpResponse:
    """Ask for the project's news by email: an explicit opt-in, apart from any ballot."""
    process = visible_process(request, process_id)
    proposal = _funded(process, proposal_id)
    if denied := refusal(request, perms.can_follow_project(request.user, proposal)):
        return denied
    form = FollowForm(posted(request))
    follow = lambda: services_delivery.project_follow(  # noqa: E731
        user=request.user, proposal=proposal
    )
    if request.method == "POST" and form.is_valid() and attempt(form, follow):
        messages.success(request, _("You follow this project. We email you when there is news."))
        return redirect(
            "budgeting:delivery_project", process_id=process.pk, proposal_id=proposal.pk
        )
    following = selectors_delivery.follow_of(user=request.user, proposal=proposal) is not None
    context = {"process": process, "proposal": proposal, "form": form, "following": following}
    return render(request, "budgeting/delivery/follow.html", context)


@require_http_methods(["GET", "POST"])
def delivery_unfollow(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every update email: works without logging in, asks before it stops."""
    follow = follow_for_token(token)
    form = FollowForm(posted(request))
    if follow is not None and request.method == "POST" and form.is_valid():
        proposal = follow.proposal
        services_delivery.project_unfollow(user=follow.user, proposal=proposal)
        messages.success(request, _("You no longer get emails about this project."))
        return redirect(
            "budgeting:delivery_project", process_id=proposal.process_id, proposal_id=proposal.pk
        )
    context = {"follow": follow, "form": form}
    return render(request, "budgeting/delivery/unfollow.html", context)


# --------------------------------------------------------------------------- management


def _managed(request: HttpRequest, process_id: int) -> tuple[Process, HttpResponse | None]:
    process = get_object_or_404(Process.objects.prefetch_related("phases"), pk=process_id)
    return process, refusal(request, perms.can_manage_delivery(request.user, process))


@require_http_methods(["GET"])
def delivery_manage(request: HttpRequest, process_id: int) -> HttpResponse:
    process, denied = _managed(request, process_id)
    if denied:
        return denied
    context = {
        "process": process,
        "rows": _rows(process),
        "published": selectors_delivery.published_count(process=process) is not None,
        "current": selectors.current_phase(process=process),
    }
    return render(request, "budgeting/delivery/manage.html", context)


@require_http_methods(["GET", "POST"])
def delivery_manage_project(
    request: HttpRequest, process_id: int, proposal_id: int
) -> HttpResponse:
    """The project's delivery news: post a status update; list updates and milestones."""
    process, denied = _managed(request, process_id)
    if denied:
        return denied
    proposal = _funded(process, proposal_id)
    form = StatusUpdateForm(posted(request), initial={"published_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            lambda: services_delivery.status_update_create(
                actor=request.user,
                proposal=proposal,
                base_url=base_url(request),
                **form.cleaned_data,
            ),
        )
        if done is not None:
            messages.success(request, _("The update is published. Followers get an email."))
            return redirect(
                "budgeting:delivery_manage_project", process_id=process.pk, proposal_id=proposal.pk
            )
    context = {
        "process": process,
        "proposal": proposal,
        "form": form,
        "progress": selectors_delivery.progress_of(proposal=proposal),
        "updates": list(proposal.status_updates.all()),
        "milestones": list(proposal.milestones.all()),
        "followers": proposal.follows.count(),
    }
    return render(request, "budgeting/delivery/manage_project.html", context)


def _back(process: Process, proposal: Proposal) -> HttpResponse:
    return redirect(
        "budgeting:delivery_manage_project", process_id=process.pk, proposal_id=proposal.pk
    )


@require_http_methods(["GET", "POST"])
def status_update_edit(
    request: HttpRequest, process_id: int, proposal_id: int, update_id: int
) -> HttpResponse:
    process, denied = _managed(request, process_id)
    if denied:
        return denied
    proposal = _funded(process, proposal_id)
    update = get_object_or_404(StatusUpdate, pk=update_id, proposal=proposal)
    initial = {"status": update.status, "published_on": update.published_on, "text": update.text}
    form = StatusUpdateChangeForm(posted(request), initial=initial)
    change = lambda: services_delivery.status_update_change(  # noqa: E731
        actor=request.user, update=update, **form.cleaned_data
    )
    if request.method == "POST" and form.is_valid() and attempt(form, change):
        messages.success(request, _("The update is corrected."))
        return _back(process, proposal)
    context = {"process": process, "proposal": proposal, "form": form, "update": update}
    return render(request, "budgeting/delivery/update_form.html", context)


@require_http_methods(["GET", "POST"])
def milestone_edit(
    request: HttpRequest, process_id: int, proposal_id: int, milestone_id: int | None = None
) -> HttpResponse:
    """Add a milestone (no `milestone_id`), or change or remove one."""
    process, denied = _managed(request, process_id)
    if denied:
        return denied
    proposal = _funded(process, proposal_id)
    milestone = None
    initial: dict[str, Any] = {}
    if milestone_id is not None:
        milestone = get_object_or_404(Milestone, pk=milestone_id, proposal=proposal)
        initial = {
            "title": milestone.title,
            "due_on": milestone.due_on,
            "done_on": milestone.done_on,
        }
    form = MilestoneForm(posted(request), initial=initial, deletable=milestone is not None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        remove = data.pop("remove", False)
        if milestone is None:
            write = lambda: services_delivery.milestone_create(  # noqa: E731
                actor=request.user, proposal=proposal, **data
            )
        elif remove:
            write = lambda: services_delivery.milestone_delete(  # noqa: E731
                actor=request.user, milestone=milestone
            )
        else:
            write = lambda: services_delivery.milestone_change(  # noqa: E731
                actor=request.user, milestone=milestone, **data
            )
        try:
            write()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return _back(process, proposal)
    context = {"process": process, "proposal": proposal, "form": form, "milestone": milestone}
    return render(request, "budgeting/delivery/milestone_form.html", context)
