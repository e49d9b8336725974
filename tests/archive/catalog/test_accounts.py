"""Accounts: argon2 passwords, hashed API tokens shown once, the `user` and `token` commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from archive.catalog import accounts, open_catalog
from archive.datadir import DataDir
from archive.errors import InvalidValue, NotFound
from tests import catalog_file
from tests.librarian_support import FAST_HASHER, PASSWORD
from web.cli import user_cmds

pytestmark = pytest.mark.usefixtures("archive_mode")  # embedded and server mode


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr(accounts, "_hasher", FAST_HASHER)


@pytest.fixture
def catalog(catalog_location):
    catalog = open_catalog(catalog_location)
    yield catalog
    catalog.close()


def run(*args: str, input: str | None = None):
    command = {c.name: c for c in user_cmds.COMMANDS}[args[0]]
    return CliRunner().invoke(command, list(args[1:]), input=input)


def test_a_password_is_stored_as_an_argon2_hash(catalog):
    catalog.accounts.add_user("ada", "librarian", PASSWORD, actor="test")
    stored = catalog_file.value(catalog, "SELECT password_hash FROM users")
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_authenticate_accepts_the_right_password_only(catalog):
    catalog.accounts.add_user("ada", "admin", PASSWORD, actor="test")
    assert catalog.accounts.authenticate("ada", PASSWORD).role == "admin"
    assert catalog.accounts.authenticate("ada", PASSWORD + "x") is None
    assert catalog.accounts.authenticate("nobody", PASSWORD) is None


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        pytest.param("ada", "wizard", PASSWORD, "unknown role", id="unknown-role"),
        pytest.param("../ada", "librarian", PASSWORD, "not allowed", id="name-with-slash"),
        pytest.param("", "librarian", PASSWORD, "not allowed", id="empty-name"),
        pytest.param("ada", "librarian", "short", "at least 12", id="short-password"),
        pytest.param("ada", "librarian", "password", "at least 12", id="password"),
        pytest.param("ada", "librarian", "12345678", "at least 12", id="digits"),
        pytest.param("adalovelace1", "librarian", "adalovelace1", "user name", id="the-name"),
        pytest.param("ada", "librarian", "Password2024!", "common passwords", id="common+digits"),
        pytest.param("ada", "librarian", "iloveyouiloveyou", "repeats", id="doubled"),
        pytest.param("ada", "librarian", "123456789012", "sequence", id="counting"),
        pytest.param("ada", "librarian", "qwertyuiopasdf", "sequence", id="keyboard-row"),
        pytest.param("ada", "librarian", "abababababab", "repeats", id="repeated"),
        pytest.param("ada", "librarian", "cuttings-2024", "this service", id="the-service"),
    ],
)
def test_bad_accounts_are_refused_with_a_reason(catalog, name, role, password, message):
    with pytest.raises(InvalidValue, match=message):
        catalog.accounts.add_user(name, role, password, actor="test")
    assert catalog.accounts.users() == []


def test_a_name_is_taken_once(catalog):
    catalog.accounts.add_user("ada", "librarian", PASSWORD, actor="test")
    with pytest.raises(InvalidValue, match="already"):
        catalog.accounts.add_user("ada", "admin", PASSWORD, actor="test")


def test_a_token_is_stored_as_its_sha256_and_works_until_revoked(catalog):
    catalog.accounts.add_user("ada", "librarian", PASSWORD, actor="test")
    info, token = catalog.accounts.create_token("ada", actor="test")
    stored = catalog_file.value(catalog, "SELECT token_hash FROM tokens")
    assert stored == accounts.hash_token(token) and token not in stored
    assert catalog.accounts.user_for_token(token).name == "ada"
    assert catalog.accounts.revoke_tokens("ada", actor="test") == [info.id]
    assert catalog.accounts.user_for_token(token) is None


def test_removing_a_user_removes_their_tokens(catalog):
    catalog.accounts.add_user("ada", "librarian", PASSWORD, actor="test")
    _, token = catalog.accounts.create_token("ada", actor="test")
    catalog.accounts.remove_user("ada", actor="test")
    assert catalog.accounts.user_for_token(token) is None
    with pytest.raises(NotFound):
        catalog.accounts.user("ada")


def test_account_changes_are_audited_without_secrets(catalog):
    catalog.accounts.add_user("ada", "librarian", PASSWORD, actor="root")
    _, token = catalog.accounts.create_token("ada", actor="root")
    catalog.accounts.revoke_tokens("ada", actor="root")
    catalog.accounts.remove_user("ada", actor="root")
    log = catalog.audit.entries()
    assert [e.action for e in reversed(log)] == [
        "user-add",
        "token-create",
        "token-revoke",
        "user-remove",
    ]
    assert all(e.actor == "root" and e.target == "user:ada" for e in log)
    dumped = json.dumps([e.to_json() for e in log])
    assert token not in dumped and PASSWORD not in dumped and "argon2" not in dumped


# -- the commands ----------------------------------------------------------------------------


def test_user_add_reads_the_password_from_stdin(tmp_path):
    result = run(
        "user",
        "add",
        "ada",
        "--role",
        "admin",
        "--password-stdin",
        "--data",
        str(tmp_path),
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    catalog = open_catalog(DataDir.resolve(tmp_path).catalog)
    assert catalog.accounts.authenticate("ada", PASSWORD).role == "admin"


def test_user_add_prompts_twice_for_the_password(tmp_path):
    result = run("user", "add", "ada", "--data", str(tmp_path), input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "added librarian ada" in result.output


def test_user_list_and_remove(tmp_path):
    run("user", "add", "ada", "--password-stdin", "--data", str(tmp_path), input=PASSWORD)
    listed = run("user", "list", "--json", "--data", str(tmp_path))
    assert [u["name"] for u in json.loads(listed.stdout)] == ["ada"]
    assert run("user", "remove", "ada", "--data", str(tmp_path)).exit_code == 0
    assert json.loads(run("user", "list", "--json", "--data", str(tmp_path)).stdout) == []


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        pytest.param(
            ["user", "add", "ada", "--role", "wizard"], PASSWORD, "wizard", id="unknown-role"
        ),
        pytest.param(
            ["user", "add", "ada", "--password-stdin"], "short", "at least 12", id="short-password"
        ),
        pytest.param(
            ["user", "add", "ada", "--password-stdin"],
            "",
            "nothing on standard input",
            id="empty-stdin",
        ),
        pytest.param(["user", "remove", "nobody"], None, "no user called", id="remove-unknown"),
        pytest.param(["token", "create", "nobody"], None, "no user called", id="token-unknown"),
    ],
)
def test_command_errors_are_one_line_without_a_traceback(tmp_path, args, stdin, message):
    result = run(*args, "--data", str(tmp_path), input=stdin)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_token_create_prints_the_token_alone_on_the_last_line(tmp_path):
    run("user", "add", "ada", "--password-stdin", "--data", str(tmp_path), input=PASSWORD)
    result = run("token", "create", "ada", "--data", str(tmp_path))
    assert result.exit_code == 0
    token = result.stdout.strip().splitlines()[-1]
    assert len(token) >= 40 and " " not in token
    catalog = open_catalog(DataDir.resolve(tmp_path).catalog)
    assert catalog.accounts.user_for_token(token).name == "ada"


def test_token_revoke_by_id_leaves_the_others(tmp_path):
    run("user", "add", "ada", "--password-stdin", "--data", str(tmp_path), input=PASSWORD)
    first = run("token", "create", "ada", "--data", str(tmp_path)).stdout.split()[-1]
    second = run("token", "create", "ada", "--data", str(tmp_path)).stdout.split()[-1]
    catalog = open_catalog(DataDir.resolve(tmp_path).catalog)
    first_id = catalog.accounts.tokens("ada")[0].id
    result = run("token", "revoke", "ada", "--id", str(first_id), "--data", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert catalog.accounts.user_for_token(first) is None
    assert catalog.accounts.user_for_token(second).name == "ada"
    listed = json.loads(run("token", "list", "ada", "--json", "--data", str(tmp_path)).stdout)
    assert [t["revoked_at"] is None for t in listed] == [False, True]
    assert first not in json.dumps(listed)
