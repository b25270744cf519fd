"""Digital-skills flows end to end in Chromium, on the demo municipality:

- the resident finishes their self-assessment with JavaScript off and gets the report (page
  and PDF);
- the staff member books a drop-in session and gets the confirmation email with a calendar
  file;
- the Digicoach logs a visit with a skill check;
- the Digicoach cancels the full drop-in, and the two people booked are emailed the reason.

The module's world is its own (seeded for this module, flushed after it), so the writes these
flows make through the server go nowhere else. Pages reached in a tab with JavaScript on pass
axe on the way; axe needs JavaScript, so the JavaScript-off flows check their last page again
in a tab with it on (tests/browser/test_every_page.py checks every page for every role).
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samen.skills.demo_coaching import FULL_SESSION_DAYS, LIBRARY
from samen.skills.models import AssessmentStatus
from samen.skills.models_coaching import BookingStatus, CoachingSession, SessionLog
from tests.browser.tabs import Tab, axe_report

pytestmark = pytest.mark.browser

ON_MY_OWN = "3"


def _h1(tab: Tab) -> str:
    return tab.page.locator("h1").inner_text().strip()


def _passes_axe(tab: Tab) -> None:
    results = tab.axe()
    assert results["violations"] == [], axe_report(results)


def test_a_resident_finishes_the_self_assessment_without_javascript(world, tab_as):
    tab = tab_as("resident", javascript=False)
    assert tab.open(reverse("skills:index")) == 200

    tab.page.get_by_role("button", name="Carry on with my self-assessment").click()
    parts = []
    while _h1(tab) != "Check your answers":
        parts.append(_h1(tab))
        for radio in tab.page.locator(f'input[type="radio"][value="{ON_MY_OWN}"]').all():
            radio.check()
        tab.page.locator("form button.button:not(.button--secondary)").click()
        assert len(parts) <= 5, parts
    tab.page.get_by_role("button", name="Finish and see my result").click()

    # Part 1 was answered by the demo seed, so the resident carried on from part 2.
    assert parts == [
        "Communication and collaboration",
        "Digital content creation",
        "Safety",
        "Problem solving",
    ]
    assert _h1(tab) == "Your digital skills result"
    text = tab.page.locator("main").inner_text()
    assert "This is not a formal test" in text
    resident = world.users["resident"]
    latest = resident.skill_assessments.order_by("-submitted_at").first()
    assert latest.status == AssessmentStatus.SUBMITTED
    assert tab.page.url.endswith(reverse("skills:result", args=[latest.pk]))
    pdf = tab.page.request.get(reverse("skills:result_pdf", args=[latest.pk]))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body()[:5] == b"%PDF-"
    assert tab.errors == []
    scripted = tab_as("resident")
    assert scripted.open(reverse("skills:result", args=[latest.pk])) == 200
    _passes_axe(scripted)


def test_the_staff_member_books_a_drop_in_session(world, tab_as):
    tab = tab_as("staff", javascript=False)
    mail.outbox.clear()
    assert tab.open(reverse("skills:coaching")) == 200

    tab.page.get_by_role("link", name="Book a place at Lindeveld Library").first.click()
    assert _h1(tab) == "Book a help session"
    tab.page.get_by_role("button", name="Confirm booking").click()

    assert _h1(tab) == "Your bookings"
    assert "Your place is booked." in tab.page.locator(".messages").inner_text()
    staff = world.users["staff"]
    booking = staff.coaching_bookings.order_by("-created_at", "-pk").first()
    assert booking.status == BookingStatus.BOOKED
    assert booking.session.help_point.name == "Lindeveld Library"
    (message,) = [m for m in mail.outbox if m.to == [staff.email]]
    calendar = Calendar.from_ical(message.attachments[0][1])
    assert calendar["METHOD"] == "REQUEST"
    assert tab.errors == []
    scripted = tab_as("staff")
    assert scripted.open(reverse("skills:booking_list")) == 200
    _passes_axe(scripted)


def test_the_digicoach_logs_a_visit_with_a_skill_check(world, tab_as):
    tab = tab_as("digicoach")
    assert tab.open(reverse("skills:log_create")) == 200
    _passes_axe(tab)
    page = tab.page

    page.get_by_label("Help point").select_option(label="Lindeveld Town Hall")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Online tax").check()
    page.get_by_label("Service or organisation concerned").fill("Tax office")
    page.get_by_label("Help given").fill("Filled in the tax return together on the laptop.")
    page.get_by_label("Duration in minutes").fill("40")
    page.get_by_label("Visitor code").fill("th-0099")
    page.get_by_label("First contact").check()
    for group in ("check_email", "check_forms", "check_safety", "check_smartphone"):
        page.locator(f'input[name="{group}"][value="2"]').check()
    page.get_by_role("button", name="Save the visit").click()

    assert _h1(tab) == "Your coaching log"
    assert "Thank you. The visit is in your log." in page.locator(".messages").inner_text()
    log = SessionLog.objects.get(visitor_token="TH-0099")
    assert log.coach == world.users["digicoach"]
    assert (log.help_point.name, log.organisation, log.duration_minutes) == (
        "Lindeveld Town Hall",
        "Tax office",
        40,
    )
    assert sorted(topic.name for topic in log.topics.all()) == ["Email", "Online tax"]
    assert (log.skill_check.stage, log.skill_check.total) == ("first", 8)
    _passes_axe(tab)
    assert tab.errors == []


def test_the_digicoach_cancels_the_full_drop_in_and_the_people_booked_are_told(world, tab_as):
    full = CoachingSession.objects.get(
        help_point__name=LIBRARY,
        starts_at__date=timezone.localdate() + timedelta(days=FULL_SESSION_DAYS),
    )
    tab = tab_as("digicoach")
    mail.outbox.clear()
    assert tab.open(reverse("skills:session_cancel", args=[full.pk])) == 200
    _passes_axe(tab)

    tab.page.get_by_label("Why is the session cancelled?").fill("The library is closed that day.")
    tab.page.get_by_role("button", name="Cancel the session").click()

    assert _h1(tab) == "Get help from a Digicoach"
    assert "The session is cancelled." in tab.page.locator(".messages").inner_text()
    full.refresh_from_db()
    assert full.cancellation_reason == "The library is closed that day."
    assert sorted(message.to[0] for message in mail.outbox) == [
        "resident@demo.samen.test",
        "staff@demo.samen.test",
    ]
    assert all("The library is closed that day." in m.body for m in mail.outbox)
    assert not full.bookings.filter(status=BookingStatus.BOOKED).exists()
    _passes_axe(tab)
    assert tab.errors == []
