"""The demo's life after the signature: the Izium – Chennevières-sur-Marne partnership
has an activity with a photo from each side and this year's plan, agreed by both.

Everything goes through the services the portal's own forms use (and the photos through
core.uploads), as the two demo officials; it needs them, so DEBUG only. Re-running
changes nothing: the activity and the photos carry fixed one-time submit keys (the
database returns the first row for a second submit), and the plan is one per year.
"""

import uuid
from datetime import date

from django.utils import timezone

from core.pictures import picture
from core.uploads import clean_image
from partnerships.activities import services as activities
from partnerships.models import Municipality, Official, Partnership
from partnerships.yearly import services as yearly
from partnerships.yearly.models import YearlyKind

IZIUM, CHENNEVIERES = "UA63040090000021240", "fr-chennevieres-sur-marne"
# The fixed one-time keys that keep re-runs from adding anything.
KEYS = uuid.UUID("6f1d4c1e-2b1a-4d8e-9a51-0c5b1e7d2a14")

ACTIVITY = {
    "kind": "humanitarian",
    "title": "Шеннев'єр-сюр-Марн передав Ізюму генератори для шкіл",
    "description": (
        "Місто-побратим зібрало й передало шість генераторів для шкіл Ізюмської громади. "
        "Їх установили в ліцеях № 2 і № 4 та в початковій школі в Капитолівці: "
        "навчання більше не зупиняється під час відключень."
    ),
    "language": "uk",
    "link": "",
}
NOTES = {
    IZIUM: "Генератор у ліцеї № 4 уже працює.",
    CHENNEVIERES: "Le chargement des générateurs au centre technique municipal.",
}
PLAN = (
    "Відбудова:\n— обмін досвідом відновлення шкіл і водогону; спільна заявка до програми "
    "CERV.\n\nКультура:\n— літній табір для 20 дітей з Ізюма в Шеннев'єр-сюр-Марні; "
    "виставка «Ізюм — місто, що повертається».\n\nМолодь і спорт:\n— онлайн-обмін "
    "шкільних класів, щонайменше чотири зустрічі за рік.",
    "Reconstruction :\n— échange d'expérience sur la remise en état des écoles et du "
    "réseau d'eau ; candidature commune au programme CERV.\n\nCulture :\n— colonie d'été "
    "pour 20 enfants d'Izioum à Chennevières-sur-Marne ; exposition « Izioum, la ville "
    "qui revient ».\n\nJeunesse et sport :\n— échanges en ligne entre classes, au moins "
    "quatre rencontres dans l'année.",
)


def load() -> bool:
    """Tell the partnership's life; False when its officials or the pair are missing."""
    sides = {
        key: Municipality.objects.filter(registry_key=key).first() for key in (IZIUM, CHENNEVIERES)
    }
    users = {
        key: getattr(Official.objects.approved().filter(municipality=side).first(), "user", None)
        for key, side in sides.items()
    }
    izium, chennevieres = sides[IZIUM], sides[CHENNEVIERES]
    if izium is None or chennevieres is None or None in users.values():
        return False
    partnership = Partnership.objects.between(izium, chennevieres).first()
    if partnership is None:
        return False
    _activity(partnership, sides, users)
    _plan(partnership, sides, users)
    return True


def _key(name: str) -> uuid.UUID:
    return uuid.uuid5(KEYS, name)


def _activity(partnership: Partnership, sides: dict, users: dict) -> None:
    today = timezone.localdate()
    activity, _created = activities.activity_record(
        partnership=partnership,
        municipality=sides[IZIUM],
        user=users[IZIUM],
        happened_on=min(date(today.year, 3, 14), today),
        submit_key=_key("activity"),
        **ACTIVITY,
    )
    activities.activity_publish(activity=activity)
    activity.refresh_from_db()
    for key in (IZIUM, CHENNEVIERES):
        photo_key = _key(f"photo-{key}")
        if activity.contributions.filter(submit_key=photo_key).exists():
            continue  # no picture made for nothing on a re-run
        activities.contribution_add(
            activity=activity,
            municipality=sides[key],
            user=users[key],
            note=NOTES[key],
            photo=clean_image(picture(f"activity-{key}")),
            submit_key=photo_key,
        )


def _plan(partnership: Partnership, sides: dict, users: dict) -> None:
    document, _new = yearly.yearly_open(
        partnership=partnership,
        kind=YearlyKind.PLAN,
        year=timezone.localdate().year,
        actor=users[IZIUM],
    )
    if document.is_agreed:
        return
    document, _changed = yearly.yearly_save(
        document=document,
        texts=yearly.Texts(*PLAN),
        base_version=document.version,
        actor=users[IZIUM],
    )
    for key in (IZIUM, CHENNEVIERES):
        document = yearly.yearly_agree(
            document=document, municipality=sides[key], version=document.version, actor=users[key]
        )
