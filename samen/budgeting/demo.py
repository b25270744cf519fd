"""Demo budgeting for Lindeveld: a "Power of Youth" round in review and a ward budget taking ideas.

Runs after `samen.core.demo` has created the demo users; running it again changes nothing.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samen.budgeting import selectors, services
from samen.budgeting.models import BallotKind, Category, District, PhaseKind, Process, Proposal

YOUTH_TITLE = "Power of Youth Lindeveld"
WARD_TITLE = "Centrum ward budget 2027"
ORGANISER = "organiser@demo.samen.test"
MODERATOR = "moderator@demo.samen.test"
LOCALITIES = (
    ("Centrum", "7411*"),
    ("Hoge Akker", "7412*"),
    ("Beekzijde", "7413*"),
    ("Molenbroek", "7414*"),
)


@dataclass(frozen=True)
class DemoProposal:
    title: str
    description: str
    cost: int  # whole euros
    district: str  # "" for the whole area
    category: str
    author: str
    review: str = ""  # "", "feasible", "not_feasible", "shortlisted", "merged", "hidden"
    reason: str = ""
    adjusted: int | None = None
    location: str = ""


YOUTH_PROPOSALS = (
    DemoProposal(
        "Skate ramps at the Molenweg",
        "Build two small skate ramps next to the football pitch. Young people can skate "
        "safely there instead of on the road.",
        9000,
        "Molenbroek",
        Category.PLAY,
        "jonge.inwoner",
        "shortlisted",
        "The park team checked the spot. The ramps fit and are safe.",
        9500,
        "Molenweg park",
    ),
    DemoProposal(
        "Free music lessons after school",
        "Give free guitar and drum lessons on Wednesday afternoons in the youth centre.",
        6000,
        "Beekzijde",
        Category.CULTURE,
        "jonge.inwoner",
        "shortlisted",
        "The youth centre can host the lessons for one year.",
    ),
    DemoProposal(
        "Water fountain in the town park",
        "A drinking water fountain so people do not have to buy bottles on hot days.",
        4000,
        "",
        Category.GREEN,
        "nabo",
        "feasible",
        "The water company can connect it. The cost includes five years of upkeep.",
        5200,
        "Stadspark",
    ),
    DemoProposal(
        "Homework café in the library",
        "A quiet room with volunteers who help with homework twice a week.",
        3500,
        "Centrum",
        Category.YOUTH,
        "jonge.inwoner",
        "feasible",
        "The library agrees and has a free room on Tuesdays and Thursdays.",
    ),
    DemoProposal(
        "Better lights on the cycle path to school",
        "The cycle path along the canal is dark in winter. Brighter lamps make it feel safer.",
        8000,
        "Hoge Akker",
        Category.STREETS,
        "nabo",
        "feasible",
        "Safe routes to school are a priority. The cost was checked with the lighting team.",
        9800,
        "Kanaalpad",
    ),
    DemoProposal(
        "Youth podium at the summer fair",
        "A stage where young bands and dancers can perform at the summer fair.",
        2500,
        "",
        Category.CULTURE,
        "jonge.inwoner",
        "feasible",
        "The fair organisers welcome it.",
    ),
    DemoProposal(
        "A new swimming pool",
        "Lindeveld needs a second swimming pool for schools and clubs.",
        2500000,
        "",
        Category.PLAY,
        "buurman",
        "not_feasible",
        "A pool costs far more than this budget. We passed the idea to the sports department.",
    ),
    DemoProposal(
        "Close the high street to cars",
        "Make the high street car-free every day.",
        10000,
        "Centrum",
        Category.STREETS,
        "buurman",
        "not_feasible",
        "The council decides on traffic rules. This budget cannot change them.",
    ),
    DemoProposal(
        "Music classes for teenagers",
        "Music lessons for teenagers in Beekzijde, for example guitar.",
        5000,
        "Beekzijde",
        Category.CULTURE,
        "nabo",
        "merged",
        "This idea is the same as “Free music lessons after school”, so we put them together.",
    ),
    DemoProposal(
        "Benches and shade at the bus stop",
        "Put a bench and a small roof at the bus stop by the school.",
        3000,
        "Molenbroek",
        Category.STREETS,
        "jonge.inwoner",
        location="Stop Molenbroek School",
    ),
    DemoProposal(
        "Outdoor gym in Beekzijde",
        "Simple outdoor fitness machines that everyone can use for free.",
        9000,
        "Beekzijde",
        Category.PLAY,
        "nabo",
    ),
    DemoProposal(
        "Repair café for bikes",
        "Once a month, volunteers help young people fix their bikes.",
        1500,
        "Hoge Akker",
        Category.COMMUNITY,
        "jonge.inwoner",
    ),
    DemoProposal(
        "Cheap phone cases for sale",
        "Visit my web shop for cheap phone cases. Use the code LINDEVELD for ten percent off.",
        100,
        "",
        Category.OTHER,
        "buurman",
        "hidden",
        "Advertising, not a proposal.",
    ),
)

WARD_PROPOSALS = (
    DemoProposal(
        "Flower beds on the Marktplein",
        "Plant flowers and small trees on the square, so it is greener and cooler in summer.",
        25000,
        "Centrum",
        Category.GREEN,
        "resident",
        location="Marktplein",
    ),
    DemoProposal(
        "A weekly coffee morning for older residents",
        "Because many older people in the centre of Lindeveld live alone and rarely talk to "
        "anyone during the week, we would like a weekly coffee morning in the community "
        "centre with volunteers, newspapers and games.",
        12000,
        "Centrum",
        Category.COMMUNITY,
        "resident",
    ),
    DemoProposal(
        "Safe crossing at the Kerkstraat",
        "A zebra crossing with lights near the primary school.",
        40000,
        "Centrum",
        Category.STREETS,
        "buurman",
        location="Kerkstraat",
    ),
)


def _users() -> dict[str, object]:
    users = get_user_model().objects.filter(email__endswith="@demo.samen.test")
    return {user.email.split("@")[0]: user for user in users}


def _add_proposals(
    *, process: Process, proposals: tuple[DemoProposal, ...], users: dict[str, object]
) -> None:
    ideas = next(p for p in process.phases.all() if p.kind == PhaseKind.IDEAS)
    districts = {d.name: d for d in District.objects.filter(process=process)}
    organiser, moderator = users["organiser"], users["moderator"]
    made: dict[str, Proposal] = {}
    for number, demo in enumerate(proposals):
        proposal = services.proposal_submit(
            author=users[demo.author],
            process=process,
            title=demo.title,
            description=demo.description,
            estimated_cost_minor=demo.cost * 100,
            category=demo.category,
            district=districts.get(demo.district),
            location_text=demo.location,
            now=ideas.starts_at + timedelta(days=1, hours=number),
        )
        made[demo.title] = proposal
        adjusted = demo.adjusted * 100 if demo.adjusted else None
        if demo.review in ("feasible", "shortlisted", "not_feasible"):
            services.proposal_review(
                actor=organiser,
                proposal=proposal,
                feasible=demo.review != "not_feasible",
                reason=demo.reason,
                adjusted_cost_minor=adjusted,
            )
        if demo.review == "shortlisted":
            services.proposal_shortlist(actor=organiser, proposal=proposal, on_ballot=True)
        if demo.review == "merged":
            services.proposal_merge(
                actor=organiser,
                proposal=proposal,
                into=made["Free music lessons after school"],
                reason=demo.reason,
            )
        if demo.review == "hidden":
            services.proposal_hide(actor=moderator, proposal=proposal, reason=demo.reason)


def _youth_process(users: dict[str, object]) -> Process:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    process = services.process_create(
        actor=users["organiser"],
        title=YOUTH_TITLE,
        description=(
            "Young people in Lindeveld decide how to spend €50,000. Each of the four "
            "localities has €10,000, and €10,000 is for the whole of Lindeveld. Share your "
            "idea, and in the spring vote for 3 projects in your locality and 1 for all of "
            "Lindeveld. Youth workers at school and in the youth centres can help you."
        ),
        easy_read_summary=(
            "You are 11 to 18 years old.\nYou live in Lindeveld.\nYou can choose how we "
            "spend money on projects.\nYou choose 3 projects near you.\nYou choose 1 project "
            "for all of Lindeveld."
        ),
        starts_at=now - timedelta(days=35),
        rule="greedy-cost",
        min_age=11,
        max_age=18,
        residency_required=True,
        voting_codes_enabled=True,
        is_published=True,
    )
    for name, pattern in LOCALITIES:
        district = services.district_create(
            actor=users["organiser"], process=process, name=name, postcode_patterns=pattern
        )
        services.budget_create(
            actor=users["organiser"],
            process=process,
            name=name,
            district=district,
            amount_minor=10_000_00,
            ballot_kind=BallotKind.EXACTLY,
            max_choices=3,
        )
    services.budget_create(
        actor=users["organiser"],
        process=process,
        name="All of Lindeveld",
        district=None,
        amount_minor=10_000_00,
        ballot_kind=BallotKind.EXACTLY,
        max_choices=1,
    )
    return process


def _ward_process(users: dict[str, object]) -> Process:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    process = services.process_create(
        actor=users["organiser"],
        title=WARD_TITLE,
        description=(
            "Residents of the Centrum ward aged 11 and over decide how to spend €150,000. "
            "When voting opens, pick the projects you like, up to the ward budget. You can "
            "change your vote until voting closes."
        ),
        easy_read_summary=(
            "You live in the Centrum ward.\nYou are 11 or older.\nYou can share an idea now."
            "\nLater you can vote for projects."
        ),
        starts_at=now - timedelta(days=10),
        rule="mes-cost+add1+greedy",
        min_age=11,
        residency_required=True,
        is_published=True,
    )
    centrum = services.district_create(
        actor=users["organiser"], process=process, name="Centrum", postcode_patterns="7411*"
    )
    services.budget_create(
        actor=users["organiser"],
        process=process,
        name="Centrum ward",
        district=centrum,
        amount_minor=150_000_00,
        ballot_kind=BallotKind.KNAPSACK,
    )
    return process


def seed() -> list[str]:
    """Create the two demo processes unless they exist. Returns what it did."""
    done: list[str] = []
    users = _users()
    with transaction.atomic():
        for title, build, proposals in (
            (YOUTH_TITLE, _youth_process, YOUTH_PROPOSALS),
            (WARD_TITLE, _ward_process, WARD_PROPOSALS),
        ):
            if Process.objects.filter(title=title).exists():
                continue
            process = build(users)
            _add_proposals(process=process, proposals=proposals, users=users)
            phase = selectors.current_phase(process=process)
            done.append(
                f"created budgeting process {title!r} ({len(proposals)} proposals, "
                f"now in {phase.kind if phase else 'no'} phase)"
            )
        from samen.budgeting.demo_results import seed_results

        done += seed_results(users)
        from samen.budgeting.demo_voting import seed_voting

        done += seed_voting(users)
        from samen.budgeting.demo_channels import seed_channels

        done += seed_channels(users)
    return done
