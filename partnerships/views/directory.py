import hashlib

from django.core.cache import cache
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.caching import MAX_AGE
from core.listing import CachedListMixin, ForgivingFilterMixin
from partnerships.activities.services import activities_generation
from partnerships.caching import registry_generation
from partnerships.filters import MunicipalityFilter
from partnerships.maps import profile_map
from partnerships.models import Activity, CooperationRequest, Municipality, Partnership

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
    template_name = "partnerships/municipality_detail.html"
    context_object_name = "municipality"

    def get_object(self, queryset=None):
        # Cached per registry generation (partnerships.caching); a 404 is not cached.
        self.registry_generation = registry_generation()
        slug = self.kwargs["slug"]
        key = f"profile:{self.registry_generation}:{hashlib.sha256(slug.encode()).hexdigest()}"
        municipality = cache.get(key)
        if municipality is None:
            municipality = get_object_or_404(Municipality.objects.for_cards(), slug=slug)
            cache.set(key, municipality, MAX_AGE)
        return municipality

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = self.object

        def partners():
            partnerships = Partnership.objects.involving(municipality).with_parties().with_health()
            return sorted(
                (
                    (p, p.partner_of(municipality))
                    for p in partnerships.select_related("memorandum")
                ),
                key=lambda pair: (pair[1].country.name, pair[1].name),
            )

        partner_list = SimpleLazyObject(partners)
        context.update(
            # Read only when the template renders them: the profile's public parts are
            # cached per registry generation (partnerships.caching).
            registry_generation=self.registry_generation,
            partners=partner_list,
            activities_generation=activities_generation(),
            activities=SimpleLazyObject(
                lambda: list(
                    Activity.objects.published()
                    .involving(municipality)
                    .for_feed()
                    .order_by("-happened_on", "-pk")[:PROFILE_ACTIVITIES]
                )
            ),
            # The public sees figures only; the requests themselves are private.
            open_request_count=SimpleLazyObject(
                lambda: CooperationRequest.objects.open().involving(municipality).count()
            ),
            map=SimpleLazyObject(
                lambda: profile_map(municipality, [partner for _p, partner in partner_list])
            ),
            crumbs=[
                (_("Municipalities"), reverse("partnerships:municipality-list")),
                (municipality.name, ""),
            ],
        )
        return context
