"""`seed_demo` keeps the mail its seeding sends instead of sending it, and says how much."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction


def send_two_confirmations() -> list[str]:
    """A stand-in seeder: one message sent at once, one when the seeding commits."""
    mail.send_mail("Booked", "See you on Monday.", None, ["resident@demo.samen.test"])
    transaction.on_commit(
        lambda: mail.send_mail("Enrolled", "Welcome.", None, ["staff@demo.samen.test"])
    )
    return ["sent two confirmations"]


@pytest.mark.django_db(transaction=True)
def test_seed_demo_keeps_its_mail_back_and_reports_it(settings):
    settings.SAMEN_DEMO_SEEDERS = ["tests.core.test_demo_mail.send_two_confirmations"]
    out = StringIO()

    call_command("seed_demo", stdout=out)

    lines = out.getvalue().splitlines()
    assert "  sent two confirmations" in lines
    assert "  kept back 2 emails to the demo's made-up addresses" in lines
    assert mail.outbox == []
    mail.send_mail("After", "Sent as usual.", None, ["admin@demo.samen.test"])
    assert [message.subject for message in mail.outbox] == ["After"]


@pytest.mark.django_db(transaction=True)
def test_a_second_seeding_sends_nothing_and_reports_nothing(settings):
    settings.SAMEN_DEMO_SEEDERS = []
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()

    call_command("seed_demo", stdout=out)

    assert "kept back" not in out.getvalue()
