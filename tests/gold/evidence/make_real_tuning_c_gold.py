"""Regenerate real_tuning_c.json: hand annotations of the third real tuning set, the UK
Parliament Hansard excerpts in tests/data/evidence_real_tuning_c, written by following
docs/evidence-annotation.md before any version of the reader was run on these texts. They are
tuning material: the reader's rules may be widened while looking at them, so they never measure it.

Attribution of the quoted sentences below (kept only to locate the annotated spans): all texts
contain Parliamentary information licensed under the Open Parliament Licence v3.0 (House of
Commons and House of Lords Hansard, several via Parallel Parliament, Street Guide or UK Pol).
Addresses and dates of every text are in tests/data/evidence_real_tuning_c/SOURCES.md.

Parliamentary rules applied throughout: only ministers speak for the UK; peers' and MPs' own
demands and questions give no claim, while what they report about an actor's stance does (actor
set, speaker left out, the note naming the reporter).

Each annotated sentence is kept whole; the script finds it with str.find, refuses a sentence
found zero or several times, and writes its character offsets, the file's sha256 and the
annotation fields.

Run: .venv/bin/python tests/gold/evidence/make_real_tuning_c_gold.py [TEXTS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# gold_build sits beside this script, which is run as a file and also loaded by tests by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_build as gb
from gold_build import HANSARD, OPL

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parents[1] / "data" / "evidence_real_tuning_c"
OUT = HERE / "real_tuning_c.json"
SPLIT = "tuning"


# file: (kind, licence, date, date note)
DOCS: dict[str, tuple[str, str, str, str | None]] = {
    "01_lords_ukraine_nato_membership_24feb2022.txt": (HANSARD, OPL, "2022-02-24", None),
    "02_commons_sanctions_truss_28feb2022.txt": (HANSARD, OPL, "2022-02-28", None),
    "03_commons_sanctions_regulations_22sep2022.txt": (HANSARD, OPL, "2022-09-22", None),
    "04_commons_ukraine_uq_military_support_11oct2022.txt": (HANSARD, OPL, "2022-10-11", None),
    "05_commons_ukraine_update_wallace_16jan2023.txt": (HANSARD, OPL, "2023-01-16", None),
    "06_commons_ukraine_statement_chalk_26jan2023.txt": (HANSARD, OPL, "2023-01-26", None),
    "07_commons_ukraine_debate_20feb2023.txt": (HANSARD, OPL, "2023-02-20", None),
    "08_commons_nato_summit_sunak_13jul2023.txt": (HANSARD, OPL, "2023-07-13", None),
    "09_lords_gc_russia_sanctions_regulations_15oct2024.txt": (HANSARD, OPL, "2024-10-15", None),
    "10_commons_ukraine_1000_days_lammy_19nov2024.txt": (HANSARD, OPL, "2024-11-19", None),
    "11_lords_frozen_russian_assets_26feb2025.txt": (
        HANSARD,
        OPL,
        "2025-02-26",
        "date from the page address; the stored copy shows none",
    ),
    "12_commons_g7_statement_lammy_17mar2025.txt": (HANSARD, OPL, "2025-03-17", None),
    "13_lords_abducted_ukrainian_children_18jun2025.txt": (HANSARD, OPL, "2025-06-18", None),
    "14_lords_uk_ukraine_100_year_partnership_22jan2025.txt": (HANSARD, OPL, "2025-01-22", None),
}

# (sentence, actor, issue, stance, position, speaker, note)
Row = gb.Row
ROWS: dict[str, list[Row]] = {name: [] for name in DOCS}

_T01 = (
    (
        "The United Kingdom remains firmly committed to Ukraine’s independence, sovereignty and "
        "territorial integrity within its internationally recognised borders."
    ),
    (
        "We fully support the partnership relationship between NATO and Ukraine, and we remain "
        "committed to the 2008 Bucharest Summit Declaration in which all NATO allies agreed that "
        "Ukraine will become a member of the alliance."
    ),
)
ROWS["01_lords_ukraine_nato_membership_24feb2022.txt"] = [
    (
        _T01[0],
        "UK",
        "recognition",
        "reject",
        0,
        None,
        "territorial integrity in recognised borders",
    ),
    (_T01[1], "UK", "nato", "accept", 25, None, "committed to the Bucharest declaration"),
    (_T01[1], "NATO", "nato", "propose", 25, "UK", "past: Bucharest 2008, no timetable"),
]

_T02 = (
    (
        "We agreed that the sanctions that we had put in place so far are having an impact, but "
        "we need to do more."
    ),
    "We also agreed to increase the supply of defensive weapons in Ukraine.",
    (
        "I also want to praise Japan, South Korea and Singapore, which have put sanctions on for "
        "the first time."
    ),
    "We are encouraging more countries to put on sanctions and to speak out at the UN.",
    (
        "On the specific issues that the right hon. Gentleman mentioned, we have a hit list of "
        "oligarchs and Duma members that we are working through to sanction as soon as we can."
    ),
)
_G7_CALL = "agreed on the G7 Foreign Ministers' call the UK joined"
ROWS["02_commons_sanctions_truss_28feb2022.txt"] = [
    (_T02[0], "UK", "sanctions", "demand", 0, None, _G7_CALL),
    (_T02[1], "UK", "military_aid", "propose", 0, None, _G7_CALL),
    (_T02[2], "UK", "sanctions", "accept", 0, None, "praises others' new sanctions"),
    (_T02[3], "UK", "sanctions", "demand", 0, None, "presses other countries"),
    (_T02[4], "UK", "sanctions", "propose", 0, None, "oligarchs and Duma members"),
]

_T03 = (
    (
        "That the Russia (Sanctions) (EU Exit) (Amendment) (No. 11) Regulations 2022 (SI, 2022, "
        "No. 792), a copy of which was laid before this House on 14 July, be approved."
    ),
    (
        "In co-ordination with our allies, the United Kingdom continues to play a leading role in "
        "introducing the largest and most severe economic sanctions package that Russia has ever "
        "faced."
    ),
    (
        "The measures that we are debating are designed to isolate Russia’s economy still further "
        "and target key industries that support President Putin’s illegal war in Ukraine."
    ),
)
ROWS["03_commons_sanctions_regulations_22sep2022.txt"] = [
    (_T03[0], "UK", "sanctions", "propose", None, None, "the motion the Minister moves"),
    (_T03[1], "UK", "sanctions", "propose", 0, None, None),
    (_T03[2], "UK", "sanctions", "propose", 0, None, "the sanctions regulations, 'still further'"),
]

_T04 = (
    (
        "This week, my right hon. Friend the Secretary of State for Defence is meeting with "
        "Defence Ministers in Brussels to discuss further support for Ukraine, and later today my "
        "right hon. Friend the Prime Minister will be speaking to members of the G7."
    ),
    (
        "As previously set out to the House, Defence is playing a central role in the UK’s "
        "response to the Russian invasion, providing £2.3 billion-worth of military support and "
        "leading in the international response."
    ),
    "We were the first European country to provide lethal aid to Ukraine.",
    (
        "To date, we have sent more than 10,000 anti-tank missiles, multiple-launch rocket "
        "systems, more than 200 armoured vehicles, more than 120 logistics vehicles, six Stormer "
        "vehicles fitted with Starstreak launchers and hundreds of missiles, as well as maritime "
        "Brimstone missiles."
    ),
    (
        "In addition, we have supplied almost 100,000 rounds of artillery ammunition, nearly 3 "
        "million rounds of small arms ammunition, 2,600 anti-structure munitions and 4.5 tonnes "
        "of plastic explosive."
    ),
    "Defence is also providing basic training to Ukrainian soldiers in the UK.",
    (
        "To date, we have trained over 6,000 Ukrainian recruits in the UK, and we continually "
        "review and adjust the course to meet their requirements."
    ),
    (
        "Defence will continue to respond decisively to Ukraine’s requests and the equipment is "
        "playing a crucial role in stalling the Russian advance and supporting our Ukrainian "
        "friends."
    ),
)
ROWS["04_commons_ukraine_uq_military_support_11oct2022.txt"] = [
    (
        _T04[0],
        "UK",
        "military_aid",
        "propose",
        None,
        None,
        "further support with Defence Ministers",
    ),
    (_T04[1], "UK", "military_aid", "propose", None, None, None),
    (_T04[2], "UK", "military_aid", "propose", None, None, "past: first lethal aid in Europe"),
    (_T04[3], "UK", "military_aid", "propose", None, None, "weapons sent"),
    (_T04[4], "UK", "military_aid", "propose", None, None, "ammunition supplied"),
    (_T04[5], "UK", "military_aid", "propose", None, None, "training of soldiers"),
    (_T04[6], "UK", "military_aid", "propose", None, None, "training of recruits"),
    (_T04[7], "UK", "military_aid", "propose", None, None, "continues to meet requests"),
    (_T04[7], "UA", "military_aid", "demand", None, "UK", "Ukraine's requests for equipment"),
]

_T05 = (
    (
        "However, it is safe to say that the Ukrainians will require an ongoing commitment that "
        "grows to the size of divisions in its armed forces."
    ),
    (
        "The key for all of us in the next phase is to help Ukraine to train and to combine all "
        "those weapons systems in a way that can deliver a combined arms effect in a mobile manner "
        "to deliver the offensives required to achieve the goal of expelling, which the right hon. "
        "Gentleman also asked about."
    ),
    (
        "It is the UK Government’s position that Putin’s invasion fails and Ukraine restores its "
        "sovereign territory, and we will do all we can to help achieve that."
    ),
    "This package is part of that.",
    "The Challengers should be viewed alongside the 50 Bradleys from the United States.",
)
ROWS["05_commons_ukraine_update_wallace_16jan2023.txt"] = [
    (_T05[0], "UK", "military_aid", "demand", 0, None, "a commitment that grows"),
    (_T05[1], "UK", "military_aid", "propose", None, None, "help to train and combine weapons"),
    (_T05[1], "UK", "withdrawal", "demand", 0, None, "'the goal of expelling' Russian forces"),
    (_T05[2], "UK", "withdrawal", "demand", 0, None, "Ukraine restores its sovereign territory"),
    (_T05[3], "UK", "military_aid", "propose", None, None, "the Challenger 2 package"),
    (_T05[4], "UK", "military_aid", "propose", None, None, "the UK's Challenger 2 tanks"),
    (_T05[4], "US", "military_aid", "propose", None, "UK", "50 Bradley vehicles"),
]

_T06 = (
    (
        "Equipping Ukraine to push Russia out of its territory is as important as equipping it to "
        "defend what it already has."
    ),
    (
        "Together, we will continue supporting Ukraine to move from resisting Russian forces to "
        "expelling them from Ukrainian soil."
    ),
    (
        "By bringing together allies and partners, we are ensuring that the surge of global "
        "military support is as strategic and as co-ordinated as possible."
    ),
    (
        "On 16 January, the Secretary of State for Defence announced in this House the UK’s latest "
        "package of military support for Ukraine."
    ),
    (
        "The United Kingdom is committed to providing the capabilities Ukraine requires to drive "
        "further international donations and to secure lasting peace."
    ),
    (
        "The UK, our allies and partners are responding decisively to provide military and "
        "humanitarian assistance to Ukraine."
    ),
    (
        "The UK has led the world with the gifting of modern main battle tanks to Ukraine, and we "
        "are engaging international partners through a co-ordinated military and diplomatic "
        "effort."
    ),
    (
        "The Secretary of State for Defence co-hosted a meeting of partners with his Estonian "
        "counterpart on 19 January to push forward international donations."
    ),
)
ROWS["06_commons_ukraine_statement_chalk_26jan2023.txt"] = [
    (_T06[0], "UK", "military_aid", "propose", None, None, "equipping Ukraine"),
    (_T06[0], "UK", "withdrawal", "demand", 0, None, "push Russia out of its territory"),
    (_T06[1], "UK", "withdrawal", "demand", 0, None, "expelling Russian forces"),
    (_T06[1], "UK", "military_aid", "propose", None, None, "support to expel Russian forces"),
    (_T06[2], "UK", "military_aid", "propose", 0, None, "'surge' of military support"),
    (_T06[3], "UK", "military_aid", "propose", None, None, "past: the package of 16 January"),
    (_T06[4], "UK", "military_aid", "propose", 0, None, "capabilities and further donations"),
    (_T06[5], "UK", "military_aid", "propose", None, None, None),
    (_T06[6], "UK", "military_aid", "propose", None, None, "main battle tanks"),
    (_T06[7], "UK", "military_aid", "demand", 0, None, "presses partners for more donations"),
]

_T07 = (
    (
        "He could stop it at once by withdrawing his forces from Ukrainian land, but he is making "
        "the lives of millions of people hell for the sake of his imperial delusions."
    ),
    (
        "We and the whole world remain united and resolute in our support for Ukrainian "
        "sovereignty and territorial integrity and for the defence of the UN charter."
    ),
)
ROWS["07_commons_ukraine_debate_20feb2023.txt"] = [
    (_T07[0], "UK", "withdrawal", "demand", 0, None, "the minister: withdraw from Ukrainian land"),
    (_T07[0], "RU", "withdrawal", "reject", 0, "UK", "Putin does not withdraw"),
    (_T07[1], "UK", "recognition", "reject", 0, None, "support for territorial integrity"),
]

_T08 = (
    (
        "As he pointed out, accession to NATO has never been a question of timing; it has always "
        "been a question of conditions and circumstances."
    ),
    (
        "There are also requirements on all NATO members when it comes to areas such as "
        "modernisation, governance and interoperability, which Ukraine is now firmly on the path "
        "towards fulfilling, not least because of the help and support that we have provided over "
        "the past year."
    ),
    "Lastly, there was the move on membership for Ukraine.",
    (
        "Taken together, that represents a significant set of NATO achievements, sitting alongside "
        "the multilateral security guarantees."
    ),
)
_VILNIUS = "past: the Vilnius summit, membership when allies agree and conditions are met"
ROWS["08_commons_nato_summit_sunak_13jul2023.txt"] = [
    (_T08[0], "UK", "nato", "condition", 25, None, "Ukraine's accession: conditions, no timetable"),
    (_T08[1], "NATO", "nato", "condition", None, "UK", "membership requirements"),
    (_T08[1], "UA", "nato", "demand", None, "UK", "on the path to meeting the requirements"),
    (_T08[2], "NATO", "nato", "propose", 25, "UK", _VILNIUS),
    (_T08[3], "UK", "guarantees", "propose", None, None, "past: the G7 security commitments"),
]

_T09 = (
    (
        "That the Grand Committee do consider the Russia (Sanctions) (EU Exit) (Amendment) (No. 3) "
        "Regulations 2024."
    ),
    (
        "There are no amendments to the policy in relation to Russian sanctions and the substance "
        "of this instrument is the same."
    ),
    (
        "This Government support the aims of this instrument so we revoked and relaid it to "
        "provide additional time, post-election, for the required parliamentary scrutiny."
    ),
    (
        "In July, the UK contributed £40 million to NATO’s comprehensive assistance package for "
        "Ukraine, which ensures that Ukraine will have access to vital assistance for "
        "counter-drone technology, demining of reclaimed land and the medical rehabilitation of "
        "injured Ukrainian personnel."
    ),
    (
        "Ukraine has placed new orders for ammunition worth £300 million through the "
        "International Fund for Ukraine, which is administered by the UK."
    ),
    "Sanctions, too, are a crucial tool to weaken Russia’s ability to attack Ukraine.",
    (
        "In July, the UK hosted the European Political Community at Blenheim Palace, where over 40 "
        "countries signed a “call to action” to tackle Russia’s so-called shadow fleet, a fleet of "
        "ageing oil tankers which use deceptive shipping practices and substandard insurance to "
        "attempt to undermine sanctions on Russian oil."
    ),
    (
        "At the event, the UK spearheaded action against the shadow fleet when we sanctioned 11 "
        "oil tankers."
    ),
    "We have since built upon this with a further 10 such sanctions in September.",
    (
        "Through this action, we continue to demonstrate the UK’s steadfast commitment to Ukraine "
        "and to underline our leading role in eroding Russian oil revenues."
    ),
)
ROWS["09_lords_gc_russia_sanctions_regulations_15oct2024.txt"] = [
    (_T09[0], "UK", "sanctions", "propose", None, None, "the motion the Minister moves"),
    (_T09[1], "UK", "sanctions", "propose", None, None, "Russia sanctions policy unchanged"),
    (_T09[2], "UK", "sanctions", "propose", None, None, "backs the Russia sanctions instrument"),
    (_T09[3], "UK", "military_aid", "propose", None, None, "past: counter-drone assistance"),
    (_T09[3], "NATO", "military_aid", "propose", None, "UK", "NATO's assistance package"),
    (_T09[4], "UA", "military_aid", "demand", None, "UK", "ammunition ordered through the fund"),
    (_T09[4], "UK", "military_aid", "propose", None, None, "administers the ammunition fund"),
    (_T09[5], "UK", "sanctions", "demand", None, None, None),
    (_T09[6], "UK", "sanctions", "demand", 0, None, "hosted the call to action on the fleet"),
    (_T09[6], "RU", "sanctions", "reject", None, "UK", "shadow fleet undermines oil sanctions"),
    (_T09[7], "UK", "sanctions", "propose", 0, None, "11 tankers sanctioned"),
    (_T09[8], "UK", "sanctions", "propose", 0, None, "10 more in September"),
    (_T09[9], "UK", "sanctions", "propose", 0, None, "eroding Russian oil revenues"),
]

_T10 = (
    (
        "We have stepped up support to Ukraine, we have ramped up the pressure on Russia, and we "
        "have made it clear to the world just what is at stake."
    ),
    (
        "In our first week in office, my right hon. Friend the Prime Minister confirmed that we "
        "would provide £3 billion a year in military aid this year, next year and every year that "
        "it is needed."
    ),
    "That includes what my right hon. Friend the Defence Secretary has announced today.",
    (
        "There is more funding for Ukraine’s navy and for drones, and the extension of Operation "
        "Interflex, which has trained more than 50,000 Ukrainian troops to date."
    ),
)
ROWS["10_commons_ukraine_1000_days_lammy_19nov2024.txt"] = [
    (_T10[0], "UK", "sanctions", "propose", 0, None, "'ramped up the pressure on Russia'"),
    (_T10[1], "UK", "military_aid", "propose", None, None, "£3 billion a year"),
    (_T10[2], "UK", "military_aid", "propose", None, None, "'that': the military aid"),
    (_T10[3], "UK", "military_aid", "propose", 0, None, "more funding, navy, drones, training"),
]

_T11 = (
    "We are contributing around £2.6 billion to that, alongside partners in the EU, United "
    "States, Canada and Japan."
)
_LOAN = "loan repaid from the interest on frozen Russian assets (previous sentence)"
ROWS["11_lords_frozen_russian_assets_26feb2025.txt"] = [
    (_T11, "UK", "sanctions", "propose", 25, None, _LOAN),
    (_T11, "EU", "sanctions", "propose", 25, "UK", _LOAN),
    (_T11, "US", "sanctions", "propose", 25, "UK", _LOAN),
]

_T14 = (
    (
        "My Lords, to date, the UK has given £7.8 billion-worth of military assistance to Ukraine "
        "and that has been paid for from the Treasury reserve."
    ),
    "Under this agreement, we commit to give a further £3 billion per year until 2030.",
    (
        "We are committed to the 2.5%, and we are committed to providing the £3 billion per year "
        "to Ukraine."
    ),
)
_LANCASTER = "reported by Lord Lancaster of Kimbolton, a peer"
ROWS["14_lords_uk_ukraine_100_year_partnership_22jan2025.txt"] = [
    (_T14[0], "UK", "military_aid", "propose", None, None, "past: " + _LANCASTER),
    (
        _T14[1],
        "UK",
        "military_aid",
        "propose",
        None,
        None,
        "the 100-year partnership, " + _LANCASTER,
    ),
    (_T14[2], "UK", "military_aid", "propose", None, None, "the £3 billion a year of military aid"),
]

_T12 = (
    (
        "A ceasefire offer is now on the table, and American weapons and intelligence are flowing "
        "once again."
    ),
    (
        "At the G7, the UK and our allies were united in our unwavering support for Ukraine’s "
        "defence of its freedoms; united in support for Ukraine’s pursuit for peace; and united "
        "on what is required to make that happen."
    ),
    (
        "My warning to Mr Putin is this: if you are serious, prove it, with a full and "
        "unconditional ceasefire now."
    ),
)
_JEDDAH = "the common position reached in Jeddah (previous sentence)"
ROWS["12_commons_g7_statement_lammy_17mar2025.txt"] = [
    (_T12[0], "US", "ceasefire", "propose", None, "UK", _JEDDAH),
    (_T12[0], "UA", "ceasefire", "propose", None, "UK", _JEDDAH),
    (_T12[0], "US", "military_aid", "propose", 25, "UK", "weapons and intelligence flow again"),
    (_T12[1], "UK", "military_aid", "propose", None, None, "support for Ukraine's defence, G7"),
    (_T12[2], "UK", "ceasefire", "demand", 0, None, None),
]

_T13 = (
    (
        "My Lords, the UK continually raises the issue in multilateral fora, alongside our allies, "
        "and is an active member of the International Coalition for the Return of Ukrainian "
        "Children."
    ),
    (
        "We contribute to the Partnership Fund for a Resilient Ukraine, a multi-donor initiative "
        "through which we support the Government of Ukraine to facilitate the return and "
        "reintegration of children."
    ),
    (
        "Through PFRU, we have supported the NGO Save Ukraine and the Ukrainian Government’s Bring "
        "Kids Back initiative."
    ),
    (
        "The sheer number and ferocity of other international conflicts has resulted in "
        "relatively little attention being given to these abhorrent violations of international "
        "law, so what urgent steps are the Government considering to ramp up their economic "
        "sanctions and travel bans on those involved—to date, they have applied sanctions to 19 "
        "individuals and three entities—and to ensure that those responsible for these war crimes "
        "are brought to justice?"
    ),
    (
        "As she said, we have been using our sanctions regime to hold those responsible to account "
        "and to try to encourage the return of the children."
    ),
    (
        "We do not have a huge amount of confidence even in those numbers, which are the "
        "Ukrainian Government’s, so there is clearly a lot more that needs to be done."
    ),
    (
        "The noble Baroness knows that we do not comment on future sanctions designations, but we "
        "will continue to use every tool at our disposal to locate these children and to support "
        "those who are negotiating their return."
    ),
    (
        "My noble friend does a wonderful job with the Council of Europe, and we have supported "
        "the things that he describes."
    ),
    "We also raise this at the OSCE and in every other fora in which we are able to do so.",
    (
        "I agree with every word that he said, and I urge him to continue to make the case that "
        "he does."
    ),
)
_COE = "adopts the question: any peace agreement must guarantee the children's return"
ROWS["13_lords_abducted_ukrainian_children_18jun2025.txt"] = [
    (_T13[0], "UK", "prisoners", "demand", 0, None, "return of deported children"),
    (_T13[1], "UK", "prisoners", "propose", 0, None, "funds the children's return"),
    (_T13[1], "UA", "prisoners", "demand", 0, "UK", "Ukraine's work to bring children back"),
    (_T13[2], "UK", "prisoners", "accept", 0, None, "backs Ukraine's Bring Kids Back initiative"),
    (_T13[2], "UA", "prisoners", "demand", 0, "UK", "its Bring Kids Back initiative"),
    (
        _T13[3],
        "UK",
        "sanctions",
        "propose",
        None,
        None,
        "past, reported by the asking peer: sanctions on those involved in the deportations",
    ),
    (_T13[4], "UK", "sanctions", "propose", None, None, "on those responsible"),
    (_T13[4], "UK", "prisoners", "demand", 0, None, "return of the children"),
    (_T13[5], "UK", "prisoners", "demand", 0, None, "more returns needed (previous sentence)"),
    (_T13[6], "UK", "prisoners", "propose", 0, None, "supports those negotiating the return"),
    (_T13[7], "UK", "prisoners", "accept", 0, None, _COE),
    (_T13[8], "UK", "prisoners", "demand", 0, None, "'this': the children's return"),
    (_T13[9], "UK", "prisoners", "demand", 0, None, _COE),
]


DESCRIPTION = (
    "Real tuning set C: hand annotations following docs/evidence-annotation.md of 14 UK "
    "Parliament Hansard excerpts (Open Parliament Licence v3.0) in "
    "tests/data/evidence_real_tuning_c (SOURCES.md gives their addresses): ministerial "
    "statements, urgent questions, oral questions, debates and sanctions regulations of the "
    "Commons and the Lords, 2022-2025, none of them in ../shared/evidence-corpus, held-out set B "
    "or the first real tuning set. The texts were annotated before any version of the reader "
    "was run on them. Tuning set: the reader's rules may be widened while looking at these "
    "texts; its figures are measured on held-out texts. This file holds offsets and annotations "
    "only. Offsets are character offsets of the whole sentence in the file decoded as UTF-8; "
    "actors and issues are ids of the istanbul-2025 scenario; stances are demand, propose, "
    "accept, reject, condition. Optional fields: position (the 0-100 value of the nearest "
    "labelled option the sentence implies), speaker (the scenario actor reporting another's "
    "stance), note."
)


def build(texts: Path) -> dict[str, Any]:
    return gb.build_documents(texts, DOCS, ROWS, DESCRIPTION, SPLIT)


def main(argv: list[str]) -> None:
    gb.write(OUT, build(Path(argv[0]) if argv else TEXTS))


if __name__ == "__main__":
    main(sys.argv[1:])
