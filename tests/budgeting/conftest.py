"""Budgeting fixtures: clients logged in per role (staff with a verified second factor)."""

import pytest
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture
def resident(db):  # type: ignore[no-untyped-def]
    return UserFactory(roles=["resident"], year_of_birth=2010, postcode="7411 AB")


@pytest.fixture
def resident_client(resident) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(resident)
    return client


@pytest.fixture
def organiser(db):  # type: ignore[no-untyped-def]
    return UserFactory(roles=["staff", "organiser"])


@pytest.fixture
def organiser_client(organiser, login_verified) -> Client:  # type: ignore[no-untyped-def]
    return login_verified(Client(), organiser)


@pytest.fixture
def moderator(db):  # type: ignore[no-untyped-def]
    return UserFactory(roles=["staff", "moderator"])


@pytest.fixture
def moderator_client(moderator, login_verified) -> Client:  # type: ignore[no-untyped-def]
    return login_verified(Client(), moderator)
