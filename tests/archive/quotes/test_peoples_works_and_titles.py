"""Round thirteen's patterns (made-up sentences): a people written in capitals ("the New
Zealander", "South African") is no one who speaks but the person it describes; what a star is
the star "of" ("The star of Rain Man") is no person; "the archbishop" is the one the text named
with that title."""

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
