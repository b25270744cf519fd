"""Voting codes and paper ballots, through the services, on the one voter roll."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from samen.budgeting import services_channels as channels
from samen.budgeting import services_paper as paper
from samen.budgeting.models import (
    Ballot,
    Budget,
    Channel,
    IdentityKind,
    PaperBallotEntry,
    PaperStatus,
    Process,
    VoterRollEntry,
    VotingCode,
)
from samen.budgeting.services_voting import (
    age_band,
    ballot_submit,
    keyed_digest,
    voter_key_for_code,
    voter_key_for_user,
)
from samen.core.models import AuditEntry
from tests.budgeting.factories import organiser, voting_process
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ONLINE_FIRST = (
    "This person has already voted in this process (Online). "
    "Everyone votes once, whichever way they vote."
)


def codes_process() -> Process:
    process = voting_process()
    Process.objects.filter(pk=process.pk).update(voting_codes_enabled=True)
    process.refresh_from_db()
    return process


def area_choice(process: Process) -> dict[int, dict[int, int]]:
    """One area-wide project: a valid ballot whatever the voter's district."""
    budget = Budget.objects.get(process=process, district__isnull=True)
    project = budget.process.proposals.filter(district__isnull=True).order_by("id").first()
    return {budget.pk: {project.pk: 1}}


def codes(process: Process, **kwargs: object) -> list[channels.IssuedCode]:
    kwargs.setdefault("size", 3)
    return channels.voting_code_batch_create(
        actor=organiser(), process=process, label="School letters", **kwargs
    )[1]


# --------------------------------------------------------------------------- codes


def test_codes_are_human_friendly_and_only_their_digest_is_stored():
    process = codes_process()

    issued = codes(process, size=5)

    assert len({i.code for i in issued}) == 5
    for item in issued:
        assert len(item.code) == 14 and item.code.count("-") == 2
        assert not set(item.code.replace("-", "")) & set("01OI")
        assert item.voting_code.digest == keyed_digest(item.code)
        assert item.code not in item.voting_code.digest
    assert AuditEntry.objects.get(action="budgeting.voting_codes_create").data == {
        "process_id": process.pk,
        "size": 5,
        "issued_to": "anyone",
    }


def test_a_typed_code_is_forgiven_spaces_dashes_and_lower_case():
    process = codes_process()
    code = codes(process, size=1)[0]
    sloppy = " " + code.code.replace("-", " ").lower() + " "

    assert channels.voting_code_find(process=process, typed=sloppy) == code.voting_code
    assert channels.voting_code_find(process=process, typed="ABCD") is None


def test_a_revoked_code_no_longer_works():
    process = codes_process()
    code = codes(process, size=1)[0]

    revoked = channels.voting_codes_revoke(
        actor=organiser(), codes=[code.voting_code], reason="Letter lost in the post."
    )

    assert revoked == 1
    assert channels.voting_code_find(process=process, typed=code.code) is None
    assert AuditEntry.objects.get(action="budgeting.voting_code_revoke").reason == (
        "Letter lost in the post."
    )


def test_codes_issued_to_accounts_vote_as_those_accounts():
    process = codes_process()
    voter = UserFactory(email="ria@example.test")

    code = codes(process, recipient_kind="email", recipients=["RIA@example.test"])[0]

    assert code.voting_code.user == voter
    assert voter_key_for_code(code.voting_code) == voter_key_for_user(voter)
    assert channels.codes_issued_to(process=process, issued_to="ria@example.test") == [
        code.voting_code
    ]


def test_codes_issued_to_register_references_keep_only_a_digest():
    process = codes_process()

    issued = codes(process, recipient_kind="reference", recipients=["YC-1001", "YC-1002"])

    assert [i.recipient_name for i in issued] == [
        "Register number YC-1001",
        "Register number YC-1002",
    ]
    assert issued[0].voting_code.reference_digest == keyed_digest("YC-1001")
    assert channels.codes_issued_to(process=process, issued_to="yc-1002") == [issued[1].voting_code]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"size": 0}, "A batch has 1 to 100 codes. Make several batches for more."),
        ({"size": 101}, "A batch has 1 to 100 codes. Make several batches for more."),
        (
            {"recipient_kind": "email", "recipients": ["nobody@example.test"]},
            "There is no account with the email address nobody@example.test.",
        ),
        (
            {"recipient_kind": "reference", "recipients": [" "]},
            "Enter at least one recipient, one a line.",
        ),
        (
            {"recipient_kind": "reference", "recipients": ["X" * 41]},
            "A register reference can have at most 40 characters.",
        ),
    ],
)
def test_bad_batches_are_refused(kwargs, message):
    process = codes_process()

    with pytest.raises(ValidationError) as error:
        codes(process, **kwargs)

    assert error.value.messages == [message]
    assert VotingCode.objects.count() == 0


def test_a_second_code_for_the_same_reference_is_refused_until_the_first_is_revoked():
    process = codes_process()
    first = codes(process, recipient_kind="reference", recipients=["YC-1"])[0]

    with pytest.raises(ValidationError) as error:
        codes(process, recipient_kind="reference", recipients=["YC-1"])
    assert error.value.messages == ["YC-1 already has a code for this process."]

    channels.voting_codes_revoke(actor=organiser(), codes=[first.voting_code], reason="Lost.")
    assert len(codes(process, recipient_kind="reference", recipients=["YC-1"])) == 1


def test_no_codes_without_voting_codes_switched_on():
    with pytest.raises(ValidationError) as error:
        codes(voting_process())

    assert error.value.messages == ["Voting codes are not switched on for this process."]


def test_guessing_codes_is_throttled_per_address():
    cache.clear()
    process = codes_process()
    for _attempt in range(channels.ATTEMPT_LIMIT - 1):
        channels.code_attempt_failed(address="192.0.2.1", process=process)
    assert not channels.code_attempts_exhausted(address="192.0.2.1", process=process)

    channels.code_attempt_failed(address="192.0.2.1", process=process)

    assert channels.code_attempts_exhausted(address="192.0.2.1", process=process)
    assert not channels.code_attempts_exhausted(address="192.0.2.2", process=process)


# --------------------------------------------------------------------------- paper ballots


def enter(process: Process, identity: paper.PaperIdentity, actor=None) -> PaperBallotEntry:
    return paper.paper_ballot_enter(
        actor=actor or UserFactory(roles=["digicoach"]),
        process=process,
        identity=identity,
        district=None,
        year_of_birth=2009,
        choices=area_choice(process),
    )


def test_a_paper_ballot_counts_only_once_a_second_person_confirms_it():
    process = voting_process()
    clerk, checker = UserFactory(roles=["digicoach"]), UserFactory(roles=["digicoach"])
    identity = paper.paper_identity_resolve(
        process=process, kind=IdentityKind.REFERENCE, value="YC-2001"
    )
    entry = enter(process, identity, clerk)
    assert Ballot.objects.count() == 0
    assert entry.identity_hint == "…2001"

    receipt = paper.paper_ballot_confirm(actor=checker, entry=entry)

    entry.refresh_from_db()
    roll = VoterRollEntry.objects.get(process=process)
    assert (entry.status, entry.checked_by, entry.choices) == (PaperStatus.CONFIRMED, checker, {})
    assert (roll.channel, roll.entered_by, roll.confirmed_by) == (Channel.PAPER, clerk, checker)
    assert roll.age_band == age_band(year_of_birth=2009)
    assert Ballot.objects.get().receipt_code == receipt.code
    assert [
        a.action
        for a in AuditEntry.objects.filter(action__startswith="budgeting.paper").order_by("id")
    ] == [
        "budgeting.paper_ballot_enter",
        "budgeting.paper_ballot_confirm",
    ]


def test_nobody_confirms_their_own_paper_entry():
    process = voting_process()
    clerk = UserFactory(roles=["digicoach"])
    identity = paper.paper_identity_resolve(
        process=process, kind=IdentityKind.REFERENCE, value="YC-2002"
    )
    entry = enter(process, identity, clerk)

    with pytest.raises(ValidationError) as error:
        paper.paper_ballot_confirm(actor=clerk, entry=entry)

    assert error.value.messages == [
        "You entered this paper ballot, so someone else must confirm it."
    ]
    assert Ballot.objects.count() == 0


def test_a_rejected_entry_casts_nothing_and_forgets_the_choices():
    process = voting_process()
    identity = paper.paper_identity_resolve(
        process=process, kind=IdentityKind.REFERENCE, value="YC-2003"
    )
    entry = enter(process, identity)

    paper.paper_ballot_reject(actor=organiser(), entry=entry, reason="Two crosses in a box.")

    entry.refresh_from_db()
    assert (entry.status, entry.choices) == (PaperStatus.REJECTED, {})
    assert Ballot.objects.count() == 0
    with pytest.raises(ValidationError) as error:
        paper.paper_ballot_confirm(actor=organiser(), entry=entry)
    assert error.value.messages == ["This paper ballot has already been checked."]


def test_paper_after_online_is_refused_when_entered_and_when_confirmed():
    process = voting_process()
    voter = UserFactory(roles=["resident"])
    identity = paper.paper_identity_resolve(
        process=process, kind=IdentityKind.EMAIL, value=voter.email.upper()
    )
    entry = enter(process, identity)
    ballot_submit(
        process=process,
        voter_key=voter_key_for_user(voter),
        channel=Channel.ONLINE,
        choices=area_choice(process),
        user=voter,
    )

    with pytest.raises(ValidationError) as at_confirmation:
        paper.paper_ballot_confirm(actor=organiser(), entry=entry)
    with pytest.raises(ValidationError) as at_entry:
        enter(process, identity)

    assert at_confirmation.value.messages == [ONLINE_FIRST]
    assert at_entry.value.messages == [ONLINE_FIRST]
    assert Ballot.objects.count() == 1


def test_a_second_waiting_entry_for_one_voter_is_refused():
    process = voting_process()
    identity = paper.paper_identity_resolve(
        process=process, kind=IdentityKind.REFERENCE, value="YC-2004"
    )
    enter(process, identity)

    with pytest.raises(ValidationError) as error:
        enter(process, identity)

    assert error.value.messages == [
        "A paper ballot for this person is already waiting for a second person to check."
    ]


def test_a_paper_ballot_with_a_voting_code_uses_the_code():
    process = codes_process()
    code = codes(process, size=1)[0]
    identity = paper.paper_identity_resolve(
        process=process, kind=IdentityKind.CODE, value=code.code.lower()
    )
    entry = enter(process, identity)

    paper.paper_ballot_confirm(actor=organiser(), entry=entry)

    code.voting_code.refresh_from_db()
    assert code.voting_code.used_at is not None
    assert identity.hint == f"…{code.code[-4:]}"
    assert VoterRollEntry.objects.get().voting_code == code.voting_code


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("code", "AAAA-BBBB-CCCC", "This voting code does not work. Check it against the paper."),
        ("email", "nobody@example.test", "There is no account with this email address."),
        ("reference", "  ", "Enter the register reference: 1 to 40 characters."),
    ],
)
def test_unknown_identities_are_refused(kind, value, message):
    process = codes_process()

    with pytest.raises(ValidationError) as error:
        paper.paper_identity_resolve(process=process, kind=kind, value=value)

    assert error.value.message_dict == {"identity": [message]}
