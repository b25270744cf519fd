"""Course pages over HTTP: the list and its filter, enrolling onto a full course, cancelling
with promotion, certificates and their public check, feedback, attendance and calendars."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samen.skills import services_courses as services
from samen.skills.models_courses import (
    Attendance,
    Audience,
    CalendarFeed,
    Certificate,
    Course,
    Enrolment,
    Feedback,
)
from tests.factories import UserFactory
from tests.skills.factories import AssessmentFactory
from tests.skills.factories_courses import (
    CourseFactory,
    course_with_sessions,
    staff_user,
    with_sessions,
)

pytestmark = pytest.mark.django_db


def _past(course: Course) -> None:
    """Move the course's sessions a month back (test data only)."""
    for index, session in enumerate(course.sessions.order_by("starts_at")):
        session.starts_at = timezone.now() - timedelta(days=30 - index)
        session.ends_at = session.starts_at + timedelta(hours=2)
        session.save()


def test_the_list_filters_by_audience_and_shows_places(client, django_assert_num_queries):
    course_with_sessions(7, title="Spreadsheets", audience=Audience.STAFF, capacity=3)
    course_with_sessions(7, title="Online shopping", audience=Audience.RESIDENTS)
    course_with_sessions(7, title="Video calls", audience=Audience.EVERYONE)
    course_with_sessions(7, title="Draft", published=False)

    with django_assert_num_queries(1):
        response = client.get(reverse("skills:course_list") + "?audience=staff")

    html = response.content.decode()
    assert response.status_code == 200
    assert ("Spreadsheets" in html, "Video calls" in html, "Online shopping" in html) == (
        True,
        True,
        False,
    )
    assert "Draft" not in html
    assert "3 places left" in html


def test_a_staff_member_enrolling_on_a_full_course_lands_on_the_waiting_list(client):
    course = course_with_sessions(7, capacity=1, title="Full class")
    services.enrolment_create(course=course, person=staff_user())
    staff = staff_user(email="sam@example.test")
    client.force_login(staff)

    page = client.get(reverse("skills:course_enrol", args=[course.pk]))
    response = client.post(reverse("skills:course_enrol", args=[course.pk]), follow=True)

    assert "you join the waiting list" in page.content.decode()
    assert response.redirect_chain == [(reverse("skills:my_courses"), 302)]
    html = response.content.decode()
    assert "The course is full, so you are on the waiting list, at place 1." in html
    assert "On the waiting list: place 1" in html
    enrolment = Enrolment.objects.get(person=staff)
    assert (enrolment.status, enrolment.waitlist_position) == ("waitlisted", 1)


def test_cancelling_promotes_the_next_person_with_an_email_and_calendar_file(
    client, django_capture_on_commit_callbacks
):
    course = course_with_sessions(7, 14, capacity=1, title="Summer class")
    holder = staff_user(email="holder@example.test")
    waiting = staff_user(email="waiting@example.test")
    seat = services.enrolment_create(course=course, person=holder)
    services.enrolment_create(course=course, person=waiting)
    mail.outbox.clear()
    client.force_login(holder)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("skills:enrolment_cancel", args=[seat.pk]))

    assert response.status_code == 302
    assert Enrolment.objects.get(person=waiting).status == "enrolled"
    promoted = next(m for m in mail.outbox if m.to == ["waiting@example.test"])
    _name, content, _mimetype = promoted.attachments[0]
    events = Calendar.from_ical(content).walk("VEVENT")
    assert len(events) == 2
    client.force_login(waiting)
    ics = client.get(
        reverse("skills:enrolment_calendar", args=[Enrolment.objects.get(person=waiting).pk])
    )
    assert ics["Content-Type"] == "text/calendar; charset=utf-8"
    assert len(Calendar.from_ical(ics.content).walk("VEVENT")) == 2


def test_someone_else_s_enrolment_is_not_found(client):
    enrolment = services.enrolment_create(course=course_with_sessions(7), person=UserFactory())
    client.force_login(UserFactory())

    for name in ("enrolment_cancel", "enrolment_calendar", "certificate_pdf", "course_feedback"):
        assert client.get(reverse(f"skills:{name}", args=[enrolment.pk])).status_code == 404


def test_the_certificate_pdf_carries_a_code_that_the_public_page_confirms(client):
    course = CourseFactory(title="Video calling", sessions_for_certificate=1)
    session = with_sessions(course, 7)[0]
    person = UserFactory(display_name="Ria de Vries")
    enrolment = services.enrolment_create(course=course, person=person)
    _past(course)
    session.refresh_from_db()
    services.attendance_record(actor=course.organiser, session=session, present=[enrolment.pk])
    client.force_login(person)

    response = client.get(reverse("skills:certificate_pdf", args=[enrolment.pk]))

    certificate = Certificate.objects.get(enrolment=enrolment)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{certificate.code}.pdf"'
    )
    client.logout()
    typed = certificate.code.lower().replace("-", " ")
    checked = client.get(reverse("skills:certificate_verify"), {"code": typed})
    html = checked.content.decode()
    assert "This certificate is real" in html
    assert "Ria de Vries" in html
    assert "Video calling" in html
    unknown = client.get(reverse("skills:certificate_verify"), {"code": "AAAA-BBBB-CCCC"})
    assert "We do not know this code" in unknown.content.decode()
    assert "This certificate is real" not in unknown.content.decode()


def test_no_certificate_without_enough_sessions(client):
    course = course_with_sessions(7, sessions_for_certificate=1)
    person = UserFactory()
    enrolment = services.enrolment_create(course=course, person=person)
    client.force_login(person)

    response = client.get(reverse("skills:certificate_pdf", args=[enrolment.pk]), follow=True)

    assert response.redirect_chain == [(reverse("skills:my_courses"), 302)]
    assert "A certificate needs at least 1 sessions attended." in response.content.decode()
    assert Certificate.objects.count() == 0


def test_feedback_after_the_course(client):
    course = course_with_sessions(7, 8)
    person = UserFactory()
    enrolment = services.enrolment_create(course=course, person=person)
    client.force_login(person)
    url = reverse("skills:course_feedback", args=[enrolment.pk])
    assert client.get(url).status_code == 302  # not yet: the course has not ended
    _past(course)

    response = client.post(url, {"rating": "5", "comments": "Great."})

    assert response.status_code == 302
    assert list(Feedback.objects.values_list("rating", "comments")) == [(5, "Great.")]
    again = client.get(url, follow=True)
    assert again.redirect_chain == [(reverse("skills:my_courses"), 302)]
    assert "You have already given feedback. Thank you!" in again.content.decode()


def test_the_speaker_registers_attendance_with_one_form_and_others_may_not(client, login_verified):
    speaker = staff_user(display_name="Specialist")
    course = CourseFactory()
    session = with_sessions(course, 7, internal_speaker=speaker)[0]
    people = [UserFactory(display_name=f"P{n}") for n in range(3)]
    enrolments = [services.enrolment_create(course=course, person=p) for p in people]
    _past(course)
    url = reverse("skills:course_attendance", args=[session.pk])
    client.force_login(staff_user())
    assert client.get(url).status_code == 403
    client.force_login(speaker)

    page = client.get(url)
    response = client.post(url, {"present": [enrolments[0].pk, enrolments[2].pk]}, follow=True)

    assert page.content.decode().count('type="checkbox"') == 3
    assert "Attendance is saved: 2 of 3 present." in response.content.decode()
    assert sorted(Attendance.objects.values_list("enrolment_id", "present")) == [
        (enrolments[0].pk, True),
        (enrolments[1].pk, False),
        (enrolments[2].pk, True),
    ]


def test_the_organiser_approves_and_declines_with_a_reason(client, login_verified):
    course = course_with_sessions(7, requires_approval=True, capacity=1)
    waiting = services.enrolment_create(course=course, person=UserFactory(display_name="Ann"))
    login_verified(client, course.organiser)
    url = reverse("skills:enrolment_decide", args=[waiting.pk])

    refused = client.post(url, {"decision": "decline", "reason": ""})
    response = client.post(url, {"decision": "decline", "reason": "Team leaders only."})

    assert "Say why, so the person knows." in refused.content.decode()
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.status, waiting.decision_reason) == ("declined", "Team leaders only.")


def test_the_organiser_creates_a_course_and_a_session(client, login_verified):
    organiser = UserFactory(roles=("staff", "organiser"))
    login_verified(client, organiser)
    day = (timezone.localdate() + timedelta(days=20)).isoformat()

    created = client.post(
        reverse("skills:course_create"),
        {
            "title": "Excel",
            "description": "Sums.",
            "audience": "staff",
            "capacity": "20",
            "sessions_for_certificate": "1",
            "published": "on",
        },
    )
    course = Course.objects.get(title="Excel")
    bad = client.post(
        reverse("skills:course_session_create", args=[course.pk]),
        {"title": "One", "day": day, "starts": "10:00", "ends": "09:00", "place": "Hall"},
    )
    good = client.post(
        reverse("skills:course_session_create", args=[course.pk]),
        {
            "title": "One",
            "day": day,
            "starts": "10:00",
            "ends": "12:00",
            "online_url": "meet.test/x",
        },
    )

    assert created.status_code == 302
    assert "The session must end after it starts." in bad.content.decode()
    assert good.status_code == 302
    assert list(course.sessions.values_list("title", "online_url")) == [
        ("One", "https://meet.test/x")
    ]


def test_the_calendar_feed_needs_its_secret_and_a_new_link_retires_the_old(client):
    person = UserFactory()
    services.enrolment_create(course=course_with_sessions(7, 14), person=person)
    client.force_login(person)
    client.post(reverse("skills:calendar_feed_renew"))
    first = CalendarFeed.objects.get(user=person).token
    client.logout()

    feed = client.get(reverse("skills:calendar_feed", args=[first]))
    assert feed.status_code == 200
    assert len(Calendar.from_ical(feed.content).walk("VEVENT")) == 2
    client.force_login(person)
    client.post(reverse("skills:calendar_feed_renew"))
    client.logout()
    assert client.get(reverse("skills:calendar_feed", args=[first])).status_code == 404
    assert client.get(reverse("skills:calendar_feed", args=["nonsense"])).status_code == 404


def test_the_self_assessment_result_points_to_matching_courses(client):
    person = UserFactory()
    assessment = AssessmentFactory(user=person, answer=1, submitted=True)
    course = course_with_sessions(7, title="Safe online")
    course.competences.set(assessment.version.areas.get(number=4).competences.all())
    client.force_login(person)

    response = client.get(reverse("skills:result", args=[assessment.pk]))

    html = response.content.decode()
    assert "These courses train the skills you could grow most:" in html
    assert f"http://testserver{reverse('skills:course_detail', args=[course.pk])}" in html


def test_the_organiser_takes_someone_off_the_course_from_the_enrolments_page(
    client, login_verified
):
    course = course_with_sessions(7, capacity=1)
    holder = UserFactory(display_name="Holder")
    waiting = UserFactory(display_name="Waiting")
    seat = services.enrolment_create(course=course, person=holder)
    services.enrolment_create(course=course, person=waiting)
    login_verified(client, course.organiser)

    page = client.get(reverse("skills:course_enrolments", args=[course.pk]))
    url = reverse("skills:enrolment_remove", args=[seat.pk])
    assert f'href="{url}"' in page.content.decode()
    response = client.post(url, {"reason": "Moved to another team."}, follow=True)

    assert "Holder is taken off the course and gets an email." in response.content.decode()
    assert Enrolment.objects.get(person=waiting).status == "enrolled"
    assert client.get(url, follow=True).redirect_chain == [
        (reverse("skills:course_enrolments", args=[course.pk]), 302)
    ]
