"""Project-wide test setup: under CI=true a skipped test is a failure, never a silent pass."""

import os
from typing import Any

import pytest

IN_CI = os.environ.get("CI") == "true"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"Skipped under CI=true, which must run everything: {reason}"


@pytest.fixture
def login_verified():
    """Log a client in as a user who has passed two-factor, as staff do before managing."""

    def login(client, user):  # type: ignore[no-untyped-def]
        from django_otp import DEVICE_ID_SESSION_KEY

        from samen.accounts import services as account_services

        device = user.totpdevice_set.first() or account_services.totp_device_create(user=user)
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return login


# The first seeding in this process: its snapshot (PostgreSQL only) and what it reported.
_demo: dict[str, Any] = {}


@pytest.fixture
def demo_report(db: None) -> list[str]:
    """The demo municipality as `seed_demo` makes it, inside the test's transaction, and
    what `seed_demo` reported when it made it on an empty database.

    Seeding takes 10-20 s. On PostgreSQL the first test in a process seeds and keeps a
    snapshot of every table (tests/snapshot.py) with the report; later tests get the same
    rows back in well under a second. Other databases seed for every test.
    """
    from samen.core.demo import seed_demo
    from tests import snapshot

    if "rows" in _demo:
        snapshot.restore(_demo["rows"])
        return list(_demo["report"])
    report = seed_demo()
    if (rows := snapshot.take()) is not None:
        _demo.update(rows=rows, report=report)
    return list(report)


@pytest.fixture
def demo_seeded(demo_report: list[str]) -> None:
    """The demo municipality as `seed_demo` makes it, inside the test's transaction."""
