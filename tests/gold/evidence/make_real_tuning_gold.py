"""Regenerate real_tuning.json: hand annotations of the real tuning set, the openly licensed texts
in tests/data/evidence_real_tuning, written by following docs/evidence-annotation.md before any
version of the reader was run on these texts. They are tuning material: the reader's rules may be
widened while looking at them, so they never measure it.

Attribution of the quoted sentences below (kept only to locate the annotated spans):
* GOV.UK and 10 Downing Street texts (files 01-06): contain public sector information licensed
  under the Open Government Licence v3.0.
* Hansard (files 08, 09, 11): contains Parliamentary information licensed under the Open
  Parliament Licence v3.0.
* The Department of State press briefing (file 10): a work of the US federal government, in the
  public domain.
* The European Council conclusions (file 07): (c) European Union, reproduction authorised
  provided the source is acknowledged.
Addresses and dates of every text are in tests/data/evidence_real_tuning/SOURCES.md.

Each annotated sentence is kept whole; the script finds it with str.find, refuses a sentence
found zero or several times, and writes its character offsets, the file's sha256 and the
annotation fields.

Run: .venv/bin/python tests/gold/evidence/make_real_tuning_gold.py [TEXTS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# gold_build sits beside this script, which is run as a file and also loaded by tests by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_build as gb
from gold_build import EUR, HANSARD, OFFICIAL, OGL, OPL, PRESS, READOUT, USPD

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parents[1] / "data" / "evidence_real_tuning"
OUT = HERE / "real_tuning.json"
SPLIT = "tuning"


# file: (kind, licence, date, date note)
DOCS: dict[str, tuple[str, str, str, str | None]] = {
    "01_uk_osce_frustrate_peace_efforts_5jun2025.txt": (
        OFFICIAL,
        OGL,
        "2025-06-05",
        "delivered 'yesterday' before the republication of 6 June 2025",
    ),
    "02_uk_osce_putin_words_not_aligned_29may2025.txt": (OFFICIAL, OGL, "2025-05-29", None),
    "03_uk_osce_committed_to_lasting_peace_26mar2025.txt": (
        OFFICIAL,
        OGL,
        "2025-03-26",
        "inferred: the Riyadh talks, ended on 25 March 2025, concluded 'yesterday'",
    ),
    "04_pm_call_zelenskyy_10nov2022.txt": (READOUT, OGL, "2022-11-10", None),
    "05_pm_call_zelenskyy_3jan2023.txt": (READOUT, OGL, "2023-01-03", None),
    "06_pm_call_zelenskyy_7sep2023.txt": (READOUT, OGL, "2023-09-07", None),
    "07_european_council_conclusions_ukraine_27oct2023.txt": (OFFICIAL, EUR, "2023-10-27", None),
    "08_lords_nato_g7_statement_30mar2022.txt": (HANSARD, OPL, "2022-03-30", None),
    "09_lords_ukraine_questions_3sep2024.txt": (HANSARD, OPL, "2024-09-03", None),
    "10_state_press_briefing_25feb2022.txt": (PRESS, USPD, "2022-02-25", None),
    "11_lords_pm_statement_24feb2022.txt": (HANSARD, OPL, "2022-02-24", None),
}

# (sentence, actor, issue, stance, position, speaker, note)
Row = gb.Row
ROWS: dict[str, list[Row]] = {name: [] for name in DOCS}

_T01 = (
    (
        "The agreement to a further large-scale prisoner exchange and the return of fallen "
        "soldiers is a further step towards building confidence."
    ),
    (
        "We also regret that the Kremlin continues to reject a complete, unconditional and "
        "immediate 30-day ceasefire."
    ),
    (
        "Among these is the allegation that those who materially support Ukraine’s sovereign "
        "right to defend itself from unprovoked aggression, are undermining peace efforts."
    ),
)
_ISTANBUL = "agreed at the bilateral talks in Istanbul of the previous sentence"
ROWS["01_uk_osce_frustrate_peace_efforts_5jun2025.txt"] = [
    (_T01[0], "UK", "prisoners", "accept", 50, None, "a large-scale exchange, bodies returned"),
    (_T01[0], "RU", "prisoners", "accept", 50, "UK", _ISTANBUL),
    (_T01[0], "UA", "prisoners", "accept", 50, "UK", _ISTANBUL),
    (_T01[1], "RU", "ceasefire", "reject", 0, "UK", None),
    (_T01[1], "UK", "ceasefire", "demand", 0, None, "regret at Russia's rejection"),
    (
        _T01[2],
        "RU",
        "military_aid",
        "reject",
        None,
        "UK",
        "Russia's claim that material support for Ukraine's self-defence undermines peace",
    ),
]

_T02 = (
    (
        "Ambassador Holland condemns Russia's continued attacks against Ukrainian civilians, "
        "which are not actions of a government seeking peace, and calls for no effort to be "
        "spared in bringing about the release of the three OSCE staff members (29 May 2025)."
    ),
    (
        "In the more than two months since Ukraine agreed, in-principle, to the US proposal for "
        "a full, unconditional 30-day ceasefire, President Putin has continued to dither and "
        "delay."
    ),
    (
        "He announced two unilateral, three-day ‘pauses’ during which his armed forces continued "
        "to target Ukrainian cities."
    ),
    (
        "In contrast, President Zelenskyy demonstrated real leadership by expressing readiness to "
        "engage at the leaders’ level, even as President Putin refused a ceasefire that would "
        "create the space for talks."
    ),
    (
        "And while we welcome the recent prisoner swaps, Russia’s failure to agree to an "
        "immediate and unconditional ceasefire – as Ukraine has done – is holding up further "
        "humanitarian outcomes, including the return of Ukrainian children it has forcibly "
        "displaced."
    ),
)
ROWS["02_uk_osce_putin_words_not_aligned_29may2025.txt"] = [
    (_T02[0], "UK", "prisoners", "demand", None, None, "release of detained OSCE staff"),
    (_T02[1], "UA", "ceasefire", "accept", 0, "UK", "past: agreed in principle"),
    (_T02[1], "US", "ceasefire", "propose", 0, "UK", "the US proposal"),
    (_T02[2], "RU", "ceasefire", "propose", 50, "UK", "past: three-day 'pauses'"),
    (_T02[3], "RU", "ceasefire", "reject", None, "UK", None),
    (_T02[4], "UK", "prisoners", "accept", None, None, "welcomes the prisoner swaps"),
    (_T02[4], "RU", "ceasefire", "reject", 0, "UK", "failure to agree"),
    (_T02[4], "UA", "ceasefire", "accept", 0, "UK", "'as Ukraine has done'"),
    (_T02[4], "UK", "prisoners", "demand", 0, None, "return of deported children held up"),
]

_T03 = (
    (
        "This is why we remain unwavering in our support for Ukraine defending its territorial "
        "integrity, its right to exist, its sovereignty, and its independence."
    ),
    (
        "We welcome the progress President Trump has made towards a ceasefire in Ukraine and in "
        "negotiations with Russia and Ukraine."
    ),
    (
        "President Zelenskyy has already shown Ukraine is the party of peace by proposing a full, "
        "immediate and unconditional ceasefire."
    ),
    "We hope that President Putin will agree to this without further delay.",
    "With robust security arrangements to ensure Russia is never able to invade again.",
    (
        "The UK will play its full part – and is already taking a leading role, alongside "
        "France, to build a coalition of the willing to support Ukraine’s future security."
    ),
)
_COALITION = "coalition of the willing for Ukraine's future security, the arrangements just named"
ROWS["03_uk_osce_committed_to_lasting_peace_26mar2025.txt"] = [
    (_T03[0], "UK", "military_aid", "propose", None, None, "support for Ukraine's defence"),
    (_T03[1], "UK", "ceasefire", "accept", None, None, "welcomes the US progress"),
    (_T03[1], "US", "ceasefire", "demand", None, "UK", "President Trump's efforts"),
    (_T03[2], "UA", "ceasefire", "propose", 0, "UK", None),
    (_T03[3], "UK", "ceasefire", "demand", 0, None, "'this': the ceasefire Ukraine proposed"),
    (_T03[4], "UK", "guarantees", "demand", None, None, "continues 'any lasting peace must'"),
    (_T03[5], "UK", "guarantees", "propose", None, None, _COALITION),
    (_T03[5], "FR", "guarantees", "propose", None, "UK", _COALITION),
]

_T04 = (
    (
        "The Prime Minister praised the bravery of the Ukrainian armed forces and reiterated the "
        "UK’s unwavering military, economic and political support."
    ),
    (
        "He expressed his horror at the ongoing Russian drone strikes on civilian areas and "
        "confirmed that the UK would continue providing further military aid, including another "
        "1,000 surface-to-air missiles and more than 25,000 extreme cold winter kits for troops."
    ),
    (
        "President Zelenskyy set out how UK military support is protecting vital energy "
        "infrastructure and helping Ukrainian troops to make advances on the battlefield against "
        "Putin’s unjustified invasion."
    ),
)
ROWS["04_pm_call_zelenskyy_10nov2022.txt"] = [
    (_T04[0], "UK", "military_aid", "propose", None, None, None),
    (_T04[1], "UK", "military_aid", "propose", 25, None, "continued military aid"),
    (_T04[2], "UA", "military_aid", "accept", None, "UK", "praises UK military support"),
]

_T05 = (
    (
        "The Prime Minister said Ukraine could count on the UK to continue to support it for the "
        "long term, as demonstrated by the recent delivery of more than 1000 anti-air missiles."
    ),
    (
        "Work was also underway to provide further equipment in the coming weeks and months to "
        "secure Ukraine’s victory on the battlefield, the Prime Minister added."
    ),
    (
        "Discussing the Joint Expeditionary Force (JEF) summit in Latvia last month, the Prime "
        "Minister thanked the President for joining virtually and said the UK and JEF partners "
        "were working closely to provide the vital equipment requested."
    ),
)
ROWS["05_pm_call_zelenskyy_3jan2023.txt"] = [
    (_T05[0], "UK", "military_aid", "propose", 25, None, "continued support shown by missiles"),
    (_T05[1], "UK", "military_aid", "propose", None, None, "further equipment to win"),
    (_T05[2], "UK", "military_aid", "propose", None, None, "with JEF partners"),
]

_T06 = (
    (
        "President Zelenskyy updated on Ukraine’s counter-offensive and ongoing military "
        "requirements, and the Prime Minister pledged the UK’s steadfast support and commended "
        "Ukraine’s armed forces for their progress on the battlefield."
    ),
    (
        "The Prime Minister welcomed progress on bilateral security commitments for Ukraine, with "
        "30 partners now signing the Joint Declaration, an initiative led by the UK and allies at "
        "this summer’s NATO Summit."
    ),
    (
        "He said the UK would continue to drive forward plans for long term support for "
        "Ukraine’s sovereignty and security."
    ),
)
ROWS["06_pm_call_zelenskyy_7sep2023.txt"] = [
    (_T06[0], "UA", "military_aid", "demand", None, "UK", "Ukraine's military requirements"),
    (_T06[1], "UK", "guarantees", "propose", None, None, "security commitments the UK led"),
    (_T06[2], "UK", "guarantees", "propose", None, None, "long-term support for its security"),
]

_T07 = (
    (
        "The European Council reiterates its resolute condemnation of Russia’s war of aggression "
        "against Ukraine, which constitutes a manifest violation of the UN Charter, and reaffirms "
        "the European Union’s unwavering support for Ukraine’s independence, sovereignty and "
        "territorial integrity within its internationally recognised borders and its inherent "
        "right of self-defence against the Russian aggression."
    ),
    (
        "The European Union will continue to provide strong financial, economic, humanitarian, "
        "military and diplomatic support to Ukraine and its people for as long as it takes."
    ),
    (
        "In particular, the European Union and its Member States will continue to provide "
        "sustainable military support to Ukraine, notably through the European Peace Facility and "
        "the EU Military Assistance Mission, as well as bilateral assistance by Member States."
    ),
    (
        "The European Council underlines the importance of Member States’ efforts and, in the "
        "immediate term, the need to accelerate the delivery of military support to Ukraine to "
        "help meet its pressing military and defence needs, including missiles and ammunition, "
        "notably under the one million rounds of artillery ammunition initiative, as well as air "
        "defence systems to protect its people and its critical and energy infrastructure."
    ),
    (
        "In the longer term, the European Union and Member States will contribute, together with "
        "partners, to future security commitments to Ukraine, which will help Ukraine defend "
        "itself, resist destabilisation efforts and deter acts of aggression in the future."
    ),
)
ROWS["07_european_council_conclusions_ukraine_27oct2023.txt"] = [
    (_T07[0], "EU", "recognition", "reject", 0, None, "internationally recognised borders"),
    (_T07[0], "EU", "military_aid", "propose", None, None, "support for self-defence"),
    (_T07[1], "EU", "military_aid", "propose", 25, None, "continued military support"),
    (_T07[2], "EU", "military_aid", "propose", 25, None, "continued military support"),
    (_T07[3], "EU", "military_aid", "demand", 0, None, "delivery to accelerate"),
    (_T07[4], "EU", "guarantees", "propose", None, None, "future security commitments"),
]

_T08 = (
    (
        "Together with our allies, we agreed to keep the pressure up on Putin to end his appalling "
        "war in Ukraine through tougher sanctions to debilitate the Russian economy; through "
        "supplying weapons to Ukraine and boosting NATO’s eastern flank; through providing "
        "humanitarian aid in dealing with the wider consequences of the crisis; and through "
        "supporting Ukraine in any negotiations it undertakes."
    ),
    (
        "Our sanctions are pushing back the Russian economy by years and we owe it to the brave "
        "Ukrainians to keep up our tough approach to get peace."
    ),
    "It is vital that we step up this pressure.",
    (
        "We know that the impact of sanctions degrades over time, and that is why we need to act "
        "now."
    ),
    (
        "On oil and gas, the UK has already committed to ending imports of Russian oil by the end "
        "of this year."
    ),
    (
        "We must agree a clear timetable with our partners across the G7 to end dependence on "
        "Russian oil and gas permanently."
    ),
    "On banks, we have already sanctioned 16 major Russian banks.",
    ("We have hit Gazprombank and placed a clear prohibition on Sberbank, Russia’s largest bank."),
    "We want to see others adopt these sanctions and go further.",
)
_ALLIES = "with the allies at the NATO and G7 meetings; the minister repeats the statement"
ROWS["08_lords_nato_g7_statement_30mar2022.txt"] = [
    (_T08[0], "UK", "sanctions", "propose", 0, None, _ALLIES),
    (_T08[0], "UK", "military_aid", "propose", None, None, _ALLIES),
    (_T08[0], "UK", "nato_russia", "propose", 0, None, "boosting NATO's eastern flank"),
    (_T08[1], "UK", "sanctions", "propose", None, None, "keep up the sanctions"),
    (_T08[2], "UK", "sanctions", "propose", 0, None, "'this pressure': the sanctions"),
    (_T08[3], "UK", "sanctions", "propose", None, None, None),
    (_T08[4], "UK", "sanctions", "propose", 0, None, "its own ban on Russian oil imports"),
    (_T08[5], "UK", "sanctions", "demand", 0, None, "end dependence on Russian oil and gas"),
    (_T08[6], "UK", "sanctions", "propose", None, None, "past: banks sanctioned"),
    (_T08[7], "UK", "sanctions", "propose", None, None, "past: measures on two banks"),
    (_T08[8], "UK", "sanctions", "demand", 0, None, "others to adopt and go further"),
]

_T09 = (
    (
        "The UK has sanctioned over 2,000 individuals and entities, 1,700 of which have been "
        "sanctioned since Russia’s full-scale invasion—the most wide-ranging sanctions ever "
        "imposed on a major economy."
    ),
    (
        "UK, US and EU sanctions have deprived Russia of over $400 million since February 2022, "
        "equivalent to four more years of funding for the invasion."
    ),
)
_IN_FORCE = "their sanctions in force, said by the minister"
ROWS["09_lords_ukraine_questions_3sep2024.txt"] = [
    (_T09[0], "UK", "sanctions", "propose", None, None, "past: the minister's answer"),
    (_T09[1], "UK", "sanctions", "propose", None, None, _IN_FORCE),
    (_T09[1], "US", "sanctions", "propose", None, "UK", _IN_FORCE),
    (_T09[1], "EU", "sanctions", "propose", None, "UK", _IN_FORCE),
]

_T10 = (
    "We will not falter in our resolute support for Ukraine’s sovereignty and territorial "
    "integrity."
)
ROWS["10_state_press_briefing_25feb2022.txt"] = [
    (_T10, "US", "recognition", "reject", 0, None, "support for territorial integrity"),
]

_T11 = (
    "Earlier today, President Putin delivered another televised address and offered the absurd "
    "pretext that he sought the ‘demilitarisation and denazification of Ukraine’."
)
ROWS["11_lords_pm_statement_24feb2022.txt"] = [
    (_T11, "RU", "army_limits", "demand", 100, "UK", "'demilitarisation of Ukraine'"),
]


DESCRIPTION = (
    "Real tuning set: hand annotations following docs/evidence-annotation.md of 11 openly "
    "licensed real texts in tests/data/evidence_real_tuning (SOURCES.md gives their addresses "
    "and licences: official statements, readouts, Hansard transcripts and a press briefing), "
    "none of them in ../shared/evidence-corpus or held-out set B. The texts were annotated "
    "before any version of the reader was run on them. Tuning set: the reader's rules may be "
    "widened while looking at these texts; its figures are measured on held-out texts. This "
    "file holds offsets and annotations only. Offsets are character offsets of the whole "
    "sentence in the file decoded as UTF-8; actors and issues are ids of the istanbul-2025 "
    "scenario; stances are demand, propose, accept, reject, condition. Optional fields: "
    "position (the 0-100 value of the nearest labelled option the sentence implies), speaker "
    "(the scenario actor reporting another's stance), note."
)


def build(texts: Path) -> dict[str, Any]:
    return gb.build_documents(texts, DOCS, ROWS, DESCRIPTION, SPLIT)


def main(argv: list[str]) -> None:
    gb.write(OUT, build(Path(argv[0]) if argv else TEXTS))


if __name__ == "__main__":
    main(sys.argv[1:])
