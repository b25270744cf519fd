"""Reads: the current phase, a postcode's district, eligibility and the ballot lock."""

import itertools
from datetime import date, timedelta

import pytest
from django.utils import timezone

from samen.budgeting import selectors
from samen.budgeting.models import Phase, PhaseKind
from tests.budgeting.factories import district, phase, process_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_process_create_makes_six_phases_in_order_back_to_back():
    process = process_in(PhaseKind.IDEAS)

    phases = selectors.process_phases(process=process)

    assert [p.kind for p in phases] == list(PhaseKind.values)
    assert [p.position for p in phases] == [0, 1, 2, 3, 4, 5]
    assert all(a.ends_at == b.starts_at for a, b in itertools.pairwise(phases))
    assert phases[-1].ends_at is None


@pytest.mark.parametrize("kind", PhaseKind.values)
def test_current_phase_follows_the_dates(kind):
    process = process_in(kind)

    assert selectors.current_phase(process=process).kind == kind


def test_a_switched_off_phase_is_never_current():
    process = process_in(PhaseKind.REVIEW)
    Phase.objects.filter(process=process, kind=PhaseKind.REVIEW).update(enabled=False)

    assert selectors.current_phase(process=process) is None
    assert selectors.next_phase(process=process).kind == PhaseKind.SHORTLIST


def test_before_the_first_phase_nothing_is_current_and_ideas_come_next():
    process = process_in(PhaseKind.IDEAS)
    start = phase(process, PhaseKind.IDEAS).starts_at

    assert selectors.current_phase(process=process, now=start - timedelta(seconds=1)) is None
    assert selectors.next_phase(process=process, now=start - timedelta(seconds=1)).kind == "ideas"
    assert selectors.current_phase(process=process, now=start).kind == "ideas"


def test_the_ballot_is_fixed_from_the_moment_voting_opens():
    process = process_in(PhaseKind.SHORTLIST)
    voting = phase(process, PhaseKind.VOTING)

    assert selectors.ballot_is_fixed(process=process, now=voting.starts_at - timedelta(1)) is False
    assert selectors.ballot_is_fixed(process=process, now=voting.starts_at) is True


@pytest.mark.parametrize(
    ("postcode", "expected"),
    [
        ("7411 AB", "Centrum"),
        ("7411ab", "Centrum"),
        ("7411-AB", "Centrum"),
        ("7412CD", "Hoge Akker"),
        ("7412 ZZ", "Station"),  # the more specific pattern wins
        ("7413EF", "Beekzijde"),
        ("7414JK", None),
        ("", None),
        ("741", None),
    ],
)
def test_district_for_postcode(postcode, expected):
    process = process_in()
    district(process, "Centrum", "7411*")
    district(process, "Hoge Akker", "7412*")
    district(process, "Station", "7412 Z?")
    district(process, "Beekzijde", "7413, 7419 XX")

    found = selectors.district_for_postcode(process=process, postcode=postcode)

    assert (found.name if found else None) == expected


def test_patterns_are_stored_upper_case_one_per_line():
    process = process_in()

    made = district(process, "Beekzijde", "7413 ab*, 7419xx\n\n")

    assert made.postcode_patterns == "7413AB*\n7419XX"


@pytest.mark.parametrize(
    ("year_of_birth", "postcode", "reasons"),
    [
        (2012, "7411 AB", []),  # 14 in 2026
        (2015, "7411 AB", []),  # 11 this year: the minimum counts
        (2008, "7411 AB", []),  # 18 this year: the maximum counts
        (2016, "7411 AB", ["too_young"]),
        (2007, "7411 AB", ["too_old"]),
        (None, "7411 AB", ["age_unknown"]),
        (2012, "9999 ZZ", ["outside_area"]),
        (2016, "", ["too_young", "outside_area"]),
    ],
)
def test_eligibility(year_of_birth, postcode, reasons):
    process = process_in(min_age=11, max_age=18)
    centrum = district(process, "Centrum", "7411*")
    voter = UserFactory(year_of_birth=year_of_birth, postcode=postcode)

    result = selectors.eligibility_for(process=process, user=voter, today=date(2026, 11, 27))

    assert result.reasons == reasons
    assert result.eligible is (reasons == [])
    assert result.district == (centrum if postcode.startswith("7411") else None)


def test_residency_is_not_checked_when_the_process_does_not_ask_for_it():
    process = process_in(min_age=16, residency_required=False)
    district(process)
    voter = UserFactory(year_of_birth=1990, postcode="1234 AB")

    result = selectors.eligibility_for(process=process, user=voter, today=timezone.localdate())

    assert result.reasons == []
    assert result.district is None
