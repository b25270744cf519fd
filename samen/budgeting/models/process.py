"""A participatory budgeting process: its phases, its budgets and the districts it covers."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class CountingRule(models.TextChoices):
    """The pbcount rule ids an organiser may choose; pbcount's `parse_rule` accepts each."""

    GREEDY_COST = "greedy-cost", _("Most votes first, until the money runs out (greedy-cost)")
    GREEDY_CARD = "greedy-card", _("Most votes for the money first (greedy-card)")
    MES_COST = "mes-cost", _("Method of Equal Shares (mes-cost)")
    MES_COST_ADD1 = "mes-cost+add1", _("Method of Equal Shares with Add1 (mes-cost+add1)")
    MES_COST_ADD1_GREEDY = (
        "mes-cost+add1+greedy",
        _("Method of Equal Shares with Add1, then greedy (mes-cost+add1+greedy)"),
    )
    MES_CARD = "mes-card", _("Method of Equal Shares, counting projects (mes-card)")
    PHRAGMEN = "phragmen", _("Sequential Phragmén (phragmen)")


RULE_IDS = tuple(CountingRule.values)


class Currency(models.TextChoices):
    EUR = "EUR", _("Euro (EUR)")
    GBP = "GBP", _("Pound sterling (GBP)")
    DKK = "DKK", _("Danish krone (DKK)")
    CHF = "CHF", _("Swiss franc (CHF)")
    PLN = "PLN", _("Polish złoty (PLN)")


class PhaseKind(models.TextChoices):
    """In the order a process runs through them."""

    IDEAS = "ideas", _("Ideas")
    REVIEW = "review", _("Review")
    SHORTLIST = "shortlist", _("Shortlist")
    VOTING = "voting", _("Voting")
    RESULTS = "results", _("Results")
    DELIVERY = "delivery", _("Delivery")


PHASE_ORDER = tuple(PhaseKind.values)


class Process(models.Model):
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=5000)
    easy_read_summary = models.TextField(_("easy-read summary"), max_length=2000, blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR
    )
    rule = models.CharField(
        _("counting rule"),
        max_length=40,
        choices=CountingRule.choices,
        default=CountingRule.MES_COST_ADD1_GREEDY,
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), default=16, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    residency_required = models.BooleanField(_("only residents of a district"), default=True)
    voting_codes_enabled = models.BooleanField(_("voting codes"), default=False)
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("budgeting process")
        verbose_name_plural = _("budgeting processes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_age__isnull=True) | Q(max_age__gte=F("min_age")),
                name="budgeting_process_max_age_not_below_min_age",
                violation_error_message=_("The maximum age cannot be below the minimum age."),
            ),
            models.CheckConstraint(
                condition=Q(rule__in=RULE_IDS), name="budgeting_process_rule_known"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Phase(models.Model):
    """One step of a process. `ends_at` is empty for an open-ended step such as delivery."""

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="phases"
    )
    kind = models.CharField(_("phase"), max_length=10, choices=PhaseKind.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    enabled = models.BooleanField(_("used in this process"), default=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["process", "position"]
        constraints = [
            models.UniqueConstraint(fields=["process", "kind"], name="budgeting_phase_once"),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="budgeting_phase_ends_after_start",
                violation_error_message=_("A phase must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.process}: {self.get_kind_display()}"


district_patterns_validator = RegexValidator(
    r"^[A-Za-z0-9*? ,\n\r]*$",
    _("Use letters, digits, * and ?, with one pattern per line or separated by commas."),
)


class District(models.Model):
    """An area of a process; a voter's district follows from their postcode."""

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="districts"
    )
    name = models.CharField(_("name"), max_length=80)
    postcode_patterns = models.TextField(
        _("postcode patterns"), max_length=2000, validators=[district_patterns_validator]
    )

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["process", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "name"],
                name="budgeting_district_name_unique",
                violation_error_message=_("This process already has a district with this name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def patterns(self) -> list[str]:
        """The patterns, upper-case without spaces: "7411 ab*" becomes "7411AB*"."""
        parts = self.postcode_patterns.replace(",", "\n").splitlines()
        return [p.replace(" ", "").upper() for p in parts if p.strip()]


class BallotKind(models.TextChoices):
    """How a voter marks the projects of one budget (Angus: exactly 3 local plus 1 area-wide;
    Aarau: 10 points over at least 3 projects)."""

    EXACTLY = "exactly", _("Choose exactly a set number of projects")
    UP_TO = "up_to", _("Choose up to a set number of projects")
    APPROVAL = "approval", _("Approve projects, between a minimum and a maximum")
    KNAPSACK = "knapsack", _("Spend up to the budget")
    CUMULATIVE = "cumulative", _("Share out points")
    RANKED = "ranked", _("Put projects in order")


class Budget(models.Model):
    """Money to spend, area-wide (no district) or for one district, in minor units (cents).

    The ballot design belongs to the budget: `min_choices`/`max_choices` bound how many
    projects a voter marks (for EXACTLY both equal k; for RANKED, how many to rank), and a
    CUMULATIVE ballot shares `points_total` points, at most `max_points_per_project` each.
    """

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="budgets"
    )
    name = models.CharField(_("name"), max_length=80)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="budgets",
    )
    amount_minor = models.PositiveBigIntegerField(
        _("amount in cents"), validators=[MinValueValidator(1)]
    )
    ballot_kind = models.CharField(
        _("ballot design"), max_length=12, choices=BallotKind.choices, default=BallotKind.APPROVAL
    )
    min_choices = models.PositiveSmallIntegerField(_("fewest projects to mark"), default=0)
    max_choices = models.PositiveSmallIntegerField(
        _("most projects to mark"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    points_total = models.PositiveSmallIntegerField(
        _("points to share out"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    max_points_per_project = models.PositiveSmallIntegerField(
        _("most points for one project"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["process", "district__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "district"],
                name="budgeting_budget_one_per_district",
                violation_error_message=_("This district already has a budget."),
            ),
            models.UniqueConstraint(
                fields=["process"],
                condition=Q(district__isnull=True),
                name="budgeting_budget_one_area_wide",
                violation_error_message=_("This process already has an area-wide budget."),
            ),
            models.CheckConstraint(
                condition=Q(amount_minor__gt=0), name="budgeting_budget_amount_positive"
            ),
            models.CheckConstraint(
                condition=Q(max_choices__isnull=True) | Q(max_choices__gte=F("min_choices")),
                name="budgeting_budget_max_choices_not_below_min",
                violation_error_message=_(
                    "The most projects to mark cannot be fewer than the fewest."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(ballot_kind__in=["exactly", "up_to"]) | Q(max_choices__isnull=False),
                name="budgeting_budget_count_ballot_has_max",
                violation_error_message=_("Say how many projects voters choose."),
            ),
            models.CheckConstraint(
                condition=~Q(ballot_kind="exactly") | Q(min_choices=F("max_choices")),
                name="budgeting_budget_exactly_min_equals_max",
                violation_error_message=_(
                    "For “choose exactly”, the fewest and the most projects must be the same."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(ballot_kind="cumulative") | Q(points_total__isnull=False),
                name="budgeting_budget_cumulative_has_points",
                violation_error_message=_("Say how many points voters share out."),
            ),
        ]

    def __str__(self) -> str:
        return self.name
