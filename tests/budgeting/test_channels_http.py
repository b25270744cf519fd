"""Voting codes over HTTP: organisers' pages and the code voter's whole path."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from samen.budgeting import services_channels as channels
from samen.budgeting.models import (
    Ballot,
    Budget,
    Channel,
    Process,
    VoterRollEntry,
    VotingCode,
)
from samen.budgeting.services_voting import ballot_submit, voter_key_for_user
from samen.core.models import AuditEntry
from tests.budgeting.factories import organiser, voting_process
from tests.budgeting.test_channels_services import ONLINE_FIRST, area_choice, codes_process
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


def test_update_total_keeps_the_code_voters_choices_without_casting_them():
    process = codes_process()
    client = Client()
    client.post(url("code_enter", process), {"code": one_code(process)})
    client.post(url("code_details", process), {"year_of_birth": "2008", "postcode": "7411 AB"})
    budget, project = area(process)

    response = client.post(
        url("code_ballot", process), {"action": "update", f"budget_{budget.pk}": str(project)}
    )

    assert response["Location"] == url("code_ballot", process)
    entry = VoterRollEntry.objects.get(process=process)
    assert (entry.draft, entry.submitted_at) == ({str(budget.pk): {str(project): 1}}, None)
    page = client.get(url("code_ballot", process)).content.decode()
    assert f'value="{project}" id="budget_{budget.pk}_{project}" checked' in page
