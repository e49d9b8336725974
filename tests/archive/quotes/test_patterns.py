"""The patterns issue 11 saw attribution get wrong, one test each, on made-up sentences.

Each runs the quotes stage of the ingest pipeline (archive.ingest.stages.attribute_quotes);
tests/archive/quotes/test_cli_attribution.py runs a few through `cuttings add` and `show`.
"""

from __future__ import annotations

import pytest

from archive.model import Document, Quote
from tests.archive.quotes.test_quotes import attribute, speaker_of


def quote_with(document: Document, fragment: str) -> Quote:
    found = [q for q in document.quotes if fragment in q.text]
    assert found, f"no quote contains {fragment!r}: {[q.text for q in document.quotes]}"
    return found[0]


# --- Dotted titles and middle initials ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "“The bridge will be rebuilt,” said Dr. Helena Varga.", "Helena Varga", id="Dr."
        ),
        pytest.param(
            "“The results are encouraging,” said Prof. Jacob Lavee.", "Jacob Lavee", id="Prof."
        ),
        pytest.param("Sen. Ted Cruz said: “We will not back down.”", "Ted Cruz", id="Sen."),
        pytest.param(
            "Rep. Nancy Pelosi told reporters: “The vote is on Tuesday.”", "Nancy Pelosi", id="Rep."
        ),
        pytest.param("“We are ready,” Gov. Mike Pence said on Monday.", "Mike Pence", id="Gov."),
        pytest.param(
            "“I was not consulted,” said Ms. Anna Kowal, a parent.", "Anna Kowal", id="Ms."
        ),
        pytest.param(
            "“Rates will rise slowly,” said Janet L. Yellen.", "Janet L. Yellen", id="initial"
        ),
    ],
)
def test_dotted_titles_and_initials_neither_end_the_name_nor_become_it(text, speaker):
    document = attribute(text)
    assert [q.speaker for q in document.quotes] == [speaker]
    assert [p.name for p in document.people] == [speaker]


def test_a_middle_initial_does_not_end_the_sentence_a_pronoun_looks_back_into():
    document = attribute(
        "Janet L. Yellen, the Fed chair, spoke in Washington. She said: “Rates will rise slowly.”"
    )
    assert speaker_of(document, "Rates will rise") == "Janet L. Yellen"


# --- Pronoun and description sources -----------------------------------------------------


def test_he_said_resolves_to_the_person_named_before_with_the_chain_as_evidence():
    document = attribute(
        "Ethan Gutmann, an independent researcher, has studied the camps for years.",
        "“The practice never stopped,” he said.",
    )
    quote = quote_with(document, "never stopped")
    assert quote.speaker == "Ethan Gutmann"
    assert quote.evidence["chain"] == [
        {"paragraph": 2, "text": "he"},
        {"paragraph": 1, "text": "Ethan Gutmann"},
    ]


def test_the_senator_added_resolves_to_the_senator_the_text_named():
    document = attribute(
        "Sen. Ted Cruz of Texas spoke to voters in Iowa on Monday.",
        "“We will win this state,” the senator added.",
    )
    assert speaker_of(document, "win this state") == "Ted Cruz"


def test_the_campaign_said_names_the_campaign_the_text_introduced():
    document = attribute(
        "The Clinton campaign released its economic plan on Friday.",
        "“This plan helps working families,” the campaign said in a statement.",
    )
    quote = quote_with(document, "working families")
    assert (quote.speaker, quote.speaker_kind) == ("Clinton campaign", "organisation")


def test_she_is_the_woman_of_the_two_people_named():
    document = attribute(
        "Tom Reyes and Dana Whitfield met the mayor on Monday.",
        "Reyes left early. Ms. Whitfield stayed to the end.",
        "“We got what we came for,” she said.",
    )
    assert speaker_of(document, "what we came for") == "Dana Whitfield"


def test_he_can_be_a_man_the_narration_named_as_an_object():
    document = attribute(
        "Tom Reyes spoke first and praised the new budget at length.",
        "Then the hall turned to Victor Lindqvist. He was unimpressed. "
        "“These numbers will not add up,” he said.",
    )
    assert speaker_of(document, "will not add up") == "Victor Lindqvist"


def test_two_people_who_share_a_surname_stay_two_people():
    document = attribute(
        "Heidi and Ted Cruz arrived in Des Moines on Sunday.",
        "“We love Iowa,” Mrs. Cruz said.",
        "“We will win here,” Mr. Cruz said.",
    )
    assert speaker_of(document, "love Iowa") == "Heidi Cruz"
    assert speaker_of(document, "win here") == "Ted Cruz"
    assert [p.name for p in document.people] == ["Heidi Cruz", "Ted Cruz"]


# --- Where the speaker is named -------------------------------------------------------------


def test_a_speaker_named_after_the_quote_with_a_role():
    document = attribute("“We expected a bigger crowd tonight,” said Mara Lindqvist, a planner.")
    assert speaker_of(document, "bigger crowd") == "Mara Lindqvist"
    assert document.people[0].role == "a planner"


def test_a_speaker_named_in_the_next_sentence():
    document = attribute("“We will not back down.” Ana Ortiz said it twice at the meeting.")
    assert speaker_of(document, "back down") == "Ana Ortiz"


def test_the_subject_of_the_cue_wins_over_another_name_in_the_paragraph():
    document = attribute(
        "Tom Reyes met Ana Ortiz in Boston on Friday. Ortiz fired back: “The figures are wrong.”"
    )
    assert speaker_of(document, "figures are wrong") == "Ana Ortiz"


def test_a_verb_the_rules_do_not_list_still_introduces_a_quote():
    document = attribute("Ana Ortiz tweeted on Monday: “The figures are wrong.”")
    assert speaker_of(document, "figures are wrong") == "Ana Ortiz"


# --- Organisations and spokespeople -----------------------------------------------------


def test_a_spokeswoman_for_the_council_speaks_for_the_council():
    document = attribute(
        "Brent Council voted on the plan last week.",
        "“The decision is final,” a spokeswoman for the council said.",
    )
    quote = quote_with(document, "decision is final")
    assert (quote.speaker, quote.speaker_kind) == ("Brent Council", "organisation")


def test_a_spokesman_named_with_his_organisation_speaks_for_it():
    document = attribute("A US Embassy spokesman said: “We are processing the visas quickly.”")
    assert speaker_of(document, "processing the visas") == "US Embassy"


def test_a_spokesman_for_a_place_s_body_speaks_for_the_body_not_the_place():
    document = attribute(
        "“This is the biggest Christmas to date,” a spokesman for Manchester's Trafford "
        "Centre said."
    )
    quote = quote_with(document, "biggest Christmas")
    assert (quote.speaker, quote.speaker_kind) == ("Trafford Centre", "organisation")


def test_a_person_introduced_by_their_firm_is_the_person_not_the_firm():
    document = attribute(
        "“There are many more questions than answers,” JP Morgan analyst John Ivankoe said."
    )
    quote = quote_with(document, "more questions")
    assert (quote.speaker, quote.speaker_kind) == ("John Ivankoe", "person")


def test_the_report_concludes_is_the_organisation_that_wrote_it():
    document = attribute(
        "A study by the telecoms firm Brightline looked at internet use.",
        "The idea that the gap will close is “wishful thinking”, the report concludes.",
    )
    assert speaker_of(document, "wishful thinking") == "Brightline"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The Tories said Tony Blair was “terrified” of scrutiny.", "Tories"),
        ("The Tories accused Gordon Brown of a “stealth tax” raid.", "Tories"),
        ("Labour said Mr Howard was “desperate” for votes.", "Labour"),
        ("The Lib Dems said the plan was “a disgrace to the House”.", "Lib Dems"),
    ],
)
def test_a_british_party_speaks_as_itself_not_the_person_it_talks_about(text, party):
    document = attribute(text)
    quote = document.quotes[0]
    assert (quote.speaker, quote.speaker_kind) == (party, "organisation")


def test_words_of_a_persons_spokesman_go_on_as_no_ones():
    document = attribute(
        "Human rights lawyer Carla Fenn said: “This is a landmark ruling.”",
        "Prime Minister Edward Hale's official spokesman said: “We will study the judgment. "
        "A separate case is being considered.” “I can't say anything further.” "
        "But Colonel Bob Stern said: “Soldiers will be saddened.”",
    )
    assert speaker_of(document, "study the judgment") is None
    assert speaker_of(document, "say anything further") is None
    assert speaker_of(document, "saddened") == "Bob Stern"


def test_the_government_said_is_the_government_not_the_last_body_named():
    document = attribute(
        "The Commons education select committee called this “morally indefensible” but "
        "the government said the project had “improved understanding”."
    )
    assert speaker_of(document, "morally indefensible") == "Commons education select committee"
    assert speaker_of(document, "improved understanding") == "government"


def test_a_cue_after_while_is_someone_elses_view_not_this_quotes_speaker():
    document = attribute(
        "The Tories dismissed the maternity pay plan as “desperate”, while the Liberal "
        "Democrats said it was misdirected."
    )
    assert speaker_of(document, "desperate") == "Tories"


def test_a_scare_quote_inside_the_cue_does_not_cut_off_its_speaker():
    document = attribute(
        "Lord Ashby spoke first.",
        "Barbara Fell, one of the so-called “Blair Babes” elected in 1997, told "
        "researchers: “I remember some members made gestures at us.”",
    )
    assert speaker_of(document, "made gestures") == "Barbara Fell"


def test_the_company_is_the_company_the_text_keeps_naming_not_no_one():
    document = attribute(
        "Consumer goods giant Brellium is to merge its two management boards.",
        "Its chairman spoke to investors on Thursday.",
        "Analysts were unimpressed by the plan.",
        "Brellium said European sales fell 2.8% last year.",
        "In the US, revenue grew by 1.5% “despite disappointing sales in Slimline”, "
        "the company said.",
    )
    assert speaker_of(document, "disappointing sales") == "Brellium"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "A Department for Culture, Media and Sport spokeswoman said: “We are aware of it.”",
            "Department for Culture, Media and Sport",
        ),
        (
            "A spokesman for the Department for Work and Pensions said: “No date was given.”",
            "Department for Work and Pensions",
        ),
        (
            "The Commons Work and Pensions Committee said the agency was “failing” its users.",
            "Commons Work and Pensions Committee",
        ),
    ],
)
def test_a_bodys_name_with_for_of_and_and_stays_whole(text, body):
    document = attribute(text)
    assert document.quotes[0].speaker == body


def test_two_people_joined_by_and_stay_two_people():
    document = attribute("Tony Blaine and Gordon Broun met. Mr Broun said: “We are united.”")
    assert speaker_of(document, "united") == "Gordon Broun"


# --- Formats ------------------------------------------------------------------------------


def test_transcript_lines_name_their_speakers():
    document = attribute(
        "Hillary Clinton and Jeb Bush both spoke about the group.",
        "Clinton: “Our goal is to defeat them.” Bush: “The mission is to destroy them.”",
    )
    assert speaker_of(document, "defeat them") == "Hillary Clinton"
    assert speaker_of(document, "destroy them") == "Jeb Bush"


def test_a_quote_signed_with_a_dash_and_a_name():
    document = attribute("“We will rebuild the bridge.” - Mara Lindqvist, council planner")
    assert speaker_of(document, "rebuild the bridge") == "Mara Lindqvist"


def test_quotes_written_with_doubled_apostrophes_are_read():
    document = attribute(
        "''We may finally be seeing some wage growth,'' said Jared Brenner, an economist."
    )
    quote = quote_with(document, "wage growth")
    assert quote.text == "We may finally be seeing some wage growth,"
    assert quote.speaker == "Jared Brenner"


def test_a_doubled_apostrophe_quote_keeps_its_offsets_in_the_passage():
    text = "Mr. Holtz said the report ''is a real surprise'' to most economists."
    document = attribute(text)
    quote = quote_with(document, "real surprise")
    assert text[quote.start : quote.end] == quote.text == "is a real surprise"


# --- Names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param("“It was a hard season,” said Martin O'Neill.", "Martin O'Neill", id="O'"),
        pytest.param("“It was a hard season,” said Martin O’Neill.", "Martin O’Neill", id="O’"),
        pytest.param("Dara Ó Briain said: “The show goes on.”", "Dara Ó Briain", id="Ó"),
        pytest.param("“The talks have failed,” said Ahmed al-Rashid.", "Ahmed al-Rashid", id="al-"),
        pytest.param(
            "“The canal is open,” said Pieter van der Berg.", "Pieter van der Berg", id="van der"
        ),
        pytest.param(
            "According to Il Sole 24 Ore, the plan will focus on “opening up markets, "
            "infrastructure and research”.",
            "Il Sole 24 Ore",
            id="organisation with digits",
        ),
    ],
)
def test_particles_apostrophes_and_digits_stay_in_the_name(text, speaker):
    assert [q.speaker for q in attribute(text).quotes] == [speaker]


def test_an_occupation_opening_a_sentence_is_not_part_of_the_name():
    document = attribute("Goalscorer Jimmy Floyd Barnaby added: “It was not a beautiful match.”")
    assert speaker_of(document, "beautiful match") == "Jimmy Floyd Barnaby"


def test_the_person_a_relative_clause_is_about_speaks_its_quote():
    document = attribute(
        "The claim was backed by his former partner, Princess Adela of Moravia, the eldest "
        "daughter of the late king, who said life with him was “work, work, work”."
    )
    assert speaker_of(document, "work, work") == "Princess Adela"


def test_a_group_named_against_someone_is_an_organisation_not_a_namesake():
    document = attribute(
        "Tom Reyes toured the city on Monday.",
        "Bikers for Reyes and the Coalition Against Reyes applied for permits to march.",
        "Reyes said the show would be great. “It will be a great show,” he said.",
    )
    assert speaker_of(document, "great show") == "Tom Reyes"


def test_a_place_is_never_taken_for_a_person_she_refers_to():
    document = attribute(
        "Puerto Rico missed a payment on Monday, officials said.",
        "“We need more time,” she said, as Ana Duarte left the room.",
    )
    assert speaker_of(document, "more time") != "Puerto Rico"


def test_a_role_phrase_is_never_taken_as_a_person_or_an_organisation():
    document = attribute(
        "The Shadow Secretary of State for the Family said: “Families deserve better.”"
    )
    assert speaker_of(document, "Families deserve") is None
    assert document.people == []


def test_a_role_phrase_names_the_person_who_holds_it():
    document = attribute(
        "Mary Hale, the Shadow Secretary of State for the Family, visited Leeds.",
        "“Families deserve better,” the Shadow Secretary of State for the Family said.",
    )
    assert speaker_of(document, "Families deserve") == "Mary Hale"


def test_chinese_names_keep_their_family_name_first():
    document = attribute(
        "Xi Jinping spoke in Beijing on Tuesday.", "“China will open wider,” Xi said."
    )
    assert speaker_of(document, "open wider") == "Xi Jinping"
    assert "Xi" in document.people[0].aliases


# --- Confidence and evidence ------------------------------------------------------------


def test_every_quote_carries_a_confidence_and_its_evidence():
    document = attribute(
        "Ethan Gutmann, an independent researcher, has studied the camps for years.",
        "“The practice never stopped,” he said. “It simply moved.”",
    )
    for quote in document.quotes:
        assert 0.0 <= quote.confidence <= 1.0
        assert set(quote.evidence) >= {"cue", "rule", "chain", "candidates"}
        assert quote.speaker_kind == "person"
        assert quote.verified is False


def test_a_plain_cue_is_confident_and_a_guess_is_not():
    document = attribute(
        "“We will win this election easily,” said Tony Blair.",
        "The weather in the north was poor all week, and the roads were closed.",
        "“Nobody came to the meeting at all.”",
    )
    confident = quote_with(document, "election easily")
    guessed = quote_with(document, "Nobody came")
    assert confident.confidence >= 0.9
    assert guessed.confidence < confident.confidence


def test_a_quote_no_one_is_named_for_has_no_speaker_and_no_confidence():
    document = attribute("“Nobody came to the meeting at all.”")
    quote = quote_with(document, "Nobody came")
    assert (quote.speaker, quote.confidence) == (None, 0.0)


def test_other_plausible_speakers_are_listed_for_review():
    document = attribute(
        "Tom Reyes met Ana Ortiz in Boston on Friday.",
        "“The figures are wrong,” said Ortiz, who chairs the board.",
    )
    quote = quote_with(document, "figures are wrong")
    assert quote.speaker == "Ana Ortiz"
    assert "Tom Reyes" in quote.evidence["candidates"]


# --- Cue shapes found on development data ------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "fragment", "speaker"),
    [
        pytest.param(
            ("James Comey spoke in Washington.", "Said Comey, “The error was ours alone.”"),
            "error was ours",
            "James Comey",
            id="verb first at a sentence start",
        ),
        pytest.param(
            (
                "“That was the fairer thing to do,” the White House press secretary, Josh Earnest, said.",
            ),
            "fairer thing",
            "Josh Earnest",
            id="a description with the name in apposition",
        ),
        pytest.param(
            (
                "Nigel McCune from the Musicians' Union said British acts are “disadvantaged abroad, badly”.",
            ),
            "disadvantaged",
            "Nigel McCune",
            id="a person from an organisation",
        ),
        pytest.param(
            (
                "Maria Gilbert runs the port.",
                "The city hoped to shed what Gilbert called “a perception problem.”",
            ),
            "perception problem",
            "Maria Gilbert",
            id="what X called",
        ),
        pytest.param(
            (
                "Paul Manafort insisted on CNN that “there was no copying. These were common words.”",
            ),
            "no copying",
            "Paul Manafort",
            id="a verb followed by on",
        ),
        pytest.param(
            ("Hillary Clinton read the email.", "Clinton’s response was: “Is the store in Ohio?”"),
            "store in Ohio",
            "Hillary Clinton",
            id="someone's response was",
        ),
    ],
)
def test_cue_shapes_beyond_said(paragraphs, fragment, speaker):
    assert speaker_of(attribute(*paragraphs), fragment) == speaker


def test_an_exclamation_closing_a_quote_ends_its_sentence():
    document = attribute(
        "David Axelrod wrote to Hillary Clinton in June.",
        "Axelrod told her, “you are an all-star player!” She replied that it was an honour.",
    )
    assert speaker_of(document, "all-star player") == "David Axelrod"


def test_an_unnamed_commenter_is_no_one_not_the_last_speaker():
    document = attribute(
        "“The turnout was huge,” said Jeff Bechdel.",
        "“They will find a way to corrupt it,” wrote one commenter.",
    )
    assert speaker_of(document, "corrupt it") is None


def test_a_title_called_after_a_noun_is_no_quotation():
    assert attribute("The studio released a film called “A Perception Problem.”").quotes == []


def test_a_peer_with_an_office_is_known_by_the_peerage():
    document = attribute("“He was a great judge,” said Lord Chancellor Lord Falconer.")
    assert speaker_of(document, "great judge") == "Lord Falconer"


def test_a_knight_is_named_by_the_given_name():
    document = attribute(
        "Sir Digby Jones, the CBI director general, spoke on Monday.",
        "Sir Digby said: “Please don't give it away.”",
    )
    assert speaker_of(document, "give it away") == "Digby Jones"


def test_an_organisation_opening_with_an_acronym_stays_whole():
    document = attribute("JP Morgan said: “We are a very different company now.”")
    quote = quote_with(document, "different company")
    assert (quote.speaker, quote.speaker_kind) == ("JP Morgan", "organisation")
