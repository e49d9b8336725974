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


def test_the_party_spokesman_after_a_named_spokesman_is_that_man_again():
    document = attribute(
        "Lib Dem spokesman Vince Harlow said the public did not know whom to believe.",
        "Ministers set aside £1bn. But the Lib Dem spokesman questioned the plan. He urged "
        "them to scrap the “grossly unfair” tax.",
    )
    assert speaker_of(document, "grossly unfair") == "Vince Harlow"


def test_the_party_spokesman_just_after_a_shadow_minister_spoke_is_the_shadow_minister():
    document = attribute(
        "Mr Ancell condemned the document. “Who paid for this?” he asked. The Tory spokesman "
        "also criticised the government. “They had to publish 500 pages,” he said.",
    )
    assert speaker_of(document, "500 pages") == "Mr Ancell"


def test_a_party_spokesman_unnamed_still_speaks_for_the_party():
    document = attribute(
        "Lib Dem spokesman Vince Harlow spoke first.",
        "A Lib Dem spokesman later said: “We will not comment.”",
    )
    assert speaker_of(document, "not comment") != "Vince Harlow"


def test_a_paragraph_opening_with_a_quote_after_one_reporting_a_new_voice_is_that_voice():
    document = attribute(
        "“People who are thinking of switching will have no more excuses,” said Steve Jarrow, "
        "the firm's chief executive. “It is the cheapest machine we have made.”",
        "Ian Harker, deputy editor of the magazine Mac World, said the machine would sell.",
        "“They want a further taste of it.” Harker added: “It is a bold move.”",
    )
    quote = next(q for q in document.quotes if "further taste" in q.text)
    assert quote.speaker == "Ian Harker" and quote.confidence >= 0.9  # a rule's, not a guess


def test_described_by_a_person_as_a_quoted_phrase_is_that_persons():
    document = attribute(
        "Chief executive Steve Jarrow unveiled the machine. It was described by Jarrow as "
        "the “most important computer” the company had made."
    )
    assert speaker_of(document, "most important computer") == "Steve Jarrow"


def test_a_things_name_before_its_noun_is_no_one_he_could_stand_for():
    document = attribute(
        "Analyst Carolina Mereto said phones were now fashion items. The Motorola Razr V3 "
        "phone was typical of the trend. “It is no longer a women's thing,” she said.",
        "Michael Harwood spoke of victims of Alzheimer's and Motor Neurone disease. “I believe "
        "we have a duty to offer hope,” he said.",
    )
    assert speaker_of(document, "women's thing") == "Carolina Mereto"
    assert speaker_of(document, "duty to offer hope") == "Michael Harwood"


def test_a_persons_work_named_after_her_possessive_is_no_one_he_could_stand_for():
    document = attribute(
        "Ridley Scott is set to direct the film. Michelle Pavell's Wolf Brother is the first "
        "of six books. “Wolf Brother is an enchanting book,” he said."
    )
    assert speaker_of(document, "enchanting book") == "Ridley Scott"


def test_a_name_in_apposition_that_ends_the_sentence_is_no_subject_for_he():
    document = attribute(
        "Lord Bulmer said so in his interview, which was conducted by the magazine's editor, "
        "Conservative MP Boris Jonas. He said: “The evidence we had was pretty thin.”"
    )
    assert speaker_of(document, "pretty thin") == "Lord Bulmer"


def test_a_relative_clause_after_the_subject_does_not_take_its_participle():
    document = attribute(
        "Turkey, which occupies northern Cyprus, had insisted it would not recognise the "
        "country, calling the issue a “red line”. Talks could take years."
    )
    assert speaker_of(document, "red line") == "Turkey"


def test_a_fragment_after_which_he_said_was_is_his():
    document = attribute(
        "The actor Tom Hankin crossed a bridge built in the square, which he said was "
        "“almost impossible to get across”. Fans greeted him."
    )
    assert speaker_of(document, "almost impossible") == "Tom Hankin"


def test_it_after_a_bodys_report_as_subject_is_that_body():
    document = attribute(
        "The National Institute of Economic Research (NIER) says taxes must rise. The "
        "Treasury said its plans were on track.",
        "A Treasury spokesperson dismissed the claims, saying it was “on track to meet the "
        "rules”. The NIER report was optimistic about the world economy.",
        "It said the surge in oil prices would have a limited effect, saying that the “world "
        "economy will continue to grow strongly”.",
    )
    assert speaker_of(document, "continue to grow strongly") == "NIER"


def test_a_name_then_who_said_governs_the_fragment_that_follows():
    document = attribute(
        "Three people have refused Oscars, including actor George C Scoll who said the whole "
        "thing was “demeaning”. Others accepted."
    )
    assert speaker_of(document, "demeaning") == "George C Scoll"


def test_the_foreign_secretary_is_not_the_home_secretary():
    document = attribute(
        "Jack Strawson has attacked the ruling. The foreign secretary said the right to life "
        "was the “most important liberty”. New Home Secretary Charles Clarkson vowed the men "
        "would stay in prison."
    )
    assert speaker_of(document, "most important liberty") == "Jack Strawson"
