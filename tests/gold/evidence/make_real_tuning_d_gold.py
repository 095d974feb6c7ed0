"""Regenerate real_tuning_d.json: hand annotations of the fourth real tuning set, the openly
licensed US federal government and EU institution texts in tests/data/evidence_real_tuning_d,
written by following docs/evidence-annotation.md before any version of the reader was run on
these texts. They are tuning material: the reader's rules may be widened while looking at them,
so they never measure it.

Attribution of the quoted sentences below (kept only to locate the annotated spans):
* US Mission to the UN, Department of State, White House, Department of the Treasury and
  Department of Defense texts (files 01, 08-14): works of the US federal government, in the
  public domain.
* European Council, Commission, EEAS and EU Delegation texts (files 02-07, 15): (c) European
  Union, reproduction authorised provided the source is acknowledged.
Addresses and dates of every text are in tests/data/evidence_real_tuning_d/SOURCES.md.

Each annotated sentence is kept whole; the script finds it with str.find, refuses a sentence
found zero or several times, and writes its character offsets, the file's sha256 and the
annotation fields.

Run: .venv/bin/python tests/gold/evidence/make_real_tuning_d_gold.py [TEXTS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# gold_build sits beside this script, which is run as a file and also loaded by tests by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_build as gb
from gold_build import EUR, OFFICIAL, PRESS, READOUT, USPD

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parents[1] / "data" / "evidence_real_tuning_d"
OUT = HERE / "real_tuning_d.json"
SPLIT = "tuning"


# file: (kind, licence, date, date note)
DOCS: dict[str, tuple[str, str, str, str | None]] = {
    "01_us_un_kelley_briefing_ukraine_29may2025.txt": (OFFICIAL, USPD, "2025-05-29", None),
    "02_euco_members_joint_statement_24feb2022.txt": (READOUT, EUR, "2022-02-24", None),
    "03_eu_presidents_statement_russian_aggression_22feb2022.txt": (
        OFFICIAL,
        EUR,
        "2022-02-22",
        None,
    ),
    "04_eeas_hr_statement_indiscriminate_attacks_18apr2022.txt": (
        OFFICIAL,
        EUR,
        "2022-04-18",
        "inferred, not in the stored copy: issued on the Monday of the deadly missile strikes on "
        "Lviv (18 April 2022), as reports of the statement say",
    ),
    "05_euco_conclusions_ukraine_23jun2022.txt": (OFFICIAL, EUR, "2022-06-23", None),
    "06_euco_conclusions_ukraine_19dec2024.txt": (OFFICIAL, EUR, "2024-12-19", None),
    "07_eu_osce_statement_ongoing_aggression_may2023.txt": (
        OFFICIAL,
        EUR,
        "2023-05-11",
        "inferred: Europe Day (9 May) just past and the Council's ammunition agreement of "
        "5 May 2023 'last week'",
    ),
    "08_state_blinken_kuleba_call_31may2024.txt": (READOUT, USPD, "2024-05-31", None),
    "09_state_blinken_kuleba_call_apr2022.txt": (
        READOUT,
        USPD,
        "2022-04-14",
        "inferred, not in the stored copy: the $800 million drawdown of 13 April 2022 is the "
        "'most recent', Mariupol still defended",
    ),
    "10_wh_biden_zelenskyy_call_24aug2023.txt": (READOUT, USPD, "2023-08-24", None),
    "11_treasury_guidance_russian_oil_import_ban_8mar2022.txt": (
        OFFICIAL,
        USPD,
        "2022-03-08",
        "inferred: the President's ban on Russian oil imports was announced on 8 March 2022",
    ),
    "12_dod_austin_udcg22_opening_remarks_may2024.txt": (
        OFFICIAL,
        USPD,
        "2024-05-20",
        "inferred: the 22nd Contact Group meeting; the supplemental signed 'last month' "
        "(24 April 2024)",
    ),
    "13_state_rubio_lavrov_call_may2025.txt": (
        READOUT,
        USPD,
        "2025-05-26",
        "inferred: the 1,000-for-1,000 exchange of 23-25 May 2025 took place 'over the weekend'",
    ),
    "14_state_blinken_kuleba_call_may2022.txt": (
        READOUT,
        USPD,
        "2022-05-25",
        "inferred, approximate: after the supplemental signed on 21 May 2022",
    ),
    "15_eeas_kallas_remarks_fac_luxembourg_14apr2025.txt": (PRESS, EUR, "2025-04-14", None),
}

# (sentence, actor, issue, stance, position, speaker, note)
Row = gb.Row
ROWS: dict[str, list[Row]] = {name: [] for name in DOCS}

_T01 = (
    (
        "As the first step on the path to peace, the United States put forward a proposal for an "
        "immediate, unconditional, and comprehensive ceasefire."
    ),
    "Ukraine unequivocally accepted, pending Russia’s agreement to do the same.",
    "Since then, we have been urging Russia to accept a ceasefire.",
    (
        "On the other hand, the recent agreement, by both Russia and Ukraine, to exchange one "
        "thousand prisoners is an indication of what might be possible."
    ),
    (
        "If both Russia and Ukraine are truly interested in peace, the United States will work "
        "with both parties, with European partners, and with the United Nations to help achieve "
        "that goal, beginning with a meaningful ceasefire."
    ),
)
_SWAP = "the 1,000-for-1,000 exchange agreed in Istanbul"
ROWS["01_us_un_kelley_briefing_ukraine_29may2025.txt"] = [
    (_T01[0], "US", "ceasefire", "propose", 0, None, "past: the US proposal"),
    (_T01[1], "UA", "ceasefire", "accept", 0, "US", "the US proposal, pending Russia's agreement"),
    (_T01[2], "US", "ceasefire", "demand", None, None, "urging Russia to accept"),
    (_T01[3], "RU", "prisoners", "accept", 50, "US", _SWAP),
    (_T01[3], "UA", "prisoners", "accept", 50, "US", _SWAP),
    (_T01[3], "US", "prisoners", "accept", 50, None, "the exchange seen as hopeful"),
    (_T01[4], "US", "ceasefire", "propose", None, None, "conditional on both sides' interest"),
]

_T02 = (
    (
        "We demand that Russia immediately ceases military actions, unconditionally withdraws all "
        "forces and military equipment from the entire territory of Ukraine and fully respects "
        "Ukraine's territorial integrity, sovereignty and independence."
    ),
    (
        "We will meet later today to discuss this blatant aggression and agree in principle on "
        "further restrictive measures that will impose massive and severe consequences on Russia "
        "for its action, in close coordination with our transatlantic partners."
    ),
)
_MEMBERS = "the members of the European Council"
ROWS["02_euco_members_joint_statement_24feb2022.txt"] = [
    (_T02[0], "EU", "ceasefire", "demand", None, None, "cease military actions; " + _MEMBERS),
    (_T02[0], "EU", "withdrawal", "demand", 0, None, _MEMBERS),
    (_T02[0], "EU", "recognition", "reject", 0, None, "respect for territorial integrity"),
    (_T02[1], "EU", "sanctions", "propose", 0, None, "further restrictive measures"),
]

_T03 = (
    (
        "The decision of the Russian Federation to recognise as independent entities and send "
        "Russian troops to certain areas of Ukraine's Donetsk and Luhansk oblasts is illegal and "
        "unacceptable."
    ),
    (
        "It violates international law, Ukraine's territorial integrity and sovereignty, Russia's "
        "own international commitments and it further escalates the crisis."
    ),
    "Following that, a first package of sanctions will be formally tabled later this afternoon.",
    "Appropriate bodies will then meet to finalise the package without delay.",
    "The package contains proposals:",
    (
        "The EU has prepared and stands ready to adopt additional measures at a later stage if "
        "needed in the light of further developments."
    ),
)
_PRESIDENTS = "the Presidents of the Commission and the European Council"
ROWS["03_eu_presidents_statement_russian_aggression_22feb2022.txt"] = [
    (_T03[0], "EU", "recognition", "reject", 0, None, "Russia's recognition of the entities"),
    (_T03[1], "EU", "recognition", "reject", 0, None, "'It': Russia's recognition of the entities"),
    (_T03[2], "EU", "sanctions", "propose", 0, None, _PRESIDENTS),
    (_T03[3], "EU", "sanctions", "propose", None, None, "'the package' of sanctions"),
    (_T03[4], "EU", "sanctions", "propose", None, None, "'the package' of sanctions"),
    (_T03[5], "EU", "sanctions", "propose", 0, None, "additional measures if needed"),
]

_T04 = (
    (
        "The EU commends the Ukrainian people’s strength, courage and resistance to withstand "
        "Russia’s aggression and stands with them in firm solidarity, including by supporting the "
        "delivery of military equipment."
    ),
    (
        "Russia must immediately and unconditionally cease hostilities and withdraw all forces "
        "and military equipment from Ukraine."
    ),
)
ROWS["04_eeas_hr_statement_indiscriminate_attacks_18apr2022.txt"] = [
    (_T04[0], "EU", "military_aid", "propose", None, None, "delivery of military equipment"),
    (_T04[1], "EU", "ceasefire", "demand", 0, None, "cease hostilities unconditionally"),
    (_T04[1], "EU", "withdrawal", "demand", 0, None, "all forces from Ukraine"),
]

_T05 = (
    (
        "The European Council reiterates that it firmly stands with Ukraine and that the European "
        "Union will continue to provide strong support for Ukraine’s overall economic, military, "
        "social and financial resilience, including humanitarian aid."
    ),
    (
        "5. The European Council resolutely condemns Russia’s indiscriminate attacks against "
        "civilians and civilian infrastructure, and urges Russia to immediately and "
        "unconditionally withdraw all its troops and military equipment from the entire "
        "territory of Ukraine within its internationally recognised borders."
    ),
    (
        "Ukrainians, notably children, who have been forcibly removed to Russia must be "
        "immediately allowed to return safely."
    ),
    (
        "The adoption of the sixth package of EU sanctions further intensifies pressure on Russia "
        "to end its war against Ukraine."
    ),
    (
        "Work will continue on sanctions, including to strengthen implementation and prevent "
        "circumvention."
    ),
    (
        "The European Council calls on all countries to align with EU sanctions, in particular "
        "candidate countries."
    ),
    (
        "Work should swiftly be finalised on the Council decision adding the violation of Union "
        "restrictive measures to the list of EU crimes."
    ),
    (
        "6. The European Union remains strongly committed to providing further military support "
        "to help Ukraine exercise its inherent right of self-defence against the Russian "
        "aggression and defend its territorial integrity and sovereignty."
    ),
)
ROWS["05_euco_conclusions_ukraine_23jun2022.txt"] = [
    (_T05[0], "EU", "military_aid", "propose", 25, None, "continued support, military included"),
    (_T05[1], "EU", "withdrawal", "demand", 0, None, "within internationally recognised borders"),
    (_T05[2], "EU", "prisoners", "demand", 0, None, "return of deported children"),
    (_T05[3], "EU", "sanctions", "propose", 0, None, "past: its sixth package adopted"),
    (_T05[4], "EU", "sanctions", "propose", 0, None, "enforcement strengthened"),
    (_T05[5], "EU", "sanctions", "demand", 0, None, "others to align"),
    (_T05[6], "EU", "sanctions", "propose", None, None, "violating restrictive measures a crime"),
    (_T05[7], "EU", "military_aid", "propose", None, None, "further military support"),
]

_T06 = (
    (
        "1. Today, more than 1000 days since the beginning of Russia’s full-scale invasion, the "
        "European Council reiterates its resolute condemnation of Russia’s war of aggression "
        "against Ukraine, which constitutes a manifest violation of the UN Charter, and reaffirms "
        "its continued support for Ukraine’s independence, sovereignty and territorial integrity "
        "within its internationally recognised borders."
    ),
    (
        "It also reconfirms the European Union’s unwavering commitment to providing continued "
        "political, financial, economic, humanitarian, military and diplomatic support to Ukraine "
        "and its people for as long as it takes and as intensely as needed."
    ),
    ("3. The European Council reviewed work done on the delivery of military support to Ukraine."),
    (
        "To help Ukraine to defend itself effectively against Russia’s aggression, the European "
        "Council calls for the urgent stepping up of efforts, in particular on the delivery of "
        "air defence systems, ammunition and missiles, as well as on the provision of necessary "
        "training and equipment for Ukrainian brigades."
    ),
    (
        "The European Council underlines the importance of intensifying work to further support "
        "and develop Ukraine’s defence industry and to deepen its cooperation with the EU defence "
        "industry."
    ),
)
ROWS["06_euco_conclusions_ukraine_19dec2024.txt"] = [
    (_T06[0], "EU", "recognition", "reject", 0, None, "internationally recognised borders"),
    (_T06[1], "EU", "military_aid", "propose", 25, None, "continued military support"),
    (_T06[2], "EU", "military_aid", "propose", None, None, "its own deliveries reviewed"),
    (_T06[3], "EU", "military_aid", "demand", 0, None, "deliveries to be stepped up"),
    (_T06[4], "EU", "military_aid", "demand", 0, None, "support for Ukraine's defence industry"),
]

_T07 = (
    (
        "In this context, we recall the decision of the European Council of 23-24 June 2022 to "
        "recognise the European perspective of Ukraine and to grant Ukraine the status of an EU "
        "candidate country."
    ),
    "The future of Ukraine and its citizens lies within the European Union.",
    (
        "2. The EU stands firmly and fully with Ukraine and its people and will continue to "
        "provide strong political, financial, economic, legal, humanitarian, and military support "
        "for as long as it takes."
    ),
    (
        "Last week, the Council of the EU reached another important agreement on joint provision "
        "to the Ukrainian Armed Forces of 155-mm-calibre artillery rounds and, if requested, "
        "missiles for the Ukrainian Armed Forces."
    ),
    (
        "This assistance measure, worth EUR 1 billion under the European Peace Facility, will "
        "further contribute to strengthening the capabilities and resilience of Ukraine to defend "
        "its independence, sovereignty and territorial integrity, and protect the civilian "
        "population against the ongoing Russian aggression."
    ),
)
ROWS["07_eu_osce_statement_ongoing_aggression_may2023.txt"] = [
    (_T07[0], "EU", "eu_membership", "propose", None, None, "past: candidate status granted"),
    (_T07[1], "EU", "eu_membership", "demand", None, None, "Ukraine's future in the Union"),
    (_T07[2], "EU", "military_aid", "propose", 25, None, "continued military support"),
    (_T07[3], "EU", "military_aid", "propose", None, None, "past: ammunition agreement"),
    (_T07[4], "EU", "military_aid", "propose", None, None, "'this assistance measure'"),
]

_T08 = (
    (
        "Secretary Blinken highlighted the United States’ steadfast support for Ukraine, "
        "including its ability to defend itself against Russian military positions over the "
        "border within Russia from which the Kremlin is launching attacks against Ukraine."
    ),
    (
        "The two agreed to finalize bilateral talks on long-term security arrangements in the "
        "next several weeks."
    ),
    (
        "They also discussed the impact newly-arrived U.S. military assistance is having on the "
        "battlefield."
    ),
    (
        "Secretary Blinken highlighted the United States’ enduring support for Ukraine’s "
        "sovereignty, independence, and territorial integrity and our commitment to Ukraine’s "
        "recovery."
    ),
)
_ARRANGEMENTS = "bilateral long-term security arrangements"
ROWS["08_state_blinken_kuleba_call_31may2024.txt"] = [
    (_T08[0], "US", "military_aid", "propose", None, None, "support for Ukraine's self-defence"),
    (_T08[1], "US", "guarantees", "propose", None, None, _ARRANGEMENTS),
    (_T08[1], "UA", "guarantees", "propose", None, "US", _ARRANGEMENTS),
    (_T08[2], "US", "military_aid", "propose", None, None, "past: US military assistance arrived"),
    (_T08[3], "US", "recognition", "reject", 0, None, "support for territorial integrity"),
]

_T09 = (
    (
        "Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister Dmytro "
        "Kuleba to reinforce the United States’ steadfast commitment to Ukraine’s sovereignty and "
        "territorial integrity."
    ),
    (
        "We are resolved to continue to provide security, economic, and humanitarian support to "
        "the government and people of Ukraine as they defend against President Putin’s brutal and "
        "unprovoked war."
    ),
    (
        "Secretary Blinken and Foreign Minister Kuleba discussed the most recent Presidential "
        "Drawdown for an additional $800 million for weapons, ammunition, and other security "
        "assistance for Ukraine’s defense."
    ),
    (
        "They noted that the steady supply of materiel from the United States and its Allies and "
        "partners has been instrumental in Ukraine’s successful fight against Russia’s forces."
    ),
)
ROWS["09_state_blinken_kuleba_call_apr2022.txt"] = [
    (_T09[0], "US", "recognition", "reject", 0, None, "commitment to territorial integrity"),
    (_T09[1], "US", "military_aid", "propose", 25, None, "continued security support"),
    (_T09[2], "US", "military_aid", "propose", None, None, "past: the $800 million drawdown"),
    (_T09[3], "US", "military_aid", "propose", None, None, "past: its supply of materiel"),
    (_T09[3], "UA", "military_aid", "accept", None, "US", "praises the supply of materiel"),
]

_T10 = (
    (
        "President Biden reiterated the U.S. commitment to support Ukraine’s defense against "
        "Russian aggression for as long as it takes, and to hold Russia accountable for its "
        "actions."
    ),
    (
        "President Biden and President Zelenskyy discussed the commencement of training of "
        "Ukrainian fighter pilots and assurance of expedited approval for other nations to "
        "transfer their F-16s to Ukraine upon completion of training to increase Ukraine’s "
        "defensive capabilities."
    ),
)
ROWS["10_wh_biden_zelenskyy_call_24aug2023.txt"] = [
    (_T10[0], "US", "military_aid", "propose", 25, None, "support for Ukraine's defence"),
    (_T10[1], "US", "military_aid", "propose", None, None, "approval of F-16 transfers"),
]

_T11 = (
    (
        "WASHINGTON - Following President Biden’s announcement today banning the import of "
        "Russian oil, liquefied natural gas, and coal to the United States – a significant action "
        "with widespread bipartisan support that will further deprive President Putin of the "
        "economic resources he uses to continue his needless war of choice -- the U.S. Treasury "
        "released one General License and several Frequently Asked Questions to aid in the "
        "wind-down of deliveries of existing purchases that have already been contracted for."
    ),
    (
        "Treasury has targeted the infrastructure supporting President Putin’s invasion of "
        "Ukraine, from his cronies to state-owned companies and even the Central Bank, "
        "restricting over 80% of the total banking assets in Russia."
    ),
    (
        "These actions, in coordination with partners and allies, have isolated Russia from the "
        "global financial system and degraded the Kremlin’s ability to project power."
    ),
    (
        "Executive Order on Prohibiting Certain Imports and New Investments With Respect to "
        "Continued Russian Federation Efforts to Undermine the Sovereignty and Territorial "
        "Integrity of Ukraine."
    ),
)
ROWS["11_treasury_guidance_russian_oil_import_ban_8mar2022.txt"] = [
    (_T11[0], "US", "sanctions", "propose", 0, None, "its ban on Russian energy imports"),
    (_T11[1], "US", "sanctions", "propose", None, None, "past: restrictions on Russian banks"),
    (_T11[2], "US", "sanctions", "propose", None, None, "'these actions': its measures in force"),
    (
        _T11[3],
        "US",
        "sanctions",
        "propose",
        None,
        None,
        "the order issued: import and investment bans",
    ),
]

_T12 = (
    (
        "And the security assistance that we are now rushing to Ukraine will make a difference "
        "in this fight."
    ),
    "That includes 155-millimeter artillery rounds and ammunition for HIMARS.",
    (
        "It includes air-defense capabilities and anti-armor systems, which come from a "
        "billion-dollar drawdown from our stocks after President Biden signed the "
        "national-security supplemental last month."
    ),
    (
        "And thanks to the passage of the supplemental, we’ll continue to approve substantial "
        "security assistance packages for Ukraine."
    ),
    "And you’ll see a steady flow of U.S. assistance to Ukraine week after week.",
    "President Biden announced an additional package worth $400 million earlier this month.",
    (
        "And that will help Ukraine defend Kharkiv and other frontline areas under renewed "
        "Russian threat."
    ),
)
ROWS["12_dod_austin_udcg22_opening_remarks_may2024.txt"] = [
    (_T12[0], "US", "military_aid", "propose", None, None, None),
    (_T12[1], "US", "military_aid", "propose", None, None, "'that': the security assistance"),
    (_T12[2], "US", "military_aid", "propose", None, None, "'it': the security assistance"),
    (_T12[3], "US", "military_aid", "propose", 25, None, "continued assistance packages"),
    (_T12[4], "US", "military_aid", "propose", 25, None, "steady flow of the assistance"),
    (_T12[5], "US", "military_aid", "propose", None, None, "past: an assistance package"),
    (_T12[6], "US", "military_aid", "propose", None, None, "'that': the package"),
]

_T13 = (
    "Secretary Rubio welcomed Russia and Ukraine’s exchange of “1,000-for-1,000” prisoners over "
    "the weekend."
)
_PAST_SWAP = "past: the exchange over the weekend"
ROWS["13_state_rubio_lavrov_call_may2025.txt"] = [
    (_T13, "US", "prisoners", "accept", 50, None, "welcomed the exchange"),
    (_T13, "RU", "prisoners", "accept", 50, "US", _PAST_SWAP),
    (_T13, "UA", "prisoners", "accept", 50, "US", _PAST_SWAP),
]

_T14 = (
    (
        "The Secretary conveyed details on the $40.1 billion supplemental appropriations act "
        "signed by President Biden on May 21, which provides further funding for security, "
        "economic, and humanitarian assistance to Ukraine and countries impacted by the war."
    ),
    (
        "The Secretary again underscored the United States’ strong support for Ukraine’s "
        "sovereignty and territorial integrity in the face of Moscow’s aggression."
    ),
)
ROWS["14_state_blinken_kuleba_call_may2022.txt"] = [
    (_T14[0], "US", "military_aid", "propose", None, None, "further security assistance funded"),
    (_T14[1], "US", "recognition", "reject", 0, None, "support for territorial integrity"),
]

_T15 = (
    "And, remember, we had 27 [EU] countries who supported the ceasefire.",
    "Also, Ukraine agreed to unconditional ceasefire already a month ago.",
    (
        "So, the only way to get Russia to negotiate seriously is putting some more pressure on "
        "Russia."
    ),
    (
        "I mean, one [part] is putting pressure on Russia, but then the other part is also "
        "helping Ukraine to defend itself."
    ),
    (
        "It is clear that we are the biggest provider of military aid, we are also the biggest "
        "buyer from the Ukraine defence industry and the biggest supporter of the defence "
        "industry."
    ),
    (
        "We also have the mission of training Ukrainian soldiers [EUMAM Ukraine], [we have "
        "already trained] over 73,000 soldiers."
    ),
    (
        "So, today we also discussed what more we [can] do when it comes to the missions: should "
        "we expand the mandate of the missions that we have in order to contribute to the "
        "security guarantees of coalition of the willing."
    ),
    (
        "Then, when it comes to the initiative of delivering 2 million rounds of ammunition to "
        "Ukraine, I am happy to see that we have already reached two-thirds of the target."
    ),
    "We still do not have 100%, but we definitely need to move forward with that.",
)
ROWS["15_eeas_kallas_remarks_fac_luxembourg_14apr2025.txt"] = [
    (_T15[0], "EU", "ceasefire", "accept", None, None, "past: all 27 member states"),
    (_T15[1], "UA", "ceasefire", "accept", 0, "EU", "past: a month earlier"),
    (_T15[2], "EU", "sanctions", "demand", 0, None, "more pressure on Russia"),
    (_T15[3], "EU", "sanctions", "propose", 0, None, "pressure on Russia, its own approach"),
    (_T15[3], "EU", "military_aid", "propose", None, None, "helping Ukraine defend itself"),
    (_T15[4], "EU", "military_aid", "propose", None, None, "the biggest provider"),
    (_T15[5], "EU", "military_aid", "propose", None, None, "training mission"),
    (
        _T15[6],
        "EU",
        "guarantees",
        "propose",
        None,
        None,
        "considered: EU missions contributing to the coalition's guarantees",
    ),
    (_T15[7], "EU", "military_aid", "propose", None, None, "ammunition initiative"),
    (_T15[8], "EU", "military_aid", "propose", None, None, "'that': the ammunition initiative"),
]


DESCRIPTION = (
    "Fourth real tuning set: hand annotations following docs/evidence-annotation.md of 15 openly "
    "licensed real texts in tests/data/evidence_real_tuning_d (SOURCES.md gives their addresses "
    "and licences: US federal government remarks, readouts and press releases, and European "
    "Council, Commission and EEAS statements and conclusions), none of them in "
    "../shared/evidence-corpus, held-out set B or the first real tuning set. The texts were "
    "annotated before any version of the reader was run on them. Tuning set: the reader's rules "
    "may be widened while looking at these texts; its figures are measured on held-out texts. "
    "This file holds offsets and annotations only. Offsets are character offsets of the whole "
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
