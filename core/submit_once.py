"""A form's one-time submit key: the same form sent twice (a double click, a resent
request, two tabs) makes one row, because the database refuses the second.

The form carries a random key in a hidden field (`SubmitKeyField`, a fresh one each time
the empty form is shown: `new_key`). The model stores it (`submit_key_field`) under a
unique constraint scoped to the row's parent (`submitted_once`). `create_once` inserts
and, when the constraint refuses the insert, returns the row the first submit made.
The constraint decides, so two parallel submits also end in one row.
"""

import uuid
from collections.abc import Callable

from django import forms
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _


def submit_key_field() -> models.UUIDField:
    """The model's column. Rows made elsewhere (admin, demo, imports) get a fresh key."""
    return models.UUIDField(_("submit key"), default=uuid.uuid4, editable=False)


def submitted_once(scope: str, *, name: str) -> models.UniqueConstraint:
    """One row per `scope` (the parent's foreign key) and submit key."""
    return models.UniqueConstraint(fields=[scope, "submit_key"], name=name)


class SubmitKeyField(forms.UUIDField):
    """The form's hidden field; required, so a post without a key is refused."""

    widget = forms.HiddenInput


def new_key() -> uuid.UUID:
    """The key for a freshly shown form."""
    return uuid.uuid4()


def create_once[Row: models.Model](
    model: type[Row], create: Callable[[], Row], **lookup
) -> tuple[Row, bool]:
    """(row, created): `create()` in a savepoint; when the unique constraint refuses it,
    the row that `lookup` (scope and submit key) finds. `create` may do more writes that
    belong to the row (a notification): they are undone with the refused insert."""
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        existing = model._default_manager.filter(**lookup).first()
        if existing is None:
            raise  # another constraint refused it
        return existing, False
