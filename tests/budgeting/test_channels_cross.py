"""One voter roll across channels over HTTP: an assisted vote records both people and blocks a
later paper ballot, a coach cannot vote again after a code vote, and a code cannot vote after
a counted paper ballot."""

import pytest
from django.test import Client

from samen.budgeting import services_paper as paper
from samen.budgeting.models import Channel, PaperBallotEntry, Process, VoterRollEntry
from samen.core.models import AuditEntry
from tests.budgeting.factories import organiser, voting_process
from tests.budgeting.test_channels_http import one_code, text, url, vote_with_code
from tests.budgeting.test_channels_paper_http import paper_clerk, post_identity
from tests.budgeting.test_channels_services import area_choice, codes_process
from tests.budgeting.test_voting_assisted import _choices, _helping
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def vote_assisted(process: Process, resident: object) -> object:
    """A Digicoach casts the resident's vote in an assisted session; returns the coach."""
    coach, client = _helping(resident)
    client.post(url("vote_start", process))
    client.post(url("vote_ballot", process), _choices(process))
    response = client.post(url("vote_check", process), {"declaration": "on"})
    assert response["Location"] == url("vote_receipt", process)
    return coach


def test_an_assisted_vote_records_both_people_and_refuses_a_later_paper_ballot():
    process = voting_process()
    resident = UserFactory(email="els@example.test", year_of_birth=1950, postcode="7411 CC")
    coach = vote_assisted(process, resident)
    _clerk, client = paper_clerk()

    response = post_identity(client, process, "email", "els@example.test")

    assert (
        "This person has already voted in this process (Assisted by a Digicoach). Everyone "
        "votes once, whichever way they vote." in text(response)
    )
    roll = VoterRollEntry.objects.get(process=process)
    assert (roll.channel, roll.user, roll.assisted_by) == (Channel.ASSISTED, resident, coach)
    assert roll.declaration_at is not None
    logged = AuditEntry.objects.get(action="inclusion.assisted_action")
    assert (logged.actor, logged.data["coach_id"], logged.data["resident_id"]) == (
        coach,
        coach.pk,
        resident.pk,
    )
    assert logged.data["declaration_confirmed"] is True
    assert PaperBallotEntry.objects.count() == 0


def test_a_coach_cannot_vote_again_for_a_resident_who_voted_with_a_code():
    process = codes_process()
    resident = UserFactory(email="els@example.test", year_of_birth=1950, postcode="7411 CC")
    vote_with_code(
        Client(), process, one_code(process, recipient_kind="email", recipients=[resident.email])
    )
    _coach, client = _helping(resident)

    page = text(client.get(url("vote_start", process)))
    client.post(url("vote_start", process))

    assert (
        "You have already voted in this process (Voting code). Everyone votes once, whichever "
        "way they vote, so you cannot vote again here." in page
    )
    assert VoterRollEntry.objects.get(process=process).channel == Channel.CODE


def test_a_code_for_someone_whose_paper_ballot_counts_is_refused():
    process = codes_process()
    code = one_code(process)
    identity = paper.paper_identity_resolve(process=process, kind="code", value=code)
    entry = paper.paper_ballot_enter(
        actor=organiser(),
        process=process,
        identity=identity,
        district=None,
        year_of_birth=None,
        choices=area_choice(process),
    )
    paper.paper_ballot_confirm(actor=organiser(), entry=entry)

    response = Client().post(url("code_enter", process), {"code": code})

    assert (
        "This person has already voted in this process (Paper ballot). Everyone votes once, "
        "whichever way they vote." in text(response)
    )
