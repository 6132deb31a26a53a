"""Yearly plans and reports: who drafts, who agrees, who sees drafts; one per year; an
edit clears the agreements; the PDF; health with an agreed report; the notifications."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from core.notifications.models import Notification, NotificationKind
from partnerships.activities.timeline import PAGE_SIZE
from partnerships.models import Partnership, YearlyAgreement, YearlyDocument
from partnerships.yearly import services
from partnerships.yearly.models import YearlyKind, YearlyStatus
from tests.concurrency import in_parallel, needs_postgresql
from tests.factories import PublishedActivityFactory
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(partnership, official_a):
    document, _new = services.yearly_open(
        partnership=partnership,
        kind=YearlyKind.PLAN,
        year=2026,
        actor=official_a.user,
    )
    return document


def _agree(document, municipality, user):
    return services.yearly_agree(
        document=document, municipality=municipality, version=document.version, actor=user
    )


@pytest.fixture
def agreed_plan(plan, official_a, official_b):
    _agree(plan, official_a.municipality, official_a.user)
    return _agree(plan, official_b.municipality, official_b.user)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("plain", 403),
        ("official_a", 302),
        ("official_b", 302),
        ("official_c", 403),
        ("staff", 403),
    ],
)
def test_who_may_draft_a_plan_or_report(role_client, partnership, role, expected):
    url = reverse("partnerships:yearly-open", kwargs={"pk": partnership.pk})
    response = role_client(role).post(url, {"kind": "report", "year": "2025"})
    assert response.status_code == expected
    assert YearlyDocument.objects.exists() == (expected == 302 and role.startswith("official"))


@pytest.mark.parametrize(
    ("role", "sees_draft", "may_edit", "may_agree"),
    [
        ("anonymous", False, False, False),
        ("plain", False, False, False),
        ("official_a", True, True, True),
        ("official_b", True, True, True),
        ("official_c", False, False, False),
        ("staff", True, False, False),
    ],
)
def test_who_sees_edits_and_agrees_to_a_draft(
    role_client, plan, role, sees_draft, may_edit, may_agree
):
    client = role_client(role)
    detail = client.get(plan.get_absolute_url())
    assert detail.status_code == (200 if sees_draft else 404)
    assert client.get(reverse("partnerships:yearly-pdf", kwargs={"pk": plan.pk})).status_code == (
        200 if sees_draft else 404
    )
    edit = client.get(reverse("partnerships:yearly-edit", kwargs={"pk": plan.pk}))
    assert (edit.status_code == 200) == may_edit
    agree = client.post(
        reverse("partnerships:yearly-agree", kwargs={"pk": plan.pk}), {"version": plan.version}
    )
    assert YearlyAgreement.objects.filter(document=plan).exists() == may_agree
    if role == "anonymous":
        assert agree.status_code == 302 and "login" in agree.url


def test_an_agreed_plan_is_public_and_on_the_partnership_page(client, agreed_plan, partnership):
    assert agreed_plan.is_agreed
    assert client.get(agreed_plan.get_absolute_url()).status_code == 200
    page = client.get(partnership.get_absolute_url()).content.decode()
    assert agreed_plan.get_absolute_url() in page


def test_a_draft_is_not_listed_for_the_public(client, plan, partnership):
    page = client.get(partnership.get_absolute_url()).content.decode()
    assert plan.get_absolute_url() not in page


def test_one_plan_and_one_report_per_partnership_and_year(plan, partnership, official_b):
    again, new = services.yearly_open(
        partnership=partnership,
        kind=YearlyKind.PLAN,
        year=2026,
        actor=official_b.user,
    )
    assert (again.pk, new) == (plan.pk, False)
    report, new = services.yearly_open(
        partnership=partnership,
        kind=YearlyKind.REPORT,
        year=2026,
        actor=official_b.user,
    )
    assert new and report.pk != plan.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        YearlyDocument.objects.create(partnership=partnership, kind="plan", year=2026, text_uk="x")


def test_an_edit_clears_both_agreements_and_makes_a_new_version(
    role_client, agreed_plan, official_a
):
    response = role_client("official_a").post(
        reverse("partnerships:yearly-edit", kwargs={"pk": agreed_plan.pk}),
        {"text_uk": "Культура: два обміни", "text_other": "Kultura", "base_version": 1},
    )
    assert response.status_code == 302
    agreed_plan.refresh_from_db()
    assert (agreed_plan.version, agreed_plan.status) == (2, YearlyStatus.DRAFT)
    assert agreed_plan.agreed_at is None
    assert not agreed_plan.agreements.exists()
    assert agreed_plan.history.count() == 2


def test_an_edit_on_an_older_version_is_refused(plan, official_a, official_b):
    services.yearly_save(
        document=plan, texts=services.Texts("Theirs", ""), base_version=1, actor=official_b.user
    )
    with pytest.raises(services.YearlyError):
        services.yearly_save(
            document=plan, texts=services.Texts("Mine", ""), base_version=1, actor=official_a.user
        )


def test_agreeing_to_an_older_version_changes_nothing(plan, official_a, official_b):
    services.yearly_save(
        document=plan, texts=services.Texts("New", ""), base_version=1, actor=official_b.user
    )
    with pytest.raises(services.YearlyError):
        services.yearly_agree(
            document=plan, municipality=official_a.municipality, version=1, actor=official_a.user
        )
    assert not YearlyAgreement.objects.exists()


def test_a_bad_version_or_year_is_a_400(role_client, plan, partnership):
    client = role_client("official_a")
    agree = client.post(
        reverse("partnerships:yearly-agree", kwargs={"pk": plan.pk}), {"version": "²"}
    )
    assert agree.status_code == 400
    opened = client.post(
        reverse("partnerships:yearly-open", kwargs={"pk": partnership.pk}),
        {"kind": "plan", "year": str(timezone.localdate().year + 5)},
    )
    assert opened.status_code == 400


def test_a_report_lists_that_years_published_activities(partnership, official_a):
    PublishedActivityFactory(
        partnership=partnership, title="Generators", happened_on=datetime.date(2025, 3, 4)
    )
    PublishedActivityFactory(
        partnership=partnership, title="Last year", happened_on=datetime.date(2024, 3, 4)
    )
    report, _new = services.yearly_open(
        partnership=partnership,
        kind=YearlyKind.REPORT,
        year=2025,
        actor=official_a.user,
    )
    assert "04.03.2025 — Generators" in report.text_uk
    assert "Last year" not in report.text_uk


def test_the_other_side_is_told_in_their_language(plan, official_a, official_b):
    _agree(plan, official_a.municipality, official_a.user)
    told = Notification.objects.get(recipient=official_b.user)
    assert told.kind == NotificationKind.YEARLY_AGREED
    assert not Notification.objects.filter(recipient=official_a.user).exists()
    services.yearly_save(
        document=plan, texts=services.Texts("New", ""), base_version=1, actor=official_b.user
    )
    version = Notification.objects.get(recipient=official_a.user)
    assert version.kind == NotificationKind.YEARLY_VERSION
    assert "річний план" in version.title  # official_a mails in Ukrainian


@pytest.mark.parametrize("reader", ["uk", "en", "fr"])
def test_the_pdf_is_in_ukrainian_and_the_partners_language_for_every_reader(
    client, agreed_plan, tmp_path, reader
):
    YearlyDocument.objects.filter(pk=agreed_plan.pk).update(
        text_uk="Культура: спільний фестиваль", text_other="Kultura: wspólny festiwal"
    )
    with translation.override(reader):
        url = reverse("partnerships:yearly-pdf", kwargs={"pk": agreed_plan.pk})
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content, tmp_path).split()).casefold()
    for words in [
        "Культура: спільний фестиваль",
        "Kultura: wspólny festiwal",
        "Річний план 2026",
        "Plan roczny 2026",
        "Погоджено обома сторонами",
        "Uzgodnione przez obie strony",
        "Українською мовою",
        "W języku polskim",
        "Сторона 1",
        "Strona 2",
    ]:
        assert words.casefold() in text
    assert "yearly plan" not in text  # the reader's language does not change the print


def test_a_draft_pdf_says_it_is_a_draft_in_both_languages(role_client, plan, tmp_path):
    response = role_client("official_a").get(
        reverse("partnerships:yearly-pdf", kwargs={"pk": plan.pk})
    )
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "ПРОЄКТ" in text and "PROJEKT" in text


TODAY = datetime.date(2026, 6, 15)


@pytest.mark.parametrize(
    ("agreed_on", "expected"),
    [
        (datetime.date(2025, 1, 1), "active"),
        (datetime.date(2024, 12, 14), "quiet"),
    ],
)
def test_an_agreed_report_within_the_months_makes_it_active(
    partnership, official_a, official_b, agreed_on, expected
):
    report, _new = services.yearly_open(
        partnership=partnership,
        kind=YearlyKind.REPORT,
        year=2024,
        actor=official_a.user,
    )
    _agree(report, official_a.municipality, official_a.user)
    at = timezone.make_aware(datetime.datetime.combine(agreed_on, datetime.time(12)))
    YearlyDocument.objects.filter(pk=report.pk).update(status=YearlyStatus.AGREED, agreed_at=at)
    health = Partnership.objects.with_health(today=TODAY).get(pk=partnership.pk).health
    assert health == expected


def test_an_agreed_plan_or_a_draft_report_does_not_make_it_active(
    partnership, agreed_plan, official_a
):
    services.yearly_open(
        partnership=partnership,
        kind=YearlyKind.REPORT,
        year=2026,
        actor=official_a.user,
    )
    health = Partnership.objects.with_health().get(pk=partnership.pk).health
    assert health == "quiet"


@pytest.mark.parametrize("size", [1, 30])
def test_the_pages_make_a_fixed_number_of_queries(
    role_client, django_assert_max_num_queries, partnership, official_a, size
):
    for year in range(2000, 2000 + size):
        services.yearly_open(
            partnership=partnership,
            kind=YearlyKind.PLAN,
            year=year,
            actor=official_a.user,
        )
    document = YearlyDocument.objects.first()
    client = role_client("official_a")
    with django_assert_max_num_queries(10):
        page = client.get(partnership.get_absolute_url())
    assert page.content.decode().count("/yearly/") >= min(size, PAGE_SIZE)
    with django_assert_max_num_queries(8):
        assert client.get(document.get_absolute_url()).status_code == 200


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_both_sides_agreeing_at_once_make_it_agreed(plan, official_a, official_b):
    results = in_parallel(
        lambda: _agree(plan, official_a.municipality, official_a.user),
        lambda: _agree(plan, official_b.municipality, official_b.user),
    )
    assert not [r for r in results if isinstance(r, Exception)]
    plan.refresh_from_db()
    assert plan.is_agreed and plan.agreed_at is not None
    assert plan.agreements.filter(version=plan.version).count() == 2


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_an_edit_and_an_agreement_at_once_never_leave_an_agreed_old_text(
    plan, official_a, official_b
):
    _agree(plan, official_a.municipality, official_a.user)
    in_parallel(
        lambda: _agree(plan, official_b.municipality, official_b.user),
        lambda: services.yearly_save(
            document=plan,
            texts=services.Texts("Changed", ""),
            base_version=1,
            actor=official_a.user,
        ),
    )
    plan.refresh_from_db()
    if plan.version == 2:  # the edit came last: no agreement survives it
        assert not plan.is_agreed and not plan.agreements.exists()
    else:
        assert plan.is_agreed


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_both_sides_opening_the_same_year_at_once_get_one_document(
    partnership, official_a, official_b
):
    def open_plan(user):
        return lambda: services.yearly_open(
            partnership=partnership, kind=YearlyKind.PLAN, year=2027, actor=user
        )

    results = in_parallel(open_plan(official_a.user), open_plan(official_b.user))
    assert not [r for r in results if isinstance(r, Exception)]
    assert len({document.pk for document, _new in results}) == 1
    assert YearlyDocument.objects.count() == 1


def test_both_profiles_link_an_agreed_plan_and_a_new_version_takes_it_off(
    client, plan, official_a, official_b, municipality_a, municipality_b
):
    profiles = [m.get_absolute_url() for m in (municipality_a, municipality_b)]
    for url in profiles:
        assert plan.get_absolute_url() not in client.get(url).content.decode()
    _agree(plan, official_a.municipality, official_a.user)
    _agree(plan, official_b.municipality, official_b.user)
    for url in profiles:
        assert plan.get_absolute_url() in client.get(url).content.decode()
    services.yearly_save(
        document=plan, texts=services.Texts("New", ""), base_version=1, actor=official_b.user
    )
    for url in profiles:
        assert plan.get_absolute_url() not in client.get(url).content.decode()


@pytest.mark.usefixtures("english")
def test_a_plan_starts_with_the_areas_either_side_offers_or_needs(
    partnership, municipality_a, municipality_b, official_a
):
    from tests.factories import CooperationAreaFactory

    culture = CooperationAreaFactory(name_uk="Культура", name_en="Culture")
    schools = CooperationAreaFactory(name_uk="Школи", name_en="Schools")
    municipality_a.offers.add(culture)
    municipality_b.needs.add(schools, culture)
    plan, _new = services.yearly_open(
        partnership=partnership,
        kind=YearlyKind.PLAN,
        year=2025,
        actor=official_a.user,
    )
    assert plan.text_uk.count("Культура:") == 1 and "Школи:" in plan.text_uk
    assert plan.language == "pl"  # the partner's language, by the memorandum's rule
    assert plan.text_other.count("Culture:") == 1 and "Schools:" in plan.text_other
