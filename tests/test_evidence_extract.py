"""Claim extraction on hand-written sentences: each stance pattern, negation, attribution,
coordination, pronouns, list items and implied positions."""

from __future__ import annotations

import pytest

from pourparler.evidence.clean import clean_html, clean_plain
from pourparler.evidence.extract import extract_claims, split_sentences
from pourparler.scenario.yaml_io import loads_yaml_scenario

SCENARIO = """
schema_version: 1
id: toy
title: Toy talks
actors:
  - {id: RU, name: Russia, aliases: [Kremlin, Moscow, Putin], capability: 1.0}
  - {id: UA, name: Ukraine, aliases: [Kyiv, Zelensky, Zelenskiy], capability: 0.5}
  - {id: US, name: United States, aliases: [Washington, Rubio, Trump, U.S.], capability: 0.8}
issues:
  - id: ceasefire
    name: Ceasefire terms
    status_quo: 90
    options:
      - {value: 0, label: "unconditional 30-day ceasefire, monitored"}
      - {value: 50, label: "short local truces"}
      - {value: 100, label: "no ceasefire until withdrawal"}
  - id: sanctions
    name: Sanctions relief
    status_quo: 0
    options:
      - {value: 0, label: "sanctions kept and tightened"}
      - {value: 100, label: "all sanctions lifted"}
stances:
  - {actor: RU, issue: ceasefire, position: 100, salience: 0.8}
  - {actor: UA, issue: ceasefire, position: 0, salience: 0.9}
  - {actor: US, issue: sanctions, position: 0, salience: 0.5}
"""


@pytest.fixture(scope="module")
def toy():
    return loads_yaml_scenario(SCENARIO, "toy.yaml")


def triples(text, scenario):
    return {(c.actor, c.issue, c.stance) for c in extract_claims(text, scenario)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia demands a halt to the ceasefire talks.", ("RU", "ceasefire", "demand")),
        ("Kyiv insists on an immediate ceasefire.", ("UA", "ceasefire", "demand")),
        ("Washington called for a ceasefire.", ("US", "ceasefire", "demand")),
        ("Ukraine proposed a ceasefire.", ("UA", "ceasefire", "propose")),
        ("Moscow offered short local truces.", ("RU", "ceasefire", "propose")),
        ("Zelensky accepted the ceasefire.", ("UA", "ceasefire", "accept")),
        ("The Kremlin agreed to a ceasefire.", ("RU", "ceasefire", "accept")),
        ("Ukraine is willing to accept a truce.", ("UA", "ceasefire", "accept")),
        ("Putin rejected the ceasefire.", ("RU", "ceasefire", "reject")),
        ("Russia opposes any ceasefire.", ("RU", "ceasefire", "reject")),
        ("Trump refused to lift sanctions.", ("US", "sanctions", "reject")),
        (
            "Moscow would only accept a ceasefire if sanctions are lifted.",
            ("RU", "ceasefire", "condition"),
        ),
    ],
)
def test_each_stance_pattern(toy, sentence, expected):
    assert expected in triples(sentence, toy)


def test_negation_flips_the_stance(toy):
    assert triples("Russia has not accepted the ceasefire.", toy) == {("RU", "ceasefire", "reject")}
    assert triples("Washington did not reject sanctions relief.", toy) == {
        ("US", "sanctions", "accept")
    }
    assert triples("Kyiv has not been willing to offer a truce.", toy) == {
        ("UA", "ceasefire", "reject")
    }


def test_reported_claim_belongs_to_the_actor_and_is_sourced_to_the_speaker(toy):
    claims = extract_claims("Rubio said Russia rejects the ceasefire.", toy)
    assert [(c.actor, c.issue, c.stance, c.source) for c in claims] == [
        ("RU", "ceasefire", "reject", "Rubio")
    ]


def test_speaker_is_the_actor_when_the_report_names_no_other(toy):
    claims = extract_claims(
        "Putin has stated that a ceasefire would only be considered under conditions.", toy
    )
    assert [(c.actor, c.stance) for c in claims] == [("RU", "condition")]


def test_coordinated_subjects_and_contrasting_clauses(toy):
    text = "Ukraine and the U.S. advocated for a ceasefire, but the Kremlin rejected it."
    assert triples(text, toy) == {
        ("UA", "ceasefire", "demand"),
        ("US", "ceasefire", "demand"),
        ("RU", "ceasefire", "reject"),
    }


def test_pronoun_refers_to_the_previous_subject(toy):
    text = "Trump spoke to reporters on Friday. He refused to lift sanctions."
    assert triples(text, toy) == {("US", "sanctions", "reject")}


def test_list_items_inherit_actor_and_stance_of_their_header(toy):
    text = (
        "Moscow presented its demands. These demands include:\n"
        "- All sanctions lifted.\n- No ceasefire."
    )
    assert {("RU", "sanctions", "demand"), ("RU", "ceasefire", "demand")} <= triples(text, toy)


def test_no_claim_without_an_issue_or_an_actor(toy):
    assert triples("Putin refused to meet Zelensky.", toy) == set()
    assert triples("Analysts reject the ceasefire idea.", toy) == set()


def test_named_option_gives_the_position(toy):
    (c,) = extract_claims("Ukraine proposed an unconditional 30-day ceasefire.", toy)
    assert c.position == 0.0
    (c,) = extract_claims("Russia rejected an unconditional 30-day ceasefire.", toy)
    assert c.position is None  # a rejection does not say where the actor stands


def test_offsets_point_at_the_sentence(toy):
    text = "Nothing here. Russia rejected the ceasefire. More text."
    (c,) = extract_claims(text, toy)
    assert text[c.start : c.end] == "Russia rejected the ceasefire."


def test_sentences_do_not_split_after_abbreviations():
    text = "The U.S. team met Mr. Smith. Then it left."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The U.S. team met Mr. Smith.",
        "Then it left.",
    ]


def test_extraction_is_deterministic(toy):
    text = "Ukraine proposed a ceasefire. Russia rejected it. Trump refused to lift sanctions."
    assert extract_claims(text, toy) == extract_claims(text, toy)


def test_cleaning_drops_furniture_and_rejoins_wrapped_lines():
    raw = (
        "- Get link\n- Other Apps\n\nTalks Resume in Istanbul\nRussia and Ukraine met on\n"
        "Friday in Istanbul and agreed\nto swap prisoners.\nThe talks\nwill continue next week.\n"
        "Leaders at the summit in Kyiv. [John Doe/Pool via Reuters]\nTags: Ukraine, Russia\n"
        "Leave a Comment\nYour email address will not be published.\n"
    )
    c = clean_plain(raw)
    assert c.title == "Talks Resume in Istanbul"
    assert "Get link" not in c.text and "Tags" not in c.text and "Reuters" not in c.text
    assert "Comment" not in c.text
    assert "met on Friday in Istanbul and agreed to swap prisoners." in c.text
    i = c.text.index("swap")
    assert raw[c.raw_offset(i) : c.raw_offset(i) + 4] == "swap"


def test_markdown_and_html_cleaning():
    md = clean_plain(
        "# Big News\n\nRussia **rejected** the [ceasefire](http://x.org).\n", markdown=True
    )
    assert md.title == "Big News"
    assert "Russia rejected the ceasefire." in md.text
    html = clean_html(
        "<html><head><title>T</title><meta property='article:published_time' "
        "content='2025-05-16T10:00:00Z'></head><body><nav>Home | World</nav><h1>Headline</h1>"
        "<p>Kyiv proposed a ceasefire.</p><div class='share-buttons'>Share on X</div>"
        "<figure><img src='a.jpg'><figcaption>Photo: Reuters</figcaption></figure>"
        "<footer>Comments</footer></body></html>"
    )
    assert html.title == "Headline"
    assert str(html.date) == "2025-05-16"
    assert "Kyiv proposed a ceasefire." in html.text
    assert "Share" not in html.text and "Home" not in html.text and "Photo" not in html.text


def test_a_page_or_feed_date_after_tomorrow_is_no_publication_date():
    import datetime as dt

    from pourparler.evidence.clean import parse_date, published
    from pourparler.evidence.feeds import feed_items

    page = clean_html(
        "<html><head><title>T</title><meta property='article:published_time' "
        "content='2099-03-01T10:00:00Z'></head><body><h1>Headline</h1>"
        "<p>Kyiv proposed a ceasefire.</p></body></html>"
    )
    assert page.date is None
    assert parse_date("1 June 2099") is None and str(parse_date("1 June 2025")) == "2025-06-01"
    today = dt.date(2025, 5, 19)
    assert published(dt.date(2025, 5, 20), today) == dt.date(2025, 5, 20)  # time zones ahead
    assert published(dt.date(2025, 5, 21), today) is None
    feed = (
        b"<rss><channel><item><title>A</title><link>https://example.org/a</link>"
        b"<pubDate>Mon, 01 Jun 2099 10:00:00 GMT</pubDate></item>"
        b"<item><title>B</title><link>https://example.org/b</link>"
        b"<pubDate>Mon, 19 May 2025 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    items = feed_items(feed, "https://example.org/feed")
    assert items is not None and [i.date for i in items] == [None, dt.date(2025, 5, 19)]


def test_text_a_page_does_not_show_is_not_the_article():
    page = clean_html(
        "<html><body><h1>Headline</h1><p>Kyiv proposed a ceasefire.</p>"
        "<div hidden><p>Russia accepted NATO membership.</p></div>"
        "<p style='color: red; display : none'>Russia accepted neutrality.</p>"
        "<span style='visibility:hidden'>Moscow agreed.</span>"
        "<p aria-hidden='true'>Shown to the eye.</p>"
        "<p style='display:block'>Still read.</p></body></html>"
    )
    assert "Kyiv proposed a ceasefire." in page.text
    assert "Shown to the eye." in page.text and "Still read." in page.text
    for hidden in ("NATO membership", "neutrality", "Moscow agreed"):
        assert hidden not in page.text


def test_neither_nor_negates_both_actors(toy):
    text = "Neither Russia nor Ukraine is likely to accept a truce."
    assert triples(text, toy) == {("RU", "ceasefire", "reject"), ("UA", "ceasefire", "reject")}


def test_noun_cue_takes_the_actor_right_before_it(toy):
    assert triples("Leaked U.S. proposals include a ceasefire.", toy) == {
        ("US", "ceasefire", "propose")
    }
    # a mention further away is not the agent of a noun ("proposal")
    assert triples("As a signal to Russia, the proposal covers a ceasefire.", toy) == set()


def test_infinitive_after_a_cue_belongs_to_its_object(toy):
    assert triples("Washington is unwilling to offer sanctions relief.", toy) == {
        ("US", "sanctions", "reject")
    }


def test_subordinate_clause_is_part_of_the_object(toy):
    text = "Kyiv insisted there could be no talks until Russia agreed to a ceasefire."
    assert triples(text, toy) == {("UA", "ceasefire", "demand")}


def test_list_of_subjects_before_the_cue(toy):
    text = "Countries like Ukraine, Italy, and Poland reluctant to lift sanctions."
    assert ("UA", "sanctions", "reject") in triples(text, toy)


def test_condition_splits_into_conditioned_issue_and_requirement(toy):
    text = "The Kremlin would consider a ceasefire only after sanctions are lifted."
    assert triples(text, toy) == {("RU", "ceasefire", "condition"), ("RU", "sanctions", "demand")}
    text = "Washington will not lift sanctions until the ceasefire holds."
    assert triples(text, toy) == {("US", "sanctions", "reject"), ("US", "ceasefire", "demand")}


def test_negated_condition_clause_asks_for_nothing(toy):
    text = "Kyiv favours tighter sanctions if Moscow does not accept a ceasefire."
    assert triples(text, toy) == {("UA", "sanctions", "accept")}


def test_nested_html_furniture_is_skipped():
    page = clean_html(
        "<body><header><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav></header>"
        "<article><p>Moscow rejected the truce.</p></article>"
        "<aside class='related'><p>Kyiv accepts a truce</p></aside></body>"
    )
    assert page.text.strip() == "Moscow rejected the truce."


def test_quality_on_the_articles_written_for_the_tests():
    """Regression guard on heldout_gold.json (the first, untuned measurement of each article is
    in docs/evidence.md). The first four articles were used to widen the rules (heldout_wire.txt
    last: 3 of its 35 claims found at its first run, 28 now), so their floor is high.
    heldout_explainer.txt has not been used to change the rules: its floor sits just under its
    first run (12 of 47 claims found, 12 of 18 found claims right), the honest figure for unseen
    text, so a change that loses unseen claims fails here."""
    from pathlib import Path

    from pourparler.evidence.score import load_gold, score_gold
    from pourparler.scenario import load_scenario

    here = Path(__file__).resolve().parent / "gold" / "evidence"
    gold = load_gold(here / "heldout_gold.json")
    scenario = load_scenario("istanbul-2025")
    unseen = {"heldout_explainer.txt"}
    tuned = {**gold, "documents": [d for d in gold["documents"] if d["file"] not in unseen]}
    s = score_gold(tuned, here, scenario)
    assert s.gold == 71
    assert s.precision >= 0.9 and s.recall >= 0.85
    fresh = {**gold, "documents": [d for d in gold["documents"] if d["file"] in unseen]}
    u = score_gold(fresh, here, scenario)
    assert u.gold == 47
    assert u.precision >= 0.6 and u.recall >= 0.25


def test_markdown_front_matter_gives_title_date_and_outlet():
    md = clean_plain(
        '---\ntitle: "Talks resume"\ndate: 2025-06-02\nsource: Example Wire\n---\n\n'
        "Kyiv proposed a ceasefire.\n",
        markdown=True,
    )
    assert (md.title, str(md.date), md.outlet) == ("Talks resume", "2025-06-02", "Example Wire")
    assert md.text == "Kyiv proposed a ceasefire."


def test_issues_found_by_concept_or_by_their_own_name():
    sc = loads_yaml_scenario(
        """
schema_version: 1
id: other
title: Other talks
actors:
  - {id: A, name: Avalon, capability: 1.0}
  - {id: B, name: Brigadoon, capability: 1.0}
issues:
  - {id: truce_terms, name: Truce terms, status_quo: 50,
     options: [{value: 0, label: full truce}, {value: 100, label: no truce}]}
  - {id: water, name: Water rights, status_quo: 50,
     options: [{value: 0, label: shared river}, {value: 100, label: upstream control}]}
stances:
  - {actor: A, issue: truce_terms, position: 0, salience: 0.5}
  - {actor: B, issue: water, position: 100, salience: 0.5}
""",
        "other.yaml",
    )
    text = "Avalon proposed a ceasefire. Brigadoon rejected any deal on water."
    assert triples(text, sc) == {("A", "truce_terms", "propose"), ("B", "water", "reject")}


def test_same_claims_whatever_the_hash_seed():
    import os
    import subprocess
    import sys
    from pathlib import Path

    article = Path(__file__).resolve().parent / "gold" / "evidence" / "heldout_article.md"
    code = (
        "import sys; from pourparler.evidence.ingest import read_article; "
        "from pourparler.evidence.extract import extract_claims; "
        "from pourparler.scenario import load_scenario; "
        "text = read_article(sys.argv[1]).clean.text; "
        "print(extract_claims(text, load_scenario('istanbul-2025')))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code, str(article)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1 and "Claim(" in next(iter(outs))


def test_demand_before_something_makes_that_thing_conditional(toy):
    text = "Moscow demands that sanctions be lifted before a truce takes effect."
    assert triples(text, toy) == {("RU", "sanctions", "demand"), ("RU", "ceasefire", "condition")}


def test_verb_with_a_noun_cue_as_object(toy):
    text = "Kyiv rejected Moscow's proposals for short local truces."
    assert triples(text, toy) == {("UA", "ceasefire", "reject"), ("RU", "ceasefire", "propose")}


def test_reported_out_of_the_question_and_first_person_quotes(toy):
    assert triples("Putin repeated that a ceasefire is out of the question.", toy) == {
        ("RU", "ceasefire", "reject")
    }
    assert triples('"We will never accept a truce," Zelensky said.', toy) == {
        ("UA", "ceasefire", "reject")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Russia conditioned a ceasefire on the lifting of sanctions.",
            {("RU", "ceasefire", "condition"), ("RU", "sanctions", "demand")},
        ),
        (
            "Washington conditions sanctions relief on a lasting truce.",
            {("US", "sanctions", "condition"), ("US", "ceasefire", "demand")},
        ),
        (
            "Kyiv made any ceasefire conditional on sanctions being kept.",
            {("UA", "ceasefire", "condition"), ("UA", "sanctions", "demand")},
        ),
        ("Russia has not conditioned a ceasefire on sanctions relief.", set()),
    ],
)
def test_conditions_on(toy, sentence, expected):
    assert triples(sentence, toy) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia did not demand a ceasefire.", ("RU", "ceasefire", "reject")),
        ("Moscow does not offer a truce.", ("RU", "ceasefire", "reject")),
        ("Washington will demand sanctions relief.", ("US", "sanctions", "demand")),
        ("Ukraine never offers short local truces.", ("UA", "ceasefire", "reject")),
    ],
)
def test_noun_or_verb_cue_is_a_verb_after_a_negation_or_modal(toy, sentence, expected):
    assert triples(sentence, toy) == {expected}


@pytest.mark.parametrize(
    "sentence",
    [
        "According to Rubio, Moscow rejected the truce.",
        "Moscow rejected the truce, according to Rubio.",
        "Moscow, according to Rubio, rejected the truce.",
        "Russia rejects the ceasefire, Rubio said.",
        "Russia rejects the ceasefire, said Rubio.",
        "Russia, Rubio said, rejects the ceasefire.",
        "Rubio, speaking in Antalya, said Russia rejects the ceasefire.",
        "Rubio told reporters that the Kremlin rejects the ceasefire.",
    ],
)
def test_every_form_of_reported_speech_sources_the_claim_to_the_speaker(toy, sentence):
    claims = extract_claims(sentence, toy)
    assert [(c.actor, c.issue, c.stance, c.source) for c in claims] == [
        ("RU", "ceasefire", "reject", "Rubio")
    ]


def test_speaker_named_by_a_possessive_is_the_source_not_the_actor(toy):
    (c,) = extract_claims("Ukraine's foreign minister said Russia rejected the ceasefire.", toy)
    assert (c.actor, c.stance, c.source) == ("RU", "reject", "Ukraine's foreign minister")


def test_trailing_speaker_is_the_actor_when_the_sentence_names_no_other(toy):
    claims = extract_claims("A truce is out of the question, the Kremlin said.", toy)
    assert [(c.actor, c.stance, c.source) for c in claims] == [("RU", "reject", "Kremlin")]


def test_reported_negated_stance(toy):
    claims = extract_claims("Rubio said Russia will not accept a ceasefire.", toy)
    assert [(c.actor, c.stance, c.negated, c.source) for c in claims] == [
        ("RU", "reject", True, "Rubio")
    ]


WIDE = """
schema_version: 1
id: wide
title: Wider toy talks
actors:
  - {id: RU, name: Russia, aliases: [Kremlin, Moscow, Putin, Russian], capability: 1.0}
  - {id: UA, name: Ukraine, aliases: [Kyiv, Zelensky, Ukrainian], capability: 0.5}
  - {id: US, name: United States, aliases: [Washington, Rubio], capability: 0.8}
  - {id: UK, name: United Kingdom, aliases: [Britain, Starmer], capability: 0.6}
  - {id: DE, name: Germany, aliases: [Berlin, Scholz], capability: 0.6}
  - {id: NATO, name: NATO, aliases: [], capability: 0.6}
issues:
  - {id: ceasefire, name: Ceasefire terms, status_quo: 0,
     options: [{value: 0, label: none}, {value: 100, label: full}]}
  - {id: sanctions, name: Sanctions relief, status_quo: 0,
     options: [{value: 0, label: kept}, {value: 100, label: lifted}]}
  - {id: nato, name: NATO membership vs neutrality, status_quo: 0,
     options: [{value: 0, label: neutral}, {value: 100, label: member}]}
  - {id: foreign_troops, name: Foreign troops or peacekeepers, status_quo: 0,
     options: [{value: 0, label: none}, {value: 100, label: deployed}]}
  - {id: withdrawal, name: Withdrawal and line of control, status_quo: 0,
     options: [{value: 0, label: stay}, {value: 100, label: leave}]}
  - {id: recognition, name: Recognition of annexed territory, status_quo: 0,
     options: [{value: 0, label: none}, {value: 100, label: recognised}]}
  - {id: prisoners, name: Prisoner exchanges, status_quo: 0,
     options: [{value: 0, label: none}, {value: 100, label: all}]}
  - {id: military_aid, name: Western military aid, status_quo: 0,
     options: [{value: 0, label: none}, {value: 100, label: full}]}
stances:
""" + "".join(
    f"  - {{actor: RU, issue: {i}, position: 50, salience: 0.5}}\n"
    for i in "ceasefire sanctions nato foreign_troops withdrawal recognition prisoners "
    "military_aid".split()
)


@pytest.fixture(scope="module")
def wide():
    return loads_yaml_scenario(WIDE, "wide.yaml")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Washington turned down the truce.", {("US", "ceasefire", "reject")}),
        (
            "Kyiv proposed a truce. Moscow turned it down.",
            {("UA", "ceasefire", "propose"), ("RU", "ceasefire", "reject")},
        ),
        ("Britain urges a lasting ceasefire.", {("UK", "ceasefire", "demand")}),
        ("Moscow does not object to a truce.", {("RU", "ceasefire", "accept")}),
        ("For the Kremlin, a truce is a red line.", {("RU", "ceasefire", "reject")}),
        ("Russia says sanctions remain a red line.", {("RU", "sanctions", "reject")}),
        ("Kyiv would regard any foreign troops in the east as unacceptable.", None),
        ("Washington is open to sanctions relief.", {("US", "sanctions", "accept")}),
        ("Russia would never recognise the new borders.", {("RU", "recognition", "reject")}),
        ("Ukraine wants Russian forces to withdraw from the south.", None),
        ("Ukraine is ready to hold fire for a week.", {("UA", "ceasefire", "propose")}),
        ("Berlin favours letting Kyiv remain neutral.", {("DE", "nato", "accept")}),
        ("Kyiv proposes the front line as a basis for talks.", {("UA", "withdrawal", "propose")}),
        ("Russia will release all captured prisoners.", {("RU", "prisoners", "propose")}),
    ],
)
def test_wire_phrasings_of_stances_and_issues(wide, sentence, expected):
    got = triples(sentence, wide)
    if expected is None:
        assert got and {c[2] for c in got} <= {"reject", "demand"}
    else:
        assert got == expected


def test_a_noun_cue_taken_by_a_light_verb(wide):
    assert ("UA", "ceasefire", "demand") in triples(
        "Kyiv came with a single firm demand: an immediate ceasefire.", wide
    )


def test_the_two_sides_are_the_parties(wide):
    assert triples("Both sides agreed to a prisoner swap.", wide) == {
        ("RU", "prisoners", "accept"),
        ("UA", "prisoners", "accept"),
    }


def test_a_document_stands_for_its_author(wide):
    text = (
        "The Russian draft was handed over on Friday. The document also demands a halt to "
        "military aid. It wants sanctions lifted too."
    )
    assert triples(text, wide) == {("RU", "military_aid", "demand"), ("RU", "sanctions", "demand")}
    assert triples("Ukraine's own draft rejects any neutral status.", wide) == {
        ("UA", "nato", "reject")
    }


def test_acceptance_on_a_condition_is_a_condition(wide):
    assert triples("Moscow would accept a truce if Western military aid stops.", wide) == {
        ("RU", "ceasefire", "condition"),
        ("RU", "military_aid", "demand"),
    }
    assert triples(
        "Russia wants a ceasefire only once Ukrainian troops have left the region.", wide
    ) >= {("RU", "withdrawal", "demand")}


def test_a_relative_clause_is_neither_agent_nor_object(wide):
    text = "Starmer, whose government has long armed Ukraine, offered to send peacekeepers."
    assert triples(text, wide) == {("UK", "foreign_troops", "propose")}
    text = "Scholz, who went to Kyiv to push for a truce, has declined to send troops."
    assert triples(text, wide) == {
        ("DE", "ceasefire", "demand"),
        ("DE", "foreign_troops", "reject"),
    }


def test_an_actor_inside_an_issue_phrase_is_not_its_agent(wide):
    assert triples("Moscow said NATO membership for Ukraine is unacceptable.", wide) == {
        ("RU", "nato", "reject")
    }
