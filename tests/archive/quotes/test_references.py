"""Who a pronoun, a bare surname, a description or an unnamed spokesperson stands for.

Made-up sentences only, through the quotes stage (tests/archive/quotes/test_quotes.py).
"""

from __future__ import annotations

from tests.archive.quotes.test_quotes import attribute, speaker_of

# --- "he" and "she" ---------------------------------------------------------------------


def test_he_is_the_man_just_introduced_not_the_last_speaker():
    document = attribute(
        "“We open in Leeds in March,” said the producer, Colin Marsh.",
        "The show's director is Martin Ebbing, known for his work in opera. "
        "“It will be unlike anything on stage,” he said.",
    )
    assert speaker_of(document, "unlike anything") == "Martin Ebbing"


def test_he_is_the_subject_of_the_sentence_before_not_a_man_it_mentions():
    document = attribute(
        "Mayors across the state have endorsed Ann Keller.",
        "Holbrook, a former union leader, had close ties to Governor Dan Reyes. "
        "But on Sunday he finally backed Keller.",
        "“She fights for working families,” he said.",
    )
    assert speaker_of(document, "working families") == "Holbrook"


def test_a_spokesman_named_only_in_narration_still_speaks_for_his_party():
    document = attribute(
        "Much of the money came from the businessman Sir Alan Prowse. "
        "But a Green Party spokesman said the other parties had spent far more. "
        "“We had to buy the advertising space,” he added."
    )
    quote = next(q for q in document.quotes if "advertising space" in q.text)
    assert (quote.speaker, quote.speaker_kind) == ("Green Party", "organisation")


def test_the_spokesman_of_a_person_is_not_that_person():
    document = attribute(
        "Prime Minister Edward Hale's official spokesman said: “We will study the judgment.”"
    )
    assert speaker_of(document, "study the judgment") is None


# --- Surnames -----------------------------------------------------------------------------


def test_a_bare_surname_is_the_person_the_text_calls_by_it_not_a_relative():
    document = attribute(
        "As Walter Brandt began his tour, his son said the campaign was just getting started.",
        "Pete Brandt spoke on breakfast television on Monday.",
        "“This will be a hard fight,” Pete Brandt said.",
        "Brandt coined the phrase at a rally on Saturday.",
        "“Nobody controls me,” he said then.",
    )
    assert speaker_of(document, "Nobody controls me") == "Walter Brandt"


def test_a_double_family_name_is_found_by_its_first_part():
    document = attribute(
        "Melba Acosta Febo leads the island's development bank.",
        "“We usually get that money back,” Ms. Acosta said.",
    )
    assert speaker_of(document, "money back") == "Melba Acosta Febo"
    assert [p.name for p in document.people] == ["Melba Acosta Febo"]


# --- Descriptions ---------------------------------------------------------------------------


def test_a_broadcaster_described_as_the_station_is_never_a_person():
    document = attribute(
        "The new show replaces the one the late DJ Ron Tamsin presented on Radio Kestrel.",
        "The hosts were chosen for their “knowledge of music of every kind”, the station said.",
    )
    assert speaker_of(document, "knowledge of music") != "Ron Tamsin"


# --- Quotes continued ---------------------------------------------------------------------


def test_a_quote_opening_the_paragraph_continues_the_last_speaker_not_a_name_after_it():
    document = attribute(
        "“I knew nothing about the singer before this film,” said Lena Carr.",
        "“There is darkness in the story, and it was a dream to land the part.” "
        "Actress Rita Moss, whom she plays, lives quietly in Malibu.",
    )
    assert speaker_of(document, "darkness in the story") == "Lena Carr"


def test_a_name_whose_verb_introduces_the_next_quote_does_not_speak_this_one():
    document = attribute(
        "Coach Sam Bell said: “We were poor. “But the journey goes on for us.” "
        "Striker Jan de Wit added: “It was not a beautiful match.”"
    )
    assert speaker_of(document, "journey goes on") == "Sam Bell"
    assert speaker_of(document, "beautiful match") == "Jan de Wit"


def test_a_closing_mark_after_a_space_still_ends_the_sentence():
    document = attribute(
        'Campaign chairman John Stowe said: "A year ago the plan was published. '
        '"Yet a year later the protesters are still here. " '
        "A ruling from Mr Justice Penn is expected in February."
    )
    assert speaker_of(document, "protesters are still here") == "John Stowe"


def test_a_description_of_a_persons_career_stands_for_the_person_the_text_is_about():
    document = attribute(
        "Investment will lift poor neighbourhoods, Ben Carlton said on Monday.",
        "“First of all, people have to stop and listen,” the retired neurosurgeon told Radio Nine.",
    )
    assert speaker_of(document, "stop and listen") == "Ben Carlton"


def test_the_man_is_an_unnamed_man_not_the_last_person_named():
    document = attribute(
        "The imam, Karim Sayed, led prayers for the victims on Sunday.",
        "A worshipper waited outside. “I do not think this was planned,” the man said.",
    )
    quote = next(q for q in document.quotes if "was planned" in q.text)
    assert (quote.speaker, quote.confidence) == (None, 0.0)


def test_slogans_and_laws_in_capitals_are_no_one_a_pronoun_can_be():
    document = attribute(
        "Bill Carver signed No Child Left Behind, promising that no child would be left behind.",
        "“The idea of a national test every year was wrong,” he said.",
    )
    assert speaker_of(document, "national test") == "Bill Carver"


def test_a_party_member_described_by_place_is_the_person_not_a_name():
    document = attribute(
        "Paul Ridley met donors in Milwaukee on Thursday.",
        "“Republicans want to see unity,” the Wisconsin Republican said.",
    )
    assert speaker_of(document, "want to see unity") == "Paul Ridley"


def test_a_he_in_passing_does_not_decide_a_womans_gender():
    document = attribute(
        "Patti Dorn, the senator's daughter, attacked Tom Vance on Wednesday.",
        "Dorn lashed out on Facebook, telling Vance that whatever he meant, words matter.",
        "“I am the daughter of a man who was shot,” she wrote.",
    )
    assert speaker_of(document, "daughter of a man") == "Patti Dorn"
