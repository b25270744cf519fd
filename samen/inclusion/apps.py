"""App configuration for inclusion: easy-read, readability hints and accessible letters."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InclusionConfig(AppConfig):
    name = "samen.inclusion"
    label = "inclusion"
    verbose_name = _("Inclusion")
