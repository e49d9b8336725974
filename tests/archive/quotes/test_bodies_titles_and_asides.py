"""Round twelve's patterns (made-up sentences): a lone name that speaks in narration is a body
"the company" and "it" stand for; a club named as one is "the club"; a paper is its author's; a
body's official speaks for the body; a title written in capitals and a thing after "the" are no
people; a reporting clause set in commas inside a sentence names the speaker of its quote; a
body's name holds a plural's possessive ("Actors' Equity Association")."""

from __future__ import annotations

from tests.archive.quotes.test_quotes import attribute, speaker_of


def test_a_lone_name_that_speaks_is_the_body_the_company_and_it_stand_for():
    document = attribute(
        "Nexlon has said it will replace more than 14 million power cables for its consoles.",
        "The company said the move was a “preventative step” after reports of fire hazards. "
        "Nexlon said it had received 30 reports of minor damage.",
        "In a statement, it added: “In almost all instances, any damage was contained within "
        "the console itself.”",
    )
    assert speaker_of(document, "preventative step") == "Nexlon"
    assert speaker_of(document, "In almost all instances") == "Nexlon"


def test_a_club_named_as_a_club_is_the_club_that_speaks_later():
    document = attribute(
        "Shares in struggling German football club Vorwarts Dortfeld slipped on Monday.",
        "The club, which has posted record losses, said last week that it was in “a "
        "life-threatening profitability and financial situation”.",
    )
    assert speaker_of(document, "life-threatening") == "Vorwarts Dortfeld"


def test_a_paper_by_someone_is_its_authors():
    document = attribute(
        "Mobile TV trials have begun in Oxford.",
        "A separate study by Gartway has also said real-time TV broadcasts to mobiles are "
        "“unlikely” to take off soon. A report by the National Audit Office said the plan was "
        "“deeply flawed”.",
    )
    assert speaker_of(document, "unlikely") == "Gartway"
    assert speaker_of(document, "deeply flawed") == "National Audit Office"


def test_a_bodys_official_speaks_for_the_body_and_a_countrys_for_no_one():
    document = attribute(
        "Juventus have confirmed Adrian Mutescu will train with the club.",
        "“Mutescu will be in our club's main stand,” said a Juventus official. “Then he will "
        "meet some important people of the club,” he added.",
        "A US official said: “We know nothing of the move.”",
    )
    assert speaker_of(document, "main stand") == "Juventus"
    assert speaker_of(document, "important people") == "Juventus"
    assert speaker_of(document, "know nothing") is None


def test_a_title_written_in_capitals_is_no_person_the_presenter_stands_for():
    document = attribute(
        "Cat Dooley has resigned as host of the Saturday morning music show after six years.",
        "The 28-year-old host who also presents Stars In Their Eyes said she wanted to "
        "concentrate on new projects. “I've had a great few years,” the presenter said.",
    )
    assert speaker_of(document, "great few years") != "Stars In Their Eyes"
    assert "Stars In Their Eyes" not in {p.name for p in document.people}


def test_a_thing_after_the_is_no_man_he_refers_to():
    document = attribute(
        "Defiant Matt Wilkins says he will not quit as Scotland coach.",
        "That would leave the Scots as favourites to win the Wooden Spoon for the second year "
        "running. “I have never quit anything in my life,” he told BBC Sport.",
    )
    assert speaker_of(document, "never quit") == "Matt Wilkins"


def test_a_reporting_clause_in_commas_names_the_speaker_of_its_sentences_quote():
    document = attribute(
        "The euro rose against the dollar on Monday.",
        "The European ministers' comments, said Junya Tanaka of JPMorgan Chase bank in Tokyo, "
        "were “generally too weak to produce a market reaction”.",
    )
    assert speaker_of(document, "too weak") == "Junya Tanaka"


def test_a_bodys_name_holds_a_plurals_possessive():
    document = attribute(
        "Ossie Davison has died aged 87.",
        "The Actors' Equity Association issued a statement calling Davison “an icon in the "
        "American theatre”.",
    )
    assert speaker_of(document, "an icon") == "Actors' Equity Association"
