"""The language switcher: the same page, with its query, in the other language."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.usefixtures("english")
def test_language_switcher_links_the_same_page_in_the_other_language(client):
    html = client.get(reverse("partnerships:municipality-list"), {"country": "UA"}).content.decode()
    assert '<html lang="en">' in html
    assert 'href="/uk/municipalities/?country=UA" lang="uk" hreflang="uk"' in html
