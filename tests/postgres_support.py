"""Both modes for the same tests: `archive_mode` runs a test once embedded (SQLite + Whoosh in
a temp data directory) and once in server mode (a fresh database of a private PostgreSQL
cluster, started once per test session and stopped after it).

In server mode the test's environment carries CUTTINGS_DATABASE_URL, so every door the test
opens (`DataDir.resolve`, `create_app`, the `cuttings` command, a child process) is in
server mode the way a deployment would be. Every such test starts from an empty archive: one
database, set up once by `cuttings db init`, is emptied before each test (cheaper than a new
database a test). Tests that need databases of their own make them with `new_database`.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.postgres_cluster import Cluster, ClusterError, server_bin

MODES = ("embedded", "server")
TEMPLATE = "cuttings_template"
_numbers = itertools.count(1)


@dataclass(frozen=True)
class Mode:
    """Which mode a test runs in, and in server mode its database."""

    name: str
    url: str | None = None
    cluster: Cluster | None = None

    @property
    def server(self) -> bool:
        return self.name == "server"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses `archive_mode` (directly or through a fixture) runs in both."""
    if "archive_mode" in metafunc.fixturenames:
        metafunc.parametrize("archive_mode", MODES, indirect=True)


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """A private PostgreSQL cluster for the session, with a template database set up."""
    if server_bin() is None:
        pytest.skip("PostgreSQL is not installed: ./run test installs Debian's postgresql-15")
    try:
        cluster = Cluster().init().start()
    except ClusterError as error:
        pytest.skip(f"a private PostgreSQL cluster could not start: {error}")
    try:
        prepare_database(cluster.create_database(TEMPLATE))
        yield cluster
    finally:
        cluster.remove()


def prepare_database(url: str) -> None:
    """`cuttings db init` on a database: the catalog's schema and the search tables."""
    from archive.catalog import open_catalog
    from archive.catalog.postgres import close_pools
    from archive.datadir import DataDir
    from index.engine import open_engine

    catalog = open_catalog(url)
    try:
        open_engine(DataDir(Path("/nonexistent"), database_url=url), database=catalog.db).prepare()
    finally:
        catalog.close()
        close_pools()


def new_database(cluster: Cluster) -> str:
    """A fresh database, already initialised; its URL."""
    return cluster.create_database(f"t{os.getpid()}_{next(_numbers)}", template=TEMPLATE)


# Kept across a reset: the schema's version and the rule that made the stored name keys.
_KEPT_META = ("person_key_version",)


def empty_database(url: str) -> None:
    """Every table emptied and every id counter back to 1, the schema left as it is."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename NOT IN ('schema_migrations', 'search_meta', 'meta')"
            )
        ]
        conn.execute(
            "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
        )
        conn.execute("DELETE FROM meta WHERE NOT (name = ANY(%s))", (list(_KEPT_META),))


@pytest.fixture(scope="session")
def shared_database(pg_cluster: Cluster) -> str:
    """The database the both-modes tests share, one after the other."""
    return new_database(pg_cluster)


@pytest.fixture
def archive_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Mode]:
    """ "embedded" or "server" (parametrised by pytest_generate_tests)."""
    name = getattr(request, "param", "embedded")
    monkeypatch.delenv("CUTTINGS_DATABASE_URL", raising=False)
    monkeypatch.delenv("CUTTINGS_DATABASE_REPLICA_URL", raising=False)
    if name != "server":
        yield Mode(name)
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = request.getfixturevalue("shared_database")
    empty_database(url)
    monkeypatch.setenv("CUTTINGS_DATABASE_URL", url)
    try:
        yield Mode(name, url, cluster)
    finally:
        from archive.catalog.postgres import close_pools

        close_pools()  # no test leaves connections open to a database it is done with


@pytest.fixture
def catalog_location(tmp_path: Path, archive_mode: Mode) -> str | Path:
    """Where a test's catalog is: a SQLite file, or the server-mode database."""
    return archive_mode.url or tmp_path / "catalog.sqlite3"
