"""Browser suite fixtures: Debian's Chromium through Playwright, pytest-django's live server,
the demo world seeded once per module, and one logged-in tab per role.

- One browser for the whole run, never downloaded: Debian's chromium-headless-shell, or
  /usr/bin/chromium where only that is installed (CI installs both with apt).
- The server is pytest-django's `live_server`. Its usual companion, a transactional database
  flushed after every test, would mean seeding and logging in again for each of a few hundred
  visits. These tests only read, so `world` seeds the demo municipality once per module and
  commits it (the server thread must see it, on PostgreSQL too); when the module ends it
  puts back the rows the database had before, as a transactional test with serialized
  rollback would. On PostgreSQL only the first module in a worker really seeds; the others
  get the same freshly seeded rows back from a snapshot (tests/pages.py `committed_world`).
- Logged-in tabs get a session made directly in the database (tests/pages.py
  `session_key_for`, with the OTP device for organiser, moderator and admin): no UI login.
  Tabs live for the whole run, one per role and JavaScript setting; a tab is given a new
  session cookie only when the world changes.
"""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from playwright.sync_api import Browser, Playwright

from tests.browser.tabs import HEIGHT, WIDTH, Tab, watch
from tests.pages import MATRIX_ROLES, World, committed_world, session_key_for

# Playwright's sync API runs an event loop in this thread; Django would refuse its ORM calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# Debian's headless build of the same Chromium (package chromium-headless-shell, what
# Playwright itself runs headless) needs about a third less CPU per page than the full
# browser in headless mode; the full browser is used where it is the only one installed.
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
CHROMIUM = HEADLESS_SHELL if HEADLESS_SHELL.exists() else Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The network is closed: without these Chromium keeps calling home and logs the refusals.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's chromium is not installed "
            "(apt-get install chromium-headless-shell, or chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as engine:
        yield engine


@pytest.fixture(scope="session")
def django_db_setup(playwright: Playwright, django_db_setup: None) -> None:
    """pytest-django's test database, created after Playwright has started.

    Django keeps its database connections per context, and starting Playwright's sync API
    switches the context: connection objects made before it are not the ones tests use after
    it. Creating the database afterwards keeps one set of connections for the whole run, so
    the in-memory SQLite database is the one the server thread shares.
    """


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@pytest.fixture(autouse=True)
def _live_server_helper(request: pytest.FixtureRequest) -> Iterator[None]:
    """Replaces pytest-django's helper of the same name for this directory: that one makes
    every test that uses `live_server` transactional, and so flushes the world after each
    test. Here the world is seeded once per module and cleaned up by `seeded`; the server's
    settings change (its host in ALLOWED_HOSTS) is still applied around each test."""
    if "live_server" not in request.fixturenames:
        yield
        return
    server = request.getfixturevalue("live_server")
    server._live_server_modified_settings.enable()
    yield
    server._live_server_modified_settings.disable()


@dataclass(frozen=True)
class SeededWorld:
    world: World
    sessions: dict[str, str | None]  # role → session key


def _is_test_database() -> bool:
    name = str(connection.settings_dict["NAME"])
    return name.startswith("file:memorydb") or Path(name).name.startswith("test_")


@pytest.fixture(scope="module")
def seeded(
    django_db_setup: None, live_server: Any, django_db_blocker: Any
) -> Iterator[SeededWorld]:
    """Seed and commit the demo world once for the module; clean up after it.

    The check below refuses to write anywhere but a test database.
    """
    with django_db_blocker.unblock():
        assert _is_test_database(), connection.settings_dict["NAME"]
        with committed_world() as world:
            sessions = {role: session_key_for(world, role) for role in MATRIX_ROLES}
            yield SeededWorld(world, sessions)


@pytest.fixture
def world(seeded: SeededWorld, django_db_blocker: Any) -> Iterator[World]:
    """The module's demo world; the test may read the database, and must not write to it."""
    with django_db_blocker.unblock():
        yield seeded.world


@pytest.fixture(scope="session")
def _tabs(browser: Browser) -> Iterator[dict[tuple[str, bool], Tab]]:
    made: dict[tuple[str, bool], Tab] = {}
    yield made
    for tab in made.values():
        tab.page.context.close()


def _new_tab(browser: Browser, base_url: str, javascript: bool) -> Tab:
    context = browser.new_context(
        base_url=base_url,
        java_script_enabled=javascript,
        viewport={"width": WIDTH, "height": HEIGHT},
    )
    page = context.new_page()
    tab = Tab(page, javascript=javascript)
    watch(page, tab)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return tab


@pytest.fixture
def tab_as(
    browser: Browser,
    _tabs: dict[tuple[str, bool], Tab],
    live_server: Any,
    seeded: SeededWorld,
    world: World,
) -> Callable[..., Tab]:
    """`tab_as("admin")` is the admin's tab (JavaScript on), logged in to this module's world;
    `tab_as("resident", javascript=False)` the resident's with JavaScript off."""

    def get(role: str, *, javascript: bool = True) -> Tab:
        key = (role, javascript)
        if key not in _tabs:
            _tabs[key] = _new_tab(browser, live_server.url, javascript)
        tab = _tabs[key]
        if tab.world is not seeded.world:
            context = tab.page.context
            context.clear_cookies()
            session_key = seeded.sessions[role]
            if session_key is not None:
                cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session_key}
                context.add_cookies([{**cookie, "url": live_server.url}])
            tab.world = seeded.world
        return tab

    return get
