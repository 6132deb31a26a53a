"""The database under the seeding: made empty, filled with COPY, marked when seeded."""

from __future__ import annotations

import io
import os
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent.parent


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


def mark_seeded(label: str) -> None:
    """Fresh planner statistics, and the label that lets a later run reuse the database."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_seed (label text NOT NULL, seeded_at timestamptz)"
        )
        cursor.execute("DELETE FROM bench_seed")
        cursor.execute("INSERT INTO bench_seed VALUES (%s, now())", [label])
