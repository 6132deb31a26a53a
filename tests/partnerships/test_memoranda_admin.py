"""The memorandum admin: staff read texts and history, never rewrite or roll back a version."""

import datetime

import pytest
from django.urls import reverse

from partnerships.choices import MemorandumStatus
from partnerships.memoranda.services import memorandum_agree, memorandum_sign
from partnerships.models import Memorandum, Partnership

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 12)


@pytest.fixture
def admin_client(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _finalise(world) -> Memorandum:
    m = world.memorandum
    memorandum_agree(memorandum=m, municipality=world.a, version=1, actor=world.official_a)
    memorandum_agree(memorandum=m, municipality=world.b, version=1, actor=world.official_b)
    m.refresh_from_db()
    return m


def _sign(world) -> Memorandum:
    m = _finalise(world)
    memorandum_sign(memorandum=m, signed_on=TODAY, place="Київ", scan=None, actor=world.staff)
    m.refresh_from_db()
    return m


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
        memorandum.purpose_en,
        memorandum.title_en,
        memorandum.history.count(),
        memorandum.agreements.count(),
    )


def test_admin_shows_every_text_field_read_only(admin_client, memo_world):
    m = memo_world.memorandum
    response = admin_client.get(reverse("admin:partnerships_memorandum_change", args=[m.pk]))
    assert response.status_code == 200
    assert set(response.context["adminform"].form.fields) == set()
    assert m.purpose_uk in response.content.decode()  # staff still read the text
    _sign(memo_world)
    response = admin_client.get(reverse("admin:partnerships_memorandum_change", args=[m.pk]))
    assert set(response.context["adminform"].form.fields) == {"published_a", "published_b"}


def test_admin_post_with_a_changed_text_changes_nothing(admin_client, memo_world):
    m = _finalise(memo_world)
    url = reverse("admin:partnerships_memorandum_change", args=[m.pk])
    data = _change_form_data(admin_client.get(url))
    before = _state(m)
    data.update(purpose_en="Rewritten by staff.", title_en="Staff title", status="draft")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert _state(m) == before
    assert m.status == MemorandumStatus.FINAL


def test_admin_save_of_a_signed_memorandum_keeps_it_signed_and_versioned(admin_client, memo_world):
    m = _sign(memo_world)
    url = reverse("admin:partnerships_memorandum_change", args=[m.pk])
    data = _change_form_data(admin_client.get(url))
    before = _state(m)
    data.update(purpose_en="Reopened by staff.", version="1", status="draft")
    data["published_a"] = "on"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert _state(m) == before
    assert (m.status, m.published_a, m.partnership) == (
        MemorandumStatus.SIGNED,
        True,
        Partnership.objects.get(),
    )


def test_publish_flags_are_read_only_in_admin_until_signed(admin_client, memo_world):
    m = _finalise(memo_world)
    url = reverse("admin:partnerships_memorandum_change", args=[m.pk])
    data = _change_form_data(admin_client.get(url))
    data["published_a"] = data["published_b"] = "on"
    admin_client.post(url, data)
    m.refresh_from_db()
    assert (m.published_a, m.published_b) == (False, False)


def test_signing_keeps_the_partnership_link_of_a_memorandum_reopened_by_the_old_admin(memo_world):
    """A memorandum the old admin reopened after signing still names its partnership;
    signing it again must not take that link away as "documented by another memorandum"."""
    m = _sign(memo_world)
    partnership = m.partnership
    Memorandum.objects.filter(pk=m.pk).update(status=MemorandumStatus.FINAL)
    memorandum_sign(memorandum=m, signed_on=TODAY, place="Київ", scan=None, actor=memo_world.staff)
    m.refresh_from_db()
    assert (m.status, m.partnership) == (MemorandumStatus.SIGNED, partnership)
    assert Partnership.objects.count() == 1


def test_admin_revert_from_the_history_is_refused_and_changes_nothing(admin_client, memo_world):
    from partnerships.memoranda.services import memorandum_save_section

    m = memo_world.memorandum
    memorandum_save_section(
        memorandum=m,
        section="purpose",
        text_uk="Друга мета.",
        text_en="Second purpose.",
        base_version=1,
        actor=memo_world.official_a,
    )
    first = m.history.get(version=1)
    url = reverse("admin:partnerships_memorandum_simple_history", args=[m.pk, first.history_id])
    page = admin_client.get(url)
    assert page.status_code == 200  # the old version stays readable
    assert "Second purpose." not in page.content.decode()
    assert 'name="_save"' not in page.content.decode()  # no revert button
    before = _state(m)
    response = admin_client.post(url, {"purpose_en": first.purpose_en, "_save": "Revert"})
    assert response.status_code == 403
    assert _state(m) == before
    assert m.version == 2


def test_admin_history_names_status_author_and_changed_fields(
    admin_client, memo_world, django_assert_max_num_queries
):
    from partnerships.memoranda.services import memorandum_save_section

    m = memo_world.memorandum
    memo_world.official_a.first_name, memo_world.official_a.last_name = "Олена", "Коваль"
    memo_world.official_a.save()
    memorandum_save_section(
        memorandum=m,
        section="purpose",
        text_uk="Друга мета.",
        text_en="Second purpose.",
        base_version=1,
        actor=memo_world.official_a,
    )
    url = reverse("admin:partnerships_memorandum_history", args=[m.pk])
    with django_assert_max_num_queries(12):
        response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<td>чернетка</td>" in body  # the status by its label, not "draft"
    assert "<td>draft</td>" not in body
    assert "Change reason" not in body and "Причина зміни" not in body
    assert "Олена Коваль" in body
    assert memo_world.official_a.username not in body
    assert "Мета (англійською), Мета (українською)" in body or "Purpose (English)" in body
    assert "Second purpose." not in body  # the texts are compared on the portal
    compare = reverse("partnerships:memorandum-compare", args=[m.pk])
    assert f"{compare}?old=1&amp;new=2" in body
