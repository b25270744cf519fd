"""Every page of tests/pages.py in Dutch, Danish, German and French, in real Chromium.

test_every_page.py checks every page as every role in English (axe in every theme, 320 px,
200 % text, JavaScript off, page weight). Repeating all of that in
four more languages would cost four times the CI minutes, and most of what it checks does not
depend on the language. What does depend on it is the text: longer German words that push a
page sideways, a translated label that no longer matches its control, a missing `lang`, a
fallback text without its own `lang`. So each page is opened once in each of the four
languages, each time as another role that may see it (the roles rotate from page to page, so
every role is used in every language across the site), and checked for:

- status 200 and `<html lang>` in that language;
- the shared layout: one non-empty h1, the skip link first, one main, "Get help" in the
  header pointing to that language's help page;
- zero axe-core violations for wcag2a/aa, wcag21a/aa and wcag22aa in the default theme,
  and for the rules a theme can change in 200 % text and high contrast (tabs.THEME_RULES);
- no sideways scrolling at 320 px, nor at 1280 px with 200 % text;
- no console errors.

The pages are split between this module and test_every_language_half.py (every other page
each), so that `--dist loadfile` can run the two halves on two workers at once: whole, this
module took longer than everything the other worker ran. See docs/decisions.md for what this
costs in CI time.
"""

import pytest
from django.conf import settings
from django.utils import translation

from tests.browser.tabs import BROWSED, Tab, axe_report
from tests.browser.test_every_page import reflow_problems
from tests.pages import ROLES, Page, World

pytestmark = pytest.mark.browser

# Alternate pages, so that both halves get their share of the slow (long, many-role) pages.
HALVES = (BROWSED[0::2], BROWSED[1::2])
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)


def language_visits(registered: Page) -> list[tuple[str, str]]:
    """(language, role): every language once, each as the next role that sees the page."""
    roles = registered.roles_seeing()
    start = BROWSED.index(registered)
    return [(language, roles[(start + n) % len(roles)]) for n, language in enumerate(LANGUAGES)]


def layout_problems_in(tab: Tab, language: str) -> list[str]:
    facts = tab.page.evaluate(
        """() => ({
          lang: document.documentElement.lang,
          h1: [...document.querySelectorAll("h1")].map((h) => h.innerText.trim()),
          skip: (document.querySelector("a[href]") || {}).getAttribute?.call(
            document.querySelector("a[href]"), "href"),
          mains: document.querySelectorAll("main#main").length,
          help: [...document.querySelectorAll("header a.help-link")].map(
            (a) => a.getAttribute("href")),
        })"""
    )
    problems = []
    if facts["lang"] != language:
        problems.append(f'<html lang="{facts["lang"]}">, expected {language}')
    if len(facts["h1"]) != 1 or not facts["h1"][0]:
        problems.append(f"h1 elements are {facts['h1']}, expected one with text")
    if facts["skip"] != "#main":
        problems.append(f"the first link goes to {facts['skip']!r}, not the skip link #main")
    if facts["mains"] != 1:
        problems.append(f"{facts['mains']} <main id=main> elements, expected 1")
    if facts["help"] != [f"/{language}/help/"]:
        problems.append(f"help links in the header: {facts['help']}")
    return problems


def visit_problems(tab: Tab, url: str, language: str) -> list[str]:
    if (status := tab.open(url)) != 200:
        return [f"GET {url} answered {status}"]
    problems = layout_problems_in(tab, language)
    results = tab.axe()
    if results["violations"]:
        problems.append("axe violations:\n" + axe_report(results))
    problems += tab.errors
    problems += reflow_problems(tab)
    problems += tab.theme_problems()
    return problems


def check_every_language(registered: Page, world: World, tab_as) -> None:
    problems = {}
    for language, role in language_visits(registered):
        with translation.override(language):
            url = registered.url(world)
        if found := visit_problems(tab_as(role), url, language):
            problems[f"{language} as {role} ({url})"] = found

    report = "\n\n".join(
        f"{visit}:\n" + "\n".join(f"  {line}" for line in lines)
        for visit, lines in problems.items()
    )
    assert problems == {}, report


@pytest.mark.parametrize("registered", HALVES[0], ids=[page.id for page in HALVES[0]])
def test_page_passes_axe_and_reflows_in_every_language(registered: Page, world: World, tab_as):
    check_every_language(registered, world, tab_as)


def test_the_two_halves_check_every_page_once():
    assert sorted(page.id for half in HALVES for page in half) == sorted(p.id for p in BROWSED)


def test_every_role_is_used_in_every_language():
    used = {(language, role) for page in BROWSED for language, role in language_visits(page)}

    assert {(language, role) for language in LANGUAGES for role in ROLES} <= used
