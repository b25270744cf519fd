"""Writes to proposals: submission in the ideas phase, review, merge, shortlist and hiding."""

import pytest
from django.core.exceptions import ValidationError

from samen.budgeting import services
from samen.budgeting.models import PhaseKind, Proposal, ProposalStatus
from samen.core.models import AuditEntry
from tests.budgeting.factories import district, organiser, process_in, proposal
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _audit(action: str) -> AuditEntry:
    return AuditEntry.objects.get(action=action)


def test_submit_during_ideas_saves_a_visible_proposal_without_audit():
    process = process_in(PhaseKind.IDEAS)
    centrum = district(process)
    author = UserFactory()

    made = services.proposal_submit(
        author=author,
        process=process,
        title="  Benches  ",
        description="Three benches.",
        estimated_cost_minor=250_000,
        category="green",
        district=centrum,
        location_text="Park",
    )

    assert (made.title, made.status, made.is_hidden, made.district) == (
        "Benches",
        ProposalStatus.SUBMITTED,
        False,
        centrum,
    )
    assert made.cost_minor == 250_000
    assert AuditEntry.objects.count() == 2  # process_create and district_create only


@pytest.mark.parametrize("kind", [PhaseKind.REVIEW, PhaseKind.VOTING])
def test_submit_outside_the_ideas_phase_is_refused(kind):
    process = process_in(kind)

    with pytest.raises(ValidationError) as error:
        services.proposal_submit(
            author=UserFactory(),
            process=process,
            title="Late",
            description="Too late.",
            estimated_cost_minor=100,
            category="green",
        )

    assert error.value.messages == ["This process is not collecting ideas at the moment."]
    assert Proposal.objects.count() == 0


def test_submit_refuses_a_district_of_another_process_and_bad_values():
    process = process_in()
    elsewhere = district(process_in(title="Elsewhere"))

    with pytest.raises(ValidationError) as wrong_district:
        proposal(process, district=elsewhere)
    with pytest.raises(ValidationError) as bad_category:
        proposal(process, category="weapons")
    with pytest.raises(ValidationError):
        proposal(process, estimated_cost_minor=0)

    assert wrong_district.value.message_dict == {"district": ["Choose a district of this process."]}
    assert list(bad_category.value.message_dict) == ["category"]
    assert Proposal.objects.count() == 0


def test_review_feasible_with_adjusted_cost_keeps_the_estimate_and_is_audited():
    process = process_in(PhaseKind.REVIEW)
    idea = proposal(process, estimated_cost_minor=250_000)
    actor = organiser()

    services.proposal_review(
        actor=actor,
        proposal=idea,
        feasible=True,
        reason="The park team agrees.",
        adjusted_cost_minor=310_000,
    )

    idea.refresh_from_db()
    entry = _audit("budgeting.proposal_review")
    assert (idea.status, idea.estimated_cost_minor, idea.adjusted_cost_minor) == (
        "feasible",
        250_000,
        310_000,
    )
    assert idea.cost_minor == 310_000
    assert idea.review_reason == "The park team agrees."
    assert idea.reviewed_at is not None
    assert (entry.actor, entry.reason) == (actor, "The park team agrees.")
    assert entry.data == {
        "status": ["submitted", "feasible"],
        "estimated_cost": 250_000,
        "adjusted_cost": 310_000,
    }


def test_review_not_feasible_needs_a_public_reason():
    process = process_in(PhaseKind.REVIEW)
    idea = proposal(process)

    with pytest.raises(ValidationError) as error:
        services.proposal_review(actor=organiser(), proposal=idea, feasible=False, reason="  ")

    assert error.value.message_dict == {"reason": ["Give a public reason."]}
    idea.refresh_from_db()
    assert idea.status == "submitted"
    assert not AuditEntry.objects.filter(action="budgeting.proposal_review").exists()


def test_shortlist_only_feasible_proposals_and_take_them_off_again():
    process = process_in(PhaseKind.REVIEW)
    idea = proposal(process)
    actor = organiser()

    with pytest.raises(ValidationError) as too_early:
        services.proposal_shortlist(actor=actor, proposal=idea, on_ballot=True)
    services.proposal_review(actor=actor, proposal=idea, feasible=True, reason="Fine.")
    services.proposal_shortlist(actor=actor, proposal=idea, on_ballot=True)
    idea.refresh_from_db()
    on_ballot = idea.status
    services.proposal_shortlist(actor=actor, proposal=idea, on_ballot=False)
    idea.refresh_from_db()

    assert too_early.value.messages == ["Only a proposal marked feasible can go on the ballot."]
    assert (on_ballot, idea.status) == ("shortlisted", "feasible")
    assert list(
        AuditEntry.objects.filter(action__startswith="budgeting.proposal_")
        .order_by("id")
        .values_list("action", flat=True)
    ) == [
        "budgeting.proposal_review",
        "budgeting.proposal_shortlist",
        "budgeting.proposal_unshortlist",
    ]


def test_merge_links_the_proposal_and_moves_earlier_merges_along():
    process = process_in(PhaseKind.REVIEW)
    first, second, third = (proposal(process, title=t) for t in ("First", "Second", "Third"))
    actor = organiser()

    services.proposal_merge(actor=actor, proposal=first, into=second, reason="Same idea.")
    services.proposal_merge(actor=actor, proposal=second, into=third, reason="Same again.")

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.merged_into) == ("merged", third)
    assert (second.status, second.merged_into) == ("merged", third)
    assert AuditEntry.objects.filter(action="budgeting.proposal_merge").count() == 2
    assert _audit_for(second).data == {"status": ["submitted", "merged"], "into": third.pk}


def _audit_for(target: Proposal) -> AuditEntry:
    return AuditEntry.objects.get(action="budgeting.proposal_merge", target_id=str(target.pk))


def test_merge_refuses_itself_other_processes_and_merged_targets():
    process = process_in(PhaseKind.REVIEW)
    idea, other = proposal(process, title="Idea"), proposal(process, title="Other")
    foreign = proposal(process_in(PhaseKind.REVIEW, title="Elsewhere"))
    services.proposal_merge(actor=organiser(), proposal=other, into=idea, reason="Same.")

    for target, message in (
        (idea, "Choose a different proposal."),
        (foreign, "Choose a proposal of this process."),
        (other, "Choose a proposal that is not merged or hidden."),
    ):
        with pytest.raises(ValidationError) as error:
            services.proposal_merge(actor=organiser(), proposal=idea, into=target, reason="x")
        assert error.value.message_dict == {"into": [message]}

    idea.refresh_from_db()
    assert idea.status == "submitted"


def test_review_merge_and_shortlist_are_refused_once_voting_opened():
    process = process_in(PhaseKind.VOTING)
    idea, other = proposal(process, title="Idea"), proposal(process, title="Other")
    message = ["Voting has opened, so the ballot can no longer change."]

    with pytest.raises(ValidationError) as review:
        services.proposal_review(actor=organiser(), proposal=idea, feasible=True, reason="x")
    with pytest.raises(ValidationError) as merge:
        services.proposal_merge(actor=organiser(), proposal=idea, into=other, reason="x")
    with pytest.raises(ValidationError) as shortlist:
        services.proposal_shortlist(actor=organiser(), proposal=idea, on_ballot=True)

    assert review.value.messages == merge.value.messages == shortlist.value.messages == message


def test_hide_with_a_reason_takes_it_off_the_ballot_and_unhide_brings_it_back():
    process = process_in(PhaseKind.REVIEW)
    idea = proposal(process)
    moderator = UserFactory(roles=["staff", "moderator"])
    services.proposal_review(actor=organiser(), proposal=idea, feasible=True, reason="Fine.")
    services.proposal_shortlist(actor=organiser(), proposal=idea, on_ballot=True)

    services.proposal_hide(actor=moderator, proposal=idea, reason="Insults a neighbour.")
    idea.refresh_from_db()
    hidden = (idea.is_hidden, idea.hidden_reason, idea.status)
    services.proposal_unhide(actor=moderator, proposal=idea, reason="Edited by the author.")
    idea.refresh_from_db()

    assert hidden == (True, "Insults a neighbour.", "feasible")
    assert (idea.is_hidden, idea.hidden_reason) == (False, "")
    hide, unhide = (_audit("budgeting.proposal_hide"), _audit("budgeting.proposal_unhide"))
    assert (hide.actor, hide.reason, hide.data) == (
        moderator,
        "Insults a neighbour.",
        {"status": ["shortlisted", "feasible"]},
    )
    assert (unhide.actor, unhide.reason) == (moderator, "Edited by the author.")


def test_hide_needs_a_reason_and_cannot_hide_twice():
    process = process_in()
    idea = proposal(process)
    moderator = UserFactory(roles=["moderator"])

    with pytest.raises(ValidationError) as no_reason:
        services.proposal_hide(actor=moderator, proposal=idea, reason="")
    services.proposal_hide(actor=moderator, proposal=idea, reason="Spam.")
    with pytest.raises(ValidationError) as twice:
        services.proposal_hide(actor=moderator, proposal=idea, reason="Spam.")

    assert no_reason.value.message_dict == {"reason": ["Give a reason."]}
    assert twice.value.messages == ["This proposal is already hidden."]
    assert AuditEntry.objects.filter(action="budgeting.proposal_hide").count() == 1


def _update(idea: Proposal, author, **changes):  # type: ignore[no-untyped-def]
    fields = {
        "title": "Better benches",
        "description": "Four benches.",
        "estimated_cost_minor": 300_000,
        "category": "green",
        "district": None,
        "location_text": "",
    }
    return services.proposal_update(author=author, proposal=idea, **{**fields, **changes})


def test_the_author_changes_a_proposal_while_ideas_are_collected():
    process = process_in(PhaseKind.IDEAS)
    author = UserFactory()
    idea = proposal(process, author=author)

    _update(idea, author, title="  Better benches ")

    idea.refresh_from_db()
    assert (idea.title, idea.description, idea.estimated_cost_minor) == (
        "Better benches",
        "Four benches.",
        300_000,
    )


def test_only_the_author_before_review_and_during_ideas_may_change_it():
    process = process_in(PhaseKind.IDEAS)
    author = UserFactory()
    idea, reviewed = proposal(process, author=author), proposal(process, author=author)
    services.proposal_review(actor=organiser(), proposal=reviewed, feasible=True, reason="Fine.")
    closed = process_in(PhaseKind.REVIEW, title="Closed")
    late = proposal(closed, author=author)

    with pytest.raises(ValidationError) as stranger:
        _update(idea, UserFactory())
    with pytest.raises(ValidationError) as after_review:
        _update(reviewed, author)
    with pytest.raises(ValidationError) as ideas_closed:
        _update(late, author)

    assert stranger.value.messages == ["Only the author can change a proposal."]
    assert after_review.value.messages == [
        "This proposal has been reviewed or hidden, so it can no longer change."
    ]
    assert ideas_closed.value.messages == ["This process is not collecting ideas at the moment."]
    assert Proposal.objects.filter(title="Better benches").count() == 0
