"""Round seven's patterns (made-up sentences): a person named beside the body they work for is
the speaker, not the body; a rugby position before a name leaves the name the subject."""

from __future__ import annotations

from tests.archive.quotes.test_quotes import attribute, speaker_of


def test_said_a_person_of_a_body_described_in_plain_words_names_the_person():
    document = attribute(
        "“Audiences like to feel part of the night,” said Dana Whitcombe of box office "
        "tracker Screen Counts. “It shows in the ratings.”"
    )
    assert speaker_of(document, "feel part of the night") == "Dana Whitcombe"
    assert speaker_of(document, "shows in the ratings") == "Dana Whitcombe"


def test_a_person_a_comma_and_their_body_before_said_names_the_person():
    document = attribute(
        "Colm Ashby, Seaton Guest House Association said: “We tried hard to bring them "
        "back. “I hope the city can cope.”"
    )
    assert speaker_of(document, "bring them back") == "Colm Ashby"
    assert speaker_of(document, "city can cope") == "Colm Ashby"


def test_a_body_listed_after_a_comma_inside_its_own_name_stays_one_body():
    document = attribute(
        "The Department for Culture, Media and Sport said: “The review will report in May.”"
    )
    assert speaker_of(document, "review will report") == "Department for Culture, Media and Sport"


def test_a_position_before_a_name_leaves_the_player_the_subject_he_refers_to():
    document = attribute(
        "Wales number eight Rhys Morgan says replacing Owain Price as captain will be easy.",
        "“You never dream that you will one day lead your country,” he said.",
    )
    assert speaker_of(document, "lead your country") == "Rhys Morgan"
