"""The language-model reader: any server speaking the OpenAI-compatible chat-completions API
with JSON-schema output (llama.cpp's ``llama-server``, Ollama, vLLM, a hosted service).

Each chunk of the document is sent with the scenario's vocabulary and the answer's schema
(structured output, as in "Structured Outputs", OpenAI 2024; grammar-constrained decoding in
llama.cpp). Nothing the model says is taken on trust: each answer item is validated (pydantic),
its quote must occur verbatim in the document (runs of white space may differ) and gives the
claim's offsets, actors and issues must be the scenario's (ids, or names and aliases mapped to
ids); what fails is dropped and counted. Answers are cached by the document's hash, the model,
:data:`~pourparler.evidence.readers.llm_prompt.PROMPT_VERSION` and the scenario vocabulary in the
prompt, so a second run makes no request.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pourparler.evidence.readers.base import ReadClaim, ReaderError, Reading
from pourparler.evidence.readers.llm_prompt import (
    PROMPT_VERSION,
    chunks,
    prompt_digest,
    request_body,
    system_prompt,
)

if TYPE_CHECKING:
    from pourparler.evidence.readers.llm_settings import LLMSettings
    from pourparler.scenario import Scenario

Stance = Literal["demand", "propose", "accept", "reject", "condition"]


class AnswerClaim(BaseModel):
    """One item of a model's answer."""

    model_config = ConfigDict(extra="ignore")

    actor: str = Field(min_length=1, max_length=200)
    issue: str = Field(min_length=1, max_length=200)
    stance: Stance
    position: float | None = Field(None, ge=0, le=100)
    quote: str = Field(min_length=1, max_length=5000)
    speaker: str | None = Field(None, max_length=200)
    confidence: float = Field(ge=0, le=1)
    stated_on: str | None = Field(None, pattern=r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def answer_object(content: str, where: str) -> dict[str, Any]:
    """An answer as a JSON object with a ``claims`` list; :class:`ReaderError` when it is not
    (the items are checked one by one later)."""
    try:
        data = json.loads(content)
    except ValueError as exc:
        raise ReaderError(f"{where}: the answer is not JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise ReaderError(f"{where}: the answer is not an object with a 'claims' list")
    return data


CUT_MARK = "cut_at_max_tokens"  # set in a salvaged answer; counted as dropped "cut"


def salvage_cut_answer(content: str) -> str:
    """An answer cut off at the token limit (``finish_reason`` "length") as a JSON object with
    the claim items the model finished before the cut and :data:`CUT_MARK` set; the content
    unchanged when it is already whole JSON, or when no ``{"claims": [`` opening is there to
    salvage from (it then fails as an answer that is not JSON)."""
    try:
        json.loads(content)
        return content
    except ValueError:
        pass
    m = re.match(r'\s*\{\s*"claims"\s*:\s*\[', content)
    if m is None:
        return content
    decoder = json.JSONDecoder()
    items: list[object] = []
    i = m.end()
    while True:
        while i < len(content) and content[i] in " \t\r\n,":
            i += 1
        try:
            item, i = decoder.raw_decode(content, i)
        except ValueError:
            break
        items.append(item)
    return json.dumps({"claims": items, CUT_MARK: True})


def find_quote(text: str, quote: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Offsets of ``quote`` in ``text``, looked for in ``text[lo:hi]`` first, then anywhere;
    an exact match first, else one where runs of white space may differ."""
    q = quote.strip()
    if not q:
        return None
    for a, b in ((lo, hi), (0, len(text))):
        i = text.find(q, a, b)
        if i >= 0:
            return i, i + len(q)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in q.split()))
    for a, b in ((lo, hi), (0, len(text))):
        m = pattern.search(text, a, b)
        if m:
            return m.start(), m.end()
    return None


def _ids(scenario: Scenario) -> tuple[dict[str, str], dict[str, str]]:
    """Actor and issue ids, names and aliases (case-folded) mapped to ids: an id wins over
    another entry's name or alias, and an earlier entry's name over a later one's."""
    actors: dict[str, str] = {}
    for a in scenario.actors:
        for n in (a.name, *a.aliases):
            actors.setdefault(n.casefold(), a.id)
    actors.update({a.id.casefold(): a.id for a in reversed(scenario.actors)})
    issues: dict[str, str] = {}
    for i in scenario.issues:
        issues.setdefault(i.name.casefold(), i.id)
    issues.update({i.id.casefold(): i.id for i in reversed(scenario.issues)})
    return actors, issues


class LLMReader:
    """Claims read by a language model behind an OpenAI-compatible endpoint (reader "llm")."""

    name = "llm"

    def __init__(self, settings: LLMSettings | None = None) -> None:
        import importlib.util

        if importlib.util.find_spec("httpx") is None:
            from pourparler.errors import InputError

            raise InputError("--reader: llm: needs httpx (pip install 'pourparler[llm]')")
        if settings is None:
            from pourparler.evidence.readers.llm_settings import LLMSettings

            settings = LLMSettings.load()
        self.settings = settings
        self.model: str | None = settings.model

    def cache_file(self, text: str, scenario: Scenario, voice: str | None = None) -> Path:
        key = json.dumps(
            [
                hashlib.sha256(text.encode("utf-8")).hexdigest(),
                self.settings.model,
                PROMPT_VERSION,
                prompt_digest(scenario),
                self.settings.chunk_chars,
                *([voice] if voice is not None else []),
            ]
        )
        return self.settings.cache / (hashlib.sha256(key.encode()).hexdigest() + ".json")

    def read(self, text: str, scenario: Scenario, *, voice: str | None = None) -> Reading:
        spans = chunks(text, self.settings.chunk_chars)
        path = self.cache_file(text, scenario, voice)
        answers = _cached(path, len(spans))
        cached, requests = answers is not None, 0
        if answers is None:
            answers, requests = self._ask(text, spans, scenario, voice)
            _write_cache(path, answers)
        claims, dropped = self._claims(text, spans, answers, scenario)
        return Reading(claims, dict(dropped), requests, cached=cached)

    def _ask(
        self, text: str, spans: list[tuple[int, int]], scenario: Scenario, voice: str | None
    ) -> tuple[list[str], int]:
        from pourparler.evidence.readers.llm_client import ChatClient

        client = ChatClient(self.settings)
        deadline = time.monotonic() + self.settings.total_timeout
        system = system_prompt(scenario, voice)
        answers = []
        try:
            for n, (a, b) in enumerate(spans, start=1):
                body = request_body(
                    scenario,
                    text[a:b],
                    self.settings.model,
                    self.settings.max_tokens,
                    system,
                    self.settings.response_format,
                )
                try:
                    content, reason = client.complete(body, deadline)
                except ReaderError as exc:
                    raise ReaderError(f"chunk {n} of {len(spans)}: {exc}") from None
                if reason == "length":  # cut at max_tokens: keep the items it finished
                    content = salvage_cut_answer(content)
                answer_object(content, f"chunk {n} of {len(spans)}: {client.endpoint}")
                answers.append(content)
        finally:
            client.close()
        return answers, client.requests

    def _claims(
        self,
        text: str,
        spans: list[tuple[int, int]],
        answers: list[str],
        scenario: Scenario,
    ) -> tuple[tuple[ReadClaim, ...], Counter[str]]:
        actors, issues = _ids(scenario)
        dropped: Counter[str] = Counter()
        out: list[ReadClaim] = []
        seen: set[tuple[str, str, str, int, int]] = set()
        for (lo, hi), content in zip(spans, answers, strict=True):
            answer = answer_object(content, "cache")
            if answer.get(CUT_MARK) is True:
                dropped["cut"] += 1  # the rest of this chunk's answer, past max_tokens
            for item in answer["claims"]:
                try:
                    c = AnswerClaim.model_validate(item)
                except ValidationError:
                    dropped["invalid"] += 1
                    continue
                actor = actors.get(c.actor.strip().casefold())
                issue = issues.get(c.issue.strip().casefold())
                if actor is None:
                    dropped["unknown_actor"] += 1
                    continue
                if issue is None:
                    dropped["unknown_issue"] += 1
                    continue
                span = find_quote(text, c.quote, lo, hi)
                if span is None:
                    dropped["quote"] += 1
                    continue
                key = (actor, issue, c.stance, *span)
                if key in seen:
                    dropped["duplicate"] += 1
                    continue
                seen.add(key)
                out.append(
                    ReadClaim(
                        actor=actor,
                        issue=issue,
                        stance=c.stance,
                        position=c.position,
                        start=span[0],
                        end=span[1],
                        quote=text[span[0] : span[1]],
                        speaker=c.speaker or None,
                        confidence=round(c.confidence, 3),
                        reader=self.name,
                        model=self.model,
                        cue="(llm)",
                        stated_on=c.stated_on,
                    )
                )
        return tuple(out), dropped


def _cached(path: Path, n: int) -> list[str] | None:
    """The cached answers for ``n`` chunks, or None (missing or unreadable cache entry)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, list) or len(answers) != n:
        return None
    if not all(isinstance(a, str) for a in answers):
        return None
    return answers


def _write_cache(path: Path, answers: list[str]) -> None:
    """Write the answers atomically; a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"prompt_version": PROMPT_VERSION, "answers": answers}))
        os.replace(tmp, path)
    except OSError:
        pass
