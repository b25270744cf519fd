"""Courses end to end in Chromium with JavaScript off, on the demo municipality:

- a staff member enrols on a full class and lands on the waiting list;
- someone cancels, the staff member is promoted, gets an email with a calendar file the
  icalendar parser accepts, and downloads the same sessions from "My courses";
- the resident downloads the certificate PDF of a past course, and anyone can verify its code
  on the public page, which also says clearly when a code is unknown.

The module's world is its own (seeded for this module, flushed after it). Each test sets up
its own course through the services, so the tests do not depend on each other's order.
Every page on the way passes axe.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samen.skills import services_courses as services
from samen.skills.demo_courses import PAST
from samen.skills.models_courses import Certificate, Course, Enrolment, EnrolmentStatus
from tests.browser.tabs import Tab, axe_report

pytestmark = pytest.mark.browser


def _passes_axe(tab_as, role: str, tab: Tab) -> None:  # type: ignore[no-untyped-def]
    """axe needs the page's JavaScript: check the page the JavaScript-off tab is on in the
    same role's JavaScript-on tab."""
    checker = tab_as(role)
    assert checker.open(tab.page.url) == 200
    results = checker.axe()
    assert results["violations"] == [], axe_report(results)


def _status_text(tab: Tab) -> str:
    return " ".join(tab.page.locator("body").inner_text().split())


def _full_class(world, title: str) -> Course:  # type: ignore[no-untyped-def]
    """A staff class with one place, taken by the demo organiser, with two sessions."""
    organiser = world.users["organiser"]
    course = services.course_save(
        actor=organiser,
        title=title,
        description="Six afternoons with a specialist and a guest speaker.",
        audience="staff",
        capacity=1,
        requires_approval=False,
        sessions_for_certificate=1,
        published=True,
    )
    for days in (9, 16):
        start = timezone.now() + timedelta(days=days)
        services.course_session_save(
            actor=organiser,
            course=course,
            title=f"Session in {days} days",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="Town hall",
            internal_speaker=world.users["digicoach"],
            external_speaker="Dr. Lisa Kramer",
        )
    services.enrolment_create(course=course, person=organiser)
    return course


def test_a_staff_member_enrolling_on_a_full_class_is_waitlisted(world, tab_as):
    course = _full_class(world, "Summer class: spreadsheets")
    tab = tab_as("staff", javascript=False)

    assert tab.open(reverse("skills:course_list") + "?audience=staff") == 200
    _passes_axe(tab_as, "staff", tab)
    tab.page.get_by_role("link", name="Summer class: spreadsheets").click()
    assert "Full" not in tab.page.locator("h1").inner_text()
    _passes_axe(tab_as, "staff", tab)
    tab.page.locator("main").get_by_role("link", name="Join the waiting list").click()
    assert "The course is full. If you confirm, you join the waiting list." in _status_text(tab)
    _passes_axe(tab_as, "staff", tab)
    tab.page.get_by_role("button", name="Join the waiting list").click()

    assert tab.page.url.endswith(reverse("skills:my_courses"))
    text = _status_text(tab)
    assert "The course is full, so you are on the waiting list, at place 1." in text
    assert "On the waiting list: place 1" in text
    _passes_axe(tab_as, "staff", tab)
    enrolment = Enrolment.objects.get(course=course, person=world.users["staff"])
    assert (enrolment.status, enrolment.waitlist_position) == (EnrolmentStatus.WAITLISTED, 1)
    assert tab.errors == []


def test_the_waitlisted_staff_member_is_promoted_when_someone_cancels(
    world, tab_as, tmp_path: Path
):
    course = _full_class(world, "Summer class: safe email")
    staff = world.users["staff"]
    services.enrolment_create(course=course, person=staff)
    seat = Enrolment.objects.get(course=course, person=world.users["organiser"])
    mail.outbox.clear()
    organiser_tab = tab_as("organiser", javascript=False)

    assert organiser_tab.open(reverse("skills:enrolment_cancel", args=[seat.pk])) == 200
    _passes_axe(tab_as, "organiser", organiser_tab)
    organiser_tab.page.get_by_role("button", name="Yes, cancel my enrolment").click()

    assert "Your enrolment is cancelled." in _status_text(organiser_tab)
    promoted = Enrolment.objects.get(course=course, person=staff)
    assert (promoted.status, promoted.waitlist_position) == (EnrolmentStatus.ENROLLED, None)
    emails = [message for message in mail.outbox if message.to == [staff.email]]
    assert [message.subject for message in emails] == [
        "A place is free: you are now enrolled on “Summer class: safe email”"
    ]
    name, content, mimetype = emails[0].attachments[0]
    assert (name, mimetype) == ("course.ics", "text/calendar; charset=utf-8; method=REQUEST")
    calendar = Calendar.from_ical(content)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == [
        "Summer class: safe email: Session in 9 days",
        "Summer class: safe email: Session in 16 days",
    ]

    staff_tab = tab_as("staff", javascript=False)
    assert staff_tab.open(reverse("skills:my_courses")) == 200
    _passes_axe(tab_as, "staff", staff_tab)
    row = staff_tab.page.locator("tr", has_text="Summer class: safe email")
    assert "Enrolled" in row.inner_text()
    with staff_tab.page.expect_download() as download:
        row.get_by_role("link", name="Calendar file").click()
    saved = tmp_path / "course.ics"
    download.value.save_as(saved)
    downloaded = Calendar.from_ical(saved.read_bytes())
    assert len(downloaded.walk("VEVENT")) == 2
    assert {str(event["STATUS"]) for event in downloaded.walk("VEVENT")} == {"CONFIRMED"}
    assert staff_tab.errors == []


def test_a_certificate_pdf_is_produced_and_verified_on_the_public_page(
    world, tab_as, tmp_path: Path
):
    tab = tab_as("resident", javascript=False)
    assert tab.open(reverse("skills:my_courses")) == 200
    _passes_axe(tab_as, "resident", tab)
    row = tab.page.locator("tr", has_text=PAST)

    with tab.page.expect_download() as download:
        row.get_by_role("link", name="Certificate (PDF)").click()

    saved = tmp_path / "certificate.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes()[:5] == b"%PDF-"
    certificate = Certificate.objects.get(
        enrolment__person=world.users["resident"], enrolment__course__title=PAST
    )
    assert download.value.suggested_filename == f"certificate-{certificate.code}.pdf"

    public = tab_as("anonymous", javascript=False)
    assert public.open(reverse("skills:certificate_verify")) == 200
    _passes_axe(tab_as, "anonymous", public)
    public.page.get_by_label("Verification code").fill(certificate.code.lower())
    public.page.get_by_role("button", name="Check").click()
    text = _status_text(public)
    assert "This certificate is real" in text
    assert "Ria de Vries" in text
    assert PAST in text
    assert certificate.issued_at.strftime("%Y") in text
    _passes_axe(tab_as, "anonymous", public)

    public.page.get_by_label("Verification code").fill("ABCD-EFGH-JKMN")
    public.page.get_by_role("button", name="Check").click()
    text = _status_text(public)
    assert "We do not know this code" in text
    assert "This certificate is real" not in text
    _passes_axe(tab_as, "anonymous", public)
    assert public.errors == []
