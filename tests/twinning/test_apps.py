"""The site's app: the Sites record follows the portal's address."""

import pytest
from django.contrib.sites.models import Site

from twinning.apps import name_the_site


@pytest.mark.django_db
def test_site_record_carries_the_portal_address(settings):
    settings.PORTAL_BASE_URL = "https://twinning.example.gov.ua"
    name_the_site(sender=None)
    assert Site.objects.get_current().domain == "twinning.example.gov.ua"
