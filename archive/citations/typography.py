"""What the style manuals ask of punctuation and capitals that CSL processors leave undone.

- American usage puts a comma or full stop inside the closing quotation marks, single and
  double alike (CMOS 17 6.9; APA and MLA follow the same American rule; CITATIONS.md
  section 4): `“China’s ‘XXX Files,’”`. CSL's `punctuation-in-quote` moves it inside the
  outer mark only, leaving `“China’s ‘XXX Files’,”`.
- Headline-style title case always capitalises the first element of a hyphenated compound
  (CMOS 17 8.161, rule 1: "E-Mail", "X-Ray"); pandoc's citeproc leaves a one-letter first
  element lower case (`e-Mail`).

Both work on plain text or on the HTML that pandoc writes (tags are skipped over).
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;|.", re.DOTALL)
_OPENING = {"‘": "’", "“": "”"}
_SINGLE_LETTER_PREFIX = re.compile(r"(?<![\w’'-])([a-z])-(?=[A-Za-z])")


def _closing_quotes(tokens: list[str]) -> set[int]:
    """Positions of the tokens that close an open quotation (not apostrophes)."""
    closing: set[int] = set()
    stack: list[str] = []
    for i, token in enumerate(tokens):
        if token in _OPENING:
            stack.append(_OPENING[token])
        elif token in ("’", "”") and stack and stack[-1] == token:
            following = next((t for t in tokens[i + 1 :] if not t.startswith("<")), "")
            if token == "’" and following[:1].isalpha():
                continue  # an apostrophe: "China’s"
            stack.pop()
            closing.add(i)
    return closing


def punctuation_inside_quotes(text: str) -> str:
    """Move a comma or full stop that follows closing quotation marks inside them all."""
    tokens = _TOKEN.findall(text)
    closing = _closing_quotes(tokens)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if i not in closing:
            out.append(tokens[i])
            i += 1
            continue
        run_end = i
        while run_end < len(tokens) and (run_end in closing or tokens[run_end].startswith("<")):
            run_end += 1
        run = tokens[i:run_end]
        if run_end < len(tokens) and tokens[run_end] in (",", "."):
            out.append(tokens[run_end])
            out.extend(run)
            i = run_end + 1
        else:
            out.extend(run)
            i = run_end
    return "".join(out)


def capitalise_hyphen_prefixes(title: str) -> str:
    """ "New e-mail row" -> "New E-mail row": a one-letter first element capitalised, so that
    title case goes on to give "E-Mail"."""
    return _SINGLE_LETTER_PREFIX.sub(lambda m: m.group(1).upper() + "-", title)
