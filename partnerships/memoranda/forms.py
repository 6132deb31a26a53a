from typing import TYPE_CHECKING

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import pdf_looks_valid
from partnerships.choices import MemorandumLanguage

from .text import Section

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

BOTH_LANGUAGES_OR_NEITHER = _("Write this clause in both languages, or empty both to leave it out.")

MAX_SCAN_BYTES = 10 * 1024 * 1024
MAX_SECTION_CHARS = 20_000


def _normalise(text: str) -> str:
    # Browsers send \r\n; versions and diffs compare plain \n with no trailing spaces.
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


class SectionTextField(forms.CharField):
    """Normalised before the length check, so it counts what the browser counts: a
    line break is one character in the textarea's maxlength but arrives as \\r\\n."""

    def to_python(self, value):
        text = super().to_python(value)
        return _normalise(text) if text else text


SECOND_TEXT_LABELS: dict[str, "StrOrPromise"] = {
    MemorandumLanguage.ENGLISH: _("English text"),
    MemorandumLanguage.POLISH: _("Polish text"),
    MemorandumLanguage.GERMAN: _("German text"),
    MemorandumLanguage.FRENCH: _("French text"),
}


class SectionForm(forms.Form):
    text_uk = SectionTextField(
        label=_("Ukrainian text"),
        max_length=MAX_SECTION_CHARS,
        widget=forms.Textarea(attrs={"rows": 14, "lang": "uk"}),
    )
    text_other = SectionTextField(
        max_length=MAX_SECTION_CHARS,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    # The version the editor started from; a newer one on save is a conflict.
    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, section: Section, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        # The second column is in the memorandum's second language.
        other = self.fields["text_other"]
        other.label = SECOND_TEXT_LABELS[language]
        other.widget.attrs["lang"] = language
        # A core section needs both texts; an optional clause may be emptied in both.
        self.fields["text_uk"].required = other.required = section.required

    def clean(self):
        cleaned = super().clean()
        text_uk, text_other = cleaned.get("text_uk"), cleaned.get("text_other")
        if text_uk is not None and text_other is not None and bool(text_uk) != bool(text_other):
            raise forms.ValidationError(BOTH_LANGUAGES_OR_NEITHER)
        return cleaned


class AgreeForm(forms.Form):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class PublishForm(forms.Form):
    published = forms.BooleanField(required=False)


class CompareForm(forms.Form):
    """Two existing version numbers; `versions` lists the ones that exist."""

    old = forms.TypedChoiceField(label=_("Compare version"), coerce=int)
    new = forms.TypedChoiceField(label=_("with version"), coerce=int)

    def __init__(self, *args, versions: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(number, number) for number in versions]
        self.fields["old"].choices = choices
        self.fields["new"].choices = choices


class SignForm(forms.Form):
    """One side's signature; `version` is the version the signer read and signs."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    signed_on = forms.DateField(
        label=_("Date of signing"), widget=forms.DateInput(attrs={"type": "date"})
    )
    place = forms.CharField(label=_("Place of signing"), max_length=200)
    signatory_name = forms.CharField(label=_("Signatory's name"), max_length=200)
    signatory_position = forms.CharField(label=_("Signatory's position"), max_length=200)
    scan = forms.FileField(
        label=_("Signed scan"),
        required=False,
        help_text=_("Your side's signed copy: a PDF file of at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_signed_on(self):
        signed_on = self.cleaned_data["signed_on"]
        if signed_on > timezone.localdate():
            raise forms.ValidationError(_("The date of signing cannot be in the future."))
        return signed_on

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        if not scan:
            return None
        if scan.size > MAX_SCAN_BYTES:
            raise forms.ValidationError(
                _("The file is too large: at most 10 MB, and this one is %(size)s MB.")
                % {"size": f"{scan.size / 1024 / 1024:.1f}"}
            )
        if not pdf_looks_valid(scan):
            raise forms.ValidationError(
                _("This file is not a readable PDF. Please upload the scan as a PDF file.")
            )
        return scan
