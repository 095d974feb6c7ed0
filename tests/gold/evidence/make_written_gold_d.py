# ruff: noqa: E501  (annotated sentences are kept whole, one per line, to match the texts)
"""Regenerate written_tuning_d.json: hand annotations of the written tuning texts, set d.

The twelve texts in tests/data/evidence_written/d*.txt were written for the project's tests, in its
own words, from the facts in ../shared/FACTS.md and the seed articles; the claims below were
annotated by hand following docs/evidence-annotation.md before any version of the reader was run
on them. Each annotated sentence is located in its file with str.find; a sentence found zero or
several times is refused. Run from the repository root:

    .venv/bin/python tests/gold/evidence/make_written_gold_d.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# gold_build sits beside this script, which is run as a file and also loaded by tests by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_build as gb

ROOT = Path(__file__).resolve().parents[3]
TEXTS = ROOT / "tests" / "data" / "evidence_written"
OUT = Path(__file__).resolve().parent / "written_tuning_d.json"

LICENCE = "written for the project"
DESCRIPTION = (
    "Hand annotations following docs/evidence-annotation.md of twelve texts written for the "
    "project's tests in its own words (tests/data/evidence_written/d*.txt, listed in README_d.md), "
    "made before any version of the reader was run on them. The texts take the forms of real "
    "kinds of text about the 2022-2025 Russia-Ukraine talks (Council of the EU and European "
    "Council texts, readouts and joint statements, press remarks and a Kremlin transcript, "
    "CRS-style reports, analysis pieces, a Ukrainian ministry statement); their facts come from "
    "../shared/FACTS.md and the seed articles, their wording is fiction. Offsets are character "
    "offsets of the whole sentence in the file decoded as UTF-8; actors and issues are ids of the "
    "istanbul-2025 scenario; stances are demand, propose, accept, reject, condition. Optional "
    "fields: position (the 0-100 value of the nearest labelled option the sentence implies), "
    "speaker (the scenario actor reporting another's stance), note. Tuning material: the reader's "
    "rules may be widened while looking at these texts."
)

Claim = dict[str, Any]


# One claim: c(actor, issue, stance, position=None, speaker=None, note=None), fields in order.
c = gb.fields


def each(
    actors: str, issue: str, stance: str, position: int | None = None, note: str | None = None
) -> list[Claim]:
    """The same claim for each member of a group the text names (E3, coalition leads)."""
    return [c(a, issue, stance, position, note=note) for a in actors.split()]


E3 = "UK FR DE"
E3_NOTE = "we: the E3 foreign ministers (UK, France, Germany)"

# (file, kind, date, [(sentence, [claims])])
DOCUMENTS: list[tuple[str, str, str, list[tuple[str, list[Claim]]]]] = [
    (
        "d01_european_council_conclusions_ukraine_20mar2025.txt",
        "official statement",
        "2025-03-20",
        [
            (
                "The European Council reiterates its unwavering support for the independence, sovereignty and territorial integrity of Ukraine within its internationally recognised borders.",
                [
                    c(
                        "EU",
                        "recognition",
                        "reject",
                        0,
                        note="territorial integrity within recognised borders: no annexation recognised",
                    )
                ],
            ),
            (
                "The European Council welcomes the joint statement issued by Ukraine and the United States in Jeddah on 11 March 2025, including the proposal for an immediate 30-day interim ceasefire put forward by the United States, which Ukraine has accepted.",
                [
                    c("EU", "ceasefire", "accept", 0, note="welcomes the Jeddah proposal"),
                    c(
                        "US",
                        "ceasefire",
                        "propose",
                        0,
                        speaker="EU",
                        note="past: the Jeddah proposal of 11 March",
                    ),
                    c(
                        "UA",
                        "ceasefire",
                        "accept",
                        0,
                        speaker="EU",
                        note="past: accepted at Jeddah",
                    ),
                ],
            ),
            (
                "It now calls on Russia to show real political will to end the war and to agree to a ceasefire on the same terms, without conditions.",
                [
                    c(
                        "EU",
                        "ceasefire",
                        "demand",
                        0,
                        note="It: the European Council; the same 30-day terms",
                    )
                ],
            ),
            (
                "The European Council underlines that any ceasefire can only be a step towards a comprehensive agreement and must be accompanied by robust and credible security guarantees for Ukraine that help deter future Russian aggression.",
                [
                    c(
                        "EU",
                        "ceasefire",
                        "condition",
                        note="a ceasefire only with security guarantees",
                    ),
                    c("EU", "guarantees", "demand"),
                ],
            ),
            (
                "The Union and its Member States stand ready to contribute to such guarantees, in accordance with their respective competences and capabilities.",
                [
                    c(
                        "EU",
                        "guarantees",
                        "propose",
                        note="such guarantees: the security guarantees of the previous sentence",
                    )
                ],
            ),
            (
                "There can be no limitation on Ukraine's armed forces, their size or their capabilities, and no restriction on Ukraine's ability to host forces of friendly third countries on its territory.",
                [
                    c("EU", "army_limits", "reject", 0),
                    c(
                        "EU",
                        "foreign_troops",
                        "reject",
                        0,
                        note="no restriction on friendly forces",
                    ),
                ],
            ),
            (
                "The European Council reaffirms the commitment of the Union and its Member States to continue providing regular and predictable military support to Ukraine, including air defence systems, ammunition and missiles, and stresses the urgency of delivering two million rounds of large-calibre ammunition in 2025.",
                [c("EU", "military_aid", "propose")],
            ),
            (
                "The Union remains determined to increase pressure on Russia, including through further sanctions and by strengthening the enforcement of existing measures to prevent their circumvention.",
                [c("EU", "sanctions", "propose", 0)],
            ),
            (
                "Russia's immobilised assets should remain immobilised until Russia ceases its war of aggression against Ukraine and compensates it for the damage caused by this war.",
                [
                    c(
                        "EU",
                        "sanctions",
                        "condition",
                        25,
                        note="assets frozen until the war ends and damage is paid",
                    )
                ],
            ),
            (
                "The European Council condemns the deportation and forcible transfer of Ukrainian children and calls for the return of all children and civilians unlawfully detained, and for the exchange of all prisoners of war.",
                [c("EU", "prisoners", "demand", 0)],
            ),
            (
                "The European Council reaffirms its commitment to Ukraine's accession process and looks forward to the opening of the first negotiating clusters as soon as the conditions are met.",
                [c("EU", "eu_membership", "propose", 25, note="accession talks, no date")],
            ),
        ],
    ),
    (
        "d02_high_representative_declaration_istanbul_memoranda_5jun2025.txt",
        "official statement",
        "2025-06-05",
        [
            (
                "The EU welcomes the agreement reached in Istanbul on the exchange of severely wounded and young prisoners of war and on the repatriation of the bodies of 6,000 fallen soldiers, and calls for these humanitarian steps to be extended to an all-for-all exchange and to the return of all deported Ukrainian children.",
                [
                    c(
                        "EU",
                        "prisoners",
                        "accept",
                        50,
                        note="welcomes the Istanbul exchange of wounded and bodies",
                    ),
                    c("EU", "prisoners", "demand", 0, note="all-for-all and the children's return"),
                ],
            ),
            (
                "Humanitarian gestures, however welcome, cannot substitute for a ceasefire.",
                [
                    c(
                        "EU",
                        "ceasefire",
                        "demand",
                        note="the declaration's own view: a ceasefire wanted beyond the humanitarian steps",
                    )
                ],
            ),
            (
                "Ukraine accepted an unconditional ceasefire proposal on 11 March and has set out in its memorandum of 2 June a full ceasefire of at least 30 days on land, in the air and at sea, monitored with the support of international partners.",
                [
                    c("UA", "ceasefire", "accept", 0, speaker="EU", note="past: Jeddah, 11 March"),
                    c(
                        "UA",
                        "ceasefire",
                        "propose",
                        0,
                        speaker="EU",
                        note="the Ukrainian memorandum",
                    ),
                ],
            ),
            (
                "It would oblige Ukraine to withdraw its forces from the whole of the Donetsk, Luhansk, Zaporizhzhia and Kherson regions, to accept limits on its armed forces and to renounce any alliance membership.",
                [
                    c(
                        "RU",
                        "withdrawal",
                        "demand",
                        100,
                        speaker="EU",
                        note="It: the Russian memorandum",
                    ),
                    c(
                        "RU",
                        "army_limits",
                        "demand",
                        speaker="EU",
                        note="It: the Russian memorandum",
                    ),
                    c(
                        "RU",
                        "nato",
                        "demand",
                        speaker="EU",
                        note="renounce alliance membership: neutrality",
                    ),
                ],
            ),
            (
                "These are not the terms of a negotiation but the terms of a capitulation.",
                [
                    c(
                        "EU",
                        "withdrawal",
                        "reject",
                        note="These: the memorandum's terms in the previous sentence",
                    ),
                    c(
                        "EU",
                        "army_limits",
                        "reject",
                        note="These: the memorandum's terms in the previous sentence",
                    ),
                    c(
                        "EU",
                        "nato",
                        "reject",
                        note="These: the memorandum's terms in the previous sentence",
                    ),
                ],
            ),
            (
                "Moscow continues to make even a temporary ceasefire conditional on an end to Western military assistance and a halt to mobilisation in Ukraine, while offering only local truces of two or three days.",
                [
                    c("RU", "ceasefire", "condition", 75, speaker="EU"),
                    c(
                        "RU",
                        "military_aid",
                        "demand",
                        100,
                        speaker="EU",
                        note="asked in return for a ceasefire",
                    ),
                    c(
                        "RU",
                        "mobilisation",
                        "demand",
                        speaker="EU",
                        note="asked in return for a ceasefire",
                    ),
                    c(
                        "RU",
                        "ceasefire",
                        "propose",
                        50,
                        speaker="EU",
                        note="local truces of two or three days",
                    ),
                ],
            ),
            (
                "The European Union reiterates that it will never recognise Russia's illegal annexation of Crimea, Donetsk, Luhansk, Zaporizhzhia and Kherson.",
                [c("EU", "recognition", "reject", 0)],
            ),
            (
                "Any settlement must fully respect Ukraine's independence, sovereignty and territorial integrity, and Ukraine's choices regarding its own future, including its path towards the European Union, are for Ukraine alone to make.",
                [
                    c("EU", "recognition", "reject", 0, note="territorial integrity respected"),
                    c(
                        "EU",
                        "eu_membership",
                        "demand",
                        note="support for Ukraine's path towards the Union",
                    ),
                ],
            ),
            (
                "The EU will continue to provide Ukraine with political, financial and military support for as long as it takes, and it is preparing a further package of sanctions to raise the cost of the war for the Kremlin.",
                [c("EU", "military_aid", "propose"), c("EU", "sanctions", "propose", 0)],
            ),
            (
                "The EU remains ready to contribute, together with its partners, to robust security guarantees for Ukraine as part of a just and lasting peace.",
                [c("EU", "guarantees", "propose")],
            ),
        ],
    ),
    (
        "d03_white_house_readout_trump_zelenskyy_call_19mar2025.txt",
        "official statement",
        "2025-03-19",
        [
            (
                "President Trump briefed President Zelenskyy on his call of March 18 with President Putin, in which President Putin agreed to an immediate halt to strikes on energy infrastructure by both sides.",
                [
                    c(
                        "RU",
                        "ceasefire",
                        "accept",
                        25,
                        speaker="US",
                        note="past: the energy moratorium of 18 March",
                    )
                ],
            ),
            (
                "President Zelenskyy agreed that Ukraine would do the same, and the leaders agreed that technical teams would meet in Saudi Arabia in the coming days to discuss broadening the ceasefire to the Black Sea on the way to a full ceasefire.",
                [
                    c(
                        "UA",
                        "ceasefire",
                        "accept",
                        25,
                        speaker="US",
                        note="do the same: halt strikes on energy infrastructure",
                    ),
                    c(
                        "US",
                        "ceasefire",
                        "propose",
                        note="the leaders agreed: broadening to the Black Sea, then a full ceasefire",
                    ),
                ],
            ),
            (
                "President Zelenskyy thanked President Trump for the resumption of intelligence sharing and security assistance after the talks in Jeddah on March 11.",
                [
                    c(
                        "US",
                        "military_aid",
                        "propose",
                        25,
                        note="past: assistance resumed after Jeddah",
                    ),
                    c(
                        "UA",
                        "military_aid",
                        "accept",
                        speaker="US",
                        note="thanks for the resumption",
                    ),
                ],
            ),
            (
                "President Zelenskyy requested additional air defense systems to protect Ukrainian civilians, particularly Patriot missile systems, and President Trump said he would work with him to find what is available, particularly in Europe.",
                [
                    c("UA", "military_aid", "demand", 0, speaker="US", note="more air defence"),
                    c("US", "military_aid", "accept", note="will look for the systems requested"),
                ],
            ),
            (
                "The two leaders discussed the return of Ukrainian children who were taken from their homes during the war, and President Trump promised to work closely with both sides to make sure that these children are returned.",
                [c("US", "prisoners", "propose", 0, note="the children's return")],
            ),
        ],
    ),
    (
        "d04_e3_foreign_ministers_statement_geneva_24nov2025.txt",
        "official statement",
        "2025-11-24",
        [
            (
                "Borders must not be changed by force.",
                each(E3, "recognition", "reject", 0, note=E3_NOTE),
            ),
            (
                "The territorial question must be negotiated starting from the current line of contact, and Ukraine cannot be asked to withdraw from territory it controls.",
                each(
                    E3,
                    "withdrawal",
                    "demand",
                    50,
                    note=E3_NOTE + "; the current line as starting point",
                )
                + each(E3, "withdrawal", "reject", 50, note=E3_NOTE + "; no Ukrainian withdrawal"),
            ),
            (
                "Ukraine's armed forces must remain able to defend the country, which is why we cannot accept a cap on them at the level set out in the original 28-point draft and have proposed a peacetime ceiling of 800,000.",
                each(E3, "army_limits", "reject", note=E3_NOTE + "; the 28-point draft's cap")
                + each(E3, "army_limits", "propose", 50, note=E3_NOTE + "; a ceiling of 800,000"),
            ),
            (
                "Ukraine's future membership of NATO is a decision for the members of the Alliance to take by consensus; it cannot be foreclosed in a bilateral document.",
                each(
                    E3,
                    "nato",
                    "reject",
                    25,
                    note="the E3; membership not to be foreclosed, the door stays open",
                ),
            ),
            (
                "Ukraine needs robust security guarantees, including an Article 5-like commitment from the United States, and we stand ready to contribute to them together with our partners in the Coalition of the Willing.",
                each(E3, "guarantees", "demand", 0, note=E3_NOTE)
                + each(
                    E3, "guarantees", "propose", note=E3_NOTE + " with the Coalition of the Willing"
                ),
            ),
            (
                "France and the United Kingdom, which lead that coalition, are prepared to deploy a multinational force to Ukraine once hostilities have ceased, to help regenerate its armed forces and secure its skies and seas.",
                [
                    c("FR", "foreign_troops", "propose", 25, note="the coalition's force"),
                    c("UK", "foreign_troops", "propose", 25, note="the coalition's force"),
                ],
            ),
            (
                "We call on Russia to demonstrate its commitment to peace by agreeing to a full and unconditional ceasefire.",
                each(E3, "ceasefire", "demand", 0, note=E3_NOTE),
            ),
            (
                "Until it does so, we will keep tightening sanctions on its energy revenues and on the shadow fleet that carries them.",
                each(
                    E3,
                    "sanctions",
                    "propose",
                    0,
                    note=E3_NOTE + "; until Russia agrees to a ceasefire",
                ),
            ),
        ],
    ),
    (
        "d05_rubio_sybiha_remarks_washington_4jun2025.txt",
        "press remarks transcript",
        "2025-06-04",
        [
            (
                "But there was an agreement on another exchange of prisoners, which we welcome, and we'd like to see that become an all-for-all exchange.",
                [
                    c(
                        "US",
                        "prisoners",
                        "accept",
                        note="Secretary Rubio welcomes the Istanbul exchange",
                    ),
                    c("US", "prisoners", "demand", 25, note="all-for-all"),
                ],
            ),
            (
                "He wants the killing to stop, and he believes the way to get there is a ceasefire that holds, followed by talks on the bigger issues.",
                [c("US", "ceasefire", "demand", note="He: the President")],
            ),
            (
                "Ukraine came to Istanbul to reach a ceasefire, and we put on the table a full and unconditional ceasefire for at least thirty days.",
                [c("UA", "ceasefire", "propose", 0, note="Foreign Minister Sybiha")],
            ),
            (
                "Their document demands that we pull our troops out of our own cities in four regions and that we cut our army to a size that could not defend the country.",
                [
                    c(
                        "RU",
                        "withdrawal",
                        "demand",
                        100,
                        speaker="UA",
                        note="Their document: the Russian memorandum",
                    ),
                    c(
                        "RU",
                        "army_limits",
                        "demand",
                        speaker="UA",
                        note="Their document: the Russian memorandum",
                    ),
                ],
            ),
            (
                "We will not trade our land for a piece of paper, and we will never recognize any part of Ukraine as Russian.",
                [
                    c("UA", "withdrawal", "reject", note="will not trade our land"),
                    c("UA", "recognition", "reject", 0),
                ],
            ),
            (
                "We count on the United States to increase pressure on Moscow, including through the sanctions bill of Senator Graham.",
                [c("UA", "sanctions", "demand", 0)],
            ),
            (
                "On the bill, we're in close contact with Senator Graham, and the President has said he'd support moving it forward if the Russians aren't serious about peace.",
                [
                    c(
                        "US",
                        "sanctions",
                        "condition",
                        0,
                        note="the bill: the sanctions bill of the question",
                    )
                ],
            ),
            (
                "On weapons, nothing has changed: what was authorized is moving, and we continue to share intelligence.",
                [c("US", "military_aid", "propose", 25)],
            ),
            (
                "The current line of contact can be the starting point for talks on territory.",
                [c("UA", "withdrawal", "propose", 50)],
            ),
            (
                "But first the guns must fall silent, and that is the sequence we agreed with our American partners in Jeddah.",
                [
                    c("UA", "ceasefire", "demand", note="the guns fall silent first"),
                    c(
                        "US",
                        "ceasefire",
                        "accept",
                        speaker="UA",
                        note="past: the sequence agreed at Jeddah",
                    ),
                ],
            ),
            (
                "And let me be clear: Ukraine will never accept limits on its army or a ban on its choice of alliances.",
                [
                    c("UA", "army_limits", "reject", 0),
                    c("UA", "nato", "reject", note="a ban on its choice of alliances: neutrality"),
                ],
            ),
        ],
    ),
    (
        "d06_nato_secretary_general_pre_summit_press_conference_23jun2025.txt",
        "press remarks transcript",
        "2025-06-23",
        [
            (
                "Allies continue to provide Ukraine with unprecedented support, with more than 35 billion euros in security assistance already pledged this year, and I expect that support to continue and to grow.",
                [
                    c(
                        "NATO",
                        "military_aid",
                        "propose",
                        0,
                        note="Allies: NATO, said by its Secretary General",
                    )
                ],
            ),
            (
                "Through our command in Wiesbaden, NATO now coordinates the delivery of almost all of that equipment and training.",
                [c("NATO", "military_aid", "propose")],
            ),
            (
                "Nothing has changed in the decisions we took in Washington last year, when Allies agreed that Ukraine is on an irreversible path to full Euro-Atlantic integration, including NATO membership.",
                [
                    c(
                        "NATO",
                        "nato",
                        "demand",
                        25,
                        note="past: the Washington summit of 2024; a path without an invitation (next sentence)",
                    )
                ],
            ),
            (
                "The Kremlin keeps saying that any troops from NATO countries in Ukraine are unacceptable under any agreement.",
                [c("RU", "foreign_troops", "reject", note="reported by a journalist (Ukrinform)")],
            ),
            (
                "The Coalition of the Willing, led by the United Kingdom and France, is planning a reassurance force for the day after a ceasefire, and that is their decision to take, not Moscow's.",
                [
                    c(
                        "UK",
                        "foreign_troops",
                        "propose",
                        25,
                        speaker="NATO",
                        note="the Coalition of the Willing, led by the UK and France",
                    ),
                    c(
                        "FR",
                        "foreign_troops",
                        "propose",
                        25,
                        speaker="NATO",
                        note="the Coalition of the Willing, led by the UK and France",
                    ),
                ],
            ),
            (
                "What matters is that any ceasefire is backed by security guarantees strong enough that Putin will never try this again.",
                [
                    c("NATO", "guarantees", "demand"),
                    c("NATO", "ceasefire", "condition", note="a ceasefire backed by guarantees"),
                ],
            ),
            (
                "The United States has made clear it will be part of that in some way.",
                [
                    c(
                        "US",
                        "guarantees",
                        "propose",
                        speaker="NATO",
                        note="that: the security guarantees of the previous sentence",
                    )
                ],
            ),
            (
                "But I welcome every step that increases the pressure on Russia, and the European Union is working on its eighteenth sanctions package.",
                [
                    c("NATO", "sanctions", "accept", 0),
                    c("EU", "sanctions", "propose", 0, speaker="NATO"),
                ],
            ),
            (
                "Ukraine accepted the unconditional ceasefire in Jeddah in March; Russia still hasn't.",
                [
                    c("UA", "ceasefire", "accept", 0, speaker="NATO", note="past: Jeddah, March"),
                    c(
                        "RU",
                        "ceasefire",
                        "reject",
                        speaker="NATO",
                        note="has not accepted the Jeddah ceasefire",
                    ),
                ],
            ),
        ],
    ),
    (
        "d07_crs_in_focus_peace_negotiations_5sep2025.txt",
        "analysis/report",
        "2025-09-05",
        [
            (
                "On March 11, 2025, after talks in Jeddah, Saudi Arabia, the United States and Ukraine issued a joint statement in which Ukraine expressed readiness to accept an immediate, interim 30-day ceasefire, extendable by mutual agreement and subject to acceptance by Russia.",
                [c("UA", "ceasefire", "accept", 0, note="past: Jeddah, reported by the CRS")],
            ),
            (
                "The United States resumed intelligence sharing and security assistance to Ukraine the same day.",
                [c("US", "military_aid", "propose", 25, note="past: resumed on 11 March")],
            ),
            (
                "In a March 18 call with President Trump, President Putin rejected a full ceasefire but agreed to a 30-day halt to strikes on energy infrastructure.",
                [
                    c("RU", "ceasefire", "reject", note="past: a full ceasefire, 18 March"),
                    c("RU", "ceasefire", "accept", 25, note="past: the energy moratorium"),
                ],
            ),
            (
                "He stated that a comprehensive ceasefire would require an end to foreign military aid and intelligence sharing and a halt to Ukrainian mobilization and rearmament.",
                [
                    c("RU", "ceasefire", "condition", 75, note="He: Putin; past, 18 March"),
                    c(
                        "RU",
                        "military_aid",
                        "demand",
                        100,
                        note="He: Putin; asked in return for a ceasefire",
                    ),
                    c(
                        "RU",
                        "mobilisation",
                        "demand",
                        note="He: Putin; asked in return for a ceasefire",
                    ),
                ],
            ),
            (
                "At follow-up talks in Riyadh on March 23-25, Moscow conditioned a Black Sea navigation arrangement on the lifting of sanctions on the state agricultural bank Rosselkhozbank and its reconnection to SWIFT.",
                [
                    c(
                        "RU",
                        "ceasefire",
                        "condition",
                        25,
                        note="past: the Black Sea arrangement, a partial ceasefire at sea",
                    ),
                    c(
                        "RU",
                        "sanctions",
                        "demand",
                        75,
                        note="past: relief for the agricultural bank",
                    ),
                ],
            ),
            (
                "Russia's text calls for Ukraine's withdrawal from the four regions Russia claims, international recognition of Crimea and those regions as Russian, Ukrainian neutrality, and the lifting of sanctions; as an alternative path to a ceasefire, it lists an end to mobilization and to Western arms deliveries and the holding of elections within 100 days.",
                [
                    c("RU", "withdrawal", "demand", 100, note="the Russian memorandum"),
                    c("RU", "recognition", "demand", 100, note="the Russian memorandum"),
                    c("RU", "nato", "demand", note="the Russian memorandum: neutrality"),
                    c("RU", "sanctions", "demand", 100, note="the Russian memorandum"),
                    c(
                        "RU",
                        "ceasefire",
                        "condition",
                        75,
                        note="the memorandum's alternative path to a ceasefire",
                    ),
                    c("RU", "mobilisation", "demand", note="the Russian memorandum"),
                    c("RU", "military_aid", "demand", 100, note="the Russian memorandum"),
                    c("RU", "elections", "demand", 100, note="the Russian memorandum"),
                ],
            ),
            (
                "Ukraine's memorandum proposes a ceasefire of at least 30 days on land, air, and sea with U.S.-led monitoring, an all-for-all prisoner exchange and the return of deported children, and rejects any neutrality obligation or limits on its armed forces.",
                [
                    c("UA", "ceasefire", "propose", 0),
                    c("UA", "prisoners", "propose", 0),
                    c("UA", "nato", "reject", note="no neutrality obligation"),
                    c("UA", "army_limits", "reject", 0),
                ],
            ),
            (
                "According to press reports, Putin sought Ukraine's withdrawal from the remainder of the Donetsk region.",
                [c("RU", "withdrawal", "demand", 75, note="past: Anchorage, the rest of Donetsk")],
            ),
            (
                "President Trump subsequently stated that the parties should go directly to a peace agreement rather than a ceasefire.",
                [
                    c(
                        "US",
                        "ceasefire",
                        "reject",
                        note="a peace agreement wanted instead of a ceasefire first",
                    )
                ],
            ),
        ],
    ),
    (
        "d08_crs_insight_sanctions_relief_peace_proposals_2dec2025.txt",
        "analysis/report",
        "2025-12-02",
        [
            (
                "Economic sanctions on Russia, imposed by the United States, the European Union (EU), the United Kingdom, and other partners since 2014 and greatly expanded since 2022, have become one of the issues in negotiations to end the war.",
                [
                    c("US", "sanctions", "propose", 0, note="past: sanctions imposed and expanded"),
                    c("EU", "sanctions", "propose", 0, note="past: sanctions imposed and expanded"),
                    c("UK", "sanctions", "propose", 0, note="past: sanctions imposed and expanded"),
                ],
            ),
            (
                "The framework that U.S. officials presented to the parties in April 2025, as reported by Reuters, would have lifted sanctions imposed on Russia since 2014.",
                [c("US", "sanctions", "propose", 100, note="past: the April framework")],
            ),
            (
                "The draft 28-point plan that U.S. officials presented to Ukraine on November 20, 2025, provides for sanctions to be lifted in stages and case by case, and for $100 billion of frozen Russian sovereign assets to be invested in U.S.-led reconstruction efforts in Ukraine.",
                [c("US", "sanctions", "propose", 50, note="the 28-point plan: staged relief")],
            ),
            (
                "Administration officials have said that relief would come only as part of a settlement.",
                [c("US", "sanctions", "condition", 25, note="relief: sanctions relief")],
            ),
            (
                "President Trump has at times threatened additional sanctions if Moscow did not agree to a ceasefire.",
                [
                    c(
                        "US",
                        "sanctions",
                        "condition",
                        0,
                        note="more sanctions unless Russia agrees to a ceasefire",
                    ),
                    c(
                        "US",
                        "ceasefire",
                        "demand",
                        note="asked of Moscow under threat of sanctions",
                    ),
                ],
            ),
            (
                "Russia's June 2 memorandum calls for the lifting of all sanctions and a mutual waiver of claims for war damage.",
                [c("RU", "sanctions", "demand", 100)],
            ),
            (
                "In March, at Riyadh, Moscow had tied a Black Sea navigation arrangement to relief for Rosselkhozbank.",
                [
                    c(
                        "RU",
                        "ceasefire",
                        "condition",
                        25,
                        note="past: the Black Sea arrangement, a partial ceasefire at sea",
                    ),
                    c(
                        "RU",
                        "sanctions",
                        "demand",
                        75,
                        note="past: relief for the agricultural bank",
                    ),
                ],
            ),
            (
                "Ukraine's memorandum, by contrast, would allow sanctions relief only in stages, with a mechanism to reimpose measures if Russia violates the agreement, and would keep frozen assets available for Ukraine's reconstruction.",
                [c("UA", "sanctions", "propose", 50, note="staged relief with snapback")],
            ),
            (
                "The EU has stated that its sanctions will remain in place until Russia ends its war and that Russia's assets held in the Union will stay immobilized until Russia compensates Ukraine.",
                [c("EU", "sanctions", "condition", 25)],
            ),
        ],
    ),
    (
        "d09_thinktank_commentary_reassurance_force_20may2025.txt",
        "analysis/report",
        "2025-05-20",
        [
            (
                "Since March, the United Kingdom and France have led a coalition of some thirty countries planning a force that could deploy to Ukraine after the fighting stops, most often described as numbering between 10,000 and 40,000 troops.",
                [
                    c(
                        "UK",
                        "foreign_troops",
                        "propose",
                        25,
                        note="the coalition's force, led by the UK and France",
                    ),
                    c(
                        "FR",
                        "foreign_troops",
                        "propose",
                        25,
                        note="the coalition's force, led by the UK and France",
                    ),
                ],
            ),
            (
                '"We are prepared to put our own troops on the ground, if necessary, to help secure a deal," the British prime minister told reporters in March.',
                [
                    c(
                        "UK",
                        "foreign_troops",
                        "propose",
                        25,
                        note="past: the Prime Minister in March",
                    )
                ],
            ),
            (
                "President Macron has spoken of a force stationed away from the front line, in cities and at key sites, rather than along it.",
                [c("FR", "foreign_troops", "propose", 25, note="the coalition's force")],
            ),
            (
                '"The deployment of troops from NATO countries, under whatever flag, is absolutely unacceptable to us," Dmitry Peskov, the Kremlin spokesman, said last week.',
                [c("RU", "foreign_troops", "reject", note="Peskov, Kremlin spokesman")],
            ),
            (
                "In the spring of 2022 Russian negotiators insisted that Ukraine never host foreign forces, a demand that Russian officials say will be part of the memorandum they have promised to hand over.",
                [
                    c(
                        "RU",
                        "foreign_troops",
                        "demand",
                        100,
                        note="past: Istanbul 2022, to be repeated in the memorandum",
                    )
                ],
            ),
            (
                "Kyiv, for its part, sees a European contingent as the first tangible part of a wider arrangement.",
                [c("UA", "foreign_troops", "accept", 25, note="a European contingent welcomed")],
            ),
            (
                "Foreign Minister Andrii Sybiha has said his country would welcome troops from partner states on its soil.",
                [c("UA", "foreign_troops", "accept")],
            ),
            (
                '"Security guarantees that exist only on paper are not guarantees at all," President Zelensky said in Kyiv on 10 May, standing beside the leaders of France, Germany, Poland and the United Kingdom.',
                [c("UA", "guarantees", "demand", note="guarantees that are more than paper")],
            ),
        ],
    ),
    (
        "d10_newspaper_analysis_istanbul_memoranda_3jun2025.txt",
        "analysis/report",
        "2025-06-03",
        [
            (
                '"We are not against a ceasefire, but not one that lets Kyiv rearm," Vladimir Medinsky, the Kremlin aide who led Russia\'s delegation, told reporters afterwards.',
                [
                    c(
                        "RU",
                        "ceasefire",
                        "condition",
                        75,
                        note="Medinsky, head of the Russian delegation",
                    )
                ],
            ),
            (
                "He said Moscow had offered a truce of two to three days in some sections of the front so that the bodies of the dead could be collected.",
                [c("RU", "ceasefire", "propose", 50, note="He: Medinsky")],
            ),
            (
                "Ukraine's defence minister, Rustem Umerov, said Kyiv had handed over its own road map and had pressed for an all-for-all exchange of prisoners.",
                [c("UA", "prisoners", "demand", 25)],
            ),
            (
                "Russia agreed only to swap severely wounded and young soldiers and to return the bodies of 6,000 fallen Ukrainians.",
                [
                    c(
                        "RU",
                        "prisoners",
                        "accept",
                        50,
                        note="swap of wounded and young soldiers, bodies returned",
                    )
                ],
            ),
            (
                "The Russian document, published afterwards by state media, offers Kyiv two routes to a ceasefire.",
                [
                    c(
                        "RU",
                        "ceasefire",
                        "condition",
                        note="two routes: the conditions told in the next sentences",
                    )
                ],
            ),
            (
                "In the first, Ukrainian troops would leave the Donetsk, Luhansk, Zaporizhzhia and Kherson regions altogether.",
                [
                    c(
                        "RU",
                        "withdrawal",
                        "demand",
                        100,
                        note="the first route to a ceasefire in the Russian memorandum",
                    ),
                    c(
                        "RU",
                        "ceasefire",
                        "condition",
                        100,
                        note="the first route to a ceasefire in the Russian memorandum",
                    ),
                ],
            ),
            (
                "In the second, Kyiv would halt mobilisation, stop receiving Western weapons, satellite communications and intelligence, and hold elections within 100 days.",
                [
                    c(
                        "RU",
                        "ceasefire",
                        "condition",
                        75,
                        note="the second route to a ceasefire in the Russian memorandum",
                    ),
                    c("RU", "mobilisation", "demand", note="the second route to a ceasefire"),
                    c("RU", "military_aid", "demand", 100, note="the second route to a ceasefire"),
                    c("RU", "elections", "demand", 100, note="the second route to a ceasefire"),
                ],
            ),
            (
                "A final settlement, under the memorandum, would oblige Kyiv to accept neutrality, cap its armed forces and make Russian an official language.",
                [
                    c("RU", "nato", "demand", note="the Russian memorandum: neutrality"),
                    c("RU", "army_limits", "demand", note="the Russian memorandum"),
                    c("RU", "language", "demand", 100, note="the Russian memorandum"),
                ],
            ),
            (
                "Kyiv's own memorandum, delivered to the Russian side on May 28, asks for a ceasefire of at least 30 days on land, in the air and at sea, monitored with American participation.",
                [c("UA", "ceasefire", "demand", 0, note="the Ukrainian memorandum")],
            ),
            (
                "It states that Ukraine will not be bound to neutrality and will not recognise any occupied territory as Russian.",
                [
                    c("UA", "nato", "reject", note="It: the Ukrainian memorandum; no neutrality"),
                    c("UA", "recognition", "reject", 0, note="It: the Ukrainian memorandum"),
                ],
            ),
            (
                'In Washington, Keith Kellogg, the U.S. envoy, said on television that the Russian demands on troop numbers were "a nonstarter."',
                [
                    c(
                        "US",
                        "army_limits",
                        "reject",
                        note="Kellogg, US envoy: the caps on Ukraine's forces",
                    )
                ],
            ),
            (
                "European governments, which Moscow wants to see stop arming Ukraine, were not in the room, though their money and weapons would be needed for any deal to hold.",
                [c("RU", "military_aid", "demand", 100)],
            ),
        ],
    ),
    (
        "d11_kremlin_answers_to_media_questions_minsk_27jun2025.txt",
        "press remarks transcript",
        "2025-06-27",
        [
            (
                "The exchanges agreed in Istanbul are going ahead; they are being carried out in stages, and we have already handed over more than six thousand bodies of Ukrainian servicemen.",
                [
                    c(
                        "RU",
                        "prisoners",
                        "accept",
                        50,
                        note="the exchanges agreed in Istanbul, bodies returned",
                    )
                ],
            ),
            (
                "As for a ceasefire, we have said this many times: we are not against it.",
                [c("RU", "ceasefire", "accept", note="Putin: in principle; the conditions follow")],
            ),
            (
                "But a ceasefire that gives the Ukrainian armed forces a pause to carry out forced mobilisation, train new units and receive new weapons from the West - we will not agree to that.",
                [
                    c("RU", "ceasefire", "condition", 75),
                    c("RU", "mobilisation", "demand", note="asked in return for a ceasefire"),
                    c("RU", "military_aid", "demand", 100, note="asked in return for a ceasefire"),
                ],
            ),
            (
                "Look, our position was set out in June last year, at the Foreign Ministry, and it has not changed: Ukrainian troops must be withdrawn from the four regions, and Ukraine must have a non-bloc, non-nuclear status.",
                [
                    c("RU", "withdrawal", "demand", 100, note="stated since June 2024"),
                    c("RU", "nato", "demand", 100, note="non-bloc, non-nuclear status"),
                ],
            ),
            (
                "The new regions are part of the Russian Federation under our Constitution, and that is not a subject for bargaining.",
                [c("RU", "recognition", "demand", 100)],
            ),
            (
                "We have said it more than once: the appearance of troops from NATO countries in Ukraine, under any flag, is unacceptable for us, and they know it.",
                [c("RU", "foreign_troops", "reject")],
            ),
            (
                "Security guarantees for Ukraine can be discussed, of course, but they must also be guarantees for Russia, and the guarantors must include the permanent members of the Security Council, as was written in Istanbul in 2022.",
                [c("RU", "guarantees", "condition", 100, note="Russia among the guarantors")],
            ),
            (
                "Elections must be held in Ukraine, and then there will be a legitimate partner to sign with.",
                [c("RU", "elections", "demand")],
            ),
            (
                "If the American side is ready to restore normal economic ties, we are ready too, and we would expect the restrictions on our agricultural exports and on our banks to be lifted first.",
                [
                    c(
                        "RU",
                        "sanctions",
                        "demand",
                        75,
                        note="restrictions on agricultural exports and banks lifted",
                    )
                ],
            ),
        ],
    ),
    (
        "d12_ukraine_mfa_statement_third_istanbul_round_24jul2025.txt",
        "official statement",
        "2025-07-24",
        [
            (
                "The parties agreed on a new exchange of 1,200 prisoners of war from each side.",
                [
                    c("UA", "prisoners", "accept", 50, note="the parties: Ukraine and Russia"),
                    c(
                        "RU",
                        "prisoners",
                        "accept",
                        50,
                        speaker="UA",
                        note="the parties: Ukraine and Russia",
                    ),
                ],
            ),
            (
                "The Ukrainian side also handed over lists of civilians and of children illegally deported by Russia, whose return Ukraine demands without any preconditions.",
                [c("UA", "prisoners", "demand", 0)],
            ),
            (
                "At the same time, the Russian side once again refused to agree to a full and unconditional ceasefire, which Ukraine has supported since 11 March.",
                [
                    c("RU", "ceasefire", "reject", speaker="UA"),
                    c(
                        "UA",
                        "ceasefire",
                        "accept",
                        0,
                        note="past: supported since Jeddah, 11 March",
                    ),
                ],
            ),
            (
                "The current line of contact may serve as a starting point for negotiations on territorial issues, but Ukraine will never recognise the temporarily occupied territories as Russian, neither de jure nor de facto.",
                [c("UA", "withdrawal", "propose", 50), c("UA", "recognition", "reject", 0)],
            ),
            (
                "The so-called memorandum of the Russian side, which would require the withdrawal of the Defence Forces of Ukraine from the territory of four Ukrainian regions, is unacceptable and contradicts the UN Charter.",
                [
                    c(
                        "RU",
                        "withdrawal",
                        "demand",
                        100,
                        speaker="UA",
                        note="the Russian memorandum",
                    ),
                    c("UA", "withdrawal", "reject"),
                ],
            ),
            (
                "Any limitation of the strength of the Armed Forces of Ukraine, or restriction of the sovereign right of Ukraine to choose its alliances and to join the European Union and NATO, will not be the subject of negotiations.",
                [
                    c("UA", "army_limits", "reject", 0),
                    c("UA", "nato", "reject", 0, note="no restriction on joining NATO"),
                    c("UA", "eu_membership", "reject", note="no restriction on joining the EU"),
                ],
            ),
            (
                "Ukraine calls on its partners to increase pressure on the aggressor through sanctions, including on the shadow fleet and on Russia's energy revenues, and to continue strengthening the air defence of Ukraine.",
                [c("UA", "sanctions", "demand", 0), c("UA", "military_aid", "demand", 0)],
            ),
            (
                "We welcome the adoption by the Council of the European Union on 18 July of the 18th package of sanctions against Russia.",
                [
                    c("UA", "sanctions", "accept", 0),
                    c(
                        "EU",
                        "sanctions",
                        "propose",
                        0,
                        speaker="UA",
                        note="past: the 18th package, 18 July",
                    ),
                ],
            ),
            (
                "Only real pressure can force Russia to stop the war.",
                [c("UA", "sanctions", "demand", 0, note="pressure on Russia")],
            ),
        ],
    ),
]


def build(texts: Path = TEXTS) -> dict[str, Any]:
    """The gold file's content, computed from the texts and the annotations above."""
    documents = []
    for file, kind, date, sentences in DOCUMENTS:
        text, digest = gb.read(texts / file)
        claims = [
            gb.placed(text, file, sentence, claim)
            for sentence, found in sentences
            for claim in found
        ]
        claims.sort(key=lambda x: (x["start"], x["actor"], x["issue"], x["stance"]))
        documents.append(gb.document(file, digest, kind, LICENCE, date, claims))
    return gb.gold(DESCRIPTION, "tuning", documents)


def main() -> int:
    gb.write(OUT, build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
