"""Property tests: nothing a reader types or puts in a URL is a 500 or a traceback.

Arbitrary query text up to (and past) the length limit, built from every ASCII punctuation
mark, the query language's operators and fields and the archive's own words, goes through
`/api/search`, `/` and `cuttings search`: the answer is 200 or a 400 that says why. Every
integer-looking path and query parameter gets a 404 or a 400. Every punctuation mark at
every position of a query is tried exhaustively.

Fast by design, so that CI runs well over 10,000 examples in under a minute or two: one
small index for the whole module, Flask's test client (no server), click's CliRunner (no
process), and each test's example count scaled by CUTTINGS_PROPERTY_SCALE (1 in CI; 0.05
for a quick local run).
"""

from __future__ import annotations

import os
import string

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.catalog import accounts
from archive.catalog.postgres import close_pools
from index.parse import MAX_QUERY_CHARS
from tests.archive_fixtures import Archive, Para, make_document
from tests.librarian_support import FAST_HASHER, PASSWORD, bearer, csrf_token, log_in
from tests.postgres_support import new_database
from web.app import create_app
from web.cli import cli

SCALE = float(os.environ.get("CUTTINGS_PROPERTY_SCALE", "1"))
# Examples per test in CI: 11,000 in all, besides the exhaustive punctuation test.
QUERY_EXAMPLES, CLI_EXAMPLES, NUMBER_EXAMPLES = 6000, 2000, 3000
SERVER_QUERY_EXAMPLES = 2000  # each a few round trips to a real PostgreSQL

settings.register_profile(
    "cuttings-properties",
    deadline=None,
    database=None,  # nothing written beside the project; every run draws afresh
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def examples(count: int) -> settings:
    return settings(
        settings.get_profile("cuttings-properties"), max_examples=max(20, int(count * SCALE))
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One small archive for the module: dated and undated, with and without an outlet, a
    repost, a quote; a librarian account and token for the write routes."""
    yield from _site(tmp_path_factory.mktemp("properties") / "data")


@pytest.fixture(scope="module")
def server_site(tmp_path_factory, pg_cluster):
    """The same archive in server mode, in a database of its own."""
    url = new_database(pg_cluster)
    try:
        yield from _site(tmp_path_factory.mktemp("properties-server") / "data", url)
    finally:
        close_pools()


def _site(root, database_url: str | None = None):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", FAST_HASHER)
        patch.delenv("CUTTINGS_DATABASE_URL", raising=False)
        if database_url:
            patch.setenv("CUTTINGS_DATABASE_URL", database_url)
        archive = Archive(root)
        archive.add(
            make_document(
                "Organ harvesting",
                [
                    Para(
                        "Organ harvesting from prisoners went on, Mr Gutmann said.", "Ethan Gutmann"
                    ),
                    Para("The minister denied it: “nothing of the kind”, he said."),
                ],
                outlet="Haaretz",
                published="2020-12-04",
            ),
            make_document(
                "Undated",
                [Para("Harvest of grain at 100,000 tonnes <b>bold</b>.")],
                outlet=None,
                published=None,
            ),
            make_document(
                "Repost",
                [
                    Para(
                        "Organ harvesting from prisoners went on, Mr Gutmann said.", "Ethan Gutmann"
                    )
                ],
                host="forum",
                published="2020-12-05",
            ),
        )
        archive.catalog.accounts.add_user("lib", "librarian", PASSWORD, actor="test")
        token = archive.catalog.accounts.create_token("lib", actor="test")[1]
        config = {"DATA": str(archive.datadir.root), "TESTING": True}
        app = create_app({**config, "DATABASE_URL": database_url} if database_url else config)
        assert app.config["DATADIR"].server_mode == bool(database_url)
        librarian = app.test_client()
        assert log_in(librarian, "lib").status_code == 302
        yield {
            "client": app.test_client(),
            "librarian": librarian,
            "csrf": csrf_token(librarian, "/librarian/"),
            "token": token,
            "data": str(archive.datadir.root),
        }


def assert_answered(response, allowed=(200, 400)) -> None:
    """One of the allowed statuses; an error is the one JSON shape or the error page; never a
    traceback."""
    body = response.get_data(as_text=True)
    assert response.status_code in allowed, (response.status_code, body[:300])
    assert "Traceback" not in body and "internal error" not in body
    if response.status_code >= 400 and response.is_json:
        error = response.get_json()
        assert set(error) >= {"error", "status", "kind"} and error["error"]
        assert error["status"] == response.status_code


# -- query text --------------------------------------------------------------------------------

PIECES = [
    *string.punctuation,
    " ", "  ", "\t", "AND", "OR", "NOT", "ANDNOT", "and", "or", "TO", "to",
    "organ", "harvesting", "Gutmann", "Gutman", "minister", "prisoners", "grain", "the",
    "person:", "outlet:", "title:", "host:", "author:", "date:", "year:", "kind:", "text:",
    "speaker:", "colour:", "2020", "2020-12", "2020-12-04", "1999-13-45", "100,000", "<5",
    ">=2005", "[2004 TO 2006]", "{a TO z}", "~2", "~5", "^2", "^0.5", "*", "?", "harv*",
    "h?rvest", "c*", "“", "”", "‘", "’", "…", "é", "ß", "İ", "\u200b", "\x00", "🙂",
]  # fmt: skip
structured = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
loose = st.text(
    alphabet=st.one_of(
        st.sampled_from(string.punctuation + string.ascii_letters + string.digits + " "),
        st.characters(codec="utf-8"),
    ),
    max_size=MAX_QUERY_CHARS,
)
too_long = st.integers(MAX_QUERY_CHARS - 2, MAX_QUERY_CHARS + 50).map(
    lambda n: "organ " * (n // 6) + "x" * (n % 6)
)
query_texts = st.one_of(structured, loose, too_long)
sorts = st.sampled_from(["", "relevance", "newest", "oldest", "date", "random"])


@examples(QUERY_EXAMPLES)
@given(q=query_texts, sort=sorts)
def test_any_query_text_is_a_result_or_a_400_on_the_api_and_the_page(site, q, sort):
    answered_on_api_and_page(site, q, sort)


@examples(SERVER_QUERY_EXAMPLES)
@given(q=query_texts, sort=sorts)
def test_any_query_text_is_a_result_or_a_400_in_server_mode_too(server_site, q, sort):
    answered_on_api_and_page(server_site, q, sort)


def answered_on_api_and_page(site, q: str, sort: str) -> None:
    client = site["client"]
    args = {"q": q, "sort": sort} if sort else {"q": q}
    api = client.get("/api/search", query_string=args)
    assert_answered(api)
    page = client.get("/", query_string=args)
    assert_answered(page)
    if page.status_code == 400:
        assert 'role="search"' in page.get_data(as_text=True)  # the box stays to fix it in


@examples(CLI_EXAMPLES)
@given(q=query_texts)
def test_cuttings_search_answers_any_query_with_hits_or_one_line(site, q):
    result = CliRunner().invoke(cli, ["search", "--data", site["data"], "--", q])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 1:
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_every_punctuation_mark_at_every_position_is_a_result_or_a_400(site):
    client = site["client"]
    base = 'organ harvesting -minister person:"Ethan Gutmann"'
    for mark in string.punctuation:
        for at in range(len(base) + 1):
            q = base[:at] + mark + base[at:]
            assert_answered(client.get("/api/search", query_string={"q": q}))
        for q in (mark, mark * 2, f"{mark}organ", f"organ{mark}", f"{mark} organ {mark}"):
            assert_answered(client.get("/api/search", query_string={"q": q}))
            assert_answered(client.get("/", query_string={"q": q}))


# -- numbers in paths and query strings --------------------------------------------------------

numbers = st.one_of(
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(
        [
            "0",
            "-1",
            "+1",
            "01",
            "1.0",
            "1e9",
            " 1",
            "٣",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551616",
            "9" * 40,
        ]
    ),  # fmt: skip
    st.from_regex(r"\A[0-9]{1,40}\Z"),
)
READER_PATHS = [
    "/documents/{n}", "/api/documents/{n}", "/people/{n}", "/passages/{n}-p{n}",
    "/api/passages/{n}-p1", "/passages/1-p{n}", "/documents/1?page={n}", "/?q=organ&page={n}",
    "/api/search?q=organ&page={n}", "/api/search?q=organ&per_page={n}", "/people?page={n}",
    "/cite?ids={n}", "/cite?ids={n}-p{n}", "/api/cite?ids={n}&format=bibtex",
]  # fmt: skip
LIBRARIAN_GETS = [
    "/librarian/documents/{n}", "/librarian/documents/{n}/edit", "/librarian/documents/{n}/original",
    "/librarian/people/{n}", "/librarian/?page={n}", "/librarian/audit?page={n}",
]  # fmt: skip
LIBRARIAN_POSTS = [
    "/librarian/documents/{n}/withdraw", "/librarian/documents/{n}/reinstate",
    "/librarian/documents/{n}/flags/long-passages/clear", "/librarian/quotes/{n}/speaker",
    "/librarian/people/{n}/split",
]  # fmt: skip
API_WRITES = [
    ("PATCH", "/api/documents/{n}"), ("DELETE", "/api/documents/{n}?reason=test"),
    ("POST", "/api/documents/{n}/reinstate"), ("PATCH", "/api/quotes/{n}"),
]  # fmt: skip
NUMBER_ANSWERS = (200, 302, 400, 403, 404, 405, 409, 422)


@examples(NUMBER_EXAMPLES)
@given(n=numbers, which=st.integers(0, 10**6))
def test_integer_looking_paths_and_parameters_are_a_404_or_a_400(site, n, which):
    path = READER_PATHS[which % len(READER_PATHS)].format(n=n)
    assert_answered(site["client"].get(path), NUMBER_ANSWERS)
    path = LIBRARIAN_GETS[which % len(LIBRARIAN_GETS)].format(n=n)
    assert_answered(site["librarian"].get(path), NUMBER_ANSWERS)
    path = LIBRARIAN_POSTS[which % len(LIBRARIAN_POSTS)].format(n=n)
    form = {"csrf_token": site["csrf"], "reason": "property test", "speaker": "Someone"}
    # a withdraw or reinstate may land on the archive's own document: let it, both are fine
    assert_answered(site["librarian"].post(path, data=form), NUMBER_ANSWERS)
    method, path = API_WRITES[which % len(API_WRITES)]
    response = site["client"].open(
        path.format(n=n), method=method, headers=bearer(site["token"]), json={"title": "T"}
    )
    assert_answered(response, NUMBER_ANSWERS)
