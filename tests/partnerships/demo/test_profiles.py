"""Demo profiles: each one offers and needs areas of its own."""

import pytest

from partnerships.demo import profiles
from partnerships.models import Municipality
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_demo_profiles_never_offer_what_they_need():
    MunicipalityFactory.create_batch(60)
    profiles.load()
    filled = Municipality.objects.exclude(offers=None).prefetch_related("offers", "needs")
    assert filled.count() >= 5
    for municipality in filled:
        offers = {area.slug for area in municipality.offers.all()}
        needs = {area.slug for area in municipality.needs.all()}
        assert len(offers) == 3
        assert needs
        assert not offers & needs, municipality
    # And not all alike: the draw differs from profile to profile.
    assert len({frozenset(a.slug for a in m.offers.all()) for m in filled}) > 1
