"""Reading hints over HTTP: the JSON endpoint for live hints, and the page that needs no JS."""

import pytest
from django.test import Client
from django.urls import reverse

from samen.inclusion.readability import readability_hints

pytestmark = pytest.mark.django_db

CHECK = reverse("inclusion:readability_check")
PAGE = reverse("inclusion:readability")
LONG = " ".join(["word"] * 25) + "."


def test_the_endpoint_answers_the_same_hints_as_the_service(resident_client):
    response = resident_client.post(CHECK, {"text": LONG, "language": "en"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    expected = readability_hints(LONG, "en", jargon=[]).as_dict()
    assert response.json() == expected
    assert response.json()["hints"] == [
        {
            "kind": "long_sentence",
            "message": "This sentence has 25 words. Try to keep sentences under 20 words.",
            "excerpt": "word word word word word word word word…",
        }
    ]


def test_the_endpoint_refuses_a_post_without_the_csrf_token(resident):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)

    response = client.post(CHECK, {"text": LONG, "language": "en"})

    assert response.status_code == 403


def test_the_endpoint_accepts_the_csrf_token_in_a_header_as_the_script_sends_it(resident):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    client.get(PAGE)  # sets the CSRF cookie, as opening an editor does
    token = client.cookies["csrftoken"].value

    response = client.post(CHECK, {"text": LONG, "language": "en"}, headers={"X-CSRFToken": token})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({}, {"text": ["This field is required."], "language": ["This field is required."]}),
        ({"text": "", "language": "en"}, {"text": ["This field is required."]}),
        (
            {"text": "x" * 20_001, "language": "en"},
            {"text": ["Ensure this value has at most 20000 characters (it has 20001)."]},
        ),
        (
            {"text": "Hello.", "language": "xx"},
            {"language": ["Select a valid choice. xx is not one of the available choices."]},
        ),
        (
            {"text": "Hello.", "language": "en", "is_staff": "1"},
            {"__all__": ["This form does not accept the field “is_staff”. Nothing was saved."]},
        ),
    ],
    ids=["nothing", "empty text", "too long", "unknown language", "unexpected field"],
)
def test_bad_input_gets_400_with_a_clear_message(resident_client, data, errors):
    response = resident_client.post(CHECK, data)

    assert response.status_code == 400
    assert response.json() == {
        "error": "The text could not be checked. Nothing was saved.",
        "errors": errors,
    }


def test_anonymous_visitors_get_a_json_refusal(client):
    response = client.post(CHECK, {"text": LONG, "language": "en"})

    assert response.status_code == 403
    assert response.json() == {"error": "Log in to get reading hints."}


def test_the_endpoint_only_answers_posts(resident_client):
    assert resident_client.get(CHECK).status_code == 405


def test_the_page_shows_hints_without_javascript(resident_client):
    response = resident_client.post(PAGE, {"text": LONG, "language": "en"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Hints for your text" in page
    assert "This sentence has 25 words. Try to keep sentences under 20 words." in page
    assert "<q>word word word word word word word word…</q>" in page


def test_the_page_says_so_when_a_text_reads_well(resident_client):
    response = resident_client.post(PAGE, {"text": "We meet at ten.", "language": "en"})

    page = response.content.decode()
    assert "We found no long sentences, long words or hard words." in page


def test_the_page_marks_its_fields_for_the_live_script(resident_client):
    page = resident_client.get(PAGE).content.decode()

    assert f'data-readability-url="{CHECK}"' in page
    assert 'data-readability-language-from="id_language"' in page
    assert '<script src="/static/inclusion/readability.js" defer></script>' in page


def test_the_page_is_for_members(client):
    response = client.get(PAGE)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={PAGE}"
