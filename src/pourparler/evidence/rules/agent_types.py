"""What the agent rules (:mod:`.agency`, :mod:`.document_agents`) read and answer: the sentence
seen by every rule, the context earlier sentences give, and the agents a rule finds."""

from __future__ import annotations

from dataclasses import dataclass

from pourparler.evidence.attribution import Report
from pourparler.evidence.mentions import Mention

__all__ = ["SKIP", "Agents", "Context", "View"]


@dataclass(frozen=True)
class View:
    """What every rule reads of one sentence: its text, actor mentions (without those of a
    reporting aside), issue spans and reporting clause."""

    text: str
    mentions: list[Mention]
    issues: list[tuple[int, int, str]]
    report: Report


@dataclass(frozen=True)
class Context:
    """What the text before the cue tells: agents of earlier cues of the sentence, the topic
    of earlier sentences, and the last document named."""

    earlier_agents: list[str]
    last_actor: str | None
    last_document: str | None
    parties: tuple[str, ...]
    voice: str | None = None  # who "we" and "I" are (:mod:`.voice`)
    group: tuple[str, ...] = ()  # who "we" are when several speak at once (a joint statement)
    last_group: tuple[str, ...] = ()  # the earlier subject "they" refers to, when a list
    document: tuple[tuple[str, ...], str] | None = None  # last document's authors, stance
    it_document: bool = True  # "it" may be the last document (not when another was subject)
    pair: tuple[str, ...] = ()  # the two actors the previous sentence named, if just two


@dataclass(frozen=True)
class Agents:
    """The agents of a cue, the confidence factor of how they were found, where the clause
    read for them starts, and whether they are named in it."""

    actors: list[str]
    factor: float
    region_start: int
    named: bool = False
    demand: bool = False  # an imperative: whatever its cue, the speaker demands it


SKIP = Agents([], 0.0, 0)  # a rule that knows the cue has no agent to be found
