"""App configuration for core."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samen.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from samen.core import permissions
        from samen.core.navigation import Section, register_management

        register_management(
            Section("core:user_list", _("Users and roles"), permissions.can_manage_users, 900)
        )
        register_management(
            Section("core:audit_log", _("Audit log"), permissions.can_view_audit_log, 910)
        )
