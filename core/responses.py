"""Big public answers kept compressed in the cache, with a validator.

`compressed_body` is computed once (when the data under it changes) and cached by the
caller: the bytes, the same gzipped, and an ETag from their content.
`conditional_response` serves such an entry: 304 when the browser already holds it
(If-None-Match), the gzipped bytes to a browser that takes them (every browser does),
and `Cache-Control: no-cache` so the browser asks on every visit: a change of the data
is seen at once, an unchanged answer costs a 304.
"""

import gzip
import hashlib

from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

CACHE_CONTROL = "public, no-cache"


def compressed_body(text: str) -> dict:
    body = text.encode()
    return {
        "etag": f'"{hashlib.sha256(body).hexdigest()[:32]}"',
        "body": body,
        # Level 6 as Django's GZipMiddleware; mtime 0, so the same text gives the same bytes.
        "gzip": gzip.compress(body, compresslevel=6, mtime=0),
    }


def conditional_response(request, entry: dict, content_type: str) -> HttpResponse:
    etag = entry["etag"]
    if etag in parse_etags(request.headers.get("If-None-Match", "")) or (
        request.headers.get("If-None-Match", "").strip() == "*"
    ):
        response: HttpResponse = HttpResponseNotModified()
    elif "gzip" in request.headers.get("Accept-Encoding", "").lower():
        response = HttpResponse(entry["gzip"], content_type=content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(entry["body"], content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ("Accept-Encoding",))
    return response
