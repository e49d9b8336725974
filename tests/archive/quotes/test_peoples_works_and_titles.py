"""Round thirteen's patterns (made-up sentences): a people written in capitals ("the New
Zealander", "South African") is no one who speaks but the person it describes; what a star is
the star "of" ("The star of Rain Man") is no person; "the archbishop" is the one the text named
with that title; a quote after narration about no one is the speech the paragraph before
reported; an agency that reports a quote relays the speaker its sentence names; "he" is no one
his own clause names after him ("he hopes to persuade Shearing"); a participle "saying" is the
subject's of a main clause whose verb is irregular ("Howard sent ..."), or of "with X doing"; "he"
after a phrase of place or time, and a name before an apposition and a relative clause, are
the subject of "said"; an airline named "... Airways" is "the airline"; "a spokesman" with no body having spoken is the
body named last, held for review."""

from __future__ import annotations

from tests.archive.quotes.test_quotes import attribute, speaker_of


def test_a_people_in_capitals_is_the_person_it_describes():
    document = attribute(
        "Director Peter Jacks is to film the prequel, if the rights can be agreed.",
        "“I think it's going to be a lot of lawyers sitting in a room,” said the New Zealander.",
    )
    assert speaker_of(document, "lot of lawyers") == "Peter Jacks"


def test_what_a_star_is_the_star_of_is_no_person():
    document = attribute(
        "Hollywood legend Dustin Hoffmann has hit out at the quality of current films.",
        "The star of Rain Man and Tootsie said the film culture was “in the craphouse” at a "
        "press conference on Tuesday.",
    )
    assert speaker_of(document, "craphouse") == "Dustin Hoffmann"


def test_the_archbishop_is_the_one_named_with_that_title():
    document = attribute(
        "Archbishop Desmond Tutto has called for the release of the remaining inmates.",
        "His comments follow news that all four Britons held will be freed within weeks. The "
        "South African archbishop said detentions without trial were “unacceptable”.",
    )
    assert speaker_of(document, "unacceptable") == "Desmond Tutto"


def test_a_quote_after_narration_about_no_one_is_the_speech_reported_before():
    document = attribute(
        "Each film is compressed from an original file. Fiona Deanes, associate director of "
        "the network, said the compression was visually lossless.",
        "The films will all be encrypted to prevent piracy. “People will see the picture "
        "quality is a bit clearer with no scratches.”",
    )
    assert speaker_of(document, "People will see") == "Fiona Deanes"


def test_an_agency_that_reports_a_quote_relays_the_speaker_its_sentence_names():
    document = attribute(
        "The tsunami has hit fishing across the region.",
        "Malaysia said as many as 1,000 fishermen will be affected and that damage to the "
        "industry will be “significant”, Agence France Presse reported.",
    )
    assert speaker_of(document, "significant") == "Malaysia"


def test_he_is_no_one_his_own_clause_names_after_him():
    document = attribute(
        "Newcastle boss Graeme Sounder is lining up a summer move for striker Michael Owens.",
        "He sees Owens as the ideal replacement for Alan Shearing, who is due to retire in the "
        "summer. But he hopes to persuade Shearing to carry on. “We are monitoring the "
        "situation,” he told BBC Newcastle.",
    )
    assert speaker_of(document, "monitoring the situation") == "Graeme Sounder"


def test_saying_after_a_main_clause_with_an_irregular_verb_is_its_subjects():
    document = attribute(
        "Prime Minister Tony Blaire has congratulated George Bush on his victory.",
        "Mr Blaire also paid tribute to John Kerry's campaign, saying he had made the election "
        "“a true celebration of American democracy”. The election was significant for Britain, "
        "he added. Earlier Tory leader Michael Howlard sent Mr Bush his “warmest "
        "congratulations”, saying: “We look to the president to be a unifying force.”",
    )
    assert speaker_of(document, "unifying force") == "Michael Howlard"


def test_saying_after_with_someone_doing_is_that_persons():
    document = attribute(
        "The prime minister faced voters on a daytime television programme.",
        "The trouble began on the Right Stuff show, with Marian Hutchins marching up to him, "
        "saying “Tony, that's rubbish” as she tried to complain about her son's school.",
    )
    assert speaker_of(document, "that's rubbish") == "Marian Hutchins"


def test_he_after_a_phrase_of_place_or_time_is_the_subject_of_saying():
    document = attribute(
        "Liberal Democrat leader Charles Kennedie said his party was ready for a 2005 poll.",
        "On the Asian tsunami he said it had been “very heartening” to learn of the "
        "generosity being shown by Britons.",
    )
    assert speaker_of(document, "very heartening") == "Charles Kennedie"


def test_a_name_with_an_apposition_and_a_relative_clause_is_the_subject_of_saying():
    document = attribute(
        "Three cricketers were jailed for two years for match-fixing.",
        "Lord Condun, head of the council's anti-corruption unit, who originally made the call "
        "for longer prison sentences, said the two-year penalty was “derisory”.",
    )
    assert speaker_of(document, "derisory") == "Lord Condun"


def test_an_airline_named_as_airways_is_the_airline_that_speaks():
    document = attribute(
        "Travel chaos hit US Airways over the Christmas weekend, and US Airways is in "
        "bankruptcy protection.",
        "The airline said it was “embarrassed by the situation”.",
    )
    assert speaker_of(document, "embarrassed") == "US Airways"


def test_a_spokesman_no_body_has_spoken_before_is_the_bodys_named_last_held_for_review():
    document = attribute(
        "The Home Office has been urged to free the detainees held without trial.",
        "“These individuals cannot currently be prosecuted,” a spokesman said.",
    )
    quote = next(q for q in document.quotes if "prosecuted" in q.text)
    assert quote.speaker == "Home Office"
    assert quote.confidence < 0.9  # found through a description: reviewed before it is cited
