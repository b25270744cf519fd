"""Load DigComp 2.2 (areas, competences, levels and our plain-language statements) from the
JSON file shipped in samen/skills/data, so the framework exists after `migrate` everywhere."""

import json
from datetime import date
from pathlib import Path

from django.db import migrations

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "digcomp_2_2.json"


def load_framework(apps, schema_editor):
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    FrameworkVersion = apps.get_model("skills", "FrameworkVersion")
    ProficiencyLevel = apps.get_model("skills", "ProficiencyLevel")
    Area = apps.get_model("skills", "Area")
    Competence = apps.get_model("skills", "Competence")
    Statement = apps.get_model("skills", "Statement")
    # The first version loaded becomes current; a later version's migration moves the flag.
    has_current = FrameworkVersion.objects.filter(is_current=True).exists()
    version = FrameworkVersion.objects.create(
        code=data["code"],
        name=data["name"],
        published_on=date.fromisoformat(data["published"]),
        attribution=data["attribution"],
        licence=data["licence"],
        licence_url=data["licence_url"],
        source_url=data["source_url"],
        changes_note=data["changes"],
        is_current=not has_current,
    )
    ProficiencyLevel.objects.bulk_create(
        ProficiencyLevel(
            version=version,
            number=level["number"],
            group=level["group"],
            description=level["description"],
        )
        for level in data["levels"]
    )
    for area_data in data["areas"]:
        area = Area.objects.create(
            version=version,
            number=area_data["number"],
            title=area_data["title"],
            summary=area_data["summary"],
            suggestion=area_data["suggestion"],
        )
        for competence_data in area_data["competences"]:
            competence = Competence.objects.create(
                area=area,
                number=competence_data["number"],
                title=competence_data["title"],
                summary=competence_data["summary"],
            )
            Statement.objects.bulk_create(
                Statement(
                    competence=competence,
                    position=position,
                    level=statement["level"],
                    text=statement["text"],
                    easy_read_text=statement["easy_read_text"],
                )
                for position, statement in enumerate(competence_data["statements"], start=1)
            )


def unload_framework(apps, schema_editor):
    code = json.loads(DATA_FILE.read_text(encoding="utf-8"))["code"]
    apps.get_model("skills", "FrameworkVersion").objects.filter(code=code).delete()


class Migration(migrations.Migration):
    dependencies = [("skills", "0001_framework_and_assessments")]

    operations = [migrations.RunPython(load_framework, unload_framework)]
