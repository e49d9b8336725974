"""Build small archives for tests: documents made by hand, stored in a temp data directory."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import types
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from archive.datadir import DataDir
from archive.model import Document, Original, Passage, PersonMention, Quote
from archive.store import Store
from index.indexing import Indexer


def _ensure_people_stage() -> None:
    """The store folds names with archive.quotes.cast; until that stage lands, fold plainly."""
    if importlib.util.find_spec("archive.quotes.cast") is not None:
        return
    stub = types.ModuleType("archive.quotes.cast")
    stub.person_key = lambda name: " ".join(name.casefold().split())  # type: ignore[attr-defined]
    sys.modules["archive.quotes.cast"] = stub


_ensure_people_stage()


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
                )
            )
    doc.people = [PersonMention(name=name, role=(roles or {}).get(name)) for name in speakers]
    return doc


class Archive:
    """A data directory with a catalog and an index, kept in step like the real doors do."""

    def __init__(self, root: Path) -> None:
        self.datadir = DataDir(root).create()
        self.store = Store(self.datadir.catalog)
        self.indexer = Indexer(self.datadir.index)

    @property
    def index_dir(self) -> Path:
        return self.datadir.index

    def add(self, *docs: Document) -> list[int]:
        """Store and index documents; return their ids."""
        ids = [self.store.add_document(doc) for doc in docs]
        self.indexer.add_documents(self.store.get_document(i) for i in ids)
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
    import pytest

    try:
        from archive.ingest.overrides import librarian_fields
        from archive.ingest.service import Ingestor
        from archive.ingest.stages import default_stages

        default_stages()
    except ImportError as error:
        pytest.skip(f"the ingest pipeline is not complete yet ({error})")
    datadir = DataDir(root).create()
    store = Store(datadir.catalog)
    ingestor = Ingestor(datadir, store)
    extras = _extra_files(root / "extra", corpus)
    results = list(ingestor.ingest_paths(sorted((corpus / "seeds").glob("*.txt"))))
    bbc = [
        path
        for topic in BBC_TOPICS
        for path in sorted((corpus / "bbc" / topic).glob("*.txt"))[:per_topic]
    ]
    results += ingestor.ingest_paths([*bbc, *extras], librarian_fields({"outlet": "BBC News"}))
    failed = [r.error for r in results if r.status == "error"]
    assert not failed, failed
    Indexer(datadir.index).rebuild(store.iter_documents)
    store.close()


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
