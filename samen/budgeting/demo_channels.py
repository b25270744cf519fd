"""Demo voting codes and paper ballots, so their pages have something to show.

- The open demo vote takes voting codes, and the demo Digicoach may enter paper ballots: they
  have entered one, which waits for a second person (the demo organiser) to confirm it.
- The Power of Youth process has a batch of 20 codes issued to youth-card numbers LJ-0001 to
  LJ-0020. Their plain codes are thrown away, as they would be after printing the letters.
"""

from typing import Any

from django.contrib.auth.models import Permission

from samen.budgeting import services, services_channels, services_paper
from samen.budgeting.demo import YOUTH_TITLE
from samen.budgeting.demo_voting import VOTING_TITLE
from samen.budgeting.models import IdentityKind, PaperBallotEntry, Process, Proposal

YOUTH_CARDS = tuple(f"LJ-{number:04d}" for number in range(1, 21))
PAPER_VOTER = "LV-2026-0042"  # a register reference on the demo paper ballot
PAPER_CHOICES = ("Shade sails at the Marktplein playground", "Park clean-up days with free tools")


def _paper_ballot(process: Process, coach: Any) -> None:
    choices: dict[int, dict[int, int]] = {}
    for proposal in Proposal.objects.filter(process=process, title__in=PAPER_CHOICES):
        budget = process.budgets.get(district=proposal.district)
        choices.setdefault(budget.pk, {})[proposal.pk] = 1
    identity = services_paper.paper_identity_check(
        process=process, kind=IdentityKind.REFERENCE, value=PAPER_VOTER
    )
    services_paper.paper_ballot_enter(
        actor=coach,
        process=process,
        identity=identity,
        district=process.districts.get(name="Centrum"),
        year_of_birth=1948,
        choices=choices,
    )


def seed_channels(users: dict[str, Any]) -> list[str]:
    """Add the demo codes and paper ballot unless they exist. Returns what it did."""
    done: list[str] = []
    organiser, coach = users["organiser"], users["coach"]
    coach.user_permissions.add(Permission.objects.get(codename="enter_paper_ballots"))
    voting = Process.objects.filter(title=VOTING_TITLE).first()
    if voting is not None and not PaperBallotEntry.objects.filter(process=voting).exists():
        services.process_update(
            actor=organiser,
            process=voting,
            voting_codes_enabled=True,
            reason="Letters with codes for residents without an account.",
        )
        _paper_ballot(voting, coach)
        done.append(f"entered a paper ballot in {VOTING_TITLE!r}, waiting for confirmation")
    youth = Process.objects.filter(title=YOUTH_TITLE).first()
    if youth is not None and not youth.code_batches.exists():
        services_channels.voting_code_batch_create(
            actor=organiser,
            process=youth,
            label="Lindeveld Lyceum, year 2",
            recipient_kind="reference",
            recipients=list(YOUTH_CARDS),
        )
        done.append(f"made {len(YOUTH_CARDS)} voting codes for {YOUTH_TITLE!r}")
    return done
