"""Round eight's patterns (made-up sentences): a club named before a role and a person is no
person; an outlet spoken to is no speaker; names inside a list or a relative clause are no
subject; an event's name with a possessive is no one."""

from __future__ import annotations

from tests.archive.quotes.test_quotes import attribute, speaker_of


def test_a_club_before_a_role_and_a_name_is_not_the_person_he_refers_to():
    document = attribute(
        "Marlow Sharks director of rugby Pierre Lacombe has reopened the debate.",
        "Marlow host Kendal on Friday, but the Frenchman has had a hard week. “It is an "
        "important game and we have one session,” he told BBC Sport.",
    )
    assert speaker_of(document, "one session") == "Pierre Lacombe"


def test_players_listed_after_including_do_not_take_over_from_the_subject():
    document = attribute(
        "Marlow boss Pierre Lacombe is angry.",
        "Now he fears for the cup after eight players, including captain Jason Ridley and "
        "fly-half Carl Dobson, were away. “We are in the quarter-finals,” he added.",
    )
    assert speaker_of(document, "quarter-finals") == "Pierre Lacombe"


def test_an_event_named_with_a_possessive_is_not_the_woman_she_refers_to():
    document = attribute(
        "Marta Lindqvist says she might return to tennis.",
        "The former world number one will play at the Sorrento Women's Classic next month. "
        "“The tournament is a test,” she said.",
    )
    assert speaker_of(document, "tournament is a test") == "Marta Lindqvist"


def test_the_paper_spoken_to_is_not_the_aged_description_that_speaks():
    document = attribute(
        "Marta Lindqvist says she might return to tennis.",
        "Speaking to La Gazette, the 26-year-old Swiss added: “There will not be as many "
        "people there.”",
    )
    assert speaker_of(document, "not be as many people") == "Marta Lindqvist"


def test_a_relative_clause_naming_others_leaves_its_person_the_subject():
    document = attribute(
        "Music mogul Tony Fenwick will produce the film.",
        "Mr Fenwick, who also worked with the band New Era, as well as the Lazy Sundays, said "
        "he would “rather not” appear in it.",
    )
    assert speaker_of(document, "rather not") == "Tony Fenwick"


def test_the_body_a_director_works_for_after_his_name_does_not_take_his_words():
    document = attribute(
        "“Players are becoming mainstream,” said Lee Rainford, director of the Pew Media and "
        "Society Project. “More growth is inevitable,” he added."
    )
    assert speaker_of(document, "More growth") == "Lee Rainford"
