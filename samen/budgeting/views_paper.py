"""Paper ballots: one authorised person enters a ballot, a second one checks and confirms it.

Entering takes two steps: who the voter is (and their district, which decides the ballot),
then their choices on the same ballot form online voters use. The first step is kept in the
session as the voter-roll key only, never as a typed code.
"""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.budgeting import ballots, selectors
from samen.budgeting import permissions_channels as permissions
from samen.budgeting import services_paper as paper
from samen.budgeting.forms_channels import PaperCheckForm, PaperIdentityForm
from samen.budgeting.forms_voting import BallotForm
from samen.budgeting.models import PaperBallotEntry, PaperStatus, PhaseKind, Process
from samen.budgeting.views import refusal
from samen.budgeting.views_manage import attempt
from samen.budgeting.voting_summary import answers_for
from samen.core.http import posted


def _session_key(process: Process) -> str:
    return f"budgeting_paper_{process.pk}"


def _paper_process(request: HttpRequest, process_id: int) -> tuple[Process, Any]:
    process = get_object_or_404(Process.objects.prefetch_related("phases"), pk=process_id)
    return process, refusal(request, permissions.can_enter_paper_ballots(request.user, process))


def _voting_open(process: Process) -> bool:
    return selectors.phase_kind_is_open(process=process, kind=PhaseKind.VOTING)


@require_http_methods(["GET"])
def paper_list(request: HttpRequest, process_id: int) -> HttpResponse:
    process, denied = _paper_process(request, process_id)
    if denied:
        return denied
    entries = PaperBallotEntry.objects.filter(process=process).select_related(
        "entered_by", "checked_by"
    )
    context = {
        "process": process,
        "waiting": list(entries.filter(status=PaperStatus.ENTERED)),
        "checked": list(entries.exclude(status=PaperStatus.ENTERED).order_by("-checked_at")[:20]),
        "confirmed_count": entries.filter(status=PaperStatus.CONFIRMED).count(),
        "voting_open": _voting_open(process),
        "can_manage_team": permissions.can_manage_paper_team(request.user),
    }
    return render(request, "budgeting/channels/paper_list.html", context)


@require_http_methods(["GET", "POST"])
def paper_enter(request: HttpRequest, process_id: int) -> HttpResponse:
    """Step 1: who voted, and which district's ballot they filled in."""
    process, denied = _paper_process(request, process_id)
    if denied:
        return denied
    form = PaperIdentityForm(posted(request), process=process)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        identity = attempt(
            form,
            lambda: paper.paper_identity_check(
                process=process, kind=data["kind"], value=data["identity"]
            ),
        )
        if identity is not None:
            district = data["district"]
            request.session[_session_key(process)] = {
                **identity.as_session(),
                "district_id": district.pk if district else None,
                "year_of_birth": data["year_of_birth"],
            }
            return redirect("budgeting:paper_choices", process_id=process.pk)
    context = {"process": process, "form": form, "voting_open": _voting_open(process)}
    return render(request, "budgeting/channels/paper_enter.html", context)


@require_http_methods(["GET", "POST"])
def paper_choices(request: HttpRequest, process_id: int) -> HttpResponse:
    """Step 2: the choices on the paper. Saving waits for a second person to confirm."""
    process, denied = _paper_process(request, process_id)
    if denied:
        return denied
    started = request.session.get(_session_key(process))
    if not started:
        return redirect("budgeting:paper_enter", process_id=process.pk)
    district = process.districts.filter(pk=started["district_id"]).first()
    form = BallotForm(posted(request), process=process, district=district, seed=process.pk)
    if request.method == "POST" and request.POST.get("action") != "update" and form.is_valid():
        identity = paper.PaperIdentity(
            **{k: started[k] for k in ("kind", "voter_key", "hint", "user_id", "voting_code_id")}
        )
        entry = attempt(
            form,
            lambda: paper.paper_ballot_enter(
                actor=request.user,
                process=process,
                identity=identity,
                district=district,
                year_of_birth=started["year_of_birth"],
                choices=form.choices(),
            ),
        )
        if entry is not None:
            del request.session[_session_key(process)]
            messages.success(
                request,
                _("The paper ballot is entered. A second person must now check and confirm it."),
            )
            return redirect("budgeting:paper_list", process_id=process.pk)
    context = {"process": process, "form": form, "started": started, "district": district}
    return render(request, "budgeting/channels/paper_choices.html", context)


@require_http_methods(["GET", "POST"])
def paper_check(request: HttpRequest, process_id: int, entry_id: int) -> HttpResponse:
    """The second person compares the entry with the paper, then confirms or rejects it."""
    process, denied = _paper_process(request, process_id)
    if denied:
        return denied
    entry = get_object_or_404(
        PaperBallotEntry.objects.select_related("entered_by", "district"),
        pk=entry_id,
        process=process,
    )
    if not permissions.can_check_paper_ballot(request.user, entry):
        raise Http404
    own = entry.entered_by_id == request.user.pk
    form = PaperCheckForm(posted(request), may_confirm=not own)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["decision"] == "confirm":
            done = attempt(
                form, lambda: paper.paper_ballot_confirm(actor=request.user, entry=entry)
            )
            message = _("The paper ballot is confirmed and counts.")
        else:
            done = attempt(
                form,
                lambda: paper.paper_ballot_reject(
                    actor=request.user, entry=entry, reason=form.cleaned_data["reason"]
                ),
            )
            message = _("The entry is rejected. Nothing was counted.")
        if done is not None:
            messages.success(request, message)
            return redirect("budgeting:paper_list", process_id=process.pk)
    choices = ballots.choices_from_json(entry.choices)
    context = {
        "process": process,
        "entry": entry,
        "own": own,
        "form": form,
        "answers": answers_for(process=process, district=entry.district, choices=choices),
    }
    return render(request, "budgeting/channels/paper_check.html", context)
