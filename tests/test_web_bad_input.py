"""Bad input to the web app found by trying every route with odd values: each is one line
naming the field (never a 500, nor a traceback in the server's log), and changes nothing."""

from __future__ import annotations

import pytest

from _web_support import TestClient, error_message, web_state  # skips without the web extra
from pourparler.evidence.store import Store
from pourparler.web import create_app


@pytest.mark.parametrize("feed", ["²", "١", "1²"])
def test_a_feed_id_of_digits_that_are_not_ascii_is_refused(db, feed):
    from pourparler.evidence.followed import follow, followed

    with Store(db) as store:
        follow(store, ["https://example.org/feed.xml"], "istanbul-2025")
        [kept] = followed(store)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post("/evidence/feeds/unfollow", data={"feed": feed})
    assert r.status_code == 400
    assert error_message(r.text) == f"feed: &#39;{feed}&#39;: not a feed id"
    with Store(db) as store:
        assert followed(store) == [kept]


# -- a body cut short ----------------------------------------------------------------------------

MULTIPART = b"multipart/form-data; boundary=xyz"
PART = b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.yaml"\r\n\r\nid: x\n'


async def _cut_short(app, path: str, content_type: bytes, body: bytes) -> tuple[int, bytes]:
    """The status and body of the answer to a POST whose client closes the connection after
    part of the body it announced."""
    messages = [
        {"type": "http.request", "body": body, "more_body": True},
        {"type": "http.disconnect"},
    ]

    async def receive():
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    sent = []

    async def send(message):
        sent.append(message)

    headers = [
        (b"host", b"localhost"),
        (b"content-type", content_type),
        (b"content-length", b"5000"),
    ]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "server": ("test", 80),
        "client": ("client", 1),
    }
    await app(scope, receive, send)
    [start] = [m for m in sent if m["type"] == "http.response.start"]
    return start["status"], b"".join(m.get("body", b"") for m in sent if "body" in m)


@pytest.mark.parametrize(
    ("path", "content_type", "body"),
    [
        ("/upload", MULTIPART, PART),
        ("/evidence/add", MULTIPART, PART),
        ("/evidence/claim/1/review", b"application/x-www-form-urlencoded", b"action=acc"),
    ],
    ids=["upload", "add", "review"],
)
def test_a_body_cut_short_by_the_client_is_400_and_logs_no_traceback(
    db, caplog, path, content_type, body
):
    import asyncio
    import logging

    app = create_app(db=db, review=True)
    with caplog.at_level(logging.ERROR):
        status, page = asyncio.run(_cut_short(app, path, content_type, body))
    assert status == 400
    assert error_message(page.decode()) == (
        "request body incomplete: the client closed the connection"
    )
    assert not caplog.records


# -- a scenario the simulation once failed on ----------------------------------------------------


def test_the_simulation_of_a_p_sd_too_small_for_floats_is_shown():
    import yaml

    from simulate_samples import doc

    data = doc()
    data["battlefield"]["p_sd"] = 1e-300  # squared: 0
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        r = c.post("/upload", files={"file": ("tiny.yaml", yaml.safe_dump(data).encode())})
        assert r.status_code == 200, r.text
        page = r.url.path
        for path in ("/simulate?runs=200", "/simulation.json?runs=200"):
            assert c.get(page + path).status_code == 200, path


# -- a form's body of another type ---------------------------------------------------------------

NOT_A_FORM = (
    "form: &#39;application/json&#39;: expected application/x-www-form-urlencoded or "
    "multipart/form-data"
)


def test_a_what_if_posted_as_json_is_refused_not_read_as_no_change():
    from pourparler.scenario import load_scenario

    key = load_scenario("istanbul-2025").digest()
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        r = c.post(
            f"/scenario/{key}/whatif",
            content=b'{"position:RU:ceasefire": "60"}',
            headers={"content-type": "application/json"},
            follow_redirects=False,
        )
    assert r.status_code == 400
    assert error_message(r.text) == NOT_A_FORM


@pytest.mark.parametrize(
    ("raw", "refused"),
    [
        ("1_0", "not a number"),  # Python reads 10
        ("５０", "not a number"),  # full-width digits: Python reads 50
        ("٥٠", "not a number"),  # Arabic-Indic digits
        ("\u00a050", "not a number"),  # a space other than ASCII
        ("nan", "not a finite number"),
        ("-inf", "not a finite number"),
        ("1e400", "not a finite number"),
    ],
)
def test_a_what_if_number_is_read_as_the_command_line_reads_one(raw, refused):
    from pourparler.scenario import load_scenario

    sc = load_scenario("istanbul-2022")
    st = sc.stances[0]
    field = f"position:{st.actor}:{st.issue}"
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        count = len(web_state(c).scenarios)
        r = c.post(f"/scenario/{sc.digest()}/whatif", data={field: raw}, follow_redirects=False)
        assert r.status_code == 400
        message = error_message(r.text)
        assert message.startswith(f"{field}: ") and refused in message
        assert "\n" not in message
        assert len(web_state(c).scenarios) == count
        # ASCII digits with a sign, a point and an exponent are numbers
        moved = 0.0 if st.position > 50 else 100.0
        for text in (f"{moved:g}", f" +{moved:g}.0 ", f"{moved / 10:g}e1"):
            ok = c.post(
                f"/scenario/{sc.digest()}/whatif", data={field: text}, follow_redirects=False
            )
            assert ok.status_code == 303, text


def test_a_removal_posted_as_json_removes_nothing(db):
    from pourparler.evidence.ingest import add_article
    from pourparler.scenario import load_scenario

    article = db.parent / "article.txt"
    article.write_text("Russia demands that Ukraine give up its bid to join NATO.\n")
    with Store(db) as store:
        add_article(store, article, load_scenario("istanbul-2025"))
        [doc] = store.document_list()
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        for path, body in (
            (f"/evidence/document/{doc.id}/remove", b"{}"),
            ("/evidence/claim/1/review", b'{"action": "accept"}'),
            ("/evidence/review", b'{"action": "accept", "claim": [1]}'),
        ):
            r = c.post(path, content=body, headers={"content-type": "application/json"})
            assert r.status_code == 400, path
            assert error_message(r.text) == NOT_A_FORM, path
    with Store(db) as store:
        assert [d.id for d in store.document_list()] == [doc.id]
        assert {c.status for c in store.claims()} == {"pending"}


# -- JSON downloads fail in JSON -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/scenario/nosuchkey/forecast.json", 404, "no such scenario"),
        ("/evidence/claims.json?actor=XX", 400, "actor"),
        ("/evidence/timeline.json?actor=RU", 400, "issue"),
        ("/evidence/nosuch.json", 404, "no such page"),
    ],
)
def test_a_json_download_fails_with_a_json_object(db, path, status, message):
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        r = c.get(path)
        page = c.get("/evidence/claims?actor=XX")
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    error = r.json()["error"]
    assert error["status"] == status and message in error["message"], error
    assert error["problems"] == [] and "Traceback" not in r.text
    # the pages themselves still fail as pages
    assert page.headers["content-type"].startswith("text/html")


def test_a_json_download_with_a_body_over_the_limit_is_refused_in_json(db):
    from pourparler.web.upload import MAX_UPLOAD_BYTES

    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        big = b"x" * (MAX_UPLOAD_BYTES * 2)  # refused from its Content-Length, before the app
        r = c.request("GET", "/evidence/claims.json", content=big)
        page = c.request("GET", "/evidence/claims", content=big)
    assert r.status_code == 413 and r.headers["content-type"] == "application/json"
    error = r.json()["error"]
    assert error["status"] == 413 and "too large" in error["message"], error
    assert r.headers["content-security-policy"]  # still with the security headers
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")


def test_an_invalid_scenario_download_lists_its_problems_in_json(tmp_path):
    from pourparler.web.failures import error_response

    class Asked:  # the request as error_response reads it
        class url:
            path = "/scenario/k/forecast.json"

    r = error_response(Asked(), 422, "invalid scenario: 1 problem", [{"field": "actors"}])  # type: ignore[arg-type]
    assert r.status_code == 422
    assert r.body == (
        b'{"error":{"status":422,"message":"invalid scenario: 1 problem",'
        b'"problems":[{"field":"actors"}]}}'
    )


def test_a_page_number_of_thousands_of_digits_is_too_large_not_a_non_number(db):
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        r = c.get("/evidence?page=" + "9" * 5000)
    assert r.status_code == 400
    assert error_message(r.text) == "page: a number of 5,000 digits: too large"
