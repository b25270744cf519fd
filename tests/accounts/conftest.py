"""Accounts test fixtures."""

import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def english_by_default():
    """Requests in other languages leave that language active in the thread; `reverse()` in
    the next test would then build /nl/… URLs. Start every test in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def empty_cache():
    """The per-address email cap lives in the cache; each test starts with none sent."""
    cache.clear()
    yield
    cache.clear()
