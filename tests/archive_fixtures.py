"""Build small archives for tests: documents made by hand, stored in a temp data directory."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from archive.catalog import open_catalog
from archive.datadir import DataDir
from archive.ingest.overrides import librarian_fields
from archive.model import Document, Original, Passage, PersonMention, Quote
from index.engine import open_engine
from index.sync import Archive as SyncArchive


@dataclass
class Para:
    """One passage to write: its text, kind, and the person it quotes (if any)."""

    text: str
    speaker: str | None = None
    kind: str = "body"


def make_document(
    title: str,
    paras: Iterable[Para | str],
    *,
    outlet: str | None = "Example Times",
    published: str | None = "2005-03-01",
    authors: list[str] | None = None,
    host: str | None = None,
    url: str | None = None,
    roles: dict[str, str] | None = None,
) -> Document:
    """A document as the pipeline would leave it: fields, passages, quotes and people."""
    paras = [p if isinstance(p, Para) else Para(p) for p in paras]
    body = "\n\n".join([title, *(p.text for p in paras)]).encode()
    digest = hashlib.sha256(body).hexdigest()
    doc = Document(original=Original(f"{digest[:8]}.txt", digest, "text", len(body)))
    doc.set("title", title, "text", "first line")
    if outlet:
        doc.set("outlet", outlet, "librarian", "typed by test")
    if published:
        doc.set("published", published, "text", f"Published {published}")
    if authors:
        doc.set("authors", authors, "byline", "By " + " and ".join(authors))
    if host:
        doc.set("host", host, "url")
    if url:
        doc.set("url", url, "librarian")
    speakers: dict[str, None] = {}
    for n, para in enumerate(paras, start=1):
        doc.passages.append(
            Passage(
                n=n, kind=para.kind, text=para.text, speakers=[para.speaker] if para.speaker else []
            )
        )
        if para.speaker:
            speakers[para.speaker] = None
            doc.quotes.append(
                Quote(
                    text=para.text,
                    passage_n=n,
                    speaker=para.speaker,
                    cue="said",
                    end=len(para.text),
                    confidence=0.95,  # as sure as the pipeline is of "..., X said"
                )
            )
    doc.people = [PersonMention(name=name, role=(roles or {}).get(name)) for name in speakers]
    return doc


class Archive:
    """A data directory with a catalog and an index, kept in step through the one sync path."""

    def __init__(self, root: Path) -> None:
        datadir = DataDir.resolve(root).create()  # server mode when the test's mode says so
        catalog = open_catalog(datadir.catalog)
        self.archive = SyncArchive(datadir, catalog, open_engine(datadir, database=catalog.db))
        self.datadir, self.catalog, self.engine = datadir, self.archive.catalog, self.archive.engine

    @property
    def index_dir(self) -> Path:
        return self.datadir.index

    def add(self, *docs: Document) -> list[int]:
        """Catalog and index documents built by hand; return their ids."""
        ids = [self.catalog.documents.add(doc) for doc in docs]
        self.archive.sync(ids)
        return ids


# -- the real corpora, through the real ingest pipeline --------------------------------------

BBC_TOPICS = ("business", "entertainment", "politics", "sport", "tech")
REPOST_OF = ("politics", "001.txt")
SCRIPT_TEXT = (
    "Engineers said the archived page showed <script>alert('organ')</script> in its comment "
    "box, a trace of an old attack on the forum."
)
_built: dict[str, Path] = {}


def corpus_datadir(tmp_path_factory, corpus: Path, *, per_topic: int = 60) -> Path:
    """A data directory holding the seeds, `per_topic` BBC articles per topic, a near-copy of
    one of them and a page quoting a <script> tag; built once per test session."""
    key = f"{corpus}:{per_topic}"
    if key not in _built:
        root = tmp_path_factory.mktemp("corpus-archive")
        build_corpus_archive(root, corpus, per_topic)
        _built[key] = root
    return _built[key]


def build_corpus_archive(root: Path, corpus: Path, per_topic: int) -> None:
    """The seeds, then BBC files and the extras with the outlet typed, through `Archive.add_paths`."""
    with SyncArchive.open(DataDir(root)) as archive:  # embedded, whatever the mode
        extras = _extra_files(root / "extra", corpus)
        results = list(archive.add_paths(sorted((corpus / "seeds").glob("*.txt"))))
        bbc = [
            path
            for topic in BBC_TOPICS
            for path in sorted((corpus / "bbc" / topic).glob("*.txt"))[:per_topic]
        ]
        outlet = librarian_fields({"outlet": "BBC News"})
        results += archive.add_paths([*bbc, *extras], outlet)
    failed = [r.error for r in results if r.status == "error"]
    assert not failed, failed


def _extra_files(folder: Path, corpus: Path) -> list[Path]:
    """A near-copy of one BBC article (a repost) and a page quoting a script tag."""
    folder.mkdir(parents=True, exist_ok=True)
    original = (corpus / "bbc" / REPOST_OF[0] / REPOST_OF[1]).read_bytes()
    headline, _, body = original.partition(b"\n")
    repost = folder / "repost.txt"
    repost.write_bytes(headline + b" (reposted)\n" + body + b"\n\nReposted for discussion.\n")
    script = folder / "script.txt"
    script.write_text(f"Forum page archived\n\n{SCRIPT_TEXT}\n", encoding="utf-8")
    return [repost, script]


# -- WARC files made on the spot ---------------------------------------------------------------


def article_page(title: str, sentence: str, *, canonical: str | None = None) -> bytes:
    """An HTML news page with enough body text for extraction (and a canonical link)."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f"<html><head><title>{title}</title>{link}</head><body><article><h1>{title}</h1>"
        f"<p>{sentence} " + "This paragraph gives the article enough body text. " * 8 + "</p>"
        "</article></body></html>"
    ).encode()


def warc_of(
    pages: list[tuple[str, bytes]], *, gz: bool = True, images: list[tuple[str, bytes]] = ()
) -> bytes:
    """A WARC file of HTTP 200 text/html responses: (target URI, page bytes); `images` adds
    image/jpeg responses (which ingest skips), as a crawl has."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    typed = [(u, b, "text/html; charset=utf-8") for u, b in pages]
    typed += [(u, b, "image/jpeg") for u, b in images]
    for uri, body, content_type in typed:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return out.getvalue()
