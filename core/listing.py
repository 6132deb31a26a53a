"""What every filtered, paginated list of the portal shares."""

import contextlib
import hashlib
from functools import cached_property, reduce
from operator import and_, or_
from typing import TYPE_CHECKING, Any

import django_filters
from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import Mod, RowNumber
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _

from core.caching import MAX_AGE
from core.text import sort_key

# What the list mixins are mixed into, for the type checker; at run time they stand on
# object and the view puts FilterView after them.
if TYPE_CHECKING:
    from django_filters.views import FilterView as _FilterViewBase
else:
    _FilterViewBase = object

# Label of an unset choice in filter forms.
ANY = pgettext_lazy("filter", "Any")


class StrictPaginator(Paginator):
    """A page number that is not a number, or past the end, is a 404, never page 1."""

    def validate_number(self, number):
        try:
            return super().validate_number(number)
        except InvalidPage as error:
            raise Http404(str(error)) from error


class KeysetPaginator(Paginator):
    """Numbered pages, each read from the key of its first row instead of with OFFSET.

    The keys at which the pages start, and the count, are read in one pass over the
    ordering's keys (no wide rows) and cached under `cache_key`, which the caller ties to
    a generation of the data (core.caching): then page 2,000 costs what page 1 does, and
    the count is not read again. The queryset must be ordered by `keys`, every key in the
    same direction (`descending`), the last one unique (the primary key).
    """

    BLOCK = 100  # page starts per cache entry: a request reads one block, not them all
    object_list: QuerySet[Any]

    def __init__(self, object_list, per_page, *, keys, descending=True, cache_key="",
                 timeout=None, **kwargs):  # fmt: skip
        super().__init__(object_list, per_page, **kwargs)
        self.keys, self.descending = tuple(keys), descending
        self.cache_key = hashlib.sha256(cache_key.encode()).hexdigest()[:32] if cache_key else ""
        self.timeout = timeout
        self._blocks: dict[int, list[tuple[Any, ...]]] = {}
        self._count = 0
        self._built = False
        self._first_read = 0

    @cached_property
    def count(self) -> int:
        return self._read(self._first_read)[0]

    def page(self, number):
        # Read the block of the page asked for first: the count comes with it.
        with contextlib.suppress(TypeError, ValueError):
            self._first_read = max(0, int(number) - 1)
        number = self.validate_number(number)
        start = self._read(number - 1)[1]
        rows = self.object_list.filter(self._from(start)) if start is not None else self.object_list
        return Page(rows[: self.per_page], number, self)

    def _from(self, start) -> Q:
        """Rows from `start` on, in the ordering: (k1, k2, ...) <= start (or >=)."""
        after, up_to = ("lt", "lte") if self.descending else ("gt", "gte")
        alternatives = []
        for i, key in enumerate(self.keys):
            equal = [Q(**{name: value}) for name, value in zip(self.keys[:i], start, strict=False)]
            last = i == len(self.keys) - 1
            alternatives.append(
                reduce(and_, [*equal, Q(**{f"{key}__{up_to if last else after}": start[i]})])
            )
        # The first key's bound alone lets the database read just a range of its index.
        return Q(**{f"{self.keys[0]}__{up_to}": start[0]}) & reduce(or_, alternatives)

    def _read(self, page_index: int) -> tuple[int, tuple | None]:
        """(count, key of the first row of page `page_index` (0-based) or None)."""
        block = page_index // self.BLOCK
        if block not in self._blocks and not self._built:
            head, part = f"pages:{self.cache_key}", f"pages:{self.cache_key}:{block}"
            found = cache.get_many([head, part]) if self.cache_key else {}
            if head in found:
                # Built before: a block that is missing lies past the last page.
                self._count = found[head]
                self._blocks[block] = found.get(part, [])
            else:
                self._build()
        starts = self._blocks.get(block, [])
        offset = page_index - block * self.BLOCK
        return self._count, starts[offset] if offset < len(starts) else None

    def _build(self) -> None:
        """One pass over the keys: every per_page-th row's key, numbered by the database."""
        order = [F(key).desc() if self.descending else F(key).asc() for key in self.keys]
        starts = (
            self.object_list.order_by()
            .prefetch_related(None)
            .annotate(_row=Window(RowNumber(), order_by=order), _count=Window(Count("pk")))
            .annotate(_slot=Mod(F("_row") - 1, self.per_page))
            .filter(_slot=0)
            .order_by("_row")
            .values_list("_count", *self.keys)
        )
        rows = list(starts)
        count = rows[0][0] if rows else 0
        keys = [tuple(row[1:]) for row in rows]
        blocks = {
            block: keys[block * self.BLOCK : (block + 1) * self.BLOCK]
            for block in range(-(-len(keys) // self.BLOCK))
        }
        self._blocks, self._count, self._built = blocks, count, True
        if self.cache_key:
            entries: dict[str, object] = {
                f"pages:{self.cache_key}:{block}": value for block, value in blocks.items()
            }
            entries[f"pages:{self.cache_key}"] = count
            cache.set_many(entries, self.timeout)


class StrictKeysetPaginator(StrictPaginator, KeysetPaginator):
    """KeysetPaginator whose bad page numbers are a 404 (see StrictPaginator)."""


class ForgivingFilterMixin(_FilterViewBase):
    """For a FilterView: filters that do not validate are dropped, with a message, and
    the rest still apply, so a hand-edited or stale link never ends in an error page."""

    paginator_class = StrictPaginator

    def prepare_filterset(self, filterset):
        """Hook to adjust a filterset before use (e.g. hide a field the URL fixes)."""
        return filterset

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        # Parameters that are not filters (the page number) bind no form: an unfiltered
        # list then neither builds nor validates one.
        data = kwargs.get("data")
        if data is not None and not any(name in filterset_class.base_filters for name in data):
            kwargs["data"] = None
        return kwargs

    # Whether some filters of this request were dropped (and a message added).
    filters_ignored = False

    def get_filterset(self, filterset_class):
        filterset = self.prepare_filterset(super().get_filterset(filterset_class))
        if filterset.is_bound and not filterset.is_valid():
            self.filters_ignored = True
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


def reader_sort_key(text: str) -> str:
    """sort_key() in the alphabet of the reader's language."""
    return sort_key(text, (get_language() or "uk")[:2])


class _AlphabeticalIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = (self.choice(obj) for obj in self.queryset)
        yield from sorted(choices, key=lambda choice: reader_sort_key(str(choice[1])))


class AlphabeticalChoiceField(forms.ModelChoiceField):
    """Choices by their labels, in the alphabet of the reader's language."""

    iterator = _AlphabeticalIterator


class AlphabeticalChoiceFilter(django_filters.ModelChoiceFilter):
    """Choices in the alphabet of the reader's language (the database may not collate it)."""

    field_class = AlphabeticalChoiceField


class CachedListMixin(_FilterViewBase):
    """For a ForgivingFilterMixin list whose list part (filters, cards, pages) is the same
    for every reader: it is rendered from `content_template_name` once per generation of
    the data (`generation()`, core.caching) and address, and then served from the cache
    with neither queries nor a form. The page around it (`template_name`) gets it as
    `content`, with `page_context()`. A page whose filters had to be dropped is not
    cached (it carries a message for this reader)."""

    content_template_name = ""
    content_cache_prefix = "list"

    def generation(self) -> str:
        raise NotImplementedError

    def page_context(self, **kwargs) -> dict:
        """What the page around the list shows; kwargs hold page_number (and content)."""
        return kwargs

    def get_template_names(self) -> list[str]:
        return [self.template_name]

    def content_cache_key(self) -> str:
        address = f"{get_language()}:{self.request.path}:{sorted(self.request.GET.lists())}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"{self.content_cache_prefix}:{self._generation}:{digest}"

    def get(self, request, *args, **kwargs):
        self._generation = self.generation()
        content = cache.get(self.content_cache_key())
        if content is None:
            return super().get(request, *args, **kwargs)
        page = request.GET.get("page", "1")
        # Cached only when it rendered, so its page number was a good one.
        number = int(page) if page.isdigit() else 1
        return self.render_to_response(self.page_context(content=content, page_number=number))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        context.update(self.page_context(page_number=page.number if page else 1))
        return context

    def render_to_response(self, context, **response_kwargs):
        if "content" not in context:
            context["content"] = render_to_string(
                self.content_template_name, context, request=self.request
            )
            if not self.filters_ignored:
                cache.set(self.content_cache_key(), context["content"], MAX_AGE)
        return super().render_to_response(context, **response_kwargs)
