"""What the API returns: every field typed (numbers as numbers, no value as null)."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from news.models import Article
from partnerships.models import CooperationArea, Municipality, Partnership


def _blank_as_null(value: str) -> str | None:
    return value or None


class AreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = CooperationArea
        fields = ["slug", "name_uk", "name_en"]


class MunicipalitySerializer(serializers.ModelSerializer):
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    region = serializers.SerializerMethodField(
        help_text="The oblast's slug, as the `region` filter takes it (Ukraine only)."
    )
    kind = serializers.SerializerMethodField()
    code = serializers.SerializerMethodField(help_text="KATOTTG code (Ukraine only).")
    name_native = serializers.SerializerMethodField()
    center_uk = serializers.SerializerMethodField()
    center_en = serializers.SerializerMethodField()
    website = serializers.SerializerMethodField()
    area_km2 = serializers.FloatField(allow_null=True)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    offers = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    needs = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    partner_count = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField(help_text="The profile page on the portal.")

    class Meta:
        model = Municipality
        fields = [
            "slug",
            "name_uk",
            "name_en",
            "name_native",
            "center_uk",
            "center_en",
            "country",
            "region",
            "kind",
            "code",
            "population",
            "area_km2",
            "latitude",
            "longitude",
            "website",
            "open_to_partners",
            "offers",
            "needs",
            "partner_count",
            "url",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_region(self, municipality: Municipality) -> str | None:
        return municipality.region.slug if municipality.region else None

    def get_kind(self, municipality: Municipality) -> str | None:
        return _blank_as_null(municipality.kind)

    def get_code(self, municipality: Municipality) -> str | None:
        return _blank_as_null(municipality.code)

    def get_name_native(self, municipality: Municipality) -> str | None:
        return _blank_as_null(municipality.name_native)

    def get_center_uk(self, municipality: Municipality) -> str | None:
        return _blank_as_null(municipality.center_uk)

    def get_center_en(self, municipality: Municipality) -> str | None:
        return _blank_as_null(municipality.center_en)

    def get_website(self, municipality: Municipality) -> str | None:
        return _blank_as_null(municipality.website)

    def get_url(self, municipality: Municipality) -> str:
        return self.context["request"].build_absolute_uri(municipality.get_absolute_url())


class PartnershipSerializer(serializers.ModelSerializer):
    municipality_a = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    municipality_b = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    source_note = serializers.SerializerMethodField()

    class Meta:
        model = Partnership
        fields = ["municipality_a", "municipality_b", "kind", "since", "source", "source_note"]

    def get_source_note(self, partnership: Partnership) -> str | None:
        return _blank_as_null(partnership.source_note)


class ArticleSerializer(serializers.ModelSerializer):
    topics = serializers.SerializerMethodField()
    regions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    url = serializers.SerializerMethodField(help_text="The article on the portal.")
    source_url = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "slug",
            "title_uk",
            "title_en",
            "lead_uk",
            "lead_en",
            "published_at",
            "topics",
            "regions",
            "url",
            "source_url",
        ]

    def get_topics(self, article: Article) -> list[str]:
        return [tag.name for tag in article.tags.all()]

    def get_url(self, article: Article) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("news:article-detail", kwargs={"slug": article.slug})
        )

    def get_source_url(self, article: Article) -> str | None:
        return _blank_as_null(article.source_url)
