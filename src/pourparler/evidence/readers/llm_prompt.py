"""What the language-model reader asks: the scenario's vocabulary, the answer's JSON schema, and
the document cut into chunks that fit the context budget (each chunk keeps its offset).

Bump :data:`PROMPT_VERSION` whenever the prompt or schema changes: it is part of the cache key.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pourparler.evidence.readers.base import STANCES

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

PROMPT_VERSION = "3"

STANCE_MEANINGS = {
    "demand": "asks for it, insists on it, calls for it",
    "propose": "offers or proposes it",
    "accept": "accepts it, agrees to it, is willing to",
    "reject": "rejects, opposes, refuses or rules it out",
    "condition": "accepts it only if something else happens first",
}


def vocabulary(scenario: Scenario) -> str:
    """The scenario's actors (ids, names, aliases), issues (ids, names, what 0 and 100 mean,
    labelled options) and the stance words, as prompt text."""
    lines = ["Actors (answer with the id):"]
    for a in scenario.actors:
        names = ", ".join([a.name, *a.aliases])
        lines.append(f"- {a.id}: {names}")
    lines.append("Issues (answer with the id; positions run from 0 to 100):")
    for i in scenario.issues:
        options = sorted(i.options, key=lambda o: o.value)
        lines.append(f"- {i.id}: {i.name}" + (f" ({i.description})" if i.description else ""))
        lo, hi = options[0], options[-1]
        lines.append(f"  {lo.value:g} means: {lo.label}; {hi.value:g} means: {hi.label}")
        for o in options:
            lines.append(f"  option {o.value:g}: {o.label}")
    lines.append("Stances:")
    lines += [f"- {s}: the actor {STANCE_MEANINGS[s]}" for s in STANCES]
    return "\n".join(lines)


def system_prompt(scenario: Scenario, voice: str | None = None) -> str:
    """What the model is told: the task, the scenario's vocabulary and, when the caller knows
    it, whose voice the text is in."""
    speaks = ""
    if voice is not None:
        actor = next((a for a in scenario.actors if a.id == voice), None)
        name = f"{actor.name} ({voice})" if actor is not None else voice
        speaks = (
            f" The text is issued by {name}: its 'we', 'our' and 'I' stand for {voice} "
            "unless it names another speaker."
        )
    return (
        "You read news and official texts about a negotiation and list the stances the actors "
        "below take on its issues. For each stance give: the actor id, the issue id, the "
        "stance, the position on the issue's 0-100 scale when the text implies one (else "
        "null), a quote copied character for character from the text that states it (one "
        "sentence or less), who said it when the text reports someone's words (else null), "
        "and your confidence from 0 to 1. Only actors and issues listed here; nothing the text "
        "does not say." + speaks + " Answer with JSON only.\n\n" + vocabulary(scenario)
    )


def answer_schema(scenario: Scenario) -> dict[str, Any]:
    """The JSON schema the server is asked to follow (``response_format``)."""
    claim = {
        "type": "object",
        "properties": {
            "actor": {"type": "string", "enum": [a.id for a in scenario.actors]},
            "issue": {"type": "string", "enum": [i.id for i in scenario.issues]},
            "stance": {"type": "string", "enum": list(STANCES)},
            "position": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
            "quote": {"type": "string"},
            "speaker": {"type": ["string", "null"]},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "stated_on": {"type": ["string", "null"]},
        },
        "required": ["actor", "issue", "stance", "position", "quote", "speaker", "confidence"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"claims": {"type": "array", "items": claim}},
        "required": ["claims"],
        "additionalProperties": False,
    }


def request_body(
    scenario: Scenario,
    chunk: str,
    model: str,
    max_tokens: int,
    system: str | None = None,
    response_format: str = "json_schema",
) -> dict[str, Any]:
    """The chat-completions request for one chunk; ``response_format`` says how the schema is
    asked for (:data:`~pourparler.evidence.readers.llm_settings.RESPONSE_FORMATS`)."""
    schema = answer_schema(scenario)
    if response_format == "json_object":
        wanted: dict[str, Any] = {"type": "json_object", "schema": schema}
    else:
        wanted = {
            "type": "json_schema",
            "json_schema": {"name": "claims", "strict": True, "schema": schema},
        }
    return {
        "model": model,
        "temperature": 0,
        "max_tokens": max_tokens,
        "messages": [
            {"role": "system", "content": system or system_prompt(scenario)},
            {"role": "user", "content": chunk},
        ],
        "response_format": wanted,
    }


def prompt_digest(scenario: Scenario) -> str:
    """A hash of what the prompt says about the scenario (its vocabulary and schema)."""
    import hashlib

    blob = json.dumps([system_prompt(scenario), answer_schema(scenario)], sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def chunks(text: str, budget: int) -> list[tuple[int, int]]:
    """``text`` cut into spans of at most ``budget`` characters, at sentence ends where possible
    (a longer sentence is cut at a space); together they cover the text in order."""
    from pourparler.evidence.mentions import split_sentences

    ends = [s1 for _, s1 in split_sentences(text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    pieces: list[tuple[int, int]] = []
    s0 = 0
    for s1 in ends:  # pieces cover the text: each starts where the last ended
        while s1 - s0 > budget:
            cut = text.rfind(" ", s0 + 1, s0 + budget)
            cut = cut if cut > s0 else s0 + budget
            pieces.append((s0, cut))
            s0 = cut
        if s1 > s0:
            pieces.append((s0, s1))
            s0 = s1
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        if out and b - out[-1][0] <= budget:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
