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
        pytest.param("CUTTINGS_BASE_URL", "archive.example.org", "http(s) address", id="no-scheme"),
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
    assert read["CUTTINGS_BASE_URL"] == ""  # unset: each request's own address


def test_a_base_url_is_read_without_its_trailing_slash():
    read = settings.defaults({"CUTTINGS_BASE_URL": "https://archive.example.org/news/"})
    assert read["CUTTINGS_BASE_URL"] == "https://archive.example.org/news"


@pytest.mark.parametrize(
    ("host", "configured", "warns"),
    [
        pytest.param("0.0.0.0", "", True, id="all-interfaces"),
        pytest.param("192.168.1.5", "", True, id="lan"),
        pytest.param("archive.example.org", "", True, id="hostname"),
        pytest.param("127.0.0.1", "", False, id="loopback"),
        pytest.param("::1", "", False, id="loopback-v6"),
        pytest.param("localhost", "", False, id="localhost"),
        pytest.param("0.0.0.0", "https://archive.example.org", False, id="configured"),
    ],
)
def test_serving_on_a_public_address_without_a_base_url_warns(host, configured, warns):
    warning = settings.base_url_warning(host, configured)
    assert (warning is not None) == warns
    if warns:
        assert "CUTTINGS_BASE_URL" in warning and host in warning
