"""Bad input on every inclusion form: 200, a message linked to its field, nothing saved."""

import pytest
from django.urls import reverse

from samen.core.models import AuditEntry
from samen.inclusion.models import JargonTerm
from tests.http.formcheck import SCRIPT, assert_error_linked, non_field_errors
from tests.inclusion.factories import JargonTermFactory

pytestmark = pytest.mark.django_db

VALID_TERM = {"language": "en", "term": "commence", "suggestion": "start"}
UNEXPECTED = "This form does not accept the field “is_staff”. Nothing was saved."


def snapshot() -> tuple[list[tuple[str, str, str]], int]:
    terms = list(JargonTerm.objects.order_by("pk").values_list("language", "term", "suggestion"))
    return terms, AuditEntry.objects.count()


JARGON_CASES = [
    ("language", {"language": ""}, "This field is required."),
    (
        "language",
        {"language": "xx"},
        "Select a valid choice. xx is not one of the available choices.",
    ),
    ("language", {"language": 7}, "Select a valid choice. 7 is not one of the available choices."),
    ("term", {"term": ""}, "This field is required."),
    ("term", {"term": "w" * 81}, "Ensure this value has at most 80 characters (it has 81)."),
    ("term", {"term": SCRIPT}, "Use words only: letters, numbers, spaces and - ' . & / , ( )."),
    ("term", {"term": 12.5}, None),  # a number is a word here: see the test below
    ("suggestion", {"suggestion": ""}, "This field is required."),
    (
        "suggestion",
        {"suggestion": "s" * 201},
        "Ensure this value has at most 200 characters (it has 201).",
    ),
    (
        "suggestion",
        {"suggestion": SCRIPT},
        "Use words only: letters, numbers, spaces and - ' . & / , ( ).",
    ),
]


@pytest.fixture(params=["create", "edit"])
def jargon_url(request, db) -> str:  # type: ignore[no-untyped-def]
    if request.param == "create":
        return reverse("inclusion:jargon_create")
    term = JargonTermFactory(language="nl", term="derhalve", suggestion="daarom")
    return reverse("inclusion:jargon_edit", kwargs={"term_id": term.pk})


@pytest.mark.parametrize(("field", "change", "message"), [c for c in JARGON_CASES if c[2]])
def test_bad_jargon_input_is_refused_with_a_linked_message(
    organiser_client, jargon_url, field, change, message
):
    before = snapshot()

    response = organiser_client.post(jargon_url, {**VALID_TERM, **change})

    assert response.status_code == 200
    html = response.content.decode()
    assert_error_linked(html, f"id_{field}")
    assert response.context["form"].errors == {field: [message]}
    assert snapshot() == before


def test_a_number_is_a_plain_word_and_is_saved(organiser_client):
    response = organiser_client.post(
        reverse("inclusion:jargon_create"), {**VALID_TERM, "term": 12.5}
    )

    assert response.status_code == 302
    assert JargonTerm.objects.get().term == "12.5"


def test_an_unexpected_field_on_the_jargon_form_saves_nothing(organiser_client, jargon_url):
    before = snapshot()

    response = organiser_client.post(jargon_url, {**VALID_TERM, "is_staff": "1"})

    assert response.status_code == 200
    assert non_field_errors(response.content.decode()) == [UNEXPECTED]
    assert snapshot() == before


def test_an_unexpected_field_on_the_remove_button_removes_nothing(organiser_client):
    term = JargonTermFactory()
    before = snapshot()

    response = organiser_client.post(
        reverse("inclusion:jargon_delete", kwargs={"term_id": term.pk}), {"is_staff": "1"}
    )

    assert response.status_code == 200
    assert non_field_errors(response.content.decode()) == [UNEXPECTED]
    assert snapshot() == before


SAMPLE_CASES = [
    ("kind", {"kind": ""}, "This field is required."),
    (
        "kind",
        {"kind": "ballot"},
        "Select a valid choice. ballot is not one of the available choices.",
    ),
    (
        "kind",
        {"kind": SCRIPT},
        f"Select a valid choice. {SCRIPT} is not one of the available choices.",
    ),
    ("language", {"language": ""}, "This field is required."),
    (
        "language",
        {"language": "x" * 300},
        f"Select a valid choice. {'x' * 300} is not one of the available choices.",
    ),
    ("language", {"language": 3}, "Select a valid choice. 3 is not one of the available choices."),
]


@pytest.mark.parametrize(("field", "change", "message"), SAMPLE_CASES)
def test_bad_sample_letter_input_gives_the_form_back(organiser_client, field, change, message):
    response = organiser_client.post(
        reverse("inclusion:letter_sample"),
        {"kind": "voting_invitation", "language": "nl", **change},
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert_error_linked(response.content.decode(), f"id_{field}")
    assert response.context["form"].errors == {field: [message]}
    assert SCRIPT not in response.content.decode()


def test_an_unexpected_field_on_the_sample_letter_form_gives_no_letter(organiser_client):
    response = organiser_client.post(
        reverse("inclusion:letter_sample"),
        {"kind": "voting_invitation", "language": "nl", "is_staff": "1"},
    )

    assert response.status_code == 200
    assert non_field_errors(response.content.decode()) == [UNEXPECTED]


CHECK_CASES = [
    ("text", {"text": ""}, "This field is required."),
    (
        "text",
        {"text": "t" * 20_001},
        "Ensure this value has at most 20000 characters (it has 20001).",
    ),
    (
        "language",
        {"language": "zz"},
        "Select a valid choice. zz is not one of the available choices.",
    ),
    ("language", {"language": ""}, "This field is required."),
]


@pytest.mark.parametrize(("field", "change", "message"), CHECK_CASES)
def test_bad_input_on_the_readability_page(resident_client, field, change, message):
    response = resident_client.post(
        reverse("inclusion:readability"), {"text": "Hello.", "language": "en", **change}
    )

    assert response.status_code == 200
    assert_error_linked(response.content.decode(), f"id_{field}")
    assert response.context["form"].errors == {field: [message]}
    assert response.context["hints"] is None


def test_markup_in_a_text_to_check_comes_back_escaped(resident_client):
    response = resident_client.post(
        reverse("inclusion:readability"), {"text": SCRIPT + " " + "x " * 30, "language": "en"}
    )

    assert response.status_code == 200
    assert SCRIPT not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()


def test_an_unexpected_field_on_the_readability_page(resident_client):
    response = resident_client.post(
        reverse("inclusion:readability"), {"text": "Hello.", "language": "en", "is_staff": "1"}
    )

    assert response.status_code == 200
    assert non_field_errors(response.content.decode()) == [UNEXPECTED]
