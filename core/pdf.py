"""HTML to PDF with WeasyPrint (system DejaVu fonts), cached by the HTML's hash."""

import hashlib
import logging

from django.core.cache import cache

# WeasyPrint reports every rendering step at INFO; keep the server log for requests.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

PDF_CACHE_SECONDS = 7 * 24 * 60 * 60


def cached_pdf(html: str, key_prefix: str) -> bytes:
    """The PDF of `html`. What is printed may change while its version does not (a mark,
    a renamed party): the key holds a hash of the whole HTML, so a cached PDF is always
    the one this HTML gives."""
    key = f"{key_prefix}:{hashlib.sha256(html.encode()).hexdigest()}"
    pdf = cache.get(key)
    if pdf is None:
        # Imported here: WeasyPrint parses its stylesheets at import, which every
        # management command would otherwise pay for.
        import weasyprint

        pdf = weasyprint.HTML(string=html).write_pdf()
        cache.set(key, pdf, timeout=PDF_CACHE_SECONDS)
    return pdf
