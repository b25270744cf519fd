"""Every page of tests/pages.py in Dutch, Danish, German and French, in real Chromium.

test_every_page.py checks every page as every role in English (axe, 320 px, 200 % text,
JavaScript off) and test_layout_states.py its high-contrast theme. Repeating all of that in
four more languages would cost four times the CI minutes, and most of what it checks does not
depend on the language. What does depend on it is the text: longer German words that push a
page sideways, a translated label that no longer matches its control, a missing `lang`, a
fallback text without its own `lang`. So each page is opened once in each of the four
languages, each time as another role that may see it (the roles rotate from page to page, so
every role is used in every language across the site), and checked for:

- status 200 and `<html lang>` in that language;
- the shared layout: one non-empty h1, the skip link first, one main, "Get help" in the
  header pointing to that language's help page;
- zero axe-core violations for wcag2a/aa, wcag21a/aa and wcag22aa in the default theme;
- no sideways scrolling at 320 px, nor at 1280 px with 200 % text;
- no console errors;
- and one of the two other themes, alternating: with 200 % text axe's rules that text size
  can change (colour contrast, links in text, target size; structure, names and labels are
  the same at any size), or axe's colour rules in the high-contrast theme. So every page
  passes each theme in two of the four languages, and every language passes each theme on
  about half of the pages (the themes change sizes and colours, which depend far less on the
  language than on the page).

See docs/decisions.md for what this costs in CI time.
"""

import pytest
from django.conf import settings
from django.utils import translation

from tests.browser.tabs import BROWSED, Tab, axe_report
from tests.browser.test_every_page import reflow_problems
from tests.pages import ROLES, Page, World

pytestmark = pytest.mark.browser

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
THEMES = ("text-200", "high-contrast")
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# What text size can change: the page's structure, names and labels are the same at any size
# and pass in the default theme; contrast thresholds and target sizes follow the rendering.
SIZE_RULES = [*COLOUR_RULES, "target-size"]


def language_visits(registered: Page) -> list[tuple[str, str, str]]:
    """(language, role, theme): every language once, each as the next role that sees the page,
    with the two other themes taking turns."""
    roles = registered.roles_seeing()
    start = BROWSED.index(registered)
    return [
        (language, roles[(start + n) % len(roles)], THEMES[(start + n) % len(THEMES)])
        for n, language in enumerate(LANGUAGES)
    ]


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


def theme_problems(tab: Tab, theme: str) -> list[str]:
    """After `reflow_problems` the page is at 1280 px with 200 % text: axe it as it is, or
    back at normal size in high contrast with the colour rules."""
    if theme == "text-200":
        results = tab.axe({"runOnly": {"type": "rule", "values": SIZE_RULES}})
    else:
        tab.page.evaluate(
            "document.documentElement.classList.remove('text-200');"
            "document.documentElement.classList.add('high-contrast')"
        )
        results = tab.axe({"runOnly": {"type": "rule", "values": COLOUR_RULES}})
    return [f"axe violations in {theme}:\n" + axe_report(results)] if results["violations"] else []


def visit_problems(tab: Tab, url: str, language: str, theme: str) -> list[str]:
    if (status := tab.open(url)) != 200:
        return [f"GET {url} answered {status}"]
    problems = layout_problems_in(tab, language)
    results = tab.axe()
    if results["violations"]:
        problems.append("axe violations:\n" + axe_report(results))
    problems += tab.errors
    problems += reflow_problems(tab)
    problems += theme_problems(tab, theme)
    return problems


@pytest.mark.parametrize("registered", BROWSED, ids=[page.id for page in BROWSED])
def test_page_passes_axe_and_reflows_in_every_language(registered: Page, world: World, tab_as):
    problems = {}
    for language, role, theme in language_visits(registered):
        with translation.override(language):
            url = registered.url(world)
        if found := visit_problems(tab_as(role), url, language, theme):
            problems[f"{language} as {role}, {theme} ({url})"] = found

    report = "\n\n".join(
        f"{visit}:\n" + "\n".join(f"  {line}" for line in lines)
        for visit, lines in problems.items()
    )
    assert problems == {}, report


def test_every_role_is_used_in_every_language_and_every_page_gets_both_themes():
    visits = [(page, visit) for page in BROWSED for visit in language_visits(page)]
    used = {(language, role) for _page, (language, role, _theme) in visits}
    themed = {(page.id, theme) for page, (_language, _role, theme) in visits}

    assert {(language, role) for language in LANGUAGES for role in ROLES} <= used
    assert themed == {(page.id, theme) for page in BROWSED for theme in THEMES}
