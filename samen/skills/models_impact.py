"""The optional impact survey of the Digicoach network: how the help went, and who was helped.

It is kept apart from the coach's log on purpose. The log holds no demographics; the survey
may, so a response is tied to no visit, person or day: only to the help point and the month.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.skills.models_coaching import HelpPoint


class GotHelp(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class Confidence(models.IntegerChoices):
    NOT_SURE = 1, _("Not sure at all")
    A_LITTLE = 2, _("A little sure")
    QUITE = 3, _("Quite sure")
    VERY = 4, _("Very sure")


class Recommend(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNSURE = "unsure", _("I don't know")


class AgeBand(models.TextChoices):
    UNDER_18 = "u18", _("Under 18")
    FROM_18 = "18-34", _("18 to 34")
    FROM_35 = "35-54", _("35 to 54")
    FROM_55 = "55-64", _("55 to 64")
    FROM_65 = "65-74", _("65 to 74")
    FROM_75 = "75+", _("75 or older")
    NOT_SAID = "none", _("I'd rather not say")


class Disability(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SAID = "none", _("I'd rather not say")


class ImpactResponse(models.Model):
    help_point = models.ForeignKey(
        HelpPoint,
        verbose_name=_("help point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="impact_responses",
    )
    month = models.DateField(_("month of the visit"))
    got_help = models.CharField(_("got the help they came for"), max_length=6, choices=GotHelp)
    confidence = models.PositiveSmallIntegerField(
        _("sure they can do it on their own"), choices=Confidence
    )
    recommend = models.CharField(_("would recommend the help"), max_length=6, choices=Recommend)
    age_band = models.CharField(_("age"), max_length=5, choices=AgeBand, blank=True)
    disability = models.CharField(_("disability"), max_length=4, choices=Disability, blank=True)
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    # A hash of the survey link, so each link is answered once; the link names no person.
    link_hash = models.CharField(_("link"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("impact survey response")
        verbose_name_plural = _("impact survey responses")
        ordering = ["-month", "-id"]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.help_point_id}: {self.got_help}"
