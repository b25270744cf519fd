"""Online voting: start, the ballot (with a saved draft), check your answers, submit, receipt.

Every page first checks who is asking (`_gate`): visitors log in, a closed vote gets a clear
page, and someone who may not vote is told why and how to fix it. While a Digicoach runs an
assisted session (samen.inclusion), these URLs run as the resident: the vote is cast with
channel ASSISTED and the coach's declaration, and recorded as an assisted action. There, a
step that saves without casting the vote answers with its next page rather than a redirect,
because the assisted-digital middleware keeps a redirected vote POST only when it carries
the recorded declaration.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samen.budgeting import ballots, permissions, selectors, services_voting
from samen.budgeting.forms_voting import BallotForm, StartVoteForm, SubmitVoteForm
from samen.budgeting.models import Channel, PhaseKind, Process, VoterRollEntry
from samen.budgeting.views import visible_process
from samen.budgeting.voting_summary import answers_for, voting_phase
from samen.core.http import posted
from samen.inclusion.assisted import AssistedActionKind, assisted_action_record, current_assistance

GET_POST = ["GET", "POST"]


class Voter:
    """Who is voting in this request, in which process, and where their roll entry stands."""

    def __init__(self, request: HttpRequest, process: Process) -> None:
        self.request = request
        self.process = process
        self.user = request.user
        self.assistance = current_assistance(request)
        self.channel = Channel.ASSISTED if self.assistance is not None else Channel.ONLINE
        self.eligibility = selectors.eligibility_for(process=process, user=self.user)
        self.key = services_voting.voter_key_for_user(self.user)
        self.entry = (
            VoterRollEntry.objects.select_related("ballot")
            .filter(process=process, voter_key=self.key)
            .first()
        )

    @property
    def has_voted(self) -> bool:
        return self.entry is not None and self.entry.submitted_at is not None

    @property
    def voted_another_way(self) -> bool:
        """A vote cast through another channel (paper, a code, a coach) cannot change here."""
        return self.has_voted and self.entry.channel != self.channel  # type: ignore[union-attr]

    def submitted_choices(self) -> ballots.Choices:
        if self.entry is None or self.entry.ballot is None:
            return {}
        choices: ballots.Choices = {}
        for choice in self.entry.ballot.choices.select_related("budget"):
            value = choice.rank if choice.rank is not None else choice.points
            choices.setdefault(choice.budget_id, {})[choice.proposal_id] = value
        return choices

    def current_choices(self) -> ballots.Choices:
        """The draft if there is one, else the vote already sent (to change it)."""
        if self.entry is not None and self.entry.draft:
            return ballots.choices_from_json(self.entry.draft)
        return self.submitted_choices()

    def ballot_form(self, data: Any = None) -> BallotForm:
        return BallotForm(
            data,
            process=self.process,
            district=self.eligibility.district,
            seed=self.entry.order_seed if self.entry else 0,
            initial_choices=self.current_choices(),
        )


def _page(
    request: HttpRequest, template: str, voter: Voter, status: int = 200, **context: Any
) -> HttpResponse:
    context.update(
        process=voter.process,
        voter=voter,
        voting=voting_phase(voter.process),
        assistance=voter.assistance,
    )
    return render(request, f"budgeting/vote/{template}", context, status=status)


def _gate(request: HttpRequest, process_id: int) -> tuple[Voter | None, HttpResponse | None]:
    """The voter, or the page to show instead: log in, voting closed, or not eligible."""
    process = visible_process(request, process_id)
    if not request.user.is_authenticated:
        return None, redirect_to_login(request.get_full_path())
    voter = Voter(request, process)
    if not selectors.phase_kind_is_open(process=process, kind=PhaseKind.VOTING):
        phase = voting_phase(process)
        not_yet = phase is not None and phase.starts_at > timezone.now()
        return None, _page(request, "closed.html", voter, not_yet=not_yet)
    if not permissions.can_vote(request.user, process, voter.eligibility):
        # 403, with a page that says why and how to put it right.
        return None, _page(request, "not_eligible.html", voter, status=403)
    return voter, None


def _to_start(voter: Voter) -> HttpResponse:
    return redirect("budgeting:vote_start", process_id=voter.process.pk)


def _answers(voter: Voter, choices: ballots.Choices) -> list[Any]:
    return answers_for(process=voter.process, district=voter.eligibility.district, choices=choices)


def _start_page(voter: Voter, form: StartVoteForm | None = None) -> HttpResponse:
    answers = _answers(voter, voter.submitted_choices()) if voter.has_voted else []
    form = form or StartVoteForm()
    return _page(voter.request, "start.html", voter, answers=answers, form=form)


@require_http_methods(GET_POST)
def vote_start(request: HttpRequest, process_id: int) -> HttpResponse:
    voter, refused = _gate(request, process_id)
    if refused is not None:
        return refused
    assert voter is not None
    form = StartVoteForm(posted(request))
    if request.method == "POST" and not voter.voted_another_way and form.is_valid():
        try:
            voter.entry = services_voting.ballot_start(
                process=voter.process,
                voter_key=voter.key,
                channel=voter.channel,
                user=request.user,
                district=voter.eligibility.district,
                year_of_birth=request.user.year_of_birth,
            )
        except ValidationError:  # voting closed a moment ago
            return _page(request, "closed.html", voter, not_yet=False)
        if voter.assistance is not None:
            return _page(request, "ballot.html", voter, form=voter.ballot_form())
        return redirect("budgeting:vote_ballot", process_id=voter.process.pk)
    return _start_page(voter, form)


@require_http_methods(GET_POST)
def vote_ballot(request: HttpRequest, process_id: int) -> HttpResponse:
    voter, refused = _gate(request, process_id)
    if refused is not None:
        return refused
    assert voter is not None
    if voter.entry is None or voter.voted_another_way:
        return _to_start(voter)
    form = voter.ballot_form(posted(request))
    if request.method != "POST":
        return _page(request, "ballot.html", voter, form=form)
    action = request.POST.get("action", "continue")
    valid = form.is_valid()
    if form.non_field_errors():  # an unexpected field: nothing is saved
        return _page(request, "ballot.html", voter, form=form)
    try:
        voter.entry = services_voting.ballot_draft_save(entry=voter.entry, choices=form.choices())
    except ValidationError:  # voting closed a moment ago
        return _page(request, "closed.html", voter, not_yet=False)
    if action == "save":
        messages.success(request, saved_message(voter))
        return _start_page(voter) if voter.assistance is not None else _to_start(voter)
    if action == "update":
        form.budget_errors = {}
        return _page(request, "ballot.html", voter, form=form)
    if not valid:
        return _page(request, "ballot.html", voter, form=form)
    if voter.assistance is not None:
        return _check_page(voter, SubmitVoteForm(assisted=True))
    return redirect("budgeting:vote_check", process_id=voter.process.pk)


def saved_message(voter: Voter) -> str:
    phase = voting_phase(voter.process)
    if phase is not None and phase.ends_at is not None:
        return _(
            "Your choices are saved, but your vote is not sent yet. Come back before "
            "%(close)s to check and send it."
        ) % {"close": date_format(localtime(phase.ends_at), "DATETIME_FORMAT")}
    return _("Your choices are saved, but your vote is not sent yet. Come back to send it.")


def _check_page(voter: Voter, form: SubmitVoteForm) -> HttpResponse:
    choices = ballots.choices_from_json(voter.entry.draft if voter.entry else {})
    return _page(voter.request, "check.html", voter, form=form, answers=_answers(voter, choices))


@require_http_methods(GET_POST)
def vote_check(request: HttpRequest, process_id: int) -> HttpResponse:
    voter, refused = _gate(request, process_id)
    if refused is not None:
        return refused
    assert voter is not None
    if voter.entry is None or voter.voted_another_way or not voter.entry.draft:
        return redirect("budgeting:vote_ballot", process_id=voter.process.pk)
    choices = ballots.choices_from_json(voter.entry.draft)
    form = SubmitVoteForm(posted(request), assisted=voter.assistance is not None)
    if request.method != "POST" or not form.is_valid():
        try:
            ballots.choices_validate(
                process=voter.process, district=voter.eligibility.district, choices=choices
            )
        except ValidationError as error:
            # A saved draft that is not a whole ballot yet: the ballot, with what to change.
            return _ballot_with_errors(voter, error)
        return _check_page(voter, form)
    # Sending: ballot_submit validates the choices itself, under the roll entry's lock.
    try:
        _submit(voter, choices, declaration=form.cleaned_data.get("declaration", False))
    except ValidationError as error:
        if "declaration" in getattr(error, "error_dict", {}) and "declaration" in form.fields:
            form.add_error("declaration", error.error_dict["declaration"])
            return _check_page(voter, form)
        return _ballot_with_errors(voter, error)
    return redirect("budgeting:vote_receipt", process_id=voter.process.pk)


def _ballot_with_errors(voter: Voter, error: ValidationError) -> HttpResponse:
    """The ballot, filled with the voter's choices, with each problem on its budget."""
    form = voter.ballot_form()
    for key, problems in getattr(error, "message_dict", {"__all__": error.messages}).items():
        if key.startswith("budget_") and key[7:].isdigit():
            form.budget_errors[int(key[7:])] = list(problems)
        else:
            messages.error(voter.request, " ".join(problems))
    return _page(voter.request, "ballot.html", voter, form=form)


@transaction.atomic
def _submit(voter: Voter, choices: ballots.Choices, *, declaration: bool) -> None:
    assistance = voter.assistance
    receipt = services_voting.ballot_submit(
        process=voter.process,
        voter_key=voter.key,
        channel=voter.channel,
        choices=choices,
        user=voter.user,
        district=voter.eligibility.district,
        year_of_birth=voter.user.year_of_birth,
        assisted_by=assistance.coach if assistance is not None else None,
        declaration=declaration,
    )
    if assistance is not None:
        summary = (
            _("Voted in %(process)s")
            if not receipt.changed
            else _("Changed the vote in %(process)s")
        )
        assisted_action_record(
            session=assistance,
            action=AssistedActionKind.VOTE,
            summary=summary % {"process": voter.process.title},
            target=voter.process,
            url_name="budgeting:vote_check",
            declaration_confirmed=declaration,
        )


@require_GET
def vote_receipt(request: HttpRequest, process_id: int) -> HttpResponse:
    voter, refused = _gate(request, process_id)
    if refused is not None:
        return refused
    assert voter is not None
    if not voter.has_voted:
        return _to_start(voter)
    answers = _answers(voter, voter.submitted_choices())
    return _page(request, "receipt.html", voter, answers=answers)
