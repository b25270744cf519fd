"""Print the current two-factor code of a demo user, so the demo can be tried without a phone."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Print the current TOTP code for EMAIL (only where SAMEN_DEMO_ALLOWED is on)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "SAMEN_DEMO_ALLOWED", False):
            raise CommandError("demo_totp only runs where SAMEN_DEMO_ALLOWED is on.")
        device = (
            TOTPDevice.objects.filter(user__email__iexact=options["email"], confirmed=True)
            .order_by("id")
            .first()
        )
        if device is None:
            raise CommandError(f"No confirmed TOTP device for {options['email']}.")
        code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{code:0{device.digits}d}")
