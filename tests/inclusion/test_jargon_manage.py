"""The jargon list's management pages: add, edit and remove, each audited; who may use them."""

import pytest
from django.test import Client
from django.urls import reverse

from samen.core.models import AuditEntry
from samen.inclusion.models import JargonTerm
from tests.factories import UserFactory
from tests.inclusion.factories import JargonTermFactory

pytestmark = pytest.mark.django_db

LIST = reverse("inclusion:jargon_list")
CREATE = reverse("inclusion:jargon_create")


def edit_url(term: JargonTerm) -> str:
    return reverse("inclusion:jargon_edit", kwargs={"term_id": term.pk})


def delete_url(term: JargonTerm) -> str:
    return reverse("inclusion:jargon_delete", kwargs={"term_id": term.pk})


def test_an_organiser_adds_a_word_and_the_audit_log_records_it(organiser_client, organiser):
    response = organiser_client.post(
        CREATE, {"language": "nl", "term": "derhalve", "suggestion": "daarom"}
    )

    assert response.status_code == 302
    assert response["Location"] == LIST
    term = JargonTerm.objects.get()
    assert (term.language, term.term, term.suggestion) == ("nl", "derhalve", "daarom")
    entry = AuditEntry.objects.get()
    assert entry.actor == organiser
    assert entry.action == "inclusion.jargon_term_create"
    assert entry.target_type == "inclusion.JargonTerm"
    assert entry.target_id == str(term.pk)
    assert entry.data == {"language": "nl", "term": "derhalve", "suggestion": "daarom"}
    listing = organiser_client.get(LIST).content.decode()
    assert "The word is added to the list." in listing
    assert "derhalve" in listing


def test_an_organiser_edits_a_word_and_the_audit_log_keeps_before_and_after(
    organiser_client, organiser
):
    term = JargonTermFactory(language="en", term="commence", suggestion="begin")

    response = organiser_client.post(
        edit_url(term), {"language": "en", "term": "commence", "suggestion": "start"}
    )

    assert response.status_code == 302
    term.refresh_from_db()
    assert term.suggestion == "start"
    entry = AuditEntry.objects.get(action="inclusion.jargon_term_update")
    assert entry.actor == organiser
    assert entry.data == {
        "before": {"language": "en", "term": "commence", "suggestion": "begin"},
        "after": {"language": "en", "term": "commence", "suggestion": "start"},
    }


def test_an_organiser_removes_a_word_after_confirming(organiser_client, organiser):
    term = JargonTermFactory(language="fr", term="modalités", suggestion="comment faire")
    term_id = term.pk

    confirm = organiser_client.get(delete_url(term))
    assert confirm.status_code == 200
    assert "Remove “modalités”" in confirm.content.decode()
    assert JargonTerm.objects.filter(pk=term_id).exists()

    response = organiser_client.post(delete_url(term))

    assert response.status_code == 302
    assert not JargonTerm.objects.filter(pk=term_id).exists()
    entry = AuditEntry.objects.get(action="inclusion.jargon_term_delete")
    assert (entry.actor, entry.target_id, entry.target_label) == (
        organiser,
        str(term_id),
        "modalités",
    )
    assert entry.data == {"language": "fr", "term": "modalités", "suggestion": "comment faire"}


def test_the_same_word_twice_in_one_language_is_refused_whatever_its_case(organiser_client):
    JargonTermFactory(language="de", term="gemäß", suggestion="nach")
    audit_before = AuditEntry.objects.count()

    response = organiser_client.post(
        CREATE, {"language": "de", "term": "Gemäß", "suggestion": "laut"}
    )

    assert response.status_code == 200
    assert "This word is already on the list for this language." in response.content.decode()
    assert JargonTerm.objects.count() == 1
    assert AuditEntry.objects.count() == audit_before


def test_the_same_word_in_another_language_is_fine(organiser_client):
    JargonTermFactory(language="de", term="konform", suggestion="passend")

    response = organiser_client.post(
        CREATE, {"language": "nl", "term": "konform", "suggestion": "volgens"}
    )

    assert response.status_code == 302
    assert JargonTerm.objects.count() == 2


def test_reading_hints_on_the_suggestion_appear_after_saving_and_never_block_it(organiser_client):
    response = organiser_client.post(
        CREATE,
        {"language": "en", "term": "utilise", "suggestion": "use, not telecommunications"},
        follow=True,
    )

    assert response.status_code == 200
    assert JargonTerm.objects.filter(term="utilise").exists()
    page = response.content.decode()
    assert "The word is added to the list." in page
    assert (
        "Reading hint for “Plainer words”: “telecommunications” is a long word (18 letters). "
        "Is there a shorter, everyday word?"
    ) in page.replace("&ldquo;", "“").replace("&rdquo;", "”")


def test_the_list_needs_the_same_queries_however_long_it_is(
    organiser_client, django_assert_num_queries
):
    JargonTermFactory(language="en")
    organiser_client.get(LIST)  # warm the session and the user's groups
    with django_assert_num_queries(5) as few:
        organiser_client.get(LIST)
    for _ in range(10):
        JargonTermFactory(language="nl")
    with django_assert_num_queries(len(few.captured_queries)):
        response = organiser_client.get(LIST)
    assert response.content.decode().count("<tr>") == 12  # header and 11 rows


@pytest.mark.parametrize(
    "name", ["inclusion:manage", "inclusion:jargon_list", "inclusion:jargon_create"]
)
def test_residents_and_moderators_may_not_manage_the_list(name, login_verified):
    resident = Client()
    resident.force_login(UserFactory(roles=["resident"]))
    moderator = login_verified(Client(), UserFactory(roles=["staff", "moderator"]))
    admin = login_verified(Client(), UserFactory(roles=["staff", "admin"]))

    assert resident.get(reverse(name)).status_code == 403
    assert moderator.get(reverse(name)).status_code == 403
    assert admin.get(reverse(name)).status_code == 200


def test_a_resident_cannot_add_edit_or_remove_words(resident_client):
    term = JargonTermFactory()

    assert (
        resident_client.post(CREATE, {"language": "en", "term": "x", "suggestion": "y"}).status_code
        == 403
    )
    assert (
        resident_client.post(
            edit_url(term), {"language": "en", "term": "x", "suggestion": "y"}
        ).status_code
        == 403
    )
    assert resident_client.post(delete_url(term)).status_code == 403
    term.refresh_from_db()
    assert JargonTerm.objects.count() == 1
    assert not AuditEntry.objects.exclude(action="inclusion.jargon_term_create").exists()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={LIST}"


def test_an_organiser_must_pass_the_second_factor_first(organiser):
    client = Client()
    client.force_login(organiser)

    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"] == (
        f"{reverse('accounts:two_factor_enrol')}?next=%2Fen%2Finclusion%2Fmanage%2Fjargon%2F"
    )


def test_editing_a_missing_word_is_not_found(organiser_client):
    response = organiser_client.get(reverse("inclusion:jargon_edit", kwargs={"term_id": 999_999}))

    assert response.status_code == 404
