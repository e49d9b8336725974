"""The project's query model (index.query) compiled into SQL over the search tables.

Each word or phrase is analysed by PostgreSQL itself (the field's text search configuration,
as the rows were), in one round trip for the whole query, and becomes a `tsquery` on its
field's vector with the field's weight (`'harvest':A` is a word of the passage text,
`'budget':B` one of the title). Words and groups on one vector combine into one `tsquery`
(`&`, `|`, `!`), so the GIN index answers them in one scan; dates and other vectors join as
SQL. Common words are left out as in every engine (index.words); a query left with nothing
to search is a 400, as in Whoosh. Fuzzy words and wildcards expand to the words the archive
holds (`search_terms`), never to a guess.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from archive.catalog.database import Database
from archive.errors import ArchiveError
from index import query as q
from index.limits import Expansion
from index.postgres.schema import NAMES_CONFIG, TEXT_CONFIG
from index.words import MIN_WORD, STOP_WORDS, fold, searched_words

NOTHING_TO_SEARCH = (
    "nothing to search for: the query has only common words (like `the` or `of`) or empty fields"
)
MAX_EXPANSION = 1000  # words a wildcard or fuzzy word may stand for
MAX_PHRASE_FORMS = 256  # word spacings a phrase with ~N may take

# field -> (vector, weight, configuration); `kind` is a column
VECTORS = {
    "text": ("words", "A", TEXT_CONFIG),
    "title": ("words", "B", TEXT_CONFIG),
    "person": ("names", "A", NAMES_CONFIG),
    "outlet": ("names", "B", NAMES_CONFIG),
    "host": ("names", "C", NAMES_CONFIG),
    "author": ("names", "D", NAMES_CONFIG),
}
LEXEME = re.compile(r"'(?:[^']|'')*'")
_PHRASE_PART = re.compile(r"'(?:[^']|'')*'|<(?:-|\d+)>")


@dataclass(frozen=True)
class Ts:
    """A tsquery (its text) on one vector."""

    vector: str
    text: str


@dataclass(frozen=True)
class Cond:
    """A boolean SQL expression with its `?` parameters."""

    sql: str
    params: tuple = ()


Part = Ts | Cond


@dataclass
class Compiled:
    """The query as SQL, what ranks the hits, and the words a hit's text should have marked."""

    where: Cond
    rank: str | None  # a tsquery on `words`: the positive words and phrases
    marks: set[str] = field(default_factory=set)  # lexemes of the passage text
    mark_prefixes: set[str] = field(default_factory=set)


def lexeme(text: str) -> str:
    """A word as a quoted tsquery lexeme."""
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def unquote(token: str) -> str:
    return token[1:-1].replace("''", "'").replace("\\\\", "\\")


def weighted(tsquery: str, weight: str) -> str:
    """Every lexeme of a tsquery restricted to one weight (one field)."""
    return LEXEME.sub(lambda m: f"{m.group()}:{weight}", tsquery)


def to_sql(part: Part) -> Cond:
    if isinstance(part, Ts):
        return Cond(f"{part.vector} @@ ?::tsquery", (part.text,))
    return part


class Compiler:
    """Compiles one parsed query against one database (which analyses its words)."""

    def __init__(self, db: Database, expansions: dict[q.Node, Expansion] | None = None) -> None:
        self.db = db
        # what index.limits.account found each fuzzy word and wildcard to stand for
        self.expansions = expansions or {}
        self.analysed: dict[tuple[str, str], str] = {}
        self.marks: set[str] = set()
        self.mark_prefixes: set[str] = set()
        self.rank: list[str] = []

    def compile(self, node: q.Node) -> Compiled:
        self._analyse(node)
        part = self._compile(node, positive=True)
        if part is None:
            raise ArchiveError(NOTHING_TO_SEARCH)
        rank = " | ".join(f"({r})" for r in self.rank) or None
        return Compiled(to_sql(part), rank, self.marks, self.mark_prefixes)

    # -- analysis: one round trip for every word and phrase of the query ----------------------

    def _analyse(self, node: q.Node) -> None:
        wanted = []
        for leaf in q.leaves(node):
            text = self._analysis_text(leaf)
            if text is not None:
                wanted.append((VECTORS[leaf.field][2], text))
        wanted = list(dict.fromkeys(wanted))
        if not wanted:
            return
        rows = self.db.all(
            "SELECT t.i, phraseto_tsquery(t.config::regconfig, t.words)::text AS query "
            "FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS t(config, words, i)",
            ([c for c, _ in wanted], [w for _, w in wanted]),
        )
        for row in rows:
            self.analysed[wanted[int(row["i"]) - 1]] = row["query"] or ""

    @staticmethod
    def _analysis_text(leaf: q.Node) -> str | None:
        if getattr(leaf, "field", None) not in VECTORS:
            return None
        names = VECTORS[leaf.field][0] == "names"
        if isinstance(leaf, q.Term | q.Fuzzy):
            words = leaf.text.split() if names else searched_words(leaf.text)
        elif isinstance(leaf, q.Phrase):
            # the whole phrase, common words included: the vectors keep them in place
            text = " ".join(leaf.words)
            words = text.split() if names or searched_words(text) else []
        else:
            return None
        return " ".join(words) if words else None

    def _query_of(self, leaf: q.Node) -> str:
        text = self._analysis_text(leaf)
        return self.analysed.get((VECTORS[leaf.field][2], text), "") if text else ""

    # -- the tree ----------------------------------------------------------------------------

    def _compile(self, node: q.Node, *, positive: bool) -> Part | None:
        if isinstance(node, q.And | q.Or):
            items = [self._compile(item, positive=positive) for item in node.items]
            return combine([i for i in items if i is not None], isinstance(node, q.And))
        if isinstance(node, q.Not):
            inner = self._compile(node.item, positive=False)
            if inner is None:
                return None
            if isinstance(inner, Ts):
                return Ts(inner.vector, f"!({inner.text})")
            return Cond(f"NOT ({inner.sql})", inner.params)
        if isinstance(node, q.DateRange):
            return date_condition(node)
        if node.field == "kind":
            return kind_condition(node)
        return self._leaf(node, positive)

    def _leaf(self, node: q.Node, positive: bool) -> Part | None:
        vector, weight, _config = VECTORS[node.field]
        if isinstance(node, q.Term):
            text = weighted(self._query_of(node), weight)
        elif isinstance(node, q.Phrase):
            text = phrase_forms(weighted(self._query_of(node), weight), node.slop)
        elif isinstance(node, q.Prefix):
            stem = fold(node.text)
            text = f"{lexeme(stem)}:*{weight}" if stem else ""
            if positive and node.field == "text" and stem:
                self.mark_prefixes.add(stem)
        else:  # Fuzzy, Wildcard: the words the archive holds that fit
            words = self._expand(node, vector)
            text = " | ".join(f"{lexeme(w)}:{weight}" for w in words)
            if positive and node.field == "text":
                self.marks.update(words)
        if not text:
            return None
        if positive:
            if vector == "words":
                self.rank.append(text)
            if node.field == "text" and not isinstance(node, q.Prefix):
                self.marks.update(
                    w
                    for w in (unquote(t) for t in LEXEME.findall(text))
                    if len(w) >= MIN_WORD and w not in STOP_WORDS
                )
        return Ts(vector, f"({text})" if " " in text else text)

    def _expand(self, node: q.Fuzzy | q.Wildcard, vector: str) -> list[str]:
        if node in self.expansions:
            return self.expansions[node].words
        if isinstance(node, q.Wildcard):
            pattern = fold(node.pattern)
            like = like_escape(pattern).replace("*", "%").replace("?", "_")
            rows = self.db.all(
                "SELECT term FROM search_terms WHERE vector = ? AND term LIKE ? ESCAPE '!' "
                "ORDER BY term LIMIT ?",
                (vector, like, MAX_EXPANSION + 1),
            )
            described = node.pattern
        else:
            found = [unquote(t) for t in LEXEME.findall(self._query_of(node))]
            word = found[0] if found else fold(node.text)
            if not word:
                return []
            rows = self.db.all(
                "SELECT term FROM search_terms WHERE vector = ? AND term LIKE ? ESCAPE '!' "
                "AND length(term) BETWEEN ? AND ? "
                "AND levenshtein_less_equal(term, ?, ?) <= ? ORDER BY term LIMIT ?",
                (
                    vector,
                    like_escape(word[0]) + "%",  # the first letter stays, as in Whoosh
                    len(word) - node.edits,
                    len(word) + node.edits,
                    word,
                    node.edits,
                    node.edits,
                    MAX_EXPANSION + 1,
                ),
            )
            described = f"{node.text}~{node.edits}"
        words = [r["term"] for r in rows]
        if len(words) > MAX_EXPANSION:
            raise ArchiveError(
                f"{described} stands for more than {MAX_EXPANSION} different words: "
                "add letters to narrow it"
            )
        return words


def combine(items: list[Part], conjunction: bool) -> Part | None:
    """Parts joined by AND (or OR): tsqueries on one vector become one tsquery."""
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    joiner = " & " if conjunction else " | "
    merged: dict[str, list[str]] = {}
    others: list[Cond] = []
    for item in items:
        if isinstance(item, Ts):
            merged.setdefault(item.vector, []).append(item.text)
        else:
            others.append(item)
    parts: list[Part] = [Ts(v, "(" + joiner.join(texts) + ")") for v, texts in merged.items()]
    parts += others
    if len(parts) == 1:
        return parts[0]
    conds = [to_sql(p) for p in parts]
    word = " AND " if conjunction else " OR "
    return Cond(
        "(" + word.join(c.sql for c in conds) + ")",
        tuple(p for c in conds for p in c.params),
    )


def phrase_forms(tsquery: str, slop: int) -> str:
    """A phrase's tsquery allowing up to `slop` more words between each pair (PostgreSQL's
    `<N>` is an exact distance, so each spacing is one alternative)."""
    if not slop or not tsquery:
        return tsquery
    parts = _PHRASE_PART.findall(tsquery)
    words = parts[::2]
    gaps = [1 if p == "<->" else int(p[1:-1]) for p in parts[1::2]]
    if not gaps:
        return tsquery
    forms = (slop + 1) ** len(gaps)
    if forms > MAX_PHRASE_FORMS:
        raise ArchiveError(
            f"a phrase of {len(words)} words with ~{slop} is too loose to search here: "
            "use fewer words or a smaller number after ~"
        )
    alternatives = []
    for extra in itertools.product(range(slop + 1), repeat=len(gaps)):
        spaced = [words[0]]
        for word, gap, more in zip(words[1:], gaps, extra, strict=True):
            spaced += [f"<{gap + more}>", word]
        alternatives.append("(" + " ".join(spaced) + ")")
    return " | ".join(alternatives)


def date_condition(node: q.DateRange) -> Cond:
    from index.dates import day_number

    low = day_number(node.first) if node.first else None
    high = day_number(node.last) if node.last else None
    if low is not None and high is not None:
        return Cond("day BETWEEN ? AND ?", (low, high))
    if low is not None:
        return Cond("day >= ?", (low,))
    if high is not None:
        return Cond("day <= ?", (high,))
    return Cond("day IS NOT NULL")


def kind_condition(node: q.Node) -> Cond:
    """`kind:comment` and the like: the passage kind, matched as Whoosh's ID field does."""
    if isinstance(node, q.Term):
        return Cond("kind = ?", (node.text,))
    if isinstance(node, q.Phrase):
        return Cond("kind = ?", (" ".join(node.words),))
    if isinstance(node, q.Prefix):
        return Cond("kind LIKE ? ESCAPE '!'", (like_escape(node.text) + "%",))
    if isinstance(node, q.Wildcard):
        like = like_escape(node.pattern).replace("*", "%").replace("?", "_")
        return Cond("kind LIKE ? ESCAPE '!'", (like,))
    return Cond("levenshtein(kind, ?) <= ?", (node.text, node.edits))


def like_escape(text: str) -> str:
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")
