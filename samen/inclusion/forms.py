"""Inclusion forms, and the mixin that gives any editor form readability hints."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from samen.core.forms import SamenForm, SamenModelForm
from samen.inclusion.letters import LetterKind
from samen.inclusion.models import JargonTerm
from samen.inclusion.readability import Hints, readability_hints

MAX_CHECK_CHARACTERS = 20_000


@dataclass(frozen=True)
class FieldHints:
    """The hints for one field of a form, with the field's label and id for linking."""

    name: str
    label: str
    field_id: str
    hints: Hints


class ReadabilityHintsMixin:
    """Readability hints for the fields in `readability_fields`, which never block saving.

    Declare `readability_fields = ("description",)` on a SamenForm or SamenModelForm. Then:

    - `form.readability_hints()` gives a `FieldHints` per field with advice, computed from
      what was posted (valid or not) or else from the initial values, so a view can show
      them on save without JavaScript: pass them to `inclusion/_readability_hints.html`, or
      call `readability_messages(request, form)` before redirecting;
    - each field's widget carries `data-readability-url`, so `inclusion/readability.js`
      (include `inclusion/_readability_assets.html` in the page's head) shows hints live.

    The text's language is the active language, or the value of the field named in
    `readability_language_field` (a form that edits content in a chosen language).
    """

    readability_fields: tuple[str, ...] = ()
    readability_language_field: str | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = reverse("inclusion:readability_check")
        for name in self.readability_fields:
            attrs = self.fields[name].widget.attrs  # type: ignore[attr-defined]
            attrs["data-readability-url"] = url
            attrs["data-readability-language"] = get_language() or settings.LANGUAGE_CODE
            attrs["data-readability-heading"] = _("Reading hints. You can still save.")
            attrs["data-readability-count"] = _("Reading hints: %(count)s")
            if self.readability_language_field:
                bound = self[self.readability_language_field]  # type: ignore[index]
                attrs["data-readability-language-from"] = bound.auto_id

    def readability_language(self) -> str:
        name = self.readability_language_field
        if name:
            value = str(self._readability_value(name))
            if value in dict(settings.LANGUAGES):
                return value
        return get_language() or settings.LANGUAGE_CODE

    def _readability_value(self, name: str) -> Any:
        if self.is_bound:  # type: ignore[attr-defined]
            return self.data.get(self.add_prefix(name), "")  # type: ignore[attr-defined]
        return self[name].value() or ""  # type: ignore[index]

    def readability_hints(self) -> list[FieldHints]:
        """Hints for each readability field whose text has any advice, in field order."""
        language = self.readability_language()
        found: list[FieldHints] = []
        for name in self.readability_fields:
            text = self._readability_value(name)
            if not isinstance(text, str):
                continue
            hints = readability_hints(text[:MAX_CHECK_CHARACTERS], language)
            if hints.has_advice:
                bound = self[name]  # type: ignore[index]
                found.append(FieldHints(name, str(bound.label), bound.auto_id, hints))
        return found


def readability_messages(request: HttpRequest, form: ReadabilityHintsMixin) -> int:
    """Add each hint as an info message, to show on the page after a redirect. Returns how many."""
    count = 0
    for field in form.readability_hints():
        advice = [item.message for item in field.hints.items]
        if field.hints.score is not None and not field.hints.score.easy_enough:
            advice.insert(0, field.hints.score.message)
        for message in advice:
            messages.info(
                request,
                _("Reading hint for “%(field)s”: %(message)s")
                % {"field": field.label, "message": message},
            )
            count += 1
    return count


class JargonTermForm(ReadabilityHintsMixin, SamenModelForm):
    readability_fields = ("suggestion",)
    readability_language_field = "language"

    class Meta:
        model = JargonTerm
        fields = ("language", "term", "suggestion")
        widgets = {
            "term": forms.TextInput(attrs={"autocomplete": "off"}),
            "suggestion": forms.TextInput(attrs={"autocomplete": "off"}),
        }


class ConfirmForm(SamenForm):
    """A button with nothing else: only the CSRF token may come with it."""


class ReadabilityCheckForm(ReadabilityHintsMixin, SamenForm):
    readability_fields = ("text",)
    readability_language_field = "language"

    language = forms.ChoiceField(
        label=gettext_lazy("Language of the text"), choices=settings.LANGUAGES
    )
    text = forms.CharField(
        label=gettext_lazy("Your text"),
        max_length=MAX_CHECK_CHARACTERS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy("Paste or type the text. Nothing is saved."),
    )


class SampleLetterForm(SamenForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("Which letter"), choices=LetterKind.choices, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the letter"), choices=settings.LANGUAGES
    )
