"""Content translation: organisers translate titles and descriptions; pages fall back with lang."""

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from samen.core.models import AuditEntry
from samen.inclusion.models import ContentTranslation
from samen.inclusion.services_translation import content_translations_save
from samen.inclusion.translation import translated_text, translations_prefetch
from tests.budgeting.factories import process_in, proposal
from tests.factories import UserFactory
from tests.skills.factories import HelpPointFactory
from tests.skills.factories_courses import course_with_sessions

pytestmark = pytest.mark.django_db


def _translate(obj, **texts):  # type: ignore[no-untyped-def]
    """`_translate(process, title__nl="…")` through the service, as an organiser."""
    pairs = {tuple(key.split("__")): text for key, text in texts.items()}
    return content_translations_save(actor=UserFactory(roles=["organiser"]), obj=obj, texts=pairs)


def test_the_translation_shows_in_its_language_and_the_source_elsewhere():
    process = process_in(title="Lindeveld decides")
    _translate(process, title__nl="Lindeveld beslist")
    assert translated_text(process, "title", "nl").text == "Lindeveld beslist"
    assert translated_text(process, "title", "en").text == "Lindeveld decides"
    fallback = translated_text(process, "title", "de")
    assert (fallback.text, fallback.language, fallback.is_fallback) == (
        "Lindeveld decides",
        "en",
        True,
    )


def test_the_tag_marks_a_fallback_with_its_language():
    process = process_in(title="Lindeveld decides")
    _translate(process, title__nl="Lindeveld beslist")
    template = Template(
        '{% load content_translation %}{% translated process "title" %}|'
        '{% translated process "description" as d %}<div{{ d.lang_attr }}>{{ d.text }}</div>'
    )
    with translation.override("nl"):
        dutch = template.render(Context({"process": process}))
    with translation.override("fr"):
        french = template.render(Context({"process": process_in(title="<b>Bold</b>")}))
    assert dutch == (
        'Lindeveld beslist|<div lang="en">Residents decide how to spend €100,000.</div>'
    )
    assert french.startswith('<span lang="en">&lt;b&gt;Bold&lt;/b&gt;</span>|')


def test_a_list_loads_its_translations_in_one_query(django_assert_num_queries):  # type: ignore[no-untyped-def]
    processes = [process_in(title=f"Process {n}") for n in range(3)]
    for process in processes:
        _translate(process, title__da=f"Proces {process.pk}")
    with django_assert_num_queries(1):  # content types are cached, so: the translations
        translations_prefetch(processes, "da")
        titles = [translated_text(process, "title", "da").text for process in processes]
    assert titles == [f"Proces {process.pk}" for process in processes]


def test_saving_updates_removes_and_audits_only_changes():
    process = process_in()
    assert _translate(process, title__nl="Een", description__fr="Une") == [
        "description:fr",
        "title:nl",
    ]
    assert _translate(process, title__nl="Een", description__fr="") == ["description:fr"]
    assert list(ContentTranslation.objects.values_list("field", "language", "text")) == [
        ("title", "nl", "Een")
    ]
    assert _translate(process, title__nl="  Een ") == []
    assert AuditEntry.objects.filter(action="inclusion.content_translations_save").count() == 2


def test_the_organiser_translates_on_the_management_page_and_residents_see_it(login_verified):  # type: ignore[no-untyped-def]
    process = process_in(title="Lindeveld decides")
    idea = proposal(process, title="Benches in the park")
    client = login_verified(Client(), UserFactory(roles=["staff", "organiser"]))
    url = reverse(
        "inclusion:translation_edit", kwargs={"kind": "budgeting.proposal", "object_id": idea.pk}
    )
    response = client.post(
        url, {"title__nl": "Bankjes in het park", "description__de": "Drei Bänke am Teich."}
    )
    assert response["Location"] == url
    resident = Client()
    with translation.override("nl"):
        detail = reverse(
            "budgeting:proposal_detail", kwargs={"process_id": process.pk, "proposal_id": idea.pk}
        )
    page = resident.get(detail).content.decode()
    assert "<h1>Bankjes in het park</h1>" in page
    assert '<div lang="en"><p>Three benches near the pond.</p></div>' in page
    assert '<span lang="en">Lindeveld decides</span>' in page  # the breadcrumb falls back


def test_help_points_show_translated_names_and_descriptions():
    HelpPointFactory(name="Library", description="Ask at the desk.")
    point = HelpPointFactory(name="Town hall", description="Second floor.")
    _translate(point, name__fr="Mairie")
    with translation.override("fr"):
        page = Client().get(reverse("skills:coaching")).content.decode()
    assert f'<h3 id="point-{point.pk}">Mairie</h3>' in page
    assert '<p lang="en">Second floor.</p>' in page
    assert '<span lang="en">Library</span>' in page


def test_too_long_translation_is_refused_with_the_field_named(login_verified):  # type: ignore[no-untyped-def]
    process = process_in()
    client = login_verified(Client(), UserFactory(roles=["staff", "organiser"]))
    url = reverse(
        "inclusion:translation_edit", kwargs={"kind": "budgeting.process", "object_id": process.pk}
    )
    response = client.post(url, {"title__nl": "x" * 151, "description__nl": "Goed."})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "title__nl": ["Ensure this value has at most 150 characters (it has 151)."]
    }
    assert 'aria-describedby="id_title__nl_error"' in response.content.decode()
    assert not ContentTranslation.objects.exists()


def test_unknown_kinds_and_objects_are_not_found_and_residents_are_refused(login_verified):  # type: ignore[no-untyped-def]
    process = process_in()
    client = login_verified(Client(), UserFactory(roles=["staff", "organiser"]))
    for kind, object_id in (("accounts.user", 1), ("budgeting.process", 999_999)):
        url = reverse("inclusion:translation_edit", kwargs={"kind": kind, "object_id": object_id})
        assert client.get(url).status_code == 404
    resident = Client()
    resident.force_login(UserFactory())
    url = reverse(
        "inclusion:translation_edit", kwargs={"kind": "budgeting.process", "object_id": process.pk}
    )
    assert resident.get(url).status_code == 403


def test_markup_in_a_translation_is_kept_as_text_and_escaped():
    process = process_in()
    _translate(process, title__nl="<script>alert(1)</script>")
    with translation.override("nl"):
        page = Client().get(reverse("budgeting:process_list")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_courses_show_translated_titles_and_fall_back_with_lang():
    course = course_with_sessions(3, title="Email for beginners", description="Learn email.")
    _translate(course, title__de="E-Mail für Anfänger")
    with translation.override("de"):
        listing = Client().get(reverse("skills:course_list")).content.decode()
        detail = Client().get(reverse("skills:course_detail", args=[course.pk])).content.decode()
    assert "E-Mail für Anfänger</a></h2>" in listing
    assert "<h1>E-Mail für Anfänger</h1>" in detail
    assert '<div lang="en"><p>Learn email.</p></div>' in detail
