"""The news template tag: the latest news of a community on the home page and its profile."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, MunicipalityFactory


@pytest.mark.django_db
def test_home_and_profile_show_news(client):
    community = MunicipalityFactory()
    article = ArticleFactory(title_uk="Новина громади")
    article.communities.set([community])
    assert "Новина громади" in client.get(reverse("home")).content.decode()
    assert "Новина громади" in client.get(community.get_absolute_url()).content.decode()
