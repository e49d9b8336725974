"""`cuttings db init`: create or upgrade an archive's schema (embedded or server mode)."""

from __future__ import annotations

import click

from archive.catalog import open_catalog
from archive.catalog.migrations import latest_version
from index.engine import open_engine
from index.sync import Archive
from web.cli.common import data_option, datadir_of, friendly_errors


@click.group()
def db() -> None:
    """The archive's schema: versioned migrations, the same versions on both engines."""


@db.command("init")
@data_option
@friendly_errors
def db_init(data: str | None) -> None:
    """Create the catalog and the search store, or bring them up to this version.

    In server mode run it once, from any host, before `cuttings serve` on any of them (and
    again after upgrading Cuttings); the hosts refuse to serve an older schema."""
    datadir = datadir_of(data).create()
    catalog = open_catalog(datadir.catalog, upgrade=False)
    with Archive(datadir, catalog, open_engine(datadir, catalog.db)) as archive:
        before = catalog.schema_version()
        applied = archive.prepare()
    where = datadir.describe()
    if applied:
        click.echo(f"{where}: catalog schema upgraded from version {before} to {applied[-1]}")
    else:
        click.echo(f"{where}: catalog schema already at version {latest_version()}")
    click.echo("search store ready" + (" (PostgreSQL)" if datadir.server_mode else " (Whoosh)"))


@db.command("status")
@data_option
@friendly_errors
def db_status(data: str | None) -> None:
    """Say which schema version the archive has and which this Cuttings needs."""
    datadir = datadir_of(data)
    catalog = open_catalog(datadir.catalog, upgrade=False)
    try:
        have, need = catalog.schema_version(), latest_version()
    finally:
        catalog.close()
    state = "current" if have == need else ("newer than this Cuttings" if have > need else "old")
    click.echo(f"{datadir.describe()}: catalog schema version {have} of {need} ({state})")
    if have < need:
        raise SystemExit(1)


COMMANDS = [db]
