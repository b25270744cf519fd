"""App configuration for budgeting."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetingConfig(AppConfig):
    name = "samen.budgeting"
    label = "budgeting"
    verbose_name = _("Participatory budgeting")

    def ready(self) -> None:
        from samen.budgeting import permissions, urls_voting
        from samen.core.navigation import Section, register_main, register_management

        register_main(Section("budgeting:process_list", _("Have your say"), order=10))
        urls_voting.register_assisted()
        register_management(
            Section(
                "budgeting:manage_process_list",
                _("Participatory budgeting"),
                permissions.can_view_budgeting_management,
                order=10,
            )
        )
