"""The catalog: the only code that runs SQL (documents, people, quotes, accounts, audit)."""

from archive.catalog.catalog import Catalog, open_catalog

__all__ = ["Catalog", "open_catalog"]
