"""HTTP suite fixtures: the demo world and a test client logged in as a given role."""

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client

from tests.pages import World, build_world, session_key_for


@pytest.fixture
def world(db: None) -> World:
    return build_world()


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
