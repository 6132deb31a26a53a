"""The command line, and the order of the steps (one random stream runs through them, so
the same --seed gives the same data)."""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import UTC, datetime
from urllib.parse import urlsplit

import bench.seed
from bench.seed import activities, comments, cooperation, database, news, registry, users
from bench.seed.plan import SIZES, label, log
from bench.seed.text import Words, word_list


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(bench.seed.__doc__ or "").split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="PostgreSQL database to fill (default: DATABASE_URL)",
    )
    parser.add_argument("--force", action="store_true", help="seed again even if already seeded")
    return parser.parse_args(argv)


def seed(size: str, seed_value: int) -> None:
    plan = SIZES[size]
    rng = random.Random(seed_value)
    now = datetime.now(UTC).replace(microsecond=0)

    registry.load_registry()
    tail = 20_000 if size == "full" else 3_000
    words = {
        "uk": Words(rng, word_list("uk"), "uk", tail),
        "en": Words(rng, word_list("en"), "en", tail),
    }
    users.users(rng, plan, now)
    topic_names = news.topics(plan)
    places = registry.places()
    news.articles(rng, plan, now, words, places, topic_names)
    comments.comments(rng, plan, now, words)

    log("profiles: areas offered and needed, descriptions")
    registry.profiles(random.Random(seed_value + 1), places.all)
    log("officials, requests, memoranda, partnerships (through the services)")
    cooperation.cooperation(rng, plan, places.ukrainian, places.foreign)
    activities.activities(rng, plan, now, words)

    log("analyze")
    database.mark_seeded(label(size, seed_value))
    log("done")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if urlsplit(args.database_url).scheme not in {"postgres", "postgresql", "pgsql"}:
        print("bench.seed needs a PostgreSQL --database-url", file=sys.stderr)
        return 2
    if not args.force and database.marker(args.database_url) == label(args.size, args.seed):
        print(f"already seeded ({label(args.size, args.seed)}), reused", flush=True)
        return 0
    database.recreate_database(args.database_url)
    database.setup_django(args.database_url)
    seed(args.size, args.seed)
    return 0
