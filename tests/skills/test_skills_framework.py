"""The DigComp 2.2 framework is loaded by migration, complete, attributed and translatable."""

import json
from collections import Counter

import pytest

from samen.skills import framework_strings, selectors
from samen.skills.framework_text import DATA_DIR, strings_of
from samen.skills.models import (
    Area,
    Competence,
    FrameworkVersion,
    LevelGroup,
    ProficiencyLevel,
    Statement,
)

pytestmark = pytest.mark.django_db


def test_migration_loads_one_current_version_with_attribution_and_source():
    version = FrameworkVersion.objects.get()

    assert (version.code, version.name, version.is_current) == ("digcomp-2.2", "DigComp 2.2", True)
    assert version.attribution == (
        "Based on DigComp 2.2: The Digital Competence Framework for Citizens. "
        "© European Union, 2022 (Joint Research Centre). Licensed under CC BY 4.0."
    )
    assert version.licence == "CC BY 4.0"
    assert version.licence_url == "https://creativecommons.org/licenses/by/4.0/"
    assert version.source_url == "https://publications.jrc.ec.europa.eu/repository/handle/JRC128415"
    assert "written for Samen in plain language" in version.changes_note
    assert selectors.current_version() == version


def test_five_areas_and_twenty_one_competences_numbered_as_in_digcomp():
    areas = selectors.framework_areas(version=selectors.current_version())

    assert [area.title for area in areas] == [
        "Information and data literacy",
        "Communication and collaboration",
        "Digital content creation",
        "Safety",
        "Problem solving",
    ]
    assert [len(area.competences.all()) for area in areas] == [3, 6, 4, 4, 4]
    assert Competence.objects.count() == 21
    assert Competence.objects.get(area__number=4, number=2).title == (
        "Protecting personal data and privacy"
    )
    assert Competence.objects.select_related("area").get(area__number=5, number=4).code == "5.4"


def test_eight_levels_in_four_groups_of_two():
    levels = ProficiencyLevel.objects.order_by("number")

    assert [level.number for level in levels] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert [level.group for level in levels] == [
        LevelGroup.FOUNDATION,
        LevelGroup.FOUNDATION,
        LevelGroup.INTERMEDIATE,
        LevelGroup.INTERMEDIATE,
        LevelGroup.ADVANCED,
        LevelGroup.ADVANCED,
        LevelGroup.HIGHLY_SPECIALISED,
        LevelGroup.HIGHLY_SPECIALISED,
    ]


def test_every_competence_has_three_statements_from_foundation_to_advanced():
    for competence in Competence.objects.prefetch_related("statements"):
        statements = list(competence.statements.all())
        assert [s.level for s in statements] == [2, 4, 6], competence.code
        assert [s.position for s in statements] == [1, 2, 3]
        assert all(s.text.startswith(("I can ", "I know ")) for s in statements)
    assert Statement.objects.count() == 63


def test_every_foundation_statement_has_an_easy_read_version():
    foundation = Statement.objects.filter(level=2)

    assert foundation.count() == 21
    assert foundation.filter(easy_read_text="").count() == 0


def test_the_json_file_and_the_database_agree():
    data = json.loads((DATA_DIR / "digcomp_2_2.json").read_text(encoding="utf-8"))

    assert len(data["areas"]) == Area.objects.count() == 5
    assert Counter(len(a["competences"]) for a in data["areas"]) == Counter({4: 3, 3: 1, 6: 1})
    assert sorted(Statement.objects.values_list("text", flat=True)) == sorted(
        s["text"] for a in data["areas"] for c in a["competences"] for s in c["statements"]
    )


def test_framework_strings_module_lists_every_sentence_of_the_json_for_translators():
    expected: list[str] = []
    for path in sorted(DATA_DIR.glob("*.json")):
        expected += strings_of(json.loads(path.read_text(encoding="utf-8")))

    assert list(framework_strings.STRINGS) == expected
    assert len(expected) == 158  # 2 notes, 8 levels, 15 area, 42 competence, 91 statement
