from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.submit_once import SubmitKeyField
from core.uploads import clean_image
from partnerships.models import Activity, ActivityContribution

PHOTO_HINT = _("JPEG, PNG or WebP, up to 5 MB and 4096 × 4096 pixels.")
PHOTO_ACCEPT = {"accept": "image/jpeg,image/png,image/webp"}


def _checked_photo(form: forms.BaseForm):
    """Every photo goes through core.uploads: identified, verified, re-encoded."""
    upload = form.cleaned_data.get("photo")
    if isinstance(upload, UploadedFile):
        return clean_image(upload)
    return upload


class ActivityForm(forms.ModelForm):
    """Recording an activity (with the form's one-time key) and correcting it (without)."""

    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=PHOTO_HINT,
        widget=forms.ClearableFileInput(attrs=PHOTO_ACCEPT),
    )
    submit_key = SubmitKeyField()

    class Meta:
        model = Activity
        fields = ["happened_on", "kind", "title", "description", "language", "link"]
        widgets = {
            "happened_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "language": _("The language you write the title and description in."),
            "link": _("Optional: a page about it, such as a news item on your website."),
        }

    def __init__(self, *args, own_photos=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # correcting: no key, and the side's own photos to take away
            del self.fields["submit_key"]
            self.fields["photo"].label = _("Add a photo")
            if own_photos:
                self.fields["remove_photos"] = PhotoChoices(
                    label=_("Remove your photos"),
                    queryset=own_photos,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )

    def clean_photo(self):
        return _checked_photo(self)


class PhotoChoices(forms.ModelMultipleChoiceField):
    """The side's own photos, each named by when it was added (and its note)."""

    def label_from_instance(self, obj) -> str:
        added = _("Photo added on %(date)s") % {
            "date": date_format(timezone.localtime(obj.created_at), "d.m.Y")
        }
        return f"{added}: {obj.note[:60]}" if obj.note else str(added)


class ContributionForm(forms.ModelForm):
    submit_key = SubmitKeyField()

    class Meta:
        model = ActivityContribution
        fields = ["note", "photo"]
        widgets = {
            "note": forms.Textarea(attrs={"rows": 3}),
            "photo": forms.ClearableFileInput(attrs=PHOTO_ACCEPT),
        }
        help_texts = {"photo": PHOTO_HINT}

    def clean_photo(self):
        return _checked_photo(self)

    def clean(self):
        cleaned = super().clean() or {}
        if not cleaned.get("note", "").strip() and not cleaned.get("photo"):
            raise forms.ValidationError(_("Add a note, a photo or both."))
        return cleaned
