"""Round four's patterns (made-up sentences): a person named after a description of them, a
phrase that only looks like a role, and cue subjects that name no one.
"""

from __future__ import annotations

import pytest

from archive.quotes.names import looks_human
from archive.quotes.sources import find_sources
from tests.archive.quotes.test_quotes import attribute, speaker_of


def test_a_person_introduced_after_a_demonym_is_the_subject_who_speaks_next():
    document = attribute(
        "By any measure, New Yorker Dick Morris is that thing Americans love - a winner.",
        "UKIP is not likely to pull off a victory in the looming general election. On this "
        "subject, Morris appears almost evangelical.",
        "“I was on a cruise in the Mediterranean and so was the party leader.”",
    )
    assert speaker_of(document, "I was on a cruise") == "Dick Morris"
    assert "Dick Morris" in [p.name for p in document.people]


@pytest.mark.parametrize(
    ("text", "descriptions"),
    [
        ("It was close in the looming general election.", []),
        ("The official figures were out. The official said so.", ["The official"]),
        ("The general who led the army spoke.", ["The general"]),
    ],
)
def test_a_role_word_before_the_noun_it_modifies_describes_no_one(text, descriptions):
    found = [s.text for s in find_sources(text, [], set()) if s.kind == "description"]
    assert found == descriptions


def test_a_capitalised_sentence_opener_like_nobody_is_no_name():
    document = attribute("Nobody doubted the vote would be close. “We are ready for it.”")
    assert speaker_of(document, "We are ready") is None
    assert document.people == []


def test_another_party_member_is_an_unnamed_source_not_a_person_record():
    document = attribute(
        "Paula Grant, a party chair, was hopeful. “Turnout will be high,” she said.",
        "“There are more candidates competing than ever,” added another New Hampshire Republican.",
    )
    assert speaker_of(document, "Turnout will be high") == "Paula Grant"
    assert speaker_of(document, "more candidates competing") is None
    assert [p.name for p in document.people] == ["Paula Grant"]


def test_a_chanting_crowd_is_not_the_politician_named_beside_it():
    document = attribute(
        "As Donald Trump attacked Hillary Clinton, the attendees chanted “Lock her up!” again."
    )
    assert speaker_of(document, "Lock her up") is None


def test_the_spokesman_of_no_named_body_is_no_one_and_not_a_body_called_the():
    document = attribute(
        "However a spokesman pointed out the difficulties. The spokesman said: “Following this "
        "morning's meeting, the government has offered help.”"
    )
    quote = document.quotes[0]
    assert quote.speaker is None
    assert quote.cue == "The spokesman said"
    assert document.people == []


def test_a_person_s_spokesman_keeps_the_whole_cue_and_labour_mps_name_no_one():
    document = attribute(
        "Tony Blair declared himself “delighted”, saying Mr Jackson would be welcomed by Labour "
        "MPs. A spokesman for Michael Howard said his views were “very different” from the "
        "party's. “He believes students should pay tuition fees,” the spokesman said."
    )
    assert [q.cue for q in document.quotes if "different" in q.text] == [
        "A spokesman for Michael Howard said"
    ]
    assert speaker_of(document, "students should pay") is None
    assert "Ps" not in [p.name for p in document.people]


def test_a_spokesman_for_a_body_named_with_its_kind_speaks_for_it_and_his_next_words_too():
    document = attribute(
        "A spokesman for distributor Toho said the film “has received strong interest from "
        "domestic audiences and foreign media alike”. “We have a good feeling about this "
        "film,” he added."
    )
    assert speaker_of(document, "has received strong interest") == "Toho"
    assert speaker_of(document, "good feeling") == "Toho"


def test_the_film_before_a_long_lowercase_quote_is_no_title_but_spirited_away_is():
    document = attribute(
        "Mr Suzuki said the film “has received strong interest from audiences at home”. Fans "
        "queued for the film “Spirited Away” all day."
    )
    assert [q.text for q in document.quotes] == [
        "has received strong interest from audiences at home"
    ]


def test_a_quote_that_only_continues_a_doubtful_one_is_no_surer_than_it():
    document = attribute(
        "By any measure, New Yorker Dick Morris is that thing Americans love - a winner.",
        "So why Britain? On this subject, Morris appears almost evangelical.",
        "“I was on a cruise in the Mediterranean and so was the party leader. “I had just "
        "written a piece about the Channel.”",
    )
    first, second = document.quotes
    assert first.speaker == second.speaker == "Dick Morris"
    assert second.evidence["rule"] == "previous quote in the paragraph"
    assert first.confidence < 0.9  # found by the ranker from "Morris" a paragraph before
    assert second.confidence == first.confidence  # not the 0.96 a continuation gets alone


def test_the_australian_is_the_player_the_article_is_about_not_the_doctor_quoted_last():
    document = attribute(
        "Mark Philippoussis is almost certain to miss the Australian Open after a groin injury.",
        "The 28-year-old suffered two tears to the muscle. “He has to strengthen it,” said "
        "Hopman Cup doctor Hamish Osborne. “It would be unlikely for him to play.",
        "“The injury is more common in football.” The Australian has suffered a host of "
        "injuries but still hopes he can make the event. “It's something I'll have to go by "
        "feel,” he said.",
    )
    assert speaker_of(document, "He has to strengthen") == "Hamish Osborne"
    assert speaker_of(document, "go by feel") == "Mark Philippoussis"


def test_a_product_named_with_its_initials_is_no_person():
    document = attribute(
        "The Assistive Mouse Adapter (AMA) is the brainchild of IBM researcher Jim Levine. "
        "“The number of elderly computer users will increase,” he said."
    )
    assert speaker_of(document, "elderly computer users") == "Jim Levine"
    assert "Assistive Mouse Adapter" not in [p.name for p in document.people]


def test_a_question_put_to_a_candidate_is_not_the_candidate_s_words():
    document = attribute(
        "At the rally, Donald Trump was asked: “What is the most dangerous place you have been "
        "to?” He did not answer."
    )
    assert speaker_of(document, "most dangerous place") is None


def test_a_state_s_abbreviation_is_no_speaker():
    document = attribute(
        "Sarah Palin had been scheduled to attend the event in Casper, Wyo., but the party "
        "announced she was not coming. “The campaign has told us Palin will not be attending "
        "the convention,” the release said."
    )
    assert speaker_of(document, "will not be attending") != "Wyo."
    assert "Wyo." not in [p.name for p in document.people]


@pytest.mark.parametrize(
    ("name", "gender", "human"),
    [
        ("Dick Morris", None, True),
        ("Mr Barot", None, True),
        ("Ban Ki-moon", "m", True),
        ("Near East", None, False),
        ("Scarborough Shoal", None, False),
    ],
)
def test_a_name_looks_human_by_its_honorific_given_name_or_known_gender(name, gender, human):
    assert looks_human(name, gender) is human


def test_adding_after_a_reporting_clause_speaks_for_its_subject():
    document = attribute(
        "Paul Ryan and Donald Trump will meet next week, Sean Spicer said, adding: “They need "
        "to sit down and have a good talk.”"
    )
    assert speaker_of(document, "good talk") == "Sean Spicer"


def test_a_platform_where_words_appeared_is_not_their_speaker():
    document = attribute(
        "Jeb Bush wrote in a Facebook post on Tuesday: “For the sake of our party and country, "
        "we must move to overcome the divisiveness.”"
    )
    assert speaker_of(document, "sake of our party") == "Jeb Bush"
    found = [s.text for s in find_sources("He wrote in a Facebook post and on Twitter.", [], set())]
    assert "Facebook" not in found and "Twitter" not in found


def test_words_a_paper_quoted_someone_as_saying_are_that_person_s():
    document = attribute(
        "Arab News quoted Prince Saud as saying: “Our reforms have created a new generation.” "
        "“I am proud to mention this,” Arab News quoted Prince Saud as saying. Later Ali Khan, "
        "the foreign minister, was quoted by Reuters as saying: “We are ready.”"
    )
    assert speaker_of(document, "Our reforms") == "Prince Saud"
    assert speaker_of(document, "proud to mention") == "Prince Saud"
    assert speaker_of(document, "We are ready") == "Ali Khan"


def test_the_american_is_whom_the_report_turned_to_not_the_player_quoted_before():
    document = attribute(
        "Tim Henman opened his campaign with a victory over David Nalbandian.",
        "“It's a great start to the year,” Henman told his website.",
        "Andre Agassi was delighted with victory over Nicolas Massu. “I felt pretty good,” said "
        "the American.",
    )
    assert speaker_of(document, "pretty good") == "Andre Agassi"


def test_his_wife_jane_is_a_person_known_by_her_given_name_and_no_guessed_surname():
    document = attribute(
        "Bernie Sanders called for open primaries. On CNN, his wife, Jane, agreed. “Shutting "
        "people out of the process is not smart,” she said. Tad Devine, an adviser, nodded."
    )
    assert speaker_of(document, "Shutting people out") == "Jane"


def test_a_second_fragment_joined_by_and_is_said_as_the_first_was():
    document = attribute(
        "Jeremy Edwards said he was “loopy” and “stressed” after the show. Esther Rantzen "
        "said he was “so lovely” and a “delight” to work with."
    )
    assert [(q.text, q.speaker) for q in document.quotes] == [
        ("loopy", "Jeremy Edwards"),
        ("stressed", "Jeremy Edwards"),
        ("so lovely", "Esther Rantzen"),
        ("delight", "Esther Rantzen"),
    ]


def test_an_abbreviation_for_a_thing_is_no_body_that_speaks():
    found = [(s.text, s.kind) for s in find_sources("The CD and the VP spoke to BT.", [], set())]
    assert found == [("BT", "organisation")]


def test_words_said_of_someone_by_an_agent_after_by_are_the_agent_s():
    document = attribute(
        "Tessa Jowell announced plans to limit casinos, in a move branded a “humiliating "
        "retreat” by the Tories. Fletcher was described as a “consummate professional” by his "
        "friend and fellow broadcaster Michael Pointon."
    )
    assert speaker_of(document, "humiliating retreat") == "Tories"
    assert speaker_of(document, "consummate professional") == "Michael Pointon"


def test_a_title_with_a_pronoun_in_it_is_no_person():
    document = attribute(
        "Jennifer Lopez stars in Shall We Dance, a remake of a Japanese film. “I very much "
        "wanted to be in London,” she said."
    )
    assert speaker_of(document, "wanted to be in London") == "Jennifer Lopez"
    assert [p.name for p in document.people] == ["Jennifer Lopez"]


def test_a_paragraph_ending_with_a_cue_and_a_colon_introduces_the_next_one_s_quote():
    document = attribute(
        "Jane Roe, a pollster, said many voters were tired of politicians.",
        "81-year-old Parker Eaton, a nominal Republican, said that given the candidates:",
        "“There’s only one: Trump. He spends his own money.”",
        "17-year-old Jared Potts echoed:",
        "“He speaks his mind.”",
    )
    assert speaker_of(document, "only one") == "Parker Eaton"
    assert speaker_of(document, "speaks his mind") == "Jared Potts"


def test_a_name_and_said_after_an_exclamation_is_still_the_cue():
    document = attribute(
        "Hillary Clinton spoke first. “We’re tired of being told it is offensive!” Ted Cruz said."
    )
    assert speaker_of(document, "tired of being told") == "Ted Cruz"


def test_a_person_named_in_the_narrator_s_question_is_not_the_one_answering():
    document = attribute(
        "Dick Morris, the strategist, was asked why he joined. “I was on a cruise,” he said.",
        "So is UKIP's job to destroy the Tories, as former member Robert Kilroy-Silk once "
        "declared? “No. The aim of UKIP is to withdraw from the EU.”",
    )
    assert speaker_of(document, "The aim of UKIP") == "Dick Morris"


def test_a_quote_after_the_narration_returns_to_an_earlier_speaker_is_theirs():
    document = attribute(
        "“Britain is heading in the wrong direction,” Michael Howard said. But Labour's "
        "spokesman Fraser Kemp responded: “Britain is working.” Mr Howard also paid tribute to "
        "the nation's character.",
        "“We watched the scenes of destruction with a sense of disbelief.”",
    )
    assert speaker_of(document, "scenes of destruction") == "Michael Howard"


def test_whoever_was_told_is_never_who_told():
    document = attribute(
        "Former Olympic champion Michael Johnson has warned British sprinters.",
        "“At the moment, the biggest factor is to be number one in Britain,” the world 200m "
        "and 400m record holder told Five Live.",
    )
    assert speaker_of(document, "biggest factor") == "Michael Johnson"


def test_a_middle_initial_without_its_full_stop_stays_inside_the_name():
    document = attribute("“We will win,” said US President George W Bush on Monday.")
    assert speaker_of(document, "We will win") == "George W Bush"


def test_the_vermont_senator_is_the_senator_the_text_just_mentioned():
    document = attribute(
        "It was unclear whether Bernie Sanders was ready. The Vermont senator emailed "
        "supporters saying: “The struggle continues.”"
    )
    assert speaker_of(document, "struggle continues") == "Bernie Sanders"


def test_her_campaign_is_the_campaign_of_the_woman_the_text_is_about():
    document = attribute(
        "Hillary Clinton spoke in Ohio. Her campaign blasted out an email stating: “Speaker Paul "
        "Ryan Joins Growing List.”"
    )
    assert speaker_of(document, "Growing List") == "Clinton campaign"


def test_an_unnamed_campaign_official_is_no_one_but_a_named_person_s_apposition_is_them():
    document = attribute(
        "A Clinton campaign official later walked back the comments, saying Hillary Clinton "
        "“didn’t have a particular video in mind.” Willie Minor, an African-American actor in "
        "Dallas, recalled: “I called all my lenders and creditors.”"
    )
    assert speaker_of(document, "particular video") is None
    assert speaker_of(document, "called all my lenders") == "Willie Minor"


def test_some_protesters_marching_down_an_avenue_are_no_one():
    document = attribute(
        "“Hey, hey! Ho, ho! Rahm Emanuel's got to go!” some protesters chanted as they marched "
        "down Michigan Avenue."
    )
    assert speaker_of(document, "got to go") is None
