"""The demo's imported process: published results, delivery news on each funded project, the
demo resident following one; seeding again changes nothing."""

import pytest

from samen.budgeting import demo_delivery, selectors, selectors_delivery
from samen.budgeting.models import Ballot, Milestone, Process, ProjectFollow, StatusUpdate

pytestmark = pytest.mark.django_db


def test_the_demo_imports_a_closed_process_with_delivery_news_once(demo_seeded):
    again = demo_delivery.seed()

    process = Process.objects.get(title=demo_delivery.IMPORTED_TITLE)
    assert again == []
    assert (process.is_published, selectors.current_phase(process=process).kind) == (
        True,
        "results",
    )
    assert Ballot.objects.filter(process=process).count() == 48
    rows = [
        (p.title, selectors_delivery.progress_of(proposal=p))
        for p in selectors_delivery.funded_projects(process=process)
    ]
    assert [(title, p.status, p.done, p.total) for title, p in rows] == [
        ("Benches and shade trees on the Marktplein", "in_progress", 2, 4),
        ("Open-air cinema nights in summer", "delivered", 2, 2),
        ("Safer crossing at the Kanaalweg school", "delayed", 1, 2),
    ]
    assert StatusUpdate.objects.filter(proposal__process=process).count() == 4
    assert Milestone.objects.filter(proposal__process=process).count() == 8
    assert list(ProjectFollow.objects.values_list("user__email", "proposal__title")) == [
        ("resident@demo.samen.test", demo_delivery.FOLLOWED)
    ]
