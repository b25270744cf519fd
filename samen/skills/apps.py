"""App configuration for skills."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "samen.skills"
    label = "skills"
    verbose_name = _("Digital skills")

    def ready(self) -> None:
        from samen.core.navigation import Section, register_main, register_management
        from samen.skills.permissions_coaching import can_coordinate
        from samen.skills.permissions_courses import can_manage_courses

        register_main(Section("skills:index", _("Digital skills"), order=20))
        register_main(Section("skills:course_list", _("Courses"), order=21))
        register_management(
            Section("skills:course_manage_list", _("Courses"), can_manage_courses, order=21)
        )
        register_management(
            Section("skills:coaching_dashboard", _("Digicoach network"), can_coordinate, order=20)
        )
        register_management(
            Section(
                "skills:picture", _("Skills picture of the organisation"), can_coordinate, order=22
            )
        )
