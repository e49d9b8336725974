"""Both modes for the same tests: `archive_mode` runs a test once embedded (SQLite + Whoosh in
a temp data directory) and once in server mode (a fresh database of a private PostgreSQL
cluster, started once per test session and stopped after it).

In server mode the test's environment carries CUTTINGS_DATABASE_URL, so every door the test
opens (`DataDir.resolve`, `create_app`, the `cuttings` command, a child process) is in
server mode the way a deployment would be. Each test gets its own database, copied from a
template on which `cuttings db init` ran once.
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
        open_engine(DataDir(Path("/nonexistent"), database_url=url), catalog.db).prepare()
    finally:
        catalog.close()
        close_pools()


def new_database(cluster: Cluster) -> str:
    """A fresh database, already initialised; its URL."""
    return cluster.create_database(f"t{os.getpid()}_{next(_numbers)}", template=TEMPLATE)


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
    url = new_database(cluster)
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
