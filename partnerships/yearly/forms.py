from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = YearlyDocument
        fields = ["text", "language"]
        widgets = {"text": forms.Textarea(attrs={"rows": 18})}
        help_texts = {"language": _("The language you write the text in.")}
