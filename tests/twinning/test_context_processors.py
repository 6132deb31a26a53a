"""What every page's template gets: the header knows whether the reader is an official."""

from django.urls import reverse


def test_header_links_dashboard_for_officials_only(client, official_a, plain_user):
    client.force_login(official_a.user)
    assert reverse("partnerships:dashboard") in client.get(reverse("home")).content.decode()
    client.force_login(plain_user)
    assert reverse("partnerships:dashboard") not in client.get(reverse("home")).content.decode()
