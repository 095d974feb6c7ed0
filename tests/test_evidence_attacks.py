"""Hostile input to `pourparler evidence`: special files, pathological HTML and text, unusable
stores, markup and escape sequences in stored text. Each ends in exit code 2 with one line on
stderr (or prints safely), in bounded time, with what was stored kept."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pourparler.errors import InputError
from pourparler.evidence import store as store_mod
from pourparler.evidence.clean import MAX_CHARS, clean_html, clean_plain
from pourparler.evidence.mentions import MAX_SENTENCE, IssueMatcher, split_sentences
from pourparler.evidence.store import Store
from pourparler.scenario import load_scenario

ARTICLE = (
    "Talks Resume in Istanbul\n\nKyiv insists on an unconditional 30-day ceasefire on land, air "
    "and sea.\nThe Kremlin rejected the ceasefire.\n"
)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    from pourparler.cli.app import main

    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def counts(db: Path) -> tuple[int, int]:
    with Store(db) as s:
        return s.counts()


# -- special files ------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_devices_and_fifos_are_refused_without_reading_them(tmp_path, article):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    specials = [p for p in ("/dev/zero", "/dev/urandom") if os.path.exists(p)] + [str(fifo)]
    db = tmp_path / "e.db"
    cmd = [sys.executable, "-c", "from pourparler.cli.app import main; main()", "evidence", "add"]
    # in a child with a timeout: reading any of these whole would hang or exhaust memory
    r = subprocess.run(
        [*cmd, *specials, str(article), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert r.returncode == 2, r.stderr
    errors = r.stderr.splitlines()
    assert len(errors) == len(specials) and "Traceback" not in r.stderr
    for path, line in zip(specials, errors, strict=True):
        assert line.startswith(f"pourparler: error: {path}: path: is a ")
    assert counts(db) == (1, 2)


def test_a_folder_without_articles_is_refused(tmp_path, article, capsys):
    folder = tmp_path / "dir.txt"  # a folder, whatever its name, is searched for articles
    folder.mkdir()
    (folder / "notes.odt").write_bytes(b"PK\x03\x04")
    code, _, err = run_main(
        capsys, "evidence", "add", str(folder), str(article), "--db", str(tmp_path / "e.db")
    )
    assert code == 2 and "dir.txt: path: a folder with no article files" in one_line(err)
    assert counts(tmp_path / "e.db") == (1, 2)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (ARTICLE.encode() * 400 + b"\x00\x01binary tail", "binary"),  # past the first 8 KB
        (ARTICLE.encode() * 400 + b"\xff\xfe bad tail", "not UTF-8"),
        (ARTICLE.encode() + b"\x1b\x07" * 2000, "binary"),
    ],
)
def test_binary_or_undecodable_anywhere_in_the_file_is_refused(
    tmp_path, article, capsys, content, message
):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    db = tmp_path / "e.db"
    code, _, err = run_main(capsys, "evidence", "add", str(bad), str(article), "--db", str(db))
    line = one_line(err)
    assert code == 2 and "bad.txt" in line and message in line
    assert counts(db) == (1, 2)


# -- HTML and text that used to take quadratic time -----------------------------------------

HANG_GUARD_S = 10.0  # generous: these take well under a second; before, minutes or forever


def _timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def nested_divs(size: int = 1_000_000) -> str:
    n = size // 11
    return "<html><body>" + "<div>" * n + "<p>Kyiv rejected the truce.</p>" + "</div>" * n


def unclosed_tags(n: int = 50_000) -> str:
    return "<html><body><p>Kyiv rejected the truce.</p>" + "<div>" * n


def test_deeply_nested_and_unclosed_html_cleans_in_linear_time():
    page, took = _timed(clean_html, nested_divs())
    assert took < HANG_GUARD_S and page.text == "Kyiv rejected the truce."
    page, took = _timed(clean_html, unclosed_tags())
    assert took < HANG_GUARD_S and page.text == "Kyiv rejected the truce."


@pytest.mark.parametrize(
    "tail",
    ["<div", "<!--", "</", "<a b='", "<![CDATA[", "<?", "<!", "&#", "<", "<a x", "</p "],
)
def test_malformed_html_cleans_in_linear_time(tail):
    page, took = _timed(clean_html, "<p>Kyiv rejected the truce.</p>" + tail * 100_000)
    assert took < HANG_GUARD_S and page.text.startswith("Kyiv rejected the truce.")


def test_html_keeps_offsets_through_character_references():
    raw = "<p>Kyiv&rsquo;s envoy &amp; Moscow rejected the truce.</p>"
    page = clean_html(raw)
    assert page.text == "Kyiv’s envoy & Moscow rejected the truce."
    start = page.text.index("Moscow")
    assert raw[page.raw_offset(start) : page.raw_offset(start) + 6] == "Moscow"


def test_text_over_the_bound_is_refused_with_one_line():
    for clean in (clean_html, clean_plain):
        with pytest.raises(InputError) as exc:
            clean("x" * (MAX_CHARS + 1), name="big.html")
        assert str(exc.value).startswith("big.html: size: ") and "\n" not in str(exc.value)


@pytest.mark.parametrize(
    "line",
    [
        "[" * 300_000,  # Markdown link and caption patterns
        "[a](" * 100_000,
        "[ap" * 100_000 + "]",
        "(" * 300_000 + ")",
        "Source: a" + " " * 300_000 + "b",
        "Mr. " * 100_000,
        "!" * 300_000,
        "*a" * 150_000,
    ],
)
def test_long_pathological_lines_clean_and_split_in_linear_time(line):
    for markdown in (False, True):
        t = time.perf_counter()
        clean_plain("Title\n\n" + line, markdown=markdown)
        assert time.perf_counter() - t < HANG_GUARD_S
    spans, took = _timed(lambda: list(split_sentences(line)))
    assert took < HANG_GUARD_S
    assert all(b - a <= MAX_SENTENCE for a, b in spans)


def test_an_article_of_one_long_line_goes_in_quickly(tmp_path, capsys):
    sentence = "Kyiv demands a ceasefire and Russia rejects NATO membership, "
    one = tmp_path / "one.txt"
    one.write_text(sentence * (400_000 // len(sentence)), encoding="utf-8")
    db = tmp_path / "e.db"
    t = time.perf_counter()
    code, _, err = run_main(capsys, "evidence", "add", str(one), "--db", str(db))
    assert code == 0 and err == "" and time.perf_counter() - t < 60
    assert counts(db)[1] > 0


def test_article_text_over_the_limit_is_refused(tmp_path, article, capsys):
    from pourparler.evidence.ingest import MAX_TEXT

    big = tmp_path / "big.txt"
    big.write_text("Kyiv waits. " * (MAX_TEXT // 12 + 1), encoding="utf-8")
    db = tmp_path / "e.db"
    code, _, err = run_main(capsys, "evidence", "add", str(big), str(article), "--db", str(db))
    line = one_line(err)
    assert code == 2 and "big.txt: content: " in line and "over the limit" in line
    assert counts(db) == (1, 2)


def test_skipping_patterns_by_their_leading_words_finds_the_same_issues():
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "gold" / "evidence").glob("heldout_*"))
    ]
    matcher = IssueMatcher(load_scenario("istanbul-2025"))
    unfiltered = IssueMatcher(load_scenario("istanbul-2025"))
    unfiltered._pats = [(pat, iid, ()) for pat, iid, _ in unfiltered._pats]
    for text in texts:
        for a, b in split_sentences(text):
            assert matcher.find(text[a:b]) == unfiltered.find(text[a:b])
    # the characters a case-insensitive pattern matches with an ASCII letter
    assert matcher.find("A \u212aremlin TRUCE and a cea\u017fefire") == unfiltered.find(
        "A \u212aremlin TRUCE and a cea\u017fefire"
    )
    assert [iid for *_, iid in matcher.find("a cea\u017fefire")] == ["ceasefire"]


# -- unusable stores ----------------------------------------------------------------------


def _stored(tmp_path: Path, article: Path) -> Path:
    db = tmp_path / "e.db"
    with Store(db) as s:
        from pourparler.evidence.ingest import add_article

        add_article(s, article, load_scenario("istanbul-2025"))
    return db


def _second(tmp_path: Path) -> Path:
    other = tmp_path / "b.txt"
    other.write_text(ARTICLE.replace("Kremlin", "Moscow") * 50, encoding="utf-8")
    return other


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="file permissions do not stop root; the read-only case is simulated below",
)
def test_read_only_store_file(tmp_path, article, capsys):
    db = _stored(tmp_path, article)
    db.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        code, _, err = run_main(capsys, "evidence", "add", str(_second(tmp_path)), "--db", str(db))
    finally:
        tmp_path.chmod(0o755)
        db.chmod(0o644)
    assert code == 2 and f"{db}: database: " in one_line(err)
    assert counts(db) == (1, 2)


def test_read_only_store_simulated(tmp_path, article, capsys, monkeypatch):
    db = _stored(tmp_path, article)
    real = sqlite3.connect

    def read_only(path, *args, **kwargs):
        return real(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    code, _, err = run_main(capsys, "evidence", "add", str(_second(tmp_path)), "--db", str(db))
    monkeypatch.undo()
    assert code == 2 and f"{db}: database: read-only" in one_line(err)
    assert counts(db) == (1, 2)


def test_store_locked_longer_than_the_wait(tmp_path, article, capsys, monkeypatch):
    db = _stored(tmp_path, article)
    monkeypatch.setattr(store_mod, "BUSY_SECONDS", 0.3)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        t = time.perf_counter()
        code, _, err = run_main(
            capsys, "evidence", "add", str(_second(tmp_path)), str(article), "--db", str(db)
        )
        took = time.perf_counter() - t
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = one_line(err)
    assert code == 2 and f"{db}: database: locked by another process" in line
    assert took < 30
    assert counts(db) == (1, 2)


def test_store_locked_mid_batch_stops_the_batch_with_one_line(
    tmp_path, article, capsys, monkeypatch
):
    """The store locked after it was opened: the document waits, then the batch stops."""
    db = _stored(tmp_path, article)
    from pourparler.evidence import ingest

    real_read = ingest.read_article
    holder = sqlite3.connect(db, isolation_level=None)

    def read_then_lock(path):
        out = real_read(path)
        if not holder.in_transaction:
            holder.execute("BEGIN EXCLUSIVE")
        return out

    monkeypatch.setattr(ingest, "read_article", read_then_lock)
    monkeypatch.setattr(store_mod, "BUSY_SECONDS", 0.3)
    third = tmp_path / "c.txt"
    third.write_text(ARTICLE.replace("Kyiv", "Ukraine"), encoding="utf-8")
    try:
        code, _, err = run_main(
            capsys, "evidence", "add", str(_second(tmp_path)), str(third), "--db", str(db)
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2 and "locked by another process" in one_line(err)
    assert counts(db) == (1, 2)


def test_disk_full_keeps_what_was_stored(tmp_path, article, capsys, monkeypatch):
    db = _stored(tmp_path, article)
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    real = sqlite3.connect

    def small_disk(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", small_disk)
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE.replace("Kremlin", "Moscow") * 2000, encoding="utf-8")
    code, _, err = run_main(capsys, "evidence", "add", str(big), "--db", str(db))
    monkeypatch.undo()
    assert code == 2 and f"{db}: database: the disk is full" in one_line(err)
    assert counts(db) == (1, 2)
    with Store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("version", ["two", 1.5, -1, b"\x01"])
def test_schema_version_that_is_not_a_number(tmp_path, article, capsys, version):
    db = _stored(tmp_path, article)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for args in (("claims",), ("add", str(_second(tmp_path)))):
        code, _, err = run_main(capsys, "evidence", *args, "--db", str(db))
        line = one_line(err)
        assert code == 2 and f"{db}: schema_version: " in line and "not a schema version" in line
    assert db.read_bytes() == before


def test_a_folder_or_a_device_as_the_store(tmp_path, capsys):
    folder = tmp_path / "store"
    folder.mkdir()
    code, _, err = run_main(capsys, "evidence", "claims", "--db", str(folder))
    assert code == 2 and f"{folder}: database: is a directory" in one_line(err)
    if os.path.exists("/dev/null"):
        code, _, err = run_main(capsys, "evidence", "claims", "--db", "/dev/null")
        assert code == 2 and "/dev/null: database: not a regular file" in one_line(err)


def test_another_programs_database_is_refused_untouched(tmp_path, capsys, article):
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    code, _, err = run_main(capsys, "evidence", "add", str(article), "--db", str(db))
    assert code == 2 and "not an evidence store" in one_line(err)
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("tables", "why"),
    [
        # another program's own schema_version table (Flyway's, say), or one like a store's
        # beside tables no store has: refused before anything is written (no evidence tables
        # created in it, no switch to the WAL journal)
        (
            ("CREATE TABLE schema_version (installed_rank INT, version TEXT)",),
            "schema_version has the columns installed_rank, version",
        ),
        (
            ("CREATE TABLE schema_version (version INTEGER)", "CREATE TABLE notes (body TEXT)"),
            "a table 'notes' no evidence store has",
        ),
        (
            (
                "CREATE TABLE schema_version (version INTEGER)",
                "INSERT INTO schema_version VALUES (2)",
                "CREATE TABLE notes (body TEXT)",
            ),
            "a table 'notes' no evidence store has",
        ),
    ],
)
def test_another_programs_schema_version_is_refused_untouched(
    tmp_path, capsys, article, tables, why
):
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    for sql in tables:
        conn.execute(sql)
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for args in (("claims",), ("review", "--list"), ("add", str(article))):
        code, _, err = run_main(capsys, "evidence", *args, "--db", str(db))
        assert (
            code == 2
            and f"not an evidence store (an SQLite database of another program: {why})"
            in one_line(err)
        )
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "other.db"]


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("position", "'abc'", "position: 'abc' is not a finite number"),
        ("position", "9e999", "position: inf is not a finite number"),
        ("confidence", "'high'", "confidence: 'high' is not a finite number"),
        ("raw_start", "'x'", "raw_start: 'x' is not a whole number"),
        ("page", "2.5", "page: 2.5 is not a whole number"),
    ],
)
def test_a_claim_changed_by_hand_is_one_line_for_every_command(
    tmp_path, capsys, article, column, value, message
):
    db = tmp_path / "e.db"
    code, _, err = run_main(capsys, "evidence", "add", str(article), "--db", str(db))
    assert code == 0, err
    conn = sqlite3.connect(db)
    first, actor, issue = conn.execute(
        "SELECT id, actor, issue FROM claims ORDER BY id LIMIT 1"
    ).fetchone()
    conn.execute(f"UPDATE claims SET {column} = {value} WHERE id = ?", (first,))
    conn.commit()
    conn.close()
    for args in (
        ("evidence", "claims"),
        ("evidence", "claims", "--json"),
        ("evidence", "review", "--list"),
        ("evidence", "timeline", actor, issue),
        ("evidence", "suggest", "istanbul-2025", "--include-unreviewed"),
    ):
        code, _, err = run_main(capsys, *args, "--db", str(db))
        assert code == 2 and f"{db}: claim {first}: {message}" in one_line(err), args


def test_not_sqlite_is_refused_for_every_command(tmp_path, capsys):
    db = tmp_path / "e.db"
    db.write_bytes(b"SQLite format 2\x00" + b"junk" * 1000)
    before = db.read_bytes()
    for args in (("claims",), ("timeline", "RU", "ceasefire"), ("suggest", "istanbul-2025")):
        code, _, err = run_main(capsys, "evidence", *args, "--db", str(db))
        assert code == 2 and "not a usable evidence store" in one_line(err)
    assert db.read_bytes() == before


def _gold_claim(**change: object) -> dict[str, object]:
    claim: dict[str, object] = {"start": 0, "end": 5, "actor": "UA", "issue": "ceasefire"}
    return claim | {"stance": "demand"} | change


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "documents: not a gold annotation file (maximum recursion"),
        ([1, 2], "documents: not a gold annotation file (no list of documents)"),
        ({"documents": [{"claims": []}]}, "documents[0].file: expected a file under --articles"),
        ({"documents": [{"file": 5, "claims": []}]}, "documents[0].file: expected a file"),
        ({"documents": [{"file": "/etc/passwd", "claims": []}]}, "documents[0].file: expected"),
        ({"documents": [{"file": "../a.txt", "claims": []}]}, "documents[0].file: expected"),
        ({"documents": [{"file": "a.txt"}]}, "documents[0].claims: expected a list of claims"),
        (
            {"documents": [{"file": "a.txt", "claims": [_gold_claim(start=1e400)]}]},
            "documents[0].claims[0].start: expected a character offset, got inf",
        ),
        (
            {"documents": [{"file": "a.txt", "claims": [_gold_claim(end="5")]}]},
            "documents[0].claims[0].end: expected a character offset, got '5'",
        ),
        (
            {"documents": [{"file": "a.txt", "claims": [_gold_claim(stance=None)]}]},
            "documents[0].claims[0].stance: expected text, got None",
        ),
        # annotations that cannot be right for the file and the scenario
        (
            {"documents": [{"file": "a.txt", "claims": [_gold_claim(stance="love")]}]},
            "documents[0].claims[0].stance: 'love': not a stance (demand, propose,",
        ),
        (
            {"documents": [{"file": "a.txt", "claims": [_gold_claim(actor="ZZ")]}]},
            "documents[0].claims[0].actor: 'ZZ': not an actor of istanbul-2025",
        ),
        (
            {"documents": [{"file": "a.txt", "claims": [_gold_claim(issue="weather")]}]},
            "documents[0].claims[0].issue: 'weather': not an issue of istanbul-2025",
        ),
        (
            {"documents": [{"file": "a.txt", "claims": [_gold_claim(end=10**9)]}]},
            "documents[0].claims[0].end: span 0-1000000000 not within the",
        ),
        (
            {"documents": [{"file": "a.txt", "claims": [_gold_claim(start=5, end=5)]}]},
            "documents[0].claims[0].end: span 5-5 not within the",
        ),
        (
            {"documents": [{"file": "a.txt", "sha256": "0" * 64, "claims": [_gold_claim()]}]},
            "documents[0].sha256: ",
        ),
    ],
)
def test_bad_gold_files_are_one_line(tmp_path, capsys, article, gold, message):
    path = tmp_path / "gold.json"
    path.write_text(gold if isinstance(gold, str) else json.dumps(gold), encoding="utf-8")
    code, out, err = run_main(capsys, "evidence", "score", str(path), "--articles", str(tmp_path))
    assert code == 2 and out == "" and f"{path}: {message}" in one_line(err)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_the_gold_file_is_refused_without_reading_it(capsys, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    code, _, err = run_main(capsys, "evidence", "score", device, "--articles", ".")
    assert code == 2 and f"{device}: documents: not a gold annotation file (is a device" in (
        one_line(err)
    )


# -- markup and escape sequences in stored text -------------------------------------------

HOSTILE = (
    "Evil \x1b]0;pwned\x07 Title [bold]x[/]\n\n"
    "Kyiv insists on a ceasefire [/] now \x1b[2J and [red]more[/red].\n"
    "The Kremlin rejected the ceasefire \x1b]8;;http://x\x07link.\n"
    + "The talks went on through the night in the old palace by the water.\n"
    * 20
)


@pytest.fixture
def hostile_db(tmp_path, capsys) -> Path:
    art = tmp_path / "evil.txt"
    art.write_text(HOSTILE, encoding="utf-8")
    db = tmp_path / "e.db"
    title = "Evil \x1b]0;pwned\x07 Title [bold]x[/]"
    code, out, err = run_main(
        capsys, "evidence", "add", str(art), "--db", str(db), "--title", title
    )
    assert code == 0 and err == ""
    _safe(out)
    return db


def _safe(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "Traceback" not in text


def test_stored_text_stays_as_written(hostile_db):
    with Store(hostile_db) as s:
        sentences = [c.sentence for c in s.claims()]
        (doc,) = s.documents()
    assert any("[/]" in x and "\x1b[2J" in x for x in sentences)
    assert "\x1b]0;pwned\x07" in doc["title"]


@pytest.mark.parametrize("width", ["200", "80"])  # a table, or one line per claim
def test_claims_prints_markup_and_escapes_inert(hostile_db, capsys, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", width)
    from pourparler.cli import common

    monkeypatch.setattr(common, "_console", None)
    code, out, err = run_main(capsys, "evidence", "claims", "--db", str(hostile_db))
    assert code == 0 and err == ""
    _safe(out)
    assert "\\x1b[2J" in out and "[/]" in out


def test_timeline_and_suggest_print_escapes_inert(hostile_db, capsys):
    code, out, err = run_main(
        capsys, "evidence", "timeline", "UA", "ceasefire", "--db", str(hostile_db)
    )
    assert code == 0 and err == ""
    _safe(out)
    assert "\\x1b]0;pwned\\x07" in out and "[/]" in out
    code, out, err = run_main(
        capsys, "evidence", "suggest", "istanbul-2025", "--db", str(hostile_db)
    )
    assert code == 0 and err == ""
    _safe(out)


def test_suggest_shows_sentences_escaped(tmp_path, capsys):
    art = tmp_path / "offer.txt"
    art.write_text(
        "The Kremlin proposed an unconditional 30-day ceasefire on land, air and sea \x1b[2J [/].\n"
        + "The talks went on through the night in the old palace by the water.\n" * 10,
        encoding="utf-8",
    )
    db = tmp_path / "e.db"
    assert run_main(capsys, "evidence", "add", str(art), "--db", str(db))[0] == 0
    code, out, err = run_main(
        capsys, "evidence", "suggest", "istanbul-2025", "--db", str(db), "--include-unreviewed"
    )
    assert code == 0 and err == ""
    _safe(out)
    assert "\\x1b[2J [/]" in out


def test_file_names_with_newlines_and_escapes_stay_on_one_line(tmp_path, capsys):
    name = tmp_path / "a\nb\x1b[2J.txt"
    name.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "c\nd.txt"
    bad.write_bytes(b"")
    db = tmp_path / "e.db"
    code, out, err = run_main(capsys, "evidence", "add", str(name), str(bad), "--db", str(db))
    assert code == 2
    assert len(out.splitlines()) == 1 and "a\\nb\\x1b[2J.txt: document 1 added" in out
    _safe(out)
    assert "c\\nd.txt: content: file is empty" in one_line(err)
    code, out, _ = run_main(capsys, "evidence", "add", str(name), "--db", str(db), "--json")
    assert json.loads(out)["documents"][0]["file"] == str(name)


def test_names_that_are_not_utf8_are_stored_as_escapes(tmp_path, capsys):
    name = tmp_path / os.fsdecode(b"art\xfe.txt")
    try:
        name.write_text(ARTICLE, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses names that are not UTF-8")
    db = tmp_path / "e.db"
    title, outlet = os.fsdecode(b"T\xff"), os.fsdecode(b"O\xfa")  # as argv gives them
    args = ("evidence", "add", str(name), "--db", str(db), "--title", title, "--outlet", outlet)
    code, _, err = run_main(capsys, *args)
    assert code == 0 and err == ""
    with Store(db) as store:
        (doc,) = store.documents()
    assert (doc["file_name"], doc["title"], doc["outlet"]) == ("art\\xfe.txt", "T\\xff", "O\\xfa")
    code, out, _ = run_main(capsys, "evidence", "claims", "--db", str(db), "--json")
    assert code == 0 and json.loads(out)["claims"][0]["file_name"] == "art\\xfe.txt"
    code, out, _ = run_main(capsys, *args, "--json")  # the name as given, escaped in JSON
    assert code == 0 and json.loads(out)["documents"][0]["file"] == str(name)
    code, out, _ = run_main(capsys, *args, "--csv")  # and as \xNN in CSV
    assert code == 0 and out.splitlines()[1].startswith(f"{tmp_path}/art\\xfe.txt,1,")


def test_a_title_of_initials_before_joint_statement_reads_in_linear_time():
    """A first line of many dotted initials before "Joint statement": the heading check once
    tried each initial's dot both as part of it and as the gap after it (2^n ways)."""
    sc = load_scenario("istanbul-2025")
    text = "A. " * 28 + "b Joint statement by the United Kingdom and France\n\nWe back Ukraine.\n"
    from pourparler.evidence.extract import extract_claims

    _, took = _timed(extract_claims, text, sc)
    assert took < HANG_GUARD_S
