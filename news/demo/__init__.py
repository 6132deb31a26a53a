"""Demo news for a first look: the Izium seed article and stories built from real
partnerships of the registry, with generated images, two readers and comments.

Idempotent: articles are keyed by slug and readers by e-mail; what exists is
left as it is (including view counts and anything staff changed).
"""

import random
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from taggit.models import Tag

from news.caching import news_changed
from news.models import Article, ArticleStatus, ArticleViewCount, Comment, TopicName
from partnerships.models import Municipality, Partnership

from .images import image, image_alt
from .stories import COMMENTS, KYIV, SEED, STORIES
from .topics import TOPIC_NAMES


def _readers() -> list:
    User = get_user_model()
    readers = []
    for email, first_name in [
        ("olena.reader@example.org", "Олена"),
        ("marc.reader@example.org", "Marc"),
        ("taras.reader@example.org", "Тарас"),
    ]:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(username=email, email=email, first_name=first_name)
            user.set_unusable_password()
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        readers.append(user)
    return readers


# Stories of aid and visits only make sense where the community governs itself today.
OCCUPIED_REGIONS = {"autonomous-republic-of-crimea", "sevastopol", "luhansk-oblast"}
OCCUPIED_CENTRES = {
    "donetska", "horlivska", "makiivska", "yenakiivska", "melitopolska", "mariupolska",
    "berdianska", "chystiakivska", "bakhmutska", "enerhodarska", "tokmatska", "khartsyzka",
}  # fmt: skip
PARTNER_COUNTRIES = {
    "AT", "BE", "BG", "CA", "CH", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GE", "GR",
    "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MD", "NL", "NO", "PL", "PT", "RO", "SE", "SI",
    "SK", "US",
}  # fmt: skip


def _story_articles() -> list[dict]:
    """One article per real partnership, picked the same way on every run."""
    pairs, seen = [], set()
    for partnership in Partnership.objects.with_parties().order_by("pk"):
        ua, other = partnership.municipality_a, partnership.municipality_b
        if not ua.is_ukrainian:
            ua, other = other, ua
        if (
            not ua.is_ukrainian
            or other.country not in PARTNER_COUNTRIES
            or ua.region is None
            or ua.region.slug in OCCUPIED_REGIONS
            or ua.slug.split("-")[0] in OCCUPIED_CENTRES
            or ua.pk in seen
            or (other.country, ua.region_id) in seen
        ):
            continue
        # Spread the stories over countries and regions.
        seen.update({ua.pk, (other.country, ua.region_id)})
        if sum(1 for key in seen if isinstance(key, tuple) and key[0] == other.country) > 2:
            continue
        pairs.append((ua, other))
    rng = random.Random(2023)  # noqa: S311 - demo data
    start = datetime(2023, 2, 1, 9, 0, tzinfo=KYIV)
    articles = []
    for index, (ua, other) in enumerate(pairs[:32]):
        kind = STORIES[index % len(STORIES)]
        stem, t_uk, t_en, l_uk, l_en, b_uk, b_en, tags = kind
        with translation.override("uk"):
            names_uk = {"ua": ua.name, "fr": other.name}
        with translation.override("en"):
            names_en = {"ua": ua.name, "fr": other.name}
        article = {
            "slug": f"{stem}-{ua.slug}-{other.slug}"[:120],
            "title_uk": t_uk.format(**names_uk),
            "lead_uk": l_uk,
            "body_uk": "".join(f"<p>{p.format(**names_uk)}</p>" for p in b_uk.split("|")),
            "tags": tags,
            "published_at": start + timedelta(days=index * 23, hours=rng.randint(0, 8), minutes=rng.choice([0, 15, 30, 45])),
            "view_count": rng.randint(120, 3200),
            "community_objects": [ua, other],
        }  # fmt: skip
        # Every fifth story exists in Ukrainian only (the English page shows it in Ukrainian).
        if index % 5 != 4:
            article.update(
                title_en=t_en.format(**names_en),
                lead_en=l_en,
                body_en="".join(f"<p>{p.format(**names_en)}</p>" for p in b_en.split("|")),
            )
        articles.append(article)
    return articles


def _create(data: dict, *, status: str = ArticleStatus.PUBLISHED) -> tuple[Article, bool]:
    article = Article.objects.filter(slug=data["slug"]).first()
    if article is not None:
        return article, False
    fields = {
        key: data.get(key, "")
        for key in ("title_uk", "title_en", "lead_uk", "lead_en", "body_uk", "body_en")
    }
    article = Article(
        slug=data["slug"],
        status=status,
        published_at=data["published_at"],
        image_alt_uk=image_alt(fields["title_uk"], language="uk"),
        image_alt_en=image_alt(fields["title_en"], language="en"),
        **fields,
    )
    picture = image(data["slug"])
    article.image.save(picture.name, picture, save=False)
    article.save()
    if data.get("view_count"):
        ArticleViewCount.objects.create(article=article, views=data["view_count"])
    article.tags.set(data["tags"])
    communities = data.get("community_objects") or list(
        Municipality.objects.filter(registry_key__in=data.get("communities", []))
    )
    article.communities.set(communities)
    article.regions.set({c.region for c in communities if c.region_id})
    return article, True


def load() -> int:
    """Create the demo articles that do not exist yet; returns how many were created."""
    readers = _readers()
    created = 0
    seed, is_new = _create(SEED)
    created += is_new
    if is_new:
        for index, (reader, body) in enumerate(COMMENTS):
            Comment.objects.create(
                article=seed,
                author=readers[reader],
                body=body,
                created_at=seed.published_at + timedelta(hours=2 + index * 5),
            )
    for index, data in enumerate(_story_articles()):
        article, is_new = _create(data)
        created += is_new
        if is_new and index % 4 == 0:
            Comment.objects.create(
                article=article,
                author=readers[index % len(readers)],
                body="Дуже надихає. Thank you, partners!",
                created_at=article.published_at + timedelta(hours=3),
            )
    # One scheduled and one draft article, for editors to try publishing.
    for slug, status, when, title_uk, title_en in [
        ("marathon-of-local-governments-next-round", ArticleStatus.PUBLISHED,
         timezone.now() + timedelta(days=7),
         "Новий етап Міжнародного марафону місцевих самоврядувань",
         "The next round of the International Marathon of Local Governments"),
        ("guidelines-on-municipal-partnership-updated", ArticleStatus.DRAFT, timezone.now(),
         "Оновлено Посібник з міжнародного муніципального партнерства",
         "Guidelines on International Municipal Partnership updated"),
    ]:  # fmt: skip
        _article, is_new = _create(
            {
                "slug": slug,
                "title_uk": title_uk,
                "title_en": title_en,
                "lead_uk": "Громади запрошують долучитися до нового етапу співпраці.",
                "lead_en": "Communities are invited to join the next stage of cooperation.",
                "body_uk": "<p>Деталі й умови участі оприлюднять на порталі.</p>",
                "body_en": "<p>Details and conditions will be published on the portal.</p>",
                "tags": ["партнерство"],
                "published_at": when,
            },
            status=status,
        )
        created += is_new
    name_topics()
    return created


def name_topics() -> None:
    """Give the demo topics their names in every language (kept if staff changed one)."""
    rows = []
    for tag in Tag.objects.filter(name__in=TOPIC_NAMES).prefetch_related("names"):
        named = {row.language for row in tag.names.all()}
        wanted = {"uk": tag.name, **TOPIC_NAMES[tag.name]}
        rows += [
            TopicName(tag=tag, language=code, name=name)
            for code, name in wanted.items()
            if code not in named
        ]
    if rows:
        TopicName.objects.bulk_create(rows)
        # bulk_create sends no signals: search labels and cached pages by hand.
        tags = {row.tag_id for row in rows}
        Article.objects.filter(tags__in=tags).distinct().refresh_search_labels()
        news_changed()
