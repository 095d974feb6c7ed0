"""The phrases that imply one option of an issue ("a staged lifting of sanctions", "capped at
600,000", "all four regions"): the positions a claim's sentence points at, for the issues of
:mod:`pourparler.evidence.issue_terms`."""

from __future__ import annotations

from pourparler.evidence.issue_terms import FOUR_REGIONS as _FOUR

# concept -> (phrase, the words of the option it implies), in order: the first phrase found near
# the issue's mention gives the position (:meth:`pourparler.evidence.mentions.IssueMatcher.
# position`). The words are matched to the scenario's option labels, so a phrase implies the
# option of a scenario whose label says the same ("a staged lifting of sanctions": "staged
# relief with snapback"), and nothing where no label does.
OPTION_PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "ceasefire": (
        (
            r"\b(?:only|until|unless|if|once|after|follow\w*|requir\w*|provided|condition\w*)\b"
            r".{0,60}?withdr\w+",
            "no ceasefire until Ukraine withdraws from the claimed regions",
        ),
        (
            r"\b(?:only|until|unless|if|once|requir\w*|provided|condition\w*|end to|halt\w*"
            r"|stop\w*)"
            r"\b.{0,60}?(?:aid|arms|weapons|mobili[sz]\w*|rearm\w*)",
            "ceasefire only if mobilisation, rearmament and Western aid stop",
        ),
        (
            r"energy|Black Sea|navigation|shipping|partial",
            "partial ceasefire on energy infrastructure and the Black Sea",
        ),
        (
            r"local|short|(?:two|2)(?:-| to |–)(?:three|3) days"
            # "two unilateral, three-day 'pauses'", "a 72-hour truce"
            r"|(?:one|two|three|1|2|3)-day|(?:24|48|72)-hour|one-off",
            "short local truces of 2–3 days",
        ),
        (
            r"unconditional|full|complete|comprehensive|general|immediate|30-day|30 days"
            r"|(?:ceasefire|cease-fire|truce) (?:right )?now"
            r"|land,? (?:air|sea)",
            "unconditional 30-day ceasefire on land, air and sea, monitored",
        ),
    ),
    "nato": (
        (r"non-nuclear|nuclear-free|non-aligned", "permanent neutrality, non-nuclear"),
        (r"forgo|no (?:NATO )?bid|bid for now", "no NATO bid for now, EU path allowed"),
        (
            r"neutral\w*|renounc\w*|renunciation|no NATO|give up (?:its |their )?NATO",
            "permanent neutrality in the treaty, with guarantees",
        ),
        (
            r"consensus|(?:left|leave) (?:\w+ ){0,2}(?:to|for) (?:the )?(?:allies|alliance|NATO)"
            r"|irreversible|Bucharest"
            r"|open door|door (?:\w+ )?open|no timetable",
            "door formally open, no invitation or timetable",
        ),
        (r"invitation|invite", "NATO membership path open, invitation sought"),
    ),
    "guarantees": (
        (r"veto", "no guarantee, or one Russia can veto"),
        (r"backstop", "European-led guarantee with a US backstop"),
        (r"assurances|consultations|non-binding", "consultations and non-binding assurances only"),
        (
            r"ad hoc|not (?:with|from|including) "
            r"(?:the United States|the (?-i:US)|Washington|America)"
            r"|without (?:the )?(?:(?-i:US)|United States|American|Washington)",
            "ad hoc European guarantee without US commitment",
        ),
        (
            r"Article[- ]5|binding|ironclad|(?:from|by|including|with) (?:the )?"
            r"(?:United States|(?-i:US)|U\.S\.|Washington|America)\b"
            r"|American|U\.S\.|(?-i:US) (?=guarantee)",
            "binding Article-5-like guarantee including the US",
        ),
    ),
    "recognition": (
        (
            r"(?:never|not|no|refus\w*|won['’]t|n['’]t)\b.{0,30}?recogni\w*|illegal annexation"
            r"|(?:changed|redrawn|altered) by force",
            "no recognition of any annexation",
        ),
        (
            r"de jure.{0,80}?de facto|de facto.{0,80}?de jure",
            "de jure recognition of Crimea, de facto of the other regions",
        ),
        (
            r"four (?:\w+ ){0,2}regions|all (?:the )?(?:four|territory)|as part of Russia"
            r"|Donetsk.{0,40}?Kherson|Kherson.{0,40}?Donetsk",
            "de jure recognition of all territory Russia claims",
        ),
        (r"de facto|in practice", "de facto Russian control accepted, no legal recognition"),
        (
            r"defer\w*|(?:fifteen|15) years|status (?:\w+ ){0,3}(?:talks|negotiations)",
            "no recognition; status deferred to talks, no force used to change it",
        ),
    ),
    "withdrawal": (
        (
            r"(?:all|the|whole of (?:the )?|in|from) four (?:\w+ ){0,2}regions|all four"
            # three or more of the four claimed regions in one list
            r"|" + _FOUR + r"(?:,? (?:and )?(?:the )?" + _FOUR + r"){2,}",
            "Ukraine leaves all four claimed regions",
        ),
        (
            r"(?:whole|rest|parts?|remainder) of (?:the )?Donetsk|Donetsk (?:\w+ ){0,6}still "
            r"(?:holds|controls|held)",
            "Ukraine cedes part of the claimed ground it holds, line frozen elsewhere",
        ),
        (
            r"freez\w*|frozen|current (?:front|line)|line of contact|contact line|front ?line",
            "current line of contact frozen",
        ),
        (
            r"(?:23|24) February|February 2022|pre-(?:war|invasion)",
            "Russian withdrawal to the lines of 23 February 2022",
        ),
        (
            r"1991|Russian withdrawal|Russia (?:\w+ ){0,2}withdr\w+|(?:withdr|pull)\w* "
            r"(?:[\w,]+ ){0,6}?(?:out of|from) (?:the )?(?:internationally recogni[sz]ed "
            r"|entire |whole )?(?:territory of )?(?:Ukraine\b(?!(?:'s|’s)? \w+ region)"
            r"|Ukrainian (?:land|soil|territory))"
            r"|(?:restor|regain)\w* (?:its|Ukraine(?:'s|’s)) (?:sovereign |whole |entire )?"
            r"territory",
            "Russian withdrawal to the 1991 borders",
        ),
    ),
    "army_limits": (
        (
            r"no (?:\w+ )?(?:caps?|limits?|limitations?|restrictions?|ceilings?)",
            "no cap",
        ),
        (r"\b(?:[1-9]\d|1\d\d)(?:,| )?000\b", "cap of 85,000 troops, 342 tanks"),
        (r"\b2[0-5]\d(?:,| )?000\b", "cap of 250,000 troops, 800 tanks"),
        (
            r"\b(?:[3-9]\d\d|2[6-9]\d)(?:,| )?000\b",
            "troop ceiling above 250,000, figure left to talks",
        ),
    ),
    "foreign_troops": (
        (
            r"(?:no|ban on|never|without) (?:\w+ ){0,3}(?:foreign|Western|NATO) (?:military )?"
            r"(?:presence|troops|forces|soldiers|contingents|infrastructure|bases)"
            r"|exercises|advisers|advisors",
            "no foreign military presence, exercises or advisers",
        ),
        (r"unarmed|monitors only", "no foreign troops, unarmed monitors only"),
        (
            r"reassurance|multinational|coalition of the willing|European (?:force|troops)"
            r"|boots on the ground",
            "European reassurance force of 10,000–40,000",
        ),
    ),
    "sanctions": (
        (
            r"agricultur\w*|fertili[sz]er|SWIFT|partial",
            "early partial relief, e.g. for agricultural exports",
        ),
        (
            r"staged|in stages|phased|gradual\w*|step by step|snap ?back",
            "staged relief with snapback",
        ),
        (
            r"(?:lift\w*|remov\w*|end\w*|drop\w*) (?:of )?(?:all|the) (?:\w+ ){0,2}"
            r"(?:sanctions|restrictive measures|restrictions)|all (?:\w+ )?sanctions (?:\w+ ){0,2}"
            r"lifted|lifting of (?:all )?(?:\w+ )?(?:sanctions|restrictive measures)",
            "all sanctions lifted, assets returned, claims waived",
        ),
        (
            r"(?:frozen|immobili[sz]ed) (?:\w+ )?assets"
            r"|assets (?:\w+ ){0,3}(?:frozen|immobili[sz]ed)"
            r"|reconstruction|rebuild\w*|until (?:\w+ ){0,3}(?:settlement|peace|ends)"
            # "sanctions must stay in place for as long as the aggression continues"
            r"|(?:stay|remain|kept|keep)\w* in (?:place|force) (?:for )?(?:as long as|until)",
            "sanctions kept until a settlement, frozen assets fund reconstruction",
        ),
        (
            r"tighten\w*|further(?!more)|new (?:package|round)|more|increas\w*|ramp\w* up"
            r"|step\w* up"
            r"|ratchet\w*|strengthen\w*|keep\w* up|maintain\w*|massive|raise|screws"
            r"|severe|toughest|tougher|harshest|sweeping|largest|biggest|erod\w*|drain\w*"
            r"|end\w* (?:\w+ ){0,2}?(?:imports|purchases|dependence)|embargo|expand\w*"
            # new designations and packages: "sanctioned hundreds of individuals and entities",
            # "the eighteenth sanctions package"
            r"|individuals|entities|oligarchs|tankers|vessels"
            r"|\w+(?:st|nd|rd|th) (?:sanctions )?package|package of (?:new )?sanctions"
            r"|(?:new|strong|stronger|tough) (?:\w+ )?sanctions"
            # more countries applying them: "calls on all countries to align with EU sanctions"
            r"|align\w* (?:\w+ )?with",
            "sanctions kept and tightened",
        ),
    ),
    "military_aid": (
        (
            r"(?:end|stop|halt|cease)\w* (?:[\w,]+ ){0,3}(?:arms|arming|weapons|aid|assistance"
            r"|supplies|deliveries|intelligence)"
            r"|(?:without|give up|gives up|gave up|giving up) (?:\w+ ){0,2}(?:weapons|arms|aid)"
            # "all foreign military aid and intelligence to Ukraine stop"
            r"|(?:arms|weapons|aid|assistance|supplies|deliveries|intelligence)(?: [\w,]+){0,4}? "
            r"(?:stop|stops|stopped|end|ends|ended|cease|ceases|ceased|halt|halts|halted)\b"
            r"|satellite",
            "end of foreign arms, intelligence and satellite links",
        ),
        (
            r"(?:only|limited to|restricted to|solely|purely) (?:\w+ ){0,2}?defensive "
            r"(?:weapons|arms)"
            r"|defensive (?:weapons|arms) only|calibrat\w*",
            "aid calibrated down, defensive weapons only",
        ),
        (
            r"increas\w*|more(?! than [\d£$€])|step\w* up|ramp\w* up|additional|no limits?"
            r"|strengthen\w*"
            r"|accelerat\w*|speed\w* up|intensif\w*|expand\w*|boost\w*|scal\w* up",
            "aid grows, no limits on rearmament",
        ),
        (
            r"continu\w*|keep\w*|resum\w*|restor\w*|flowing|tranche|(?:for )?as long as it takes"
            # "sustained and significant support", "steady supply", "ongoing military aid"
            r"|sustain\w*|steady|ongoing|for the long term",
            "aid and intelligence continue at current levels",
        ),
    ),
    "prisoners": (
        (
            r"children|child|civilians|civilian detainees",
            "all-for-all, civilians and deported children returned",
        ),
        (r"all[- ]for[- ]all|all (?:the )?(?:prisoners|POWs)", "all-for-all prisoners of war"),
        (
            r"[\d,]+[- ]for[- ][\d,]+|\d,\d{3}|\d{3,}|thousands?|hundreds|bodies|wounded"
            r"|large\w*|biggest",
            "large swaps (1,000 for 1,000), wounded and bodies",
        ),
        (r"small|occasional", "occasional small swaps"),
    ),
    "elections": (
        (r"100 days|within (?:\w+ ){0,2}(?:days|months)", "elections within 100 days"),
        (r"martial law|own timetable", "elections on Ukraine's own timetable after martial law"),
        (r"internationally monitored|date fixed", "elections on a date fixed in the settlement"),
    ),
    "language": (
        (r"sole|only (?:state|official) language", "Ukrainian the sole state language"),
        (
            r"(?:second|official|state) languages?|status of Russian",
            "Russian a second official state language",
        ),
        (r"minority|regional", "protected regional and minority language rights"),
    ),
    "nato_russia": (
        (
            r"(?:end\w*|halt\w*|stop\w*|no (?:further )?)(?:\w+ ){0,2}(?:expansion|enlargement)"
            r"|security treaty",
            "European security treaty ending NATO enlargement",
        ),
        (
            r"arms control|intermediate-range",
            "arms control talks incl. intermediate-range missiles",
        ),
        (r"Council|confidence-building", "NATO–Russia Council revived with confidence-building"),
        (r"hotlines?|deconflict\w*", "hotlines and military deconfliction only"),
        (
            r"(?:boost|reinforc|strengthen|bolster|build)\w* (?:up )?(?:[\w'’]+ ){0,3}?"
            r"(?:eastern flank|deterrence)",
            "no arrangements, deterrence build-up",
        ),
    ),
    "eu_membership": (
        (r"fixed date|fast[- ]track", "accession on a fixed date"),
        (
            r"(?:accession|membership) (?:talks|negotiations)|next steps|candidate",
            "accession talks continue, no date",
        ),
        (r"association", "association only"),
    ),
}
