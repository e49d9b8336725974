"""Escaping literal text for BibTeX and biblatex fields (CITATIONS.md section 1, but braces).

One pass over the text, so nothing is escaped twice: backslash, braces (balanced as `\\{ \\}`,
unbalanced as `$\\lbrace$`), `% & # _ $`, `~ ^`, opening quotes, newlines; non-ASCII stays raw
UTF-8 for biblatex and becomes LaTeX accents/commands for BibTeX where one exists.

BibTeX and biber count every brace, escaped or not, so an unbalanced `\\{` breaks the file;
`\\textbraceleft{}` does not, but pandoc drops it. Math mode `$\\lbrace$` holds no brace
character, prints a brace in LaTeX and is read as "{" by pandoc (citation-js keeps the
command: see docs/citation-clients.md).
"""

from __future__ import annotations

import re
import unicodedata

from pylatexenc.latexencode import UnicodeToLatexEncoder

from archive.citations import markup

_SIMPLE = {
    "\\": r"\textbackslash{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",  # OT1 fonts print "<" as "¡"
    ">": r"\textgreater{}",
    "\n": " ",
    "\r": " ",
    "\t": " ",
}
_BALANCED_BRACES = {"{": r"\{", "}": r"\}"}
_UNBALANCED_BRACES = {"{": r"$\lbrace$", "}": r"$\rbrace$"}
# A quote after one of these (or at the start) opens a quotation.
_BEFORE_OPENING = " ([{<-/\u2013\u2014\"'`"

# pylatexenc writes `\"\i`; `\"i` decodes back to the same character.
_DOTLESS = re.compile(r"(\\[\"'`^~=.uvH]) ?\\i\}")

_ENCODER = UnicodeToLatexEncoder(
    non_ascii_only=True,
    replacement_latex_protection="braces-all",
    unknown_char_policy="keep",
    unknown_char_warning=False,
)


def braces_balanced(text: str) -> bool:
    """True when every `}` closes an earlier `{` and none is left open."""
    depth = 0
    for char in text:
        depth += char == "{"
        depth -= char == "}"
        if depth < 0:
            return False
    return depth == 0


def _quote(char: str, previous: str) -> str:
    """An opening quote as LaTeX opening quotes; a closing `"` as `''`."""
    opening = previous == "" or previous.isspace() or previous in _BEFORE_OPENING
    if char == "'":
        return "`" if opening else "'"
    return "``" if opening else "''"


def _non_ascii(char: str, unicode: bool) -> str:
    """Raw UTF-8 for biblatex; a LaTeX command for BibTeX where pylatexenc knows one."""
    return char if unicode else _DOTLESS.sub(r"\1i}", _ENCODER.unicode_to_latex(char))


def escape(text: str, *, unicode: bool = True) -> str:
    """Escape literal text for a braced BibTeX (`unicode=False`) or biblatex field value."""
    text = unicodedata.normalize("NFC", text)
    braces = _BALANCED_BRACES if braces_balanced(text) else _UNBALANCED_BRACES
    out: list[str] = []
    previous = ""
    for char in text:
        if char in _SIMPLE:
            out.append(_SIMPLE[char])
        elif char in braces:
            out.append(braces[char])
        elif char in "'\"":
            out.append(_quote(char, previous))
        elif ord(char) > 127:
            out.append(_non_ascii(char, unicode))
        else:
            out.append(char)
        previous = char
    return "".join(out)


def escape_rich(text: str, *, unicode: bool = True) -> str:
    """Escape a title whose `<i>`, `<b>`, `<sup>`... formatting becomes LaTeX commands."""
    return markup.to_latex(text, lambda part: escape(part, unicode=unicode))


def url_value(url: str) -> str:
    """A URL for `url`, `eprint` or `\\url{}`: raw, with `{ } \\`, spaces and non-ASCII encoded."""
    out = []
    for char in url:
        if char in "{}\\" or char.isspace() or ord(char) > 127:
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8")))
        else:
            out.append(char)
    return "".join(out)
