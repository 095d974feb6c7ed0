"""Reviewing claims in the web app (``pourparler serve --db DB --review``): accept, reject and
correct from the browser, with the audit trail of ``pourparler evidence review``, the same
checks, nothing written on bad input, and nothing writable without ``--review``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from _web_support import TestClient, error_message  # skips without the web extra
from pourparler.errors import InputError
from pourparler.evidence import review
from pourparler.evidence.store import Store
from pourparler.scenario import load_scenario
from pourparler.web import create_app

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store of 60 claims (30 sentences, each giving Ukraine's demand and Russia's
    rejection), 3 pages of the evidence browser."""
    from pourparler.evidence.ingest import add_article

    art = tmp_path / "a.txt"
    body = "".join(
        f"Kyiv insists on an unconditional 30-day ceasefire {HOSTILE} number {j}.\n"
        f"The Kremlin rejected the ceasefire in round {j}.\n"
        for j in range(30)
    )
    art.write_text(f"Talks resume\n\n{body}", encoding="utf-8")
    path = tmp_path / "e.db"
    with Store(path) as store:
        add_article(store, art, load_scenario("istanbul-2025"))
        assert len(store.claims()) == 60
    return path


def claims(db: Path) -> dict[int, tuple[str, str, str, float | None, str]]:
    with Store(db) as store:
        return {c.id: (c.actor, c.issue, c.stance, c.position, c.status) for c in store.claims()}


def ids_on(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr class="claim" data-claim="(\d+)"', html)]


def test_accept_and_reject_from_the_list_keep_the_page_and_an_audit_trail(db):
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        page = c.get("/evidence?status=pending&page=2").text
        first, second = ids_on(page)[:2]
        back = "/evidence?actor=&issue=&status=pending&page=2"
        assert f'name="back" value="{back}"'.replace("&", "&amp;") in page
        r = c.post(
            f"/evidence/claim/{first}/review",
            data={"action": "accept", "back": back},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == back
        c.post(f"/evidence/claim/{second}/review", data={"action": "reject", "back": back})
        stored = claims(db)
        assert stored[first][4] == "accepted" and stored[second][4] == "rejected"
        assert sum(v[4] == "pending" for v in stored.values()) == 58
        # the list filtered by status shows the change, and the claim its history
        assert first in ids_on(c.get("/evidence?status=accepted").text)
        assert first not in ids_on(c.get("/evidence?status=pending&page=2").text)
        history = c.get(f"/evidence/claim/{second}").text
        assert re.findall(r'class="change" data-action="(\w+)"', history) == ["reject"]
    with Store(db) as store:  # the same audit trail as the command line's
        changes = review.history(store, second).changes
    assert [(ch.action, ch.old["status"], ch.new["status"]) for ch in changes] == [
        ("reject", "pending", "rejected")
    ]


def test_a_correction_changes_only_what_differs_and_records_the_note(db):
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        cid = next(k for k, v in claims(db).items() if v[0] == "UA")
        before = claims(db)[cid]
        page = c.get(f"/evidence/claim/{cid}").text
        assert 'id="review-form"' in page and "&lt;script&gt;" in page and HOSTILE not in page
        # the form posts every field with the claim's values preselected; only stance changes
        form = {
            "action": "correct",
            "actor": before[0],
            "issue": before[1],
            "stance": "propose",
            "position": "" if before[3] is None else repr(before[3]),
            "note": f"an offer, not a demand {HOSTILE}",
        }
        r = c.post(f"/evidence/claim/{cid}/review", data=form, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == f"/evidence/claim/{cid}"
        assert claims(db)[cid] == (*before[:2], "propose", before[3], "corrected")
        page = c.get(f"/evidence/claim/{cid}").text
        assert "an offer, not a demand &lt;script&gt;" in page
        # an actor given by name, a position set
        form.update(actor="Russia", stance="propose", position="40", note="")
        c.post(f"/evidence/claim/{cid}/review", data=form)
        assert claims(db)[cid] == ("RU", before[1], "propose", 40.0, "corrected")
    with Store(db) as store:
        changes = review.history(store, cid).changes
    assert [ch.new["stance"] for ch in changes] == ["propose", "propose"]
    assert changes[0].note == f"an offer, not a demand {HOSTILE}" and changes[1].note is None
    assert changes[1].old["actor"] == "UA" and changes[1].new["actor"] == "RU"


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"action": "bogus"}, "action: 'bogus': expected one of accept, reject, correct"),
        ({}, "action: '': expected one of accept, reject, correct"),
        ({"action": "correct", "actor": "XX"}, "actor: 'XX': not an actor of istanbul-2025"),
        ({"action": "correct", "issue": "weather"}, "issue: 'weather': not an issue of"),
        ({"action": "correct", "stance": "maybe"}, "stance: 'maybe': not a stance"),
        ({"action": "correct", "position": "abc"}, "position: 'abc': not a number"),
        ({"action": "correct", "position": "150"}, "position: '150': not a position between"),
        ({"action": "correct", "position": "nan"}, "position: 'nan': not a position between"),
        ({"action": "correct"}, "already has these values"),
        ({"action": "accept", "note": "x" * 2001}, "note: longer than 2,000 characters"),
        ({"action": "correct", "actor": "A" * 65}, "actor: longer than 64 characters"),
    ],
)
def test_a_bad_review_is_one_line_naming_the_field_and_changes_nothing(db, form, expected):
    before = claims(db)
    cid = min(before)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post(f"/evidence/claim/{cid}/review", data=form)
    assert r.status_code == 400
    assert expected.replace("'", "&#39;") in error_message(r.text)
    assert str(db) not in r.text  # the server's files are not named to the browser
    assert claims(db) == before
    with Store(db) as store:
        assert review.history(store, cid).changes == ()


def test_unknown_claims_are_404_and_bad_ids_change_nothing(db):
    before = claims(db)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        for cid in (999_999, 2**70):
            assert c.get(f"/evidence/claim/{cid}").status_code == 404
            r = c.post(f"/evidence/claim/{cid}/review", data={"action": "accept"})
            assert r.status_code == 404 and "no such claim" in error_message(r.text)
        assert c.get("/evidence/claim/x").status_code == 404
        # a page's claims are reviewed all or none: one unknown id stops the whole form
        both = [str(min(before)), "999999"]
        r = c.post("/evidence/review", data={"claim": both, "action": "accept"})
        assert r.status_code == 404
        r = c.post("/evidence/review", data={"claim": ["1", "x"], "action": "accept"})
        assert r.status_code == 400 and "claim: expected claim ids" in error_message(r.text)
        r = c.post("/evidence/review", data={"claim": ["1"], "action": "correct"})
        assert r.status_code == 400 and "action: 'correct'".replace("'", "&#39;") in r.text
        r = c.post("/evidence/review", data={"action": "accept"})
        assert r.status_code == 400 and "claim: no claims given" in error_message(r.text)
    assert claims(db) == before


def test_a_page_is_accepted_at_once_and_the_shortened_list_stays_in_range(db):
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        page = c.get("/evidence?status=pending&page=3").text
        shown = ids_on(page)
        assert len(shown) == 10  # 60 claims, 25 a page
        listed = re.findall(r'<input type="hidden" name="claim" value="(\d+)">', page)
        assert sorted(int(i) for i in listed) == sorted(shown)
        back = "/evidence?actor=&issue=&status=pending&page=3"
        r = c.post(
            "/evidence/review",
            data={"claim": listed, "action": "accept", "back": back},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == back
        after = c.get(back)  # two pages of pending claims are left: page 3 shows the last
        assert after.status_code == 200 and 'data-page="2"' in after.text
        assert not set(shown) & set(ids_on(after.text))
    stored = claims(db)
    assert {i for i, v in stored.items() if v[4] == "accepted"} == set(shown)


def test_reviews_need_the_review_flag_and_a_page_from_this_site(db):
    before = claims(db)
    cid = min(before)
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        page = c.get("/evidence").text
        assert "review-form" not in page and "page-review" not in page
        view = c.get(f"/evidence/claim/{cid}")  # the claim and its history are still shown
        assert view.status_code == 200 and 'id="review-form"' not in view.text
        r = c.post(f"/evidence/claim/{cid}/review", data={"action": "accept"})
        assert r.status_code == 403 and "--review" in error_message(r.text)
        r = c.post("/evidence/review", data={"claim": [str(cid)], "action": "accept"})
        assert r.status_code == 403
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post(
            f"/evidence/claim/{cid}/review",
            data={"action": "accept"},
            headers={"origin": "https://elsewhere.example"},
        )
        assert r.status_code == 403
        # a form may only send the analyst back into the evidence browser, never elsewhere
        for back in ("https://elsewhere.example/", "//elsewhere.example/evidence", "/scenario/x"):
            r = c.post(
                f"/evidence/claim/{cid}/review",
                data={"action": "reject", "back": back},
                follow_redirects=False,
            )
            assert r.headers["location"] == f"/evidence/claim/{cid}"
    assert claims(db)[cid][4] == "rejected"
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        assert c.get(f"/evidence/claim/{cid}").status_code == 404


def test_review_needs_a_store_the_server_can_write(db, monkeypatch):
    import os

    import pourparler.web.evidence_review as web_review

    with pytest.raises(InputError, match="--review: needs --db"):
        create_app(review=True)
    # root may write to any file, so the permission the server lacks is simulated: first the
    # store's, then its folder's (where SQLite keeps its journal)
    for unwritable, where in ((db, "store"), (db.parent, "its folder")):

        def access(path, mode, target=unwritable):
            return Path(path) != target if mode == os.W_OK else os.path.exists(path)

        monkeypatch.setattr(web_review.os, "access", access)
        with pytest.raises(InputError, match=f"--review: .*: {where} is not writable"):
            create_app(db=db, review=True)
        create_app(db=db)  # browsing it is still fine
    monkeypatch.undo()
    if os.geteuid() != 0:  # and for real, where permissions stop the user
        db.chmod(0o444)
        try:
            with pytest.raises(InputError, match="store is not writable"):
                create_app(db=db, review=True)
        finally:
            db.chmod(0o644)


def test_the_status_filter_is_checked(db):
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        r = c.get("/evidence?status=nope")
        assert r.status_code == 400 and error_message(r.text).startswith("status: &#39;nope&#39;")
        assert c.get("/evidence?status=pending").status_code == 200


def test_an_oversized_form_is_one_line_and_changes_nothing(db):
    before = claims(db)
    cid = min(before)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post("/evidence/review", data={"claim": [str(cid)] * 200, "action": "accept"})
        assert r.status_code == 400 and error_message(r.text).startswith("form: Too many fields")
        r = c.post(f"/evidence/claim/{cid}/review", data={"action": "accept", "note": "x" * 9000})
        assert r.status_code == 400 and error_message(r.text).startswith("form: ")
    assert claims(db) == before


def test_a_claims_page_shows_its_sentence_in_the_paragraphs_around_it(db):
    import html as html_module

    from pourparler.evidence.context import around

    with Store(db) as store:
        claim = next(c for c in store.claims() if "round 3." in c.sentence)
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        page = c.get(f"/evidence/claim/{claim.id}").text
    m = re.search(r'<blockquote id="claim-context"[^>]*>(.*?)</blockquote>', page, re.S)
    assert m, "no context"
    shown = m.group(1)
    assert HOSTILE not in shown and "&lt;script&gt;" in shown  # escaped, never markup
    text = html_module.unescape(re.sub(r"</?mark[^>]*>", "", shown))
    assert text == (
        f"Kyiv insists on an unconditional 30-day ceasefire {HOSTILE} number 3.\n"
        "The Kremlin rejected the ceasefire in round 3.\n"
        f"Kyiv insists on an unconditional 30-day ceasefire {HOSTILE} number 4."
    )
    marked = re.search(r'<mark id="claim-sentence">(.*?)</mark>', shown)
    assert marked and marked.group(1) == "The Kremlin rejected the ceasefire in round 3."
    # where the text read runs out inside a paragraph, it is cut at a word and marked
    assert around("a b c d", "", read=7) == ("…b c d", "")
    assert around("", "w x y z", read=7) == ("", "w x y…")
    assert around("one\ntwo\nthree ", "", read=7) == ("two\nthree ", "")


def test_pending_claims_one_at_a_time_with_skips_going_round(db):
    import html as html_module

    ru = sorted(k for k, v in claims(db).items() if v[0] == "RU")
    seen: list[int] = []
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        listed = c.get("/evidence?actor=RU").text
        walk = html_module.unescape(re.search(r'id="link-walk" href="([^"]+)"', listed).group(1))
        assert walk == "/evidence/next?actor=RU"
        at = c.get(walk, follow_redirects=False).headers["location"]
        for step in range(len(ru) + 2):
            if at.startswith("/evidence?"):
                break
            page = c.get(at).text
            cid = int(re.search(r'<table id="claim" data-claim="(\d+)"', page).group(1))
            seen.append(cid)
            if step == 1:  # skipped: it comes round again at the end
                skip = re.search(r'id="skip" href="([^"]+)"', page).group(1)
                r = c.get(html_module.unescape(skip), follow_redirects=False)
            else:
                back = re.search(r'name="back" value="([^"]*)"', page).group(1)
                data = {"action": "accept", "back": html_module.unescape(back)}
                r = c.post(f"/evidence/claim/{cid}/review", data=data, follow_redirects=False)
                r = c.get(r.headers["location"], follow_redirects=False)
            at = r.headers["location"]
        assert at == "/evidence?actor=RU&status=pending"
    assert seen == [*ru, ru[1]]  # in the order they were added, the skipped one last
    stored = claims(db)
    assert all(stored[k][4] == "accepted" for k in ru)
    assert all(v[4] == "pending" for k, v in stored.items() if k not in ru)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        for bad in ("after=x", "after=99999999999999999999", "document=y"):
            assert c.get(f"/evidence/next?{bad}").status_code == 400


def test_the_listed_claims_download_as_the_command_line_writes_them(db, capsys):
    import csv
    import io
    import json

    pytest.importorskip("pandas")
    from cli_run import run_cli

    with Store(db) as store:  # one claim rejected: the status filter has something to do
        review.apply(store, store.claims(actor="RU")[:1], "reject")
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        page = c.get("/evidence?actor=RU&status=pending").text
        link = re.search(r'id="download-claims-json" href="([^"]+)"', page).group(1)
        assert link.replace("&amp;", "&") == "/evidence/claims.json?actor=RU&status=pending"
        got = c.get("/evidence/claims.json?actor=RU&status=pending")
        csv_got = c.get("/evidence/claims.csv?actor=RU&status=pending")
        everything = c.get("/evidence/claims.json").json()
        bad = c.get("/evidence/claims.csv?actor=XX")
    assert got.headers["content-disposition"] == 'attachment; filename="evidence-claims.json"'
    code, out, _ = run_cli(
        capsys, ["evidence", "claims", "--actor", "RU", "--db", str(db), "--json"]
    )
    pending = [c for c in json.loads(out)["claims"] if c["status"] == "pending"]
    assert code == 0 and got.json()["claims"] == pending and len(pending) == 29
    rows = list(csv.DictReader(io.StringIO(csv_got.text)))
    assert [int(r["id"]) for r in rows] == [c["id"] for c in pending]
    assert all(r["sentence"].startswith("The Kremlin") for r in rows)
    assert len(everything["claims"]) == 60  # every page, not the first
    assert bad.status_code == 400 and "actor: &#39;XX&#39;" in error_message(bad.text)


def test_a_lists_links_and_review_forms_keep_its_document_filter(db):
    import html as html_module

    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        page = c.get("/evidence?document=1&status=pending&page=2").text
    want = "/evidence?actor=&issue=&status=pending&document=1&page=2"
    backs = {html_module.unescape(b) for b in re.findall(r'name="back" value="([^"]*)"', page)}
    assert backs == {want}
    for link in ("page-previous", "page-next"):
        href = html_module.unescape(re.search(rf'id="{link}" href="([^"]+)"', page).group(1))
        assert "document=1" in href and "status=pending" in href


@pytest.mark.parametrize(
    "back",
    [
        "/evidence/../",
        "/evidence/..",
        "/evidence/%2e%2e/scenario",
        "/evidence/./../x",
        "/evidenceX",
    ],
)
def test_a_review_never_returns_outside_the_evidence_pages(db, back):
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        first = ids_on(c.get("/evidence?status=pending").text)[0]
        r = c.post(
            f"/evidence/claim/{first}/review",
            data={"action": "accept", "back": back},
            follow_redirects=False,
        )
        page = c.get(f"/evidence/claim/{first}?back={back}").text
    assert r.status_code == 303 and r.headers["location"] == f"/evidence/claim/{first}"
    assert f'href="{back}"' not in page
