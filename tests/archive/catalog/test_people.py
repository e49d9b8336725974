"""People across the archive: the normalised key and the rule for merging two mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.model import PersonMention
from archive.personnames import match_person, person_key
from tests.archive.quotes.test_quotes import attribute, crude_passages


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Ethan Gutmann", "ethan  GUTMANN", id="case and spacing"),
        pytest.param("José Manuel Barroso", "Jose Manuel Barroso", id="diacritics"),
        pytest.param("Dr. Jacob Lavee", "Jacob Lavee", id="Dr."),
        pytest.param("Prof Jacob Lavee", "Jacob Lavee", id="Prof"),
        pytest.param("Sir Geoffrey Nice", "Geoffrey Nice", id="Sir"),
        pytest.param("Mrs Susie Hughes", "Ms Susie Hughes", id="Mrs and Ms"),
        pytest.param("the Chinese Embassy in Israel", "Chinese Embassy in Israel", id="the"),
        pytest.param("Martin O’Neill", "Martin O'Neill", id="apostrophes"),
    ],
)
def test_person_key_ignores_what_does_not_identify(a: str, b: str) -> None:
    assert person_key(a) == person_key(b)


def test_same_full_name_in_two_articles_is_one_person() -> None:
    earlier = [PersonMention("Tony Blair", aliases=["Tony Blair", "Blair", "Mr Blair"])]
    assert match_person(PersonMention("tony blair", aliases=["Blair"]), earlier) == 0


def test_a_recorded_full_name_alias_merges() -> None:
    earlier = [
        PersonMention("Rushan Abbas"),
        PersonMention("Betty Boothroyd", aliases=["Betty Boothroyd", "Baroness Boothroyd"]),
    ]
    assert match_person(PersonMention("Baroness Boothroyd"), earlier) == 1


@pytest.mark.parametrize(
    ("mention", "candidate"),
    [
        pytest.param(
            PersonMention("Jinato Liu", aliases=["Jinato Liu", "Liu"]),
            PersonMention("Huiqiong Liu", aliases=["Huiqiong Liu", "Liu"]),
            id="shared surname alias",
        ),
        pytest.param(
            PersonMention("Mr Smith", aliases=["Mr Smith", "Smith"]),
            PersonMention("Mr Smith", aliases=["Mr Smith", "Smith"]),
            id="honorific and surname only",
        ),
        pytest.param(
            PersonMention("Dr. Alim", aliases=["Dr. Alim", "Alim"]),
            PersonMention("Alim", aliases=["Alim"]),
            id="a single name",
        ),
    ],
)
def test_never_merges_on_a_surname_alone(mention: PersonMention, candidate: PersonMention) -> None:
    assert match_person(mention, [candidate]) is None


def test_a_person_and_an_organisation_never_merge() -> None:
    organisation = PersonMention("Williams", kind="organisation", aliases=["Williams"])
    assert (
        match_person(PersonMention("Serena Williams", aliases=["Williams"]), [organisation]) is None
    )


def test_organisations_merge_on_their_name() -> None:
    earlier = [PersonMention("TUC", kind="organisation", aliases=["TUC"])]
    assert match_person(PersonMention("the TUC", kind="organisation"), earlier) == 0


@pytest.mark.corpus
def test_the_two_seed_lius_stay_two_people(haaretz_seed: Path, opindia_seed: Path) -> None:
    haaretz = attribute(*crude_passages(haaretz_seed)).people
    opindia = attribute(*crude_passages(opindia_seed)).people
    jinato = next(p for p in opindia if p.name == "Jinato Liu")
    assert match_person(jinato, haaretz) is None
    gutmann = next(p for p in haaretz if p.name == "Ethan Gutmann")
    assert match_person(gutmann, haaretz) == haaretz.index(gutmann)
