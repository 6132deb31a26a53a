"""Officials in the admin: staff decide applications; the records keep the workflow's rules."""

import pytest
from django.core import mail
from django.urls import reverse

from partnerships.choices import OfficialStatus
from partnerships.models import Official
from tests.factories import OfficialFactory

pytestmark = pytest.mark.django_db


def test_official_changelist_filters_by_country_name(staff_client, admin_records, municipality_b):
    url = reverse("admin:partnerships_official_changelist")
    response = staff_client.get(url)
    country_filter = next(
        spec
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "parameter_name", None) == "country"
    )
    assert country_filter.lookup_choices == [("PL", "Польща"), ("UA", "Україна")]
    filtered = staff_client.get(url, {"country": "PL"})
    assert [o.municipality for o in filtered.context["cl"].result_list] == [municipality_b]


def test_official_change_form_cannot_change_user_municipality_or_status(
    staff_client, admin_records, official_a, municipality_c, plain_user, change_form_data
):
    official = Official.objects.get(user=official_a.user)
    url = reverse("admin:partnerships_official_change", args=[official.pk])
    data = change_form_data(staff_client.get(url))
    data.update(
        user=str(plain_user.pk),
        municipality=str(municipality_c.pk),
        status="revoked",
        position="Mayor",
    )
    assert staff_client.post(url, data).status_code == 302
    saved = Official.objects.get(pk=official.pk)
    assert (saved.user, saved.municipality, saved.status, saved.position) == (
        official_a.user,
        official_a.municipality,
        "approved",
        "Mayor",
    )


def test_official_added_in_admin_respects_one_active_record_per_user(
    staff_client, admin_records, official_a, municipality_c, plain_user
):
    add = reverse("admin:partnerships_official_add")
    data = {
        "user": str(official_a.user.pk),  # already approved for A
        "municipality": str(municipality_c.pk),
        "position": "Secretary",
        "work_email": "sec@example.org",
        "language": "uk",
    }
    before = Official.objects.count()
    response = staff_client.post(add, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["user"] == [
        "Цей користувач уже має заявку на розгляді або схвалений запис. Спершу відхиліть або відкличте його."
    ]
    assert Official.objects.count() == before
    # Someone without an active record is added as an application, never approved directly.
    response = staff_client.post(add, {**data, "user": str(plain_user.pk), "status": "approved"})
    assert response.status_code == 302
    added = Official.objects.get(user=plain_user)
    assert (added.municipality, added.status) == (municipality_c, "applied")


def test_official_admin_approve_action_mails_applicant(
    client, staff_user, municipality_a, django_capture_on_commit_callbacks
):
    pending = OfficialFactory(
        municipality=municipality_a, status=OfficialStatus.APPLIED, language="en"
    )
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:partnerships_official_changelist"),
            {"action": "approve", "_selected_action": [pending.pk]},
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == (OfficialStatus.APPROVED, staff_user)
    assert [m.to for m in mail.outbox] == [[pending.user.email]]
    assert "/en/my-municipality/" in mail.outbox[0].body
    # Approving twice changes nothing and mails nobody.
    mail.outbox.clear()
    client.post(
        reverse("admin:partnerships_official_changelist"),
        {"action": "approve", "_selected_action": [pending.pk]},
    )
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("status", "action"),
    [(OfficialStatus.APPLIED, "reject"), (OfficialStatus.APPROVED, "revoke")],
)
def test_official_admin_decision_keeps_the_note_staff_wrote(
    client, staff_user, django_capture_on_commit_callbacks, status, action
):
    official = OfficialFactory(status=status, decision_note="The council's letter is forged.")
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:partnerships_official_changelist"),
            {"action": action, "_selected_action": [official.pk]},
        )
    official.refresh_from_db()
    assert official.status == {"reject": "rejected", "revoke": "revoked"}[action]
    assert official.decision_note == "The council's letter is forged."
    assert "The council's letter is forged." in mail.outbox[0].body
