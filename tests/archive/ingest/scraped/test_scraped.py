"""The scraped-text extractor: the two seed pages, general chrome rules, and clean BBC text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from archive.ingest.pipeline import Draft, Item, new_draft
from archive.ingest.scraped.chrome import chrome_reason
from archive.ingest.scraped.extract import extract_scraped
from archive.ingest.scraped.lines import normalise
from archive.model import Original


def extract(text: str, name: str = "page.txt") -> Draft:
    """Run the stage on `text` as the read stage would hand it over."""
    data = text.encode("utf-8")
    draft = new_draft(Item(data, name, "text"), Original(name, "0" * 64, "text", len(data)))
    draft.text = text
    return extract_scraped(draft)


def texts(draft: Draft, kind: str) -> list[str]:
    return [block.text for block in draft.blocks if block.kind == kind]


def all_text(draft: Draft) -> str:
    return "\n".join(block.text for block in draft.blocks)


@pytest.fixture(scope="module")
def haaretz(haaretz_seed: Path) -> Draft:
    return extract(haaretz_seed.read_text(encoding="utf-8"), haaretz_seed.name)


@pytest.fixture(scope="module")
def opindia(opindia_seed: Path) -> Draft:
    return extract(opindia_seed.read_text(encoding="utf-8"), opindia_seed.name)


# --- the forum repost of a Haaretz article ---------------------------------------------


def test_forum_repost_body_runs_from_the_standfirst_to_the_embassy_statement(haaretz):
    body = texts(haaretz, "body")
    assert body[0].startswith("China experts and activists claim that the repression")
    assert body[1].startswith("“The interrogation started at 9 P.M.")
    assert body[-1].startswith("“Last but not least, I would like to emphasize")
    assert body[-1].endswith("in an attempt to contain China’s development.”")


def test_forum_repost_has_the_article_once_its_subheads_captions_and_replies(haaretz):
    kinds = Counter(block.kind for block in haaretz.blocks)
    assert kinds == {"body": 60, "heading": 6, "caption": 10, "comment": 13}


def test_forum_repost_never_repeats_a_body_paragraph_even_though_a_reply_quotes_it(haaretz):
    body = texts(haaretz, "body")
    assert len(body) == len(set(body))
    assert not set(body) & set(texts(haaretz, "comment"))


def test_forum_repost_marks_the_section_subheads_as_headings(haaretz):
    assert texts(haaretz, "heading") == [
        "Harvesting never left’",
        "‘Something wild’",
        "‘Like a monkey’",
        "Top secret files",
        "Constructing crematoria",
        "The Chinese response",
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        pytest.param("What's new", id="forum-navigation"),
        pytest.param("striver44", id="poster-name"),
        pytest.param("BANNED", id="user-title"),
        pytest.param("Reaction score", id="user-panel-label"),
        pytest.param("Indonesia", id="user-panel-value"),
        pytest.param("Jul 25, 2016", id="join-date"),
        pytest.param("Top Bottom", id="page-navigation"),
        pytest.param(".jpg", id="image-file-name"),
        pytest.param("Open gallery view", id="gallery-control"),
        pytest.param(":coffee:", id="emoji-codes"),
        pytest.param("=====", id="rule-line"),
        pytest.param("Published on", id="dateline"),
    ],
)
def test_forum_furniture_is_in_no_block(haaretz, furniture):
    assert furniture not in all_text(haaretz)


def test_photo_captions_are_caption_blocks_once_each_with_their_credit(haaretz):
    captions = texts(haaretz, "caption")
    assert len(captions) == len(set(captions))
    assert (
        "China researcher and human right activist Ethan Gutmann. Credit: Simon Gross" in captions
    )
    assert "China map" in captions
    assert not any("Credit:" in text for text in texts(haaretz, "body"))
    assert not any(text[-15:] == "Ethan Gutmann." for text in texts(haaretz, "body"))


@pytest.mark.parametrize(
    "pull_quote",
    [
        pytest.param("In the file of the so-called donor, there was no identifying", id="donor"),
        pytest.param("I don’t know what it takes to get the attention", id="abbas"),
        pytest.param("Ethan Gutmann believes at least 25,000 people", id="gutmann"),
        pytest.param("The Chinese have taken advantage of their power. The WHO", id="who"),
        pytest.param("When he was arrested in his hometown of Kashgar, Abduweli", id="ayup"),
        pytest.param("Rushan Abbas", id="attribution"),
    ],
)
def test_pull_quotes_repeating_the_body_are_dropped(haaretz, pull_quote):
    assert not any(block.text.startswith(pull_quote) for block in haaretz.blocks)


def test_the_sentences_pull_quotes_repeat_stay_in_their_paragraphs(haaretz):
    body = "\n".join(texts(haaretz, "body"))
    assert "But in the file of the so-called donor, there was no identifying information" in body
    assert "Gutmann believes at least 25,000 people are murdered every year" in body


def test_replies_are_comments_with_only_their_own_words(haaretz):
    comments = texts(haaretz, "comment")
    sad = "Thats a sad story. China needs to improve its human rights record. More transparency is needed."
    assert comments.count(sad) == 1
    assert comments[0].startswith("LOL.. Haaretz?")
    assert (
        "They have allow interview and only not reported by any biased western media." in comments
    )
    assert "More manga tale." in comments
    assert comments[-1].startswith("they provide you with the whole health profile of the donor")
    assert max(len(text) for text in comments) < 1200  # the quoted article is not a comment


def test_forum_repost_fields_name_haaretz_the_forum_and_the_day_first_date(haaretz):
    fields = haaretz.document.fields
    assert fields["title"].value == (
        "China's ‘XXX Files’: ‘25 Thousand People Disappear Each Year, Their Organs Are Harvested"
    )
    assert fields["outlet"].value == "Haaretz"
    assert fields["outlet"].source == "inferred"
    assert "told Haaretz" in fields["outlet"].evidence
    assert "striver44" in fields["host"].value
    assert fields["host"].source == "text"
    assert fields["published"].value == "2020-12-04"
    assert fields["published"].source == "text"
    assert not fields["published"].uncertain
    assert "Published on 04.12.2020" in fields["published"].evidence
    assert "day-first" in fields["published"].evidence
    assert fields["language"].value == "en"
    assert "authors" not in fields
    assert "captured" not in fields


# --- the OpIndia page ------------------------------------------------------------------


def test_news_page_body_runs_from_the_standfirst_to_the_last_paragraph(opindia):
    body = texts(opindia, "body")
    assert body[0].startswith("As per Human Rights groups, the Chinese government is presiding")
    assert body[1].startswith("Netflix’s recently hit a jackpot")
    assert body[-1].startswith("On top of it, China has rejected the heart-rending")
    assert Counter(block.kind for block in opindia.blocks) == {"body": 23, "heading": 4}


def test_news_page_marks_its_subheads_as_headings(opindia):
    headings = texts(opindia, "heading")
    assert "China’s organ transplant numbers misleading: Susie Hughes" in headings
    assert (
        "China denies the organ harvesting claims, says witness testimonies are from actors"
        in headings
    )


@pytest.mark.parametrize(
    "furniture",
    [
        pytest.param("Wednesday, April 24, 2024", id="header-date"),
        pytest.param("HomeWorld", id="breadcrumb"),
        pytest.param("Support Us", id="support-box"),
        pytest.param("Please contribute whatever you can afford", id="donation-pitch"),
        pytest.param("Related Articles", id="related"),
        pytest.param("Trending now", id="trending"),
        pytest.param("Recently Popular", id="popular"),
        pytest.param("Advertisement", id="advertisement"),
        pytest.param("Connect with us", id="social"),
        pytest.param("special coverage by OpIndia", id="promo"),
        pytest.param("OpIndia Staff", id="author-box"),
        pytest.param("Staff reporter at OpIndia", id="author-bio"),
    ],
)
def test_news_page_furniture_is_in_no_block(opindia, furniture):
    assert furniture not in all_text(opindia)


def test_news_page_fields_keep_the_header_date_as_an_uncertain_capture_date(opindia):
    fields = opindia.document.fields
    assert fields["title"].value.startswith("China’s real Squid Game: Beijing operates forced")
    assert fields["authors"].value == ["OpIndia Staff"]
    assert fields["authors"].source == "byline"
    assert fields["outlet"].value == "OpIndia"
    assert fields["outlet"].source == "text"
    assert "Staff reporter at OpIndia" in fields["outlet"].evidence
    assert fields["captured"].value == "2024-04-24"
    assert fields["captured"].uncertain
    assert "Wednesday, April 24, 2024" in fields["captured"].evidence
    assert "published" not in fields
    assert "host" not in fields


# --- general rules on small pages ------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("3545651571.jpg", id="image-file-name"),
        pytest.param("IMG_2041 (1).JPEG", id="camera-file-name"),
        pytest.param(". .", id="dot-leader"),
        pytest.param("===========", id="rule"),
        pytest.param(":coffee: :sarcastic:", id="emoji-codes"),
        pytest.param("Open gallery view", id="gallery-control"),
        pytest.param("Image caption", id="caption-label"),
        pytest.param("12 Comments", id="comment-counter"),
        pytest.param("5 min read", id="reading-time"),
        pytest.param("Share Tweet Email", id="share-bar"),
        pytest.param("Subscribe to our newsletter", id="newsletter"),
        pytest.param("- Advertisement -", id="advertisement"),
        pytest.param("Top Bottom", id="forum-scroll-buttons"),
        pytest.param("What's new", id="forum-menu"),
        pytest.param("Home > World > Asia", id="breadcrumb"),
        pytest.param("HomePoliticsBudget talks stall as...", id="glued-breadcrumb"),
    ],
)
def test_furniture_lines_are_recognised(line):
    assert chrome_reason(normalise(line)) is not None


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Sixways", id="one-word-place"),
        pytest.param("and", id="lone-conjunction"),
        pytest.param("Friday, 25 February", id="fixture-date"),
        pytest.param("Give us a break...!!!", id="reader-comment"),
        pytest.param("Playing colours:", id="label"),
        pytest.param("Subs not used: Hamann, Harrison.", id="team-sheet"),
        pytest.param("Support for the bill grew over the summer.", id="sentence-with-nav-word"),
        pytest.param("Share prices fell 3%.", id="share-prices"),
        pytest.param("Top of the table", id="short-phrase"),
    ],
)
def test_content_lines_are_not_furniture(line):
    assert chrome_reason(line) is None


def test_a_byline_gives_authors_and_leaves_the_body():
    page = (
        "Mayor unveils flood plan\n\nBy Jane Doe and John Roe\n\n"
        "The mayor unveiled a flood plan on Monday, promising new barriers along the river.\n\n"
        "Residents said the plan came too late for the homes flooded last winter.\n"
    )
    draft = extract(page)
    assert draft.document.fields["authors"].value == ["Jane Doe", "John Roe"]
    assert draft.document.fields["authors"].source == "byline"
    assert "By Jane Doe" in draft.document.fields["authors"].evidence
    assert texts(draft, "body")[0].startswith("The mayor unveiled")


def test_a_us_dateline_is_read_month_first_from_the_text_s_own_dates():
    page = (
        "Senate passes budget\n\nPosted 12/04/2020\n\n"
        "WASHINGTON - The Senate passed the budget late on December 3, 2020, after a long "
        "debate, sending it to the House.\n"
    )
    published = extract(page).document.fields["published"]
    assert published.value == "2020-12-04"
    assert "month first" in published.evidence


def test_a_page_without_evidence_leaves_its_fields_unset():
    draft = extract("Short note\n\nThe committee will meet again next week to vote.\n")
    assert set(draft.document.fields) <= {"title", "language"}
    assert texts(draft, "body") == ["The committee will meet again next week to vote."]


def test_a_forum_thread_with_a_panel_on_every_post_keeps_replies_own_words():
    panel = "Joined\nMar 3, 2019\nMessages\n1,204\nReaction score\n88\n"
    article = (
        "Port strike enters third week as talks fail to reach a deal with the dockers' union.",
        "The union said its members would stay out until the company restored overtime pay.",
    )
    reply = "The company will cave within days, mark my words."
    page = (
        f"Forums\n\nPort strike enters third week\n\nharbourwatch\n\nSenior Member\n{panel}"
        f"{article[0]}\n\n{article[1]}\n\n"
        f"skeptic_99\n\nMember\n{panel}harbourwatch said:\n{article[0]}\n{article[1]}\n"
        f"Click to expand...\n{reply}\n\nReply\n\n"
        f"dockside\n\nNew member\n{panel}{reply}\nNo chance, they have lasted longer before.\n"
    )
    draft = extract(page)
    assert texts(draft, "body") == list(article)
    assert texts(draft, "comment") == [reply, "No chance, they have lasted longer before."]
    assert draft.document.fields["host"].value == "forum repost by harbourwatch"
    assert draft.document.fields["title"].value == "Port strike enters third week"


def test_empty_text_gives_no_blocks_and_no_fields():
    draft = extract("\n \n\u00a0\n")
    assert draft.blocks == []
    assert draft.document.fields == {}


def test_a_page_that_opens_with_prose_has_no_title():
    prose = (
        "The council met on Tuesday evening and agreed, after a long debate that ran past "
        "midnight, to postpone the vote on the new housing plan until the spring session."
    )
    draft = extract(prose + "\n\nMembers will meet again in March.\n")
    assert "title" not in draft.document.fields
    assert texts(draft, "body")[0] == prose


# --- clean text keeps every paragraph --------------------------------------------------


def bbc_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "bbc").glob("*/*.txt"))


def read_bbc(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # one file of the corpus is Latin-1
        return data.decode("latin-1")


@pytest.mark.corpus
def test_clean_bbc_articles_keep_their_headline_and_every_paragraph_in_order(corpus):
    files = bbc_files(corpus)
    assert len(files) > 2000
    headed = []
    for path in files:
        lines = [normalise(line) for line in read_bbc(path).splitlines()]
        content = [line for line in lines if any(char.isalnum() for char in line)]
        draft = extract(read_bbc(path), path.name)
        assert draft.document.value("title") == content[0], path
        expected = list(dict.fromkeys(content[1:]))  # each paragraph once
        assert [block.text for block in draft.blocks] == expected, path
        kinds = {block.kind for block in draft.blocks}
        assert kinds <= {"body", "heading"}, path
        if "heading" in kinds:
            headed.append(path.name)
    # Only the two games round-ups, whose all-capitals game titles are true subheads.
    assert len(headed) <= 2, headed
