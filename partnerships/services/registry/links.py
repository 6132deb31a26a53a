"""Twin links of the data set as imported partnerships."""

from partnerships.choices import PartnershipKind, PartnershipSource
from partnerships.models import Municipality, Partnership
from partnerships.services.registry.files import BadRow, Row, required
from partnerships.services.registry.records import Progress, Tally

type Link = tuple[tuple[int, int], str]


def link(row: Row, by_key: dict[str, Municipality]) -> Link:
    """The pair of municipality ids (smaller first) and the source note of a row."""
    first = by_key.get(required(row, "hromada_katottg"))
    second = by_key.get(required(row, "foreign_key"))
    if first is None or second is None:
        raise BadRow("refers to a municipality that is not in the registry")
    if first.pk == second.pk:
        raise BadRow("links a municipality to itself")
    low, high = sorted([first.pk, second.pk])
    return (low, high), row.get("source", "")


def save_links(links: dict[tuple[int, int], str], tally: Tally, progress: Progress) -> None:
    """Creates the partnerships that are new and updates the notes that changed."""
    existing = {
        (a, b): (pk, note)
        for pk, a, b, note in Partnership.objects.values_list(
            "pk", "municipality_a_id", "municipality_b_id", "source_note"
        )
    }
    new, changed = [], []
    for index, ((low, high), note) in enumerate(links.items(), start=1):
        progress("partnerships", index, len(links))
        if (low, high) not in existing:
            new.append(
                Partnership(
                    municipality_a_id=low,
                    municipality_b_id=high,
                    kind=PartnershipKind.TWINNING,
                    source=PartnershipSource.IMPORTED,
                    source_note=note,
                )
            )
        elif existing[low, high][1] != note:
            changed.append(Partnership(pk=existing[low, high][0], source_note=note))
        else:
            tally.unchanged += 1
    Partnership.objects.bulk_create(new, batch_size=500)
    Partnership.objects.bulk_update(changed, ["source_note"], batch_size=500)
    tally.created += len(new)
    tally.updated += len(changed)
