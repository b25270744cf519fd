"""The coordinator dashboard and the skills picture show the demo municipality's figures.

Every number below is worked out by hand from the demo seed (samen/skills/demo_coaching.py
and samen/skills/demo_picture.py), so a change to the seed or to the counting shows here.
"""

import re
from html import unescape

import pytest
from django.urls import reverse

from samen.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_organiser(demo_seeded, client, login_verified):  # type: ignore[no-untyped-def]
    login_verified(client, User.objects.get(email="organiser@demo.samen.test"))
    return client


def _rows(html: str, caption: str) -> list[list[str]]:
    """The body rows of the table with this caption, as lists of cell texts."""
    table = html.split(f">{caption}</caption>", 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [
        [
            unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_the_dashboard_shows_the_demo_coaching_log(demo_organiser):
    html = demo_organiser.get(reverse("skills:coaching_dashboard")).content.decode()

    # Twelve visits; people: the resident (twice) and eight help-card codes, two of them twice.
    assert "<dt>Visits logged</dt><dd>12</dd>" in html
    assert "<dt>Unique people reached</dt><dd>9</dd>" in html
    assert _rows(html, "Sessions per coach") == [["Chantal Jansen", "12", "460"]]
    assert _rows(html, "Sessions per help point") == [
        ["Lindeveld Library", "7", "225"],
        ["Lindeveld Town Hall", "5", "235"],
    ]
    assert _rows(html, "Sessions per topic")[:5] == [
        ["eID and DigiD", "3", "120"],
        ["Email", "2", "65"],
        ["Online tax", "2", "110"],
        ["Scams and safety", "2", "65"],
        ["Smartphone basics", "2", "55"],
    ]
    assert "The parking permit form rejects postcodes with a space" in html


def test_the_dashboard_shows_the_demo_impact_survey_without_small_groups(demo_organiser):
    html = demo_organiser.get(reverse("skills:coaching_dashboard")).content.decode()

    # Eight answers (samen/skills/demo_coaching.py IMPACT); an answer 1 to 4 people gave
    # shows as "fewer than 5".
    assert "8 people answered the survey about visits since" in html
    few = "fewer than 5"
    assert _rows(html, "Did they get the help they came for?") == [
        ["Yes", "5"],
        ["Partly", few],
        ["No", few],
    ]
    assert _rows(html, "Age") == [
        ["Under 18", few],
        ["18 to 34", few],
        ["35 to 54", few],
        ["55 to 64", few],
        ["65 to 74", few],
        ["75 or older", few],
        ["I'd rather not say", "0"],
        ["Not answered", few],
    ]
    assert "<li>The tax website was down.</li>" in html


def test_the_skills_picture_shows_the_demo_departments(demo_organiser):
    html = demo_organiser.get(reverse("skills:picture")).content.decode()

    # Public space, for example: everyone answers "with help" at the foundation level (level 1)
    # and one step stronger in area 5 (level 3); colleagues 2, 4 and 6 are also a step
    # stronger in areas 2, 4 and 1 (level 3 there), so areas 1, 2 and 4 average 8 / 6 = 1.3.
    hidden = "fewer than 5 people"
    assert _rows(html, "Mean level by department and area") == [
        ["Communications", hidden],
        ["Customer services", "6", "2.7", "3.3", "2.7", "2.7", "2.5"],
        ["Finance", "6", "5.0", "3.3", "3.0", "3.3", "5.0"],
        ["Public space", "6", "1.3", "1.3", "1.0", "1.3", "3.0"],
        ["Social domain", "5", "2.0", "3.0", "2.0", "3.0", "2.0"],
        ["Whole organisation", "26", "2.9", "2.9", "2.5", "2.7", "3.3"],
    ]
    assert "3 staff members have not said which department they work in" in html
    areas = [
        "1. Information and data literacy",
        "2. Communication and collaboration",
        "3. Digital content creation",
        "4. Safety",
        "5. Problem solving",
    ]
    assert _rows(html, "Front desk: 5 staff members assessed") == [
        [areas[0], "3", "2.8", "0.2", "4"],
        [areas[1], "3", "3.4", "0.0", "0"],
        [areas[2], "2", "2.8", "0.0", "0"],
        [areas[3], "3", "2.8", "0.2", "3"],
        [areas[4], "2", "2.6", "0.0", "0"],
    ]
    assert _rows(html, "Policy advisor: 7 staff members assessed")[1] == [
        areas[1],
        "4",
        "3.4",
        "0.6",
        "5",
    ]
    # Sander Bakker (customer services) came to two sessions of the past video-call course.
    assert _rows(html, "Staff members at courses, by department") == [
        ["Communications", hidden],
        ["Customer services", "7", "1", "2"],
        ["Finance", "6", "0", "0"],
        ["Public space", "6", "0", "0"],
        ["Social domain", "6", "0", "0"],
    ]
    # Four field workers: the role's section gives no figures.
    field_worker = html.split(">Field worker</h3>", 1)[1].split("<h3", 1)[0]
    assert "fewer than 5 people" in field_worker
    assert "<td>" not in field_worker
