"""Every page of tests/pages.py in German and in Dutch, Danish or French, in real Chromium.

test_every_page.py checks every page as every role in English (axe in every theme, 320 px,
200 % text, JavaScript off, page weight). Repeating all of that in
four more languages would cost four times the CI minutes, and most of what it checks does not
depend on the language. What does depend on it is the text: longer German words that push a
page sideways, a translated label that no longer matches its control, a missing `lang`, a
fallback text without its own `lang`. So each page is opened in German, whose words are the
longest and so break layouts first, and in one of Dutch, Danish and French, which take
turns from page to page; each visit is as another role that may see it (the roles rotate
too, so every role is used in every language across the site). Each is checked for:

- status 200 and `<html lang>` in that language;
- the shared layout: one non-empty h1, the skip link first, one main, "Get help" in the
  header pointing to that language's help page;
- zero axe-core violations for wcag2a/aa, wcag21a/aa and wcag22aa in the default theme,
  but for the rules that read colours (`COLOUR_RULES`), and in 200 % text for the theme
  rules a longer text can break (target size, scrollable regions);
- no sideways scrolling at 320 px, nor at 1280 px with 200 % text;
- no console errors.

Colours are what a language cannot change: every language is painted by the same templates
and the same stylesheet, and test_every_page.py checks colour contrast and links in text on
every page, for every role's HTML, in all three themes. Colour contrast is three quarters
of an axe run; checking it again in every language nearly doubled the browser suite.

The pages are split between this module and test_every_language_half.py (every other page
each), so that `--dist loadfile` can run the two halves on two workers at once: whole, this
module took longer than everything the other worker ran. See docs/decisions.md for what this
costs in CI time.
"""

import pytest
from django.conf import settings
from django.utils import translation

from tests.browser.tabs import BROWSED, THEME_RULES, WCAG_TAGS, Tab, axe_report
from tests.browser.test_every_page import reflow_problems
from tests.pages import ROLES, Page, World

pytestmark = pytest.mark.browser

# Alternate pages, so that both halves get their share of the slow (long, many-role) pages.
HALVES = (BROWSED[0::2], BROWSED[1::2])
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
LONGEST = "de"  # the language with the longest words, checked on every page
COLOUR_RULES = ("color-contrast", "link-in-text-block")
LANGUAGE_AXE = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "rules": {rule: {"enabled": False} for rule in COLOUR_RULES},
}
LARGE_TEXT_RULES = [rule for rule in THEME_RULES["text-200"] if rule not in COLOUR_RULES]


def language_visits(registered: Page) -> list[tuple[str, str]]:
    """(language, role): German, and the next of the other languages in turn, each as the
    next role that sees the page."""
    roles = registered.roles_seeing()
    start = BROWSED.index(registered)
    others = [language for language in LANGUAGES if language != LONGEST]
    languages = (LONGEST, others[start % len(others)])
    return [(language, roles[(start + n) % len(roles)]) for n, language in enumerate(languages)]


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
    results = tab.axe(LANGUAGE_AXE)
    if results["violations"]:
        problems.append("axe violations:\n" + axe_report(results))
    problems += tab.errors
    problems += reflow_problems(tab)  # leaves the page at 1280 px in 200 % text
    tab.set_theme("text-200")
    results = tab.axe({"runOnly": {"type": "rule", "values": LARGE_TEXT_RULES}})
    if results["violations"]:
        problems.append("axe violations in 200 % text:\n" + axe_report(results))
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
def test_page_passes_axe_and_reflows_in_german_and_one_other_language(
    registered: Page, world: World, tab_as
):
    check_every_language(registered, world, tab_as)


def test_the_two_halves_check_every_page_once():
    assert sorted(page.id for half in HALVES for page in half) == sorted(p.id for p in BROWSED)


def test_every_role_is_used_in_every_language():
    used = {(language, role) for page in BROWSED for language, role in language_visits(page)}

    assert {(language, role) for language in LANGUAGES for role in ROLES} <= used


def test_german_is_checked_on_every_page_and_the_others_on_a_third_each():
    pages = {language: 0 for language in LANGUAGES}
    for page in BROWSED:
        for language, _role in language_visits(page):
            pages[language] += 1

    others = [count for language, count in pages.items() if language != LONGEST]
    assert pages[LONGEST] == len(BROWSED)
    assert all(abs(3 * count - len(BROWSED)) <= 3 for count in others), pages


def test_the_rules_left_out_are_the_colour_rules_every_theme_checks_in_english():
    assert set(COLOUR_RULES) == set(THEME_RULES["high-contrast"])
    assert set(COLOUR_RULES) < set(THEME_RULES["text-200"])
