"""Fill a PostgreSQL database with the portal at real volume, for the benchmark.

    .venv/bin/python bench/seed.py --size full --seed 1 \\
        --database-url postgres://postgres@127.0.0.1:5432/twinning_bench_full

Sizes: full is the real registry (manage.py load_registry), 100,000 published articles in
Ukrainian and English with 2-4 of ~100 topics, regions and communities over 5 years,
1,000,000 comments skewed by Zipf's law (the busiest articles have many thousands), 20,000
verified users, officials, requests, memoranda and partnerships; small is 1/100 of it
over the same registry. The same --seed gives the same data.

Text columns derived from others (normalised search copies and labels) are computed with
the application's own functions (news.text.search_text, sanitise_body); the search
document is computed by the database's trigger, as for any write. Rows go in with COPY.
A database already seeded with the same size, seed and seeder version is reused
(--force seeds it again from an empty database).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import time
from bisect import bisect
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
VERSION = 2  # bump when the generated data changes, so old databases are seeded again

SIZES = {
    "full": {
        "articles": 100_000,
        "drafts": 400,
        "comments": 1_000_000,
        "users": 20_000,
        "topics": 100,
        "officials": 1_200,
        "requests": 2_000,
        "paragraphs": 12_000,
    },
    "small": {
        "articles": 1_000,
        "drafts": 4,
        "comments": 10_000,
        "users": 200,
        "topics": 100,
        "officials": 12,
        "requests": 20,
        "paragraphs": 600,
    },
}
# Words the benchmark searches for: the commonest ones and one that only a few articles use.
COMMON_UK, COMMON_EN = "громада", "community"
RARE_UK, RARE_EN = "бурштинова", "amberwood"
RARE_SHARE = 1 / 3000  # of paragraphs
PASSWORD = "bench-password-2026"
OFFICIAL_EMAIL = "official0@bench.twinning.example.org"

UK_WORDS = [
    "громада",
    "громади",
    "громаді",
    "громаду",
    "громадою",
    "співпраця",
    "співпраці",
    "партнерство",
    "партнерства",
    "побратимство",
    "меморандум",
    "місто",
    "міста",
    "село",
    "області",
    "область",
    "відбудова",
    "відбудови",
    "школа",
    "школи",
    "лікарня",
    "енергетика",
    "генератори",
    "вода",
    "водопостачання",
    "освіта",
    "культура",
    "молодь",
    "делегація",
    "делегації",
    "візит",
    "обмін",
    "проєкт",
    "проєкту",
    "програма",
    "гранти",
    "допомога",
    "допомогу",
    "гуманітарна",
    "підтримка",
    "підтримки",
    "мер",
    "голова",
    "рада",
    "ради",
    "депутати",
    "жителі",
    "мешканці",
    "підприємці",
    "бізнес",
    "туризм",
    "спорт",
    "музей",
    "бібліотека",
    "парк",
    "дорога",
    "мости",
    "транспорт",
    "автобуси",
    "сміття",
    "переробка",
    "сонячні",
    "панелі",
    "тепло",
    "котельня",
    "укриття",
    "безпека",
    "ветерани",
    "діти",
    "родини",
    "волонтери",
    "фестиваль",
    "ярмарок",
    "виставка",
    "конференція",
    "форум",
    "зустріч",
    "угода",
    "домовленість",
    "підписали",
    "передали",
    "відкрили",
    "провели",
    "обговорили",
    "погодили",
    "планують",
    "готують",
    "отримали",
    "будують",
    "ремонтують",
    "розвивають",
    "запрошують",
    "дякують",
    "нова",
    "новий",
    "нові",
    "спільний",
    "спільна",
    "європейська",
    "польська",
    "німецька",
    "французька",
    "литовська",
    "українська",
    "міжнародна",
    "місцева",
    "сьогодні",
    "вчора",
    "тиждень",
    "місяць",
    "рік",
    "року",
    "році",
    "досвід",
    "знання",
    "практика",
    "навчання",
    "стажування",
    "інвестиції",
    "економіка",
    "сільське",
    "господарство",
    "аграрії",
    "фермери",
    "ринок",
    "продукція",
    "експорт",
    "цифрові",
    "послуги",
    "центр",
    "адміністративних",
    "послуг",
    "цнап",
    "старости",
    "староста",
    "бюджет",
    "кошти",
    "фонд",
    "ініціатива",
    "команда",
    "працівники",
    "фахівці",
    "лікарі",
    "вчителі",
    "учні",
    "студенти",
    "університет",
    "коледж",
    "медицина",
    "обладнання",
    "техніка",
    "пожежна",
    "рятувальники",
    "поліція",
    "громадська",
    "організація",
]
EN_WORDS = [
    "community",
    "communities",
    "cooperation",
    "partnership",
    "twinning",
    "memorandum",
    "city",
    "town",
    "village",
    "region",
    "reconstruction",
    "rebuilding",
    "school",
    "schools",
    "hospital",
    "energy",
    "generators",
    "water",
    "supply",
    "education",
    "culture",
    "youth",
    "delegation",
    "visit",
    "exchange",
    "project",
    "programme",
    "grants",
    "aid",
    "humanitarian",
    "support",
    "mayor",
    "council",
    "residents",
    "people",
    "businesses",
    "tourism",
    "sport",
    "museum",
    "library",
    "park",
    "road",
    "bridges",
    "transport",
    "buses",
    "waste",
    "recycling",
    "solar",
    "panels",
    "heating",
    "shelter",
    "safety",
    "veterans",
    "children",
    "families",
    "volunteers",
    "festival",
    "fair",
    "exhibition",
    "conference",
    "forum",
    "meeting",
    "agreement",
    "signed",
    "delivered",
    "opened",
    "held",
    "discussed",
    "agreed",
    "plans",
    "prepare",
    "received",
    "build",
    "repair",
    "develop",
    "invite",
    "thank",
    "new",
    "joint",
    "european",
    "polish",
    "german",
    "french",
    "lithuanian",
    "ukrainian",
    "international",
    "local",
    "today",
    "yesterday",
    "week",
    "month",
    "year",
    "experience",
    "knowledge",
    "practice",
    "training",
    "internship",
    "investment",
    "economy",
    "agriculture",
    "farmers",
    "market",
    "products",
    "export",
    "digital",
    "services",
    "centre",
    "administrative",
    "budget",
    "funds",
    "foundation",
    "initiative",
    "team",
    "workers",
    "experts",
    "doctors",
    "teachers",
    "pupils",
    "students",
    "university",
    "college",
    "medicine",
    "equipment",
    "machinery",
    "fire",
    "rescuers",
    "police",
    "public",
    "organisation",
    "the",
    "of",
    "and",
    "to",
    "in",
    "for",
    "with",
    "on",
    "at",
    "from",
    "by",
    "about",
    "their",
    "its",
    "this",
    "that",
    "after",
    "before",
    "between",
    "across",
]
FIRST_NAMES = [
    "Олена",
    "Андрій",
    "Марія",
    "Іван",
    "Оксана",
    "Петро",
    "Наталія",
    "Василь",
    "Ірина",
    "Микола",
    "Тетяна",
    "Сергій",
    "Юлія",
    "Олександр",
    "Світлана",
    "Дмитро",
    "Anna",
    "Jan",
    "Marie",
    "Pierre",
    "Katarzyna",
    "Tomasz",
    "Laura",
    "Lukas",
]
TOPICS_UK = [
    "енергетика",
    "освіта",
    "культура",
    "медицина",
    "відбудова",
    "водопостачання",
    "молодь",
    "туризм",
    "спорт",
    "екологія",
    "бізнес",
    "аграрії",
    "безпека",
    "ветерани",
    "волонтери",
    "транспорт",
    "цифровізація",
    "гуманітарна-допомога",
    "побратимство",
    "інвестиції",
]
TOPIC_KINDS = ["", "громад", "у-регіоні", "і-партнери", "для-дітей"]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="PostgreSQL database to fill (default: DATABASE_URL)",
    )
    parser.add_argument("--force", action="store_true", help="seed again even if already seeded")
    return parser.parse_args(argv)


STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:7.1f} s] {message}", flush=True)


# --- database ------------------------------------------------------------------------------


def recreate_database(url: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
        password=parts.password or None, dbname="postgres",
    )  # fmt: skip
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def marker(url: str) -> str | None:
    import psycopg2

    parts = urlsplit(url)
    try:
        connection = psycopg2.connect(
            host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
            password=parts.password or None, dbname=parts.path.lstrip("/"),
        )  # fmt: skip
    except psycopg2.OperationalError:
        return None
    with connection, connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('bench_seed')")
        if cursor.fetchone()[0] is None:
            return None
        cursor.execute("SELECT label FROM bench_seed")
        row = cursor.fetchone()
    connection.close()
    return row[0] if row else None


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    # Seeding runs statements far longer than any page may.
    os.environ["DATABASE_STATEMENT_TIMEOUT_MS"] = "0"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def copy_rows(table: str, columns: list[str], rows, *, parallel: int = 1) -> int:
    """COPY rows (tuples) into a table in chunks; returns how many. With `parallel` > 1,
    that many connections copy chunks while the rows are being made (the table's
    trigger then runs in as many database processes)."""
    import queue
    import threading

    from django.db import connection, connections

    def field(value) -> str:
        if value is None:
            return r"\N"
        if isinstance(value, bool):
            return "t" if value else "f"
        if isinstance(value, datetime):
            return value.isoformat()
        text = str(value)
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"

    def copy(buffer: io.StringIO) -> None:
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(sql, buffer)

    chunks: queue.Queue = queue.Queue(maxsize=parallel)
    failures: list[BaseException] = []

    def consumer() -> None:
        try:
            while (buffer := chunks.get()) is not None:
                copy(buffer)
        except BaseException as error:  # reported by the producer below
            failures.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=consumer) for _ in range(parallel - 1)]
    for worker in workers:
        worker.start()
    count = 0
    buffer = io.StringIO()
    size = 10_000 if parallel > 1 else 50_000
    for row in rows:
        buffer.write("\t".join(field(v) for v in row))
        buffer.write("\n")
        count += 1
        if count % size == 0:
            if workers:
                chunks.put(buffer)
            else:
                copy(buffer)
            buffer = io.StringIO()
    copy(buffer)
    for _ in workers:
        chunks.put(None)
    for worker in workers:
        worker.join()
    if failures:
        raise failures[0]
    return count


def reset_sequence(table: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
        )


# --- text ----------------------------------------------------------------------------------


class Words:
    """Words drawn by Zipf's law: the listed words first (most frequent), then a long tail
    of made-up ones, as real text has."""

    SYLLABLES = {
        "uk": [
            "ба",
            "ве",
            "гра",
            "до",
            "ке",
            "лі",
            "мо",
            "ні",
            "пра",
            "ро",
            "сту",
            "ти",
            "ук",
            "фа",
            "хо",
            "ці",
            "ча",
            "ша",
            "юн",
            "ян",
            "зе",
            "ві",
            "ли",
            "ко",
        ],
        "en": [
            "ba",
            "ve",
            "gra",
            "do",
            "ke",
            "li",
            "mo",
            "ni",
            "pra",
            "ro",
            "stu",
            "ti",
            "uk",
            "fa",
            "ho",
            "ci",
            "cha",
            "sha",
            "yun",
            "yan",
            "ze",
            "vi",
        ],
    }

    def __init__(self, rng: random.Random, listed: list[str], language: str, tail: int):
        syllables = self.SYLLABLES[language]
        made_up = set()
        while len(made_up) < tail:
            made_up.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
        self.words = [*listed, *sorted(made_up)]
        self.cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(self.words))))
        self.rng = rng

    def take(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self, low: int, high: int) -> str:
        words = self.take(self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."


class Zipf:
    """Indices 0..n-1 drawn by Zipf's law (exponent s) over a shuffled order."""

    def __init__(self, rng: random.Random, n: int, s: float = 1.0):
        self.order = list(range(n))
        rng.shuffle(self.order)
        self.cumulative = list(accumulate(1 / (rank + 1) ** s for rank in range(n)))
        self.rng = rng

    def draw(self) -> int:
        position = bisect(self.cumulative, self.rng.random() * self.cumulative[-1])
        return self.order[min(position, len(self.order) - 1)]


# --- the seeding ---------------------------------------------------------------------------


def seed(size: str, seed_value: int) -> None:
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection
    from django.utils.text import slugify

    from news.models import Article
    from news.text import sanitise_body, search_text
    from partnerships.models import Municipality, Region

    plan = SIZES[size]
    rng = random.Random(seed_value)
    now = datetime.now(UTC).replace(microsecond=0)

    log("migrating")
    call_command("migrate", verbosity=0, interactive=False)
    log("loading the registry")
    call_command("load_registry", verbosity=0)
    call_command("createcachetable", verbosity=0)

    words = {
        "uk": Words(rng, UK_WORDS, "uk", 20_000 if size == "full" else 3_000),
        "en": Words(rng, EN_WORDS, "en", 20_000 if size == "full" else 3_000),
    }
    rare = {"uk": RARE_UK, "en": RARE_EN}

    # Users: one password hash for all (hashing 20,000 would take minutes).
    log(f"users: {plan['users']}")
    password = make_password(PASSWORD)
    first_names = FIRST_NAMES + [""] * 8

    def users():
        for n in range(plan["users"]):
            joined = now - timedelta(days=rng.uniform(0, 5 * 365))
            yield (
                n + 1, password, None, False, f"reader{n}", rng.choice(first_names), "",
                f"{'official' if n < plan['officials'] else 'reader'}{n}@bench.twinning.example.org",
                False, True, joined,
            )  # fmt: skip

    copy_rows(
        "auth_user",
        ["id", "password", "last_login", "is_superuser", "username", "first_name", "last_name",
         "email", "is_staff", "is_active", "date_joined"],
        users(),
    )  # fmt: skip
    reset_sequence("auth_user")
    with connection.cursor() as cursor:
        cursor.execute(
            'INSERT INTO account_emailaddress (user_id, email, verified, "primary") '
            "SELECT id, email, true, true FROM auth_user"
        )
        cursor.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, "
            "email, is_staff, is_active, date_joined) VALUES (%s, true, 'bench-staff', 'Staff', "
            "'', 'staff@bench.twinning.example.org', true, true, now())",
            [password],
        )
    reset_sequence("auth_user")

    # Topics (taggit): names of ~100 topics in Ukrainian.
    log(f"topics: {plan['topics']}")
    topic_names = []
    for kind in TOPIC_KINDS:
        for base in TOPICS_UK:
            topic_names.append(f"{base} {kind}".replace("-", " ").strip())
    topic_names = topic_names[: plan["topics"]]
    copy_rows(
        "taggit_tag",
        ["id", "name", "slug"],
        ((i + 1, name, slugify(name, allow_unicode=True)) for i, name in enumerate(topic_names)),
    )
    reset_sequence("taggit_tag")

    regions = list(Region.objects.order_by("pk").values_list("pk", "name_uk", "name_en"))
    places = list(
        Municipality.objects.order_by("pk").values_list(
            "pk", "name_uk", "name_en", "name_native", "region_id", "country"
        )
    )
    ukrainian = [p for p in places if p[5] == "UA"]
    foreign = [p for p in places if p[5] != "UA"]
    region_by_pk = {r[0]: r for r in regions}

    # Paragraphs and lead sentences: a pool of each, normalised once. A body joins whole
    # paragraphs with a line break, so its normalised text is the normalised paragraphs
    # joined with a space (checked below against search_text on a sample).
    log(f"text pool: {plan['paragraphs']} paragraphs a language")
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

    # Articles.
    n_articles = plan["articles"] + plan["drafts"]
    log(f"articles: {plan['articles']} published, {plan['drafts']} drafts or scheduled")
    community_zipf = Zipf(rng, len(ukrainian), 0.9)
    topic_zipf = Zipf(rng, len(topic_names), 0.8)
    five_years = 5 * 365 * 24 * 3600
    links = {"tags": [], "regions": [], "communities": []}
    samples = []

    def articles():
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
            row = {
                "id": pk, "slug": slug, "status": status, "published_at": when,
                "image": "", "image_width": None, "image_height": None, "image_alt": "",
                "image_alt_uk": "", "image_alt_en": "", "author_id": None, "source_url": "",
                "view_count": rng.randint(0, 5000), "search_labels": labels,
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
        "image_alt", "image_alt_uk", "image_alt_en", "author_id", "source_url", "view_count",
        "search_labels", "created_at", "updated_at", "title", "lead", "body",
        *(f"{prefix}{field}_{code}" for prefix in ("", "search_")
          for field in ("title", "lead", "body") for code in ("uk", "en")),
    ]  # fmt: skip
    copy_rows("news_article", columns, articles(), parallel=3)
    reset_sequence("news_article")
    log("article links")
    copy_rows("news_taggedarticle", ["content_object_id", "tag_id"], links["tags"])
    copy_rows("news_article_regions", ["article_id", "region_id"], links["regions"])
    copy_rows("news_article_communities", ["article_id", "municipality_id"], links["communities"])
    check_derived_columns(samples)

    # Comments: Zipf over the published articles, so the busiest have thousands.
    log(f"comments: {plan['comments']}")
    published = list(
        Article.objects.filter(status="published", published_at__lte=now)
        .order_by("pk")
        .values_list("pk", "published_at")
    )
    article_zipf = Zipf(rng, len(published), 1.0)
    comment_pool = [
        " ".join(words[code].sentence(5, 25) for _ in range(rng.randint(1, 3)))
        for code in ("uk", "en")
        for _ in range(5_000)
    ]
    n_users = plan["users"]

    def comments():
        for n in range(plan["comments"]):
            article_pk, published_at = published[article_zipf.draw()]
            span = min((now - published_at).total_seconds(), 90 * 24 * 3600)
            status = "visible" if rng.random() > 0.005 else "hidden"
            yield (
                n + 1, article_pk, rng.randint(1, n_users), rng.choice(comment_pool), status,
                None, published_at + timedelta(seconds=rng.uniform(60, max(span, 120))),
            )  # fmt: skip

    copy_rows(
        "news_comment",
        ["id", "article_id", "author_id", "body", "status", "reviewed_at", "created_at"],
        comments(),
    )
    reset_sequence("news_comment")

    log("profiles: areas offered and needed, descriptions")
    profiles(random.Random(seed_value + 1), places)
    log("officials, requests, memoranda, partnerships (through the services)")
    cooperation(rng, plan, ukrainian, foreign)

    log("analyze")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        cursor.execute("CREATE TABLE bench_seed (label text NOT NULL, seeded_at timestamptz)")
        cursor.execute("INSERT INTO bench_seed VALUES (%s, now())", [label(size, seed_value)])
    log("done")


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


def profiles(rng: random.Random, places: list) -> None:
    """A third of the municipalities say what they offer and need, with a description.
    (Its own random stream: the data after it does not depend on it.)"""
    from partnerships.models import CooperationArea, Municipality

    areas = list(CooperationArea.objects.values_list("pk", flat=True))
    offers, needs, described = [], [], []
    for place in places:
        if rng.random() < 0.35:
            offers += [(place[0], a) for a in rng.sample(areas, rng.randint(1, 3))]
            needs += [(place[0], a) for a in rng.sample(areas, rng.randint(1, 3))]
            described.append(place[0])
    copy_rows("partnerships_municipality_offers", ["municipality_id", "cooperationarea_id"], offers)
    copy_rows("partnerships_municipality_needs", ["municipality_id", "cooperationarea_id"], needs)
    Municipality.objects.filter(pk__in=described).update(
        description=" ".join(UK_WORDS[:60]), description_uk=" ".join(UK_WORDS[:60]),
        description_en=" ".join(EN_WORDS[:60]), open_to_partners=True,
    )  # fmt: skip


def cooperation(rng: random.Random, plan: dict, ukrainian: list, foreign: list) -> None:
    """Officials, then requests between their municipalities, answered in proportion;
    accepted ones open memoranda, some agreed by both sides and signed."""
    from django.contrib.auth import get_user_model

    from partnerships.choices import CooperationForm, OfficialStatus
    from partnerships.memoranda import services as memoranda
    from partnerships.models import CooperationArea, Memorandum, Municipality, Official
    from partnerships.services import requests

    User = get_user_model()
    staff = User.objects.get(username="bench-staff")
    # A few busy municipalities and many quiet ones; official 0 acts for the busiest.
    candidates = [p[0] for p in ukrainian[:: max(1, len(ukrainian) // plan["officials"])]]
    candidates += [p[0] for p in foreign]
    rng.shuffle(candidates)
    municipality_pks = candidates[: plan["officials"]]
    users = list(User.objects.filter(pk__lte=plan["officials"]).order_by("pk"))
    zipf = Zipf(rng, len(municipality_pks), 1.1)
    # The benchmark signs in as official 0: they act for the busiest municipality.
    busiest = zipf.order[0]
    assigned = list(municipality_pks)
    assigned[0], assigned[busiest] = assigned[busiest], assigned[0]
    officials = [
        Official(
            user=user,
            municipality_id=pk,
            status=OfficialStatus.APPROVED,
            position="Голова громади" if i % 3 else "Секретар ради",
            work_email=user.email,
            language="uk" if i % 4 else "en",
            decided_by=staff,
            decided_at=user.date_joined,
        )
        for i, (user, pk) in enumerate(zip(users, assigned, strict=False))
    ]
    Official.objects.bulk_create(officials)
    by_municipality = {o.municipality_id: o.user for o in officials}
    users_by_pk = {user.pk: user for user in users}
    by_municipality = {pk: user.pk for pk, user in by_municipality.items()}
    municipalities = Municipality.objects.in_bulk(municipality_pks)
    areas = list(CooperationArea.objects.all())
    forms = [choice for choice, _ in CooperationForm.choices]
    busiest = municipality_pks[busiest]
    # The signed-in official's municipality states offers and needs (so its dashboard
    # suggests partners) at every size.
    home = municipalities[busiest]
    if not home.offers.exists():
        home.offers.set(areas[:2])
    if not home.needs.exists():
        home.needs.set(areas[2:4])

    made = 0
    attempts = 0
    while made < plan["requests"] and attempts < plan["requests"] * 5:
        attempts += 1
        sender_pk = municipality_pks[zipf.draw()] if rng.random() < 0.5 else busiest
        partner_pk = municipality_pks[zipf.draw()]
        if rng.random() < 0.5:
            sender_pk, partner_pk = partner_pk, sender_pk
        if sender_pk == partner_pk or sender_pk not in by_municipality:
            continue
        sender, partner = municipalities[sender_pk], municipalities[partner_pk]
        author = users_by_pk[by_municipality[sender_pk]]
        try:
            request = requests.request_create(
                user=author, from_municipality=sender, to_municipality=partner,
                areas=rng.sample(areas, rng.randint(1, 3)), form=rng.choice(forms),
                message=" ".join(rng.choice(UK_WORDS) for _ in range(40)),
                contact_person=f"{author.email}, голова",
            )  # fmt: skip
        except requests.RequestError:
            continue
        made += 1
        answerer = users_by_pk.get(by_municipality.get(partner_pk))
        fate = rng.random()
        if answerer is None or fate < 0.35:
            continue  # stays open
        if fate < 0.5:
            requests.request_decline(cooperation_request=request, user=answerer, reply="Ні")
            continue
        if fate < 0.55:
            requests.request_withdraw(cooperation_request=request, user=author)
            continue
        requests.request_accept(cooperation_request=request, user=answerer, reply="Так")
        memorandum = Memorandum.objects.get(request=request)
        if rng.random() < 0.5:
            continue  # drafting
        for municipality, user in ((sender, author), (partner, answerer)):
            memoranda.memorandum_agree(
                memorandum=memorandum, municipality=municipality, version=memorandum.version,
                actor=user,
            )  # fmt: skip
        if rng.random() < 0.6:
            memoranda.memorandum_sign(
                memorandum=Memorandum.objects.get(pk=memorandum.pk),
                signed_on=datetime.now(UTC).date() - timedelta(days=rng.randint(1, 900)),
                place=sender.name, scan=None, actor=author,
            )  # fmt: skip
    log(f"  {made} requests, {Memorandum.objects.count()} memoranda")


def label(size: str, seed_value: int) -> str:
    return f"size={size} seed={seed_value} version={VERSION}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if urlsplit(args.database_url).scheme not in {"postgres", "postgresql", "pgsql"}:
        print("bench/seed.py needs a PostgreSQL --database-url", file=sys.stderr)
        return 2
    if not args.force and marker(args.database_url) == label(args.size, args.seed):
        print(f"already seeded ({label(args.size, args.seed)}), reused", flush=True)
        return 0
    recreate_database(args.database_url)
    setup_django(args.database_url)
    seed(args.size, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
