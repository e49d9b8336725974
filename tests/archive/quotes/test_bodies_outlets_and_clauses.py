"""Round eight's patterns (made-up sentences): a club named before a role and a person is no
person; an outlet spoken to is no speaker; names inside a list or a relative clause are no
subject, the person a relative clause is about is; an event's name with a possessive, and a
region, are no one; a role opening a sentence stays with the person it stood for. Eight of
these fail on round seven's code; the other three guard what must stay."""

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


def test_a_family_name_that_is_also_a_faith_is_still_a_woman_she_refers_to():
    document = attribute(
        "Lawyer Louise Christian, who represents two of the men, said the government should "
        "have acted sooner. She said: “They colluded with it.”"
    )
    assert speaker_of(document, "colluded with it") == "Louise Christian"


def test_films_listed_after_a_person_do_not_become_the_man_he_refers_to():
    document = attribute(
        "For Rick Deane, director of business development at Vistar, the future is exciting. "
        "He has worked on the Star Wars trilogy, Finding Nemo, The Incredibles and Indiana "
        "Jones. “There was a time when the film world was different,” he told the BBC."
    )
    assert speaker_of(document, "film world was different") == "Rick Deane"


def test_a_person_a_relative_clause_is_about_is_the_next_he():
    document = attribute(
        "Striker Fernando Morales joined in January.",
        "Parry revealed the club is still talking to a mystery investor. That prompted the "
        "withdrawal of tycoon Steve Morland, who got frustrated by failed bids and what he "
        "claimed was indecision. He also accused the club of using him as “a stalking horse” "
        "to attract other bids.",
    )
    assert speaker_of(document, "stalking horse") == "Steve Morland"


def test_a_region_named_after_a_man_is_no_man_he_refers_to():
    document = attribute(
        "Bob Halloran served in Latin America for years.",
        "“These guys were heroes,” he said.",
    )
    assert speaker_of(document, "were heroes") == "Bob Halloran"


def test_a_role_that_opens_a_sentence_about_the_topic_stays_with_that_person():
    document = attribute(
        "The days of apologising for the past are over, Gordon Bryce has said.",
        "The chancellor, speaking during a tour of Africa, said it was time to talk about "
        "British values. Mr Bryce signed a debt relief deal. BBC correspondent Mark Mardon "
        "said Britishness had long been a theme of the chancellor's.",
        "“We make this offer unilaterally,” the chancellor said.",
    )
    assert speaker_of(document, "offer unilaterally") == "Gordon Bryce"
