"""Skills test fixtures."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_by_default():
    """Start every test in English, whatever language the previous test's requests left."""
    translation.activate("en")
    yield
    translation.activate("en")
