"""`manage.py seed_demo`: load the fictional municipality of Lindeveld (idempotent)."""

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from samen.core.demo import DEMO_PASSWORD, DEMO_TOTP_KEY_BASE32, DEMO_USERS, seed_demo


class Command(BaseCommand):
    help = "Create demo users for every role. Refuses to run with production settings."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            done = seed_demo()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        for line in done:
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Log in with:"))
        for demo in DEMO_USERS[:6]:
            self.stdout.write(f"  {demo.email:<28} password {DEMO_PASSWORD}")
        self.stdout.write(
            "Organiser, moderator and admin need a two-factor code: add the key "
            f"{DEMO_TOTP_KEY_BASE32} to an authenticator app, or run "
            "`.venv/bin/python manage.py demo_totp EMAIL`."
        )
