"""The site's middleware: a bare 405 becomes a page in the site's look."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.usefixtures("english")
def test_wrong_method_gets_a_405_page_in_the_sites_look(client):
    response = client.post(reverse("about"))
    assert response.status_code == 405
    assert "This page cannot do that" in response.content.decode()
    assert response["Allow"] == "GET, HEAD"
