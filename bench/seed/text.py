"""Word lists (bench/seed/words/*.txt) and draws by Zipf's law."""

import random
from bisect import bisect
from functools import cache
from itertools import accumulate
from pathlib import Path

WORDS = Path(__file__).resolve().parent / "words"
TOPIC_KINDS = ["", "громад", "у-регіоні", "і-партнери", "для-дітей"]


@cache
def word_list(name: str) -> list[str]:
    """The words of bench/seed/words/NAME.txt, one a line, in order."""
    return (WORDS / f"{name}.txt").read_text("utf-8").splitlines()


class Words:
    """Words drawn by Zipf's law: the listed words first (most frequent), then a long tail
    of made-up ones, as real text has."""

    def __init__(self, rng: random.Random, listed: list[str], language: str, tail: int):
        syllables = word_list(f"syllables_{language}")
        made_up: set[str] = set()
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
