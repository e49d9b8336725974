"""The quote evaluation sets: a held-out figure counts only files nobody developed on."""

from __future__ import annotations

import pytest

from bench.quotes import sets


@pytest.fixture(autouse=True)
def _corpus():
    if not (sets.CORPUS / "bbc").is_dir():
        pytest.skip(f"{sets.CORPUS / 'bbc'} is absent: the sets are drawn from the shared corpus")


def test_a_held_out_file_repeating_a_development_file_is_left_out_of_its_figures():
    # tech/059 of heldout11 is the article of tech/322, labelled and read in heldout10
    assert "bbc/tech/059.txt" in sets.repeats_of_development("heldout11")
    repeats = sets.repeats_of_development(sets.BBC_HELD_OUT)
    judged = {a.file for a in sets.load("bbc", sets.BBC_HELD_OUT)}
    assert judged and not judged & repeats
    every = {a.file for a in sets.load("bbc", sets.BBC_HELD_OUT, repeats=True)}
    assert repeats <= every and len(every) == len(judged) + len(repeats)
