"""Round eleven's patterns (made-up sentences): a paper named before its reporter is no person the
mayor's "he" could stand for, nor a speaker; a name after "at the" is a place; two roles joined
by "and" before one name are that person's; a given name alone is the one person named with it;
a body's name holds a possessive; a run of quoted stretches after narration is the person its
last cue names; "mayor" is a role. Each fails on round ten's code but two, which guard that a
given name stays no thing's first word and that a stretch after the last quote's cue stays its
speaker's."""

from __future__ import annotations

from tests.archive.quotes.test_quotes import attribute, speaker_of


def test_a_paper_named_before_its_journalist_is_no_person_he_refers_to():
    document = attribute(
        "London mayor Ken Livermore has again refused to retract an insult made to a reporter.",
        "Labour's Mr Livermore, who says he is “standing by” his remarks, had accused an "
        "Evening Standard journalist of being like a “camp guard”. At his weekly press "
        "conference on Tuesday he said his comments were not racist and refused to apologise. "
        "He said to media representatives: “If you think they are racist, I think you are "
        "wrong.” The mayor said his comments would not affect the bid. “I think it is "
        "important that the members realise that,” he said.",
    )
    assert speaker_of(document, "camp guard") == "Ken Livermore"
    assert speaker_of(document, "you are wrong") == "Ken Livermore"
    assert speaker_of(document, "members realise") == "Ken Livermore"


def test_a_ground_named_after_at_the_is_no_man_he_refers_to():
    document = attribute(
        "Marcel Dessart insists there is no chance of history repeating itself.",
        "The French star was part of the side crushed 5-1 at the Nou Campo in 2000. “Things "
        "will be totally different this time,” he told BBC Sport.",
    )
    assert speaker_of(document, "totally different") == "Marcel Dessart"


def test_two_roles_joined_by_and_before_one_name_are_that_person():
    document = attribute(
        "Kelly Holmon won two golds in Athens.",
        "“It's a lot easier being the champion than training,” points out former Olympian and "
        "BBC pundit Steve Crane. “You have to have a real strong desire,” he said.",
    )
    assert speaker_of(document, "a lot easier") == "Steve Crane"


def test_a_given_name_alone_is_the_one_person_the_text_named_with_it():
    document = attribute(
        "Rock star Ozzy Osborn has been praised by police for tackling a burglar at his home.",
        "Inspector Paul Millar said the burglar was disturbed by Ozzy. Ozzy said he was "
        "“just coming to grips” with what had happened.",
    )
    assert speaker_of(document, "coming to grips") == "Ozzy Osborn"


def test_a_given_name_alone_is_no_thing_that_begins_with_it():
    document = attribute(
        "Crowds of the Fenwick Train gathered at the rally.",
        "Fenwick would denounce “self-deportation” as a cruel idea, said the candidate Mark "
        "Fenwick.",
    )
    assert speaker_of(document, "self-deportation") != "Fenwick Train"


def test_a_body_with_a_possessive_in_its_name_is_whom_its_spokesman_speaks_for():
    document = attribute(
        "A spokesman for the Information Regulator's Office said it would be classed as "
        "marketing. “If a party was doing that it may not be marketing,” he said.",
    )
    assert speaker_of(document, "may not be marketing") == "Information Regulator's Office"


def test_a_run_of_stretches_after_narration_is_the_person_its_last_cue_names():
    document = attribute(
        "“What a great way to finish the year,” said Nadal afterwards. US coach Patrick "
        "McEnright wants his team to play more on clay. “I think it will help these guys. "
        "“Obviously it is unrealistic to play constantly on clay. “But we can put the work "
        "in,” said McEnright.",
    )
    assert speaker_of(document, "help these guys") == "Patrick McEnright"
    assert speaker_of(document, "unrealistic") == "Patrick McEnright"


def test_a_stretch_after_the_last_quotes_own_cue_stays_with_its_speaker():
    document = attribute(
        "“Digital sales are booming,” said John Kenning, chief executive of the federation. "
        "“However, piracy continues. “The priority is to step up sales.” “The main choice "
        "is legal or illegal,” added Mr Jamison.",
    )
    assert speaker_of(document, "piracy continues") == "John Kenning"


def test_the_mayor_is_the_man_the_text_named_mayor_not_the_last_to_speak():
    document = attribute(
        "London mayor Ken Livermore has again refused to retract an insult.",
        "On tape Mr Livermore is heard asking reporter Oliver Finnegan a question. Mr "
        "Finnegan replies: “No, I am quite offended by that.” The mayor then says: “Ah "
        "right, well you might be.”",
    )
    assert speaker_of(document, "you might be") == "Ken Livermore"
