"""The paper-ballot team: organisers give and take the paper-ballot permission, audited."""

import pytest
from django.test import Client
from django.urls import reverse

from samen.budgeting import permissions_channels, selectors_channels, services_paper_team
from samen.core.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_organiser_adds_a_digicoach_who_then_may_enter_paper_ballots(organiser_client):
    coach = UserFactory(email="Coach@Example.test", display_name="Chantal", roles=["digicoach"])
    assert not permissions_channels.can_enter_paper_ballots(coach)

    response = organiser_client.post(
        reverse("budgeting:paper_team"), {"email": "coach@example.TEST", "reason": "Library"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("budgeting:paper_team")
    coach = type(coach).objects.get(pk=coach.pk)  # a fresh object: permissions are cached
    assert permissions_channels.can_enter_paper_ballots(coach)
    page = organiser_client.get(reverse("budgeting:paper_team")).content.decode()
    assert "Chantal may now enter and confirm paper ballots." in page
    assert "<td>coach@example.test</td>" in page
    entry = AuditEntry.objects.get(action="budgeting.paper_team_add")
    assert (entry.target_id, entry.reason) == (str(coach.pk), "Library")


def test_unknown_and_repeated_addresses_are_explained_on_the_field(organiser_client):
    UserFactory(email="coach@example.test", display_name="Chantal", roles=["digicoach"])
    url = reverse("budgeting:paper_team")

    unknown = organiser_client.post(url, {"email": "nobody@example.test", "reason": "x"})
    organiser_client.post(url, {"email": "coach@example.test", "reason": "x"})
    again = organiser_client.post(url, {"email": "coach@example.test", "reason": "x"})

    assert unknown.context["form"].errors["email"] == [
        "No active account has this email address. Ask the person to sign up."
    ]
    assert again.context["form"].errors["email"] == ["Chantal is already on the paper-ballot team."]
    assert AuditEntry.objects.filter(action="budgeting.paper_team_add").count() == 1


def test_removing_someone_takes_the_permission_away(organiser, organiser_client):
    coach = UserFactory(display_name="Chantal", roles=["digicoach"])
    services_paper_team.paper_team_add(actor=organiser, email=coach.email, reason="Library")
    url = reverse("budgeting:paper_team_remove")

    form_page = organiser_client.get(f"{url}?member={coach.pk}").content.decode()
    response = organiser_client.post(url, {"member": str(coach.pk), "reason": "Moved on"})

    assert f'<option value="{coach.pk}" selected>Chantal</option>' in form_page
    assert response.status_code == 302
    assert list(selectors_channels.paper_team()) == []
    coach = type(coach).objects.get(pk=coach.pk)
    assert not permissions_channels.can_enter_paper_ballots(coach)
    assert AuditEntry.objects.filter(action="budgeting.paper_team_remove").count() == 1


def test_only_organisers_manage_the_team(login_verified):
    coach = UserFactory(roles=["digicoach"])
    services_paper_team.paper_team_add(
        actor=UserFactory(roles=["staff", "organiser"]), email=coach.email, reason=""
    )
    client = Client()
    client.force_login(coach)

    assert client.get(reverse("budgeting:paper_team")).status_code == 403
    assert client.post(reverse("budgeting:paper_team_remove"), {}).status_code == 403
    assert Client().get(reverse("budgeting:paper_team")).status_code == 302
