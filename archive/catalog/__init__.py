"""The catalog: the only code that runs SQL (documents, people, quotes, accounts, audit)."""

from archive.catalog.catalog import (
    Catalog,
    SchemaOutdated,
    init_command,
    locate_originals,
    open_catalog,
    open_catalog_of,
    record_originals,
)

__all__ = [
    "Catalog",
    "SchemaOutdated",
    "init_command",
    "locate_originals",
    "open_catalog",
    "open_catalog_of",
    "record_originals",
]
