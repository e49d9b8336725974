"""The citation clients the project does not write, run from the tests.

citation-js 0.8 and citeproc-js 2.4 come from the npm registry into tests/clients/ (its
package.json and package-lock.json; `./run test` runs `npm ci` there). biber, bibtex and
pandoc are Debian's (or pypandoc-binary's pandoc). Each helper skips with the fix when its
client is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

CLIENTS = Path(__file__).resolve().parent / "clients"


def node_clients_missing() -> str | None:
    """Why the npm clients cannot run, or None."""
    if shutil.which("node") is None:
        return "node is not installed: ./run test installs it (apt-get install nodejs npm)"
    if not (CLIENTS / "node_modules" / "citeproc").is_dir():
        return (
            "the npm citation clients are not installed: run ./run test (npm ci in tests/clients)"
        )
    return None


needs_node_clients = pytest.mark.skipif(
    node_clients_missing() is not None, reason=str(node_clients_missing())
)


def locale_path() -> Path:
    import citeproc

    return Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml"


def _node(*args: str) -> Any:
    done = subprocess.run(
        ["node", str(CLIENTS / "cite.js"), *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def citation_js(path: Path) -> list[dict[str, Any]]:
    """citation-js's reading of a file (BibTeX, biblatex, RIS or CSL-JSON) as CSL-JSON."""
    return _node("parse", str(path))


def citeproc_js(
    items: list[dict[str, Any]], style: str, cites: list[dict[str, Any]], folder: Path
) -> dict[str, Any]:
    """citeproc-js's references and citations ({id, locator, prefix}) of CSL items in the CSL
    file `style`: {"references": [{id, text, html}], "citations": [{id, text, html}]}."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "items.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    (folder / "cites.json").write_text(json.dumps(cites, ensure_ascii=False), encoding="utf-8")
    return _node(
        "render",
        str(folder / "items.json"),
        style,
        str(locale_path()),
        str(folder / "cites.json"),
    )
