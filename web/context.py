"""Per-request access to the archive: its catalog and search engine, cached on `g`."""

from __future__ import annotations

from flask import current_app, g

from archive.catalog import Catalog, open_catalog
from archive.datadir import DataDir
from index.engine import open_engine
from index.sync import Archive
from web import settings


def get_datadir() -> DataDir:
    return current_app.config["DATADIR"]


def get_archive() -> Archive:
    """This request's archive (the catalog's schema was brought up to date at start-up)."""
    if "archive" not in g:
        datadir = get_datadir()
        catalog = open_catalog(datadir.catalog, upgrade=False)
        engine = open_engine(datadir, settings.engine_options(current_app.config))
        wait = float(current_app.config["CUTTINGS_INDEX_WAIT"])
        g.archive = Archive(
            datadir, catalog, engine, max_passage_chars=_passage_limit(), write_wait=wait
        )
    return g.archive


def _passage_limit() -> int:
    return settings.max_passage_chars(current_app.config)


def get_catalog() -> Catalog:
    return get_archive().catalog


def index_pending() -> bool:
    """Whether this request saved a change the search index could not take yet."""
    archive = g.get("archive")
    return bool(archive is not None and archive.pending)


def close_archive(_error: BaseException | None = None) -> None:
    archive = g.pop("archive", None)
    if archive is None:
        return
    if archive.pending:  # saved, noted, not yet indexed: keep trying in the background
        current_app.extensions["cuttings_catch_up"].poke(archive.pending)
    archive.close()
