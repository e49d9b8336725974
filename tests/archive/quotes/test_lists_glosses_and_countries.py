"""Round nine's patterns (made-up sentences): the last name of a list is no subject; the name
after an inverted "says" is; a name an editor glosses in brackets inside a quote is not its
speaker; a person after a country's possessive is a person; a body's name ends before a comma and a
person's name. Each fails on round eight's code."""

from __future__ import annotations

from tests.archive.quotes.test_quotes import attribute, speaker_of


def test_the_last_actor_of_a_list_is_not_the_winner_he_refers_to():
    document = attribute(
        "Marcus Fenwright beat actors including Clive Orwell, Jamie Fosse and Alan Ardley to "
        "the prize. He thanked Eastwick and described the film as “a labour of love”."
    )
    assert speaker_of(document, "labour of love") == "Marcus Fenwright"


def test_the_name_after_an_inverted_says_is_the_next_he():
    document = attribute(
        "Professor Raj Ready has spent his career on cheap computers. “I come from a "
        "village,” says Prof Ready.",
        "Prof Ready thinks aid is the wrong approach. Prof Ready says the poor are a market.",
        "Prof Ready has teamed up with Eric Brauer at the University of Utah. The answer, "
        "says Prof Brauer, is wi-fi.",
        "“We are looking at what you see in cafes,” he says.",
    )
    assert speaker_of(document, "what you see in cafes") == "Eric Brauer"


def test_a_player_glossed_in_brackets_inside_the_quote_is_not_its_speaker():
    document = attribute(
        "Maria Saldana beat Jelena Kostov in three sets. Next up for her is US Open champion "
        "Svetlana Kuzmina, who is in fine form.",
        "“She (Kuzmina) is a great player,” she said.",
    )
    assert speaker_of(document, "great player") == "Maria Saldana"


def test_a_player_after_her_countrys_possessive_is_the_she_who_speaks():
    document = attribute(
        "Former champion Conchita Marquez and India's Sania Mirzani also won. Mirzani, the "
        "youngest player in the draw, will now face champion Svetlana Kuzmina.",
        "But she is remaining confident. “She (Kuzmina) is a great player,” she said.",
    )
    assert speaker_of(document, "great player") == "Sania Mirzani"


def test_a_role_of_a_body_then_a_name_without_a_closing_comma_is_that_person():
    document = attribute(
        "Lib Dem home affairs spokesman Mark Oakley said the plans were flawed.",
        "The chairman of the Bar Council, Guy Mansell QC warned there was a real risk that "
        "people on the “margins of society” would be driven away.",
    )
    assert speaker_of(document, "margins of society") == "Guy Mansell"
