"""What every filtered, paginated list of the portal shares."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from core.text import sort_key

# Label of an unset choice in filter forms.
ANY = pgettext_lazy("filter", "Any")


class StrictPaginator(Paginator):
    """A page number that is not a number, or past the end, is a 404, never page 1."""

    def validate_number(self, number):
        try:
            return super().validate_number(number)
        except InvalidPage as error:
            raise Http404(str(error)) from error


class ForgivingFilterMixin:
    """For a FilterView: filters that do not validate are dropped, with a message, and
    the rest still apply, so a hand-edited or stale link never ends in an error page."""

    paginator_class = StrictPaginator

    def prepare_filterset(self, filterset):
        """Hook to adjust a filterset before use (e.g. hide a field the URL fixes)."""
        return filterset

    def get_filterset(self, filterset_class):
        filterset = self.prepare_filterset(super().get_filterset(filterset_class))
        if filterset.is_bound and not filterset.is_valid():
            ignored = [str(filterset.form.fields[name].label) for name in filterset.form.errors]
            data = filterset.data.copy()
            for name in filterset.form.errors:
                data.pop(name, None)
            filterset = self.prepare_filterset(
                filterset_class(data, queryset=filterset.queryset, request=self.request)
            )
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
        return context


class _AlphabeticalIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = (self.choice(obj) for obj in self.queryset)
        yield from sorted(choices, key=lambda choice: sort_key(str(choice[1])))


class _AlphabeticalChoiceField(forms.ModelChoiceField):
    iterator = _AlphabeticalIterator


class AlphabeticalChoiceFilter(django_filters.ModelChoiceFilter):
    """Choices in the alphabet of the reader's language (the database may not collate it)."""

    field_class = _AlphabeticalChoiceField
