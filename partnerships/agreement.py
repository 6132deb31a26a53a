"""Two sides agree to one version of a shared text: the one mechanism the memorandum and
the yearly plans and reports use.

A document that two municipalities agree to carries a `version` (counting up from 1) and
a text history (django-simple-history). `new_version` saves an edit as version N+1 and
clears both sides' agreements: any edit needs both agreements again. `agree` records one
side's agreement to the current version, refuses an older one, and says whether both
sides now agree. Callers lock the document row (`select_for_update`) in their transaction
first, and raise their own error class, whose messages fit their document.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerships.choices import MemorandumSide
from partnerships.models.municipality import Municipality


def side_in_pair(municipality_id: int | None, a_id: int, b_id: int) -> MemorandumSide | None:
    """Which side of the pair (a, b) a municipality is, or None for neither."""
    if municipality_id == a_id:
        return MemorandumSide.A
    if municipality_id == b_id:
        return MemorandumSide.B
    return None


class SideAgreement(models.Model):
    """One side's agreement to one version; a subclass adds the key to its document and
    its constraint "one per side"."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("side"), on_delete=models.CASCADE, related_name="+"
    )
    version = models.PositiveIntegerField(_("version"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agreed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("agreed at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.municipality} → v{self.version}"


def new_version(document: models.Model, *, actor) -> None:
    """Save the edited `document` as its next version, by `actor`, and clear both
    agreements (the document's `agreements` relation)."""
    document.version += 1  # type: ignore[attr-defined]
    document._history_user = actor  # type: ignore[attr-defined]
    document.save()
    document.agreements.all().delete()  # type: ignore[attr-defined]


def agree(
    document: models.Model, *, municipality: Municipality, version: int, actor, error: type
) -> bool:
    """Record `municipality`'s agreement to `version` of `document`; True when both
    sides agree to the current version. An older version is refused with `error`."""
    current = document.version  # type: ignore[attr-defined]
    if version != current:
        raise error(
            _("Version %(old)s is no longer current; read version %(new)s and agree to it.")
            % {"old": version, "new": current}
        )
    agreements = document.agreements  # type: ignore[attr-defined]
    agreements.update_or_create(
        municipality=municipality, defaults={"version": version, "user": actor}
    )
    return agreements.filter(version=current).count() == 2
