"""App configuration for inclusion: easy-read, readability hints and accessible letters."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InclusionConfig(AppConfig):
    name = "samen.inclusion"
    label = "inclusion"
    verbose_name = _("Inclusion")

    def ready(self) -> None:
        from samen.core.navigation import Section, register_main, register_management
        from samen.inclusion import assisted_urls, permissions, translatable_models

        register_main(Section("inclusion:easy_read_index", _("Easy read"), order=30))
        register_main(
            Section("inclusion:assisted_start", _("Help a resident"), permissions.can_assist, 35)
        )
        assisted_urls.register()
        translatable_models.register()
        register_management(
            Section(
                "inclusion:manage",
                _("Plain language and letters"),
                permissions.can_manage_inclusion,
                order=30,
            )
        )
