"""Per-request access to the archive: its catalog and search engine, cached on `g`.

In server mode with a replica (CUTTINGS_DATABASE_REPLICA_URL), reading requests (GET, HEAD)
search and read on the replica and every other request goes to the primary. A librarian who
just wrote reads their own write at once: the request that wrote keeps the primary's WAL
position in their session, and their reads stay on the primary until the replica has
replayed that far (then the position is forgotten). Requests with an API token always use
the primary: a token client keeps no session to remember its writes in.
"""

from __future__ import annotations

from flask import Response, current_app, g, request, session

from archive.catalog import Catalog, open_catalog
from archive.datadir import DataDir
from index.engine import open_engine
from index.sync import Archive
from web import settings

READS = ("GET", "HEAD", "OPTIONS")
WROTE_AT = "cuttings_wrote_at"  # session key: the primary's WAL position after a write


def get_datadir() -> DataDir:
    return current_app.config["DATADIR"]


def get_archive() -> Archive:
    """This request's archive (the catalog's schema was checked at start-up)."""
    if "archive" not in g:
        datadir = get_datadir()
        catalog = _replica_catalog(datadir) or open_catalog(datadir.catalog, upgrade=False)
        options = settings.engine_options(current_app.config)
        engine = open_engine(datadir, options, database=catalog.db)
        wait = float(current_app.config["CUTTINGS_INDEX_WAIT"])
        g.archive = Archive(
            datadir, catalog, engine, max_passage_chars=_passage_limit(), write_wait=wait
        )
    return g.archive


def _passage_limit() -> int:
    return settings.max_passage_chars(current_app.config)


def _replica_catalog(datadir: DataDir) -> Catalog | None:
    """The replica's catalog, when this request may read there."""
    if not datadir.replica_url or request.method not in READS:
        return None
    if request.headers.get("Authorization", "").startswith("Bearer "):
        return None
    catalog = open_catalog(datadir.replica_url, upgrade=False)
    position = session.get(WROTE_AT)
    if position is None:
        return catalog
    if catalog.has_replayed(position):
        session.pop(WROTE_AT, None)
        return catalog
    catalog.close()
    return None


def on_replica() -> bool:
    """Whether this request reads from the replica (for tests and the response header)."""
    archive = g.get("archive")
    datadir = get_datadir()
    return bool(archive and datadir.replica_url and archive.catalog.where == datadir.replica_url)


def get_catalog() -> Catalog:
    return get_archive().catalog


def remember_writes(response: Response) -> Response:
    """After a logged-in librarian's request wrote to the primary, keep where its writes end
    in their session, so their next reads wait for a replica that has them."""
    archive = g.get("archive")
    datadir = current_app.config["DATADIR"]
    if archive is None or not datadir.replica_url:
        return response
    if archive.catalog.wrote and "_user_id" in session:
        session[WROTE_AT] = archive.catalog.write_position()
    response.headers["Cuttings-Read-From"] = "replica" if on_replica() else "primary"
    return response


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


def release_connections() -> None:
    """Close this process's pooled database connections (before a server forks workers)."""
    from archive.catalog.postgres import close_pools

    close_pools()
