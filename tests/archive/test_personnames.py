"""The one parser of person names, and the rule for "the same person" across the archive."""

from __future__ import annotations

import pytest

from archive.model import PersonMention
from archive.personnames import (
    family_key,
    match_person,
    parse_byline,
    parse_name,
    person_key,
    same_person,
)

# --- Parts of a name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "given", "family", "honorifics"),
    [
        pytest.param("Sen. Ted Cruz", "Ted", "Cruz", ("Sen.",), id="Sen."),
        pytest.param("Rep. Nancy Pelosi", "Nancy", "Pelosi", ("Rep.",), id="Rep."),
        pytest.param("Gov. Mike Pence", "Mike", "Pence", ("Gov.",), id="Gov."),
        pytest.param("Dr. Helena Varga", "Helena", "Varga", ("Dr.",), id="Dr."),
        pytest.param("Prof. Jacob Lavee", "Jacob", "Lavee", ("Prof.",), id="Prof."),
        pytest.param("Ms. Anna Kowal", "Anna", "Kowal", ("Ms.",), id="Ms."),
        pytest.param("Lt. Gov. Dan Patrick", "Dan", "Patrick", ("Lt.", "Gov."), id="two titles"),
        pytest.param("Janet L. Yellen", "Janet L.", "Yellen", (), id="middle initial"),
        pytest.param("J.J. Goldberg", "J.J.", "Goldberg", (), id="initials"),
    ],
)
def test_honorifics_and_titles_are_kept_apart_from_the_name(written, given, family, honorifics):
    name = parse_name(written)
    assert (name.kind, name.given, name.family, name.honorifics) == (
        "person",
        given,
        family,
        honorifics,
    )


@pytest.mark.parametrize(
    ("written", "family", "particle"),
    [
        pytest.param("Martin O'Neill", "O'Neill", "", id="O'"),
        pytest.param("Martin O’Neill", "O’Neill", "", id="O’ curly"),
        pytest.param("Dara Ó Briain", "Ó Briain", "Ó", id="Ó"),
        pytest.param("Mary Lou Mac Lochlainn", "Mac Lochlainn", "Mac", id="Mac"),
        pytest.param("Ahmed al-Rashid", "al-Rashid", "al-", id="al-"),
        pytest.param("Pieter van der Berg", "van der Berg", "van der", id="van der"),
        pytest.param("Maria de la Cruz", "de la Cruz", "de la", id="de la"),
        pytest.param("Osama bin Laden", "bin Laden", "bin", id="bin"),
        pytest.param("Jean-Claude Van Damme", "Van Damme", "Van", id="capital Van"),
        pytest.param("Melissa Mark-Viverito", "Mark-Viverito", "", id="hyphenated"),
    ],
)
def test_particles_and_apostrophes_stay_in_the_family_name(written, family, particle):
    name = parse_name(written)
    assert (name.family, name.particle) == (family, particle)


@pytest.mark.parametrize(
    ("written", "family", "suffix"),
    [
        pytest.param("Martin Luther King Jr.", "King", "Jr.", id="Jr."),
        pytest.param("John Smith III", "Smith", "III", id="III"),
        pytest.param("Hank Lowe Sr", "Lowe", "Sr", id="Sr without a stop"),
    ],
)
def test_suffixes_are_kept_apart(written, family, suffix):
    name = parse_name(written)
    assert (name.family, name.suffix) == (family, suffix)


def test_a_party_tag_is_kept_apart():
    name = parse_name("Sen. Ted Cruz (R-Texas)")
    assert (name.full, name.party) == ("Ted Cruz", "R-Texas")


def test_role_words_before_a_title_are_the_role_not_the_name():
    name = parse_name("Former Arkansas Gov. Mike Huckabee")
    assert (name.role, name.honorifics, name.full) == (
        "Former Arkansas",
        ("Gov.",),
        "Mike Huckabee",
    )
    assert parse_name("Senate Minority Leader Harry Reid").full == "Harry Reid"
    assert parse_name("Secretary of State John Kerry").full == "John Kerry"


@pytest.mark.parametrize(
    ("written", "family", "given"),
    [
        pytest.param("Xi Jinping", "Xi", "Jinping", id="pinyin"),
        pytest.param("Li Keqiang", "Li", "Keqiang", id="pinyin two syllables"),
        pytest.param("Kim Jong-un", "Kim", "Jong-un", id="Korean"),
        pytest.param("习近平", "习", "近平", id="Chinese script"),
        pytest.param("欧阳修", "欧阳", "修", id="compound family name"),
        pytest.param("김정은", "김", "정은", id="Hangul"),
    ],
)
def test_cjk_names_are_read_family_first(written, family, given):
    name = parse_name(written)
    assert (name.family, name.given, name.family_first) == (family, given, True)
    assert name.full == written


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("Huiqiong Liu", id="Chinese name in Western order"),
        pytest.param("Kim Davis", id="Kim as a given name"),
        pytest.param("Lee Harvey Oswald", id="Lee as a given name"),
    ],
)
def test_western_order_names_ending_in_a_family_name_stay_given_first(written):
    name = parse_name(written)
    assert not name.family_first and name.family == written.split()[-1]


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("Il Sole 24 Ore", id="newspaper with digits"),
        pytest.param("Chinese Embassy in Israel", id="embassy in a place"),
        pytest.param("Republican National Committee", id="committee"),
        pytest.param("Washington Post", id="newspaper"),
        pytest.param("FBI", id="acronym"),
        pytest.param("US Airways", id="airline"),
        pytest.param("Delta Air Lines", id="air lines"),
        pytest.param("Network Rail", id="railway"),
    ],
)
def test_organisations_are_kept_whole(written):
    name = parse_name(written)
    assert (name.kind, name.full, name.cited_as) == ("organisation", written, written)


def test_a_leading_the_is_not_part_of_an_organisation():
    assert parse_name("the Chinese Embassy in Israel").full == "Chinese Embassy in Israel"


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("Shadow Secretary of State for the Family", id="shadow secretary"),
        pytest.param("Secretary of State", id="secretary of state"),
        pytest.param("Prime Minister", id="prime minister"),
        pytest.param("House Speaker", id="house speaker"),
        pytest.param("the senator", id="the senator"),
    ],
)
def test_role_phrases_are_never_persons(written):
    assert parse_name(written).kind == "role"


def test_a_surname_that_is_also_an_organisation_word_is_a_person():
    assert parse_name("Kevin Hall").kind == "person"


# --- Helpers for citations -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "cited_as", "bibtex"),
    [
        pytest.param("Sen. Ted Cruz", "Cruz", "Cruz, Ted", id="honorific dropped"),
        pytest.param("Pieter van der Berg", "van der Berg", "van der Berg, Pieter", id="von part"),
        pytest.param("Ahmed al-Rashid", "al-Rashid", "{al-Rashid}, Ahmed", id="hyphen particle"),
        pytest.param("Dara Ó Briain", "Ó Briain", "{Ó Briain}, Dara", id="Gaelic prefix"),
        pytest.param("Martin Luther King Jr.", "King", "King, Jr., Martin Luther", id="suffix"),
        pytest.param("Xi Jinping", "Xi", "Xi, Jinping", id="family first"),
        pytest.param("Il Sole 24 Ore", "Il Sole 24 Ore", "{Il Sole 24 Ore}", id="organisation"),
    ],
)
def test_citation_family_and_bibtex_split(written, cited_as, bibtex):
    name = parse_name(written)
    assert (name.cited_as, name.bibtex()) == (cited_as, bibtex)


def test_gender_from_an_honorific():
    assert parse_name("Mrs. Clinton").gender == "f"
    assert parse_name("Mr Blair").gender == "m"
    assert parse_name("Dr. Alim").gender is None


def test_family_key_folds_the_family_name():
    assert family_key("Sen. Ted Cruz (R-Texas)") == "cruz"
    assert family_key("Martin O’Neill") == "o'neill"


# --- The same person across the archive -------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Ethan Gutmann", "ethan  GUTMANN", id="case and spacing"),
        pytest.param("José Manuel Barroso", "Jose Manuel Barroso", id="diacritics"),
        pytest.param("Dr. Jacob Lavee", "Jacob Lavee", id="Dr."),
        pytest.param("Prof Jacob Lavee", "Jacob Lavee", id="Prof"),
        pytest.param("Sir Geoffrey Nice", "Geoffrey Nice", id="Sir"),
        pytest.param("Sen. Ted Cruz (R-Texas)", "Ted Cruz", id="Sen. and party tag"),
        pytest.param("Mrs Susie Hughes", "Ms Susie Hughes", id="Mrs and Ms"),
        pytest.param("the Chinese Embassy in Israel", "Chinese Embassy in Israel", id="the"),
        pytest.param("Martin O’Neill", "Martin O'Neill", id="apostrophes"),
    ],
)
def test_person_key_ignores_what_does_not_identify(a: str, b: str) -> None:
    assert person_key(a) == person_key(b)


def test_titles_of_nobility_stay_in_the_key():
    assert person_key("Lord Falconer") == "lord falconer"


def test_same_full_name_in_two_articles_is_one_person() -> None:
    earlier = [PersonMention("Tony Blair", aliases=["Tony Blair", "Blair", "Mr Blair"])]
    assert match_person(PersonMention("tony blair", aliases=["Blair"]), earlier) == 0


def test_a_recorded_full_name_alias_merges() -> None:
    earlier = [
        PersonMention("Rushan Abbas"),
        PersonMention("Betty Boothroyd", aliases=["Betty Boothroyd", "Baroness Boothroyd"]),
    ]
    assert match_person(PersonMention("Baroness Boothroyd"), earlier) == 1


def test_aliases_sen_ted_cruz_cruz_and_ted_cruz_are_one_person():
    cruz = PersonMention("Ted Cruz", aliases=["Sen. Ted Cruz", "Cruz", "Ted Cruz"])
    assert same_person(PersonMention("Sen. Ted Cruz"), cruz)
    assert not same_person(PersonMention("Cruz"), cruz)  # a surname alone never merges


@pytest.mark.parametrize(
    ("mention", "candidate"),
    [
        pytest.param(
            PersonMention("Jinato Liu", aliases=["Jinato Liu", "Liu"]),
            PersonMention("Huiqiong Liu", aliases=["Huiqiong Liu", "Liu"]),
            id="shared surname alias",
        ),
        pytest.param(
            PersonMention("Heidi Cruz", aliases=["Heidi Cruz", "Cruz", "Mrs. Cruz"]),
            PersonMention("Ted Cruz", aliases=["Ted Cruz", "Cruz", "Sen. Cruz"]),
            id="husband and wife",
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
    assert not same_person(mention, candidate)


def test_a_person_and_an_organisation_never_merge() -> None:
    organisation = PersonMention("Williams", kind="organisation", aliases=["Williams"])
    assert (
        match_person(PersonMention("Serena Williams", aliases=["Williams"]), [organisation]) is None
    )


def test_organisations_merge_on_their_name() -> None:
    earlier = [PersonMention("TUC", kind="organisation", aliases=["TUC"])]
    assert match_person(PersonMention("the TUC", kind="organisation"), earlier) == 0


# --- Bylines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["OpIndia Staff", "Associated Press", "BBC News Desk", "Le Monde & Co", "Reuters Staff",
     "Channel 4 News", "Reuters"],
)  # fmt: skip
def test_newsroom_bylines_are_organisations_kept_whole(written):
    name = parse_byline(written)
    assert (name.kind, name.full) == ("organisation", written)


def test_a_byline_naming_a_known_organisation_is_kept_whole():
    assert parse_byline("Haaretz", frozenset({"Haaretz"})).kind == "organisation"


@pytest.mark.parametrize(
    ("written", "given", "family", "braced"),
    [
        pytest.param("Gutmann, Ethan", "Ethan", "Gutmann", False, id="family-comma-given"),
        pytest.param("Ó Briain, Zoë", "Zoë", "Ó Briain", True, id="gaelic-family-first"),
        pytest.param("Zoë Ó Briain", "Zoë", "Ó Briain", True, id="gaelic"),
        pytest.param("Omar al-Rashid", "Omar", "al-Rashid", True, id="al-"),
        pytest.param("Ludwig van Beethoven", "Ludwig", "van Beethoven", False, id="van"),
        pytest.param("Jane O'Neill", "Jane", "O'Neill", False, id="apostrophe"),
        pytest.param("Xi Jinping", "Jinping", "Xi", False, id="cjk-family-first"),
        pytest.param("习近平", "近平", "习", False, id="cjk-script"),
    ],
)
def test_person_bylines_split_into_family_and_given(written, given, family, braced):
    name = parse_byline(written)
    assert (name.kind, name.given, name.family, name.family_braced) == (
        "person", given, family, braced
    )  # fmt: skip


def test_a_suffix_after_a_comma_is_not_a_given_name():
    name = parse_byline("Martin Luther King, Jr.")
    assert (name.family, name.suffix) == ("King", "Jr.")
