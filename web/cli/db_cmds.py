"""`cuttings db init` creates or upgrades an archive's schema (embedded or server mode);
`cuttings migrate --to` moves an archive from one mode to the other."""

from __future__ import annotations

from pathlib import Path

import click

from archive.catalog import open_catalog
from archive.catalog.migrations import latest_version
from archive.datadir import DataDir, is_database_url
from archive.errors import InvalidValue
from index.engine import open_engine
from index.moving import move_archive
from index.sync import Archive
from web.cli.common import data_option, datadir_of, friendly_errors, open_archive, print_json


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
    with Archive(datadir, catalog, open_engine(datadir, database=catalog.db)) as archive:
        before = catalog.schema_version()
        applied = archive.prepare()
    where = datadir.describe()
    if applied:
        versions = ", ".join(str(v) for v in applied)
        click.echo(
            f"{where}: catalog schema upgraded from version {before} to {latest_version()} "
            f"(applied {versions})"
        )
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


@click.command()
@click.option(
    "--to",
    "target",
    required=True,
    metavar="URL|DIR",
    help="A postgresql:// database (server mode) or a data directory (embedded mode).",
)
@click.option(
    "--originals",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Into a database: the folder every host will mount for the originals (default: "
    "keep them where they are).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@data_option
@friendly_errors
def migrate(target: str, originals: Path | None, as_json: bool, data: str | None) -> None:
    """Copy this archive (catalog, originals, people, users, audit log) into another mode,
    then check counts and hashes on both sides. Run again after an interruption to go on.

    Stop the archive's writers first: what is added during the copy may be missed."""
    with open_archive(data) as source:
        there = _target(source.datadir, target, originals)
        catalog = open_catalog(there.catalog, upgrade=False)
        with Archive(there, catalog, open_engine(there, database=catalog.db)) as destination:
            report = move_archive(source, destination, progress=_progress())
    if as_json:
        print_json(report.to_json())
    else:
        for line in report.lines():
            click.echo(line)
    if not report.ok:
        raise SystemExit(1)


def _target(source: DataDir, target: str, originals: Path | None) -> DataDir:
    if is_database_url(target):
        folder = originals or (source.originals if not source.server_mode else None)
        return DataDir(source.root, database_url=target, originals_root=folder).create()
    if originals is not None:
        raise InvalidValue("--originals is for a database target; a data directory keeps its own")
    return DataDir(Path(target).expanduser().resolve()).create()


def _progress():
    shown: dict[str, int] = {}

    def report(table: str, rows: int) -> None:
        if rows - shown.get(table, 0) >= 20_000 or table not in shown:
            shown[table] = rows
            click.echo(f"  {table}: {rows} rows", err=True)

    return report


COMMANDS = [db, migrate]
