"""Round five's patterns (made-up sentences): a surname with a describing word before it, a
woman first named by her given name and later in full, and a team's player described by role.
"""

from __future__ import annotations

import pytest

from archive.quotes.genders import gender_of_given
from archive.quotes.names import looks_human, modifies_surname
from tests.archive.quotes.test_quotes import attribute, speaker_of


def test_a_describing_word_before_a_surname_is_no_given_name():
    document = attribute(
        "Robbie Keane scored the only goal of the night.",
        "Matchwinner Keane was delighted. “It was a great ball from the left,” said Keane.",
        "Oscar-nominated Owen said: “The whole award season is new to me.”",
    )
    assert speaker_of(document, "It was a great ball") == "Robbie Keane"
    assert speaker_of(document, "The whole award season") == "Owen"
    people = [p.name for p in document.people]
    assert "Matchwinner Keane" not in people and "Oscar-nominated Owen" not in people


@pytest.mark.parametrize(
    ("word", "modifies"),
    [
        ("Matchwinner", True),
        ("Oscar-nominated", True),
        ("Man-of-the-match", True),
        ("Skipper", True),
        ("Tim", False),  # "Tim Baker" is a name
        ("Jean-Pierre", False),  # a hyphenated given name
        ("Mr", False),
    ],
)
def test_only_describing_words_are_taken_off_a_surname(word, modifies):
    assert modifies_surname(word) is modifies


def test_a_woman_named_first_by_her_given_name_is_the_one_named_in_full_later():
    document = attribute(
        "The singer said he was tired of the cameras. His wife Sharon agreed. “Now everybody "
        "is doing reality shows,” she said.",
        "Sharon Osbourne is a judge on a talent show. “I love the job,” Sharon Osbourne said.",
    )
    assert speaker_of(document, "Now everybody") == "Sharon Osbourne"
    assert [p.name for p in document.people].count("Sharon Osbourne") == 1


def test_a_club_s_player_described_by_position_is_the_player_not_the_club():
    document = attribute(
        "Skipper Jason Robinson believes there is nothing wrong with the mood in the camp.",
        "“There is no lack of confidence in the team,” said the Sale full-back.",
    )
    assert speaker_of(document, "There is no lack") == "Jason Robinson"


def test_a_person_named_after_a_determiner_and_role_is_the_subject_not_the_name_in_between():
    document = attribute(
        "Vera Drake won best director for Mike Leigh and best actress for Imelda Staunton.",
        "Her director Leigh, who beat Martin Scorsese to the best director award, told the "
        "audience: “We always say it was a surprise.”",
    )
    assert speaker_of(document, "We always say") == "Mike Leigh"


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Jaime Lissavetzky", "m"),
        ("Damien Duff", "m"),
        ("Robbie Keane", "m"),
        ("Zinedine Zidane", "m"),
        ("Kylie Minogue", "f"),
        ("Condoleezza Rice", "f"),
        ("Sasha Grey", None),  # a name used by either sex says nothing
    ],
)
def test_common_given_names_beyond_english_ones_tell_he_from_she(name, gender):
    assert gender_of_given(name) == gender
    assert looks_human(name) is (gender is not None)


def test_a_fragment_after_who_accused_belongs_to_the_person_the_clause_is_about():
    document = attribute(
        "His claims were denied by Foreign Secretary Jack Straw, who accused the Tories of "
        "“running scared” of debate."
    )
    assert speaker_of(document, "running scared") == "Jack Straw"


def test_blaming_and_describing_report_the_words_of_their_subject():
    document = attribute(
        "Tory chairman Liam Fox said the plan was flawed. He blamed Labour for a “multitude "
        "of problems” in the agency.",
        "Mr Fox called it a “smear”, describing the claims as “a downright lie”.",
    )
    assert speaker_of(document, "multitude of problems") == "Liam Fox"
    assert speaker_of(document, "a downright lie") == "Liam Fox"


def test_a_capitalised_common_word_opening_a_sentence_is_no_speaker():
    document = attribute(
        "Users will be able to see the song title on screen and ask: “What is this?”",
    )
    assert speaker_of(document, "What is this") is None
    assert "Users" not in [p.name for p in document.people]


def test_every_quoted_stretch_of_a_reported_sentence_is_its_speaker_s():
    document = attribute(
        "The singer's lawyer Howard Weitzman said Ms Love had “turned her life around” and "
        "she was “clean and sober”.",
    )
    assert speaker_of(document, "turned her life around") == "Howard Weitzman"
    assert speaker_of(document, "clean and sober") == "Howard Weitzman"


def test_a_past_verb_of_saying_before_to_or_of_still_governs_its_fragment():
    document = attribute(
        "Tony Blair spoke in Gateshead. Looking ahead to the election, he pledged to “turn "
        "these beliefs into reality”.",
        "Tessa Jowell complained of the “scale of misrepresentation”.",
    )
    assert speaker_of(document, "turn these beliefs") == "Tony Blair"
    assert speaker_of(document, "scale of misrepresentation") == "Tessa Jowell"


def test_calling_labelling_and_citing_something_so_report_speech():
    document = attribute(
        "In an e-mail, Dan Lane calls it “an early proof of concept.”",
        "Critics were less kind, with the Los Angeles Times labelling it a “dispiriting vanity "
        "project”.",
        "Rod Stewart introduced Percy Sledge, citing his best-known hit as “one of the best "
        "performances I've ever heard”.",
    )
    assert speaker_of(document, "early proof of concept") == "Dan Lane"
    assert speaker_of(document, "dispiriting vanity project") == "Los Angeles Times"
    assert speaker_of(document, "one of the best performances") == "Rod Stewart"


def test_the_committee_is_the_parliament_s_committee_named_in_lower_case():
    document = attribute(
        "The Commons science and technology committee published its report on Monday.",
        "“We are deeply concerned by the skills shortages,” the committee said.",
    )
    assert speaker_of(document, "deeply concerned") == "Commons science and technology committee"


def test_a_speaker_found_through_a_description_waits_for_review_before_it_is_cited():
    document = attribute(
        "Spain's minister Jaime Lissavetzky backed the decision.",
        "Mr Aragones was not there. “Everyone has to consider their words,” the minister said.",
        "Jaime Lissavetzky added: “We will have zero tolerance.”",
    )
    described = next(q for q in document.quotes if "consider their words" in q.text)
    named = next(q for q in document.quotes if "zero tolerance" in q.text)
    assert described.speaker == "Jaime Lissavetzky" and described.confidence < 0.9
    assert named.speaker == "Jaime Lissavetzky" and named.confidence >= 0.9
