"""Forum threads in scraped text: the posts, who started the thread, and replies' own words.

A thread is recognised by forum software's furniture, not by site: a user panel under the
poster's name (label lines such as `Joined`, `Messages`, `Reaction score`, `Location`, each
followed by its value), or several dot-leader post separators (`. .`, `.`) with forum
navigation (`What's new`, `Top Bottom`, `Click to expand...`). The first post is the
article (a repost); each later post is a reply. A reply often quotes earlier posts, even
the whole article: a quoted line is recognised by having been seen before in the thread
(same words, or most of its word trigrams), and only the reply's own words are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.ingest.scraped.captions import find_captions
from archive.ingest.scraped.chrome import chrome_reason, strip_emoji_codes
from archive.ingest.scraped.lines import line_key, trigrams, word_set, words
from archive.ingest.scraped.textmeta import dateline, is_date_only

PANEL_LABELS = word_set(
    """
    joined messages posts reaction_score reactions likes likes_received points trophy_points
    location country gender age occupation website solutions credits rating threads
    reputation member_since registered thanks thanked
    """
)
USER_TITLE_WORDS = word_set(
    """
    banned member members moderator mod admin administrator staff elite veteran senior
    junior full new newbie guest contributor regular active established respected
    supporter vip retired suspended
    """
)
_POST_SEPARATOR = re.compile(r"^[.·•](?:\s*[.·•])*$")
_QUOTE_END = re.compile(r"^click to expand\.*…?$", re.I)
_FORUM_FURNITURE = re.compile(
    r"^(?:what's new|what’s new|top bottom|click to expand\.*…?|reply|quote|report|"
    r"new posts|latest activity|log in|register|forums)$",
    re.I,
)


@dataclass
class Thread:
    """A forum thread: its header (title and site furniture), posts and furniture lines."""

    header_end: int  # lines before this index are the page header (the thread title)
    posts: list[tuple[int, int]]  # [start, end) line ranges, first post first
    furniture: set[int] = field(default_factory=set)  # panel, poster and separator lines
    poster: str | None = None
    evidence: str = ""


def _label(line: str) -> str | None:
    """The panel label a line is (`Reaction score:` -> `reaction_score`), or None."""
    name = line.rstrip(":").strip().lower().replace(" ", "_")
    return name if name in PANEL_LABELS else None


def _next_nonblank(lines: list[str], start: int) -> int | None:
    """Index of the first non-blank line at or after `start`."""
    for index in range(start, len(lines)):
        if lines[index]:
            return index
    return None


def find_panels(lines: list[str]) -> list[tuple[int, int, list[str]]]:
    """User panels: (first line, end, labels) for runs of two or more label/value pairs."""
    panels: list[tuple[int, int, list[str]]] = []
    index = 0
    while index < len(lines):
        labels: list[str] = []
        cursor = index
        while cursor < len(lines) and _label(lines[cursor]):
            value = _next_nonblank(lines, cursor + 1)
            if value is None or _label(lines[value]):
                break
            labels.append(lines[cursor].rstrip(":"))
            cursor = value + 1
        if len(labels) >= 2:
            panels.append((index, cursor, labels))
            index = cursor
        else:
            index += 1
    return panels


def is_user_title(line: str) -> bool:
    """A forum rank printed under a user name: `BANNED`, `Senior Member`, `Moderator`."""
    tokens = words(line)
    if not tokens or len(tokens) > 4:
        return False
    return any(t in USER_TITLE_WORDS for t in tokens) or (line.isupper() and len(line) <= 30)


def _poster_lines(lines: list[str], panel_start: int) -> tuple[str | None, list[int]]:
    """The poster's name above a panel and the lines (name, user titles) it occupies."""
    taken: list[int] = []
    index = panel_start - 1
    while index >= 0 and len(taken) < 4:
        line = lines[index]
        if line:
            taken.append(index)
            if not is_user_title(line):
                name = line if len(line) <= 40 and len(line.split()) <= 3 else None
                return name, taken if name else taken[:-1]
        index -= 1
    return None, taken


def is_post_separator(line: str) -> bool:
    """A dot-leader line left between posts by a forum's reaction bar."""
    return bool(_POST_SEPARATOR.match(line))


def find_thread(lines: list[str]) -> Thread | None:
    """The thread structure of a page, or None when the page does not look like a forum."""
    panels = find_panels(lines)
    separators = [i for i, line in enumerate(lines) if is_post_separator(line)]
    furniture_lines = [line for line in lines if _FORUM_FURNITURE.match(line)]
    if panels:
        start, end, labels = panels[0]
        poster, poster_lines = _poster_lines(lines, start)
        header_end = min(poster_lines, default=start)
        first = end
        evidence = f"user panel under the first post ({' / '.join(labels)})"
    elif len(separators) >= 2 and furniture_lines:
        poster, poster_lines, first = None, [], 0
        header_end = 0
        evidence = f"post separators and forum navigation ({furniture_lines[0]!r})"
    else:
        return None
    furniture = set(poster_lines) | set(separators)
    post_heads = set()
    for start, end, _labels in panels:
        taken = _poster_lines(lines, start)[1]
        furniture.update(range(start, end), taken)
        post_heads.add(min(taken, default=start))
    boundaries = sorted(
        {i for i in separators if i >= first} | {i for i in post_heads if i >= first} | {len(lines)}
    )
    posts, begin = [], first
    for boundary in boundaries:
        if boundary > begin:
            posts.append((begin, boundary))
        begin = boundary + 1
    return Thread(header_end, posts, furniture, poster, evidence)


class SeenLines:
    """Lines already printed in a thread, to recognise what a reply quotes."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.grams: set[tuple[str, str, str]] = set()

    def add(self, line: str) -> None:
        """Remember a line of the thread."""
        tokens = words(line)
        self.keys.add(" ".join(tokens))
        if len(tokens) >= 8:
            self.grams |= trigrams(tokens)

    def quoted(self, line: str) -> bool:
        """True when the line repeats one seen before (whole, or most of a long line)."""
        key = line_key(line)
        if key in self.keys:
            return True
        tokens = key.split()
        if len(tokens) < 8:
            return False
        grams = trigrams(tokens)
        return len(grams & self.grams) >= 0.8 * len(grams)


def is_quote_end(line: str) -> bool:
    """The `Click to expand...` marker that ends a quoted block."""
    return bool(_QUOTE_END.match(line))


def own_words(
    lines: list[str], post: tuple[int, int], thread: Thread, seen: SeenLines
) -> list[str]:
    """The lines a reply adds: no furniture, captions, quoted lines or text before a quote end."""
    order = [i for i in range(*post) if lines[i] and i not in thread.furniture]
    for position, index in enumerate(order):
        if is_quote_end(lines[index]):
            order = order[position + 1 :]
            break
    captions, credits = find_captions(lines, order)
    dropped = credits | {i for c in captions for i in [c.index, *c.repeats]}
    kept = []
    for index in order:
        line = lines[index]
        if index in dropped or chrome_reason(line) or dateline(line) or is_date_only(line):
            continue
        if seen.quoted(line):
            continue
        text = strip_emoji_codes(line)
        if text:
            kept.append(text)
            seen.add(text)
    return kept
