"""Mails about requests and officials: who gets them, in which language, and when."""

import io
import logging

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from partnerships.choices import OfficialStatus
from partnerships.models import CooperationRequest, Official
from tests.factories import CooperationAreaFactory, OfficialFactory

FAILING_MAIL = {"default": {"BACKEND": "tests.mail.FailingBackend"}}


def cooperate(client, target, area):
    return client.post(
        reverse("partnerships:cooperate", kwargs={"slug": target.slug}),
        {
            "areas": [area.pk],
            "form": "twinning",
            "message": "We would like to twin and share our experience of rebuilding.",
            "contact_person": "Olena Kovalenko, +380 50 000 00 00",
        },
    )


# --- A mail server that fails does not undo what was done ---------------------------------


def mail_subject(official):
    # English: official_b reads English.
    return f"{official.municipality.name_en} proposes to cooperate"


def test_mail_failure_keeps_the_request_and_is_logged(
    client, settings, caplog, official_a, official_b, django_capture_on_commit_callbacks
):
    settings.MAILERS = FAILING_MAIL
    client.force_login(official_a.user)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = cooperate(client, official_b.municipality, CooperationAreaFactory())
    created = CooperationRequest.objects.get()
    assert response.status_code == 302
    assert response.url == created.get_absolute_url()
    failures = [r for r in caplog.records if r.name == "twinning.tasks"]
    assert [r.getMessage() for r in failures] == [
        f"Could not send the mail '{mail_subject(official_a)}' to {official_b.user.email}"
    ]


def test_admin_approve_decides_every_selected_record_when_mail_fails(
    client, settings, caplog, staff_user, django_capture_on_commit_callbacks
):
    settings.MAILERS = FAILING_MAIL
    pending = [OfficialFactory(status=OfficialStatus.APPLIED) for _ in range(3)]
    client.force_login(staff_user)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:partnerships_official_changelist"),
            {"action": "approve", "_selected_action": [o.pk for o in pending]},
        )
    assert response.status_code == 302
    assert set(
        Official.objects.filter(pk__in=[o.pk for o in pending]).values_list("status", flat=True)
    ) == {OfficialStatus.APPROVED}
    assert sorted(
        r.getMessage().rsplit(" to ", 1)[1] for r in caplog.records if r.name == "twinning.tasks"
    ) == sorted(o.user.email for o in pending)


def test_mails_wait_in_the_database_queue_until_the_worker_sends_them(
    client, settings, official_a, official_b, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(official_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        cooperate(client, official_b.municipality, CooperationAreaFactory())
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "twinning.tasks.send_email"
    assert queued.args_kwargs["kwargs"]["to"] == [official_b.user.email]

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert [m.to for m in mail.outbox] == [[official_b.user.email]]
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


def test_failed_mail_stays_in_the_database_queue_as_failed(
    client, settings, official_a, official_b, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILERS = FAILING_MAIL
    client.force_login(official_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        cooperate(client, official_b.municipality, CooperationAreaFactory())
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    failed = DBTaskResult.objects.get()
    assert failed.status == "FAILED"
    assert failed.exception_class_path == "smtplib.SMTPServerDisconnected"

    # Once the mail server is back, staff queue the failed mail again.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    call_command("resend_failed_mail", stdout=io.StringIO())
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert [m.to for m in mail.outbox] == [[official_b.user.email]]
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"]


# --- Who gets a new request ---------------------------------------------------------------


def test_request_to_municipality_nobody_acts_for_goes_to_the_ministry(
    client, settings, official_a, django_capture_on_commit_callbacks
):
    from tests.factories import ForeignMunicipalityFactory

    settings.PORTAL_CONTACT_EMAIL = "ministry@example.gov.ua"
    silent = ForeignMunicipalityFactory(name_en="Silent Town", name_uk="Тихе місто", email="")
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": silent.slug})
    page = client.get(url).content.decode()
    assert "Nobody acts for Тихе місто on the portal yet" in page  # before sending
    with django_capture_on_commit_callbacks(execute=True):
        response = cooperate(client, silent, CooperationAreaFactory())
    assert response.status_code == 302
    followed = client.get(response.url).content.decode()
    assert "Nobody acts for Тихе місто on the portal yet, so the ministry will forward it." in (
        followed
    )
    assert [m.to for m in mail.outbox] == [["ministry@example.gov.ua"]]
    assert mail.outbox[0].subject == "Please forward: a request for cooperation to Тихе місто"
    assert CooperationRequest.objects.get().get_absolute_url() in mail.outbox[0].body


def test_request_recipients_officials_else_public_address(
    client, official_a, official_b, municipality_c, django_capture_on_commit_callbacks
):
    """B's officials (all approved ones) get it, not B's public address; C has no
    officials: its public address does. Neither page warns that nobody acts."""
    second = OfficialFactory(municipality=official_b.municipality, language="uk")
    OfficialFactory(municipality=official_b.municipality, status=OfficialStatus.APPLIED)
    client.force_login(official_a.user)
    for target in (official_b.municipality, municipality_c):
        page = client.get(reverse("partnerships:cooperate", kwargs={"slug": target.slug}))
        assert "Nobody acts for" not in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        cooperate(client, official_b.municipality, CooperationAreaFactory())
        cooperate(client, municipality_c, CooperationAreaFactory())
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [official_b.user.email, second.user.email, municipality_c.email]
    )
