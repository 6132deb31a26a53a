"""One side's signature of a memorandum (recorded through `signing.memorandum_sign`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partnerships.choices import MemorandumSide
from partnerships.models.municipality import Municipality

from .models import Memorandum, private_storage, signed_scan_path


class MemorandumSignature(models.Model):
    """One side's signature of the version both agreed to; two make the memorandum signed.

    Recorded by an approved official of that side, once: the unique side per
    memorandum holds it in the database, whatever arrives at the same moment.
    """

    memorandum = models.ForeignKey(
        Memorandum,
        verbose_name=_("memorandum"),
        on_delete=models.CASCADE,
        related_name="signatures",
    )
    side = models.CharField(_("side"), max_length=1, choices=MemorandumSide.choices)
    version = models.PositiveIntegerField(_("version signed"))
    signed_on = models.DateField(_("date of signing"))
    place = models.CharField(_("place of signing"), max_length=200)
    signatory_name = models.CharField(_("signatory's name"), max_length=200, blank=True)
    signatory_position = models.CharField(_("signatory's position"), max_length=200, blank=True)
    scan = models.FileField(
        _("signed scan (PDF)"), upload_to=signed_scan_path, storage=private_storage, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["side"]
        constraints = [
            models.UniqueConstraint(
                fields=["memorandum", "side"], name="memorandum_signature_one_per_side"
            ),
            models.CheckConstraint(
                condition=Q(side__in=MemorandumSide.values), name="memorandum_signature_side"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()}: {self.signed_on:%Y-%m-%d}, {self.place}"

    @property
    def party(self) -> Municipality:
        memorandum = self.memorandum
        return memorandum.party_a if self.side == MemorandumSide.A else memorandum.party_b

    @property
    def other_party(self) -> Municipality:
        memorandum = self.memorandum
        return memorandum.party_b if self.side == MemorandumSide.A else memorandum.party_a
