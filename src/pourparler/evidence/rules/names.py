"""Names a text uses for actors besides their aliases: a first name alone once its person is
named ("Volodymyr" after "President Zelenskyy"), "the allies" for NATO, "the Coalition of the
Willing" for the voice of the text or the leaders the text names ("led by the UK and
France"), and a government's titles ("the Prime Minister") for the voice (:mod:`.voice`)."""

from __future__ import annotations

import re

from pourparler.evidence.mentions import ActorMatcher, Mention
from pourparler.evidence.rules.voice import PARLIAMENT, TITLES, joint_members
from pourparler.scenario import Scenario

_COALITION = re.compile(r"\bcoalition of the willing\b", re.IGNORECASE)
_COALITION_MENTION = re.compile(
    r"\b(?:[Tt]he|[Oo]ur|[Tt]his|[Tt]hat)\s+(?:[Cc]oalition(?:\s+of\s+the\s+[Ww]illing)?)\b"
    r"|\b[Cc]oalition of the [Ww]illing\b"
)
_LED_BY = re.compile(
    r"\b(?:coalition|initiative)\b[^.]{0,150}?\b(?:led|co-led|spearheaded|chaired|convened|co-convened)\s+by\s+"
    r"([^.;:()]{1,80})",
    re.IGNORECASE,
)
_NOT_FIRST_NAMES = frozenset("Great United European North South East West New Old".split())
# "Russian Foreign Ministry spokeswoman Maria Zakharova", "US Defense Secretary Pete Hegseth":
# a person introduced by an actor's name and a title speaks for that actor in this text
_TITLED = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?i:minister|secretary|spokes(?:man|woman|person)|envoy|"
    r"aide|advis[eo]r|negotiator|ambassador|chancellor|commander|representative)"
    r"(?:\s+(?:of|for)\s+(?:State|Defen[cs]e|Foreign\s+Affairs|Europe))?,?\s+"
    r"([A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2})\b"  # a name on one line
)
# an office title opening a sentence, with the official's name: "Secretary of State Antony J.
# Blinken spoke ...", "Foreign Secretary Jane Doe met ..." (not "Dear Secretary Healey")
_OWN_OFFICIAL = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s))(?:Secretary(?:[ \t]+of[ \t]+(?:State|Defen[cs]e))?|"
    r"(?:Foreign|Defen[cs]e|Home)[ \t]+(?:Secretary|Minister)|Ambassador|"
    r"Spokes(?:person|man|woman)|Prime[ \t]+Minister)[ \t]+"
    r"((?:[A-Z][a-z'’-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][a-z'’-]+|[A-Z]\.)){0,3})",
    re.M,
)
# a government's own department, in its minister's or its own words: "Defence is providing
# training", "the Foreign Office", "Treasury has targeted ..."
_DEPARTMENT = re.compile(
    r"\b(?:(?:[Tt]he\s+)?(?:Ministry\s+of\s+Defen[cs]e|Foreign(?:,\s+Commonwealth\s+(?:and|&)\s+"
    r"Development)?\s+Office|FCDO|Home\s+Office|State\s+Department|Department\s+of\s+(?:State|"
    r"Defense|the\s+Treasury)|Pentagon)\b|(?:[Tt]he\s+)?(?:Defen[cs]e|Treasury)(?=\s+(?:is|are|"
    r"will|has|have|continues|remains|was)\b))"
)
# titles a text uses alone for a person it names with them ("President Zelenskyy ... the
# President said"), and "the Trump Administration ... the Administration"
_HEAD = (
    r"President|Chancellor|Secretary\s+of\s+State|Foreign\s+Minister|Administration|"
    r"administration"
)
_HEAD_NAMED = re.compile(rf"\b({_HEAD})\s+(?:of\s+)?(?:the\s+)?$")
_HEAD_AFTER = re.compile(rf"\s+({_HEAD})\b")
_HEAD_ALONE = re.compile(rf"\b[Tt]he\s+({_HEAD})\b(?!\s+(?:of\b|[A-Z]))(?!['’]s\s+[A-Z])")
# "the President of Ukraine", "the Federal Chancellor of Germany": the office for its state
_OFFICE_OF = re.compile(
    r"\b[Tt]he\s+(?:[A-Z][\w-]+\s+){0,2}?(?:President|Chancellor|Prime\s+Minister|"
    r"(?:Foreign\s+)?Minister|Government|Ambassador)\s+of\s+(?:the\s+)?$"
)
# the head noun of an organisation's name stands for it once the text names it
_HEAD_NOUNS = frozenset({"Union", "Federation", "Alliance"})
_ALLIES = re.compile(r"\b(?:[Tt]he|NATO)\s+[Aa]llies\b")
_EUROPEANS = re.compile(r"\bEuropean\s+(?:leaders|governments|heads\s+of\s+state)\b")
# how a joint statement names its authors together
_PARTICIPANTS = re.compile(
    r"\b(?:[Tt]he|[Aa]ll)\s+(?:(?:participating\s+)?(?:participants|leaders|signatories|"
    r"undersigned|heads\s+of\s+(?:state|government)|governments|ministers)|"
    r"participating\s+(?:states|countries|governments))\b(?!\s+of\b)"
)


def first_names(scenario: Scenario) -> dict[str, str]:
    """First name -> actor of the two-word person aliases whose surname is an alias too
    ("Volodymyr Zelensky" beside "Zelensky"; not "Great Britain"), for first names no other
    actor's alias starts with."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for a in scenario.actors:
        names = {a.name, *a.aliases}
        for n in names:
            parts = n.split()
            if (
                len(parts) == 2
                and all(p[:1].isupper() and p.isalpha() for p in parts)
                and parts[1] in names  # a person's full name beside the surname alone
                and parts[0] not in _NOT_FIRST_NAMES
            ):
                if parts[0] in out and out[parts[0]] != a.id:
                    clash.add(parts[0])
                out.setdefault(parts[0], a.id)
    return {k: v for k, v in out.items() if k not in clash}


def coalition_leaders(text: str, actors: ActorMatcher) -> list[str]:
    """The actors a text says lead the Coalition of the Willing ("an initiative led by the
    United Kingdom and France"); none when the text does not name the coalition."""
    if not _COALITION.search(text):
        return []
    for led in _LED_BY.finditer(text):
        leaders = list(dict.fromkeys(m.actor for m in actors.find(led.group(1))))
        if leaders:
            return leaders
    return []


def _key(title: str) -> str:
    return " ".join(title.lower().split())


class DocumentNames:
    """Actor mentions of one document's sentences: the scenario's aliases and the names this
    document uses for its actors (:meth:`read` it first)."""

    def __init__(self, scenario: Scenario, actors: ActorMatcher) -> None:
        self.actors = actors
        nato = [a.id for a in scenario.actors if a.id == "NATO" or a.name == "NATO"]
        self._allies = nato[0] if nato else None
        self._first_names = first_names(scenario)
        heads: dict[str, set[str]] = {}
        for a in scenario.actors:
            for n in (a.name, *a.aliases):
                words = n.split()
                if len(words) >= 2 and words[-1] in _HEAD_NOUNS:
                    heads.setdefault(words[-1], set()).add(a.id)
        self._heads_of_names = {h: next(iter(ids)) for h, ids in heads.items() if len(ids) == 1}
        self._extra: list[tuple[re.Pattern[str], str]] = []
        self._leaders: list[str] = []
        self.members: tuple[str, ...] = ()  # the authors of a joint statement
        self._heads: dict[str, list[str]] = {}  # title -> actors the text names with it
        self._parliament = False

    def read(self, text: str, voice: str | None = None) -> None:
        """Learn the names ``text`` uses: first names of the persons it names, "the allies",
        the coalition's leaders, and, in a text in ``voice``, its own officials."""
        named = {m.actor for m in self.actors.find(text)}
        self._extra = [
            (re.compile(rf"\b{re.escape(first)}\b(?!\s+[A-Z])"), actor)
            for first, actor in self._first_names.items()
            if actor in named and first in text
        ]
        if self._allies:
            self._extra.append((_ALLIES, self._allies))
        self._extra += [  # "the European Union ... the Union"
            (re.compile(rf"\b[Tt]he\s+{head}\b(?!\s+of\b)"), actor)
            for head, actor in self._heads_of_names.items()
            if actor in named
        ]
        self._extra += self._titled(text)
        if voice:
            self._extra += self._own_officials(text, voice)
        self._leaders = coalition_leaders(text, self.actors)
        self.members = joint_members(text, self.actors.find)
        self._parliament = bool(PARLIAMENT.search(text))
        self._heads = {}
        for m in self.actors.find(text):
            before = _HEAD_NAMED.search(text, max(0, m.start - 40), m.start)
            after = _HEAD_AFTER.match(text, m.end)  # "the Trump Administration"
            for t in (before, after):
                if t:
                    key = _key(t.group(1))
                    if m.actor not in self._heads.setdefault(key, []):
                        self._heads[key].append(m.actor)

    def _titled(self, text: str) -> list[tuple[re.Pattern[str], str]]:
        """Names of persons the text introduces by an actor and a title, with their surnames;
        a name that is an alias already, or given to two actors, is left alone."""
        learnt: dict[str, set[str]] = {}
        for m in self.actors.find(text):
            t = _TITLED.match(text, m.end)
            if t is None or self.actors.find(t.group(1)):
                continue
            name = re.split(r"['’]s\b", t.group(1))[0].strip()  # "Blinken's Call": Blinken
            for n in {name, name.split()[-1]}:
                learnt.setdefault(n, set()).add(m.actor)
        return [
            (re.compile(rf"\b{re.escape(n)}\b"), next(iter(actors)))
            for n, actors in sorted(learnt.items())
            if len(actors) == 1 and len(n) > 2
        ]

    def _own_officials(self, text: str, voice: str) -> list[tuple[re.Pattern[str], str]]:
        """ "Secretary of State Antony J. Blinken spoke with ...", "Secretary Blinken
        highlighted ...": in a government's readout or statement, an official who opens a
        sentence with an office title and no other actor's name is the government's own."""
        taken = {pat.pattern for pat, _ in self._extra}
        out: list[tuple[re.Pattern[str], str]] = []
        for t in _OWN_OFFICIAL.finditer(text):
            name = re.split(r"['’]s\b", t.group(1))[0].strip()  # "Blinken's Call": Blinken
            surname = next((w for w in reversed(name.split()) if not w.endswith(".")), "")
            for n in dict.fromkeys((name, surname)):
                pattern = rf"\b{re.escape(n)}\b"
                if len(n) > 2 and pattern not in taken and not self.actors.find(n):
                    taken.add(pattern)
                    out.append((re.compile(pattern), voice))
        return out

    def _groups(self, sent: str, voice: str | None) -> list[Mention]:
        """ "The Coalition of the Willing", "our coalition": the voice when it is one of the
        leaders the text names (or it names none, or says "our"), else each leader."""
        if not (voice or self._leaders) or "oalition" not in sent:
            return []
        out: list[Mention] = []
        for m in _COALITION_MENTION.finditer(sent):
            ours = m.group(0)[:3].lower() == "our"
            own = voice is not None and (ours or not self._leaders or voice in self._leaders)
            members = [voice] if voice is not None and own else self._leaders
            out += [Mention(m.start(), m.end(), a) for a in members]
        return out

    def _head(self, title: str, voice: str | None) -> str | None:
        """Who "the President" (a title alone) is: in a government's statement or its
        speaker's turn, the voice; in Parliament, the one actor the text names with the title;
        elsewhere the first it names with it. "The Administration": the actor it is named
        with ("the Trump Administration")."""
        named = self._heads.get(_key(title), [])
        if _key(title) == "administration":
            return named[0] if len(named) == 1 else None
        if voice and not self._parliament:
            return voice
        if self._parliament:
            return named[0] if len(named) == 1 else None
        return named[0] if named else None

    def _offices(self, sent: str, found: list[Mention]) -> list[Mention]:
        """ "The President of Ukraine": one mention of Ukraine from "The" on, so that the
        office is a subject, not the object of "of"."""
        out = []
        for m in found:
            office = _OFFICE_OF.search(sent, max(0, m.start - 60), m.start)
            out.append(Mention(office.start(), m.end, m.actor) if office else m)
        return out

    def find(self, sent: str, voice: str | None) -> list[Mention]:
        """Mentions in ``sent``, in order; ``voice``: the actor the text speaks for."""
        found = self._offices(sent, self.actors.find(sent))
        group = self._groups(sent, voice)
        if self.members:  # "The participants call on Russia to ...": every author
            group += [
                Mention(m.start(), m.end(), a)
                for m in _PARTICIPANTS.finditer(sent)
                for a in self.members
            ]
            # in a joint statement of European leaders, "European leaders" are its authors
            for m in _EUROPEANS.finditer(sent):
                found = [x for x in found if not (m.start() <= x.start < m.end())]
                group += [Mention(m.start(), m.end(), a) for a in self.members]
        extra = [
            Mention(m.start(), m.end(), a) for pat, a in self._extra for m in pat.finditer(sent)
        ]
        if voice:
            extra += [Mention(m.start(), m.end(), voice) for m in TITLES.finditer(sent)]
            extra += [Mention(m.start(), m.end(), voice) for m in _DEPARTMENT.finditer(sent)]
        for m in _HEAD_ALONE.finditer(sent):
            if head := self._head(m.group(1), voice):
                extra.append(Mention(m.start(), m.end(), head))
        if not extra and not group:
            return found
        for x in extra:
            if not any(m.start < x.end and x.start < m.end for m in found):
                found.append(x)
        found += [x for x in group if not any(m.start < x.end and x.start < m.end for m in found)]
        return sorted(found, key=lambda m: (m.start, m.end, m.actor))
