from decimal import Decimal
from typing import cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import DomainNameValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.uploads import clean_image
from partnerships.choices import CooperationForm
from partnerships.models import CooperationArea, Municipality, MunicipalityProposal, Official
from partnerships.models.official import APPLICATION_FIELDS
from partnerships.models.proposal import PROPOSED_FIELDS


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


class MunicipalityProposalForm(forms.ModelForm):
    """A foreign municipality that is not in the registry, and the application to act for it."""

    latitude = forms.DecimalField(
        label=_("Latitude"),
        min_value=-90,
        max_value=90,
        help_text=_("Decimal degrees, north positive: Paris is 48.85660."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        min_value=-180,
        max_value=180,
        help_text=_("Decimal degrees, east positive, west negative: Paris is 2.35222."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )

    class Meta:
        model = MunicipalityProposal
        fields = [*PROPOSED_FIELDS, *APPLICATION_FIELDS]
        labels = {
            "name": _("Name in English"),
            "name_native": _("Name in the native language"),
            "country": _("Country"),
            "region_name": _("Region or province"),
            "website": _("Official website"),
            "email_domain": _("Official e-mail domain"),
            "population": _("Population"),
            "position": pgettext_lazy("job title", "Your position"),
            "work_email": _("Your work e-mail"),
            "phone": _("Phone"),
            "note": _("Note for the ministry"),
            "language": _("Language of e-mails to you"),
        }
        help_texts = {
            "name": _("As it is written in English, e.g. Saint-Maur-des-Fossés."),
            "name_native": _("If it differs from the English name, e.g. Kraków for Krakow."),
            "region_name": _("Region, province, state or department."),
            "website": _("The municipality's own website, e.g. https://www.example.fr."),
            "email_domain": _("The part after @ in the municipality's addresses, e.g. example.fr."),
            "population": _("Inhabitants, a whole number."),
            "work_email": _(
                "Your address at the official e-mail domain, so the ministry can check it."
            ),
            "note": _(
                "Anything that helps the ministry verify you. If your work e-mail is not at "
                "the official domain, say why."
            ),
        }
        widgets = {
            "note": forms.Textarea(attrs={"rows": 4}),
            "population": forms.NumberInput(attrs={"min": 1}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ukrainian communities are all in the registry already.
        country = cast(forms.ChoiceField, self.fields["country"])
        country.choices = [(code, name) for code, name in country.choices if code != "UA"]

    def municipality_part(self) -> list:
        return [self[name] for name in self.Meta.fields[:9]]

    def applicant_part(self) -> list:
        return [self[name] for name in self.Meta.fields[9:]]

    def clean_country(self):
        country = self.cleaned_data["country"]
        if country == "UA":
            raise forms.ValidationError(
                _("Ukrainian communities are all in the registry: find yours in the directory.")
            )
        return country

    def clean_email_domain(self):
        domain = self.cleaned_data["email_domain"].strip().lower()
        # Applicants paste an address or a link as often as a bare domain.
        domain = domain.rpartition("@")[2]
        domain = domain.split("://")[-1].split("/")[0].removeprefix("www.").rstrip(".")
        try:
            DomainNameValidator(accept_idna=True)(domain)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Enter a domain such as example.fr, without @ or https://.")
            ) from None
        if "." not in domain:
            raise forms.ValidationError(
                _("Enter a domain such as example.fr, without @ or https://.")
            )
        return domain

    def clean_population(self):
        population = self.cleaned_data["population"]
        if population is not None and population < 1:
            raise forms.ValidationError(_("Enter the number of inhabitants, at least 1."))
        return population

    def clean_latitude(self):
        return self.cleaned_data["latitude"].quantize(Decimal("0.00001"))

    def clean_longitude(self):
        return self.cleaned_data["longitude"].quantize(Decimal("0.00001"))

    def clean(self):
        cleaned = super().clean() or {}
        domain, email = cleaned.get("email_domain"), cleaned.get("work_email")
        if domain and email and not cleaned.get("note", "").strip():
            email_domain = email.rpartition("@")[2].lower()
            if email_domain != domain and not email_domain.endswith(f".{domain}"):
                self.add_error(
                    "work_email",
                    _(
                        "This address is not at %(domain)s. Use your address at the "
                        "municipality's domain, or say in the note why you cannot: the "
                        "ministry checks that you work there."
                    )
                    % {"domain": domain},
                )
        return cleaned
