"""Demo courses for Lindeveld: a Groningen-style summer class series of six sessions, a full
class with a waiting list (the demo staff member is on it), a course that needs approval, an
open course, and a past course with attendance, a certificate and feedback."""

from datetime import datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samen.skills import services_courses as services
from samen.skills.models import Competence
from samen.skills.models_courses import Audience, Course, CourseSession

SUMMER = "Summer classes: working digitally"
FULL = "Spotting online scams"
APPROVAL = "Data protection for team leaders"
OPEN = "Your phone as a wallet"
PAST = "Video calling for beginners"
TOWN_HALL = "Town hall, council chamber"
# The summer classes: (title, in-house specialist, outside speaker, organisation, competences)
SUMMER_SESSIONS = (
    ("Finding and judging information", "organiser", "Dr. Lisa Kramer", "Hanze University", "1.2"),
    ("Working together in shared documents", "coach", "Joost Pieters", "SURF", "2.2"),
    ("Writing for the web in plain language", "moderator", "Eva de Boer", "Stichting Lezen", "3.1"),
    ("Passwords, phishing and safe habits", "admin", "Mark Wolters", "Dutch Cyber Centre", "4.1"),
    (
        "Data and privacy at work",
        "organiser",
        "Prof. Anna Veenstra",
        "University of Groningen",
        "4.2",
    ),
    ("Automating routine tasks", "coach", "Ruben Hoekstra", "Noorderlicht Digital", "5.3"),
)
COLLEAGUES = "@colleague.demo.samen.test"  # the skills picture's demo staff (demo_picture)
EMAILS = {
    "resident": "resident@demo.samen.test",
    "staff": "staff@demo.samen.test",
    "coach": "coach@demo.samen.test",
    "organiser": "organiser@demo.samen.test",
    "moderator": "moderator@demo.samen.test",
    "admin": "admin@demo.samen.test",
    "neighbour": "buurman@demo.samen.test",
}


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _competences(*codes: str) -> list[Competence]:
    found = []
    for code in codes:
        area, number = (int(part) for part in code.split("."))
        found.extend(
            Competence.objects.filter(
                area__version__is_current=True, area__number=area, number=number
            )
        )
    return found


def _course(organiser: Any, title: str, **fields: Any) -> Course:
    defaults = {
        "easy_read_text": "",
        "requires_approval": False,
        "sessions_for_certificate": 1,
        "published": True,
        "competences": (),
    }
    return services.course_save(actor=organiser, title=title, **{**defaults, **fields})


def _session(
    organiser: Any, course: Course, title: str, days: int, hour: int, **extra: Any
) -> CourseSession:
    return services.course_session_save(
        actor=organiser,
        course=course,
        title=title,
        starts_at=_at(days, hour),
        ends_at=_at(days, hour + 2),
        **{"place": TOWN_HALL, **extra},
    )


def seed() -> list[str]:
    users = get_user_model().objects
    people = {key: users.filter(email=email).first() for key, email in EMAILS.items()}
    if any(person is None for person in people.values()) or Course.objects.exists():
        return []
    organiser = people["organiser"]
    with transaction.atomic():
        summer = _course(
            organiser,
            SUMMER,
            description="Six afternoons for every colleague who wants to work more confidently "
            "with digital tools. Each session pairs one of our own specialists with a speaker "
            "from outside, like Groningen's summer classes.",
            easy_read_text="Six lessons about computers at work.\nA colleague and a guest teach "
            "together.\nYou can ask anything.",
            audience=Audience.STAFF,
            capacity=220,
            sessions_for_certificate=4,
            competences=_competences(*(row[4] for row in SUMMER_SESSIONS)),
        )
        for index, (title, speaker, guest, organisation, _code) in enumerate(SUMMER_SESSIONS):
            _session(
                organiser,
                summer,
                title,
                21 + 7 * index,
                14,
                online_url="https://meet.lindeveld.example/summer-classes",
                internal_speaker=people[speaker],
                external_speaker=guest,
                external_organisation=organisation,
            )
        colleagues = users.filter(email__endswith=COLLEAGUES).order_by("pk")
        for person in [people["coach"], people["moderator"], people["admin"], *colleagues]:
            services.enrolment_create(course=summer, person=person)

        full = _course(
            organiser,
            FULL,
            description="How to recognise fake messages, calls and websites, and what to do.",
            audience=Audience.EVERYONE,
            capacity=2,
            competences=_competences("4.1", "4.2"),
        )
        _session(organiser, full, "Scams and how to stop them", 10, 10, external_speaker="Police")
        for key in ("resident", "neighbour", "staff"):
            services.enrolment_create(course=full, person=people[key])

        approval = _course(
            organiser,
            APPROVAL,
            description="For team leaders who handle personal data: the rules and good habits.",
            audience=Audience.STAFF,
            capacity=15,
            requires_approval=True,
            competences=_competences("4.2"),
        )
        _session(organiser, approval, "The rules in practice", 12, 9)
        services.enrolment_create(course=approval, person=people["coach"])

        wallet = _course(
            organiser,
            OPEN,
            description="Paying, tickets and your bank on your phone, step by step.",
            audience=Audience.EVERYONE,
            capacity=12,
            sessions_for_certificate=2,
            competences=_competences("2.1", "4.1"),
        )
        _session(organiser, wallet, "Paying with your phone", 16, 10, place="Lindeveld Library")
        _session(organiser, wallet, "Tickets and cards", 23, 10, place="Lindeveld Library")
        done = _seed_past(organiser, people)
    return [
        "created 5 courses (a six-session summer class, a full class with a waiting list, one "
        f"needing approval, an open one and a past one); {done}"
    ]


def _seed_past(organiser: Any, people: dict[str, Any]) -> str:
    past = _course(
        organiser,
        PAST,
        description="Make video calls with family, your doctor and the municipality.",
        easy_read_text="Learn to call with video.\nYou see the other person on your screen.",
        audience=Audience.EVERYONE,
        capacity=10,
        sessions_for_certificate=2,
        competences=_competences("2.1"),
    )
    sessions = [
        _session(organiser, past, title, 1 + index, 10, internal_speaker=people["coach"])
        for index, title in enumerate(("Your first video call", "Calls with the GP", "Group calls"))
    ]
    enrolments = {
        key: services.enrolment_create(course=past, person=people[key])
        for key in ("resident", "staff", "neighbour")
    }
    # The course ran last month: move its sessions into the past. Demo data only.
    for index, session in enumerate(sessions):
        CourseSession.objects.filter(pk=session.pk).update(
            starts_at=_at(-30 + 7 * index, 10), ends_at=_at(-30 + 7 * index, 12)
        )
        session.refresh_from_db()
        present = [enrolments["resident"].pk, enrolments["neighbour"].pk]
        if index < 2:
            present.append(enrolments["staff"].pk)
        services.attendance_record(actor=organiser, session=session, present=present)
    services.certificate_issue(enrolment=enrolments["resident"])
    services.feedback_give(
        enrolment=enrolments["resident"],
        rating=5,
        comments="Now I call my grandchildren every Sunday.",
    )
    services.feedback_give(enrolment=enrolments["neighbour"], rating=4)
    services.calendar_feed_renew(user=people["resident"])
    return "a certificate, feedback and attendance for the past course"
