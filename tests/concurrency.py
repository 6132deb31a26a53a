"""Running calls at the same moment, for tests of races (double submits, counters, locks)."""

import threading

import pytest
from django.db import connection, connections

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="parallel writers need PostgreSQL: SQLite serialises the whole database",
)


def in_parallel(*calls) -> list:
    """Start every call at once, each in its own thread with its own database connection;
    return what each returned, or the exception it raised."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # returned, so the test can assert on it
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
