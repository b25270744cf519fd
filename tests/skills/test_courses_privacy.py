"""Course data in the account's export and erasure (GDPR art. 15 and 17)."""

import pytest
from django.core import mail

from samen.accounts import services as account_services
from samen.skills import services_courses as services
from samen.skills.models_courses import CalendarFeed, Enrolment, EnrolmentStatus
from tests.factories import UserFactory
from tests.skills.factories_courses import course_with_sessions, with_sessions

pytestmark = pytest.mark.django_db


def test_the_export_holds_enrolments_and_erasure_frees_the_place_for_the_waiting_list(
    django_capture_on_commit_callbacks,
):
    course = course_with_sessions(7, capacity=1, title="Video calls")
    leaver = UserFactory(email="leaver@example.test")
    waiting = UserFactory(email="waiting@example.test")
    services.enrolment_create(course=course, person=leaver)
    services.enrolment_create(course=course, person=waiting)
    services.calendar_feed_renew(user=leaver)
    session = with_sessions(course, 10, internal_speaker=leaver)[0]

    exported = account_services.user_export(user=leaver)
    assert [(row["course"], row["status"]) for row in exported["skills_courses"]] == [
        ("Video calls", "enrolled")
    ]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        account_services.user_erase(user=leaver)

    assert list(Enrolment.objects.values_list("person__email", "status", "waitlist_position")) == [
        ("waiting@example.test", EnrolmentStatus.ENROLLED, None)
    ]
    assert [message.to for message in mail.outbox] == [["waiting@example.test"]]
    assert CalendarFeed.objects.count() == 0
    session.refresh_from_db()
    assert session.internal_speaker is None
