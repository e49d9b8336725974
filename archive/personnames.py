"""Person names with structure: the one parser of names for attribution, people and citations.

`parse_name("Sen. Ted Cruz (R-Texas)")` gives a `PersonName`: given "Ted", family "Cruz",
honorifics ("Sen.",), party "R-Texas". The parser keeps apart what identifies a person from
what describes them:

- honorifics and titles ("Mr.", "Sen.", "Rep.", "Gov.", "Dr.", "Prof.", "Lord") and the role
  words before them ("Vermont Sen.", "Senate Minority Leader") are never part of the name;
- particles stay with the family name ("van der Berg", "de la Cruz", "bin Salman",
  "al-Rashid", "O'Neill", "Ó Briain", "Mac Lochlainn");
- suffixes ("Jr.", "III") and party tags ("(R-Texas)") are kept apart;
- Chinese, Korean and Vietnamese names in family-first order are read that way ("Xi Jinping":
  family Xi; "习近平" too), Western order otherwise ("Huiqiong Liu": family Liu);
- organisations are kept whole ("Il Sole 24 Ore", "Chinese Embassy in Israel"), and role
  phrases ("Shadow Secretary of State for the Family") are never taken as a person.

Across the archive, two mentions are the same person only on the same full name or a
recorded full-name alias (`same_person`, `match_person`), never on a shared surname; case,
accents, honorifics and the spelling of apostrophes are ignored (`person_key`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from archive.model import PersonMention

# Bump when `person_key` changes: the catalog then refolds the keys it stored with the old rule.
# 2: keys fold through `parse_name` (political titles, party tags and suffix spelling).
KEY_VERSION = 2


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Honorifics: forms of address, matched without their full stop and case-blind. Titles of
# nobility name a person on their own ("Lord Falconer"), so they stay in the key when no
# given name follows.
MALE_HONORIFICS = _words("mr sir lord baron father fr brother king prince")
FEMALE_HONORIFICS = _words("mrs ms miss dame lady baroness sister queen princess")
NOBILITY = _words("lord lady baron baroness sir dame viscount earl duke duchess marquess")
HONORIFICS = (
    MALE_HONORIFICS
    | FEMALE_HONORIFICS
    | NOBILITY
    | _words(
        """
        mx dr prof professor rev reverend revd hon rt sen senator rep representative
        congressman congresswoman gov governor lt pres president vp sec secretary gen
        general col colonel maj major capt captain cmdr commander adm admiral sgt
        sergeant cpl pvt insp inspector det detective supt superintendent amb ambassador
        atty attorney judge justice mayor rabbi imam sheikh cardinal bishop archbishop
        pope chancellor premier minister speaker chairman chairwoman sens reps govs
        assemblyman assemblywoman assemblymember councilman councilwoman councillor
        councilor alderman commissioner superintendent
        """
    )
)
# Abbreviated honorifics that take a full stop ("Sen.", "Lt. Gov.").
ABBREVIATIONS = _words(
    "mr mrs ms dr prof rev revd hon rt sen rep gov lt pres sec gen col maj capt cmdr adm "
    "sgt cpl pvt insp det supt amb atty fr st vs no"
)
SUFFIXES = _words("jr sr ii iii iv v vi esq phd md qc kc mp mep obe mbe cbe kbe")
# Lower-case particles that belong to the family name; "al-"/"el-" attach with a hyphen.
PARTICLES = _words(
    "van von der den de del della degli di da das dos do du la le lo ter ten zu bin ibn "
    "ben bint al el abu"
)
# Gaelic prefixes written as their own word ("Ó Briain", "Mac Lochlainn", "Ní Bhriain").
GAELIC_PREFIXES = _words("ó o ní nic mac mc ua uí")
_IRISH_PREFIXES = _words("ó ní nic ua uí")  # never a given name
# Romanised Chinese, Korean and Vietnamese family names, for family-first order.
CJK_FAMILY = _words(
    """
    xi li wang zhang liu chen yang huang lou zhao wu zhou xu sun ma zhu hu guo he lin gao
    luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai
    jiang yu du ye cheng wei su lu ding ren shen yao jin fu zhong dai cui fan lu lü qian
    qin gu hou meng bai kong mao qiu xia shi tan jia wen yan xue lei hao duan long kang
    kim park lee choi jung kang cho yoon jang lim moon ahn ko shin ryu hwang ban nguyen tran
    le pham hoang phan vu vo dang bui ngo duong
    """
)
# Words that make a capitalised run an organisation, place or event rather than a person.
ORGANISATION_WORDS = _words(
    """
    street road avenue square park station airport river island city town county state
    states kingdom republic union nations league cup championship festival games series
    show report act bill centre center hall house hotel stadium arena theatre theater
    museum gallery library hospital university college school institute foundation trust
    fund bank group company corporation corp inc ltd plc llc lp holdings party council
    committee commission ministry department office agency authority board court tribunal
    parliament assembly senate congress government embassy consulate service services
    police army navy force forces association federation society organisation
    organization network news times post telegraph journal herald mail guardian express
    observer tribune gazette chronicle review magazine radio tv television channel press
    records studios airlines motors partners capital international club united church
    industries systems technologies media communications labs ventures energy campaign
    administration coalition alliance caucus pac research poll polling center institution
    team sports bureau unit watch project initiative movement network fc cnn bbc ap
    airways lines railways railway rail telecom telecoms pharmaceuticals insurance stores
    foods petroleum electric
    """
)
# Words of a role or of the domain a role covers ("Secretary of State for the Family").
ROLE_WORDS = _words(
    """
    secretary minister ministry chancellor president vice deputy chief leader prime speaker
    governor senator mayor sheriff judge justice commissioner nominee candidate
    spokesman spokeswoman spokesperson director chairman chairwoman chair executive
    officer manager head member shadow state foreign home health education defence
    defense trade finance culture economy economic environment transport treasury
    interior justice labour labor energy commerce agriculture homeland security
    veterans affairs exchequer family families women equalities work pensions housing
    communities local development international business innovation skills science
    technology digital media sport northern ireland scotland wales exiting european
    union cabinet duchy lancaster seal council general attorney solicitor majority
    minority whip party senate house committee counsel press communications policy
    national campaign staff adviser advisor strategist representative delegate
    """
)
_ROLE_NOUNS = _words(
    "secretary minister chancellor president leader spokesman spokeswoman spokesperson "
    "director chairman chairwoman chair officer manager head member whip counsel adviser speaker "
    "advisor strategist attorney solicitor general representative sheriff commissioner "
    "governor senator mayor judge justice nominee candidate chief"
)
_FUNCTION = _words("of for the and on in to at against with from")
_PARTY = re.compile(r"\s*\((?P<tag>[^()]{1,30})\)\s*$|,\s*(?P<tag2>[RDI]-[A-Z][\w.\s]{0,20})$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_COMPOUND_CJK_FAMILY = _words("欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
# A romanised Chinese or Korean given name: syllables of pinyin, Wade-Giles or Revised
# Romanisation ("Jinping", "Keqiang", "Jong-un", "Kuan Yew"), which "Davis" or "Harvey" are not.
_SYLLABLES = re.compile(
    r"(?:(?:zh|ch|sh|ts|ng|[bcdfghjklmnpqrstwxyz])?h?[aeiouy]{1,3}(?:ng|n|m|k|l|p|w|r(?![a-z]))?)+"
)
# Particles that also open a family name when capitalised ("Danny De Vito", "Van Damme").
_CAPITAL_PARTICLES = _words("van von de da di du le la del della der den ter ten al el")
# Words that are organisation words but also common surnames ("Kevin Hall", "Frank Church").
_SURNAME_TOO = _words("hall house park church court street bank field press mail")
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]{1,2}$")


@lru_cache(maxsize=65536)  # asked of every word of every name, 200,000 times over the BBC corpus
def _bare(word: str) -> str:
    """A word folded for list look-ups: lower case, no full stop, straight apostrophe."""
    return word.translate(_QUOTES).rstrip(".,").lower()


@dataclass(frozen=True)
class PersonName:
    """A name as written, in its parts. `kind` is "person", "organisation" or "role"."""

    written: str
    given: str = ""  # given names and middle initials: "Janet L.", "Jinping"
    family: str = ""  # the family name with its particle: "O'Neill", "van der Berg", "Xi"
    particle: str = ""  # the particle that opens `family`, if any: "van der", "al-", "Ó"
    suffix: str = ""  # "Jr.", "III"
    honorifics: tuple[str, ...] = ()  # as written: ("Sen.",), ("Lt.", "Gov.")
    role: str = ""  # descriptive words before the honorifics: "Vermont", "Senate Minority Leader"
    party: str = ""  # a party tag: "R-Texas"
    kind: str = "person"
    family_first: bool = False

    @property
    def is_person(self) -> bool:
        return self.kind == "person" and bool(self.family or self.given)

    @property
    def full(self) -> str:
        """The name without honorifics, role, suffix or tag, in the order it is written.

        A person known only by a title of nobility keeps it ("Lord Falconer"); an
        organisation or role phrase is the whole phrase.
        """
        if self.kind != "person":
            return self.written
        if not self.given and self.honorifics and _bare(self.honorifics[-1]) in NOBILITY:
            return f"{self.honorifics[-1]} {self.family}".strip()
        parts = (self.family, self.given) if self.family_first else (self.given, self.family)
        joiner = "" if self.family_first and _CJK.search(self.family) else " "
        return joiner.join(p for p in parts if p)

    @property
    def display(self) -> str:
        """The full name with its suffix ("Martin Luther King Jr."), for showing to readers."""
        return f"{self.full} {self.suffix}".strip() if self.kind == "person" else self.written

    @property
    def cited_as(self) -> str:
        """What a citation prefix names ("as cited in Cruz", "qtd. in van der Berg")."""
        if self.kind != "person":
            return self.written
        return self.family or self.given

    @property
    def gender(self) -> str | None:
        """'m' or 'f' when an honorific says so, else None."""
        for honorific in self.honorifics:
            if _bare(honorific) in MALE_HONORIFICS:
                return "m"
            if _bare(honorific) in FEMALE_HONORIFICS:
                return "f"
        return None

    @property
    def family_braced(self) -> bool:
        """Whether BibTeX must brace the family name to keep it one ("{al-Rashid}",
        "{Ó Briain}"): BibTeX would split off a hyphenated or capitalised particle."""
        return self.particle.endswith("-") or bool(self.particle and self.particle[0].isupper())

    def bibtex(self) -> str:
        """The name in BibTeX's "von Last, Jr, First" form; organisations braced whole."""
        if self.kind != "person":
            return "{" + self.written.replace("{", "").replace("}", "") + "}"
        family = "{" + self.family + "}" if self.family_braced else self.family
        parts = [family]
        if self.suffix:
            parts.append(self.suffix)
        if self.given:
            parts.append(self.given)
        return ", ".join(parts) if len(parts) > 1 else family

    @property
    def key(self) -> str:
        return person_key(self.written)


@lru_cache(maxsize=8192)
def parse_name(text: str, kind: str | None = None) -> PersonName:
    """The parts of a name as written. `kind` forces "person" or "organisation" if known."""
    written = " ".join(text.split()).strip(" ,;:")
    name, party = _strip_party(written)
    if kind != "organisation" and _is_role_phrase(name.split()):
        return PersonName(written, role=written, kind="role")
    if kind == "organisation" or (kind is None and _is_organisation(name)):
        return PersonName(_without_the(name), kind="organisation")
    if _CJK.search(name) and " " not in name:
        return _cjk_script(name)
    words, suffix = _split_suffix(name.split())
    role_words, honorifics, words = _split_titles(words)
    words = [w for w in words if w]  # what stripping left of punctuation alone (`{ , {`)
    role = " ".join(role_words)
    if not words or all(_bare(w) in ROLE_WORDS or _bare(w) in _FUNCTION for w in words):
        return PersonName(written, role=written, kind="role")
    given, family, particle, family_first = _split_given_family(words)
    return PersonName(
        written,
        given=given,
        family=family,
        particle=particle,
        suffix=suffix,
        honorifics=tuple(honorifics),
        role=role,
        party=party,
        family_first=family_first,
    )


# Byline words that make an author a newsroom, desk or agency ("OpIndia Staff").
BYLINE_ORGANISATION_WORDS = _words(
    """
    staff desk team bureau newsroom editors editorial reporters correspondents writers
    agency agencies wire wires press news online web digital media service services
    network board syndicate
    """
)


@lru_cache(maxsize=4096)
def parse_byline(text: str, organisations: frozenset[str] = frozenset()) -> PersonName:
    """A byline name: "OpIndia Staff", "Associated Press", "Le Monde & Co" and a single word
    ("Reuters") are organisations; "Gutmann, Ethan" is family first; `organisations` are known names
    (the outlet, the document's organisations) kept whole; the rest as `parse_name`."""
    written = " ".join(text.split()).strip(" ,;:")
    bare = {_bare(w) for w in written.split()}
    if (
        written in organisations
        or (len(written.split()) == 1 and not _CJK.search(written))
        or any(c in written for c in "&@/")
        or any(c.isdigit() for c in written)
        or (len(bare) > 1 and bare & BYLINE_ORGANISATION_WORDS)
    ):
        return parse_name(written, "organisation")
    family, comma, given = (part.strip() for part in written.partition(","))
    if comma and family and given and "," not in given and _bare(given) not in SUFFIXES:
        flipped = parse_name(f"{given} {family}", "person")
        if flipped.family == family:
            return replace(flipped, written=written)
        return PersonName(written, given=given, family=family, particle=_leading_particle(family))
    return parse_name(written)


def _strip_party(name: str) -> tuple[str, str]:
    """ "Ted Cruz (R-Texas)" -> ("Ted Cruz", "R-Texas")."""
    match = _PARTY.search(name)
    if not match:
        return name, ""
    return name[: match.start()].strip(" ,"), (match.group("tag") or match.group("tag2")).strip()


def _without_the(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name


def _is_organisation(name: str) -> bool:
    """An organisation: digits, an organisation word, an acronym alone, "X of/in Y" of places."""
    words = _without_the(name).split()
    if not words:
        return False
    if any(any(c.isdigit() for c in w) for w in words):
        return True  # "Il Sole 24 Ore", "Channel 4"
    if len(words) == 1:
        word = words[0].strip(".")
        return len(word) >= 2 and word.isupper() and not _INITIAL.match(words[0])
    if _bare(words[0]) in HONORIFICS:
        return False
    bare = [_bare(w) for w in words]
    organisation = [b for b in bare[1:] if b in ORGANISATION_WORDS]
    if organisation and len(words) == 2 and organisation == [bare[-1]] and bare[-1] in _SURNAME_TOO:
        return False  # "Kevin Hall": a surname that is also an organisation word
    if organisation and not _looks_like_title_then_name(words):
        return True
    return bare[0] in ORGANISATION_WORDS and len(words) > 1 and bare[1] in _FUNCTION


def _looks_like_title_then_name(words: list[str]) -> bool:
    """ "House Speaker Paul Ryan", "Senate Minority Leader Harry Reid": a role, then a name."""
    for i, word in enumerate(words[:-1]):
        if _bare(word) in _ROLE_NOUNS or _bare(word) in HONORIFICS:
            rest = words[i + 1 :]
            if rest and not any(_bare(w) in ORGANISATION_WORDS for w in rest):
                return True
    return False


def _split_titles(words: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Role words, honorifics and the name: "Former Arkansas Gov. Mike Huckabee"."""
    cut = -1
    for i, word in enumerate(words[:-1]):
        bare = _bare(word)
        if bare in HONORIFICS or bare in _ROLE_NOUNS:
            cut = i
        elif bare in _FUNCTION and cut == i - 1:
            cut = i  # "Secretary of", "Minister for"
        elif cut == i - 1 and cut >= 0 and _bare(word) in ROLE_WORDS:
            cut = i  # "Secretary of State", "Minister for Health"
    if cut < 0:
        return [], [], words
    head, name = words[: cut + 1], words[cut + 1 :]
    if name and _bare(name[0]) in _FUNCTION:
        return head, [], name
    # honorifics are the trailing run of honorific words in the head ("Lt. Gov.")
    start = len(head)
    while start > 0 and _bare(head[start - 1]) in HONORIFICS:
        start -= 1
    if start == len(head):
        return head, [], name  # a role ending in a role noun: "Clark County Sheriff"
    return head[:start], head[start:], name


def _split_suffix(words: list[str]) -> tuple[list[str], str]:
    """ "Martin Luther King Jr." -> (["Martin", "Luther", "King"], "Jr.")."""
    if len(words) > 1 and _bare(words[-1]) in SUFFIXES:
        last = words[-1]
        if _bare(last) == "v" and last != "V":
            return words, ""
        return [w.rstrip(",") for w in words[:-1]], last
    return [w.rstrip(",") for w in words], ""


def _is_role_phrase(words: list[str]) -> bool:
    """Role and domain words around a role noun ("Shadow Secretary of State for the Family",
    "House Speaker"): a description, never a person's name."""
    bare = [_bare(w) for w in _without_the(" ".join(words)).split()]
    if not bare or not any(b in _ROLE_NOUNS or b in HONORIFICS for b in bare):
        return False
    return all(b in ROLE_WORDS or b in _FUNCTION or b in ORGANISATION_WORDS for b in bare)


def _split_given_family(words: list[str]) -> tuple[str, str, str, bool]:
    """(given, family, particle, family_first) of a name without titles."""
    if len(words) == 1:
        return "", words[0], _leading_particle(words[0]), False
    if len(words) == 2 and _bare(words[0]) in _IRISH_PREFIXES:
        return "", " ".join(words), words[0], False  # "Ó Briain" alone: a family name
    if _family_first(words):
        return " ".join(words[1:]), words[0], "", True
    start = len(words) - 1
    while start > 1 and _is_particle(words[start - 1]):
        start -= 1  # "Ludwig van Beethoven", "Maria de la Cruz", "Jean-Claude Van Damme"
    if start == len(words) - 1 and start > 1 and _bare(words[start - 1]) in GAELIC_PREFIXES:
        start -= 1  # "Dara Ó Briain", "Mary Lou Mac Lochlainn"
    family_words = words[start:]
    particle = " ".join(family_words[:-1]) or _leading_particle(family_words[-1])
    return " ".join(words[:start]), " ".join(family_words), particle, False


def _is_particle(word: str) -> bool:
    if not word:  # what is left of a name of punctuation only (`{,{`)
        return False
    bare = _bare(word)
    return bare in PARTICLES if word[0].islower() else bare in _CAPITAL_PARTICLES


def _leading_particle(word: str) -> str:
    """ "al-Rashid" -> "al-", "El-Sayed" -> "El-"; other words have none."""
    head, sep, _ = word.partition("-")
    return head + sep if sep and _bare(head) in PARTICLES else ""


def _family_first(words: list[str]) -> bool:
    """Romanised CJK order: a CJK family name first, not a Western-order name ending in one."""
    first, last = _bare(words[0]), _bare(words[-1])
    if first not in CJK_FAMILY or len(words) > 3:
        return False
    if "-" in words[-1] and first in CJK_FAMILY:
        return True  # "Kim Jong-un", "Moon Jae-in"
    if last in CJK_FAMILY and len(words[-1]) <= len(words[0]):
        return False  # "Li Wang"? read in Western order when both could be family names
    return all(w[:1].isupper() and _SYLLABLES.fullmatch(w.lower()) for w in words[1:])


def _cjk_script(name: str) -> PersonName:
    """习近平 -> family 习, given 近平; 欧阳修 -> 欧阳; 김정은 -> 김; Japanese 安倍晋三 -> 安倍."""
    if _HANGUL.search(name):
        size = 1
    elif name[:2] in _COMPOUND_CJK_FAMILY or (len(name) == 4 and not _KANA.search(name)):
        size = 2
    else:
        size = 1
    return PersonName(name, given=name[size:], family=name[:size], family_first=True)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case, accents and the spelling of apostrophes folded away; words kept."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=8192)
def person_key(name: str) -> str:
    """A name folded for matching: case, accents, honorifics, titles, a leading "the", spacing.

    "Sen. Ted Cruz (R-Texas)" and "ted cruz" share a key; "Lord Falconer" keeps its title (it
    is how he is named); organisations keep every word but a leading "the".
    """
    parsed = parse_name(name)
    base = parsed.full if parsed.kind == "person" else _without_the(parsed.written)
    if parsed.kind == "person" and parsed.suffix:
        base = f"{base} {parsed.suffix}"
    words = re.sub(r"[.,]", " ", fold(base)).split()
    return " ".join(words)


def family_key(name: str) -> str:
    """The folded family name of a person ("cruz" for "Sen. Ted Cruz"), or "" if none."""
    parsed = parse_name(name)
    return fold(parsed.family).replace(".", "") if parsed.kind == "person" else ""


def full_keys(mention: PersonMention) -> set[str]:
    """Keys that identify a mention on their own: its name and its full-name aliases."""
    keys = {person_key(a) for a in [mention.name, *mention.aliases]}
    if mention.kind == "organisation":
        return {k for k in keys if k}
    return {k for k in keys if len(k.split()) >= 2}


def same_person(a: PersonMention | str, b: PersonMention | str) -> bool:
    """Whether two mentions are one real person: the same full name or a recorded full-name
    alias, of the same kind. A shared surname alone never makes two mentions one person."""
    first = a if isinstance(a, PersonMention) else PersonMention(a)
    second = b if isinstance(b, PersonMention) else PersonMention(b)
    if first.kind != second.kind:
        return False
    return bool(full_keys(first) & full_keys(second))


def match_person(mention: PersonMention, candidates: list[PersonMention]) -> int | None:
    """Index of the candidate that is the same real person or organisation, or None."""
    for index, candidate in enumerate(candidates):
        if same_person(mention, candidate):
            return index
    return None
