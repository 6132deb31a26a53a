"""Memorandum pages to read: list, detail, versions, compare, PDF, signed scan.

The actions (edit, agree, sign, publish) are in `actions`.

Reads go through `permissions.memorandum_for_user`, writes through
`services`. A draft is a 404 for anyone who is not a party's
official or staff; anonymous readers are sent to sign in first.
"""

import hashlib
import re
import time
from types import SimpleNamespace
from urllib.parse import quote

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import ListView

from core import caching
from core.caching import cached_render, cached_renders
from partnerships.caching import memorandum_generation
from partnerships.views.requests import describe_actors

from .diff import compare_sections
from .forms import (
    CompareForm,
)
from .models import Memorandum, sections_of
from .pdf import memorandum_pdf
from .permissions import memorandum_for_user


def _readable(request, pk: int, *, public: bool = True, queryset=None):
    """(memorandum, access) for reading; anonymous readers of a non-public page sign in.

    `public=False` for drafts and history: once published, only the signed
    text is public, not how it came about.
    """
    try:
        memorandum, access = memorandum_for_user(request.user, pk, action="view", queryset=queryset)
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


def _version(memorandum: Memorandum, number: int):
    document = memorandum.version_document(number)
    if document is None:
        raise Http404
    return document


def crumbs(memorandum: Memorandum, *extra) -> list:
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


def authored(memorandum: Memorandum, versions) -> list[tuple]:
    """Each version with who saved it, as the partner may see it (`describe_actors`: a
    name or position and municipality, not a personal login e-mail): the list is the
    same for every reader, and cached for all of them."""
    versions = list(versions)
    who = describe_actors(
        (memorandum.party_a, memorandum.party_b),
        [v.history_user for v in versions if v.history_user],
        viewer=AnonymousUser(),
    )
    return [(v, who.get(v.history_user_id, "")) for v in versions]


def cached_parts(request, memorandum: Memorandum, access, *, editable: bool) -> tuple[str, str]:
    """The rendered sections and versions timeline of the current version, in one
    cache read.

    The text changes only with a new version (`services.memorandum_save_section`
    counts it up, and only a save records a version in the history; the admin shows
    the texts read-only), so the version names the entries and a save makes the next
    ones; `created_at` keeps a reused id apart.
    """
    key = (
        f"{memorandum.pk}:{memorandum.created_at.timestamp()}:{memorandum.version}:{get_language()}"
    )
    pieces = [
        (
            f"memorandum-sections:{key}:{int(editable)}",
            "partnerships/memorandum_sections.html",
            lambda: {
                "memorandum": memorandum,
                "sections": sections_of(memorandum.texts_of_version()),
                "editable": editable,
            },
        )
    ]
    if access.can_read:
        # The latest ones only; the full list is a page of its own.
        pieces.append(
            (
                f"memorandum-timeline:{key}",
                "partnerships/memorandum_timeline.html",
                lambda: {
                    "memorandum": memorandum,
                    "versions": authored(memorandum, memorandum.versions()[:SIDEBAR_VERSIONS]),
                },
            )
        )
    sections, *timeline = cached_renders(request, *pieces)
    return sections, (timeline[0] if timeline else "")


@_login_redirect_on_denial
def memorandum_detail(request, pk: int):
    """The memorandum's page. Its main part is rendered once per state of the memorandum
    and reader (`_main_key`) and then read from the cache: a warm request reads the
    user and the memorandum (which checks who may read it) and two cache entries."""
    memorandum, access = _readable(request, pk, queryset=Memorandum.objects.for_reading())
    main = cached_render(
        _main_key(request, memorandum, access),
        "partnerships/memorandum_main.html",
        lambda: {**_main_context(request, memorandum, access), "csrf_token": CSRF_MARK},
        request,
    )
    # The forms' CSRF token is the browser's own: a mark in the cached HTML, filled here,
    # only in the forms' own field (text that readers wrote may contain the mark too, but
    # never unescaped quotes, so it cannot carry the token off in a link).
    main = mark_safe(main.replace(_csrf_field(CSRF_MARK), _csrf_field(get_token(request))))
    crumbs = [
        *([(_("Memoranda"), reverse("partnerships:memorandum-list"))] if access.can_read else []),
        (f"{memorandum.party_a} — {memorandum.party_b}", ""),
    ]
    return render(
        request,
        "partnerships/memorandum_detail.html",
        {"memorandum": memorandum, "main": main, "crumbs": crumbs},
    )


# Stands for the CSRF token in the cached main part (a word no page text contains).
CSRF_MARK = "csrf-token-of-this-request-d41d8cd9"


def _csrf_field(token: str) -> str:
    """The part of `{% csrf_token %}`'s hidden field that holds the token."""
    return f'name="csrfmiddlewaretoken" value="{token}"'


def _main_key(request, memorandum: Memorandum, access) -> str:
    """What the main part shows, named: the memorandum's row (version, status, the publish
    flags and signing date, written with update() too), its agreements, signatures and
    conversation (`partnerships.caching.memorandum_changed`, by its request), the parties'
    names (the registry), the reader's rights and session (the conversation's count of
    new messages is the reader's) and language."""
    registry, state = caching.tokens("registry", memorandum_generation(memorandum.request_id))
    row = (
        memorandum.pk,
        memorandum.created_at.timestamp(),
        memorandum.updated_at.timestamp(),
        memorandum.version,
        memorandum.status,
        memorandum.published_a,
        memorandum.published_b,
        memorandum.signed_on,
    )
    rights = (access.side.pk if access.side else 0, access.is_staff, access.signed)
    # Whoever reads no drafts sees no forms and no conversation: one entry for all of them.
    session = request.session.session_key or "" if access.can_read else ""
    named = repr((row, rights, session, get_language()))
    return f"memorandum-main:{registry}:{state}:{hashlib.sha256(named.encode()).hexdigest()}"


def _main_context(request, memorandum: Memorandum, access) -> dict:
    agreements = {
        party: SimpleNamespace(version=version, at=at)
        for party, (version, at) in memorandum.agreements_by_party().items()
    }
    own_agreement = agreements.get(access.side.pk) if access.side else None
    signatures = memorandum.signatures_by_side()
    own_side = memorandum.side_of(access.side.pk) if access.side else None
    # Once a side has signed, the text it signed stays as it is.
    editable = access.can_edit and not signatures
    sections, timeline = cached_parts(request, memorandum, access, editable=editable)
    return {
        "signature_rows": [
            (party, signatures.get(side))
            for party, side in ((memorandum.party_a, "a"), (memorandum.party_b, "b"))
        ],
        "may_sign_now": access.can_sign and memorandum.is_final and own_side not in signatures,
        "editable": editable,
        "memorandum": memorandum,
        "access": access,
        "sections_html": sections,
        "timeline_html": timeline,
        "agreement_rows": [
            (party, agreements.get(party.pk)) for party in (memorandum.party_a, memorandum.party_b)
        ],
        "may_agree_now": access.can_agree
        and not (own_agreement and own_agreement.version == memorandum.version),
        "own_published": getattr(memorandum, f"published_{own_side}") if own_side else False,
    }


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
            "crumbs": crumbs(memorandum, (_("Version %(n)s") % {"n": version}, "")),
        },
    )


@_login_redirect_on_denial
def memorandum_versions(request, pk: int):
    """Every version, newest first, 50 a page."""
    memorandum, _access = _readable(request, pk, public=False)
    page_obj = Paginator(memorandum.versions(), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "partnerships/memorandum_versions.html",
        {
            "memorandum": memorandum,
            "versions": authored(memorandum, page_obj.object_list),
            "page_obj": page_obj,
            "paginator": page_obj.paginator,
            "numbers": memorandum.version_numbers(),
            "crumbs": crumbs(memorandum, (_("All versions"), "")),
        },
    )


@_login_redirect_on_denial
def memorandum_compare(request, pk: int):
    memorandum, _access = _readable(request, pk, public=False)
    numbers = memorandum.version_numbers()
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
            "crumbs": crumbs(memorandum, (_("Compare versions"), "")),
        },
        status=status,
    )


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
    final = memorandum.is_signed and document.version == memorandum.version
    filename = f"memorandum-{memorandum.pk}-{'signed' if final else f'v{document.version}'}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["Server-Timing"] = f"pdf;dur={elapsed * 1000:.0f}"
    return response


@_login_redirect_on_denial
def memorandum_scan_view(request, pk: int, side: str):
    """One side's signed scan, from private storage, to whoever may read the memorandum."""
    memorandum, _access = _readable(request, pk)
    signature = memorandum.signatures_by_side().get(side)
    if signature is None or not signature.scan:
        raise Http404
    return FileResponse(
        signature.scan.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"memorandum-{memorandum.pk}-signed-{side}.pdf",
    )
