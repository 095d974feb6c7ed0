"""One article through a reader into the store: read and clean the file, read its claims, then
store the document and the claims in one transaction. Nothing is written before the reader has
finished, so a reader that fails leaves the store exactly as it was."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pourparler.evidence.readers.base import Reading
from pourparler.evidence.readers.rules import RulesReader

if TYPE_CHECKING:
    from pourparler.evidence.ingest import Article
    from pourparler.evidence.readers.base import Extractor
    from pourparler.evidence.store import Store
    from pourparler.scenario import Scenario


@dataclass(frozen=True)
class Added:
    """What storing one article did: its document id, whether the document was new, the
    claims added, the reader's :class:`Reading` (empty when it had been read before) and the
    scenario's source that names the document, if one does."""

    document: int
    new: bool
    claims_added: int
    reading: Reading
    source: str | None = None  # the id of the scenario's source that names the document
    chars: int = 0  # characters of article text read
    language: str | None = None  # why a text the rules reader read seems not to be English
    scanned: bool = False  # a PDF without a text layer, its text read by OCR

    @property
    def thin(self) -> str | None:
        """Why a new document without claims from little text may not be the article (a
        fetched page's consent or paywall page, say); None when it is not so."""
        from pourparler.evidence.ingest import THIN_PAGE

        if not self.new or self.claims_added or self.chars >= THIN_PAGE:
            return None
        return (
            f"no claims in only {self.chars} characters of article text (a consent or paywall "
            "page, or one its scripts fill in?)"
        )

    @property
    def not_english(self) -> str | None:
        """Why a new document the rules reader read may have given few claims: its text seems
        not to be in English (:mod:`pourparler.evidence.language`); None when it is."""
        if not self.new or self.language is None:
            return None
        return (
            f"the text seems not to be in English ({self.language}); the rules reader reads "
            "English only: read it with the language-model reader (--reader llm) and a model "
            "that reads its language, or add an English version"
        )

    @property
    def ocr(self) -> str | None:
        """A new document whose text was read by OCR from scanned pages, which can misread a
        poor scan: its claims are best checked against the page; None otherwise."""
        if not self.new or not self.scanned:
            return None
        return "no text layer: its text was read by OCR from the scanned pages; check its claims"

    def warnings(self, fetched: bool) -> tuple[str, ...]:
        """What an analyst should be told of the document: that it seems not to be in English,
        that a page ``fetched`` from the web may be a consent or paywall page, that its text was
        read by OCR."""
        said = (self.not_english, self.thin if fetched else None, self.ocr)
        return tuple(w for w in said if w)


def add_read(
    store: Store,
    path: str | Path | Article,
    scenario: Scenario,
    reader: Extractor,
    *,
    date: dt.date | None = None,
    title: str | None = None,
    outlet: str | None = None,
    voice: str | None = None,
) -> Added:
    """Read one article with ``reader`` and store it with its claims about ``scenario``.

    ``path`` is a file, an ``http(s)`` address (fetched with the default time limit) or an
    article read already (from standard input, or fetched by the caller).

    Title, outlet and date come from the arguments, else from the scenario's source naming the
    file, else from the text. ``voice`` (an actor id of ``scenario``) is whose "we" the text
    speaks, when the caller knows it. A document this reader and model have read about this
    scenario before, whether they found claims in it or not, is not read again."""
    from pourparler.evidence.fetch import is_url
    from pourparler.evidence.ingest import Article, read_article, read_url, scenario_source

    if isinstance(path, Article):
        art = path
    elif isinstance(path, str) and is_url(path):
        art = read_url(path)
    else:
        art = read_article(path)
    cl = art.clean
    stored = store.stored_text(art.sha256)
    if stored is not None and stored != (cl.text, cl.runs):
        # the same text, stored from another file (or cleaned by an earlier version): read
        # the stored text, so that the claims' offsets are the stored document's
        cl = replace(cl, text=stored[0], runs=stored[1])
    src = scenario_source(scenario, art.path, art.url)
    if src is not None:
        title, outlet, date = title or src.title, outlet or src.outlet or None, date or src.date
    language = None
    if store.has_read(art.sha256, scenario.id, reader.name, reader.model):
        reading = Reading(())
    elif isinstance(reader, RulesReader):
        from pourparler.evidence.language import not_english

        reading = reader.read(cl.text, scenario, published=date or cl.date, voice=voice)
        language = not_english(cl.text)
    else:
        reading = reader.read(cl.text, scenario, voice=voice)
    rows = []
    for c in reading.claims:
        raw_start, raw_end = cl.raw_span(c.start, c.end)
        rows.append(
            {
                "actor": c.actor,
                "issue": c.issue,
                "stance": c.stance,
                "negated": c.negated,
                "position": c.position,
                "confidence": c.confidence,
                "sentence": c.quote,
                "start": c.start,
                "end": c.end,
                "raw_start": raw_start,
                "raw_end": raw_end,
                "cue": c.cue,
                "speaker": c.speaker,
                "stated_on": c.stated_on,
                "page": art.page(raw_start),
            }
        )
    doc_id, new, added = store.add_document(
        sha256=art.sha256,
        path=art.path,
        fmt=art.format,
        title=title or cl.title,
        outlet=outlet or cl.outlet,
        locator=cl.locator,
        date=date or cl.date,
        text=cl.text,
        runs=cl.runs,
        scenario=scenario.id,
        claims=rows,
        reader=reader.name,
        model=reader.model,
    )
    return Added(
        doc_id, new, added, reading, src.id if src else None, len(cl.text), language, art.scanned
    )
