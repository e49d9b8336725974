"""Fictional names for synthetic corpora: people, places, mastheads, organisations, roles."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES_M = _words(
    "Adam Alan Alex Andrew Ben Brian Carl Chris Colin Daniel David Dennis Edward Frank Gary "
    "George Graham Harry Ian Jack James John Keith Leo Mark Martin Neil Nick Owen Paul "
    "Peter Philip Raj Richard Robert Roger Sam Simon Stephen Tom Tony Victor William"
)

FIRST_NAMES_F = _words(
    "Alice Amy Anna Beth Carol Claire Diane Emma Fiona Grace Hannah Helen Irene Jane Julia "
    "Karen Kate Laura Linda Lucy Maria Mary Nadia Nina Olivia Patricia Rachel Rita Ruth "
    "Sarah Sophie Susan Tessa Una Vera Wendy Yasmin Zoe"
)

SURNAMES = _words(
    "Abbot Ainsley Alder Ashby Bairstow Baxter Beckett Benning Blackwood Bramley Brennan "
    "Calloway Carden Carrick Chadwick Colquhoun Corbett Crane Dalby Darrow Delaney Dunmore "
    "Eastwood Elsworth Everard Fairbanks Falconer Fenwick Fielding Garside Gilchrist "
    "Goodall Greaves Hadley Halloran Hargreaves Hartley Haskins Holbrook Hollis Ingram "
    "Iredale Jarrold Kendrick Kilbride Lacey Langley Larkin Lindqvist Lockhart Maddox "
    "Malley Marsden Meacham Merriweather Moffat Nakamura Newbold Norcross Oakley Okafor "
    "Ormsby Padgett Pemberton Penrose Petrakis Quayle Radcliffe Ramsden Redfern Rowntree "
    "Sandoval Scargill Sefton Sheridan Stanhope Sutcliffe Tambini Thornbury Tidmarsh "
    "Townsend Underhill Varga Verity Wainwright Warburton Whitlock Winslow Yardley Zamora "
    "Zeller"
)

PLACES = _words(
    "Ashford Brackley Calder Dunmore Elmbridge Fenwick Glenholm Harrowgate Islington "
    "Kesterly Larkhill Marlow Norbury Oakham Penrith Queensport Redcliffe Stanmore "
    "Thornbury Wexcombe"
)

MASTHEADS = _words("Courier Gazette Herald Chronicle Post Observer Tribune Mercury Echo Standard")

ORGANISATIONS = (
    "the Treasury",
    "the Home Office",
    "the Football Association",
    "the Bank of England",
    "the National Trust",
    "the Consumer Council",
    "Meridian Telecom",
    "Harbourside Films",
    "the Royal Society",
    "the Transport Union",
    "Northgate Retail",
    "the Arts Council",
    "Kestrel Software",
    "the Electoral Commission",
)

ROLES = (
    "a spokesman for {org}",
    "a spokeswoman for {org}",
    "chief executive of {org}",
    "an analyst at {org}",
    "chairman of {org}",
    "a senior adviser to {org}",
    "director of {org}",
)
