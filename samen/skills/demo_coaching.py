"""Demo Digicoach network for Lindeveld: two help points, the demo coach, sessions and a log."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samen.skills import services_coaching as services
from samen.skills import services_impact
from samen.skills.models_coaching import (
    CheckStage,
    CoachingSession,
    CoachKind,
    HelpPoint,
    OpeningTime,
    SessionKind,
    Topic,
    TrainingStatus,
)

COACH = "coach@demo.samen.test"
ORGANISER = "organiser@demo.samen.test"
LIBRARY = "Lindeveld Library"
TOWN_HALL = "Lindeveld Town Hall"
FULL_SESSION_DAYS = 2  # the full drop-in is the day after tomorrow
POINTS = (
    {
        "name": LIBRARY,
        "address": "Kerkstraat 12, 7411 AB Lindeveld",
        "description": "Drop in with your phone, tablet or laptop. A Digicoach helps you.",
        "easy_read_text": "Do you need help with your phone or computer?\nCome to the library.\n"
        "A Digicoach helps you. It is free.",
        "accessibility": "Step-free entrance, lift to the first floor, accessible toilet.",
        "hours": ((1, time(10), time(12)), (3, time(14), time(16))),
    },
    {
        "name": TOWN_HALL,
        "address": "Marktplein 1, 7411 CD Lindeveld",
        "description": "Help with the municipality's online services, DigiD and forms.",
        "easy_read_text": "",
        "accessibility": "Step-free entrance, hearing loop at the front desk.",
        "hours": ((0, time(9), time(12)), (4, time(13), time(15))),
    },
)
# Past visits: (days ago, place, topics, organisation, minutes, referral, person, visitor code)
LOGS = (
    (3, LIBRARY, ("Email",), "", 30, "", "resident", ""),
    (5, LIBRARY, ("Online banking", "Scams and safety"), "Rabobank", 45, "", "", "LIB-0001"),
    (8, TOWN_HALL, ("eID and DigiD",), "DigiD", 40, "DigiD help desk", "", "TH-0002"),
    (10, TOWN_HALL, ("Online tax",), "Tax office", 60, "Tax office phone line", "", "TH-0003"),
    (12, LIBRARY, ("Video calls", "Smartphone basics"), "", 30, "", "", "LIB-0004"),
    (15, LIBRARY, ("Scams and safety",), "Police", 20, "Fraud helpline", "", "LIB-0001"),
    (18, TOWN_HALL, ("eID and DigiD", "Online tax"), "Tax office", 50, "", "resident", ""),
    (22, LIBRARY, ("Smartphone basics",), "", 25, "", "", "LIB-0005"),
    (26, TOWN_HALL, ("Benefits and allowances online",), "Benefits agency", 55, "", "", "TH-0006"),
    (30, LIBRARY, ("Email", "Passwords and accounts"), "", 35, "", "", "LIB-0007"),
    (35, LIBRARY, ("Health apps and patient portals",), "GP practice", 40, "", "", "LIB-0004"),
    (41, TOWN_HALL, ("eID and DigiD",), "DigiD", 30, "", "", "TH-0008"),
)


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def seed() -> list[str]:
    """Help points, the demo coach's profile, sessions (one full), a log and two problems."""
    users = get_user_model().objects
    coach = users.filter(email=COACH).first()
    organiser = users.filter(email=ORGANISER).first()
    if coach is None or organiser is None or HelpPoint.objects.filter(name=LIBRARY).exists():
        return []
    resident = users.get(email="resident@demo.samen.test")
    staff = users.get(email="staff@demo.samen.test")
    with transaction.atomic():
        points = {}
        for data in POINTS:
            hours = data["hours"]
            point = HelpPoint.objects.create(**{k: v for k, v in data.items() if k != "hours"})
            for weekday, opens, closes in hours:  # type: ignore[attr-defined]
                OpeningTime.objects.create(
                    help_point=point, weekday=weekday, opens=opens, closes=closes
                )
            points[point.name] = point
        services.coach_profile_save(
            actor=organiser,
            user=coach,
            kind=CoachKind.STAFF,
            department="Customer services",
            training_status=TrainingStatus.TRAINED,
            badges="Online banking, DigiD, Scams and safety",
        )
        sessions = [
            CoachingSession.objects.create(
                kind=SessionKind.DROP_IN,
                help_point=points[LIBRARY],
                coach=coach,
                starts_at=_at(days, 10),
                ends_at=_at(days, 12),
                capacity=capacity,
            )
            for days, capacity in ((1, 8), (FULL_SESSION_DAYS, 2), (6, 8))
        ]
        CoachingSession.objects.create(
            kind=SessionKind.ONE_TO_ONE,
            help_point=points[TOWN_HALL],
            coach=coach,
            starts_at=_at(3, 14),
            ends_at=_at(3, 15),
            capacity=1,
        )
        for person in (resident, staff):
            services.booking_create(session=sessions[1], person=person)
        topics = {topic.name: topic for topic in Topic.objects.all()}
        people = {"resident": resident}
        logs = []
        for days, place, names, organisation, minutes, referral, person, code in LOGS:
            first = code in ("LIB-0001", "LIB-0004") and days > 14
            logs.append(
                services.session_log_create(
                    coach=coach,
                    help_point=points[place],
                    helped_on=timezone.localdate() - timedelta(days=days),
                    topics=[topics[name] for name in names],
                    organisation=organisation,
                    help_given="Showed the steps on their own device and wrote them down.",
                    duration_minutes=minutes,
                    referral=referral,
                    person=people.get(person),
                    visitor_token=code,
                    skill_check=(
                        {
                            "stage": CheckStage.FIRST if first else CheckStage.LATER,
                            "email": 2 if first else 3,
                            "forms": 1 if first else 2,
                            "safety": 2 if first else 3,
                            "smartphone": 2 if first else 3,
                        }
                        if code in ("LIB-0001", "LIB-0004")
                        else None
                    ),
                )
            )
        services.problem_report(
            coach=coach,
            title="The parking permit form rejects postcodes with a space",
            details="Three people this month typed “7411 AB” and got an error.",
            log=logs[1],
        )
        solved = services.problem_report(
            coach=coach,
            title="The DigiD letter does not say the code expires after 20 days",
            log=logs[2],
        )
        services.problem_resolve(
            actor=organiser,
            problem=solved,
            action_taken="Asked the DigiD team to add the expiry date; added it to our own FAQ.",
        )
        _impact_answers(points)
    return [
        "created 2 help points, 4 help sessions (one full), 12 coaching logs, 2 problems "
        f"and {len(IMPACT)} impact survey answers"
    ]


# (help point, days ago, got help, how sure, recommend, age, disability, comment)
IMPACT = (
    (LIBRARY, 2, "yes", 3, "yes", "65-74", "no", "Now I can video call my grandchildren."),
    (LIBRARY, 5, "yes", 4, "yes", "75+", "yes", ""),
    (LIBRARY, 9, "partly", 2, "yes", "75+", "none", "I need to practise the banking app more."),
    (LIBRARY, 16, "yes", 3, "unsure", "55-64", "", ""),
    (TOWN_HALL, 8, "yes", 3, "yes", "35-54", "no", "Quick help with DigiD, thank you."),
    (TOWN_HALL, 10, "no", 1, "no", "", "", "The tax website was down."),
    (TOWN_HALL, 18, "yes", 4, "yes", "18-34", "yes", ""),
    (TOWN_HALL, 26, "partly", 2, "yes", "u18", "no", ""),
)


def _impact_answers(points: dict[str, HelpPoint]) -> None:
    """Answers to the impact survey through its links, as people who were helped give them."""
    for place, days, got_help, sure, recommend, age, disability, comment in IMPACT:
        token = services_impact.survey_link_make(
            help_point=points[place], on=timezone.localdate() - timedelta(days=days)
        )
        services_impact.survey_submit(
            token=token,
            answers={
                "got_help": got_help,
                "confidence": sure,
                "recommend": recommend,
                "age_band": age,
                "disability": disability,
                "comment": comment,
            },
        )
