"""The demo seed: jargon lists, an assisted session and some translations, each added once."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from samen.core.models import AuditEntry
from samen.inclusion import demo
from samen.inclusion.models import JargonTerm

pytestmark = pytest.mark.django_db


def test_the_seed_adds_a_jargon_list_for_every_language_once(demo_seeded):
    # The whole demo (this seed included), then this seed alone on an empty jargon list.
    JargonTerm.objects.all().delete()
    audited = AuditEntry.objects.count()

    assert demo.seed() == ["inclusion: 26 jargon terms added"]
    assert demo.seed() == []

    counts = {
        language: JargonTerm.objects.filter(language=language).count()
        for language in ("en", "nl", "da", "de", "fr")
    }
    assert counts == {"en": 6, "nl": 5, "da": 5, "de": 5, "fr": 5}
    assert AuditEntry.objects.count() == audited + 26
    assert set(
        AuditEntry.objects.filter(action="inclusion.jargon_term_create").values_list(
            "actor_label", flat=True
        )
    ) == {"organiser@demo.samen.test"}


def test_seed_demo_runs_the_inclusion_seed(demo_report):
    assert "inclusion: 26 jargon terms added" in demo_report


def test_the_seed_adds_an_assisted_session_and_translations_once(demo_report):
    first = demo_report
    assert "inclusion: 1 assisted session added" in first
    assert "inclusion: 2 objects translated" in first
    assert demo.seed_assisted() == []
    assert demo.seed_translations() == []
    with translation.override("nl"):
        page = Client().get(reverse("skills:coaching")).content.decode()
    assert "Bibliotheek Lindeveld</h3>" in page
