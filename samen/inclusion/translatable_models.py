"""The content organisers may translate, registered at start-up (see `translation.py`)."""

from django.utils.translation import gettext_lazy as _

from samen.inclusion.translation import register_translatable


def register() -> None:
    register_translatable(
        "budgeting.process", fields=("title", "description"), name=_("Budgeting processes")
    )
    register_translatable(
        "budgeting.proposal", fields=("title", "description"), name=_("Proposals")
    )
    register_translatable("skills.course", fields=("title", "description"), name=_("Courses"))
    register_translatable(
        "skills.helppoint",
        fields=("name", "description", "accessibility"),
        name=_("Help points"),
    )
