"""Verified readers (the first of them officials' accounts) and one staff member."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from bench.seed.database import copy_rows, reset_sequence
from bench.seed.plan import PASSWORD, log
from bench.seed.text import word_list


def users(rng: random.Random, plan: dict[str, int], now: datetime) -> None:
    """One password hash for all (hashing 20,000 would take minutes)."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    log(f"users: {plan['users']}")
    password = make_password(PASSWORD)
    first_names = word_list("first_names") + [""] * 8

    def rows():
        for n in range(plan["users"]):
            joined = now - timedelta(days=rng.uniform(0, 5 * 365))
            yield (
                n + 1, password, None, False, f"reader{n}", rng.choice(first_names), "",
                f"{'official' if n < plan['officials'] else 'reader'}{n}@bench.twinning.example.org",
                False, True, joined,
            )  # fmt: skip

    copy_rows(
        "auth_user",
        ["id", "password", "last_login", "is_superuser", "username", "first_name", "last_name",
         "email", "is_staff", "is_active", "date_joined"],
        rows(),
    )  # fmt: skip
    reset_sequence("auth_user")
    with connection.cursor() as cursor:
        cursor.execute(
            'INSERT INTO account_emailaddress (user_id, email, verified, "primary") '
            "SELECT id, email, true, true FROM auth_user"
        )
        cursor.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, "
            "email, is_staff, is_active, date_joined) VALUES (%s, true, 'bench-staff', 'Staff', "
            "'', 'staff@bench.twinning.example.org', true, true, now())",
            [password],
        )
    reset_sequence("auth_user")
