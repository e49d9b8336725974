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


def test_he_in_a_sentence_about_a_named_man_is_that_man_not_the_last_speaker():
    document = attribute(
        "Home Secretary Charles Brook says he will make no more concessions.",
        "Lord Ashby, Tory leader in the Lords, warned ministers to "
        "“prepare themselves for substantial rewriting of the Bill”.",
        "But Mr Brook told BBC Radio's Today programme he believed the changes he had made "
        "would be enough. “No Bill goes through Parliament without scrutiny,” he said.",
    )
    assert speaker_of(document, "No Bill goes") == "Charles Brook"


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


def test_a_spokesman_named_later_in_the_paragraph_does_not_take_an_earlier_he():
    document = attribute(
        "Edwin Marlow, chairman of the public accounts committee, said Britain had to lead.",
        "“Any fraud elsewhere is fraud against the taxpayer,” he said. A spokesman for the "
        "Regional Fraud Office said it agreed with the report.",
    )
    assert speaker_of(document, "Any fraud elsewhere") == "Edwin Marlow"


def test_narration_he_after_a_bodys_spokesman_with_no_one_else_named_is_the_body():
    document = attribute(
        "A Brent Council spokesman said the plan was fine. He added that he expected no "
        "delay. “We will start in March,” he said."
    )
    quote = document.quotes[0]
    assert (quote.speaker, quote.speaker_kind) == ("Brent Council", "organisation")


def test_the_spokesman_of_a_person_is_not_that_person():
    document = attribute(
        "Prime Minister Edward Hale's official spokesman said: “We will study the judgment.”"
    )
    assert speaker_of(document, "study the judgment") is None


def test_the_prime_ministers_official_spokesman_is_no_one_and_not_the_last_speaker():
    document = attribute(
        "Opposition leader Martin Hollis said the plan was “a disgrace”.",
        "The prime minister's official spokesman said: “The prime minister is relaxed.”",
        "“We will set out our plans soon,” said the prime minister's official spokesman.",
        "“The cabinet will meet on Tuesday,” he added.",
    )
    assert speaker_of(document, "a disgrace") == "Martin Hollis"
    assert speaker_of(document, "is relaxed") is None
    assert speaker_of(document, "our plans soon") is None
    assert speaker_of(document, "cabinet will meet") is None


def test_a_named_persons_spokesman_and_his_next_words_are_no_one():
    document = attribute(
        "Opposition leader Martin Hollis said the plan was “a disgrace”.",
        "Mr Grant's official spokesman said: “He is focused on the job.” He added: “We will see.”",
        "“Nothing has changed,” he said.",
        "A spokeswoman for Mr Hollis said: “He stands by every word.”",
    )
    assert speaker_of(document, "focused on the job") is None
    assert speaker_of(document, "We will see") is None
    assert speaker_of(document, "Nothing has changed") is None
    assert speaker_of(document, "every word") is None


def test_a_spokesman_for_a_company_still_speaks_for_the_company():
    document = attribute(
        "A Brightwave spokesman said: “We are investigating.”",
        "A spokeswoman for Ask Jeeves said: “We are not affected.”",
    )
    assert speaker_of(document, "investigating") == "Brightwave"
    assert speaker_of(document, "not affected") == "Ask Jeeves"


def test_a_role_written_in_capitals_after_the_is_the_person_not_an_organisation():
    document = attribute(
        "Tory Liam Fenwick said his party offered a “clear choice” on the issue. "
        "The Conservative Party Co-Chairman said voters had been “misled”.",
        "George Galway said he would contest the seat. The Glasgow Kelvin MP, who was "
        "expelled from Labour, accused Ms Kingsley of being a “New Labour stooge”.",
    )
    assert speaker_of(document, "misled") == "Liam Fenwick"
    assert speaker_of(document, "stooge") == "George Galway"


def test_a_capitalised_role_is_not_someone_who_shares_only_its_last_word():
    document = attribute(
        "George Galway is to stand against Labour MP Ona Kingsley at the next election.",
        "Mr Galway said he would contest the seat. The Glasgow Kelvin MP, who was expelled "
        "from Labour, accused Ms Kingsley of being a “New Labour stooge”.",
    )
    assert speaker_of(document, "stooge") == "George Galway"


def test_with_a_name_saying_is_that_persons_quote_not_the_sentence_subjects():
    document = attribute(
        "The Tories are keen to highlight the issue, with Liam Fenwick saying voters had "
        "a “fundamental lack of trust in the prime minister”."
    )
    assert speaker_of(document, "lack of trust") == "Liam Fenwick"


def test_a_role_after_meanwhile_still_opens_the_cue():
    document = attribute(
        "Chancellor Gordon Bryce delivered his ninth Budget on Wednesday.",
        "For the Lib Dems, Vince Cole said the Budget had failed. Mr Cole said taxes would "
        "rise. The chancellor meanwhile insisted his spending plans were “affordable”.",
    )
    assert speaker_of(document, "affordable") == "Gordon Bryce"


def test_the_bishop_is_the_bishop_the_text_named_not_the_paper_he_wrote_in():
    document = attribute(
        "The Bishop of Durnford, the Rt Rev Dr Tom Wrey, described the novel as a "
        "“great thriller” but “lousy history”.",
        "Writing his Christmas message in the Northern Echo, the Bishop said: "
        "“Conspiracy theories are always fun.”",
    )
    assert speaker_of(document, "great thriller") == "Tom Wrey"
    assert speaker_of(document, "Conspiracy theories") == "Tom Wrey"


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
