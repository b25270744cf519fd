"""Form plumbing shared by every app: accessible errors and refusal of unexpected fields."""

from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext as _

# Names that browsers or our own templates send along with any form.
ALWAYS_ALLOWED_FIELDS = frozenset({"csrfmiddlewaretoken", "next", "action"})


class SamenBoundField(forms.BoundField):
    """Link each field's error message to its input, so screen readers read it (WCAG 3.3.1)."""

    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors and not self.use_fieldset:
            described = attrs.get("aria-describedby", "")
            error_id = f"{self.auto_id}_error"
            if error_id not in described.split():
                attrs["aria-describedby"] = f"{described} {error_id}".strip()
        return attrs


class SamenFormRenderer(DjangoTemplates):
    bound_field_class = SamenBoundField


class StrictFormMixin:
    """Reject fields the form does not know, instead of silently ignoring them.

    A post that carries `is_staff` or `email_verified_at` is either a bug or an attack; telling
    the sender beats pretending it worked.
    """

    extra_allowed_fields: frozenset[str] = frozenset()

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        if self.is_bound:  # type: ignore[attr-defined]
            known = set(self.fields) | ALWAYS_ALLOWED_FIELDS | self.extra_allowed_fields  # type: ignore[attr-defined]
            prefix = self.prefix  # type: ignore[attr-defined]
            for name in sorted(self.data):  # type: ignore[attr-defined]
                bare = name.removeprefix(f"{prefix}-") if prefix else name
                if bare not in known:
                    raise forms.ValidationError(
                        _("This form does not accept the field “%(name)s”. Nothing was saved."),
                        code="unexpected_field",
                        params={"name": name[:40]},
                    )
        return cleaned


class SamenForm(StrictFormMixin, forms.Form):
    pass


class SamenModelForm(StrictFormMixin, forms.ModelForm):
    pass
