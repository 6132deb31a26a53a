"""Generations of cached pieces: a write starts a new one, now and after commit."""

import pytest
from django.db import transaction

from core import caching


@pytest.mark.django_db
def test_token_stays_until_bumped():
    first = caching.token("things")
    assert caching.token("things") == first
    caching.bump("things")
    assert caching.token("things") != first


@pytest.mark.django_db(transaction=True)
def test_bump_inside_a_transaction_takes_effect_again_after_commit():
    with transaction.atomic():
        before = caching.token("things")
        caching.bump("things")
        # A reader in between (seeing the rows before the commit) starts a token...
        during = caching.token("things")
        assert during != before
    # ...which the commit ends, so nothing it cached is used again.
    assert caching.token("things") not in {before, during}


def test_lifetime_is_asked_only_for_a_new_token():
    asked = []

    def lifetime():
        asked.append(1)
        return 60

    caching.token("timed", lifetime=lifetime)
    caching.token("timed", lifetime=lifetime)
    assert asked == [1]


@pytest.mark.django_db
def test_tokens_reads_several_generations_at_once_and_each_bump_is_its_own():
    first, second = caching.tokens("one", "two")
    assert (first, second) == (caching.token("one"), caching.token("two"))
    caching.bump("two")
    again_first, again_second = caching.tokens("one", "two")
    assert again_first == first
    assert again_second != second


def test_a_registered_lifetime_starts_the_token_whoever_reads_it_first(monkeypatch):
    asked = []
    monkeypatch.setitem(caching._lifetimes, "owned", lambda: asked.append(1) or 5)
    caching.tokens("owned")
    assert asked == [1]
