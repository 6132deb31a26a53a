"""What a data set holds at each size, and the marker of a seeded database."""

import time

VERSION = 4  # bump when the generated data changes, so old databases are seeded again

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
        "activities": 3_000,
        "busiest_activities": 500,
        "yearly": 300,
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
        "activities": 60,
        "busiest_activities": 12,
        "yearly": 6,
    },
    # For the suite: every kind of row, in seconds (tests/bench).
    "tiny": {
        "articles": 40,
        "drafts": 2,
        "comments": 300,
        "users": 30,
        "topics": 12,
        "officials": 6,
        "requests": 10,
        "paragraphs": 60,
        "activities": 12,
        "busiest_activities": 4,
        "yearly": 3,
    },
}
# Words the benchmark searches for: the commonest ones and one that only a few articles use.
COMMON_UK, COMMON_EN = "громада", "community"
RARE_UK, RARE_EN = "бурштинова", "amberwood"
RARE_SHARE = 1 / 3000  # of paragraphs
PASSWORD = "bench-password-2026"
OFFICIAL_EMAIL = "official0@bench.twinning.example.org"

STARTED = time.monotonic()


def label(size: str, seed_value: int) -> str:
    return f"size={size} seed={seed_value} version={VERSION}"


def log(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:7.1f} s] {message}", flush=True)
