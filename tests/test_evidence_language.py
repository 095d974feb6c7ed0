"""Articles not in English: the rules reader reads English only, so an article in another script
or another Latin-script language is flagged when it is added (``evidence add`` and the web
app's add form), instead of giving no claims without a word; no English text of the test sets
is flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_run import run_cli
from pourparler.evidence.ingest import read_article
from pourparler.evidence.language import not_english

DATA = Path(__file__).parent / "data"
LANGUAGES = DATA / "evidence_languages"
SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("de", "mostly German words"),
        ("fr", "mostly French words"),
        ("es", "mostly Spanish words"),
        ("ru", "mostly Cyrillic script, likely Russian"),
        ("uk", "mostly Cyrillic script, likely Ukrainian"),
    ],
)
def test_an_article_in_another_language_is_told_apart(name, why):
    found = not_english((LANGUAGES / f"{name}.txt").read_text(encoding="utf-8"))
    assert found is not None and found.startswith(why)


def _english_texts() -> list[Path]:
    folders = [DATA / "evidence_written", *sorted(DATA.glob("evidence_real_tuning*"))]
    texts = [f for d in folders for f in sorted(d.glob("*.txt"))]
    if SHARED_SEEDS.is_dir():
        texts += sorted(SHARED_SEEDS.glob("*.md"))
    return texts


def test_no_english_article_of_the_test_sets_is_flagged():
    texts = _english_texts()
    assert len(texts) > 100
    flagged = [f.name for f in texts if not_english(read_article(f).clean.text) is not None]
    assert flagged == []


def test_other_scripts_are_named_and_short_texts_not_judged():
    assert not_english("Переговоры. " * 5) is None  # too short to judge
    assert not_english("Kyiv wants peace." * 3) is None
    assert not_english("الحرب في أوكرانيا " * 30) == "mostly Arabic script"
    assert not_english("乌克兰和平谈判" * 40) == "mostly CJK script"
    english = "The talks in Istanbul resumed on Friday, and the delegations met for two hours. "
    assert not_english(english * 10) is None
    # an English report quoting a Russian phrase stays English
    assert not_english(english * 8 + "«Переговоры продолжатся», said the envoy.") is None
    # a list of names and places has few common words of any language: not judged
    names = "Ivan Petrov, Moscow; Oleg Sidorov, Kazan; Anna Volkova, Tula; " * 12
    assert not_english(names) is None


def test_evidence_add_warns_of_an_article_not_in_english(capsys, tmp_path):
    db = str(tmp_path / "e.db")
    code, out, err = run_cli(
        capsys, ["evidence", "add", str(LANGUAGES / "ru.txt"), "--db", db, "--json"]
    )
    assert code == 0, err
    assert err.count("\n") == 1 and err.startswith("pourparler: warning: ")
    assert (
        "ru.txt: the text seems not to be in English (mostly Cyrillic script, likely Russian)"
        in err
    )
    assert "--reader llm" in err
    (doc,) = json.loads(out)["documents"]
    assert doc["not_english"] == "mostly Cyrillic script, likely Russian" and doc["new"]
    english = DATA / "evidence_real_tuning" / "01_uk_osce_frustrate_peace_efforts_5jun2025.txt"
    code, out, err = run_cli(capsys, ["evidence", "add", str(english), "--db", db, "--json"])
    assert code == 0 and err == ""
    assert json.loads(out)["documents"][0]["not_english"] is None
    code, _, err = run_cli(capsys, ["evidence", "add", str(LANGUAGES / "ru.txt"), "--db", db])
    assert code == 0 and err == ""  # stored already: said once


def test_the_add_form_flags_an_upload_not_in_english(tmp_path):
    from _web_support import TestClient  # skips without the web extra
    from pourparler.evidence.store import Store
    from pourparler.web import create_app

    db = tmp_path / "e.db"
    with Store(db):
        pass
    english = DATA / "evidence_written" / "a01_pm_call_zelenskyy_3jun2025.txt"
    files = [
        ("file", (f.name, f.read_bytes(), "text/plain")) for f in (LANGUAGES / "de.txt", english)
    ]
    with TestClient(create_app(db=db, review=True)) as c:
        page = c.post("/evidence/add", files=files).text
    assert page.count('class="added-file"') == 2 and page.count('class="warning"') == 1
    assert "the text seems not to be in English (mostly German words" in page
