"""Memorandum pages: read, edit a section, compare versions, agree, sign, PDF.

Reads go through `permissions.memorandum_for_user`, writes through
`services`. A draft is a 404 for anyone who is not a party's
official or staff; anonymous readers are sent to sign in first.
"""

import re
import time
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from .diff import compare_sections
from .forms import (
    AgreeForm,
    CompareForm,
    PublishForm,
    SectionForm,
    SignForm,
)
from .models import Memorandum, sections_of
from .pdf import memorandum_pdf
from .permissions import memorandum_for_user
from .services import (
    MemorandumConflict,
    MemorandumError,
    memorandum_agree,
    memorandum_save_section,
    memorandum_set_published,
    memorandum_sign,
)
from .text import SECTIONS_BY_KEY, numbering


def _readable(request, pk: int, *, public: bool = True):
    """(memorandum, access) for reading; anonymous readers of a non-public page sign in.

    `public=False` for drafts and history: once published, only the signed
    text is public, not how it came about.
    """
    try:
        memorandum, access = memorandum_for_user(request.user, pk, action="view")
        if not public and not access.can_read:
            raise Http404
        return memorandum, access
    except Http404:
        if not request.user.is_authenticated:
            raise _LoginRequired from None
        raise


class _LoginRequired(Exception):
    pass


def _login_redirect_on_denial(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


SIDEBAR_VERSIONS = 10


def _versions(memorandum: Memorandum):
    """The text versions, newest first, with their authors (a queryset: slice it)."""
    return (
        memorandum.history.select_related("history_user")
        .only(
            "history_id",
            "id",
            "version",
            "history_date",
            "history_user__username",
            "history_user__email",
            "history_user__first_name",
            "history_user__last_name",
        )
        .order_by("-version", "-history_date")
    )


def _version_numbers(memorandum: Memorandum) -> list[int]:
    return sorted(set(memorandum.history.values_list("version", flat=True)))


def _version(memorandum: Memorandum, number: int):
    document = memorandum.history.filter(version=number).order_by("-history_date").first()
    if document is None:
        raise Http404
    return document


def _crumbs(memorandum: Memorandum, *extra) -> list:
    return [
        (_("Memoranda"), reverse("partnerships:memorandum-list")),
        (f"{memorandum.party_a} — {memorandum.party_b}", memorandum.get_absolute_url()),
        *extra,
    ]


class MemorandumListView(ListView):
    template_name = "partnerships/memorandum_list.html"
    context_object_name = "memoranda"
    paginate_by = 20

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Memorandum.objects.visible_to(self.request.user).with_parties()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = [(_("Memoranda"), "")]
        return context


@_login_redirect_on_denial
def memorandum_detail(request, pk: int):
    memorandum, access = _readable(request, pk)
    agreements = {a.municipality_id: a for a in memorandum.agreements.select_related("user")}
    agreement_rows = [
        (party, agreements.get(party.pk)) for party in (memorandum.party_a, memorandum.party_b)
    ]
    own_agreement = agreements.get(access.side.pk) if access.side else None
    context = {
        "memorandum": memorandum,
        "access": access,
        "sections": sections_of(memorandum),
        "agreement_rows": agreement_rows,
        "may_agree_now": access.can_agree
        and not (own_agreement and own_agreement.version == memorandum.version),
        # The latest ones only; the full list is a page of its own.
        "versions": list(_versions(memorandum)[:SIDEBAR_VERSIONS]) if access.can_read else [],
        "own_published": getattr(memorandum, f"published_{memorandum.side_of(access.side.pk)}")
        if access.side
        else False,
        "crumbs": [
            *(
                [(_("Memoranda"), reverse("partnerships:memorandum-list"))]
                if access.can_read
                else []
            ),
            (f"{memorandum.party_a} — {memorandum.party_b}", ""),
        ],
    }
    return render(request, "partnerships/memorandum_detail.html", context)


@_login_redirect_on_denial
def memorandum_version(request, pk: int, version: int):
    memorandum, _access = _readable(request, pk, public=False)
    document = _version(memorandum, version)
    return render(
        request,
        "partnerships/memorandum_version.html",
        {
            "memorandum": memorandum,
            "document": document,
            "sections": sections_of(document),
            "crumbs": _crumbs(memorandum, (_("Version %(n)s") % {"n": version}, "")),
        },
    )


@_login_redirect_on_denial
def memorandum_versions(request, pk: int):
    """Every version, newest first, 50 a page."""
    memorandum, _access = _readable(request, pk, public=False)
    page_obj = Paginator(_versions(memorandum), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "partnerships/memorandum_versions.html",
        {
            "memorandum": memorandum,
            "versions": page_obj.object_list,
            "page_obj": page_obj,
            "paginator": page_obj.paginator,
            "numbers": _version_numbers(memorandum),
            "crumbs": _crumbs(memorandum, (_("All versions"), "")),
        },
    )


@_login_redirect_on_denial
def memorandum_compare(request, pk: int):
    memorandum, _access = _readable(request, pk, public=False)
    numbers = _version_numbers(memorandum)
    data = (
        request.GET
        if request.GET
        else {
            "old": max(memorandum.version - 1, 1),
            "new": memorandum.version,
        }
    )
    form = CompareForm(data, versions=numbers)
    status, rows, old, new = 200, [], None, None
    if form.is_valid():
        old = _version(memorandum, form.cleaned_data["old"])
        new = _version(memorandum, form.cleaned_data["new"])
        rows = compare_sections(old, new)
    else:
        status = 400
    return render(
        request,
        "partnerships/memorandum_compare.html",
        {
            "memorandum": memorandum,
            "form": form,
            "rows": rows,
            "old": old,
            "new": new,
            "crumbs": _crumbs(memorandum, (_("Compare versions"), "")),
        },
        status=status,
    )


@login_required
def memorandum_section_edit(request, pk: int, section: str):
    memorandum, _access = memorandum_for_user(request.user, pk, action="edit")
    if section not in SECTIONS_BY_KEY:
        raise Http404
    meta = SECTIONS_BY_KEY[section]
    conflict, their_changes, status = None, [], 200
    if request.method == "POST":
        form = SectionForm(request.POST, section=meta)
        if form.is_valid():
            try:
                memorandum, changed = memorandum_save_section(
                    memorandum=memorandum,
                    section=section,
                    text_uk=form.cleaned_data["text_uk"],
                    text_en=form.cleaned_data["text_en"],
                    base_version=form.cleaned_data["base_version"],
                    actor=request.user,
                )
            except MemorandumConflict as error:
                # Keep what the user typed; move the form onto the newest version so
                # a second save (after reading their change) goes through.
                conflict = str(error)
                base = form.cleaned_data["base_version"]
                memorandum = error.memorandum
                data = request.POST.copy()
                data["base_version"] = str(memorandum.version)
                form = SectionForm(data, section=meta)
                form.is_valid()
                their_changes = [
                    row
                    for row in compare_sections(_version_or_none(memorandum, base), memorandum)
                    if row["changed"]
                ]
                status = 409
            except MemorandumError as error:
                messages.error(request, str(error))
                return redirect(memorandum)
            else:
                number = numbering(memorandum)[section]
                if number is None and (
                    changed or form.cleaned_data["base_version"] != memorandum.version
                ):
                    messages.success(
                        request,
                        _("“%(heading)s” is left out of the memorandum from version %(v)s.")
                        % {"heading": _heading(meta), "v": memorandum.version},
                    )
                elif changed:
                    messages.success(
                        request,
                        _("Section %(n)s saved as version %(v)s.")
                        % {"n": number, "v": memorandum.version},
                    )
                elif form.cleaned_data["base_version"] != memorandum.version:
                    # A second click on "Save", or the same text saved meanwhile.
                    messages.success(
                        request,
                        _("Section %(n)s is saved as version %(v)s.")
                        % {"n": number, "v": memorandum.version},
                    )
                else:
                    messages.info(request, _("Nothing changed, so no new version was made."))
                return redirect(f"{memorandum.get_absolute_url()}#section-{section}")
        else:
            status = 400
    else:
        form = SectionForm(
            section=meta,
            initial={
                "text_uk": getattr(memorandum, f"{section}_uk"),
                "text_en": getattr(memorandum, f"{section}_en"),
                "base_version": memorandum.version,
            },
        )
    number = numbering(memorandum)[section]
    title = (
        _("Edit section %(n)s") % {"n": number}
        if number
        else _("Write the clause “%(heading)s”") % {"heading": _heading(meta)}
    )
    return render(
        request,
        "partnerships/memorandum_section_form.html",
        {
            "memorandum": memorandum,
            "section": meta,
            "number": number,
            "title": title,
            "form": form,
            "conflict": conflict,
            "their_changes": their_changes,
            "current_uk": getattr(memorandum, f"{section}_uk"),
            "current_en": getattr(memorandum, f"{section}_en"),
            "crumbs": _crumbs(memorandum, (title, "")),
        },
        status=status,
    )


def _heading(section) -> str:
    return section.heading_en if get_language() == "en" else section.heading_uk


def _version_or_none(memorandum: Memorandum, number: int):
    document = memorandum.history.filter(version=number).order_by("-history_date").first()
    return document if document is not None else memorandum


@login_required
@require_POST
def memorandum_agree_view(request, pk: int):
    memorandum, access = memorandum_for_user(request.user, pk, action="agree")
    form = AgreeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the version you agree to."))
        return redirect(memorandum)
    try:
        memorandum = memorandum_agree(
            memorandum=memorandum,
            municipality=access.side,
            version=form.cleaned_data["version"],
            actor=request.user,
        )
    except MemorandumError as error:
        messages.error(request, str(error))
    else:
        if memorandum.status == "final":
            messages.success(
                request,
                _("Both sides agreed to version %(v)s: the memorandum is final.")
                % {"v": memorandum.version},
            )
        else:
            messages.success(
                request,
                _("You agreed to version %(v)s. Waiting for the other side.")
                % {"v": memorandum.version},
            )
    return redirect(memorandum)


@login_required
def memorandum_sign_view(request, pk: int):
    memorandum, _access = memorandum_for_user(request.user, pk, action="sign")
    status = 200
    if request.method == "POST":
        form = SignForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                memorandum_sign(
                    memorandum=memorandum,
                    signed_on=form.cleaned_data["signed_on"],
                    place=form.cleaned_data["place"],
                    scan=form.cleaned_data["scan"],
                    actor=request.user,
                )
            except MemorandumError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("The memorandum is marked signed and the partnership is recorded."),
                )
            return redirect(memorandum)
        status = 400
    else:
        if memorandum.status != "final":
            messages.error(
                request,
                _("Both sides must agree to the same version before the memorandum is signed.")
                if not memorandum.is_signed
                else _("The memorandum has already been marked signed."),
            )
            return redirect(memorandum)
        form = SignForm()
    return render(
        request,
        "partnerships/memorandum_sign.html",
        {
            "memorandum": memorandum,
            "form": form,
            "crumbs": _crumbs(memorandum, (_("Mark as signed"), "")),
        },
        status=status,
    )


@login_required
@require_POST
def memorandum_publish_view(request, pk: int):
    memorandum, access = memorandum_for_user(request.user, pk, action="publish")
    form = PublishForm(request.POST)
    form.is_valid()
    published = bool(form.cleaned_data.get("published"))
    try:
        memorandum = memorandum_set_published(
            memorandum=memorandum, municipality=access.side, published=published
        )
    except MemorandumError as error:
        messages.error(request, str(error))
        return redirect(memorandum)
    if published:
        messages.success(
            request,
            _("Your side agrees to publish the signed text.")
            if not memorandum.is_public
            else _("Both sides agreed: the signed text is public."),
        )
    else:
        messages.success(request, _("Your side keeps the text private."))
    return redirect(memorandum)


@_login_redirect_on_denial
def memorandum_pdf_view(request, pk: int):
    """The current text (public once published) or, with ?version=N, a draft version."""
    raw_version = request.GET.get("version")
    memorandum, _access = _readable(request, pk, public=raw_version is None)
    document = memorandum
    if raw_version is not None:
        # ASCII digits only: str.isdigit() also accepts "²" or "١", which int() refuses
        # or reads as another number; nine digits keep it inside the database integer.
        if not re.fullmatch(r"[0-9]{1,9}", raw_version):
            return HttpResponse(
                _("The version must be a number."), status=400, content_type="text/plain"
            )
        if int(raw_version) != memorandum.version:
            document = _version(memorandum, int(raw_version))
    started = time.perf_counter()
    pdf = memorandum_pdf(memorandum, document)
    elapsed = time.perf_counter() - started
    filename = f"memorandum-{memorandum.pk}-v{document.version}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["Server-Timing"] = f"pdf;dur={elapsed * 1000:.0f}"
    return response


@_login_redirect_on_denial
def memorandum_scan_view(request, pk: int):
    memorandum, _access = _readable(request, pk)
    if not memorandum.signed_scan:
        raise Http404
    response = FileResponse(
        memorandum.signed_scan.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"memorandum-{memorandum.pk}-signed.pdf",
    )
    return response
