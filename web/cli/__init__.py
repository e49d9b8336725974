"""The `cuttings` command line: thin click commands over the archive, index and web app."""

from __future__ import annotations

import click

from web.cli import archive_cmds, cite_cmds, db_cmds, search_cmds, serve_cmds, user_cmds


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
    cli(prog_name="cuttings")
