"""Demo accounts for a first look: a ministry staff member and two approved officials.

Created only when DEBUG is on, with verified e-mail addresses and a known
password; re-running changes nothing that exists.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from partnerships.choices import OfficialStatus
from partnerships.models import Municipality, Official

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
    return emails


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
