"""The worked examples of CITATIONS.md as documents: both seeds and a BBC-like article.

Shared by the citation tests and handy for trying the writers by hand; URLs are placeholders,
and each hash begins with the six characters of the example's citation key.
"""

from __future__ import annotations

from archive.citations.record import CitationRecord, record_for
from archive.model import Document, Original, Passage, PersonMention, Quote

BASE_URL = "https://cuttings.example.org"
ADDED = "2024-05-01"
HAARETZ_TITLE = (
    "China's ‘XXX Files’: ‘25 Thousand People Disappear Each Year, Their Organs Are Harvested"
)
OPINDIA_TITLE = (
    "China’s real Squid Game: Beijing operates forced organ harvesting from political prisoners"
    " and dissidents, says UN report"
)
GUTMANN_PASSAGE = (
    "Ethan Gutmann, an independent researcher who’s considered a world expert on this issue,"
    " unequivocally believes the practice is occurring. “Harvesting never left Xinjiang, it just"
    " took a vacation,” he tells Haaretz."
)


def _original(name: str, prefix: str) -> Original:
    """An Original whose SHA-256 starts with `prefix`."""
    return Original(name, prefix + "0" * (64 - len(prefix)), "text", 1000)


def haaretz() -> Document:
    """The Haaretz seed: no byline, published 4 December 2020, reposted on a forum."""
    doc = Document(_original("000_45b8fe0913e6acba.txt", "093b89"), id=1)
    doc.set("title", HAARETZ_TITLE, "text", "first line of the post")
    doc.set("outlet", "Haaretz", "inferred", "he tells Haaretz")
    doc.set("published", "2020-12-04", "text", "Published on 04.12.2020")
    doc.set("host", "forum repost by striver44", "text")
    doc.set("url", "https://forum.example.net/threads/organs.123/", "librarian")
    doc.set("language", "en", "inferred")
    doc.passages = [
        Passage(1, "body", "China experts and activists claim that the repression ..."),
        Passage(12, "body", GUTMANN_PASSAGE, ["Ethan Gutmann"]),
        Passage(13, "body", "Gutmann, 62, authored the 2014 book “The Slaughter” ..."),
    ]
    doc.quotes = [
        Quote("Harvesting never left Xinjiang", 12, "Ethan Gutmann", "tells", verified=True)
    ]
    doc.people = [PersonMention("Ethan Gutmann", role="an independent researcher")]
    return doc


def opindia() -> Document:
    """The OpIndia seed: by "OpIndia Staff", no publication date, captured 24 April 2024."""
    doc = Document(_original("002_ec901710d7344171.txt", "e131ac"), id=2)
    doc.set("title", OPINDIA_TITLE, "text")
    doc.set("outlet", "OpIndia", "text")
    doc.set("authors", ["OpIndia Staff"], "byline")
    doc.set("captured", "2024-04-24", "text", "Wednesday, April 24, 2024")
    doc.set("url", "https://www.opindia.com/2021/10/chinas-real-squid-game/", "librarian")
    doc.set("language", "en", "inferred")
    doc.passages = [Passage(1, "body", "As per Human Rights groups, the Chinese government ...")]
    return doc


def bbc() -> Document:
    """A BBC-like article with a personal byline and a passage quoting Mr Parsons."""
    doc = Document(_original("bbc_business_001.txt", "5a1e07"), id=3)
    doc.set("title", "Ad sales boost Time Warner profit", "text")
    doc.set("outlet", "BBC News", "librarian")
    doc.set("authors", ["Jane O'Neill"], "librarian")
    doc.set("published", "2005-02", "librarian")
    doc.set("url", "http://news.bbc.co.uk/1/hi/business/4220245.stm", "librarian")
    doc.set("language", "en", "librarian")
    text = "“Our financial performance was strong, meeting or exceeding all of our full-year"
    text += " objectives,” said Mr Parsons."
    doc.passages = [Passage(4, "body", text, ["Richard Parsons"])]
    doc.quotes = [
        Quote(text.split("”")[0].lstrip("“"), 4, "Richard Parsons", "said", verified=True)
    ]
    doc.people = [PersonMention("Richard Parsons")]
    return doc


ADVERSARIAL_TITLES = {
    "balanced-braces": "The {Good} Wife and {nested {braces}}",
    "unbalanced-braces": "Close } before open { and a lone {",
    "specials": r"100% of A&B #1 _under_ $5 ~approx ^caret \backslash \textbf{x}",
    "quotes": '\'Single\' and "double" quotes, it\'s "fine"',
    "accents": "Café zoë Émile Łódź straße naïve",
    "hebrew": "שלום עולם: חדשות",
    "cjk": "中国新闻：器官",
    "long": ("A very long title " * 120)[:2000],
    "html": "Why <i>Squid Game</i> matters: <b>bold</b> claims & x<sup>2</sup> < y",
    "hyphen": "New e-mail row over 'silly fuss': x-ray \"vision\", it says",
}
# Bylines of some adversarial documents: particles, CJK, three authors.
ADVERSARIAL_AUTHORS = {
    "accents": ["Émile Zoë d'Artagnan", "Ludwig van Beethoven", "Reuters"],
    "hebrew": ["Émile Zoë d'Artagnan", "Ludwig van Beethoven", "Reuters"],
    "cjk": ["习近平"],
    "quotes": ["Zoë Ó Briain", "Omar al-Rashid", "Xi Jinping"],
    "html": ["OpIndia Staff"],
}


def adversarial() -> list[Document]:
    """Documents with hostile titles, with and without outlet, byline and (partial) date."""
    docs = []
    for i, (name, title) in enumerate(ADVERSARIAL_TITLES.items()):
        doc = Document(_original(f"{name}.txt", f"{i:02d}ab"), id=100 + i)
        doc.set("title", title, "librarian")
        if i % 2:
            doc.set("outlet", "Le Monde & Co", "librarian")
        if i % 3 == 0:
            doc.set("published", "1999", "librarian")
        elif i % 3 == 1:
            doc.set("published", "2021-03", "librarian", uncertain=True)
        if name in ADVERSARIAL_AUTHORS:
            doc.set("authors", ADVERSARIAL_AUTHORS[name], "byline")
        docs.append(doc)
    return docs


def records(documents: list[Document] | None = None) -> list[CitationRecord]:
    """Citation records of documents (default: the three examples, quoting their passages)."""
    if documents is None:
        documents = [haaretz(), opindia(), bbc()]
        picked = {1: [documents[0].passages[1]], 2: [], 3: documents[2].passages}
    else:
        picked = {}
    return [
        record_for(d, passages=picked.get(d.id, []), base_url=BASE_URL, added=ADDED)
        for d in documents
    ]
