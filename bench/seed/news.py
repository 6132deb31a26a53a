"""Topics and articles in Ukrainian and English, labelled with regions and communities."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from bench.seed.database import copy_rows, reset_sequence
from bench.seed.plan import RARE_EN, RARE_SHARE, RARE_UK, log
from bench.seed.registry import Places
from bench.seed.text import TOPIC_KINDS, Words, Zipf, word_list

# (html or text, its normalised copy)
type Pool = dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]]


def topics(plan: dict[str, int]) -> list[str]:
    """Topics (taggit): names of ~100 topics in Ukrainian."""
    from django.utils.text import slugify

    log(f"topics: {plan['topics']}")
    topic_names = []
    for kind in TOPIC_KINDS:
        for base in word_list("topics_uk"):
            topic_names.append(f"{base} {kind}".replace("-", " ").strip())
    topic_names = topic_names[: plan["topics"]]
    copy_rows(
        "taggit_tag",
        ["id", "name", "slug"],
        ((i + 1, name, slugify(name, allow_unicode=True)) for i, name in enumerate(topic_names)),
    )
    reset_sequence("taggit_tag")
    return topic_names


def text_pool(rng: random.Random, plan: dict[str, int], words: dict[str, Words]) -> Pool:
    """Paragraphs and lead sentences: a pool of each, normalised once. A body joins whole
    paragraphs with a line break, so its normalised text is the normalised paragraphs
    joined with a space (checked against search_text on a sample)."""
    from news.text import search_text

    log(f"text pool: {plan['paragraphs']} paragraphs a language")
    rare = {"uk": RARE_UK, "en": RARE_EN}
    pool = {}
    for code in ("uk", "en"):
        paragraphs = []
        for _ in range(plan["paragraphs"]):
            sentences = [words[code].sentence(8, 18) for _ in range(rng.randint(3, 6))]
            if rng.random() < RARE_SHARE * 3:
                sentences.insert(1, f"{rare[code].capitalize()} {words[code].sentence(4, 8)}")
            if rng.random() < 0.2:
                sentences[0] = f"<strong>{sentences[0]}</strong>"
            html = f"<p>{' '.join(sentences)}</p>"
            paragraphs.append((html, search_text(html)))
        sentences = []
        for _ in range(plan["paragraphs"]):
            text = words[code].sentence(10, 22)
            sentences.append((text, search_text(text)))
        pool[code] = (paragraphs, sentences)
    return pool


def articles(
    rng: random.Random,
    plan: dict[str, int],
    now: datetime,
    words: dict[str, Words],
    places: Places,
    topic_names: list[str],
) -> None:
    from django.utils.text import slugify

    from news.text import sanitise_body, search_text

    pool = text_pool(rng, plan, words)
    ukrainian, foreign, region_by_pk = places.ukrainian, places.foreign, places.regions
    # Articles: published over five years, a few drafts and scheduled ones.
    n_articles = plan["articles"] + plan["drafts"]
    log(f"articles: {plan['articles']} published, {plan['drafts']} drafts or scheduled")
    community_zipf = Zipf(rng, len(ukrainian), 0.9)
    topic_zipf = Zipf(rng, len(topic_names), 0.8)
    five_years = 5 * 365 * 24 * 3600
    links = {"tags": [], "regions": [], "communities": []}
    samples = []
    view_counts: list[tuple[int, int]] = []

    def rows():
        for n in range(n_articles):
            pk = n + 1
            published = n < plan["articles"]
            if published:
                when = now - timedelta(seconds=rng.uniform(3600, five_years))
                status = "published"
            else:
                scheduled = n % 2 == 0
                when = now + timedelta(days=rng.uniform(1, 30)) if scheduled else now
                status = "published" if scheduled else "draft"
            hromada = ukrainian[community_zipf.draw()]
            partner = rng.choice(foreign)
            communities = {hromada}
            while rng.random() < 0.35 and len(communities) < 3:
                communities.add(ukrainian[community_zipf.draw()])
            if rng.random() < 0.3:
                communities.add(partner)
            article_regions = {c[4] for c in communities if c[4]}
            tags = set()
            while len(tags) < rng.randint(2, 4):
                tags.add(topic_zipf.draw() + 1)
            title = {
                "uk": f"{hromada[1]} і {partner[1]}: {words['uk'].sentence(4, 9).rstrip('.')}",
                "en": f"{hromada[2]} and {partner[2]}: {words['en'].sentence(4, 9).rstrip('.')}",
            }
            values = {}
            for code in ("uk", "en"):
                paragraphs, sentences = pool[code]
                chosen = rng.sample(paragraphs, rng.randint(4, 8))
                lead = rng.sample(sentences, 2)
                body = sanitise_body("\n".join(html for html, _ in chosen))
                values[code] = {
                    "title": title[code][:200],
                    "lead": " ".join(text for text, _ in lead),
                    "body": body,
                    "search_title": search_text(title[code][:200]),
                    "search_lead": " ".join(norm for _, norm in lead),
                    "search_body": " ".join(norm for _, norm in chosen),
                }
            # Labels exactly as ArticleQuerySet.refresh_search_labels writes them.
            names = [topic_names[t - 1] for t in sorted(tags)]
            for region_pk in sorted(article_regions):
                names += [region_by_pk[region_pk][1], region_by_pk[region_pk][2], ""]
            for place in sorted(communities):
                names += [place[1], place[2], place[3]]
            labels = search_text(*dict.fromkeys(name for name in names if name))
            if len(samples) < 200 and rng.random() < 0.01:
                samples.append((pk, values, names))
            for t in tags:
                links["tags"].append((pk, t))
            for region_pk in article_regions:
                links["regions"].append((pk, region_pk))
            for place in communities:
                links["communities"].append((pk, place[0]))
            slug = f"{slugify(values['en']['title'])[:100].strip('-')}-{pk}"
            # Drawn where the article's own column took it, so a seed gives the same data.
            view_counts.append((pk, rng.randint(0, 5000)))
            row = {
                "id": pk, "slug": slug, "status": status, "published_at": when,
                "image": "", "image_width": None, "image_height": None, "image_alt": "",
                "image_alt_uk": "", "image_alt_en": "", "author_id": None, "source_url": "",
                "search_labels": labels,
                "created_at": when, "updated_at": when,
                # modeltranslation keeps the default language's text in the plain column.
                "title": values["uk"]["title"], "lead": values["uk"]["lead"],
                "body": values["uk"]["body"],
            }  # fmt: skip
            for code in ("uk", "en"):
                for field in ("title", "lead", "body"):
                    row[f"{field}_{code}"] = values[code][field]
                    row[f"search_{field}_{code}"] = values[code][f"search_{field}"]
            yield tuple(row[column] for column in columns)

    columns = [
        "id", "slug", "status", "published_at", "image", "image_width", "image_height",
        "image_alt", "image_alt_uk", "image_alt_en", "author_id", "source_url", "search_labels", "created_at", "updated_at", "title", "lead", "body",
        *(f"{prefix}{field}_{code}" for prefix in ("", "search_")
          for field in ("title", "lead", "body") for code in ("uk", "en")),
    ]  # fmt: skip
    copy_rows("news_article", columns, rows(), parallel=3)
    reset_sequence("news_article")
    log("article links")
    copy_rows("news_taggedarticle", ["content_object_id", "tag_id"], links["tags"])
    copy_rows("news_article_regions", ["article_id", "region_id"], links["regions"])
    copy_rows("news_article_communities", ["article_id", "municipality_id"], links["communities"])
    copy_rows("news_articleviewcount", ["article_id", "views"], view_counts)
    check_derived_columns(samples)


def check_derived_columns(samples) -> None:
    """The pooled normalisation equals search_text of the whole text, on a sample."""
    from news.models import Article
    from news.text import search_text

    for pk, _values, _names in samples:
        article = Article.objects.get(pk=pk)
        for code in ("uk", "en"):
            for field in ("title", "lead", "body"):
                expected = search_text(getattr(article, f"{field}_{code}"))
                if getattr(article, f"search_{field}_{code}") != expected:
                    raise SystemExit(f"search_{field}_{code} of article {pk} is not search_text")
        stored = article.search_labels
        Article.objects.filter(pk=pk).refresh_search_labels()
        article.refresh_from_db(fields=["search_labels"])
        if sorted(stored.split()) != sorted(article.search_labels.split()):
            raise SystemExit(f"labels of article {pk} differ from refresh_search_labels")
