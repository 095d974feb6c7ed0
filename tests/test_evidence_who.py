"""Who takes the stance: groups of actors, speakers of reported speech, the voice of a
statement or a transcript, and names that stand for an actor (``pourparler.evidence``)."""

from __future__ import annotations

import pytest

from pourparler.evidence.extract import extract_claims
from pourparler.scenario.yaml_io import loads_yaml_scenario

SCENARIO = """
schema_version: 1
id: who
title: Toy talks for the agent rules
actors:
  - {id: RU, name: Russia, aliases: [Kremlin, Moscow, Putin, Vladimir Putin, Russian],
     capability: 1.0}
  - {id: UA, name: Ukraine, aliases: [Kyiv, Zelensky, Ukrainian, Ukrainians], capability: 0.5}
  - {id: US, name: United States, aliases: [Washington, Rubio, Trump, Donald Trump, American],
     capability: 0.8}
  - {id: UK, name: United Kingdom, aliases: [Britain, Starmer, UK], capability: 0.6}
  - {id: FR, name: France, aliases: [Paris, Macron, French], capability: 0.6}
  - {id: DE, name: Germany, aliases: [Berlin, Merz, German], capability: 0.6}
  - {id: EU, name: European Union, aliases: [EU, Brussels], capability: 0.6}
issues:
  - {id: ceasefire, name: Ceasefire terms, status_quo: 0,
     options: [{value: 0, label: none}, {value: 100, label: full}]}
  - {id: sanctions, name: Sanctions relief, status_quo: 0,
     options: [{value: 0, label: kept}, {value: 100, label: lifted}]}
  - {id: guarantees, name: Security guarantees, status_quo: 0,
     options: [{value: 0, label: none}, {value: 100, label: binding}]}
  - {id: nato, name: NATO membership vs neutrality, status_quo: 0,
     options: [{value: 0, label: neutral}, {value: 100, label: member}]}
stances:
""" + "".join(
    f"  - {{actor: RU, issue: {i}, position: 50, salience: 0.5}}\n"
    for i in ("ceasefire", "sanctions", "guarantees", "nato")
)


@pytest.fixture(scope="module")
def sc():
    return loads_yaml_scenario(SCENARIO)


def triples(text: str, sc) -> set[tuple[str, str, str]]:
    return {(c.actor, c.issue, c.stance) for c in extract_claims(text, sc)}


def test_a_listed_subject_with_a_serial_comma_and_an_unknown_member_is_one_group(sc):
    got = triples(
        "Last week the heads of Germany, Italy, and France, gathered in Rome, "
        "demanded a full ceasefire.",
        sc,
    )
    assert {("DE", "ceasefire", "demand"), ("FR", "ceasefire", "demand")} <= got


def test_every_speaker_of_a_listed_reporting_subject_takes_the_voiced_stance(sc):
    got = triples(
        "France, Britain and Germany said on Sunday that Kyiv must receive firm security "
        "guarantees.",
        sc,
    )
    assert {("FR", "guarantees", "demand"), ("UK", "guarantees", "demand")} <= got
    assert ("DE", "guarantees", "demand") in got
    assert not any(a == "UA" for a, _, _ in got)


JOINT = "Joint declaration by the leaders of France, Germany and the United Kingdom\n\nParis\n\n"


def test_a_joint_statement_speaks_for_every_author_its_heading_names(sc):
    text = JOINT + "The signatories call for an immediate ceasefire.\n\nWe will keep sanctions.\n"
    got = triples(text, sc)
    assert {(a, "ceasefire", "demand") for a in ("FR", "DE", "UK")} <= got
    assert {a for a, i, _ in got if i == "sanctions"} == {"FR", "DE", "UK"}
    # the same words in a text that is no joint statement name nobody
    assert triples("The signatories call for an immediate ceasefire.", sc) == set()


def test_they_after_a_listed_subject_is_the_whole_list(sc):
    text = "Britain, France and Germany met in Rome on Monday. They called for a ceasefire."
    got = triples(text, sc)
    assert {a for a, i, _ in got if i == "ceasefire"} == {"UK", "FR", "DE"}
    one = triples("Britain met in Rome on Monday. They called for a ceasefire.", sc)
    assert {a for a, i, _ in one if i == "ceasefire"} == {"UK"}


def test_name_labels_of_a_transcript_open_turns_in_the_speakers_voice(sc):
    text = (
        "News conference\n\nQuestion: Will Moscow take the offer?\n\n"
        "Vladimir Putin: We support the ceasefire in principle.\n\n"
        "Question: And the sanctions?\n\nAnna Lindqvist: We will never accept sanctions relief.\n"
    )
    got = triples(text, sc)
    assert ("RU", "ceasefire", "accept") in got
    assert not any(i == "sanctions" for _, i, _ in got)  # an unknown person's turn: nobody's
    # a heading with a colon in a text without turns is no speaker
    text = "Ukraine: talks resume\n\nWe support the ceasefire in principle.\n"
    assert triples(text, sc) == set()


def test_the_object_of_a_verb_is_not_the_subject_of_the_next_predicate(sc):
    got = triples("Macron visited Kyiv and demanded an immediate ceasefire.", sc)
    assert got == {("FR", "ceasefire", "demand")}
    text = "Merz thanked President Macron and Rubio for their help and called for a ceasefire."
    assert triples(text, sc) == {("DE", "ceasefire", "demand")}
    # an actor's adjective before a noun cue still owns it
    assert ("RU", "ceasefire", "propose") in triples(
        "Kyiv rejected Russian proposals for a ceasefire.", sc
    )


def test_the_one_told_is_not_the_speaker_or_the_agent(sc):
    got = triples("Putin told Trump he wanted a ceasefire on his own terms.", sc)
    assert got == {("RU", "ceasefire", "demand")}


def test_a_first_person_clause_before_a_reported_one_is_the_voice(sc):
    text = (
        "SECRETARY RUBIO: Thanks.\n\n"
        "We want a ceasefire now, and Kyiv has said yes to that twice.\n"
    )
    got = triples(text, sc)
    assert ("US", "ceasefire", "demand") in got
    assert ("UA", "ceasefire", "demand") not in got


def test_a_title_alone_is_the_person_the_text_names_with_it(sc):
    text = "President Macron met Merz in Berlin. Later the President rejected sanctions relief."
    assert ("FR", "sanctions", "reject") in triples(text, sc)
    text = "The Trump Administration met Kyiv. The Administration has rejected sanctions relief."
    assert ("US", "sanctions", "reject") in triples(text, sc)
    # a speaker's "the President" is the speaker's own, whoever else is a president
    text = "SECRETARY RUBIO: President Putin was not there.\n\nThe President wants a ceasefire.\n"
    assert ("US", "ceasefire", "demand") in triples(text, sc)
    # no person named with the title: nobody
    assert triples("The President rejected sanctions relief.", sc) == set()


def test_an_office_of_a_state_stands_for_the_state(sc):
    got = triples("The President of France called for an immediate ceasefire.", sc)
    assert got == {("FR", "ceasefire", "demand")}


def test_partners_named_as_acting_with_the_agent_act_too(sc):
    got = triples("Britain will impose new sanctions alongside France.", sc)
    assert {("UK", "sanctions", "propose"), ("FR", "sanctions", "propose")} <= got
    text = "MR STARMER: With our French and German colleagues, we call for a ceasefire.\n"
    assert {a for a, i, _ in triples(text, sc) if i == "ceasefire"} == {"UK", "FR", "DE"}
    text = "Starmer stood in Kyiv with President Macron, and together they called for a ceasefire."
    assert {a for a, i, _ in triples(text, sc) if i == "ceasefire"} == {"UK", "FR"}
    # talks with an actor make no partner of it
    got = triples("Britain will impose new sanctions after talks with France.", sc)
    assert ("FR", "sanctions", "propose") not in got


def test_an_owners_document_with_an_aside_still_speaks_for_the_owner(sc):
    text = "Russia's memorandum, published by a news agency on Monday, calls for a ceasefire."
    assert triples(text, sc) == {("RU", "ceasefire", "demand")}


def test_a_speaker_after_a_quote_with_a_longer_tail_is_the_speaker(sc):
    text = '"We reject any ceasefire now," a Russian diplomat said when asked at a forum in Vienna.'
    assert ("RU", "ceasefire", "reject") in triples(text, sc)


def test_the_head_noun_of_a_named_organisation_stands_for_it(sc):
    text = "The European Union met on Monday. The Union calls for a ceasefire."
    assert ("EU", "ceasefire", "demand") in triples(text, sc)
    assert triples("The Union calls for a ceasefire.", sc) == set()  # not named: nobody


def test_a_headline_comma_joins_the_actors_it_opens_with(sc):
    got = triples("Russia, Ukraine agree to a ceasefire at first talks in years", sc)
    assert {("RU", "ceasefire", "accept"), ("UA", "ceasefire", "accept")} <= got
    # a comma after an opening phrase joins nothing
    got = triples("After meeting Rubio, Putin agreed to a ceasefire.", sc)
    assert {a for a, _, _ in got} == {"RU"}


def test_a_passive_reporting_verb_gives_the_speaker_after_by(sc):
    text = (
        "The plan that envoys presented in Paris and Berlin, described by Washington as its "
        "final offer, would freeze sanctions relief."
    )
    got = triples(text, sc)
    assert not any(a in ("FR", "DE") for a, _, _ in got)


def test_a_page_of_a_government_publisher_speaks_for_that_government(sc):
    text = "GOV.UK\n\nUK statement to the OSCE\n\nRussia must agree to a ceasefire.\n"
    assert triples(text, sc) == {("UK", "ceasefire", "demand")}
    # the same sentence with no publisher and no first person names no speaker
    assert triples("UK statement\n\nRussia must agree to a ceasefire.\n", sc) == set()


def test_an_actor_after_a_preposition_such_as_including_is_no_subject(sc):
    got = triples("A summit of leaders including Macron called for a ceasefire.", sc)
    assert ("FR", "ceasefire", "demand") not in got


def test_conditional_sentences_after_a_named_document_are_its_authors_terms(sc):
    text = (
        "The American plan leaked on Monday. Kyiv would never join NATO. "
        "Sanctions relief would come in stages."
    )
    assert triples(text, sc) == {("US", "nato", "propose"), ("US", "sanctions", "propose")}
    memo = "Russia's memorandum was published on Monday. Kyiv would never join NATO."
    assert triples(memo, sc) == {("RU", "nato", "demand")}
    # a new paragraph, or a sentence not in the conditional, tells no terms
    apart = "The American plan leaked.\n\nSanctions relief would come in stages."
    assert triples(apart, sc) == set()
    assert triples("The American plan leaked. Sanctions relief came in stages.", sc) == set()


def test_a_document_authored_by_an_actor_tells_its_terms(sc):
    text = "The communique, drafted by Kyiv's negotiators, would have made NATO membership wait."
    assert triples(text, sc) == {("UA", "nato", "propose")}
    text = "The framework that American envoys presented would keep sanctions relief in stages."
    assert triples(text, sc) == {("US", "sanctions", "propose")}


def test_a_document_tabled_by_an_actor_is_the_one_it_obliges_for(sc):
    text = (
        "The document tabled by the Russian side was short. "
        "The memorandum would oblige Kyiv to give up NATO membership."
    )
    assert ("RU", "nato", "demand") in triples(text, sc)


def test_a_noun_before_a_comma_reports_nothing(sc):
    # "states" and "claims" are nouns or end a relative clause here, not reporting verbs
    from pourparler.evidence.attribution import reporting_clause
    from pourparler.evidence.mentions import ActorMatcher

    find = ActorMatcher(sc).find
    for text in (
        "Security would rest with a group of German states, not with Washington.",
        "Kyiv must leave the regions Moscow claims, to the dismay of its allies.",
    ):
        assert reporting_clause(text, find(text)).who is None
    got = extract_claims("Putin, Rubio said, rejects any ceasefire now.", sc)
    assert {(c.actor, c.source) for c in got} == {("RU", "Rubio")}


def test_they_after_the_two_delegations_is_both_parties(sc):
    text = (
        "In Istanbul the two delegations exchanged written memoranda. "
        "They also agreed to a ceasefire on energy sites."
    )
    assert {a for a, i, _ in triples(text, sc) if i == "ceasefire"} == {"RU", "UA"}


def test_what_a_document_obliges_another_to_do_is_its_authors_demand(sc):
    text = (
        "Russia's memorandum was published. The memorandum would oblige Kyiv to withdraw "
        "and to accept a ban on NATO membership."
    )
    got = triples(text, sc)
    assert ("RU", "nato", "demand") in got
    assert ("UA", "nato", "accept") not in got


def test_it_after_an_opening_participle_is_the_last_document(sc):
    text = (
        "Russia's memorandum reached Kyiv on Monday. Published by a news agency, it would "
        "oblige Kyiv to withdraw and to give up NATO membership."
    )
    got = triples(text, sc)
    assert ("RU", "nato", "demand") in got
    assert not any(a == "UA" for a, _, _ in got)


def test_every_sentence_of_a_quote_is_the_speaker_s_named_after_it(sc):
    text = (
        "Kyiv met Washington on Monday.\n\n"
        '"We reject any ceasefire now. Sanctions must go first," Putin said.\n'
    )
    got = triples(text, sc)
    assert ("RU", "ceasefire", "reject") in got
    assert ("UA", "ceasefire", "reject") not in got


def test_a_release_speaking_of_the_president_is_the_first_named_presidents(sc):
    text = (
        "President of France Emmanuel Macron met the delegation today. The President thanked "
        "them for our talks and our work. Russia must agree to a ceasefire. "
        "The President will travel on Monday."
    )
    assert ("FR", "ceasefire", "demand") in triples(text, sc)
    # one "the President" alone is no release of a presidency (nor a sentence that does
    # not open with the president's full style)
    text = (
        "Today President of France Emmanuel Macron met them for our talks and our work. "
        "Russia must agree to a ceasefire."
    )
    assert triples(text, sc) == set()


def test_no_presidency_release_is_read_into_a_transcript(sc):
    from pourparler.evidence.mentions import ActorMatcher
    from pourparler.evidence.rules import voice

    text = (
        "Remarks to the press on our talks\n\n"
        "QUESTION: Is the President ready to meet President Putin?\n\n"
        "SECRETARY RUBIO: We hope so. The President wants our talks to work.\n"
    )
    turns = voice.turns(text, ActorMatcher(sc).find)
    assert turns[0].actor is None


def test_a_document_several_actors_circulated_tells_the_terms_of_all(sc):
    text = (
        "Britain, France and Germany had circulated their own counter-proposal.\n\n"
        "That text would keep sanctions relief for later."
    )
    got = triples(text, sc)
    assert {a for a, i, _ in got if i == "sanctions"} == {"UK", "FR", "DE"}


def test_what_a_listed_authors_document_calls_for_is_the_demand_of_all(sc):
    text = (
        "Britain, France and Germany had circulated their own counter-proposal. "
        "That text also called for a ceasefire."
    )
    got = triples(text, sc)
    assert {a for a, i, st in got if (i, st) == ("ceasefire", "demand")} == {"UK", "FR", "DE"}


HANSARD = (
    "Ukraine: Talks\nCommons Chamber\n\nJane Roe (Bath Spa) (LD)\n"
    "I thank the Minister. Will the Minister press for a full ceasefire at the next round?\n\n"
    "Tom Smith\n{answer} Talks continue this week.\n"
)


def test_a_ministers_answer_adopting_the_question_takes_its_stance(sc):
    got = extract_claims(HANSARD.format(answer="Yes."), sc)
    assert {(c.actor, c.issue, c.stance) for c in got} == {("UK", "ceasefire", "demand")}
    assert got[0].sentence == "Yes."  # the claim is the answer's
    text = HANSARD.format(answer="I can give the hon. Lady that assurance.")
    assert triples(text, sc) == {("UK", "ceasefire", "demand")}
    # an answer that does not adopt the question takes no stance from it
    assert triples(HANSARD.format(answer="No."), sc) == set()
    assert triples(HANSARD.format(answer="I will write to her."), sc) == set()


def test_a_speakers_yes_to_a_press_question_takes_its_stance(sc):
    text = (
        "Remarks to the press\n\nQUESTION: Will you call for a full ceasefire now?\n\n"
        "SECRETARY RUBIO: Yes. We talk to both sides.\n\n"
        "QUESTION: Will you lift sanctions?\n\nSECRETARY RUBIO: We will see.\n"
    )
    assert triples(text, sc) == {("US", "ceasefire", "demand")}


def test_the_actor_whose_readiness_to_accept_is_welcomed_accepts(sc):
    got = triples("Britain welcomes Ukraine's readiness to accept a full ceasefire.", sc)
    assert ("UA", "ceasefire", "accept") in got
    got = triples("The EU welcomes the readiness of Ukraine to agree to a full ceasefire.", sc)
    assert ("UA", "ceasefire", "accept") in got
    got = triples("Kyiv regrets the lack of Russia's readiness to accept a ceasefire.", sc)
    assert ("RU", "ceasefire", "accept") not in got


def test_the_subject_of_a_relative_clause_on_an_issue_takes_its_verbs_stance(sc):
    got = triples("Moscow must now accept the truce that Kyiv has already accepted.", sc)
    assert ("UA", "ceasefire", "accept") in got
    got = triples("Paris backed a ceasefire, which Russia has rejected twice.", sc)
    assert ("RU", "ceasefire", "reject") in got
    got = triples("The ceasefire Kyiv proposed was ignored.", sc)
    assert ("UA", "ceasefire", "propose") in got
    # "the" before the subject, and a second clause on the same noun after a place or date
    got = triples("Britain backs the truce the Kremlin rejected in May, which Kyiv accepted.", sc)
    assert {("RU", "ceasefire", "reject"), ("UA", "ceasefire", "accept")} <= got
    # negated in the clause: the stance flips
    got = triples("France wants a ceasefire, which Russia has not accepted.", sc)
    assert ("RU", "ceasefire", "reject") in got
    # "which we welcome": the voice of the statement
    text = "Statement by the United Kingdom\n\n" + (
        "The sides agreed on a ceasefire, which we welcome. We will stand by our friends.\n"
    )
    assert ("UK", "ceasefire", "accept") in triples(text, sc)
    # a verb that is no cue, or a relative clause with no actor for its subject, gives nothing
    assert not any(a == "RU" for a, _, _ in triples("The ceasefire Russia violated ended.", sc))
    assert triples("Kyiv wants a ceasefire that would hold.", sc) == {("UA", "ceasefire", "demand")}


def test_a_joint_statement_is_spoken_by_the_authors_its_title_names_not_its_subject(sc):
    text = (
        "Joint statement by the leaders of France, Germany and the United Kingdom on Ukraine\n"
        "We met in Paris after the talks between delegations of Ukraine and the United States. "
        "We call for an immediate ceasefire.\n"
    )
    got = {a for a, i, _ in triples(text, sc) if i == "ceasefire"}
    assert got == {"FR", "DE", "UK"}


def test_a_title_naming_a_governments_own_statement_gives_its_voice(sc):
    body = "We welcome the new sanctions on Moscow's banks.\n"
    text = "Statement of the Ministry of Foreign Affairs of Ukraine on the talks\n\n" + body
    assert ("UA", "sanctions", "accept") in triples(text, sc)
    text = "Declaration by the High Representative on behalf of the EU\n\n" + (
        "There can be no ceasefire that rewards aggression. Sanctions must stay.\n"
    )
    assert {a for a, _, _ in triples(text, sc)} == {"EU"}
    text = "EU Foreign Affairs Council, 12 May - Conclusions\n\nSanctions must stay.\n"
    assert triples(text, sc) == {("EU", "sanctions", "demand")}
    # a news story's title names no voice: the same words are nobody's stance
    assert triples("Talks on Ukraine end\n\n" + body, sc) == set()


def test_a_representative_to_the_united_nations_speaks_for_their_country(sc):
    text = (
        "Remarks at a Security Council briefing\n\nJane Doe\nActing American Representative "
        "to the United Nations\n\nThank you. We call for a full ceasefire. We thank our hosts.\n"
    )
    assert triples(text, sc) == {("US", "ceasefire", "demand")}


def test_a_spokespersons_label_at_a_briefing_speaks_for_the_host_its_heading_names(sc):
    text = (
        "Department Press Briefing\n\nJohn Roe, Department Spokesperson\nWashington\n\n"
        "MR ROE: Good afternoon.\n\nQUESTION: On Ukraine?\n\n"
        "MR ROE: We call for a full ceasefire.\n\nQUESTION: And Russia?\n\n"
        "MR ROE: We will see.\n"
    )
    assert triples(text, sc) == {("US", "ceasefire", "demand")}
    # a heading naming two actors names no host
    two = text.replace("Washington", "Washington and Paris")
    assert triples(two, sc) == set()


def test_it_after_a_subject_that_welcomed_anothers_plan_is_that_subject(sc):
    text = (
        "The EU welcomes the peace plan put forward by the United States. "
        "It calls for a full ceasefire."
    )
    got = triples(text, sc)
    assert ("EU", "ceasefire", "demand") in got
    assert ("US", "ceasefire", "demand") not in got
    # the document as the subject: "It" is still the document's author
    text = "Russia presented a memorandum in Istanbul. It demands a full ceasefire."
    assert ("RU", "ceasefire", "demand") in triples(text, sc)


def test_the_subject_of_an_elided_verb_phrase_takes_the_stance_before_it(sc):
    got = triples("Kyiv accepted the truce back in May; Moscow still hasn't.", sc)
    assert ("RU", "ceasefire", "reject") in got
    got = triples("Paris has agreed to a ceasefire, but Berlin has not.", sc)
    assert ("DE", "ceasefire", "reject") in got
    got = triples("Moscow should accept the truce at once, as Kyiv has done.", sc)
    assert ("UA", "ceasefire", "accept") in got
    # no mark of repetition ("too", "as", a negation): no stance read into the clause
    assert not any(a == "DE" for a, _, _ in triples("Paris agreed to a truce, and Berlin has.", sc))


def test_a_noun_cue_with_its_author_after_by_is_that_authors(sc):
    got = triples("A proposal for a full ceasefire, made by Kyiv in March, is still open.", sc)
    assert got == {("UA", "ceasefire", "propose")}


def test_the_coalition_is_its_named_leaders_when_the_voice_is_not_one_of_them(sc):
    text = (
        "Remarks to the press\n\nSECRETARY RUBIO: The Coalition of the Willing, led by "
        "Britain and France, has called for a full ceasefire.\n\nQUESTION: Thanks.\n\n"
        "SECRETARY RUBIO: We talk to both sides.\n"
    )
    got = {a for a, i, _ in triples(text, sc) if i == "ceasefire"}
    assert got == {"UK", "FR"}
    # in the voice of one of its leaders, "our coalition" and "the coalition" are the voice
    text = text.replace("SECRETARY RUBIO", "PRIME MINISTER STARMER")
    assert {a for a, i, _ in triples(text, sc) if i == "ceasefire"} == {"UK"}


def test_a_first_person_subject_after_and_is_the_voice_not_the_subject_before(sc):
    head = "Joint statement by the leaders of France and Germany\n"
    got = triples(head + "Kyiv has asked for new sanctions on Moscow, and we support that.\n", sc)
    assert {("FR", "sanctions", "accept"), ("DE", "sanctions", "accept")} <= got
    assert ("UA", "sanctions", "accept") not in got
    text = head + "Kyiv needs firm security guarantees, and we stand ready to provide guarantees.\n"
    assert {a for a, _, st in triples(text, sc) if st == "propose"} == {"FR", "DE"}


def test_a_relative_clause_on_a_document_speaks_for_its_author(sc):
    text = "The draft of the Kremlin, which would require a ceasefire first, was rejected."
    assert ("RU", "ceasefire", "demand") in triples(text, sc)
    text = "Kyiv dismissed the Russian plan, which demands an end to sanctions."
    assert ("RU", "sanctions", "demand") in triples(text, sc)


def test_a_quotation_opening_the_sentence_is_its_speakers_however_long_the_apposition(sc):
    text = (
        '"We are ready for a full ceasefire," Sergei Ivanov, the Kremlin official who led '
        "the delegation in Istanbul, told reporters afterwards."
    )
    got = extract_claims(text, sc)
    assert {(c.actor, c.issue, c.stance) for c in got} == {("RU", "ceasefire", "accept")}
    assert got[0].source == "Sergei Ivanov"
    text = '"We want a full ceasefire," said Olena Bondar, a Kyiv negotiator.'
    assert triples(text, sc) == {("UA", "ceasefire", "demand")}


def test_a_delegation_handing_over_a_memorandum_authors_the_options_it_sets_out(sc):
    text = (
        "The Russian delegation, headed by a presidential aide, handed over to the other "
        "side a memorandum on peace.\n\nTwo options are offered. Under the second, sanctions "
        "would be lifted at once."
    )
    assert ("RU", "sanctions", "demand") in triples(text, sc)
    # an ordinal with no document before it names no author
    assert triples("Two roads are open. Under the second, sanctions would be lifted.", sc) == set()


def test_a_sentence_opening_with_that_document_keeps_the_terms_no_cue_claims(sc):
    doc = "France and Germany circulated their own counter-proposal. "
    got = triples(
        doc + "That text would leave NATO membership to the allies and seek binding security "
        "guarantees from Washington.",
        sc,
    )
    assert {("FR", "nato", "propose"), ("DE", "nato", "propose")} <= got
    assert ("FR", "guarantees", "demand") in got


def test_a_document_as_subject_of_what_it_provides_for_sets_its_authors_terms(sc):
    doc = "Russia presented a memorandum in Istanbul. "
    got = triples(doc + "It further provides for the lifting of all sanctions.", sc)
    assert ("RU", "sanctions", "demand") in got
    got = triples(doc + "\n\nThe first section sets out the lifting of all sanctions.", sc)
    assert ("RU", "sanctions", "demand") in got
    # a present-tense sentence with another subject tells no terms
    assert triples(doc + "Sanctions hurt the economy.", sc) == set()


def test_a_speaker_named_with_more_words_than_its_actor_speaks_for_that_actor(sc):
    text = "Some in the American Administration have said they are open to lifting sanctions."
    got = triples(text, sc)
    assert ("US", "sanctions", "accept") in got
    text = "Kyiv agreed. Moscow, by contrast, has said repeatedly that it is ready for a ceasefire."
    assert ("RU", "ceasefire", "accept") in triples(text, sc)


def test_the_parties_named_as_reaching_an_agreement_accept_what_it_does(sc):
    got = triples("Paris welcomed the agreement the two sides reached on a full ceasefire.", sc)
    assert {("RU", "ceasefire", "accept"), ("UA", "ceasefire", "accept")} <= got
    got = triples("Berlin hailed the deal that Kyiv and Moscow struck on a ceasefire.", sc)
    assert {("RU", "ceasefire", "accept"), ("UA", "ceasefire", "accept")} <= got
    # an agreement no one is named as reaching is nobody's
    got = triples("Paris welcomed the agreement on a full ceasefire.", sc)
    assert not any(a in ("RU", "UA") for a, _, _ in got)


def test_he_after_a_people_named_in_the_plural_is_not_that_people():
    from pourparler.scenario import load_scenario

    text = "Trump said that if the Russians stall, a ceasefire is something he would accept."
    got = triples(text, load_scenario("istanbul-2025"))
    assert ("RU", "ceasefire", "accept") not in got
    assert ("US", "ceasefire", "accept") in got


def test_a_readout_of_a_head_naming_its_governments_own_support_is_in_that_voice(sc):
    from pourparler.evidence.mentions import ActorMatcher
    from pourparler.evidence.rules import voice

    find = ActorMatcher(sc).find
    text = (
        "Call with the Chancellor: 4 May\n"
        "The Prime Minister spoke to the Chancellor this morning. The Prime Minister "
        "reiterated Britain's steadfast political and economic support and said our work "
        "would go on.\n"
    )
    assert voice.turns(text, find)[0].actor == "UK"
    text = "The Prime Minister met the Chancellor. The Prime Minister said Britain would continue."
    assert voice.turns(text, find)[0].actor == "UK"
    text = "The Prime Minister met the Chancellor. The PM said Kyiv can count on Britain."
    assert voice.turns(text, find)[0].actor == "UK"
    # the government another is said to support is no author
    text = (
        "The Prime Minister met the Chancellor. The Prime Minister said the talks with "
        "Britain's partners would go on."
    )
    assert voice.turns(text, find)[0].actor is None


def test_a_statement_saying_its_government_will_play_its_part_is_in_its_voice(sc):
    text = (
        "Thank you, Chair. We meet again. Our region needs peace. Britain will play its full "
        "part. We call for a full ceasefire.\n"
    )
    assert triples(text, sc) == {("UK", "ceasefire", "demand")}
    text = "Thank you, Chair. We meet again. Our region needs peace. We call for a ceasefire.\n"
    assert triples(text, sc) == set()


def test_a_leader_addressing_their_own_people_speaks_for_their_state(sc):
    from pourparler.evidence.mentions import ActorMatcher
    from pourparler.evidence.rules import voice

    find = ActorMatcher(sc).find
    body = "Today we met our partners. Our goal is clear. Sanctions must stay.\n"
    assert voice.turns("I wish you strength, fellow Ukrainians!\n" + body, find)[0].actor == "UA"
    assert voice.turns("Dear Ukrainians!\n" + body, find)[0].actor == "UA"
    assert voice.turns("Dear friends!\nIn Ukraine, we know war. " + body, find)[0].actor == "UA"
    thanks = "Dear friends! I am grateful for your steady support of Ukraine. "
    assert voice.turns(thanks + body, find)[0].actor == "UA"
    thanks = "Thank you to all the nations that continue to support Ukraine. "
    assert voice.turns(thanks + body, find)[0].actor == "UA"
    # a guest thanking the host "for hosting us here in France" is no French voice
    guest = "Dear friends! Thanks for hosting us here in France. " + body
    assert voice.turns(guest, find)[0].actor is None
    # pressure "on Russia and our" resilience is no Russian voice
    pressure = "We need pressure on Russia and our own strength. " + body
    assert voice.turns(pressure, find)[0].actor is None


def test_a_headline_ending_in_a_speech_by_a_head_of_state_names_its_voice(sc):
    from pourparler.evidence.mentions import ActorMatcher
    from pourparler.evidence.rules import voice

    find = ActorMatcher(sc).find
    text = (
        "Russian pressure must not work – address by the President of Ukraine\n\n"
        "Sanctions must stay.\n"
    )
    assert voice.turns(text, find)[0].actor == "UA"
    assert triples(text, sc) == {("UA", "sanctions", "demand")}
    text = "Speech of President Zelensky to the nation\n\nSanctions must stay.\n"
    assert voice.turns(text, find)[0].actor == "UA"


def test_a_state_department_readout_is_in_the_united_states_voice(sc):
    from pourparler.evidence.mentions import ActorMatcher
    from pourparler.evidence.rules import voice

    find = ActorMatcher(sc).find
    text = (
        "Secretary Doe's Call with the Foreign Minister\n\n"
        "The below is attributable to Spokesperson Jane Roe:\n\n"
        "Secretary Doe spoke with the Foreign Minister today. The Secretary noted the talks.\n"
    )
    assert voice.turns(text, find)[0].actor == "US"
    # "the Secretary" twice in a readout that underscored its government's own support
    text = (
        "Secretary Doe spoke with the Foreign Minister today. The Secretary underscored the "
        "United States' strong support for Kyiv. The Secretary noted the talks.\n"
    )
    assert voice.turns(text, find)[0].actor == "US"
    # the Secretary-General is no title of a government
    text = text.replace("The Secretary", "The Secretary-General")
    assert voice.turns(text, find)[0].actor is None


@pytest.mark.parametrize(
    "opening",
    [
        "Britain Backs Kyiv's Call for Peace at the Council\n\n",
        "Thank you, Chair. Once again, the UK calls for calm.\n\n",
        "Thank you, Chair. The UK's commitment to support Kyiv is ironclad.\n\n",
        "Thank you, Chair. I reiterate the UK's earlier calls for calm.\n\n",
        "Meeting of the Permanent Council on the crisis: UK statement, 4 May\n\n",
        "We urge all states to act – UK at UN General Assembly\n\n",
    ],
)
def test_a_statement_naming_its_government_in_its_own_words_is_in_its_voice(sc, opening):
    body = "We meet again. Our aim is clear. Russia must agree to a full ceasefire.\n"
    assert triples(opening + body, sc) == {("UK", "ceasefire", "demand")}
    # without the opening, "we" is nobody's
    assert triples(body, sc) == set()


def test_a_statement_by_several_leaders_is_a_joint_statement_of_all_it_names(sc):
    text = (
        "Statement by Chancellor Merz, President Macron and Prime Minister Starmer on Peace "
        "for Ukraine\n\nThe leaders met today. Russia must agree to a full ceasefire.\n"
    )
    got = triples(text, sc)
    assert {a for a, _, _ in got} == {"DE", "FR", "UK"}
    # a statement that mentions "the joint statement" another delivered is no joint one
    text = (
        "Thank you, Chair. I speak in addition to the joint statement delivered by France "
        "and Germany.\nWe meet again. Russia must agree to a full ceasefire. The UK calls "
        "for calm.\n"
    )
    assert triples(text, sc) == {("UK", "ceasefire", "demand")}


def test_the_owner_of_a_noun_taking_the_cue_as_its_infinitive_is_its_agent(sc):
    text = "Moscow's repeated failure to accept a full ceasefire is telling."
    assert triples(text, sc) == {("RU", "ceasefire", "reject")}
    text = "Kyiv's decision to accept a full ceasefire was noted."
    assert ("UA", "ceasefire", "accept") in triples(text, sc)
    # a possessive far from the cue, with a verb between, is not its agent
    text = "Kyiv's envoy left before Moscow agreed to a ceasefire."
    assert ("UA", "ceasefire", "accept") not in triples(text, sc)


def test_an_elided_verb_phrase_between_dashes_takes_the_stance_before_it(sc):
    text = "Moscow's failure to agree to a full ceasefire – as Kyiv has done – delays talks."
    assert triples(text, sc) == {("RU", "ceasefire", "reject"), ("UA", "ceasefire", "accept")}
    text = "Putin must agree to a ceasefire – as Kyiv has done."
    assert ("UA", "ceasefire", "accept") in triples(text, sc)


def test_the_parties_named_as_making_an_exchange_or_agreement_accept_what_it_does(sc):
    text = "Observers praised Moscow and Kyiv's latest swap of prisoners."
    assert {("RU", "prisoners", "accept"), ("UA", "prisoners", "accept")} <= triples(
        "Talks on prisoners. " + text, _prisoner_scenario()
    )
    text = "The deal, struck by both Moscow and Kyiv, to exchange prisoners holds."
    got = triples(text, _prisoner_scenario())
    assert {("RU", "prisoners", "accept"), ("UA", "prisoners", "accept")} <= got
    # an exchange of views is no exchange of prisoners; a deal that would be made is none
    text = "An exchange of views between Moscow and Kyiv on a ceasefire took place."
    assert triples(text, sc) == set()
    text = "An agreement between Moscow and Kyiv on a ceasefire would help."
    assert triples(text, sc) == set()


def test_an_agreement_naming_no_party_binds_the_parties_of_the_talks_the_text_names(sc):
    text = "Russia and Ukraine met in Geneva. The agreement to a further prisoner swap is welcome."
    got = triples(text, _prisoner_scenario())
    assert {("RU", "prisoners", "accept"), ("UA", "prisoners", "accept")} <= got
    # a text naming one party only names no parties of the talks
    text = "Russia met its partners. The agreement to a further prisoner swap is welcome."
    assert triples(text, _prisoner_scenario()) == set()
    # "no agreement on" is none
    text = "Russia and Ukraine met. There is no agreement on a further prisoner swap."
    assert triples(text, _prisoner_scenario()) == set()


def _prisoner_scenario():
    return loads_yaml_scenario(
        SCENARIO.replace(
            "issues:\n",
            "issues:\n  - {id: prisoners, name: Prisoner exchanges, status_quo: 0,\n"
            "     options: [{value: 0, label: none}, {value: 100, label: all}]}\n",
        )
        + "  - {actor: RU, issue: prisoners, position: 50, salience: 0.5}\n"
    )


def test_an_official_opening_a_governments_readout_by_title_is_that_government(sc):
    text = (
        "Secretary Doe's Call with the Foreign Minister\n\n"
        "The below is attributable to Spokesperson Jane Roe:\n\n"
        "Secretary of State John Q. Doe spoke with the Foreign Minister today. Secretary Doe "
        "rejected a ceasefire that rewards aggression.\n"
    )
    assert ("US", "ceasefire", "reject") in triples(text, sc)
    # one addressed by title is not the speaking government's
    text = (
        "Dear Secretary Doe,\nDear friends!\nIn Ukraine, we know war. Our goal is clear. "
        "Doe rejected a ceasefire.\n"
    )
    assert ("UA", "ceasefire", "reject") not in triples(text, sc)


def test_a_name_learnt_from_a_title_does_not_run_onto_the_next_line(sc):
    from pourparler.evidence.mentions import ActorMatcher
    from pourparler.evidence.rules.names import DocumentNames

    text = "Call with German Foreign Minister Jan Roe\n\nMay 31, 2024\n\nRoe spoke today."
    names = DocumentNames(sc, ActorMatcher(sc))
    names.read(text)
    assert [m.actor for m in names.find("Roe spoke today.", None)] == ["DE"]
    assert names.find("May 31, 2024", None) == []


def test_the_two_after_a_sentence_naming_two_actors_is_both_of_them(sc):
    text = "Rubio spoke with Putin today. The two agreed to a full ceasefire."
    assert triples(text, sc) == {("US", "ceasefire", "accept"), ("RU", "ceasefire", "accept")}
    text = "Rubio spoke with Putin today. Both leaders rejected a full ceasefire."
    assert triples(text, sc) == {("US", "ceasefire", "reject"), ("RU", "ceasefire", "reject")}


def test_the_actor_counted_on_to_act_is_the_agent_not_the_one_counting(sc):
    text = "Kyiv can count on Britain to continue to support a full ceasefire."
    assert triples(text, sc) == {("UK", "ceasefire", "accept")}


def test_a_gerund_after_by_is_the_act_of_the_sentences_subject(sc):
    text = (
        "Britain praises the Ukrainian people's courage and stands with them, including by "
        "proposing a full ceasefire."
    )
    assert triples(text, sc) == {("UK", "ceasefire", "propose")}
    text = "The EU stands with Kyiv in solidarity, including by proposing a full ceasefire."
    assert triples(text, sc) == {("EU", "ceasefire", "propose")}


def test_it_after_a_named_body_that_is_no_actor_is_no_actor(sc):
    text = (
        "Kyiv will fight on. In response, the General Assembly has met six times. It has "
        "called for a full ceasefire."
    )
    assert triples(text, sc) == set()


def test_a_debate_opened_by_moving_a_motion_is_westminsters_record(sc):
    from pourparler.evidence.mentions import ActorMatcher
    from pourparler.evidence.rules import voice

    text = "I beg to move,\n\nThat the Regulations be approved.\n\nWe call for a ceasefire.\n"
    assert voice.turns(text, ActorMatcher(sc).find)[0].actor == "UK"


def test_a_governments_own_department_in_its_voice_is_that_government(sc):
    hansard = "Commons Chamber\n\nThe Minister (Jane Doe): "
    text = hansard + "Defence is also proposing a full ceasefire.\n"
    assert triples(text, sc) == {("UK", "ceasefire", "propose")}
    text = hansard + "The Foreign Office has proposed a full ceasefire.\n"
    assert triples(text, sc) == {("UK", "ceasefire", "propose")}
    # with no voice, a department is no actor
    assert triples("Defence is also proposing a full ceasefire.\n", sc) == set()


def test_a_readout_opening_with_its_presidents_full_style_is_the_presidencys(sc):
    text = (
        "President of Ukraine Volodymyr Zelensky held a phone call with the Chancellor.\n"
        "The leaders discussed the situation. It is crucial that sanctions stay.\n"
    )
    assert triples(text, sc) == {("UA", "sanctions", "demand")}
    # a report's "Ukrainian President ..." names no voice
    text = text.replace("President of Ukraine Volodymyr", "Ukrainian President Volodymyr")
    assert triples(text, sc) == set()


def test_we_after_an_opening_phrase_of_several_words_is_the_voice(sc):
    text = "UK statement to the OSCE\n\nWe meet again. Since then, we have proposed a ceasefire.\n"
    assert triples(text, sc) == {("UK", "ceasefire", "propose")}
    text = (
        "UK statement to the OSCE\n\nWe meet. Together with our allies, we proposed a ceasefire.\n"
    )
    assert triples(text, sc) == {("UK", "ceasefire", "propose")}


def test_what_the_voice_calls_on_another_to_accept_is_not_the_voices_acceptance(sc):
    text = (
        "UK statement to the OSCE\n\nWe meet again. Madam Chair, we call on the Russian "
        "Federation once more to agree to a full ceasefire.\n"
    )
    assert ("UK", "ceasefire", "accept") not in triples(text, sc)


def test_an_agreement_the_talks_produced_binds_the_parties_the_text_names(sc):
    text = (
        "Russia and Ukraine met again. It produced an agreement to a further prisoner swap, "
        "and we welcome it."
    )
    got = triples(text, _prisoner_scenario())
    assert {("RU", "prisoners", "accept"), ("UA", "prisoners", "accept")} <= got


def test_a_pronoun_refers_to_the_main_clauses_subject_not_an_opening_clauses(sc):
    text = (
        "In the months since Kyiv agreed to talks, Putin has continued to delay. "
        "He proposed a full ceasefire of three days."
    )
    assert ("RU", "ceasefire", "propose") in triples(text, sc)
    assert ("UA", "ceasefire", "propose") not in triples(text, sc)


def test_a_headline_quoting_the_speaker_of_the_remarks_below_is_their_voice(sc):
    from pourparler.evidence.mentions import ActorMatcher
    from pourparler.evidence.rules import voice

    find = ActorMatcher(sc).find
    text = (
        'Emmanuel Macron: "Pressure must grow"\n\nThank you. We met today. We are the '
        "biggest provider of our help.\n"
    )
    assert voice.turns(text, find)[0].actor == "FR"
    # a headline naming no actor names no voice
    assert voice.turns(text.replace("Emmanuel Macron", "Jane Doe"), find)[0].actor is None


def test_my_prime_minister_in_a_statement_is_the_voice(sc):
    text = (
        "UK statement to the OSCE\n\nWe meet again. Our aim is clear. Yesterday in Geneva my "
        "Prime Minister proposed a full ceasefire.\n"
    )
    assert triples(text, sc) == {("UK", "ceasefire", "propose")}


def test_a_statement_from_two_officials_is_joint_for_the_states_its_first_line_names(sc):
    text = (
        "A statement from Defence Secretary Jane Roe and Defence Minister John Doe after the "
        "meeting.\n\nThe UK Defence Secretary and the French Minister met their "
        "counterparts from Germany.\n\nOur aim is a full ceasefire. We must secure a full "
        "ceasefire.\n"
    )
    got = triples(text, sc)
    assert {("UK", "ceasefire", "demand"), ("FR", "ceasefire", "demand")} <= got
    assert "DE" not in {a for a, _, _ in got}  # named after the verb: no author


def test_european_leaders_in_a_joint_statement_of_european_leaders_are_its_authors(sc):
    text = (
        "Joint statement of the leaders of France, Germany and the United Kingdom\n\n"
        "Both the US and European leaders proposed a full ceasefire.\n"
    )
    got = triples(text, sc)
    assert {("FR", "ceasefire", "propose"), ("DE", "ceasefire", "propose")} <= got
    assert ("UK", "ceasefire", "propose") in got


def test_partners_listed_after_alongside_our_partners_in_act_with_the_agent(sc):
    text = (
        "UK statement to the OSCE\n\nWe meet. We proposed a full ceasefire, alongside "
        "partners in the EU, the United States, Canada and Japan.\n"
    )
    assert {a for a, _, _ in triples(text, sc)} == {"UK", "EU", "US"}


def voiced(text: str, sc, voice: str | None) -> set[tuple[str, str, str]]:
    return {(c.actor, c.issue, c.stance) for c in extract_claims(text, sc, voice=voice)}


def test_a_given_voice_is_what_we_stand_for_in_a_text_naming_none(sc):
    text = "We call for an immediate and full ceasefire."
    assert ("UK", "ceasefire", "demand") in voiced(text, sc, "UK")
    assert not any(a == "UK" for a, _, _ in voiced(text, sc, None))


def test_a_given_voice_is_the_government_a_title_stands_for(sc):
    text = "Today the Prime Minister demanded an immediate ceasefire."
    assert ("FR", "ceasefire", "demand") in voiced(text, sc, "FR")


def test_a_speaker_the_text_names_keeps_their_own_voice_inside_their_turn(sc):
    text = (
        "We demand a full ceasefire.\n\n"
        "SECRETARY RUBIO: Washington wants it too. We demand a full ceasefire now.\n"
    )
    got = voiced(text, sc, "UK")
    assert ("UK", "ceasefire", "demand") in got
    us = [c for c in extract_claims(text, sc, voice="UK") if "now" in c.sentence]
    assert us and all(c.actor == "US" for c in us)


def test_a_voice_the_text_names_wins_over_the_given_one(sc):
    text = "Statement by the United Kingdom\n\nWe demand a full ceasefire."
    assert ("UK", "ceasefire", "demand") in voiced(text, sc, "FR")
    assert not any(a == "FR" for a, _, _ in voiced(text, sc, "FR"))


def test_a_given_voice_that_is_no_actor_is_bad_input(sc):
    from pourparler.errors import InputError

    with pytest.raises(InputError, match=r"^voice: XX: not an actor of who$"):
        extract_claims("We call for a ceasefire.", sc, voice="XX")


COMMITMENTS = (
    "Joint statement by France, Germany and the United Kingdom\n\n"
    "The leaders and the United States committed to work together to provide robust security "
    "guarantees for Kyiv. This would include commitments to:\n\n"
    "Keep sanctions on Moscow in place until a peace is signed, which should be soon.\n\n"
    "A ceasefire monitoring mission supported by Washington.\n\n"
    "The Kremlin must respond to the sanctions.\n"
)


def test_the_items_of_a_list_of_commitments_are_the_committed_actors_stance(sc):
    got = triples(COMMITMENTS, sc)
    for actor in ("FR", "DE", "UK", "US"):
        assert (actor, "sanctions", "propose") in got
    # the item's own modal ("which should be soon") does not make them demand it
    item = [c for c in extract_claims(COMMITMENTS, sc) if c.sentence.startswith("Keep")]
    assert item and all(c.stance == "propose" for c in item)


def test_an_actor_an_item_names_keeps_its_own_reading(sc):
    claims = [c for c in extract_claims(COMMITMENTS, sc) if "monitoring" in c.sentence]
    assert {c.actor for c in claims if c.stance == "propose"} == {"FR", "DE", "UK"}


def test_a_paragraph_with_a_subject_of_its_own_ends_the_list(sc):
    claims = [c for c in extract_claims(COMMITMENTS, sc) if c.sentence.startswith("The Kremlin")]
    assert not any(c.cue == "(commitment)" for c in claims)


def test_a_header_that_commits_to_nothing_hands_nothing_to_the_paragraphs_after_it(sc):
    text = (
        "Russia rejected the talks. This would include the following:\n\n"
        "Keep sanctions on Moscow in place.\n"
    )
    assert not any(c.cue == "(commitment)" for c in extract_claims(text, sc))


def test_the_one_thanked_for_an_instrument_offers_it(sc):
    got = triples("Zelensky thanked Berlin for its new military aid package.", sc)
    assert ("DE", "guarantees", "propose") not in got
    got = triples("Zelensky thanked Berlin for the sanctions package.", sc)
    assert ("DE", "sanctions", "propose") in got


def test_him_thanked_is_the_last_topic_and_a_possessive_names_the_giver(sc):
    text = "Starmer spoke to Zelensky. Zelensky thanked him for France's steady sanctions support."
    got = triples(text, sc)
    assert ("FR", "sanctions", "propose") in got
    assert ("UK", "sanctions", "propose") not in got
    got = triples("Merz called Zelensky on Monday. Zelensky thanked him for the sanctions.", sc)
    assert ("DE", "sanctions", "propose") in got


def test_thanks_for_something_no_one_gives_is_no_offer(sc):
    got = triples("Zelensky thanked Paris for hosting the talks on sanctions.", sc)
    assert ("FR", "sanctions", "propose") not in got


ANNEX_SCENARIO = (
    SCENARIO.replace(
        "issues:\n",
        "issues:\n  - {id: recognition, name: Recognition of annexed regions, status_quo: 0,\n"
        "     options: [{value: 0, label: none}, {value: 100, label: full}]}\n",
        1,
    )
    + "  - {actor: RU, issue: recognition, position: 100, salience: 0.5}\n"
)


@pytest.fixture(scope="module")
def annex_sc():
    return loads_yaml_scenario(ANNEX_SCENARIO)


def test_the_owner_of_an_annexation_demands_its_recognition(annex_sc):
    for text in (
        "The ministers denounced Moscow's unlawful annexation of the southern regions.",
        "The ministers denounced Moscow's repeated attempts to annex the southern regions.",
        "The ministers denounced the attempted annexation by Moscow of the southern regions.",
    ):
        got = {(c.actor, c.issue, c.stance) for c in extract_claims(text, annex_sc)}
        assert ("RU", "recognition", "demand") in got, text


def test_a_place_annexed_beside_a_possessive_is_no_act_of_its_owner(annex_sc):
    text = "Troops gathered on Kyiv's borders and in illegally annexed Crimea."
    got = {(c.actor, c.issue, c.stance) for c in extract_claims(text, annex_sc)}
    assert ("UA", "recognition", "demand") not in got


def test_the_actor_whose_efforts_or_progress_towards_an_issue_are_named_seeks_it(sc):
    for text in (
        "The ministers praised Washington's efforts to secure a ceasefire.",
        "The ministers praised the progress Washington has made towards a ceasefire.",
    ):
        assert ("US", "ceasefire", "demand") in triples(text, sc), text


def test_having_made_something_towards_an_issue_without_progress_is_no_effort(sc):
    text = "The ministers noted that Washington has made towards a ceasefire no move."
    assert ("US", "ceasefire", "demand") not in triples(text, sc)
