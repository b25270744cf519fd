"""Easy-read: the template tags follow the viewer's preference; only checked text gets the mark."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from samen.core.preferences import Preferences
from tests.inclusion.leaflet import Leaflet

CHECKED_AT = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
MARK = '<span class="easy-read-badge__mark">Easy-read</span>'
CHECKED_SENTENCE = (
    "People with learning disabilities checked this text. That is why it has the easy-read mark."
)
UNCHECKED_SENTENCE = (
    "This is the easy-read version. People with learning disabilities have not checked it yet."
)


def leaflet(easy: str = "", checked: bool = False) -> Leaflet:
    return Leaflet(
        title="Bins",
        body="Residual waste is collected fortnightly.\n\nSeparate <b>glass</b>.",
        easy_read_text=easy,
        easy_read_checked_by_experts=checked,
        easy_read_checked_at=CHECKED_AT if checked else None,
    )


def render(source: str, obj: Leaflet, easy_read: bool) -> str:
    request = RequestFactory().get("/en/")
    request.samen_preferences = Preferences(easy_read=easy_read)  # type: ignore[attr-defined]
    template = Template("{% load easy_read %}" + source)
    return template.render(Context({"request": request, "obj": obj})).strip()


def test_easy_read_text_is_shown_when_the_viewer_wants_it_and_it_exists():
    obj = leaflet(easy="We take away the rubbish.\nEvery two weeks.")

    html = render('{% easy_read obj "body" %}', obj, easy_read=True)

    assert html == "<p>We take away the rubbish.<br>Every two weeks.</p>"


def test_the_normal_text_is_shown_when_the_viewer_has_easy_read_off():
    obj = leaflet(easy="We take away the rubbish.")

    html = render('{% easy_read obj "body" %}', obj, easy_read=False)

    assert html == (
        "<p>Residual waste is collected fortnightly.</p>\n\n"
        "<p>Separate &lt;b&gt;glass&lt;/b&gt;.</p>"
    )


def test_the_normal_text_is_shown_when_there_is_no_easy_read_version():
    html = render('{% easy_read obj "body" %}', leaflet(easy="  "), easy_read=True)

    assert html.startswith("<p>Residual waste is collected fortnightly.</p>")


def test_easy_read_text_is_escaped():
    html = render('{% easy_read obj "body" %}', leaflet(easy="<script>x</script>"), True)

    assert html == "<p>&lt;script&gt;x&lt;/script&gt;</p>"


def test_the_tag_can_store_its_result_in_a_variable():
    html = render('{% easy_read obj "body" as text %}[{{ text }}]', leaflet(easy="Easy."), True)

    assert html == "[<p>Easy.</p>]"


def test_checked_easy_read_text_carries_the_mark_and_says_why():
    html = render("{% easy_read_badge obj %}", leaflet(easy="Easy.", checked=True), True)

    assert MARK in html
    assert CHECKED_SENTENCE in html
    assert 'title="' not in html  # the reason is a sentence, not a tooltip


def test_unchecked_easy_read_text_never_carries_the_mark():
    html = render("{% easy_read_badge obj %}", leaflet(easy="Easy."), True)

    assert MARK not in html
    assert html == f'<p class="easy-read-note">{UNCHECKED_SENTENCE}</p>'


def test_viewers_with_easy_read_off_are_told_a_version_exists():
    html = render("{% easy_read_badge obj %}", leaflet(easy="Easy.", checked=True), False)

    assert MARK not in html
    assert "This text also has an easy-read version." in html
    assert f'<a href="{reverse("core:preferences")}">' in html


def test_there_is_no_badge_or_note_without_an_easy_read_version():
    assert render("{% easy_read_badge obj %}", leaflet(), True) == ""
    assert render("{% easy_read_badge obj %}", leaflet(), False) == ""


def test_the_has_easy_read_filter():
    assert render("{{ obj|has_easy_read }}", leaflet(easy="Easy."), False) == "True"
    assert render("{{ obj|has_easy_read }}", leaflet(), False) == "False"


def test_text_cannot_be_marked_checked_without_easy_read_text():
    obj = leaflet(checked=True)

    with pytest.raises(ValidationError) as error:
        obj.clean()

    assert error.value.message_dict == {
        "easy_read_checked_by_experts": ["There is no easy-read text to check yet."]
    }


def test_a_check_needs_a_date():
    obj = leaflet(easy="Easy.", checked=True)
    obj.easy_read_checked_at = None

    with pytest.raises(ValidationError) as error:
        obj.clean()

    assert error.value.message_dict == {"easy_read_checked_at": ["Say when the text was checked."]}


# --------------------------------------------------------------------------- the built-in pages

EASY_READ_PAGES = {
    "inclusion:easy_read_index": "Easy-read pages",
    "inclusion:easy_read_how_to_vote": "How to vote",
    "inclusion:easy_read_how_to_get_help": "How to get help",
    "inclusion:easy_read_how_the_skills_check_works": "How the skills check works",
}
IMG = re.compile(r"<img\b([^>]*)>")
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "title"), EASY_READ_PAGES.items())
def test_easy_read_pages_are_open_to_everyone_with_one_h1(client, name, title):
    response = client.get(reverse(name))

    assert response.status_code == 200
    page = response.content.decode()
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", page) == [title]


@pytest.mark.django_db
@pytest.mark.parametrize("name", EASY_READ_PAGES)
def test_every_picture_has_alt_text_a_size_and_loads_lazily(client, name):
    images = [
        dict(ATTR.findall(attrs))
        for attrs in IMG.findall(client.get(reverse(name)).content.decode())
    ]

    assert len(images) >= 3
    for image in images:
        assert image["alt"].strip(), image
        assert (image["width"], image["height"], image["loading"]) == ("96", "96", "lazy")
        path = image["src"].removeprefix("/static/")
        assert finders.find(path), f"{path} is not a static file"


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(EASY_READ_PAGES)[1:])
def test_built_in_pages_say_they_are_not_checked_yet_and_carry_no_mark(client, name):
    page = client.get(reverse(name)).content.decode()

    assert "People with learning disabilities have not checked it yet." in page
    assert MARK not in page


def test_every_pictogram_has_its_licence_recorded():
    folder = Path(finders.find("inclusion/LICENCES.md")).parent  # type: ignore[arg-type]
    licences = (folder / "LICENCES.md").read_text()
    pictograms = sorted(path.name for path in (folder / "pictograms").glob("*.svg"))

    assert len(pictograms) == 20
    for name in pictograms:
        assert f"`pictograms/{name}`" in licences, name
