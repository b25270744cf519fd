"""Writes to processes, phases, districts and budgets: validation, locks and audit entries."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pbcount.rules import parse_rule
from samen.budgeting import services
from samen.budgeting.models import RULE_IDS, BallotKind, Budget, Phase, PhaseKind, Process
from samen.core.models import AuditEntry
from tests.budgeting.factories import district, organiser, phase, process_in

pytestmark = pytest.mark.django_db


def _actions() -> list[str]:
    return list(AuditEntry.objects.order_by("id").values_list("action", flat=True))


def test_process_create_is_audited_with_its_actor():
    actor = organiser()

    process = process_in(actor=actor, title="Youth decides", rule="greedy-cost")

    entry = AuditEntry.objects.get(action="budgeting.process_create")
    assert (entry.actor, entry.target_id, entry.target_label) == (
        actor,
        str(process.pk),
        "Youth decides",
    )
    assert process.rule == "greedy-cost"
    assert process.created_by == actor


def test_process_create_refuses_an_unknown_rule_and_saves_nothing():
    with pytest.raises(ValidationError) as error:
        process_in(rule="most-votes-wins")

    assert "rule" in error.value.message_dict
    assert Process.objects.count() == 0
    assert Phase.objects.count() == 0


def test_process_create_refuses_a_maximum_age_below_the_minimum():
    with pytest.raises(ValidationError):
        process_in(min_age=16, max_age=12)

    assert Process.objects.count() == 0


def test_rule_can_change_before_voting_and_the_change_is_audited():
    process = process_in(PhaseKind.SHORTLIST)
    actor = organiser()

    services.process_update(actor=actor, process=process, rule="greedy-card", reason="Advice")

    process.refresh_from_db()
    entry = AuditEntry.objects.get(action="budgeting.process_update")
    assert process.rule == "greedy-card"
    assert entry.data == {"changed": {"rule": ["mes-cost+add1+greedy", "greedy-card"]}}
    assert entry.reason == "Advice"


@pytest.mark.parametrize("kind", [BallotKind.CUMULATIVE, BallotKind.RANKED])
def test_phragmen_is_refused_for_points_and_ranked_ballots_both_ways(kind):
    actor = organiser()
    process = process_in(PhaseKind.SHORTLIST)
    design = {"ballot_kind": kind, "min_choices": 1}
    if kind == BallotKind.CUMULATIVE:
        design["points_total"] = 10
    services.budget_create(
        actor=actor, process=process, name="All", district=None, amount_minor=100, **design
    )

    with pytest.raises(ValidationError) as refused:
        services.process_update(actor=actor, process=process, rule="phragmen")

    assert refused.value.message_dict["rule"][0].startswith(
        "Sequential Phragmén counts approval ballots only."
    )
    assert Process.objects.get(pk=process.pk).rule == "mes-cost+add1+greedy"
    other = process_in(PhaseKind.SHORTLIST, rule="phragmen")
    with pytest.raises(ValidationError) as refused:
        services.budget_create(
            actor=actor, process=other, name="All", district=None, amount_minor=100, **design
        )
    assert list(refused.value.message_dict) == ["ballot_kind"]
    assert not other.budgets.exists()


@pytest.mark.parametrize("kind", [PhaseKind.VOTING, PhaseKind.RESULTS, PhaseKind.DELIVERY])
def test_rule_is_locked_once_voting_has_opened(kind):
    process = process_in(kind)

    with pytest.raises(ValidationError) as error:
        services.process_update(actor=organiser(), process=process, rule="greedy-cost")

    assert error.value.message_dict == {
        "rule": ["The counting rule cannot change once voting has opened."]
    }
    process.refresh_from_db()
    assert process.rule == "mes-cost+add1+greedy"
    assert "budgeting.process_update" not in _actions()


def test_other_settings_still_change_after_voting_opened():
    process = process_in(PhaseKind.VOTING)

    services.process_update(actor=organiser(), process=process, rule=process.rule, title="Renamed")

    process.refresh_from_db()
    assert process.title == "Renamed"


def test_process_update_refuses_fields_it_does_not_know():
    process = process_in()

    with pytest.raises(TypeError):
        services.process_update(actor=organiser(), process=process, created_by=None)


def test_phase_update_switches_a_phase_off_and_audits_before_and_after():
    process = process_in(PhaseKind.IDEAS)
    shortlist = phase(process, PhaseKind.SHORTLIST)

    services.phase_update(
        actor=organiser(),
        phase=shortlist,
        starts_at=shortlist.starts_at,
        ends_at=shortlist.ends_at,
        enabled=False,
    )

    shortlist.refresh_from_db()
    entry = AuditEntry.objects.get(action="budgeting.phase_update")
    assert shortlist.enabled is False
    assert entry.data["before"][2] == "True"
    assert entry.data["after"][2] == "False"


def test_phase_update_refuses_overlap_with_the_phase_before():
    process = process_in(PhaseKind.IDEAS)
    review = phase(process, PhaseKind.REVIEW)

    with pytest.raises(ValidationError) as error:
        services.phase_update(
            actor=organiser(),
            phase=review,
            starts_at=review.starts_at - timedelta(days=1),
            ends_at=review.ends_at,
            enabled=True,
        )

    assert error.value.message_dict == {
        "starts_on": ["This phase cannot start before the Ideas phase ends."]
    }


def test_phase_update_refuses_an_end_before_the_start():
    process = process_in(PhaseKind.IDEAS)
    review = phase(process, PhaseKind.REVIEW)

    with pytest.raises(ValidationError):
        services.phase_update(
            actor=organiser(),
            phase=review,
            starts_at=review.starts_at,
            ends_at=review.starts_at - timedelta(hours=1),
            enabled=True,
        )


def test_voting_cannot_be_switched_off_once_open():
    process = process_in(PhaseKind.VOTING)
    voting = phase(process, PhaseKind.VOTING)

    with pytest.raises(ValidationError) as error:
        services.phase_update(
            actor=organiser(),
            phase=voting,
            starts_at=voting.starts_at,
            ends_at=voting.ends_at,
            enabled=False,
        )

    assert error.value.message_dict == {
        "enabled": ["Voting has opened, so its start cannot change."]
    }


def test_voting_may_be_extended_once_open_after_moving_the_later_phases():
    process = process_in(PhaseKind.VOTING)
    week = timedelta(days=7)
    for kind in (PhaseKind.DELIVERY, PhaseKind.RESULTS, PhaseKind.VOTING):
        later = phase(process, kind)
        services.phase_update(
            actor=organiser(),
            phase=later,
            starts_at=later.starts_at if kind == PhaseKind.VOTING else later.starts_at + week,
            ends_at=later.ends_at + week if later.ends_at else None,
            enabled=True,
        )

    voting = phase(process, PhaseKind.VOTING)
    assert voting.ends_at > timezone.now() + week
    assert phase(process, PhaseKind.RESULTS).starts_at == voting.ends_at


def test_district_needs_a_pattern_and_patterns_are_short():
    process = process_in()

    with pytest.raises(ValidationError) as empty:
        district(process, "Centrum", " , \n")
    with pytest.raises(ValidationError) as long:
        district(process, "Centrum", "741100000000000*")
    with pytest.raises(ValidationError) as markup:
        district(process, "Centrum", "<b>7411</b>")

    assert empty.value.message_dict == {
        "postcode_patterns": ["Enter at least one postcode pattern."]
    }
    assert list(long.value.message_dict) == ["postcode_patterns"]
    assert list(markup.value.message_dict) == ["postcode_patterns"]


def test_district_names_are_unique_per_process():
    process = process_in()
    district(process, "Centrum")

    with pytest.raises(ValidationError) as error:
        district(process, "Centrum", "7412*")

    assert error.value.messages == ["This process already has a district with this name."]


def test_budgets_one_area_wide_and_one_per_district_audited():
    process = process_in()
    centrum = district(process)
    actor = organiser()
    services.budget_create(actor=actor, process=process, name="All", district=None, amount_minor=1)
    services.budget_create(
        actor=actor, process=process, name="Centrum", district=centrum, amount_minor=10_000_00
    )

    with pytest.raises(ValidationError) as twice_wide:
        services.budget_create(
            actor=actor, process=process, name="Again", district=None, amount_minor=5
        )
    with pytest.raises(ValidationError) as twice_district:
        services.budget_create(
            actor=actor, process=process, name="Again", district=centrum, amount_minor=5
        )

    assert twice_wide.value.messages == ["This process already has an area-wide budget."]
    assert twice_district.value.messages == ["This district already has a budget."]
    assert Budget.objects.filter(process=process).count() == 2
    assert _actions().count("budgeting.budget_create") == 2


def test_budget_refuses_another_process_district_and_a_zero_amount():
    process = process_in()
    other = district(process_in(title="Other"))

    with pytest.raises(ValidationError) as wrong:
        services.budget_create(
            actor=organiser(), process=process, name="X", district=other, amount_minor=100
        )
    with pytest.raises(ValidationError):
        services.budget_create(
            actor=organiser(), process=process, name="X", district=None, amount_minor=0
        )

    assert wrong.value.message_dict == {"district": ["Choose a district of this process."]}
    assert Budget.objects.count() == 0


def test_budgets_are_fixed_once_voting_opens():
    process = process_in(PhaseKind.VOTING)

    with pytest.raises(ValidationError) as error:
        services.budget_create(
            actor=organiser(), process=process, name="Late", district=None, amount_minor=100
        )

    assert error.value.messages == ["Budgets cannot change once voting has opened."]


@pytest.mark.parametrize("rule", RULE_IDS)
def test_every_offered_rule_is_one_pbcount_counts(rule):
    assert parse_rule(rule).rule_id == rule
