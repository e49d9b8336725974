"""Commands for accounts and withdrawal: `user`, `token`, `withdraw`, `reinstate`.

Changes made here are audited as the CLI's own (actor `cli:<login name>`): whoever can run
the command can already read the data directory.
"""

from __future__ import annotations

import getpass
import sys

import click

from archive.catalog import accounts
from archive.errors import InvalidValue
from web import editing
from web.cli.common import catalog_of, data_option, friendly_errors, open_archive, print_json


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def read_password(from_stdin: bool) -> str:
    """The first line of stdin with `--password-stdin`, else a hidden prompt asked twice."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise InvalidValue("--password-stdin: nothing on standard input")
        return line.rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


# -- users -----------------------------------------------------------------------------------


@click.group()
def user() -> None:
    """Accounts: librarians add and correct, admins also reinstate and read the audit log."""


@user.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(accounts.ROLES),
    default="librarian",
    show_default=True,
    help="reader: may read a private archive.",
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@data_option
@friendly_errors
def user_add(name: str, role: str, password_stdin: bool, data: str | None) -> None:
    """Create an account called NAME (a password of at least 12 characters, not a common
    one nor the name: a few ordinary words make a good one)."""
    accounts.check_name(name)
    password = accounts.check_password(read_password(password_stdin), name)
    with catalog_of(data) as catalog:
        created = catalog.accounts.add_user(name, role, password, actor=cli_actor())
        click.echo(f"added {created.role} {created.name}")


@user.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON list on stdout.")
@data_option
@friendly_errors
def user_list(as_json: bool, data: str | None) -> None:
    """List the accounts."""
    with catalog_of(data) as catalog:
        users = catalog.accounts.users()
        if as_json:
            print_json([u.to_json() for u in users])
            return
        for account in users:
            click.echo(f"{account.name}\t{account.role}\t{account.created_at}")
        if not users:
            click.echo(
                "no accounts yet: add one with `cuttings user add NAME --role admin`", err=True
            )


@user.command("remove")
@click.argument("name")
@data_option
@friendly_errors
def user_remove(name: str, data: str | None) -> None:
    """Delete the account NAME and its API tokens (its sessions end too)."""
    with catalog_of(data) as catalog:
        catalog.accounts.remove_user(name, actor=cli_actor())
        click.echo(f"removed {name}")


@user.command("password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@data_option
@friendly_errors
def user_password(name: str, password_stdin: bool, data: str | None) -> None:
    """Set a new password for NAME (their sessions end everywhere)."""
    with catalog_of(data) as catalog:
        catalog.accounts.user(name)
        catalog.accounts.set_password(name, read_password(password_stdin), actor=cli_actor())
        click.echo(f"password changed for {name}")


@user.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(accounts.ROLES))
@data_option
@friendly_errors
def user_role(name: str, role: str, data: str | None) -> None:
    """Give NAME another role (their sessions end: they log in again with the new one)."""
    with catalog_of(data) as catalog:
        changed = catalog.accounts.set_role(name, role, actor=cli_actor())
        click.echo(f"{changed.name} is now {changed.role}")


# -- tokens ----------------------------------------------------------------------------------


@click.group()
def token() -> None:
    """API tokens, for scripts: `Authorization: Bearer <token>`."""


@token.command("create")
@click.argument("name")
@data_option
@friendly_errors
def token_create(name: str, data: str | None) -> None:
    """Create an API token for NAME; it is printed once, alone on the last line."""
    with catalog_of(data) as catalog:
        info, secret = catalog.accounts.create_token(name, actor=cli_actor())
        click.echo(f"token {info.id} for {name} (shown once; store it now):", err=True)
        click.echo(secret)


@token.command("list")
@click.argument("name", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON list on stdout.")
@data_option
@friendly_errors
def token_list(name: str | None, as_json: bool, data: str | None) -> None:
    """List API tokens (ids and dates, never the tokens), of NAME or everyone."""
    with catalog_of(data) as catalog:
        if name:
            catalog.accounts.user(name)
        tokens = catalog.accounts.tokens(name)
        if as_json:
            print_json([t.to_json() for t in tokens])
            return
        for info in tokens:
            state = f"revoked {info.revoked_at}" if info.revoked_at else "active"
            click.echo(f"{info.id}\t{info.user}\t{info.created_at}\t{state}")


@token.command("revoke")
@click.argument("name")
@click.option("--id", "token_id", type=int, help="Revoke only this token (see `token list`).")
@data_option
@friendly_errors
def token_revoke(name: str, token_id: int | None, data: str | None) -> None:
    """Revoke NAME's API tokens (all of them, or the one given by --id)."""
    with catalog_of(data) as catalog:
        revoked = catalog.accounts.revoke_tokens(name, actor=cli_actor(), token_id=token_id)
        if revoked:
            click.echo(
                f"revoked {len(revoked)} token(s) of {name}: " + ", ".join(map(str, revoked))
            )
        else:
            click.echo(f"{name} has no active tokens")


# -- withdrawal ------------------------------------------------------------------------------


@click.command()
@click.argument("doc_id", type=int)
@click.option("--reason", required=True, help="Why readers should no longer see it.")
@data_option
@friendly_errors
def withdraw(doc_id: int, reason: str, data: str | None) -> None:
    """Withdraw a document: gone from search, pages and citations; the original is kept."""
    with open_archive(data) as archive:
        editing.withdraw(archive, doc_id, reason, actor=cli_actor())
    click.echo(f"withdrew document {doc_id}")


@click.command()
@click.argument("doc_id", type=int)
@data_option
@friendly_errors
def reinstate(doc_id: int, data: str | None) -> None:
    """Reinstate a withdrawn document."""
    with open_archive(data) as archive:
        editing.reinstate(archive, doc_id, actor=cli_actor())
    click.echo(f"reinstated document {doc_id}")


COMMANDS = [user, token, withdraw, reinstate]
