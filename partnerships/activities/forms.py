from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from core.uploads import clean_image
from partnerships.models import Activity, ActivityContribution


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["happened_on", "kind", "title", "description", "language", "link"]
        widgets = {
            "happened_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "language": _("The language you write the title and description in."),
            "link": _("Optional: a page about it, such as a news item on your website."),
        }


class ContributionForm(forms.ModelForm):
    class Meta:
        model = ActivityContribution
        fields = ["note", "photo"]
        widgets = {
            "note": forms.Textarea(attrs={"rows": 3}),
            "photo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }
        help_texts = {"photo": _("JPEG, PNG or WebP, up to 5 MB and 4096 × 4096 pixels.")}

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if isinstance(upload, UploadedFile):
            return clean_image(upload)
        return upload

    def clean(self):
        cleaned = super().clean() or {}
        if not cleaned.get("note", "").strip() and not cleaned.get("photo"):
            raise forms.ValidationError(_("Add a note, a photo or both."))
        return cleaned
