"""Skills test fixtures."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_by_default():
    """Start every test in English, whatever language the previous test's requests left."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def organiser(client, login_verified):  # type: ignore[no-untyped-def]
    """An organiser (also staff), logged in on `client` with the second factor passed."""
    from tests.factories import UserFactory

    user = UserFactory(roles=("staff", "organiser"))
    login_verified(client, user)
    return user
