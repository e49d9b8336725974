"""`cuttings verify` in both modes: it re-hashes every original where the archive keeps them
(in server mode the shared folder) and puts back what the search lacks."""

from __future__ import annotations

import json

from click.testing import CliRunner

from archive.datadir import DataDir
from tests.archive_fixtures import Archive, Para, make_document
from web.cli import cli


def verify(data) -> tuple[int, dict]:
    result = CliRunner().invoke(cli, ["verify", "--json", "--data", str(data)])
    return result.exit_code, json.loads(result.stdout)


def test_verify_finds_a_corrupt_original_and_repairs_the_search(
    tmp_path, archive_mode, monkeypatch
):
    if archive_mode.server:
        monkeypatch.setenv("CUTTINGS_ORIGINALS", str(tmp_path / "shared-originals"))
    root = tmp_path / "data"
    archive = Archive(root)
    assert archive.datadir.originals == DataDir.resolve(root).originals
    first, second = archive.add(
        make_document("Harbour", [Para("The tide came in early.")]),
        make_document("Bridge", [Para("The bridge opened at noon.")]),
    )
    for doc in (first, second):
        original = archive.catalog.documents.get(doc).original.sha256
        archive.datadir.originals.mkdir(parents=True, exist_ok=True)
        (archive.datadir.originals / original).write_bytes(f"document {doc}".encode())
    archive.engine.remove(second)  # as a crash between catalog and index would leave it

    status, report = verify(root)
    assert status == 1  # the originals do not hash to their names: restore them
    assert report["originals"]["checked"] == 2
    assert len(report["originals"]["corrupt"]) == 2
    assert report["index"]["missing"] == [second] and report["index"]["repaired"]
    _status, again = verify(root)
    assert again["index"] == {"missing": [], "stale": [], "extra": [], "repaired": False}
    archive.archive.close()
