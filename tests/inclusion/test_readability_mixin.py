"""ReadabilityHintsMixin on any Samen form: hints from what was posted, never a validation error."""

import pytest
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

from samen.core.forms import SamenForm
from samen.inclusion.forms import FieldHints, ReadabilityHintsMixin

pytestmark = pytest.mark.django_db
LONG = " ".join(["word"] * 22) + "."
LONG_HINT = "This sentence has 22 words. Try to keep sentences under 20 words."


class IdeaForm(ReadabilityHintsMixin, SamenForm):
    readability_fields = ("summary", "description")

    title = forms.CharField(max_length=10)
    summary = forms.CharField(label="Summary", required=False)
    description = forms.CharField(label="Description", widget=forms.Textarea)


def test_hints_do_not_make_a_form_invalid():
    form = IdeaForm({"title": "Benches", "summary": LONG, "description": LONG})

    assert form.is_valid()
    assert form.errors == {}
    found = form.readability_hints()
    assert [(hint.name, hint.label, hint.field_id) for hint in found] == [
        ("summary", "Summary", "id_summary"),
        ("description", "Description", "id_description"),
    ]
    assert [item.message for item in found[0].hints.items] == [LONG_HINT]


def test_an_invalid_form_still_gets_hints_for_what_was_typed():
    form = IdeaForm({"title": "A title that is too long", "description": LONG})

    assert not form.is_valid()
    assert [hint.name for hint in form.readability_hints()] == ["description"]


def test_fields_that_read_well_get_no_entry():
    form = IdeaForm({"title": "Benches", "summary": "", "description": "We want benches."})

    assert form.readability_hints() == []


def test_an_unbound_form_checks_its_initial_text():
    form = IdeaForm(initial={"description": LONG})

    assert [hint.name for hint in form.readability_hints()] == ["description"]


def test_the_widgets_carry_what_the_live_script_needs():
    attrs = IdeaForm().fields["description"].widget.attrs

    assert attrs["data-readability-url"] == reverse("inclusion:readability_check")
    assert attrs["data-readability-language"] == "en"
    assert attrs["data-readability-heading"] == "Reading hints. You can still save."
    assert attrs["data-readability-count"] == "Reading hints: %(count)s"
    assert "data-readability-url" not in IdeaForm().fields["title"].widget.attrs


def test_the_hints_partial_links_each_field():
    found: list[FieldHints] = IdeaForm({"description": LONG}).readability_hints()

    html = render_to_string("inclusion/_readability_hints.html", {"readability": found})

    assert '<h3><a href="#id_description">Description</a></h3>' in html
    assert f"<li>{LONG_HINT} <q>word word word word word word word word…</q></li>" in html
    assert "These are only hints. You do not have to follow them." in html
