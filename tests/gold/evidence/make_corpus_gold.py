"""Regenerate corpus_heldout.json and corpus_tuning.json: hand annotations of the real texts in
../shared/evidence-corpus, written by following docs/evidence-annotation.md before any version
of the reader was run on these texts.

Attribution of the quoted sentences below (kept only to locate the annotated spans):
* GOV.UK texts (files 01-06): Prime Minister's Office, 10 Downing Street, and the UK Mission to
  the OSCE; contains public sector information licensed under the Open Government Licence v3.0.
* Hansard (files 07-17): contains Parliamentary information licensed under the Open Parliament
  Licence v3.0 (via Parallel Parliament).
* U.S. Department of State remarks (files 18-19) and the Congressional Research Service report
  (file 20): works of the US federal government, in the public domain.
* Wikipedia, "Coalition of the willing (Russo-Ukrainian War)" (file 21), by Wikipedia
  contributors, licensed under CC BY-SA 4.0. The sentences quoted from it here are under that
  licence: reuse them only with the same licence and credit to Wikipedia's contributors.
Addresses and dates of every text are in ../shared/evidence-corpus/SOURCES.md.

Each annotated sentence is kept whole; the script finds it with str.find, refuses a sentence
found zero or several times, and writes its character offsets, the file's sha256 and the
annotation fields. The texts themselves stay in the corpus folder.

Run: .venv/bin/python tests/gold/evidence/make_corpus_gold.py [CORPUS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# gold_build sits beside this script, which is run as a file and also loaded by tests by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_build as gb

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2].parent / "shared" / "evidence-corpus"

OFFICIAL = "official statement"
HANSARD = "parliamentary transcript"
PRESS = "press remarks transcript"
REPORT = "analysis/report"
ENCYCLOPEDIA = "encyclopedia"
OGL = "Open Government Licence v3.0"
OPL = "Open Parliament Licence v3.0"
USPD = "US federal government work, public domain"
CCBYSA = "CC BY-SA 4.0"

# file: (split, kind, licence, date, date note)
DOCS: dict[str, tuple[str, str, str, str | None, str | None]] = {
    "01_pm_press_conference_coalition_willing_15mar2025.txt": (
        "tuning",
        OFFICIAL,
        OGL,
        "2025-03-15",
        None,
    ),
    "02_pm_ball_in_russias_court_14mar2025.txt": (
        "tuning",
        OFFICIAL,
        OGL,
        "2025-03-14",
        "inferred: the call is 'tomorrow', 15 March 2025",
    ),
    "03_pm_virtual_meeting_coalition_willing_4sep2025.txt": (
        "heldout",
        OFFICIAL,
        OGL,
        "2025-09-04",
        None,
    ),
    "04_uk_osce_russia_undermining_efforts_sep2025.txt": (
        "heldout",
        OFFICIAL,
        OGL,
        "2025-09-12",
        "posting date of the republication",
    ),
    "05_uk_osce_russia_so_called_peace_proposal_jun2024.txt": (
        "heldout",
        OFFICIAL,
        OGL,
        "2024-06-20",
        "inferred: two years and 118 days of war",
    ),
    "06_uk_osce_peace_is_in_russias_gift.txt": (
        "heldout",
        OFFICIAL,
        OGL,
        "2024",
        "year only: the invasion is in its third year",
    ),
    "07_hansard_commons_ukraine_uq_13feb2025.txt": ("tuning", HANSARD, OPL, "2025-02-13", None),
    "08_hansard_lords_pm_statement_repeat_4mar2025.txt": (
        "heldout",
        HANSARD,
        OPL,
        "2025-03-04",
        None,
    ),
    "09_hansard_lords_ukraine_uk_policy_skidelsky_17mar2025.txt": (
        "heldout",
        HANSARD,
        OPL,
        "2025-03-17",
        None,
    ),
    "10_hansard_lords_ukraine_uk_policy_minto_17mar2025.txt": (
        "heldout",
        HANSARD,
        OPL,
        "2025-03-17",
        None,
    ),
    "11_hansard_lords_uk_usa_discussions_26mar2025.txt": (
        "tuning",
        HANSARD,
        OPL,
        "2025-03-26",
        None,
    ),
    "12_hansard_commons_ukraine_update_maguire_22apr2025.txt": (
        "heldout",
        HANSARD,
        OPL,
        "2025-04-22",
        None,
    ),
    "13_hansard_commons_london_talks_uq_24apr2025.txt": (
        "heldout",
        HANSARD,
        OPL,
        "2025-04-24",
        None,
    ),
    "14_hansard_commons_uq_future_of_war_20nov2025.txt": (
        "heldout",
        HANSARD,
        OPL,
        "2025-11-20",
        None,
    ),
    "15_hansard_commons_uq_line_of_contact_20nov2025.txt": (
        "heldout",
        HANSARD,
        OPL,
        "2025-11-20",
        "first block inferred from the same debate",
    ),
    "16_hansard_commons_ukraine_uq_3dec2024.txt": ("tuning", HANSARD, OPL, "2024-12-03", None),
    "17_hansard_commons_ukraine_update_truss_16jun2022.txt": (
        "heldout",
        HANSARD,
        OPL,
        "2022-06-16",
        None,
    ),
    "18_state_dept_rubio_waltz_remarks_jeddah_11mar2025.txt": (
        "heldout",
        PRESS,
        USPD,
        "2025-03-11",
        None,
    ),
    "19_state_dept_rubio_remarks_geneva_23nov2025.txt": ("tuning", PRESS, USPD, "2025-11-23", None),
    "20_crs_russias_war_against_ukraine_us_policy_dec2024.txt": (
        "heldout",
        REPORT,
        USPD,
        "2024-12-23",
        None,
    ),
    "21_wikipedia_coalition_of_the_willing.txt": (
        "heldout",
        ENCYCLOPEDIA,
        CCBYSA,
        None,
        "revision unknown; the text says 'As of 20 March 2025'",
    ),
}

# (sentence, actor, issue, stance, position, speaker, note)
Row = gb.Row
ROWS: dict[str, list[Row]] = {name: [] for name in DOCS}

_S01 = (
    ("Volodymyr has committed to a 30-day unconditional ceasefire."),
    (
        "But Putin is trying to delay – saying there must be a painstaking study before a "
        "ceasefire can take place."
    ),
    (
        "So, this is the moment, let the guns fall silent, let the barbaric attacks on "
        "Ukraine, once and for all, stop and agree to a ceasefire now."
    ),
    (
        "That is why now is the time to engage in discussions on a mechanism to manage and "
        "monitor a full ceasefire and agree to serious negotiations towards not just a pause "
        "but a lasting peace, backed by strong security arrangements through our Coalition "
        "of the Willing."
    ),
    (
        "We agreed we will keep increasing the pressure on Russia, keep the military aid "
        "flowing to Ukraine and keep tightening the restrictions on Russia’s economy to "
        "weaken Putin’s war machine and bring him to the table."
    ),
)
ROWS["01_pm_press_conference_coalition_willing_15mar2025.txt"] = [
    (
        _S01[0],
        "UA",
        "ceasefire",
        "accept",
        0,
        "UK",
        "Volodymyr: Zelenskyy, named in the previous sentence",
    ),
    (_S01[1], "RU", "ceasefire", "condition", None, "UK", "a study before any ceasefire"),
    (_S01[2], "UK", "ceasefire", "demand", 0, None, "a ceasefire now, addressed to Russia"),
    (_S01[3], "UK", "ceasefire", "demand", 0, None, "a full, monitored ceasefire"),
    (
        _S01[3],
        "UK",
        "guarantees",
        "propose",
        None,
        None,
        "security arrangements through the UK's coalition",
    ),
    (
        _S01[4],
        "UK",
        "sanctions",
        "propose",
        0,
        None,
        "coalition incl. the UK: pressure and restrictions grow",
    ),
    (
        _S01[4],
        "UK",
        "military_aid",
        "propose",
        25,
        None,
        "coalition incl. the UK: aid keeps flowing",
    ),
]
_S02 = (
    (
        "Keir Starmer will say countries need to strain every sinew to further ramp up "
        "economic pressure on Russia and force Putin into negotiations"
    ),
    (
        "He will say that countries need to ratchet up economic pressure on Russia, to force "
        "Putin into negotiations, in the short term and be prepared to support a just and "
        "enduring peace in Ukraine over the long term and continue to ramp up our military "
        "support to Ukraine to defend themselves against increasing Russian attacks."
    ),
    (
        "The Kremlin’s complete disregard for President Trump’s ceasefire proposal only "
        "serves to demonstrate that Putin is not serious about peace."
    ),
    (
        "If Russia finally comes to the table, then we must be ready to monitor a ceasefire "
        "to ensure it is a serious, and enduring peace, if they don’t, then we need to "
        "strain every sinew to ramp up economic pressure on Russia to secure an end to this "
        "war."
    ),
    (
        "Putin is trying to delay, saying there must be a painstaking study before a "
        "ceasefire can take place, but the world needs to see action, not a study or empty "
        "words and pointless conditions."
    ),
    (
        "My message to the Kremlin could not be clearer: stop the barbaric attacks on "
        "Ukraine, once and for all, and agree to a ceasefire now."
    ),
)
ROWS["02_pm_ball_in_russias_court_14mar2025.txt"] = [
    (_S02[0], "UK", "sanctions", "demand", 0, None, "headline line; more economic pressure"),
    (_S02[1], "UK", "sanctions", "demand", 0, None, "more economic pressure"),
    (_S02[1], "UK", "military_aid", "demand", 0, None, "military support ramped up"),
    (_S02[2], "RU", "ceasefire", "reject", None, "UK", "disregard of the proposal"),
    (_S02[2], "US", "ceasefire", "propose", None, "UK", "Trump's ceasefire proposal"),
    (
        _S02[3],
        "UK",
        "ceasefire",
        "propose",
        None,
        None,
        "own hypothetical: ready to monitor a ceasefire",
    ),
    (_S02[3], "UK", "sanctions", "demand", 0, None, "more economic pressure if Russia stays away"),
    (_S02[4], "RU", "ceasefire", "condition", None, "UK", "a study before any ceasefire"),
    (_S02[5], "UK", "ceasefire", "demand", 0, None, "a ceasefire now"),
]
_S03 = (
    (
        "Discussing the latest military planning for the Coalition of the Willing, the Prime "
        "Minister emphasised that the group had an unbreakable pledge to Ukraine, with "
        "President Trump’s backing, and it was clear they now needed to go even further to "
        "apply pressure on Putin to secure a cessation of hostilities."
    ),
    (
        "The Prime Minister also welcomed announcements from Coalition of the Willing "
        "partners to supply long range missiles to Ukraine to further bolster the country’s "
        "supplies."
    ),
    (
        "He also thanked military planners and Chiefs of Defence for their ongoing and rapid "
        "work to ensure a force could deploy in the event of a ceasefire."
    ),
)
ROWS["03_pm_virtual_meeting_coalition_willing_4sep2025.txt"] = [
    (
        _S03[0],
        "UK",
        "sanctions",
        "demand",
        0,
        None,
        "coalition incl. the UK: more pressure on Putin",
    ),
    (_S03[0], "UK", "ceasefire", "demand", None, None, "cessation of hostilities"),
    (_S03[1], "UK", "military_aid", "accept", 0, None, "welcomes partners' missile deliveries"),
    (
        _S03[2],
        "UK",
        "foreign_troops",
        "propose",
        25,
        None,
        "the coalition's force after a ceasefire",
    ),
]
_S04 = (
    (
        "President Zelenskyy and the Ukrainian government have repeatedly demonstrated their "
        "commitment to peace, expressing readiness for a complete and unconditional "
        "ceasefire and for direct talks."
    ),
)
ROWS["04_uk_osce_russia_undermining_efforts_sep2025.txt"] = [
    (_S04[0], "UA", "ceasefire", "accept", 0, "UK", "readiness for an unconditional ceasefire"),
]
_S06 = (
    (
        "At the OSCE Forum for Security Cooperation (FSC), Ambassador Neil Holland calls on "
        "Russia to end its war, withdraw all its forces from all of Ukraine and to re-engage "
        "in dialogue and risk-reduction."
    ),
)
ROWS["06_uk_osce_peace_is_in_russias_gift.txt"] = [
    (_S06[0], "UK", "withdrawal", "demand", 0, None, "all forces from all of Ukraine"),
]
_S07 = (
    (
        "We have always said that Ukraine’s rightful place is in NATO, and our position is "
        "that Ukraine is on an irreversible path to NATO membership."
    ),
)
ROWS["07_hansard_commons_ukraine_uq_13feb2025.txt"] = [
    (
        _S07[0],
        "UK",
        "nato",
        "demand",
        25,
        None,
        "minister; path to membership, no timetable (next sentence)",
    ),
]
_S08 = (
    (
        "That is why, last night, I announced a deal that perfectly symbolises the new era: "
        "a partnership with Ukraine that allows them to use £1.6 billion of UK Export "
        "Finance to buy 5,000 air defence missiles, manufactured in Belfast."
    ),
)
ROWS["08_hansard_lords_pm_statement_repeat_4mar2025.txt"] = [
    (
        _S08[0],
        "UK",
        "military_aid",
        "propose",
        0,
        None,
        "PM's statement repeated: air defence missiles",
    ),
]
_S09 = (
    (
        "The King’s Speech of 17 July promised full support to Ukraine and a clear path to "
        "NATO membership."
    ),
    (
        "It echoed what David Lammy, Labour’s prospective Foreign Secretary, had written in "
        "May, which was that\n\n“the British government must leave the Kremlin with no doubt "
        "that it will support Kyiv for as long as it takes to achieve victory”."
    ),
    (
        "This, in turn, echoed the previous Government’s Grant Shapps: “We need consistently "
        "and reliably to do whatever Ukraine needs to win the war”."
    ),
    (
        "Concerning Ukraine’s clear path to NATO membership, Peter Hegseth, US Defense "
        "Secretary, has just said that “NATO membership is not a realistic outcome of a "
        "negotiated peace”."
    ),
)
ROWS["09_hansard_lords_ukraine_uk_policy_skidelsky_17mar2025.txt"] = [
    (_S09[0], "UK", "nato", "demand", None, None, "past (July 2024), reported by Lord Skidelsky"),
    (
        _S09[1],
        "UK",
        "military_aid",
        "propose",
        None,
        None,
        "past (May 2024, Lammy in opposition), reported by Lord Skidelsky; support to win",
    ),
    (
        _S09[2],
        "UK",
        "military_aid",
        "propose",
        None,
        None,
        "past (previous government), reported by Lord Skidelsky; support to win",
    ),
    (_S09[3], "US", "nato", "reject", None, None, "Hegseth, reported by Lord Skidelsky"),
]
_S10 = (
    (
        "As a couple of noble Lords have mentioned, the President of the United States has "
        "said that the killing has to stop."
    ),
    (
        "As many noble Lords have mentioned, Ukraine and the United States have agreed to a "
        "deal for an unconditional ceasefire for a period of 30 days."
    ),
)
ROWS["10_hansard_lords_ukraine_uk_policy_minto_17mar2025.txt"] = [
    (
        _S10[0],
        "US",
        "ceasefire",
        "demand",
        None,
        None,
        "the killing has to stop; reported by the Earl of Minto",
    ),
    (_S10[1], "UA", "ceasefire", "accept", 0, None, "reported by the Earl of Minto"),
    (_S10[1], "US", "ceasefire", "accept", 0, None, "reported by the Earl of Minto"),
]
_S11 = (
    (
        "We need to maintain pressure on Russia to ensure that the ceasefire leads to a "
        "secure and lasting peace."
    ),
    ("Russia could do this tomorrow by withdrawing its forces and ending its illegal invasion."),
)
ROWS["11_hansard_lords_uk_usa_discussions_26mar2025.txt"] = [
    (_S11[0], "UK", "sanctions", "demand", 0, None, "minister; pressure on Russia maintained"),
    (
        _S11[1],
        "UK",
        "withdrawal",
        "demand",
        0,
        None,
        "minister; withdrawal as the way to end the war",
    ),
]
_S12 = (
    ("The Liberal Democrats welcome the £200 million of support to the frontline in Ukraine."),
    (
        "Within hours of declaring a supposed Easter truce, Putin unleashed a fresh wave of "
        "drone and artillery attacks across many parts of the frontline."
    ),
    (
        "We welcome the Government’s work to convene discussions on creating a reassurance "
        "force for Ukraine."
    ),
)
ROWS["12_hansard_commons_ukraine_update_maguire_22apr2025.txt"] = [
    (
        _S12[0],
        "UK",
        "military_aid",
        "propose",
        None,
        None,
        "the Defence Secretary's £200m for the front, reported by Helen Maguire (LD)",
    ),
    (
        _S12[1],
        "RU",
        "ceasefire",
        "propose",
        50,
        None,
        "past: Easter truce declared; reported by an MP",
    ),
    (
        _S12[2],
        "UK",
        "foreign_troops",
        "propose",
        25,
        None,
        "the Government's reassurance force, reported by an MP",
    ),
]
_S13 = (
    (
        "All parties reiterated their strong support for President Trump’s commitment to "
        "stopping the killing and achieving a just and lasting peace."
    ),
)
ROWS["13_hansard_commons_london_talks_uq_24apr2025.txt"] = [
    (
        _S13[0],
        "US",
        "ceasefire",
        "demand",
        None,
        "UK",
        "Trump's commitment to stopping the killing",
    ),
    (
        _S13[0],
        "UK",
        "ceasefire",
        "accept",
        None,
        None,
        "all parties: the UK, France, Germany and Ukraine of the previous sentence",
    ),
    (
        _S13[0],
        "FR",
        "ceasefire",
        "accept",
        None,
        "UK",
        "all parties: the UK, France, Germany and Ukraine of the previous sentence",
    ),
    (
        _S13[0],
        "DE",
        "ceasefire",
        "accept",
        None,
        "UK",
        "all parties: the UK, France, Germany and Ukraine of the previous sentence",
    ),
    (
        _S13[0],
        "UA",
        "ceasefire",
        "accept",
        None,
        "UK",
        "all parties: the UK, France, Germany and Ukraine of the previous sentence",
    ),
]
_S14 = (
    (
        "We are closely engaged with Ukraine and our international partners to ensure that "
        "Ukraine gets the support that it needs to defend itself and achieve a just and "
        "lasting peace."
    ),
)
ROWS["14_hansard_commons_uq_future_of_war_20nov2025.txt"] = [
    (_S14[0], "UK", "military_aid", "propose", None, None, "minister; support to defend itself"),
]
_S15 = (
    (
        "As I said, it has made some progress since September, having identified more than "
        "600 children who should be returned to Ukraine, and we will use our full efforts to "
        "ensure that they are returned."
    ),
    ("That statement reiterated that an immediate ceasefire is urgently needed."),
    (
        "We should be clear that President Zelensky is ready for an immediate ceasefire, and "
        "the UK supports him in that initiative; it is President Putin who is failing to "
        "come to the table."
    ),
    (
        "It was clear in the G7 statement that the current line of contact should be the "
        "starting point, and we remain committed to the principle that international borders "
        "must not be changed by force."
    ),
    ("I do."),
)
ROWS["15_hansard_commons_uq_line_of_contact_20nov2025.txt"] = [
    (_S15[0], "UK", "prisoners", "demand", 0, None, "minister; return of deported children"),
    (_S15[1], "UK", "ceasefire", "demand", 0, None, "the Foreign Secretary's G7 statement"),
    (_S15[2], "UA", "ceasefire", "accept", 0, "UK", "ready for an immediate ceasefire"),
    (_S15[2], "UK", "ceasefire", "accept", 0, None, "supports Zelensky's initiative"),
    (_S15[3], "UK", "withdrawal", "propose", 50, None, "G7 statement, the minister's government"),
    (_S15[3], "UK", "recognition", "reject", 0, None, "borders not changed by force"),
    (
        _S15[4],
        "UK",
        "sanctions",
        "demand",
        0,
        None,
        "minister adopts the question's maximum economic pressure",
    ),
]
_S16 = (
    (
        "The PM has been clear, including in his speech last night, that\n“we must continue "
        "to back Ukraine and do what it takes to support…self-defence for as long as it "
        "takes”,\nbecause it is for Ukraine to determine its position in any future "
        "discussions."
    ),
    (
        "Putin cannot be trusted—Russia has violated multiple previous agreements—and the "
        "clearest path to peace is for Russia to withdraw its troops from Ukraine tomorrow "
        "and respect Ukrainian borders."
    ),
    ("On the NATO membership question that the right hon. Lady poses, Ukraine’s place is in NATO."),
    (
        "The allies agreed in Washington on 10 July that Ukraine is on an\n“irreversible path "
        "to full Euro-Atlantic integration, including NATO membership”,\nand the UK fully "
        "supports that goal."
    ),
)
ROWS["16_hansard_commons_ukraine_uq_3dec2024.txt"] = [
    (
        _S16[0],
        "UK",
        "military_aid",
        "propose",
        None,
        None,
        "minister quoting the PM; support self-defence",
    ),
    (_S16[1], "UK", "withdrawal", "demand", 0, None, "minister; troops out, borders respected"),
    (_S16[2], "UK", "nato", "demand", None, None, "minister"),
    (_S16[3], "NATO", "nato", "propose", None, "UK", "the allies at the Washington summit"),
    (_S16[3], "UK", "nato", "accept", None, None, "supports the allies' goal"),
]
_S17 = (
    (
        "We have led the charge in the G7, delivering six waves of unprecedented, "
        "co-ordinated sanctions that have caused a £256 billion hit to the Russian economy."
    ),
    (
        "And we were the first European country to deliver military aid, from armoured "
        "vehicles to multiple-launch rocket systems."
    ),
)
ROWS["17_hansard_commons_ukraine_update_truss_16jun2022.txt"] = [
    (_S17[0], "UK", "sanctions", "propose", 0, None, "past: the UK's own sanctions"),
    (_S17[1], "UK", "military_aid", "propose", None, None, "past: the UK's own deliveries"),
]
_S18 = (
    (
        "Today we’ve made an offer that the Ukrainians have accepted, which is to enter into "
        "a ceasefire and into immediate negotiations to end this conflict in a way that’s "
        "enduring and sustainable and accounts for their interests, their security, their "
        "ability to prosper as a nation."
    ),
    (
        "And hopefully we’ll – we’ll take this offer now to the Russians, and we hope that "
        "they’ll say yes, that they’ll say yes to peace."
    ),
)
ROWS["18_state_dept_rubio_waltz_remarks_jeddah_11mar2025.txt"] = [
    (_S18[0], "US", "ceasefire", "propose", None, None, "Rubio: the US offer"),
    (_S18[0], "UA", "ceasefire", "accept", None, "US", "Ukraine accepted the offer"),
    (
        _S18[1],
        "US",
        "ceasefire",
        "propose",
        None,
        None,
        "this offer: the ceasefire of the sentence before",
    ),
]
_S21 = (
    (
        "The coalition of the willing, as it is known, is a coalition of 31 "
        "countries[1][2][3] which have pledged strengthened support for Ukraine against "
        "Russian aggression, going further than the support delivered by the Ukraine Defense "
        "Contact Group by pledging readiness to also be part of a peacekeeping force "
        "deployed on Ukrainian territory, either by providing troops or contributing in "
        "other ways."
    ),
    (
        "The peacekeeping force is envisaged only to be deployed the moment Ukraine and "
        'Russia sign a "comprehensive ceasefire agreement" or "peace deal" to settle the '
        "ongoing Russo-Ukrainian War.[4]"
    ),
    (
        "The stated aim of the initiative is to facilitate the peace negotiation attempts "
        "launched and mediated by the United States between Ukraine and Russia in February "
        "2025, by helping to build up strong enough security guarantees for Ukraine to "
        "ensure that a potential reached ceasefire or peace deal would be lasting.[6]"
    ),
    (
        "Besides serving the role as building up a potential peacekeeping force, the "
        "coalition have also expressed readiness to increase military support for Ukraine "
        "and strengthen economic sanctions against Russia, in the event that the ongoing "
        'negotiations for a "comprehensive ceasefire" or "peace deal" would fail.'
    ),
)
ROWS["21_wikipedia_coalition_of_the_willing.txt"] = [
    (
        _S21[0],
        "UK",
        "military_aid",
        "propose",
        None,
        None,
        "coalition led by the UK and France",
    ),
    (
        _S21[0],
        "UK",
        "foreign_troops",
        "propose",
        25,
        None,
        "coalition led by the UK and France",
    ),
    (
        _S21[1],
        "UK",
        "foreign_troops",
        "condition",
        25,
        None,
        "coalition led by the UK and France; only after a ceasefire",
    ),
    (
        _S21[1],
        "UK",
        "ceasefire",
        "demand",
        None,
        None,
        "coalition led by the UK and France; the force's condition",
    ),
    (
        _S21[2],
        "UK",
        "guarantees",
        "propose",
        None,
        None,
        "coalition led by the UK and France",
    ),
    (
        _S21[3],
        "UK",
        "military_aid",
        "propose",
        0,
        None,
        "coalition led by the UK and France; more support if talks fail",
    ),
    (
        _S21[3],
        "UK",
        "sanctions",
        "propose",
        0,
        None,
        "coalition led by the UK and France; stronger sanctions if talks fail",
    ),
    (
        _S21[0],
        "FR",
        "military_aid",
        "propose",
        None,
        None,
        "coalition led by the UK and France",
    ),
    (
        _S21[0],
        "FR",
        "foreign_troops",
        "propose",
        25,
        None,
        "coalition led by the UK and France",
    ),
    (
        _S21[1],
        "FR",
        "foreign_troops",
        "condition",
        25,
        None,
        "coalition led by the UK and France; only after a ceasefire",
    ),
    (
        _S21[1],
        "FR",
        "ceasefire",
        "demand",
        None,
        None,
        "coalition led by the UK and France; the force's condition",
    ),
    (
        _S21[2],
        "FR",
        "guarantees",
        "propose",
        None,
        None,
        "coalition led by the UK and France",
    ),
    (
        _S21[3],
        "FR",
        "military_aid",
        "propose",
        0,
        None,
        "coalition led by the UK and France; more support if talks fail",
    ),
    (
        _S21[3],
        "FR",
        "sanctions",
        "propose",
        0,
        None,
        "coalition led by the UK and France; stronger sanctions if talks fail",
    ),
]


SPLIT = (
    "The 21 texts are split by kind so that each set holds at least one text of every kind with "
    "two or more texts: held out (15) are 03-06 (official statements: one Prime Minister's Office "
    "text and the three UK statements to the OSCE), 08-10, 12-15 and 17 (Hansard), 18 (State "
    "Department remarks), 20 (the one CRS report) and 21 (the one Wikipedia article); tuning (6) "
    "are 01-02 (official statements), 07, 11 and 16 (Hansard) and 19 (State Department remarks). "
    "01 and 02 repeat whole sentences of the same day's message, and 09-10 and 14-15 are parts of "
    "the same debates, so each pair stays on one side; the CRS and Wikipedia texts, one of each "
    "kind, are held out so that both kinds are measured on text nobody tuned on. Rules may be "
    "widened while looking at the tuning set only; the held-out set is for measuring."
)
SCHEME_TEXT = (
    "Hand annotations following docs/evidence-annotation.md, written before any version of the "
    "reader was run on these texts. The texts stay in ../shared/evidence-corpus (SOURCES.md gives "
    "their addresses and licences); this file holds offsets and annotations only. Offsets are "
    "character offsets of the whole sentence in the file decoded as UTF-8; actors and issues are "
    "ids of the istanbul-2025 scenario; stances are demand, propose, accept, reject, condition. "
    "Optional fields: position (the 0-100 value of the nearest labelled option the sentence "
    "implies), speaker (the scenario actor reporting another's stance), note. "
)


def build(corpus: Path, split: str) -> dict[str, Any]:
    documents = []
    for name, (side, kind, licence, date, date_note) in DOCS.items():
        if side != split:
            continue
        text, digest = gb.read(corpus / name)
        claims = [gb.claim(text, name, row) for row in ROWS[name]]
        documents.append(
            gb.document(name, digest, kind, licence, date, claims, date_note=date_note)
        )
    return gb.gold(SCHEME_TEXT + SPLIT, split, documents)


def main(argv: list[str]) -> None:
    corpus = Path(argv[0]) if argv else CORPUS
    for split, out in (("heldout", "corpus_heldout.json"), ("tuning", "corpus_tuning.json")):
        gb.write(HERE / out, build(corpus, split))


if __name__ == "__main__":
    main(sys.argv[1:])
