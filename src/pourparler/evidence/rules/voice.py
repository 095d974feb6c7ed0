"""Whose voice a text is in: the actor "we", "our", "I" and a government's titles ("the Prime
Minister", "the Minister") stand for in a speech, a statement or a transcript.

Turns: a transcript line naming the speaker ("SECRETARY RUBIO: ...", "Mr Lammy:", a Hansard name
line "Lord Collins of Highbury (Lab)", "Prime Minister Keir Starmer said:") starts a turn in
that speaker's voice. In Westminster's record (Hansard: "Commons Chamber", "My Lords", "hon.
Friend") a minister speaks for the United Kingdom; a member who asks the Minister a question
(a constituency in the name line, "the Minister" addressed, a turn ending in a question) speaks
for no actor (docs/evidence-annotation.md). Without turns, a statement names its author ("here
in London", "the UK position", "UK statement to the OSCE").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from pourparler.evidence.mentions import Mention

Find = Callable[[str], list[Mention]]

PARLIAMENT = re.compile(
    r"\b(?:Commons Chamber|Lords Chamber|Westminster Hall|House of (?:Commons|Lords)|My Lords|"
    r"hon\. (?:Friend|Member|Gentleman|Lady)|noble (?:Lord|Baroness|Friend)|Hansard|"
    r"I beg to move|(?:Mr|Madam) (?:Deputy )?Speaker|laid before (?:this|the) House)\b"
)
_UK_NAMES = ("United Kingdom", "UK", "Britain", "Great Britain")
# a line naming who speaks: "Maria Eagle", "Lord Collins of Highbury (Lab)"
_NAME_LINE = re.compile(
    r"(?:(?:The\s+)?(?:Lord|Baroness|Lady|Sir|Dame|Mr|Mrs|Ms|Dr|Earl|Viscount)\s+)?"
    r"[A-Z][\w'’.-]+(?:,?\s+(?:of|of the|for|and|the|de|von|van|[A-Z][\w'’.-]+)){0,10}"
    r"(?:\s*\([^()\n]{1,60}\))*\s*"
)
# "SECRETARY RUBIO: Hi", "Mr Lammy: We ...": a speaker label opening a paragraph
_LABEL = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*)\s*:\s+(?=\S)")
_HONORIFIC = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Secretary|Minister|President|Ambassador|Spokesperson|Foreign|Prime)\b"
)
# "The Minister for Europe (Stephen Doughty): We ...": a Hansard speaker opening a paragraph
_HANSARD_LABEL = re.compile(
    r"((?:The\s+)?[A-Z][^():\n]{0,120}?(?:\s*\([^()\n]{1,60}\)){1,2})\s*:\s+"
)
# a person's name: "Alexander Lukashenko", "Maria Zakharova"
_PERSON = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}")
# "Prime Minister Keir Starmer said:": the paragraphs after it are the speaker's
_SAID_COLON = re.compile(r"\b(?:said|says|added|stated|told \w+)\s*:\s*$")
_ASKS = re.compile(r"\bthe\s+(?:noble\s+(?:Lord|Baroness)\s+the\s+)?Minister\b|\?\s*$")
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|I|[Oo]ur|[Mm]y)\b")
_SELF = (
    r"(?<!\bus )here in {m}",  # not a guest's "thanks for hosting us here in France"
    r"the {m}(?:['’]s)? position",
    r"{m} [Ss]tatement(?: to\b|,|:| at\b)",  # "UK statement to the OSCE", "...: UK statement,"
    r"[–—-] {m} at (?:the )?(?:UN|United Nations|OSCE|Security Council|General Assembly)\b",
    r"[Ss]tatement by (?:the )?{m}",
    r"\b[Ww]e in {m}",
    r"{m}(?:['’]s)? (?:Mission|Delegation|(?:Permanent |Acting |Deputy )?Representative|"
    r"Ambassador) to",
    r"\bon behalf of (?:the )?{m}\b",
    r"(?<!\bon )(?<!\bagainst )(?<!\bto )(?<!\bfrom )(?<!\bof )"
    r"{m},? (?:and|together with|alongside|with) (?:all )?our\b",
    # a leader addressing their own people and thanked for as the one supported: "fellow
    # Ukrainians", "Dear Ukrainians!", "In Ukraine, we ...", "grateful for your support of
    # Ukraine", "Thank you to all the countries that continue to support Ukraine"
    r"\b[Ff]ellow {m}\b",
    r"^\W*Dear {m}\s*!",
    r"\b[Ii]n {m}, we\b",
    r"\byour (?:[\w-]+ ){{0,2}}support (?:of|for|to) (?:the )?{m}\b",
    r"\b(?:[Tt]hank you|grateful)\b[^.!?\n]{{0,60}}\bsupport(?:ed|ing|s)? (?:the )?{m}\b",
    # a government speaking of itself in the present, opening a sentence: "The UK will
    # continue to ...", "The UK condemns ..." (a report would say "Britain condemned")
    # ("Once again, the UK calls for ..."; a headline's "UK Backs Ukraine's Push for Peace")
    r"(?:^|[.!?:]\s+)\W*(?:[A-Z][a-z]+(?: again)?, )?(?:[Tt]he )?{m} "
    r"(?:(?:also|once again|again|strongly|firmly|fully) )?"
    r"(?:will continue to|continues to support|stands (?:ready|with|firmly|shoulder)|"
    r"remains (?:committed|steadfast|resolute|unwavering|determined)|is (?:proud|committed|clear)|"
    r"has (?:always )?been clear|reiterates|reaffirms|(?:has|have) (?:also )?announced|"
    r"(?i:supports|backs|condemns|welcomes|calls (?:on|for)|urges))",
    # its own diplomacy: "..., the United States has worked tirelessly with both sides",
    # "the United States will work with both parties"
    r"(?:^|[.!?:,]\s+)\W*(?:[Tt]he )?{m} (?:(?:has|have) worked (?:tirelessly|hard|closely)|"
    r"will (?:continue to )?work (?:with|closely|tirelessly))",
    # "The UK's commitment to support Ukraine is ironclad"
    r"{m}['’]s (?:[\w-]+ ){{0,2}}(?:commitment|support) (?:to|for) (?:[\w’'-]+ ){{0,3}}"
    r"(?:is|remains) (?:ironclad|unwavering|steadfast|unshakeable|unconditional)",
    # "The UK will play its full part", "Britain is taking a leading role": its own part
    r"{m} (?:will|would) (?:continue to )?play (?:its|a|our) (?:full |leading |key |central )?"
    r"(?:part|role)",
    r"{m} (?:is|are) (?:already )?(?:taking|playing) a leading role",
    # a readout of its head: "reiterated the UK's unwavering support", "the Prime Minister
    # said the UK would continue to ..."
    r"\b(?:reiterate[sd]?|pledged|reaffirm(?:s|ed)?|confirmed|underlined|restated|said|"
    r"highlighted|underscored|emphasi[sz]ed|stressed|conveyed|expressed|reinforce[sd]?) (?:that )?"
    r"(?:the )?{m}(?:(?:['’]s?)? (?:[\w-]+,? (?:and )?){{0,4}}"
    r"(?:support|solidarity|commitment|calls?)\b|"
    r" would continue\b)",
    r"\b(?:can|could|will) (?:continue to )?count on (?:the )?{m}\b",
)
# a government's own text, by its title: "Statement of the Ministry of Foreign Affairs of
# Ukraine", "Declaration by the High Representative on behalf of the EU", "European Council
# meeting - Conclusions"
_OWN_TITLE = re.compile(
    r"^\W*(?:[\w'’ ]{0,40}:\s*|[^\n]{0,200}?\s[–—-]\s+)?"  # after a headline and a dash
    r"(?P<own>Statement|Declaration|Comment|Communiqu[eé]|[Aa]ddress|[Ss]peech|[Rr]emarks)\s+"
    r"(?:by|of)\s+"
    r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on\s+behalf\s+of)\s+(?:the\s+)?)?){1,8}"
    r"|^\W*[^\n]{0,60}\b[Cc]onclusions\b[^\n]*$"
    # "Reinforced OSCE meeting on the situation in Ukraine: UK statement, 22 February"
    r"|^[^\n]{0,200}?[:–—-]\s+(?:the\s+)?(?P<by>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})"
    r"\s+[Ss]tatement\b"
)
# a presidency's readout opens with its head's full style: "President of Ukraine Volodymyr
# Zelenskyy held a phone call with ..." (a report would write "Ukrainian President ...")
_HEAD_OF_STATE_OPENS = re.compile(
    r"(?:^|\n)\W*(?:The\s+)?President\s+of\s+((?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})"
    r"\s+[A-Z][\w.'’-]+\s+[A-Z][\w.'’-]+\s+(?:held|had|met|spoke|received|took\s+part|"
    r"visited|signed|addressed)\b"
)
# a headline quoting the speaker of the remarks below it: 'Kaja Kallas: "The only way ..."'
_QUOTE_HEADLINE = re.compile(r"^\W*([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*:\s*[\"“‘']")
# the publisher of an official statement: GOV.UK pages, the UK's ministries and missions
_PUBLISHERS = (
    (
        re.compile(
            r"\bGOV\.UK\b|Foreign,? Commonwealth (?:&|and) Development Office|"
            r"Prime Minister['’]s Office, 10 Downing Street|\bUK Mission to\b"
        ),
        "United Kingdom",
    ),
    # the State Department's readouts: "The below is attributable to Spokesperson X"
    (
        re.compile(r"\battributable to (?:the )?(?:Department )?Spokesperson\b"),
        "United States",
    ),
)
# a government speaking of itself: these stand for the voice's actor
TITLES = re.compile(
    r"\b(?:[Tt]he|[Oo]ur|[Tt]his|[Mm]y)\s+(?:Prime\s+Minister|PM|Government|Minister|Foreign\s+Secretary|"
    r"Defence\s+Secretary|Secretary\s+of\s+State|Secretary(?!-))\b(?!\s+(?:of\s+)?[A-Z])"
)


# "Joint statement of the leaders of France, Germany and Ukraine": a text several governments
# issue together, in the voice of all of them
_JOINT = re.compile(
    r"\b[Jj]oint\s+(?:[Ss]tatement|[Dd]eclaration|[Cc]ommuniqu[eé]|[Cc]ommunique)\b"
)
# a title opening with "Statement by ...": joint when it names several authors
_STATEMENT_BY = re.compile(r"^\W*(?:A\s+)?(?:[Ss]tatement|[Dd]eclaration)(?=\s+(?:by|of|from)\b)")
_TOPIC = re.compile(
    r"\b(?:on|about|regarding|concerning|after|following|ahead|at|in|to|with|between)\s"
)
# what a heading may hold before "Joint statement" ("G7 Leaders' Joint Statement"), unlike a
# sentence that refers to one ("in addition to the joint statement delivered by ...")
# (possessive: a word's trailing dots may not also be tried as the gap after it, which made a
# line of initials take time exponential in its length)
_HEADING_WORDS = re.compile(r"[\W\d]*+(?:(?:[A-Z][\w'’.-]*+|of|and|the|on|at)[\W\d]*+)*+")

# the words of a heading that open its authors ("by", "of") or what it is about ("on Ukraine")
_HEAD_PREPOSITION = re.compile(
    r"\b(by|of|from|on|about|regarding|concerning|after|following|ahead|at|in|for|to|with|"
    r"between)\s",
    re.IGNORECASE,
)


def joint_members(text: str, find: Find) -> tuple[str, ...]:
    """The actors a joint statement names as its authors in its title (else its first two
    lines), after "by", "of" or "from", not what it is about ("... and the United Kingdom
    on Ukraine"); none when the text is not a joint statement or names fewer than two."""
    lines = text.lstrip().split("\n", 2)
    for head in (lines[0], "\n".join(lines[:2])):  # the title, else with its next line
        several = _STATEMENT_BY.match(head)
        joint = _JOINT.search(head) or several
        if joint is None or not _HEADING_WORDS.fullmatch(head[: joint.start()]):
            continue
        rest = head[joint.end() :]
        if several:  # "Statement by A, B and C on Peace for Ukraine": the authors end at "on"
            rest = _TOPIC.split(rest, maxsplit=1)[0]
        topics = [(m.start(), m.group(1)) for m in _HEAD_PREPOSITION.finditer(rest)]
        members = tuple(
            dict.fromkeys(
                m.actor
                for m in find(rest)
                if next((w for at, w in reversed(topics) if at < m.start), "by").lower()
                in ("by", "of", "from")
            )
        )
        if len(members) >= 2:
            return members
        if several and not members and " and " in rest:
            # "A statement from Defence Secretary X and Defence Minister Y ...", then "The UK
            # Defence Secretary and the French Minister convened ...": the opening subject
            body = next((ln for ln in text.lstrip().split("\n")[1:4] if ln.strip()), "")
            verb = _FIRST_VERB.search(body)
            subject = body[: verb.start()] if verb else ""
            named = tuple(dict.fromkeys(m.actor for m in find(subject)))
            if len(named) >= 2 and " and " in subject:
                return named
    return ()


# the first word of a sentence that is no part of its opening noun phrase ("convened")
_FIRST_VERB = re.compile(r"\b(?!(?:and|the|of|for|des|du|de|la|le)\b)[a-z][\w'’-]*")


# a minister's answer that adopts the question put: "Yes.", "I do.", "I will.", "I can give
# the hon. Lady that assurance." (docs/evidence-annotation.md, Parliament)
ADOPTS = re.compile(
    r"\W*(?:Yes\b|I\s+(?:certainly\s+|absolutely\s+)?(?:do|will|agree)(?=\s*[.,;!]|\s+with\b)|"
    r"(?:I\s+can|I\s+am\s+happy\s+to|I\s+am\s+glad\s+to)\s+(?:give|offer)\s+[^!?]{0,40}?"
    r"\bassurance\b|I\s+can\s+(?:confirm|assure)\b)"
)


@dataclass(frozen=True)
class Turn:
    """A stretch of the text, from ``start``, in the voice of ``actor`` (None: no actor's)."""

    start: int
    actor: str | None


def _uk(find: Find) -> str | None:
    for name in _UK_NAMES:
        found = find(name)
        if found and found[0].start == 0 and found[0].end == len(name):
            return found[0].actor
    return None


@functools.lru_cache(maxsize=256)
def _self_pattern(name: str) -> re.Pattern[str]:
    """The :data:`_SELF` phrases for one name, as one pattern (compiled once per name)."""
    return re.compile("|".join(f"(?:{p.format(m=re.escape(name))})" for p in _SELF), re.M)


_ANY_LABEL = re.compile(r"^(?:[A-Z][A-Z.'’ -]{1,40}|Q|Question)\s*:", re.M)
_PRESIDENT_ALONE = re.compile(r"\b[Tt]he President\b(?!\s+(?:of\b|[A-Z]))")
_PRESIDENT_NAMED = re.compile(r"\bPresident\s+(?:of\s+(?:the\s+)?)?(?=[A-Z])")


def _first_president(text: str, find: Find) -> str | None:
    """The actor of the first person the text names with the title President."""
    for p in _PRESIDENT_NAMED.finditer(text):
        who = find(text[p.end() : p.end() + 40])
        if who and who[0].start == 0:
            return who[0].actor
    return None


def author(text: str, find: Find) -> str | None:
    """The actor a statement names as its author ("here in London", "the UK position");
    None when none or several are named so."""
    published = any(pattern.search(text) for pattern, _ in _PUBLISHERS)
    title = text.lstrip().split("\n", 1)[0]
    own = _OWN_TITLE.match(title)
    readout = _HEAD_OF_STATE_OPENS.search(text, 0, 400)  # a presidency's readout
    if (
        not (published or own or readout)
        and len(_FIRST_PERSON.findall(text)) < 2
        and len(TITLES.findall(text)) < 2
    ):
        return None  # neither in the first person nor a government's release on its head
    votes: Counter[str] = Counter()
    at = own.start("own") if own and own.group("own") else 0
    words = (own.group("by") or title[at : own.end() + 40]) if own else ""
    if words and (named := find(words)):
        votes[named[0].actor] += 2  # the government whose statement it is, by its title
    for pattern, name in _PUBLISHERS:
        if pattern.search(text) and (who := find(name)):
            votes[who[0].actor] += 2
    if readout and (of := find(readout.group(1))):
        votes[of[0].actor] += 2
    quoted = _QUOTE_HEADLINE.match(title)  # 'Kaja Kallas: "The only way ..."' over remarks
    if quoted and (who := find(quoted.group(1))) and who[0].end == len(quoted.group(1)):
        votes[who[0].actor] += 2
    for m in find(text):
        line = text.rfind("\n", 0, m.start) + 1
        lo = m.start - 80 if m.start - 80 > line else line
        name = re.sub(r"['’]s$", "", text[m.start : m.end])  # "the UK's": the UK
        found = _self_pattern(name).finditer(text, lo, m.end + 80)
        if any(h.start() <= m.start < h.end() for h in found):  # a phrase on this mention
            votes[m.actor] += 1
    transcript = len(_ANY_LABEL.findall(text)) >= 2  # a speaker's "the President" is theirs
    if (
        not transcript
        and len(_PRESIDENT_ALONE.findall(text)) >= 2
        and (head := _first_president(text, find))
    ):
        votes[head] += 1  # a presidency's release: "President of Ukraine X ... the President"
    if not votes:
        return None
    (best, n), *rest = [*votes.most_common(2), ("", 0)]
    return best if n > rest[0][1] else None


def turns(text: str, find: Find, given: str | None = None) -> list[Turn]:
    """The text's turns in order; the first starts at 0 in the voice of the document.
    ``given``: the voice a caller knows the text is in (its publisher), for a text that names
    none itself; a joint statement and a speaker the text names keep their own."""
    parliament = bool(PARLIAMENT.search(text))
    joint = bool(joint_members(text, find))
    if joint:
        default = None  # several governments speak: no one actor's voice (see joint_members)
    else:
        default = _uk(find) if parliament else author(text, find)
    out = [Turn(0, default)]
    paragraphs = list(re.finditer(r"[^\n]+", text))
    labels = Counter(m.group(1) for p in paragraphs if (m := _LABEL.match(p.group(0).strip())))
    transcript = any(n >= 2 for n in labels.values())
    host = None if default or parliament else _host(text, paragraphs, find, transcript, labels)
    for k, p in enumerate(paragraphs):
        line = p.group(0).strip()
        label = _LABEL.match(line)
        said = _SAID_COLON.search(line) and len(line) < 120
        if said or (label and _is_speaker(label.group(1), find, transcript, labels)):
            name = line if said or not label else label.group(1)
            who = find(name) or find(name.title())
            voice = who[0].actor if who else (default if parliament else None)
            if voice is None and host and label and _ADDRESSED.fullmatch(label.group(1)):
                voice = host  # "MS BRUCE:" at a government's briefing: its spokesperson
            start = p.start() + (label.end() if label and not said else len(p.group(0)))
            out.append(Turn(start, voice))
        elif parliament and (hansard := _HANSARD_LABEL.match(line)):
            rest = line[hansard.end() :]
            member = hansard.group(1).count("(") >= 2 or bool(_ASKS.search(rest))
            out.append(Turn(p.start() + hansard.end(), None if member else default))
        elif parliament and len(line) < 90 and _NAME_LINE.fullmatch(line) and k:
            body = _turn_text(paragraphs, k)
            member = line.count("(") >= 2 or bool(_ASKS.search(body))
            out.append(Turn(p.end(), None if member else default))
    speakers = {t.actor for t in out[1:]}
    if default is None and not joint and given:
        out[0] = Turn(0, given)  # the publisher the caller names, outside the turns named
    elif default is None and not joint and len(speakers) == 1 and None not in speakers:
        out[0] = Turn(0, speakers.pop())  # a statement around its author's quoted words
    return out


# a speaker's label by honorific and surname: "MS BRUCE", "Mr Miller"
_ADDRESSED = re.compile(r"(?:MR|MS|MRS|DR|Mr|Ms|Mrs|Dr)\.?\s+[A-Z][\w'’-]+")


def _host(
    text: str, paragraphs: list[re.Match[str]], find: Find, transcript: bool, labels: Counter[str]
) -> str | None:
    """The one actor a briefing's heading names ("Department Press Briefing / Tammy Bruce,
    Department Spokesperson / Washington, D.C."), before its first speaker's label: whose
    briefing it is. None when the heading names none or several."""
    for p in paragraphs:
        label = _LABEL.match(p.group(0).strip())
        if label and _is_speaker(label.group(1), find, transcript, labels):
            named = {m.actor for m in find(text[: p.start()])}
            return named.pop() if len(named) == 1 else None
    return None


def _is_speaker(
    label: str, find: Find, transcript: bool = False, labels: Counter[str] | None = None
) -> bool:
    """ "SECRETARY RUBIO", "Mr Lammy", "Q": a speaker's label, not a heading ("Ukraine: ...").
    In a transcript (a label opening two paragraphs or more: "Question:", "Vladimir Putin:")
    a repeated label and a person's name ("Alexander Lukashenko:") are speakers' labels."""
    if label.isupper() or (_HONORIFIC.match(label) and find(label)):
        return True
    if not transcript:
        return False
    return (labels or Counter())[label] >= 2 or bool(_PERSON.fullmatch(label))


def _turn_text(paragraphs: list[re.Match[str]], k: int) -> str:
    """The paragraphs after the name line ``k`` up to the next name line."""
    body = []
    for p in paragraphs[k + 1 :]:
        line = p.group(0).strip()
        if len(line) < 90 and _NAME_LINE.fullmatch(line):
            break
        body.append(line)
    return "\n".join(body)


def voice_at(turns_: list[Turn], pos: int, starts: list[int]) -> str | None:
    """The voice of the turn holding ``pos`` (``starts``: the turns' starts)."""
    k = bisect.bisect_right(starts, pos)
    return turns_[k - 1].actor if k else None


def after_label(turns_: list[Turn], s0: int, s1: int, starts: list[int]) -> int:
    """Where the words of the sentence ``s0``-``s1`` start: after a speaker label in it."""
    k = bisect.bisect_right(starts, s0)
    return turns_[k].start if k < len(turns_) and turns_[k].start < s1 else s0
