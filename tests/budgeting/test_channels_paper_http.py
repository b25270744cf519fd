"""Paper ballots over HTTP: entered by one authorised person, confirmed or rejected by a
second, and refused for someone who already voted another way."""

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from samen.budgeting.models import (
    Ballot,
    Channel,
    PaperBallotEntry,
    PaperStatus,
    Process,
    VoterRollEntry,
)
from tests.budgeting.factories import voting_process
from tests.budgeting.test_channels_http import area, text, url, vote_online
from tests.budgeting.test_channels_services import ONLINE_FIRST
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def paper_clerk(**kwargs: object):  # type: ignore[no-untyped-def]
    user = UserFactory(roles=["digicoach"], **kwargs)
    user.user_permissions.add(Permission.objects.get(codename="enter_paper_ballots"))
    client = Client()
    client.force_login(user)
    return user, client


def post_identity(client: Client, process: Process, kind: str, identity: str) -> Any:
    """Step 1 of entering a paper ballot, for a voter in Centrum."""
    return client.post(
        url("paper_enter", process),
        {
            "kind": kind,
            "identity": identity,
            "district": str(process.districts.get(name="Centrum").pk),
            "year_of_birth": "",
        },
    )


def enter_paper(client: Client, process: Process, reference: str) -> object:
    response = post_identity(client, process, "reference", reference)
    assert response["Location"] == url("paper_choices", process), text(response)
    budget, project = area(process)
    return client.post(
        url("paper_choices", process), {"action": "continue", f"budget_{budget.pk}": str(project)}
    )


def test_a_paper_ballot_is_entered_by_one_person_and_confirmed_by_another():
    process = voting_process()
    clerk, clerk_client = paper_clerk()
    checker, checker_client = paper_clerk()

    response = enter_paper(clerk_client, process, "YC-3001")

    assert response["Location"] == url("paper_list", process)
    entry = PaperBallotEntry.objects.get()
    assert Ballot.objects.count() == 0
    own = clerk_client.get(url("paper_check", process, entry_id=entry.pk))
    assert "You entered this paper ballot, so someone else must confirm it." in text(own)
    refused = clerk_client.post(
        url("paper_check", process, entry_id=entry.pk), {"decision": "confirm", "reason": ""}
    )
    assert "Select a valid choice. confirm is not one of the available choices." in text(refused)
    assert Ballot.objects.count() == 0

    response = checker_client.post(
        url("paper_check", process, entry_id=entry.pk), {"decision": "confirm", "reason": ""}
    )

    assert response["Location"] == url("paper_list", process)
    roll = VoterRollEntry.objects.get(process=process)
    assert (roll.channel, roll.entered_by, roll.confirmed_by) == (Channel.PAPER, clerk, checker)
    entry.refresh_from_db()
    assert (entry.status, entry.choices) == (PaperStatus.CONFIRMED, {})
    assert Ballot.objects.count() == 1


def test_rejecting_needs_a_reason():
    process = voting_process()
    _clerk, clerk_client = paper_clerk()
    _checker, checker_client = paper_clerk()
    enter_paper(clerk_client, process, "YC-3002")
    entry = PaperBallotEntry.objects.get()

    response = checker_client.post(
        url("paper_check", process, entry_id=entry.pk), {"decision": "reject", "reason": " "}
    )

    assert "Reason for rejecting: Say why you reject the entry." in text(response)
    response = checker_client.post(
        url("paper_check", process, entry_id=entry.pk),
        {"decision": "reject", "reason": "Wrong district."},
    )
    entry.refresh_from_db()
    assert (entry.status, entry.rejection_reason) == (PaperStatus.REJECTED, "Wrong district.")


def test_paper_for_someone_who_voted_online_is_refused_at_entry():
    process = voting_process()
    voter = UserFactory(email="kees@example.test")
    vote_online(process, voter)
    _clerk, client = paper_clerk()

    response = post_identity(client, process, "email", "KEES@example.test")

    assert response.status_code == 200
    assert ONLINE_FIRST in text(response)


def test_digicoaches_without_the_permission_cannot_enter_paper_ballots():
    process = voting_process()
    client = Client()
    client.force_login(UserFactory(roles=["digicoach"]))

    assert client.get(url("paper_list", process)).status_code == 403
    assert client.post(url("paper_enter", process), {}).status_code == 403
