"""`cuttings search` and `cuttings trace`: the same hits as /api/search and /api/trace, on
the command line."""

from __future__ import annotations

import textwrap

import click

from index.request import SearchRequest
from index.results import Hit, SearchResult, TraceResult
from index.trace import trace
from web.cli.common import data_option, friendly_errors, open_archive, print_json
from web.links import result_json, trace_json


@click.command("search")
@click.argument("query", required=False, default="")
@click.option("--person", help="Only passages quoting this person (exact name or its words).")
@click.option("--outlet", help="Only passages from this outlet.")
@click.option("--from", "date_from", metavar="DATE", help="Published on or after YYYY[-MM[-DD]].")
@click.option("--to", "date_to", metavar="DATE", help="Published on or before YYYY[-MM[-DD]].")
@click.option(
    "--sort",
    type=click.Choice(["relevance", "newest", "oldest", "date"]),
    default="relevance",
    show_default=True,
    help="Order of the hits (date: newest first); undated passages come last.",
)
@click.option("--undated", is_flag=True, help="Only passages with no publication date.")
@click.option("--unknown-outlet", is_flag=True, help="Only passages with no outlet.")
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
    undated: bool,
    unknown_outlet: bool,
    kinds: str,
    limit: int,
    page: int,
    as_json: bool,
    data: str | None,
) -> None:
    """Search passages: words, "phrases", -word and -"phrase" to leave out, +word, AND/OR/NOT,
    wild*, fuzzy~, person:, outlet:, title:, date:[2005 to 2006]. With no QUERY, list the
    passages matching the filters, newest first."""
    wanted = SearchRequest.from_args(
        {
            "q": query,
            "person": person,
            "outlet": outlet,
            "from": date_from,
            "to": date_to,
            "sort": sort,
            "kinds": kinds,
            "undated": "1" if undated else "",
            "unknown_outlet": "1" if unknown_outlet else "",
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


@click.command("trace")
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the /api/trace object.")
@data_option
@friendly_errors
def trace_command(text: str, as_json: bool, data: str | None) -> None:
    """Every passage carrying a quotation as it circulates (shortened, punctuation changed,
    a word or two different), earliest first. TEXT `-` reads the quotation from stdin."""
    if text == "-":
        text = click.get_text_stream("stdin").read()
    with open_archive(data) as archive:
        result = trace(archive.engine, text)
    if as_json:
        print_json(trace_json(result))
    else:
        click.echo(format_trace(result))


def format_result(result: SearchResult) -> str:
    """Readable lines: a count, then each hit's provenance, its text and its copies."""
    suggestion = result.suggestion
    hint = f"; did you mean: {suggestion.q} ({suggestion.total} hits)" if suggestion else ""
    if not result.hits:
        return f"no hits ({result.total} in all){hint}"
    shown = f"{result.first}-{result.first + len(result.hits) - 1}"
    lines = [f"{result.total} hits; showing {shown}{hint}"]
    for hit in result.hits:
        lines.append("")
        lines.extend(hit_lines(hit))
    return "\n".join(lines)


def format_trace(result: TraceResult) -> str:
    if not result.hits:
        return "no passage in the archive carries these words"
    lines = [f"{result.total} passages carry it, earliest first"]
    for traced in result.hits:
        lines.append("")
        lines.extend(hit_lines(traced.hit, f" · {traced.similarity:.0%} of the words"))
    return "\n".join(lines)


def hit_lines(hit: Hit, extra: str = "") -> list[str]:
    lines = [f"[{hit.passage_id}] {provenance_line(hit.provenance, hit.speakers)}{extra}"]
    lines.extend(textwrap.wrap(hit.text, 96, initial_indent="  ", subsequent_indent="  "))
    for copy in hit.copies:
        where = " · ".join(
            str(p) for p in (copy.outlet, copy.host and f"via {copy.host}", copy.published) if p
        )
        lines.append(f"  also [{copy.passage_id}] {where or 'unknown outlet, undated'}")
    if hit.copies_total > len(hit.copies):
        lines.append(f"  ... and {hit.copies_total - len(hit.copies)} more places")
    return lines


def provenance_line(provenance: dict, speakers: list[str]) -> str:
    """outlet · date · title · the person quoted."""
    parts = [provenance.get("outlet"), provenance.get("published"), provenance.get("title")]
    if speakers:
        parts.append("quoting " + ", ".join(speakers))
    return " · ".join(str(p) for p in parts if p)


COMMANDS = [search_command, trace_command]
