"""Who may do what with a memorandum: every role against every action, exact answers.

A denied request changes no row: the memorandum, its versions, agreements,
partnerships and request events are compared before and after.
"""

import pytest
from django.urls import reverse

from partnerships.memoranda.services import memorandum_agree
from partnerships.models import (
    Memorandum,
    MemorandumAgreement,
    MemorandumSignature,
    Partnership,
    RequestEvent,
)

pytestmark = pytest.mark.django_db

LOGIN = "login"
ROLES = ["anonymous", "plain", "official_a", "official_b", "official_c", "staff"]
# action -> expected status for each role, in ROLES order.
EXPECTED = {
    "view": [LOGIN, 404, 200, 200, 404, 200],
    "edit": [LOGIN, 404, 302, 302, 404, 403],
    "agree": [LOGIN, 404, 302, 302, 404, 403],
    # Each side signs for itself; staff read but never sign for a side.
    "sign": [LOGIN, 404, 302, 302, 404, 403],
    "download": [LOGIN, 404, 200, 200, 404, 200],
}
CASES = [
    (action, role, expected)
    for action, answers in EXPECTED.items()
    for role, expected in zip(ROLES, answers, strict=True)
]


def _snapshot():
    memorandum = Memorandum.objects.get()
    return {
        "memorandum": (
            memorandum.version,
            memorandum.status,
            memorandum.purpose_other,
            memorandum.signed_on,
        ),
        "versions": memorandum.history.count(),
        "agreements": sorted(MemorandumAgreement.objects.values_list("municipality", "version")),
        "signatures": sorted(MemorandumSignature.objects.values_list("side", "version")),
        "partnerships": Partnership.objects.count(),
        "events": RequestEvent.objects.count(),
    }


def _do(client, memorandum, action):
    pk = memorandum.pk
    if action == "view":
        return client.get(reverse("partnerships:memorandum-detail", args=[pk]))
    if action == "download":
        return client.get(reverse("partnerships:memorandum-pdf", args=[pk]))
    if action == "edit":
        return client.post(
            reverse("partnerships:memorandum-section-edit", args=[pk, "purpose"]),
            {"text_uk": "Змінена мета.", "text_other": "Changed purpose.", "base_version": 1},
        )
    if action == "agree":
        return client.post(reverse("partnerships:memorandum-agree", args=[pk]), {"version": 1})
    if action == "sign":
        return client.post(
            reverse("partnerships:memorandum-sign", args=[pk]),
            {
                "version": 1,
                "signed_on": "2025-05-09",
                "place": "Ізюм",
                "signatory_name": "Олена Коваль",
                "signatory_position": "міська голова",
            },
        )
    raise AssertionError(action)


@pytest.mark.parametrize(("action", "role", "expected"), CASES)
def test_memorandum_role_table(
    role_client, memorandum, official_a, official_b, action, role, expected
):
    if action == "sign":
        for official in (official_a, official_b):
            memorandum_agree(
                memorandum=memorandum,
                municipality=official.municipality,
                version=1,
                actor=official.user,
            )
    client = role_client(role)
    before = _snapshot()

    response = _do(client, memorandum, action)

    after = _snapshot()
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected
    if expected in {LOGIN, 403, 404} or action in {"view", "download"}:
        assert after == before
    elif action == "edit":
        assert after["memorandum"][:3] == (2, "draft", "Changed purpose.")
        assert after["versions"] == 2
    elif action == "agree":
        side = official_a.municipality if role == "official_a" else official_b.municipality
        assert after["agreements"] == [(side.pk, 1)]
    elif action == "sign":
        # One side's signature: the memorandum waits for the other side's.
        assert after["signatures"] == [("a" if role == "official_a" else "b", 1)]
        assert (after["memorandum"][1], after["partnerships"]) == ("final", 0)


def test_memorandum_access_is_lost_by_a_revoked_official(client, memorandum, official_a):
    from partnerships.choices import OfficialStatus
    from partnerships.models import Official

    Official.objects.filter(user=official_a.user).update(status=OfficialStatus.REVOKED)
    client.force_login(official_a.user)
    assert client.get(memorandum.get_absolute_url()).status_code == 404
