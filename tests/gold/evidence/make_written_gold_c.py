"""Build tests/gold/evidence/written_tuning_c.json: hand annotations of the texts
tests/data/evidence_written/c*.txt, following docs/evidence-annotation.md.

Each claim names its whole sentence by text; the sentence is located in its file with
``str.find`` and refused when found zero or several times, so offsets are never typed by hand.
Run from the repository root: ``python tests/gold/evidence/make_written_gold_c.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NamedTuple

# gold_build sits beside this script, which is run as a file and also loaded by tests by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_build as gb

ROOT = Path(__file__).resolve().parents[3]
TEXTS = ROOT / "tests" / "data" / "evidence_written"
OUT = Path(__file__).resolve().parent / "written_tuning_c.json"
LICENCE = "written for the project"
DESCRIPTION = (
    "Hand annotations following docs/evidence-annotation.md of twelve texts written for the "
    "project's tests in its own words (tests/data/evidence_written/c*.txt, listed in "
    "README_c.md), from the facts in the seed articles and FACTS.md: four UK government "
    "statements, five Hansard excerpts, a US statement at the UN Security Council, a State "
    "Department press briefing and an encyclopedia article. The annotations were written "
    "before any version of the reader was run on these texts. Offsets are character offsets "
    "of the whole sentence in the file decoded as UTF-8; actors and issues are ids of the "
    "istanbul-2025 scenario; stances are demand, propose, accept, reject, condition. Optional "
    "fields: position (the 0-100 value of the nearest labelled option the sentence implies), "
    "speaker (the scenario actor reporting another's stance), note. A tuning set: rules may "
    "be widened while looking at it."
)


class Claim(NamedTuple):
    sentence: str
    actor: str
    issue: str
    stance: str
    position: int | None = None
    speaker: str | None = None
    note: str | None = None


def S(sentence: str, *specs: str) -> list[Claim]:
    """The claims of one sentence, each written ``"ACTOR ISSUE STANCE [POSITION] [by=SPEAKER]
    [| note]"``: ``"RU withdrawal demand 100 by=UK | the memorandum"``."""
    claims = []
    for spec in specs:
        fields, _, note = spec.partition(" | ")
        actor, issue, stance, *rest = fields.split()
        position = None
        speaker = None
        for item in rest:
            if item.startswith("by="):
                speaker = item[3:]
            else:
                position = int(item)
        claims.append(Claim(sentence, actor, issue, stance, position, speaker, note or None))
    return claims


class Doc(NamedTuple):
    file: str
    kind: str
    date: str
    sentences: list[list[Claim]]

    @property
    def claims(self) -> list[Claim]:
        return [c for group in self.sentences for c in group]


STATEMENT = "official statement"
HANSARD = "parliamentary transcript"
PRESS = "press remarks transcript"
ENCYCLOPEDIA = "encyclopedia"

DOCS = [
    Doc(
        "c01_uk_osce_energy_pause_20mar2025.txt",
        STATEMENT,
        "2025-03-20",
        [
            S(
                "Nine days ago in Jeddah, Ukraine agreed to an immediate, interim 30-day "
                "ceasefire, extendable by mutual agreement and subject to Russia’s acceptance.",
                "UA ceasefire accept 0 by=UK | past: Jeddah, 11 March",
            ),
            S(
                "The United States, for its part, resumed intelligence sharing and security "
                "assistance to Kyiv the same day.",
                "US military_aid propose 25 by=UK | past: aid and intelligence resumed",
            ),
            S(
                "Russia has not taken it up.",
                (
                    "RU ceasefire reject by=UK | it: the 30-day ceasefire offer of the previous "
                    "sentences"
                ),
            ),
            S(
                "Instead, on 18 March, after his call with President Trump, President Putin "
                "agreed only to a mutual pause in strikes on energy infrastructure, and attached "
                "a list of conditions to anything broader: an end to foreign military aid and "
                "intelligence for Ukraine, and a halt to Ukrainian mobilisation and rearmament.",
                "RU ceasefire accept 25 by=UK | past: the energy pause of 18 March",
                (
                    "RU ceasefire condition 75 by=UK | anything broader than the energy pause "
                    "depends on an end to aid and mobilisation"
                ),
                "RU military_aid demand 100 by=UK | the condition demanded in return",
                "RU mobilisation demand by=UK | the condition demanded in return",
            ),
            S(
                "The Kremlin says it wants peace, yet it will not stop the killing even for "
                "thirty days.",
                "RU ceasefire reject by=UK | stop the killing: a ceasefire",
            ),
            S(
                "He described the ceasefire proposal as a pause that would allow Ukraine to "
                "regroup.",
                (
                    "RU ceasefire reject by=UK | he: the Russian Permanent Representative, "
                    "dismissing the proposal"
                ),
            ),
            S(
                "We will not accept that a truce should depend on Ukraine giving up the means to "
                "defend itself.",
                "UK ceasefire reject 75 | a truce conditioned on an end to Ukraine's defence",
            ),
            S(
                "Nor will the United Kingdom slow its support for Ukraine’s self-defence while "
                "Moscow stalls.",
                "UK military_aid propose | support for Ukraine's self-defence",
            ),
            S(
                "First, Russia should agree to the full and unconditional ceasefire that Ukraine "
                "has already accepted, on land, in the air and at sea.",
                "UK ceasefire demand 0",
                "UA ceasefire accept 0 by=UK",
            ),
            S(
                "Second, it must return the Ukrainian children it has deported and release the "
                "civilians it holds unlawfully.",
                "UK prisoners demand 0 | children and civilians returned",
            ),
            S(
                "Third, it should withdraw its forces from the internationally recognised "
                "territory of Ukraine.",
                "UK withdrawal demand 0",
            ),
            S(
                "Until it does, we will keep up the pressure, working with our G7 partners to "
                "tighten the restrictions on Russia’s economy and its energy revenues.",
                "UK sanctions propose 0 | restrictions on Russia's economy, with the G7",
            ),
            S(
                "The principles every participating State signed up to in Helsinki are clear: "
                "borders are not to be changed by force.",
                "UK recognition reject 0",
            ),
        ],
    ),
    Doc(
        "c02_uk_fsc_third_round_6aug2025.txt",
        STATEMENT,
        "2025-08-06",
        [
            S(
                "It produced an agreement to exchange a further 1,200 prisoners from each side, "
                "and we welcome every family that will be reunited as a result.",
                "UK prisoners accept 50 | welcomes the exchange of 1,200 for 1,200",
                "RU prisoners accept 50 by=UK | it: the third meeting of the two delegations; past",
                "UA prisoners accept 50 by=UK | it: the third meeting of the two delegations; past",
            ),
            S(
                "Madam Chair, the Russian delegation in Istanbul again insisted that Ukraine "
                "withdraw from the whole of the four regions it claims, including ground that "
                "Russian forces have never taken.",
                "RU withdrawal demand 100 by=UK",
            ),
            S(
                "It again put forward only short humanitarian pauses of a few days in place of a "
                "real ceasefire.",
                "RU ceasefire propose 50 by=UK | it: the Russian delegation",
                "RU ceasefire reject by=UK | short pauses in place of a real ceasefire",
            ),
            S(
                "Kyiv, by contrast, repeated its readiness for a complete and unconditional "
                "ceasefire and proposed a meeting of leaders before the end of August.",
                "UA ceasefire accept 0 by=UK",
            ),
            S(
                "It is therefore worth recalling what Moscow’s written memorandum of 2 June would "
                "oblige Kyiv to do: to cap the size of its armed forces, to stop mobilisation, to "
                "renounce any foreign military presence on its soil, and to forgo the weapons it "
                "needs for its defence.",
                "RU army_limits demand by=UK | the Russian memorandum of 2 June",
                "RU mobilisation demand by=UK | the Russian memorandum of 2 June",
                "RU foreign_troops demand 100 by=UK | the Russian memorandum of 2 June",
                (
                    "RU military_aid demand 100 by=UK | forgo the weapons: an end to arms supplies,"
                    " in the memorandum"
                ),
            ),
            S(
                "These are not the terms of a peace.",
                "UK army_limits reject | these: the memorandum's terms, previous sentence",
                "UK mobilisation reject | these: the memorandum's terms, previous sentence",
                "UK foreign_troops reject 100 | these: the memorandum's terms, previous sentence",
                "UK military_aid reject 100 | these: the memorandum's terms, previous sentence",
            ),
            S(
                "Ukraine must be free to choose its own security arrangements and its own "
                "alliances.",
                "UK guarantees demand | security arrangements",
            ),
            S(
                "We do not accept that any third country has a veto over whether Ukraine’s "
                "partners may station forces there at its invitation.",
                "UK foreign_troops reject 100 | rejects a veto on partners' forces in Ukraine",
            ),
            S(
                "We will continue to provide the equipment and training Ukraine needs.",
                (
                    "UK military_aid propose 25 | military equipment and training, in a statement "
                    "to the Forum"
                ),
            ),
            S(
                "Through the Ukraine Defence Contact Group, which the UK co-chairs with Germany, "
                "partners have pledged new air-defence interceptors this month.",
                "UK military_aid propose | Ukraine Defence Contact Group, co-chaired by the UK",
                (
                    "DE military_aid propose by=UK | Ukraine Defence Contact Group, co-chaired by "
                    "Germany"
                ),
            ),
            S(
                "Madam Chair, we call on the Russian Federation once more to agree to a full and "
                "unconditional ceasefire, to release all prisoners of war on an all-for-all "
                "basis, and to return every deported Ukrainian child.",
                "UK ceasefire demand 0",
                "UK prisoners demand 0 | all-for-all and the deported children",
            ),
        ],
    ),
    Doc(
        "c03_uk_unsc_after_anchorage_29aug2025.txt",
        STATEMENT,
        "2025-08-29",
        [
            S(
                "The Kremlin continues to say that there can be no ceasefire until a "
                "comprehensive settlement is reached.",
                "RU ceasefire condition by=UK | a ceasefire only after a settlement",
            ),
            S(
                "It has added a further demand that Ukraine hand over the parts of the Donetsk "
                "region that its army has failed to capture in more than three years of fighting.",
                "RU withdrawal demand 75 by=UK | it: the Kremlin; ground Ukraine holds in Donetsk",
            ),
            S(
                "And Russian officials have dismissed any presence of European forces in Ukraine "
                "after a settlement as unacceptable, even though such a presence would be on "
                "Ukraine’s invitation.",
                "RU foreign_troops reject 25 by=UK",
            ),
            S(
                "Ukraine, by contrast, has said repeatedly that it is ready for an immediate "
                "ceasefire and for a meeting at leaders’ level.",
                "UA ceasefire accept by=UK",
            ),
            S(
                "President Zelenskyy has been clear that Ukraine will not give up land that it "
                "holds and that its constitution does not allow it to.",
                "UA withdrawal reject 75 by=UK | ceding ground it holds",
            ),
            S(
                "We are working with the United States, with France and with more than thirty "
                "partners in the Coalition of the Willing on the security guarantees that will "
                "make any peace last.",
                "UK guarantees propose | we: the UK, with the Coalition of the Willing",
            ),
            S(
                "Our military planners have been developing the options for a multinational force "
                "that could deploy after the fighting stops, to help regenerate Ukraine’s armed "
                "forces and secure its skies and seas.",
                "UK foreign_troops propose 25 | the coalition's multinational force",
            ),
            S(
                "So long as Moscow continues to strike cities, we will continue to raise the cost "
                "of its war, including by further sanctions on the shadow fleet that carries its "
                "oil.",
                "UK sanctions propose 0",
            ),
            S(
                "It should stop its attacks, agree to the ceasefire that Ukraine has accepted, "
                "and engage seriously in negotiations.",
                "UK ceasefire demand | it: Russia",
                "UA ceasefire accept by=UK",
            ),
        ],
    ),
    Doc(
        "c04_pm_call_president_trump_24nov2025.txt",
        STATEMENT,
        "2025-11-24",
        [
            S(
                "He said that any settlement must leave Ukraine able to defend itself, and that a "
                "cap on the size of its armed forces should not be set so low as to invite "
                "another invasion; the European proposal would allow Ukraine a peacetime army of "
                "up to 800,000.",
                (
                    "UK army_limits reject | he: the Prime Minister; a cap set so low as to "
                    "invite invasion"
                ),
                (
                    "UK army_limits propose 50 | the European proposal of the UK, France and "
                    "Germany (previous sentence)"
                ),
                (
                    "FR army_limits propose 50 by=UK | the European proposal of the UK, France "
                    "and Germany (previous sentence)"
                ),
                (
                    "DE army_limits propose 50 by=UK | the European proposal of the UK, France "
                    "and Germany (previous sentence)"
                ),
            ),
            S(
                "Discussing territory, the Prime Minister reiterated that the UK would never "
                "recognise Russia’s illegal annexations, and that any discussion of territory "
                "should start from the current line of contact.",
                "UK recognition reject 0",
                "UK withdrawal demand 50 | the current line as the starting point",
            ),
            S(
                "The Prime Minister said that the Coalition of the Willing stood ready to deploy "
                "a multinational force to Ukraine once the fighting had stopped, and that the "
                "backing of the United States would be vital if that force were to deter future "
                "Russian aggression.",
                (
                    "UK foreign_troops propose 25 | the Coalition of the Willing, of which the "
                    "Prime Minister speaks"
                ),
                "UK guarantees demand 25 | US backing for a European force: a US backstop",
            ),
            S(
                "On economic pressure, the Prime Minister noted the sanctions the UK had imposed "
                "on Rosneft and Lukoil in October and said the UK would keep up the pressure on "
                "Russia’s revenues until Putin was serious about peace.",
                "UK sanctions propose 0",
            ),
            S(
                "He added that the frozen Russian sovereign assets should be used for the "
                "reconstruction of Ukraine.",
                "UK sanctions demand 25 | frozen assets for reconstruction",
            ),
        ],
    ),
    Doc(
        "c05_commons_statement_energy_pause_19mar2025.txt",
        HANSARD,
        "2025-03-19",
        [
            S(
                "On 11 March in Jeddah, Ukraine accepted the United States’ proposal for an "
                "immediate 30-day ceasefire, and we welcomed that step.",
                "UA ceasefire accept 0 by=UK | past: Jeddah, 11 March; the Minister for Europe",
                "US ceasefire propose 0 by=UK | past: the US proposal at Jeddah",
                "UK ceasefire accept 0 | welcomed Ukraine's acceptance",
            ),
            S(
                "Yesterday, President Putin agreed only to a limited pause in attacks on energy "
                "infrastructure.",
                "RU ceasefire accept 25 by=UK",
            ),
            S(
                "The Government’s position is simple: the ball is in Russia’s court, and Putin "
                "should agree to a full ceasefire without preconditions, as Ukraine has done.",
                "UK ceasefire demand 0",
                "UA ceasefire accept 0 by=UK",
            ),
            S(
                "In the meantime we will keep up our military support to Ukraine, and we will "
                "continue to tighten the economic pressure on the Kremlin.",
                "UK military_aid propose",
                "UK sanctions propose 0 | tighten the economic pressure",
            ),
            S(
                "But Moscow has set out conditions, including an end to all foreign military aid "
                "and intelligence to Kyiv, that would leave Ukraine defenceless.",
                "RU military_aid demand 100 | reported by an opposition MP",
            ),
            S(
                "Can the Minister confirm that the UK will not accept any such condition, and "
                "will he tell the House what the Government are doing to prepare the reassurance "
                "force the Prime Minister has spoken about?",
                (
                    "UK foreign_troops propose 25 | the Prime Minister's reassurance force, "
                    "reported by an opposition MP"
                ),
            ),
            S(
                "I can give the hon. Gentleman that assurance.",
                (
                    "UK military_aid reject 100 | adopts the question: the UK will not accept an "
                    "end to aid as a condition"
                ),
            ),
            S(
                "We will not trade away Ukraine’s ability to defend itself for a pause in the "
                "fighting.",
                (
                    "UK ceasefire reject 75 | a pause bought with Ukraine's defence: Russia's "
                    "conditioned ceasefire"
                ),
            ),
            S(
                "On the second question, military planners from the coalition met at Northwood "
                "last week, and the Prime Minister has said that the UK is prepared to put "
                "British troops on the ground, alongside others, if there is a peace deal.",
                "UK foreign_troops propose 25 | the coalition's force after a peace deal",
            ),
            S(
                "The hon. Lady makes an important point, and the lesson is that paper assurances "
                "are not enough; any guarantees must be backed by real capability.",
                "UK guarantees demand | guarantees backed by real capability",
                "UK guarantees reject 75 | paper assurances are not enough",
            ),
            S(
                "I will.",
                (
                    "UK prisoners demand 0 | adopts the question: press for the return of the "
                    "deported children"
                ),
            ),
        ],
    ),
    Doc(
        "c06_lords_qsd_security_guarantees_10jul2025.txt",
        HANSARD,
        "2025-07-10",
        [
            S(
                "In the Istanbul communiqué of 29 March that year, Ukraine offered permanent "
                "neutrality in return for guarantees from a list of states that included this "
                "country, China, France, Turkey and the United States.",
                (
                    "UA nato condition 75 | past: 2022; neutrality in return for guarantees, "
                    "reported by a peer"
                ),
                (
                    "UA guarantees demand | past: 2022; the guarantees asked in return, reported "
                    "by a peer"
                ),
            ),
            S(
                "Those talks failed, and one reason they failed was that Moscow insisted that any "
                "response to a future attack should need the agreement of every guarantor, Russia "
                "among them.",
                (
                    "RU guarantees demand 100 | past: 2022; a guarantee Russia can veto, reported "
                    "by a peer"
                ),
            ),
            S(
                "My Lords, the Kremlin said only last month that it will never agree to troops "
                "from NATO countries being stationed in Ukraine under any flag.",
                "RU foreign_troops reject | reported by a peer",
            ),
            S(
                "The Government are clear that Ukraine must have the strongest possible position "
                "in any negotiations and robust security guarantees after them.",
                "UK guarantees demand",
            ),
            S(
                "We are leading, with France, the Coalition of the Willing, which has been "
                "planning a multinational force to deploy once a ceasefire is agreed.",
                (
                    "UK foreign_troops propose 25 | the Coalition of the Willing, led by the UK "
                    "and France"
                ),
                (
                    "FR foreign_troops propose 25 by=UK | the Coalition of the Willing, led by "
                    "the UK and France"
                ),
            ),
            S(
                "On the point raised by the noble Baroness, Lady Morland, let me be clear: Russia "
                "does not get a veto over which partners Ukraine may invite on to its territory.",
                (
                    "UK foreign_troops reject 100 | rejects a Russian veto on partners' forces in "
                    "Ukraine"
                ),
            ),
            S(
                "Nor do we accept that Ukraine should be kept neutral by treaty as the price of "
                "peace; its future in NATO is a matter for Ukraine and the allies.",
                "UK nato reject 75 | neutrality by treaty",
            ),
            S(
                "The noble Lord, Lord Pennick, is right that an American backstop matters to any "
                "guarantee, and the Prime Minister has said so to the President.",
                "UK guarantees demand 25 | a US backstop",
            ),
            S(
                "Finally, we will go on supplying Ukraine with the air defence and drones it "
                "needs now, because the surest guarantee of a ceasefire is a Ukraine strong "
                "enough to deter another attack.",
                "UK military_aid propose",
            ),
        ],
    ),
    Doc(
        "c07_commons_uq_third_istanbul_round_24jul2025.txt",
        HANSARD,
        "2025-07-24",
        [
            S(
                "The two sides agreed a further exchange of 1,200 prisoners of war each, and "
                "discussed the return of bodies and of civilians.",
                (
                    "RU prisoners accept 50 by=UK | the two sides: Russia and Ukraine; the "
                    "Minister for Europe"
                ),
                (
                    "UA prisoners accept 50 by=UK | the two sides: Russia and Ukraine; the "
                    "Minister for Europe"
                ),
            ),
            S(
                "Russia’s delegation again presented its memorandum, which demands that Ukraine "
                "withdraw from Donetsk, Luhansk, Zaporizhzhia and Kherson.",
                "RU withdrawal demand 100 by=UK",
            ),
            S(
                "Ukraine rejected that, as it has before.",
                "UA withdrawal reject 100 by=UK | that: withdrawal from the four regions",
            ),
            S(
                "We welcome the exchange.",
                "UK prisoners accept 50 | the exchange of 1,200 for 1,200",
            ),
            S(
                "But let me be clear: a humanitarian exchange is not a ceasefire, and Russia has "
                "still not agreed to one.",
                "RU ceasefire reject by=UK",
            ),
            S(
                "We have sanctioned more than 2,300 individuals and entities, and we will go "
                "further.",
                "UK sanctions propose 0",
            ),
            S(
                "Our latest package targeted more than 130 vessels in the shadow fleet, and I "
                "would not rule out further steps against third-country banks.",
                "UK sanctions propose 0 | package: of sanctions, previous sentence",
            ),
            S(
                "Working groups can be useful, but they are no substitute for a ceasefire.",
                "UK ceasefire demand",
            ),
            S(
                "Ukraine has asked for the return of the 19,000 children it says have been "
                "deported.",
                "UA prisoners demand 0 | reported by a backbench MP",
            ),
            S(
                "Türkiye has played a constructive role, and I will certainly raise the matter "
                "with Turkish colleagues.",
                "UK prisoners demand 0 | the matter: the deported children of the question",
            ),
            S(
                "The return of those children is a priority for this Government.",
                "UK prisoners demand 0",
            ),
            S(
                "Yes.",
                (
                    "UK sanctions reject | adopts the question: no easing of sanctions while the "
                    "bombardment continues"
                ),
            ),
        ],
    ),
    Doc(
        "c08_commons_defence_questions_15sep2025.txt",
        HANSARD,
        "2025-09-15",
        [
            S(
                "This year the Government are providing £4.5 billion in military support to "
                "Ukraine, more than in any previous year.",
                "UK military_aid propose 0 | more than in any previous year: aid grows",
            ),
            S(
                "Our Ministry of Defence funds a programme that will deliver thousands of air "
                "defence missiles from the factory in Belfast, and last month the first "
                "Ukrainian-designed interceptor drones built in this country were handed over.",
                "UK military_aid propose",
            ),
            S(
                "We will keep that support flowing for as long as Russia keeps up the fighting, "
                "and I can tell the House that it will not be bargained away at any negotiating "
                "table.",
                "UK military_aid propose | that support: military support, previous sentences",
                "UK military_aid reject 100 | an end to aid as part of a deal",
            ),
            S(
                "No country facing that scale of attack has enough, which is why we are working "
                "with our allies to fill the gaps.",
                "UK military_aid propose | the gaps: in Ukraine's air defence, of the question",
            ),
            S(
                "The Prime Minister has spoken of British boots on the ground.",
                "UK foreign_troops propose 25 | reported by an opposition MP",
            ),
            S(
                "What I can say is that British forces are ready to play their part in a "
                "multinational force for Ukraine after a ceasefire, and that the planning is well "
                "advanced.",
                "UK foreign_troops propose 25",
            ),
            S(
                "That force would secure Ukraine’s skies and seas and help regenerate its army; "
                "it would not be a force to police the front line.",
                (
                    "UK foreign_troops propose 25 | that force: the multinational force of the "
                    "previous sentence"
                ),
            ),
            S(
                "The Kremlin’s spokesman said this month that any foreign troops in Ukraine would "
                "be a legitimate target for Russian strikes.",
                "RU foreign_troops reject | reported by a backbench MP",
            ),
            S(
                "I do.",
                (
                    "UK foreign_troops reject 100 | adopts the question: no Russian veto on "
                    "allies' forces in Ukraine"
                ),
            ),
        ],
    ),
    Doc(
        "c09_westminster_hall_sanctions_1jul2025.txt",
        HANSARD,
        "2025-07-01",
        [
            S(
                "At the talks in Istanbul last month, the Russian memorandum asked for every "
                "sanction to be lifted as part of a settlement, which tells us that the measures "
                "hurt.",
                (
                    "RU sanctions demand 100 | past: the memorandum of 2 June, reported by a "
                    "backbench MP"
                ),
            ),
            S(
                "I do, and I hope the Minister will tell us whether the Government will join the "
                "European Commission in proposing a lower, floating cap.",
                "EU sanctions propose 0 | a lower oil price cap, reported by a backbench MP",
            ),
            S(
                "Some in the US Administration have said they are open to easing restrictions on "
                "Russian agricultural exports as a first step.",
                "US sanctions accept 75 | reported by an opposition MP",
            ),
            S(
                "In March, Moscow made its agreement to a safe-navigation deal in the Black Sea "
                "conditional on reconnecting Rosselkhozbank to SWIFT.",
                (
                    "RU ceasefire condition 25 | past: the Black Sea deal of March, reported by a "
                    "backbench MP"
                ),
                (
                    "RU sanctions demand 75 | past: relief for an agricultural bank, reported by "
                    "a backbench MP"
                ),
            ),
            S(
                "We have now sanctioned more than 2,000 individuals, entities and ships, and the "
                "UK has designated more shadow fleet vessels than any other country.",
                "UK sanctions propose | the Minister for Europe",
            ),
            S(
                "On the price cap, we are working with the EU and G7 partners on lowering it, and "
                "we intend to announce further measures in the coming weeks.",
                "UK sanctions propose 0",
            ),
            S(
                "On sanctions relief, let me be absolutely clear: there can be no question of "
                "relief while Russia continues its attacks on Ukraine.",
                "UK sanctions reject | no relief while the attacks continue",
            ),
            S(
                "Any easing would have to come in stages, as part of a settlement that Ukraine "
                "accepts, and with the ability to reimpose measures if Russia breaks its word.",
                "UK sanctions condition 50 | staged relief with snapback, within a settlement",
            ),
            S(
                "Finally, the Government support the use of immobilised Russian assets for "
                "Ukraine’s benefit, and the UK has already lent Ukraine £2.26 billion repaid from "
                "the profits on those assets.",
                "UK sanctions demand 25 | frozen assets used for Ukraine",
            ),
        ],
    ),
    Doc(
        "c10_us_unsc_briefing_istanbul_20may2025.txt",
        STATEMENT,
        "2025-05-20",
        [
            S(
                "The United States thanks President Erdogan and Foreign Minister Fidan for "
                "hosting, and we note the agreement reached there on an exchange of 1,000 "
                "prisoners for 1,000 prisoners.",
                "RU prisoners accept 50 by=US | the agreement of the two delegations in Istanbul",
                "UA prisoners accept 50 by=US | the agreement of the two delegations in Istanbul",
            ),
            S(
                "President Trump has said that Russia and Ukraine will immediately start "
                "negotiations toward a ceasefire and, more importantly, an end to the war.",
                (
                    "RU ceasefire accept by=US | to negotiate toward a ceasefire, as President "
                    "Trump reports"
                ),
                (
                    "UA ceasefire accept by=US | to negotiate toward a ceasefire, as President "
                    "Trump reports"
                ),
            ),
            S(
                "Colleagues, the President has been clear from the day he took office: this "
                "bloodbath has to stop.",
                "US ceasefire demand | the bloodbath has to stop: stop the killing",
            ),
            S(
                "Since the Jeddah meeting in March, Ukraine has said that it is ready for a full "
                "30-day ceasefire, and we have asked Russia to show the same commitment.",
                "UA ceasefire accept 0 by=US",
                "US ceasefire demand 0 | the same commitment: to the 30-day ceasefire",
            ),
            S(
                "Moscow has instead said that it will draft a memorandum setting out its terms "
                "for a possible future peace agreement, including the principles of a settlement "
                "and a timeframe for a ceasefire.",
                "RU ceasefire propose by=US | offers terms with a timeframe for a ceasefire",
            ),
            S(
                "We are here to help bring the killing to an end.",
                "US ceasefire demand | bring the killing to an end",
            ),
            S(
                "We encourage both sides to take the next steps, to build on the exchange agreed "
                "in Istanbul, and to move quickly to an agreement on a ceasefire that will hold.",
                "US prisoners demand | build on the exchange of prisoners",
                "US ceasefire demand",
            ),
        ],
    ),
    Doc(
        "c11_state_dept_press_briefing_3jun2025.txt",
        PRESS,
        "2025-06-03",
        [
            S(
                "The Russian one says there's no ceasefire unless Ukraine pulls out of four "
                "regions, or else Kyiv has to stop mobilizing and give up Western weapons.",
                "RU ceasefire condition | the Russian memorandum, reported by a journalist",
                "RU withdrawal demand 100 | the Russian memorandum, reported by a journalist",
                "RU mobilisation demand | the Russian memorandum, reported by a journalist",
                "RU military_aid demand 100 | the Russian memorandum, reported by a journalist",
            ),
            S(
                "What I can say is that the President wants the killing to stop, and the "
                "Secretary has been very clear that we need to see both sides put concrete terms "
                "on paper, and now they have.",
                "US ceasefire demand | the killing to stop",
            ),
            S(
                "We've called for a full and unconditional 30-day ceasefire since March, Ukraine "
                "agreed to it in Jeddah, and we'd like to see Russia agree to it as well.",
                "US ceasefire demand 0",
                "UA ceasefire accept 0 by=US | past: Jeddah",
            ),
            S(
                "It asks for an all-for-all prisoner exchange and the return of deported children.",
                "UA prisoners demand 0 | it: the Ukrainian memorandum, reported by a journalist",
            ),
            S(
                "We support getting people home, and we welcomed the agreement on a further "
                "exchange of severely wounded and young soldiers.",
                "US prisoners accept 50",
            ),
            S(
                "The President has said that sanctions are on the table if Russia does not move, "
                "and he's kept that option open.",
                "US sanctions propose 0 | the President's own sanctions, stated conditionally",
            ),
        ],
    ),
    Doc(
        "c12_encyclopedia_jeddah_riyadh_talks_2025.txt",
        ENCYCLOPEDIA,
        "2025-04-10",
        [
            S(
                "Relations between Washington and Kyiv deteriorated after a meeting in the Oval "
                "Office on 28 February, following which the US paused military aid and "
                "intelligence sharing.[5]",
                "US military_aid reject | past: the pause of early March",
            ),
            S(
                "In a joint statement, Ukraine expressed its readiness to accept the US proposal "
                "for an immediate, interim 30-day ceasefire, which could be extended by mutual "
                "agreement and would be subject to acceptance by the Russian Federation.[6]",
                "UA ceasefire accept 0 | past: Jeddah, 11 March",
                "US ceasefire propose 0 | past: Jeddah, 11 March",
            ),
            S(
                "The United States said it would immediately lift the pause on intelligence "
                "sharing and resume security assistance to Ukraine.[6]",
                "US military_aid propose 25 | past: Jeddah, 11 March",
            ),
            S(
                "In a telephone call on 18 March, Vladimir Putin declined the full 30-day "
                "ceasefire but agreed to a mutual 30-day halt on strikes against energy "
                "infrastructure.[8]",
                "RU ceasefire reject 0 | past: 18 March",
                "RU ceasefire accept 25 | past: 18 March",
            ),
            S(
                "According to the Kremlin's readout, Putin stated that a complete cessation of "
                "foreign military aid and intelligence to Kyiv was the key condition for "
                "preventing an escalation, and that any ceasefire would require a halt to forced "
                "mobilisation and the rearmament of the Ukrainian army.[8][9]",
                "RU military_aid demand 100 | past: 18 March",
                "RU ceasefire condition 75 | past: 18 March",
                "RU mobilisation demand | past: 18 March; the condition demanded in return",
            ),
            S(
                "Putin also agreed to a 175-for-175 exchange of prisoners with Ukraine, carried "
                "out the next day.[9]",
                "RU prisoners accept | past: 18 March",
            ),
            S(
                "The White House announced that the sides had agreed to ensure safe navigation in "
                "the Black Sea, and that the United States would help restore Russia's access to "
                "world markets for agricultural and fertiliser exports.[10]",
                (
                    "RU ceasefire accept 25 | the sides: Russia and Ukraine, each in talks with "
                    "the US; the Black Sea"
                ),
                (
                    "UA ceasefire accept 25 | the sides: Russia and Ukraine, each in talks with "
                    "the US; the Black Sea"
                ),
                "US sanctions propose 75 | easing for Russian agricultural exports",
            ),
            S(
                "Shortly afterwards, the Kremlin said the Black Sea arrangement would take effect "
                "only after restrictions on Rosselkhozbank and other banks involved in food trade "
                "were lifted and those banks reconnected to SWIFT.[11]",
                "RU ceasefire condition 25 | the Black Sea arrangement",
                "RU sanctions demand 75 | relief for agricultural banks",
            ),
            S(
                "The European Union said that the lifting of any of its sanctions would require "
                "the unconditional withdrawal of Russian forces from the whole territory of "
                "Ukraine.[12]",
                "EU sanctions condition | relief only after a full withdrawal",
                "EU withdrawal demand 0 | the condition demanded in return",
            ),
        ],
    ),
]


def annotate(doc: Doc, text: str) -> list[dict[str, Any]]:
    """The document's claims in text order, claims of one sentence in the order written."""
    claims = [gb.claim(text, doc.file, c) for c in doc.claims]
    return sorted(claims, key=lambda claim: claim["start"])


def build(texts: Path = TEXTS) -> dict[str, Any]:
    """The gold file's content, computed from the texts under ``texts``."""
    documents = []
    for doc in DOCS:
        text, digest = gb.read(texts / doc.file)
        claims = annotate(doc, text)
        documents.append(gb.document(doc.file, digest, doc.kind, LICENCE, doc.date, claims))
    return gb.gold(DESCRIPTION, "tuning", documents)


def main() -> int:
    gb.write(OUT, build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
