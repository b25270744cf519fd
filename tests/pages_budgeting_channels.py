"""Page-registry rows and bad-input forms for voting codes and paper ballots.

tests/pages_budgeting.py adds these to its lists. The demo (samen.budgeting.demo_channels)
gives the open demo vote voting codes and a paper ballot waiting for confirmation, entered by
the demo Digicoach, who holds the paper-ballot permission; Power of Youth has a batch of
codes issued to youth cards LJ-0001 to LJ-0020.
"""

from typing import Any

from django.test import Client
from django.urls import reverse

from samen.budgeting import forms_channels
from samen.budgeting import services_channels as channels
from samen.budgeting.demo import YOUTH_TITLE
from samen.budgeting.demo_voting import VOTING_TITLE
from samen.budgeting.models import (
    Ballot,
    BallotChoice,
    PaperBallotEntry,
    Process,
    VoterRollEntry,
    VotingCode,
    VotingCodeBatch,
)
from tests.pages import OK, ROLES, UNVERIFIED, Expect, Page, World, management

GET_POST = ("GET", "POST")


def _youth(world: World) -> dict[str, Any]:
    return {"process_id": Process.objects.get(title=YOUTH_TITLE).pk}


def _voting(world: World) -> dict[str, Any]:
    return {"process_id": Process.objects.get(title=VOTING_TITLE).pk}


def _batch(world: World) -> dict[str, Any]:
    batch = VotingCodeBatch.objects.get(process__title=YOUTH_TITLE)
    return {"process_id": batch.process_id, "batch_id": batch.pk}


def _paper_entry(world: World) -> dict[str, Any]:
    entry = PaperBallotEntry.objects.get(process__title=VOTING_TITLE)
    return {"process_id": entry.process_id, "entry_id": entry.pk}


def _paper_team() -> dict[str, Expect]:
    """Organisers and the Digicoach given the paper-ballot permission."""
    return management("organiser", "digicoach")


def _everyone() -> dict[str, Expect]:
    return dict.fromkeys((*ROLES, UNVERIFIED), OK)


def _to(name: str, kwargs: Any) -> dict[str, Expect]:
    """A step that needs an earlier one: everyone is sent back to `name`."""
    return dict.fromkeys((*ROLES, UNVERIFIED), Expect(302, name, to_kwargs=kwargs))


def _paper_step_two() -> dict[str, Expect]:
    table = _paper_team()
    for role, expect in table.items():
        if expect == OK:
            table[role] = Expect(302, "budgeting:paper_enter", to_kwargs=_voting)
    return table


CODE_STEPS = ("code_details", "code_ballot", "code_check", "code_receipt")

CHANNEL_PAGES: tuple[Page, ...] = (
    Page(
        "budgeting:code_enter", _everyone(), "Vote with your code", kwargs=_voting, methods=GET_POST
    ),
    Page(
        "budgeting:code_enter",
        _everyone(),
        "Vote with your code",
        kwargs=_youth,
        variant="voting not open",
    ),
    *(
        Page(
            f"budgeting:{step}",
            _to("budgeting:code_enter", _voting),
            kwargs=_voting,
            methods=GET_POST if step == "code_details" else ("GET",),
        )
        for step in CODE_STEPS
    ),
    Page(
        "budgeting:voting_codes",
        management("organiser"),
        "Voting codes",
        kwargs=_youth,
        methods=GET_POST,
    ),
    Page(
        "budgeting:voting_code_revoke",
        management("organiser"),
        "Revoke a voting code",
        kwargs=_youth,
        methods=GET_POST,
    ),
    Page(
        "budgeting:voting_code_batch_revoke",
        management("organiser"),
        "Revoke a batch of voting codes",
        kwargs=_batch,
        methods=GET_POST,
    ),
    Page("budgeting:paper_list", _paper_team(), "Paper ballots", kwargs=_voting),
    Page(
        "budgeting:paper_enter",
        _paper_team(),
        "Enter a paper ballot",
        kwargs=_voting,
        methods=GET_POST,
    ),
    Page("budgeting:paper_choices", _paper_step_two(), kwargs=_voting),
    Page("budgeting:paper_team", management("organiser"), "Paper-ballot team", methods=GET_POST),
    Page(
        "budgeting:paper_team_remove",
        management("organiser"),
        "Remove someone from the paper-ballot team",
        methods=GET_POST,
    ),
    Page(
        "budgeting:paper_check",
        _paper_team(),
        "Check a paper ballot",
        kwargs=_paper_entry,
        methods=GET_POST,
    ),
)


def _url(name: str, kwargs: Any):  # type: ignore[no-untyped-def]
    def url(client: Client, world: World) -> str:
        return reverse(name, kwargs=kwargs(world))

    return url


def _fresh_code(process_title: str) -> str:
    process = Process.objects.get(title=process_title)
    organiser = process.created_by
    return channels.voting_code_batch_create(
        actor=organiser, process=process, label="Registry", size=1
    )[1][0].code


def _with_code(client: Client, world: World) -> dict[str, Any]:
    return {"code": _fresh_code(VOTING_TITLE)}


def _code_entered(client: Client, world: World) -> dict[str, Any]:
    """Enter a fresh code first, so the eligibility step has a code in the session."""
    response = client.post(
        reverse("budgeting:code_enter", kwargs=_voting(world)),
        {"code": _fresh_code(VOTING_TITLE)},
    )
    assert response.status_code == 302
    return {"year_of_birth": "1980", "postcode": "7411 AB"}


def _paper_identity(client: Client, world: World) -> dict[str, Any]:
    process = Process.objects.get(title=VOTING_TITLE)
    return {
        "kind": "reference",
        "identity": "LV-2026-0100",
        "district": str(process.districts.get(name="Centrum").pk),
        "year_of_birth": "1950",
    }


def _plain(data: dict[str, Any]):  # type: ignore[no-untyped-def]
    return lambda client, world: dict(data)


CHANNEL_FORMS: tuple[dict[str, Any], ...] = (
    {
        "name": "budgeting voting code batch",
        "page": "budgeting:voting_codes",
        "form": forms_channels.CodeBatchForm,
        "role": "organiser",
        "valid": _plain(
            {
                "label": "More letters",
                "issued_to": "",
                "size": "2",
                "recipients": "",
                "language": "en",
            }
        ),
        "url": _url("budgeting:voting_codes", _youth),
        "success": 200,
    },
    {
        "name": "budgeting voting code revoke",
        "page": "budgeting:voting_code_revoke",
        "form": forms_channels.CodeRevokeForm,
        "role": "organiser",
        "valid": _plain({"issued_to": "LJ-0003", "reason": "The letter was lost."}),
        "url": _url("budgeting:voting_code_revoke", _youth),
    },
    {
        "name": "budgeting voting code batch revoke",
        "page": "budgeting:voting_code_batch_revoke",
        "form": forms_channels.BatchRevokeForm,
        "role": "organiser",
        "valid": _plain({"reason": "The letters were misprinted."}),
        "url": _url("budgeting:voting_code_batch_revoke", _batch),
    },
    {
        "name": "budgeting voting code entry",
        "page": "budgeting:code_enter",
        "form": forms_channels.CodeEntryForm,
        "role": "anonymous",
        "valid": _with_code,
        "url": _url("budgeting:code_enter", _voting),
        "stores_nothing": "Entering a code only remembers it in the session; voting comes next.",
    },
    {
        "name": "budgeting voting code eligibility",
        "page": "budgeting:code_details",
        "form": forms_channels.EligibilityForm,
        "role": "anonymous",
        "valid": _code_entered,
        "url": _url("budgeting:code_details", _voting),
    },
    {
        "name": "budgeting paper ballot identity",
        "page": "budgeting:paper_enter",
        "form": forms_channels.PaperIdentityForm,
        "role": "digicoach",
        "valid": _paper_identity,
        "url": _url("budgeting:paper_enter", _voting),
        "stores_nothing": "Step 1 of 2: the identity is kept in the session for step 2.",
    },
    {
        "name": "budgeting paper ballot check",
        "page": "budgeting:paper_check",
        "form": forms_channels.PaperCheckForm,
        "role": "organiser",
        "valid": _plain({"decision": "confirm", "reason": ""}),
        "url": _url("budgeting:paper_check", _paper_entry),
    },
)


def _team_member(client: Client, world: World) -> dict[str, Any]:
    coach = world.users["digicoach"]
    return {"member": str(coach.pk), "reason": "They moved to another department."}


CHANNEL_FORMS += (
    {
        "name": "budgeting paper team add",
        "page": "budgeting:paper_team",
        "form": forms_channels.PaperTeamAddForm,
        "role": "organiser",
        "valid": _plain({"email": "staff@demo.samen.test", "reason": "Polling station."}),
        "url": lambda client, world: reverse("budgeting:paper_team"),
    },
    {
        "name": "budgeting paper team remove",
        "page": "budgeting:paper_team_remove",
        "form": forms_channels.PaperTeamRemoveForm,
        "role": "organiser",
        "valid": _team_member,
        "url": lambda client, world: reverse("budgeting:paper_team_remove"),
    },
)

CHANNEL_MODELS = (
    VotingCodeBatch,
    VotingCode,
    PaperBallotEntry,
    VoterRollEntry,
    Ballot,
    BallotChoice,
)
