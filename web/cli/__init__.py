"""The `cuttings` command line: thin click commands over the archive, index and web app."""

from __future__ import annotations

import os
import signal
import threading

import click

from web.cli import archive_cmds, cite_cmds, db_cmds, search_cmds, serve_cmds, user_cmds
from web.cli.common import Terminated

UNWIND_SECONDS = 20  # after SIGTERM or SIGHUP, the most the clean-up may take


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cuttings")
def cli() -> None:
    """Cuttings: a searchable archive of news passages with citation export."""


for command in (
    *archive_cmds.COMMANDS,
    *search_cmds.COMMANDS,
    *cite_cmds.COMMANDS,
    *user_cmds.COMMANDS,
    *serve_cmds.COMMANDS,
    *db_cmds.COMMANDS,
):
    cli.add_command(command)


def main() -> None:
    stop_on_terminate()
    cli(prog_name="cuttings")


def stop_on_terminate() -> None:
    """SIGTERM and SIGHUP unwind like Ctrl-C: open transactions roll back, an open index batch
    is cancelled and its worker processes stopped (Python's default just ends the process)."""

    def stop(signum: int, _frame: object) -> None:
        # Unwinding runs arbitrary cleanup, and a signal can land where a lock is half taken:
        # a second signal ends the process at once, and so does a watchdog if the unwinding
        # hangs (the catalog rolls back and the index lock is freed when the process dies).
        for other in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(other, signal.SIG_DFL)
        watchdog = threading.Timer(UNWIND_SECONDS, os._exit, args=(128 + signum,))
        watchdog.daemon = True
        watchdog.start()
        raise Terminated(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)
