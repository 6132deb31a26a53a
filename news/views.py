import hashlib
import re
from functools import partial
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.caching import MAX_AGE
from core.languages import language_links
from core.listing import (
    CachedListMixin,
    ForgivingFilterMixin,
    KeysetPaginator,
    StrictKeysetPaginator,
)
from partnerships.models import Region

from . import models, services
from .caching import cached_in_generation, comments_generation, news_generation
from .cards import news_cards, related_articles
from .forms import ArticleFilter, CommentForm
from .models import Article, ArticleViewCount, Comment, topic_label, topics_with_names
from .permissions import can_comment, can_delete_comment, can_report_comment

COMMENTS_PER_PAGE = 50
# Crawlers, link previewers, headless browsers and scripts announce themselves; they
# are not readers. "preview" only as a word: some browsers' names merely contain it.
BOT_AGENT = re.compile(
    r"bot|crawl|spider|slurp|facebookexternalhit|embedly|whatsapp|headless|\bpreview\b|"
    r"curl|wget|python-|httpclient|java/|go-http|scrapy|monitor|lighthouse|pingdom",
    re.IGNORECASE,
)


def is_bot(request) -> bool:
    agent = request.headers.get("User-Agent", "")
    return not agent or bool(BOT_AGENT.search(agent))


def is_prefetch(request) -> bool:
    """A speculative load (link prefetch or prerender): the reader may never see the page."""
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" in purpose.lower()


class ArticleListView(CachedListMixin, ForgivingFilterMixin, FilterView):
    """All published news, or one topic's or one region's (scope from the URL). The list
    part is cached per news generation (news.caching, core.listing.CachedListMixin)."""

    filterset_class = ArticleFilter
    template_name = "news/article_list.html"
    content_template_name = "news/article_list_content.html"
    content_cache_prefix = "news-list"
    paginate_by = 12
    scope: str | None = None  # None, "tag" or "region"

    def get(self, request, *args, **kwargs):
        self.news_token = news_generation()
        self.scope_object = self.get_scope_object()
        return super().get(request, *args, **kwargs)

    def generation(self) -> str:
        return self.news_token

    def get_scope_object(self):
        """The topic (with its names) or region of the URL, cached per news generation
        (a topic's, its names' or a region's save starts a new one): a warm page then
        makes no query. A 404 is not cached."""
        if self.scope is None:
            return None
        slug = self.kwargs.get("slug", "")
        source = topics_with_names() if self.scope == "tag" else Region
        read = partial(get_object_or_404, source, slug=slug)
        return cached_in_generation(self.news_token, self.scope, slug, read)

    def get_queryset(self):
        # The cards' labels are read by news_cards, for the cards not cached already.
        queryset = Article.objects.published().for_cards().prefetch_related(None)
        if self.scope == "tag":
            queryset = queryset.filter(tags=self.scope_object)
        elif self.scope == "region":
            queryset = queryset.filter(regions=self.scope_object)
        return queryset

    def prepare_filterset(self, filterset):
        # The topic or region is fixed by the URL: no field to change it (applied when
        # the form is built, which a page served from the cache never needs).
        filterset.scope = self.scope
        if self.scope == "region":
            filterset.scope_region_slug = self.scope_object.slug
        return filterset

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        if self.filterset.is_search:
            # A search is bounded (SEARCH_LIMIT matches), so numbered pages stay cheap.
            return super().get_paginator(queryset, per_page, orphans, allow_empty_first_page)
        filters = sorted(
            (name, values)
            for name, values in (self.filterset.data or QueryDict()).lists()
            if name != "page"
        )
        scope = f"{self.scope}:{self.scope_object.pk}" if self.scope else "all"
        return StrictKeysetPaginator(
            queryset,
            per_page,
            keys=("published_at", "pk"),
            cache_key=f"news:{self._generation}:{scope}:{filters}",
            allow_empty_first_page=allow_empty_first_page,
        )

    def page_context(self, **kwargs) -> dict:
        """What the page around the list shows (title, feeds, breadcrumbs)."""
        news_url = reverse("news:article-list")
        if self.scope == "tag":
            heading = _("News on “%(tag)s”") % {"tag": topic_label(self.scope_object).name}
            feed_kwargs = {"slug": self.scope_object.slug}
            feeds = ("news:tag-rss", "news:tag-atom")
        elif self.scope == "region":
            heading = _("News of %(region)s") % {"region": self.scope_object.name}
            feed_kwargs = {"slug": self.scope_object.slug}
            feeds = ("news:region-rss", "news:region-atom")
        else:
            heading, feed_kwargs, feeds = _("News"), {}, ("news:rss", "news:atom")
        return {
            **kwargs,
            "heading": heading,
            "scope": self.scope,
            "scope_object": self.scope_object,
            "rss_url": reverse(feeds[0], kwargs=feed_kwargs),
            "atom_url": reverse(feeds[1], kwargs=feed_kwargs),
            "crumbs": [(_("News"), news_url), (heading, "")] if self.scope else [(_("News"), "")],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context.get("paginator")
        # A search ranks only the newest SEARCH_LIMIT matches; the page says so.
        context["search_capped"] = (
            self.filterset.is_search
            and paginator is not None
            and paginator.count >= models.search.SEARCH_LIMIT
        )
        context["search_limit"] = models.search.SEARCH_LIMIT
        context["cards"] = news_cards(list(context.get("object_list") or []), self.news_token)
        return context


def share_links(request, article: Article) -> dict[str, str]:
    url = request.build_absolute_uri(article.get_canonical_url())
    u, t = quote(url, safe=""), quote(article.display_title, safe="")
    return {
        "url": url,
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={u}",
        "telegram": f"https://t.me/share/url?url={u}&text={t}",
        "x": f"https://x.com/intent/post?url={u}&text={t}",
        "linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={u}",
        "email": f"mailto:?subject={t}&body={u}",
    }


def comment_pages(article: Article, generation: str = "") -> KeysetPaginator:
    """The thread in pages, oldest first; where pages start is cached per article."""
    generation = generation or comments_generation(article.pk)
    return KeysetPaginator(
        Comment.objects.filter(article=article).for_thread(),
        COMMENTS_PER_PAGE,
        keys=("created_at", "pk"),
        descending=False,
        cache_key=f"comments:{article.pk}:{generation}",
    )


# Stands for the view count in an article rendered for the cache; filled in per request.
VIEWS_MARK = "[[article-views]]"


def article_page(
    request, article: Article, *, comment_form=None, status: int = 200, generation: str = ""
):
    """The article page, shared by the detail view and the comment form's error path.

    Links are built from the article's own address, not the request's: after a failed
    comment the page is at the POST-only .../comments/, where the language switcher
    and the comment pages would answer 405.

    For a reader who is not signed in the article part is the same for everybody but
    its view count: it is rendered once per news and thread generation and address,
    and the count is filled in.
    """
    user = request.user
    article_url = article.get_absolute_url()
    query = request.GET.urlencode() if request.method == "GET" else ""
    is_preview = not article.is_public
    generation = generation or news_generation()
    thread_generation = comments_generation(article.pk)
    shared = not user.is_authenticated and not is_preview and comment_form is None
    key = ""
    if shared:
        address = (
            f"{article.pk}:{get_language()}:{request.GET.get('comments', '')}:"
            f"{request.scheme}:{request.get_host()}"
        )
        digest = hashlib.sha256(address.encode()).hexdigest()
        key = f"news-article-page:{generation}:{thread_generation}:{digest}"
    content = cache.get(key) if key else None
    if content is None:
        # A preview is for staff to read; nobody can comment on an unpublished article.
        may_comment = not is_preview and can_comment(user)
        comments = comment_pages(article, thread_generation).get_page(request.GET.get("comments"))
        login_next = f"{article_url}#comments"
        related = SimpleLazyObject(lambda: related_articles(article, generation))
        context = {
            "article": article,
            "article_url": article_url,
            "views": VIEWS_MARK if key else intcomma(article.view_count),
            # "Read more": ranked once per news generation, its cards rendered once for
            # every page that shows them (news.cards).
            "related": related,
            "related_cards": SimpleLazyObject(lambda: news_cards(list(related), generation)),
            "comments_generation": thread_generation,
            "share": share_links(request, article),
            "comments": comments,
            "can_comment": may_comment,
            "comment_form": comment_form or (CommentForm() if may_comment else None),
            "login_url": f"{reverse('account_login')}?next={quote(login_next)}",
            "signup_url": f"{reverse('account_signup')}?next={quote(login_next)}",
            "email_url": reverse("account_email"),
            "is_preview": is_preview,
        }
        content = render_to_string("news/article_content.html", context, request=request)
        if key:
            cache.set(key, content, MAX_AGE)
    context = {
        "article": article,
        "content": mark_safe(content.replace(VIEWS_MARK, intcomma(article.view_count))),
        "share": share_links(request, article),
        "is_preview": is_preview,
        "language_links": language_links(f"{article_url}?{query}" if query else article_url),
        "crumbs": [(_("News"), reverse("news:article-list")), (article.display_title, "")],
    }
    return render(request, "news/article_detail.html", context, status=status)


def cached_article(slug: str, generation: str) -> Article:
    """The article with its topics, regions and communities, cached per news generation
    (news.caching): any write to it or its labels drops it. A 404 is not cached."""
    return cached_in_generation(
        generation,
        "article",
        slug,
        lambda: get_object_or_404(Article.objects.for_page(), slug=slug),
    )


class ArticleDetailView(DetailView):
    context_object_name = "article"

    def get_object(self, queryset=None):
        self.generation = news_generation()
        article = cached_article(self.kwargs["slug"], self.generation)
        # Drafts and scheduled articles: staff preview them, for everyone else they do not exist.
        if not article.is_public and not self.request.user.is_staff:
            raise Http404(_("No such article."))
        return article

    def get(self, request, *args, **kwargs):
        article = self.get_object()
        # HEAD is routed here too; only a real reader's GET counts.
        counted = None
        if (
            request.method == "GET"
            and article.is_public
            and not request.user.is_staff
            and not is_bot(request)
            and not is_prefetch(request)
        ):
            counted = services.article_add_view(article_id=article.pk)
        # The cached article's count is old: show the one just written, or read it.
        article.view_count = counted if counted is not None else ArticleViewCount.of(article.pk)
        return article_page(request, article, generation=self.generation)


def public_article_or_404(slug: str) -> Article:
    article = get_object_or_404(Article.objects.for_page(), slug=slug)
    if not article.is_public:
        raise Http404(_("No such article."))
    return article


@require_POST
@login_required
def comment_create(request, slug):
    article = public_article_or_404(slug)
    if not can_comment(request.user):
        raise PermissionDenied(_("Confirm your e-mail address to write comments."))
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment = services.comment_create(
                article=article, author=request.user, body=form.cleaned_data["body"]
            )
        except services.DuplicateComment as duplicate:
            messages.info(request, _("You have already published this comment."))
            return redirect(comment_location(article, duplicate.comment))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your comment is published."))
            return redirect(comment_location(article, comment))
    return article_page(request, article, comment_form=form, status=400)


def comment_location(article: Article, comment: Comment) -> str:
    """A new comment's place: the last page of the thread, at the comment."""
    last_page = comment_pages(article).num_pages
    suffix = f"?comments={last_page}" if last_page > 1 else ""
    return f"{article.get_absolute_url()}{suffix}#comment-{comment.pk}"


@require_POST
@login_required
def comment_delete(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    if not can_delete_comment(request.user, comment):
        if comment.author_id == request.user.pk:
            raise PermissionDenied(
                _("A comment the moderators are reviewing or have hidden cannot be deleted.")
            )
        raise PermissionDenied(_("Only the author can delete this comment."))
    article = comment.article
    services.comment_delete(comment=comment)
    messages.success(request, _("Your comment is deleted."))
    return redirect(f"{article.get_absolute_url()}#comments")


@require_POST
@login_required
def comment_report(request, pk):
    comment = get_object_or_404(Comment.objects.visible().select_related("article"), pk=pk)
    if not can_report_comment(request.user, comment):
        raise PermissionDenied(_("You cannot report this comment."))
    if services.comment_report(comment=comment, reporter=request.user):
        messages.success(request, _("Thank you. The moderators will look at this comment."))
    else:
        messages.info(request, _("You have already reported this comment."))
    return redirect(f"{comment.article.get_absolute_url()}#comment-{comment.pk}")
