"""bin/backup and bin/restore on a real PostgreSQL: back up, change data and files, restore,
and every row and file is back; a restore onto an empty server creates the database."""

import hashlib
import os
import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

from tests.concurrency import needs_postgresql

ROOT = Path(settings.BASE_DIR)


def run(script: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - the project's own scripts
        [str(ROOT / "bin" / script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def snapshot(cursor) -> dict[str, tuple[int, str]]:
    """Every table of ours: its row count and a digest of all its rows."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    tables = [name for (name,) in cursor.fetchall()]
    found = {}
    for table in tables:
        cursor.execute(
            f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: S608 - names from pg_tables
        )
        found[table] = cursor.fetchone()
    return found


def drop_fresh_database(name: str) -> None:
    with connection.cursor() as cursor:
        # DROP DATABASE waits for a checkpoint, which on a busy server can take longer
        # than the portal's statement timeout.
        cursor.execute("SET statement_timeout = 0")
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute("RESET statement_timeout")


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_back_every_row_and_file(tmp_path):
    from tests.factories import MunicipalityFactory, VerifiedUserFactory

    media, private = Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)
    (media / "news").mkdir(parents=True)
    (media / "news" / "picture.jpg").write_bytes(b"\xff\xd8 a picture")
    (media / "coats" / "lviv.png").parent.mkdir()
    (media / "coats" / "lviv.png").write_bytes(b"\x89PNG a coat of arms")
    (private / "memoranda").mkdir(parents=True)
    (private / "memoranda" / "signed.pdf").write_bytes(b"%PDF- a signed scan")
    users = [VerifiedUserFactory() for _ in range(3)]
    MunicipalityFactory(name_en="Backed-up Town")

    db = connection.settings_dict
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
        "DJANGO_SECRET_KEY": "backup-test-key",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DJANGO_MEDIA_ROOT": str(media),
        "DJANGO_PRIVATE_MEDIA_ROOT": str(private),
    }
    with connection.cursor() as cursor:
        before = snapshot(cursor)
    backed_up_media, backed_up_private = files(media), files(private)

    made = run("backup", str(tmp_path / "backups"), env=env)
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip().splitlines()[-1])
    assert sorted(p.name for p in backup.iterdir()) == [
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
        "private.tar.gz",
    ]

    # Life goes on: an account deleted, one added, one changed; files lost, changed, added.
    users[0].delete()
    VerifiedUserFactory()
    users[1].first_name = "Changed"
    users[1].save()
    (media / "news" / "picture.jpg").unlink()
    (media / "coats" / "lviv.png").write_bytes(b"overwritten")
    (media / "news" / "new.jpg").write_bytes(b"added after the backup")
    (private / "memoranda" / "signed.pdf").unlink()
    with connection.cursor() as cursor:
        assert snapshot(cursor) != before

    assert run("restore", str(backup), env=env).returncode == 2  # asks for --yes
    connection.close()
    restored = run("restore", str(backup), "--yes", env=env)
    assert restored.returncode == 0, restored.stderr
    with connection.cursor() as cursor:
        assert snapshot(cursor) == before
    assert files(media) == backed_up_media
    assert files(private) == backed_up_private

    # The same backup onto a server without the database (a new machine).
    fresh = f"{db['NAME']}_restored"
    drop_fresh_database(fresh)
    try:
        onto_fresh = run(
            "restore",
            str(backup),
            "--yes",
            env={
                **env,
                "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{fresh}",
                "DJANGO_MEDIA_ROOT": str(tmp_path / "new-server" / "media"),
                "DJANGO_PRIVATE_MEDIA_ROOT": str(tmp_path / "new-server" / "private"),
            },
        )
        assert onto_fresh.returncode == 0, onto_fresh.stderr
        other = psycopg2.connect(dbname=fresh, user=db["USER"], host=db["HOST"], port=db["PORT"])
        try:
            with other.cursor() as cursor:
                assert snapshot(cursor) == before
        finally:
            other.close()
        assert files(tmp_path / "new-server" / "media") == backed_up_media
    finally:
        drop_fresh_database(fresh)


@needs_postgresql
def test_restore_refuses_a_backup_whose_files_were_damaged(tmp_path):
    backup = tmp_path / "twinning-broken"
    backup.mkdir()
    (backup / "database.dump").write_bytes(b"dump")
    digest = hashlib.sha256(b"dump").hexdigest()
    (backup / "SHA256SUMS").write_text(f"{digest}  database.dump\n")
    (backup / "database.dump").write_bytes(b"damaged")
    result = run("restore", str(backup), "--yes", env={**os.environ, "DJANGO_SECRET_KEY": "x"})
    assert result.returncode == 1
    assert "checksums do not match" in result.stderr
