import uuid
from datetime import date
from pathlib import PurePath

from django.apps import apps
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.languages import content_order
from core.text import normalise_for_search, sort_key
from core.transcription import to_latin_key, to_ukrainian
from partnerships.choices import MunicipalityKind, NameSource, RegionKind
from partnerships.memoranda.text.languages import area_label

UKRAINE = "UA"
# Temporarily occupied by Russia: the Autonomous Republic of Crimea and Sevastopol
# (KATOTTG codes). Their communities cannot take part in cooperation for now.
OCCUPIED_REGION_CODES = ("UA01000000000013043", "UA85000000000065278")
# The start of the temporary occupation as the law of Ukraine fixes it (Law No. 1207-VII,
# art. 1-1): the date load_registry gives the communities of those regions.
OCCUPATION_START = date(2014, 2, 20)
DERIVED_FIELDS = ("search_text", "search_key", "sort_key_uk", "sort_key_en")
# A query word's phonetic key must be this long to be matched by sound: shorter keys
# ("ри", "ko") would match the start of too many names.
MIN_KEY_LENGTH = 3


class Region(models.Model):
    """A first-level unit of Ukraine (oblast, Crimea, Kyiv, Sevastopol)."""

    # Columns modeltranslation adds (partnerships/translation.py), for the type checker.
    name_uk: str
    name_en: str

    code = models.CharField(_("KATOTTG code"), max_length=19, unique=True)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=RegionKind.choices)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnerships:municipality-list") + f"?region={self.slug}"


class CooperationArea(models.Model):
    """A field two municipalities can work together in (energy, education, ...)."""

    name_uk: str
    name_en: str

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(pgettext_lazy("sort order", "position"), default=0)

    class Meta:
        verbose_name = _("area of cooperation")
        verbose_name_plural = _("areas of cooperation")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        # The name in the reader's language (pl, de, fr: the memorandum's wording).
        return area_label(self, get_language() or "uk")


def coat_of_arms_path(instance: "Municipality", filename: str) -> str:
    # A generated name: the uploader's file name never reaches the disk.
    return f"coats/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def _partnership_model():
    # Partnership refers to Municipality, so it is looked up when a query is built.
    return apps.get_model("partnerships", "Partnership")


class MunicipalityQuerySet(models.QuerySet):
    def ukrainian(self):
        return self.filter(country=UKRAINE)

    def foreign(self):
        return self.exclude(country=UKRAINE)

    def open_to_partners(self):
        """Open by their own choice and not in temporarily occupied territory."""
        return self.filter(open_to_partners=True).not_occupied()

    def occupied(self):
        """In temporarily occupied territory (Municipality.occupied_since is set)."""
        return self.filter(occupied_since__isnull=False)

    def not_occupied(self):
        return self.filter(occupied_since__isnull=True)

    def search(self, query: str):
        """Every word of the query must appear in one of the names, as it is written or
        by its sound at the start of a word (core.transcription.to_latin_key): "Краків"
        finds Kraków, "Шеннев'єр" Chennevières-sur-Marne, "Krakiv" Краків."""
        queryset = self
        for word in normalise_for_search(query).split():
            matches = Q(search_text__contains=word)
            # The word may be whole (Кельце finds Кельці) or still being typed (Бере finds
            # Берегове): both readings of its key.
            for key in {to_latin_key(word).strip(), to_latin_key(word, unfinished=True).strip()}:
                if len(key) >= MIN_KEY_LENGTH:
                    matches |= Q(search_key__contains=f" {key}")
            queryset = queryset.filter(matches)
        return queryset

    @staticmethod
    def _foreign_partner():
        Partnership = _partnership_model()
        return Exists(
            Partnership.objects.filter(
                Q(municipality_a=OuterRef("pk")) & ~Q(municipality_b__country=OuterRef("country"))
                | Q(municipality_b=OuterRef("pk")) & ~Q(municipality_a__country=OuterRef("country"))
            )
        )

    def without_foreign_partner(self):
        return self.filter(~self._foreign_partner())

    def with_foreign_partner(self):
        return self.filter(self._foreign_partner())

    def with_partner_count(self):
        """Annotate partner_count: one indexed count per side (an OR across both sides
        would scan every partnership for every municipality)."""
        Partnership = _partnership_model()

        def count_on(side: str):
            rows = Partnership.objects.filter(**{side: OuterRef("pk")}).order_by().values(side)
            return Coalesce(
                models.Subquery(
                    rows.annotate(n=Count("pk")).values("n"), output_field=models.IntegerField()
                ),
                0,
            )

        return self.annotate(partner_count=count_on("municipality_a") + count_on("municipality_b"))

    def for_cards(self):
        """Everything a municipality card shows, in a fixed number of queries."""
        return self.select_related("region").prefetch_related("offers", "needs")


class Municipality(models.Model):
    """A Ukrainian territorial community (hromada) or a foreign municipality."""

    # Columns modeltranslation adds (partnerships/translation.py), for the type checker.
    name_uk: str
    name_en: str
    center_uk: str
    center_en: str
    description_uk: str
    description_en: str

    name = models.CharField(_("name"), max_length=200)
    name_uk_source = models.CharField(
        _("source of the Ukrainian name"),
        max_length=16,
        choices=NameSource.choices,
        blank=True,
        help_text=_(
            "For a foreign municipality: an established Ukrainian form, a transcription by "
            "rule, or a name edited by staff (which the registry import never overwrites)."
        ),
    )
    name_native = models.CharField(
        _("name in the native language"),
        max_length=200,
        blank=True,
        help_text=_("As the municipality writes it itself, if it is not Ukrainian or English."),
    )
    center = models.CharField(
        _("administrative centre"),
        max_length=120,
        blank=True,
        help_text=_("For a community: the town or village it is run from."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    registry_key = models.CharField(
        _("registry key"),
        max_length=60,
        blank=True,
        help_text=_("Key of the row in the public data set it was loaded from."),
    )
    code = models.CharField(
        _("official code"),
        max_length=19,
        blank=True,
        help_text=_("KATOTTG code for Ukrainian communities."),
    )
    country = CountryField(_("country"), db_index=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="municipalities",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=MunicipalityKind.choices, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("area, km²"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    coat_of_arms = models.ImageField(
        _("coat of arms"),
        upload_to=coat_of_arms_path,
        blank=True,
        width_field="coat_width",
        height_field="coat_height",
    )
    coat_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    coat_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    description = models.TextField(_("description"), blank=True)
    offers = models.ManyToManyField(
        CooperationArea, verbose_name=_("offers"), blank=True, related_name="offered_by"
    )
    needs = models.ManyToManyField(
        CooperationArea, verbose_name=_("needs"), blank=True, related_name="needed_by"
    )
    open_to_partners = models.BooleanField(_("open to new partners"), default=True)
    occupied_since = models.DateField(
        _("in temporarily occupied territory since"),
        null=True,
        blank=True,
        help_text=_(
            "Set while the municipality is in territory temporarily occupied by Russia: it "
            "cannot be contacted, is not suggested and its partnerships are suspended. The "
            "registry import sets it for Crimea and Sevastopol; clear it after de-occupation."
        ),
    )
    # All names, normalised, for search that works alike on SQLite and PostgreSQL.
    search_text = models.TextField(editable=False, blank=True)
    # The phonetic keys of all names (core.transcription.to_latin_key), so that a
    # Cyrillic spelling finds a Latin name and back.
    search_key = models.TextField(editable=False, blank=True)
    # Alphabetical order per language (see core.text.sort_key).
    sort_key_uk = models.CharField(max_length=200, editable=False, blank=True)
    sort_key_en = models.CharField(max_length=200, editable=False, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["sort_key_uk"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="municipality_code_unique_when_set"
            ),
            models.UniqueConstraint(
                fields=["registry_key"],
                condition=~Q(registry_key=""),
                name="municipality_registry_key_unique_when_set",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="municipality_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="municipality_longitude_range",
            ),
        ]
        indexes = [
            models.Index(fields=["country", "kind"], name="municipality_country_kind"),
            models.Index(fields=["population"], name="municipality_population"),
            models.Index(fields=["open_to_partners"], name="municipality_open"),
            models.Index(fields=["sort_key_uk"], name="municipality_sort_uk"),
            models.Index(fields=["sort_key_en"], name="municipality_sort_en"),
            models.Index(fields=["created_at"], name="municipality_created"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.fill_missing_ukrainian_name()
        self.fill_derived_fields()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *DERIVED_FIELDS}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("partnerships:municipality-detail", kwargs={"slug": self.slug})

    @property
    def description_language(self) -> str:
        """The language the description is shown in (the reader's, else English, else
        Ukrainian), so the page can mark it."""
        order = content_order((get_language() or "uk")[:2])
        return next((code for code in order if getattr(self, f"description_{code}", "")), order[0])

    @property
    def is_ukrainian(self) -> bool:
        return self.country == UKRAINE

    @property
    def is_occupied(self) -> bool:
        return self.occupied_since is not None

    @property
    def occupation_notice(self) -> str:
        """Why an occupied municipality cannot be contacted, in the reader's language."""
        if self.occupied_since is None:
            return ""
        return _(
            "%(name)s is in territory temporarily occupied by Russia since %(date)s. Local "
            "self-government cannot act freely there, so requests for cooperation cannot be "
            "sent to or from it, it is not suggested as a partner, and its partnerships are "
            "suspended until the territory is de-occupied."
        ) % {"name": self.name, "date": date_format(self.occupied_since, "j E Y")}

    @property
    def accepts_partners(self) -> bool:
        """What the "open to new partners" badge shows (MunicipalityQuerySet.open_to_partners)."""
        return self.open_to_partners and not self.is_occupied

    def fill_missing_ukrainian_name(self) -> None:
        """A foreign municipality without a Ukrainian name gets the rule's transcription,
        marked as such, so that staff can correct it."""
        if self.is_ukrainian or self.name_uk:
            return
        latin = self.name_native or self.name_en or ""
        if latin:
            self.name_uk = to_ukrainian(latin, str(self.country))
            self.name_uk_source = NameSource.TRANSCRIBED

    def fill_derived_fields(self) -> None:
        """Search and sort columns; bulk writers call this since they skip save()."""
        self.search_text = self.build_search_text()
        self.search_key = self.build_search_key()
        self.sort_key_uk = sort_key(self.name_uk or self.name_en or "")
        self.sort_key_en = sort_key(self.name_en or self.name_uk or "")

    def build_search_text(self) -> str:
        names = [
            getattr(self, field, "") or ""
            for field in ("name_uk", "name_en", "name_native", "center_uk", "center_en")
        ]
        return normalise_for_search(" ".join(dict.fromkeys(names)))

    def build_search_key(self) -> str:
        return phonetic_search_key(
            str(self.country or ""),
            self.name_uk or "",
            self.name_en or "",
            self.name_native or "",
            getattr(self, "center_uk", "") or "",
        )


def phonetic_search_key(
    country: str, name_uk: str, name_en: str, name_native: str, center_uk: str
) -> str:
    """Phonetic keys (core.transcription.to_latin_key) of every name, as stored in
    Municipality.search_key. A Latin name of a foreign municipality is keyed by its
    Ukrainian transcription, which reads it by the rules of its language (Polish ch as х,
    French ch as ш), so that a Cyrillic spelling close to it matches."""
    if country == UKRAINE:
        # The English names are the national transliteration of these: the same keys.
        names = [name_uk, center_uk]
    else:
        names = [
            name if _is_cyrillic(name) else to_ukrainian(name, country)
            for name in (name_uk, name_en, name_native)
            if name
        ]
    keys = [key for key in (to_latin_key(name).strip() for name in names) if key]
    return f" {' '.join(dict.fromkeys(keys))} " if keys else ""


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)
