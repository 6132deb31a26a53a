import uuid
from functools import cache
from typing import TYPE_CHECKING

from django.core.files.storage import storages
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.agreement import SideAgreement, side_in_pair
from partnerships.choices import MemorandumLanguage, MemorandumStatus
from partnerships.models.cooperation import CooperationRequest
from partnerships.models.municipality import Municipality
from partnerships.models.official import Official
from partnerships.models.partnership import Partnership

from .text import SECTIONS, heading, numbering

if TYPE_CHECKING:
    import datetime

    from .signatures import MemorandumSignature


def signed_scan_path(instance: models.Model, filename: str) -> str:
    # A generated name: the uploader's file name never reaches the disk.
    return f"memoranda/{uuid.uuid4().hex}.pdf"


def private_storage():
    # Looked up when the field is built, so tests and deployments can configure it.
    return storages["private"]


# The sections' texts, in Ukrainian and the other language: the widest columns.
SECTION_TEXTS = tuple(f"{section.key}_{code}" for section in SECTIONS for code in ("uk", "other"))


@cache
def _reading_columns() -> tuple[str, ...]:
    party = ("name", "name_uk", "name_en", "slug", "country", "kind")
    return (
        *(f.name for f in Memorandum._meta.concrete_fields if f.name not in SECTION_TEXTS),
        *(f"{side}__{column}" for side in ("party_a", "party_b") for column in party),
    )


class MemorandumQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Memoranda the user may read in full: staff all, officials their municipality's.

        Signed memoranda both sides chose to publish are readable by anyone; see
        `published()`.
        """
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        municipality_ids = Official.objects.approved().filter(user=user).values("municipality")
        return self.filter(Q(party_a__in=municipality_ids) | Q(party_b__in=municipality_ids))

    def involving(self, municipality: Municipality):
        return self.filter(Q(party_a=municipality) | Q(party_b=municipality))

    def between(self, first: Municipality, second: Municipality):
        return self.filter(Q(party_a=first, party_b=second) | Q(party_a=second, party_b=first))

    def unsigned(self):
        return self.exclude(status=MemorandumStatus.SIGNED)

    def published(self):
        return self.filter(status=MemorandumStatus.SIGNED, published_a=True, published_b=True)

    def with_parties(self):
        return self.select_related("party_a__region", "party_b__region", "request")

    def for_reading(self):
        """The memorandum page's read: the memorandum without its sections' texts (the
        page shows them rendered once per version, `texts_of` reads them when it has to
        render) and the parties' names and addresses only. Each column of a joined row
        costs to compile on every request; `only()` costs less than `defer()` of the rest."""
        return self.select_related("party_a", "party_b").only(*_reading_columns())

    def for_detail(self):
        return self.with_parties().prefetch_related(
            "agreements__user", "agreements__municipality", "signatures"
        )


class Memorandum(models.Model):
    """The memorandum two municipalities draft after a request was accepted.

    The texts are kept as explicit `<section>_uk` / `<section>_other` columns
    rather than through modeltranslation: Ukrainian and the second language
    (`language`: the partner's, or English) are always shown and printed side
    by side, so neither is a "translation" with a fallback, and the model can
    carry a plain `HistoricalRecords()` (modeltranslation plus simple-history on
    one model needs a special registration order).

    Every saved text is a version: `version` counts up and simple-history
    keeps one historical row per version, with its author and time. Changes
    that are not text (status, agreements, signature, publish flags) are
    written with `QuerySet.update()` or `save_without_historical_record()`, so
    the history holds text versions only.
    """

    request = models.OneToOneField(
        CooperationRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="memorandum",
    )
    # The sender of the request is party A, the partner who accepted is party B.
    party_a = models.ForeignKey(
        Municipality,
        verbose_name=_("party A"),
        on_delete=models.CASCADE,
        related_name="memoranda_as_a",
    )
    party_b = models.ForeignKey(
        Municipality,
        verbose_name=_("party B"),
        on_delete=models.CASCADE,
        related_name="memoranda_as_b",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MemorandumStatus.choices,
        default=MemorandumStatus.DRAFT,
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    # The language of the `_other` columns, beside Ukrainian; chosen once, when the
    # memorandum opens (text.languages.second_language).
    language = models.CharField(
        _("second language"),
        max_length=2,
        choices=MemorandumLanguage.choices,
        default=MemorandumLanguage.ENGLISH,
    )

    title_uk = models.CharField(_("title (Ukrainian)"), max_length=200)
    title_other = models.CharField(_("title (second language)"), max_length=200)
    parties_uk = models.TextField(_("parties (Ukrainian)"), blank=True)
    parties_other = models.TextField(_("parties (second language)"), blank=True)
    purpose_uk = models.TextField(_("purpose (Ukrainian)"), blank=True)
    purpose_other = models.TextField(_("purpose (second language)"), blank=True)
    areas_uk = models.TextField(_("areas of cooperation (Ukrainian)"), blank=True)
    areas_other = models.TextField(_("areas of cooperation (second language)"), blank=True)
    forms_uk = models.TextField(_("forms of cooperation (Ukrainian)"), blank=True)
    forms_other = models.TextField(_("forms of cooperation (second language)"), blank=True)
    obligations_uk = models.TextField(_("obligations (Ukrainian)"), blank=True)
    obligations_other = models.TextField(_("obligations (second language)"), blank=True)
    coordination_uk = models.TextField(_("coordinators (Ukrainian)"), blank=True)
    coordination_other = models.TextField(_("coordinators (second language)"), blank=True)
    duration_uk = models.TextField(_("duration (Ukrainian)"), blank=True)
    duration_other = models.TextField(_("duration (second language)"), blank=True)
    amendment_uk = models.TextField(_("amendment and termination (Ukrainian)"), blank=True)
    amendment_other = models.TextField(_("amendment and termination (second language)"), blank=True)
    final_uk = models.TextField(_("final provisions (Ukrainian)"), blank=True)
    final_other = models.TextField(_("final provisions (second language)"), blank=True)

    # The date of the second signature: the memorandum is in force from then.
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    partnership = models.OneToOneField(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memorandum",
    )
    # Each side decides whether the signed text may be public; both must agree.
    published_a = models.BooleanField(_("party A publishes the text"), default=False)
    published_b = models.BooleanField(_("party B publishes the text"), default=False)

    created_at = models.DateTimeField(_("opened"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(
        excluded_fields=[
            "signed_on",
            "partnership",
            "published_a",
            "published_b",
            "updated_at",
        ]
    )

    objects = MemorandumQuerySet.as_manager()

    class Meta:
        verbose_name = _("memorandum")
        verbose_name_plural = _("memoranda")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(party_a=F("party_b")), name="memorandum_parties_differ"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="memorandum_version_positive"),
            models.CheckConstraint(
                condition=Q(language__in=MemorandumLanguage.values), name="memorandum_language"
            ),
            models.CheckConstraint(
                condition=~Q(status=MemorandumStatus.SIGNED) | Q(signed_on__isnull=False),
                name="memorandum_signed_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status=MemorandumStatus.SIGNED)
                | Q(published_a=False, published_b=False),
                name="memorandum_published_only_when_signed",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="memorandum_status")]

    def __str__(self) -> str:
        return f"{self.title_uk}: {self.party_a} — {self.party_b}"

    def get_absolute_url(self) -> str:
        return reverse("partnerships:memorandum-detail", kwargs={"pk": self.pk})

    @property
    def is_signed(self) -> bool:
        return self.status == MemorandumStatus.SIGNED

    @property
    def is_final(self) -> bool:
        """Both sides agreed to the current version; it waits for the signature."""
        return self.status == MemorandumStatus.FINAL

    @property
    def is_public(self) -> bool:
        return self.is_signed and self.published_a and self.published_b

    @property
    def title(self) -> str:
        """The title in the reader's language when it is the second one, else in Ukrainian."""
        return self.title_other if get_language() == self.language else self.title_uk

    def partner_of(self, municipality_id: int) -> Municipality:
        return self.party_b if municipality_id == self.party_a_id else self.party_a

    # The versions selector: every read of the text history goes through these.
    def versions(self):
        """The text versions, newest first, with their authors (a queryset: slice it)."""
        return (
            self.history.select_related("history_user")
            .only(
                "history_id",
                "id",
                "version",
                "history_date",
                "history_user__username",
                "history_user__email",
                "history_user__first_name",
                "history_user__last_name",
                "history_user__is_staff",
            )
            .order_by("-version", "-history_date")
        )

    def version_numbers(self) -> list[int]:
        return sorted(set(self.history.values_list("version", flat=True)))

    def version_document(self, number: int):
        """The historical row of version `number` (its latest save), or None."""
        return (
            self.history.filter(version=number)
            .select_related("history_user")
            .order_by("-history_date")
            .first()
        )

    def agreements_by_party(self) -> dict[int, tuple[int, "datetime.datetime"]]:
        """Party's municipality id → (version, time) of its agreement, in one short query."""
        return {
            municipality_id: (version, at)
            for municipality_id, version, at in self.agreements.values_list(
                "municipality_id", "version", "at"
            )
        }

    def texts_of_version(self):
        """This version's texts (a memorandum read `for_reading()` has none): the row,
        or the version's history row if a save made a newer one meanwhile."""
        row = (
            Memorandum.objects.filter(pk=self.pk, version=self.version)
            .only("language", *SECTION_TEXTS)
            .first()
        )
        return row if row is not None else self.version_document(self.version)

    def side_of(self, municipality_id: int | None) -> str | None:
        return side_in_pair(municipality_id, self.party_a_id, self.party_b_id)

    def signatures_by_side(self) -> dict[str, "MemorandumSignature"]:
        """Side → its signature (from the prefetch of `for_detail()` when there is one).

        A draft has none and is not read: only a final text is signed
        (`signing.sign_refusal`), and a text with a signature is never edited back into
        a draft (`services.memorandum_save_section`)."""
        if not (self.is_final or self.is_signed):
            return {}
        return {signature.side: signature for signature in self.signatures.all()}


def sections_of(document) -> list[dict]:
    """The numbered sections of a memorandum or of one of its historical versions.

    An optional clause emptied in both languages has no number ("omitted"): it
    is left out of the PDF and the sections after it move up.
    """
    numbers = numbering(document)
    return [
        {
            "key": section.key,
            "number": numbers[section.key],
            "omitted": numbers[section.key] is None,
            "required": section.required,
            "heading_uk": section.heading_uk,
            "heading_other": heading(section.key, document.language),
            "text_uk": getattr(document, f"{section.key}_uk"),
            "text_other": getattr(document, f"{section.key}_other"),
        }
        for section in SECTIONS
    ]


class MemorandumAgreement(SideAgreement):
    """One side's agreement to one version; cleared when a new version is saved."""

    memorandum = models.ForeignKey(
        Memorandum,
        verbose_name=_("memorandum"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )

    class Meta(SideAgreement.Meta):
        verbose_name = _("agreement to a version")
        verbose_name_plural = _("agreements to versions")
        constraints = [
            models.UniqueConstraint(
                fields=["memorandum", "municipality"], name="memorandum_agreement_one_per_side"
            ),
        ]
