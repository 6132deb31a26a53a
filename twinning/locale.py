"""The portal's language negotiation."""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from core.languages import FOREIGN_DEFAULT


def negotiated_language(request) -> str:
    """The language for a request: the URL's prefix, the reader's earlier choice (the
    language cookie), then the browser's first offered language. A browser that asks only
    for languages we do not offer reads English, not Ukrainian; a request with no
    preference at all (a link shared without its prefix, a crawler) gets the default.
    """
    if language := translation.get_language_from_path(request.path_info):
        return language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie:
        try:
            return translation.get_supported_language_variant(cookie)
        except LookupError:
            pass
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for accepted, _quality in parse_accept_lang_header(header):
        if accepted == "*":
            break
        try:
            return translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
    return FOREIGN_DEFAULT if header.strip() and header.strip() != "*" else settings.LANGUAGE_CODE


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware with the portal's negotiation (negotiated_language)."""

    def process_request(self, request):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        i18n_patterns_used, _prefixed = is_language_prefix_patterns_used(urlconf)
        language = negotiated_language(request) if i18n_patterns_used else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
