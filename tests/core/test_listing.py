"""Paginated lists: a page number that is not a page is a 404, never page 1."""

import pytest
from django.http import Http404

from core.listing import StrictPaginator


@pytest.mark.parametrize("number", ["abc", "0", "-1", "3", "99999999999999999999"])
def test_strict_paginator_answers_a_bad_page_number_with_404(number):
    paginator = StrictPaginator(list(range(30)), 24)
    with pytest.raises(Http404):
        paginator.page(number)


def test_strict_paginator_serves_the_pages_it_has():
    paginator = StrictPaginator(list(range(30)), 24)
    assert list(paginator.page("1")) == list(range(24))
    assert list(paginator.page("2")) == list(range(24, 30))
