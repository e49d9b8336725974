"""Round ten's patterns (made-up sentences): a body's initials name it even where the
document writes them in lower case in an address; "the club" and "the bank" are the body the
text named last. Each fails on round nine's code."""

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
