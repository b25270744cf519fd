"""A browser tab that records console errors and downloads, and runs axe-core in itself."""

import re
from dataclasses import dataclass, field
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ConsoleMessage, Page, Request

from tests.pages import PAGES

WIDTH, HEIGHT = 1280, 900
# The registry's HTML pages that at least one role gets with status 200.
BROWSED = [page for page in PAGES if page.html and page.roles_seeing()]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
SNAPSHOT_HEAD = (
    '<base href="%s"><style>*, *::before, *::after '
    "{ transition: none !important; animation: none !important; }</style>"
)
STYLES_LOADED = """() => [...document.querySelectorAll('link[rel="stylesheet"]')].every(
  (link) => link.sheet !== null)"""
SCRIPT = re.compile(r"<script\b.*?</script>", re.IGNORECASE | re.DOTALL)
# Each response carries a fresh CSRF token; nothing else in a page changes between requests.
CSRF_VALUE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*"')
# What each other theme can change, so what axe checks in it: the rest of axe's rules read
# the DOM, names and roles, which a theme does not touch, and pass in the default theme on
# the same page. samen.css's `html.text-200` sets the font size and nothing else, and
# `html.high-contrast` colours and nothing else; tests/core/test_theme_css.py keeps it so.
THEME_RULES = {
    "text-200": [
        "color-contrast",  # large text has its own threshold
        "link-in-text-block",
        "target-size",
        "scrollable-region-focusable",  # bigger text can make a box overflow
    ],
    "high-contrast": ["color-contrast", "link-in-text-block"],
}


def axe_run(page: Page, options: dict[str, Any]) -> dict[str, Any]:
    """axe-core's results for `page`. The library's own `Axe.run` injects axe-core's half a
    megabyte of script before every run; a page that already has it (the theme checks run
    axe three times on one page) reuses it."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.axe_script)
    return page.evaluate(  # type: ignore[no-any-return]
        "(options) => axe.run(document, options)", options
    )


@dataclass
class Tab:
    """A page that remembers what went wrong in it and what it downloaded."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    world: Any = None  # the world whose session cookie the tab holds
    javascript: bool = True
    html: bytes = b""  # the last page's HTML as the server sent it, CSRF token blanked

    def set_theme(self, theme: str) -> None:
        """Switch the page to a display theme as the server would (the class on <html>).
        With reduced motion too: the buttons' colour transition would otherwise still be
        running when axe reads their colours."""
        self.page.evaluate(
            """(theme) => {
              const classes = document.documentElement.classList;
              classes.remove("text-100", "text-150", "text-200", "high-contrast");
              classes.add(theme, "reduced-motion");
            }""",
            theme,
        )

    def theme_problems(self) -> list[str]:
        """axe-core on the page in each other theme, at 1280 px: 200 % text and high
        contrast, with the rules the theme can change (`THEME_RULES`). The classes are the
        ones the server puts on <html> for the preference; test_layout_states.py proves it
        does so from the cookie."""
        self.page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
        problems = []
        for theme, rules in THEME_RULES.items():
            self.set_theme(theme)
            if (results := self.axe({"runOnly": {"type": "rule", "values": rules}}))["violations"]:
                problems.append(f"axe violations in the {theme} theme:\n" + axe_report(results))
        return problems

    def open(self, url: str) -> int:
        """Go to `url` (relative to the live server); returns the final HTTP status."""
        self.errors.clear()
        self.requests.clear()
        response = self.page.goto(url)
        assert response is not None
        self.html = CSRF_VALUE.sub(rb"\1", response.body())
        return response.status

    def transferred_bytes_before_images(self) -> int:
        """Bytes on the wire for everything but images: the encoded (compressed) body plus
        the response headers of each finished request, as Chromium reports them. The tab's
        cache is off, so stylesheets count on every page as on a first visit."""
        total = 0
        for request in self.requests:
            if request.resource_type == "image":
                continue
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return total

    def axe(self, options: dict[str, Any] | None = None) -> dict[str, Any]:
        """axe-core's results for the page as it is now (violations in full, passes named)."""
        options = options or {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
        options = {"resultTypes": ["violations"], **options}
        if self.javascript:
            # After a click the next page may still be painting without its stylesheet
            # (seen in CI: every link 17 px high); axe would then report the unstyled page.
            self.page.wait_for_load_state("load")
            self.page.wait_for_function(STYLES_LOADED)
            return axe_run(self.page, options)
        return self._axe_on_snapshot(options)

    def _axe_on_snapshot(self, options: dict[str, Any]) -> dict[str, Any]:
        """axe-core waits on timers and promises, which never run in a tab with JavaScript
        off, so it would wait forever there. It checks a snapshot of this very page (the
        same HTML, styles from the same server) in a JavaScript-on twin of the tab instead;
        the snapshot has no scripts of its own to run."""
        browser = self.page.context.browser
        assert browser is not None
        viewport = self.page.viewport_size or {"width": WIDTH, "height": HEIGHT}
        # Reduced motion: a snapshot paints before its stylesheets arrive, and the site's
        # colour transitions would otherwise still be running when axe reads the colours.
        twin = browser.new_context(viewport=viewport, reduced_motion="reduce")
        try:
            page = twin.new_page()
            html = SCRIPT.sub("", self.page.content())
            html = HEAD.sub(lambda head: f"{head.group(0)}{SNAPSHOT_HEAD % self.page.url}", html, 1)
            for _attempt in range(3):  # a stylesheet that failed to arrive would fake findings
                page.set_content(html, wait_until="load")
                if page.evaluate(STYLES_LOADED):
                    break
            else:
                raise AssertionError(f"the snapshot of {self.page.url} never got its styles")
            return axe_run(page, options)
        finally:
            twin.close()

    def scroll_width(self) -> int:
        return int(self.page.evaluate("document.documentElement.scrollWidth"))

    def layout(self) -> dict[str, Any]:
        """The facts the shared layout promises, read in one round trip (works with the
        page's own JavaScript off: Playwright evaluates in its own world)."""
        return self.page.evaluate(LAYOUT_FACTS)  # type: ignore[no-any-return]


LAYOUT_FACTS = """() => {
  const text = (element) => element.innerText.replace(/\\s+/g, " ").trim();
  const main = document.querySelectorAll("main#main");
  const firstLink = document.querySelector("a[href]");
  return {
    h1: [...document.querySelectorAll("h1")].map(text),
    skipLink: firstLink ? firstLink.getAttribute("href") : null,
    mains: main.length,
    mainText: main.length ? text(main[0]).length : 0,
    mainVisible: main.length ? main[0].getClientRects().length > 0 : false,
    helpLinks: [...document.querySelectorAll("header a")]
      .filter((link) => text(link) === "Get help")
      .map((link) => link.getAttribute("href")),
    htmlClass: document.documentElement.className,
  };
}"""


def watch(page: Page, tab: Tab) -> None:
    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            tab.errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    page.on("console", console)
    page.on("pageerror", lambda error: tab.errors.append(f"page error: {error}"))
    page.on("requestfinished", lambda request: tab.requests.append(request))


def axe_report(results: dict[str, Any]) -> str:
    """Violations, one block each: rule, impact, help, and the offending elements."""
    lines = []
    for violation in results["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"    {summary[:300]}")
    return "\n".join(lines)


def layout_problems(tab: Tab, title: str) -> list[str]:
    """What is wrong with the shared layout: h1, skip link, main landmark, help link."""
    facts = tab.layout()
    problems = []
    if facts["h1"] != [title]:
        problems.append(f"h1 elements are {facts['h1']}, expected [{title!r}]")
    if facts["skipLink"] != "#main":
        problems.append(f"the first link goes to {facts['skipLink']!r}, not the skip link #main")
    if facts["mains"] != 1:
        problems.append(f"{facts['mains']} <main id=main> elements, expected 1")
    if facts["helpLinks"] != ["/en/help/"]:
        problems.append(f"'Get help' links in the header: {facts['helpLinks']}")
    return problems
