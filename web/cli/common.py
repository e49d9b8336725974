"""What every command shares: the `--data` option, opening the archive, errors as one line."""

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

data_option = click.option(
    "--data",
    "data",
    metavar="DIR",
    envvar="CUTTINGS_DATA",
    default=None,
    help="Data directory (default: $CUTTINGS_DATA, else ./cuttings-data).",
)


@contextmanager
def catalog_of(data: str | None) -> Iterator[Catalog]:
    """The catalog of the archive in `--data`, closed when the command is done."""
    with open_archive(data) as archive:
        yield archive.catalog


def open_archive(data: str | None) -> Archive:
    """The archive in `--data` (created if new, its catalog brought up to date), searching
    and ingesting with the CUTTINGS_* settings of the environment."""
    return Archive.open(
        DataDir.resolve(data),
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
