"""`cuttings search`: the same hits as /api/search, on the command line."""

from __future__ import annotations

import textwrap

import click

from index.request import SearchRequest
from index.results import SearchResult
from web.cli.common import data_option, friendly_errors, open_archive, print_json
from web.links import result_json


@click.command("search")
@click.argument("query", required=False, default="")
@click.option("--person", help="Only passages quoting this person (exact name or its words).")
@click.option("--outlet", help="Only passages from this outlet.")
@click.option("--from", "date_from", metavar="DATE", help="Published on or after YYYY[-MM[-DD]].")
@click.option("--to", "date_to", metavar="DATE", help="Published on or before YYYY[-MM[-DD]].")
@click.option(
    "--sort",
    type=click.Choice(["relevance", "date"]),
    default="relevance",
    show_default=True,
    help="Order of the hits.",
)
@click.option(
    "--kinds",
    default="body,heading",
    show_default=True,
    help="Passage kinds to search, comma-separated (body, heading, comment, caption).",
)
@click.option(
    "--limit", type=click.IntRange(1, 100), default=20, show_default=True, help="Hits to show."
)
@click.option("--page", type=click.IntRange(1, 1000), default=1, help="Page of hits to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the /api/search object.")
@data_option
@friendly_errors
def search_command(
    query: str,
    person: str | None,
    outlet: str | None,
    date_from: str | None,
    date_to: str | None,
    sort: str,
    kinds: str,
    limit: int,
    page: int,
    as_json: bool,
    data: str | None,
) -> None:
    """Search passages with Whoosh's query language: words, "phrases", AND/OR/NOT, wild*,
    fuzzy~, person:, outlet:, title:, date:[2005 to 2006]. With no QUERY, list the passages
    matching the filters, newest first."""
    wanted = SearchRequest.from_args(
        {
            "q": query,
            "person": person,
            "outlet": outlet,
            "from": date_from,
            "to": date_to,
            "sort": sort,
            "kinds": kinds,
            "per_page": str(limit),
            "page": str(page),
        }
    )
    with open_archive(data) as archive:
        result = archive.engine.search(wanted)
    if as_json:
        print_json(result_json(result))
    else:
        click.echo(format_result(result))


def format_result(result: SearchResult) -> str:
    """Readable lines: a count, then each hit's provenance and its text."""
    if not result.hits:
        return f"no hits ({result.total} in all)"
    lines = [f"{result.total} hits; showing {result.first}-{result.first + len(result.hits) - 1}"]
    for hit in result.hits:
        lines.append("")
        lines.append(f"[{hit.passage_id}] {provenance_line(hit.provenance, hit.speakers)}")
        lines.extend(textwrap.wrap(hit.text, 96, initial_indent="  ", subsequent_indent="  "))
        if hit.also_in:
            lines.append(f"  also in documents {', '.join(map(str, hit.also_in))}")
    return "\n".join(lines)


def provenance_line(provenance: dict, speakers: list[str]) -> str:
    """outlet · date · title · the person quoted."""
    parts = [provenance.get("outlet"), provenance.get("published"), provenance.get("title")]
    if speakers:
        parts.append("quoting " + ", ".join(speakers))
    return " · ".join(str(p) for p in parts if p)


COMMANDS = [search_command]
