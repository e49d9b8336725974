"""Librarians review the attributions the archive is unsure of; what they confirm or correct
is verified, survives reindexing and re-attribution, and is what citations name."""

from __future__ import annotations

import html
import json

import bibtexparser
import pytest
from click.testing import CliRunner

from archive.model import Document, Original, Passage, PersonMention, Quote
from tests.librarian_support import archive_document, bearer, csrf_token, open_catalog_of
from web.cli import cli

UNSURE = [
    ("The river will rise again next spring", "Ana Silva", 0.31, ["Ana Silva", "Rui Costa"]),
    ("Nobody warned the villages in time", "Rui Costa", 0.52, ["Rui Costa", "Ana Silva"]),
    ("We will rebuild the bridge by autumn", "Ana Silva", 0.64, ["Ana Silva"]),
]
SURE = ("The dam is safe for now", "Rui Costa", 0.97)


def flood_report() -> Document:
    """One article with three unsure attributions and one the pipeline is sure of."""
    content = "f" * 64
    doc = Document(original=Original("flood.txt", content, "text", 100, content_sha256=content))
    doc.set("title", "Flood warnings ignored", "text", "line 1")
    doc.set("outlet", "Valley Herald", "librarian", "typed")
    doc.set("published", "2021-03-04", "text", "line 2")
    for n, (text, speaker, confidence, candidates) in enumerate(UNSURE, start=1):
        said = f"“{text},” the official said."
        doc.passages.append(Passage(n, "body", said))
        evidence = {"cue": "said", "rule": "test", "candidates": candidates, "chain": []}
        doc.quotes.append(
            Quote(text + ",", n, speaker, "said", 1, len(text) + 2, confidence=confidence,
                  evidence=evidence, speaker_kind="person")
        )  # fmt: skip
    n = len(UNSURE) + 1
    doc.passages.append(Passage(n, "body", f"“{SURE[0]},” said Rui Costa."))
    doc.quotes.append(Quote(SURE[0] + ",", n, SURE[1], "said", 1, len(SURE[0]) + 2,
                            confidence=SURE[2], speaker_kind="person"))  # fmt: skip
    doc.people = [PersonMention("Ana Silva"), PersonMention("Rui Costa")]
    return doc


@pytest.fixture
def flood(data) -> int:
    return archive_document(data, flood_report())


def quotes_of(data, doc_id: int) -> list[Quote]:
    return open_catalog_of(data).quotes.of_document(doc_id)


def test_the_queue_lists_unsure_unverified_quotes_lowest_first(client, data, flood, lib_token):
    body = client.get("/api/quotes?review=1", headers=bearer(lib_token)).get_json()
    assert body["total"] == 3 and body["threshold"] == 0.9
    assert [q["confidence"] for q in body["quotes"]] == [0.31, 0.52, 0.64]
    first = body["quotes"][0]
    assert first["candidates"] == ["Rui Costa"]  # the others, not the speaker chosen
    assert first["passage_text"].startswith("“The river will rise")
    one_doc = client.get(f"/api/quotes?review=1&document={flood}", headers=bearer(lib_token))
    assert one_doc.get_json()["total"] == 3


def test_the_queue_is_for_librarians_only(client, flood):
    assert client.get("/api/quotes?review=1").status_code == 401


def test_a_confirmed_attribution_is_verified_by_a_librarian(client, data, flood, lib_token):
    quote = quotes_of(data, flood)[0]
    response = client.patch(
        f"/api/quotes/{quote.id}", json={"verified": True}, headers=bearer(lib_token)
    )
    assert response.status_code == 200
    shown = next(q for q in response.get_json()["quotes"] if q["id"] == quote.id)
    assert shown["verified"] is True and shown["speaker"] == "Ana Silva"
    assert shown["evidence"]["model_confidence"] == 0.31
    left = client.get("/api/quotes?review=1", headers=bearer(lib_token)).get_json()
    assert quote.id not in [q["id"] for q in left["quotes"]]
    entry = open_catalog_of(data).audit.entries(limit=1)[0]
    assert (entry.action, entry.actor, entry.after["verified"]) == ("quote-confirm", "lib", True)


def test_a_correction_names_the_typed_speaker_and_is_verified(client, data, flood, lib_token):
    quote = quotes_of(data, flood)[1]
    response = client.patch(
        f"/api/quotes/{quote.id}",
        json={"speaker": "Ana Silva", "verified": True},
        headers=bearer(lib_token),
    )
    shown = next(q for q in response.get_json()["quotes"] if q["id"] == quote.id)
    assert (shown["speaker"], shown["verified"], shown["speaker_kind"]) == (
        "Ana Silva",
        True,
        "person",
    )


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"verified": "yes"}, id="verified-not-a-boolean"),
        pytest.param({"speaker": 3}, id="speaker-not-text"),
        pytest.param({"speaker": "A", "person": 1}, id="both"),
        pytest.param({"mood": "happy"}, id="unknown-key"),
        pytest.param({}, id="empty"),
    ],
)
def test_a_bad_review_body_is_422_and_changes_nothing(client, data, flood, lib_token, body):
    quote = quotes_of(data, flood)[0]
    response = client.patch(f"/api/quotes/{quote.id}", json=body, headers=bearer(lib_token))
    assert response.status_code == 422
    assert quotes_of(data, flood)[0] == quote


def test_verified_attributions_survive_reindex_and_reattribution(client, data, flood, lib_token):
    quote = quotes_of(data, flood)[2]
    client.patch(
        f"/api/quotes/{quote.id}", json={"speaker": "Rui Costa"}, headers=bearer(lib_token)
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["reindex", "--data", str(data)]).exit_code == 0
    result = runner.invoke(cli, ["reattribute", str(flood), "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "1 verified by a librarian kept" in result.output
    shown = json.loads(
        runner.invoke(cli, ["show", str(flood), "--json", "--data", str(data)]).output
    )
    kept = [q for q in shown["quotes"] if q["verified"]]
    assert [(q["text"], q["speaker"]) for q in kept] == [(UNSURE[2][0] + ",", "Rui Costa")]
    hits = client.get("/api/search?q=rebuild+bridge").get_json()["hits"]
    assert hits[0]["attributions"][0] | {"person_id": None} == {
        "name": "Rui Costa",
        "person_id": None,
        "confidence": 1.0,
        "verified": True,
    }


def test_a_citation_names_only_verified_or_sure_speakers(client, data, flood, lib_token):
    unsure, sure = quotes_of(data, flood)[0], quotes_of(data, flood)[3]
    ids = f"{flood}-p1,{flood}-p4"
    entries = bibtexparser.parse_string(
        client.get(f"/api/cite?ids={ids}&format=biblatex").get_data(as_text=True)
    ).entries
    assert entries[0].fields_dict["x-quoted-person"].value == "Rui Costa"
    page = html.unescape(client.get(f"/cite?ids={flood}-p1").get_data(as_text=True))
    assert "confidence 0.31, below the archive's threshold of 0.90" in page
    client.patch(f"/api/quotes/{unsure.id}", json={"verified": True}, headers=bearer(lib_token))
    entries = bibtexparser.parse_string(
        client.get(f"/api/cite?ids={flood}-p1&format=biblatex").get_data(as_text=True)
    ).entries
    assert entries[0].fields_dict["x-quoted-person"].value == "Ana Silva"
    assert sure.verified is False  # named for its confidence alone


def test_the_review_page_decides_with_a_form_and_opens_on_the_next_quote(librarian, data, flood):
    page = librarian.get("/librarian/review").get_data(as_text=True)
    assert page.index("The river will rise") < page.index("Nobody warned")
    first = quotes_of(data, flood)[0]
    response = librarian.post(
        f"/librarian/quotes/{first.id}/review",
        data={
            "csrf_token": csrf_token(librarian, "/librarian/review"),
            "action": "none",
            "next": "/librarian/review",
        },
    )
    assert response.status_code == 302 and response.location.endswith("/librarian/review")
    after = librarian.get("/librarian/review").get_data(as_text=True)
    assert "The river will rise" not in after and "no speaker" in after
    decided = quotes_of(data, flood)[0]
    assert (decided.speaker, decided.verified) == (None, True)


WEAK_HE = """Union rejects the rail offer

John Harker, the union's leader, spoke to reporters on Monday.

The strike began in May. It has cost the railway millions of pounds since then.

"We will not accept this offer," he said.
"""


def test_the_queue_says_why_an_attribution_is_held_for_review(librarian, data, tmp_path):
    article = tmp_path / "strike.txt"
    article.write_text(WEAK_HE, encoding="utf-8")
    added = CliRunner().invoke(cli, ["add", str(article), "--json", "--data", str(data)])
    assert added.exit_code == 0, added.output
    doc_id = json.loads(added.output.splitlines()[0])["id"]
    shown = CliRunner().invoke(cli, ["show", str(doc_id), "--json", "--data", str(data)])
    quote = json.loads(shown.output)["quotes"][0]
    assert quote["speaker"] == "John Harker" and quote["confidence"] < 0.9
    assert "may refer to someone else" in quote["evidence"]["doubt"]

    page = html.unescape(librarian.get("/librarian/review").get_data(as_text=True))
    assert "We will not accept this offer" in page
    assert "held for review: “he” may refer to someone else here" in page
