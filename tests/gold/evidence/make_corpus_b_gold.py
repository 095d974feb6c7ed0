"""Regenerate corpus_heldout_b.json: hand annotations of held-out set B, the real texts in
tests/data/evidence_corpus_b, written by following docs/evidence-annotation.md before any version
of the reader was run on these texts.

Attribution of the quoted sentences below (kept only to locate the annotated spans):
* GOV.UK texts (files 01-04, 09): UK Mission to the OSCE, Foreign, Commonwealth and Development
  Office, Ministry of Defence; contains public sector information licensed under the Open
  Government Licence v3.0.
* Hansard (files 10-14): contains Parliamentary information licensed under the Open Parliament
  Licence v3.0 (via Parallel Parliament).
* US Mission to the UN, Department of State, Department of Defense and Congressional Research
  Service texts (files 05-06, 15-18, 20): works of the US federal government, in the public domain.
* European Council conclusions (files 07-08) and the EEAS readout (file 19): (c) European Union,
  reproduction authorised provided the source is acknowledged.
Addresses and dates of every text are in tests/data/evidence_corpus_b/SOURCES.md.

Each annotated sentence is kept whole; the script finds it with str.find, refuses a sentence
found zero or several times, and writes its character offsets, the file's sha256 and the
annotation fields.

Run: .venv/bin/python tests/gold/evidence/make_corpus_b_gold.py [CORPUS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# gold_build sits beside this script, which is run as a file and also loaded by tests by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_build as gb
from gold_build import EUR, HANSARD, OFFICIAL, OGL, OPL, PRESS, READOUT, REPORT, USPD

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "data" / "evidence_corpus_b"
OUT = HERE / "corpus_heldout_b.json"
SPLIT = "heldout_b"


# file: (kind, licence, date, date note)
DOCS: dict[str, tuple[str, str, str | None, str | None]] = {
    "01_uk_osce_22_days_after_ukraine_agreed_ceasefire_apr2025.txt": (
        OFFICIAL,
        OGL,
        "2025-04-02",
        "inferred: 22 days after Ukraine's acceptance on 11 March 2025",
    ),
    "02_uk_osce_welcomes_istanbul_talks_may2025.txt": (
        OFFICIAL,
        OGL,
        "2025-05-15",
        "inferred: the day of the Istanbul talks it welcomes",
    ),
    "03_uk_osce_time_for_russia_to_show_interest_in_peace_mar2025.txt": (
        OFFICIAL,
        OGL,
        "2025-03-13",
        "posting date of the republication",
    ),
    "04_uk_unsc_temporary_ceasefire_rings_hollow_apr2025.txt": (
        OFFICIAL,
        OGL,
        "2025-04-29",
        "inferred: after Putin's announcement of a May truce",
    ),
    "05_us_un_remarks_saha_threats_to_peace_jul2023.txt": (OFFICIAL, USPD, "2023-07-31", None),
    "06_us_un_remarks_wood_arms_shipments_may2023.txt": (OFFICIAL, USPD, "2023-05-18", None),
    "07_euco_conclusions_ukraine_20mar2025.txt": (OFFICIAL, EUR, "2025-03-20", None),
    "08_euco_conclusions_ukraine_mar2023.txt": (
        OFFICIAL,
        EUR,
        "2023-03-23",
        "inferred: ICC arrest warrants of 17 March 2023 'recently issued'",
    ),
    "09_uk_defence_secretary_commons_statement_1sep2025.txt": (OFFICIAL, OGL, "2025-09-01", None),
    "10_hansard_commons_g20_ukraine_starmer_25nov2025.txt": (HANSARD, OPL, "2025-11-25", None),
    "11_hansard_commons_g20_ukraine_swayne_25nov2025.txt": (
        HANSARD,
        OPL,
        "2025-11-25",
        "inferred: exchange on the initial draft of the 28-point plan",
    ),
    "12_hansard_lords_london_talks_chapman_28apr2025.txt": (HANSARD, OPL, "2025-04-28", None),
    "13_hansard_lords_uk_security_guarantee_question_jun2025.txt": (
        HANSARD,
        OPL,
        "2025-06",
        "month only, inferred: Operation Spider Web (1 June 2025) is referred to",
    ),
    "14_hansard_commons_ukraine_statement_healey_sobel_1sep2025.txt": (
        HANSARD,
        OPL,
        "2025-09-01",
        "inferred: the Defence Secretary's statement of that day (file 09)",
    ),
    "15_state_dept_rubio_face_the_nation_17aug2025.txt": (PRESS, USPD, "2025-08-17", None),
    "16_dod_austin_news_conference_ramstein_26apr2022.txt": (PRESS, USPD, "2022-04-26", None),
    "17_state_dept_blinken_press_availability_jul2022.txt": (
        PRESS,
        USPD,
        "2022-07-27",
        "inferred: the war entered its sixth month that week",
    ),
    "18_crs_nato_vilnius_summit_jul2023.txt": (REPORT, USPD, "2023-07-20", None),
    "19_eeas_borrell_kuleba_phone_call_6jan2023.txt": (READOUT, EUR, "2023-01-06", None),
    "20_crs_overview_us_sanctions_responses_dec2022.txt": (REPORT, USPD, "2022-12-20", None),
}

# (sentence, actor, issue, stance, position, speaker, note)
Row = gb.Row
ROWS: dict[str, list[Row]] = {name: [] for name in DOCS}

_S01 = (
    (
        "22 days after Ukraine agreed to an immediate ceasefire, Russia continues to distract "
        "and delay: UK statement to the OSCE"
    ),
    (
        "Ambassador Holland questions Russia's seriousness about peace when it continues to "
        "attack Ukraine with hundreds of drones and refuses to commit to a full, immediate "
        "ceasefire."
    ),
    (
        "It is now a full 22 days since Ukraine expressed its readiness to accept an immediate "
        "30-day ceasefire."
    ),
    "The only condition that Ukraine attached was that Russia should agree to it too.",
    (
        "Rather than grasp this opportunity for peace, Russia has chosen to continue to fight, "
        "a decision whose consequence is the needless sacrifice of more lives of soldiers and "
        "civilians on both sides."
    ),
    (
        "His attempt last week to question the credibility of President Zelenskyy was nothing "
        "more than a transparent ploy to deflect from the real matter at hand: Russia’s failure "
        "to get more seriously to the table, and commit to a full, immediate and unconditional "
        "ceasefire."
    ),
    (
        "Published readouts of the US convened ceasefire talks in Saudi Arabia confirmed a "
        "naval ceasefire and prevention of use of commercial vessels for military purposes in "
        "the Black Sea."
    ),
    (
        "The UK welcomed this important step, but Russia immediately backtracked and placed "
        "conditions on the agreement – despite good faith commitment from Ukraine."
    ),
)
ROWS["01_uk_osce_22_days_after_ukraine_agreed_ceasefire_apr2025.txt"] = [
    (_S01[0], "UA", "ceasefire", "accept", 0, "UK", "headline; past: an immediate ceasefire"),
    (_S01[0], "RU", "ceasefire", "reject", None, "UK", "headline; delays instead of agreeing"),
    (_S01[1], "RU", "ceasefire", "reject", None, "UK", "refuses a full, immediate ceasefire"),
    (_S01[2], "UA", "ceasefire", "accept", 0, "UK", "past (11 March): immediate 30-day"),
    (_S01[3], "UA", "ceasefire", "condition", 0, "UK", "it: the 30-day ceasefire; Russia agrees"),
    (
        _S01[4],
        "RU",
        "ceasefire",
        "reject",
        None,
        "UK",
        "this opportunity: the 30-day ceasefire; chose to fight on",
    ),
    (_S01[5], "RU", "ceasefire", "reject", None, "UK", "failure to commit to a ceasefire"),
    (_S01[5], "UK", "ceasefire", "demand", 0, None, "Russia's failure: the UK wants it"),
    (_S01[6], "US", "ceasefire", "propose", 25, "UK", "US-convened talks: naval ceasefire"),
    (_S01[7], "UK", "ceasefire", "accept", 25, None, "this step: the naval ceasefire; past"),
    (_S01[7], "RU", "ceasefire", "condition", 25, "UK", "conditions on the naval ceasefire"),
    (_S01[7], "UA", "ceasefire", "accept", 25, "UK", "good faith commitment to it"),
]
_S02 = (
    "Ukraine has agreed, in-principle, to a full and unconditional ceasefire.",
    (
        "Because only when missiles and drones stop, and the deaths of innocent civilians end, "
        "can discussions towards a just and lasting peace begin."
    ),
    (
        "Last weekend the UK, the US and our European partners reiterated our call on Russia "
        "to agree to a 30-day ceasefire now, as Ukraine has done, and create the space for "
        "talks."
    ),
    "Rather than seize this opportunity, Russia continues to stall.",
    (
        "Instead of an unconditional ceasefire, they have again moved the goal posts, calling "
        "for talks to resolve the conflict’s so-called ‘root causes’."
    ),
    "Mr Chair, last week we saw another supposed three-day ‘ceasefire’ from Russia.",
    (
        "Just like the truce at Easter, this was a smokescreen intended to portray Russia as "
        "the party of peace."
    ),
)
ROWS["02_uk_osce_welcomes_istanbul_talks_may2025.txt"] = [
    (_S02[0], "UA", "ceasefire", "accept", 0, "UK", "full and unconditional"),
    (_S02[1], "UK", "ceasefire", "demand", None, None, "missiles and drones stop before talks"),
    (_S02[2], "UK", "ceasefire", "demand", 0, None, "past (last weekend): 30-day, now"),
    (_S02[2], "US", "ceasefire", "demand", 0, "UK", "past (last weekend): 30-day, now"),
    (_S02[2], "UA", "ceasefire", "accept", 0, "UK", "as Ukraine has done"),
    (_S02[3], "RU", "ceasefire", "reject", None, "UK", "this opportunity: the 30-day ceasefire"),
    (_S02[4], "RU", "ceasefire", "reject", None, "UK", "root-cause talks instead"),
    (_S02[5], "RU", "ceasefire", "propose", 50, "UK", "past: a three-day truce"),
    (_S02[6], "RU", "ceasefire", "propose", 50, "UK", "past: the Easter truce"),
    (_S02[6], "UK", "ceasefire", "reject", None, None, "the short truces called a smokescreen"),
]
_S03 = (
    (
        "As my PM has made clear, we warmly welcome the agreement reached in Jeddah on 11th "
        "March proposing an immediate 30-day ceasefire and congratulate President Trump and "
        "President Zelenskyy for this remarkable breakthrough."
    ),
    (
        "The UK is ready to play its part, including by convening this weekend a meeting of "
        "countries who are ready to support a ceasefire."
    ),
)
ROWS["03_uk_osce_time_for_russia_to_show_interest_in_peace_mar2025.txt"] = [
    (_S03[0], "UK", "ceasefire", "accept", 0, None, "welcomes the Jeddah agreement"),
    (_S03[0], "US", "ceasefire", "propose", 0, "UK", "the Jeddah agreement proposes it"),
    (_S03[0], "UA", "ceasefire", "propose", 0, "UK", "the Jeddah agreement proposes it"),
    (_S03[1], "UK", "ceasefire", "accept", None, None, "convenes countries ready to support one"),
]
_S04 = (
    (
        "Putin’s latest announcement for a temporary ceasefire rings hollow while Russia's "
        "brutality continues: UK statement at the UN Security Council"
    ),
    "Putin’s latest announcement for a temporary ceasefire, yet again, rings hollow.",
    (
        "We need only look to the 30-hour pause in fighting over Easter as an example, during "
        "which there was no indication that a ceasefire on the frontline was observed."
    ),
    "Russia must declare a ceasefire now.",
    "Ukraine stands ready to go the whole way – a durable and full ceasefire – right now.",
)
ROWS["04_uk_unsc_temporary_ceasefire_rings_hollow_apr2025.txt"] = [
    (_S04[0], "RU", "ceasefire", "propose", 50, "UK", "headline; Putin's temporary truce"),
    (_S04[0], "UK", "ceasefire", "reject", None, None, "headline; the truce rings hollow"),
    (_S04[1], "RU", "ceasefire", "propose", 50, "UK", "Putin's temporary truce"),
    (_S04[1], "UK", "ceasefire", "reject", None, None, "the truce rings hollow"),
    (_S04[2], "RU", "ceasefire", "propose", 50, "UK", "past: Putin's 30-hour Easter pause"),
    (_S04[3], "UK", "ceasefire", "demand", 0, None, "minister; a ceasefire now"),
    (_S04[4], "UA", "ceasefire", "accept", 0, "UK", "a durable and full ceasefire right now"),
]
_S05 = (
    (
        "This war would end today if Russia withdrew its forces from Ukraine’s sovereign "
        "territory and abandoned its relentless, brutal attacks against Ukraine’s cities and "
        "civilian infrastructure."
    ),
    (
        "Until that day comes, the United States will continue to offer our full support for "
        "Ukraine’s self-defense, and for the principles of the UN Charter."
    ),
)
ROWS["05_us_un_remarks_saha_threats_to_peace_jul2023.txt"] = [
    (_S05[0], "US", "withdrawal", "demand", 0, None, "withdrawal as the way to end the war"),
    (_S05[1], "US", "military_aid", "propose", 25, None, "continued support for self-defense"),
]
_S06 = (
    (
        "We’re here again listening to Russia’s allegations that arms shipments from the United "
        "States and other countries providing support to Ukraine in its self-defense are the "
        "grave threat in the Ukraine conflict, and not Russia’s invasion of its sovereign "
        "neighbor."
    ),
    (
        "The United States has staunchly supported Ukraine’s right to defend itself against "
        "Russia’s brutal, unprovoked war of aggression."
    ),
    "We, along with 50 other states, will continue to do so.",
    (
        "The provision of weapons for Ukraine’s territorial defense is not extending or "
        "exacerbating this conflict."
    ),
    (
        "Arms shipments by the United States and other friends of Ukraine are not the cause of "
        "a continuation of Russia’s needless war."
    ),
    (
        "If Russia had any genuine desire for a de-escalation, it would simply withdraw its "
        "troops and end its invasion."
    ),
)
ROWS["06_us_un_remarks_wood_arms_shipments_may2023.txt"] = [
    (_S06[0], "RU", "military_aid", "reject", None, "US", "arms shipments called the threat"),
    (_S06[0], "US", "military_aid", "propose", None, None, "the US's own arms shipments"),
    (_S06[1], "US", "military_aid", "propose", None, None, "past: support for self-defence"),
    (_S06[2], "US", "military_aid", "propose", 25, None, "do so: support self-defence, continued"),
    (_S06[3], "US", "military_aid", "propose", None, None, "defends the provision of weapons"),
    (_S06[4], "US", "military_aid", "propose", None, None, "defends its arms shipments"),
    (_S06[5], "US", "withdrawal", "demand", 0, None, "troops out, invasion ended"),
]
_S07 = (
    (
        "In line with this approach, the European Union remains committed, in coordination "
        "with like-minded partners and allies, to providing further comprehensive support to "
        "Ukraine and its people, as it exercises its inherent right to self-defence against "
        "Russia’s war of aggression."
    ),
    (
        "The European Council welcomes the joint statement by Ukraine and the United States "
        "following their meeting in Saudi Arabia on 11 March 2025, including the proposals "
        "for a ceasefire agreement, humanitarian efforts, and the resumption of US "
        "intelligence sharing and security assistance."
    ),
)
ROWS["07_euco_conclusions_ukraine_20mar2025.txt"] = [
    (_S07[0], "EU", "military_aid", "propose", None, None, "support as Ukraine defends itself"),
    (_S07[1], "EU", "ceasefire", "accept", None, None, "welcomes the Jeddah proposals"),
    (_S07[1], "US", "ceasefire", "propose", None, "EU", "Jeddah joint statement"),
    (_S07[1], "UA", "ceasefire", "propose", None, "EU", "Jeddah joint statement"),
    (_S07[1], "US", "military_aid", "propose", 25, "EU", "security assistance resumed"),
    (_S07[1], "EU", "military_aid", "accept", 25, None, "welcomes the resumed US assistance"),
]
_S08 = (
    (
        "1. The European Council reiterates its resolute condemnation of Russia’s war of "
        "aggression against Ukraine, which constitutes a manifest violation of the UN Charter, "
        "and recalls the European Union’s unwavering support for Ukraine’s independence, "
        "sovereignty and territorial integrity within its internationally recognised borders "
        "and its inherent right of self-defence against the Russian aggression."
    ),
    (
        "3. Russia must stop its aggression and immediately, completely and unconditionally "
        "withdraw all of its military forces and proxies from the entire territory of Ukraine "
        "within its internationally recognised borders."
    ),
    (
        "Russia must immediately ensure the safe return of Ukrainians forcibly transferred or "
        "deported to Russia, in particular children."
    ),
)
ROWS["08_euco_conclusions_ukraine_mar2023.txt"] = [
    (_S08[0], "EU", "military_aid", "propose", None, None, "support for self-defence"),
    (_S08[1], "EU", "withdrawal", "demand", 0, None, "all forces from the entire territory"),
    (_S08[2], "EU", "prisoners", "demand", 0, None, "return of deported children"),
]
_S09 = (
    (
        "I’ve spoken with Defence Ministers across the Coalition about stepping up military "
        "support and about securing a peace after any deal."
    ),
    (
        "And our military leaders have met multiple times to strengthen international "
        "contributions to the Coalition, also known now as the ‘Multinational Force Ukraine.’"
    ),
)
ROWS["09_uk_defence_secretary_commons_statement_1sep2025.txt"] = [
    (_S09[0], "UK", "military_aid", "propose", 0, None, "stepping up military support"),
    (
        _S09[1],
        "UK",
        "foreign_troops",
        "propose",
        25,
        None,
        "the coalition's Multinational Force Ukraine",
    ),
]
_S10 = (
    (
        "We are united in wanting a ceasefire and a permanent end to the horrendous suffering "
        "that this war has brought to Ukraine."
    ),
    "I welcome the continued efforts of the United States to end the war and stop the killing.",
    "For example, it sets out steps on security guarantees from the US and partners.",
    "That is very significant.",
)
ROWS["10_hansard_commons_g20_ukraine_starmer_25nov2025.txt"] = [
    (_S10[0], "UK", "ceasefire", "demand", None, None, "Prime Minister"),
    (_S10[1], "US", "ceasefire", "demand", None, "UK", "US efforts to stop the killing"),
    (_S10[1], "UK", "ceasefire", "accept", None, None, "welcomes the US efforts"),
    (_S10[2], "US", "guarantees", "propose", None, "UK", "it: the 28-point plan"),
    (_S10[3], "UK", "guarantees", "accept", None, None, "that: the guarantee steps"),
]
_S11 = ("It is no wonder that they are not going to give that up after so much sacrifice.",)
ROWS["11_hansard_commons_g20_ukraine_swayne_25nov2025.txt"] = [
    (
        _S11[0],
        "UA",
        "withdrawal",
        "reject",
        None,
        "UK",
        "Prime Minister; they: Ukrainians; that: the lines held in Donetsk",
    ),
]
_S12 = (
    "This morning has seen an announcement from Putin of another temporary ceasefire.",
    (
        "They do not have to promise one on a particular day or in a few days’ time; they "
        "could do it now."
    ),
    (
        "We could find no evidence of the ceasefire they said they were going to have at "
        "Easter, so we are sceptical."
    ),
)
ROWS["12_hansard_lords_london_talks_chapman_28apr2025.txt"] = [
    (
        _S12[0],
        "RU",
        "ceasefire",
        "propose",
        50,
        None,
        "Putin's temporary truce, reported by Lord Callanan",
    ),
    (_S12[1], "UK", "ceasefire", "demand", 0, None, "minister; one: a ceasefire, now"),
    (_S12[2], "RU", "ceasefire", "propose", 50, "UK", "past: the announced Easter truce"),
    (_S12[2], "UK", "ceasefire", "reject", None, None, "minister; sceptical of the truces"),
]
_S13 = (
    (
        "Earlier this year, the Prime Minister signed the 100-year partnership with Ukraine, "
        "which builds on our bilateral security agreement signed last year, strengthening our "
        "security co-operation and forging closer links between our defence industries."
    ),
    (
        "While recognising the sheer bravado of those who executed Operation Spider Web, we "
        "have to accept that action has undermined Trump’s wider initiative, jeopardised his "
        "offer on the provision of security guarantees and hardened Russia’s attitude to "
        "conflict resolution."
    ),
)
ROWS["13_hansard_lords_uk_security_guarantee_question_jun2025.txt"] = [
    (
        _S13[0],
        "UK",
        "guarantees",
        "propose",
        None,
        None,
        "minister; past: bilateral security agreement and partnership",
    ),
    (
        _S13[1],
        "US",
        "guarantees",
        "propose",
        None,
        None,
        "Trump's offer, reported by Lord Campbell-Savours",
    ),
]
_S14 = (
    (
        "Our job in the UK, and my job as Defence Secretary, is to ensure that we give them "
        "the maximum support possible in the fight, and we will give the maximum support "
        "possible as they go into the negotiations."
    ),
)
ROWS["14_hansard_commons_ukraine_statement_healey_sobel_1sep2025.txt"] = [
    (
        _S14[0],
        "UK",
        "military_aid",
        "propose",
        None,
        None,
        "Defence Secretary; support in the fight",
    ),
]
_S15 = (
    (
        "The awkward conclusion to Friday's summit yielded no formal agreement, with Vladimir "
        "Putin still insisting that Ukraine turn over the lands seized by Russia in the war "
        "plus additional territory, something that President Zelenskyy continues to refuse."
    ),
    (
        "Vladimir Putin did not give President Trump the ceasefire he sought, and "
        "now Putin says the root causes of the conflict have to be resolved in a peace "
        "agreement."
    ),
    (
        "We're going to focus on this: Are they going to stop fighting or not, and what it's "
        "going to take to stop the fighting."
    ),
    (
        "And what it's going to take to stop the fighting, if we're being honest and serious "
        "here, is both sides are going to have to give and both sides should expect to get "
        "something from this."
    ),
)
ROWS["15_state_dept_rubio_face_the_nation_17aug2025.txt"] = [
    (_S15[0], "RU", "withdrawal", "demand", None, None, "reported by the interviewer"),
    (_S15[0], "UA", "withdrawal", "reject", None, None, "reported by the interviewer"),
    (
        _S15[1],
        "US",
        "ceasefire",
        "demand",
        None,
        None,
        "Trump sought it; reported by the interviewer",
    ),
    (
        _S15[1],
        "RU",
        "ceasefire",
        "reject",
        None,
        None,
        "did not give it; reported by the interviewer",
    ),
    (_S15[2], "US", "ceasefire", "demand", None, None, "Rubio; focus on stopping the fighting"),
    (_S15[3], "US", "ceasefire", "condition", None, None, "Rubio; both sides must give"),
]
_S16 = (
    (
        "We're all coming away with a transparent and shared understanding of the challenge "
        "that the Ukrainians face, and I know that we're all determined to help Ukraine win "
        "today and build strength for tomorrow."
    ),
)
ROWS["16_dod_austin_news_conference_ramstein_26apr2022.txt"] = [
    (
        _S16[0],
        "US",
        "military_aid",
        "propose",
        None,
        None,
        "Austin for the contact group incl. the US: help Ukraine win",
    ),
]
_S17 = (
    (
        "The United States and our allies and partners will continue to stand with them and "
        "help provide precisely what they need to defend their freedom."
    ),
)
ROWS["17_state_dept_blinken_press_availability_jul2022.txt"] = [
    (
        _S17[0],
        "US",
        "military_aid",
        "propose",
        25,
        None,
        "Blinken; continue, what they need to defend",
    ),
]
_S18 = (
    (
        "In Vilnius, NATO leaders declared that “Ukraine’s future is in NATO”; called on allies "
        "to continue\nproviding Ukraine with robust security assistance; and announced enhanced "
        "partnership programs with\nUkraine, including the creation of a new NATO-Ukraine "
        "Council."
    ),
    (
        "Underscoring its role as a defensive\nalliance, NATO has declared it will not deploy "
        "forces to Ukraine."
    ),
)
ROWS["18_crs_nato_vilnius_summit_jul2023.txt"] = [
    (_S18[0], "NATO", "nato", "propose", None, None, "Vilnius summit, reported by CRS"),
    (_S18[0], "NATO", "military_aid", "demand", 25, None, "continue assistance; reported by CRS"),
    (_S18[1], "NATO", "foreign_troops", "reject", None, None, "no NATO forces; reported by CRS"),
]
_S19 = (
    (
        "These Russian attacks stand in sharp contradiction to the ceasefire unilaterally "
        "declared by Russian President Putin yesterday."
    ),
    (
        "Such a ceasefire does not change the fact that Russia is illegally occupying parts of "
        "Ukraine’s territory."
    ),
    (
        "Withdrawal of Russian troops and military equipment from the entire territory of "
        "Ukraine within its internationally recognised borders is the only serious option to "
        "restore peace and security."
    ),
    (
        "In the absence of such concrete actions, a unilateral ceasefire seems only as Russia’s "
        "attempt to buy time to replenish and regroup its troops or to repair its destroyed "
        "international reputation."
    ),
    (
        "The High Representative underlined the EU’s determination to continue our political, "
        "military, economic and humanitarian support to Ukraine in exercising its legitimate "
        "right to defend itself and its people against Russia’s aggression, for as long as it "
        "takes."
    ),
)
ROWS["19_eeas_borrell_kuleba_phone_call_6jan2023.txt"] = [
    (_S19[0], "RU", "ceasefire", "propose", 50, "EU", "past: Putin's unilateral truce"),
    (_S19[1], "EU", "ceasefire", "reject", None, None, "such a ceasefire: Putin's truce"),
    (_S19[2], "EU", "withdrawal", "demand", 0, None, "the entire territory"),
    (_S19[3], "RU", "ceasefire", "propose", 50, "EU", "Russia's unilateral truce"),
    (_S19[3], "EU", "ceasefire", "condition", None, None, "counts only with withdrawal"),
    (_S19[4], "EU", "military_aid", "propose", 25, None, "continued military support"),
]
_S20 = (
    (
        "The United States, the European Union (EU), and others have imposed a series of "
        "increasingly severe\nsanctions on Russia and substantially increased security, "
        "humanitarian, and economic assistance to\nUkraine."
    ),
    (
        "Congress also has enacted legislation enabling the expedited leasing or lending of "
        "defense articles\nto Ukraine (P.L. 117-118)."
    ),
    (
        "Prior to 2022, the United States had imposed sanctions on Russia in response to "
        "Moscow’s 2014 invasion\nof Ukraine and other malign activities."
    ),
)
ROWS["20_crs_overview_us_sanctions_responses_dec2022.txt"] = [
    (_S20[0], "US", "sanctions", "propose", 0, None, "increasingly severe; reported by CRS"),
    (_S20[0], "EU", "sanctions", "propose", 0, None, "increasingly severe; reported by CRS"),
    (_S20[0], "US", "military_aid", "propose", 0, None, "security assistance increased; by CRS"),
    (_S20[0], "EU", "military_aid", "propose", 0, None, "security assistance increased; by CRS"),
    (_S20[1], "US", "military_aid", "propose", None, None, "Congress: lending of defense articles"),
    (_S20[2], "US", "sanctions", "propose", None, None, "past: sanctions after 2014; by CRS"),
]


SCHEME_TEXT = (
    "Held-out set B: hand annotations following docs/evidence-annotation.md of 20 openly "
    "licensed real texts in tests/data/evidence_corpus_b (SOURCES.md gives their addresses and "
    "licences), none of them in ../shared/evidence-corpus. The texts were annotated before any "
    "version of the reader was run on them and are never used to change a rule: the set is for "
    "measuring only. This file holds offsets and annotations only. Offsets are character "
    "offsets of the whole sentence in the file decoded as UTF-8; actors and issues are ids of "
    "the istanbul-2025 scenario; stances are demand, propose, accept, reject, condition. "
    "Optional fields: position (the 0-100 value of the nearest labelled option the sentence "
    "implies), speaker (the scenario actor reporting another's stance), note."
)


def build(corpus: Path) -> dict[str, Any]:
    return gb.build_documents(corpus, DOCS, ROWS, SCHEME_TEXT, SPLIT)


def main(argv: list[str]) -> None:
    gb.write(OUT, build(Path(argv[0]) if argv else CORPUS))


if __name__ == "__main__":
    main(sys.argv[1:])
