"""Which stance a sentence takes: stance cues, their negation, conditions, offers and
acceptances, questions and hypotheses (``rules/cues.py``, ``rules/stance.py``,
``vocabulary.py``), each rule on short hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from pourparler.evidence.extract import extract_claims
from pourparler.evidence.mentions import ActorMatcher
from pourparler.evidence.rules.cues import find_cues, passive
from pourparler.scenario import Scenario, load_scenario


@pytest.fixture(scope="module")
def sc() -> Scenario:
    return load_scenario("istanbul-2025")


def triples(text: str, sc: Scenario) -> set[tuple[str, str, str]]:
    return {(c.actor, c.issue, c.stance) for c in extract_claims(text, sc)}


def cue_words(sentence: str) -> list[str]:
    mentions = ActorMatcher(load_scenario("istanbul-2025")).find(sentence)
    return [c.text.lower() for c in find_cues(sentence, mentions)]


# --- passives and nouns are no stance of the subject -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Sanctions on Russia were lifted last spring.",
        "That idea was rejected at the summit.",
        "New sanctions were imposed last week.",
    ],
)
def test_a_passive_without_its_agent_is_no_cue(sentence):
    assert cue_words(sentence) == []


def test_a_passive_with_its_agent_and_a_state_stay_cues():
    assert cue_words("The truce proposed by Kyiv was welcomed.")[:1] == ["proposed"]
    assert cue_words("Berlin is opposed to new troops.") == ["opposed"]
    text = "Sanctions were lifted."
    assert passive(text, text.index("lifted"), text.index("."))
    text = "Moscow lifted its objection."
    assert not passive(text, text.index("lifted"), text.index(" its"))


def test_a_passive_inside_a_demand_leaves_the_demand(sc):
    assert triples("Moscow demands that all sanctions be lifted.", sc) == {
        ("RU", "sanctions", "demand")
    }


def test_a_participle_describing_a_noun_is_no_stance(sc):
    text = "Brussels will help Kyiv restore its internationally recognised borders."
    assert "recognised" not in cue_words(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "London set out the next tranche of its military support.",
        "Paris gave no sign that it would change course.",
        "The Kremlin thanked Ankara for its support of the talks.",
    ],
)
def test_support_and_sign_as_nouns_are_no_cues(sentence):
    assert not {"support", "sign"} & set(cue_words(sentence))


def test_support_and_sign_as_verbs_stay_cues(sc):
    assert ("UK", "ceasefire", "accept") in triples("Britain will support a ceasefire.", sc)
    assert "sign" in cue_words("Kyiv will sign the ceasefire agreement.")


# --- what an acceptance of "no X" and a readiness to act mean --------------------------------


def test_accepting_no_x_rejects_x(sc):
    assert triples("Moscow will accept no foreign troops in Ukraine.", sc) == {
        ("RU", "foreign_troops", "reject")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The EU stands ready to increase pressure on Russia through new sanctions.",
            ("EU", "sanctions", "propose"),
        ),
        ("Britain stands ready to lead a reassurance force.", ("UK", "foreign_troops", "propose")),
        (
            "Moscow is ready to transfer the prisoners of war it holds.",
            ("RU", "prisoners", "propose"),
        ),
    ],
)
def test_being_ready_to_act_oneself_is_an_offer(sc, sentence, expected):
    assert expected in triples(sentence, sc)


def test_agreeing_to_a_mutual_exchange_accepts_it(sc):
    assert ("UA", "prisoners", "accept") in triples("Kyiv agreed to exchange prisoners of war.", sc)


def test_being_ready_to_agree_is_an_acceptance(sc):
    assert ("RU", "ceasefire", "accept") in triples("Moscow is ready to agree to a ceasefire.", sc)


# --- conditions stay in their clause ---------------------------------------------------------


def test_a_condition_in_another_clause_leaves_an_acceptance(sc):
    text = (
        "Ukraine accepted the ceasefire in March, while Moscow said a truce was possible only "
        "if arms deliveries stopped."
    )
    found = triples(text, sc)
    assert ("UA", "ceasefire", "accept") in found
    assert ("UA", "ceasefire", "condition") not in found


def test_a_condition_in_the_same_clause_makes_a_condition(sc):
    text = "Moscow would accept a ceasefire only if arms deliveries stopped."
    assert ("RU", "ceasefire", "condition") in triples(text, sc)


# --- calls on others -------------------------------------------------------------------------


@pytest.mark.parametrize("adverb", ["once again", "again", "also", "repeatedly"])
def test_a_call_on_another_with_an_adverb_is_a_demand(sc, adverb):
    text = f"Britain calls {adverb} on Russia to accept a ceasefire."
    assert triples(text, sc) == {("UK", "ceasefire", "demand")}


# --- questions and hypotheses take no stance -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Even if the leaders meet, NATO would accept a ceasefire.",
        "It is uncertain that Moscow will accept a ceasefire.",
        "It is unclear if Kyiv would agree to a ceasefire.",
        "To ask His Majesty's Government what plans they have to send troops to a "
        "reassurance force.",
    ],
)
def test_open_questions_and_hypotheses_take_no_stance(sc, sentence):
    assert triples(sentence, sc) == set()


def test_a_participle_whose_agent_is_no_actor_is_no_cue():
    assert "backed" not in cue_words("Kyiv wants a lasting peace backed by strong guarantees.")
    assert "backed" in cue_words("The plan was drafted in March and backed by Ukraine.")


# --- the vocabulary of stance in diplomatic and news English ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kyiv remains ready for an unconditional ceasefire.", ("UA", "ceasefire", "accept")),
        ("Zelensky has put a full ceasefire on the table.", ("UA", "ceasefire", "propose")),
        ("Trump has taken NATO membership off the table.", ("US", "nato", "reject")),
        ("Paris tabled a plan for a reassurance force.", ("FR", "foreign_troops", "propose")),
        ("Washington put forward a ceasefire proposal.", ("US", "ceasefire", "propose")),
        ("Washington promised a security guarantee.", ("US", "guarantees", "propose")),
        (
            "Britain could play a part in a reassurance force.",
            ("UK", "foreign_troops", "propose"),
        ),
        ("Ukrainians have said yes to a ceasefire.", ("UA", "ceasefire", "accept")),
        ("Russia, Ukraine agree prisoner swap", ("UA", "prisoners", "accept")),
        ("Moscow again showed no interest in a ceasefire.", ("RU", "ceasefire", "reject")),
        ("Zelensky said Kyiv will not trade its land for peace.", ("UA", "withdrawal", "reject")),
        ("Britain has sanctioned hundreds of tankers.", ("UK", "sanctions", "propose")),
        (
            "Putin pressed again for the withdrawal of Ukrainian troops.",
            ("RU", "withdrawal", "demand"),
        ),
        ("The EU backs Ukraine's bid for EU membership.", ("EU", "eu_membership", "accept")),
        ("Moscow's insistence on Ukraine's neutrality is unchanged.", ("RU", "nato", "demand")),
    ],
)
def test_stance_idioms(sc, sentence, expected):
    assert expected in triples(sentence, sc)


def test_obliging_another_is_a_demand(sc):
    text = "The Russian memorandum would oblige Kyiv to halt mobilisation."
    assert ("RU", "mobilisation", "demand") in triples(text, sc)


def test_there_can_be_no_is_the_speakers_rejection(sc):
    text = "Starmer said there can be no limits on the size of Ukraine's army."
    assert triples(text, sc) == {("UK", "army_limits", "reject")}


def test_nobody_talking_about_it_rules_it_out(sc):
    text = "Nobody's talking about sending American troops to a reassurance force, Rubio said."
    assert ("US", "foreign_troops", "reject") in triples(text, sc)


def test_putting_forward_demands_is_demanding(sc):
    text = "Russia put forward harsh demands, including the withdrawal of Ukrainian troops."
    assert triples(text, sc) == {("RU", "withdrawal", "demand")}


# --- conditions ------------------------------------------------------------------------------


def test_a_condition_after_a_demand_is_a_stance_of_its_own(sc):
    text = "Moscow stipulated that a ceasefire could begin only after Kyiv halts its mobilisation."
    found = triples(text, sc)
    assert ("RU", "ceasefire", "condition") in found
    assert ("RU", "mobilisation", "demand") in found


def test_a_condition_that_was_stated_is_a_demand_for_what_it_requires(sc):
    text = "Putin's condition was that arms deliveries stop before any ceasefire."
    found = triples(text, sc)
    assert ("RU", "military_aid", "demand") in found
    assert ("RU", "ceasefire", "condition") in found
    assert ("RU", "military_aid", "condition") not in found


def test_only_if_with_nothing_conditioned_demands_what_it_requires(sc):
    text = "Russia would accept a pause only if Western arms deliveries stop."
    found = triples(text, sc)
    assert ("RU", "military_aid", "demand") in found
    assert ("RU", "military_aid", "condition") not in found


def test_a_condition_noun_on_a_date_is_no_condition_cue():
    assert cue_words("Putin's condition on the 18th was unclear.") == []


def test_what_an_agreement_would_require_is_demanded_and_the_agreement_conditioned(sc):
    text = "Putin said that a full ceasefire would require an end to Western military aid."
    assert triples(text, sc) == {("RU", "ceasefire", "condition"), ("RU", "military_aid", "demand")}


def test_and_said_that_opens_a_clause_of_its_own(sc):
    text = (
        "Putin offered a pause in strikes and said that a full ceasefire would require an end "
        "to Western military aid."
    )
    found = triples(text, sc)
    assert ("RU", "military_aid", "demand") in found
    assert ("RU", "military_aid", "propose") not in found


def test_lifting_a_pause_resumes_what_was_paused(sc):
    text = "Washington will lift its pause on military aid to Ukraine."
    assert triples(text, sc) == {("US", "military_aid", "propose")}


# --- negation and its scope ------------------------------------------------------------------


def test_negation_does_not_cross_a_colon(sc):
    text = "Starmer said our principles have not changed: Ukraine must have security guarantees."
    found = triples(text, sc)
    assert ("UK", "guarantees", "demand") in found
    assert ("UK", "guarantees", "reject") not in found


def test_not_only_is_no_negation(sc):
    text = "Britain has not only backed a ceasefire but also sent aid."
    assert ("UK", "ceasefire", "accept") in triples(text, sc)


def test_refusing_to_go_without_x_demands_x(sc):
    text = "Kyiv will not sign a deal that leaves it without security guarantees."
    found = triples(text, sc)
    assert ("UA", "guarantees", "demand") in found
    assert ("UA", "guarantees", "reject") not in found


# --- what is no stance -----------------------------------------------------------------------


def test_considering_that_is_an_opinion_not_an_acceptance():
    assert cue_words("Moscow considered that the plan could serve as a basis.") == []
    assert cue_words("Moscow will consider a ceasefire.") == ["consider"]


def test_keeping_on_working_offers_nothing(sc):
    text = "We will keep working with Kyiv to turn the talks into more than a prisoner exchange."
    assert triples(text, sc) == set()


def test_a_cue_after_until_later_in_the_sentence_takes_no_stance(sc):
    text = "Britain will argue for more pressure on Moscow until Russia agrees to a ceasefire."
    assert ("RU", "ceasefire", "accept") not in triples(text, sc)


def test_once_again_opens_no_subordinate_clause(sc):
    text = "Moscow once again showed no interest in a ceasefire."
    assert triples(text, sc) == {("RU", "ceasefire", "reject")}


def test_an_opening_condition_leaves_the_main_clause(sc):
    text = "If Russia comes to the table, Britain will be ready to monitor a ceasefire."
    assert ("UK", "ceasefire", "propose") in triples(text, sc)


# --- conditions on an agreement's start ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kremlin says the truce won't take effect until sanctions on Russian banks are lifted.",
        "Moscow said a ceasefire would take effect once sanctions on Russian banks were lifted.",
    ],
)
def test_taking_effect_only_after_is_a_condition(sc, sentence):
    found = triples(sentence, sc)
    assert ("RU", "ceasefire", "condition") in found
    assert ("RU", "sanctions", "demand") in found


def test_a_demand_whose_clause_a_condition_follows_is_that_condition(sc):
    text = "Moscow demanded that a ceasefire could begin only after Kyiv halts mobilisation."
    found = triples(text, sc)
    assert ("RU", "ceasefire", "condition") in found
    assert ("RU", "ceasefire", "demand") not in found
    assert ("RU", "mobilisation", "demand") in found


def test_asking_another_to_act_is_a_demand(sc):
    text = "Zelensky asked Washington to send more air defence systems."
    assert ("UA", "military_aid", "demand") in triples(text, sc)


def test_a_ceasefire_that_can_only_follow_x_is_conditioned_on_x(sc):
    text = "Medinsky said that a ceasefire could only follow a withdrawal of Ukrainian forces."
    assert triples(text, sc) == {("RU", "ceasefire", "condition"), ("RU", "withdrawal", "demand")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Starmer said Britain would keep tightening sanctions on Russia.",
            ("UK", "sanctions", "propose"),
        ),
        (
            "Rubio said Washington would keep pushing until there was a ceasefire.",
            ("US", "ceasefire", "demand"),
        ),
        (
            "The EU remains committed to contributing to security guarantees for Ukraine.",
            ("EU", "guarantees", "propose"),
        ),
    ],
)
def test_continuing_and_committing_to_act(sc, sentence, expected):
    assert expected in triples(sentence, sc)


def test_committed_to_an_aim_is_no_offer(sc):
    text = "The US is committed to preserving Ukraine's sovereignty, not to military aid."
    assert ("US", "military_aid", "propose") not in triples(text, sc)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kyiv cannot accept any limits on its army.", ("UA", "army_limits", "reject")),
        ("Zelensky appealed for more air defence systems.", ("UA", "military_aid", "demand")),
        ("Kyiv requested a full exchange of prisoners of war.", ("UA", "prisoners", "demand")),
        ("Ukraine signalled its readiness to agree to a ceasefire.", ("UA", "ceasefire", "accept")),
        ("For Moscow, NATO membership is a non-starter.", ("RU", "nato", "reject")),
        ("The Kremlin walked away from the ceasefire talks.", ("RU", "ceasefire", "reject")),
        (
            "Berlin balked at sending troops to a reassurance force.",
            ("DE", "foreign_troops", "reject"),
        ),
        (
            "Britain announced £1 billion of military aid for Ukraine.",
            ("UK", "military_aid", "propose"),
        ),
    ],
)
def test_more_stance_vocabulary(sc, sentence, expected):
    assert expected in triples(sentence, sc)


def test_veto_as_a_verb_rejects_and_as_a_noun_is_no_cue(sc):
    assert ("TR", "sanctions", "reject") in triples("Ankara vetoed new sanctions on Russia.", sc)
    assert (
        cue_words("Russia does not get a veto over where Ukraine's friends station forces.") == []
    )


def test_condemning_an_act_takes_no_stance_on_an_issue(sc):
    assert triples("Britain condemned Russia's strikes on energy infrastructure.", sc) == set()


def test_a_ceasefire_that_depends_on_x_is_conditioned_on_x(sc):
    text = "Putin said a ceasefire depends on an end to Western military aid."
    assert triples(text, sc) == {("RU", "ceasefire", "condition"), ("RU", "military_aid", "demand")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington expects that Moscow will reject the ceasefire.",
        "Analysts doubt that Russia would agree to a ceasefire.",
    ],
)
def test_hopes_and_guesses_about_a_stance_are_none(sc, sentence):
    assert triples(sentence, sc) == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Lammy said the onus is on Russia to agree to a ceasefire.",
            ("UK", "ceasefire", "demand"),
        ),
        ("Rubio said a full ceasefire is still the goal.", ("US", "ceasefire", "demand")),
        ("Britain will maintain its sanctions on Russia.", ("UK", "sanctions", "propose")),
        ("Trump said he'd like to see a ceasefire.", ("US", "ceasefire", "demand")),
        ("Britain encouraged Kyiv to accept a ceasefire.", ("UK", "ceasefire", "demand")),
    ],
)
def test_the_speakers_aims(sc, sentence, expected):
    assert expected in triples(sentence, sc)


def test_unacceptable_to_us_is_the_speakers_rejection(sc):
    text = 'Lavrov said: "Foreign troops in Ukraine are unacceptable to us."'
    assert ("RU", "foreign_troops", "reject") in triples(text, sc)


@pytest.mark.parametrize("price", ["as the price of a ceasefire", "in return for a ceasefire"])
def test_what_a_demand_is_the_price_of_is_conditioned(sc, price):
    text = f"Moscow demanded that Kyiv halt its mobilisation {price}."
    assert triples(text, sc) == {("RU", "mobilisation", "demand"), ("RU", "ceasefire", "condition")}


def test_options_offered_after_can_are_no_stance(sc):
    text = "Zelensky can refuse the ceasefire plan, or accept it and risk unrest at home."
    assert triples(text, sc) == set()
    assert ("UA", "ceasefire", "reject") in triples("Zelensky will refuse the ceasefire plan.", sc)


def test_what_is_wanted_instead_of_x_rejects_x(sc):
    text = "Trump said the best way to end the war was a peace agreement rather than a ceasefire."
    assert triples(text, sc) == {("US", "ceasefire", "reject")}
    text = "Moscow wants the lifting of sanctions instead of a ceasefire."
    assert triples(text, sc) == {("RU", "sanctions", "demand"), ("RU", "ceasefire", "reject")}


def test_giving_up_land_is_ceding_it(sc):
    text = '"We will not give up our land," Zelensky said.'
    assert triples(text, sc) == {("UA", "withdrawal", "reject")}


def test_what_is_insisted_on_after_that_is_the_insistence(sc):
    text = "Moscow's insistence that Ukraine give up territory is unchanged."
    found = triples(text, sc)
    assert ("RU", "withdrawal", "demand") in found
    assert ("UA", "withdrawal", "accept") not in found


def test_an_object_ends_at_but(sc):
    text = "Moscow says it is ready for talks, but officials doubt that Russia wants a ceasefire."
    assert triples(text, sc) == set()


def test_the_subject_of_off_the_agenda_is_not_the_object_of_the_cue_before(sc):
    text = "The Kremlin did not rule out a meeting but said a ceasefire was not on the agenda."
    found = triples(text, sc)
    assert ("RU", "ceasefire", "reject") in found
    assert ("RU", "ceasefire", "accept") not in found


def test_seeing_no_need_for_x_rejects_x(sc):
    text = "The Kremlin sees no need for foreign troops in Ukraine."
    assert triples(text, sc) == {("RU", "foreign_troops", "reject")}


def test_a_condition_with_no_issue_of_its_own_demands_nothing(sc):
    text = "Britain is planning a reassurance force, and its size depends on American backing."
    assert ("UK", "foreign_troops", "demand") not in triples(text, sc)


def test_what_a_relative_clause_in_the_object_requires_is_that_object(sc):
    text = "Zelensky said he would not agree to any deal that requires Kyiv to give up territory."
    assert triples(text, sc) == {("UA", "withdrawal", "reject")}


def test_a_negated_noun_cue_rejects_nothing(sc):
    text = "Peskov said Moscow had not received any proposal on a ceasefire."
    assert triples(text, sc) == set()


def test_declining_to_comment_is_no_stance(sc):
    assert cue_words("The Kremlin declined to comment on the ceasefire.") == []
    assert cue_words("The Kremlin declined the ceasefire.") == ["declined"]


def test_but_only_if_conditions_the_clause_before(sc):
    text = "Putin is open to a ceasefire, but only if Kyiv halts mobilisation."
    assert triples(text, sc) == {("RU", "ceasefire", "condition"), ("RU", "mobilisation", "demand")}


def test_presenting_a_document_that_demands_is_demanding(sc):
    text = "Russian negotiators presented a memorandum demanding that Ukraine withdraw its troops."
    assert triples(text, sc) == {("RU", "withdrawal", "demand")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We're ready to send troops to a reassurance force, Starmer said.",
            ("UK", "foreign_troops", "propose"),
        ),
        ("Putin's ready for a ceasefire, Trump said.", ("RU", "ceasefire", "accept")),
    ],
)
def test_a_contracted_be_before_readiness(sc, sentence, expected):
    assert expected in triples(sentence, sc)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Lammy will argue for more economic pressure on Moscow.",
            ("UK", "sanctions", "demand"),
        ),
        (
            "Russia and Ukraine reached an agreement to exchange prisoners of war.",
            ("RU", "prisoners", "accept"),
        ),
    ],
)
def test_arguing_for_and_reaching_agreement(sc, sentence, expected):
    assert expected in triples(sentence, sc)


def test_agreeing_with_a_view_is_no_headline_agreement():
    assert cue_words("I agree entirely with that.") == []
    assert cue_words("Ministers agree new sanctions package") == ["agree"]


def test_an_owners_support_for_x_is_the_owners_acceptance(sc):
    text = "Germany's support for Ukraine's EU membership bid is firm."
    assert triples(text, sc) == {("DE", "eu_membership", "accept")}


def test_a_stance_told_with_an_irregular_past_is_dated(sc):
    text = "In March, Britain stood ready to send troops to a reassurance force."
    found = extract_claims(text, sc, dt.date(2025, 6, 1))
    assert [(c.actor, c.stated_on) for c in found] == [("UK", "2025-03")]
    text = "Britain stands ready to send troops to a reassurance force."
    assert [c.stated_on for c in extract_claims(text, sc, dt.date(2025, 6, 1))] == [None]


def test_what_an_offer_asks_from_another_is_demanded(sc):
    text = "Paris tabled a plan for a reassurance force and a security guarantee from Washington."
    found = triples(text, sc)
    assert ("FR", "foreign_troops", "propose") in found
    assert ("FR", "guarantees", "demand") in found
    assert ("FR", "guarantees", "propose") not in found


# --- negation by "yet to", clause ends at ", yet", stance idioms ------------------------------


def test_yet_to_negates_the_cue(sc):
    assert triples("Moscow has yet to accept the truce.", sc) == {("RU", "ceasefire", "reject")}
    assert triples("Moscow has accepted the truce.", sc) == {("RU", "ceasefire", "accept")}


def test_a_clause_after_yet_is_read_on_its_own():
    text = "Moscow says it wants talks, yet it has refused a truce."
    assert cue_words(text) == ["wants", "refused"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Moscow is firmly against any truce.", ("RU", "ceasefire", "reject")),
        ("Moscow is not against a truce.", ("RU", "ceasefire", "accept")),
        ("Washington pressed Moscow to agree to a truce.", ("US", "ceasefire", "demand")),
        ("France is planning a reassurance force.", ("FR", "foreign_troops", "propose")),
        (
            "Britain is ready to play its part in a reassurance force.",
            ("UK", "foreign_troops", "propose"),
        ),
        ("Kyiv thanked Washington for the military aid.", ("UA", "military_aid", "accept")),
        (
            "The Kremlin set out its conditions, among them an end to military aid to Kyiv.",
            ("RU", "military_aid", "demand"),
        ),
        (
            "Moscow attached several conditions to a truce, among them an end to military aid.",
            ("RU", "military_aid", "demand"),
        ),
    ],
)
def test_diplomatic_stance_idioms(sc, sentence, expected):
    assert expected in triples(sentence, sc)


def test_being_against_needs_an_object():
    assert cue_words("The strikes were against international law.") == []


# --- conditions: "tied to", "conditional on", "no X until Y", "but not one that" -------------


def test_what_is_tied_to_something_is_conditioned_on_it(sc):
    found = triples("Moscow tied a truce to the lifting of sanctions.", sc)
    assert found == {("RU", "ceasefire", "condition"), ("RU", "sanctions", "demand")}


def test_a_tie_to_an_unnamed_thing_still_conditions(sc):
    found = triples("Moscow tied a truce to its own security concerns.", sc)
    assert found == {("RU", "ceasefire", "condition")}


def test_conditional_on_with_nothing_named_before_demands(sc):
    found = triples("Moscow made its agreement conditional on the lifting of sanctions.", sc)
    assert found == {("RU", "sanctions", "demand")}


def test_there_can_be_no_x_until_y_is_a_condition(sc):
    text = "The Kremlin said there can be no truce until Ukraine withdraws from the four regions."
    assert triples(text, sc) == {("RU", "ceasefire", "condition"), ("RU", "withdrawal", "demand")}
    text = "The Kremlin says there's no truce unless Ukraine withdraws from the four regions."
    assert triples(text, sc) == {("RU", "ceasefire", "condition"), ("RU", "withdrawal", "demand")}


def test_a_refusal_until_stays_a_rejection(sc):
    text = "Kallas said the EU would not lift sanctions until Russia withdraws its troops."
    assert ("EU", "sanctions", "reject") in triples(text, sc)


def test_acceptance_but_not_one_that_is_a_condition(sc):
    text = "Moscow says it supports a truce, but not one that lets Kyiv rearm."
    assert ("RU", "ceasefire", "condition") in triples(text, sc)
    assert ("RU", "ceasefire", "accept") not in triples(text, sc)


# --- reciprocity is no condition; "as long as it takes"; "cannot be forced to" ---------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Kyiv agreed to a truce, subject to Russia's acceptance.",
        "Kyiv endorsed the truce, on the condition that Russia reciprocated.",
        "Kyiv agreed to a truce provided Russia accepts it too.",
    ],
)
def test_asking_the_other_side_to_do_the_same_is_no_condition(sc, sentence):
    assert triples(sentence, sc) == {("UA", "ceasefire", "accept")}


def test_a_condition_of_substance_or_only_if_stays_a_condition(sc):
    text = "Kyiv agreed to a truce on condition that Russia frees all prisoners."
    assert triples(text, sc) == {("UA", "ceasefire", "condition"), ("UA", "prisoners", "demand")}
    assert triples("Kyiv will accept a truce only if Russia agrees.", sc) == {
        ("UA", "ceasefire", "condition")
    }


def test_for_as_long_as_it_takes_is_no_condition(sc):
    text = (
        "The EU will continue to provide Ukraine with military aid for as long as it takes, "
        "and it is preparing a further package of sanctions."
    )
    found = triples(text, sc)
    assert ("EU", "military_aid", "propose") in found
    assert not any(st in ("condition", "demand") for _a, _i, st in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lammy said Ukraine cannot be forced to withdraw from its territory.",
        "Lammy said Ukraine must not be asked to withdraw from its territory.",
    ],
)
def test_what_another_cannot_be_forced_to_do_the_speaker_rejects(sc, sentence):
    assert triples(sentence, sc) == {("UK", "withdrawal", "reject")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Lammy said Britain will give Ukraine what it needs to defend itself against Russia.",
        "Lammy said nobody should mistake the memorandum for a truce plan.",
        "Asked about new sanctions, Lammy said he saw no need to discuss them.",
    ],
)
def test_a_need_or_should_that_is_no_demand(sentence):
    assert not any(c in ("needs to", "should", "need to") for c in cue_words(sentence))


# --- sequencing, agreements struck, plans spoken of -------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Before the summit, Washington said that a truce had to come first.",
        "Washington says a truce must come first.",
    ],
)
def test_what_must_come_first_is_demanded(sc, sentence):
    assert triples(sentence, sc) == {("US", "ceasefire", "demand")}


def test_an_agreement_struck_or_produced_accepts(sc):
    text = "Russia and Ukraine struck a deal on a prisoner exchange."
    assert triples(text, sc) == {("RU", "prisoners", "accept"), ("UA", "prisoners", "accept")}
    assert cue_words("The meeting produced an agreement to swap prisoners.") == [
        "produced an agreement to"
    ]


def test_talking_about_sending_offers_but_a_talk_in_the_past_does_not(sc):
    text = "Britain and France are talking about sending a reassurance force."
    expected = {("UK", "foreign_troops", "propose"), ("FR", "foreign_troops", "propose")}
    assert triples(text, sc) == expected
    assert cue_words("Britain and France talked about a truce on Monday.") == []


def test_a_negator_inside_a_readiness_cue_negates_it(sc):
    assert triples("Moscow is not ready for a truce.", sc) == {("RU", "ceasefire", "reject")}
    assert triples("Moscow was never willing to accept a truce.", sc) == {
        ("RU", "ceasefire", "reject")
    }
    text = "Lavrov said NATO membership for Ukraine is not on the table."
    assert triples(text, sc) == {("RU", "nato", "reject")}


def test_what_one_would_guarantee_is_offered(sc):
    text = "Washington would guarantee Ukraine's security."
    assert triples(text, sc) == {("US", "guarantees", "propose")}


def test_agreeing_that_an_issue_is_so_shares_the_view(sc):
    text = "Starmer agreed that a full truce was the only credible first step."
    assert triples(text, sc) == {("UK", "ceasefire", "accept")}
    text = "The allies agreed that Ukraine is on an irreversible path to NATO membership."
    assert ("NATO", "nato", "accept") not in triples(text, sc)


def test_a_surrender_after_an_article_is_a_noun():
    assert cue_words("They are the terms of a surrender.") == []
    assert cue_words("Kyiv will never surrender its land.") == ["surrender"]


def test_no_x_until_something_unnamed_is_still_a_condition(sc):
    text = "The Kremlin says there can be no truce until a comprehensive settlement is reached."
    assert triples(text, sc) == {("RU", "ceasefire", "condition")}


def test_which_is_why_opens_a_clause_of_its_own(sc):
    text = (
        "Lammy said Ukraine's army must remain strong, which is why we cannot accept a cap on "
        "Ukraine's army."
    )
    assert ("UK", "army_limits", "reject") in triples(text, sc)
    assert ("UK", "army_limits", "demand") not in triples(text, sc)


def test_what_lifting_sanctions_would_require_conditions_the_lifting(sc):
    text = "The EU said that lifting its sanctions would require a withdrawal of Russian forces."
    assert triples(text, sc) == {("EU", "sanctions", "condition"), ("EU", "withdrawal", "demand")}


@pytest.mark.parametrize(
    "sentence",
    ["The EU is preparing a further package of sanctions.", "The EU is working on new sanctions."],
)
def test_preparing_ones_own_sanctions_offers_them(sc, sentence):
    assert triples(sentence, sc) == {("EU", "sanctions", "propose")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Britain and France are now talking about a reassurance force.",
        "Britain and France have spoken of a reassurance force.",
    ],
)
def test_an_idea_spoken_of_is_floated(sc, sentence):
    assert triples(sentence, sc) == {
        ("UK", "foreign_troops", "propose"),
        ("FR", "foreign_troops", "propose"),
    }


def test_nobody_talking_about_it_is_no_offer():
    assert "talking about" not in cue_words("Nobody is talking about a reassurance force.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The EU reaffirms its commitment to Ukraine's accession process.",
            ("EU", "eu_membership", "propose"),
        ),
        (
            "The EU reaffirmed the commitment of its members to continue providing military aid.",
            ("EU", "military_aid", "propose"),
        ),
        ("Britain reaffirmed its commitment to a truce.", ("UK", "ceasefire", "accept")),
    ],
)
def test_a_commitment_reaffirmed(sc, sentence, expected):
    assert triples(sentence, sc) == {expected}


def test_what_another_needs_is_the_speakers_demand(sc):
    text = "Lammy said Ukraine needs robust security guarantees."
    assert triples(text, sc) == {("UK", "guarantees", "demand")}
    assert "needs" not in cue_words("Lammy said Ukraine needs time.")


def test_a_should_in_what_is_not_accepted_is_no_demand(sc):
    text = 'Lammy said: "Nor do we accept that Ukraine should be kept neutral by treaty."'
    assert triples(text, sc) == {("UK", "nato", "reject")}
    assert cue_words("We do not accept that Ukraine should be kept neutral.") == ["accept"]


def test_objecting_in_principle_and_its_negation(sc):
    text = "Moscow has never objected in principle to Ukraine joining the European Union."
    assert triples(text, sc) == {("RU", "eu_membership", "accept")}
    assert triples("Moscow strongly objects to a truce.", sc) == {("RU", "ceasefire", "reject")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Kyiv says the line of contact should be the starting point for talks on territory.",
        "Zelensky said the line of contact may serve as a basis for negotiations on territory.",
    ],
)
def test_a_starting_point_for_talks_is_put_forward(sc, sentence):
    assert triples(sentence, sc) == {("UA", "withdrawal", "propose")}


def test_a_basis_for_a_settlement_is_no_proposal():
    text = "Peskov said the plan could serve as a basis for a final settlement."
    assert not any("basis" in c for c in cue_words(text))


def test_beyond_what_one_is_willing_to_give_is_refused(sc):
    text = "The guarantee went far beyond what Washington was willing to provide."
    assert triples(text, sc) == {("US", "guarantees", "reject")}


def test_a_topic_not_on_the_agenda_is_no_stance(sc):
    text = "The question of who would police a truce was not on the agenda, Lavrov said."
    assert triples(text, sc) == set()
    assert triples("Lavrov said a truce is not on the agenda.", sc) == {
        ("RU", "ceasefire", "reject")
    }


def test_a_condition_in_what_is_not_accepted_is_that_objects(sc):
    text = 'Lammy said: "We will not accept that a truce should depend on Kyiv giving up aid."'
    found = triples(text, sc)
    assert ("UK", "ceasefire", "reject") in found
    assert ("UK", "ceasefire", "condition") not in found
    text = (
        "Kyiv accepted that proposal, while Moscow said a truce was possible only if aid stopped."
    )
    assert "only if" in cue_words(text)


# --- stances in real official prose: failures, gerunds, nouns ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Moscow failed to accept the truce.",
        "The Kremlin has failed once again to agree to a truce.",
    ],
)
def test_a_failure_to_accept_is_a_rejection(sc, text):
    assert triples(text, sc) == {("RU", "ceasefire", "reject")}


def test_a_failure_elsewhere_in_the_clause_negates_nothing(sc):
    text = "After the failure of the talks, Berlin backed a truce."
    assert triples(text, sc) == {("DE", "ceasefire", "accept")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv showed its good faith by agreeing to a truce.", ("UA", "ceasefire", "accept")),
        ("Moscow has stalled the talks by rejecting a truce.", ("RU", "ceasefire", "reject")),
        ("Kyiv proved its intent through proposing a truce.", ("UA", "ceasefire", "propose")),
    ],
)
def test_a_gerund_of_means_is_its_subjects_stance(sc, text, expected):
    assert triples(text, sc) == {expected}


def test_a_participle_without_by_stays_no_stance(sc):
    assert triples("Rejecting a truce, the talks broke up.", sc) == set()


def test_another_gerund_of_means_ends_the_object(sc):
    text = "Moscow stalled by refusing to discuss a truce or by inflating its plans to send troops."
    assert ("RU", "foreign_troops", "reject") not in triples(text, sc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany's steadfast military support goes on.", ("DE", "military_aid", "propose")),
        (
            "Berlin reaffirmed Germany's full support for air defence.",
            ("DE", "military_aid", "propose"),
        ),
        ("France reiterated its firm support for the truce.", ("FR", "ceasefire", "accept")),
        ("Germany's commitment to supplying arms is firm.", ("DE", "military_aid", "propose")),
    ],
)
def test_a_stance_held_in_a_noun_with_its_owner(sc, text, expected):
    assert triples(text, sc) == {expected}


def test_a_noun_after_another_possessive_is_not_the_owners_stance(sc):
    assert triples("Russia's attacks have weakened support for the truce.", sc) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany supports Ukraine with air defence.", ("DE", "military_aid", "propose")),
        (
            "France reaffirmed its support for Kyiv's right of self-defence.",
            ("FR", "military_aid", "propose"),
        ),
        ("Germany supports the truce.", ("DE", "ceasefire", "accept")),
    ],
)
def test_support_given_is_offered_support_for_a_plan_accepted(sc, text, expected):
    assert expected in triples(text, sc)


@pytest.mark.parametrize(
    "text",
    [
        "I want to thank France, which has put new sanctions in place.",
        "Putin offered the flimsy excuse that he wanted a ceasefire.",
        "Kyiv has resisted for a year, defending its right to air defence.",
        "Our sanctions are pushing back the economy of Russia.",
        "Leaders met at the Summit on Support for Ukraine's air defence.",
        "German military support is protecting vital air defence sites.",
    ],
)
def test_words_of_speech_and_war_that_take_no_stance(text):
    kept = cue_words(text)
    assert not any(w.split()[0] in ("want", "offered", "resisted", "back", "support") for w in kept)
    assert not any("vital" in w for w in kept)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin offered the excuse that he sought a truce.", ("RU", "ceasefire", "demand")),
        ("Kyiv resisted pressure to accept a truce.", ("UA", "ceasefire", "reject")),
        ('Lammy said: "Sanctions are a crucial tool."', ("UK", "sanctions", "demand")),
    ],
)
def test_the_stances_those_words_leave(sc, text, expected):
    assert expected in triples(text, sc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin has committed to ending imports of Russian oil.", ("DE", "sanctions", "propose")),
        (
            "France and Germany committed to work together to provide security guarantees.",
            ("FR", "guarantees", "propose"),
        ),
        (
            "Paris agreed to increase its supply of weapons to Kyiv.",
            ("FR", "military_aid", "propose"),
        ),
        (
            "Germany continues to play a leading role in imposing sanctions.",
            ("DE", "sanctions", "propose"),
        ),
        ("The Kremlin stressed the need to lift sanctions.", ("RU", "sanctions", "demand")),
        ("Paris underlines the importance of a truce.", ("FR", "ceasefire", "demand")),
    ],
)
def test_commitments_roles_and_the_need_stressed(sc, text, expected):
    assert expected in triples(text, sc)


def test_a_commitment_to_an_agreement_is_still_accepted(sc):
    assert triples("Germany is committed to the truce.", sc) == {("DE", "ceasefire", "accept")}


def test_a_role_played_by_a_thing_is_no_cue():
    assert not any("role" in w for w in cue_words("The plan played a role in the talks."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "France, Germany and Britain's sanctions have cut Russia's revenue.",
            {("FR", "sanctions", "propose"), ("DE", "sanctions", "propose")},
        ),
        ("German sanctions are biting hard.", {("DE", "sanctions", "propose")}),
        (
            "Paris recalled France's repeated calls for a truce.",
            {("FR", "ceasefire", "demand")},
        ),
        (
            "Scholz restated the German commitment to supplying air defence.",
            {("DE", "military_aid", "propose")},
        ),
        (
            "Berlin unveiled Germany's latest package of weapons for Kyiv.",
            {("DE", "military_aid", "propose")},
        ),
    ],
)
def test_a_noun_phrase_owned_by_an_actor_is_its_stance(sc, text, expected):
    assert expected <= triples(text, sc)


def test_sanctions_named_without_a_deed_or_an_owner_are_no_stance(sc):
    assert triples("Sanctions on Russia have hit its economy.", sc) == set()
    assert triples("Russia's economy suffers from sanctions that hit its oil.", sc) == set()


@pytest.mark.parametrize(
    "text",
    [
        "There have been calls for a truce in the east.",
        "Kyiv thanked everyone who has supported the truce.",
        "Moscow criticised Kyiv's approach to the truce as naive.",
        "The tanks should be seen alongside the air defence from Berlin.",
    ],
)
def test_no_ones_stance_is_taken(sc, text):
    assert triples(text, sc) == set()


def test_a_verb_ending_a_relative_clause_is_no_cue_of_its_own():
    text = "Germany sends weapons under the resolutions that it supported."
    assert "supported" not in cue_words(text)
    from pourparler.evidence.rules.no_stance import nobodys

    text = "Aid that it supported with loans."
    assert not nobodys(text, find_cues(text, [])[0], [])


def test_what_is_criticised_is_opposed(sc):
    text = "Moscow criticised Western support for Ukraine's self-defence."
    assert triples(text, sc) == {("RU", "military_aid", "reject")}


def test_supporting_anothers_security_is_offering_it(sc):
    text = "France will help build a coalition to support Ukraine's future security."
    assert triples(text, sc) == {("FR", "guarantees", "propose")}
    text = "France reaffirmed its support for Ukraine's security guarantees."
    assert triples(text, sc) == {("FR", "guarantees", "propose")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "France has given £2 billion of military assistance to Kyiv.",
            ("FR", "military_aid", "propose"),
        ),
        ("Germany has trained 9,000 Ukrainian soldiers.", ("DE", "military_aid", "propose")),
        (
            "Rubio praised the United States' steadfast military support.",
            ("US", "military_aid", "propose"),
        ),
        (
            "Germany's position is that Russia withdraws from all of Ukraine.",
            ("DE", "withdrawal", "demand"),
        ),
    ],
)
def test_aid_given_and_a_position_held(sc, text, expected):
    assert expected in triples(text, sc)


def test_a_position_without_an_owner_is_no_stance(sc):
    assert triples("The position is that Russia withdraws from all of Ukraine.", sc) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany has hit Gazprombank with new measures.", ("DE", "sanctions", "propose")),
        ("France placed a ban on Russian oil imports.", ("FR", "sanctions", "propose")),
        ("Germany is bringing forward new sanctions.", ("DE", "sanctions", "propose")),
        ("France will provide lethal aid to Kyiv.", ("FR", "military_aid", "propose")),
        ("France is encouraging Germany to send more weapons.", ("FR", "military_aid", "demand")),
        (
            'Lammy said: "There is no justification for changing borders by force."',
            ("UK", "recognition", "reject"),
        ),
    ],
)
def test_deeds_of_official_prose(sc, text, expected):
    assert expected in triples(text, sc)


def test_what_the_speaker_says_another_must_do_is_its_demand(sc):
    text = 'Lammy said: "Germany must increase military aid."'
    assert triples(text, sc) == {("UK", "military_aid", "demand")}


def test_internationally_recognised_describes_a_noun():
    text = "Russia is changing internationally recognised borders."
    assert cue_words(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan and Korea, which have put sanctions on Russia, met.", set()),
        (
            "Germany, which has put sanctions on Russia, backs the truce.",
            {("DE", "sanctions", "propose"), ("DE", "ceasefire", "accept")},
        ),
    ],
)
def test_a_relative_clause_is_its_antecedents(sc, text, expected):
    assert triples(text, sc) >= expected
    if not expected:
        assert triples(text, sc) == set()


def test_a_measure_before_which_is_its_authors():
    from pourparler.evidence.rules.no_stance import nobodys

    text = "Congress passed the act signed in May, which provides more weapons for Kyiv."
    (cue,) = [c for c in find_cues(text, []) if c.text == "provides"]
    assert not nobodys(text, cue, [])
    assert "provide" not in cue_words("Japan and Korea, which provide more weapons, met.")


def test_our_noun_phrase_is_the_speakers(sc):
    text = 'Lammy said: "Britain and our allies are united in our support for air defence."'
    assert triples(text, sc) == {("UK", "military_aid", "propose")}
    assert triples("Our support for air defence is unwavering.", sc) == set()  # no speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington signed the defence supplemental for air defence.", "propose"),
        ("Zelensky signed the ceasefire deal.", "accept"),
    ],
)
def test_a_bill_signed_is_offered_a_deal_signed_accepted(sc, text, expected):
    assert {st for _a, _i, st in triples(text, sc)} == {expected}


def test_support_for_a_government_is_aid_given(sc):
    text = "Germany supports the Government of Ukraine to secure the return of children."
    assert ("DE", "prisoners", "propose") in triples(text, sc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Lammy said: "Russia can choose to end this: by withdrawing its forces from Ukraine."',
            ("UK", "withdrawal", "demand"),
        ),
        (
            'Lammy said: "It is important to keep up the pressure on Russia."',
            ("UK", "sanctions", "demand"),
        ),
        (
            "Germany is the biggest supplier of military aid in Europe.",
            ("DE", "military_aid", "propose"),
        ),
        ("Moscow announced a three-day truce for Easter.", ("RU", "ceasefire", "propose")),
        (
            "Berlin has targeted Gazprombank and other Russian banks.",
            ("DE", "sanctions", "propose"),
        ),
        ("France said it'll continue to send military aid.", ("FR", "military_aid", "propose")),
    ],
)
def test_more_deeds_and_duties(sc, text, expected):
    assert expected in triples(text, sc)


def test_an_important_note_is_no_demand(sc):
    text = 'Lammy said: "It is important to note that sanctions on Russia are in force."'
    assert ("UK", "sanctions", "demand") not in triples(text, sc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Lammy said: "Our objectives are to support Ukraine with air defence."',
            ("UK", "military_aid", "propose"),
        ),
        (
            'Lammy said: "Our aim is that Russia withdraws its forces from Ukraine."',
            ("UK", "withdrawal", "demand"),
        ),
        ("France agreed to keep the pressure on Russia.", ("FR", "sanctions", "propose")),
    ],
)
def test_aims_and_agreements_to_keep_doing(sc, text, expected):
    assert triples(text, sc) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "After the meeting, the US paused military aid to Kyiv.",
        "Washington halted weapons deliveries to Kyiv.",
    ],
)
def test_aid_paused_is_withheld_not_offered(sc, text):
    assert triples(text, sc) == {("US", "military_aid", "reject")}


def test_a_verb_after_its_subject_is_no_owned_noun():
    assert "ending military aid" not in cue_words("The US ending military aid hurt Kyiv.")


@pytest.mark.parametrize(
    "text",
    [
        'Lammy said: "We condemn the attempted annexation of Crimea."',
        "Berlin condemns Putin's decision to recognise Crimea as Russian.",
        'Lammy said: "We urge all states to condemn the annexation of Crimea."',
        'Lammy said: "We call on all countries to reject the annexation of Crimea."',
    ],
)
def test_an_annexation_condemned_is_its_recognition_rejected(sc, text):
    assert {st for _a, issue, st in triples(text, sc) if issue == "recognition"} == {"reject"}


def test_other_acts_condemned_and_a_rejection_urged_not_to_be_made(sc):
    assert triples("Berlin condemned the strikes on energy infrastructure.", sc) == set()
    text = 'Lammy said: "We urge Russia not to reject a ceasefire."'
    assert triples(text, sc) == {("UK", "ceasefire", "demand")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Kallas said: "The only way to get Moscow to talk is more pressure on Russia."',
            ("EU", "sanctions", "demand"),
        ),
        (
            'Zelensky said: "Lifting sanctions on Russia now would be a mistake."',
            ("UA", "sanctions", "reject"),
        ),
        (
            'Zelensky said: "It is very important that sanctions on Russia stay."',
            ("UA", "sanctions", "demand"),
        ),
        ("The EU stands ready to adopt further sanctions.", ("EU", "sanctions", "propose")),
    ],
)
def test_ways_mistakes_and_measures_one_stands_ready_to_adopt(sc, text, expected):
    assert expected in triples(text, sc)


def test_agreeing_on_the_need_for_something_demands_it(sc):
    text = "Macron and Merz agreed on the need to increase pressure on Russia."
    assert triples(text, sc) == {("FR", "sanctions", "demand"), ("DE", "sanctions", "demand")}


def test_an_offer_announced_in_the_passive_is_the_speakers(sc):
    text = 'Lammy said: "New sanctions will be formally imposed on Russian banks."'
    assert triples(text, sc) == {("UK", "sanctions", "propose")}
    assert triples("New sanctions will be imposed on Russian banks.", sc) == set()  # no speaker
    assert triples('Lammy said: "Sanctions were imposed last year."', sc) == set()


def test_should_we_asks_and_demands_nothing(sc):
    text = 'Kallas said: "We discussed the missions: should we expand them to give guarantees."'
    assert triples(text, sc) == set()
    text = 'Kallas said: "We discussed the missions: they should give guarantees."'
    assert triples(text, sc) == {("EU", "guarantees", "demand")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv agreed, in principle, to the truce.", ("UA", "ceasefire", "accept")),
        ("France agreed in principle on further sanctions.", ("FR", "sanctions", "propose")),
        ("France agreed to the lifting of sanctions.", ("FR", "sanctions", "accept")),
    ],
)
def test_agreeing_in_principle_and_on_measures_of_ones_own(sc, text, expected):
    assert triples(text, sc) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv stands by its offer of a full ceasefire.", ("UA", "ceasefire", "propose")),
        ("Ukraine stood by its proposal for a ceasefire at sea.", ("UA", "ceasefire", "propose")),
    ],
)
def test_standing_by_ones_offer_proposes_it(sc, text, expected):
    assert expected in triples(text, sc)


def test_agreeing_to_finalise_talks_offers_what_they_are_on(sc):
    found = triples(
        "Kyiv and Washington agreed to conclude negotiations on security guarantees.", sc
    )
    assert {("UA", "guarantees", "propose"), ("US", "guarantees", "propose")} <= found
    assert ("UA", "guarantees", "accept") not in found
    # carrying out what was agreed before stays an acceptance
    found = triples("Russia and Ukraine agreed to develop measures for the energy truce.", sc)
    assert ("RU", "ceasefire", "accept") in found


def test_a_call_to_action_signed_demands(sc):
    found = triples(
        "Britain and France signed a call to action to tighten sanctions on Russia.", sc
    )
    assert {("UK", "sanctions", "demand"), ("FR", "sanctions", "demand")} <= found
    assert ("UK", "sanctions", "propose") in triples("Britain signed the sanctions bill.", sc)


def test_defence_support_as_a_subject_is_a_noun_and_its_predicate_the_cue():
    words = cue_words(
        "Sustained defence support and new sanctions on Russia are absolutely necessary now."
    )
    assert words == ["are absolutely necessary"]
    assert cue_words("We support Ukraine in its defence.") == ["support"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain said we must increase sanctions on Russia.", ("UK", "sanctions", "propose")),
        (
            "The UK said we need to step up military aid to Ukraine.",
            ("UK", "military_aid", "propose"),
        ),
    ],
)
def test_a_duty_the_speakers_put_on_themselves_is_their_offer(sc, text, expected):
    found = triples(text, sc)
    assert expected in found
    assert (expected[0], expected[1], "demand") not in found
    # a duty put on another stays a demand
    assert ("UK", "ceasefire", "demand") in triples("Britain said Russia must accept a truce.", sc)


@pytest.mark.parametrize(
    ("sentence", "cue", "stance"),
    [
        ("It’s important to keep up the pressure on Moscow.", "important", "demand"),
        ("Borders and sovereignty are not negotiable.", "are not negotiable", "demand"),
        ("Ukrainians deserve a just and lasting peace.", "deserve", "demand"),
        ("The President announced a new package worth $1 billion.", "announced", "propose"),
        (
            "The best way for Moscow to address the crisis would be to pull its troops out.",
            "best way for moscow to address the crisis would be to",
            "demand",
        ),
    ],
)
def test_cues_of_importance_desert_and_announced_packages(sentence, cue, stance):
    mentions = ActorMatcher(load_scenario("istanbul-2025")).find(sentence)
    found = [(c.text.lower(), c.stance) for c in find_cues(sentence, mentions)]
    assert (cue, stance) in found


def test_a_possessive_s_before_essential_is_no_copula():
    assert cue_words("Russia’s essential interests were discussed.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Britain hopes Russia will agree to a ceasefire.",
        "Britain hopes that Moscow will now accept the truce.",
        "Britain hopes Russia will accept a ceasefire.",
        "Britain said it wants Russia to accept the truce.",
    ],
)
def test_hoping_or_wanting_another_to_agree_demands_it(sc, text):
    found = triples(text, sc)
    assert ("UK", "ceasefire", "demand") in found
    assert ("RU", "ceasefire", "accept") not in found


def test_hoping_another_will_not_agree_demands_nothing(sc):
    assert ("UK", "ceasefire", "demand") not in triples(
        "Britain hopes Russia will not agree to a ceasefire.", sc
    )


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("We are striving to align our sanctions with Europe's.", "striving to"),
        ("Britain has stepped up the delivery of tanks to Ukraine.", "delivery of"),
    ],
)
def test_an_effort_or_a_deed_named_as_a_noun_proposes(sentence, cue):
    mentions = ActorMatcher(load_scenario("istanbul-2025")).find(sentence)
    assert (cue, "propose") in [(c.text.lower(), c.stance) for c in find_cues(sentence, mentions)]


def test_a_delivery_welcomed_is_in_the_object_of_the_welcome(sc):
    found = triples("Kyiv welcomed the delivery of Western tanks.", sc)
    assert ("UA", "military_aid", "propose") not in found
