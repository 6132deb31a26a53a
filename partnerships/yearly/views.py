"""A partnership's yearly plans and reports: open, read, edit, agree, print."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerships.activities.permissions import (
    PartnershipAccess,
    acting_side,
    partnership_access,
)
from partnerships.memoranda.pdf import bilingual_pdf, marked_addresses
from partnerships.memoranda.text import clauses
from partnerships.models import Partnership, YearlyDocument

from . import services
from .forms import YearlyOpenForm, YearlyTextForm
from .permissions import check_readable


def _document(request, pk: int) -> tuple[YearlyDocument, PartnershipAccess]:
    """A document the user may read (a 404 for a draft they may not see)."""
    document = get_object_or_404(YearlyDocument.objects.for_detail(), pk=pk)
    access = partnership_access(request.user, document.partnership)
    check_readable(request.user, access, document)
    return document, access


def _crumbs(document: YearlyDocument, last: str = "") -> list:
    partnership = document.partnership
    crumbs = [
        (_("Municipalities"), reverse("partnerships:municipality-list")),
        (str(partnership), partnership.get_absolute_url()),
    ]
    title = _title(document)
    if last:
        return [*crumbs, (title, document.get_absolute_url()), (last, "")]
    return [*crumbs, (title, "")]


def _title(document: YearlyDocument) -> str:
    return f"{capfirst(document.get_kind_display())} {document.year}"


@login_required
@require_POST
def yearly_open(request, pk: int):
    partnership = get_object_or_404(Partnership.objects.with_parties(), pk=pk)
    acting_side(request.user, partnership)
    form = YearlyOpenForm(request.POST)
    if not form.is_valid():
        errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    document, _new = services.yearly_open(
        partnership=partnership,
        actor=request.user,
        **form.cleaned_data,
    )
    return redirect("partnerships:yearly-edit", pk=document.pk)


def yearly_detail(request, pk: int):
    document, access = _document(request, pk)
    agreements = {agreement.municipality_id: agreement for agreement in document.agreements.all()}
    partnership = document.partnership
    sides = [
        (side, agreements.get(side.pk))
        for side in (partnership.municipality_a, partnership.municipality_b)
    ]
    own = agreements.get(access.side_id) if access.side_id else None
    return render(
        request,
        "partnerships/yearly_detail.html",
        {
            "document": document,
            "partnership": partnership,
            "access": access,
            "sides": sides,
            "uk_column": clauses("uk").column,
            "other_column": clauses(document.language).column,
            "can_agree": access.side_id is not None
            and not (own and own.version == document.version),
            "crumbs": _crumbs(document),
        },
    )


@login_required
def yearly_edit(request, pk: int):
    document, access = _document(request, pk)
    acting_side(request.user, document.partnership, access)
    initial = {"base_version": document.version}
    form = YearlyTextForm(request.POST or None, instance=document, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _saved, changed = services.yearly_save(
                    document=document,
                    texts=services.Texts(
                        form.cleaned_data["text_uk"], form.cleaned_data["text_other"]
                    ),
                    base_version=form.cleaned_data["base_version"],
                    actor=request.user,
                )
            except services.YearlyError as error:
                messages.error(request, str(error))
                return redirect(document)
            if changed:
                messages.success(
                    request, _("Saved as a new version: both sides need to agree to it again.")
                )
            return redirect(document)
        status = 400
    return render(
        request,
        "partnerships/activity_form.html",
        {
            "form": form,
            "partnership": document.partnership,
            "heading": _title(document),
            "columns": True,  # Ukrainian and the second language side by side
            "crumbs": _crumbs(document, _("Edit")),
        },
        status=status,
    )


@login_required
@require_POST
def yearly_agree(request, pk: int):
    document, access = _document(request, pk)
    _access, side = acting_side(request.user, document.partnership, access)
    version = request.POST.get("version", "")
    if not version.isascii() or not version.isdigit() or len(version) > 9:
        return HttpResponse(
            _("The version must be a number."), status=400, content_type="text/plain"
        )
    try:
        agreed = services.yearly_agree(
            document=document, municipality=side, version=int(version), actor=request.user
        )
    except services.YearlyError as error:
        messages.error(request, str(error))
        return redirect(document)
    if agreed.is_agreed:
        messages.success(request, _("Both sides agreed: it is public now."))
    else:
        messages.success(request, _("Your agreement is recorded; the other side is told."))
    return redirect(document)


def yearly_pdf(request, pk: int):
    document, _access = _document(request, pk)
    pdf = bilingual_pdf(
        "partnerships/yearly_pdf.html",
        {
            **_in_both(document),
            "version": document.version,
            "is_draft": not document.is_agreed,
            "is_signed": False,
            "html_uk": marked_addresses(document.text_uk),
            "html_other": marked_addresses(document.text_other),
        },
        language=document.language,
        parties=(document.partnership.municipality_a, document.partnership.municipality_b),
        cache_key=f"yearly-pdf:{document.pk}:v{document.version}",
    )
    filename = f"{document.kind}-{document.year}-{document.pk}-v{document.version}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def _in_both(document: YearlyDocument) -> dict:
    """The title and the agreement line in Ukrainian and in the document's second language."""
    texts = {}
    for key, code in (("uk", "uk"), ("other", document.language)):
        with translation.override(code):
            texts[f"title_{key}"] = _title(document)
            texts[f"agreed_{key}"] = (
                _("Agreed by both sides on %(date)s")
                % {"date": date_format(timezone.localtime(document.agreed_at), "d.m.Y")}
                if document.agreed_at
                else _("Draft: not yet agreed by both sides")
            )
    return texts
