"""Commands that add to and inspect the archive: add, show, verify, reindex."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from archive.ingest.overrides import librarian_fields
from archive.ingest.service import IngestResult
from archive.serialize import document_to_json
from index.sync import Archive, CatchUp
from web.cli.common import data_option, friendly_errors, open_archive, print_json


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--title", help="Title, overriding what is extracted.")
@click.option("--outlet", help="The original publisher.")
@click.option("--host", help="Where this copy came from, when not the outlet (e.g. a forum).")
@click.option("--author", "authors", multiple=True, help="An author; repeat for several.")
@click.option("--date", "published", help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--url", help="The article's address.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document on stdout.")
@data_option
@friendly_errors
def add(
    paths: tuple[Path, ...],
    title: str | None,
    outlet: str | None,
    host: str | None,
    authors: tuple[str, ...],
    published: str | None,
    url: str | None,
    as_json: bool,
    data: str | None,
) -> None:
    """Add files (text, HTML, WARC/ARC) or folders of them to the archive."""
    overrides = librarian_fields(
        {
            "title": title,
            "outlet": outlet,
            "host": host,
            "authors": list(authors),
            "published": published,
            "url": url,
        }
    )
    files = list(_expand(paths))
    failed = 0
    with (
        open_archive(data) as archive,
        archive.loading(parallel=True, catch_up=True) as session,
    ):
        _report_catch_up(session.caught_up)
        for result in session.add(_with_progress(archive, files), overrides):
            failed += result.status == "error"
            if as_json:
                print_json(result.to_json())
            else:
                _report(result)
    if failed:
        raise SystemExit(1)


def _report_catch_up(done: CatchUp) -> None:
    """What an interrupted add (or a busy index) had left out, now indexed."""
    if done.indexed:
        click.echo(
            f"indexing {len(done.indexed)} documents an interrupted add or a busy index "
            "had left out of the search index",
            err=True,
        )
    if done.removed:
        click.echo(f"removing {len(done.removed)} unknown documents from the index", err=True)


def _expand(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to read, folders walked recursively, so the progress bar can count them."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path


def _with_progress(archive: Archive, files: list[Path]) -> Iterator:
    """The items of the files, with a progress bar on stderr for more than one file."""
    ingestor = archive.ingestor()
    if len(files) < 2:
        yield from ingestor.read_paths(files)
        return
    with click.progressbar(files, label="Adding", file=sys.stderr, show_pos=True) as bar:
        for path in bar:
            yield from ingestor.read_paths([path])


def _report(result: IngestResult) -> None:
    if result.status == "error":
        click.echo(f"error: {result.error}", err=True)
        return
    info = result.to_json()
    where = ", ".join(str(v) for v in (info["outlet"], info["published"]) if v)
    click.echo(
        f"{result.status} {result.id}: {info['title'] or result.source}"
        + (f" ({where})" if where else "")
        + f" - {info['passages']} passages, {info['quotes']} quotes"
    )


@click.command()
@click.argument("doc_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the document as JSON.")
@data_option
@friendly_errors
def show(doc_id: int, as_json: bool, data: str | None) -> None:
    """Show one document: its fields with their sources, passages and quotes."""
    with open_archive(data) as archive:
        doc = document_to_json(archive.catalog.documents.get(doc_id, include_withdrawn=True))
    if as_json:
        print_json(doc)
        return
    click.echo(f"#{doc['id']} {doc['title'] or '(untitled)'} [{doc['status']}]")
    for name, field in doc["fields"].items():
        value = ", ".join(field["value"]) if isinstance(field["value"], list) else field["value"]
        flag = " (uncertain)" if field["uncertain"] else ""
        click.echo(f"  {name:<10} {value}  [{field['source']}{flag}]")
    click.echo(f"  original   {doc['original']['filename']} sha256:{doc['original']['sha256']}")
    for passage in doc["passages"]:
        who = f" [{', '.join(passage['speakers'])}]" if passage["speakers"] else ""
        click.echo(f"\n¶{passage['n']} {passage['kind']}{who}\n{passage['text']}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@data_option
@friendly_errors
def verify(as_json: bool, data: str | None) -> None:
    """Re-hash every original, check the catalog and index agree, repair the index."""
    with open_archive(data) as archive:
        report = archive.verify(repair=True)
    if as_json:
        print_json(report.to_json())
    else:
        for line in report.lines():
            click.echo(line)
    if not report.originals_ok:
        raise SystemExit(1)


@click.command()
@data_option
@friendly_errors
def reindex(data: str | None) -> None:
    """Rebuild the search index from the catalog."""
    with open_archive(data) as archive:
        count = archive.rebuild()
        documents = len(archive.catalog.documents.ids())
    click.echo(f"indexed {count} passages from {documents} documents")


@click.command()
@click.argument("doc_ids", nargs=-1, type=int)
@data_option
@friendly_errors
def reattribute(doc_ids: tuple[int, ...], data: str | None) -> None:
    """Run quote attribution again on stored documents (all, or DOC_IDS), keeping every
    attribution a librarian verified."""
    with open_archive(data) as archive:
        counts = archive.reattribute(doc_ids or None)
    click.echo(
        f"re-attributed {counts['documents']} documents: {counts['quotes']} quotes found again, "
        f"{counts['kept']} verified by a librarian kept as they were"
    )


COMMANDS = [add, show, verify, reindex, reattribute]
