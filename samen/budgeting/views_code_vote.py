"""Voting with a code from a letter: no account needed.

Enter the code (a QR code on the letter fills it in), answer the eligibility questions, fill
in the ballot, check it, cast it, get a receipt. The browser session holds the code's id,
never the code; it is forgotten once the receipt is shown, so a shared computer does not stay
"logged in" with someone's code. The same code changes the vote until voting closes.
"""

from types import SimpleNamespace
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from samen.budgeting import ballots, permissions, selectors, services_voting
from samen.budgeting import services_channels as channels
from samen.budgeting.forms_channels import CodeEntryForm, EligibilityForm
from samen.budgeting.forms_voting import BallotForm
from samen.budgeting.models import Channel, PhaseKind, Process, VoterRollEntry, VotingCode
from samen.budgeting.selectors_channels import ballot_choices
from samen.budgeting.views_manage import attempt
from samen.budgeting.voting_summary import answers_for
from samen.core.forms import SamenForm
from samen.core.http import posted

CODE_DOES_NOT_WORK = gettext_lazy(
    "This code does not work. Check that you typed it as it is on your letter. If it still "
    "does not work, ask the organisers for a new code."
)


def _code_process(request: HttpRequest, process_id: int) -> Process:
    process = get_object_or_404(Process.objects.prefetch_related("phases"), pk=process_id)
    if not permissions.can_view_process(request.user, process):
        raise Http404
    if not process.voting_codes_enabled:
        raise Http404
    return process


def _key(process: Process) -> str:
    return f"budgeting_code_{process.pk}"


def _voting_open(process: Process) -> bool:
    return selectors.phase_kind_is_open(process=process, kind=PhaseKind.VOTING)


def _code(request: HttpRequest, process: Process) -> VotingCode | None:
    code_id = request.session.get(_key(process))
    if code_id is None:
        return None
    return (
        VotingCode.objects.select_related("user")
        .filter(pk=code_id, process=process, revoked_at__isnull=True)
        .first()
    )


def _entry(process: Process, code: VotingCode) -> VoterRollEntry | None:
    voter_key = services_voting.voter_key_for_code(code)
    return (
        VoterRollEntry.objects.select_related("district", "ballot")
        .filter(process=process, voter_key=voter_key)
        .first()
    )


def _address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


@require_http_methods(["GET", "POST"])
def code_enter(request: HttpRequest, process_id: int) -> HttpResponse:
    process = _code_process(request, process_id)
    initial = {"code": request.GET.get("code", "")[:40]}
    form = CodeEntryForm(posted(request), initial=initial)
    voting_open = _voting_open(process)
    if request.method == "POST" and form.is_valid():
        address = _address(request)
        code = None
        if not voting_open:
            form.add_error(None, _("Voting is not open in this process."))
        elif channels.code_attempts_exhausted(address=address, process=process):
            form.add_error(
                "code", _("Too many codes were tried from here. Wait 15 minutes and try again.")
            )
        else:
            code = channels.voting_code_find(process=process, typed=form.cleaned_data["code"])
            if code is None and channels.code_normalise(form.cleaned_data["code"]):
                channels.code_attempt_failed(address=address, process=process)
            if code is None:
                form.add_error("code", CODE_DOES_NOT_WORK)
        entry = _entry(process, code) if code else None
        if entry is not None:
            attempt(form, lambda: services_voting._refuse_other_channel(entry, Channel.CODE))
        if code is not None and not form.errors:
            request.session.cycle_key()
            request.session[_key(process)] = code.pk
            target = "budgeting:code_ballot" if entry else "budgeting:code_details"
            return redirect(target, process_id=process.pk)
    context = {"process": process, "form": form, "voting_open": voting_open}
    return render(request, "budgeting/channels/code_enter.html", context)


def _eligibility_errors(process: Process, data: dict[str, Any]) -> tuple[list[str], Any]:
    person = SimpleNamespace(year_of_birth=data["year_of_birth"], postcode=data.get("postcode", ""))
    found = selectors.eligibility_for(process=process, user=person)
    texts = {
        "too_young": _("You are too young to vote in this process. Voters are %(age)d or older.")
        % {"age": process.min_age},
        "too_old": _("This vote is for people up to %(age)d years old.")
        % {"age": process.max_age or 0},
        "outside_area": _("This postcode is not in the area of this process."),
    }
    return [texts[reason] for reason in found.reasons if reason in texts], found.district


@require_http_methods(["GET", "POST"])
def code_details(request: HttpRequest, process_id: int) -> HttpResponse:
    """The eligibility questions: year of birth, and the postcode that gives the district."""
    process = _code_process(request, process_id)
    code = _code(request, process)
    if code is None:
        return redirect("budgeting:code_enter", process_id=process.pk)
    if _entry(process, code) is not None:
        return redirect("budgeting:code_ballot", process_id=process.pk)
    form = EligibilityForm(posted(request), process=process)
    if request.method == "POST" and form.is_valid():
        problems, district = _eligibility_errors(process, form.cleaned_data)
        for problem in problems:
            field = "postcode" if problem.endswith("area of this process.") else "year_of_birth"
            form.add_error(field, problem)
        if not problems:
            started = attempt(
                form,
                lambda: services_voting.ballot_start(
                    process=process,
                    voter_key=services_voting.voter_key_for_code(code),
                    channel=Channel.CODE,
                    user=code.user,
                    district=district,
                    year_of_birth=form.cleaned_data["year_of_birth"],
                ),
            )
            if started is not None:
                return redirect("budgeting:code_ballot", process_id=process.pk)
    context = {"process": process, "form": form}
    return render(request, "budgeting/channels/code_details.html", context)


def _started(request: HttpRequest, process: Process) -> tuple[Any, Any]:
    code = _code(request, process)
    entry = _entry(process, code) if code else None
    return code, entry


@require_http_methods(["GET", "POST"])
def code_ballot(request: HttpRequest, process_id: int) -> HttpResponse:
    process = _code_process(request, process_id)
    _code, entry = _started(request, process)
    if entry is None:
        return redirect("budgeting:code_enter", process_id=process.pk)
    saved = ballots.choices_from_json(entry.draft) or ballot_choices(ballot=entry.ballot)
    form = BallotForm(
        posted(request),
        process=process,
        district=entry.district,
        seed=entry.order_seed,
        initial_choices=saved,
    )
    if request.method == "POST":
        updating = request.POST.get("action") == "update"
        if updating or form.is_valid():
            done = attempt(
                form, lambda: services_voting.ballot_draft_save(entry=entry, choices=form.choices())
            )
            if done is not None:
                target = "budgeting:code_ballot" if updating else "budgeting:code_check"
                return redirect(target, process_id=process.pk)
    context = {"process": process, "form": form, "entry": entry}
    return render(request, "budgeting/channels/code_ballot.html", context)


@require_http_methods(["GET", "POST"])
def code_check(request: HttpRequest, process_id: int) -> HttpResponse:
    """Check your answers, then cast the vote."""
    process = _code_process(request, process_id)
    code, entry = _started(request, process)
    if entry is None:
        return redirect("budgeting:code_enter", process_id=process.pk)
    choices = ballots.choices_from_json(entry.draft)
    if not choices:
        return redirect("budgeting:code_ballot", process_id=process.pk)
    form = SamenForm(posted(request))
    if request.method == "POST" and form.is_valid():
        receipt = attempt(
            form,
            lambda: services_voting.ballot_submit(
                process=process,
                voter_key=entry.voter_key,
                channel=Channel.CODE,
                choices=choices,
                user=code.user,
                voting_code=code,
            ),
        )
        if receipt is not None:
            request.session.pop(_key(process), None)
            request.session[f"{_key(process)}_receipt"] = {
                "code": receipt.code,
                "changed": receipt.changed,
            }
            return redirect("budgeting:code_receipt", process_id=process.pk)
    answers = answers_for(process=process, district=entry.district, choices=choices)
    context = {"process": process, "form": form, "answers": answers, "entry": entry}
    return render(request, "budgeting/channels/code_check.html", context)


@require_http_methods(["GET"])
def code_receipt(request: HttpRequest, process_id: int) -> HttpResponse:
    process = _code_process(request, process_id)
    receipt = request.session.get(f"{_key(process)}_receipt")
    if receipt is None:
        return redirect("budgeting:code_enter", process_id=process.pk)
    return render(
        request, "budgeting/channels/code_receipt.html", {"process": process, "receipt": receipt}
    )
