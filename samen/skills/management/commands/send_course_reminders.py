"""Email everyone enrolled on a course session that starts within 24 hours (run it hourly)."""

from typing import Any

from django.core.management.base import BaseCommand

from samen.skills.services_courses import courses_send_reminders


class Command(BaseCommand):
    help = "Send reminders for course sessions starting within 24 hours. Safe to run repeatedly."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = courses_send_reminders()
        self.stdout.write(f"Sent {sent} course reminder(s).")
