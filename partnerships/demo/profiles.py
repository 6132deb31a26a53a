"""Demo profiles for a first look: descriptions and areas of cooperation.

Only empty profiles are filled, so re-running never overwrites what an
official or staff member wrote.
"""

import random

from partnerships.models import CooperationArea, Municipality

PROFILES = {
    # KATOTTG code or foreign key: (description uk, description en, offers, needs)
    "UA63040090000021240": (
        "Ізюм — місто на Сіверському Донці, звільнене у вересні 2022 року. Громада відновлює "
        "школи, лікарню, водогін і житло та шукає партнерів для обміну досвідом відбудови.",
        "Izium is a town on the Siverskyi Donets, liberated in September 2022. The community is "
        "rebuilding schools, the hospital, the water supply and housing, and looks for partners "
        "to share experience of reconstruction.",
        ["culture", "tourism", "agriculture"],
        ["reconstruction", "water", "health", "education", "demining"],
    ),
    "fr-chennevieres-sur-marne": (
        "Шеннев'єр-сюр-Марн — муніципалітет департаменту Валь-де-Марн під Парижем, що "
        "готує Меморандум про побратимство з Ізюмом.",
        "Chennevières-sur-Marne is a municipality of the Val-de-Marne department near Paris, "
        "preparing a Memorandum on Twinning with Izium.",
        ["education", "culture", "youth-sport", "governance"],
        ["culture", "youth-sport"],
    ),
    "pl-krakow": (
        "Краків — друге за величиною місто Польщі, побратим Львова та Києва; ділиться досвідом "
        "модернізації водогону, шкіл і громадського транспорту.",
        "Kraków is Poland's second city, twinned with Lviv and Kyiv; it shares its experience "
        "of modernising the water supply, schools and public transport.",
        ["water", "education", "transport"],
        ["culture", "tourism"],
    ),
    "UA32080070000050759": (
        "Бучанська громада відбудовує соціальну інфраструктуру після окупації 2022 року і ділиться "
        "досвідом повернення громади до життя.",
        "Bucha community is rebuilding its social infrastructure after the 2022 occupation and "
        "shares its experience of bringing a community back to life.",
        ["governance", "culture"],
        ["reconstruction", "health", "social", "veterans"],
    ),
    "UA32080150000035443": (
        "Ірпінь відбудовує зруйновані житлові квартали та мости і розвиває цифрові послуги "
        "для мешканців.",
        "Irpin is rebuilding destroyed housing blocks and bridges and develops digital services "
        "for its residents.",
        ["digital", "youth-sport"],
        ["reconstruction", "energy", "transport"],
    ),
    "UA46060250000025047": (
        "Львів приймає внутрішньо переміщених осіб і реабілітує поранених; громада відкрита до "
        "співпраці в медицині, ІТ та культурі.",
        "Lviv hosts internally displaced people and rehabilitates the wounded; the community is "
        "open to cooperation in medicine, IT and culture.",
        ["digital", "culture", "tourism", "health"],
        ["health", "social", "veterans"],
    ),
    "UA51100270000073549": (
        "Одеса — портове місто, об'єкт спадщини ЮНЕСКО, що захищає свої пам'ятки та енергосистему.",
        "Odesa is a port city and UNESCO heritage site protecting its monuments and its power grid.",
        ["tourism", "culture", "economy", "transport"],
        ["energy", "civil-protection", "culture"],
    ),
}


def load() -> int:
    """Fill empty demo profiles; returns how many were filled."""
    areas = {area.slug: area for area in CooperationArea.objects.all()}
    filled = 0
    for key, (text_uk, text_en, offers, needs) in PROFILES.items():
        municipality = Municipality.objects.filter(registry_key=key).first()
        if municipality is None or municipality.description_uk:
            continue
        municipality.description_uk, municipality.description_en = text_uk, text_en
        municipality.save()
        # Staff may have renamed or removed an area: use those that exist.
        municipality.offers.set([areas[slug] for slug in offers if slug in areas])
        municipality.needs.set([areas[slug] for slug in needs if slug in areas])
        filled += 1

    # Areas for a sample of other profiles, so the directory's filters have something to find.
    rng = random.Random(2023)  # noqa: S311 - demo data, not security
    slugs = sorted(areas)
    if len(slugs) < 3:
        return filled
    # The same quarter of the registry on every run; of it, only profiles still empty.
    every = Municipality.objects.order_by("registry_key").values_list("pk", flat=True)
    chosen = [pk for pk in every if rng.random() < 0.25]
    empty = set(
        Municipality.objects.filter(pk__in=chosen, offers=None, needs=None).values_list(
            "pk", flat=True
        )
    )
    sample = [pk for pk in chosen if pk in empty]
    picks = {pk: _pick(slugs, seed=pk) for pk in sample}
    offered = Municipality.offers.through
    needed = Municipality.needs.through
    offered.objects.bulk_create(
        offered(municipality_id=pk, cooperationarea_id=areas[slug].pk)
        for pk, (offers, _needs) in picks.items()
        for slug in offers
    )
    needed.objects.bulk_create(
        needed(municipality_id=pk, cooperationarea_id=areas[slug].pk)
        for pk, (_offers, needs) in picks.items()
        for slug in needs
    )
    return filled + len(sample)


def _pick(slugs: list[str], *, seed: int) -> tuple[list[str], list[str]]:
    """Offers and needs of one profile, never the same area in both: one draw of up to
    six distinct areas, split into three offered and the rest needed."""
    drawn = random.Random(seed).sample(slugs, min(6, len(slugs)))  # noqa: S311 - demo data
    return drawn[:3], drawn[3:]
