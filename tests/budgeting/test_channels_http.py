"""Voting codes and paper ballots over HTTP: organisers' pages, the code voter's whole path,
and a paper ballot entered by one person and confirmed by another."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from samen.budgeting import services_channels as channels
from samen.budgeting import services_paper as paper
from samen.budgeting.models import (
    Ballot,
    Budget,
    Channel,
    PaperBallotEntry,
    PaperStatus,
    Process,
    VoterRollEntry,
    VotingCode,
)
from samen.budgeting.services_voting import ballot_submit, voter_key_for_user
from samen.core.models import AuditEntry
from tests.budgeting.factories import organiser, voting_process
from tests.budgeting.test_channels_services import ONLINE_FIRST, area_choice, codes_process
from tests.budgeting.test_voting_assisted import _choices, _helping
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DOES_NOT_WORK = (
    "This code does not work. Check that you typed it as it is on your letter. If it still "
    "does not work, ask the organisers for a new code."
)


def url(name: str, process: Process, **kwargs: object) -> str:
    return reverse(f"budgeting:{name}", kwargs={"process_id": process.pk, **kwargs})


def area(process: Process) -> tuple[Budget, int]:
    budget = Budget.objects.get(process=process, district__isnull=True)
    return budget, process.proposals.filter(district__isnull=True).order_by("id").first().pk


def vote_online(process: Process, voter: object) -> None:
    ballot_submit(
        process=process,
        voter_key=voter_key_for_user(voter),
        channel=Channel.ONLINE,
        choices=area_choice(process),
        user=voter,
    )


def one_code(process: Process, **kwargs: object) -> str:
    kwargs.setdefault("size", 1)
    return channels.voting_code_batch_create(
        actor=organiser(), process=process, label="Letters", **kwargs
    )[1][0].code


def text(response) -> str:  # type: ignore[no-untyped-def]
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def vote_with_code(client: Client, process: Process, code: str) -> str:
    """The whole code path; returns the receipt page's text."""
    response = client.post(url("code_enter", process), {"code": code})
    assert response.status_code == 302, text(response)
    if response["Location"] == url("code_details", process):
        response = client.post(
            url("code_details", process), {"year_of_birth": "2008", "postcode": "7411 AB"}
        )
        assert response["Location"] == url("code_ballot", process)
    budget, project = area(process)
    response = client.post(
        url("code_ballot", process), {"action": "continue", f"budget_{budget.pk}": str(project)}
    )
    assert response["Location"] == url("code_check", process)
    response = client.post(url("code_check", process), {})
    assert response["Location"] == url("code_receipt", process)
    return text(client.get(url("code_receipt", process)))


# --------------------------------------------------------------------------- organisers


def test_organisers_are_told_the_codes_exist_only_in_the_pdf(organiser_client):
    process = codes_process()

    response = organiser_client.get(url("voting_codes", process))

    assert response.status_code == 200
    assert "The codes exist only in the PDF you download now." in text(response)


def test_a_new_batch_answers_with_the_letters_pdf_and_stores_digests(organiser_client):
    process = codes_process()

    response = organiser_client.post(
        url("voting_codes", process),
        {"label": "Het Lyceum", "issued_to": "", "size": "2", "recipients": "", "language": "nl"},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    batch = process.code_batches.get()
    assert response["Content-Disposition"] == (
        f'attachment; filename="voting-codes-{process.pk}-batch-{batch.pk}.pdf"'
    )
    assert response.content.startswith(b"%PDF-")
    assert VotingCode.objects.filter(batch=batch).count() == 2
    assert AuditEntry.objects.filter(action="budgeting.voting_codes_create").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"issued_to": "", "size": ""}, "Number of codes: Enter how many codes to make."),
        ({"issued_to": "", "size": "101"}, "Number of codes: Ensure this value is less than"),
        ({"issued_to": "reference", "recipients": ""}, "Enter at least one recipient, one a line."),
        (
            {"issued_to": "email", "recipients": "ghost@example.test"},
            "There is no account with the email address ghost@example.test.",
        ),
    ],
)
def test_bad_batches_get_a_clear_message_and_make_nothing(organiser_client, data, message):
    process = codes_process()
    payload = {"label": "Batch", "size": "", "recipients": "", "language": "en", **data}

    response = organiser_client.post(url("voting_codes", process), payload)

    assert response.status_code == 200
    assert message in text(response)
    assert VotingCode.objects.count() == 0


def test_no_code_is_kept_when_the_letters_cannot_be_made(organiser_client, monkeypatch):
    process = codes_process()

    def broken(**kwargs: object) -> bytes:
        raise RuntimeError("Pango is missing")

    monkeypatch.setattr("samen.budgeting.views_channels.letters_render_pdf", broken)
    with pytest.raises(RuntimeError):
        organiser_client.post(
            url("voting_codes", process),
            {"label": "One", "issued_to": "", "size": "1", "recipients": "", "language": "en"},
        )

    assert (VotingCode.objects.count(), process.code_batches.count()) == (0, 0)


def test_residents_cannot_make_codes(resident_client):
    process = codes_process()

    response = resident_client.post(url("voting_codes", process), {"label": "x", "size": "1"})

    assert response.status_code == 403
    assert VotingCode.objects.count() == 0


def test_an_organiser_revokes_a_lost_code(organiser_client):
    process = codes_process()
    code = one_code(process)

    response = organiser_client.post(
        url("voting_code_revoke", process), {"issued_to": code.lower(), "reason": "Lost letter."}
    )

    assert response["Location"] == url("voting_codes", process)
    assert VotingCode.objects.get().revoked_at is not None
    response = Client().post(url("code_enter", process), {"code": code})
    assert DOES_NOT_WORK in text(response)


def test_revoking_an_unknown_code_says_so(organiser_client):
    process = codes_process()

    response = organiser_client.post(
        url("voting_code_revoke", process), {"issued_to": "AAAA-BBBB-CCCC", "reason": "Lost."}
    )

    assert "No code of this process matches." in text(response)


def test_an_organiser_revokes_a_whole_batch(organiser_client):
    process = codes_process()
    one_code(process, size=3)
    batch = process.code_batches.get()

    response = organiser_client.post(
        url("voting_code_batch_revoke", process, batch_id=batch.pk), {"reason": "Misprinted."}
    )

    assert response["Location"] == url("voting_codes", process)
    assert VotingCode.objects.filter(revoked_at__isnull=True).count() == 0


# --------------------------------------------------------------------------- voting with a code


def test_a_resident_votes_with_a_code_and_changes_the_vote_with_it():
    process = codes_process()
    code = one_code(process)
    client = Client()

    receipt = vote_with_code(client, process, " " + code.replace("-", " ").lower())

    assert "Thank you for voting in Lindeveld votes." in receipt
    entry = VoterRollEntry.objects.get(process=process)
    assert (entry.channel, entry.submission_count) == (Channel.CODE, 1)
    assert VotingCode.objects.get().used_at is not None
    # The session forgot the code: the ballot page sends back to the code page.
    assert client.get(url("code_ballot", process))["Location"] == url("code_enter", process)

    changed = vote_with_code(client, process, code)

    assert "Your vote in Lindeveld votes is changed. Only this vote counts." in changed
    assert VoterRollEntry.objects.get(process=process).submission_count == 2
    assert Ballot.objects.count() == 1


def test_the_qr_link_fills_in_the_code():
    process = codes_process()

    response = Client().get(url("code_enter", process) + "?code=ABCD-EFGH-JKLM")

    assert 'value="ABCD-EFGH-JKLM"' in response.content.decode()


def test_unknown_and_revoked_codes_get_the_same_message():
    cache.clear()
    process = codes_process()
    revoked = one_code(process)
    channels.voting_codes_revoke(
        actor=organiser(), codes=list(VotingCode.objects.all()), reason="Lost."
    )

    unknown = Client().post(url("code_enter", process), {"code": "AAAA-BBBB-CCCC"})
    gone = Client().post(url("code_enter", process), {"code": revoked})

    assert DOES_NOT_WORK in text(unknown)
    assert DOES_NOT_WORK in text(gone)


def test_guessing_is_stopped_after_ten_wrong_codes():
    cache.clear()
    process = codes_process()
    good = one_code(process)
    client = Client()
    for _attempt in range(channels.ATTEMPT_LIMIT):
        client.post(url("code_enter", process), {"code": "AAAA-BBBB-CCCC"})

    response = client.post(url("code_enter", process), {"code": good})

    assert "Too many codes were tried from here. Wait 15 minutes and try again." in text(response)
    cache.clear()


def test_a_code_voter_outside_the_area_is_told_why():
    process = codes_process()
    client = Client()
    client.post(url("code_enter", process), {"code": one_code(process)})

    response = client.post(
        url("code_details", process), {"year_of_birth": "2015", "postcode": "1011 AA"}
    )

    page = text(response)
    assert "You are too young to vote in this process. Voters are 16 or older." in page
    assert "This postcode is not in the area of this process." in page
    assert VoterRollEntry.objects.count() == 0


def test_a_code_for_an_account_that_voted_online_is_refused():
    process = codes_process()
    voter = UserFactory(email="ria@example.test", year_of_birth=2008, postcode="7411 AB")
    code = one_code(process, recipient_kind="email", recipients=[voter.email])
    vote_online(process, voter)

    response = Client().post(url("code_enter", process), {"code": code})

    assert response.status_code == 200
    assert ONLINE_FIRST in text(response)


def test_online_voting_after_a_code_vote_is_refused():
    process = codes_process()
    voter = UserFactory(email="ria@example.test", year_of_birth=2008, postcode="7411 AB")
    code = one_code(process, recipient_kind="email", recipients=[voter.email])
    vote_with_code(Client(), process, code)
    client = Client()
    client.force_login(voter)

    page = text(client.get(url("vote_start", process)))

    assert (
        "You have already voted in this process (Voting code). Everyone votes once, whichever "
        "way they vote, so you cannot vote again here." in page
    )


def test_the_code_page_says_when_voting_is_not_open():
    process = codes_process()
    process.phases.filter(kind="voting").update(enabled=False)

    response = Client().get(url("code_enter", process))

    assert "Voting is not open in this process." in text(response)


def test_a_process_without_codes_has_no_code_page():
    assert Client().get(url("code_enter", voting_process())).status_code == 404


# --------------------------------------------------------------------------- paper ballots


def paper_clerk(**kwargs: object):  # type: ignore[no-untyped-def]
    user = UserFactory(roles=["digicoach"], **kwargs)
    user.user_permissions.add(Permission.objects.get(codename="enter_paper_ballots"))
    client = Client()
    client.force_login(user)
    return user, client


def enter_paper(client: Client, process: Process, reference: str) -> object:
    response = client.post(
        url("paper_enter", process),
        {
            "kind": "reference",
            "identity": reference,
            "district": str(process.districts.get(name="Centrum").pk),
            "year_of_birth": "",
        },
    )
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

    response = client.post(
        url("paper_enter", process),
        {
            "kind": "email",
            "identity": "KEES@example.test",
            "district": str(process.districts.get(name="Centrum").pk),
            "year_of_birth": "",
        },
    )

    assert response.status_code == 200
    assert ONLINE_FIRST in text(response)


def test_digicoaches_without_the_permission_cannot_enter_paper_ballots():
    process = voting_process()
    client = Client()
    client.force_login(UserFactory(roles=["digicoach"]))

    assert client.get(url("paper_list", process)).status_code == 403
    assert client.post(url("paper_enter", process), {}).status_code == 403


# --------------------------------------------------------------------------- assisted votes


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

    response = client.post(
        url("paper_enter", process),
        {
            "kind": "email",
            "identity": "els@example.test",
            "district": str(process.districts.get(name="Centrum").pk),
            "year_of_birth": "",
        },
    )

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
