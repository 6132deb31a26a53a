"""SQLite in development: parallel writers wait for each other instead of failing."""

import threading
import time

import pytest
from django.db import OperationalError, connection, connections, transaction

needs_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite options apply to SQLite only"
)


@needs_sqlite
def test_sqlite_transactions_take_the_write_lock_at_begin_and_wait_for_it():
    options = connection.settings_dict["OPTIONS"]
    assert (options["transaction_mode"], options["timeout"]) == ("IMMEDIATE", 20)


@needs_sqlite
def test_two_sqlite_writers_at_once_both_succeed(tmp_path, django_db_blocker):
    """Two transactions that read, then write (like signing) on a file database.

    Started as DEFERRED, both take a read lock, and the second to write gets
    "database is locked" at once (SQLite cannot wait: it would deadlock). With
    BEGIN IMMEDIATE the second waits at BEGIN until the first commits.
    """
    wrapper = connections["default"].__class__
    settings_dict = {**connection.settings_dict, "NAME": str(tmp_path / "race.sqlite3")}
    django_db_blocker.unblock()  # a database of its own, outside the test database
    setup = wrapper(settings_dict, alias="race")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE signing (n integer)")
    setup.close()
    start = threading.Barrier(2)
    results = []

    def sign():
        connections["race"] = wrapper(settings_dict, alias="race")
        try:
            start.wait()
            with transaction.atomic(using="race"), connections["race"].cursor() as cursor:
                cursor.execute("SELECT count(*) FROM signing")
                time.sleep(0.3)
                cursor.execute("INSERT INTO signing VALUES (1)")
            results.append("ok")
        except OperationalError as error:
            results.append(str(error))
        finally:
            connections["race"].close()

    threads = [threading.Thread(target=sign) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    django_db_blocker.restore()
    assert results == ["ok", "ok"]
