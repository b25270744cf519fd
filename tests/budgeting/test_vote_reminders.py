"""send_vote_reminders: once, to voters who started but did not send, in their language."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from samen.budgeting import services_voting
from samen.budgeting.models import Budget, Channel, PhaseKind, Proposal, VoterRollEntry
from tests.budgeting import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _started(process, user, *, days_ago=2):  # type: ignore[no-untyped-def]
    entry = services_voting.ballot_start(
        process=process,
        voter_key=services_voting.voter_key_for_user(user),
        channel=Channel.ONLINE,
        user=user,
        district=process.districts.get(name="Centrum"),
    )
    VoterRollEntry.objects.filter(pk=entry.pk).update(
        started_at=timezone.now() - timedelta(days=days_ago)
    )
    return entry


def _run() -> str:
    out = StringIO()
    call_command("send_vote_reminders", "--base-url", "https://samen.example.org/", stdout=out)
    return out.getvalue()


def test_started_but_not_sent_get_one_reminder_in_their_language():
    process = factories.voting_process()
    english = UserFactory(email="ria@example.test", display_name="Ria")
    dutch = UserFactory(email="kees@example.test", display_name="Kees", preferred_language="nl")
    voted = UserFactory(email="done@example.test")
    fresh = UserFactory(email="fresh@example.test")
    for user in (english, dutch, voted):
        _started(process, user)
    _started(process, fresh, days_ago=0)
    local = Budget.objects.get(process=process, district__name="Centrum")
    pick = Proposal.objects.get(process=process, title="Centrum project 1")
    services_voting.ballot_submit(
        process=process,
        voter_key=services_voting.voter_key_for_user(voted),
        channel=Channel.ONLINE,
        choices={local.pk: {pick.pk: 1}},
        user=voted,
    )

    assert _run() == "Sent 2 vote reminder(s).\n"
    assert _run() == "Sent 0 vote reminder(s).\n"

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["kees@example.test", "ria@example.test"]
    english_mail = by_address["ria@example.test"]
    assert english_mail.subject == "Your vote in Lindeveld votes is not sent yet"
    assert "Hello Ria," in english_mail.body
    assert f"https://samen.example.org/en/budgeting/{process.pk}/vote/" in english_mail.body
    dutch_mail = by_address["kees@example.test"]
    assert "/nl/" in dutch_mail.body
    assert "Hallo Kees," in dutch_mail.body
    reminded = VoterRollEntry.objects.filter(reminder_sent_at__isnull=False)
    assert sorted(reminded.values_list("user__email", flat=True)) == [
        "kees@example.test",
        "ria@example.test",
    ]


def test_no_reminders_once_voting_has_closed():
    process = factories.voting_process()
    _started(process, UserFactory())
    voting = factories.phase(process, PhaseKind.VOTING)
    voting.ends_at = timezone.now() - timedelta(minutes=1)
    voting.save()

    assert _run() == "Sent 0 vote reminder(s).\n"
    assert mail.outbox == []
    assert VoterRollEntry.objects.filter(reminder_sent_at__isnull=False).count() == 0
