"""Demo data for a fictional municipality, Lindeveld, so every page has something real to show."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.module_loading import import_string

from samen.accounts import services as account_services
from samen.accounts.models import Role

DEMO_PASSWORD = "samen-demo-2026"  # noqa: S105 - published in the README on purpose
# The RFC 4226 test secret; published so anyone can pass the demo's two-factor step.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
DEMO_TOTP_KEY_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


@dataclass(frozen=True)
class DemoUser:
    email: str
    display_name: str
    roles: tuple[str, ...]
    year_of_birth: int | None = None
    postcode: str = ""
    preferred_language: str = "en"


DEMO_USERS = (
    DemoUser("resident@demo.samen.test", "Ria de Vries", (Role.RESIDENT,), 1958, "7411 AB"),
    DemoUser("staff@demo.samen.test", "Sander Bakker", (Role.STAFF,), 1986, "7412 CD"),
    DemoUser("coach@demo.samen.test", "Chantal Jansen", (Role.STAFF, Role.DIGICOACH), 1979),
    DemoUser("organiser@demo.samen.test", "Omar El Amrani", (Role.STAFF, Role.ORGANISER), 1990),
    DemoUser("moderator@demo.samen.test", "Mieke Visser", (Role.STAFF, Role.MODERATOR), 1983),
    DemoUser("admin@demo.samen.test", "Arjen Smit", (Role.STAFF, Role.ADMIN), 1975),
    DemoUser("jonge.inwoner@demo.samen.test", "Noor Hendriks", (Role.RESIDENT,), 2013, "7413 EF"),
    DemoUser("buurman@demo.samen.test", "Kees Mulder", (Role.RESIDENT,), 1947, "7411 GH", "nl"),
    DemoUser("nabo@demo.samen.test", "Freja Nielsen", (Role.RESIDENT,), 1999, "7414 JK", "da"),
)


def seed_demo() -> list[str]:
    """Create the demo users; running it again changes nothing. Returns what it did."""
    if not getattr(settings, "SAMEN_DEMO_ALLOWED", False):
        raise ImproperlyConfigured(
            "seed_demo refuses to run with production settings: demo accounts have a public "
            "password."
        )
    done: list[str] = []
    with _mail_kept_back() as kept, transaction.atomic():
        users = get_user_model().objects
        for demo in DEMO_USERS:
            user = users.filter(email=demo.email).first()
            if user is None:
                user = account_services.user_create(
                    email=demo.email,
                    password=DEMO_PASSWORD,
                    display_name=demo.display_name,
                    roles=list(demo.roles),
                    verified=True,
                    year_of_birth=demo.year_of_birth,
                    postcode=demo.postcode,
                    preferred_language=demo.preferred_language,
                )
                done.append(f"created {demo.email}")
            if user.needs_two_factor and not user.totpdevice_set.exists():
                account_services.totp_device_create(
                    user=user, key_hex=DEMO_TOTP_KEY_HEX, name="Demo authenticator"
                )
                done.append(f"added demo authenticator for {demo.email}")
        # Each domain app seeds its own demo content after the users exist.
        for path in settings.SAMEN_DEMO_SEEDERS:
            done.extend(import_string(path)())
    # The atomic block has committed by now, so mail sent on commit is counted too.
    if kept:
        plural = "" if len(kept) == 1 else "s"
        done.append(f"kept back {len(kept)} email{plural} to the demo's made-up addresses")
    return done


@contextmanager
def _mail_kept_back() -> Iterator[list[mail.EmailMessage]]:
    """Mail the seeding sends (booking and enrolment confirmations, ...) is kept in a list
    instead of being sent: its addresses are made up, and with the console backend of
    `make run` it would bury the demo logins under thousands of lines."""
    kept: list[mail.EmailMessage] = []
    backend = settings.EMAIL_BACKEND
    outbox = getattr(mail, "outbox", None)  # a test's outbox, if any
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = kept
    try:
        yield kept
    finally:
        settings.EMAIL_BACKEND = backend
        if outbox is None:
            del mail.outbox
        else:
            mail.outbox = outbox
