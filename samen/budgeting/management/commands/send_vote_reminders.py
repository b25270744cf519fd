"""Remind voters who started their ballot but did not send it (run it daily)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from samen.budgeting.reminders_voting import vote_reminders_send


class Command(BaseCommand):
    help = (
        "Email each voter who started a ballot at least a day ago and has not sent it, once, "
        "while voting is open. Safe to run repeatedly."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            required=True,
            help="The site's address for the link in the email, e.g. https://samen.example.org",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = vote_reminders_send(base_url=options["base_url"])
        self.stdout.write(f"Sent {sent} vote reminder(s).")
