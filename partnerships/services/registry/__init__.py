"""Load the public registry data (data/*.csv) into the database, idempotently.

Rows are matched on their key in the data set (KATOTTG code, foreign key,
pair of keys), so a second run updates what changed and creates nothing new.

``files`` reads and checks the rows, ``records`` writes a model's rows by key and
counts what changed, ``municipalities`` turns rows into regions and municipalities
(names, slugs), ``links`` into partnerships, and ``loader`` runs it all in one
transaction.
"""

from partnerships.services.registry.files import BadFile, BadRow
from partnerships.services.registry.loader import RegistryLoader
from partnerships.services.registry.records import Report, Tally

__all__ = ["BadFile", "BadRow", "RegistryLoader", "Report", "Tally"]
