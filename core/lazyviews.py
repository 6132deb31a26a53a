"""Views named by their dotted path, imported when the first of a group answers a
request, not with the URLconf.

Every page reverses URLs, so the URLconf is imported by every process; a view module
imported there stays in every worker's memory, even in one that never serves its
pages. A group (`LazyViews`) imports all its views at once on its first request."""

from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern
from django.utils.module_loading import import_string

View = Callable[..., HttpResponse]

# What Django's and DRF's view builders put on a view, which others read off the
# address's callback once the view is loaded (DRF's schema generator finds the views
# by `cls`).
_COPIED = ("cls", "initkwargs", "view_class", "view_initkwargs")


class LazyViews:
    def __init__(
        self,
        load: Callable[[str], View] = import_string,
        *,
        patterns: Callable[[], Iterable[URLPattern]] | None = None,
    ) -> None:
        """`load` turns a dotted path into the view (by default the object there; a
        group of class-based views passes e.g. `lambda path: import_string(path).as_view()`).
        `patterns`: the addresses whose callbacks get the loaded views' attributes,
        when a callback is wrapped again (by default the callbacks `view()` made)."""
        self._load = load
        self._patterns = patterns
        self._callbacks: list[View] = []
        self._loaded: dict[str, View] | None = None

    def view(self, dotted_path: str, **attributes) -> View:
        """The address's callback for the view at `dotted_path`; `attributes` are set on
        it now, for what reads them before the view runs (e.g. `csrf_exempt`, which the
        CSRF middleware reads)."""

        def answer(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            return self.loaded()[dotted_path](request, *args, **kwargs)

        answer.lazy_view = dotted_path  # type: ignore[attr-defined]
        answer.__name__ = answer.__qualname__ = dotted_path.rsplit(".", 1)[-1]
        answer.__module__ = dotted_path.rsplit(".", 1)[0]
        for name, value in attributes.items():
            setattr(answer, name, value)
        self._callbacks.append(answer)
        return answer

    def loaded(self) -> dict[str, View]:
        """Every view of the group by dotted path, imported on the first call; each
        callback gets its view's attributes then."""
        if self._loaded is None:
            callbacks = (
                [pattern.callback for pattern in self._patterns()]
                if self._patterns is not None
                else self._callbacks
            )
            loaded = {}
            for callback in callbacks:
                dotted_path: str = getattr(callback, "lazy_view")  # noqa: B009
                loaded[dotted_path] = view = self._load(dotted_path)
                for name in _COPIED:
                    if hasattr(view, name):
                        setattr(callback, name, getattr(view, name))
            self._loaded = loaded
        return self._loaded
