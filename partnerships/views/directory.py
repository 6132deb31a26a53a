from django.contrib import messages
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from partnerships.filters import MunicipalityFilter
from partnerships.maps import profile_map
from partnerships.models import Municipality, Partnership


class StrictPaginator(Paginator):
    """A page number that is not a number, or past the end, is a 404, never page 1."""

    def validate_number(self, number):
        try:
            return super().validate_number(number)
        except InvalidPage as error:
            raise Http404(str(error)) from error


class MunicipalityListView(FilterView):
    filterset_class = MunicipalityFilter
    template_name = "partnerships/municipality_list.html"
    paginate_by = 24
    paginator_class = StrictPaginator
    queryset = Municipality.objects.for_cards()

    def get_filterset(self, filterset_class):
        """Drop the filters that do not validate, say so, and apply the rest."""
        filterset = super().get_filterset(filterset_class)
        if filterset.is_bound and not filterset.is_valid():
            ignored = [str(filterset.form.fields[name].label) for name in filterset.form.errors]
            data = filterset.data.copy()
            for name in filterset.form.errors:
                data.pop(name, None)
            filterset = filterset_class(data, queryset=filterset.queryset, request=self.request)
            messages.warning(
                self.request,
                _("Some filters could not be understood and were ignored: %(names)s.")
                % {"names": ", ".join(ignored)},
            )
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
        context["crumbs"] = [(_("Municipalities"), "")]
        return context


class MunicipalityDetailView(DetailView):
    template_name = "partnerships/municipality_detail.html"
    context_object_name = "municipality"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Municipality.objects.select_related("region").prefetch_related("offers", "needs"),
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
            map=profile_map(municipality, [partner for _p, partner in partners]),
            crumbs=[
                (_("Municipalities"), reverse("partnerships:municipality-list")),
                (municipality.name, ""),
            ],
        )
        return context
