"""The demo seed: a Power of Youth round in review and a ward budget taking ideas, idempotent."""

from collections import Counter

import pytest

from samen.accounts.models import User
from samen.budgeting import demo, selectors
from samen.budgeting.models import Process, Proposal

pytestmark = pytest.mark.django_db


def test_seed_builds_both_processes_once(demo_seeded):
    again = demo.seed()

    youth = Process.objects.get(title=demo.YOUTH_TITLE)
    ward = Process.objects.get(title=demo.WARD_TITLE)
    assert again == []
    assert Process.objects.filter(title__in=[demo.YOUTH_TITLE, demo.WARD_TITLE]).count() == 2
    assert (youth.min_age, youth.max_age, youth.rule, youth.voting_codes_enabled) == (
        11,
        18,
        "greedy-cost",
        True,
    )
    assert selectors.current_phase(process=youth).kind == "review"
    assert selectors.current_phase(process=ward).kind == "ideas"
    assert sorted(b.amount_minor for b in youth.budgets.all()) == [1_000_000] * 5
    assert ward.budgets.get().amount_minor == 15_000_000


def test_demo_residents_fall_in_the_four_localities(demo_seeded):
    youth = Process.objects.get(title=demo.YOUTH_TITLE)

    districts = {
        user.email: selectors.district_for_postcode(process=youth, postcode=user.postcode)
        for user in User.objects.exclude(postcode="")
    }

    assert {email: d.name for email, d in districts.items()} == {
        "resident@demo.samen.test": "Centrum",
        "staff@demo.samen.test": "Hoge Akker",
        "jonge.inwoner@demo.samen.test": "Beekzijde",
        "buurman@demo.samen.test": "Centrum",
        "nabo@demo.samen.test": "Molenbroek",
    }
    noor = User.objects.get(email="jonge.inwoner@demo.samen.test")
    assert selectors.eligibility_for(process=youth, user=noor).reasons == []


def test_youth_proposals_show_every_review_state(demo_seeded):
    proposals = Proposal.objects.filter(process__title=demo.YOUTH_TITLE)

    assert Counter(p.status for p in proposals) == {
        "submitted": 4,
        "feasible": 4,
        "shortlisted": 2,
        "not_feasible": 2,
        "merged": 1,
    }
    assert [p.title for p in proposals if p.is_hidden] == ["Cheap phone cases for sale"]
    assert proposals.get(title="Music classes for teenagers").merged_into.title == (
        "Free music lessons after school"
    )
