"""Staff review of proposed municipalities in the admin."""

from django.core import mail

from partnerships.models import Municipality, MunicipalityProposal, Official, ProposalStatus
from partnerships.services import proposals as services
from tests.factories import ForeignMunicipalityFactory

DATA = {
    "name": "Saint-Maur-des-Fossés",
    "country": "FR",
    "website": "https://www.saint-maur.com",
    "email_domain": "saint-maur.com",
    "population": 74000,
    "latitude": "48.79934",
    "longitude": "2.49975",
    "position": "Chargée des relations internationales",
    "work_email": "relations@gmail.com",
    "note": "Our domain has no mail.",
    "language": "en",
}
CHANGELIST = "/en/admin/partnerships/municipalityproposal/"


def _change_url(proposal: MunicipalityProposal) -> str:
    return f"{CHANGELIST}{proposal.pk}/change/"


def test_admin_change_page_shows_domain_hint_and_duplicate_links(client, staff_user, plain_user):
    duplicate = ForeignMunicipalityFactory(name_en="Saint Maur des Fosses", country="FR")
    proposal = services.proposal_create(user=plain_user, **DATA)
    client.force_login(staff_user)
    page = client.get(_change_url(proposal)).content.decode()
    assert "is not at the website&#x27;s domain (saint-maur.com)" in page
    assert f'href="/en/admin/partnerships/municipality/{duplicate.pk}/change/"' in page
    assert f'href="/en/municipalities/{duplicate.slug}/"' in page
    assert 'name="_approve"' in page and 'name="_reject"' in page


def test_admin_change_page_without_duplicates_says_so(client, staff_user, plain_user):
    proposal = services.proposal_create(
        user=plain_user, **{**DATA, "work_email": "relations@saint-maur.com"}
    )
    client.force_login(staff_user)
    page = client.get(_change_url(proposal)).content.decode()
    assert "is at the website&#x27;s domain (saint-maur.com)" in page
    assert "No municipality of this country has a similar name." in page


def test_admin_approve_button_saves_note_and_creates_municipality_once(
    client, staff_user, plain_user, django_capture_on_commit_callbacks
):
    proposal = services.proposal_create(user=plain_user, **DATA)
    client.force_login(staff_user)
    form = {**DATA, "decision_note": "Checked by phone.", "_approve": "1"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_change_url(proposal), form)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decision_note, proposal.decided_by) == (
        ProposalStatus.APPROVED,
        "Checked by phone.",
        staff_user,
    )
    assert Official.objects.get(user=plain_user).municipality == proposal.municipality
    assert [m.to for m in mail.outbox] == [[plain_user.email]]
    assert "Checked by phone." in mail.outbox[0].body
    # The list action on the same proposal again changes nothing.
    client.post(CHANGELIST, {"action": "approve", "_selected_action": [proposal.pk]})
    assert Municipality.objects.filter(name_en="Saint-Maur-des-Fossés").count() == 1


def test_admin_reject_action_leaves_nothing(client, staff_user, plain_user):
    proposal = services.proposal_create(user=plain_user, **DATA)
    before = Municipality.objects.count()
    client.force_login(staff_user)
    response = client.post(CHANGELIST, {"action": "reject", "_selected_action": [proposal.pk]})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED
    assert Municipality.objects.count() == before
    assert not Official.objects.filter(user=plain_user).exists()


def test_admin_list_filters_by_status_and_country(client, staff_user, plain_user):
    services.proposal_create(user=plain_user, **DATA)
    client.force_login(staff_user)
    assert (
        "Saint-Maur-des-Fossés"
        in client.get(f"{CHANGELIST}?status=pending&country=FR").content.decode()
    )
    assert (
        "Saint-Maur-des-Fossés" not in client.get(f"{CHANGELIST}?status=approved").content.decode()
    )


def test_admin_proposals_are_staff_only(client, plain_user):
    proposal = services.proposal_create(user=plain_user, **DATA)
    client.force_login(plain_user)
    response = client.post(CHANGELIST, {"action": "approve", "_selected_action": [proposal.pk]})
    assert response.status_code == 302 and response.url.startswith("/en/admin/login/")
    proposal.refresh_from_db()
    assert proposal.is_pending
