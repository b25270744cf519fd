"""Services of courses: enrolment against capacity with an automatic waitlist, promotion when
a place frees up, approval, attendance, certificates, feedback, reminders and calendars."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from samen.core.models import AuditEntry
from samen.skills import selectors_courses as selectors
from samen.skills import services_courses as services
from samen.skills.calendar_courses import course_ics, enrolment_ics, feed_ics, session_uid
from samen.skills.models_courses import (
    Attendance,
    Audience,
    Certificate,
    Enrolment,
    EnrolmentStatus,
    ReminderSent,
)
from tests.factories import UserFactory
from tests.skills.factories_courses import (
    CourseFactory,
    course_with_sessions,
    staff_user,
    with_sessions,
)

pytestmark = pytest.mark.django_db


def statuses(course) -> list[tuple[str, str, int | None]]:  # type: ignore[no-untyped-def]
    return list(
        Enrolment.objects.filter(course=course)
        .order_by("pk")
        .values_list("person__email", "status", "waitlist_position")
    )


def events_of(ics: bytes):  # type: ignore[no-untyped-def]
    calendar = Calendar.from_ical(ics)
    return calendar, list(calendar.walk("VEVENT"))


# --------------------------------------------------------------------------- enrolment


def test_enrolling_takes_a_place_and_sends_the_sessions_as_a_calendar_file(
    django_capture_on_commit_callbacks,
):
    course = course_with_sessions(7, 14, capacity=2, title="Working safely online")
    person = UserFactory(email="ria@example.test")

    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrolment_create(course=course, person=person)

    assert (enrolment.status, enrolment.waitlist_position) == (EnrolmentStatus.ENROLLED, None)
    assert services.places_taken(course=course) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ria@example.test"]
    assert message.subject == "You are enrolled on “Working safely online”"
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("course.ics", "text/calendar; charset=utf-8; method=REQUEST")
    calendar, events = events_of(content.encode() if isinstance(content, str) else content)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert [str(event["UID"]) for event in events] == [
        session_uid(session, enrolment) for session in course.sessions.order_by("starts_at")
    ]


def test_a_full_course_puts_people_on_the_waiting_list_in_order(
    django_capture_on_commit_callbacks,
):
    course = course_with_sessions(7, capacity=1, title="Video calls")
    people = [UserFactory(email=f"p{n}@example.test") for n in range(3)]

    with django_capture_on_commit_callbacks(execute=True):
        for person in people:
            services.enrolment_create(course=course, person=person)

    assert statuses(course) == [
        ("p0@example.test", "enrolled", None),
        ("p1@example.test", "waitlisted", 1),
        ("p2@example.test", "waitlisted", 2),
    ]
    waitlisted = mail.outbox[1]
    assert waitlisted.subject == "You are on the waiting list for “Video calls”"
    assert "at place 1." in waitlisted.body
    assert waitlisted.attachments == []


def test_cancelling_a_place_promotes_the_first_on_the_waiting_list_and_emails_them(
    django_capture_on_commit_callbacks,
):
    course = course_with_sessions(7, 14, capacity=1, title="Video calls")
    first, second, third = (UserFactory(email=f"p{n}@example.test") for n in range(3))
    seat = services.enrolment_create(course=course, person=first)
    services.enrolment_create(course=course, person=second)
    services.enrolment_create(course=course, person=third)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_cancel(enrolment=seat)

    assert statuses(course) == [
        ("p0@example.test", "cancelled", None),
        ("p1@example.test", "enrolled", None),
        ("p2@example.test", "waitlisted", 1),
    ]
    by_person = {message.to[0]: message for message in mail.outbox}
    assert set(by_person) == {"p0@example.test", "p1@example.test"}
    promoted = by_person["p1@example.test"]
    assert promoted.subject == "A place is free: you are now enrolled on “Video calls”"
    _name, content, _mimetype = promoted.attachments[0]
    calendar, events = events_of(content.encode() if isinstance(content, str) else content)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert len(events) == 2
    assert {str(event["STATUS"]) for event in events} == {"CONFIRMED"}
    assert {int(event["SEQUENCE"]) for event in events} == {1}
    cancelled = by_person["p0@example.test"]
    _name, content, mimetype = cancelled.attachments[0]
    assert mimetype == "text/calendar; charset=utf-8; method=CANCEL"


def test_leaving_the_waiting_list_closes_the_gap():
    course = course_with_sessions(7, capacity=1)
    people = [UserFactory(email=f"p{n}@example.test") for n in range(4)]
    enrolments = [services.enrolment_create(course=course, person=p) for p in people]

    services.enrolment_cancel(enrolment=enrolments[2])

    assert statuses(course) == [
        ("p0@example.test", "enrolled", None),
        ("p1@example.test", "waitlisted", 1),
        ("p2@example.test", "cancelled", None),
        ("p3@example.test", "waitlisted", 2),
    ]


def test_enrolling_twice_is_refused_and_cancelling_then_enrolling_reuses_the_row():
    course = course_with_sessions(7)
    person = UserFactory()
    enrolment = services.enrolment_create(course=course, person=person)
    with pytest.raises(ValidationError, match="already enrolled"):
        services.enrolment_create(course=course, person=person)
    services.enrolment_cancel(enrolment=enrolment)

    again = services.enrolment_create(course=course, person=person)

    assert (again.pk, again.status, again.sequence) == (enrolment.pk, "enrolled", 2)


@pytest.mark.parametrize(
    ("audience", "roles", "allowed"),
    [
        (Audience.STAFF, ("resident",), False),
        (Audience.STAFF, ("staff",), True),
        (Audience.RESIDENTS, ("staff",), False),
        (Audience.RESIDENTS, ("resident",), True),
        (Audience.EVERYONE, ("resident",), True),
    ],
)
def test_the_audience_decides_who_may_enrol(audience, roles, allowed):
    course = course_with_sessions(7, audience=audience)
    person = UserFactory(roles=roles)

    if allowed:
        assert services.enrolment_create(course=course, person=person).is_enrolled
    else:
        with pytest.raises(ValidationError, match="another audience"):
            services.enrolment_create(course=course, person=person)
        assert Enrolment.objects.count() == 0


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ({"published": False}, "not open for enrolment"),
        ({"days": ()}, "no sessions yet"),
        ({"days": (-1, 7)}, "already started"),
    ],
)
def test_enrolment_is_refused_on_closed_courses(setup, message):
    course = CourseFactory(published=setup.get("published", True))
    with_sessions(course, *setup.get("days", (7,)))

    with pytest.raises(ValidationError, match=message):
        services.enrolment_create(course=course, person=UserFactory())
    assert Enrolment.objects.count() == 0


# --------------------------------------------------------------------------- approval


def test_approval_puts_the_enrolment_on_hold_until_the_organiser_decides(
    django_capture_on_commit_callbacks,
):
    course = course_with_sessions(7, capacity=1, requires_approval=True, title="Data skills")
    organiser = course.organiser
    first, second, third = (UserFactory(email=f"p{n}@example.test") for n in range(3))
    waiting = [services.enrolment_create(course=course, person=p) for p in (first, second, third)]
    assert {e.status for e in waiting} == {EnrolmentStatus.AWAITING_APPROVAL}
    assert services.places_taken(course=course) == 0

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_decide(actor=organiser, enrolment=waiting[0], approve=True, reason="")
        services.enrolment_decide(actor=organiser, enrolment=waiting[1], approve=True, reason="")
        services.enrolment_decide(
            actor=organiser, enrolment=waiting[2], approve=False, reason="For the data team only."
        )

    assert statuses(course) == [
        ("p0@example.test", "enrolled", None),
        ("p1@example.test", "waitlisted", 1),
        ("p2@example.test", "declined", None),
    ]
    assert [message.subject for message in mail.outbox] == [
        "Your enrolment for “Data skills” is approved",
        "Your enrolment for “Data skills” is approved",
        "Your enrolment for “Data skills” is not approved",
    ]
    assert "For the data team only." in mail.outbox[2].body
    assert "at place 1." in mail.outbox[1].body
    entries = AuditEntry.objects.filter(action__startswith="skills.enrolment_")
    assert sorted(entries.values_list("action", "reason")) == [
        ("skills.enrolment_approved", ""),
        ("skills.enrolment_approved", ""),
        ("skills.enrolment_declined", "For the data team only."),
    ]
    with pytest.raises(ValidationError, match="did not approve"):
        services.enrolment_create(course=course, person=third)


def test_declining_needs_a_reason_and_deciding_twice_is_refused():
    course = course_with_sessions(7, requires_approval=True)
    enrolment = services.enrolment_create(course=course, person=UserFactory())

    with pytest.raises(ValidationError) as caught:
        services.enrolment_decide(
            actor=course.organiser, enrolment=enrolment, approve=False, reason="  "
        )
    assert caught.value.message_dict == {"reason": ["Say why, so the person knows."]}
    services.enrolment_decide(actor=course.organiser, enrolment=enrolment, approve=True, reason="")
    with pytest.raises(ValidationError, match="not waiting for approval"):
        services.enrolment_decide(
            actor=course.organiser, enrolment=enrolment, approve=True, reason=""
        )


def test_the_organiser_takes_someone_off_with_a_reason_and_the_waiting_list_moves_on(
    django_capture_on_commit_callbacks,
):
    course = course_with_sessions(7, capacity=1, title="Video calls")
    people = [UserFactory(email=f"p{n}@example.test") for n in range(3)]
    enrolments = [services.enrolment_create(course=course, person=p) for p in people]
    mail.outbox.clear()

    with pytest.raises(ValidationError) as caught:
        services.enrolment_remove(actor=course.organiser, enrolment=enrolments[0], reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_remove(
            actor=course.organiser, enrolment=enrolments[0], reason="Not a team leader."
        )

    assert caught.value.message_dict == {"reason": ["Say why, so the person knows."]}
    assert statuses(course) == [
        ("p0@example.test", "cancelled", None),
        ("p1@example.test", "enrolled", None),
        ("p2@example.test", "waitlisted", 1),
    ]
    removed = next(m for m in mail.outbox if m.to == ["p0@example.test"])
    assert removed.subject == "Your enrolment for “Video calls” is cancelled"
    assert "The reason given: Not a team leader." in removed.body
    entry = AuditEntry.objects.get(action="skills.enrolment_removed")
    assert (entry.reason, entry.data["person"]) == ("Not a team leader.", people[0].pk)
    again = services.enrolment_create(course=course, person=people[0])
    assert (again.status, again.decision_reason) == ("waitlisted", "")


def test_more_places_let_people_in_from_the_waiting_list():
    course = course_with_sessions(7, capacity=1)
    people = [UserFactory(email=f"p{n}@example.test") for n in range(3)]
    for person in people:
        services.enrolment_create(course=course, person=person)

    services.course_save(
        actor=course.organiser,
        course=course,
        title=course.title,
        description=course.description,
        audience=course.audience,
        capacity=2,
        requires_approval=False,
        sessions_for_certificate=1,
        published=True,
    )

    assert statuses(course) == [
        ("p0@example.test", "enrolled", None),
        ("p1@example.test", "enrolled", None),
        ("p2@example.test", "waitlisted", 1),
    ]
    entry = AuditEntry.objects.get(action="skills.course_changed")
    assert (entry.data["capacity"], entry.data["promoted"]) == (2, 1)


def test_a_session_needs_a_place_or_a_link_and_an_end_after_its_start():
    course = CourseFactory()
    start = timezone.now() + timedelta(days=3)
    common = {"actor": course.organiser, "course": course, "title": "Intro"}

    with pytest.raises(ValidationError) as caught:
        services.course_session_save(**common, starts_at=start, ends_at=start + timedelta(hours=1))
    assert caught.value.message_dict == {"place": ["Give a place, an online link, or both."]}
    with pytest.raises(ValidationError) as caught:
        services.course_session_save(**common, starts_at=start, ends_at=start, place="Hall")
    assert caught.value.message_dict == {"ends_at": ["The session must end after it starts."]}

    session = services.course_session_save(
        **common,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        online_url="https://meet.example.test/intro",
        external_speaker="Dr. Smit",
    )
    assert (session.place, session.online_url) == ("", "https://meet.example.test/intro")
    assert AuditEntry.objects.filter(action="skills.course_session_added").count() == 1


# --------------------------------------------------------------------------- attendance


def _past_course(capacity: int = 5, needed: int = 2):  # type: ignore[no-untyped-def]
    course = CourseFactory(capacity=capacity, sessions_for_certificate=needed)
    sessions = with_sessions(course, 7, 8, 9)
    people = [UserFactory(display_name=f"Person {n}") for n in range(3)]
    enrolments = [services.enrolment_create(course=course, person=p) for p in people]
    # The course ran: move its sessions into the past (test data only).
    for index, session in enumerate(sessions):
        session.starts_at = timezone.now() - timedelta(days=10 - index)
        session.ends_at = session.starts_at + timedelta(hours=2)
        session.save()
    return course, sessions, enrolments


def test_attendance_gives_every_enrolled_person_a_row_and_can_be_corrected():
    course, sessions, enrolments = _past_course()

    present = services.attendance_record(
        actor=course.organiser, session=sessions[0], present=[enrolments[0].pk]
    )
    services.attendance_record(
        actor=course.organiser,
        session=sessions[0],
        present=[enrolments[0].pk, enrolments[1].pk],
    )

    assert present == 1
    assert sorted(
        Attendance.objects.filter(session=sessions[0]).values_list("enrolment_id", "present")
    ) == [(enrolments[0].pk, True), (enrolments[1].pk, True), (enrolments[2].pk, False)]
    assert AuditEntry.objects.filter(action="skills.attendance_recorded").count() == 2


def test_attendance_refuses_strangers_and_sessions_that_have_not_started():
    course, sessions, _enrolments = _past_course()
    other = services.enrolment_create(course=course_with_sessions(7), person=UserFactory())

    with pytest.raises(ValidationError, match="Only people enrolled"):
        services.attendance_record(actor=course.organiser, session=sessions[0], present=[other.pk])
    future = with_sessions(course, 5)[0]
    with pytest.raises(ValidationError, match="once the session has started"):
        services.attendance_record(actor=course.organiser, session=future, present=[])
    assert Attendance.objects.count() == 0


# --------------------------------------------------------------------------- certificates


def test_a_certificate_needs_enough_sessions_and_keeps_its_code():
    course, sessions, enrolments = _past_course(needed=2)
    for session in sessions[:2]:
        services.attendance_record(
            actor=course.organiser, session=session, present=[enrolments[0].pk]
        )

    with pytest.raises(ValidationError, match="at least 2 sessions attended"):
        services.certificate_issue(enrolment=enrolments[1])
    certificate = services.certificate_issue(enrolment=enrolments[0])
    again = services.certificate_issue(enrolment=enrolments[0])

    assert again.pk == certificate.pk
    assert (certificate.name, certificate.course_title) == ("Person 0", course.title)
    assert (certificate.sessions_attended, certificate.sessions_total) == (2, 3)
    assert len(certificate.code) == 14
    assert certificate.code.count("-") == 2
    assert selectors.certificate_by_code(code=certificate.code) == certificate
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize(
    ("typed", "stored"),
    [(" abcd efgh jkmn ", "ABCD-EFGH-JKMN"), ("abcd-efgh-jkmn", "ABCD-EFGH-JKMN"), ("", "")],
)
def test_typed_codes_are_normalised(typed, stored):
    assert services.certificate_code_normalise(typed) == stored


# --------------------------------------------------------------------------- feedback


def test_feedback_once_after_the_course_and_the_summary():
    course, _sessions, enrolments = _past_course()
    services.feedback_give(enrolment=enrolments[0], rating=5, comments="  Very useful. ")
    services.feedback_give(enrolment=enrolments[1], rating=4)
    with pytest.raises(ValidationError, match="already given feedback"):
        services.feedback_give(enrolment=enrolments[0], rating=1)

    summary = selectors.feedback_summary(course=course)

    assert (summary.count, summary.average) == (2, 4.5)
    assert summary.by_rating == [(5, 1), (4, 1), (3, 0), (2, 0), (1, 0)]
    assert [f.comments for f in summary.comments] == ["Very useful."]


def test_feedback_before_the_end_is_refused():
    course = course_with_sessions(7)
    enrolment = services.enrolment_create(course=course, person=UserFactory())

    with pytest.raises(ValidationError, match="once the course has ended"):
        services.feedback_give(enrolment=enrolment, rating=4)


# --------------------------------------------------------------------------- reminders


def test_reminders_go_once_per_session_to_everyone_enrolled():
    course = CourseFactory(capacity=1, title="Cyber safety")
    tomorrow, later = with_sessions(course, 0.5, 5)
    enrolled = staff_user(email="in@example.test")
    services.enrolment_create(course=course, person=enrolled)
    services.enrolment_create(course=course, person=staff_user(email="waiting@example.test"))
    mail.outbox.clear()
    out = StringIO()

    call_command("send_course_reminders", stdout=out)
    call_command("send_course_reminders", stdout=out)

    assert out.getvalue() == "Sent 1 course reminder(s).\nSent 0 course reminder(s).\n"
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["in@example.test"], "Reminder: “Cyber safety” starts soon")
    ]
    assert tomorrow.title in mail.outbox[0].body
    assert list(ReminderSent.objects.values_list("session_id", flat=True)) == [tomorrow.pk]
    assert later.pk != tomorrow.pk


# --------------------------------------------------------------------------- calendars


def test_the_course_feed_and_the_personal_feed_parse_as_icalendar():
    course = course_with_sessions(7, 14, title="Summer class")
    person = UserFactory()
    enrolment = services.enrolment_create(course=course, person=person)

    calendar, events = events_of(course_ics(course=course))
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert [str(event["SUMMARY"]) for event in events] == [
        f"Summer class: {session.title}" for session in course.sessions.order_by("starts_at")
    ]
    feed = feed_ics(pairs=selectors.feed_sessions(user=person), name="My courses")
    calendar, events = events_of(feed)
    assert "METHOD" not in calendar
    assert len(events) == 2
    services.enrolment_cancel(enrolment=enrolment)
    enrolment.refresh_from_db()
    calendar, events = events_of(enrolment_ics(enrolment=enrolment))
    assert str(calendar["METHOD"]) == "CANCEL"
    assert {str(event["STATUS"]) for event in events} == {"CANCELLED"}
    assert selectors.feed_sessions(user=person) == []


def test_a_new_calendar_link_retires_the_old_one():
    person = UserFactory()
    first = services.calendar_feed_renew(user=person)
    second = services.calendar_feed_renew(user=person)

    assert first.token != second.token
    assert len(second.token) >= 40
    assert list(person.__class__.objects.filter(course_calendar_feed__token=first.token)) == []
