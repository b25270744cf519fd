"""Demo results: a finished neighbourhood budget counted with equal shares and published, and a
play-streets vote that is counted but waits for the organiser to publish it.

Everything goes through the services: proposals are reviewed and shortlisted, every ballot is
cast with `ballot_submit`, and the counts run through `services_counting`. Only the calendar
is moved (as the test factories do), since ballots can only be cast while voting is open:
voting is opened for the seed, then the phases are moved back so that it closed days ago.
Voters and their choices come from a fixed random seed, so every run gives the same results.
"""

import random
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from samen.budgeting import services, services_counting, services_voting
from samen.budgeting.demo import DemoProposal, _add_proposals
from samen.budgeting.models import BallotKind, Category, Channel, PhaseKind, Process, Proposal

FINISHED_TITLE = "Lindeveld neighbourhood budget 2026"
COUNTED_TITLE = "Beekzijde play streets 2026"
SEED = 2026


@dataclass(frozen=True)
class Taste:
    """How likely a voter from `district` is to choose each project, by title."""

    district: str
    voters: int
    likes: dict[str, float]


FINISHED_PROPOSALS = (
    DemoProposal(
        "New play equipment at the Akkerplein",
        "Replace the old climbing frame with a bigger one and add a swing for wheelchairs.",
        18000,
        "Hoge Akker",
        Category.PLAY,
        "resident",
        "shortlisted",
        "The play equipment supplier checked the site. The price includes safe flooring.",
    ),
    DemoProposal(
        "Trees along the Akkerweg",
        "Plant twenty trees along the Akkerweg for shade and cleaner air.",
        12000,
        "Hoge Akker",
        Category.GREEN,
        "resident",
        "shortlisted",
        "The park team can plant them in the autumn.",
    ),
    DemoProposal(
        "Neighbourhood garden behind the school",
        "Raised beds where children and neighbours grow vegetables together.",
        8000,
        "Hoge Akker",
        Category.GREEN,
        "nabo",
        "shortlisted",
        "The school agrees. Volunteers will look after the garden.",
    ),
    DemoProposal(
        "Bike racks at the shops",
        "Covered bike racks for forty bikes near the shops.",
        6000,
        "Hoge Akker",
        Category.STREETS,
        "nabo",
        "shortlisted",
        "There is room on the pavement. The price includes the roof.",
    ),
    DemoProposal(
        "Benches by the Beek",
        "Six benches along the stream, so older people can rest on their walk.",
        5000,
        "Beekzijde",
        Category.COMMUNITY,
        "jonge.inwoner",
        "shortlisted",
        "The benches fit on the footpath and are easy to sit down on and stand up from.",
    ),
    DemoProposal(
        "Football cage in Beekzijde",
        "A small fenced pitch where young people can play football all year.",
        25000,
        "Beekzijde",
        Category.PLAY,
        "jonge.inwoner",
        "shortlisted",
        "The sports department checked the ground. The price includes the fence.",
    ),
    DemoProposal(
        "Flowers for the bees",
        "Sow wild flowers on the grass verges of Beekzijde.",
        4000,
        "Beekzijde",
        Category.GREEN,
        "nabo",
        "shortlisted",
        "The park team sows the verges in spring.",
    ),
    DemoProposal(
        "Free bike repair day every month",
        "Volunteers and a bike mechanic fix bikes for free once a month.",
        9000,
        "",
        Category.COMMUNITY,
        "resident",
        "shortlisted",
        "The library lends its square. The price covers a mechanic for two years.",
    ),
    DemoProposal(
        "Summer festival in the town park",
        "One day of music, food and games for everyone in Lindeveld.",
        30000,
        "",
        Category.CULTURE,
        "nabo",
        "shortlisted",
        "The events team checked the costs, including safety staff.",
    ),
    DemoProposal(
        "Digital help desk in the community centre",
        "A weekly desk where Digicoaches help with phones, forms and online banking.",
        10000,
        "",
        Category.COMMUNITY,
        "jonge.inwoner",
        "shortlisted",
        "The community centre has a room. The price covers two years.",
    ),
    DemoProposal(
        "Lights on the path to the station",
        "Brighter lamps on the dark path from Beekzijde to the station.",
        20000,
        "",
        Category.STREETS,
        "nabo",
        "shortlisted",
        "The lighting team checked the path. The lamps save energy.",
    ),
)
FINISHED_TASTES = (
    Taste(
        "Hoge Akker",
        150,
        {
            "New play equipment at the Akkerplein": 0.6,
            "Trees along the Akkerweg": 0.5,
            "Neighbourhood garden behind the school": 0.35,
            "Bike racks at the shops": 0.3,
            "Free bike repair day every month": 0.35,
            "Summer festival in the town park": 0.7,
            "Digital help desk in the community centre": 0.15,
            "Lights on the path to the station": 0.1,
        },
    ),
    Taste(
        "Beekzijde",
        90,
        {
            "Benches by the Beek": 0.6,
            "Football cage in Beekzijde": 0.45,
            "Flowers for the bees": 0.5,
            "Free bike repair day every month": 0.2,
            "Summer festival in the town park": 0.15,
            "Digital help desk in the community centre": 0.55,
            "Lights on the path to the station": 0.75,
        },
    ),
)
COUNTED_PROPOSALS = (
    DemoProposal(
        "Play street on Wednesday afternoons",
        "Close the Beekstraat to cars on Wednesday afternoons so children can play outside.",
        3000,
        "",
        Category.PLAY,
        "jonge.inwoner",
        "shortlisted",
        "Traffic wardens are needed; their cost is included.",
    ),
    DemoProposal(
        "Chalk and games box",
        "A box with chalk, balls and skipping ropes that neighbours can borrow.",
        800,
        "",
        Category.PLAY,
        "nabo",
        "shortlisted",
        "The community centre keeps the box.",
    ),
    DemoProposal(
        "Painted hopscotch and games on the pavement",
        "Paint games on the wide pavement by the school.",
        2500,
        "",
        Category.PLAY,
        "jonge.inwoner",
        "shortlisted",
        "The paint is safe and lasts about three years.",
    ),
)
COUNTED_TASTES = (
    Taste(
        "",
        36,
        {
            "Play street on Wednesday afternoons": 0.7,
            "Chalk and games box": 0.5,
            "Painted hopscotch and games on the pavement": 0.6,
        },
    ),
)
STARTED_ONLY = 0.06  # opened their ballot but never sent it
CHANGED = 0.08  # online voters who sent a second, changed vote
CHANNELS = (
    (Channel.ONLINE, 0.8),
    (Channel.ASSISTED, 0.1),
    (Channel.PAPER, 0.1),
)


def _move_phases(process: Process, *, voting_started: timedelta) -> None:
    """Calendar only: put the start of voting `voting_started` before now."""
    voting = process.phases.get(kind=PhaseKind.VOTING)
    shift = voting.starts_at - (timezone.now() - voting_started)
    for phase in process.phases.all():
        phase.starts_at -= shift
        if phase.ends_at is not None:
            phase.ends_at -= shift
        phase.save(update_fields=["starts_at", "ends_at"])


def _choices(rng: random.Random, taste: Taste, budgets: list[Any], titles: dict[str, int]) -> dict:
    choices: dict[int, dict[int, int]] = {}
    for budget in budgets:
        if budget.district is not None and budget.district.name != taste.district:
            continue
        liked = [
            titles[t]
            for t, chance in taste.likes.items()
            if rng.random() < chance and titles.get(t) in budget.projects
        ]
        rng.shuffle(liked)
        if budget.max_choices is not None:
            liked = liked[: budget.max_choices]
        if budget.ballot_kind == BallotKind.CUMULATIVE:
            liked = liked[: budget.points_total or 0] or [budget.projects[0]]
            points = [1] * len(liked)
            for _ in range((budget.points_total or 0) - len(liked)):
                points[rng.randrange(len(liked))] += 1
            choices[budget.pk] = dict(zip(liked, points, strict=True))
        else:
            choices[budget.pk] = dict.fromkeys(liked, 1)
    return choices


def _cast(process: Process, tastes: tuple[Taste, ...], users: dict[str, Any]) -> int:
    """Every demo voter's ballot, through `ballot_submit`, by their own channel."""
    rng = random.Random(f"{SEED}:{process.title}")
    budgets = list(process.budgets.select_related("district"))
    for budget in budgets:
        budget.projects = [
            p.pk for p in Proposal.objects.filter(process=process, district=budget.district)
        ]
    titles = {p.title: p.pk for p in Proposal.objects.filter(process=process)}
    districts = {d.name: d for d in process.districts.all()}
    this_year = timezone.localdate().year
    cast = 0
    for taste in tastes:
        for number in range(taste.voters):
            choices = _choices(rng, taste, budgets, titles)
            if not any(choices.values()):
                continue
            channel = rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
            voter = {
                "process": process,
                "voter_key": services_voting.voter_key_for_reference(
                    f"demo-{process.pk}-{taste.district}-{number}"
                ),
                "channel": channel,
                "district": districts.get(taste.district),
                "year_of_birth": this_year - rng.randint(process.min_age, 85),
            }
            if channel == Channel.ONLINE and rng.random() < STARTED_ONLY:
                services_voting.ballot_start(**voter)
                continue
            # Online voters may change their vote until voting closes; some do.
            for _ in range(2 if channel == Channel.ONLINE and rng.random() < CHANGED else 1):
                services_voting.ballot_submit(
                    **voter,
                    choices=choices,
                    assisted_by=users["coach"] if channel == Channel.ASSISTED else None,
                    declaration=channel == Channel.ASSISTED,
                    entered_by=users["coach"] if channel == Channel.PAPER else None,
                    confirmed_by=users["organiser"] if channel == Channel.PAPER else None,
                )
                changed = _choices(rng, taste, budgets, titles)
                choices = changed if any(changed.values()) else choices
            cast += 1
    return cast


def _voted_process(
    users: dict[str, Any],
    *,
    title: str,
    description: str,
    rule: str,
    areas: tuple[tuple[str, str, int], ...],
    proposals: tuple[DemoProposal, ...],
    tastes: tuple[Taste, ...],
    design: dict[str, Any],
) -> tuple[Process, int]:
    organiser = users["organiser"]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    process = services.process_create(
        actor=organiser,
        title=title,
        description=description,
        starts_at=now - timedelta(days=44),  # the shortlist phase is running
        rule=rule,
        min_age=11,
        residency_required=False,
        is_published=True,
    )
    for name, pattern, amount in areas:
        district = None
        if pattern:
            district = services.district_create(
                actor=organiser, process=process, name=name, postcode_patterns=pattern
            )
        services.budget_create(
            actor=organiser,
            process=process,
            name=name,
            district=district,
            amount_minor=amount * 100,
            **(design if district is None else {}),
        )
    _add_proposals(process=process, proposals=proposals, users=users)
    _move_phases(process, voting_started=timedelta(hours=1))
    cast = _cast(process, tastes, users)
    _move_phases(process, voting_started=timedelta(days=17))  # voting closed 3 days ago
    return process, cast


def seed_results(users: dict[str, Any]) -> list[str]:
    """The two voted processes, unless they exist. Returns what it did."""
    done = []
    organiser = users.get("organiser")
    if not Process.objects.filter(title=FINISHED_TITLE).exists():
        process, cast = _voted_process(
            users,
            title=FINISHED_TITLE,
            description=(
                "Residents of Hoge Akker and Beekzijde decided how to spend €140,000: €40,000 "
                "in each neighbourhood and €60,000 for all of Lindeveld. The votes were "
                "counted with the Method of Equal Shares, so that every neighbourhood and "
                "group gets a fair share of the money."
            ),
            rule="mes-cost+add1+greedy",
            areas=(
                ("Hoge Akker", "7412*", 40_000),
                ("Beekzijde", "7413*", 40_000),
                ("All of Lindeveld", "", 60_000),
            ),
            proposals=FINISHED_PROPOSALS,
            tastes=FINISHED_TASTES,
            design={"ballot_kind": BallotKind.UP_TO, "max_choices": 3},
        )
        count = services_counting.count_request(actor=organiser, process=process, background=False)
        services_counting.count_publish(
            actor=organiser, count=count, reason="Checked with the residents' panel."
        )
        done.append(f"created budgeting process {FINISHED_TITLE!r} ({cast} ballots, published)")
    if not Process.objects.filter(title=COUNTED_TITLE).exists():
        process, cast = _voted_process(
            users,
            title=COUNTED_TITLE,
            description=(
                "Neighbours in Beekzijde shared out 10 points each over ideas for safe play "
                "in the street, with €5,000 to spend."
            ),
            rule="greedy-cost",
            areas=(("Beekzijde play streets", "", 5_000),),
            proposals=COUNTED_PROPOSALS,
            tastes=COUNTED_TASTES,
            design={"ballot_kind": BallotKind.CUMULATIVE, "points_total": 10},
        )
        services_counting.count_request(actor=organiser, process=process, background=False)
        done.append(f"created budgeting process {COUNTED_TITLE!r} ({cast} ballots, counted)")
    return done
