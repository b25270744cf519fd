"""The main resident flows by keyboard alone: Tab, Shift+Tab, Enter and Space; no clicks.

Register, log in, book a place at a drop-in help session, and do the digital skills check
from start to result. Every element focus lands on along the way must show it (WCAG 2.4.7 and
2.4.11): `:focus-visible` with an outline or a ring, in the viewport and not covered by
anything else. The pages open by address (typed, in real life); everything after that is
keys. Each flow runs in a fresh browser context, as a new visitor would.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from samen.inclusion.models import AssistedAction
from samen.skills.models import Assessment
from samen.skills.models_coaching import Booking
from tests.browser.tabs import HEIGHT, WCAG_TAGS, WIDTH, axe_report, axe_run
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.pages import World

pytestmark = pytest.mark.browser

MAX_TABS = 120
FOCUS_FACTS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const x = rect.left + rect.width / 2, y = rect.top + rect.height / 2;
  const top = document.elementFromPoint(x, y);
  const labels = el.labels ? [...el.labels] : [];
  const text = (el.innerText || el.value || "").trim().slice(0, 40);
  return {
    name: `${el.tagName.toLowerCase()}#${el.id || ""} ${text}`,
    focusVisible: el.matches(":focus-visible"),
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || (style.boxShadow && style.boxShadow !== "none"),
    inView: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight,
    covered: !!top
      && !(el.contains(top) || top.contains(el) || labels.some((l) => l.contains(top))),
  };
}"""


@pytest.fixture
def keyboard_page(browser: Browser, live_server: Any, world: World) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": WIDTH, "height": HEIGHT}
    )
    yield context.new_page()
    context.close()


def focus_problem(page: Page) -> str | None:
    facts = page.evaluate(FOCUS_FACTS)
    if facts is None:
        return "focus is on the page body"
    if not (facts["focusVisible"] and facts["ring"]):
        return f"{facts['name']}: focus is not visible"
    if not facts["inView"] or facts["covered"]:
        return f"{facts['name']}: the focused element is out of view or covered"
    return None


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until `selector` has focus, checking that each stop shows its focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        problem = focus_problem(page)
        assert problem is None, problem
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached {selector}")


def type_into(page: Page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def press_and_wait(page: Page, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def h1(page: Page) -> str:
    return page.locator("h1").inner_text().strip()


def status_text(page: Page) -> str:
    return page.get_by_role("status").first.inner_text().strip()


def log_in(page: Page, email: str) -> None:
    page.goto("/en/accounts/login/")
    type_into(page, "#id_username", email)
    type_into(page, "#id_password", DEFAULT_PASSWORD)
    press_and_wait(page, "Enter")  # Enter in a field submits its form
    assert "Log out" in page.locator("header").inner_text()


def book_first_free_place(page: Page) -> None:
    page.goto("/en/skills/coaching/")
    tab_to(page, "main a[href*='/book/']")
    press_and_wait(page, "Enter")
    tab_to(page, "main button[type=submit]")
    press_and_wait(page, "Enter")


def test_register_by_keyboard(keyboard_page: Page):
    page = keyboard_page
    page.goto("/en/accounts/register/")
    type_into(page, "#id_display_name", "Toetsenbord Tineke")
    type_into(page, "#id_email", "tineke@example.test")
    type_into(page, "#id_password1", "kettle orange window seven")
    type_into(page, "#id_password2", "kettle orange window seven")
    tab_to(page, "main button[type=submit]")
    press_and_wait(page, "Enter")

    assert h1(page) == "Check your email"


def test_log_in_book_a_drop_in_session_and_do_the_skills_check_by_keyboard(
    keyboard_page: Page, world: World
):
    page = keyboard_page
    resident = UserFactory(email="keys@example.test", display_name="Keys Kim")
    log_in(page, resident.email)

    book_first_free_place(page)
    assert "Your place is booked." in status_text(page)
    assert Booking.objects.filter(person=resident).count() == 1

    # The skills check: Space picks the first answer of each question; Enter goes on.
    page.goto("/en/skills/")
    tab_to(page, "main button[type=submit]")
    press_and_wait(page, "Enter")
    steps = 0
    while page.locator("main input[type=radio]").count():
        for name in page.eval_on_selector_all(
            "main input[type=radio]", "(radios) => [...new Set(radios.map((r) => r.name))]"
        ):
            tab_to(page, f"main input[type=radio][name='{name}']")
            page.keyboard.press("Space")
        tab_to(page, "main .skills-actions button:not([name])")
        press_and_wait(page, "Enter")
        steps += 1
        assert steps <= 10, "the skills check does not end"
    assert h1(page) == "Check your answers"
    tab_to(page, "main button[type=submit]")
    press_and_wait(page, "Enter")

    assert h1(page) == "Your digital skills result"
    assert Assessment.objects.get(user=resident).is_submitted


def test_a_digicoach_helps_a_resident_by_keyboard_and_the_banner_passes_axe(
    keyboard_page: Page, world: World
):
    page = keyboard_page
    coach = UserFactory(email="coach-keys@example.test", roles=["staff", "digicoach"])
    resident = UserFactory(email="helped@example.test", display_name="Helped Hans")
    log_in(page, coach.email)
    page.goto("/en/inclusion/assist/")
    type_into(page, "#id_email", resident.email)
    tab_to(page, "#id_consent_given")  # past the chosen way of consent ("Said yes out loud")
    page.keyboard.press("Space")
    tab_to(page, "main button[type=submit]")
    press_and_wait(page, "Enter")
    assert "You are helping Helped Hans." in page.locator(".assisted-banner").inner_text()
    results = axe_run(page, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results["violations"] == [], axe_report(results)

    book_first_free_place(page)
    action = AssistedAction.objects.get(session__resident=resident)
    assert (action.action, action.session.coach) == ("book", coach)
    assert Booking.objects.filter(person=resident).count() == 1

    tab_to(page, ".assisted-banner button")
    press_and_wait(page, "Enter")
    assert h1(page) == "Receipt: help from a Digicoach"
    assert page.locator(".assisted-banner").count() == 0
