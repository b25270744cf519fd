"""A Digicoach votes with a resident (assisted digital): the resident's ballot, channel
ASSISTED, the coach's declaration, and one recorded assisted action."""

import pytest
from django.test import Client
from django.urls import reverse

from samen.budgeting.models import Ballot, Budget, Channel, Proposal, VoterRollEntry
from samen.inclusion.models_assisted import AssistedAction, AssistedSession
from tests.budgeting import factories
from tests.factories import UserFactory
from tests.skills.factories import coach_user

pytestmark = pytest.mark.django_db


def _url(name, process):  # type: ignore[no-untyped-def]
    return reverse(f"budgeting:{name}", kwargs={"process_id": process.pk})


def _helping(resident):  # type: ignore[no-untyped-def]
    coach = coach_user(display_name="Coach Carla")
    client = Client()
    client.force_login(coach)
    response = client.post(
        reverse("inclusion:assisted_start"),
        {"email": resident.email, "consent_method": "spoken", "consent_given": "on"},
    )
    assert response.status_code == 302
    return coach, client


def _choices(process):  # type: ignore[no-untyped-def]
    local = Budget.objects.get(process=process, district__name="Centrum")
    wide = Budget.objects.get(process=process, district__isnull=True)
    pick = Proposal.objects.get(process=process, title="Centrum project 2")
    area = Proposal.objects.get(process=process, title="Area project 1")
    return {f"budget_{local.pk}": [str(pick.pk)], f"budget_{wide.pk}": [str(area.pk)]}


def test_an_assisted_vote_is_the_residents_with_the_coachs_declaration():
    process = factories.voting_process()
    resident = UserFactory(year_of_birth=1950, postcode="7411 CC")
    coach, client = _helping(resident)

    ballot = client.post(_url("vote_start", process))
    assert ballot.status_code == 200
    assert "Your ballot" in ballot.content.decode()
    check = client.post(_url("vote_ballot", process), _choices(process))
    html = check.content.decode()
    assert check.status_code == 200
    assert "I confirm the resident chose these projects themselves." in html
    entry = VoterRollEntry.objects.get(process=process)
    assert entry.user == resident
    assert entry.draft != {}

    refused = client.post(_url("vote_check", process))
    assert refused.status_code == 200
    assert Ballot.objects.count() == 0
    assert 'id="id_declaration_error"' in refused.content.decode()
    assert 'href="#id_declaration"' in refused.content.decode()

    sent = client.post(_url("vote_check", process), {"declaration": "on"})
    assert sent["Location"] == _url("vote_receipt", process)
    entry.refresh_from_db()
    assert (entry.channel, entry.assisted_by, entry.user) == (Channel.ASSISTED, coach, resident)
    assert entry.declaration_at is not None
    action = AssistedAction.objects.get()
    assert (action.action, action.declaration_confirmed) == ("vote", True)
    assert action.session == AssistedSession.objects.get()
    assert action.summary == f"Voted in {process.title}"
    receipt = client.get(_url("vote_receipt", process)).content.decode()
    assert entry.ballot.receipt_code in receipt


def test_saving_a_draft_with_a_coach_keeps_it_and_records_no_vote():
    process = factories.voting_process()
    resident = UserFactory(year_of_birth=1950, postcode="7411 CC")
    _coach, client = _helping(resident)
    client.post(_url("vote_start", process))

    page = client.post(_url("vote_ballot", process), {**_choices(process), "action": "save"})

    assert page.status_code == 200
    assert "Your choices are saved, but your vote is not sent yet." in page.content.decode()
    assert VoterRollEntry.objects.get().draft != {}
    assert not AssistedAction.objects.exists()
