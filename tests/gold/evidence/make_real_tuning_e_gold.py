"""Regenerate real_tuning_e.json: hand annotations of real tuning set E, openly licensed texts of
the Ukrainian presidency in tests/data/evidence_real_tuning_e, written by following
docs/evidence-annotation.md before any version of the reader was run on these texts. They are
tuning material: the reader's rules may be widened while looking at them, so they never measure it.

Attribution of the quoted sentences below (kept only to locate the annotated spans): texts of the
Office of the President of Ukraine (president.gov.ua), licensed under the Creative Commons
Attribution 4.0 International licence (CC BY 4.0); files 08-13 are verbatim republications of
such texts (named with their addresses in tests/data/evidence_real_tuning_e/SOURCES.md, which
also gives every text's date and what was removed or cut).

Each annotated sentence is kept whole; the script finds it with str.find, refuses a sentence
found zero or several times, and writes its character offsets, the file's sha256 and the
annotation fields.

Run: .venv/bin/python tests/gold/evidence/make_real_tuning_e_gold.py [TEXTS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# gold_build sits beside this script, which is run as a file and also loaded by tests by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_build as gb
from gold_build import OFFICIAL, READOUT

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parents[1] / "data" / "evidence_real_tuning_e"
OUT = HERE / "real_tuning_e.json"
SPLIT = "tuning"

CCBY = "CC BY 4.0 (Office of the President of Ukraine, president.gov.ua)"
CCBY_REPUB = "CC BY 4.0 (Office of the President of Ukraine), verbatim republication"

# file: (kind, licence, date, date note)
DOCS: dict[str, tuple[str, str, str, str | None]] = {
    "01_zelenskyy_address_after_easter_21apr2025.txt": (
        OFFICIAL,
        CCBY,
        "2025-04-21",
        "inferred: 'now, after Easter' (20 April 2025) and 'yesterday's proposal'",
    ),
    "02_zelenskyy_paris_summit_sanctions_27mar2025.txt": (OFFICIAL, CCBY, "2025-03-27", None),
    "03_zelenskyy_ramstein_speech_11apr2025.txt": (
        OFFICIAL,
        CCBY,
        "2025-04-11",
        "inferred: Ramstein-format meeting chaired by Healey and Pistorius, 'exactly one month' "
        "after Russia's answer to the Jeddah proposal, a week after the Kryvyi Rih strike of "
        "4 April 2025",
    ),
    "04_zelenskyy_jef_summit_speech_13oct2023.txt": (
        OFFICIAL,
        CCBY,
        "2023-10-13",
        "inferred: Joint Expeditionary Force leaders' meeting hosted by Ulf Kristersson, after "
        "the Hamas attack of 7 October 2023",
    ),
    "05_zelenskyy_address_uk_defence_7mar2024.txt": (OFFICIAL, CCBY, "2024-03-07", None),
    "06_zelenskyy_peace_summit_plenary_16jun2024.txt": (OFFICIAL, CCBY, "2024-06-16", None),
    "07_crimea_platform_summit_readout_23aug2022.txt": (READOUT, CCBY, "2022-08-23", None),
    "08_zelenskyy_address_three_seas_sanctions_28apr2025.txt": (
        OFFICIAL,
        CCBY_REPUB,
        "2025-04-28",
        "inferred: the Three Seas Summit in Warsaw and the blackout in Spain and Portugal, "
        "both 28 April 2025",
    ),
    "09_zelenskyy_address_new_sanctions_1aug2025.txt": (
        OFFICIAL,
        CCBY_REPUB,
        "2025-08-01",
        "inferred: search operations ended after the Kyiv strike of 31 July 2025",
    ),
    "10_zelenskyy_starmer_call_readout_aug2025.txt": (
        READOUT,
        CCBY_REPUB,
        "2025-08-01",
        "inferred: the call followed the Kyiv strike 'on Thursday night' (31 July 2025)",
    ),
    "11_zelenskyy_address_30mar2022.txt": (
        OFFICIAL,
        CCBY_REPUB,
        "2022-03-30",
        "the republishing bulletin's date; the call with President Biden was on 30 March 2022",
    ),
    "12_zelenskyy_address_eu_integration_15sep2022.txt": (
        OFFICIAL,
        CCBY_REPUB,
        "2022-09-15",
        "inferred: von der Leyen's visit to Kyiv of 15 September 2022; republished 16 September "
        "2022, 00:55",
    ),
    "13_zelenskyy_address_eu_recommendation_8nov2023.txt": (
        OFFICIAL,
        CCBY_REPUB,
        "2023-11-08",
        None,
    ),
    "14_zelenskyy_unsc_speech_sep2025.txt": (
        OFFICIAL,
        CCBY,
        "2025-09-23",
        "inferred: Security Council meeting under the Republic of Korea's presidency during the "
        "UN General Assembly week of September 2025",
    ),
}

# (sentence, actor, issue, stance, position, speaker, note)
Row = gb.Row
ROWS: dict[str, list[Row]] = {name: [] for name in DOCS}

_T01 = (
    "Meetings that could bring us closer to a ceasefire and a real, lasting peace.",
    "It is from Moscow that a real order must come for the Russian army to cease fire.",
    (
        "That means Russia has rejected not only the U.S. proposal for a full and unconditional "
        "ceasefire, which was made more than a month ago during the talks in Jeddah, but also "
        "yesterday’s proposal – the proposal to continue doing everything possible to maintain "
        "the ceasefire after Easter."
    ),
    (
        "Nevertheless, Ukraine stands by its offer — at the very least, not to strike civilian "
        "infrastructure."
    ),
    "We are ready for any conversation on how to ensure this.",
)
ROWS["01_zelenskyy_address_after_easter_21apr2025.txt"] = [
    (_T01[0], "UA", "ceasefire", "demand", None, None, "meetings Ukraine prepares"),
    (_T01[1], "UA", "ceasefire", "demand", None, None, "Russia must order its army to cease fire"),
    (_T01[2], "RU", "ceasefire", "reject", 0, "UA", "the US proposal and the Easter extension"),
    (_T01[2], "US", "ceasefire", "propose", 0, "UA", "past: proposal made in Jeddah"),
    (_T01[3], "UA", "ceasefire", "propose", 25, None, "no strikes on civilian infrastructure"),
    (
        _T01[4],
        "UA",
        "ceasefire",
        "propose",
        25,
        None,
        "'this': not striking civilian infrastructure",
    ),
]

_T02 = (
    (
        "Sanctions Must Stay In Place for as Long as the Aggression and Occupation Continue – "
        "Speech by the President at the Leaders’ Summit on Support for Ukraine"
    ),
    (
        "Right now, there are U.S. proposals on the table – including one for a full and "
        "unconditional ceasefire."
    ),
    "We agreed to it.",
    (
        "But of course, Russia rejected it and threw in a bunch of nonsense conditions nobody "
        "asked for."
    ),
    (
        "Same with the idea of a ceasefire in the Black Sea – Russia is trying to push their own "
        "conditions onto our partners, but those conditions are unrealistic."
    ),
    "Lifting sanctions on Russia right now would be a disaster for diplomacy.",
    "Sanctions are one of the few real tools the world has to pressure Russia into serious talks.",
    (
        "If sanctions are weakened and Russia breaks the deal, bringing sanctions back will be "
        "incredibly slow and difficult."
    ),
    "Sanctions must stay in place for as long as the aggression and occupation continue.",
)
_IT02 = "'it': the US proposal for a full and unconditional ceasefire"
ROWS["02_zelenskyy_paris_summit_sanctions_27mar2025.txt"] = [
    (_T02[0], "UA", "sanctions", "demand", 25, None, "heading: sanctions kept while the war lasts"),
    (_T02[1], "US", "ceasefire", "propose", 0, "UA", None),
    (_T02[2], "UA", "ceasefire", "accept", 0, None, _IT02),
    (_T02[3], "RU", "ceasefire", "reject", 0, "UA", _IT02),
    (_T02[3], "RU", "ceasefire", "condition", None, "UA", "conditions added to the proposal"),
    (_T02[4], "RU", "ceasefire", "condition", 25, "UA", "Black Sea ceasefire tied to conditions"),
    (_T02[5], "UA", "sanctions", "reject", None, None, "rejects lifting sanctions now"),
    (_T02[6], "UA", "sanctions", "demand", None, None, "sanctions as pressure on Russia"),
    (_T02[7], "UA", "sanctions", "reject", None, None, "argues against weakening sanctions"),
    (_T02[8], "UA", "sanctions", "demand", 25, None, None),
]

_T03 = (
    (
        "Stable, predictable and sufficient defense support along with joint pressure on Russia "
        "and our own resilience here in Ukraine, including our domestic weapons production, are "
        "absolutely necessary for this war to finally end."
    ),
    (
        "And today marks exactly one month since Russia rejected the U.S. proposal for a full and "
        "unconditional ceasefire, one month that has made it completely clear – Russia is the "
        "sole cause of this war."
    ),
)
ROWS["03_zelenskyy_ramstein_speech_11apr2025.txt"] = [
    (_T03[0], "UA", "military_aid", "demand", None, None, "defense support from partners"),
    (_T03[0], "UA", "sanctions", "demand", None, None, "'joint pressure on Russia'"),
    (_T03[1], "RU", "ceasefire", "reject", 0, "UA", "past: a month before"),
    (_T03[1], "US", "ceasefire", "propose", 0, "UA", "past: the US proposal"),
]

_T04 = (
    "That is why Ukraine, being on the road to NATO, is developing a system of security guarantees."
)
ROWS["04_zelenskyy_jef_summit_speech_13oct2023.txt"] = [
    (_T04, "UA", "nato", "demand", 0, None, "'on the road to NATO'"),
    (_T04, "UA", "guarantees", "propose", None, None, "developing a system of guarantees"),
]

_T05 = (
    (
        "I thanked him for the UK's tangible leadership in security support for Ukraine, in "
        "strengthening our defense and the world's joint capabilities to defend against Russian "
        "aggression."
    ),
    "The priorities are obvious – air defense, long-range weapons, artillery.",
    (
        "By the way, it was with Britain that we signed the first bilateral agreement on "
        "security commitments."
    ),
    "We must fully implement it for the sake of our common strength.",
)
ROWS["05_zelenskyy_address_uk_defence_7mar2024.txt"] = [
    (_T05[0], "UK", "military_aid", "propose", None, "UA", "UK security support for Ukraine"),
    (_T05[0], "UA", "military_aid", "accept", None, None, "thanks for UK security support"),
    (_T05[1], "UA", "military_aid", "demand", None, None, "priorities discussed with the UK"),
    (_T05[2], "UK", "guarantees", "propose", None, "UA", "past: bilateral security agreement"),
    (_T05[2], "UA", "guarantees", "accept", None, None, "past: signed the agreement"),
    (_T05[3], "UA", "guarantees", "demand", None, None, "'it': the security agreement"),
]

_T06 = (
    "The panel on radiation and nuclear safety, the panel on food security and the humanitarian "
    "panel dedicated to the release of prisoners and deportees, including thousands of children "
    "abducted by Russia from the occupied territory of Ukraine – this dialogue has taken place, "
    "and it is obvious that it can result in absolutely practical steps."
)
ROWS["06_zelenskyy_peace_summit_plenary_16jun2024.txt"] = [
    (_T06, "UA", "prisoners", "demand", 0, None, "release of prisoners, deportees and children"),
]

_T07 = (
    (
        "Opening the summit, the Ukrainian Head of State noted that Ukraine has a "
        "well-elaborated vision of how to restore our Crimean peninsula after the expulsion of "
        "the Russian invaders."
    ),
    (
        "And we are creating a legislative foundation for Crimea - after deoccupation, as well "
        'as for all those for whom Crimea is much more than even home," the President said.'
    ),
)
ROWS["07_crimea_platform_summit_readout_23aug2022.txt"] = [
    (_T07[0], "UA", "withdrawal", "demand", 0, None, "Russian forces expelled from Crimea"),
    (_T07[1], "UA", "withdrawal", "demand", 0, None, "'deoccupation' of Crimea"),
]

_T08 = (
    (
        "We Are Identifying Precisely Those Pressure Points of Russia That Will Most Effectively "
        "Push Moscow Toward Diplomacy – Address by the President"
    ),
    "It is the right format – one that brings us closer to the European Union.",
    (
        "It’s important to keep applying pressure on Russia’s influence networks, as well as on "
        "all of their manufacturing and trade operations."
    ),
    (
        "We are striving to synchronize Ukrainian sanctions as fully as possible with all those "
        "in Europe, so that this becomes a joint position, and we already have good results."
    ),
)
ROWS["08_zelenskyy_address_three_seas_sanctions_28apr2025.txt"] = [
    (_T08[0], "UA", "sanctions", "propose", None, None, "heading: pressure points on Russia"),
    (_T08[1], "UA", "eu_membership", "demand", None, None, "the format brings Ukraine closer"),
    (_T08[2], "UA", "sanctions", "demand", None, None, "keep applying pressure on Russia"),
    (_T08[3], "UA", "sanctions", "propose", None, None, "Ukraine's own sanctions"),
]

_T09 = (
    (
        "Ceasefire proposals have been made long ago – Ukrainian proposals, U.S. proposals, and "
        "many others around the world have communicated this to the Russians."
    ),
    (
        "Each time, the only response from there has been attempts to gain more time for war, "
        "more time for terror."
    ),
    (
        "So it is very important that the prospect of new sanctions, strong sanctions, has now "
        "begun to put pressure on Russia – and not only against the aggressor state itself."
    ),
    (
        "All Russian finances, every scheme that fills the Russian budget, must be targeted by "
        "the world."
    ),
    "Only this will convince Moscow to genuinely work for peace.",
)
ROWS["09_zelenskyy_address_new_sanctions_1aug2025.txt"] = [
    (_T09[0], "UA", "ceasefire", "propose", None, None, "past: Ukrainian ceasefire proposals"),
    (_T09[0], "US", "ceasefire", "propose", None, "UA", "past: US ceasefire proposals"),
    (_T09[1], "RU", "ceasefire", "reject", None, "UA", "Russia's response to the proposals"),
    (_T09[2], "UA", "sanctions", "demand", 0, None, "new, strong sanctions"),
    (_T09[3], "UA", "sanctions", "demand", 0, None, "all Russian finances targeted"),
    (_T09[4], "UA", "sanctions", "demand", None, None, "'this': targeting Russian finances"),
]

_T10 = (
    (
        "The leaders discussed the need to strengthen Ukraine’s defenses and expand drone "
        "production capacity, particularly of interceptor drones."
    ),
    "The conversation also focused on increasing sanctions pressure on Russia.",
    "It is crucial that all sanctions decisions are synchronized and coordinated.",
    (
        "This will restrict Russia’s ability to continue the war and will help bring about a "
        "just and lasting peace."
    ),
)
_LEADERS = "the President and the Prime Minister"
ROWS["10_zelenskyy_starmer_call_readout_aug2025.txt"] = [
    (_T10[0], "UA", "military_aid", "demand", None, None, _LEADERS),
    (_T10[0], "UK", "military_aid", "demand", None, "UA", _LEADERS),
    (_T10[1], "UA", "sanctions", "demand", 0, None, "increasing sanctions pressure"),
    (_T10[1], "UK", "sanctions", "demand", 0, "UA", "increasing sanctions pressure"),
    (_T10[2], "UA", "sanctions", "demand", None, None, "coordinated sanctions decisions"),
    (_T10[3], "UA", "sanctions", "demand", None, None, "'this': coordinated sanctions"),
]

_T11 = (
    "We will not give up anything.",
    "And we will fight for every meter of our land, for every our person.",
    (
        "There are three of them: weapons for Ukraine, new sanctions against Russia and "
        "financial support for our state."
    ),
)
ROWS["11_zelenskyy_address_30mar2022.txt"] = [
    (
        _T11[0],
        "UA",
        "withdrawal",
        "reject",
        0,
        None,
        "no territory given up, per the next sentence",
    ),
    (_T11[1], "UA", "withdrawal", "demand", 0, None, "every meter of Ukrainian land"),
    (_T11[2], "UA", "military_aid", "demand", None, None, "'weapons for Ukraine'"),
    (_T11[2], "UA", "sanctions", "demand", 0, None, "'new sanctions against Russia'"),
]

_T12 = (
    (
        "But now I want to highlight the issue of integration, the movement of our country "
        "towards full membership in the EU."
    ),
    (
        "Whatever the circumstances, we will still implement every detail of our arrangements "
        "to open the possibility of membership negotiations."
    ),
    (
        "Already in November, we are to fulfill the seven recommendations of the European "
        "Commission, which we received when we obtained the candidate status."
    ),
    (
        "The assessment by the European Commission of our progress in integration should begin "
        "as soon as possible."
    ),
    ("And next year, we should clarify the key issue: when we can start membership negotiations."),
    "The Ukrainian side will do everything for this.",
)
ROWS["12_zelenskyy_address_eu_integration_15sep2022.txt"] = [
    (_T12[0], "UA", "eu_membership", "demand", None, None, "towards full EU membership"),
    (_T12[1], "UA", "eu_membership", "demand", 25, None, "opening membership negotiations"),
    (_T12[2], "UA", "eu_membership", "propose", None, None, "Ukraine to meet the recommendations"),
    (
        _T12[2],
        "EU",
        "eu_membership",
        "condition",
        None,
        "UA",
        "recommendations of the European Commission attached to candidate status",
    ),
    (_T12[3], "UA", "eu_membership", "demand", None, None, "Commission assessment of progress"),
    (_T12[4], "UA", "eu_membership", "demand", 25, None, "start of membership negotiations"),
    (_T12[5], "UA", "eu_membership", "demand", 25, None, "'this': start of negotiations"),
]

_T13 = (
    (
        "There is a positive signal from the European Commission – a recommendation to start "
        "negotiations on our country’s membership in the EU."
    ),
    "This is exactly the decision we expected.",
    (
        "Our people deserve to be in the European Union – together with all the free peoples of "
        "our Europe."
    ),
    "And we are doing everything for this.",
    (
        "I am convinced that there is no alternative to the borders of a democratic Europe "
        "matching the borders of the European Union."
    ),
    (
        "We are now awaiting the European Council’s decision on the negotiations in December, "
        "and we have already prepared for this decision."
    ),
    (
        "Of course, we already understand what next steps are needed to move forward after the "
        "European Council’s decision and bring the key goal – our country’s accession to the EU "
        "– closer."
    ),
)
ROWS["13_zelenskyy_address_eu_recommendation_8nov2023.txt"] = [
    (_T13[0], "EU", "eu_membership", "propose", 25, "UA", "Commission recommends opening talks"),
    (_T13[1], "UA", "eu_membership", "accept", 25, None, "the Commission's recommendation"),
    (_T13[2], "UA", "eu_membership", "demand", None, None, None),
    (_T13[3], "UA", "eu_membership", "demand", None, None, "'this': Ukraine in the EU"),
    (_T13[4], "UA", "eu_membership", "demand", None, None, "EU borders to include Ukraine"),
    (_T13[5], "UA", "eu_membership", "demand", 25, None, "decision to open negotiations"),
    (_T13[6], "UA", "eu_membership", "demand", None, None, "accession as the key goal"),
]

_T14 = "Instead, Putin sends delegates who cannot and don’t want to stop the bloodshed."
ROWS["14_zelenskyy_unsc_speech_sep2025.txt"] = [
    (_T14, "RU", "ceasefire", "reject", None, "UA", "'stop the bloodshed'"),
]


DESCRIPTION = (
    "Real tuning set E: hand annotations following docs/evidence-annotation.md of 14 openly "
    "licensed real texts of the Ukrainian presidency in tests/data/evidence_real_tuning_e "
    "(SOURCES.md gives their addresses and licences: addresses, speeches and readouts, CC BY "
    "4.0), none of them in ../shared/evidence-corpus, held-out set B or the first real tuning "
    "set. The texts were annotated before any version of the reader was run on them. Tuning "
    "set: the reader's rules may be widened while looking at these texts; its figures are "
    "measured on held-out texts. This file holds offsets and annotations only. Offsets are "
    "character offsets of the whole sentence in the file decoded as UTF-8; actors and issues "
    "are ids of the istanbul-2025 scenario; stances are demand, propose, accept, reject, "
    "condition. Optional fields: position (the 0-100 value of the nearest labelled option the "
    "sentence implies), speaker (the scenario actor reporting another's stance), note."
)


def build(texts: Path) -> dict[str, Any]:
    return gb.build_documents(texts, DOCS, ROWS, DESCRIPTION, SPLIT)


def main(argv: list[str]) -> None:
    gb.write(OUT, build(Path(argv[0]) if argv else TEXTS))


if __name__ == "__main__":
    main(sys.argv[1:])
