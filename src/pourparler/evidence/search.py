"""Finding claims and documents by words: the SQL conditions the store, the command line
(``evidence claims --text``, ``evidence documents --text``, ``evidence review --text``) and the
web app's filters share. ``LIKE`` patterns, with its wildcards in the words taken as themselves;
letters A to Z match either case (SQLite's ``LIKE``)."""

from __future__ import annotations

CONTAINING = "c.sentence LIKE ? ESCAPE '\\'"  # with containing(text): the sentence holds it


def containing(text: str) -> str:
    """The ``LIKE`` pattern of sentences that hold the words of ``text`` in their order, with
    anything between them ("Istanbul memorandum" finds "the Istanbul peace memorandum"); letters
    A to Z match either case. Empty text matches every sentence."""
    words = text.split()
    escaped = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words]
    return "%" + "%".join(escaped) + "%"


_DOCUMENT_WORDS = (
    "(COALESCE(d.title, '') || ' ' || COALESCE(d.outlet, '') || ' ' || d.file_name || ' ' || "
    "COALESCE(d.locator, '')) LIKE ? ESCAPE '\\'"
)


def naming(text: str) -> tuple[str, list[str]]:
    """The condition that a document's title, outlet, file name or address holds every word of
    ``text`` (anywhere, in any order; A to Z in either case), and its arguments; empty text
    matches every document."""
    words = text.split()
    condition = " AND ".join([_DOCUMENT_WORDS] * len(words)) or "1"
    return condition, [containing(w) for w in words]
