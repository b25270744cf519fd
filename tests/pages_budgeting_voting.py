"""Online voting in the page registry (joined in tests/pages_budgeting.py).

The rows use the demo's open vote (`samen.budgeting.demo_voting`): the demo resident (Centrum)
has saved a draft, the demo staff member (Hoge Akker) has voted, and the other demo members
have no postcode, so they may not vote (403 with a page that says why).
"""

from typing import Any

from django.test import Client
from django.urls import reverse

from samen.budgeting import forms_voting
from samen.budgeting.demo import YOUTH_TITLE
from samen.budgeting.demo_voting import VOTING_TITLE
from samen.budgeting.models import Ballot, BallotChoice, Budget, Process, Proposal, VoterRollEntry
from tests.pages import DENIED, OK, TO_LOGIN, UNVERIFIED, Expect, Page, World, members

GET_POST = ("GET", "POST")


def _vote(world: World) -> dict[str, Any]:
    return {"process_id": Process.objects.get(title=VOTING_TITLE).pk}


def _youth(world: World) -> dict[str, Any]:
    return {"process_id": Process.objects.get(title=YOUTH_TITLE).pk}


def _voters(**special: Expect) -> dict[str, Expect]:
    """Eligible demo voters as given; other members are not eligible (403)."""
    table = {**members(DENIED), **special}
    table[UNVERIFIED] = DENIED
    return table


TO_BALLOT = Expect(302, "budgeting:vote_ballot", _vote)
TO_START = Expect(302, "budgeting:vote_start", _vote)

VOTING_PAGES: tuple[Page, ...] = (
    Page(
        "budgeting:vote_start",
        _voters(resident=OK, staff=OK),
        f"Vote: {VOTING_TITLE}",
        kwargs=_vote,
        methods=GET_POST,
    ),
    Page(
        "budgeting:vote_start",
        members(OK, anonymous=TO_LOGIN),
        "Voting is not open",
        kwargs=_youth,
        variant="not open yet",
    ),
    Page(
        "budgeting:vote_ballot",
        _voters(resident=OK, staff=OK),
        "Your ballot",
        kwargs=_vote,
        methods=GET_POST,
    ),
    Page(
        "budgeting:vote_check",
        _voters(resident=OK, staff=TO_BALLOT),
        "Check your answers before you vote",
        kwargs=_vote,
        methods=GET_POST,
    ),
    Page(
        "budgeting:vote_receipt",
        _voters(resident=TO_START, staff=OK),
        "Your vote is sent",
        kwargs=_vote,
    ),
)


def _to(name: str):  # type: ignore[no-untyped-def]
    def url(client: Client, world: World) -> str:
        return reverse(name, kwargs=_vote(world))

    return url


def _ballot_choice(client: Client, world: World) -> dict[str, Any]:
    """A whole valid ballot for the demo resident (Centrum), unlike their saved draft."""
    process = Process.objects.get(title=VOTING_TITLE)
    local = Budget.objects.get(process=process, district__name="Centrum")
    wide = Budget.objects.get(process=process, district__isnull=True)
    sails = Proposal.objects.get(process=process, title="Shade sails at the Marktplein playground")
    clean = Proposal.objects.get(process=process, title="Park clean-up days with free tools")
    return {f"budget_{local.pk}": [str(sails.pk)], f"budget_{wide.pk}": [str(clean.pk)]}


def _nothing(client: Client, world: World) -> dict[str, Any]:
    return {}


VOTING_FORMS: tuple[dict[str, Any], ...] = (
    {
        "name": "budgeting vote start",
        "page": "budgeting:vote_start",
        "form": forms_voting.StartVoteForm,
        "role": "resident",
        "valid": _nothing,
        "url": _to("budgeting:vote_start"),
        "stores_nothing": "The demo resident has already started: starting again keeps the "
        "same roll entry and draft (tests/budgeting/test_voting_http.py covers the first start).",
    },
    {
        "name": "budgeting ballot",
        "page": "budgeting:vote_ballot",
        "form": forms_voting.BallotForm,
        "role": "resident",
        "valid": _ballot_choice,
        "url": _to("budgeting:vote_ballot"),
    },
    {
        "name": "budgeting vote check and send",
        "page": "budgeting:vote_check",
        "form": forms_voting.SubmitVoteForm,
        "role": "resident",
        "valid": _nothing,
        "url": _to("budgeting:vote_check"),
    },
)

VOTING_MODELS = (VoterRollEntry, Ballot, BallotChoice)
