"""The catalog: the only code that runs SQL (documents, people, quotes, accounts, audit)."""

from archive.catalog.catalog import (
    Catalog,
    SchemaOutdated,
    init_command,
    open_catalog,
    open_catalog_of,
)

__all__ = ["Catalog", "SchemaOutdated", "init_command", "open_catalog", "open_catalog_of"]
