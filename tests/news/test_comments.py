"""Comments on news: who may write, delete and report them, limits, doubles, display."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import ArticleStatus, Comment, CommentStatus
from news.services import COMMENT_RATE_LIMIT
from tests.concurrency import in_parallel, needs_postgresql
from tests.factories import ArticleFactory, CommentFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


def post_comment(client, article, body="Дякую за новину"):
    url = reverse("news:comment-create", kwargs={"slug": article.slug})
    return client.post(url, {"body": body})


def delete_url(comment) -> str:
    return reverse("news:comment-delete", kwargs={"pk": comment.pk})


def report_url(comment) -> str:
    return reverse("news:comment-report", kwargs={"pk": comment.pk})


def test_comment_anonymous_reader_is_sent_to_sign_in(client):
    article = ArticleFactory()
    response = post_comment(client, article)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert Comment.objects.count() == 0


def test_comment_anonymous_reader_sees_invitation_with_links_back(client):
    article = ArticleFactory()
    CommentFactory(article=article, body="Перший коментар")
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert "Перший коментар" in html
    assert 'name="body"' not in html
    back = f"next={article.get_absolute_url()}%23comments"
    assert f'href="{reverse("account_login")}?{back}"' in html
    assert f'href="{reverse("account_signup")}?{back}"' in html


def test_comment_unverified_user_is_refused(client, unverified_user):
    article = ArticleFactory()
    client.force_login(unverified_user)
    assert post_comment(client, article).status_code == 403
    assert 'name="body"' not in client.get(article.get_absolute_url()).content.decode()
    assert Comment.objects.count() == 0


def test_comment_verified_user_writes_one(client, verified_user):
    article = ArticleFactory()
    client.force_login(verified_user)
    response = post_comment(client, article, "See https://example.org <b>now</b>")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response.url == f"{article.get_absolute_url()}#comment-{comment.pk}"
    assert (comment.author, comment.article, comment.body) == (
        verified_user, article, "See https://example.org <b>now</b>",
    )  # fmt: skip
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="https://example.org" rel="nofollow ugc noopener noreferrer">' in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("language", "hint"),
    [("uk", "Звичайний текст, до 2000 символів"), ("en", "Plain text, up to 2000 characters")],
)
def test_comment_form_hint_is_in_the_page_language(client, verified_user, language, hint):
    article = ArticleFactory()
    client.force_login(verified_user)
    html = client.get(article.get_absolute_url().replace("/uk/", f"/{language}/")).text
    assert hint in html


def test_comment_too_long_keeps_the_text_and_says_why(client, verified_user):
    article = ArticleFactory()
    client.force_login(verified_user)
    body = "я" * (Comment.MAX_LENGTH + 1)
    response = post_comment(client, article, body)
    assert response.status_code == 400
    assert body in response.content.decode()
    assert Comment.objects.count() == 0


def test_comment_rate_limit_per_user(client, verified_user):
    article = ArticleFactory()
    client.force_login(verified_user)
    for n in range(COMMENT_RATE_LIMIT):
        assert post_comment(client, article, f"comment {n}").status_code == 302
    response = post_comment(client, article, "one too many")
    assert response.status_code == 400
    assert "one too many" in response.content.decode()
    assert Comment.objects.count() == COMMENT_RATE_LIMIT
    other = VerifiedUserFactory()
    client.force_login(other)
    assert post_comment(client, article, "someone else").status_code == 302


def test_comment_on_scheduled_article_is_not_possible(client, verified_user):
    article = ArticleFactory(published_at=timezone.now() + timedelta(days=1))
    client.force_login(verified_user)
    assert post_comment(client, article).status_code == 404


def test_comment_staff_can_comment_as_a_reader(client, staff_user):
    article = ArticleFactory()
    client.force_login(staff_user)
    assert post_comment(client, article).status_code == 302


def test_comment_author_deletes_own(client):
    comment = CommentFactory()
    client.force_login(comment.author)
    response = client.post(delete_url(comment))
    assert response.status_code == 302
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("role", ["verified_user", "staff_user"])
def test_comment_others_cannot_delete(client, request, role):
    comment = CommentFactory()
    client.force_login(request.getfixturevalue(role))
    assert client.post(delete_url(comment)).status_code == 403
    assert Comment.objects.count() == 1


def test_comment_delete_needs_post_and_sign_in(client):
    comment = CommentFactory()
    assert client.post(delete_url(comment)).status_code == 302
    client.force_login(comment.author)
    assert client.get(delete_url(comment)).status_code == 405
    assert Comment.objects.count() == 1


def test_comment_three_reports_hide_it_until_review(client):
    comment = CommentFactory()
    url = report_url(comment)
    reporters = VerifiedUserFactory.create_batch(3)
    client.force_login(reporters[0])
    client.post(url)
    client.post(url)  # the same reader twice counts once
    client.force_login(reporters[1])
    client.post(url)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.VISIBLE
    client.force_login(reporters[2])
    assert client.post(url).status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.AWAITING_REVIEW
    assert comment.body not in client.get(comment.article.get_absolute_url()).content.decode()


def test_comment_author_and_unverified_cannot_report(client, unverified_user):
    comment = CommentFactory()
    url = report_url(comment)
    client.force_login(comment.author)
    assert client.post(url).status_code == 403
    client.force_login(unverified_user)
    assert client.post(url).status_code == 403
    assert comment.reports.count() == 0


def test_comment_reviewed_comment_is_not_hidden_again_by_old_reports(client):
    comment = CommentFactory()
    reporters = VerifiedUserFactory.create_batch(3)
    for reporter in reporters[:2]:
        client.force_login(reporter)
        client.post(report_url(comment))
    Comment.objects.filter(pk=comment.pk).update(reviewed_at=timezone.now())
    client.force_login(reporters[2])
    client.post(report_url(comment))
    comment.refresh_from_db()
    assert comment.status == CommentStatus.VISIBLE


def test_comment_threads_are_paginated(client):
    article = ArticleFactory()
    CommentFactory.create_batch(55, article=article, author=VerifiedUserFactory())
    first = client.get(article.get_absolute_url())
    assert len(first.context["comments"].object_list) == 50
    second = client.get(article.get_absolute_url(), {"comments": 2})
    assert len(second.context["comments"].object_list) == 5


def test_comment_draft_article_has_no_public_page(client):
    article = ArticleFactory(status=ArticleStatus.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_comment_author_is_shown_by_first_name_or_a_masked_address_never_the_email(client):
    article = ArticleFactory()
    named = VerifiedUserFactory(email="taras.shevchenko@example.org", first_name="Тарас")
    unnamed = VerifiedUserFactory(email="olena.koval@example.org", first_name="")
    email_as_name = VerifiedUserFactory(email="ivan@example.net", first_name="ivan@example.net")
    for author in (named, unnamed, email_as_name):
        CommentFactory(article=article, author=author)
    html = client.get(article.get_absolute_url()).content.decode()
    names = [c.split("</strong>")[0] for c in html.split('class="comment__meta"><strong>')[1:]]
    assert names == ["Тарас", "ol…", "iv…"]
    for leak in ("taras.shevchenko", "olena.koval", "ivan@", "@example.org", "@example.net"):
        assert leak not in html


def test_comment_error_page_links_back_to_the_article_not_the_post_only_address(
    client, verified_user
):
    article = ArticleFactory()
    CommentFactory.create_batch(51, article=article, author=VerifiedUserFactory())
    client.force_login(verified_user)
    response = post_comment(client, article, "я" * (Comment.MAX_LENGTH + 1))
    assert response.status_code == 400
    html = response.content.decode()
    assert "я" * (Comment.MAX_LENGTH + 1) in html
    # The language switcher is in the header and again in the footer.
    links = sorted(set(re.findall(r'href="([^"]+)" lang="(?:uk|en)" hreflang', html)))
    pages = re.findall(r'href="([^"]*comments=2[^"]*)"', html)
    assert links == [f"/en/news/{article.slug}/", f"/uk/news/{article.slug}/"]
    assert pages == [f"/uk/news/{article.slug}/?comments=2#comments"]
    for url in [*links, *pages]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("when", ["draft", "scheduled"])
def test_comment_form_is_not_shown_in_a_staff_preview(client, staff_user, when):
    if when == "draft":
        article = ArticleFactory(status=ArticleStatus.DRAFT)
    else:
        article = ArticleFactory(published_at=timezone.now() + timedelta(days=1))
    client.force_login(staff_user)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.context["is_preview"] is True
    html = response.content.decode()
    assert 'name="body"' not in html
    assert "/comments/" not in html


@pytest.mark.parametrize("status", [CommentStatus.AWAITING_REVIEW, CommentStatus.HIDDEN])
def test_comment_author_cannot_delete_a_comment_under_review_or_hidden(client, status):
    comment = CommentFactory(status=status)
    reporters = VerifiedUserFactory.create_batch(3)
    for reporter in reporters:
        comment.reports.create(reporter=reporter)
    client.force_login(comment.author)
    assert client.post(delete_url(comment)).status_code == 403
    comment.refresh_from_db()
    assert comment.status == status
    assert sorted(comment.reports.values_list("reporter", flat=True)) == sorted(
        r.pk for r in reporters
    )


def test_comment_double_submit_creates_one_comment(client, verified_user):
    article = ArticleFactory()
    client.force_login(verified_user)
    first = post_comment(client, article, "Дякую за новину")
    second = post_comment(client, article, "  Дякую за новину ")
    comment = Comment.objects.get()
    assert first.status_code == second.status_code == 302
    assert second.url == first.url == f"{article.get_absolute_url()}#comment-{comment.pk}"
    page = client.get(second.url)
    assert [str(m) for m in page.context["messages"]] == [
        "Ваш коментар опубліковано.",
        "Цей коментар ви вже опублікували.",
    ]


def test_comment_same_text_is_fine_on_another_article_or_after_ten_minutes(client, verified_user):
    article, other = ArticleFactory(), ArticleFactory()
    CommentFactory(
        article=article, author=verified_user, body="Так!",
        created_at=timezone.now() - timedelta(minutes=11),
    )  # fmt: skip
    client.force_login(verified_user)
    assert post_comment(client, article, "Так!").status_code == 302
    assert post_comment(client, other, "Так!").status_code == 302
    assert Comment.objects.filter(author=verified_user, body="Так!").count() == 3


def signed_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_comment_rate_limit_holds_under_parallel_posts():
    article = ArticleFactory()
    author = VerifiedUserFactory()
    clients = [signed_in_client(author) for _ in range(COMMENT_RATE_LIMIT + 3)]
    calls = [
        (lambda c=c, n=n: post_comment(c, article, f"comment {n}").status_code)
        for n, c in enumerate(clients)
    ]
    statuses = in_parallel(*calls)
    assert sorted(statuses) == [302] * COMMENT_RATE_LIMIT + [400] * 3
    assert Comment.objects.filter(author=author).count() == COMMENT_RATE_LIMIT


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_comment_parallel_double_submit_creates_one_comment():
    article = ArticleFactory()
    author = VerifiedUserFactory()
    clients = [signed_in_client(author) for _ in range(4)]
    calls = [(lambda c=c: post_comment(c, article, "Дякую!").status_code) for c in clients]
    assert in_parallel(*calls) == [302] * 4
    assert Comment.objects.filter(author=author).count() == 1
