"""Commands that run the web server: serve, and demo (serve with the seed documents loaded)."""

from __future__ import annotations

from contextlib import suppress
from importlib import resources
from pathlib import Path

import click

from index.sync import Archive
from web import settings
from web.cli.common import Terminated, data_option, database_url, friendly_errors, open_archive


def _serve(host: str, port: int, threads: int, workers: int, data: str | None) -> None:
    from web import serving
    from web.app import create_app

    url = database_url()
    app = create_app(data=data, database_url=url)  # checks the archive before workers start
    warning = settings.base_url_warning(host, app.config["CUTTINGS_BASE_URL"])
    if warning:
        click.echo(warning, err=True)
    where = f"{app.config['DATADIR'].describe()} on http://{host}:{port}/"
    if workers > 1:
        click.echo(f"Cuttings is serving {where} with {workers} worker processes", err=True)
        serving.serve_worker_processes(data, host, port, threads, workers, url)
    else:
        click.echo(f"Cuttings is serving {where}", err=True)
        # SIGTERM (a service manager's stop) is a clean stop: the app's jobs are stopped first
        with suppress(Terminated):
            serving.serve_one_process(app, host, port, threads)
        click.echo("Cuttings stopped", err=True)


def _print_settings(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(settings.describe())
        ctx.exit()


serve_options = [
    click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on."),
    click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on."),
    click.option(
        "--threads",
        default=8,
        show_default=True,
        type=click.IntRange(1),
        help="Threads per process.",
    ),
    click.option(
        "--workers",
        default=1,
        show_default=True,
        type=click.IntRange(1, 64),
        help="Server processes; more than one uses more cores (gunicorn).",
    ),
    click.option(
        "--help-settings",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_print_settings,
        help="List the CUTTINGS_* settings and exit.",
    ),
    data_option,
]


def with_serve_options(command):
    for option in reversed(serve_options):
        command = option(command)
    return command


@click.command()
@with_serve_options
@friendly_errors
def serve(host: str, port: int, threads: int, workers: int, data: str | None) -> None:
    """Serve the archive with a production WSGI server (waitress; gunicorn for --workers)."""
    _serve(host, port, threads, workers, data)


@click.command()
@with_serve_options
@friendly_errors
def demo(host: str, port: int, threads: int, workers: int, data: str | None) -> None:
    """Load the two seed documents into an empty data directory, then serve it."""
    with open_archive(data) as archive:
        if not archive.catalog.documents.counts():
            load_demo(archive)
    _serve(host, port, threads, workers, data)


def demo_files() -> list[Path]:
    folder = resources.files("web").joinpath("demo")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def load_demo(archive: Archive) -> None:
    """Add the seed documents, as `cuttings add` would."""
    click.echo("Loading the demo archive (two seed documents)...", err=True)
    for result in archive.add_paths(demo_files()):
        click.echo(f"{result.status} {result.id}: {result.source}", err=True)


COMMANDS = [serve, demo]
