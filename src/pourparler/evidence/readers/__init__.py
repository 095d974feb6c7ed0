"""Evidence readers behind one interface (:class:`Extractor`): text and a scenario in, claims
anchored to exact spans out. ``rules`` is the pattern-based reader (deterministic, offline);
``llm`` asks a language model behind an OpenAI-compatible endpoint."""

from __future__ import annotations

from pourparler.errors import InputError
from pourparler.evidence.readers.base import (
    STANCES,
    Extractor,
    ReadClaim,
    ReaderError,
    Reading,
)

READERS = ("rules", "llm")


def make_reader(name: str) -> Extractor:
    """The reader called ``name``; the llm reader takes its settings from the environment or
    the settings file (see :mod:`pourparler.evidence.readers.llm_settings`)."""
    if name == "rules":
        from pourparler.evidence.readers.rules import RulesReader

        return RulesReader()
    if name == "llm":
        from pourparler.evidence.readers.llm import LLMReader

        return LLMReader()
    raise InputError(f"--reader: {name!r}: unknown reader (known: {', '.join(READERS)})")


__all__ = [
    "READERS",
    "STANCES",
    "Extractor",
    "ReadClaim",
    "ReaderError",
    "Reading",
    "make_reader",
]
