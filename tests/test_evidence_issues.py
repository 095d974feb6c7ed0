"""Which issue a sentence is about (``evidence/issue_terms.py``, ``IssueMatcher``), references
back to an issue, and the position an option's words imply; hand-written sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from pourparler.evidence.extract import Extractor, extract_claims
from pourparler.evidence.mentions import (
    IssueMatcher,
    implied_options,
    longest,
    required_literals,
    split_sentences,
)
from pourparler.evidence.rules import implied
from pourparler.scenario import load_scenario
from pourparler.scenario.model import Option


@pytest.fixture(scope="module")
def sc():
    return load_scenario("istanbul-2025")


@pytest.fixture(scope="module")
def matcher(sc):
    return IssueMatcher(sc)


def issues(matcher: IssueMatcher, text: str) -> set[str]:
    return {iid for *_, iid in matcher.find(text)}


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        # territory and the line
        ("Moscow wants Kyiv to pull its troops out of the east.", "withdrawal"),
        ("We will never give away our land.", "withdrawal"),
        ("The draft would freeze the war where it stands.", "withdrawal"),
        ("A demilitarised buffer zone would separate the armies.", "withdrawal"),
        ("Moscow asks for the whole of Donetsk.", "withdrawal"),
        ("Moscow asks for the whole of the four regions.", "withdrawal"),
        ("Moscow wants the restrictions on our banks lifted.", "sanctions"),
        ("Curbs on Russian oil exports stay.", "sanctions"),
        ("Partners must raise the pressure on the aggressor.", "sanctions"),
        ("Only pressure can force Moscow to talk.", "sanctions"),
        ("An exchange of territory is discussed.", "withdrawal"),
        ("Moscow wants all of Donetsk.", "withdrawal"),
        ("Allies buy US weapons for Kyiv through PURL.", "military_aid"),
        ("Moscow questions Zelensky's legitimacy.", "elections"),
        ("Talks on territory start next week.", "withdrawal"),
        ("They want the cities Kyiv still holds.", "withdrawal"),
        ("A complete withdrawal of the Armed Forces of Ukraine was demanded.", "withdrawal"),
        ("Kyiv wants the occupied territories returned.", "withdrawal"),
        ("Putin demanded that Ukraine hand over the rest of Donetsk.", "withdrawal"),
        # recognition
        ("The plan treats Crimea as de facto Russian.", "recognition"),
        ("Nobody may redraw Europe's borders by force.", "recognition"),
        ("They would declare those regions Russian.", "recognition"),
        ("The regions would become part of the Russian Federation.", "recognition"),
        ("Moscow insists the four regions are part of Russia.", "recognition"),
        # NATO and neutrality
        ("Kyiv must renounce any alliance.", "nato"),
        ("The draft asks for a neutral, non-aligned country.", "nato"),
        ("Ukraine would give up its NATO bid.", "nato"),
        ("It is not for Moscow to say which alliance Kyiv joins.", "nato"),
        ("There is no path to NATO for now.", "nato"),
        # army limits
        ("No one will dictate the size of our army.", "army_limits"),
        ("The text sets a ceiling of 700,000.", "army_limits"),
        ("Its armed forces would be capped at 500,000.", "army_limits"),
        ("Moscow wants to shrink its armed forces.", "army_limits"),
        ("The Kremlin insists Ukraine must be demilitarised.", "army_limits"),
        # foreign troops
        ("Paris may send a reassurance force.", "foreign_troops"),
        ("Military contingents of any state are unwelcome.", "foreign_troops"),
        ("Partners may station troops on its territory.", "foreign_troops"),
        ("No Western soldier may set foot in the country.", "foreign_troops"),
        # sanctions
        ("The EU will lift restrictive measures.", "sanctions"),
        ("Frozen assets should pay for the damage.", "sanctions"),
        ("We will raise the economic cost for the aggressor.", "sanctions"),
        ("The G7 lowered the price cap.", "sanctions"),
        ("We keep targeting the shadow fleet.", "sanctions"),
        # military aid
        ("We will keep sending air defence systems.", "military_aid"),
        ("London pledged more ammunition.", "military_aid"),
        ("The West must stop supplying Kyiv with weapons.", "military_aid"),
        ("Brussels gives military and financial support.", "military_aid"),
        ("We will give Kyiv what it needs to defend itself.", "military_aid"),
        ("Kyiv asked for more Patriot systems and F-16s.", "military_aid"),
        # prisoners
        ("Both sides agreed an all-for-all swap.", "prisoners"),
        ("The POWs came home.", "prisoners"),
        ("We want every child Russia has taken back home.", "prisoners"),
        ("An exchange of 300 for 300 followed.", "prisoners"),
        ("Moscow will hand over 900 bodies.", "prisoners"),
        # ceasefire
        ("We agree to cease hostilities.", "ceasefire"),
        ("Safe navigation in the Black Sea was agreed.", "ceasefire"),
        ("He wants the killing to stop.", "ceasefire"),
        # guarantees
        ("Kyiv seeks an Article 5-like pledge.", "guarantees"),
        ("A security arrangement must deter a future invasion.", "guarantees"),
        ("A group of guarantor states would be formed.", "guarantees"),
        # the other issues
        ("Moscow wants a presidential election within 100 days.", "elections"),
        ("Russian would become an official language.", "language"),
        ("The rights of Russian-speaking citizens are at stake.", "language"),
        ("Talks on mobilising more men stalled.", "mobilisation"),
        ("Ukraine's future lies in the European Union.", "eu_membership"),
        ("Accession negotiations should open soon.", "eu_membership"),
        # more of the common words for each issue
        ("Moscow wants Kyiv to pull out of four regions.", "withdrawal"),
        ("Kyiv's troops would leave the Kherson and Donetsk regions.", "withdrawal"),
        ("He asks Kyiv to hand over the parts of the Luhansk region it holds.", "withdrawal"),
        ("First the guns must fall silent.", "ceasefire"),
        ("This cessation has to hold.", "ceasefire"),
        ("We want to bring the fighting to an end.", "ceasefire"),
        ("Kyiv rejects any ban on its choice of alliances.", "nato"),
        ("Ukraine will not be kept neutral.", "nato"),
        ('Europe said borders "must not be changed by force".', "recognition"),
        ("Borders are not to be changed by force.", "recognition"),
        ("Talks on troop numbers stalled.", "army_limits"),
        ("Kyiv may invite its partners on to its territory.", "foreign_troops"),
        ("They plan a force that could deploy to Ukraine.", "foreign_troops"),
        ("Kyiv wants the return of the 20,000 children.", "prisoners"),
        ("We provide the equipment and training it needs.", "military_aid"),
        ("On weapons, nothing has changed.", "military_aid"),
        ("Some favour easing restrictions on Russian grain.", "sanctions"),
        ("Kyiv alone may choose its alliances.", "nato"),
        ("Ukraine would renounce membership for good.", "nato"),
        ("The draft allows a peacetime army of up to 800,000.", "army_limits"),
        ("Kyiv keeps its armed forces of 900,000.", "army_limits"),
        ("Berlin will not send long-range missiles.", "military_aid"),
        ("Oslo pledged interceptors.", "military_aid"),
        ("More arms for Kyiv are on the way.", "military_aid"),
        ("Moscow wants Russian-language schools reopened.", "language"),
        ("An armistice may come first.", "ceasefire"),
        ("They offered humanitarian pauses.", "ceasefire"),
        ("NATO's door stays open.", "nato"),
        ("Nobody will bring Kyiv into NATO soon.", "nato"),
        ("Kyiv wants a defence pact with the West.", "guarantees"),
        ("The Budapest Memorandum failed Ukraine.", "guarantees"),
        ("A deal must not legitimise the annexation.", "recognition"),
        ("Kyiv will not accept Russian sovereignty there.", "recognition"),
        ("The de-occupation of Crimea remains the goal.", "withdrawal"),
        ("Russia must pull its forces out of Ukraine.", "withdrawal"),
        ("Kyiv seeks a return to the 1991 borders.", "withdrawal"),
        ("He spoke of the pre-war lines.", "withdrawal"),
        ("An oil embargo is next.", "sanctions"),
        ("Washington weighs secondary tariffs.", "sanctions"),
        ("The reparations loan was approved.", "sanctions"),
        ("Moscow wants the West to stop arming Ukraine.", "military_aid"),
        ("They promise lethal aid.", "military_aid"),
        ("Kyiv may lower the mobilisation age.", "mobilisation"),
        ("They agreed on the repatriation of bodies.", "prisoners"),
        ("Both sides hold civilian detainees.", "prisoners"),
        ("Membership of the EU is Kyiv's goal.", "eu_membership"),
        ("The first negotiating cluster may open.", "eu_membership"),
        ("A safe-navigation deal was signed.", "ceasefire"),
        ("The bloodshed must stop.", "ceasefire"),
        ("He wants to end the bloodbath.", "ceasefire"),
        ("A force would deter future Russian aggression.", "guarantees"),
        ("Its road to the EU is open.", "eu_membership"),
        ("Moscow asks for land Russia has never held.", "withdrawal"),
        ("Kyiv must keep the towns its army controls.", "withdrawal"),
        ("Fighting goes on near Russian-held areas.", "withdrawal"),
        # the words of official statements and readouts
        ("Moscow declared a 72-hour pause over the holiday.", "ceasefire"),
        ("He announced two one-day 'pauses' in May.", "ceasefire"),
        ("Any accord must ensure Moscow is never able to attack again.", "guarantees"),
        ("Partners met to plan for Ukraine's long-term security.", "guarantees"),
        ("We will end imports of Russian coal this year.", "sanctions"),
        ("Europe must cut its dependence on Russian gas.", "sanctions"),
        ("Today we sanctioned VTB and Sovcomflot.", "sanctions"),
        ("We keep the pressure up on Moscow.", "sanctions"),
        ("Allies reaffirmed their military, financial and humanitarian support.", "military_aid"),
        ("Kyiv set out its military needs for the winter.", "military_aid"),
        ("Partners will help Kyiv defend its cities.", "military_aid"),
        ("We stand by Ukraine's inherent right to defend itself.", "military_aid"),
        ("Norway sent anti-aircraft guns.", "military_aid"),
        ("We call for the release of the four detained journalists.", "prisoners"),
        ("Both sides agreed on the return of the fallen.", "prisoners"),
        ("Allies will reinforce NATO's eastern flank.", "nato_russia"),
        ("Moscow must halt its drone strikes now.", "ceasefire"),
        ("Any deal must protect against renewed Russian aggression.", "guarantees"),
        ("We are ready to defend the peace agreement ourselves.", "guarantees"),
        ("The text fixes a peacetime strength of 600,000.", "army_limits"),
        ("Partners sent such a force before.", "foreign_troops"),
        ("The measures cut Russia off from the global financial system.", "sanctions"),
        ("We froze the assets of Russia's central bank.", "sanctions"),
        ("We provide security, economic and humanitarian assistance.", "military_aid"),
        ("Berlin will keep up its defence support.", "military_aid"),
        ("They pledged more materiel.", "military_aid"),
        ("We will aid Ukraine's war effort.", "military_aid"),
        ("Partners will help rebuild Ukraine's armed forces.", "military_aid"),
        ("We invest in Ukraine's defence industry.", "military_aid"),
        ("Our mission has trained 40,000 Ukrainian soldiers.", "military_aid"),
        ("The supply of shells to Ukraine continues.", "military_aid"),
        ("Kyiv asked for interceptor drones.", "military_aid"),
        ("We demand an end to the deportation of Ukrainian children.", "prisoners"),
        ("Civilians forcibly deported must come home.", "prisoners"),
        ("Russia keeps detaining Ukrainian civilians.", "prisoners"),
        ("We call for the release by Russia of our colleagues.", "prisoners"),
        ("Kyiv wants the expulsion of the occupiers.", "withdrawal"),
        ("The liberation of Crimea remains our aim.", "withdrawal"),
        ("Kyiv may one day become a member of the alliance.", "nato"),
        ("We stand by the Bucharest Summit Declaration.", "nato"),
        ("Ukraine alone has the right to choose alliances.", "nato"),
        ("The aim is to push Russia out of Ukrainian territory.", "withdrawal"),
        ("They will expel the invaders from their land.", "withdrawal"),
        ("Ukraine must restore its sovereign territory.", "withdrawal"),
        ("We have sent more than 5,000 anti-tank weapons.", "military_aid"),
        ("Poland is gifting more main battle tanks.", "military_aid"),
        ("Britain will send Challengers and Starstreak launchers.", "military_aid"),
        ("The package holds counter-drone systems.", "military_aid"),
        ("We will keep equipping Ukrainian forces.", "military_aid"),
        ("We provide the capabilities Ukraine needs.", "military_aid"),
        ("They offered training to 3,000 Ukrainian pilots.", "military_aid"),
        ("We fund the return and rehabilitation of children.", "prisoners"),
        ("New measures isolate Russia's economy.", "sanctions"),
        ("Kyiv hopes to open membership negotiations soon.", "eu_membership"),
        ("The reform brings Ukraine closer to the EU.", "eu_membership"),
        ("We welcome more U.S. assistance.", "military_aid"),
        ("We will support Ukraine's ability to defend itself.", "military_aid"),
        ("Both sides pledged not to strike energy infrastructure.", "ceasefire"),
        ("We must drain the Kremlin's war chest.", "sanctions"),
        ("The measures curb Russia's ability to finance the war.", "sanctions"),
        ("Moscow must cease military operations at once.", "ceasefire"),
        ("It is time to silence the guns.", "ceasefire"),
        ("Paris signed a bilateral security agreement with Kyiv.", "guarantees"),
        ("Russian troops must leave the country.", "withdrawal"),
        ("Moscow must end its illegal occupation.", "withdrawal"),
        ("Today we designated 40 more individuals.", "sanctions"),
        ("The package adds travel bans.", "sanctions"),
        ("We will starve the Kremlin's war machine.", "sanctions"),
        ("The EU's enlargement now includes Kyiv.", "eu_membership"),
        ("Deportees must come home.", "prisoners"),
        ("Kyiv listed the children unlawfully deported by Russia.", "prisoners"),
        ("Moscow wants relief for Rosselkhozbank.", "sanctions"),
        ("A truce would let Kyiv receive more weapons from the West.", "military_aid"),
        ("Kyiv's membership in the Alliance is a matter for allies.", "nato"),
        ("NATO's open door policy stands.", "nato"),
        ("The President approved a new drawdown package.", "military_aid"),
        ("Funds come from the European Peace Facility.", "military_aid"),
        ("The Ukraine Defense Contact Group met today.", "military_aid"),
        ("Congress extended Foreign Military Financing.", "military_aid"),
        ("We back its economic, military and financial resilience.", "military_aid"),
        ("The order bans new investments in Russia.", "sanctions"),
        ("A new Lend-Lease act passed.", "military_aid"),
        ("The windfall profits fund the loan.", "sanctions"),
        ("Washington threatened tariffs on buyers of Russian oil.", "sanctions"),
    ],
)
def test_the_words_of_diplomacy_and_news_name_the_issue(matcher, text, issue):
    assert issue in issues(matcher, text)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("There was a long line at the border post.", "withdrawal"),
        ("The plane will land in Ankara.", "withdrawal"),
        ("He gave a status update on the talks.", "language"),
        ("Aid is contingent on reform.", "foreign_troops"),
        ("The United States pulled out of the meeting.", "withdrawal"),
        ("Russian forces remain on Ukrainian territory.", "foreign_troops"),
        ("The withdrawal of foreign forces is Moscow's demand.", "withdrawal"),
        ("He spoke the language of peace.", "language"),
        ("We support the talks.", "military_aid"),
        ("Zelensky has never set foot in Moscow.", "foreign_troops"),
        ("It calls for the swift adoption of new rules.", "sanctions"),
        ("He is the de facto leader of the party.", "recognition"),
        ("Washington may withdraw from the talks.", "withdrawal"),
        ("Ukrainian land forces held the town.", "withdrawal"),
        ("Soldiers at the front are tired.", "withdrawal"),
        ("The army repelled attacks along the front.", "withdrawal"),
        ("The US may cut the military aid it sends.", "army_limits"),
        ("Russia fired more missiles at Kyiv.", "military_aid"),
        ("Russia receives drones from Iran.", "military_aid"),
        ("He called himself a patriot.", "military_aid"),
        ("Kyiv wants a pledge comparable to NATO's Article 5.", "nato"),
        ("According to NATO, the drills went well.", "nato"),
        ("Moscow redeployed units to Kursk.", "mobilisation"),
        ("Since his election he has travelled widely.", "elections"),
        ("We recognise the need for talks.", "recognition"),
        ("We do not recognise that description.", "recognition"),
        ("Kyiv will not recognise any agreement reached without it.", "recognition"),
        ("The Council will recognise the European perspective of Ukraine.", "recognition"),
        ("Guarantees, which will help Ukraine defend itself, are near.", "military_aid"),
        ("They left the room in silence.", "withdrawal"),
        ("The force of the argument was clear.", "foreign_troops"),
        ("He spoke about weapons of the past.", "military_aid"),
        ("Russia massed an army of 100,000 near the border.", "army_limits"),
        ("The UK will not abandon membership of the European Union.", "nato"),
        ("Russia armed its units well.", "military_aid"),
        ("The age of the building is unknown.", "mobilisation"),
        ("The land it owns is fertile.", "withdrawal"),
        ("Restrictions on our army are unacceptable.", "sanctions"),
        ("The pressure on the front is high.", "sanctions"),
        ("An exchange of territory is discussed.", "prisoners"),
        ("He bought a purl knitting pattern.", "military_aid"),
        ("Washington announced a 90-day pause on tariffs.", "ceasefire"),
        ("A 30-day pause in intelligence sharing followed.", "ceasefire"),
        ("The release of the staff report is due.", "prisoners"),
        ("Russia claims the right to defend its interests.", "military_aid"),
        ("The army holds the eastern flank of the city.", "nato_russia"),
        ("Russia imports Iranian drones.", "sanctions"),
        ("The supply of missiles to Russia from Iran grew.", "military_aid"),
        ("We met Ukraine's defence minister.", "military_aid"),
        ("He called off the strike at the port.", "ceasefire"),
        ("Moscow must withdraw its troops and military equipment.", "military_aid"),
        ("The humane treatment of prisoners of war is the law.", "prisoners"),
        ("Rain will force people out of the land near the river.", "withdrawal"),
        ("She has been a member of the alliance of reformers.", "nato"),
        ("We will not trade away Ukraine's ability to defend itself.", "military_aid"),
        ("Warsaw is closer to the EU than Kyiv.", "eu_membership"),
        ("The fund pays for demining of reclaimed land.", "withdrawal"),
        ("Russia receives missiles from North Korea.", "military_aid"),
    ],
)
def test_everyday_words_name_no_issue_without_their_context(matcher, text, issue):
    assert issue not in issues(matcher, text)


def test_the_longest_phrase_wins_over_a_phrase_of_another_issue_inside_it(matcher):
    text = "We will never recognise any part of our land as Russian."
    assert issues(matcher, text) == {"recognition"}
    assert issues(matcher, "The ceasefire line holds.") == {"withdrawal"}
    text = "They proposed de facto recognition of the other occupied territories."
    assert issues(matcher, text) == {"recognition"}
    # overlapping phrases of one issue are one mention
    assert longest([(0, 5, "a"), (3, 9, "a"), (12, 14, "a")]) == [(0, 9, "a"), (12, 14, "a")]
    # spans of one issue: a span starting inside a longer one of the same issue is dropped
    assert longest([(0, 10, "a"), (2, 4, "a"), (3, 20, "b")]) == [(0, 10, "a"), (3, 20, "b")]
    assert longest([(0, 10, "a"), (2, 4, "b")]) == [(0, 10, "a")]


def test_a_new_phrase_gives_a_claim_in_a_sentence(sc):
    claims = extract_claims("Russia demands that Ukraine renounce any alliance.", sc)
    assert ("RU", "nato", "demand") in {(c.actor, c.issue, c.stance) for c in claims}
    claims = extract_claims("The United Kingdom will keep supplying ammunition to Ukraine.", sc)
    assert ("UK", "military_aid") in {(c.actor, c.issue) for c in claims}


def test_what_a_rejection_puts_first_is_not_rejected(sc):
    claims = extract_claims("Russia rejects a truce before any talks on territory.", sc)
    assert {(c.actor, c.issue, c.stance) for c in claims} == {("RU", "ceasefire", "reject")}
    claims = extract_claims("Russia rejects talks on territory.", sc)
    assert ("RU", "withdrawal", "reject") in {(c.actor, c.issue, c.stance) for c in claims}


@pytest.mark.parametrize(
    "reply",
    [
        "Ukraine rejected those terms.",
        "Ukraine rejected that proposal.",
        "Ukraine rejected the offer.",
        "Ukraine rejected it.",
        "Ukraine rejects that.",
        "Ukraine rejected Moscow's offer.",
        "Ukraine rejected the Kremlin's proposal outright.",
        "Ukraine rejected his idea.",
        "Ukraine rejected the ultimatum.",
        "Ukraine refused to do so.",
    ],
)
def test_an_object_that_refers_back_takes_the_issue_named_before(sc, reply):
    text = "Russia proposed a truce of three days. " + reply
    assert ("UA", "ceasefire", "reject") in {
        (c.actor, c.issue, c.stance) for c in extract_claims(text, sc)
    }


@pytest.mark.parametrize(
    "reply",
    [
        "Ukraine rejected that reading of history.",
        "Ukraine rejected Moscow's view of history.",
        "Ukraine rejected the Kremlin's version of events.",
    ],
)
def test_an_unrelated_object_takes_no_issue_from_before(sc, reply):
    text = "Russia proposed a truce of three days. " + reply
    assert ("UA", "ceasefire", "reject") not in {
        (c.actor, c.issue, c.stance) for c in extract_claims(text, sc)
    }


def triples(sc, text: str) -> set[tuple[str, str, str]]:
    return {(c.actor, c.issue, c.stance) for c in extract_claims(text, sc)}


def test_items_of_one_object_joined_by_semicolons_or_and_to_stay_in_it(sc):
    text = (
        "Russia demands that Kyiv withdraw from the east; to renounce any alliance; "
        "and to shrink its armed forces."
    )
    assert {("RU", i, "demand") for i in ("withdrawal", "nato", "army_limits")} <= triples(sc, text)
    text = "Russia demands a truce, a prisoner exchange, and the lifting of sanctions."
    assert ("RU", "sanctions", "demand") in triples(sc, text)
    text = "Russia demands that Kyiv renounce any alliance, and that sanctions be lifted."
    assert ("RU", "sanctions", "demand") in triples(sc, text)
    text = "Russia seeks recognition of Crimea, a neutral Ukraine, and limits on its army."
    assert ("RU", "army_limits", "demand") in triples(sc, text)


def test_a_clause_with_its_own_subject_or_verb_ends_the_object(sc):
    text = "Ukraine agreed to a truce, and the United States restored intelligence sharing."
    assert ("UA", "military_aid", "accept") not in triples(sc, text)
    text = "Ukraine accepted a truce, and the sanctions will stay."
    assert ("UA", "sanctions", "accept") not in triples(sc, text)
    text = "Ukraine accepted a truce, and Russia demanded sanctions relief."
    assert ("UA", "sanctions", "accept") not in triples(sc, text)


def test_a_participle_or_purpose_clause_after_the_object_ends_it(sc):
    text = "Britain proposed a reassurance force, deployed away from the front line."
    assert triples(sc, text) == {("UK", "foreign_troops", "propose")}
    text = "Russia proposed a truce so that the bodies of the dead can be collected."
    assert triples(sc, text) == {("RU", "ceasefire", "propose")}
    # a list goes on after ", and" but not after a participle
    text = "Russia proposed a truce, and the return of the bodies of the soldiers."
    assert ("RU", "prisoners", "propose") in triples(sc, text)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("We welcome the latest exchange.", True),
        ("A swap followed the talks.", True),
        ("Both sides want their prisoners home.", True),
        ("We had an exchange of views.", False),
        ("The exchange rate fell.", False),
        ("A land swap is not on the table.", False),
        ("He met political prisoners.", False),
    ],
)
def test_an_exchange_or_swap_is_of_prisoners_unless_its_words_say_otherwise(matcher, text, named):
    assert ("prisoners" in issues(matcher, text)) is named


@pytest.mark.parametrize(
    ("text", "issue", "position"),
    [
        ("Moscow demands that Kyiv cap its army at 85,000 troops.", "army_limits", 100),
        ("The plan would cap the army at 600,000.", "army_limits", 50),
        ("Kyiv demands no restrictions on its armed forces.", "army_limits", 0),
        ("Washington proposed a staged lifting of sanctions.", "sanctions", 50),
        ("Russia demands the lifting of all sanctions.", "sanctions", 100),
        ("Moscow wants sanctions on its farm bank lifted and SWIFT access.", "sanctions", 75),
        ("Russia demands a withdrawal from all four regions.", "withdrawal", 100),
        ("Ukraine proposed a freeze along the current line of contact.", "withdrawal", 50),
        ("Russia demands a neutral, non-aligned and nuclear-free Ukraine.", "nato", 100),
        ("Kyiv called for an unconditional 30-day ceasefire.", "ceasefire", 0),
        ("Moscow offered a truce limited to energy infrastructure.", "ceasefire", 25),
        ("Moscow would agree to a truce only if Western arms deliveries end.", "ceasefire", 75),
        ("Moscow demands elections within 100 days.", "elections", 100),
        ("The UK will keep the military aid flowing.", "military_aid", 25),
        ("Moscow demands an end to Western arms deliveries.", "military_aid", 100),
        ("Kyiv demands the return of every deported child.", "prisoners", 0),
        ("Both sides agreed to an all-for-all exchange of prisoners.", "prisoners", 25),
        ("Kyiv asks for a guarantee modelled on Article 5.", "guarantees", 0),
        ("London wants a US backstop.", "guarantees", 25),
        ("Russia demands that Russian become an official language.", "language", 100),
        ("London says Ukraine is on an irreversible path to NATO membership.", "nato", 25),
        ("Moscow wants Kyiv to give up the rest of Donetsk.", "withdrawal", 75),
        ("Moscow wants Kyiv to leave the land it holds in four regions.", "withdrawal", 100),
        ("Moscow wants Kyiv to leave Donetsk, Luhansk and Kherson.", "withdrawal", 100),
        (
            "It asks Kyiv to freeze the front in Kherson and Zaporizhzhia and to hand over the"
            " rest of Donetsk.",
            "withdrawal",
            75,
        ),
        ("We will continue to ramp up military aid.", "military_aid", 0),
        ("We will continue to provide military aid.", "military_aid", 25),
        ("Kyiv demands that no state recognise the annexation.", "recognition", 0),
        ("Borders must not be changed by force.", "recognition", 0),
        ("Agree to a ceasefire now.", "ceasefire", 0),
        ("Kyiv won't recognise the regions as Russian, de jure or de facto.", "recognition", 0),
        ("The plan recognises Crimea as Russian de jure and the rest de facto.", "recognition", 75),
        ("Allies will bolster NATO's eastern flank.", "nato_russia", 0),
        ("Berlin will send only defensive weapons.", "military_aid", 50),
        ("Berlin will increase the supply of defensive weapons.", "military_aid", 0),
        ("We will accelerate deliveries of military aid.", "military_aid", 0),
        ("Russia must unconditionally cease hostilities and withdraw.", "ceasefire", 0),
        (
            "Russia must withdraw its troops and tanks from the entire territory of Ukraine.",
            "withdrawal",
            0,
        ),
        ("The sides agreed to exchange a thousand prisoners.", "prisoners", 50),
        ("We will end imports of Russian gas.", "sanctions", 0),
        ("This is the toughest sanctions package yet.", "sanctions", 0),
        ("Sanctions stay in place as long as the occupation lasts.", "sanctions", 25),
        ("Kyiv wants membership negotiations to open.", "eu_membership", 25),
        ("Allies stand by the Bucharest Summit Declaration on Kyiv's NATO path.", "nato", 25),
        ("We will provide military aid for as long as it takes.", "military_aid", 25),
        ("We continue our military aid: more than 1,000 missiles so far.", "military_aid", 25),
        ("Moscow wants all military aid to Ukraine to stop.", "military_aid", 100),
        ("Russia could end it by pulling its troops out of Ukraine.", "withdrawal", 0),
        ("Russia should withdraw from Ukrainian land.", "withdrawal", 0),
        (
            "Moscow wants the withdrawal of the forces of Ukraine from the whole of Donetsk.",
            "withdrawal",
            75,
        ),
        ("Moscow demands an end to Western military assistance.", "military_aid", 100),
        ("Britain sanctioned 30 individuals and entities.", "sanctions", 0),
        ("The EU adopted its 19th sanctions package.", "sanctions", 0),
    ],
)
def test_the_words_near_an_issue_imply_the_position_of_an_option(matcher, text, issue, position):
    assert matcher.position(issue, text) == position


def test_words_that_imply_no_option_imply_no_position(matcher):
    assert matcher.position("sanctions", "Russia spoke about sanctions.") is None
    # an option's words are whole words: not "more" in "Furthermore", "end" in "send"
    assert matcher.position("sanctions", "Furthermore, they praised the sanctions.") is None
    assert matcher.position("military_aid", "Berlin will send its weapons.") is None
    # the words near another issue's mention do not set this one's position
    text = "Moscow demands a truce, and elections within 100 days."
    assert matcher.position("ceasefire", text) is None


def test_a_phrase_implies_the_option_whose_label_it_fits_in_any_scenario():
    options = [
        Option(value=10, label="staged relief of sanctions with a snapback"),
        Option(value=90, label="sanctions kept"),
    ]
    implied = implied_options((("staged", "staged relief with snapback"),), options)
    assert [v for _, v in implied] == [10.0]
    # words that fit no label well enough: no phrase
    assert implied_options((("staged", "a regional language"),), options) == []


def test_a_claim_carries_the_position_its_object_implies(sc):
    claims = extract_claims("Russia demands that Ukraine cap its army at 85,000 troops.", sc)
    assert [(c.issue, c.position) for c in claims] == [("army_limits", 100.0)]


def test_the_quick_test_asks_for_the_most_selective_word_a_match_needs():
    assert required_literals(r"(?:that|the|an?) (?:exchanges?|swaps?)") == ("exchange", "swap")
    assert required_literals(r"(?<!internationally )recogni(?:se|tion)") == ("recogni",)
    assert required_literals(r"prisoners?(?: of war)?") == ("prisoner",)
    assert required_literals(r"a|b") == ("a", "b")  # alternatives: each one's prefix
    assert required_literals(r"[\d,]+ for") == ("for",)


def test_skipping_patterns_by_their_required_words_finds_the_same_issues(matcher):
    unfiltered = IssueMatcher(load_scenario("istanbul-2025"))
    unfiltered._pats = [(pat, iid, ()) for pat, iid, _ in unfiltered._pats]
    root = Path(__file__).resolve().parent / "data" / "evidence_written"
    for path in sorted(root.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for a, b in split_sentences(text):
            assert matcher.find(text[a:b]) == unfiltered.find(text[a:b])


@pytest.mark.parametrize(
    "text",
    [
        "The United Kingdom is ready to send troops after a ceasefire.",
        "The United Kingdom is ready to send troops in the event of a truce.",
        "The United Kingdom offered to send troops, should a ceasefire be agreed.",
        "The United Kingdom agreed on humanitarian relief during a truce.",
    ],
)
def test_an_issue_that_only_says_when_is_not_the_object(sc, text):
    assert ("UK", "ceasefire") not in {(c.actor, c.issue) for c in extract_claims(text, sc)}


def test_only_after_is_still_a_condition_and_a_relative_clause_ends_the_object(sc):
    text = "Russia said a ceasefire could begin only after Ukrainian forces had left the east."
    assert ("RU", "withdrawal", "demand") in triples(sc, text)
    text = "Ukraine demanded a truce, which it would use to receive Western weapons."
    assert triples(sc, text) == {("UA", "ceasefire", "demand")}


def test_items_joined_by_semicolons_stay_in_the_object_past_a_participle(sc):
    text = (
        "Russia proposes a truce, monitored by observers; an all-for-all exchange of "
        "prisoners; and the return of deported children."
    )
    assert {("RU", "ceasefire", "propose"), ("RU", "prisoners", "propose")} <= triples(sc, text)
    # a clause after the semicolon is no item of the object
    text = "Russia proposes a truce; we reject sanctions relief."
    assert ("RU", "sanctions", "propose") not in triples(sc, text)


def test_a_subject_that_refers_back_takes_the_issue_named_before(sc):
    text = "Russia proposed a truce of three days. The proposal was rejected by Ukraine."
    assert ("UA", "ceasefire", "reject") in triples(sc, text)
    text = "Russia proposed a truce of three days. The talks were welcomed by the United Kingdom."
    assert ("UK", "ceasefire", "accept") not in triples(sc, text)
    text = "Russia proposed a truce of three days. Moscow's offer was rejected by Ukraine."
    assert ("UA", "ceasefire", "reject") in triples(sc, text)
    text = "Russia proposed a truce of three days. Moscow's view was rejected by Ukraine."
    assert ("UA", "ceasefire", "reject") not in triples(sc, text)


@pytest.mark.parametrize(
    "reply",
    [
        "Ukraine wants to end this war.",
        "Ukraine does not support such ambitions.",
        "Ukraine still prioritises these concerns.",
    ],
)
def test_a_demonstrative_before_a_noun_of_its_own_refers_back_to_no_issue(sc, reply):
    text = "Russia proposed a truce of three days. " + reply
    assert ("UA", "ceasefire") not in {(c.actor, c.issue) for c in extract_claims(text, sc)}


def test_a_cue_with_no_object_before_a_condition_refers_back(sc):
    text = "Washington proposed a truce of thirty days. Kyiv accepted, pending Moscow's reply."
    assert ("UA", "ceasefire", "accept") in triples(sc, text)
    text = "Washington proposed a truce of thirty days. Kyiv accepted the talks, pending a reply."
    assert ("UA", "ceasefire", "accept") not in triples(sc, text)


@pytest.mark.parametrize(
    "reply",
    [
        "Britain supports Kyiv's initiative for a just peace.",
        "Britain supports the proposal to hold a summit.",
        "Britain backs the plan towards peace.",
        "Britain backs Kyiv's initiative to this end.",
    ],
)
def test_a_proposal_with_its_own_content_refers_back_to_no_issue(sc, reply):
    text = "Russia proposed a truce of three days. " + reply
    assert ("UK", "ceasefire") not in {(c.actor, c.issue) for c in extract_claims(text, sc)}
    text = "Russia proposed a truce of three days. Britain backs the plan."
    assert ("UK", "ceasefire", "accept") in triples(sc, text)


@pytest.mark.parametrize(
    "reply",
    ["Ukraine will not agree to this.", "Ukraine rejected such a deal.", "Ukraine rejects these."],
)
def test_a_demonstrative_alone_or_before_a_proposal_refers_back(sc, reply):
    text = "Russia proposed a truce of three days. " + reply
    assert ("UA", "ceasefire", "reject") in triples(sc, text)


def test_a_pronoun_refers_to_the_sentences_own_issue_before_the_texts_earlier_one(sc):
    text = (
        "Russia wants sanctions lifted. Kyiv needs security guarantees, and the United Kingdom"
        " stands ready to contribute to them."
    )
    found = triples(sc, text)
    assert ("UK", "guarantees", "propose") in found
    assert ("UK", "sanctions", "propose") not in found


def test_taking_someone_at_their_word_refers_back_to_no_issue(sc):
    text = "Russia proposed a truce of three days. Britain says we should take it at its word."
    assert ("UK", "ceasefire") not in {(c.actor, c.issue) for c in extract_claims(text, sc)}


def test_an_and_that_clause_ends_an_object_unless_the_object_is_a_that_clause(sc):
    text = "Kyiv said it will never recognise Crimea as Russian and that talks on territory go on."
    assert ("UA", "withdrawal", "reject") not in triples(sc, text)
    text = "Russia demands that Kyiv renounce any alliance and that sanctions be lifted."
    assert {("RU", "nato", "demand"), ("RU", "sanctions", "demand")} <= triples(sc, text)


def test_an_issue_that_only_says_where_is_not_the_object(sc):
    text = "Russia proposed short truces on certain sections of the line of contact."
    assert triples(sc, text) == {("RU", "ceasefire", "propose")}
    text = "Russia proposed a freeze of the line of contact."
    assert ("RU", "withdrawal", "propose") in triples(sc, text)
    text = "France proposed a force stationed away from the front line."
    assert triples(sc, text) == {("FR", "foreign_troops", "propose")}


def test_a_demilitarised_buffer_zone_is_the_line_not_the_army(matcher):
    assert issues(matcher, "Donetsk would become a demilitarised buffer zone.") == {"withdrawal"}
    assert "army_limits" in issues(matcher, "Moscow wants Ukraine demilitarised.")


def test_and_said_starts_a_clause_of_its_own(sc):
    text = "Russia rejected the truce and said sanctions must go."
    assert ("RU", "sanctions", "reject") not in triples(sc, text)
    text = (
        "Russia said NATO membership for Ukraine was a red line and said talks must end"
        " NATO's expansion."
    )
    assert ("RU", "nato", "reject") in triples(sc, text)
    assert ("RU", "nato_russia", "reject") not in triples(sc, text)


def test_a_participle_of_saying_or_proposing_ends_the_object(sc):
    text = "Kyiv rejects any sanctions relief, proposing instead a truce along the front."
    found = triples(sc, text)
    assert ("UA", "sanctions", "reject") in found
    assert ("UA", "ceasefire", "reject") not in found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Paris restated France's firm support for Ukraine's territorial integrity.", "FR"),
        ("The talks showed the EU's lasting commitment to the sovereignty of Ukraine.", "EU"),
        ("He stressed Germany's respect for the inviolability of Ukraine's borders.", "DE"),
        (
            "Berlin recalled Germany's support for Ukraine's internationally recognised borders.",
            "DE",
        ),
        ("France remains firmly committed to Ukraine's territorial integrity.", "FR"),
        ("Today the European Union reaffirms its support for Ukraine's sovereignty.", "EU"),
    ],
)
def test_an_owners_support_for_territorial_integrity_rejects_recognition(sc, text, actor):
    assert (actor, "recognition", "reject") in triples(sc, text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia's lack of respect for Ukraine's sovereignty is plain.",
        "Russia's claim of sovereignty over Crimea is void.",
        "Russia does not respect Ukraine's sovereignty.",
        "Russia violates Ukraine's sovereignty and we support the talks.",
        "We demand that Russia respects Ukraine's territorial integrity.",
        "Does France's support for Ukraine's territorial integrity hold?",
        "The UK's support for the talks was clear, and Ukraine's sovereignty was discussed.",
    ],
)
def test_no_support_or_no_owner_of_it_rejects_nothing(sc, text):
    assert not any(c.issue == "recognition" for c in extract_claims(text, sc))


def test_territorial_integrity_alone_names_no_issue(matcher):
    text = "Ukraine's sovereignty and territorial integrity matter."
    assert issues(matcher, text) == set()
    assert [iid for *_, iid in matcher.opposed(text)] == ["recognition", "recognition"]


def test_a_citation_mark_after_a_full_stop_ends_the_sentence():
    text = "Kyiv accepted the truce.[6] The United States resumed aid.[12][13] It held."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Kyiv accepted the truce.[6]",
        "The United States resumed aid.[12][13]",
        "It held.",
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We will not falter in our resolute support for Ukraine's territorial integrity.", True),
        ("We remain firmly committed to Ukraine's sovereignty.", True),
        ("Moscow has no respect for our sovereignty.", False),
        ("Any peace must fully respect Ukraine's territorial integrity.", True),
        ("We demand that Moscow respects Ukraine's sovereignty.", True),
        ("Any peace must respect Russia's sovereignty and security.", False),
        ("Sovereignty and territorial integrity are not negotiable.", True),
        ("A deal need not restore Ukraine's territorial integrity at once.", False),
        ("We back our support for Ukraine defending its territorial integrity.", False),
        ("Russia violates Ukraine's sovereignty, and we condemn it.", False),
    ],
)
def test_with_a_voice_our_support_for_territorial_integrity_rejects_recognition(sc, text, found):
    reader = Extractor(sc)
    view = reader._view(text)
    claims = implied.owned_support(view, set(), reader.issues, voice="FR")
    assert (
        ("FR", "recognition", "reject") in {(f.actor, f.issue, f.stance) for f in claims}
    ) is found
    assert implied.owned_support(view, set(), reader.issues) == []


def test_no_before_a_capital_ends_the_sentence_and_before_a_number_does_not():
    text = "No. We resumed aid. He lives at No. 10 Downing Street. The answer is no. It held."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "No.",
        "We resumed aid.",
        "He lives at No. 10 Downing Street.",
        "The answer is no.",
        "It held.",
    ]


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("London will send more equipment to the front before winter.", "military_aid"),
        ("Berlin pledged to deliver the armoured equipment Kyiv asked for.", "military_aid"),
        ("Washington unveiled a package worth $250 million for Kyiv.", "military_aid"),
        ("Brussels approved a new package of €500 million for the Ukrainian army.", "military_aid"),
        ("Our nation's future lies within the European Union.", "eu_membership"),
        ("The future of Ukraine and its people lies within the EU.", "eu_membership"),
        ("Kyiv backs a lower, floating cap on Russian crude.", "sanctions"),
        ("Ukrainians deserve to be in the EU.", "eu_membership"),
        ("Kyiv hopes to become a full member of the European Union.", "eu_membership"),
        ("The new measures target the pressure points of Russia's economy.", "sanctions"),
    ],
)
def test_the_words_of_official_statements_name_aid_membership_and_pressure(matcher, text, issue):
    assert issue in issues(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "The agency will provide medical equipment to hospitals in Kharkiv.",
        "Partners sent energy equipment to repair the grid.",
        "Donors announced a humanitarian package worth $50 million.",
    ],
)
def test_equipment_or_a_package_for_civilian_needs_is_no_military_aid(matcher, text):
    assert "military_aid" not in issues(matcher, text)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("The ministers will impose heavy economic costs on Russia.", "sanctions"),
        ("Allies vowed to impose severe consequences upon the Kremlin.", "sanctions"),
        ("Paris shipped forty light tanks to Ukraine.", "military_aid"),
        ("We will not rest until we bring every deported child home.", "prisoners"),
        ("Diplomats worked for months to secure the release of the crew.", "prisoners"),
        ("Forty soldiers returned home from captivity on Friday.", "prisoners"),
        ("Hundreds of medics are still in Russian captivity.", "prisoners"),
        ("The assembly condemned the sham referendums held in the occupied south.", "recognition"),
        ("The so-called 'referenda' have no legal effect.", "recognition"),
        ("The government set out its plan for EU integration.", "eu_membership"),
        ("Allies discussed long-term support for Ukraine's freedom and security.", "guarantees"),
        ("The mission would train pilots, partly by operating inside Ukraine.", "foreign_troops"),
        ("London will keep helping Ukraine to repel the invasion.", "military_aid"),
        ("Partners pledged to support Ukrainians in fighting on.", "military_aid"),
    ],
)
def test_costs_imposed_returns_home_and_sham_votes_name_their_issues(matcher, text, issue):
    assert issue in issues(matcher, text)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Kyiv proposed a referendum on any peace deal.", "recognition"),
        ("The treatment of prisoners at every stage of captivity was cruel.", "prisoners"),
        ("Russian drones struck Kharkiv overnight.", "military_aid"),
        ("Russian forces operating inside Ukraine shelled the town.", "foreign_troops"),
    ],
)
def test_a_plain_referendum_or_the_conditions_of_captivity_name_no_issue(matcher, text, issue):
    assert issue not in issues(matcher, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The US proposed a ceasefire. Ukraine agreed to this without any further delay.", True),
        ("The US proposed a ceasefire. Ukraine agreed to this trade of captured soldiers.", False),
    ],
)
def test_a_demonstrative_before_a_time_adverbial_refers_back(sc, text, found):
    claims = {(c.actor, c.issue, c.stance) for c in extract_claims(text, sc)}
    assert (("UA", "ceasefire", "accept") in claims) is found


def test_more_countries_aligning_with_sanctions_tightens_them(matcher):
    assert matcher.position("sanctions", "urged its neighbours to align with EU sanctions") == 0
    assert matcher.position("sanctions", "kept the EU sanctions under review") is None


@pytest.mark.parametrize(
    ("issue", "text", "position"),
    [
        ("military_aid", "pledged sustained military support to Kyiv", 25),
        ("military_aid", "an ongoing supply of weapons", 25),
        ("ceasefire", "announced a 72-hour truce for the holiday", 50),
        ("ceasefire", "two unilateral, one-day 'pauses'", 50),
        ("sanctions", "called for new, tough sanctions on Moscow", 0),
    ],
)
def test_steady_aid_short_pauses_and_new_sanctions_imply_their_options(
    matcher, issue, text, position
):
    assert matcher.position(issue, text) == position
