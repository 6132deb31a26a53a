"""The API's endpoints: lists paginated, municipalities filtered like the directory."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.pagination import PageNumberPagination

from news.models import Article
from partnerships.filters import MunicipalityFilter
from partnerships.models import CooperationArea, Municipality, Partnership

from .serializers import (
    AreaSerializer,
    ArticleSerializer,
    MunicipalitySerializer,
    PartnershipSerializer,
)


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class PartnershipFilter(filters.FilterSet):
    """Partnerships of one municipality (either side)."""

    municipality = filters.CharFilter(
        method="filter_municipality", help_text="A municipality's slug: its partnerships."
    )

    class Meta:
        model = Partnership
        fields = ["kind", "source"]

    def filter_municipality(self, queryset, name, value):
        return queryset.involving_slug(value)


@extend_schema_view(
    get=extend_schema(
        summary="Municipalities",
        description="Ukrainian communities and foreign municipalities, with the directory's "
        "filters and sorting.",
    )
)
class MunicipalityList(generics.ListAPIView):
    serializer_class = MunicipalitySerializer
    filterset_class = MunicipalityFilter
    pagination_class = Pages
    queryset = Municipality.objects.for_cards()


@extend_schema_view(get=extend_schema(summary="One municipality"))
class MunicipalityDetail(generics.RetrieveAPIView):
    serializer_class = MunicipalitySerializer
    lookup_field = "slug"
    queryset = Municipality.objects.for_cards().with_partner_count()


@extend_schema_view(get=extend_schema(summary="Partnerships", description="Unordered pairs."))
class PartnershipList(generics.ListAPIView):
    serializer_class = PartnershipSerializer
    filterset_class = PartnershipFilter
    pagination_class = Pages
    queryset = Partnership.objects.select_related("municipality_a", "municipality_b").order_by("pk")


@extend_schema_view(get=extend_schema(summary="Areas of cooperation"))
class AreaList(generics.ListAPIView):
    serializer_class = AreaSerializer
    pagination_class = Pages
    queryset = CooperationArea.objects.all()


@extend_schema_view(get=extend_schema(summary="Published news", description="Newest first."))
class ArticleList(generics.ListAPIView):
    serializer_class = ArticleSerializer
    pagination_class = Pages

    def get_queryset(self):
        return Article.objects.published().for_cards()
