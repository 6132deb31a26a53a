"""The memorandum admin: staff read texts and history, never rewrite or roll back a version."""

import pytest
from django.conf import settings
from django.urls import reverse

from partnerships.choices import MemorandumStatus
from partnerships.models import Memorandum, Partnership

pytestmark = pytest.mark.django_db


def _change_form_data(response) -> dict:
    """What the browser would post back: every editable field and the inline forms as shown."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial[name]
        for index, inline_form in enumerate(inline.formset.forms):
            data[f"{inline.formset.prefix}-{index}-id"] = inline_form.instance.pk
            data[f"{inline.formset.prefix}-{index}-memorandum"] = inline_form.instance.memorandum_id
    return data


def _state(memorandum: Memorandum) -> tuple:
    memorandum.refresh_from_db()
    return (
        memorandum.version,
        memorandum.status,
        memorandum.purpose_other,
        memorandum.title_other,
        memorandum.history.count(),
        memorandum.agreements.count(),
    )


def test_memorandum_admin_lists_memoranda_with_state_and_history(
    staff_client, memorandum, save_section
):
    save_section(uk="Мета 2.", en="Purpose 2.")
    pk = memorandum.pk
    changelist = staff_client.get(reverse("admin:partnerships_memorandum_changelist"))
    assert changelist.status_code == 200
    assert "Меморандум про побратимство" in changelist.content.decode()
    change = staff_client.get(reverse("admin:partnerships_memorandum_change", args=[pk]))
    assert change.status_code == 200
    history = staff_client.get(reverse("admin:partnerships_memorandum_history", args=[pk]))
    assert history.status_code == 200


def test_memorandum_admin_shows_every_text_field_read_only(
    staff_client, memorandum, agree_both, mark_signed
):
    m = memorandum
    url = reverse("admin:partnerships_memorandum_change", args=[m.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert set(response.context["adminform"].form.fields) == set()
    assert m.purpose_uk in response.content.decode()  # staff still read the text
    agree_both()
    mark_signed()
    response = staff_client.get(url)
    assert set(response.context["adminform"].form.fields) == {"published_a", "published_b"}


def test_memorandum_admin_post_with_a_changed_text_changes_nothing(staff_client, final_memorandum):
    m = final_memorandum
    url = reverse("admin:partnerships_memorandum_change", args=[m.pk])
    data = _change_form_data(staff_client.get(url))
    before = _state(m)
    data.update(purpose_other="Rewritten by staff.", title_other="Staff title", status="draft")
    response = staff_client.post(url, data)
    assert response.status_code == 302
    assert _state(m) == before
    assert m.status == MemorandumStatus.FINAL


def test_memorandum_admin_save_of_a_signed_memorandum_keeps_it_signed_and_versioned(
    staff_client, signed_memorandum
):
    m = signed_memorandum
    url = reverse("admin:partnerships_memorandum_change", args=[m.pk])
    data = _change_form_data(staff_client.get(url))
    before = _state(m)
    data.update(purpose_other="Reopened by staff.", version="1", status="draft")
    data["published_a"] = "on"
    response = staff_client.post(url, data)
    assert response.status_code == 302
    assert _state(m) == before
    assert (m.status, m.published_a, m.partnership) == (
        MemorandumStatus.SIGNED,
        True,
        Partnership.objects.get(),
    )


def test_memorandum_admin_publish_flags_are_read_only_until_signed(staff_client, final_memorandum):
    m = final_memorandum
    url = reverse("admin:partnerships_memorandum_change", args=[m.pk])
    data = _change_form_data(staff_client.get(url))
    data["published_a"] = data["published_b"] = "on"
    staff_client.post(url, data)
    m.refresh_from_db()
    assert (m.published_a, m.published_b) == (False, False)


def test_memorandum_admin_revert_from_the_history_is_refused_and_changes_nothing(
    staff_client, memorandum, save_section
):
    m = memorandum
    save_section(uk="Друга мета.", en="Second purpose.")
    first = m.history.get(version=1)
    url = reverse("admin:partnerships_memorandum_simple_history", args=[m.pk, first.history_id])
    page = staff_client.get(url)
    assert page.status_code == 200  # the old version stays readable
    assert "Second purpose." not in page.content.decode()
    assert 'name="_save"' not in page.content.decode()  # no revert button
    before = _state(m)
    response = staff_client.post(url, {"purpose_other": first.purpose_other, "_save": "Revert"})
    assert response.status_code == 403
    assert _state(m) == before
    assert m.version == 2


def test_memorandum_admin_history_names_status_author_and_changed_fields(
    staff_client, memorandum, save_section, official_a, django_assert_max_num_queries
):
    m = memorandum
    official_a.user.first_name, official_a.user.last_name = "Олена", "Коваль"
    official_a.user.save()
    save_section(uk="Друга мета.", en="Second purpose.")
    url = reverse("admin:partnerships_memorandum_history", args=[m.pk])
    with django_assert_max_num_queries(12):
        response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<td>чернетка</td>" in body  # the status by its label, not "draft"
    assert "<td>draft</td>" not in body
    assert "Change reason" not in body and "Причина зміни" not in body
    assert "Олена Коваль" in body
    assert official_a.user.username not in body
    assert "Мета (другою мовою), Мета (українською)" in body
    assert "Second purpose." not in body  # the texts are compared on the portal
    compare = reverse("partnerships:memorandum-compare", args=[m.pk])
    assert f"{compare}?old=1&amp;new=2" in body


def test_memorandum_admin_links_the_scan_through_the_checked_view(staff_client, signed_with_scan):
    url = reverse("admin:partnerships_memorandum_change", args=[signed_with_scan.pk])
    body = staff_client.get(url).content.decode()
    assert reverse("partnerships:memorandum-scan", args=[signed_with_scan.pk, "a"]) in body
    # Both signatures are shown, with who signed and where.
    assert "Олена Коваль" in body and "Grudziądz" in body
    assert settings.MEDIA_URL + "memoranda/" not in body
