from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from core.uploads import clean_image
from partnerships.choices import CooperationForm
from partnerships.models import CooperationArea, Municipality, Official


class CooperationRequestForm(forms.Form):
    """What the sender writes. The two municipalities never come from the form:
    the sender is the user's own municipality, the partner is in the URL."""

    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of cooperation"),
        queryset=CooperationArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least one."),
    )
    form = forms.ChoiceField(
        label=_("Form of cooperation"),
        choices=CooperationForm.choices,
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Introduce your municipality and say what you propose."),
    )
    contact_person = forms.CharField(
        label=_("Contact person"),
        max_length=200,
        help_text=_("Name, position and how to reach them."),
    )

    def __init__(self, *args, sender: Municipality, target: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.sender, self.target = sender, target
        if not self.is_bound:
            # Suggest the areas where the partner offers what we need, and the other way round.
            ours_needed = {area.pk for area in sender.needs.all()}
            theirs_needed = {area.pk for area in target.needs.all()}
            self.initial.setdefault(
                "areas",
                [area.pk for area in target.offers.all() if area.pk in ours_needed]
                + [area.pk for area in sender.offers.all() if area.pk in theirs_needed],
            )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 20:
            raise forms.ValidationError(_("Write at least a few sentences (20 characters)."))
        return message


class AnswerForm(forms.Form):
    reply = forms.CharField(
        label=_("Reply"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the other municipality with your answer."),
    )


class OfficialApplicationForm(forms.ModelForm):
    class Meta:
        model = Official
        fields = ["position", "work_email", "phone", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "work_email": _("An address at your municipality, so the ministry can check it."),
        }


class MunicipalityProfileForm(forms.ModelForm):
    class Meta:
        model = Municipality
        fields = [
            "description_uk",
            "description_en",
            "offers",
            "needs",
            "website",
            "email",
            "open_to_partners",
            "coat_of_arms",
        ]
        labels = {
            "description_uk": _("Description in Ukrainian"),
            "description_en": _("Description in English"),
        }
        widgets = {
            "description_uk": forms.Textarea(attrs={"rows": 6, "lang": "uk"}),
            "description_en": forms.Textarea(attrs={"rows": 6, "lang": "en"}),
            "offers": forms.CheckboxSelectMultiple,
            "needs": forms.CheckboxSelectMultiple,
            "coat_of_arms": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/webp"}
            ),
        }
        help_texts = {
            "offers": _("What your municipality can share with partners."),
            "needs": _("What your municipality is looking for."),
            "coat_of_arms": _("JPEG, PNG or WebP, up to 5 MB and 4096 × 4096 pixels."),
        }

    def clean_coat_of_arms(self):
        upload = self.cleaned_data.get("coat_of_arms")
        if isinstance(upload, UploadedFile):
            return clean_image(upload)
        return upload
