"""The Cooperate page: what it tells whom, what it takes from the form, what it refuses."""

import pytest
from django.urls import reverse

from partnerships.models import CooperationRequest, Memorandum
from tests.factories import CooperationAreaFactory, OfficialFactory
from tests.flash import flash_messages


def test_cooperate_plain_user_is_told_how_to_become_official(client, plain_user, municipality_b):
    client.force_login(plain_user)
    response = client.get(reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug}))
    assert response.status_code == 403
    assert "partnerships/become_official.html" in [t.name for t in response.templates]
    html = response.content.decode()
    # They apply for their own municipality, found in the directory; not for the target.
    assert f'class="button" href="{reverse("partnerships:municipality-list")}"' in html
    assert reverse("partnerships:official-apply", kwargs={"slug": municipality_b.slug}) not in html
    assert "is pending" not in html


@pytest.mark.usefixtures("english")
def test_cooperate_applicant_is_told_the_application_is_pending(
    client, plain_user, municipality_a, municipality_b
):
    OfficialFactory(user=plain_user, municipality=municipality_a, status="applied")
    client.force_login(plain_user)
    response = client.get(reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug}))
    assert response.status_code == 403
    html = response.content.decode()
    assert f"Your application to act for {municipality_a.name_en} is pending." in html
    assert "How to become an official" not in html


def test_cooperate_contact_person_is_prefilled_from_the_official(
    client, official_a, municipality_b
):
    official_a.phone = "+380 44 000 00 00"
    official_a.save()
    official_a.user.first_name, official_a.user.last_name = "Olena", "Koval"
    official_a.user.save()
    client.force_login(official_a.user)
    response = client.get(reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug}))
    assert response.context["form"]["contact_person"].value() == (
        f"Olena Koval, Secretary of the council, {official_a.work_email}, +380 44 000 00 00"
    )


def test_cooperate_ignores_forged_municipality_ids(
    client, official_a, municipality_b, municipality_c, cooperate_data
):
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    client.post(
        url,
        cooperate_data(
            CooperationAreaFactory(),
            from_municipality=municipality_c.pk,
            to_municipality=municipality_c.pk,
            created_by=999,
            status="accepted",
        ),
    )
    created = CooperationRequest.objects.get()
    assert (created.from_municipality, created.to_municipality, created.status) == (
        official_a.municipality,
        municipality_b,
        "submitted",
    )
    assert created.created_by == official_a.user


def test_cooperate_bad_input_keeps_what_was_typed(client, official_a, municipality_b):
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    response = client.post(url, {"message": "Short", "contact_person": "Olena", "areas": ["x"]})
    assert response.status_code == 400
    assert "Olena" in response.content.decode()
    assert CooperationRequest.objects.count() == 0


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(("sender", "target"), [("a", "b"), ("b", "a")])
def test_cooperate_refuses_a_second_request_while_a_memorandum_is_drafted(
    request, client, memorandum, accepted_request, cooperate_data, sender, target
):
    official = request.getfixturevalue(f"official_{sender}")
    client.force_login(official.user)
    target_municipality = request.getfixturevalue(f"municipality_{target}")
    url = reverse("partnerships:cooperate", args=[target_municipality.slug])
    page = client.get(url)
    assert "You are already drafting a memorandum with this municipality" in (page.content.decode())
    assert memorandum.get_absolute_url() in page.content.decode()
    response = client.post(url, cooperate_data(accepted_request.areas.first()), follow=True)
    assert response.redirect_chain[0][0] == memorandum.get_absolute_url()
    assert flash_messages(response) == [
        "You are already drafting a memorandum with this municipality."
    ]
    assert CooperationRequest.objects.count() == 1
    assert Memorandum.objects.count() == 1
