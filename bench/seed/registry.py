"""The registry (the real data set, through load_registry) and the municipalities' profiles."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.seed.database import copy_rows
from bench.seed.text import word_list

# (pk, name_uk, name_en, name_native, region_id, country)
type Place = tuple[int, str, str, str, int | None, str]


@dataclass
class Places:
    regions: dict[int, tuple[int, str, str]]  # pk -> (pk, name_uk, name_en)
    all: list[Place]
    ukrainian: list[Place]
    foreign: list[Place]


def load_registry() -> None:
    from django.core.management import call_command

    from bench.seed.plan import log

    log("migrating")
    call_command("migrate", verbosity=0, interactive=False)
    log("loading the registry")
    call_command("load_registry", verbosity=0)
    call_command("createcachetable", verbosity=0)


def places() -> Places:
    from partnerships.models import Municipality, Region

    regions = list(Region.objects.order_by("pk").values_list("pk", "name_uk", "name_en"))
    found = list(
        Municipality.objects.order_by("pk").values_list(
            "pk", "name_uk", "name_en", "name_native", "region_id", "country"
        )
    )
    return Places(
        regions={region[0]: region for region in regions},
        all=found,
        ukrainian=[p for p in found if p[5] == "UA"],
        foreign=[p for p in found if p[5] != "UA"],
    )


def profiles(rng: random.Random, places: list[Place]) -> None:
    """A third of the municipalities say what they offer and need, with a description.
    (Its own random stream: the data after it does not depend on it.)"""
    from partnerships.models import CooperationArea, Municipality

    areas = list(CooperationArea.objects.values_list("pk", flat=True))
    offers, needs, described = [], [], []
    for place in places:
        if rng.random() < 0.35:
            offers += [(place[0], a) for a in rng.sample(areas, rng.randint(1, 3))]
            needs += [(place[0], a) for a in rng.sample(areas, rng.randint(1, 3))]
            described.append(place[0])
    copy_rows("partnerships_municipality_offers", ["municipality_id", "cooperationarea_id"], offers)
    copy_rows("partnerships_municipality_needs", ["municipality_id", "cooperationarea_id"], needs)
    uk_words, en_words = word_list("uk"), word_list("en")
    Municipality.objects.filter(pk__in=described).update(
        description=" ".join(uk_words[:60]), description_uk=" ".join(uk_words[:60]),
        description_en=" ".join(en_words[:60]), open_to_partners=True,
    )  # fmt: skip
