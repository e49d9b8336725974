"""Production WSGI servers: waitress in one process, or gunicorn with several worker processes.

One Python process answers searches on one core (the GIL), so on a machine with more cores
`--workers N` runs N processes, each with its own app, catalog connections and index searchers.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from web.app import create_app, shutdown


def serve_one_process(app: Flask, host: str, port: int, threads: int) -> None:
    import waitress

    try:
        waitress.serve(app, host=host, port=port, threads=threads, ident="cuttings")
    finally:
        shutdown(app)


def serve_worker_processes(
    data: str | None,
    host: str,
    port: int,
    threads: int,
    workers: int,
    database_url: str | None = None,
) -> None:
    """gunicorn's threaded workers; each builds its own app after the fork (nothing shared
    but the archive: the data directory, whose writers queue on a file lock, or in server
    mode the database, whose transactions do)."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "preload_app": False,
                "proc_name": "cuttings",
                # long enough for a large upload or a Chicago basket on a busy machine
                "timeout": 300,
                "worker_exit": _stop_worker_app,
            }
            for name, value in options.items():
                self.cfg.set(name, value)

        def load(self) -> Flask:
            return create_app(
                {"CUTTINGS_SERVER_WORKERS": workers}, data=data, database_url=database_url
            )

    Server().run()


def _stop_worker_app(_server: Any, worker: Any) -> None:
    """gunicorn's hook as a worker process ends: its app's background threads stop first."""
    app = getattr(worker, "wsgi", None)
    if isinstance(app, Flask):
        shutdown(app)
