"""Per-request access to the archive: the store and the index, cached on `g`."""

from __future__ import annotations

from flask import current_app, g

from archive.datadir import DataDir
from archive.store import Store


def get_datadir() -> DataDir:
    return current_app.config["DATADIR"]


def get_store() -> Store:
    if "store" not in g:
        g.store = Store(get_datadir().catalog)
    return g.store


def close_store(_error: BaseException | None = None) -> None:
    store = g.pop("store", None)
    if store is not None:
        store.close()
