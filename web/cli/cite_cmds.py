"""`cuttings cite` and `cuttings export`: the citation files of /api/cite, on the command line."""

from __future__ import annotations

from pathlib import Path

import click

from archive.citations.formats import FORMATS, export, get_format
from archive.citations.lookup import all_records, parse_ids, records_for_ids
from archive.errors import ArchiveError
from web import settings
from web.cli.common import catalog_of, data_option, friendly_errors

FORMAT_HELP = f"One of {', '.join(FORMATS)}."


def _base_url() -> str:
    """The archive's public address for permalinks: $CUTTINGS_BASE_URL, else the address
    `cuttings serve` listens on by default."""
    return settings.defaults()["CUTTINGS_BASE_URL"] or settings.LOCAL_BASE_URL


@click.command()
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.option(
    "--format", "format_name", default="bibtex", show_default=True, metavar="FORMAT",
    help=FORMAT_HELP,
)  # fmt: skip
@data_option
@friendly_errors
def cite(ids: tuple[str, ...], format_name: str, data: str | None) -> None:
    """Print the citation of passages (12-p3) or documents (12); passages of one article
    share one reference that notes them all."""
    get_format(format_name)
    wanted = parse_ids(ids)
    with catalog_of(data) as catalog:
        threshold = settings.defaults()["CUTTINGS_ATTRIBUTION_THRESHOLD"]
        records = records_for_ids(catalog, wanted, base_url=_base_url(), threshold=threshold)
        click.echo(export(records, format_name).text, nl=False)


@click.command("export")
@click.option(
    "--format", "format_name", default="bibtex", show_default=True, metavar="FORMAT",
    help=FORMAT_HELP,
)  # fmt: skip
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file instead of standard output.",
)  # fmt: skip
@data_option
@friendly_errors
def export_command(format_name: str, output: Path | None, data: str | None) -> None:
    """Export a citation of every document in the archive (withdrawn ones left out)."""
    get_format(format_name)
    with catalog_of(data) as catalog:
        records = list(all_records(catalog, base_url=_base_url()))
        if not records:
            raise ArchiveError(
                "the archive holds no documents to export: add some with `cuttings add`"
            )
        text = export(records, format_name).text
        if output is None:
            click.echo(text, nl=False)
            return
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {len(records)} references to {output}", err=True)


COMMANDS = [cite, export_command]
