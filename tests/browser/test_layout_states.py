"""The shared layout in its other states: error pages, high contrast, 200 % text from the
cookie, the display-settings form without JavaScript, and forms showing their errors.

- 403 and 404 pages keep the site layout (one h1, skip link, "Get help") and pass axe.
- With the cookie `samen_prefs=100-c` the server puts `high-contrast` on <html>, and the
  page passes axe's colour rules (a sample of pages: the base template does this for all;
  test_every_page.py and test_every_language.py run axe in that theme on every page).
- With the cookie `samen_prefs=200-` the server puts `text-200` on <html>, and no page an
  anonymous visitor sees scrolls sideways at 1280 px.
- Posting the display-settings form with JavaScript off applies the chosen text size.
- A form sent back with errors passes axe, and each link of its error summary has a target.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.browser.tabs import BROWSED, HEIGHT, WIDTH, Tab, axe_report, layout_problems, watch
from tests.pages import Page, World

pytestmark = pytest.mark.browser

COLOUR_RULES = ["color-contrast", "link-in-text-block"]
ANONYMOUS_PAGES = [page for page in BROWSED if "anonymous" in page.roles_seeing()]
# The base template sets the theme class for every page alike; test_every_page.py runs axe in
# each theme on every page, switching the same class on.
COOKIE_SAMPLE = ANONYMOUS_PAGES[::8]


@pytest.fixture
def cookie_tab(browser: Browser, live_server: Any) -> Iterator[Any]:
    """A fresh anonymous tab with the given preference cookie; closed after the test."""
    opened = []

    def make(preferences: str, *, javascript: bool = True) -> Tab:
        context = browser.new_context(
            base_url=live_server.url,
            java_script_enabled=javascript,
            viewport={"width": WIDTH, "height": HEIGHT},
        )
        context.add_cookies([{"name": "samen_prefs", "value": preferences, "url": live_server.url}])
        opened.append(context)
        page = context.new_page()
        tab = Tab(page)
        watch(page, tab)
        return tab

    yield make
    for context in opened:
        context.close()


@pytest.mark.parametrize(
    ("role", "path", "status", "title"),
    [
        ("resident", "/en/manage/", 403, "You cannot open this page"),
        ("anonymous", "/en/no-such-page/", 404, "Page not found"),
        ("admin", "/en/manage/users/999999/roles/", 404, "Page not found"),
    ],
)
def test_error_pages_keep_the_layout_and_pass_axe(role, path, status, title, world, tab_as):
    tab = tab_as(role)

    assert tab.open(path) == status
    assert layout_problems(tab, title) == []
    results = tab.axe()
    assert results["violations"] == [], axe_report(results)
    assert [error for error in tab.errors if "status of 40" not in error] == []


def _colour_problems(tab: Tab) -> list[str]:
    results = tab.axe({"runOnly": {"type": "rule", "values": COLOUR_RULES}})
    problems = [axe_report(results)] if results["violations"] else []
    if "color-contrast" not in {rule["id"] for rule in results["passes"]}:
        problems.append("axe found no text to check for contrast")
    return problems


@pytest.mark.parametrize("registered", COOKIE_SAMPLE, ids=[p.id for p in COOKIE_SAMPLE])
def test_high_contrast_cookie_passes_the_colour_rules(registered: Page, world: World, cookie_tab):
    tab = cookie_tab("100-c")

    assert tab.open(registered.url(world)) == 200
    assert "high-contrast" in tab.layout()["htmlClass"].split()
    assert _colour_problems(tab) == []


def test_text_200_cookie_reflows_every_anonymous_page_at_1280(world: World, cookie_tab):
    tab = cookie_tab("200-", javascript=False)
    wide = {}
    for registered in ANONYMOUS_PAGES:
        assert tab.open(registered.url(world)) == 200
        assert "text-200" in tab.layout()["htmlClass"].split()
        if (width := tab.scroll_width()) > WIDTH:
            wide[registered.id] = width

    assert wide == {}


def test_display_settings_form_without_javascript_applies_the_text_size(world: World, cookie_tab):
    tab = cookie_tab("100-", javascript=False)
    assert tab.open("/en/display-settings/") == 200

    tab.page.get_by_label("Largest (200%)").check()
    tab.page.get_by_label("High contrast colours").check()
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Save settings").click()

    assert tab.page.url.endswith("/en/display-settings/")
    assert tab.layout()["htmlClass"].split() == ["text-200", "high-contrast"]
    assert tab.page.get_by_role("status").inner_text().strip() == (
        "Your display settings are saved."
    )
    cookies = {cookie["name"]: cookie["value"] for cookie in tab.page.context.cookies()}
    assert cookies["samen_prefs"] == "200-c"


@pytest.mark.parametrize(
    ("role", "path", "button"),
    [
        ("anonymous", "/en/accounts/register/", "Create account"),
        ("anonymous", "/en/accounts/login/", "Log in"),
        ("resident", "/en/accounts/profile/", "Save"),
        ("admin", "/en/manage/users/", None),
    ],
)
def test_a_form_with_errors_passes_axe_and_its_summary_links_to_fields(
    role, path, button, world: World, tab_as
):
    tab = tab_as(role)  # axe needs the page's JavaScript; the forms themselves need none
    assert tab.open(path) == 200
    if button is None:  # the roles form: open it from the list
        with tab.page.expect_navigation():
            tab.page.get_by_role("link", name="Change roles of Kees Mulder").click()
        button = "Save roles"
    for field in tab.page.locator(
        "main input[type=text], main input[type=email], main textarea"
    ).all():
        field.fill("")
    with tab.page.expect_navigation():
        tab.page.locator("main").get_by_role("button", name=button, exact=True).click()

    summary_links = tab.page.locator(".error-summary a").all()
    targets = [link.get_attribute("href") for link in summary_links]
    assert targets != []
    assert [target for target in targets if tab.page.locator(str(target)).count() != 1] == []
    results = tab.axe()
    assert results["violations"] == [], axe_report(results)
