"""Writing a model's rows by their key in the data set, and counting what changed."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model

# (label, done, total)
type Progress = Callable[[str, int, int], None]


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def tally(self, label: str) -> Tally:
        return self.tallies.setdefault(label, Tally())


def upsert(
    tally: Tally,
    progress: Callable[[int, int], None],
    model: type[Model],
    wanted: Sequence[Model],
    key: str,
    fields: list[str],
) -> None:
    """Create the rows whose key is new, update those that differ in `fields`."""
    existing: dict[Any, Model] = {
        getattr(obj, key): obj
        for obj in model._default_manager.filter(
            **{f"{key}__in": [getattr(w, key) for w in wanted]}
        )
    }
    new, changed = [], []
    for index, item in enumerate(wanted, start=1):
        progress(index, len(wanted))
        current = existing.get(getattr(item, key))
        if current is None:
            new.append(item)
            continue
        differs = [name for name in fields if getattr(current, name) != getattr(item, name)]
        if differs:
            for name in differs:
                setattr(current, name, getattr(item, name))
            changed.append(current)
        else:
            tally.unchanged += 1
    model._default_manager.bulk_create(new, batch_size=500)
    if changed:
        model._default_manager.bulk_update(changed, fields, batch_size=500)
    tally.created += len(new)
    tally.updated += len(changed)
