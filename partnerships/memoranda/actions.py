"""Memorandum actions: edit a section, agree to a version, sign for one side, publish.

Each view asks `permissions.memorandum_for_user` for the action and writes
through `services`; a refused step comes back as a message, never a 500.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerships.choices import MemorandumStatus
from partnerships.models import Official

from .diff import compare_sections
from .forms import AgreeForm, PublishForm, SectionForm, SignForm
from .permissions import memorandum_for_user
from .services import (
    MemorandumConflict,
    MemorandumError,
    memorandum_agree,
    memorandum_save_section,
    memorandum_set_published,
)
from .signing import ALREADY_SIGNED, SignatureDetails, memorandum_sign, sign_refusal
from .text import SECTIONS_BY_KEY, heading, numbering
from .views import crumbs


@login_required
def memorandum_section_edit(request, pk: int, section: str):
    memorandum, _access = memorandum_for_user(request.user, pk, action="edit")
    if section not in SECTIONS_BY_KEY:
        raise Http404
    meta = SECTIONS_BY_KEY[section]
    conflict, their_changes, status = None, [], 200
    if request.method == "POST":
        form = SectionForm(request.POST, section=meta, language=memorandum.language)
        if form.is_valid():
            try:
                memorandum, changed = memorandum_save_section(
                    memorandum=memorandum,
                    section=section,
                    text_uk=form.cleaned_data["text_uk"],
                    text_other=form.cleaned_data["text_other"],
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
                form = SectionForm(data, section=meta, language=memorandum.language)
                form.is_valid()
                their_changes = [
                    row
                    for row in compare_sections(
                        memorandum.version_document(base) or memorandum, memorandum
                    )
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
                        % {"heading": _heading(meta, memorandum), "v": memorandum.version},
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
            language=memorandum.language,
            initial={
                "text_uk": getattr(memorandum, f"{section}_uk"),
                "text_other": getattr(memorandum, f"{section}_other"),
                "base_version": memorandum.version,
            },
        )
    number = numbering(memorandum)[section]
    title = (
        _("Edit section %(n)s") % {"n": number}
        if number
        else _("Write the clause “%(heading)s”") % {"heading": _heading(meta, memorandum)}
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
            "current_other": getattr(memorandum, f"{section}_other"),
            "heading_other": heading(section, memorandum.language),
            "crumbs": crumbs(memorandum, (title, "")),
        },
        status=status,
    )


def _heading(section, memorandum) -> str:
    """The heading in the reader's language if it is the memorandum's second one."""
    language = memorandum.language if get_language() == memorandum.language else "uk"
    return heading(section.key, language)


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
        if memorandum.status == MemorandumStatus.FINAL:
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
    """One side records its signature of the agreed version."""
    memorandum, access = memorandum_for_user(request.user, pk, action="sign")
    side = access.side
    if side is None:  # can_sign already holds this; said again for the type checker
        raise PermissionDenied
    status = 200
    own = memorandum.signatures.filter(side=memorandum.side_of(side.pk)).first()
    if request.method == "POST":
        form = SignForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                memorandum, partnership = memorandum_sign(
                    memorandum=memorandum,
                    municipality=side,
                    version=data["version"],
                    details=SignatureDetails(
                        signed_on=data["signed_on"],
                        place=data["place"],
                        signatory_name=data["signatory_name"],
                        signatory_position=data["signatory_position"],
                        scan=data["scan"],
                    ),
                    actor=request.user,
                )
            except MemorandumError as error:
                messages.error(request, str(error))
                return redirect(memorandum)
            messages.success(
                request,
                _(
                    "Both sides have signed: the memorandum is in force and the partnership is on both profiles."
                )
                if partnership is not None
                else _(
                    "Your signature is recorded. The memorandum is signed once the other side signs too."
                ),
            )
            return redirect(memorandum)
        status = 400
    else:
        refusal = (
            ALREADY_SIGNED if own is not None else sign_refusal(memorandum, memorandum.version)
        )
        if refusal:
            messages.error(request, refusal)
            return redirect(memorandum)
        form = SignForm(
            initial={
                "version": memorandum.version,
                "signatory_name": request.user.get_full_name(),
                "signatory_position": _official_position(request.user, side),
            }
        )
    return render(
        request,
        "partnerships/memorandum_sign.html",
        {
            "memorandum": memorandum,
            "form": form,
            "side": side,
            "crumbs": crumbs(memorandum, (_("Sign the memorandum"), "")),
        },
        status=status,
    )


def _official_position(user, municipality) -> str:
    official = Official.objects.approved().filter(user=user, municipality=municipality).first()
    return official.position if official else ""


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
