"""Demo accounts for a first look: a ministry staff member, four approved officials,
and the story between them: two accepted requests whose memoranda are being drafted,
Ukrainian–English (Lviv and Chennevières-sur-Marne) and Ukrainian–Polish (Izium and
Kraków).

Created only when DEBUG is on, with verified e-mail addresses and a known
password; re-running changes nothing that exists.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from partnerships.choices import CooperationForm, OfficialStatus
from partnerships.models import CooperationArea, CooperationRequest, Municipality, Official
from partnerships.services.requests import request_accept, request_create

DEMO_PASSWORD = "twinning-demo-2026"  # noqa: S105 - printed on purpose, DEBUG only
STAFF_EMAIL = "staff@demo.twinning.example.org"
OFFICIALS = [
    # (e-mail, registry key, position, language)
    ("izium@demo.twinning.example.org", "UA63040090000021240", "Секретар міської ради", "uk"),
    (
        "chennevieres@demo.twinning.example.org",
        "fr-chennevieres-sur-marne",
        "International relations officer",
        "en",
    ),
    ("lviv@demo.twinning.example.org", "UA46060250000025047", "Радник міського голови", "uk"),
    (
        "krakow@demo.twinning.example.org",
        "pl-krakow",
        "Pełnomocnik prezydenta miasta ds. współpracy zagranicznej",
        "pl",
    ),
]
# (from, to, form, areas, message, reply): the demo's requests for cooperation, accepted
# with the reply (None: waiting for an answer).
STORY = [
    (
        "UA46060250000025047",
        "fr-chennevieres-sur-marne",
        CooperationForm.TWINNING,
        ["health", "culture", "youth-sport"],
        "Львів пропонує побратимство: обмін досвідом реабілітації, молодіжні табори та "
        "спільні культурні події.",
        "With pleasure!",
    ),
    (
        "UA63040090000021240",
        "pl-krakow",
        CooperationForm.PROJECT_COOPERATION,
        ["reconstruction", "water"],
        "Ізюм шукає партнера для відновлення водогону та шкіл; просимо поділитися досвідом "
        "і фахівцями.",
        "Chętnie podzielimy się doświadczeniem naszych wodociągów i szkół. Zapraszamy do "
        "rozmowy o memorandum.",
    ),
]


def load() -> list[str]:
    """Create the demo accounts that are missing; returns the e-mails of all demo accounts."""
    if not settings.DEBUG:
        return []
    staff = _user(STAFF_EMAIL, is_staff=True, is_superuser=True)
    emails = [STAFF_EMAIL]
    for email, key, position, language in OFFICIALS:
        municipality = Municipality.objects.filter(registry_key=key).first()
        if municipality is None:
            continue
        user = _user(email)
        if not Official.objects.active().filter(user=user).exists():
            Official.objects.create(
                user=user,
                municipality=municipality,
                status=OfficialStatus.APPROVED,
                position=position,
                work_email=email,
                language=language,
                decided_by=staff,
                decided_at=timezone.now(),
            )
        emails.append(email)
    _tell_the_story()
    return emails


def _tell_the_story() -> None:
    areas = {area.slug: area for area in CooperationArea.objects.all()}
    for sender_key, partner_key, form, area_slugs, message, reply in STORY:
        sender = Municipality.objects.filter(registry_key=sender_key).first()
        partner = Municipality.objects.filter(registry_key=partner_key).first()
        if sender is None or partner is None:
            continue
        if CooperationRequest.objects.between(sender, partner).exists():
            continue  # told on an earlier run
        author = Official.objects.approved().filter(municipality=sender).first()
        request = request_create(
            user=author.user,
            from_municipality=sender,
            to_municipality=partner,
            areas=[areas[slug] for slug in area_slugs if slug in areas],
            form=form,
            message=message,
            contact_person=f"{author.user.email}, {author.position}",
        )
        answerer = Official.objects.approved().filter(municipality=partner).first()
        if reply and answerer:
            # Accepting opens the memorandum draft in the same step.
            request_accept(cooperation_request=request, user=answerer.user, reply=reply)


def _user(email: str, *, is_staff: bool = False, is_superuser: bool = False):
    user, created = get_user_model().objects.get_or_create(
        username=email.split("@")[0] + "-demo",
        defaults={"email": email, "is_staff": is_staff, "is_superuser": is_superuser},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user
