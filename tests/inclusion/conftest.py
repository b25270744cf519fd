"""Inclusion test fixtures: clients per role (staff with a verified second factor)."""

import pytest
from django.test import Client
from django.utils import translation

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def english_by_default():  # type: ignore[no-untyped-def]
    """Start every test in English, whatever language the previous test's requests left."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def organiser(db):  # type: ignore[no-untyped-def]
    return UserFactory(roles=["staff", "organiser"], email="organiser@example.test")


@pytest.fixture
def organiser_client(organiser, login_verified) -> Client:  # type: ignore[no-untyped-def]
    return login_verified(Client(), organiser)


@pytest.fixture
def resident(db):  # type: ignore[no-untyped-def]
    return UserFactory(roles=["resident"])


@pytest.fixture
def resident_client(resident) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(resident)
    return client
