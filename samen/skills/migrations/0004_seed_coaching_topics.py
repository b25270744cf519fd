"""Seed the editable list of topics coaches pick from in their log."""

from django.db import migrations

TOPICS = (
    "Email",
    "Online banking",
    "eID and DigiD",
    "Online tax",
    "Video calls",
    "Scams and safety",
    "Smartphone basics",
    "Health apps and patient portals",
    "Benefits and allowances online",
    "Passwords and accounts",
)


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Topic = apps.get_model("skills", "Topic")
    for position, name in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(name=name, defaults={"position": position})


def unseed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Topic = apps.get_model("skills", "Topic")
    Topic.objects.filter(name__in=TOPICS, logs__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("skills", "0003_digicoach_network")]

    operations = [migrations.RunPython(seed, unseed)]
