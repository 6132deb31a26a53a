"""A small load generator: threads, one HTTP/1.1 connection per request, loopback only.

Used by bench/benchmark.py; bounded in time and in count, and it stops by itself.
"""

from __future__ import annotations

import http.client
import itertools
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# A desktop browser, so article views are counted as a reader's.
BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    queries: list[int] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    elapsed: float = 0.0
    sizes: list[int] = field(default_factory=list)

    @property
    def done(self) -> int:
        return len(self.latencies)

    @property
    def rps(self) -> float:
        return self.done / self.elapsed if self.elapsed else 0.0

    def percentile(self, share: float) -> float:
        """In milliseconds (nearest rank)."""
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] * 1000

    @property
    def median_queries(self) -> int | None:
        return int(statistics.median(self.queries)) if self.queries else None


def fetch(base: str, path: str, cookie: str = "") -> tuple[int, float, int | None, int]:
    """(status, seconds, queries from X-Bench-Queries, body bytes) of one GET."""
    parts = urlsplit(base)
    if parts.hostname not in LOOPBACK:
        raise ValueError("the benchmark only targets a portal on this machine (loopback)")
    headers = {"User-Agent": BROWSER, "Accept": "text/html", "Accept-Language": "uk"}
    if cookie:
        headers["Cookie"] = cookie
    started = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        queries = response.getheader("X-Bench-Queries")
        status = response.status
    finally:
        connection.close()
    return status, time.perf_counter() - started, int(queries) if queries else None, len(body)


def run(
    base: str,
    paths: list[str],
    *,
    seconds: float,
    concurrency: int,
    cookie: str = "",
    max_requests: int = 100_000,
) -> Result:
    """GET the paths in turn from `concurrency` threads for `seconds` (at most
    `max_requests` requests); every answer but 200 is an error."""
    result = Result()
    lock = threading.Lock()
    turns = itertools.cycle(paths)
    deadline = time.monotonic() + seconds
    count = itertools.count()

    def worker() -> None:
        while time.monotonic() < deadline and next(count) < max_requests:
            with lock:
                path = next(turns)
            try:
                status, took, queries, size = fetch(base, path, cookie)
            except (OSError, http.client.HTTPException):
                with lock:
                    result.errors += 1
                continue
            with lock:
                result.latencies.append(took)
                result.statuses[status] = result.statuses.get(status, 0) + 1
                result.sizes.append(size)
                if status != 200:
                    result.errors += 1
                if queries is not None:
                    result.queries.append(queries)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    result.elapsed = time.perf_counter() - started
    return result
