"""Throughput of the public pages against a running portal (loopback only).

    .venv/bin/python bench/throughput.py http://127.0.0.1:8100 --requests 300 --concurrency 4

Bounded in count and time; prints requests per second and latency per page.
"""

import argparse
import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

PAGES = [
    "/uk/",
    "/uk/municipalities/",
    "/uk/municipalities/?needs=energy&sort=-partners",
    "/uk/municipalities/?q=громада&page=3",
    "/uk/municipalities/iziumska-urban-hromada/",
    "/en/map/",
    "/en/statistics/",
    "/uk/news/",
    "/uk/news/?region=kharkiv-oblast",
    "/uk/news/izium-negotiating-cooperation-with-chennevieres-sur-marne/",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def fetch(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
        response.read()
        status = response.status
    return time.perf_counter() - started, status


def measure(base: str, path: str, requests: int, concurrency: int, deadline: float) -> dict:
    url = base + urllib.request.quote(path, safe="/?=&-")
    timings, failures = [], 0
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(fetch, url) for _ in range(requests)]
        for future in futures:
            if time.monotonic() > deadline:
                future.cancel()
                continue
            try:
                seconds, status = future.result()
                timings.append(seconds)
                failures += status != 200
            except Exception:
                failures += 1
    elapsed = time.perf_counter() - started
    timings.sort()
    return {
        "path": path,
        "done": len(timings),
        "failures": failures,
        "rps": len(timings) / elapsed if elapsed else 0.0,
        "p50_ms": statistics.median(timings) * 1000 if timings else 0.0,
        "p95_ms": timings[int(len(timings) * 0.95) - 1] * 1000 if timings else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("base", help="e.g. http://127.0.0.1:8100")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--max-seconds", type=float, default=120)
    args = parser.parse_args()
    if urlsplit(args.base).hostname not in LOOPBACK:
        parser.error("the benchmark only targets a portal on this machine (loopback)")
    deadline = time.monotonic() + args.max_seconds
    print(f"{'page':<52} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'fail':>5}")
    failed = 0
    for path in PAGES:
        result = measure(args.base.rstrip("/"), path, args.requests, args.concurrency, deadline)
        failed += result["failures"]
        print(
            f"{result['path'][:52]:<52} {result['rps']:7.1f} {result['p50_ms']:7.1f} "
            f"{result['p95_ms']:7.1f} {result['failures']:5d}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
