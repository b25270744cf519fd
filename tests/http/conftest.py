"""HTTP suite fixtures: the demo world and a test client logged in as a given role."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from tests.pages import World, committed_world, session_key_for


@pytest.fixture(scope="module")
def _module_world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    with django_db_blocker.unblock(), committed_world() as world:
        yield world


@pytest.fixture
def world(_module_world: World, db: None) -> World:
    """The demo world, seeded once per module; each test's own writes are rolled back."""
    return _module_world


@pytest.fixture
def client_as(world: World) -> Callable[[str], Client]:
    """`client_as("admin")` is a fresh test client with the admin's session (OTP-verified)."""

    def make(role: str) -> Client:
        client = Client()
        key = session_key_for(world, role)
        if key is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = key
        return client

    return make
