"""Reads for budgeting: the current phase, a postcode's district, eligibility and lists."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from fnmatch import fnmatchcase

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from samen.budgeting.models import (
    Budget,
    District,
    Phase,
    PhaseKind,
    Process,
    Proposal,
    ProposalStatus,
)

# Phases after which the ballot and the counting rule are fixed.
BALLOT_FIXED_FROM = (PhaseKind.VOTING, PhaseKind.RESULTS, PhaseKind.DELIVERY)


def _now(now: datetime | None) -> datetime:
    return now if now is not None else timezone.now()


def process_phases(*, process: Process) -> list[Phase]:
    """The process's phases in running order; uses a prefetch when there is one."""
    return sorted(process.phases.all(), key=lambda phase: phase.position)


def phase_is_open(*, phase: Phase, now: datetime | None = None) -> bool:
    moment = _now(now)
    if not phase.enabled or phase.starts_at > moment:
        return False
    return phase.ends_at is None or moment < phase.ends_at


def current_phase(*, process: Process, now: datetime | None = None) -> Phase | None:
    """The switched-on phase running now; the later one wins where two overlap."""
    running = [p for p in process_phases(process=process) if phase_is_open(phase=p, now=now)]
    return running[-1] if running else None


def next_phase(*, process: Process, now: datetime | None = None) -> Phase | None:
    moment = _now(now)
    upcoming = [p for p in process_phases(process=process) if p.enabled and p.starts_at > moment]
    return min(upcoming, key=lambda p: p.starts_at) if upcoming else None


def phase_kind_is_open(*, process: Process, kind: str, now: datetime | None = None) -> bool:
    phase = current_phase(process=process, now=now)
    return phase is not None and phase.kind == kind


def ballot_is_fixed(*, process: Process, now: datetime | None = None) -> bool:
    """True once voting (or anything after it) has started: the rule and ballot are locked."""
    moment = _now(now)
    return any(
        p.enabled and p.kind in BALLOT_FIXED_FROM and p.starts_at <= moment
        for p in process_phases(process=process)
    )


def normalise_postcode(postcode: str) -> str:
    return re.sub(r"[\s-]", "", postcode).upper()


def pattern_matches(*, pattern: str, postcode: str) -> bool:
    """`7411*` and `7411??` are wildcards; a pattern without wildcards matches as a prefix."""
    code = normalise_postcode(postcode)
    if not code or not pattern:
        return False
    if "*" in pattern or "?" in pattern:
        return fnmatchcase(code, pattern)
    return code.startswith(pattern)


def district_for_postcode(*, process: Process, postcode: str) -> District | None:
    """The district whose most specific pattern matches, or None outside every district."""
    best: tuple[int, str, District] | None = None
    for district in process.districts.all():
        for pattern in district.patterns():
            if pattern_matches(pattern=pattern, postcode=postcode):
                specificity = len(pattern.replace("*", ""))
                candidate = (specificity, district.name, district)
                if best is None or candidate[:1] > best[:1]:
                    best = candidate
    return best[2] if best else None


@dataclass(frozen=True)
class Eligibility:
    """Whether someone may vote in a process, and if not, why (stable codes for templates)."""

    reasons: list[str] = field(default_factory=list)
    district: District | None = None

    @property
    def eligible(self) -> bool:
        return not self.reasons


def age_this_year(*, year_of_birth: int, today: date) -> int:
    """Only the year of birth is stored, so age is the age reached this calendar year, as
    school-year schemes count it."""
    return today.year - year_of_birth


def eligibility_for(*, process: Process, user: object, today: date | None = None) -> Eligibility:
    day = today or timezone.localdate()
    reasons: list[str] = []
    year_of_birth = getattr(user, "year_of_birth", None)
    if year_of_birth is None:
        reasons.append("age_unknown")
    else:
        age = age_this_year(year_of_birth=year_of_birth, today=day)
        if age < process.min_age:
            reasons.append("too_young")
        if process.max_age is not None and age > process.max_age:
            reasons.append("too_old")
    district = district_for_postcode(process=process, postcode=getattr(user, "postcode", ""))
    if process.residency_required and district is None:
        reasons.append("outside_area")
    return Eligibility(reasons=reasons, district=district)


def processes_public() -> QuerySet[Process]:
    return Process.objects.filter(is_published=True).prefetch_related("phases")


def processes_for_management() -> QuerySet[Process]:
    return Process.objects.prefetch_related("phases").annotate(
        proposal_count=Count("proposals", distinct=True)
    )


def process_budgets(*, process: Process) -> QuerySet[Budget]:
    return process.budgets.select_related("district").order_by("district__name", "name")


def proposals_public(
    *, process: Process, district_id: int | None = None, category: str = ""
) -> QuerySet[Proposal]:
    """Proposals anyone may read: not hidden, filtered by district (0 = area-wide)."""
    proposals = process.proposals.filter(is_hidden=False)
    if district_id == 0:
        proposals = proposals.filter(district__isnull=True)
    elif district_id is not None:
        proposals = proposals.filter(district_id=district_id)
    if category:
        proposals = proposals.filter(category=category)
    return proposals.select_related("district", "merged_into").order_by("title", "id")


def proposals_for_management(*, process: Process, status: str = "") -> QuerySet[Proposal]:
    proposals = process.proposals.select_related("district", "author", "merged_into")
    if status == "hidden":
        proposals = proposals.filter(is_hidden=True)
    elif status:
        proposals = proposals.filter(status=status)
    return proposals.order_by("status", "title", "id")


def merge_targets(*, proposal: Proposal) -> QuerySet[Proposal]:
    """Proposals of the same process another can be merged into."""
    return (
        proposal.process.proposals.filter(is_hidden=False)
        .exclude(pk=proposal.pk)
        .exclude(status=ProposalStatus.MERGED)
        .order_by("title", "id")
    )


def proposal_counts(*, process: Process) -> dict[str, int]:
    rows = process.proposals.values("status").annotate(n=Count("id")).order_by()
    counts = {row["status"]: row["n"] for row in rows}
    counts["hidden"] = process.proposals.filter(Q(is_hidden=True)).count()
    return counts
