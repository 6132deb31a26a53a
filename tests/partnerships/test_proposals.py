"""A foreign municipality that is not in the registry joins: proposal, review, decision."""

import re

import pytest
from django.core import mail

from partnerships.choices import OfficialStatus
from partnerships.models import Municipality, MunicipalityProposal, Official, ProposalStatus
from partnerships.services import proposals as services
from tests.concurrency import in_parallel, needs_postgresql
from tests.factories import ForeignMunicipalityFactory, OfficialFactory, VerifiedUserFactory

PROPOSE = {
    "name": "Saint-Maur-des-Fossés",
    "name_native": "",
    "country": "FR",
    "region_name": "Île-de-France",
    "website": "https://www.saint-maur.com",
    "email_domain": "@Saint-Maur.com",
    "population": "74000",
    "latitude": "48.79934",
    "longitude": "2.49975",
    "position": "Chargée des relations internationales",
    "work_email": "relations@saint-maur.com",
    "phone": "+33 1 45 11 65 65",
    "note": "",
    "language": "en",
}
URL = "/en/proposals/new/"


def _propose(client, user, **changes):
    client.force_login(user)
    return client.post(URL, {**PROPOSE, **changes})


def _proposal(user, **changes) -> MunicipalityProposal:
    data = {
        "name": "Saint-Maur-des-Fossés",
        "country": "FR",
        "website": "https://www.saint-maur.com",
        "email_domain": "saint-maur.com",
        "population": 74000,
        "latitude": "48.79934",
        "longitude": "2.49975",
        "position": "Chargée des relations internationales",
        "work_email": "relations@saint-maur.com",
        "language": "en",
    }
    return services.proposal_create(user=user, **{**data, **changes})


def test_proposal_create_records_pending_proposal_and_mails_the_ministry(
    client, plain_user, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _propose(client, plain_user)
    proposal = MunicipalityProposal.objects.get(user=plain_user)
    assert response.status_code == 302
    assert response.url == f"/en/proposals/{proposal.pk}/"
    assert (proposal.status, proposal.email_domain, proposal.country.code) == (
        ProposalStatus.PENDING,
        "saint-maur.com",
        "FR",
    )
    assert not Municipality.objects.filter(name_en="Saint-Maur-des-Fossés").exists()
    assert [m.to for m in mail.outbox] == [[settings.PORTAL_CONTACT_EMAIL]]
    assert f"/admin/partnerships/municipalityproposal/{proposal.pk}/change/" in mail.outbox[0].body


def test_proposal_detail_shows_author_what_they_sent_and_the_state(client, plain_user):
    proposal = _proposal(plain_user, region_name="Île-de-France")
    client.force_login(plain_user)
    response = client.get(f"/en/proposals/{proposal.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Saint-Maur-des-Fossés" in page and "Île-de-France" in page
    assert "relations@saint-maur.com" in page and "Pending" in page


def test_proposal_detail_writes_numbers_the_french_way_and_coordinates_unambiguously(
    client, plain_user
):
    proposal = _proposal(plain_user)
    client.force_login(plain_user)
    page = client.get(f"/fr/proposals/{proposal.pk}/").content.decode()
    # 74 000 with the French thousands space; a decimal comma inside each coordinate, so
    # the two are parted by a semicolon ("48,79934, 2,49975" read as four numbers).
    assert re.search(r"<dd>74\D{1,6}000</dd>", page)
    assert "<dd>48,79934; 2,49975</dd>" in page


def test_proposal_detail_is_hidden_from_other_users(client, plain_user):
    proposal = _proposal(plain_user)
    client.force_login(VerifiedUserFactory())
    assert client.get(f"/en/proposals/{proposal.pk}/").status_code == 404


def test_dashboard_pending_links_back_to_the_proposal(client, plain_user):
    proposal = _proposal(plain_user)
    client.force_login(plain_user)
    page = client.get("/en/my-municipality/").content.decode()
    assert f'href="/en/proposals/{proposal.pk}/"' in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email_domain": "not a domain"}, "email_domain", "Enter a domain such as example.fr"),
        ({"website": "no url"}, "website", "Enter a valid URL"),
        ({"latitude": "91"}, "latitude", "less than or equal to 90"),
        ({"longitude": "-181"}, "longitude", "greater than or equal to -180"),
        ({"population": "0"}, "population", "at least 1"),
        ({"country": "UA"}, "country", "Select a valid choice"),
        ({"work_email": "me@gmail.com"}, "work_email", "This address is not at saint-maur.com"),
        ({"name": ""}, "name", "This field is required"),
    ],
)
def test_proposal_create_bad_input_is_400_with_messages_and_changes_nothing(
    client, plain_user, changes, field, message
):
    response = _propose(client, plain_user, **changes)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    page = response.content.decode()
    assert "There is a problem" in page and f'href="#id_{field}"' in page
    # Nothing typed is lost.
    assert 'value="Chargée des relations internationales"' in page
    assert MunicipalityProposal.objects.count() == 0


def test_proposal_create_work_email_elsewhere_is_accepted_with_a_reason(client, plain_user):
    response = _propose(
        client, plain_user, work_email="mairie.sm@orange.fr", note="Our mail is hosted by Orange."
    )
    assert response.status_code == 302
    assert MunicipalityProposal.objects.get().work_email == "mairie.sm@orange.fr"


def test_proposal_create_anonymous_is_sent_to_login_and_back(client, db):
    response = client.post(URL, PROPOSE)
    assert response.status_code == 302
    assert response.url == "/en/accounts/login/?next=/en/proposals/new/"
    assert MunicipalityProposal.objects.count() == 0


def test_proposal_create_refused_for_a_user_who_acts_for_a_municipality(client, official_a):
    client.force_login(official_a.user)
    page = client.get(URL).content.decode()
    assert "A user acts for one municipality only" in page
    assert client.post(URL, PROPOSE).status_code == 409
    assert MunicipalityProposal.objects.count() == 0


def test_proposal_create_double_submit_makes_one(client, plain_user):
    assert _propose(client, plain_user).status_code == 302
    second = _propose(client, plain_user, name="Another town")
    assert second.status_code == 409
    assert "not decided on it yet" in second.content.decode()
    assert MunicipalityProposal.objects.count() == 1


def test_proposal_one_pending_per_user_is_a_database_constraint(plain_user):
    from django.db import IntegrityError, transaction

    proposal = _proposal(plain_user)
    with pytest.raises(IntegrityError), transaction.atomic():
        MunicipalityProposal.objects.create(
            **{
                f.attname: getattr(proposal, f.attname)
                for f in MunicipalityProposal._meta.concrete_fields
                if not f.primary_key
            }
        )


def test_proposal_approve_puts_municipality_in_registry_and_applicant_its_official(
    client, plain_user, staff_user, django_capture_on_commit_callbacks
):
    ForeignMunicipalityFactory(slug="saint-maur-des-fosses", country="FR")
    proposal = _proposal(plain_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_approve(proposal=proposal, by=staff_user, note="Welcome.")
    proposal.refresh_from_db()
    municipality = proposal.municipality
    assert proposal.status == ProposalStatus.APPROVED
    assert (municipality.name_en, municipality.country.code, municipality.slug) == (
        "Saint-Maur-des-Fossés",
        "FR",
        "saint-maur-des-fosses-fr",
    )
    # Derived columns are filled: the directory finds it.
    assert list(Municipality.objects.search("saint maur fosses").filter(country="FR")) == [
        municipality
    ]
    official = Official.objects.get(user=plain_user)
    assert (official.municipality, official.status, official.decided_by) == (
        municipality,
        OfficialStatus.APPROVED,
        staff_user,
    )
    assert [m.to for m in mail.outbox] == [[plain_user.email]]
    assert "is now in the registry" in mail.outbox[0].body and "Welcome." in mail.outbox[0].body
    assert "/en/my-municipality/" in mail.outbox[0].body
    client.force_login(plain_user)
    assert client.get("/en/my-municipality/").context["municipality"] == municipality


def test_proposal_approve_twice_creates_one_municipality(plain_user, staff_user):
    proposal = _proposal(plain_user)
    services.proposal_approve(proposal=proposal, by=staff_user)
    with pytest.raises(services.ProposalError):
        services.proposal_approve(proposal=proposal, by=staff_user)
    assert Municipality.objects.filter(name_en="Saint-Maur-des-Fossés").count() == 1
    assert Official.objects.filter(user=plain_user).count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_proposal_approve_in_parallel_creates_one_municipality():
    applicant = VerifiedUserFactory()
    staff = VerifiedUserFactory(is_staff=True)
    proposal = _proposal(applicant)
    results = in_parallel(
        lambda: services.proposal_approve(proposal=proposal, by=staff),
        lambda: services.proposal_approve(proposal=proposal, by=staff),
    )
    assert sorted(type(result).__name__ for result in results) == [
        "MunicipalityProposal",
        "ProposalError",
    ]
    assert Municipality.objects.filter(name_en="Saint-Maur-des-Fossés").count() == 1
    assert Official.objects.filter(user=applicant).count() == 1


def test_proposal_approve_refused_when_applicant_acts_elsewhere_leaves_nothing(
    plain_user, staff_user
):
    proposal = _proposal(plain_user)
    OfficialFactory(user=plain_user, status=OfficialStatus.APPLIED)
    before = Municipality.objects.count()
    with pytest.raises(services.ProposalError):
        services.proposal_approve(proposal=proposal, by=staff_user)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING
    assert Municipality.objects.count() == before


def test_proposal_reject_creates_nothing_and_tells_the_applicant_in_french(
    plain_user, staff_user, django_capture_on_commit_callbacks
):
    proposal = _proposal(plain_user, language="fr")
    before = Municipality.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_reject(proposal=proposal, by=staff_user, note="Déjà inscrite.")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.municipality, proposal.decided_by) == (
        ProposalStatus.REJECTED,
        None,
        staff_user,
    )
    assert Municipality.objects.count() == before
    assert not Official.objects.filter(user=plain_user).exists()
    (message,) = mail.outbox
    assert message.to == [plain_user.email]
    assert "n’a pas approuvé" in message.body and "Déjà inscrite." in message.body
    assert f"/fr/proposals/{proposal.pk}/" in message.body
    # Rejected, the applicant may propose again.
    assert _proposal(plain_user).is_pending


def test_proposal_approve_mail_in_english(
    plain_user, staff_user, django_capture_on_commit_callbacks
):
    proposal = _proposal(plain_user, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_approve(proposal=proposal, by=staff_user)
    assert (
        mail.outbox[0].subject == "Saint-Maur-des-Fossés is now in the twinning portal's registry"
    )


def test_domain_hint_compares_work_email_with_website(plain_user):
    proposal = _proposal(plain_user, work_email="a.b@mairie.saint-maur.com")
    hint = services.domain_hint(proposal)
    assert (hint.website_host, hint.email_domain, hint.matches) == (
        "saint-maur.com",
        "mairie.saint-maur.com",
        True,
    )
    proposal.work_email = "a.b@gmail.com"
    assert not services.domain_hint(proposal).matches


def test_possible_duplicates_same_country_similar_name(plain_user):
    similar = ForeignMunicipalityFactory(name_en="Saint Maur des Fosses", country="FR")
    native = ForeignMunicipalityFactory(name_en="Other", name_native="Saint-Maur", country="FR")
    ForeignMunicipalityFactory(name_en="Saint-Maur-des-Fossés", country="BE")
    ForeignMunicipalityFactory(name_en="Paris", country="FR")
    proposal = _proposal(plain_user)
    assert {m.pk for m in services.possible_duplicates(proposal)} == {similar.pk, native.pk}


def test_proposal_form_query_count_is_flat(client, plain_user, django_assert_num_queries):
    client.force_login(plain_user)
    client.get(URL)
    # The user is read with their official (none here) in one query; the bell's count
    # was cached by the first request.
    with django_assert_num_queries(5):
        assert client.get(URL).status_code == 200


def test_proposal_detail_query_count_is_flat(client, plain_user, django_assert_num_queries):
    proposal = _proposal(plain_user)
    client.force_login(plain_user)
    # 3 (the user read with their official, none here), and the bell's count.
    with django_assert_num_queries(4):
        assert client.get(f"/en/proposals/{proposal.pk}/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/en/municipalities/?q=Saint-Maur-des-Fosses", "/en/", "/en/accounts/signup/"]
)
def test_not_listed_link_on_directory_empty_result_home_and_signup(client, db, url):
    page = client.get(url).content.decode()
    assert 'href="/en/proposals/new/"' in page
