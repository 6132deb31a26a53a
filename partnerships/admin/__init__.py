"""The partnerships admin, one module per concept; autodiscovery imports this package."""

from partnerships.activities import admin as activities  # noqa: F401
from partnerships.memoranda import admin as memoranda  # noqa: F401
from partnerships.yearly import admin as yearly  # noqa: F401

from . import funding, officials, proposals, registry, requests  # noqa: F401
