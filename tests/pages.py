"""The page registry: every URL pattern of the site, how to fill it, and who may open it.

One row per page (`Page`), keyed by its URL name. `PAGES` drives three suites:

- tests/http/test_url_coverage.py fails if a named URL pattern is neither here nor in
  `EXCLUDED`, so a new page cannot ship unregistered;
- tests/http/test_permission_matrix.py requests every row as every role with Django's test
  client and checks the exact status (and, for redirects, the exact target);
- tests/browser/test_every_page.py opens every row a role may see (status 200) in Chromium and
  checks it with axe-core, with JavaScript off, at 320 px and at 200 % text.

Roles are the demo users of `samen.core.demo`; organisers, moderators and admins visit with a
verified second factor. `organiser_unverified` is the organiser without that step, to prove
the two-factor gate.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from samen.accounts import services as account_services
from samen.accounts import tokens
from samen.accounts.models import MagicLinkToken, Role, User
from samen.core.demo import seed_demo
from samen.core.services import audit_record
from tests import snapshot

ROLES = ("anonymous", "resident", "staff", "digicoach", "organiser", "moderator", "admin")
UNVERIFIED = "organiser_unverified"
MATRIX_ROLES = (*ROLES, UNVERIFIED)
# Roles whose visits carry a verified second factor in the session.
VERIFIED_ROLES = frozenset({"organiser", "moderator", "admin"})

ROLE_EMAILS = {
    "resident": "resident@demo.samen.test",
    "staff": "staff@demo.samen.test",
    "digicoach": "coach@demo.samen.test",
    "organiser": "organiser@demo.samen.test",
    "moderator": "moderator@demo.samen.test",
    "admin": "admin@demo.samen.test",
    UNVERIFIED: "organiser@demo.samen.test",
}

# A login link for the resident whose secret the tests know, so its confirm page can be shown.
MAGIC_LINK_SECRET = "registry-known-login-link-secret-0123456789"
EMAIL_BACKEND = "samen.accounts.backends.EmailBackend"
# Someone whose roles an administrator may change.
SUBJECT_EMAIL = "buurman@demo.samen.test"


# --------------------------------------------------------------------------- the demo world


@dataclass
class World:
    """The objects pages are filled with: demo users by role, their devices, and extras."""

    users: dict[str, User]
    devices: dict[str, TOTPDevice]
    subject: User  # someone whose roles an administrator may change
    magic_link_secret: str
    reset_uid: str
    reset_token: str


def build_world() -> World:
    """Seed the demo municipality, plus what some pages need to show real content."""
    seed_demo()
    admin = User.objects.get(email=ROLE_EMAILS["admin"])
    subject = User.objects.get(email=SUBJECT_EMAIL)
    # An audit entry, so the audit log shows its table rather than its empty state.
    if not subject.role_names() >= {Role.RESIDENT, Role.DIGICOACH}:
        account_services.user_set_roles(
            actor=admin,
            user=subject,
            roles=[Role.RESIDENT, Role.DIGICOACH],
            reason="Volunteers at the library on Tuesdays.",
        )
    MagicLinkToken.objects.get_or_create(
        token_hash=tokens.magic_link_secret_hash(MAGIC_LINK_SECRET),
        defaults={
            "user": User.objects.get(email=ROLE_EMAILS["resident"]),
            "expires_at": _far_future(),
        },
    )
    audit_record(actor=admin, action="registry.check", reason="<b>not bold</b>")
    return world_found()


def world_found() -> World:
    """The world's objects, read from a database that `build_world` has seeded."""
    users = {role: User.objects.get(email=email) for role, email in ROLE_EMAILS.items()}
    devices = {
        role: TOTPDevice.objects.get(user=users[role])
        for role in (*sorted(VERIFIED_ROLES), UNVERIFIED)
    }
    resident = users["resident"]
    return World(
        users=users,
        devices=devices,
        subject=User.objects.get(email=SUBJECT_EMAIL),
        magic_link_secret=MAGIC_LINK_SECRET,
        reset_uid=urlsafe_base64_encode(force_bytes(resident.pk)),
        reset_token=default_token_generator.make_token(resident),
    )


# The seeded world's rows, kept by the first module of this process that seeds it.
_seeded_rows: list[snapshot.Snapshot] = []


@contextmanager
def committed_world() -> Iterator[World]:
    """The demo world, seeded and committed, for a whole module of tests.

    Seeding every app's demo content takes seconds, too long to repeat for each of a thousand
    tests. Tests then run on top of it, each in a transaction that is rolled back (HTTP suite)
    or only reading (browser suite). Afterwards the database gets back the rows it had before,
    as a transactional test with serialized rollback would.

    On PostgreSQL (tests/snapshot.py) the first module in a process seeds the world and keeps
    a snapshot of its rows; later modules get those same rows back from it, so each module
    still starts from the freshly seeded world, whatever the one before wrote.
    """
    before = snapshot.take()
    migrated = None if before else connection.creation.serialize_db_to_string()
    try:
        if _seeded_rows:
            snapshot.restore(_seeded_rows[0])
            yield world_found()
        else:
            world = build_world()
            if (seeded := snapshot.take()) is not None:
                _seeded_rows.append(seeded)
            yield world
    finally:
        if before is not None:
            snapshot.restore(before)
        else:
            _flush_and_load(str(migrated))


def _flush_and_load(migrated: str) -> None:
    """Empty the database and load the rows `serialize_db_to_string` gave."""
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(migrated)
    # The rows come back with their ids; PostgreSQL's sequences must move past them, or
    # the next insert into a migration-seeded table collides with an existing id.
    models = django_apps.get_models(include_auto_created=True)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def _far_future() -> Any:
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() + timedelta(days=3650)


def session_key_for(world: World, role: str) -> str | None:
    """A database session logged in as the role's demo user (no UI login), or None."""
    if role == "anonymous":
        return None
    user = world.users[role]
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = EMAIL_BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if role in VERIFIED_ROLES:
        store[DEVICE_ID_SESSION_KEY] = world.devices[role].persistent_id
    store.save()
    return str(store.session_key)


# --------------------------------------------------------------------------- expectations


@dataclass(frozen=True)
class Expect:
    """The expected answer to a GET. For a redirect, `to` names the target URL and `next`
    says whether `?next=<requested path>` follows it."""

    status: int
    to: str = ""
    to_kwargs: Callable[[World], dict[str, Any]] | None = None
    next: bool = False

    def target(self, world: World) -> str:
        """The path the redirect must lead to."""
        return reverse(self.to, kwargs=self.to_kwargs(world) if self.to_kwargs else {})

    def query(self, requested: str) -> dict[str, list[str]]:
        """The redirect's query, parsed: `next` is the page that was asked for, if expected."""
        return {"next": [requested]} if self.next else {}

    def __str__(self) -> str:
        return f"{self.status}→{self.to}" if self.to else str(self.status)


OK = Expect(200)
DENIED = Expect(403)
POST_ONLY = Expect(405)
TO_LOGIN = Expect(302, "accounts:login", next=True)
TO_2FA_VERIFY = Expect(302, "accounts:two_factor_verify", next=True)
TO_2FA_VERIFY_BARE = Expect(302, "accounts:two_factor_verify")
TO_2FA_ENROL = Expect(302, "accounts:two_factor_enrol")


def everyone(expect: Expect = OK) -> dict[str, Expect]:
    return dict.fromkeys(MATRIX_ROLES, expect)


def members(expect: Expect = OK, anonymous: Expect = TO_LOGIN) -> dict[str, Expect]:
    """Any logged-in user; anonymous visitors go to the login page."""
    return {**everyone(expect), "anonymous": anonymous}


def management(*allowed: str) -> dict[str, Expect]:
    """A page under /manage/: the listed roles see it, other members get 403, anonymous
    visitors go to the login page, and an organiser who has not passed the second factor is
    sent to verify it first."""
    table = {role: (OK if role in allowed else DENIED) for role in ROLES}
    table["anonymous"] = TO_LOGIN
    table[UNVERIFIED] = TO_2FA_VERIFY
    return table


# --------------------------------------------------------------------------- the registry


def no_kwargs(world: World) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Page:
    """One URL pattern as a visitor meets it."""

    name: str  # the URL name, namespace included
    expect: Mapping[str, Expect]
    title: str = ""  # the h1 every role that sees the page gets (checked in the browser)
    kwargs: Callable[[World], dict[str, Any]] = no_kwargs
    methods: tuple[str, ...] = ("GET",)
    variant: str = ""  # tells two rows for one URL name apart
    html: bool = True  # False for downloads and machine endpoints: no browser checks

    def url(self, world: World) -> str:
        return reverse(self.name, kwargs=self.kwargs(world))

    @property
    def id(self) -> str:
        return f"{self.name}[{self.variant}]" if self.variant else self.name

    def roles_seeing(self) -> tuple[str, ...]:
        """The roles (verified ones only) that get the page itself, status 200."""
        return tuple(role for role in ROLES if self.expect[role].status == 200)


def _subject(world: World) -> dict[str, Any]:
    return {"user_id": world.subject.pk}


def _missing_user(world: World) -> dict[str, Any]:
    return {"user_id": 999_999}


def _magic_link(world: World) -> dict[str, Any]:
    return {"token": world.magic_link_secret}


def _reset_link(world: World) -> dict[str, Any]:
    return {"uidb64": world.reset_uid, "token": world.reset_token}


def _reset_form(world: World) -> dict[str, Any]:
    return {"uidb64": world.reset_uid, "token": "set-password"}


PAGES: tuple[Page, ...] = (
    # core: public pages
    Page("core:home", everyone(), "Welcome to Samen"),
    Page("core:help", everyone(), "Get help"),
    Page("core:accessibility", everyone(), "Accessibility statement"),
    Page("core:privacy", everyone(), "Privacy"),
    Page("core:preferences", everyone(), "Display settings", methods=("GET", "POST")),
    # core: management
    Page("core:manage", management("organiser", "moderator", "admin"), "Manage"),
    Page("core:audit_log", management("admin"), "Audit log"),
    Page("core:user_list", management("admin"), "Users and roles"),
    Page(
        "core:user_roles",
        management("admin"),
        "Change the roles of Kees Mulder",
        kwargs=_subject,
        methods=("GET", "POST"),
    ),
    Page(
        "core:user_roles",
        {**management(), "admin": Expect(404)},
        kwargs=_missing_user,
        variant="unknown user",
    ),
    # accounts: signing up and verifying the address
    Page("accounts:register", everyone(), "Create an account", methods=("GET", "POST")),
    Page("accounts:register_done", everyone(), "Check your email"),
    Page(
        "accounts:verify_email_resend",
        everyone(),
        "Send a new confirmation link",
        methods=("GET", "POST"),
    ),
    Page("accounts:verify_email_resend_done", everyone(), "Check your email"),
    Page(
        "accounts:verify_email",
        everyone(),
        "This link does not work",
        kwargs=lambda world: {"token": "not-a-valid-token"},
        variant="invalid link",
    ),
    Page(
        "accounts:verify_email",
        everyone(),
        "Email address confirmed",
        kwargs=lambda world: {"token": tokens.verify_email_token_make(world.users["resident"])},
    ),
    # accounts: logging in and out
    Page("accounts:login", everyone(), "Log in", methods=("GET", "POST")),
    Page("accounts:logout", everyone(POST_ONLY), methods=("POST",)),
    Page(
        "accounts:magic_link_request",
        everyone(),
        "Get a login link by email",
        methods=("GET", "POST"),
    ),
    Page("accounts:magic_link_sent", everyone(), "Check your email"),
    Page("accounts:magic_link", everyone(), "Log in", kwargs=_magic_link, methods=("GET", "POST")),
    Page(
        "accounts:magic_link",
        everyone(),
        "This link does not work",
        kwargs=lambda world: {"token": "unknown-token"},
        variant="invalid link",
    ),
    # accounts: password reset
    Page("accounts:password_reset", everyone(), "Forgot your password?", methods=("GET", "POST")),
    Page("accounts:password_reset_done", everyone(), "Check your email"),
    Page("accounts:password_reset_complete", everyone(), "Password changed"),
    Page(
        "accounts:password_reset_confirm",
        everyone(Expect(302, "accounts:password_reset_confirm", to_kwargs=_reset_form)),
        kwargs=_reset_link,
        methods=("GET", "POST"),
    ),
    Page(
        "accounts:password_reset_confirm",
        everyone(),
        "Choose a new password",
        kwargs=_reset_form,
        variant="without the link",
    ),
    # accounts: the signed-in user's own account
    Page("accounts:profile", members(), "My account", methods=("GET", "POST")),
    Page("accounts:export", members(), "Download my data", methods=("GET", "POST")),
    Page("accounts:erase", members(), "Delete my account", methods=("GET", "POST")),
    Page("accounts:erased", everyone(), "Your account is deleted"),
    # accounts: two-factor authentication
    Page(
        "accounts:two_factor_enrol",
        {**members(), UNVERIFIED: TO_2FA_VERIFY_BARE},
        "Turn on two-factor login",
        methods=("GET", "POST"),
    ),
    Page(
        "accounts:two_factor_backup_codes",
        members(),
        "Backup codes",
        methods=("GET", "POST"),
    ),
    Page(
        "accounts:two_factor_verify",
        {
            **members(),
            "resident": TO_2FA_ENROL,
            "staff": TO_2FA_ENROL,
            "digicoach": TO_2FA_ENROL,
        },
        "Enter your login code",
        methods=("GET", "POST"),
    ),
)

# Named patterns deliberately not in PAGES, each with the reason.
EXCLUDED: dict[str, str] = {
    "set_language": "Django's set_language: POST-only, answers with a redirect and no page.",
    "healthz": "JSON for load balancers, not a page; tests/core covers it.",
}


def page_ids() -> list[str]:
    return [page.id for page in PAGES]


def cases(roles: tuple[str, ...] = MATRIX_ROLES) -> list[tuple[Page, str]]:
    """Every (page, role) pair, for parametrising."""
    return [(page, role) for page in PAGES for role in roles]


__all__ = [
    "EXCLUDED",
    "MATRIX_ROLES",
    "PAGES",
    "ROLES",
    "UNVERIFIED",
    "Expect",
    "Page",
    "World",
    "build_world",
    "cases",
    "session_key_for",
]

# Each app keeps its rows next to its own tests and they join the registry here. The imports
# come last because those modules build their rows from the helpers above.
from tests.pages_budgeting import PAGES as BUDGETING_PAGES  # noqa: E402
from tests.pages_inclusion import INCLUSION_PAGES  # noqa: E402
from tests.pages_skills import SKILLS_PAGES  # noqa: E402

PAGES = (*PAGES, *SKILLS_PAGES, *BUDGETING_PAGES, *INCLUSION_PAGES)
