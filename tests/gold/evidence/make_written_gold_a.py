"""Regenerate written_tuning_a.json: hand annotations of the texts a01-a12 in
tests/data/evidence_written, written for the project's tests in its own words from the facts in
../shared/FACTS.md and the seed articles (fiction in their exact wording; see README_a.md there).

The annotations follow docs/evidence-annotation.md and were written before any version of the
reader was run on these texts. They are tuning material: the reader's rules may be widened while
looking at them.

Each annotated sentence is kept whole; the script finds it with str.find, refuses a sentence
found zero or several times, and writes its character offsets, the file's sha256 and the
annotation fields.

Run: .venv/bin/python tests/gold/evidence/make_written_gold_a.py [TEXTS_DIR]
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
OUT = HERE / "written_tuning_a.json"
LICENCE = "written for the project"

OFFICIAL = "official statement"
PRESS = "press remarks transcript"
WIRE = "wire report"
JOINT = "joint statement"

# file: (kind, date the text carries)
DOCS: dict[str, tuple[str, str]] = {
    "a01_pm_call_zelenskyy_3jun2025.txt": (OFFICIAL, "2025-06-03"),
    "a02_uk_osce_istanbul_memoranda_5jun2025.txt": (OFFICIAL, "2025-06-05"),
    "a03_foreign_secretary_jeddah_ceasefire_12mar2025.txt": (OFFICIAL, "2025-03-12"),
    "a04_ukraine_presidency_istanbul_memorandum_2jun2025.txt": (OFFICIAL, "2025-06-02"),
    "a05_russian_mfa_istanbul_memorandum_4jun2025.txt": (OFFICIAL, "2025-06-04"),
    "a06_rubio_press_remarks_antalya_15may2025.txt": (PRESS, "2025-05-15"),
    "a07_envoy_kellogg_press_remarks_riyadh_26mar2025.txt": (PRESS, "2025-03-26"),
    "a08_kremlin_news_conference_ceasefire_13mar2025.txt": (PRESS, "2025-03-13"),
    "a09_wire_istanbul_round_one_16may2025.txt": (WIRE, "2025-05-16"),
    "a10_wire_geneva_peace_plan_24nov2025.txt": (WIRE, "2025-11-24"),
    "a11_wire_anchorage_summit_16aug2025.txt": (WIRE, "2025-08-16"),
    "a12_joint_statement_kyiv_leaders_10may2025.txt": (JOINT, "2025-05-10"),
}

# (sentence, actor, issue, stance, position, speaker, note)
Row = gb.Row
ROWS: dict[str, list[Row]] = {name: [] for name in DOCS}

_A01 = (
    (
        "The Prime Minister paid tribute to the Ukrainian team for the seriousness they had "
        "brought to the process, and said that the exchange of severely wounded and young "
        "soldiers, and the return of the bodies of 6,000 fallen servicemen, would bring some "
        "comfort to families who have waited too long."
    ),
    (
        "President Zelenskyy said that Ukraine remained ready for a full and unconditional "
        "ceasefire of at least 30 days on land, at sea and in the air, monitored by its "
        "partners with the United States in the lead."
    ),
    "The Prime Minister agreed that such a ceasefire was the only credible first step.",
    (
        "He recalled that he had stood in Kyiv on 10 May alongside President Macron and "
        "Chancellor Merz to put exactly that offer to Moscow, an offer the Kremlin has still "
        "not taken up."
    ),
    (
        "The Prime Minister said that the memorandum would oblige Kyiv to withdraw its forces "
        "from all four regions Moscow claims, to accept caps on the size of its armed forces "
        "and to go without Western weapons, and that nobody should mistake it for a serious "
        "basis for peace."
    ),
    (
        "The Prime Minister confirmed that military planners from across the coalition "
        "continued to prepare a multinational force that could deploy to Ukraine once a "
        "ceasefire is in place, to help secure its skies and seas and to regenerate its armed "
        "forces."
    ),
    (
        "The Prime Minister also set out the next tranche of UK military support, including "
        "air defence systems and drones, and said the UK would keep ratcheting up pressure on "
        "Russia’s war economy, with further sanctions on the shadow fleet that carries its oil."
    ),
)
_MEMO_UK = "the Russian memorandum as the Prime Minister describes it"
_DISMISS = "dismisses the memorandum whose terms the sentence lists"
ROWS["a01_pm_call_zelenskyy_3jun2025.txt"] = [
    (_A01[0], "UK", "prisoners", "accept", 50, None, "the agreed exchange welcomed"),
    (_A01[1], "UA", "ceasefire", "accept", 0, "UK", "readiness for an unconditional ceasefire"),
    (_A01[2], "UK", "ceasefire", "accept", 0, None, "such a ceasefire: the sentence before"),
    (_A01[3], "UK", "ceasefire", "propose", 0, None, "past: the offer made in Kyiv on 10 May"),
    (_A01[3], "FR", "ceasefire", "propose", 0, "UK", "past: Macron in Kyiv on 10 May"),
    (_A01[3], "DE", "ceasefire", "propose", 0, "UK", "past: Merz in Kyiv on 10 May"),
    (_A01[3], "RU", "ceasefire", "reject", None, "UK", "the offer not taken up"),
    (_A01[4], "RU", "withdrawal", "demand", 100, "UK", _MEMO_UK),
    (_A01[4], "RU", "army_limits", "demand", None, "UK", _MEMO_UK),
    (_A01[4], "RU", "military_aid", "demand", 100, "UK", _MEMO_UK + "; no Western weapons"),
    (_A01[4], "UK", "withdrawal", "reject", None, None, _DISMISS),
    (_A01[4], "UK", "army_limits", "reject", None, None, _DISMISS),
    (_A01[4], "UK", "military_aid", "reject", None, None, _DISMISS),
    (
        _A01[5],
        "UK",
        "foreign_troops",
        "propose",
        25,
        None,
        "the coalition's force after a ceasefire",
    ),
    (_A01[6], "UK", "military_aid", "propose", 25, None, "the next tranche of support"),
    (_A01[6], "UK", "sanctions", "propose", 0, None, "more pressure, further sanctions"),
]

_A02 = (
    (
        "We welcome the agreement the two delegations reached to exchange all severely "
        "wounded prisoners and those under the age of 25, and to return the bodies of the "
        "fallen."
    ),
    (
        "Ukraine came with a clear proposal: a full, unconditional ceasefire, monitored "
        "internationally, as the first step towards a settlement."
    ),
    (
        "It would require Ukraine to withdraw from the whole of four of its regions, "
        "including cities that have never been occupied; to declare those regions Russian; to "
        "renounce any alliance; and to shrink its armed forces to a level set in Moscow."
    ),
    (
        "Only if Kyiv accepted those terms, or stopped mobilising and gave up foreign weapons "
        "altogether, would Moscow consider a pause in the fighting."
    ),
    (
        "The United Kingdom will not accept any settlement that rewards aggression by "
        "redrawing Ukraine’s borders by force."
    ),
    (
        "Nor is it for Moscow to decide which alliance a sovereign Ukraine may seek to join, "
        "or which partners may train its soldiers on its own soil."
    ),
    (
        "We call once again on Russia to accept the ceasefire the United States proposed in "
        "Jeddah in March, which Ukraine accepted the same day."
    ),
    (
        "Until it does, the United Kingdom and its partners will continue to raise the "
        "economic cost of this war for the Kremlin, and to give Ukraine what it needs to "
        "defend itself."
    ),
)
_MEMO_OSCE = "It: the Russian memorandum of the paragraph before"
ROWS["a02_uk_osce_istanbul_memoranda_5jun2025.txt"] = [
    (_A02[0], "UK", "prisoners", "accept", 50, None, "welcomes the agreed exchange"),
    (_A02[0], "UA", "prisoners", "accept", 50, "UK", "the two delegations' agreement"),
    (_A02[0], "RU", "prisoners", "accept", 50, "UK", "the two delegations' agreement"),
    (_A02[1], "UA", "ceasefire", "propose", 0, "UK", "unconditional, monitored"),
    (_A02[2], "RU", "withdrawal", "demand", 100, "UK", _MEMO_OSCE),
    (_A02[2], "RU", "recognition", "demand", 100, "UK", _MEMO_OSCE + "; regions declared Russian"),
    (_A02[2], "RU", "nato", "demand", None, "UK", _MEMO_OSCE + "; no alliance"),
    (_A02[2], "RU", "army_limits", "demand", None, "UK", _MEMO_OSCE),
    (_A02[3], "RU", "ceasefire", "condition", None, "UK", "a pause in the fighting on conditions"),
    (_A02[3], "RU", "mobilisation", "demand", None, "UK", "the condition's alternative"),
    (_A02[3], "RU", "military_aid", "demand", 100, "UK", "no foreign weapons at all"),
    (_A02[4], "UK", "recognition", "reject", 0, None, "borders not redrawn by force"),
    (_A02[5], "UK", "nato", "reject", None, None, "refuses Moscow a say on Ukraine's alliance"),
    (
        _A02[5],
        "UK",
        "foreign_troops",
        "reject",
        None,
        None,
        "refuses Moscow a say on partners training soldiers in Ukraine",
    ),
    (_A02[6], "UK", "ceasefire", "demand", 0, None, "the Jeddah ceasefire"),
    (_A02[6], "US", "ceasefire", "propose", 0, "UK", "past: Jeddah, March 2025"),
    (_A02[6], "UA", "ceasefire", "accept", 0, "UK", "past: Jeddah, March 2025"),
    (_A02[7], "UK", "sanctions", "propose", 0, None, "economic cost raised"),
    (_A02[7], "UK", "military_aid", "propose", None, None, "what Ukraine needs to defend itself"),
]

_A03 = (
    "Foreign Secretary: after Jeddah, the onus is on Russia to agree a ceasefire",
    (
        "Foreign Secretary David Lammy welcomes Ukraine’s readiness to accept an immediate "
        "30-day ceasefire and calls on Moscow to match it."
    ),
    (
        "Ukraine has agreed to a US proposal for an immediate, interim ceasefire of 30 days, "
        "following talks between Ukrainian and US delegations in Jeddah, Saudi Arabia, "
        "yesterday."
    ),
    (
        "Under the joint statement issued after the talks, the ceasefire could be extended by "
        "mutual agreement and would take effect once the Russian Federation accepts it."
    ),
    (
        "The United States will also lift its pause on intelligence sharing with Ukraine and "
        "resume security assistance without delay."
    ),
    (
        "President Zelenskyy and his team have shown they are serious about ending this war, "
        "and they have put an unconditional ceasefire on the table."
    ),
    (
        "If Putin is serious about peace, he must agree to an immediate and full ceasefire, "
        "with no conditions attached."
    ),
    (
        "We will keep supplying Ukraine with the military equipment and training it needs, "
        "and we will keep up the economic pressure on the Kremlin for as long as it takes."
    ),
    (
        "The Foreign Secretary will discuss next steps with G7 counterparts in Charlevoix, "
        "Canada, later this week, where he will argue for continued economic pressure on "
        "Moscow until Russia agrees to a full ceasefire."
    ),
    (
        "The UK has already sanctioned hundreds of individuals and entities connected to "
        "Russia’s war machine, as well as many of the tankers that make up its shadow fleet."
    ),
    (
        "The joint US–Ukraine statement issued in Jeddah also recorded that both delegations "
        "agreed on the importance of humanitarian relief during a ceasefire, including the "
        "exchange of prisoners of war, the release of civilian detainees and the return of "
        "Ukrainian children who were forcibly transferred."
    ),
)
_JEDDAH = "the Jeddah joint statement: subject to Russia's acceptance"
ROWS["a03_foreign_secretary_jeddah_ceasefire_12mar2025.txt"] = [
    (_A03[0], "UK", "ceasefire", "demand", None, None, "headline"),
    (_A03[1], "UK", "ceasefire", "accept", 0, None, "welcomes Ukraine's readiness"),
    (_A03[1], "UA", "ceasefire", "accept", 0, "UK", "readiness to accept the 30-day ceasefire"),
    (_A03[1], "UK", "ceasefire", "demand", 0, None, "calls on Moscow to match it"),
    (_A03[2], "UA", "ceasefire", "accept", 0, "UK", "the US proposal"),
    (_A03[2], "US", "ceasefire", "propose", 0, "UK", "immediate interim 30-day ceasefire"),
    (_A03[3], "UA", "ceasefire", "condition", None, "UK", _JEDDAH),
    (_A03[3], "US", "ceasefire", "condition", None, "UK", _JEDDAH),
    (_A03[4], "US", "military_aid", "propose", 25, "UK", "intelligence and assistance resumed"),
    (_A03[5], "UA", "ceasefire", "propose", 0, "UK", "the Foreign Secretary quoted"),
    (_A03[6], "UK", "ceasefire", "demand", 0, None, "full, no conditions attached"),
    (_A03[7], "UK", "military_aid", "propose", 25, None, "keeps supplying equipment"),
    (_A03[7], "UK", "sanctions", "propose", 0, None, "economic pressure kept up"),
    (_A03[8], "UK", "sanctions", "demand", 0, None, "continued economic pressure"),
    (_A03[8], "UK", "ceasefire", "demand", 0, None, "what the pressure is to obtain"),
    (_A03[9], "UK", "sanctions", "propose", 0, None, "past: the UK's own sanctions"),
    (_A03[10], "UA", "prisoners", "demand", 0, "UK", "Jeddah joint statement; children"),
    (_A03[10], "US", "prisoners", "demand", 0, "UK", "Jeddah joint statement; children"),
]

_A04 = (
    (
        "The Ukrainian memorandum proposes a complete and unconditional ceasefire for a period "
        "of at least 30 days – on land, in the air and at sea – with monitoring led by the "
        "United States and with the participation of third countries."
    ),
    (
        'The document also provides for the release of all prisoners on the principle of "all '
        'for all" and the return of all Ukrainian children illegally deported by Russia, which '
        "we regard as a test of the other side's good faith."
    ),
    (
        "Ukraine will not accept any obligation of neutrality imposed on it, and no one will "
        "dictate to us the size of our army or which partners may station their troops on our "
        "territory."
    ),
    '"We do not recognise, and will never recognise, any part of our land as Russian.',
    (
        "The current line of contact can be the starting point for talks on territory, and "
        'nothing more," the President stressed.'
    ),
    (
        "Sanctions against Russia may be eased only gradually and only once a genuine peace is "
        "in place, with all restrictions restored automatically should Moscow break its word."
    ),
    (
        "Russian assets frozen abroad must remain frozen until they have paid for the "
        "reconstruction of Ukraine."
    ),
    (
        "Unfortunately, the Russian delegation once again showed no interest in a ceasefire "
        "and offered only a pause of two or three days on some sections of the front so that "
        "the bodies of the fallen could be collected."
    ),
    (
        "The two sides agreed to exchange all seriously wounded soldiers and young soldiers "
        "aged 18 to 25, and to hand over the bodies of 6,000 fallen servicemen."
    ),
    (
        "Volodymyr Zelenskyy thanked President Erdoğan and President Trump for their support "
        "of the process, and called on partners to strengthen sanctions against Russia until a "
        "ceasefire is achieved."
    ),
)
ROWS["a04_ukraine_presidency_istanbul_memorandum_2jun2025.txt"] = [
    (_A04[0], "UA", "ceasefire", "propose", 0, None, "the Ukrainian memorandum"),
    (_A04[1], "UA", "prisoners", "propose", 0, None, "all for all; deported children"),
    (_A04[2], "UA", "nato", "reject", None, None, "no neutrality obligation"),
    (_A04[2], "UA", "army_limits", "reject", 0, None, "no one dictates the army's size"),
    (_A04[2], "UA", "foreign_troops", "reject", 0, None, "partners' troops not limited"),
    (_A04[3], "UA", "recognition", "reject", 0, None, "the President quoted"),
    (_A04[4], "UA", "withdrawal", "propose", 50, None, "contact line as the starting point"),
    (_A04[5], "UA", "sanctions", "condition", 50, None, "gradual relief with snapback"),
    (_A04[6], "UA", "sanctions", "demand", 25, None, "frozen assets pay for reconstruction"),
    (_A04[7], "RU", "ceasefire", "reject", None, "UA", "no interest in a ceasefire"),
    (_A04[7], "RU", "ceasefire", "propose", 50, "UA", "pauses of two or three days"),
    (_A04[8], "UA", "prisoners", "accept", 50, None, "the two sides' agreement"),
    (_A04[8], "RU", "prisoners", "accept", 50, "UA", "the two sides' agreement"),
    (_A04[9], "UA", "sanctions", "demand", 0, None, "stronger sanctions"),
    (_A04[9], "UA", "ceasefire", "demand", None, None, "what the sanctions are to obtain"),
]

_A05 = (
    (
        "The first sets out the parameters of a final settlement: international legal "
        "recognition of Crimea, the Donetsk and Lugansk People's Republics and the Zaporozhye "
        "and Kherson regions as part of Russia, and the complete withdrawal of the Armed "
        "Forces of Ukraine from these territories."
    ),
    (
        "It further provides for Ukraine's neutral, non-aligned and nuclear-free status, a ban "
        "on the deployment of foreign troops and military infrastructure on its territory, and "
        "agreed limits on the strength of the Ukrainian armed forces."
    ),
    (
        "Equally indispensable are guarantees of the rights of Russian-speaking citizens, "
        "including the status of Russian as an official language, and the lifting of all "
        "restrictive measures imposed on Russia by unfriendly states."
    ),
    ("The second section concerns the terms of a ceasefire, for which two options were proposed."),
    (
        "Under the first, the ceasefire would take effect once Kiev begins to withdraw its "
        "formations from the territory of the Russian regions."
    ),
    (
        "Under the second, a 30-day ceasefire would be declared as a package, on condition "
        "that Ukraine halts mobilisation and the redeployment of troops, the West stops "
        "supplying Kiev with weapons, satellite communications and intelligence, and elections "
        "are held within 100 days of martial law being lifted."
    ),
    (
        "In addition, the Russian side proposed specific ceasefires of two to three days on "
        "certain sections of the line of contact so that the bodies of the dead can be "
        "collected."
    ),
    (
        "Russia also proposed to exchange all seriously wounded and young servicemen under 25 "
        "and is ready to transfer 6,000 bodies of fallen Ukrainian soldiers."
    ),
    (
        "Regrettably, the Kiev regime once again demanded an unconditional ceasefire, which, "
        "as experience shows, it would use only to regroup, replenish its ranks and receive "
        "new supplies of Western weapons."
    ),
    (
        "We note that Kiev's Western sponsors, primarily London and Paris, are still speaking "
        'of sending so-called "reassurance forces" to Ukraine.'
    ),
    (
        "Let us be clear: the appearance of military contingents of NATO countries on "
        "Ukrainian territory, under whatever flag, is unacceptable to us and would be "
        "regarded as direct involvement in the conflict."
    ),
)
_MEMO_RU = "the Russian memorandum"
ROWS["a05_russian_mfa_istanbul_memorandum_4jun2025.txt"] = [
    (_A05[0], "RU", "recognition", "demand", 100, None, _MEMO_RU + "; legal recognition"),
    (_A05[0], "RU", "withdrawal", "demand", 100, None, _MEMO_RU),
    (_A05[1], "RU", "nato", "demand", 100, None, _MEMO_RU + "; neutral and nuclear-free"),
    (_A05[1], "RU", "foreign_troops", "demand", 100, None, _MEMO_RU),
    (_A05[1], "RU", "army_limits", "demand", None, None, _MEMO_RU),
    (_A05[2], "RU", "language", "demand", 100, None, _MEMO_RU),
    (_A05[2], "RU", "sanctions", "demand", 100, None, _MEMO_RU + "; restrictive measures"),
    (_A05[3], "RU", "ceasefire", "propose", None, None, "the memorandum's two options"),
    (_A05[4], "RU", "ceasefire", "condition", 100, None, "first option: only after withdrawal"),
    (_A05[4], "RU", "withdrawal", "demand", 100, None, "the first option's condition"),
    (_A05[5], "RU", "ceasefire", "condition", 75, None, "second option: a package"),
    (_A05[5], "RU", "mobilisation", "demand", None, None, "the package's condition"),
    (_A05[5], "RU", "military_aid", "demand", 100, None, "weapons, satellites, intelligence"),
    (_A05[5], "RU", "elections", "demand", 100, None, "within 100 days, in the package"),
    (_A05[6], "RU", "ceasefire", "propose", 50, None, "local truces of two to three days"),
    (_A05[7], "RU", "prisoners", "propose", 50, None, "wounded and young soldiers; bodies"),
    (_A05[8], "UA", "ceasefire", "demand", 0, "RU", "Kiev regime: Ukraine"),
    (_A05[8], "RU", "ceasefire", "reject", None, None, "dismissed as a chance to rearm"),
    (_A05[9], "UK", "foreign_troops", "propose", 25, "RU", "London: reassurance forces"),
    (_A05[9], "FR", "foreign_troops", "propose", 25, "RU", "Paris: reassurance forces"),
    (_A05[10], "RU", "foreign_troops", "reject", None, None, "no NATO contingents"),
]

_A06 = (
    (
        "We want a ceasefire – a full 30-day ceasefire, land, sea and air – so that the real "
        "negotiations can begin, and the Ukrainians have said yes to that now twice."
    ),
    (
        "There's a bill in the Senate, Senator Graham has been very vocal on it, and the "
        "President has said that if the Russians aren't serious, additional sanctions are an "
        "option he's prepared to use."
    ),
    (
        "Well, I've said this before, the President's said it: NATO membership for Ukraine is "
        "not on the table in this process, and that's not a new position."
    ),
    (
        "What the Ukrainians need, and what we've talked to the Europeans about at length, is "
        "some kind of security arrangement that deters a future invasion, and the Europeans "
        "are going to have to carry a big part of that."
    ),
    "Nobody's talking about that.",
    (
        "If they can agree on an exchange of prisoners, a big one, that would be a positive "
        "thing, and it's something we'd encourage both sides to do."
    ),
)
ROWS["a06_rubio_press_remarks_antalya_15may2025.txt"] = [
    (_A06[0], "US", "ceasefire", "demand", 0, None, "Rubio: full 30-day ceasefire"),
    (_A06[0], "UA", "ceasefire", "accept", 0, "US", "the Ukrainians said yes"),
    (_A06[1], "US", "sanctions", "propose", 0, None, "the President's conditional threat"),
    (_A06[2], "US", "nato", "reject", None, None, "not on the table"),
    (
        _A06[3],
        "US",
        "guarantees",
        "demand",
        None,
        None,
        "a security arrangement; Europeans unnamed",
    ),
    (
        _A06[4],
        "US",
        "foreign_troops",
        "reject",
        None,
        None,
        "answer adopting the question: no US troops on the ground",
    ),
    (_A06[5], "US", "prisoners", "demand", 50, None, "a big exchange encouraged"),
]

_A07 = (
    (
        "Coming out of those meetings, both sides have agreed to ensure safe navigation in the "
        "Black Sea, to eliminate the use of force there and to prevent the use of commercial "
        "vessels for military purposes."
    ),
    (
        "They've also agreed to develop measures for implementing the halt on strikes against "
        "energy facilities that President Trump and President Putin agreed on the 18th."
    ),
    (
        "The United States, for its part, will help restore Russia's access to the world "
        "market for agricultural and fertilizer exports, lower maritime insurance costs, and "
        "improve access to ports and payment systems for those transactions."
    ),
    "That's a commitment we made, and we'll keep it.",
    (
        "General, the Kremlin says the Black Sea arrangement won't take effect until "
        "sanctions on Rosselkhozbank are lifted and it's reconnected to SWIFT."
    ),
    (
        "Putin's condition on the 18th was that all foreign military aid and intelligence to "
        "Ukraine stop before there's a full ceasefire."
    ),
    (
        "We resumed the intelligence sharing and the security assistance after Jeddah, and "
        "that continues; the President is not going to cut Ukraine off as the price of a "
        "ceasefire."
    ),
    (
        "The full 30-day ceasefire is still the goal, and the President is going to keep "
        "pushing for it, but you do this in steps, and the energy piece and the Black Sea "
        "piece are the first steps."
    ),
    (
        "There was an exchange of 175 for 175 after the call, and we'd like to see many more "
        "of those."
    ),
    (
        "The Ukrainians have asked for all of their prisoners back, and the children, and we "
        "support that."
    ),
)
_REPORTER = "reported in a reporter's question"
ROWS["a07_envoy_kellogg_press_remarks_riyadh_26mar2025.txt"] = [
    (_A07[0], "UA", "ceasefire", "accept", 25, "US", "both sides: Black Sea navigation"),
    (_A07[0], "RU", "ceasefire", "accept", 25, "US", "both sides: Black Sea navigation"),
    (_A07[1], "UA", "ceasefire", "accept", 25, "US", "halt on energy strikes"),
    (_A07[1], "RU", "ceasefire", "accept", 25, "US", "halt on energy strikes; Putin on the 18th"),
    (_A07[1], "US", "ceasefire", "accept", 25, None, "past: Trump on the 18th"),
    (_A07[2], "US", "sanctions", "propose", 75, None, "relief for agricultural exports"),
    (
        _A07[3],
        "US",
        "sanctions",
        "propose",
        75,
        None,
        "That: the commitment of the sentence before",
    ),
    (_A07[4], "RU", "ceasefire", "condition", 25, None, _REPORTER + "; Black Sea deal"),
    (_A07[4], "RU", "sanctions", "demand", 75, None, _REPORTER + "; Rosselkhozbank, SWIFT"),
    (_A07[5], "RU", "military_aid", "demand", 100, None, _REPORTER + "; past, the 18th"),
    (_A07[5], "RU", "ceasefire", "condition", 75, None, _REPORTER + "; past, the 18th"),
    (_A07[6], "US", "military_aid", "propose", 25, None, "assistance and intelligence continue"),
    (_A07[6], "US", "military_aid", "reject", None, None, "no cut-off as the price of a ceasefire"),
    (_A07[7], "US", "ceasefire", "demand", 0, None, "the full 30-day ceasefire"),
    (_A07[7], "US", "ceasefire", "propose", 25, None, "energy and Black Sea first"),
    (_A07[8], "US", "prisoners", "demand", None, None, "many more exchanges"),
    (_A07[9], "UA", "prisoners", "demand", 0, "US", "all prisoners and the children"),
    (_A07[9], "US", "prisoners", "accept", 0, None, "supports Ukraine's ask"),
]

_A08 = (
    (
        "Mr President, the day before yesterday in Jeddah the United States and Ukraine "
        "agreed on a 30-day ceasefire, and in Washington they say that the ball is now in "
        "Russia's court."
    ),
    "We agree with the proposals to cease hostilities.",
    (
        "But we proceed from the premise that this cessation should lead to a lasting peace "
        "and remove the original causes of this crisis."
    ),
    "All these questions require careful study by both sides.",
    (
        "The idea itself is right, and we certainly support it, but there are issues that we "
        "need to discuss with our American colleagues and partners."
    ),
    (
        "If someone wants to bring troops there under some label, that is their business, but "
        "we will not agree to the presence of NATO troops in Ukraine in any form."
    ),
    "Our position has not changed, and it is well known.",
    (
        "Ukraine's neutral, non-bloc status is a matter of our security, and we set it down on "
        "paper in Istanbul three years ago."
    ),
)
ROWS["a08_kremlin_news_conference_ceasefire_13mar2025.txt"] = [
    (_A08[0], "US", "ceasefire", "accept", 0, None, "reported by a journalist; Jeddah"),
    (_A08[0], "UA", "ceasefire", "accept", 0, None, "reported by a journalist; Jeddah"),
    (_A08[1], "RU", "ceasefire", "accept", None, None, "Putin"),
    (_A08[2], "RU", "ceasefire", "condition", None, None, "this cessation: of hostilities"),
    (
        _A08[3],
        "RU",
        "ceasefire",
        "condition",
        None,
        None,
        "these questions: control of the truce, the sentence before",
    ),
    (_A08[4], "RU", "ceasefire", "accept", None, None, "the idea: the ceasefire"),
    (_A08[4], "RU", "ceasefire", "condition", None, None, "issues to discuss first"),
    (_A08[5], "RU", "foreign_troops", "reject", None, None, "no NATO troops in any form"),
    (_A08[6], "RU", "nato", "demand", None, None, "answer adopting the question on NATO"),
    (_A08[7], "RU", "nato", "demand", None, None, "neutral, non-bloc status"),
]

_A09 = (
    "Russia, Ukraine agree biggest prisoner swap but no truce at first direct talks in three years",
    (
        "ISTANBUL, May 16 - Russian and Ukrainian negotiators agreed on Friday to exchange "
        "1,000 prisoners of war each, the largest swap of the conflict, but their first "
        "face-to-face talks in more than three years broke up after less than two hours with "
        "no agreement on a ceasefire."
    ),
    (
        "A source in the Ukrainian delegation, speaking on condition of anonymity, said the "
        'Russian side had put forward "unacceptable" demands, including that Kyiv pull its '
        "forces out of all the territory it still controls in four regions as the price of a "
        "ceasefire."
    ),
    (
        "Kyiv and its European allies have for weeks pressed Moscow to accept an "
        "unconditional 30-day ceasefire, a proposal first put forward by Washington in March "
        "and backed by Ukraine."
    ),
    (
        "Russia has instead offered direct talks, saying the root causes of the conflict must "
        "be dealt with first."
    ),
    (
        "U.S. Secretary of State Marco Rubio, who met the Ukrainian delegation in Istanbul "
        "earlier in the day, said Washington would keep pushing until there was a ceasefire in "
        "place, but played down hopes of a quick result."
    ),
    (
        "In Tirana, where European leaders gathered for a summit, British Prime Minister Keir "
        'Starmer called Russia\'s position "unacceptable" and said Britain would work with its '
        "allies on further sanctions against Moscow."
    ),
    (
        "The talks were the first direct contact between the warring sides since the spring "
        "of 2022, when negotiators in Istanbul drafted a communique under which Ukraine would "
        "have accepted permanent neutrality in return for security guarantees from a group of "
        "states including Britain, the United States and China."
    ),
)
_PAST_2022 = "past: the Istanbul communique of 2022"
ROWS["a09_wire_istanbul_round_one_16may2025.txt"] = [
    (_A09[0], "RU", "prisoners", "accept", 50, None, "headline: the biggest swap"),
    (_A09[0], "UA", "prisoners", "accept", 50, None, "headline: the biggest swap"),
    (_A09[1], "RU", "prisoners", "accept", 50, None, "1,000 for 1,000"),
    (_A09[1], "UA", "prisoners", "accept", 50, None, "1,000 for 1,000"),
    (_A09[2], "RU", "withdrawal", "demand", 100, "UA", "a source in Ukraine's delegation"),
    (_A09[2], "RU", "ceasefire", "condition", 100, "UA", "withdrawal as the price"),
    (_A09[2], "UA", "withdrawal", "reject", None, None, "unacceptable, says a Ukrainian source"),
    (_A09[3], "UA", "ceasefire", "demand", 0, None, "Europeans unnamed"),
    (_A09[3], "US", "ceasefire", "propose", 0, None, "past: March 2025"),
    (_A09[3], "UA", "ceasefire", "accept", 0, None, "backed by Ukraine"),
    (
        _A09[4],
        "RU",
        "ceasefire",
        "reject",
        None,
        None,
        "instead: of the ceasefire, sentence before",
    ),
    (_A09[4], "RU", "ceasefire", "condition", None, None, "root causes first"),
    (_A09[5], "US", "ceasefire", "demand", None, None, "Rubio"),
    (_A09[6], "UK", "sanctions", "propose", 0, None, "Starmer: further sanctions"),
    (_A09[7], "UA", "nato", "condition", 75, None, _PAST_2022 + "; neutrality for guarantees"),
    (_A09[7], "UA", "guarantees", "demand", 0, None, _PAST_2022 + "; guarantors incl. the US"),
]

_A10 = (
    (
        "The original draft, which surfaced last week, would have capped Ukraine's armed "
        "forces at 600,000 troops, required Kyiv to write a renunciation of NATO membership "
        "into its constitution and barred NATO troops from its territory."
    ),
    (
        "It also envisaged treating Crimea, Luhansk and Donetsk as de facto Russian, freezing "
        "the front in the Kherson and Zaporizhzhia regions, and turning the part of Donetsk "
        "still held by Ukraine into a demilitarised buffer zone."
    ),
    (
        "In exchange, Ukraine would have received a U.S. security guarantee, and $100 billion "
        "of frozen Russian assets would have gone to rebuilding the country, while sanctions "
        "on Russia would have been lifted in stages."
    ),
    "The plan also called for elections in Ukraine within 100 days.",
    (
        "Andriy Yermak, head of Ukraine's presidential office, said Kyiv would not accept "
        "limits that left its army unable to defend the country."
    ),
    '"We will not trade the land our soldiers are holding," he said.',
    (
        "That text would set a higher ceiling of 800,000 on Ukraine's peacetime army, leave "
        "any future NATO membership to a consensus of the alliance's members and seek from "
        "Washington a guarantee modelled on Article 5 of NATO's founding treaty, according to "
        "a copy seen by reporters."
    ),
    (
        "It would also start territorial talks from the current line of contact rather than "
        "from a Ukrainian withdrawal."
    ),
    (
        "Moscow has repeatedly said it will not accept European troops in Ukraine under any "
        "settlement."
    ),
)
_PLAN = "the US 28-point plan"
_E3 = "the British, French and German counter-proposal"
ROWS["a10_wire_geneva_peace_plan_24nov2025.txt"] = [
    (_A10[0], "US", "army_limits", "propose", 50, None, _PLAN + "; 600,000"),
    (_A10[0], "US", "nato", "propose", 75, None, _PLAN + "; no NATO in the constitution"),
    (_A10[0], "US", "foreign_troops", "propose", None, None, _PLAN + "; no NATO troops"),
    (_A10[1], "US", "recognition", "propose", 50, None, _PLAN + "; de facto Russian"),
    (_A10[1], "US", "withdrawal", "propose", 75, None, _PLAN + "; rest of Donetsk a buffer"),
    (_A10[2], "US", "guarantees", "propose", None, None, _PLAN + "; a US guarantee"),
    (_A10[2], "US", "sanctions", "propose", 50, None, _PLAN + "; lifted in stages"),
    (_A10[3], "US", "elections", "propose", 100, None, _PLAN + "; within 100 days"),
    (_A10[4], "UA", "army_limits", "reject", None, None, "Yermak"),
    (_A10[5], "UA", "withdrawal", "reject", None, None, "he: Yermak"),
    (_A10[6], "UK", "army_limits", "propose", 50, None, _E3 + "; 800,000"),
    (_A10[6], "UK", "nato", "propose", 25, None, _E3 + "; left to the Alliance's consensus"),
    (_A10[6], "UK", "guarantees", "demand", 0, None, _E3 + "; Article-5-like, from the US"),
    (_A10[6], "FR", "army_limits", "propose", 50, None, _E3 + "; 800,000"),
    (_A10[6], "FR", "nato", "propose", 25, None, _E3 + "; left to the Alliance's consensus"),
    (_A10[6], "FR", "guarantees", "demand", 0, None, _E3 + "; Article-5-like, from the US"),
    (_A10[6], "DE", "army_limits", "propose", 50, None, _E3 + "; 800,000"),
    (_A10[6], "DE", "nato", "propose", 25, None, _E3 + "; left to the Alliance's consensus"),
    (_A10[6], "DE", "guarantees", "demand", 0, None, _E3 + "; Article-5-like, from the US"),
    (_A10[7], "UK", "withdrawal", "propose", 50, None, _E3 + "; from the current line"),
    (_A10[7], "FR", "withdrawal", "propose", 50, None, _E3 + "; from the current line"),
    (_A10[7], "DE", "withdrawal", "propose", 50, None, _E3 + "; from the current line"),
    (_A10[8], "RU", "foreign_troops", "reject", None, None, "no European troops"),
]

_A11 = (
    "Trump drops ceasefire-first approach after Alaska summit with Putin",
    (
        "ANCHORAGE, Alaska, Aug 16 - President Donald Trump said on Saturday that the best way "
        "to end the war in Ukraine was to go straight to a full peace agreement rather than a "
        'ceasefire, which in his words "too often fall apart", a day after his summit with '
        "Vladimir Putin in Alaska ended without a truce."
    ),
    (
        "The shift brings Washington closer to Moscow's long-held position that a truce would "
        "only let Ukraine rearm, and away from the demand, backed by Kyiv and its European "
        "allies, for an immediate and unconditional ceasefire."
    ),
    (
        "According to two people briefed on the talks, Putin told Trump he wanted Ukraine to "
        "withdraw from the parts of the Donetsk region it still controls, in return for "
        "freezing the front line in the Kherson and Zaporizhzhia regions."
    ),
    (
        '"The Constitution of Ukraine does not allow us to give away our land, and we will not '
        'reward the occupier with territory it has failed to capture," Zelenskiy said in his '
        "nightly video address."
    ),
    (
        "The leaders of Britain, France and Germany said in a joint statement that they "
        "welcomed Trump's efforts but that international borders \"must not be changed by "
        'force" and that Ukraine must have "ironclad" security guarantees.'
    ),
    (
        "They also said pressure on Russia's war economy would be maintained until there was a "
        "just and lasting peace."
    ),
    (
        "Asked by reporters afterwards about new sanctions on Moscow, he said he saw no need to "
        'think about them for "two or three weeks, maybe".'
    ),
    (
        "Before the summit, Washington had insisted for five months that a 30-day ceasefire "
        "should come first."
    ),
    (
        "Ukraine accepted that proposal in Jeddah in March, while Moscow said a truce was "
        "possible only if Western arms deliveries and Ukrainian mobilisation stopped."
    ),
)
_LEADERS = "joint statement of the British, French and German leaders"
_THEY = "They: the British, French and German leaders"
ROWS["a11_wire_anchorage_summit_16aug2025.txt"] = [
    (_A11[0], "US", "ceasefire", "reject", None, None, "headline: ceasefire-first dropped"),
    (_A11[1], "US", "ceasefire", "reject", None, None, "a peace agreement rather than a ceasefire"),
    (_A11[2], "US", "ceasefire", "reject", None, None, "the shift: Trump's, the sentence before"),
    (_A11[2], "RU", "ceasefire", "reject", None, None, "a truce would let Ukraine rearm"),
    (_A11[2], "UA", "ceasefire", "demand", 0, None, "backed by Kyiv; Europeans unnamed"),
    (_A11[3], "RU", "withdrawal", "demand", 75, None, "rest of Donetsk, line frozen elsewhere"),
    (_A11[4], "UA", "withdrawal", "reject", None, None, "Zelenskiy: no land given away"),
    (_A11[5], "UK", "recognition", "reject", 0, None, _LEADERS),
    (_A11[5], "FR", "recognition", "reject", 0, None, _LEADERS),
    (_A11[5], "DE", "recognition", "reject", 0, None, _LEADERS),
    (_A11[5], "UK", "guarantees", "demand", None, None, _LEADERS),
    (_A11[5], "FR", "guarantees", "demand", None, None, _LEADERS),
    (_A11[5], "DE", "guarantees", "demand", None, None, _LEADERS),
    (_A11[6], "UK", "sanctions", "propose", 0, None, _THEY),
    (_A11[6], "FR", "sanctions", "propose", 0, None, _THEY),
    (_A11[6], "DE", "sanctions", "propose", 0, None, _THEY),
    (_A11[7], "US", "sanctions", "reject", None, None, "he: Trump; no new sanctions for now"),
    (_A11[8], "US", "ceasefire", "demand", 0, None, "past: ceasefire first, March to August"),
    (_A11[9], "UA", "ceasefire", "accept", 0, None, "past: Jeddah, March 2025"),
    (_A11[9], "RU", "ceasefire", "condition", 75, None, "past: only if arms and mobilisation stop"),
    (_A11[9], "RU", "military_aid", "demand", 100, None, "past: Western arms deliveries stopped"),
    (_A11[9], "RU", "mobilisation", "demand", None, None, "past: mobilisation stopped"),
]

_A12 = (
    (
        "The participants call on Russia to agree to a full and unconditional ceasefire of at "
        "least 30 days, on land, at sea and in the air, beginning on Monday 12 May, to create "
        "space for talks on a just and lasting peace."
    ),
    (
        "Ukraine stands ready to implement such a ceasefire from its first day and to enter "
        "negotiations while it holds."
    ),
    (
        "The ceasefire should be monitored, with the United States in the lead, and the "
        "participants stand ready to contribute to that monitoring."
    ),
    (
        "Should Russia refuse or violate the ceasefire, France, Germany, Poland and the United "
        "Kingdom, in coordination with the United States, will impose massive further "
        "sanctions on Russia's energy and banking sectors and step up their military support "
        "to Ukraine."
    ),
    (
        "The Coalition of the Willing, convened by France and the United Kingdom, continues "
        "its planning for a reassurance force that would help regenerate Ukraine's armed "
        "forces and secure its skies and seas once a ceasefire has been agreed."
    ),
    "Any lasting peace must rest on robust and credible security guarantees for Ukraine.",
    "The participants will never recognise territory seized by force.",
    (
        "The participants reaffirm that there shall be no limits on the size of the Armed "
        "Forces of Ukraine, nor on the weapons Ukraine receives from its partners."
    ),
    (
        "The participants call for the release of all prisoners of war and civilian "
        "detainees, and for the return of all Ukrainian children deported to Russia."
    ),
)
_PARTICIPANTS = ("FR", "DE", "UK", "UA")
_P = "the participants: France, Germany, the UK and Ukraine (Poland is no scenario actor)"
_COALITION = "the Coalition of the Willing, convened by France and the UK"
ROWS["a12_joint_statement_kyiv_leaders_10may2025.txt"] = [
    *((_A12[0], a, "ceasefire", "demand", 0, None, _P) for a in _PARTICIPANTS),
    (_A12[1], "UA", "ceasefire", "accept", 0, None, "such a ceasefire: point 1"),
    *(
        (_A12[2], a, "ceasefire", "propose", 0, None, _P + "; to help monitor")
        for a in _PARTICIPANTS
    ),
    *(
        (_A12[3], a, issue, "propose", 0, None, "if Russia refuses or violates the ceasefire")
        for a in ("FR", "DE", "UK")
        for issue in ("sanctions", "military_aid")
    ),
    (_A12[4], "FR", "foreign_troops", "propose", 25, None, _COALITION),
    (_A12[4], "UK", "foreign_troops", "propose", 25, None, _COALITION),
    *((_A12[5], a, "guarantees", "demand", None, None, _P) for a in _PARTICIPANTS),
    *((_A12[6], a, "recognition", "reject", 0, None, _P) for a in _PARTICIPANTS),
    *((_A12[7], a, "army_limits", "reject", 0, None, _P) for a in _PARTICIPANTS),
    *((_A12[7], a, "military_aid", "reject", 0, None, _P + "; no limits") for a in _PARTICIPANTS),
    *((_A12[8], a, "prisoners", "demand", 0, None, _P) for a in _PARTICIPANTS),
]

DESCRIPTION = (
    "Hand annotations following docs/evidence-annotation.md of twelve texts written for the "
    "project's tests in its own words (tests/data/evidence_written/a01-a12: official "
    "statements, press remarks transcripts, wire reports and a joint statement about the "
    "2025 Russia-Ukraine talks), from the facts in ../shared/FACTS.md and the seed articles; "
    "the texts are fiction in their exact wording. The annotations were written before any "
    "version of the reader was run on these texts. Offsets are character offsets of the whole "
    "sentence in the file decoded as UTF-8; actors and issues are ids of the istanbul-2025 "
    "scenario; stances are demand, propose, accept, reject, condition. Optional fields: "
    "position (the 0-100 value of the nearest labelled option the sentence implies), speaker "
    "(the scenario actor reporting another's stance), note. Tuning set: the reader's rules may "
    "be widened while looking at these texts; its figures are measured on held-out texts."
)


def build(texts: Path) -> dict[str, Any]:
    documents = []
    for name, (kind, date) in DOCS.items():
        text, digest = gb.read(texts / name)
        claims = [gb.claim(text, name, row) for row in ROWS[name]]
        documents.append(gb.document(name, digest, kind, LICENCE, date, claims))
    return gb.gold(DESCRIPTION, "tuning", documents)


def main(argv: list[str]) -> None:
    gb.write(OUT, build(Path(argv[0]) if argv else TEXTS))


if __name__ == "__main__":
    main(sys.argv[1:])
