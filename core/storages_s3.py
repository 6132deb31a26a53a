"""Object storage (S3-compatible) for the private files, used when MEDIA_S3_BUCKET is set.

A module of its own so that django-storages and boto3 are imported only then.
"""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """Signed scans in a private bucket: read and written by the app servers with their
    keys, never handed out as a URL (not even a signed one), so the checked views stay
    the only way to them."""

    default_acl = "private"

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("A private file has no URL; serve it through a view that checks access.")
