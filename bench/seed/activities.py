"""What partnerships do after the signature: activities (the busiest partnership has
hundreds, the rest follow Zipf's law), notes the other side added to some, and yearly
plans and reports agreed by both sides. Written with COPY, as published rows."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from bench.seed.database import copy_rows, reset_sequence
from bench.seed.plan import log
from bench.seed.text import Words, Zipf

KINDS = ["visit", "project", "humanitarian", "exchange", "event", "other"]


def key(rng: random.Random) -> uuid.UUID:
    """A one-time submit key (core.submit_once), from the seeded random stream."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def activities(
    rng: random.Random, plan: dict[str, int], now: datetime, words: dict[str, Words]
) -> None:
    from partnerships.models import Partnership

    pairs = list(
        Partnership.objects.order_by("pk").values_list("pk", "municipality_a", "municipality_b")
    )
    if not pairs:
        return
    log(f"activities: {plan['activities']} (the busiest partnership {plan['busiest_activities']})")
    rng.shuffle(pairs)
    busiest, rest = pairs[0], pairs[1:] or pairs
    zipf = Zipf(rng, len(rest), 1.1)
    owners = [busiest] * plan["busiest_activities"]
    owners += [rest[zipf.draw()] for _ in range(plan["activities"] - len(owners))]

    made, notes = [], []
    for n, (partnership, a, b) in enumerate(owners, start=1):
        language = "uk" if rng.random() < 0.7 else "en"
        side, other = (a, b) if rng.random() < 0.5 else (b, a)
        happened = now - timedelta(days=rng.randint(0, 5 * 365))
        published = happened + timedelta(days=rng.randint(0, 20), seconds=rng.randint(0, 86_400))
        published = min(published, now)
        description = "\n\n".join(
            " ".join(words[language].sentence(8, 20) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 3))
        )
        made.append(
            (
                n, partnership, side, None, happened.date(), rng.choice(KINDS),
                words[language].sentence(3, 8)[:200], description, language,
                "https://example.org/activity" if rng.random() < 0.2 else "", "published",
                published, published, published, key(rng),
            )
        )  # fmt: skip
        if rng.random() < 0.2:  # the other side added a note
            notes.append(
                (
                    len(notes) + 1, n, other, None, words[language].sentence(6, 18), "", None,
                    None, published + timedelta(hours=rng.randint(1, 200)), key(rng),
                )
            )  # fmt: skip
    copy_rows(
        "partnerships_activity",
        ["id", "partnership_id", "municipality_id", "created_by_id", "happened_on", "kind",
         "title", "description", "language", "link", "status", "published_at", "created_at",
         "updated_at", "submit_key"],
        iter(made),
    )  # fmt: skip
    copy_rows(
        "partnerships_activitycontribution",
        ["id", "activity_id", "municipality_id", "created_by_id", "note", "photo",
         "photo_width", "photo_height", "created_at", "submit_key"],
        iter(notes),
    )  # fmt: skip
    reset_sequence("partnerships_activity")
    reset_sequence("partnerships_activitycontribution")
    yearly(rng, plan, now, words, [busiest, *rest])


def yearly(
    rng: random.Random, plan: dict[str, int], now: datetime, words: dict[str, Words], pairs: list
) -> None:
    """Plans (two in three) and reports of past years, each agreed by both sides."""
    from partnerships.memoranda.text.languages import second_language
    from partnerships.models import Partnership

    log(f"yearly plans and reports: {plan['yearly']}")
    # The second language by the memorandum's rule (the seeder's word lists are uk and en,
    # so a French or Polish column holds English words: the page's shape is what counts).
    second = {
        partnership.pk: second_language(partnership.municipality_a, partnership.municipality_b)
        for partnership in Partnership.objects.select_related("municipality_a", "municipality_b")
    }
    documents, agreements, seen = [], [], set()
    for partnership, a, b in pairs:
        for year in range(now.year, now.year - 3, -1):
            for kind in ("plan", "report"):
                # A report looks back on a year that is over.
                report_skipped = kind == "report" and (year == now.year or rng.random() < 0.5)
                if len(documents) >= plan["yearly"] or report_skipped:
                    continue
                if (partnership, kind, year) in seen:
                    continue
                seen.add((partnership, kind, year))
                # A plan is agreed early in its year, a report early in the next.
                early = datetime(year + (kind == "report"), 2, 1, tzinfo=now.tzinfo)
                agreed = min(now, early + timedelta(days=rng.randint(0, 60)))
                paragraphs = rng.randint(2, 5)
                text_uk, text_other = (
                    "\n\n".join(words[code].sentence(10, 25) for _ in range(paragraphs))
                    for code in ("uk", "en")
                )
                n = len(documents) + 1
                documents.append(
                    (n, partnership, kind, year, text_uk, text_other, second[partnership], 1,
                     "agreed", agreed, agreed, agreed)
                )  # fmt: skip
                for side in (a, b):
                    agreements.append((len(agreements) + 1, n, side, 1, None, agreed))
        if len(documents) >= plan["yearly"]:
            break
    copy_rows(
        "partnerships_yearlydocument",
        ["id", "partnership_id", "kind", "year", "text_uk", "text_other", "language", "version",
         "status",
         "agreed_at", "created_at", "updated_at"],
        iter(documents),
    )  # fmt: skip
    copy_rows(
        "partnerships_yearlyagreement",
        ["id", "document_id", "municipality_id", "version", "user_id", "at"],
        iter(agreements),
    )  # fmt: skip
    reset_sequence("partnerships_yearlydocument")
    reset_sequence("partnerships_yearlyagreement")
