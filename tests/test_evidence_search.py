"""Claims found by the words of their sentence: ``evidence claims --text WORDS`` and the evidence
page's ``text`` filter (its list, links, downloads and one-at-a-time walk): the words in their
order with anything between them, A to Z in either case, and ``%``, ``_`` and ``\\`` taken as
themselves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cli_run import run_cli
from pourparler.evidence.search import containing
from pourparler.evidence.store import Store
from pourparler.scenario import load_scenario

TEXTS = (
    "Kyiv insists on an unconditional 30-day ceasefire before any talks.\n",
    "The Kremlin rejected the ceasefire on Friday.\n",
    "Russia demands that Ukraine renounce NATO membership, 100% of it.\n",
)


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    from pourparler.evidence.ingest import article_from_bytes
    from pourparler.evidence.readers.document import add_read
    from pourparler.evidence.readers.rules import RulesReader

    db = tmp_path / "e.db"
    sc = load_scenario("istanbul-2025")
    with Store(db) as store:
        for k, text in enumerate(TEXTS):
            add_read(store, article_from_bytes(Path(f"{k}.txt"), text.encode()), sc, RulesReader())
    return db


def _sentences(db: Path, text: str) -> list[str]:
    with Store(db) as store:
        return sorted({c.sentence for c in store.claims(text=text)})


def test_the_words_are_found_in_order_in_either_case(filled):
    assert _sentences(filled, "kremlin CEASEFIRE") == [TEXTS[1].strip()]
    assert _sentences(filled, "ceasefire kremlin") == []  # not in that order
    assert _sentences(filled, "  ceasefire  ") == [TEXTS[0].strip(), TEXTS[1].strip()]
    assert _sentences(filled, "100%") == [TEXTS[2].strip()]
    assert _sentences(filled, "1_0") == [] and _sentences(filled, "%") == [TEXTS[2].strip()]
    assert containing("a_b%c\\d") == "%a\\_b\\%c\\\\d%"


def test_evidence_claims_takes_text(filled, capsys):
    code, out, err = run_cli(
        capsys, ["evidence", "claims", "--db", str(filled), "--text", "Kremlin", "--json"]
    )
    assert code == 0, err
    claims = json.loads(out)["claims"]
    assert claims and all("Kremlin" in c["sentence"] for c in claims)
    code, out, _ = run_cli(capsys, ["evidence", "claims", "--db", str(filled), "--json"])
    assert len(json.loads(out)["claims"]) > len(claims)


def test_the_evidence_page_filters_by_words(filled):
    from _web_support import TestClient  # skips without the web extra
    from pourparler.web import create_app

    with TestClient(create_app(db=filled, review=True)) as c:
        page = c.get("/evidence?text=the+ceasefire").text
        every = c.get("/evidence").text
        data = c.get("/evidence/claims.json?text=the+ceasefire").json()["claims"]
        walk = c.get("/evidence/next?text=the+ceasefire", follow_redirects=False)
        long = c.get("/evidence?text=" + "x" * 201)
    total = int(re.search(r'id="claims-count" data-total="(\d+)"', page)[1])
    assert 0 < total < int(re.search(r'id="claims-count" data-total="(\d+)"', every)[1])
    assert len(data) == total and all("the ceasefire" in d["sentence"] for d in data)
    assert 'id="filter-text" name="text" type="search" value="the ceasefire"' in page
    assert "text=the+ceasefire" in page  # the page's links keep it (review forms, downloads)
    claim = int(re.search(r"/evidence/claim/(\d+)", walk.headers["location"])[1])
    assert claim in {d["id"] for d in data}
    assert long.status_code == 400 and "text: longer than 200 characters" in long.text


def test_review_takes_text_as_a_rule(filled, capsys):
    db = str(filled)
    code, out, err = run_cli(
        capsys, ["evidence", "review", "--reject", "--text", "kremlin", "--db", db, "--json"]
    )
    assert code == 0, err
    changes = json.loads(out)["changes"]
    with Store(filled) as store:
        rejected = store.claims(status="rejected")
        pending = store.claims(status="pending")
    assert len(changes) == len(rejected) > 0
    assert all("Kremlin" in c.sentence for c in rejected)
    assert pending and not any("Kremlin" in c.sentence for c in pending)
    for args, message in (
        (["--accept", "--text", "  "], "--text: no words given"),
        (["--correct", "1", "--text", "x"], "--document, --since and --text are rules"),
    ):
        code, _, err = run_cli(capsys, ["evidence", "review", *args, "--db", db])
        assert code == 2 and message in err and err.count("\n") == 1


@pytest.fixture
def titled(tmp_path: Path) -> Path:
    from pourparler.evidence.ingest import article_from_bytes
    from pourparler.evidence.readers.document import add_read
    from pourparler.evidence.readers.rules import RulesReader

    db = tmp_path / "d.db"
    sc = load_scenario("istanbul-2025")
    sources = (
        ("Kremlin", "News conference following Russian-Belarusian talks"),
        ("GOV.UK", "UK statement to the OSCE on Russia's war"),
        ("Reuters", "Talks in Istanbul end without a ceasefire"),
    )
    with Store(db) as store:
        for k, (outlet, title) in enumerate(sources):
            article = article_from_bytes(Path(f"{k}.txt"), TEXTS[k].encode())
            add_read(store, article, sc, RulesReader(), title=title, outlet=outlet)
    return db


def _documents(db: Path, text: str, capsys) -> list[str]:
    capsys.readouterr()
    code, out, err = run_cli(
        capsys, ["evidence", "documents", "--db", str(db), "--text", text, "--json"]
    )
    assert code == 0, err
    return [d["title"] for d in json.loads(out)["documents"]]


def test_documents_are_found_by_the_words_of_their_title_and_outlet(titled, capsys):
    assert _documents(titled, "osce UK", capsys) == ["UK statement to the OSCE on Russia's war"]
    assert _documents(titled, "kremlin talks", capsys) == [
        "News conference following Russian-Belarusian talks"
    ]  # one word in the outlet, one in the title
    assert len(_documents(titled, "talks", capsys)) == 2
    assert _documents(titled, "talks osce", capsys) == []  # every word must be there
    assert _documents(titled, "2.txt", capsys) == ["Talks in Istanbul end without a ceasefire"]
    code, out, _ = run_cli(capsys, ["evidence", "documents", "--db", str(titled), "--text", "zz"])
    assert code == 0 and out == "no document names 'zz'\n"


def test_the_documents_page_finds_by_words(titled):
    from _web_support import TestClient  # skips without the web extra
    from pourparler.web import create_app

    with TestClient(create_app(db=titled)) as c:
        page = c.get("/evidence/documents?text=talks").text
        none = c.get("/evidence/documents?text=nothing+here").text
        every = c.get("/evidence/documents").text
    assert 'data-total="2"' in page and 'id="documents-all"' in page
    assert 'id="documents-text" name="text" type="search" value="talks"' in page
    assert 'data-total="0"' in none and 'data-total="3"' in every
