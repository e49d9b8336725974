"""CUTTINGS_* settings are checked when the archive starts: a bad value is one line naming it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from web import settings
from web.cli import cli


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        pytest.param("CUTTINGS_MAX_UPLOAD_MB", "fifty", "a whole number from 1 to", id="words"),
        pytest.param("CUTTINGS_MAX_UPLOAD_MB", "0", "a whole number from 1 to", id="zero"),
        pytest.param("CUTTINGS_LOGIN_ATTEMPTS", "-3", "a whole number", id="negative"),
        pytest.param("CUTTINGS_PRIVATE", "maybe", "1 or 0", id="not-a-boolean"),
    ],
)
def test_a_bad_setting_stops_serve_with_one_line_naming_it(tmp_path, variable, value, message):
    result = CliRunner().invoke(
        cli, ["serve", "--data", str(tmp_path / "data")], env={variable: value}
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert variable in lines[0] and message in lines[0] and value in lines[0]
    assert "Traceback" not in result.output


def test_good_values_are_read_with_their_types():
    read = settings.defaults({"CUTTINGS_PRIVATE": "yes", "CUTTINGS_MAX_UPLOAD_MB": " 12 "})
    assert read["CUTTINGS_PRIVATE"] is True
    assert read["CUTTINGS_MAX_UPLOAD_MB"] == 12
    assert read["CUTTINGS_BASE_URL"] == "http://127.0.0.1:8000"
