from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.choices import MemorandumLanguage
from partnerships.models import YearlyDocument

from .models import YearlyKind

# A plan or report is for a year the partnership can have lived: from the first year the
# portal records partnerships in, to the next year (a plan is drafted ahead).
FIRST_YEAR = 1950


class YearlyOpenForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=YearlyKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR)

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year + 1:
            raise forms.ValidationError(_("A plan or report can be for next year at the latest."))
        return year


class YearlyTextForm(forms.ModelForm):
    """Both columns: Ukrainian and the partner's language; either side may write either."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = YearlyDocument
        fields = ["text_uk", "text_other"]
        widgets = {
            "text_uk": forms.Textarea(attrs={"rows": 18, "lang": "uk"}),
            "text_other": forms.Textarea(attrs={"rows": 18}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = self.instance.language
        self.fields["text_other"].label = _("Text in the second language (%(language)s)") % {
            "language": MemorandumLanguage(language).label
        }
        self.fields["text_other"].widget.attrs["lang"] = language
        self.fields["text_uk"].label = _("Text in Ukrainian")

    def clean(self):
        cleaned = super().clean() or {}
        if (
            not (cleaned.get("text_uk") or "").strip()
            and not (cleaned.get("text_other") or "").strip()
        ):
            raise forms.ValidationError(_("Write the text in at least one of the languages."))
        return cleaned
