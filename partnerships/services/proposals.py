"""Foreign municipalities proposed by their officials, and the ministry's decisions on them."""

import re
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.text import normalise_for_search
from partnerships import notifications
from partnerships.choices import MunicipalityKind, OfficialStatus
from partnerships.models import Municipality, MunicipalityProposal, Official, ProposalStatus

# Names at least this alike (0..1, difflib's ratio on normalised names) are shown
# to staff as possible duplicates.
SIMILAR_NAME_RATIO = 0.8


class ProposalError(Exception):
    """str(error) is a message for the user."""


def refusal_for(user) -> str | None:
    """Why this user cannot propose a municipality now, or None if they can."""
    current = Official.objects.active().filter(user=user).select_related("municipality").first()
    if current is not None:
        return str(
            _(
                "You already have an application for %(name)s (%(status)s). A user acts for one "
                "municipality only."
            )
            % {"name": current.municipality.name, "status": current.get_status_display()}
        )
    if MunicipalityProposal.objects.pending().filter(user=user).exists():
        return str(
            _("You already proposed a municipality; the ministry has not decided on it yet.")
        )
    return None


def proposal_create(
    *,
    user,
    name: str,
    country: str,
    website: str,
    email_domain: str,
    population: int,
    latitude: Decimal,
    longitude: Decimal,
    position: str,
    work_email: str,
    name_native: str = "",
    region_name: str = "",
    phone: str = "",
    note: str = "",
    language: str = "en",
) -> MunicipalityProposal:
    """Record a proposal; refused while the user has an active official record or a
    pending proposal. Staff are told by e-mail after commit."""
    try:
        with transaction.atomic():
            # The user's row serialises their own submissions: the check below and the
            # insert cannot interleave with a parallel official application or proposal.
            get_user_model().objects.select_for_update().filter(pk=user.pk).first()
            refusal = refusal_for(user)
            if refusal:
                raise ProposalError(refusal)
            proposal = MunicipalityProposal.objects.create(
                user=user,
                name=name,
                name_native=name_native,
                country=country,
                region_name=region_name,
                website=website,
                email_domain=email_domain,
                population=population,
                latitude=latitude,
                longitude=longitude,
                position=position,
                work_email=work_email,
                phone=phone,
                note=note,
                language=language,
            )
            notifications.notify_proposal_submitted(proposal)
            return proposal
    except IntegrityError as error:
        # proposal_one_pending_per_user: a double submit that got past the check.
        raise ProposalError(
            _("You already proposed a municipality; the ministry has not decided on it yet.")
        ) from error


def _locked(proposal: MunicipalityProposal) -> MunicipalityProposal:
    locked = (
        MunicipalityProposal.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=proposal.pk)
    )
    if not locked.is_pending:
        raise ProposalError(
            _("The proposal of %(name)s is already “%(status)s”.")
            % {"name": locked.name, "status": locked.get_status_display()}
        )
    return locked


def unique_slug(name: str, country: str) -> str:
    """A slug from the name, like the registry loader's: the country is added when the
    name is taken, then a number."""
    base = slugify(name)[:100] or "municipality"
    taken = set(Municipality.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    candidates = [base, f"{base}-{country.lower()}"]
    candidates += [f"{base}-{country.lower()}-{n}" for n in range(2, len(taken) + 3)]
    return next(slug for slug in candidates if slug not in taken)


def proposal_approve(*, proposal: MunicipalityProposal, by, note: str = "") -> MunicipalityProposal:
    """Create the municipality and the applicant's approved official record, exactly once
    (the proposal row is locked: a second approval finds it decided)."""
    with transaction.atomic():
        locked = _locked(proposal)
        now = timezone.now()
        municipality = Municipality(
            name_uk=locked.name,
            name_en=locked.name,
            name_native=locked.name_native,
            center_uk="",
            center_en="",
            slug=unique_slug(locked.name, str(locked.country)),
            country=locked.country,
            kind=MunicipalityKind.MUNICIPALITY,
            population=locked.population,
            latitude=locked.latitude,
            longitude=locked.longitude,
            website=locked.website,
        )
        municipality.fill_derived_fields()
        municipality.save()
        try:
            with transaction.atomic():
                official = Official.objects.create(
                    user=locked.user,
                    municipality=municipality,
                    status=OfficialStatus.APPROVED,
                    position=locked.position,
                    work_email=locked.work_email,
                    phone=locked.phone,
                    note=locked.note,
                    language=locked.language,
                    decided_by=by,
                    decided_at=now,
                    decision_note=note,
                )
        except IntegrityError as error:
            # official_one_active_record_per_user: the applicant has since applied for
            # another municipality. The outer block rolls the municipality back.
            raise ProposalError(
                _(
                    "%(user)s already has a pending or approved official record; reject or "
                    "revoke it first."
                )
                % {"user": locked.user}
            ) from error
        locked.status = ProposalStatus.APPROVED
        locked.municipality = municipality
        locked.decided_by = by
        locked.decided_at = now
        if note:
            locked.decision_note = note
        locked.save(
            update_fields=["status", "municipality", "decided_by", "decided_at", "decision_note"]
        )
        notifications.notify_proposal_decided(locked, official=official)
    return locked


def proposal_reject(*, proposal: MunicipalityProposal, by, note: str = "") -> MunicipalityProposal:
    """Nothing is created; the applicant is told, with the note."""
    with transaction.atomic():
        locked = _locked(proposal)
        locked.status = ProposalStatus.REJECTED
        locked.decided_by = by
        locked.decided_at = timezone.now()
        if note:
            locked.decision_note = note
        locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        notifications.notify_proposal_decided(locked, official=None)
    return locked


# --- Hints for staff ------------------------------------------------------------------


def host_of(url: str) -> str:
    """The host of a URL, lower case, without "www."."""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return host.removeprefix("www.")


def same_site(first: str, second: str) -> bool:
    """The two domains are the same, or one is a subdomain of the other."""
    if not first or not second:
        return False
    return first == second or first.endswith(f".{second}") or second.endswith(f".{first}")


@dataclass(frozen=True)
class DomainHint:
    website_host: str
    email_domain: str
    matches: bool


def domain_hint(proposal: MunicipalityProposal) -> DomainHint:
    """Does the applicant's work e-mail belong to the website's domain?"""
    website_host = host_of(proposal.website)
    email_domain = proposal.work_email.rpartition("@")[2].lower()
    return DomainHint(website_host, email_domain, same_site(email_domain, website_host))


def _words(name: str) -> list[str]:
    return [word for word in re.split(r"[\W_]+", normalise_for_search(name)) if word]


def _similar(first: list[str], second: list[str]) -> bool:
    """Alike as a whole, or one name begins the other ("Saint-Maur" and
    "Saint-Maur-des-Fossés"; a single short word such as "Saint" is not enough)."""
    if not first or not second:
        return False
    shorter, longer = sorted([first, second], key=len)
    if longer[: len(shorter)] == shorter and len(" ".join(shorter)) >= 6:
        return True
    return SequenceMatcher(None, " ".join(first), " ".join(second)).ratio() >= SIMILAR_NAME_RATIO


def possible_duplicates(proposal: MunicipalityProposal) -> list[Municipality]:
    """Municipalities of the same country whose name looks like the proposed one."""
    wanted = [_words(name) for name in (proposal.name, proposal.name_native) if name]
    found = []
    candidates = Municipality.objects.filter(country=proposal.country).only(
        "pk", "slug", "name_uk", "name_en", "name_native", "country"
    )
    if proposal.municipality_id is not None:
        candidates = candidates.exclude(pk=proposal.municipality_id)
    for municipality in candidates:
        names = [
            _words(name)
            for name in (municipality.name_uk, municipality.name_en, municipality.name_native)
            if name
        ]
        if any(_similar(a, b) for a in wanted for b in names):
            found.append(municipality)
    return found
