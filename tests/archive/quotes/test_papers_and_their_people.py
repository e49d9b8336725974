"""Round eleven's patterns (made-up sentences): a paper named before its reporter is no person
the mayor's "he" could stand for, nor a speaker. Each fails on round ten's code."""

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
