"""The seeded coaching topics, for makemessages: they live in the database (migration 0004)."""

from django.utils.translation import gettext_noop

TOPICS = (
    gettext_noop("Email"),
    gettext_noop("Online banking"),
    gettext_noop("eID and DigiD"),
    gettext_noop("Online tax"),
    gettext_noop("Video calls"),
    gettext_noop("Scams and safety"),
    gettext_noop("Smartphone basics"),
    gettext_noop("Health apps and patient portals"),
    gettext_noop("Benefits and allowances online"),
    gettext_noop("Passwords and accounts"),
)
