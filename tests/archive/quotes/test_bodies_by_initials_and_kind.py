"""Round ten's patterns (made-up sentences): a body's initials name it even where the
document writes them in lower case in an address; "the club" and "the bank" are the body the
text named last; a rank before a name in commas is a role; a description is no one named with its
role only later; a body's survey or statement is the body's; so are the words of "a spokesman"
the text ties to no other body, when a body has just spoken. Each fails on round nine's code."""

from __future__ import annotations

from tests.archive.quotes.test_quotes import attribute, speaker_of


def test_initials_written_in_lower_case_in_an_address_still_name_the_body():
    document = attribute(
        "Hoax e-mails claiming to come from the bureau have been sent to thousands.",
        "“Recipients should know that we never send such e-mails,” the FBI said in a "
        "statement. The agency shut down its fbi.gov accounts this month.",
    )
    assert speaker_of(document, "never send such e-mails") == "FBI"


def test_the_club_is_the_club_the_text_named_last():
    document = attribute(
        "Dunmore United's board has agreed to give tycoon Martin Glass access to its books.",
        "Dunmore United's response comes as little surprise. “Any board has a duty to "
        "consider an offer,” the club said in its statement.",
    )
    assert speaker_of(document, "duty to consider") == "Dunmore United"


def test_a_rank_then_a_name_in_commas_is_the_named_officer():
    document = attribute(
        "Police have arrested twelve people over an online fraud.",
        "The head of the unit, Acting Detective Chief Superintendent, Mick Deacon, said: "
        "“This has disrupted a serious network.”",
    )
    assert speaker_of(document, "disrupted a serious network") == "Mick Deacon"


def test_a_description_is_not_someone_the_text_names_with_that_role_only_later():
    document = attribute(
        "Rock star Patti Sloane has been made artistic director of this year's festival.",
        "The punk pioneer follows Morrissey in directing 15 days of concerts. Sloane has yet to "
        "decide the line-up. “I want to touch on all aspects of our culture,” she said.",
        "The 58-year-old US singer of Because the Night told The Observer newspaper that the "
        "festival would be her response to these “material and greedy times”. “It is "
        "important we explore the new,” she said. Last year's festival, directed by the "
        "ex-Smiths star Morrissey, included appearances by singer Jane Barkin, Nancy Sinatra "
        "and playwright Alan Bent.",
    )
    assert speaker_of(document, "material and greedy") == "Patti Sloane"
    assert speaker_of(document, "explore the new") == "Patti Sloane"


def test_a_survey_named_for_its_body_is_that_bodys_not_the_last_body_named():
    document = attribute(
        "House prices fell 0.4% in November, said Nationhold, and Capital Analytics expects "
        "more falls.",
        "Despite a rise in December, the Halifax survey concluded that there were “continuing "
        "signs of a genuine slowdown”.",
    )
    assert speaker_of(document, "genuine slowdown") == "Halifax"


def test_an_agency_statement_is_the_agencys():
    document = attribute(
        "The International Atomic Energy Agency wants new computers for its inspectors.",
        "“Failure to replace the hardware will hamper our work,” said an agency statement.",
    )
    assert speaker_of(document, "hamper our work") == "International Atomic Energy Agency"


def test_a_spokesperson_of_no_named_body_speaks_for_the_body_that_just_spoke():
    document = attribute(
        "An airline has fired a flight attendant over photographs she posted online.",
        "“We do not comment on staff,” Delta said. The spokesperson also confirmed that there "
        "were “very clear rules” on what staff may post.",
    )
    assert speaker_of(document, "very clear rules") == "Delta"
