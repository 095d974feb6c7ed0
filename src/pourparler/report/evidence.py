"""The evidence commands' results shaped for output: the stored claims and documents, one
actor's timeline on one issue, and the scenario updates the claims support; ``to_data()`` is
the object each command's ``--json`` prints, ``to_frame()`` a pandas table, one row per claim,
document, event or proposal."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from pourparler.evidence.store import CLAIM_FIELDS, StoredDocument
from pourparler.report._data import json_ready
from pourparler.report.provenance import Provenance

if TYPE_CHECKING:
    import pandas as pd

    from pourparler.evidence.store import StoredClaim
    from pourparler.evidence.suggest import Proposal
    from pourparler.scenario import Scenario

CLAIM_COLUMNS = list(CLAIM_FIELDS)  # one column per field of a stored claim
DOCUMENT_COLUMNS = [f.name for f in fields(StoredDocument)]


@dataclass(frozen=True)
class ClaimsReport:
    """Stored claims, filtered by scenario id, actor and issue (None: not filtered)."""

    claims: tuple[StoredClaim, ...]
    scenario: str | None = None
    actor: str | None = None
    issue: str | None = None

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler evidence claims --json`` prints."""
        return json_ready({"claims": [c.as_dict() for c in self.claims]})

    def to_frame(self) -> pd.DataFrame:
        """One row per claim, the stored fields as columns (needs pandas)."""
        import pandas as pd

        return pd.DataFrame([c.as_dict() for c in self.claims], columns=CLAIM_COLUMNS)


@dataclass(frozen=True)
class DocumentsReport:
    """The stored documents, each with its claims counted."""

    documents: tuple[StoredDocument, ...]

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler evidence documents --json`` prints."""
        return json_ready({"documents": [d.as_dict() for d in self.documents]})

    def to_frame(self) -> pd.DataFrame:
        """One row per document, the stored fields as columns (needs pandas)."""
        import pandas as pd

        return pd.DataFrame([d.as_dict() for d in self.documents], columns=DOCUMENT_COLUMNS)


@dataclass(frozen=True)
class TimelineEvent:
    """One dated claim of the timeline: its date (the one the text gives the stance, else the
    document's), stance, implied position, confidence, speaker, and the document (id, title,
    outlet), character span and, in a PDF, page it comes from."""

    date: str | None
    stance: str
    position: float | None
    confidence: float
    speaker: str | None
    document: int
    title: str | None
    outlet: str | None
    start: int
    end: int
    sentence: str
    page: int | None = None  # the page of a PDF the sentence is on
    status: str = "pending"  # review status: pending, accepted or corrected
    stated_on: str | None = None  # the date the text gives the stance ("2025-03"); ``date``
    # is this, else the document's date

    @classmethod
    def of(cls, c: StoredClaim) -> TimelineEvent:
        return cls(
            date=c.stated_on or c.date,
            stance=c.stance,
            position=c.position,
            confidence=c.confidence,
            speaker=c.speaker,
            document=c.document_id,
            title=c.title,
            outlet=c.outlet,
            start=c.raw_start,
            end=c.raw_end,
            sentence=c.sentence,
            page=c.page,
            status=c.status,
            stated_on=c.stated_on,
        )

    def to_data(self) -> dict[str, Any]:
        return dict(self.__dict__)


TIMELINE_COLUMNS = list(TimelineEvent.__dataclass_fields__)


@dataclass(frozen=True)
class TimelineReport:
    """One actor's dated stances and positions on one issue, in the store's order; claims
    rejected in review are left out (``rejected`` counts them)."""

    actor: str
    issue: str
    events: tuple[TimelineEvent, ...]
    rejected: int = 0

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler evidence timeline --json`` prints."""
        return json_ready(
            {
                "actor": self.actor,
                "issue": self.issue,
                "timeline": [e.to_data() for e in self.events],
                "rejected": self.rejected,
            }
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per event, with the actor and issue (needs pandas)."""
        import pandas as pd

        rows = [{"actor": self.actor, "issue": self.issue, **e.to_data()} for e in self.events]
        return pd.DataFrame(rows, columns=["actor", "issue", *TIMELINE_COLUMNS])


SUGGEST_COLUMNS = [
    "scenario",
    "actor",
    "issue",
    "field",
    "current",
    "proposed",
    "option",
    "claims",
    "claim_ids",
    "documents",
]


@dataclass(frozen=True)
class SuggestReport:
    """Updates of a scenario the stored claims support, each with its claims; ``written`` is
    the file the updated scenario went to (None unless applied). The provenance has no seed:
    nothing is drawn."""

    provenance: Provenance
    proposals: tuple[Proposal, ...]
    written: str | None = None

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler evidence suggest --json`` prints."""
        head = {k: v for k, v in self.provenance.to_data().items() if k != "seed"}
        return json_ready(
            {
                **head,
                "proposals": [p.as_dict() for p in self.proposals],
                "written": self.written,
            }
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per proposal (needs pandas): its fields, the number of supporting claims,
        their ids and documents joined by ``;``."""
        import pandas as pd

        rows = [
            {
                "scenario": self.provenance.scenario,
                "actor": p.actor,
                "issue": p.issue,
                "field": p.field,
                "current": p.current,
                "proposed": p.proposed,
                "option": p.option,
                "claims": len(p.claims),
                "claim_ids": ";".join(str(c.id) for c in p.claims),
                "documents": ";".join(sorted({str(c.document_id) for c in p.claims})),
            }
            for p in self.proposals
        ]
        return pd.DataFrame(rows, columns=SUGGEST_COLUMNS)


def suggest_report(
    sc: Scenario, proposals: list[Proposal], written: str | None = None
) -> SuggestReport:
    """The report of ``proposals``, the updates of ``sc`` its stored claims support."""
    return SuggestReport(
        provenance=Provenance.from_parameters(sc, {}, seed=None, method="evidence-suggest"),
        proposals=tuple(proposals),
        written=written,
    )
