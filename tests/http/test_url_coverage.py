"""Every named URL pattern of the site is in the page registry, or excluded with a reason."""

from django.urls import URLPattern, URLResolver, get_resolver

from tests.pages import EXCLUDED, MATRIX_ROLES, PAGES


def named_patterns(resolver: URLResolver, namespace: str = "") -> set[str]:
    """All URL names under a resolver, namespaced, walking includes and i18n_patterns."""
    names: set[str] = set()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= named_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def test_the_walk_finds_core_accounts_and_unprefixed_patterns():
    names = named_patterns(get_resolver())

    assert {"core:home", "core:user_roles", "accounts:login", "set_language", "healthz"} <= names


def test_every_named_pattern_is_registered_or_excluded():
    registered = {page.name for page in PAGES}

    missing = named_patterns(get_resolver()) - registered - set(EXCLUDED)

    assert missing == set(), (
        f"Add these URL names to tests/pages.py (PAGES, or EXCLUDED with a reason): "
        f"{sorted(missing)}"
    )


def test_the_registry_names_no_pattern_that_does_not_exist():
    stale = ({page.name for page in PAGES} | set(EXCLUDED)) - named_patterns(get_resolver())

    assert stale == set()


def test_no_pattern_is_both_registered_and_excluded():
    assert {page.name for page in PAGES} & set(EXCLUDED) == set()


def test_every_exclusion_gives_a_reason():
    assert all(len(reason) >= 20 for reason in EXCLUDED.values())


def test_every_row_has_an_expectation_for_every_role():
    incomplete = [page.id for page in PAGES if set(page.expect) != set(MATRIX_ROLES)]

    assert incomplete == []


def test_row_ids_are_unique():
    ids = [page.id for page in PAGES]

    assert len(ids) == len(set(ids))


def test_every_page_a_role_sees_names_its_heading():
    untitled = [page.id for page in PAGES if page.roles_seeing() and page.html and not page.title]

    assert untitled == []
