"""Demo voting: a parks-and-play vote that is open now, with a knapsack ballot per district and
"choose exactly 1" for the whole of Lindeveld.

The demo resident (Centrum) has started and saved a draft; the demo staff member (Hoge Akker)
has voted. Everything goes through the services; only the calendar is moved (as the test
factories do), because proposals are shortlisted before voting opens.
"""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from samen.budgeting import ballots, selectors, services, services_voting
from samen.budgeting.demo import DemoProposal, _add_proposals
from samen.budgeting.models import BallotKind, Category, Channel, PhaseKind, Process, Proposal
from samen.inclusion.services import easy_read_check_record, easy_read_text_set

VOTING_TITLE = "Parks and play vote 2026"
AREAS = (("Centrum", "7411*"), ("Hoge Akker", "7412*"))
SHORTLISTED = "shortlisted"
CHECKED = "The park team checked the place and the price."

VOTING_PROPOSALS = (
    DemoProposal(
        "Shade sails at the Marktplein playground",
        "Big sails over the playground, so children can play outside on hot days without "
        "getting sunburnt.",
        12000,
        "Centrum",
        Category.PLAY,
        "resident",
        SHORTLISTED,
        CHECKED,
    ),
    DemoProposal(
        "Water play area in the Stadspark",
        "Fountains in the ground that children can run through in summer. The water is "
        "cleaned and used again.",
        25000,
        "Centrum",
        Category.PLAY,
        "buurman",
        SHORTLISTED,
        CHECKED,
    ),
    DemoProposal(
        "Wildflower strips along the Kerkstraat",
        "Sow wildflowers on the grass strips, for bees and butterflies and a more colourful "
        "street.",
        6000,
        "Centrum",
        Category.GREEN,
        "nabo",
        SHORTLISTED,
        CHECKED,
    ),
    DemoProposal(
        "Table tennis tables by the library",
        "Two concrete table tennis tables on the square by the library, free for everyone.",
        4000,
        "Centrum",
        Category.PLAY,
        "jonge.inwoner",
        SHORTLISTED,
        CHECKED,
    ),
    DemoProposal(
        "Pump track for bikes at the Akkerveld",
        "A looping track of bumps and bends for bikes, scooters and skateboards.",
        28000,
        "Hoge Akker",
        Category.PLAY,
        "jonge.inwoner",
        SHORTLISTED,
        CHECKED,
    ),
    DemoProposal(
        "Picnic tables in the Akkerpark",
        "Six picnic tables, two of them with room for a wheelchair.",
        5000,
        "Hoge Akker",
        Category.COMMUNITY,
        "staff",
        SHORTLISTED,
        CHECKED,
    ),
    DemoProposal(
        "Fruit trees for the neighbourhood",
        "Plant apple, pear and plum trees in the green spaces. Anyone may pick the fruit.",
        7000,
        "Hoge Akker",
        Category.GREEN,
        "nabo",
        SHORTLISTED,
        CHECKED,
    ),
    DemoProposal(
        "Lights on the Akkerpark paths",
        "Low lamps along the paths through the park, so it feels safe to walk there after dark.",
        15000,
        "Hoge Akker",
        Category.STREETS,
        "resident",
        SHORTLISTED,
        CHECKED,
    ),
    DemoProposal(
        "Park clean-up days with free tools",
        "Four clean-up days a year with free gloves, grabbers and bags, and soup afterwards.",
        3000,
        "",
        Category.COMMUNITY,
        "buurman",
        SHORTLISTED,
        CHECKED,
    ),
    DemoProposal(
        "Accessible toilets in the Stadspark",
        "A toilet building that wheelchair users can use, open from April to October.",
        18000,
        "",
        Category.COMMUNITY,
        "nabo",
        SHORTLISTED,
        CHECKED,
    ),
    DemoProposal(
        "Dog walking area at the Molenweg",
        "A fenced field where dogs can run off the lead.",
        9000,
        "",
        Category.GREEN,
        "resident",
        SHORTLISTED,
        CHECKED,
    ),
)

EASY_READ = {
    "Shade sails at the Marktplein playground": (
        "The sun can be very hot.\nWe put big sails over the playground.\nThe sails make "
        "shade.\nChildren can play in the shade.",
        True,
    ),
    "Wildflower strips along the Kerkstraat": (
        "We plant flowers next to the street.\nBees and butterflies like the flowers.\n"
        "The street looks nicer.",
        False,
    ),
    "Park clean-up days with free tools": (
        "People clean the park together.\nThis happens 4 times a year.\nYou get gloves and "
        "bags for free.\nAfter cleaning, there is soup.",
        True,
    ),
}
EASY_READ_SUMMARY = (
    "You live in Centrum or Hoge Akker.\nYou are 11 or older.\nYou can vote now.\n"
    "Choose projects for parks and play.\nYou can spend the money of your area.\n"
    "You also choose 1 project for all of Lindeveld."
)
# The demo resident's saved draft, and the demo staff member's vote, by title.
RESIDENT_DRAFT = (
    "Table tennis tables by the library",
    "Wildflower strips along the Kerkstraat",
    "Dog walking area at the Molenweg",
)
STAFF_VOTE = ("Pump track for bikes at the Akkerveld", "Picnic tables in the Akkerpark")
STAFF_AREA_VOTE = "Accessible toilets in the Stadspark"


def _process(users: dict[str, Any]) -> Process:
    organiser = users["organiser"]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    process = services.process_create(
        actor=organiser,
        title=VOTING_TITLE,
        description=(
            "Residents of Centrum and Hoge Akker aged 11 and over decide how to spend €100,000 "
            "on parks and play. Spend your area's €40,000 on the projects you like best, and "
            "choose 1 project for the whole of Lindeveld (€20,000). You can change your vote "
            "until voting closes."
        ),
        easy_read_summary=EASY_READ_SUMMARY,
        starts_at=now - timedelta(days=43),  # in its shortlist phase while the seed runs
        rule="mes-cost+add1+greedy",
        min_age=11,
        residency_required=True,
        is_published=True,
    )
    for name, pattern in AREAS:
        district = services.district_create(
            actor=organiser, process=process, name=name, postcode_patterns=pattern
        )
        services.budget_create(
            actor=organiser,
            process=process,
            name=name,
            district=district,
            amount_minor=40_000_00,
            ballot_kind=BallotKind.KNAPSACK,
        )
    services.budget_create(
        actor=organiser,
        process=process,
        name="All of Lindeveld",
        district=None,
        amount_minor=20_000_00,
        ballot_kind=BallotKind.EXACTLY,
        min_choices=1,
        max_choices=1,
    )
    return process


def _open_voting(process: Process, users: dict[str, Any]) -> None:
    """Voting opened an hour ago and runs for two weeks; the shortlist ended as it opened."""
    opened = timezone.now().replace(second=0, microsecond=0) - timedelta(hours=1)
    phases = {phase.kind: phase for phase in process.phases.all()}
    shortlist, voting = phases[PhaseKind.SHORTLIST], phases[PhaseKind.VOTING]
    services.phase_update(
        actor=users["organiser"],
        phase=shortlist,
        starts_at=shortlist.starts_at,
        ends_at=opened,
        enabled=True,
    )
    services.phase_update(
        actor=users["organiser"],
        phase=voting,
        starts_at=opened,
        ends_at=opened + timedelta(days=14),
        enabled=True,
    )


def _choices(process: Process, titles: tuple[str, ...]) -> ballots.Choices:
    proposals = Proposal.objects.filter(process=process, title__in=titles)
    choices: ballots.Choices = {}
    for proposal in proposals:
        budget = process.budgets.get(district=proposal.district)
        choices.setdefault(budget.pk, {})[proposal.pk] = 1
    return choices


def _voters(process: Process, users: dict[str, Any]) -> None:
    resident, staff = users["resident"], users["staff"]
    for user, titles in ((resident, RESIDENT_DRAFT), (staff, (*STAFF_VOTE, STAFF_AREA_VOTE))):
        district = selectors.eligibility_for(process=process, user=user).district
        entry = services_voting.ballot_start(
            process=process,
            voter_key=services_voting.voter_key_for_user(user),
            channel=Channel.ONLINE,
            user=user,
            district=district,
            year_of_birth=user.year_of_birth,
        )
        choices = _choices(process, titles)
        if user is resident:
            services_voting.ballot_draft_save(entry=entry, choices=choices)
        else:
            services_voting.ballot_submit(
                process=process,
                voter_key=entry.voter_key,
                channel=Channel.ONLINE,
                choices=choices,
                user=user,
                district=district,
                year_of_birth=user.year_of_birth,
            )


def seed_voting(users: dict[str, Any]) -> list[str]:
    """Create the open vote unless it exists. Returns what it did."""
    if Process.objects.filter(title=VOTING_TITLE).exists():
        return []
    process = _process(users)
    _add_proposals(process=process, proposals=VOTING_PROPOSALS, users=users)
    for title, (text, checked) in EASY_READ.items():
        proposal = Proposal.objects.get(process=process, title=title)
        proposal = easy_read_text_set(actor=users["organiser"], obj=proposal, text=text)
        if checked:
            easy_read_check_record(
                actor=users["organiser"], obj=proposal, checked_by="Lindeveld easy-read panel"
            )
    _open_voting(process, users)
    _voters(process, users)
    count = len(VOTING_PROPOSALS)
    return [f"created budgeting process {VOTING_TITLE!r} ({count} proposals, voting now)"]
