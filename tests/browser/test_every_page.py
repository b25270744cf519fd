"""Every page of tests/pages.py, as every role that may see it, in real Chromium.

For each page, and each role for which the registry expects 200:

- the status is 200;
- axe-core finds zero violations for wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa;
- nothing is logged as a console error and no script throws;
- at most 100 KB crosses the wire before images (tabs.py says how it is counted);
- the layout: exactly one h1 (the registry's title), a skip link to #main as the first link,
  and "Get help" in the header;
- at 320 px wide nothing scrolls sideways, and at 1280 px with 200 % text neither;
- axe-core again in the two other themes, 200 % text and high contrast, with the rules a
  theme can change (tabs.THEME_RULES), as the first role that sees the page;
- with JavaScript off, the h1 and the main content render.

One test per page visits all its roles in the same seeded world and reports every problem of
every role at once. Roles that get byte-for-byte the same HTML (CSRF token aside), such as
the organiser, moderator and admin on most public pages, get the same page, so it is checked
once for them. The 200 % check switches on the same `text-200` class the server puts on
<html> for the preference (cookie `samen_prefs=200-` or the profile); test_flows.py proves the
server does that from the cookie, without JavaScript.

The pages are split between this module and test_every_page_half.py (every other page each),
so that `--dist loadfile` can run the two halves on two workers at once.
"""

import pytest

from tests.browser.tabs import BROWSED, HEIGHT, WIDTH, Tab, axe_report, layout_problems
from tests.pages import ROLES, Page, World

pytestmark = pytest.mark.browser

BUDGET_BYTES = 100 * 1024
# Alternate pages, so that both halves get their share of the slow (long, many-role) pages.
HALVES = (BROWSED[0::2], BROWSED[1::2])


def reflow_problems(tab: Tab) -> list[str]:
    problems = []
    tab.page.set_viewport_size({"width": 320, "height": HEIGHT})
    if (width := tab.scroll_width()) > 320:
        problems.append(f"scrolls sideways at 320 px: the document is {width} px wide")
    tab.page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    tab.page.evaluate(
        "document.documentElement.classList.remove('text-100', 'text-150');"
        "document.documentElement.classList.add('text-200')"
    )
    if (width := tab.scroll_width()) > WIDTH:
        problems.append(f"scrolls sideways at 200 % text: the document is {width} px wide")
    return problems


def visit_problems(
    tab_as, registered: Page, role: str, world: World, checked: set[bytes]
) -> list[str]:
    """Everything wrong with the page as `role` sees it. A role that gets exactly the HTML
    of a role checked before (the same navigation, the same content) gets the same page,
    so the checks are not repeated; `checked` holds the HTML already checked."""
    url = registered.url(world)
    tab = tab_as(role)
    if (status := tab.open(url)) != 200:
        return [f"GET {url} answered {status}"]
    if tab.html in checked:
        return []
    first = not checked
    checked.add(tab.html)
    problems = layout_problems(tab, registered.title)
    results = tab.axe()
    if results["violations"]:
        problems.append("axe violations:\n" + axe_report(results))
    problems += tab.errors
    if (size := tab.transferred_bytes_before_images()) > BUDGET_BYTES:
        problems.append(f"{size} bytes transferred before images (budget {BUDGET_BYTES})")
    problems += reflow_problems(tab)
    if first:  # the themes change colours and sizes, the same for every role
        problems += tab.theme_problems()

    plain = tab_as(role, javascript=False)
    if (status := plain.open(url)) != 200:
        return [*problems, f"without JavaScript, GET {url} answered {status}"]
    facts = plain.layout()
    if facts["h1"] != [registered.title]:
        problems.append(f"without JavaScript the h1 elements are {facts['h1']}")
    if not (facts["mainVisible"] and facts["mainText"]):
        problems.append("without JavaScript the main content is missing")
    return problems


def check_every_role(registered: Page, world: World, tab_as) -> None:
    checked: set[bytes] = set()
    problems = {
        role: found
        for role in registered.roles_seeing()
        if (found := visit_problems(tab_as, registered, role, world, checked))
    }

    report = "\n\n".join(
        f"as {role}:\n" + "\n".join(f"  {line}" for line in lines)
        for role, lines in problems.items()
    )
    assert problems == {}, f"{registered.url(world)}\n{report}"


@pytest.mark.parametrize("registered", HALVES[0], ids=[page.id for page in HALVES[0]])
def test_page_is_accessible_light_and_works_without_javascript_for_every_role(
    registered: Page, world: World, tab_as
):
    check_every_role(registered, world, tab_as)


def test_the_two_halves_check_every_page_once():
    assert sorted(page.id for half in HALVES for page in half) == sorted(p.id for p in BROWSED)


def test_every_role_is_checked_on_at_least_three_pages():
    seen = {role: sum(role in page.roles_seeing() for page in BROWSED) for role in ROLES}

    assert min(seen.values()) >= 3, seen
