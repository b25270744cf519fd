"""Forms for delivery news (organisers), following a project (residents) and importing a
Pabulib file (organisers)."""

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samen.accounts.forms import no_markup
from samen.budgeting.forms import reason_field
from samen.budgeting.forms_manage import _date_field
from samen.budgeting.importing import MAX_UPLOAD_BYTES
from samen.budgeting.models import DeliveryStatus
from samen.core.forms import SamenForm


class StatusUpdateForm(SamenForm):
    status = forms.ChoiceField(
        label=_("Status"), choices=DeliveryStatus.choices, widget=forms.RadioSelect
    )
    published_on = _date_field(_("Date of this update"))
    text = reason_field(
        _("What is happening"),
        help_text=_("Everyone can read this, and followers get it by email. Use plain language."),
    )


class StatusUpdateChangeForm(StatusUpdateForm):
    reason = forms.CharField(
        label=_("Why you correct this update"),
        max_length=500,
        help_text=_("For the audit log; the public does not see it."),
        validators=[no_markup],
    )


class MilestoneForm(SamenForm):
    title = forms.CharField(
        label=_("Milestone"),
        max_length=150,
        help_text=_("For example “Benches ordered” or “Opening day”."),
        validators=[no_markup],
    )
    due_on = _date_field(_("Due date"))
    done_on = _date_field(_("Done on"), required=False)

    def __init__(self, *args: Any, deletable: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if deletable:
            self.fields["remove"] = forms.BooleanField(
                label=_("Remove this milestone"), required=False
            )


class FollowForm(SamenForm):
    """Following, or no longer following, a project: only the button is posted."""


class ImportForm(SamenForm):
    file = forms.FileField(
        label=_("Pabulib file (.pb)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pb,text/plain,text/csv"}),
        error_messages={
            "required": _("Choose a .pb file to import."),
            "empty": _("The file is empty."),
        },
    )
    publish = forms.BooleanField(label=_("Show the imported process to the public"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "A .pb file as published on pabulib.org, at most %(size)d MB."
        ) % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".pb"):
            raise forms.ValidationError(
                _("Choose a file whose name ends in .pb."), code="file_type"
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)},
                code="file_size",
            )
        return upload
