"""Whole journeys through the portal in a browser, each person in a browser of their own.

Links are found by where they lead and forms by what they send, not by their words,
so the same steps hold in every language.
"""

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from django.utils import translation

from news.models import Article, Comment
from partnerships.choices import OfficialStatus
from partnerships.models import CooperationRequest, Memorandum, Official
from tests.browser.support import (
    BROWSER_TESTS,
    PASSWORD,
    go_by,
    in_language,
    languages,
    screenshot,
    send,
    sign_in_through_form,
    url,
)

pytestmark = BROWSER_TESTS


def path_of(page) -> str:
    """Where the browser is, without host and fragment: /uk/news/story/?comments=2"""
    parts = urlsplit(page.url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def views_shown(page) -> int:
    return int(re.sub(r"\D", "", page.locator(".article__meta > span").last.inner_text()))


def follow(page, href: str) -> None:
    """Click the link that leads to `href` (there may be several: the first)."""
    go_by(page, page.locator(f"main a[href='{href}']").first)
    assert urlsplit(page.url).path == urlsplit(href).path


def test_reader_reads_news_sees_the_views_rise_and_is_invited_to_sign_in(page, world):
    article_url = url("news:article-detail", "uk", slug=world.article.slug)
    page.goto(url("news:article-list", "uk"))
    follow(page, article_url)
    assert page.locator("h1").inner_text() == world.article.title_uk
    assert views_shown(page) == 1
    page.reload()
    assert views_shown(page) == 2
    assert Article.objects.get(pk=world.article.pk).view_count == 2

    comments = page.locator("#comments")
    assert comments.locator("textarea").count() == 0
    go_by(page, comments.locator("a[href*='/accounts/login/']"))
    sign_in_through_form(page, world.reader.email)
    page.wait_for_url(f"**{article_url}#comments")
    assert page.locator(".comment-form textarea[name=body]").is_visible()


def test_newcomer_signs_up_confirms_from_the_outbox_and_comments(
    page, world, live_server, mailoutbox
):
    article_url = url("news:article-detail", "uk", slug=world.article.slug)
    page.goto(article_url)
    go_by(page, page.locator("#comments a[href*='/accounts/signup/']"))
    page.fill("main form [name=email]", "newcomer@example.org")
    page.fill("main form [name=password1]", PASSWORD)
    page.fill("main form [name=password2]", PASSWORD)
    send(page)
    page.wait_for_url("**/accounts/confirm-email/")

    [message] = mailoutbox
    assert message.to == ["newcomer@example.org"]
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    assert link.startswith(live_server.url)
    page.goto(link)
    send(page)
    # Confirmed and signed in, back where the newcomer set out from.
    page.wait_for_url(f"**{article_url}*")
    page.fill(".comment-form textarea[name=body]", "Вітаю громаду з новою школою!")
    send(page, ".comment-form")
    page.wait_for_url(re.compile(r"#comment-\d+$"))
    comment = Comment.objects.get(author__email="newcomer@example.org")
    assert comment.body == "Вітаю громаду з новою школою!"
    assert page.locator(f"#comment-{comment.pk}").inner_text().count("Вітаю громаду") == 1
    screenshot(page, "journey-comment-published")


def test_user_applies_as_an_official_and_staff_approve_in_the_admin(
    person, world, live_server, settings, mailoutbox
):
    settings.PORTAL_BASE_URL = live_server.url  # links in mails lead to this server
    applicant = person()
    applicant.goto(url("account_login", "uk"))
    sign_in_through_form(applicant, world.reader.email)
    applicant.goto(world.c.get_absolute_url())
    follow(applicant, url("partnerships:official-apply", "uk", slug=world.c.slug))
    applicant.fill("[name=position]", "Секретарка ради")
    applicant.fill("[name=work_email]", "sekretar@balakliia.example.org")
    applicant.fill("[name=phone]", "+380 57 000 00 00")
    send(applicant)
    applicant.wait_for_url(f"**{url('partnerships:dashboard', 'uk')}")
    assert world.c.name_uk in applicant.locator("main table").inner_text()
    application = Official.objects.get(user=world.reader)
    assert application.status == OfficialStatus.APPLIED

    staff = person()
    staff.goto(url("admin:index", "uk"))
    staff.wait_for_url("**/accounts/login/**")  # the admin signs in through allauth
    sign_in_through_form(staff, world.staff.email)
    staff.wait_for_url(f"**{url('admin:index', 'uk')}")
    staff.goto(url("admin:partnerships_official_changelist", "uk") + "?status__exact=applied")
    row = staff.locator("#result_list tbody tr", has_text=world.c.name_uk)
    row.locator("input.action-select").check()
    staff.select_option("select[name=action]", "approve")
    go_by(staff, staff.locator("button[name=index]"))
    assert staff.locator(".messagelist .success").count() == 1
    application.refresh_from_db()
    assert application.status == OfficialStatus.APPROVED
    assert application.decided_by == world.staff

    [decision] = [m for m in mailoutbox if m.to == [world.reader.email]]
    link = re.search(r"http://\S+/my-municipality/", decision.body).group(0)
    applicant.goto(link)
    assert world.c.name_uk in applicant.locator("h1").inner_text()
    assert applicant.locator(f"main a[href='{url('partnerships:profile-edit', 'uk')}']").count()


def test_officials_cooperate_accept_agree_the_memorandum_and_download_its_pdf(person, world):
    # A Ukrainian community asks a town abroad to cooperate.
    a = person(world.official_a)
    a.goto(world.b.get_absolute_url())
    follow(a, url("partnerships:cooperate", "uk", slug=world.b.slug))
    a.check(f"input[name=areas][value='{world.energy.pk}']")
    a.locator("input[name=form]").first.check()
    a.fill("[name=message]", "Пропонуємо обмінятися досвідом енергоощадної відбудови шкіл.")
    assert a.input_value("[name=contact_person]")  # filled in from the official's record
    send(a, "main form.stack")
    request = CooperationRequest.objects.get(from_municipality=world.a, to_municipality=world.b)
    a.wait_for_url(f"**{url('partnerships:request-detail', 'uk', pk=request.pk)}")

    # Its official, who reads the portal in English, accepts from the dashboard.
    b = person(world.official_b)
    b.goto(url("partnerships:dashboard", "en"))
    follow(b, url("partnerships:request-detail", "en", pk=request.pk))
    b.fill("[name=reply]", "Grudziadz will be glad to share its experience.")
    send(b, "form[action$='/accept/']")
    memorandum = Memorandum.objects.get(request=request)
    follow(b, url("partnerships:memorandum-detail", "en", pk=memorandum.pk))

    # A adds a sentence to the purpose: version 2, which both sides then agree to.
    a.goto(url("partnerships:memorandum-detail", "uk", pk=memorandum.pk))
    follow(
        a, url("partnerships:memorandum-section-edit", "uk", pk=memorandum.pk, section="purpose")
    )
    added_uk, added_en = "Сторони щороку звітують про спільні проєкти.", "The Parties report on their joint projects every year."  # fmt: skip
    a.fill("[name=text_uk]", f"{a.input_value('[name=text_uk]')} {added_uk}")
    a.fill("[name=text_other]", f"{a.input_value('[name=text_other]')} {added_en}")
    send(a)
    a.wait_for_url(re.compile(r"#section-purpose$"))
    b.reload()
    send(b, "form[action$='/agree/']")
    a.reload()
    send(a, "form[action$='/agree/']")
    memorandum.refresh_from_db()
    assert (memorandum.version, memorandum.status) == (2, "final")
    assert a.locator(
        f"a[href='{url('partnerships:memorandum-sign', 'uk', pk=memorandum.pk)}']"
    ).count()
    screenshot(a, "journey-memorandum-final")

    with a.expect_download() as pending:
        a.locator(f"a[href='{url('partnerships:memorandum-pdf', 'uk', pk=memorandum.pk)}']").click()
    download = pending.value
    assert download.suggested_filename == f"memorandum-{memorandum.pk}-v2.pdf"
    pdf = Path(download.path())
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(  # noqa: S603 - our own file
        ["pdftotext", str(pdf), "-"],  # noqa: S607 - poppler-utils, see bin/setup
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "report on their joint projects" in " ".join(text.split())
    assert world.a.name_uk in text


def test_switching_language_keeps_the_page(person, world):
    """From every language to every other: the same page, its query kept, its content
    now in the new language (names fall back as the portal's own fallbacks do)."""
    article = url("news:article-detail", "uk", slug=world.article.slug)
    directory = url("partnerships:municipality-list", "uk")

    def heading_is(get_text):
        return lambda page: page.locator("h1").inner_text() == get_text()

    pages = {
        f"{article}?comments=1": heading_is(lambda: world.article.display_title),
        f"{directory}?q=%D1%96%D0%B7%D1%8E%D0%BC&country=UA": lambda page: (
            page.input_value("input[name=q]") == "ізюм"
            and page.locator(".card--municipality h2, .card--municipality h3").all_inner_texts()
            == [str(world.a.name)]
        ),
        world.b.get_absolute_url(): heading_is(lambda: str(world.b.name)),
        url("partnerships:memorandum-detail", "uk", pk=world.memorandum.pk): lambda page: (
            str(world.a.name) in page.locator(".memo-header__parties").inner_text()
        ),
    }
    page = person(world.official_a)
    for path, shows_the_same_page in pages.items():
        for source in languages():
            for target in languages():
                if target == source:
                    continue
                page.goto(in_language(path, source))
                go_by(page, page.locator(f".lang-switch a[hreflang='{target}']"))
                assert path_of(page) == in_language(path, target)
                assert page.locator("html").get_attribute("lang") == target
                with translation.override(target):
                    assert shows_the_same_page(page), f"{path}: {source} → {target}"
