"""Time of one page of the web app's evidence browser on a large store.

Run: .venv/bin/python benchmarks/bench_evidence_page.py [--claims N] [--repeats N]

Builds a store of N claims (default 100,000; 100 claims a document, four actors, three issues)
through the public ``Store`` API, then prints the median over the repeats of what one page
costs:

* the whole matching list loaded and sliced (``Store.claims``), as the page once did;
* the paged queries of ``pourparler.web.evidence_query.ClaimsQuery`` (``COUNT(*)``, ``LIMIT 25
  OFFSET …``, the filter lists) for the first page and for the last;
* the other evidence pages: the list filtered by review status and by document, the documents
  page (first and last), a claim's page (the claim, its history, its context), the next
  pending claim of the one-at-a-time review, and the claims the evidence updates read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pourparler.evidence.store import Store
from pourparler.web.evidence_query import ClaimFilter, ClaimsQuery
from pourparler.web.evidence_view import DOCUMENTS_PAGE_SIZE, EvidenceReader

ACTORS = ("RU", "UA", "US", "TR")
ISSUES = ("ceasefire", "nato", "pows")
PER_DOCUMENT = 100
PAGE = 25


def build(db: Path, n_claims: int) -> None:
    with Store(db) as store:
        for d in range(n_claims // PER_DOCUMENT):
            claims = [
                {
                    "actor": ACTORS[(d + k) % len(ACTORS)],
                    "issue": ISSUES[k % len(ISSUES)],
                    "stance": "support",
                    "negated": False,
                    "position": 1.0 if k % 2 == 0 else None,  # half imply a position
                    "confidence": 0.5,
                    "sentence": f"Sentence {k} of document {d}.",
                    "start": k,
                    "end": k + 1,
                    "raw_start": 0,
                    "raw_end": 1,
                    "cue": "insists",
                    "speaker": None,
                }
                for k in range(PER_DOCUMENT)
            ]
            store.add_document(
                sha256=f"{d:064x}",
                path=db.parent / f"{d}.txt",
                fmt="text",
                title="t",
                outlet=None,
                locator=None,
                date=dt.date(2025, 1 + d % 12, 1 + d % 28),
                text="x",
                runs=[],
                scenario="bench",
                claims=claims,
            )


def median_ms(fn: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "e.db"
        build(db, args.claims)
        n = args.claims
        with Store(db) as store:
            whole = median_ms(
                lambda: (
                    store.claims(None, None, None)[:PAGE],
                    store.distinct("actor"),
                    store.distinct("issue"),
                ),
                args.repeats,
            )
        query = ClaimsQuery(db)

        def page(offset: int) -> Callable[[], Any]:
            return lambda: (
                query.count(ClaimFilter()),
                query.claims(ClaimFilter(), PAGE, offset),
                query.distinct("actor"),
                query.distinct("issue"),
            )

        first = median_ms(page(0), args.repeats)
        last = median_ms(page(n - PAGE), args.repeats)
        reader = EvidenceReader(db)
        documents = n // PER_DOCUMENT
        others = {
            "pending claims, last page": lambda: reader.page(
                ClaimFilter(status="pending"), n // PAGE
            ),
            "one document's claims": lambda: reader.page(ClaimFilter(document=documents // 2), 1),
            "claims holding words": lambda: reader.page(ClaimFilter(text="sentence 7 document"), 1),
            "documents page, first": lambda: reader.documents(1),
            "documents page, last": lambda: reader.documents(documents // DOCUMENTS_PAGE_SIZE),
            "a claim's page": lambda: reader.claim(n // 2),
            "next pending claim": lambda: reader.next_pending(n // 2, ClaimFilter("UA")),
            "every claim for evidence updates": lambda: reader.scenario_claims("bench"),
            "evidence updates, reviewed claims": lambda: (
                reader.update_claims("bench", False, 0.0),
                reader.scenario_counts("bench", False, 0.0),
            ),
            "evidence updates, with unreviewed": lambda: (
                reader.update_claims("bench", True, 0.0),
                reader.scenario_counts("bench", True, 0.0),
            ),
        }
        timed = {name: median_ms(fn, args.repeats) for name, fn in others.items()}
    print(f"{n:,} claims in {documents:,} documents, median of {args.repeats}:")
    print(f"  {'whole list loaded and sliced':<38} {whole:8.1f} ms")
    print(f"  {'paged query, first page':<38} {first:8.1f} ms")
    print(f"  {'paged query, last page':<38} {last:8.1f} ms")
    for name, ms in timed.items():
        print(f"  {name:<38} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
