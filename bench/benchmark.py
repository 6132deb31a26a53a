"""The benchmark: every main page against a baseline, at real volume, in one run.

    bench/run            # full: seeds (or reuses) both data sets, ~10 minutes of load
    bench/run --quick    # a few seconds a page, for a developer before saying "resolved"

It seeds (or reuses) the full and the small data set (bench/seed/), starts gunicorn
with production settings on each (3 sync workers, persistent connections, DEBUG off,
Redis cache), and for every page: first a run of the baseline page (bench.views), then
the page itself. Reported: requests per second, p50 and p99, errors, the ratio to the
baseline run just before, the first request after the cache was emptied ("cold"),
queries per request on the small and the full data set (X-Bench-Queries, from
bench.middleware), and the largest worker's memory after the run. A markdown table goes
to stdout and to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
sys.path.insert(0, str(ROOT))

from bench import throughput  # noqa: E402
from bench.seed import COMMON_EN, COMMON_UK, OFFICIAL_EMAIL, RARE_UK  # noqa: E402

BASELINE = "/uk/bench/baseline/"
# Targets: the least share of the baseline's requests per second, by page kind.
TARGETS = {"news": 0.80, "article": 0.60, "directory-filters": 0.70, "search": 0.40}
OTHER_TARGET = 0.50
NOISE = 0.10


def pages_of(database_url: str) -> list[dict]:
    """The pages to measure on one data set (run in a subprocess: Django on that DB)."""
    output = subprocess.run(
        [PYTHON, __file__, "--pages-json"],
        env={**os.environ, **server_env(database_url)},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def print_pages_json() -> None:
    import django

    django.setup()
    print(json.dumps(bench_pages()))


def bench_pages() -> list[dict]:
    """The pages to measure on the data set Django is set up on (tests/bench renders
    them on a tiny one)."""
    import random

    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.test import Client
    from taggit.models import Tag

    from news.models import Article
    from partnerships.models import (
        CooperationArea,
        Memorandum,
        Municipality,
        Official,
        Partnership,
        Region,
    )
    from partnerships.models.municipality import OCCUPIED_REGION_CODES

    rng = random.Random(7)
    published = list(Article.objects.published().values_list("slug", flat=True)[:5000])
    # Many articles (each first view is a cold one: the "cold ms" column shows that cost).
    articles = rng.sample(published, min(40, len(published)))
    busiest = (
        Article.objects.published().annotate(n=Count("comments")).order_by("-n").values("slug")[:1]
    )
    tag = Tag.objects.annotate(n=Count("news_taggedarticle_items")).order_by("-n").first()
    region = Region.objects.annotate(n=Count("articles")).order_by("-n").first()
    big_region = (
        Region.objects.exclude(code__in=OCCUPIED_REGION_CODES)
        .annotate(n=Count("municipalities"))
        .order_by("-n", "pk")
        .first()
    )
    area = CooperationArea.objects.order_by("position").first()
    pages_count = -(-Article.objects.published().count() // 12)
    profile = (
        Municipality.objects.annotate(n=Count("partnerships_as_a") + Count("partnerships_as_b"))
        .order_by("-n")
        .first()
    )
    # The partnership with the most activities (the seeder gives one hundreds).
    partnership = Partnership.objects.annotate(n=Count("activities")).order_by("-n", "pk").first()
    user = get_user_model().objects.get(email=OFFICIAL_EMAIL)
    official = Official.objects.approved().get(user=user)
    memorandum = Memorandum.objects.involving(official.municipality).order_by("-version").first()
    client = Client()
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}"

    def q(text: str) -> str:
        return quote(text)

    pages = [
        {"name": "news list, page 1", "kind": "news", "paths": ["/uk/news/"]},
        {"name": f"news list, page {min(2000, pages_count)}", "kind": "deep",
         "paths": [f"/uk/news/?page={min(2000, pages_count)}"]},
        {"name": "topic page", "kind": "news", "paths": [f"/uk/news/tags/{q(tag.slug)}/"]},
        {"name": "region page", "kind": "news", "paths": [f"/uk/news/regions/{region.slug}/"]},
        {"name": "article (many, counts the view)", "kind": "article",
         "paths": [f"/uk/news/{slug}/" for slug in articles]},
        {"name": "article with the most comments", "kind": "article",
         "paths": [f"/uk/news/{busiest[0]['slug']}/"]},
        {"name": f"news search “{COMMON_UK}”", "kind": "search",
         "paths": [f"/uk/news/?q={q(COMMON_UK)}"]},
        {"name": f"news search “{COMMON_EN}”", "kind": "search",
         "paths": [f"/en/news/?q={q(COMMON_EN)}"]},
        {"name": f"news search, rare word “{RARE_UK}”", "kind": "search",
         "paths": [f"/uk/news/?q={q(RARE_UK)}"]},
        {"name": "directory, two filters", "kind": "directory-filters",
         "paths": [f"/uk/municipalities/?region={big_region.slug}&needs={area.slug}"]},
        {"name": "directory, name search", "kind": "other",
         "paths": [f"/uk/municipalities/?q={q('харків')}"]},
        {"name": "municipality profile", "kind": "other",
         "paths": [f"/uk/municipalities/{profile.slug}/"]},
        {"name": "home", "kind": "other", "paths": ["/uk/"]},
        {"name": "map", "kind": "other", "paths": ["/uk/map/"]},
        {"name": "map data (GeoJSON)", "kind": "other", "paths": ["/uk/map/data.geojson"]},
        {"name": "map data, one oblast", "kind": "other",
         "paths": [f"/uk/map/data.geojson?region={big_region.slug}"]},
        {"name": "statistics", "kind": "other", "paths": ["/uk/statistics/"]},
        {"name": "partnership page (most activities)", "kind": "other",
         "paths": [f"/uk/partnerships/{partnership.pk}/"]},
        {"name": "activities feed (RSS)", "kind": "other", "paths": ["/uk/activities/feed/"]},
        {"name": "official's dashboard (signed in)", "kind": "other",
         "paths": ["/uk/my-municipality/"], "cookie": cookie},
        {"name": "memorandum (signed in)", "kind": "other",
         "paths": [f"/uk/memoranda/{memorandum.pk}/"], "cookie": cookie},
    ]  # fmt: skip
    return pages


def server_env(database_url: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_CONN_MAX_AGE": "600",
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/5"),
    }


class Server:
    """gunicorn as production runs it (3 sync workers), on one data set."""

    def __init__(self, database_url: str, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "twinning.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "3", "--worker-class", "sync", "--timeout", "30",
             "--log-level", "warning"],
            cwd=ROOT, env={**os.environ, **server_env(database_url)},
        )  # fmt: skip
        for _ in range(120):
            try:
                if throughput.fetch(self.base, BASELINE)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise SystemExit("gunicorn did not answer")

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def worker_memory_mb(self, field: str) -> float:
        """The largest worker's "Rss" (every page it maps, shared ones in full) or
        "Pss" (its private pages plus its share of those it shares with the master and
        the other workers: what it costs, with the application preloaded)."""
        sizes = []
        for pid in self.workers():
            try:
                rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except (ProcessLookupError, FileNotFoundError):
                continue  # a worker gunicorn recycled (max_requests) between list and read
            for line in rollup.splitlines():
                if line.startswith(f"{field}:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return max(sizes, default=0.0)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()


def flush_cache() -> None:
    import redis

    redis.Redis.from_url(server_env("")["CACHE_URL"]).flushdb()


def prepare(database_url: str, size: str, seed: int) -> None:
    subprocess.run(
        [PYTHON, "-m", "bench.seed", "--size", size, "--seed", str(seed),
         "--database-url", database_url],
        cwd=ROOT, check=True,
    )  # fmt: skip
    env = {**os.environ, **server_env(database_url), "DATABASE_STATEMENT_TIMEOUT_MS": "0"}
    subprocess.run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env,
                   check=True)  # fmt: skip


def target_of(page: dict) -> float:
    return TARGETS.get(page["kind"], OTHER_TARGET)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few seconds a page")
    parser.add_argument(
        "--small-only",
        action="store_true",
        help="measure on the small data set alone (when seeding the full one takes too long)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--full-url",
        default=os.environ.get(
            "BENCH_FULL_URL", "postgres://postgres@127.0.0.1:5432/twinning_bench_full"
        ),
    )
    parser.add_argument(
        "--small-url",
        default=os.environ.get(
            "BENCH_SMALL_URL", "postgres://postgres@127.0.0.1:5432/twinning_bench_small"
        ),
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8300")))
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument(
        "--only", default="", help="measure only pages whose name has this (or any of a|b)"
    )
    parser.add_argument("--pages-json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--render", metavar="RUN.json", help="print the table of a saved run")
    args = parser.parse_args()
    if args.pages_json:
        print_pages_json()
        return 0
    if args.render:
        rows = json.loads(Path(args.render).read_text())
        one = next((r for r in rows if r["page"] == "news list, page 1"), None)
        for row in rows:
            if row["kind"] == "deep" and one:
                row["of_page_one"] = row["ratio"] / one["ratio"]
        print(format_table(rows, quick="quick" in args.render))
        return 0

    seconds, baseline_seconds = (3.0, 2.0) if args.quick else (12.0, 6.0)
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, check=True,
        env={**os.environ, **server_env(args.small_url)},
    )  # fmt: skip
    prepare(args.small_url, "small", args.seed)
    if args.small_only:
        args.full_url = args.small_url
    else:
        prepare(args.full_url, "full", args.seed)

    # Queries per request on the small data set: one warm request per page.
    small_queries = {}
    server = Server(args.small_url, args.port + 1)
    try:
        for page in pages_of(args.small_url):
            path, cookie = page["paths"][0], page.get("cookie", "")
            throughput.fetch(server.base, path, cookie)
            small_queries[page["kind"], page["name"].split(",")[0]] = throughput.fetch(
                server.base, path, cookie
            )[2]
    finally:
        server.stop()

    rows = []
    server = Server(args.full_url, args.port)
    try:
        wanted = args.only.split("|")
        pages = [p for p in pages_of(args.full_url) if any(w in p["name"] for w in wanted)]
        # Warm the baseline (and every worker's templates) before the first comparison.
        throughput.run(server.base, [BASELINE], seconds=2, concurrency=args.concurrency)
        page_one_share = None
        for page in pages:
            cookie = page.get("cookie", "")
            base = throughput.run(
                server.base, [BASELINE], seconds=baseline_seconds, concurrency=args.concurrency
            )
            flush_cache()
            cold = throughput.fetch(server.base, page["paths"][0], cookie)
            result = throughput.run(
                server.base, page["paths"], seconds=seconds, concurrency=args.concurrency,
                cookie=cookie,
            )  # fmt: skip
            ratio = result.rps / base.rps if base.rps else 0.0
            if page["name"] == "news list, page 1":
                page_one_share = ratio
            row = {
                "page": page["name"],
                "kind": page["kind"],
                "rps": result.rps,
                "baseline_rps": base.rps,
                "ratio": ratio,
                "p50": result.percentile(0.50),
                "p99": result.percentile(0.99),
                "errors": result.errors + (cold[0] != 200),
                "cold_ms": cold[1] * 1000,
                "queries_full": result.median_queries,
                "queries_small": small_queries.get((page["kind"], page["name"].split(",")[0])),
                "kb": (sum(result.sizes) / len(result.sizes) / 1024) if result.sizes else 0,
                "rss": server.worker_memory_mb("Rss"),
                "pss": server.worker_memory_mb("Pss"),
                "target": target_of(page),
            }
            if page["kind"] == "deep" and page_one_share:
                # Shares, not raw rates: each against the baseline run just before it,
                # so a change in the machine's load between the two does not count.
                row["of_page_one"] = ratio / page_one_share
            rows.append(row)
            print(format_row(row), flush=True)
    finally:
        server.stop()

    table = format_table(rows, quick=args.quick)
    print()
    print(table)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (results / f"{stamp}{'-quick' if args.quick else ''}.md").write_text(table + "\n")
    (results / f"{stamp}{'-quick' if args.quick else ''}.json").write_text(json.dumps(rows))
    return 0 if all(met(row) for row in rows) else 1


def met(row: dict) -> bool:
    ratio_ok = row["ratio"] >= row["target"] * (1 - NOISE) or row["kind"] == "deep"
    deep_ok = row.get("of_page_one", 1.0) >= 0.90 * (1 - NOISE)
    return (
        ratio_ok
        and deep_ok
        and row["errors"] == 0
        and row["p99"] <= 3 * row["p50"] * (1 + NOISE)
        and row["queries_full"] == row["queries_small"]
        and row.get("pss", row["rss"]) <= 80
    )


def format_row(row: dict) -> str:
    share = f"{row['of_page_one']:.2f} of page 1" if "of_page_one" in row else f"{row['ratio']:.2f}"
    target = "≥ 0.90 of page 1" if row["kind"] == "deep" else f"≥ {row['target']:.2f}"
    return (
        f"| {row['page']} | {row['rps']:.0f} | {row['baseline_rps']:.0f} | {share} | {target} "
        f"| {row['p50']:.1f} | {row['p99']:.1f} | {row['errors']} | {row['cold_ms']:.0f} "
        f"| {row['queries_small']} / {row['queries_full']} | {row['kb']:.0f} "
        f"| {row['rss']:.0f} / {row.get('pss', 0):.0f} "
        f"| {'yes' if met(row) else '**no**'} |"
    )


def format_table(rows: list[dict], *, quick: bool) -> str:
    head = (
        "| page | req/s | baseline req/s | share of baseline | target | p50 ms | p99 ms "
        "| errors | cold ms | queries small / full | KB | worker RSS / PSS MB | met |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    )
    mode = "quick mode" if quick else "full mode"
    return f"{head}\n" + "\n".join(format_row(row) for row in rows) + f"\n\n({mode})"


if __name__ == "__main__":
    sys.exit(main())
