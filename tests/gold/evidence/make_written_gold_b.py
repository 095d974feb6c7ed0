"""Regenerate written_tuning_b.json: hand annotations of the twelve texts
tests/data/evidence_written/b01-b12, written for the project's tests in its own words from the
facts in ../shared/FACTS.md and the seed articles, in the form of real kinds of text about the
2022-2025 Russia-Ukraine talks (README_b.md lists them). The annotations follow
docs/evidence-annotation.md and were written before any version of the reader was run on these
texts.

Each annotated sentence is kept whole; the script finds it with str.find, refuses a sentence
found zero or several times, and writes its character offsets, the file's sha256 and the
annotation fields.

Run: .venv/bin/python tests/gold/evidence/make_written_gold_b.py [TEXT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# gold_build sits beside this script, which is run as a file and also loaded by tests by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_build as gb

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parents[1] / "data" / "evidence_written"
OUT = HERE / "written_tuning_b.json"

HANSARD = "parliamentary transcript"
REPORT = "analysis/report"
ENCYCLOPEDIA = "encyclopedia"
OFFICIAL = "official statement"
LICENCE = "written for the project"

# file: (kind, date, date note)
DOCS: dict[str, tuple[str, str, str | None]] = {
    "b01_commons_uq_istanbul_round_one_19may2025.txt": (HANSARD, "2025-05-19", None),
    "b02_lords_oral_question_reassurance_force_20mar2025.txt": (HANSARD, "2025-03-20", None),
    "b03_commons_defence_questions_military_aid_2jun2025.txt": (HANSARD, "2025-06-02", None),
    "b04_commons_uq_russian_memorandum_4jun2025.txt": (HANSARD, "2025-06-04", None),
    "b05_lords_us_peace_plan_geneva_24nov2025.txt": (HANSARD, "2025-11-24", None),
    "b06_commons_uq_anchorage_summit_1sep2025.txt": (HANSARD, "2025-09-01", None),
    "b07_crs_in_focus_istanbul_rounds_jun2025.txt": (REPORT, "2025-06-10", None),
    "b08_thinktank_brief_guarantees_30apr2025.txt": (REPORT, "2025-04-30", None),
    "b09_encyclopedia_istanbul_talks_2025.txt": (
        ENCYCLOPEDIA,
        "2025-08-01",
        "revision date; the article covers events up to 23 July 2025",
    ),
    "b10_column_lessons_of_2022_14may2025.txt": (REPORT, "2025-05-14", None),
    "b11_column_28_point_plan_26nov2025.txt": (REPORT, "2025-11-26", None),
    "b12_european_council_conclusions_26jun2025.txt": (OFFICIAL, "2025-06-26", None),
}

# (sentence, actor, issue, stance, position, speaker, note)
Row = gb.Row
ROWS: dict[str, list[Row]] = {name: [] for name in DOCS}

_KYIV_10_MAY = (
    "On 10 May the Prime Minister stood in Kyiv with President Macron, Chancellor Merz and Prime "
    "Minister Tusk, and together they called on Russia to accept a full and unconditional 30-day "
    "ceasefire, monitored by the United States, making it plain that a refusal would be met with "
    "tougher sanctions."
)
_UA_ISTANBUL = (
    "Ukraine came to Istanbul ready to sign the same unconditional 30-day ceasefire on land, in "
    "the air and at sea that it accepted in Jeddah on 11 March; the Russian delegation would not "
    "discuss it."
)
_MEDINSKY = (
    "Instead, Mr Medinsky told the Ukrainian side that a ceasefire could only follow a withdrawal "
    "of Ukrainian forces from the whole of the four regions Moscow claims, including land Russia "
    "has never held."
)
ROWS["b01_commons_uq_istanbul_round_one_19may2025.txt"] = [
    (
        "We welcome that exchange without reservation; every one of those men has a family "
        "waiting for him.",
        "UK",
        "prisoners",
        "accept",
        50,
        None,
        "minister; the 1,000-for-1,000 exchange",
    ),
    (_UA_ISTANBUL, "UA", "ceasefire", "accept", 0, "UK", "minister; as accepted in Jeddah"),
    (_UA_ISTANBUL, "RU", "ceasefire", "reject", None, "UK", "would not discuss it"),
    (_MEDINSKY, "RU", "ceasefire", "condition", 100, "UK", "Medinsky heads Russia's delegation"),
    (_MEDINSKY, "RU", "withdrawal", "demand", 100, "UK", "all four claimed regions"),
    (_KYIV_10_MAY, "UK", "ceasefire", "demand", 0, None, "past: the Prime Minister in Kyiv"),
    (_KYIV_10_MAY, "FR", "ceasefire", "demand", 0, "UK", "past: President Macron in Kyiv"),
    (_KYIV_10_MAY, "DE", "ceasefire", "demand", 0, "UK", "past: Chancellor Merz in Kyiv"),
    (_KYIV_10_MAY, "UK", "sanctions", "propose", 0, None, "tougher sanctions if Russia refuses"),
    (_KYIV_10_MAY, "FR", "sanctions", "propose", 0, "UK", "tougher sanctions if Russia refuses"),
    (_KYIV_10_MAY, "DE", "sanctions", "propose", 0, "UK", "tougher sanctions if Russia refuses"),
    (
        "That offer still stands.",
        "UK",
        "ceasefire",
        "demand",
        0,
        None,
        "'that offer': the 30-day ceasefire called for in Kyiv",
    ),
    (
        "Russia has not taken it up.",
        "RU",
        "ceasefire",
        "reject",
        None,
        "UK",
        "'it': the ceasefire offer; disregarded",
    ),
    (
        "We will keep working with Washington, with Türkiye and with our European partners to "
        "turn Friday's meeting into something more than a prisoner exchange, and in the meantime "
        "we will keep tightening the screws on the Kremlin's war economy.",
        "UK",
        "sanctions",
        "propose",
        0,
        None,
        "pressure on Russia's economy to grow",
    ),
    (
        "The Kremlin says it wants to pick up where the talks broke off in 2022, when its "
        "negotiators insisted on capping Ukraine's army at 85,000 troops.",
        "RU",
        "army_limits",
        "demand",
        100,
        None,
        "past stance of 2022, reported by a backbench MP",
    ),
    (
        "I can give the hon. Lady that assurance.",
        "UK",
        "army_limits",
        "reject",
        0,
        None,
        "minister adopts the question: no support for any cap",
    ),
    (
        "The size of Ukraine's armed forces after any ceasefire is a matter for Ukraine alone, "
        "not for Moscow.",
        "UK",
        "army_limits",
        "reject",
        0,
        None,
        "minister",
    ),
    (
        "What I can say is that the President has repeatedly said he wants the killing to stop, "
        "and that we are in close and constant contact with his team.",
        "US",
        "ceasefire",
        "demand",
        None,
        "UK",
        "'stop the killing'; the US President",
    ),
    (
        "Yes.",
        "UK",
        "prisoners",
        "demand",
        0,
        None,
        "minister adopts the question: return of the deported children",
    ),
    (
        "The return of every deported child must be part of any settlement, and we have said so "
        "to every partner who will listen.",
        "UK",
        "prisoners",
        "demand",
        0,
        None,
        "minister; deported children",
    ),
]

_TUESDAY_CALL = (
    "On Tuesday President Putin offered only a pause in strikes on energy facilities and said "
    "that a full ceasefire would require an end to all foreign military aid to Kyiv."
)
_JEDDAH_PEER = (
    "My Lords, on 11 March in Jeddah Ukraine agreed to a 30-day ceasefire, and the United States "
    "restored intelligence sharing the same day."
)
ROWS["b02_lords_oral_question_reassurance_force_20mar2025.txt"] = [
    (
        "My Lords, the Prime Minister has been clear that the United Kingdom is prepared to put "
        "boots on the ground and planes in the air, together with others, to help secure a peace "
        "in Ukraine, should a ceasefire be agreed.",
        "UK",
        "foreign_troops",
        "propose",
        25,
        None,
        "minister; the coalition's force, once a ceasefire is agreed",
    ),
    (
        "Moscow has made it plain that it will accept no foreign military presence in Ukraine of "
        "any kind, under whatever flag.",
        "RU",
        "foreign_troops",
        "reject",
        100,
        None,
        "reported by a crossbench peer",
    ),
    (
        "The noble Lord is right that the Kremlin has said so.",
        "RU",
        "foreign_troops",
        "reject",
        None,
        "UK",
        "'so': no foreign military presence (the peer's words)",
    ),
    (
        "Russia does not get a veto over where Ukraine's friends station their forces at "
        "Ukraine's invitation.",
        "UK",
        "foreign_troops",
        "demand",
        0,
        None,
        "minister; friendly forces without a Russian veto",
    ),
    (
        "We have always said that a US backstop is vital to deter Russia from launching another "
        "invasion, and those discussions are continuing.",
        "UK",
        "guarantees",
        "demand",
        25,
        None,
        "minister; European force with a US backstop",
    ),
    (_JEDDAH_PEER, "UA", "ceasefire", "accept", 0, None, "past, reported by a peer"),
    (
        _JEDDAH_PEER,
        "US",
        "military_aid",
        "propose",
        25,
        None,
        "past: intelligence sharing restored, reported by a peer",
    ),
    (_TUESDAY_CALL, "RU", "ceasefire", "propose", 25, None, "energy pause; reported by a peer"),
    (_TUESDAY_CALL, "RU", "ceasefire", "condition", 75, None, "full ceasefire only if aid ends"),
    (_TUESDAY_CALL, "RU", "military_aid", "demand", 100, None, "end of all foreign aid"),
    (
        "In the meantime we will not lift our foot from the accelerator: we will keep the "
        "military aid flowing, this year and next.",
        "UK",
        "military_aid",
        "propose",
        25,
        None,
        "minister; aid keeps flowing",
    ),
    (
        "No, my Lords.",
        "UK",
        "foreign_troops",
        "propose",
        25,
        None,
        "minister refuses the peer's call to drop the force",
    ),
]

_MEMO_REPORT = (
    "Reports from Istanbul this afternoon suggest that the Russian side has handed over a "
    "memorandum that would oblige Kyiv to halt mobilisation and would end Western arms "
    "deliveries and intelligence sharing as the price of a ceasefire."
)
_LEAD_FORCE = (
    "Planning for the multinational force is well advanced, with many nations involved in one "
    "way or another, and the UK stands ready to lead it alongside France."
)
ROWS["b03_commons_defence_questions_military_aid_2jun2025.txt"] = [
    (
        "This year the UK will provide more military aid to Ukraine than in any year since the "
        "full-scale invasion began, including air-defence missiles and long-range drones, and we "
        "continue to train Ukrainian recruits on British soil.",
        "UK",
        "military_aid",
        "propose",
        0,
        None,
        "minister; more aid than ever",
    ),
    (_MEMO_REPORT, "RU", "mobilisation", "demand", None, None, "memorandum, reported by an MP"),
    (_MEMO_REPORT, "RU", "military_aid", "demand", 100, None, "arms and intelligence end"),
    (_MEMO_REPORT, "RU", "ceasefire", "condition", 75, None, "the price of a ceasefire"),
    (
        "I will.",
        "UK",
        "mobilisation",
        "reject",
        0,
        None,
        "minister adopts the question: no limits on recruiting and training",
    ),
    (
        "Russia started this war and Russia could end it tomorrow by pulling its troops out of "
        "Ukraine.",
        "UK",
        "withdrawal",
        "demand",
        0,
        None,
        "minister; troops out as the way to end the war",
    ),
    (
        "The Secretary of State has said that UK forces could play a part in a reassurance force "
        "after a ceasefire.",
        "UK",
        "foreign_troops",
        "propose",
        25,
        None,
        "the Defence Secretary, reported by an MP",
    ),
    (_LEAD_FORCE, "UK", "foreign_troops", "propose", 25, None, "Defence Secretary; ready to lead"),
    (_LEAD_FORCE, "FR", "foreign_troops", "propose", 25, "UK", "leads the force with the UK"),
    (
        "Frozen Russian assets should fund Ukraine's reconstruction, and Russia should pay for "
        "the damage it has caused.",
        "UK",
        "sanctions",
        "demand",
        25,
        None,
        "Defence Secretary; frozen assets for reconstruction",
    ),
]

_AGREED_4JUN = (
    "They also agreed to exchange all severely wounded and young prisoners and to return the "
    "bodies of 6,000 fallen soldiers, which we welcome."
)
_UA_MEMO = (
    "It proposes an unconditional ceasefire of at least 30 days on land, in the air and at sea, "
    "monitored with the help of the United States; an all-for-all exchange of prisoners; the "
    "return of the children Russia has deported; and a meeting of leaders."
)
_KYIV_SAID = (
    "Kyiv has said that it will not recognise any occupied territory as Russian and that the "
    "current line of contact should be the starting point for talks on territory."
)
_SUPPORT = "Those are reasonable positions and we support them."
_RU_OBLIGE = (
    "Published by the Russian news agency TASS, it would oblige Kyiv to withdraw from the whole "
    "of Donetsk, Luhansk, Zaporizhzhia and Kherson and to recognise them, with Crimea, as Russian "
    "territory."
)
_RU_DEMANDS = (
    "It demands that Ukraine renounce any alliance, accept caps on its armed forces and make "
    "Russian an official language, and that all sanctions be lifted."
)
_RU_OFFERS = (
    "It offers a ceasefire only if Ukraine pulls back, or if Kyiv halts mobilisation, gives up "
    "Western weapons and intelligence and holds elections within 100 days."
)
_NEUTRAL = (
    "The memorandum also calls for Ukraine to be neutral and for no foreign troops to be "
    "stationed on its soil."
)
_OUR_SANCTIONS = (
    "Our sanctions will stay in place until there is a just and lasting peace, and Russia's "
    "frozen assets should be used for Ukraine's reconstruction."
)
_RU_MEMO = "the Russian memorandum"
ROWS["b04_commons_uq_russian_memorandum_4jun2025.txt"] = [
    (_AGREED_4JUN, "RU", "prisoners", "accept", 50, "UK", "'they': both delegations"),
    (_AGREED_4JUN, "UA", "prisoners", "accept", 50, "UK", "'they': both delegations"),
    (_AGREED_4JUN, "UK", "prisoners", "accept", 50, None, "minister welcomes the exchange"),
    (_UA_MEMO, "UA", "ceasefire", "propose", 0, "UK", "'it': Ukraine's memorandum"),
    (_UA_MEMO, "UA", "prisoners", "propose", 0, "UK", "all-for-all and deported children"),
    (_KYIV_SAID, "UA", "recognition", "reject", 0, "UK", "minister"),
    (_KYIV_SAID, "UA", "withdrawal", "propose", 50, "UK", "contact line as starting point"),
    (_SUPPORT, "UK", "recognition", "accept", 0, None, "'those': Kyiv's positions just stated"),
    (_SUPPORT, "UK", "withdrawal", "accept", 50, None, "'those': Kyiv's positions just stated"),
    (_RU_OBLIGE, "RU", "withdrawal", "demand", 100, "UK", _RU_MEMO),
    (_RU_OBLIGE, "RU", "recognition", "demand", 100, "UK", _RU_MEMO),
    (_RU_DEMANDS, "RU", "nato", "demand", None, "UK", "renounce any alliance: neutrality"),
    (_RU_DEMANDS, "RU", "army_limits", "demand", None, "UK", _RU_MEMO),
    (_RU_DEMANDS, "RU", "language", "demand", 100, "UK", _RU_MEMO),
    (_RU_DEMANDS, "RU", "sanctions", "demand", 100, "UK", _RU_MEMO),
    (_RU_OFFERS, "RU", "ceasefire", "condition", None, "UK", "two alternative sets of terms"),
    (_RU_OFFERS, "RU", "withdrawal", "demand", None, "UK", "Ukraine pulls back"),
    (_RU_OFFERS, "RU", "mobilisation", "demand", None, "UK", "Kyiv halts mobilisation"),
    (_RU_OFFERS, "RU", "military_aid", "demand", 100, "UK", "weapons and intelligence"),
    (_RU_OFFERS, "RU", "elections", "demand", 100, "UK", "elections within 100 days"),
    (
        "Beyond that, Moscow has offered truces of two or three days in some sectors to collect "
        "the dead.",
        "RU",
        "ceasefire",
        "propose",
        50,
        "UK",
        "short local truces",
    ),
    (_NEUTRAL, "RU", "nato", "demand", None, None, "memorandum, reported by an MP"),
    (_NEUTRAL, "RU", "foreign_troops", "demand", None, None, "memorandum, reported by an MP"),
    (
        "I do, and so does every member of this Government.",
        "UK",
        "nato",
        "reject",
        None,
        None,
        "minister adopts the question: Ukraine alone chooses its alliances, against neutrality",
    ),
    (
        "Ukraine's memorandum offers staged relief from sanctions, with a snapback if Russia "
        "breaks its word.",
        "UA",
        "sanctions",
        "propose",
        50,
        None,
        "reported by an MP",
    ),
    (_OUR_SANCTIONS, "UK", "sanctions", "propose", 25, None, "minister; kept until a peace"),
    (
        "Any easing would be for a settlement that Ukraine itself agrees to.",
        "UK",
        "sanctions",
        "condition",
        None,
        None,
        "relief only for a settlement Ukraine accepts",
    ),
    (
        "Elections in Ukraine will be held when martial law ends, on a timetable set by the "
        "Ukrainian people, not by the Kremlin.",
        "UK",
        "elections",
        "reject",
        0,
        None,
        "minister; against a timetable set in Moscow",
    ),
]

_PLAN_PEER = (
    'My Lords, the first version of the plan would have written "no NATO" into Ukraine\'s '
    "constitution, capped its army at 600,000, handed Russia de facto control of Crimea, Luhansk "
    "and Donetsk, including the part of Donetsk that Ukraine still holds, and lifted sanctions in "
    "stages."
)
_E3_GENEVA = (
    "What I can say is that, with our French and German colleagues, we have set out our own "
    "proposals in Geneva: the ceiling on Ukraine's forces should be no lower than 800,000, the "
    "question of NATO membership should be left to the consensus of the allies, the United "
    "States should offer a guarantee modelled on Article 5, and talks on territory should begin "
    "from the current line."
)
_US_PLAN = "the US 28-point plan, reported by a peer"
_E3 = "UK-France-Germany proposals in Geneva"
ROWS["b05_lords_us_peace_plan_geneva_24nov2025.txt"] = [
    (
        "I will not comment on every point of a draft that is changing by the hour, but our "
        "principles have not changed: Ukraine must be able to defend itself, any guarantee must "
        "be credible, and decisions about Ukraine's future are for Ukraine.",
        "UK",
        "guarantees",
        "demand",
        None,
        None,
        "minister; a credible guarantee",
    ),
    (_PLAN_PEER, "US", "nato", "propose", None, None, _US_PLAN),
    (_PLAN_PEER, "US", "army_limits", "propose", 50, None, _US_PLAN),
    (_PLAN_PEER, "US", "recognition", "propose", 50, None, _US_PLAN + "; de facto control"),
    (_PLAN_PEER, "US", "withdrawal", "propose", 75, None, _US_PLAN + "; Ukraine-held Donetsk"),
    (_PLAN_PEER, "US", "sanctions", "propose", 50, None, _US_PLAN + "; staged lifting"),
    (
        "It also promised an American guarantee whose terms nobody in this House has seen.",
        "US",
        "guarantees",
        "propose",
        None,
        None,
        _US_PLAN,
    ),
    (_E3_GENEVA, "UK", "army_limits", "propose", 50, None, _E3),
    (_E3_GENEVA, "FR", "army_limits", "propose", 50, "UK", _E3),
    (_E3_GENEVA, "DE", "army_limits", "propose", 50, "UK", _E3),
    (_E3_GENEVA, "UK", "nato", "propose", 25, None, _E3 + "; left to the allies' consensus"),
    (_E3_GENEVA, "FR", "nato", "propose", 25, "UK", _E3 + "; left to the allies' consensus"),
    (_E3_GENEVA, "DE", "nato", "propose", 25, "UK", _E3 + "; left to the allies' consensus"),
    (_E3_GENEVA, "UK", "guarantees", "demand", 0, None, _E3 + "; asked of the US"),
    (_E3_GENEVA, "FR", "guarantees", "demand", 0, "UK", _E3 + "; asked of the US"),
    (_E3_GENEVA, "DE", "guarantees", "demand", 0, "UK", _E3 + "; asked of the US"),
    (_E3_GENEVA, "UK", "withdrawal", "propose", 50, None, _E3 + "; from the current line"),
    (_E3_GENEVA, "FR", "withdrawal", "propose", 50, "UK", _E3 + "; from the current line"),
    (_E3_GENEVA, "DE", "withdrawal", "propose", 50, "UK", _E3 + "; from the current line"),
    (
        "My Lords, the plan also proposes that $100 billion of frozen Russian assets be put "
        "towards rebuilding Ukraine.",
        "US",
        "sanctions",
        "propose",
        25,
        None,
        _US_PLAN + "; frozen assets for reconstruction",
    ),
    (
        "My Lords, we have long argued that Russia must pay for the destruction it has caused, "
        "and we are working with partners on the use of immobilised Russian assets.",
        "UK",
        "sanctions",
        "propose",
        25,
        None,
        "minister; frozen assets for rebuilding (the question)",
    ),
    (
        "We will maintain our sanctions until Russia ends its war.",
        "UK",
        "sanctions",
        "propose",
        25,
        None,
        "minister; kept until the war ends",
    ),
]

_DONETSK = (
    "According to the accounts given to us, President Putin used the meeting to press again for "
    "the whole of the Donetsk region, including the cities Ukraine still holds, as the price of "
    "ending the war."
)
_SAID_NO = "Ukraine has said no to that, and we stand with Ukraine."
_COALITION = (
    "We agreed that, once the fighting stops, our countries stand ready to deploy a multinational "
    "force to help regenerate Ukraine's armed forces and secure its skies and seas, and that we "
    "will keep up the pressure on Russia until Putin is prepared to talk seriously."
)
_ROUND3_MP = (
    "The exchange of 1,200 prisoners on each side, agreed at the third round in Istanbul on 23 "
    "July, showed that talks can bring results."
)
ROWS["b06_commons_uq_anchorage_summit_1sep2025.txt"] = [
    (
        "We have been clear from the outset that there can be no decision about Ukraine's "
        "territory taken over the heads of Ukrainians, and that international borders must not "
        "be changed by force.",
        "UK",
        "recognition",
        "reject",
        0,
        None,
        "minister; borders not changed by force",
    ),
    (_DONETSK, "RU", "withdrawal", "demand", 75, "UK", "all of Donetsk, incl. Ukraine-held"),
    (_SAID_NO, "UA", "withdrawal", "reject", None, "UK", "'that': giving up Donetsk"),
    (_SAID_NO, "UK", "withdrawal", "reject", None, None, "stands with Ukraine's refusal"),
    (_COALITION, "UK", "foreign_troops", "propose", 25, None, "Coalition of the Willing"),
    (_COALITION, "UK", "sanctions", "propose", 0, None, "Coalition of the Willing; pressure"),
    (
        "Before Anchorage, the United States said that a ceasefire had to come first.",
        "US",
        "ceasefire",
        "demand",
        None,
        None,
        "past stance, reported by an MP",
    ),
    (
        "Our position has not changed.",
        "UK",
        "ceasefire",
        "demand",
        None,
        None,
        "minister answers the question: a ceasefire first",
    ),
    (
        "We want an immediate and unconditional ceasefire, because every day without one costs "
        "lives, and we will go on making that case in Washington.",
        "UK",
        "ceasefire",
        "demand",
        0,
        None,
        "minister",
    ),
    (_ROUND3_MP, "RU", "prisoners", "accept", 50, None, "past; agreed at the third round"),
    (_ROUND3_MP, "UA", "prisoners", "accept", 50, None, "past; agreed at the third round"),
    (
        "I am happy to give my hon. Friend that assurance.",
        "UK",
        "prisoners",
        "demand",
        25,
        None,
        "minister adopts the question: an all-for-all exchange",
    ),
    (
        "We want to see every prisoner of war home, and every child Russia has taken.",
        "UK",
        "prisoners",
        "demand",
        0,
        None,
        "minister; prisoners and children",
    ),
    (
        "No.",
        "UK",
        "withdrawal",
        "reject",
        None,
        None,
        "minister refuses a deal that trades land for peace",
    ),
    (
        "If Russia wants the war to end, it can stop attacking and withdraw its troops.",
        "UK",
        "withdrawal",
        "demand",
        0,
        None,
        "minister",
    ),
    (
        "That is why we want the United States to be part of the security guarantees for "
        "Ukraine, and we are working through the detail with the Administration.",
        "UK",
        "guarantees",
        "demand",
        25,
        None,
        "minister; US part in European-led guarantees",
    ),
]

_JEDDAH_CRS = (
    "On March 11, 2025, after talks with U.S. officials in Jeddah, Saudi Arabia, Ukraine agreed "
    "to an interim 30-day ceasefire that could be extended, subject to Russia's acceptance; the "
    "United States in turn resumed intelligence sharing and security assistance it had paused."
)
_CALL_CRS = (
    "In a March 18 call with President Trump, President Putin declined a general ceasefire and "
    "agreed only to a mutual 30-day halt on strikes against energy infrastructure."
)
_PUTIN_TERMS = (
    "He stated that a comprehensive ceasefire would require an end to foreign military aid and "
    "intelligence for Ukraine and a halt to Ukrainian mobilization and rearmament."
)
_KYIV_CRS = (
    "On May 10, the leaders of France, Germany, Poland, and the United Kingdom, meeting in Kyiv, "
    "called for an unconditional 30-day ceasefire; President Putin responded by proposing direct "
    "talks in Istanbul."
)
_ROUND1_CRS = (
    "The first meeting, led by presidential aide Vladimir Medinsky for Russia and Defense "
    "Minister Rustem Umerov for Ukraine, produced an agreement to exchange 1,000 prisoners of war "
    "on each side, carried out May 23-25."
)
_RU_MEMO_CRS = (
    "Russia's memorandum, published by the state news agency TASS, calls for recognition of "
    "Crimea and four partially occupied regions as Russian, a full Ukrainian withdrawal from "
    "those regions, Ukrainian neutrality, limits on Ukraine's armed forces, and the lifting of "
    "sanctions."
)
_RU_OPTIONS_CRS = (
    "It sets out two options for a ceasefire: a Ukrainian withdrawal, or a package that would "
    "include an end to Western arms deliveries and a Ukrainian presidential election within 100 "
    "days."
)
_UA_MEMO_CRS = (
    "Ukraine's memorandum seeks a ceasefire of at least 30 days with U.S.-led monitoring, an "
    "all-for-all prisoner exchange, the return of deported children, and no restrictions on its "
    "armed forces."
)
ROWS["b07_crs_in_focus_istanbul_rounds_jun2025.txt"] = [
    (
        "The Trump Administration has sought to broker an end to the war since early 2025 and "
        "has described a ceasefire as its first objective, although its approach has shifted over "
        "time.",
        "US",
        "ceasefire",
        "demand",
        None,
        None,
        "a ceasefire first",
    ),
    (_JEDDAH_CRS, "UA", "ceasefire", "accept", 0, None, "past: Jeddah, 11 March"),
    (_JEDDAH_CRS, "UA", "ceasefire", "condition", None, None, "subject to Russia's acceptance"),
    (_JEDDAH_CRS, "US", "military_aid", "propose", 25, None, "past: aid and intelligence resumed"),
    (_CALL_CRS, "RU", "ceasefire", "reject", None, None, "past: general ceasefire declined"),
    (_CALL_CRS, "RU", "ceasefire", "accept", 25, None, "past: energy-strike halt"),
    (_PUTIN_TERMS, "RU", "ceasefire", "condition", 75, None, "'he': Putin"),
    (_PUTIN_TERMS, "RU", "military_aid", "demand", 100, None, "aid and intelligence end"),
    (_PUTIN_TERMS, "RU", "mobilisation", "demand", None, None, "mobilisation halted"),
    (_KYIV_CRS, "FR", "ceasefire", "demand", 0, None, "past: leaders in Kyiv"),
    (_KYIV_CRS, "DE", "ceasefire", "demand", 0, None, "past: leaders in Kyiv"),
    (_KYIV_CRS, "UK", "ceasefire", "demand", 0, None, "past: leaders in Kyiv"),
    (_ROUND1_CRS, "RU", "prisoners", "accept", 50, None, "agreed 1,000-for-1,000 exchange"),
    (_ROUND1_CRS, "UA", "prisoners", "accept", 50, None, "agreed 1,000-for-1,000 exchange"),
    (_RU_MEMO_CRS, "RU", "recognition", "demand", 100, None, "Russian memorandum"),
    (_RU_MEMO_CRS, "RU", "withdrawal", "demand", 100, None, "Russian memorandum"),
    (_RU_MEMO_CRS, "RU", "nato", "demand", None, None, "Russian memorandum; neutrality"),
    (_RU_MEMO_CRS, "RU", "army_limits", "demand", None, None, "Russian memorandum"),
    (_RU_MEMO_CRS, "RU", "sanctions", "demand", 100, None, "Russian memorandum"),
    (_RU_OPTIONS_CRS, "RU", "ceasefire", "condition", None, None, "two alternative sets of terms"),
    (_RU_OPTIONS_CRS, "RU", "withdrawal", "demand", None, None, "first option"),
    (_RU_OPTIONS_CRS, "RU", "military_aid", "demand", 100, None, "second option"),
    (_RU_OPTIONS_CRS, "RU", "elections", "demand", 100, None, "second option"),
    (_UA_MEMO_CRS, "UA", "ceasefire", "demand", 0, None, "Ukrainian memorandum"),
    (_UA_MEMO_CRS, "UA", "prisoners", "demand", 0, None, "all-for-all and deported children"),
    (_UA_MEMO_CRS, "UA", "army_limits", "demand", 0, None, "no restrictions on its forces"),
    (
        "It rejects any obligation of neutrality.",
        "UA",
        "nato",
        "reject",
        None,
        None,
        "'it': Ukraine's memorandum",
    ),
    (
        "Russian officials offered local truces of two to three days to recover the dead.",
        "RU",
        "ceasefire",
        "propose",
        50,
        None,
        "short local truces",
    ),
    (
        "Some analysts note that the Administration has appeared unwilling to offer Ukraine "
        "security guarantees of its own.",
        "US",
        "guarantees",
        "reject",
        None,
        None,
        "hedged; reported by analysts",
    ),
]

_SIX_WEEKS = (
    "Six weeks after Kyiv accepted the American proposal for a 30-day ceasefire, there is still "
    "no ceasefire."
)
_US_TERMS = (
    "Under its terms the United States would recognise Crimea as Russian de jure and Russian "
    "control of the occupied parts of Luhansk, Donetsk, Zaporizhzhia and Kherson de facto, "
    "Ukraine would forgo a NATO bid while keeping the door to the European Union open, and "
    "sanctions imposed since 2014 would be lifted."
)
_FORCE = (
    "Britain and France have proposed a reassurance force of between 10,000 and 40,000 troops, "
    "deployed away from the line of contact to protect cities, ports and airspace."
)
_COMMUNIQUE = (
    "The Istanbul Communiqué of March 2022, drafted by Ukraine's negotiators, would have made a "
    "group of guarantor states, including the United States, the United Kingdom, France, Türkiye "
    "and China, responsible for Ukraine's defence, in exchange for Ukrainian neutrality and a ban "
    "on foreign bases."
)
_FRAMEWORK = "the US framework of April ('its terms')"
ROWS["b08_thinktank_brief_guarantees_30apr2025.txt"] = [
    (_SIX_WEEKS, "UA", "ceasefire", "accept", 0, None, "past: Kyiv accepted in March"),
    (_SIX_WEEKS, "US", "ceasefire", "propose", 0, None, "the American proposal"),
    (
        "The framework that US envoys presented to European and Ukrainian officials in Paris and "
        "London this month, described by Washington as its final offer, would freeze the war "
        "along the current front.",
        "US",
        "withdrawal",
        "propose",
        50,
        None,
        "US framework; front frozen",
    ),
    (_US_TERMS, "US", "recognition", "propose", 75, None, _FRAMEWORK),
    (_US_TERMS, "US", "nato", "propose", 50, None, _FRAMEWORK + "; no NATO bid, EU path open"),
    (_US_TERMS, "US", "eu_membership", "propose", None, None, _FRAMEWORK + "; EU door open"),
    (_US_TERMS, "US", "sanctions", "propose", 100, None, _FRAMEWORK + "; sanctions lifted"),
    (
        "Security for Ukraine would rest with an ad hoc group of European states, not with the "
        "United States.",
        "US",
        "guarantees",
        "propose",
        50,
        None,
        _FRAMEWORK + "; European guarantee without the US",
    ),
    (
        "Kyiv has long refused to recognise any occupied territory as Russian.",
        "UA",
        "recognition",
        "reject",
        0,
        None,
        None,
    ),
    (_FORCE, "UK", "foreign_troops", "propose", 25, None, "'Britain'"),
    (_FORCE, "FR", "foreign_troops", "propose", 25, None, None),
    (_COMMUNIQUE, "UA", "guarantees", "propose", 0, None, "past: Ukraine's 2022 draft"),
    (_COMMUNIQUE, "UA", "nato", "propose", 75, None, "past: neutrality with guarantees"),
    (_COMMUNIQUE, "UA", "foreign_troops", "propose", 100, None, "past: no foreign bases"),
]

_RU_2022 = (
    "Moscow, for its part, was willing to leave the status of Crimea to fifteen years of talks."
)
_UA_2022 = (
    "In March 2022 Kyiv was prepared to give up its NATO ambitions and accept permanent "
    "neutrality, provided that a group of guarantor states pledged to come to its defence."
)
_MOSCOW_TRUCE = (
    "Moscow answered that it would consider a truce only once Western arms deliveries stopped "
    "and Ukraine froze its mobilisation."
)
_WASHINGTON = (
    "This year Washington began with a demand for an unconditional 30-day ceasefire, which Kyiv "
    "accepted in March."
)
_TALKING = (
    "Britain and France are now talking about a reassurance force of 10,000 to 40,000 troops."
)
ROWS["b10_column_lessons_of_2022_14may2025.txt"] = [
    (_UA_2022, "UA", "nato", "condition", 75, None, "past: neutrality if guaranteed"),
    (_UA_2022, "UA", "guarantees", "demand", None, None, "past: guarantor states"),
    (_RU_2022, "RU", "recognition", "accept", 25, None, "past: Crimea deferred to talks"),
    (_TALKING, "UK", "foreign_troops", "propose", 25, None, "'Britain'; the coalition's force"),
    (_TALKING, "FR", "foreign_troops", "propose", 25, None, "the coalition's force"),
    (
        '"We are ready to lead," a British official told me last week, "but we are not going to '
        'do it alone."',
        "UK",
        "foreign_troops",
        "condition",
        25,
        None,
        "a British official; 'lead' the force, with others",
    ),
    (
        "Russia insists that no Western soldier may set foot in Ukraine under any flag.",
        "RU",
        "foreign_troops",
        "reject",
        None,
        None,
        None,
    ),
    (
        '"Foreign contingents are out of the question," a Russian diplomat said flatly when I '
        "raised the idea at a conference in Vienna.",
        "RU",
        "foreign_troops",
        "reject",
        None,
        None,
        "a Russian diplomat",
    ),
    (_WASHINGTON, "US", "ceasefire", "demand", 0, None, "past"),
    (_WASHINGTON, "UA", "ceasefire", "accept", 0, None, "past: accepted in March"),
    (_MOSCOW_TRUCE, "RU", "ceasefire", "condition", 75, None, "'truce'"),
    (_MOSCOW_TRUCE, "RU", "military_aid", "demand", None, None, "arms deliveries stop"),
    (_MOSCOW_TRUCE, "RU", "mobilisation", "demand", None, None, "mobilisation frozen"),
    (
        "Europe holds the sanctions Russia most wants lifted and the frozen assets Ukraine most "
        "needs.",
        "RU",
        "sanctions",
        "demand",
        None,
        None,
        "sanctions Russia wants lifted",
    ),
    (
        "The EU has said it will not ease its sanctions while the war goes on, and that is a "
        "card no one in Istanbul can play.",
        "EU",
        "sanctions",
        "reject",
        25,
        None,
        "no easing while the war goes on",
    ),
]

_JEDDAH_ENC = (
    "In March 2025 Ukraine and the United States issued a joint statement in Jeddah in which "
    "Ukraine endorsed an American proposal for an immediate 30-day ceasefire, on the condition "
    "that Russia reciprocated."
)
_CALL_ENC = (
    "In a telephone call with Donald Trump on 18 March, Vladimir Putin rejected a general "
    "ceasefire but agreed to a 30-day moratorium on attacks on energy infrastructure."
)
_RIYADH = (
    "At talks in Riyadh later that month, Russia made a Black Sea navigation agreement "
    "conditional on the lifting of sanctions on Rosselkhozbank and its reconnection to SWIFT."
)
_KYIV_ENC = (
    "On 10 May the leaders of France, Germany, Poland and the United Kingdom visited Kyiv and "
    "demanded that Russia accept an unconditional 30-day ceasefire."
)
_ROUND1_ENC = (
    "Both sides agreed to exchange 1,000 prisoners of war each, the largest exchange of the war, "
    "which took place between 23 and 25 May, and to present their visions of a future ceasefire "
    "in writing."
)
_RU_DOC = (
    "The Russian document demanded international recognition of Crimea and of the Donetsk, "
    "Luhansk, Zaporizhzhia and Kherson regions as part of Russia, Ukraine's neutrality and the "
    "lifting of Western sanctions, and stipulated that a ceasefire could begin only after "
    "Ukrainian forces had left those regions or if Ukraine accepted a package of conditions, "
    "among them the end of mobilisation and of Western arms supplies."
)
_UA_DOC = (
    "The Ukrainian memorandum called for a complete and unconditional ceasefire of at least 30 "
    "days, the release of all prisoners, and the return of deported children, and stated that "
    "the current line of contact should serve as the starting point for territorial "
    "negotiations."
)
_ROUND2_ENC = (
    "The parties agreed to exchange severely wounded and the youngest prisoners, and the bodies "
    "of 6,000 soldiers."
)
_ROUND3_ENC = (
    "At the third round on 23 July the sides agreed to a further exchange of 1,200 prisoners each."
)
_RU_DOC_NOTE = "Russian memorandum of 2 June"
ROWS["b09_encyclopedia_istanbul_talks_2025.txt"] = [
    (_JEDDAH_ENC, "UA", "ceasefire", "accept", 0, None, "past: Jeddah statement"),
    (_JEDDAH_ENC, "UA", "ceasefire", "condition", None, None, "if Russia reciprocates"),
    (_JEDDAH_ENC, "US", "ceasefire", "propose", 0, None, "past: the American proposal"),
    (_CALL_ENC, "RU", "ceasefire", "reject", None, None, "past: general ceasefire rejected"),
    (_CALL_ENC, "RU", "ceasefire", "accept", 25, None, "past: energy moratorium"),
    (_RIYADH, "RU", "ceasefire", "condition", 25, None, "past: Black Sea deal on conditions"),
    (_RIYADH, "RU", "sanctions", "demand", 75, None, "past: partial relief for an agri bank"),
    (_KYIV_ENC, "FR", "ceasefire", "demand", 0, None, "past: leaders in Kyiv"),
    (_KYIV_ENC, "DE", "ceasefire", "demand", 0, None, "past: leaders in Kyiv"),
    (_KYIV_ENC, "UK", "ceasefire", "demand", 0, None, "past: leaders in Kyiv"),
    (
        "Putin did not respond to the demand and instead proposed, the following day, to resume "
        "direct negotiations in Istanbul.",
        "RU",
        "ceasefire",
        "reject",
        None,
        None,
        "'the demand': the 30-day ceasefire; disregarded",
    ),
    (_ROUND1_ENC, "RU", "prisoners", "accept", 50, None, "1,000-for-1,000 exchange"),
    (_ROUND1_ENC, "UA", "prisoners", "accept", 50, None, "1,000-for-1,000 exchange"),
    (_RU_DOC, "RU", "recognition", "demand", 100, None, _RU_DOC_NOTE),
    (_RU_DOC, "RU", "nato", "demand", None, None, _RU_DOC_NOTE + "; neutrality"),
    (_RU_DOC, "RU", "sanctions", "demand", 100, None, _RU_DOC_NOTE),
    (_RU_DOC, "RU", "ceasefire", "condition", None, None, _RU_DOC_NOTE + "; two alternatives"),
    (_RU_DOC, "RU", "withdrawal", "demand", 100, None, _RU_DOC_NOTE + "; all four regions"),
    (_RU_DOC, "RU", "mobilisation", "demand", None, None, _RU_DOC_NOTE),
    (_RU_DOC, "RU", "military_aid", "demand", 100, None, _RU_DOC_NOTE),
    (_UA_DOC, "UA", "ceasefire", "demand", 0, None, "Ukrainian memorandum"),
    (_UA_DOC, "UA", "prisoners", "demand", 0, None, "all prisoners and deported children"),
    (_UA_DOC, "UA", "withdrawal", "propose", 50, None, "contact line as starting point"),
    (_ROUND2_ENC, "RU", "prisoners", "accept", 50, None, "wounded, young and bodies"),
    (_ROUND2_ENC, "UA", "prisoners", "accept", 50, None, "wounded, young and bodies"),
    (_ROUND3_ENC, "RU", "prisoners", "accept", 50, None, "1,200-for-1,200 exchange"),
    (_ROUND3_ENC, "UA", "prisoners", "accept", 50, None, "1,200-for-1,200 exchange"),
]

_PLAN_28 = "the US 28-point plan ('the 28 points', read closely)"
_LIFTING = "There would be an amnesty, elections within 100 days and a staged lifting of sanctions."
_TERRITORY = (
    "Crimea, Luhansk and Donetsk, including the slice of Donetsk that Ukrainian soldiers have "
    "held at great cost for three years, would be treated as Russian in practice, while the front "
    "in Kherson and Zaporizhzhia would simply freeze."
)
_E3_DRAFT = (
    "Britain, France and Germany tabled their own draft: a ceiling of 800,000 on Ukraine's "
    "forces, NATO membership left to a decision of the allies by consensus, a guarantee from "
    "Washington modelled on Article 5, and negotiations on territory starting from where the "
    "front now runs."
)
_KREMLIN = (
    'The Kremlin has said little in public beyond repeating that the "root causes" of the '
    "conflict must be addressed, its shorthand for Ukrainian neutrality and the demands it set "
    "out in its June memorandum: the whole of the four regions, caps on Ukraine's army, Russian "
    "as a state language."
)
_E3_NOTE = "UK-France-Germany draft in Geneva"
ROWS["b11_column_28_point_plan_26nov2025.txt"] = [
    (
        "Kyiv would write into its constitution that it will never join NATO.",
        "US",
        "nato",
        "propose",
        None,
        None,
        _PLAN_28,
    ),
    ("Its army would be capped at 600,000.", "US", "army_limits", "propose", 50, None, _PLAN_28),
    (_TERRITORY, "US", "recognition", "propose", 50, None, _PLAN_28 + "; de facto"),
    (_TERRITORY, "US", "withdrawal", "propose", 75, None, _PLAN_28 + "; Ukraine-held Donetsk"),
    (_LIFTING, "US", "elections", "propose", 100, None, _PLAN_28),
    (_LIFTING, "US", "sanctions", "propose", 50, None, _PLAN_28 + "; staged lifting"),
    (
        "In return Ukraine would get an American guarantee whose wording has been described to "
        'me by one European official as "a promise to think about it".',
        "US",
        "guarantees",
        "propose",
        None,
        None,
        _PLAN_28,
    ),
    (
        "The plan also earmarks $100 billion of frozen Russian assets for rebuilding Ukraine, "
        "which is more than Europe has managed to agree on in three years of trying.",
        "US",
        "sanctions",
        "propose",
        25,
        None,
        "US plan; frozen assets for reconstruction",
    ),
    (_E3_DRAFT, "UK", "army_limits", "propose", 50, None, _E3_NOTE),
    (_E3_DRAFT, "FR", "army_limits", "propose", 50, None, _E3_NOTE),
    (_E3_DRAFT, "DE", "army_limits", "propose", 50, None, _E3_NOTE),
    (_E3_DRAFT, "UK", "nato", "propose", 25, None, _E3_NOTE + "; left to the allies"),
    (_E3_DRAFT, "FR", "nato", "propose", 25, None, _E3_NOTE + "; left to the allies"),
    (_E3_DRAFT, "DE", "nato", "propose", 25, None, _E3_NOTE + "; left to the allies"),
    (_E3_DRAFT, "UK", "guarantees", "demand", 0, None, _E3_NOTE + "; asked of Washington"),
    (_E3_DRAFT, "FR", "guarantees", "demand", 0, None, _E3_NOTE + "; asked of Washington"),
    (_E3_DRAFT, "DE", "guarantees", "demand", 0, None, _E3_NOTE + "; asked of Washington"),
    (_E3_DRAFT, "UK", "withdrawal", "propose", 50, None, _E3_NOTE + "; from the front line"),
    (_E3_DRAFT, "FR", "withdrawal", "propose", 50, None, _E3_NOTE + "; from the front line"),
    (_E3_DRAFT, "DE", "withdrawal", "propose", 50, None, _E3_NOTE + "; from the front line"),
    (_KREMLIN, "RU", "nato", "demand", None, None, "neutrality"),
    (_KREMLIN, "RU", "withdrawal", "demand", 100, None, "June memorandum; all four regions"),
    (_KREMLIN, "RU", "army_limits", "demand", None, None, "June memorandum"),
    (_KREMLIN, "RU", "language", "demand", 100, None, "June memorandum"),
]

_EUCO_CEASEFIRE = (
    "The European Council welcomes the readiness of Ukraine to agree to a full and unconditional "
    "ceasefire of at least 30 days, as reaffirmed in the memorandum it presented in Istanbul on 2 "
    "June 2025, and calls on Russia to demonstrate real political will to end the war by agreeing "
    "to it without preconditions."
)
_EUCO_REFUSAL = (
    "Russia's refusal of an unconditional ceasefire, and its insistence that Ukraine give up "
    "territory that Russia does not even control, show that Moscow is not seeking peace."
)
ROWS["b12_european_council_conclusions_26jun2025.txt"] = [
    (
        "It reiterates that the European Union will continue to provide comprehensive political, "
        "financial, economic, humanitarian, military and diplomatic support to Ukraine and its "
        "people for as long as it takes and as intensely as needed.",
        "EU",
        "military_aid",
        "propose",
        25,
        None,
        "military support continues",
    ),
    (
        "The European Council reaffirms its support for Ukraine's independence, sovereignty and "
        "territorial integrity within its internationally recognised borders.",
        "EU",
        "recognition",
        "reject",
        0,
        None,
        "recognised borders upheld",
    ),
    (_EUCO_CEASEFIRE, "EU", "ceasefire", "accept", 0, None, "welcomes Ukraine's readiness"),
    (_EUCO_CEASEFIRE, "UA", "ceasefire", "accept", 0, "EU", "Ukraine's memorandum"),
    (_EUCO_CEASEFIRE, "EU", "ceasefire", "demand", 0, None, "calls on Russia to agree"),
    (
        "It takes note of the prisoner exchanges agreed in Istanbul and calls for the release of "
        "all prisoners of war and of unlawfully detained civilians, and for the return of all "
        "Ukrainian children forcibly transferred and deported to Russia.",
        "EU",
        "prisoners",
        "demand",
        0,
        None,
        "all prisoners, civilians and children",
    ),
    (_EUCO_REFUSAL, "RU", "ceasefire", "reject", None, "EU", None),
    (_EUCO_REFUSAL, "RU", "withdrawal", "demand", 100, "EU", "territory it does not control"),
    (
        "The European Union stands ready to increase pressure on Russia, including through "
        "further sanctions.",
        "EU",
        "sanctions",
        "propose",
        0,
        None,
        "pressure to grow",
    ),
    (
        "It calls for the swift adoption of a new package of sanctions.",
        "EU",
        "sanctions",
        "propose",
        0,
        None,
        "its own new sanctions",
    ),
    (
        "Russia's assets should remain immobilised until Russia ceases its war of aggression "
        "against Ukraine and compensates it for the damage caused by this war.",
        "EU",
        "sanctions",
        "propose",
        25,
        None,
        "assets frozen until the war ends and damage is paid",
    ),
    (
        "The European Council underlines the urgent need to step up the delivery of military "
        "assistance, in particular air defence systems, ammunition and missiles, and to further "
        "support the Ukrainian defence industry.",
        "EU",
        "military_aid",
        "demand",
        0,
        None,
        "aid stepped up",
    ),
    (
        "The Union remains committed to contributing, together with Member States and partners, "
        "to security guarantees for Ukraine, on the basis of the respective competences and "
        "capabilities and in line with EU law.",
        "EU",
        "guarantees",
        "propose",
        None,
        None,
        None,
    ),
    (
        "The European Council reiterates that Ukraine's future lies in the European Union.",
        "EU",
        "eu_membership",
        "demand",
        None,
        None,
        None,
    ),
    (
        "It welcomes the progress Ukraine has achieved on the reforms required for membership "
        "and invites the Council to take the next steps in the accession negotiations as soon as "
        "possible.",
        "EU",
        "eu_membership",
        "propose",
        25,
        None,
        "accession talks go on, no date",
    ),
]

DESCRIPTION = (
    "Hand annotations following docs/evidence-annotation.md, written before any version of the "
    "reader was run on these texts. The twelve texts (tests/data/evidence_written/b01-b12, listed "
    "in README_b.md) were written for the project's tests in its own words, from the facts in "
    "../shared/FACTS.md and the seed articles, in the form of real kinds of text about the "
    "2022-2025 Russia-Ukraine talks: six Commons and Lords excerpts, two analysis reports, one "
    "encyclopedia article, two opinion columns (kind analysis/report) and one European Council "
    "conclusions excerpt (kind official statement); their exact wording is fiction. They are a "
    "tuning set: rules may be widened while looking at them. Offsets are character offsets of "
    "the whole sentence in the file decoded as UTF-8; actors and issues are ids of the "
    "istanbul-2025 scenario; stances are demand, propose, accept, reject, condition. Optional "
    "fields: position (the 0-100 value of the nearest labelled option the sentence implies), "
    "speaker (the scenario actor reporting another's stance), note."
)


def build(texts: Path) -> dict[str, Any]:
    documents = []
    for name, (kind, date, date_note) in DOCS.items():
        text, digest = gb.read(texts / name)
        claims = [gb.claim(text, name, row) for row in ROWS[name]]
        documents.append(
            gb.document(name, digest, kind, LICENCE, date, claims, date_note=date_note)
        )
    return gb.gold(DESCRIPTION, "tuning", documents)


def main(argv: list[str]) -> None:
    gb.write(OUT, build(Path(argv[0]) if argv else TEXTS))


if __name__ == "__main__":
    main(sys.argv[1:])
