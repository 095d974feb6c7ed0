"""A document's title and date from its first lines: a first short line that does not end a
sentence is the title (past a genre label such as "Speech"), a date in the title or in a short
line near the top is the date; neither changes the cleaned text or its offsets. The CLI names a
document without a title by its file name."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli_run import run_cli
from pourparler.evidence.clean import clean_plain
from pourparler.evidence.ingest import read_article

BODY = "Russia rejected the ceasefire on Friday.\n\nUkraine demanded a ceasefire first.\n"


def _same_text(raw: str, headed: str) -> None:
    """``headed`` is ``raw`` with lines before it: the cleaned body and its offsets agree."""
    a, b = clean_plain(raw), clean_plain(headed)
    shift = len(headed) - len(raw)
    assert b.text.endswith(a.text)
    k = len(b.text) - len(a.text)
    assert all(b.raw_offset(k + i) == a.raw_offset(i) + shift for i in range(len(a.text)))


def test_a_first_short_line_without_a_full_stop_is_the_title() -> None:
    head = "Prime Minister to host around 25 leaders for virtual call in further push for peace"
    c = clean_plain(f"{head}\n\n{BODY}")
    assert c.title == head and c.date is None
    assert c.text.startswith(head + "\n")  # the title stays in the text, where it was
    _same_text(BODY, f"{head}\n\n{BODY}")


def test_a_title_in_sentence_case_with_brackets_is_a_title() -> None:
    c = clean_plain(f"Coalition of the willing (Russo-Ukrainian War)\n\n{BODY}")
    assert c.title == "Coalition of the willing (Russo-Ukrainian War)"


def test_a_first_line_ending_a_sentence_is_no_title() -> None:
    assert clean_plain(f"Good afternoon.\n\n{BODY}").title is None
    assert clean_plain(BODY).title is None
    assert clean_plain(f"Talks resume in Istanbul:\n{BODY}").title is None


def test_a_long_first_line_is_a_standfirst_not_a_title() -> None:
    lead = "UK Deputy Ambassador condemns " + "the attacks on the cities of Ukraine " * 4
    assert len(lead) > 150
    assert clean_plain(f"{lead}\n\n{BODY}").title is None


@pytest.mark.parametrize("label", ["Speech", "News story", "Press release", "press release"])
def test_a_genre_label_before_the_title_is_not_the_title(label: str) -> None:
    head = "Russia's so-called peace proposal shows disdain for the rules: UK statement"
    c = clean_plain(f"{label}\n\n{head}\n\n{BODY}")
    assert c.title == head
    assert c.text.startswith(f"{label}\n{head}\n")  # the label stays in the text


def test_a_hard_wrapped_first_line_is_no_title() -> None:
    raw = (
        "Russia and Ukraine met in Istanbul on Friday for the first direct talks\n"
        "since March 2022, and agreed to swap a thousand prisoners each within\n"
        "a week, officials on both sides said after the two-hour meeting ended.\n"
        "Kyiv proposed an unconditional ceasefire of thirty days, which the\n"
        "Russian delegation declined to discuss before a memorandum is agreed.\n"
    )
    c = clean_plain(raw)
    assert c.title is None
    assert c.text.startswith(
        "Russia and Ukraine met in Istanbul on Friday for the first direct talks since March 2022"
    )


def test_a_date_in_the_title_is_the_date() -> None:
    head = "PM virtual meeting with the Coalition of the Willing: 4 September 2025"
    c = clean_plain(f"{head}\nThe Prime Minister addressed a virtual call this morning.\n")
    assert (c.title, c.date) == (head, dt.date(2025, 9, 4))
    assert c.text.startswith(head + "\n")


def test_a_date_line_near_the_top_is_the_date_and_a_date_in_a_sentence_is_not() -> None:
    head = "Secretary of State Marco Rubio and National Security Advisor Mike Waltz Remarks"
    place = "Jeddah, Saudi Arabia, Ritz Carlton Hotel, March 11, 2025"
    said = (
        "SECRETARY RUBIO: Today we made an offer that the Ukrainians have accepted, which is "
        "to enter into a ceasefire and into immediate negotiations to end this conflict.\n"
    )
    raw = f"{head}\nMarco Rubio, Secretary of State\n{place}\n{said}"
    c = clean_plain(raw)
    assert (c.title, c.date) == (head, dt.date(2025, 3, 11))
    assert f"{place}\nSECRETARY RUBIO:" in c.text  # detected, not removed
    told = "On 24 February 2022, Russia launched a full-scale invasion of Ukraine.\n"
    assert clean_plain(told + BODY).date is None
    low = "Kyiv, Ukraine, the Presidential Office press service, 5 May 2025\n"
    assert clean_plain(BODY * 3 + low).date is None  # not near the top


@given(
    st.lists(
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60),
        min_size=1,
        max_size=8,
    )
)
def test_a_title_is_one_of_the_texts_lines(lines: list[str]) -> None:
    raw = "\n".join(lines)
    if not raw.strip():
        return
    c = clean_plain(raw)
    assert c.title is None or c.title in {ln.strip() for ln in lines}


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "evidence-corpus"


def _sources() -> dict[str, tuple[str, str]]:
    """File -> (title, date) of the corpus' SOURCES.md table (metadata, not annotations)."""
    out = {}
    for row in (CORPUS / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in row.split("|")]
        if len(cells) > 4 and cells[1].endswith(".txt"):
            out[cells[1]] = (cells[2], cells[4])
    return out


def _plain(s: str) -> str:
    return s.replace("’", "'")


def test_corpus_titles_and_dates_agree_with_its_sources() -> None:
    if not (CORPUS / "SOURCES.md").is_file():
        pytest.skip("the evidence corpus is not beside the checkout")
    sources = _sources()
    assert len(sources) == 21
    found = {}
    for name, (title, date) in sources.items():
        clean = read_article(CORPUS / name).clean
        found[name[:2]] = clean.title
        if clean.date is not None:  # no date is made up
            assert re.match(r"\d{4}-\d{2}-\d{2}", date) and str(clean.date) == date[:10], name
        if name[:2] in {"03", "05", "06", "10", "11", "13", "14", "18", "20", "21"}:
            assert clean.title and _plain(title).startswith(_plain(clean.title)), name
    assert found["02"] == (
        "Prime Minister Keir Starmer to host around 25 leaders for virtual call in further "
        "push for peace"
    )
    assert found["01"] is None  # opens with "Good afternoon."
    dated = {n[:2] for n in sources if read_article(CORPUS / n).clean.date is not None}
    assert {"03", "07", "08", "09", "10", "11", "12", "13", "17", "20"} <= dated


def test_timeline_names_a_document_without_a_title_by_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    titled, untitled = tmp_path / "titled.txt", tmp_path / "untitled-wire.txt"
    titled.write_text("Russia turns down a truce in Istanbul\n\nRussia rejected the ceasefire.\n")
    untitled.write_text("Good afternoon.\n\nRussia rejected the ceasefire again.\n")
    db = str(tmp_path / "e.db")
    code, _, err = run_cli(capsys, ["evidence", "add", str(titled), str(untitled), "--db", db])
    assert code == 0, err
    code, out, err = run_cli(
        capsys, ["evidence", "timeline", "RU", "ceasefire", "--db", db, "--full"]
    )
    assert code == 0, err
    assert "[doc 1: Russia turns down a truce in Istanbul]" in out
    assert "[doc 2: untitled-wire.txt]" in out
