"""What every command shares: `--data` and `--database-url`, opening the archive, errors as
one line."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from archive.catalog import Catalog
from archive.datadir import DataDir
from archive.errors import ArchiveError, storage_failure
from index.sync import Archive
from web import settings

_DATABASE_URL = "cuttings.database_url"
_data_dir = click.option(
    "--data",
    "data",
    metavar="DIR",
    envvar="CUTTINGS_DATA",
    default=None,
    help="Data directory (default: $CUTTINGS_DATA, else ./cuttings-data).",
)


def _remember_database_url(ctx: click.Context, _param: click.Parameter, value: str | None):
    if value:
        ctx.meta[_DATABASE_URL] = value
    return value


_database_url = click.option(
    "--database-url",
    metavar="URL",
    envvar="CUTTINGS_DATABASE_URL",
    expose_value=False,
    callback=_remember_database_url,
    help="Server mode: the postgresql:// database holding the catalog and the search "
    "(default: $CUTTINGS_DATABASE_URL; without one, everything is in --data).",
)


def data_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--data DIR` and `--database-url URL`: where the archive is."""
    return _data_dir(_database_url(command))


def database_url() -> str | None:
    """The `--database-url` of the running command (else $CUTTINGS_DATABASE_URL, if any)."""
    ctx = click.get_current_context(silent=True)
    found = ctx.find_root().meta.get(_DATABASE_URL) if ctx is not None else None
    return found or None


def datadir_of(data: str | None) -> DataDir:
    """Where the running command's archive is: `--data`, and the database in server mode."""
    return DataDir.resolve(data, database_url=database_url())


@contextmanager
def catalog_of(data: str | None) -> Iterator[Catalog]:
    """The catalog of the archive in `--data`, closed when the command is done."""
    with open_archive(data) as archive:
        yield archive.catalog


def open_archive(data: str | None) -> Archive:
    """The archive in `--data` (created if new, an embedded catalog brought up to date), or
    in the server-mode database (whose schema `cuttings db init` keeps), searching and
    ingesting with the CUTTINGS_* settings of the environment."""
    return Archive.open(
        datadir_of(data),
        options=settings.engine_options(),
        max_passage_chars=settings.max_passage_chars(),
    )


def friendly_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn ArchiveError into one line on stderr and exit status 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ArchiveError as error:
            raise click.ClickException(error.message) from None
        except Exception as error:
            failure = storage_failure(error)  # a full disk, wherever it struck
            if failure is not None:
                raise click.ClickException(failure.message) from None
            if isinstance(error, OSError):
                raise click.ClickException(
                    f"{error.filename or ''}: {error.strerror}".strip(": ")
                ) from None
            raise

    return wrapper


class Terminated(SystemExit):
    """SIGTERM or SIGHUP: unwind like Ctrl-C (transactions roll back, an open index batch is
    cancelled and its workers stopped), then exit with 128 + the signal's number."""


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
