"""Demo delivery for Lindeveld: a closed process imported from a small Pabulib file, whose
funded projects have status updates and milestones, and one the demo resident follows.

Runs after `samen.core.demo` has created the demo users; running it again changes nothing.
"""

from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samen.budgeting import selectors_delivery, services_delivery, services_import
from samen.budgeting.models import DeliveryStatus, Process

DEMO_FILE = Path(__file__).parent / "demo_data" / "lindeveld_2025.pb"
IMPORTED_TITLE = "Lindeveld neighbourhood budget 2025 (demo data)"
ORGANISER = "organiser@demo.samen.test"
RESIDENT = "resident@demo.samen.test"
FOLLOWED = "Benches and shade trees on the Marktplein"
# project title: [(status, days ago, text)], [(milestone, due in days, done days ago or None)]
NEWS = {
    FOLLOWED: (
        [
            (DeliveryStatus.PLANNED, 40, "The park team is drawing the plan with neighbours."),
            (
                DeliveryStatus.IN_PROGRESS,
                10,
                "The plan is ready. Six benches are ordered and the trees come in March.",
            ),
        ],
        [
            ("Plan agreed with neighbours", -30, 28),
            ("Benches ordered", -12, 10),
            ("Trees planted", 60, None),
            ("Benches in place", 75, None),
        ],
    ),
    "Safer crossing at the Kanaalweg school": (
        [
            (
                DeliveryStatus.DELAYED,
                5,
                "The road works need a permit from the province. We expect it in two months.",
            ),
        ],
        [("Design checked by road safety team", -20, 18), ("Crossing built", 90, None)],
    ),
    "Open-air cinema nights in summer": (
        [
            (
                DeliveryStatus.DELIVERED,
                3,
                "Four cinema nights took place in the park. About 600 people came.",
            ),
        ],
        [("Films chosen by residents", -60, 60), ("Four cinema nights held", -5, 3)],
    ),
}


def seed() -> list[str]:
    if Process.objects.filter(title=IMPORTED_TITLE).exists():
        return []
    users = get_user_model().objects
    organiser = users.get(email=ORGANISER)
    today = timezone.localdate()
    with transaction.atomic():
        # Through the upload page's service, so the import page lists the demo's upload.
        done = services_import.import_request(
            actor=organiser,
            data=DEMO_FILE.read_bytes(),
            name=DEMO_FILE.name,
            is_published=True,
            background=False,
        )
        if done.process is None:
            raise RuntimeError(f"the demo file did not import: {done.error}")
        for proposal in selectors_delivery.funded_projects(process=done.process):
            updates, milestones = NEWS[proposal.title]
            for status, days_ago, text in updates:
                services_delivery.status_update_create(
                    actor=organiser,
                    proposal=proposal,
                    status=status,
                    text=text,
                    published_on=today - timedelta(days=days_ago),
                )
            for title, due_in, done_ago in milestones:
                services_delivery.milestone_create(
                    actor=organiser,
                    proposal=proposal,
                    title=title,
                    due_on=today + timedelta(days=due_in),
                    done_on=None if done_ago is None else today - timedelta(days=done_ago),
                )
            if proposal.title == FOLLOWED:
                services_delivery.project_follow(user=users.get(email=RESIDENT), proposal=proposal)
    return [
        f"imported budgeting process {IMPORTED_TITLE!r} ({done.projects} projects, "
        f"{done.ballots} ballots) with delivery news"
    ]
