"""Rich text in titles: the inline HTML that CSL processors and Zotero read as formatting.

A title may carry `<i>`, `<b>`, `<sup>`, `<sub>`, `<span class="nocase">` and
`<span style="font-variant:small-caps;">` (CSL-JSON's and Zotero's rich-text tags). CSL-JSON
and RIS keep them; BibTeX and biblatex get the LaTeX commands; plain text drops them. Any
other `<` is literal text, and so is a title whose tags do not nest properly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

# tag as written (lower-cased, spacing folded) -> LaTeX command ("" for a bare group)
TAGS = {
    "<i>": r"\textit",
    "<em>": r"\emph",
    "<b>": r"\textbf",
    "<strong>": r"\textbf",
    "<sup>": r"\textsuperscript",
    "<sub>": r"\textsubscript",
    '<span class="nocase">': "",
    '<span style="font-variant:small-caps;">': r"\textsc",
}
_TAG = re.compile(r"<(/?)([a-z]+)((?:\s+[a-z-]+=\"[^\"]*\")?)\s*>", re.IGNORECASE)


@dataclass
class Node:
    """A run of formatting (`tag` None for the whole text) holding text and nested nodes."""

    tag: str | None
    children: list[str | Node] = field(default_factory=list)


def parse(text: str) -> Node:
    """The text as a tree of formatting; all literal when its tags are not well formed."""
    root = Node(None)
    stack = [root]
    position = 0
    for match in _TAG.finditer(text):
        opening = f"<{match.group(2).lower()}{_attributes(match.group(3))}>"
        closing = match.group(1) == "/"
        if not closing and opening not in TAGS:
            continue
        if closing and (len(stack) == 1 or _name(stack[-1].tag) != match.group(2).lower()):
            return Node(None, [text])
        if match.start() > position:
            stack[-1].children.append(text[position : match.start()])
        position = match.end()
        if closing:
            stack.pop()
        else:
            node = Node(opening)
            stack[-1].children.append(node)
            stack.append(node)
    if len(stack) > 1:
        return Node(None, [text])
    if position < len(text):
        root.children.append(text[position:])
    return root


def _attributes(raw: str) -> str:
    return f" {' '.join(raw.split())}".replace(": ", ":") if raw.strip() else ""


def _name(tag: str | None) -> str:
    return (tag or "<>")[1:].split()[0].rstrip(">")


def has_markup(text: str) -> bool:
    """Whether the text holds formatting tags (well formed)."""
    return any(isinstance(child, Node) for child in parse(text).children)


def to_latex(text: str, escape: Callable[[str], str]) -> str:
    """The text with its formatting as LaTeX commands and everything else escaped."""
    return _latex(parse(text), escape)


def _latex(node: Node, escape: Callable[[str], str]) -> str:
    inner = "".join(
        escape(child) if isinstance(child, str) else _latex(child, escape)
        for child in node.children
    )
    if node.tag is None:
        return inner
    return f"{TAGS[node.tag]}{{{inner}}}"


def plain(text: str) -> str:
    """The text without its formatting tags."""
    return _plain(parse(text))


def _plain(node: Node) -> str:
    return "".join(c if isinstance(c, str) else _plain(c) for c in node.children)
