"""People across the archive: mentions from real articles stay apart or merge as they should.

The name rules themselves are pinned in tests/archive/test_personnames.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.personnames import match_person
from tests.archive.quotes.test_quotes import attribute, crude_passages


@pytest.mark.corpus
def test_the_two_seed_lius_stay_two_people(haaretz_seed: Path, opindia_seed: Path) -> None:
    haaretz = attribute(*crude_passages(haaretz_seed)).people
    opindia = attribute(*crude_passages(opindia_seed)).people
    jinato = next(p for p in opindia if p.name == "Jinato Liu")
    assert match_person(jinato, haaretz) is None
    gutmann = next(p for p in haaretz if p.name == "Ethan Gutmann")
    assert match_person(gutmann, haaretz) == haaretz.index(gutmann)
