"""Registry data in bulk, for proving that query counts do not grow with it."""

from partnerships.models import Municipality, Partnership
from tests.factories import CooperationAreaFactory, ForeignMunicipalityFactory, RegionFactory


def bulk_registry(count: int) -> None:
    """`count` municipalities, each with areas and a partnership, written in a few queries."""
    region = RegionFactory()
    energy, water = CooperationAreaFactory(slug="energy"), CooperationAreaFactory(slug="water")
    towns = Municipality.objects.bulk_create(
        Municipality(
            name_uk=f"Громада {i}",
            name_en=f"Hromada {i}",
            slug=f"bulk-{i}",
            country="UA",
            region=region,
            kind="rural",
            population=i,
            registry_key=f"bulk-{i}",
            latitude=49,
            longitude=30,
            search_text=f"громада {i} hromada {i}",
        )
        for i in range(count)
    )
    abroad = ForeignMunicipalityFactory()
    Municipality.offers.through.objects.bulk_create(
        Municipality.offers.through(municipality_id=t.pk, cooperationarea_id=energy.pk)
        for t in towns
    )
    Municipality.needs.through.objects.bulk_create(
        Municipality.needs.through(municipality_id=t.pk, cooperationarea_id=water.pk) for t in towns
    )
    Partnership.objects.bulk_create(
        Partnership(municipality_a_id=min(t.pk, abroad.pk), municipality_b_id=max(t.pk, abroad.pk))
        for t in towns
    )
