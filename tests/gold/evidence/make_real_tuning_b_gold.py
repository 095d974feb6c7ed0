"""Regenerate real_tuning_b.json: hand annotations of the second real tuning set, the openly
licensed UK government texts in tests/data/evidence_real_tuning_b (statements to the UN Security
Council, the General Assembly and the OSCE, Foreign Secretary statements, Prime Minister's remarks
and joint statements the UK signed), written by following docs/evidence-annotation.md before any
version of the reader was run on these texts. They are tuning material: the reader's rules may be
widened while looking at them, so they never measure it.

Attribution of the quoted sentences below (kept only to locate the annotated spans): every text
contains public sector information licensed under the Open Government Licence v3.0 (Foreign,
Commonwealth and Development Office; UK Mission to the UN; UK Mission to the OSCE; Prime
Minister's Office, 10 Downing Street; Ministry of Defence). Addresses and dates of every text are
in tests/data/evidence_real_tuning_b/SOURCES.md.

Each annotated sentence is kept whole; the script finds it with str.find, refuses a sentence
found zero or several times, and writes its character offsets, the file's sha256 and the
annotation fields.

Run: .venv/bin/python tests/gold/evidence/make_real_tuning_b_gold.py [TEXTS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# gold_build sits beside this script, which is run as a file and also loaded by tests by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_build as gb
from gold_build import OFFICIAL, OGL, PRESS, READOUT

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parents[1] / "data" / "evidence_real_tuning_b"
OUT = HERE / "real_tuning_b.json"
SPLIT = "tuning"


# file: (kind, licence, date, date note)
DOCS: dict[str, tuple[str, str, str, str | None]] = {
    "01_g7_leaders_invasion_24feb2022.txt": (READOUT, OGL, "2022-02-24", None),
    "02_g7_leaders_statement_11oct2022.txt": (READOUT, OGL, "2022-10-11", None),
    "03_uk_osce_aggression_not_rewarded_6mar2025.txt": (
        OFFICIAL,
        OGL,
        "2025-03-06",
        "inferred: the Permanent Council in the week after the London Summit of 2 March 2025",
    ),
    "04_cleverly_ukrainian_prisoners_of_war_21sep2022.txt": (OFFICIAL, OGL, "2022-09-21", None),
    "05_uk_unga_annexation_attempt_10oct2022.txt": (OFFICIAL, OGL, "2022-10-10", None),
    "06_uk_unsc_ironclad_support_25jul2024.txt": (
        OFFICIAL,
        OGL,
        "2024-07-25",
        "inferred: '882 days' after 24 February 2022",
    ),
    "07_uk_unsc_ukraine_jan2023.txt": (
        OFFICIAL,
        OGL,
        "2023-01-13",
        "inferred: the Council's first meeting on Ukraine after 9 December 2022 (its 9243rd)",
    ),
    "08_uk_unga_one_year_22feb2023.txt": (
        OFFICIAL,
        OGL,
        "2023-02-22",
        "inferred: the Assembly voted 'tomorrow', on 23 February 2023",
    ),
    "09_cleverly_black_sea_grain_withdrawal_17jul2023.txt": (OFFICIAL, OGL, "2023-07-17", None),
    "10_uk_unga_peace_rewarding_aggression_24feb2025.txt": (OFFICIAL, OGL, "2025-02-24", None),
    "11_coalition_uk_france_defence_statement_10apr2025.txt": (
        READOUT,
        OGL,
        "2025-04-10",
        "the meeting's date; the republication is dated 14 April 2025",
    ),
    "12_uk_osce_prisoners_of_war_report_25sep2025.txt": (
        OFFICIAL,
        OGL,
        "2025-09-25",
        "inferred: distributed on 26 September 2025 after the Permanent Council",
    ),
    "13_joint_statement_peace_for_ukraine_15dec2025.txt": (READOUT, OGL, "2025-12-15", None),
    "14_pm_remarks_coalition_call_15mar2025.txt": (PRESS, OGL, "2025-03-15", None),
    "15_uk_osce_reinforced_meeting_22feb2022.txt": (OFFICIAL, OGL, "2022-02-22", None),
}

# (sentence, actor, issue, stance, position, speaker, note)
Row = gb.Row
ROWS: dict[str, list[Row]] = {name: [] for name in DOCS}

_G7 = "G7 leaders' statement the UK signed"
_T01 = (
    "We as the G7 are bringing forward severe and coordinated economic and financial sanctions.",
    "There is no justification for changing internationally recognised borders by force.",
)
ROWS["01_g7_leaders_invasion_24feb2022.txt"] = [
    (_T01[0], "UK", "sanctions", "propose", 0, None, f"{_G7}; new severe sanctions"),
    (_T01[1], "UK", "recognition", "reject", 0, None, f"{_G7}; borders not changed by force"),
]

_T02 = (
    (
        "The G7 firmly condemn and unequivocally reject the illegal attempted annexation by "
        "Russia of Ukraine’s Donetsk, Luhansk, Zaporizhzhya and Kherson regions in addition to "
        "the Autonomous Republic of Crimea and the City of Sevastopol."
    ),
    (
        "We solemnly reiterate that we will never recognise this illegal annexation or the sham "
        "referenda that Russia uses to justify it."
    ),
    "They cannot and do not give Russia a legitimate basis to change Ukraine’s borders.",
    (
        "We call upon all countries to unequivocally reject these violations of international "
        "law and demand that Russia cease all hostilities and immediately, completely and "
        "unconditionally withdraw all of its troops and military equipment from Ukraine."
    ),
    (
        "We have imposed and will continue to impose further economic costs on Russia, "
        "including on individuals and entities – inside and outside of Russia – providing "
        "political or economic support for Russia’s illegal attempts to change the status of "
        "Ukrainian territory."
    ),
)
ROWS["02_g7_leaders_statement_11oct2022.txt"] = [
    (_T02[0], "UK", "recognition", "reject", 0, None, _G7),
    (_T02[0], "RU", "recognition", "demand", 100, "UK", "its attempted annexation of the regions"),
    (_T02[1], "UK", "recognition", "reject", 0, None, _G7),
    (_T02[2], "UK", "recognition", "reject", 0, None, f"{_G7}; borders not changed"),
    (_T02[3], "UK", "ceasefire", "demand", None, None, f"{_G7}; 'cease all hostilities'"),
    (_T02[3], "UK", "withdrawal", "demand", 0, None, f"{_G7}; all troops out of Ukraine"),
    (_T02[4], "UK", "sanctions", "propose", 0, None, f"{_G7}; further economic costs"),
]

_T03 = (
    "Fundamentals such as sovereignty, territorial integrity and the right to choose alliances "
    "are not negotiable - or suspendible when inconvenient."
)
ROWS["03_uk_osce_aggression_not_rewarded_6mar2025.txt"] = [
    (_T03, "UK", "recognition", "reject", 0, None, "territorial integrity not negotiable"),
    (_T03, "UK", "nato", "demand", None, None, "the right to choose alliances not negotiable"),
]

_T04 = (
    (
        "I welcome the safe return of Ukrainian prisoners of war and one civilian, including "
        "five British nationals."
    ),
    (
        "I would like to express my gratitude to President Zelenskyy and his team for their "
        "efforts to secure their release, and to HRH Crown Prince of Saudi Arabia, Mohammed bin "
        "Salman and his team, for their assistance."
    ),
    (
        "I continue to call on Russia to comply with International Humanitarian Law and not "
        "exploit prisoners of war and civilian detainees for political purposes."
    ),
)
ROWS["04_cleverly_ukrainian_prisoners_of_war_21sep2022.txt"] = [
    (_T04[0], "UK", "prisoners", "accept", None, None, "the Foreign Secretary welcomes the return"),
    (_T04[1], "UA", "prisoners", "demand", None, "UK", "past: efforts to secure the release"),
    (_T04[2], "UK", "prisoners", "demand", None, None, "prisoners not exploited"),
]

_T05 = (
    (
        "And today, we meet again to condemn Russia’s sham referenda and attempted illegal "
        "annexation of the Ukrainian regions of Kherson, Zaporizhyzhya, Luhansk and Donetsk: the "
        "largest forcible annexation attempt since the Second World War."
    ),
    (
        "In so doing, he is overturning the most sacred principle in the international system: "
        "that borders cannot be redrawn by force."
    ),
)
ROWS["05_uk_unga_annexation_attempt_10oct2022.txt"] = [
    (_T05[0], "UK", "recognition", "reject", 0, None, "condemns the attempted annexation"),
    (_T05[0], "RU", "recognition", "demand", 100, "UK", "its attempted annexation of the regions"),
    (_T05[1], "UK", "recognition", "reject", 0, None, "borders cannot be redrawn by force"),
]

_T06 = (
    (
        "Ukraine has defended its sovereign land and it has rejected Russia's vision for a world "
        "where states can change borders by force."
    ),
    (
        "It is absurd, but frankly no longer surprising, that Russia criticises legitimate "
        "Western support for Ukraine's self-defence while it procures weapons from the DPRK in "
        "flagrant violation of Security Council resolutions that it supported."
    ),
)
ROWS["06_uk_unsc_ironclad_support_25jul2024.txt"] = [
    (_T06[0], "UA", "recognition", "reject", 0, "UK", "rejects borders changed by force"),
    (_T06[0], "RU", "recognition", "demand", None, "UK", "'vision' of borders changed by force"),
    (_T06[1], "RU", "military_aid", "reject", None, "UK", "criticises Western support"),
]

_T07 = (
    "President, as many of us have said repeatedly, Russia can choose to end all this "
    "immediately: by stopping its attacks against Ukraine - not just for thirty-six hours, but "
    "for good - and by withdrawing its forces from Ukraine."
)
ROWS["07_uk_unsc_ukraine_jan2023.txt"] = [
    (_T07, "UK", "ceasefire", "demand", None, None, "attacks stopped for good"),
    (_T07, "UK", "withdrawal", "demand", 0, None, "forces withdrawn from Ukraine"),
    (_T07, "RU", "ceasefire", "propose", 50, "UK", "past: its thirty-six-hour truce"),
]

_T08 = (
    "It has repeatedly called for Russia to end its invasion and withdraw from Ukraine; it has "
    "condemned Russia's illegal attempts to annex Ukrainian territory; and it has reaffirmed our "
    "respect for Ukraine's sovereignty and territorial integrity, and demanded respect for the "
    "Charter."
)
ROWS["08_uk_unga_one_year_22feb2023.txt"] = [
    (_T08, "UK", "recognition", "reject", 0, None, "the Assembly reaffirmed 'our' respect"),
    (_T08, "RU", "recognition", "demand", None, "UK", "attempts to annex Ukrainian territory"),
]

_T09 = (
    (
        "We have always been clear that the target of our sanctions is Russia’s war machine and "
        "not the food and fertiliser sectors."
    ),
    (
        "The best way for Russia to address concerns around global food security would be for it "
        "to withdraw its forces from Ukraine and end the war."
    ),
)
ROWS["09_cleverly_black_sea_grain_withdrawal_17jul2023.txt"] = [
    (_T09[0], "UK", "sanctions", "propose", None, None, "its sanctions on the war machine"),
    (_T09[1], "UK", "withdrawal", "demand", 0, None, "forces withdrawn from Ukraine"),
]

_T10 = (
    (
        "When my Prime Minister spoke to President Zelenskyy this week, he was clear that any "
        "outcome to the war must safeguard Ukraine’s sovereignty and territorial integrity."
    ),
    (
        "Today 93 countries again stood with Ukraine, voting to reaffirm our respect for "
        "Ukraine’s sovereignty and territorial integrity, and for the UN Charter."
    ),
)
ROWS["10_uk_unga_peace_rewarding_aggression_24feb2025.txt"] = [
    (_T10[0], "UK", "recognition", "reject", 0, None, "the Prime Minister: territorial integrity"),
    (_T10[1], "UK", "recognition", "reject", 0, None, "vote reaffirming 'our' respect"),
]

_T11 = (
    (
        "The UK and France are building this coalition on solid foundations, having spent almost "
        "15 years developing the common tools and culture to enable such a force through our "
        "Combined Joint Expeditionary Force."
    ),
    (
        "Discussions have centred on how participating nations can contribute their own "
        "capabilities to ensure Ukraine’s future security, whether by strengthening Ukrainian "
        "capacity or direct contributions."
    ),
    (
        "Our objectives are to reassure, support and protect Ukraine to ensure that any peace "
        "settlement secures against the risk of future Russian aggression."
    ),
    (
        "It is important to maintain discretion when commenting on the specific details of these "
        "discussions, until the conditions of the necessary ceasefire are clear."
    ),
)
_UKFR = "joint UK-France statement on the Coalition of the Willing"
ROWS["11_coalition_uk_france_defence_statement_10apr2025.txt"] = [
    (_T11[0], "UK", "foreign_troops", "propose", 25, None, f"{_UKFR}; 'such a force'"),
    (_T11[0], "FR", "foreign_troops", "propose", 25, None, f"{_UKFR}; 'such a force'"),
    (_T11[1], "UK", "guarantees", "propose", None, None, f"{_UKFR}; Ukraine's future security"),
    (_T11[1], "FR", "guarantees", "propose", None, None, f"{_UKFR}; Ukraine's future security"),
    (_T11[2], "UK", "guarantees", "propose", None, None, f"{_UKFR}; protect Ukraine"),
    (_T11[2], "FR", "guarantees", "propose", None, None, f"{_UKFR}; protect Ukraine"),
    (_T11[3], "UK", "ceasefire", "demand", None, None, f"{_UKFR}; 'the necessary ceasefire'"),
    (_T11[3], "FR", "ceasefire", "demand", None, None, f"{_UKFR}; 'the necessary ceasefire'"),
]

_T12 = (
    (
        "Before addressing the report proper however, I wish to reiterate the UK's earlier calls "
        "for an immediate end to the forcible transfer and deportation of Ukrainian children and "
        "for an immediate end to Russia's practice of arbitrarily detaining Ukrainian civilians."
    ),
    (
        "Once again, the UK calls for the immediate and unconditional release by Russia of our "
        "colleagues."
    ),
)
ROWS["12_uk_osce_prisoners_of_war_report_25sep2025.txt"] = [
    (_T12[0], "UK", "prisoners", "demand", 0, None, "deported children and detained civilians"),
    (_T12[1], "UK", "prisoners", "demand", None, None, "release of detained OSCE staff"),
]

_T13 = (
    (
        "Both the US and European leaders committed to work together to provide robust security "
        "guarantees and economic recovery support measures for Ukraine in the context of an "
        "agreement on ending the war."
    ),
    (
        "Provide sustained and significant support to Ukraine to build its armed forces, which "
        "should remain at a peacetime level of 800,000 to be able to deter conflict and defend "
        "Ukraine’s territory."
    ),
    (
        "A European-led ‘multinational force Ukraine’ made up from contributions from willing "
        "nations within the framework of the Coalition of the Willing and supported by the US."
    ),
    (
        "It will assist in the regeneration of Ukraine’s forces, in securing Ukraine’s skies, and "
        "in supporting safer seas, including through operating inside Ukraine."
    ),
)
_SIGNED = "joint statement of European leaders incl. Starmer, Macron, Merz, Costa, von der Leyen"
_EUROPE = ("UK", "FR", "DE", "EU")
_US_REPORTED = "the US commitment as the leaders' statement reports it"
_CAP = "commitment listed under the guarantees; 800,000 in peacetime"
_FORCE = "'It': the multinational force, operating inside Ukraine"
ROWS["13_joint_statement_peace_for_ukraine_15dec2025.txt"] = [
    *[(_T13[0], a, "guarantees", "propose", None, None, _SIGNED) for a in _EUROPE],
    (_T13[0], "US", "guarantees", "propose", None, "UK", _US_REPORTED),
    *[(_T13[1], a, "military_aid", "propose", 25, None, "sustained support") for a in _EUROPE],
    (_T13[1], "US", "military_aid", "propose", 25, "UK", _US_REPORTED),
    *[(_T13[1], a, "army_limits", "propose", 50, None, _CAP) for a in _EUROPE],
    (_T13[1], "US", "army_limits", "propose", 50, "UK", _US_REPORTED),
    *[(_T13[2], a, "foreign_troops", "propose", 25, None, "European-led force") for a in _EUROPE],
    (_T13[2], "US", "foreign_troops", "accept", 25, "UK", "the force 'supported by the US'"),
    *[(_T13[3], a, "foreign_troops", "propose", 25, None, _FORCE) for a in _EUROPE],
]

_T14 = (
    (
        "I think what this week has shown, particularly the developments and progress on "
        "Tuesday, is that President Zelenskyy, who is with us this morning, has shown once "
        "again, that Ukraine is the party of peace because he has agreed to and committed to a "
        "30-day unconditional ceasefire."
    ),
    (
        "And in a sense, and you all know this, if Putin is serious about peace, it’s very "
        "simple: he has to stop his barbaric attacks on Ukraine and agree to a ceasefire."
    ),
    (
        "And a peace that will be secure and that will last, and I think that means "
        "strengthening Ukraine so they can defend themselves, and strengthening obviously in "
        "terms of military capability, in terms of funding and in terms of the provision of "
        "further support from all of us to Ukraine."
    ),
    "Secondly, being prepared to defend any deal ourselves through a Coalition of the Willing.",
    "We’ve begun that process this morning and we can take it forward.",
    (
        "Thirdly, and very importantly given the developments of the past few days, to keep the "
        "pressure on Putin to come to the table and I think that collectively we’ve got a number "
        "of ways that we can do that."
    ),
)
_COW = "the Prime Minister's Coalition of the Willing"
ROWS["14_pm_remarks_coalition_call_15mar2025.txt"] = [
    (_T14[0], "UA", "ceasefire", "accept", 0, "UK", "past: agreed on Tuesday"),
    (_T14[1], "UK", "ceasefire", "demand", None, None, None),
    (_T14[2], "UK", "military_aid", "propose", None, None, "strengthening military capability"),
    (_T14[3], "UK", "guarantees", "propose", None, None, f"{_COW}; defending any deal"),
    (_T14[4], "UK", "guarantees", "propose", None, None, f"'that process': {_COW}"),
    (_T14[5], "UK", "sanctions", "propose", None, None, "'keep the pressure on Putin'"),
]

_T15 = (
    (
        "UK Minister James Cleverly condemns President Putin’s decision to recognise so-called "
        "Donetsk and Luhansk People’s Republics, and calls out Russia for undermining the Minsk "
        "process."
    ),
    (
        "Yesterday, Vladimir Putin recognised the so-called ‘Donetsk People’s Republic’ and "
        "‘Luhansk People’s Republic’ as independent states."
    ),
    (
        "Overnight, he declared he would – again – send Russian troops into those areas – areas "
        "which are the sovereign territory of Ukraine."
    ),
    "Russia must withdraw all forces from Ukraine immediately.",
)
ROWS["15_uk_osce_reinforced_meeting_22feb2022.txt"] = [
    (_T15[0], "UK", "recognition", "reject", 0, None, "condemns recognising the two entities"),
    (_T15[1], "RU", "recognition", "demand", None, "UK", "past: recognised the two entities"),
    (_T15[2], "UK", "recognition", "reject", 0, None, "'sovereign territory of Ukraine'"),
    (_T15[3], "UK", "withdrawal", "demand", 0, None, "all forces out of Ukraine"),
]


DESCRIPTION = (
    "Second real tuning set: hand annotations following docs/evidence-annotation.md of 15 openly "
    "licensed UK government texts in tests/data/evidence_real_tuning_b (SOURCES.md gives their "
    "addresses and licences: statements to the UN Security Council, the General Assembly and "
    "the OSCE, Foreign Secretary statements, Prime Minister's remarks and joint statements the "
    "UK signed), none of them in ../shared/evidence-corpus, held-out set B or the first real "
    "tuning set. The texts were annotated before any version of the reader was run on them. "
    "Tuning set: the reader's rules may be widened while looking at these texts; its figures "
    "are measured on held-out texts. This file holds offsets and annotations only. Offsets are "
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
