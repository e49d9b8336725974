"""The server catalog's connection under limits: a statement past its transaction's time
limit stops with StatementTimedOut (what a search's time budget becomes in server mode), the
connection goes on working, and a limit taken inside a caller's transaction is not set."""

from __future__ import annotations

import pytest

from archive.catalog.postgres import PostgresDatabase, StatementTimedOut, close_pools
from archive.errors import ArchiveError
from tests.postgres_support import new_database


@pytest.fixture
def db(pg_cluster):
    database = PostgresDatabase(new_database(pg_cluster))
    yield database
    database.close()
    close_pools()


def test_a_statement_past_its_time_limit_stops_and_the_connection_goes_on(db):
    with pytest.raises(StatementTimedOut), db.transaction():
        db.time_limit(0.05)
        db.scalar("SELECT pg_sleep(2) AS slept")
    assert db.scalar("SELECT 1 AS one") == 1
    assert not db.wrote  # a read that timed out wrote nothing


def test_a_time_limit_inside_a_callers_transaction_is_left_to_the_caller(db):
    with db.transaction():
        with db.transaction():
            db.time_limit(0.01)
        assert db.scalar("SELECT current_setting('statement_timeout') AS t") == "0"


def test_a_nul_character_is_a_clear_400_not_a_crash(db):
    with pytest.raises(ArchiveError) as refused:
        db.scalar("SELECT ?::text AS t", ("a\x00b",))
    assert refused.value.status == 400 and "NUL" in refused.value.message
