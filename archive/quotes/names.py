"""Recognising personal names in running text: name tokens, honorifics, titles before a name.

Pure string rules, no lists of real people: a name is a run of capitalised tokens that is not
a place, an organisation or a capitalised sentence opener; titles such as "Justice Minister"
or "Tory" before it are split off as the role the text gives.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from archive import personnames
from archive.quotes import verbs
from archive.quotes.genders import FEMALE, MALE, gender_of_given
from archive.quotes.view import ABBREVIATION_DOT, restore

GIVEN_NAMES = MALE | FEMALE


def words(text: str) -> list[str]:
    """The whitespace-separated words of a word-list literal."""
    return text.split()


def at_word_start(letters: str) -> str:
    r"""The regex opening rf"\b[{letters}]" (letters being word characters), written with the
    letter first: the regex engine then skips ahead to those letters instead of trying a word
    boundary at every offset of a passage (about twice as fast when the letters are rare).
    The same matches: the letter consumed, no word character (or the text's start) before it."""
    return rf"[{letters}](?<!\w[{letters}])"


UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
LOWER = "a-zß-öø-ÿ"
DOT = f"[.{ABBREVIATION_DOT}]"  # a full stop, or an abbreviation's (archive.quotes.view)
# One capitalised token: "Gutmann", "O'Neill", "Sven-Goran", "McDonagh", "LeGrand", "UN",
# "al-Rashid", an abbreviated title "Sen." or initials "L.", "J.J.", "U.S.".
TOKEN = (
    rf"(?:(?:[OD]['’])?[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)?"
    rf"(?:['’][{UPPER}][{LOWER}]+|-[{UPPER}]?[{LOWER}]+)*{ABBREVIATION_DOT}?"
    rf"|(?:al|el|Al|El)-[{UPPER}][{LOWER}]+"
    rf"|[{UPPER}]{{2,}}\b|(?:[{UPPER}]{DOT}){{1,4}})"
)
PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|ter|bin|ibn|al|el|la|le|du|dos|das|Ó|Ní|Uí)"
HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Baron|Rev|Reverend|"
    r"Sen|Rep|Gov|Lt|Gen|Col|Capt|Sgt|Adm|Cmdr|Maj|Pres|Sec|Atty|Amb|Hon|Rt|Fr|Supt|Insp|Det)"
)
# Digits inside a run keep a title whole ("Il Sole 24 Ore", "Channel 4 News").
# A middle initial without its full stop, as British style writes it ("George W Bush").
BARE_INITIAL = rf"[B-HJ-Z](?=\s+[{UPPER}][{LOWER}])"
RUN = (
    rf"(?:{HONORIFIC}{DOT}?\s+){{0,2}}{TOKEN}"
    rf"(?:\s+(?:{PARTICLE}\s+){{0,2}}(?:{TOKEN}|{BARE_INITIAL}|\d{{1,4}}(?=\s+[{UPPER}])))*"
)
RUN_RE = re.compile(rf"\b(?=[{UPPER}]){RUN}")
# A body's name with "for", "of" and "and" in it ("Department for Culture, Media and Sport"); a
# comma only inside such a list, so "the Bar Council, Guy Mansfield QC" ends at the council; a
# possessive inside it ("the Information Commissioner's Office", "the Women's Institute").
BODY_RUN = (
    rf"{RUN}(?:['’]s\s+{RUN})?"
    rf"(?:\s+(?:for|of|and|&)\s+{RUN}|(?:,\s+{RUN})+\s+(?:and|&)\s+{RUN})*"
)
# Words that say what kind of body a name is, between "spokesman for" and the name ("a
# spokesman for distributor Toho", "a spokeswoman for the campaign group Liberty").
BODY_KIND = (
    r"(?:(?:distributor|broadcaster|retailer|firm|company|group|carrier|airline|bank|maker|"
    r"manufacturer|studio|label|publisher|website|charity|campaign|pressure|union|club|agency|"
    r"network|giant|operator|regulator|watchdog|insurer|supermarket|chain|promoter)\s+){0,2}"
)


@lru_cache(maxsize=64)
def runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every capitalised run of a passage as (start, end, text), found once per passage;
    an organisation's name with "for", "of" and "and" in it stays one run ("Department for
    Work and Pensions", "Commons Work and Pensions Committee")."""
    found = [(m.start(), m.end(), m.group()) for m in RUN_RE.finditer(text)]
    if len(found) < 2 or not any(run.rsplit(" ", 1)[-1] in _BODY_HEADS for _, _, run in found):
        return tuple(found)  # no body's head word: nothing to join (most passages)
    return tuple(_joined(text, found))


# Bodies whose names run on over "for", "of" and "and" ("Department for Education and Skills").
_BODY_HEADS = frozenset(
    words(
        """Department Ministry Office Committee Commission Council Institute Society Association
    Federation Agency Authority Board Union Foundation Trust Service Guild"""
    )
)
_CONNECTOR = re.compile(r"\s+(?:for|of|and|&)\s+|,\s+|['’]\s+")


def _joined(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(found):
        start, end, run = found[i]
        j = i
        while j + 1 < len(found):
            gap = text[found[j][1] : found[j + 1][0]]
            connector = _CONNECTOR.fullmatch(gap)
            if connector is None:
                break
            word = gap.strip(" ,")
            following = found[j + 1][2]
            last = run.split()[-1]
            if word in ("for", "of") and last in _BODY_HEADS:
                pass  # "Department for Work", "Ministry of Defence"
            elif word in ("'", "’") and last.endswith("s") and following.split()[-1] in _BODY_HEADS:
                pass  # "Actors' Equity Association": a plural's possessive inside the name
            elif word in ("and", "&") and _list_word(following, found, j + 1, text):
                pass  # "... Work and Pensions"
            elif word == "" and j > i and _list_word(following, found, j + 1, text):
                # "Department for Culture, Media and Sport"; a comma after a first run is an
                # apposition ("Colin Asplin, Blackpool Hotel Association said")
                pass
            else:
                break
            j += 1
            end, run = found[j][1], text[start : found[j][1]]
        if j > i and not (run.split()[-1] in _BODY_HEADS or _opens_body(found[i][2])):
            j = i  # "Tony Blair and Gordon Brown": two names, not one body
            end, run = found[i][1], found[i][2]
        out.append((start, end, run))
        i = j + 1
    return out


def _opens_body(run: str) -> bool:
    """A run that opens an organisation's name ("Department", "The Department")."""
    words = run.split()
    return bool(words) and words[-1] in _BODY_HEADS and len(words) <= 2


def _list_word(run: str, found, index: int, text: str) -> bool:
    """A run continuing a body's name after "and" or a comma: one capitalised word that is no
    given name ("Pensions", "Skills"), or the body's head ending the name ("Pensions
    Committee")."""
    words = run.split()
    if words[-1] in _BODY_HEADS:
        return True
    return len(words) == 1 and words[0].lower() not in GIVEN_NAMES


MALE_HONORIFICS = {"mr", "sir", "lord", "baron"}
FEMALE_HONORIFICS = {"mrs", "ms", "miss", "dame", "lady", "baroness"}
# Forms of address and titles that can stand before a surname ("Sen. Cruz", "President Obama").
HONORIFICS = (
    set(personnames.HONORIFICS) - {"general", "major", "justice", "speaker", "chairman"}
) | {"sens", "reps", "govs"}

# Capitalised words that open a run but are not part of a name: titles, ranks, parties,
# nationalities and other descriptors ("Justice Minister Cathy Jamieson", "Tory Dominic Grieve").
TITLE_WORDS = set(
    words(
        """
    prime minister secretary chancellor president vice deputy chief general governor
    senator congressman congresswoman mayor king queen prince princess pope judge
    justice attorney commissioner director chairman chairwoman chair executive officer
    manager coach captain chancellor speaker ambassador foreign home shadow health
    education defence defense trade finance culture economic environment transport
    treasury interior labour labor tory tories conservative liberal democrat democratic
    republican green lib dem snp labour's senior junior former acting interim professor
    doctor father saint st general colonel major lieutenant sergeant inspector detective
    constable superintendent commander admiral marshal cardinal bishop archbishop rabbi
    imam sheikh emir sultan olympic world european british english scottish welsh irish
    american french german italian spanish russian chinese japanese indian australian
    canadian israeli belgian dutch swiss swedish norwegian danish finnish polish czech
    irish kenyan nigerian african asian arab iranian iraqi syrian turkish greek
    portuguese brazilian argentine argentinian mexican chilean korean uighur uyghur
    muslim christian jewish catholic top fifth sixth seventh seed champion striker
    midfielder defender goalkeeper winger mep mp msp am ceo cfo coo cto uk us eu un
    """
    )
)

NATIONALITIES = {
    w
    for w in TITLE_WORDS
    if w.endswith(("ese", "ish", "ian", "can", "an", "ch", "ic"))
    and w not in ("republican", "democratic", "chairman", "captain")
}

# Words that mark a capitalised run as a place, event, work or organisation, not a person.
NON_PERSON_WORDS = set(
    words(
        """
    street road avenue lane square park station airport dam river lake mountain
    mountains island islands city town county state states kingdom republic union
    nations league cup open championship championships trophy awards award prize
    festival games olympics series show report act bill day week centre center hall
    house hotel stadium arena theatre theater museum gallery library hospital university
    college school institute foundation trust fund bank group company corporation corp
    inc ltd plc llc holdings party council committee commission ministry department
    office agency authority board court tribunal parliament assembly senate congress
    government embassy service services police army navy force forces association
    federation society organisation organization network news times post telegraph
    journal herald mail guardian express observer radio tv television channel records
    studios pictures airlines airways motors securities partners capital international
    club united rovers city wanderers athletic county albion borough industries systems
    technologies software online media press communications labs ventures energy oil gas
    petroleum foods stores markets exchange studies affairs relations sciences arts
    """
    )
)

# Capitalised words that open sentences or name times and places rather than people.
NOT_NAME_WORDS = set(
    words(
        """
    the a an this that these those there here it its in on at by for from with of to as
    and but or nor so yet if when while after before since although though because
    however meanwhile also still even only just now then once last next first second
    third new old north south east west northern southern eastern western central upper
    lower great greater little mount saint st san santa los las new monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july
    august september october november december christmas easter he she they we i you his
    her their our my your mr mrs ms dr according asked speaking writing despite during
    under over about around between some many most all both each every several few other
    others such no not one two what who whom whose which where why how yes ok oh well
    nobody everybody somebody anybody everyone someone anyone noone nothing something
    everything anything none later earlier yesterday tonight tomorrow afterwards afterward
    elsewhere instead separately finally moreover furthermore nonetheless nevertheless
    indeed perhaps meantime thus hence overall initially ultimately recently former
    longtime along
    """
    )
)


# Countries and regions named in one word, in English (from the Unicode CLDR data Babel ships,
# and the names news uses beside them): "India's Sania Mirza" is a person, her country's.
# Every country and region by its English name, of one word or more ("New Zealand")
_TERRITORIES = frozenset(name.lower() for name in Locale("en").territories.values())
COUNTRIES = frozenset(
    name.lower() for name in Locale("en").territories.values() if " " not in name
) | frozenset(words("britain england scotland wales ulster turkey holland burma"))

# Places named in two or more capitalised words that would otherwise read as a person's name
# ("Puerto Rico"), and single-word places that head a capitalised run ("Texas Gov. ...").
PLACES = frozenset(
    line.strip().lower()
    for line in """
    Puerto Rico|Costa Rica|Sri Lanka|Hong Kong|Saudi Arabia|El Salvador|Sierra Leone|
    Burkina Faso|Cape Verde|San Marino|Tel Aviv|Abu Dhabi|Buenos Aires|Kuala Lumpur|
    Rio de Janeiro|Sao Paulo|Cape Town|Baton Rouge|Des Moines|Las Vegas|Los Angeles|
    Santa Fe|Salt Lake City|Palm Beach|Silicon Valley|Wall Street|Capitol Hill|Long Island|
    Ivory Coast|Papua New Guinea|Trinidad and Tobago|Bosnia and Herzegovina|Timor Leste|
    Kansas City|Carson City|Little Rock|Oklahoma City|Fort Worth|Fort Lauderdale|Sioux City|
    Cedar Rapids|Myrtle Beach|Ohio Valley|Rust Belt|Gaza Strip|West Bank|Golan Heights|
    Hyde Park|Leicester Square|Trafalgar Square|Downing Street|Milton Keynes|Costa Brava|
    Latin America|Middle East|Far East|Southeast Asia|Sub-Saharan Africa|Beverly Hills|
    Pearl Harbor|Ground Zero|Camp David|Guantanamo Bay|Chapel Hill|Palo Alto|Notting Hill|
    Canary Wharf|Stamford Bridge|Flushing Meadows|Monte Carlo|Bel Air|Corpus Christi|
    Grand Rapids|Ann Arbor|Boca Raton|Key West|Cape Canaveral|Tampa Bay|Green Bay|
    Cape Breton|Nova Scotia|British Columbia|Addis Ababa|Dar es Salaam|Abu Ghraib|Tora Bora
    """.replace("\n", "").split("|")
    if line.strip()
)

# Places written in initials, which are named but do not speak as organisations
PLACE_INITIALS = frozenset(words("UK US USA UAE DC NYC LA GB NI"))


def is_a_people(run: str) -> bool:
    """A people written as a capitalised run ("South African", "New Zealander", "South
    Asians"): a place's prefix before a nationality, or a territory's name with a demonym's
    ending. No one who speaks."""
    words = run.lower().split()
    if len(words) < 2:
        return False
    last = words[-1].removesuffix("s")
    if last in NATIONALITIES and words[0] in PLACE_PREFIXES:
        return True
    whole = " ".join([*words[:-1], last])
    return any(
        whole.endswith(ending) and whole[: -len(ending)] in _TERRITORIES for ending in ("er", "ian")
    )


def is_a_place(run: str) -> bool:
    """A country, a place, a people or a place's initials ("US", "Britain", "British")."""
    low = run.lower()
    return low in COUNTRIES or low in PLACES or low in NATIONALITIES or run in PLACE_INITIALS


# Words that open place names ("New Jersey Gov. Chris Christie", "Los Angeles Times").
PLACE_PREFIXES = set(
    words("new north south east west los las san santa st saint mount upper lower great fort")
)
# Words that end a capitalised run without being part of the name ("New Hampshire Monday").
TIME_WORDS = set(
    words(
        """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december
    """
    )
)


def without_time_words(words: list[str]) -> list[str]:
    """The words of a run without the day or month that ended it."""
    while len(words) > 1 and _bare(words[-1]) in TIME_WORDS:
        words = words[:-1]
    return words


def opens_sentence(text: str, start: int) -> bool:
    """Whether offset `start` begins a sentence (or a quotation)."""
    before = text[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in '.!?:;"“”‘’(—–-'


def is_opener(
    word: str, common_words: set[str], *, sentence_start: bool, following: str = ""
) -> bool:
    """A capitalised word that opens a sentence rather than a name: "However", "Does",
    "Thanks", "Roughly" (when the document writes it in lower case, or it is an adverb), but
    not the first word of a place ("New Jersey", "Los Angeles") before another name word."""
    bare = _bare(word).strip("’'")
    if bare in HONORIFICS:
        return False
    if bare in PLACE_PREFIXES and following[:1].isupper():
        return False
    if bare in NOT_NAME_WORDS:
        return True
    if not sentence_start or bare in GIVEN_NAMES:
        return False
    return (
        bare in common_words
        or (len(bare) > 5 and bare.endswith("ly"))
        or verbs.is_speech_verb(bare)  # "Said Comey, ..."
    )


@lru_cache(maxsize=65536)  # asked of every word of every run, 200,000 times over the BBC corpus
def _bare(word: str) -> str:
    return word.rstrip("." + ABBREVIATION_DOT).lower()


@lru_cache(maxsize=4096)
def strip_honorific(name: str) -> tuple[str | None, str]:
    """Split "Mr Blair" into ("mr", "Blair"), "Lt. Gov. Dan Patrick" into ("lt gov", "Dan
    Patrick"); names without one give (None, name)."""
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and _bare(words[cut]) in HONORIFICS:
        cut += 1
    if not cut:
        return None, name
    return " ".join(_bare(w) for w in words[:cut]), " ".join(words[cut:])


@lru_cache(maxsize=4096)
def split_titles(run: str) -> tuple[str, str]:
    """Split leading titles off a capitalised run: ("Justice Minister", "Cathy Jamieson"),
    ("Vermont", "Sen. Bernie Sanders"), ("Post's", "Dana Milbank"); honorifics stay."""
    titles, name = _split_title_words(run)
    words = name.split()
    lead = 0
    while lead < len(words) - 2 and _describes(words[lead]):
        lead += 1  # "Texas-based Matt Mackowiak", "Post's Dana Milbank"
    parsed = personnames.parse_name(restore(" ".join(words[lead:])), "person")
    if parsed.kind == "person" and parsed.family:
        lead += len(parsed.role.split())
    if lead:
        titles = " ".join([*titles.split(), *words[:lead]])
        name = " ".join(words[lead:])
    return titles, name


def _describes(word: str) -> bool:
    """A word before a name that describes it: a possessive, a "-based" adjective, or the
    end of a role ("State" of "Secretary of State Madeleine Albright")."""
    bare = _bare(word)
    return (
        bare.endswith(("'s", "’s"))
        or bare.endswith(("-based", "-born", "-backed"))
        or bare in personnames.ROLE_WORDS
    )


def _split_title_words(run: str) -> tuple[str, str]:
    words = run.split()
    cut = 0
    while cut < len(words) - 1 and _is_title(words[cut]):
        bare = _bare(words[cut])
        if (bare in OCCUPATIONS or _agent_noun(bare)) and len(words) - cut < 3:
            break  # "Singer Bruce Springsteen" sheds its occupation; "Tim Baker" is a name
        if words[cut].isupper() and len(words) - cut == 2 and cut == 0:
            break  # "JP Morgan", "BT Group": an organisation, not a title and a surname
        cut += 1
    later = [i + 1 for i in range(cut, len(words) - 2) if words[i].lower() in TITLE_WORDS]
    cut = max([cut, *later])  # "Home Office Minister Hazel Blears": up to the last title word
    return " ".join(words[:cut]), " ".join(words[cut:])


def _is_title(word: str) -> bool:
    """A word that describes rather than names: a rank, party, nationality, acronym or (at the
    start of a sentence, capitalised) an occupation ("Singer Bruce Springsteen")."""
    bare = _bare(word)
    if bare in HONORIFICS:
        return False
    return (
        bare in TITLE_WORDS
        or bare in OCCUPATIONS
        or (word.isupper() and len(word) > 1)
        or _agent_noun(bare)
    )


def modifies_surname(word: str) -> bool:
    """A capitalised word before a surname that describes the person rather than naming them:
    "Matchwinner Keane", "Oscar-nominated Owen", "Man-of-the-match Duff" (never a common given
    name; "Tim Baker" is a name)."""
    bare = _bare(word)
    if gender_of_given(bare) is not None or bare in HONORIFICS:
        return False
    hyphenated = "-" in bare and any(part.islower() for part in word.split("-")[1:])
    return hyphenated or bare in OCCUPATIONS or _agent_noun(bare) or bare in TITLE_WORDS


def _agent_noun(bare: str) -> bool:
    """A long agent noun ("goalscorer", "campaigner", "publicist"), not a given name."""
    return (
        len(bare) >= 8
        and bare.isalpha()
        and bare.endswith(("er", "ist"))
        and bare not in GIVEN_NAMES
    )


# Occupations that open a name run when they open a sentence ("Actor Leonardo DiCaprio").
OCCUPATIONS = set(
    words(
        """
    singer actor actress rapper star comedian comic director producer writer author artist
    guitarist drummer bassist musician designer chef model presenter host dancer poet
    novelist playwright composer conductor photographer journalist reporter columnist
    economist analyst lawyer attorney businessman businesswoman tycoon billionaire
    entrepreneur footballer boxer golfer player coach manager officer campaigner activist
    scientist surgeon chairman chairwoman boss spokesman spokeswoman frontbencher
    backbencher veteran legend filmmaker film-maker broadcaster pollster strategist adviser
    advisor consultant lecturer researcher historian investor banker trader goalscorer
    scorer skipper keeper goalkeeper teammate team-mate debutant substitute newcomer rival
    opponent winner runner-up challenger holder
    """
    )
)
# Letters after a name that are not part of it ("Andrew Tyrie MP", "Ken Macdonald QC").
POSTNOMINALS = {"MP", "MPs", "QC", "KC", "MEP", "MSP", "AM", "MLA", "OBE", "MBE", "CBE", "KBE"}


def without_postnominals(name: str) -> str:
    """ "Andrew Tyrie MP" -> "Andrew Tyrie"."""
    words = name.split()
    while len(words) > 1 and words[-1].strip(",") in POSTNOMINALS:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=4096)
def looks_like_person(name: str) -> bool:
    """Two to four name words, none of them a place, organisation or sentence opener."""
    honorific, bare = strip_honorific(without_postnominals(name))
    words = bare.split()
    if not words:
        return False
    # "Chicago Sun-Times" is a newspaper, "Finance Bill" a law; "Bill Clinton" a person
    checked = words[1:] if len(words) > 1 and _bare(words[0]) in GIVEN_NAMES else words
    if any(part in NON_PERSON_WORDS for w in checked for part in w.lower().split("-")):
        return False
    if honorific:
        return len(words) <= 3
    if not 2 <= len(words) <= 4 or words[0].lower() in NOT_NAME_WORDS:
        return False
    if " ".join(words).lower() in PLACES:
        return False
    if words[-1].lower() in NATIONALITIES and not (
        len(words) == 2 and _bare(words[0]) in GIVEN_NAMES  # "Louise Christian", "Paul English"
    ):
        return False  # "Han Chinese", "Bosnian Serb": a people, not a person
    if any(w.isupper() and len(w.rstrip("." + ABBREVIATION_DOT)) > 1 for w in words):
        return False  # an acronym ("BBC"), not an initial ("L.")
    if any(w in _TITLE_CASE_WORDS for w in words[1:]):
        return False  # "Stars In Their Eyes": a title written in capitals, not a name
    return personnames.parse_name(restore(bare)).kind == "person"


# Small words a title capitalises ("Stars In Their Eyes") and a person's name never holds
_TITLE_CASE_WORDS = frozenset(
    words("In On At For With From Into Their Our Your My His Her Its The And Or Of To A An")
)


PARTY_MEMBERS = frozenset(["republican", "democrat", "tory", "conservative", "liberal"])
# British parties that speak as themselves ("the Tories said", "Labour accused", "the Lib
# Dems say"), although their words are party words elsewhere ("Tory leader Michael Howard").
# (American "Democrats" and "Republicans" are groups of people, not one speaker.)
PARTIES = frozenset(
    [
        "tories",
        "labour",
        "lib dems",
        "liberal democrats",
        "conservatives",
        "snp",
        "ukip",
        "plaid cymru",
        "sinn fein",
        "dup",
    ]
)


# The last words of those names, for a cheap first test.
PARTY_WORDS = frozenset(p.split()[-1].title() for p in PARTIES) | {"SNP", "UKIP", "DUP"}


@lru_cache(maxsize=4096)
def is_party(run: str) -> bool:
    """Whether a capitalised run names a British party that speaks as one ("The Tories")."""
    words = run.split()
    if words and words[0] in ("The", "the"):
        words = words[1:]
    return " ".join(words).lower() in PARTIES


def ends_as_organisation(run: str) -> bool:
    """Whether a name ends in an organisation's word ("Blackpool Hotel Association")."""
    words = run.split()
    return bool(words) and words[-1].rstrip(".").lower() in personnames.ORGANISATION_WORDS


def of_a_party(run: str) -> bool:
    """A party's name or its adjective ("Tory", "Lib Dem", "Conservative", "Labour")."""
    return is_party(run) or is_party(f"{run}s") or run.lower() in PARTY_MEMBERS


def names_a_person(name: str, common_words: set[str] | frozenset[str]) -> bool:
    """`looks_like_person`, unless the words are not a name (`describes_no_one`)."""
    return looks_like_person(name) and not describes_no_one(name, common_words)


_TITLE_PRONOUNS = frozenset(["We", "I", "You", "They", "Me", "Us", "Our", "My", "Your", "It"])


def describes_no_one(name: str, common_words: set[str] | frozenset[str]) -> bool:
    """A capitalised run of mostly words the document writes in lower case ("Make America
    Great Again", "No Child Left Behind", "National Convention"), or a party member described
    by place ("the Wisconsin Republican"): no one's name."""
    words = split_titles(strip_honorific(name)[1])[1].split()
    if len(words) > 1 and _bare(words[-1]) in PARTY_MEMBERS:
        return True
    if len(words) > 1 and any(w in _TITLE_PRONOUNS for w in words):
        return True  # "Shall We Dance", "Love Actually? I Think So": a title, not a name
    common = [w for w in words if _bare(w) in common_words and _bare(w) not in GIVEN_NAMES]
    return 2 * len(common) > len(words)


@lru_cache(maxsize=4096)
def surname(name: str) -> str:
    """The family name ("Cruz" of "Sen. Ted Cruz", "Xi" of "Xi Jinping", "O'Neill")."""
    parsed = personnames.parse_name(restore(name), "person")
    return parsed.family or strip_honorific(name)[1].split()[-1].rstrip(".")


@lru_cache(maxsize=4096)
def given_name(name: str) -> str:
    """The given names of a person ("Ted" of "Sen. Ted Cruz"), "" when only a surname is known."""
    return personnames.parse_name(restore(name), "person").given


def gender_of(honorific: str | None) -> str | None:
    """'m' or 'f' from an honorific (its last word), None when it says nothing."""
    last = honorific.split()[-1] if honorific else None
    if last in MALE_HONORIFICS:
        return "m"
    if last in FEMALE_HONORIFICS:
        return "f"
    return None


_ABBREVIATION = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z&]{1,7})\)")


def abbreviated_after(run: str, text: str, end: int) -> bool:
    """Whether a run of capitalised words is followed by its initials in brackets ("Assistive
    Mouse Adapter (AMA)", "National Audit Office (NAO)"): a body or a thing, never a person."""
    found = _ABBREVIATION.match(text, end)
    if found is None:
        return False
    initials = "".join(w[0] for w in run.split() if w[:1].isupper())
    return found.group("abbr").upper().replace("&", "") == initials.upper() and len(initials) > 1


_AGED = re.compile(r"\d{1,3}-year-old")
_DEMONYMS = frozenset(
    words(
        """
    scot welshman welshwoman frenchman frenchwoman spaniard briton swede dane finn pole swiss
    irishman englishman dutchman greek thai iraqi israeli pakistani kiwi argentine filipino
    """
    )
)


def describes_the_subject(rest: list[str]) -> bool:
    """Words after "the" that stand for the subject: "Australian", "24-year-old Swiss", "young
    Scot" - a nationality or an age, after at most two ages or plain modifiers."""
    *before, head = rest or [""]
    return (
        len(before) <= 2
        and stands_for_the_subject(head)
        and all(_AGED.fullmatch(w.lower()) or w.lower() in _PLAIN_MODIFIERS for w in before)
    )


_PLAIN_MODIFIERS = frozenset(words("young former veteran experienced teenage talented"))


def stands_for_the_subject(head: str) -> bool:
    """A description sports and profile pieces use for their subject after "the": a
    nationality ("the Australian", "the Scot") or an age ("the 28-year-old")."""
    low = head.lower()
    return bool(_AGED.fullmatch(low)) or (
        head[:1].isupper() and (low in NATIONALITIES or low in _DEMONYMS)
    )


def looks_human(name: str, gender: str | None = None) -> bool:
    """Whether a person's name shows that a person bears it: an honorific ("Mr Barot"), a
    known given name ("Dick Morris") or a gender the text gave; "Near East" or "Scarborough
    Shoal" show none."""
    honorific, bare = strip_honorific(name)
    if honorific or gender is not None:
        return True
    first = bare.split()[0].lower() if bare.split() else ""
    return first in GIVEN_NAMES


# Capitalised abbreviations that name things or offices, not bodies that speak ("the CD", "VP").
NOT_BODIES = frozenset(
    words(
        """
    CD CDS DVD DVDS TV PC PCS VP MP3 GPS SMS PDA USB DNA HIV AIDS GDP CPI PPI IPO CEO CFO COO
    CTO OK AM PM FM AD BC UFO SUV ATM VAT ID IQ PR HQ AKA RSVP DIY IT AI VR LCD LED HD
    """
    )
)
