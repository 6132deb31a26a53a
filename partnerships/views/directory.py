from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.listing import ForgivingFilterMixin
from partnerships.filters import MunicipalityFilter
from partnerships.maps import profile_map
from partnerships.models import CooperationRequest, Municipality, Partnership


class MunicipalityListView(ForgivingFilterMixin, FilterView):
    filterset_class = MunicipalityFilter
    template_name = "partnerships/municipality_list.html"
    paginate_by = 24
    queryset = Municipality.objects.for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = [(_("Municipalities"), "")]
        return context


class MunicipalityDetailView(DetailView):
    template_name = "partnerships/municipality_detail.html"
    context_object_name = "municipality"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Municipality.objects.for_cards(),
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = self.object
        partnerships = list(
            Partnership.objects.involving(municipality).with_parties().select_related("memorandum")
        )
        partners = sorted(
            ((p, p.partner_of(municipality)) for p in partnerships),
            key=lambda pair: (pair[1].country.name, pair[1].name),
        )
        context.update(
            partners=partners,
            # The public sees figures only; the requests themselves are private.
            open_request_count=CooperationRequest.objects.open().involving(municipality).count(),
            map=profile_map(municipality, [partner for _p, partner in partners]),
            crumbs=[
                (_("Municipalities"), reverse("partnerships:municipality-list")),
                (municipality.name, ""),
            ],
        )
        return context
