"""The quotes stage: quotations found, their speakers, nesting, continuation, non-quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.ingest.pipeline import Item, new_draft
from archive.ingest.stages import attribute_quotes
from archive.model import Document, Original, Passage


def attribute(*paragraphs: str | tuple[str, str]) -> Document:
    """Run the stage on paragraphs (a plain string is a body passage; else (kind, text))."""
    draft = new_draft(
        Item(data=b"", filename="t.txt", format="text"), Original("t.txt", "", "text", 0)
    )
    for n, para in enumerate(paragraphs, start=1):
        kind, text = ("body", para) if isinstance(para, str) else para
        draft.document.passages.append(Passage(n, kind, text))
    return attribute_quotes(draft).document


def speaker_of(document: Document, fragment: str) -> str | None:
    """The speaker of the quote containing `fragment` (fails if there is none)."""
    found = [q for q in document.quotes if fragment in q.text]
    assert found, f"no quote contains {fragment!r}: {[q.text for q in document.quotes]}"
    return found[0].speaker


def person(document: Document, name: str):
    return next(p for p in document.people if p.name == name)


# --- Stand-in for the ingest pipeline (archive.ingest is not ready yet). -------------------
# TODO(lead): swap for the real read -> extract -> segment stages once they land.
def crude_passages(path: Path) -> list[str]:
    """Lines over 60 characters up to the first forum separator, photo captions left out."""
    body = path.read_text(encoding="utf-8").split("\n===========")[0]
    lines = [line.strip() for line in body.splitlines() if len(line.strip()) > 60]
    credited = [line for line in lines if "Credit:" in line]
    return [line for line in lines if not any(c.startswith(line) for c in credited)]


CUES = [
    pytest.param('"We will win this election easily," Tony Blair says.', id="X says"),
    pytest.param('"We will win this election easily," says Tony Blair.', id="says X"),
    pytest.param('"We will win this election easily," Tony Blair said.', id="X said"),
    pytest.param(
        'Tony Blair spoke in Sedgefield. "We will win this election easily," said Mr Blair.',
        id="said Mr X",
    ),
    pytest.param(
        "“We will win this election easily,” Tony Blair told Haaretz.", id="X told Haaretz"
    ),
    pytest.param(
        '"We will win this election easily," Tony Blair tells the BBC.', id="X tells the BBC"
    ),
    pytest.param('"We will win this election easily," Tony Blair added.', id="X added"),
    pytest.param(
        "According to Tony Blair, Labour is “going to win this election easily, very easily.”",
        id="according to X",
    ),
    pytest.param('"We will win this election easily," Tony Blair wrote.', id="X wrote"),
    pytest.param(
        "Tony Blair told the BBC: “We will win this election easily.”", id="colon after cue"
    ),
    pytest.param(
        "Tony Blair said he had no doubts: “We will win this election easily.”",
        id="cue earlier in the sentence",
    ),
    pytest.param(
        'Tony Blair says he has one more thing to say. "We will win this election easily."',
        id="cue in the preceding sentence",
    ),
    pytest.param(
        '"We will win," Tony Blair said, "and we will win this election easily."',
        id="cue between two parts",
    ),
]


@pytest.mark.parametrize("text", CUES)
def test_each_cue_names_the_speaker(text: str) -> None:
    document = attribute(text)
    assert speaker_of(document, "election easily") == "Tony Blair"


@pytest.mark.parametrize(
    "verb",
    ["recounts", "recalls", "explains", "asserts", "concludes", "continues", "reports", "adds"],
)
def test_reporting_verbs_after_a_surname(verb: str) -> None:
    document = attribute(
        f"Envar Tohti was a surgeon. “We drove toward the execution ground,” Tohti {verb}."
    )
    assert speaker_of(document, "execution ground") == "Envar Tohti"


def test_quoted_as_saying_by_a_paper_credits_the_person_not_the_paper() -> None:
    document = attribute(
        "As per Susie Hughes, the Executive Director of ETAC, the numbers are misleading.",
        "“When you examine hospital revenues, the figure is much higher,” Hughes was quoted as "
        "saying by the Daily Mail.",
    )
    assert speaker_of(document, "hospital revenues") == "Susie Hughes"
    assert [p.name for p in document.people] == ["Susie Hughes"]


def test_he_resolves_to_the_person_last_named() -> None:
    document = attribute(
        "Ethan Gutmann, an independent researcher, believes the practice continues.",
        "“Harvesting never left Xinjiang, it just took a vacation,” he tells Haaretz.",
    )
    assert speaker_of(document, "Harvesting never left") == "Ethan Gutmann"


def test_she_skips_a_man_named_more_recently() -> None:
    document = attribute(
        'Ms Kite and Mr Brown met on Monday. "It was an absolute disaster for all," she said.'
    )
    assert speaker_of(document, "absolute disaster") == "Ms Kite"


def test_pronouns_ignore_names_inside_the_quote() -> None:
    document = attribute(
        "Abduweli Ayup was held in three prisons.",
        "“A man called Abdul Rahman was brought into the cell,” he says.",
    )
    assert speaker_of(document, "Abdul Rahman") == "Abduweli Ayup"


def test_surname_and_honorific_forms_resolve_to_the_full_name() -> None:
    document = attribute(
        'Investec economist Philip Shaw was cautious. "It is a fairly consistent picture," Shaw said.',
        '"We stand by our view that the market will stay flat," said Mr Shaw.',
    )
    assert {q.speaker for q in document.quotes} == {"Philip Shaw"}
    shaw = person(document, "Philip Shaw")
    assert {"Shaw", "Mr Shaw"} <= set(shaw.aliases)
    assert shaw.role == "Investec economist"


@pytest.mark.parametrize(
    "introduction",
    [
        pytest.param("Prime Minister Tony Blair visited the site.", id="title before the name"),
        pytest.param("Tony Blair, the prime minister, visited the site.", id="appositive"),
    ],
)
def test_the_prime_minister_is_the_person_given_that_role(introduction: str) -> None:
    document = attribute(
        introduction,
        "Michael Howard, the Tory leader, stayed away.",
        '"This is a great day for Britain and for Europe," the prime minister said.',
    )
    assert speaker_of(document, "great day") == "Tony Blair"


def test_a_quote_left_open_continues_into_the_next_paragraph() -> None:
    document = attribute(
        'Lord Falconer said: "One of the top priorities will be a better deal for victims.',
        '"Courts, judges and police will all work together to put victims first."',
        "The plan also covers cameras in court.",
    )
    assert speaker_of(document, "Courts, judges") == "Lord Falconer"


def test_a_new_opening_mark_inside_a_quote_starts_the_next_sentence_of_it() -> None:
    document = attribute(
        'Lord Falconer said: "One of the top priorities will be victims. "Their needs come first."'
    )
    assert [q.text for q in document.quotes] == [
        "One of the top priorities will be victims.",
        "Their needs come first.",
    ]
    assert {q.speaker for q in document.quotes} == {"Lord Falconer"}


def test_an_unattributed_paragraph_quote_inherits_the_previous_speaker() -> None:
    document = attribute(
        "Dr. Alim (not his real name) worked as a physician.",
        "“Since then, the number of transplants grew dramatically,” Alim says.",
        "According to Alim, the files were kept secret.",
        "“In another case, I noticed a name on a consent form that did not match.”",
    )
    assert speaker_of(document, "In another case") == "Dr. Alim"


def test_a_quote_is_attributed_from_the_paragraph_after_it() -> None:
    document = attribute(
        "“The interrogation started at 9 P.M. and ended around noon the next day.”",
        "This is what Huiqiong Liu told Haaretz recently in a video call.",
    )
    assert speaker_of(document, "interrogation") == "Huiqiong Liu"


def test_nested_quotes_belong_to_the_narrator_and_are_recorded_inside() -> None:
    document = attribute(
        "Huiqiong Liu was arrested in 2001.",
        "She says she was taken to a hospital. “I asked if they would take my heart, and the doctor "
        "said: ‘That will be decided by someone at a higher level.’”",
    )
    outer, inner = document.quotes
    assert outer.speaker == "Huiqiong Liu"
    assert inner.text == "That will be decided by someone at a higher level."
    assert inner.nested_in == 0
    assert inner.speaker is None  # "the doctor" is not a named person


def test_a_nested_quote_keeps_its_own_named_speaker() -> None:
    document = attribute(
        "Envar Tohti was a surgeon. “Then Dr Wang said: ‘You must extract the liver now.’ I obeyed,” "
        "Tohti recalls."
    )
    outer, inner = document.quotes
    assert (outer.speaker, inner.speaker, inner.nested_in) == ("Envar Tohti", "Dr Wang", 0)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "In response, the Chinese Embassy in Israel told Haaretz: “Firstly, the centers "
            "are lawful.”",
            "Chinese Embassy in Israel",
            id="embassy",
        ),
        pytest.param(
            'UN experts said: "The results are registered in a database of organ sources."',
            "UN experts",
            id="UN experts",
        ),
        pytest.param(
            '"We are disappointed that the regulator has referred the case," Citigroup said.',
            "Citigroup",
            id="company",
        ),
    ],
)
def test_organisations_speak_as_organisations(text: str, speaker: str) -> None:
    document = attribute(text)
    assert document.quotes[0].speaker == speaker
    assert person(document, speaker).kind == "organisation"


NOT_QUOTES = [
    pytest.param(
        "Thousands of Uighur Muslims in ‘reeducation camps’ are being murdered.", id="scare quote"
    ),
    pytest.param(
        "The appalling ‘kill to order’ market is reinvigorated by the program.", id="single term"
    ),
    pytest.param(
        "A tribunal published a report declaring that the campaign was a “crime against "
        "humanity,” constituting one of the “worst atrocities committed” in modern times.",
        id="phrases in narration",
    ),
    pytest.param(
        "According to Rushan Abbas, China has established “organ farms,” where millions of "
        "people are tested.",
        id="phrase after according-to",
    ),
    pytest.param(
        "This, he says, explains the “health checks” that Uighurs undergo.",
        id="phrase after a parenthetical cue",
    ),
    pytest.param(
        "Gutmann, 62, authored the 2014 book “The Slaughter: Mass Killings, Organ Harvesting, and "
        "China’s Secret Solution to Its Dissident Problem,” and co-founded ETAC.",
        id="book title",
    ),
    pytest.param(("heading", "Job cuts 'false economy' - TUC"), id="headline"),
    pytest.param(("heading", "‘Something wild’"), id="section heading"),
]


@pytest.mark.parametrize("paragraph", NOT_QUOTES)
def test_not_quotations(paragraph) -> None:
    assert attribute(paragraph).quotes == []


def test_a_short_fragment_governed_by_a_cue_is_a_quote() -> None:
    document = attribute('Tory Dominic Grieve branded the way the office operated as "scandalous".')
    assert speaker_of(document, "scandalous") == "Dominic Grieve"


def test_each_passage_lists_its_speakers_once_in_order() -> None:
    document = attribute(
        '"We are pleased with the result today," said Walter Smith. "We played well and deserved '
        'it," said Tony Mowbray. "I agree with that completely," Smith added.'
    )
    assert document.passages[0].speakers == ["Walter Smith", "Tony Mowbray"]


def test_quote_offsets_point_at_the_quoted_words() -> None:
    document = attribute('"We will win this election easily," Tony Blair said.')
    quote, text = document.quotes[0], document.passages[0].text
    assert text[quote.start : quote.end] == quote.text == "We will win this election easily,"
    assert quote.cue == "Tony Blair said"


HAARETZ_QUOTES = [
    ("The interrogation started", "Huiqiong Liu"),
    ("I told [a doctor]", "Huiqiong Liu"),
    ("Before I was taken to the hospital", "Huiqiong Liu"),
    ("Harvesting never left Xinjiang", "Ethan Gutmann"),
    ("China’s transplant volume", "Ethan Gutmann"),
    ("extraordinarily closely", "Matthew Robertson"),
    ("reports have emerged", "Matthew Robertson"),
    ("In the beginning of the Holocaust", "Rushan Abbas"),
    ("The next morning, we assembled", "Envar Tohti"),
    ("I felt chilly", "Envar Tohti"),
    ("victim of a cruel prison hierarchy", "Abduweli Ayup"),
    ("Even then, they were told", "Abduweli Ayup"),
    ("In another case, I noticed", "Dr. Alim"),
    ("Many Uighurs disappeared", "Dr. Alim"),
    ("Every major media", "Ethan Gutmann"),
    ("Firstly, regarding the Vocational", "Chinese Embassy in Israel"),
    ("Last but not least", "Chinese Embassy in Israel"),
]


@pytest.fixture(scope="module")
def haaretz(haaretz_seed: Path) -> Document:
    return attribute(*crude_passages(haaretz_seed))


@pytest.fixture(scope="module")
def opindia(opindia_seed: Path) -> Document:
    return attribute(*crude_passages(opindia_seed))


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("fragment", "speaker"), HAARETZ_QUOTES, ids=[s for s, _ in HAARETZ_QUOTES]
)
def test_haaretz_seed_quotes_are_attributed(haaretz: Document, fragment: str, speaker: str) -> None:
    assert speaker_of(haaretz, fragment) == speaker


@pytest.mark.corpus
def test_haaretz_seed_people_and_roles(haaretz: Document) -> None:
    people = {p.name: p for p in haaretz.people}
    assert set(people) == {
        "Huiqiong Liu",
        "Ethan Gutmann",
        "Matthew Robertson",
        "Rushan Abbas",
        "Envar Tohti",
        "Abduweli Ayup",
        "Dr. Alim",
        "Chinese Embassy in Israel",
    }
    assert people["Ethan Gutmann"].role == "an independent researcher"
    assert people["Matthew Robertson"].role.startswith("another research fellow at the VOC")
    assert (
        people["Rushan Abbas"].role == "the founder and executive director of Campaign for Uyghurs"
    )
    assert "Alim" in people["Dr. Alim"].aliases
    assert people["Chinese Embassy in Israel"].kind == "organisation"


@pytest.mark.corpus
def test_haaretz_seed_scare_quotes_and_titles_are_not_quotes(haaretz: Document) -> None:
    texts = " | ".join(q.text for q in haaretz.quotes)
    for phrase in (
        "reeducation camps",
        "organ farms",
        "health checks",
        "The Slaughter",
        "crime against",
    ):
        assert not any(q.text.startswith(phrase) for q in haaretz.quotes), texts


@pytest.mark.corpus
def test_opindia_seed_quotes_are_attributed(opindia: Document) -> None:
    assert speaker_of(opindia, "When you examine hospital revenues") == "Susie Hughes"
    assert speaker_of(opindia, "Don’t go against the Communist Party") == "Jinato Liu"
    assert speaker_of(opindia, "credible information") == "UN experts"
    assert not [q for q in opindia.quotes if "kill to order" in q.text]
