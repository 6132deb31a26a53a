import hashlib

from django.core.cache import cache
from django.db import models
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from core import caching
from core.listing import CachedListMixin, ForgivingFilterMixin
from partnerships.caching import registry_generation
from partnerships.filters import MunicipalityFilter
from partnerships.maps import profile_map
from partnerships.models import (
    Activity,
    CooperationRequest,
    Municipality,
    Partnership,
    YearlyDocument,
)

# The newest published activities of its partnerships a profile lists.
PROFILE_ACTIVITIES = 5


class MunicipalityListView(CachedListMixin, ForgivingFilterMixin, FilterView):
    """The directory; its list part is cached per registry generation
    (partnerships.caching, core.listing.CachedListMixin)."""

    filterset_class = MunicipalityFilter
    template_name = "partnerships/municipality_list.html"
    content_template_name = "partnerships/municipality_list_content.html"
    content_cache_prefix = "directory"
    paginate_by = 24
    queryset = Municipality.objects.for_cards()

    def generation(self) -> str:
        return registry_generation()

    def page_context(self, **kwargs) -> dict:
        return {**kwargs, "crumbs": [(_("Municipalities"), "")]}


class MunicipalityDetailView(DetailView):
    """A profile: all but the reader's own actions is the same for every reader, so the
    municipality and the rendered main part and figures are one cache entry per
    registry, news and activities generation and language (partnerships.caching,
    news.caching, activities.services), read with the three tokens in two cache reads;
    a 404 is not cached. Partnerships' health changes with time alone: the registry
    generation's lifetime bounds how late a badge turns."""

    template_name = "partnerships/municipality_detail.html"
    context_object_name = "municipality"

    def get_object(self, queryset=None):
        registry, news, activities = caching.tokens("registry", "news", "activities")
        self.registry_generation = registry
        slug = self.kwargs["slug"]
        address = f"{slug}:{get_language()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        self.page_key = f"profile-page:{registry}:{news}:{activities}:{digest}"
        self.page = cache.get(self.page_key)
        if self.page is not None:
            return self.page["municipality"]
        return get_object_or_404(Municipality.objects.for_cards(), slug=slug)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.page is None:
            parts = {
                **self.public_parts(self.object),
                # The live map asks for the data of this generation (cacheable by URL).
                "registry_generation": self.registry_generation,
            }
            self.page = {
                "municipality": self.object,
                "main": render_to_string(
                    "partnerships/municipality_main.html", parts, request=self.request
                ),
                "facts": render_to_string(
                    "partnerships/municipality_facts.html", parts, request=self.request
                ),
            }
            cache.set(self.page_key, self.page, caching.MAX_AGE)
        context.update(
            main=self.page["main"],
            facts=self.page["facts"],
            crumbs=[
                (_("Municipalities"), reverse("partnerships:municipality-list")),
                (self.object.name, ""),
            ],
        )
        return context

    @staticmethod
    def public_parts(municipality: Municipality) -> dict:
        partnerships = Partnership.objects.involving(municipality).with_parties().with_health()
        # Each row links the partnership's latest plan and report both sides agreed to.
        agreed = models.Prefetch(
            "yearly_documents",
            queryset=YearlyDocument.objects.agreed().for_timeline(),
            to_attr="agreed_yearly",
        )
        partners = sorted(
            (
                (p, p.partner_of(municipality))
                for p in partnerships.select_related("memorandum").prefetch_related(agreed)
            ),
            key=lambda pair: (pair[1].country.name, pair[1].name),
        )
        return {
            "municipality": municipality,
            "partners": partners,
            # The public sees figures only; the requests themselves are private.
            "open_request_count": SimpleLazyObject(
                lambda: CooperationRequest.objects.open().involving(municipality).count()
            ),
            "map": SimpleLazyObject(
                lambda: profile_map(municipality, [partner for _p, partner in partners])
            ),
            "activities": SimpleLazyObject(
                lambda: list(
                    Activity.objects.published()
                    .involving(municipality)
                    .for_feed()
                    .order_by("-happened_on", "-pk")[:PROFILE_ACTIVITIES]
                )
            ),
        }
