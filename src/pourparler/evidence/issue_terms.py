"""The words articles use for the issues of a negotiation over Ukraine's future.

Issue concepts map those words to the issues of a scenario; a concept is matched to a scenario
issue through its id and name (:class:`pourparler.evidence.mentions.IssueMatcher`). Phrases
are regular expressions matched case-insensitively, with word boundaries added. They play the
part of the issue dictionaries of pattern-based event coding (KEDS/TABARI, Schrodt 2001;
PETRARCH's issue codes, Norris et al. 2017): the common words of diplomacy and news for each
issue, with a word that is also everyday vocabulary ("line", "land", "support", "status",
"weapons") only in the context that makes it the issue's ("the front line", "our land",
"military support", "an official language", "Western weapons").
"""

from __future__ import annotations

# Ukraine's regions that Russia claims, as news spells them
_REGION = r"(?:Donetsk|Luhansk|Lugansk|Donbas|Donbass|Zaporizhzhia|Zaporozhye|Kherson|Crimea)"
# the four regions Russia claims besides Crimea
FOUR_REGIONS = r"(?:Donetsk|Luhansk|Lugansk|Zaporizhzhia|Zaporozhye|Kherson)"
# the invading forces a text speaks of pushing out: "push Russia out of", "expelling them from"
_INVADERS = (
    r"(?:Russia|Russians|the Russians|(?:the )?Russian (?:forces|troops|army)|them"
    r"|the (?:invaders|occupiers|enemy|aggressor))"
)
# the possessives and articles before a country's army, territory or soil
_ITS = r"(?:its|their|our|the|Ukraine(?:'s|’s)|Ukrainian|Kyiv(?:'s|’s))"

# concept -> (words identifying the concept in an issue id or name, phrases articles use for it)
ISSUE_CONCEPTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ceasefire": (
        ("ceasefire", "cease-fire", "truce"),
        (
            r"cease-?\s?fires?",
            r"truces?",
            r"cessation of (?:all )?hostilities",
            r"cease (?:all )?(?:hostilities|fire|the fighting)",
            r"ceas(?:e|es|ed|ing) (?:all )?military (?:actions|operations|activities)",
            r"silenc\w* (?:the )?guns",
            r"halt (?:to )?the fighting",
            r"strikes on energy infrastructure",
            r"civilian shipping",
            r"Black Sea (?:deal|arrangement|navigation|truce)",
            r"(?:safe|free|freedom of)[- ]navigation",
            r"hold(?:s|ing)? (?:its |their )?fire",
            r"(?:halt|stop|pause|end)(?:s|ed|ped|ping)? (?:in |to |of )?(?:the |all )?"
            r"(?:fighting|hostilities)",
            r"guns (?:to |must |should |will |would )?fall silent",
            r"(?:this|the|a|any|such a) cessation\b",
            r"(?:halt|moratorium|pause|ban) (?:on|to|in) (?:\w+ ){0,2}?(?:strikes|attacks)",
            r"(?:strikes|attacks) (?:on|against) energy (?:infrastructure|facilities)",
            r"(?:stop|end) (?:to )?the killing",
            r"armistice",
            r"(?:stop|end|halt)\w* (?:to )?(?:the |this )?(?:bloodshed|bloodbath)",
            r"(?:the |this )?(?:bloodshed|bloodbath) (?:\w+ ){0,2}?(?:stop|end)",
            r"humanitarian pauses?",
            # "three-day 'pauses'", "a 72-hour pause", "the Easter pause": a pause in the fighting
            # named by its length or occasion, not a pause of something else ("a 30-day pause on
            # tariffs", "in aid")
            r"(?:[\w-]+-(?:day|hour)|unilateral|Easter|Christmas|Victory Day)[,]? "
            r"[‘'\"“]?pauses?\b(?![’'\"”]? (?:(?:on|of|for) "
            r"(?!(?:the |all )?(?:fighting|hostilities|strikes|attacks|combat)\b)"
            r"|in (?:[\w-]+ ){0,2}?(?:aid|sharing|deliveries|supplies|talks|funding|payments)\b))",
            r"(?:bring|brings|brought|bringing) the (?:killing|fighting) to an end",
            r"the killing (?:has |must |needs |should |to |will )?(?:to )?stop",
            # an undertaking not to strike: "not to strike civilian infrastructure"
            r"(?:not to|no longer|refrain\w* from) (?:strik|attack|target|hit|shell)\w* "
            r"(?:on |against )?(?:civilian|energy|each other(?:'s|’s)) (?:\w+ )?"
            r"(?:infrastructure|targets|facilities|objects)",
            # "by stopping its attacks against Ukraine", "halt all strikes"
            r"(?:stop|end|halt|cease)(?:s|ed|ping|ing)? (?:all |its |their |the |these |his |her "
            r"|such |further )?(?:[\w-]+ )?(?:attacks|strikes|bombardments?|shelling)",
        ),
    ),
    "nato_russia": (
        ("nato_russia", "nato–russia", "nato-russia", "arms control"),
        (
            r"NATO-Russia Council",
            r"NATO–Russia Council",
            r"(?:renewing|reviving|revival of) the Council",
            r"NATO(?:'s|’s)? (?:expansion|enlargement|eastward)",
            r"(?:the )?alliance(?:'s|’s)? (?:expansion|enlargement)",
            r"(?:expansion|enlargement) of (?:NATO|the alliance)",
            r"arms control",
            r"security (?:measures|agreements|arrangements) (?:in|for|with) (?:Europe|Russia)",
            r"broader security agreements",
            r"European security (?:treaty|architecture|order)",
            r"intermediate-range (?:nuclear )?(?:missiles|forces)",
            r"1997 (?:borders|lines|positions)",
            # deterrence on the alliance's border with Russia
            r"(?:NATO(?:'s|’s)?|(?:the )?alliance(?:'s|’s)|Europe(?:'s|’s)) eastern flank",
            r"eastern flank of (?:NATO|the alliance|Europe)",
        ),
    ),
    "nato": (
        ("nato", "neutral", "alliance"),
        (
            r"NATO(?:'s|’s)? (?:membership|accession|bid|path|door|invitation|aspirations"
            r"|ambitions)",
            r"(?:Ukraine|Kyiv) into NATO",
            r"(?:membership|accession) (?:in|of|to) NATO",
            r"joining NATO",
            r"join(?:s|ed)? NATO",
            r"invite Ukraine to NATO",
            r"(?:path|road|way|door|admission|accession|invitation|entry|bid|join\w*) to NATO",
            r"invite \w+ to NATO",
            r"no NATO",
            r"neutral(?:ity| status)",
            r"non-?(?:bloc|aligned|alignment)",
            r"nuclear-free",
            r"non-nuclear (?:status|state)",
            r"(?:remain|stay|be|become|stays|remains|kept|keep|keeps)\s+neutral",
            r"choice of alliances?",
            r"choose (?:its |their |her )?(?:own )?alliances?",
            r"(?:become|becomes|becoming) (?:a )?member of (?:the alliance|NATO)(?! of)",
            r"(?:membership|accession) (?:in|of|to) the (?:North Atlantic )?Alliance(?! of)",
            r"(?:NATO(?:'s|’s)? )?open[- ]door policy",
            r"Bucharest (?:Summit )?(?:Declaration|commitment|promise|pledge)",
            r"(?:renounc|abandon|forgo|drop)\w* (?:its |their |any )?(?:bid for |claim to )?"
            r"(?:NATO )?membership(?! (?:of|in) the (?:EU|European Union)\b)",
            r"(?:ban|bar|veto) on (?:\w+ )?(?:NATO|alliance|joining)",
            r"neutral (?:Ukraine|country|state)",
            r"outside (?:any )?military (?:blocs?|alliances?)",
            r"(?:renounc|abandon|forgo|give up|giv(?:es|ing) up|gave up|drop)\w* "
            r"(?:any |its |their |all )?(?:[\w-]+ )?(?:alliances?|blocs?|NATO)",
            r"renunciation of (?:any )?(?:NATO|alliance|membership)",
            r"(?:join|joining|enter|entering) (?:an? |any |the |which )?"
            r"(?:military )?(?:alliance|bloc)",
            r"which alliance",
            r"(?:(?<=place is in )|(?<=future is in )|(?<=future lies in ))NATO",
            r"Euro-Atlantic (?:integration|future|path|aspirations)",
        ),
    ),
    "guarantees": (
        ("guarantee", "guarantees", "security guarantees"),
        (
            r"(?:security )?guarantees?",
            r"guarantor(?:s| states| powers| countries)?",
            r"assurances",
            r"Article[- ]5(?:-like|-style|-type)?",
            r"(?:come|came|coming|comes) to (?:Ukraine(?:'s|’s)|its|their) (?:defen[cs]e|aid)",
            r"responsib\w+ for (?:Ukraine(?:'s|’s)|its) defen[cs]e",
            r"intervene",
            r"security (?:arrangements?|commitments?)(?! (?:in|for|with) (?:Europe|Russia)\b)",
            r"(?:bilateral|long-term) security (?:agreements?|pacts?|accords?)"
            r"(?! (?:in|for|with) (?:Europe|Russia)\b)",
            r"(?:US |American |security )?backstop",
            r"deter(?:s|red|ring)? (?:a |any )?(?:future |further |renewed |new )?"
            r"(?:Russian )?(?:invasion|aggression|attack)",
            r"mutual defen[cs]e",
            r"(?:defen[cs]e|security) (?:pact|umbrella|treaty)",
            r"Budapest Memorandum",
            r"security (?:for|of) Ukraine(?! and)",
            # what guarantees are for: "so that Russia is never able to invade again"
            r"(?:never|not|no longer) (?:\w+ ){0,2}?(?:able to |in a position to )?"
            r"(?:invade|attack|threaten)\w* (?:\w+ ){0,2}?again",
            r"(?:Ukraine(?:'s|’s)|its|their) (?:future|long[- ]term|lasting) security",
            # "long term support for Ukraine's sovereignty and security"
            r"long[- ]term (?:support|commitments?) (?:for|to) (?:Ukraine(?:'s|’s) )?"
            r"(?:[\w-]+ and )?security",
            r"(?:secur|protect|guard|safeguard|insur)\w* against (?:the (?:risk|threat) of )?"
            r"(?:any )?(?:future|further|renewed) (?:Russian )?(?:aggression|invasion|attacks?)",
            # standing behind a settlement: "prepared to defend any deal ourselves"
            r"defend (?:any|the|a|this|that) (?:future )?(?:peace )?(?:deal|agreement|settlement)",
        ),
    ),
    "recognition": (
        ("recognition", "recognise", "recognize", "annex"),
        (
            r"(?<!internationally )recogni(?:[sz]e[sd]?|[sz]ing|tion)"
            r"(?! (?:of )?(?:that|what|how|the (?:need|importance|role|right|efforts?|work"
            r"|contribution|progress|value|fact|courage|sacrifices?|difficult\w*|challenges?)"
            r"|(?:this|that) (?:description|characteri[sz]ation|account|picture|version)"
            # a candidate's prospects: "recognise the European perspective of Ukraine"
            r"|(?:the|its|their|Ukraine(?:'s|’s)) (?:European |Euro-Atlantic )?(?:perspective"
            r"|aspirations?|candidate status|path|future|progress)"
            # an agreement or its outcome recognised as valid: "would not recognise any
            # agreement reached without Ukraine"
            r"|(?:any|an?|the|this|that|such an?) (?:[\w-]+ )?(?:agreements?|deals?|outcomes?"
            r"|results?|decisions?|accords?|arrangements?|elections?))\b)",
            r"annex(?:ation|ed|ing|es)?",
            r"(?<!internationally )recogni(?:[sz]e[sd]?|[sz]ing|tion)[”\"’]? (?:of )?"
            r"(?:[\w'’,-]+ ){0,4}?(?:territor(?:y|ies)|regions|Crimea|Donbas|land|annexation)",
            r"legitimi[sz]\w* (?:the |its |Russia(?:'s|’s) )?"
            r"(?:annexations?|occupation|land grab|conquests?|seizure)",
            r"Russian sovereignty",
            r"status of Crimea",
            r"borders(?= [\"“]?(?:must|should|cannot|can ?not|can['’]t|are not to|may not) "
            r"(?:not )?(?:ever )?be (?:changed|redrawn|altered))",
            r"(?:redraw|chang|alter)\w* (?:[\w'’]+ ){0,2}?borders",
            r"de (?:facto|jure) "
            r"(?:Russian|recognition|control|annexation|sovereignty|borders?|part)",
            r"(?:Russian|recogni\w+|control) (?:[\w'’,“”\"]+ ){0,10}?de (?:facto|jure)",
            r"(?:declare|treat|regard|accept|recogni[sz])\w*,? (?:[\w'’,]+ ){0,5}?"
            r"as (?:part of Russia|Russian)\b",
            r"declar\w* (?:[\w'’,]+ ){1,4}?(?:Russian|part of Russia)\b",
            r"(?:as|be|is|are|become|became|becomes|now) part of (?:Russia|the Russian Federation)",
            r"sovereignty over " + _REGION,
            # the votes staged to justify an annexation
            r"(?:sham|so-called|illegal|fake|staged|illegitimate|pseudo-)[-‘'“\" ]*"
            r"referend(?:a|ums?)",
        ),
    ),
    "withdrawal": (
        ("withdrawal", "line", "territory", "territorial"),
        (
            r"(?:full |complete |total )?withdrawal of (?:all )?(?:the )?"
            r"(?!(?:foreign|Western|NATO|European|allied)\b)(?:[\w'’-]+ ){0,3}?"
            r"(?:troops|forces|formations|units|soldiers)",
            r"(?:Ukrainian|Russian) withdrawal",
            r"withdraw(?:s|n|al|ing|ed)? from(?! (?:the |an? |any )?(?:talks|negotiations"
            r"|agreement|deal|treaty|process|accord|council|meeting|summit|conference|race)\b)",
            r"withdr[ae]w(?:s|n|ing)? (?:all )?(?:of )?(?:its|their|all|the|Russian|Ukrainian) "
            r"(?:troops|forces|formations|units|soldiers)"
            # the equipment withdrawn with them is no aid: "withdraw all forces and military
            # equipment from Ukraine"
            r"(?:,? and (?:its |their |all )?(?:military )?(?:equipment|hardware|weapons))?",
            r"pull(?:s|ed|ing)? (?:[\w'’]+ ){0,2}?(?:troops|forces|soldiers|units) (?:out|back)",
            r"pull(?:s|ed|ing)? back",
            r"pull(?:s|ed|ing)? out of (?:the )?(?:[\w,'’-]+ ){0,6}?"
            r"(?:regions?|territor(?:y|ies)|oblasts?|" + _REGION + ")",
            r"(?:leave|leaves|left|leaving|quit|quits|vacate|vacates|abandon|abandons) "
            r"(?:the )?(?:[\w,'’-]+ (?:and )?){0,5}?(?:regions|oblasts)",
            r"territorial (?:concessions|questions?|issues?|talks|negotiations|exchange|swap)",
            r"(?:talks|negotiations|concessions) on territory",
            r"(?:surrender|cede|ceding|cedes|ceded|trade|give away|hand over|give up|gives up)"
            r" (?:[\w'’]+ ){0,4}?(?:territor(?:y|ies)|land|ground|regions?|cities|" + _REGION + ")",
            r"occupied (?:territor(?:y|ies)|regions|areas|land)",
            r"(?:give|hand) up (?:\w+ )?territor(?:y|ies)",
            r"cede (?:the )?" + _REGION,
            r"(?:regain|reclaim|recapture|restor|recover)\w* (?:[\w'’]+ ){0,2}?territor(?:y|ies)",
            # the land only with its owner: "restore its sovereign land", not "reclaimed land"
            r"(?:regain|reclaim|recapture|restor|recover)\w* (?:its|their|our|all|Ukraine(?:'s|’s))"
            r" (?:[\w'’]+ )?(?:land|soil)",
            # "push Russia out of its territory", "expelling them from Ukrainian soil"
            r"(?:push|drive|force|kick)\w* " + _INVADERS + r" out of (?:its |their |our |the )?"
            r"(?:Ukraine(?:'s|’s)? |Ukrainian |occupied )?(?:territor(?:y|ies)|land|soil)",
            r"(?:expel|oust)\w* " + _INVADERS + r" from (?:its |their |our |the )?"
            r"(?:Ukraine(?:'s|’s)? |Ukrainian |occupied )?(?:territor(?:y|ies)|land|soil)",
            r"(?:our|their|its|Ukraine(?:'s|’s)|Ukrainian) land"
            r"(?! (?:forces|borders?|routes?|bridge))",
            r"land (?:for peace|swaps?|exchange)",
            r"(?:exchanges?|swaps?) of (?:territor(?:y|ies)|land)",
            r"(?:all|rest|remainder|parts?) of (?:the )?" + _REGION,
            r"de-?occupation",
            r"(?:expulsion|expel\w*|driv\w* out|kick\w* out|oust\w*) (?:of )?(?:the |all )?"
            r"(?:Russian )?(?:invaders|occupiers|occupying (?:forces|troops|army))",
            r"liberat\w* (?:of )?(?:all )?(?:our |the )?(?:occupied |temporarily occupied )?"
            r"(?:territor(?:y|ies)|land|Crimea|regions)",
            r"(?:troops|forces) out of Ukraine",
            r"1991 borders",
            r"(?:pre-war|pre-invasion|pre-2022) (?:lines|borders|positions)",
            r"(?:line|lines) of (?:contact|control|demarcation)",
            r"(?:contact|demarcation|ceasefire) lines?",
            r"(?:a|any|the) freeze",
            r"freez(?:e|es|ing) (?:the |a )?(?:war|front|conflict|fighting|lines?)",
            r"(?:front|line) (?:\w+ ){0,4}?(?:would|will|should|to) (?:simply )?freeze",
            r"in control of " + _REGION,
            r"(?:the )?whole of (?:the )?(?:four(?= )|" + _REGION + r")",
            r"(?:current |existing )?front ?lines?",
            r"(?:along|from) the (?:current|existing) front\b",
            r"buffer zones?",
            r"demilitari[sz]ed (?:buffer )?(?:zones?|areas?|strips?)",
            r"(?:territory|territories|ground|cities|land|parts?|areas?|slice) "
            r"(?:that |which )?(?:[\w'’]+ ){0,4}?still (?:holds?|held|controls?|controlled)",
            r"(?:territory|territories|land|ground|cities|towns|regions|areas|parts) "
            r"(?:that |which )?(?:it|Ukraine|Kyiv|Russia|Moscow|they|its (?:army|forces|troops)"
            r"|(?:Ukrainian|Russian) (?:forces|troops)) (?:\w+ ){0,3}?"
            r"(?:holds?|held|controls?|controlled|occupies|occupied|seized|captured?|occupy)\b",
            r"(?:Russian|Ukrainian)-(?:held|controlled|occupied) "
            r"(?:territor(?:y|ies)|land|areas|parts|regions)",
            r"(?:troops|forces)\s+(?:have\s+|had\s+|has\s+|must\s+|should\s+|to\s+|will\s+)?"
            r"(?:left|leave|leaves|pull(?:ed)? out|withdr[ae]wn?)\b",
            r"end\w* (?:its|the|Russia(?:'s|’s)) (?:illegal )?occupation",
            r"(?:troops|forces)\s+(?:\w+\s+){0,2}?(?:remain(?:s|ed)?|stay(?:s|ed)?)\s+(?:in|on)\b",
        ),
    ),
    "army_limits": (
        ("army", "armed forces", "limits", "cap"),
        (
            r"limit(?:s|ations)? on (?:the size|Ukrainian military|its military|the army)",
            r"limitations on Ukrainian military",
            r"caps? on (?:its|the|Ukraine(?:'s|’s)) (?:forces|army|military)",
            r"restrictive caps",
            r"size and structure of its military",
            r"demilitari[sz](?:ation|e|es|ed|ing)",
            r"disarm\w*",
            r"(?:caps?|capping|capped|limits?|limitations?|ceilings?|restrictions?)\s+"
            r"(?:on\s+)?(?:[\w'’]+\s+){0,4}?(?:army|armed forces|military|forces)"
            r"(?! (?:aid|support|assistance|budget|spending|supplies|equipment))",
            r"strength of (?:the |its |Ukraine(?:'s|’s) |Ukrainian )+(?:army|armed forces)",
            r"size of "
            + _ITS
            + r"? ?(?:own )?(?:peacetime )?(?:army|armed forces|military|forces)",
            r"(?:shrink|reduc|cut)\w* (?:the size of )?" + _ITS + r" (?:peacetime )?"
            r"(?:army|armed forces|military|forces)"
            r"(?! (?:aid|support|assistance|budget|spending|supplies|equipment))",
            r"(?:army|armed forces|military|forces) (?:\w+ ){0,2}?(?:capped|limited) (?:at|to)",
            r"(?:ceiling|cap) of [\d,]+",
            r"troop (?:numbers|levels|ceilings?|caps?)",
            r"(?:peacetime|troop) (?:level|strength|size|ceiling) of (?:up to |no more than "
            r"|at most )?[\d,]+",
            r"(?:peacetime (?:army|armed forces|military)"
            r"|(?:its|their|Ukraine(?:'s|’s)|Kyiv(?:'s|’s)) (?:peacetime )?(?:army|armed forces))"
            r" of (?:up to |no more than |at most "
            r"|no fewer than |at least )?[\d,]+",
            r"[\d,]+ (?:troops|soldiers|servicemen) (?:at most|ceiling|cap)",
        ),
    ),
    "foreign_troops": (
        ("foreign", "troops", "peacekeep"),
        (
            r"peacekeep(?:ing|ers)(?: force)?",
            r"foreign (?:forces|troops|advisors|advisers|soldiers|contingents)",
            r"foreign military (?:presence|bases|advisers|advisors|infrastructure)",
            r"military (?:contingents?|presence)",
            r"contingents|(?:a|the|military|national|foreign|European|British|French) "
            r"contingent(?! (?:on|upon)\b)",
            r"hosting foreign forces",
            r"(?:send|deploy|commit|contribute|station|base)(?:s|ed|ing)? (?:\w+ ){0,2}?"
            r"(?:troops|soldiers|forces)",
            r"monitoring mission",
            r"ground troops",
            r"reassurance (?:forces?|contingents?|mission)",
            r"presence of Western forces",
            r"boots on the ground",
            r"troops on the ground",
            r"such a (?:scheme|force)",
            r"(?:troops|soldiers|forces) from (?:\w+ ){0,2}(?:countries|states|members|allies)",
            r"(?<!Russian )(?<!occupying )"
            r"(?:troops|soldiers|forces|contingents|bases|partners) (?:[\w'’]+ ){0,4}?"
            r"(?:on|in|on ?to) " + _ITS + r" (?:own )?(?:soil|territory)",
            r"(?:troops|soldiers|forces) on Ukrain(?:ian|e(?:'s|’s)) soil",
            r"deployment of (?:[\w-]+ ){0,3}?(?:troops|soldiers|forces|peacekeepers)",
            r"(?:European|Western|NATO|British|French|foreign) "
            r"(?:troops|soldiers?|peacekeepers|forces|bases)",
            r"(?:multinational|reassurance|peacekeeping|stabili[sz]ation) (?:force|mission)",
            r"(?:soldiers?|troops?|forces?|boots?) (?:\w+ ){0,3}?set foot (?:in|on)",
            # a force's own presence: "including through operating inside Ukraine"
            r"(?<!Russian forces )(?<!Russian troops )(?:operat|deploy|station)\w* inside Ukraine",
            r"(?:a|the) force (?:that |which )?(?:\w+ ){0,2}?(?:deploy|deployed|stationed|based)"
            r"(?= (?:to|in|on|away|inside|across) )",
        ),
    ),
    "sanctions": (
        ("sanction", "sanctions"),
        (
            r"sanctions?(?: relief)?",
            r"restrictive measures",
            r"(?:economic )?pressure (?:up )?on (?:Moscow|Russia|the Kremlin|Putin)",
            r"pressure points (?:of|on|in) (?:Moscow|Russia|the Kremlin|Putin)",
            # "impose further economic costs on Russia", "massive and severe consequences on Russia"
            r"impos\w* (?:[\w-]+ (?:and )?){0,3}?(?:consequences|costs?) (?:on|upon) "
            r"(?:Russia|Moscow|the Kremlin|Putin|the aggressor|the Russian)",
            r"pressure on (?:the )?(?:aggressor(?: state)?|Russian Federation|Russian economy"
            r"|Russian war machine)",
            r"pressure (?:\w+ ){0,3}?(?:forces?|compels?|push|pushes|bring|brings) "
            r"(?:Russia|Moscow|Putin|the Kremlin)",
            r"restrictions on (?:Russia|Moscow)(?:'s|’s)? economy",
            r"(?:easing|ease|eased|eases|lifting|lift|lifted) (?:of )?(?:the )?restrictions on "
            r"Russian",
            r"(?:restrictions|curbs|bans?) on (?:our|its|their|Russian|Russia(?:'s|’s)"
            r"|Moscow(?:'s|’s)) (?:\w+ ){0,2}?(?:exports|imports|banks|banking|trade|oil|gas"
            r"|assets|airlines|payments|finance|fertili[sz]ers?|grain)",
            r"sanctioned",
            r"sanctions? designations?",
            r"designat\w* (?:[\d,]+ |more |further |new |another )*(?:individuals|entities|vessels"
            r"|tankers|banks|oligarchs|companies|people)",
            r"travel bans?",
            r"(?:starv|choke|deprive|cut|drain|deny|denying)\w* (?:[\w'’]+ ){0,3}?war machine",
            r"(?:increas\w*|ramp\w* up|maintain\w*|keep\w* up|step\w* up|ratchet\w* up|"
            r"tighten\w*) (?:the |our |further |economic )*pressure",
            r"economic (?:pressure|cost|costs|measures)",
            r"(?:frozen|immobili[sz]ed|seized) (?:Russian |sovereign |central bank )?assets",
            r"(?:Russian|Russia(?:'s|’s)|sovereign) assets",
            r"assets (?:\w+ ){0,2}?(?:frozen|immobili[sz]ed)",
            r"(?:price|floating) cap",
            r"shadow fleet",
            r"(?:oil|gas|energy|import|export) (?:embargo|ban)s?",
            r"secondary tariffs",
            r"tariffs on (?:Russia|Russian|(?:the )?buyers of Russian"
            r"|countries (?:that|which) buy)",
            r"asset freezes?",
            r"reparations? loan",
            r"windfall (?:profits|proceeds)",
            r"(?:prohibit|ban)\w* (?:on )?(?:certain |all )?(?:imports|new investments?)",
            r"war economy",
            r"export controls",
            r"(?-i:SWIFT)",
            r"access to (?:the )?(?:world|global|international|Western) (?:markets?|finance)",
            # ending the trade in Russian energy: "ending imports of Russian oil", "dependence
            # on Russian oil and gas"
            r"(?:imports?|purchases?|dependence|reliance|dependency) (?:of|on) Russian "
            r"(?:oil|gas|energy|LNG|coal|fossil fuels|hydrocarbons)",
            r"Russian (?:oil|gas|energy|LNG|coal|fossil fuel) (?:imports|purchases|revenues?)",
            # cutting Russia off from the world's finance
            r"(?:(?:isolat|exclud|disconnect)\w*|cut(?:s|ting)?(?: off)?) "
            r"(?:Russia|Moscow|Russian banks|the Kremlin)(?: off)? from (?:the )?"
            r"(?:global |international |world |Western )?"
            r"(?:financial system|markets?|economy|finance)",
            r"(?:Russia(?:'s|’s)|Russian) (?:banking|financial) (?:sector|system)",
            r"banking assets in Russia",
            r"isolat\w* (?:Russia(?:'s|’s)|the Russian) economy",
            r"(?:Russian|Russia(?:'s|’s)|the Kremlin(?:'s|’s)|Moscow(?:'s|’s)) "
            r"(?:finances|war chest|(?:oil |energy |export )?revenues?)",
            # what sanctions do: "restrict Russia's ability to continue the war"
            r"(?:restrict|curb|weaken|degrad|limit|reduc|constrain)\w* (?:Russia|Moscow|the Kremlin"
            r"|Putin)(?:'s|’s) (?:ability|capacity) to (?:wage|fund|financ\w*|pay for"
            r"|(?:continue|sustain) (?:the|its|this) war)",
            r"(?:the )?Central Bank of (?:Russia|the Russian Federation)"
            r"|(?:Russia(?:'s|’s)|the Russian) [Cc]entral [Bb]ank",
            # the banks and energy companies sanctions name
            r"(?-i:Gazprombank|Sberbank|VTB|Rosneft|Lukoil|Novatek|Sovcomflot|Alfa-Bank"
            r"|Rosselkhozbank)",
        ),
    ),
    "military_aid": (
        ("aid", "military aid", "arms"),
        (
            r"military (?:aid|support|assistance|equipment|supplies|packages?)",
            r"(?:military|security|defen[cs]e)(?:, [\w-]+){0,3},? and [\w-]+ "
            r"(?:support|assistance|aid|resilience)",
            r"(?:defen[cs]e|security) (?:support|aid)",
            r"materiel",
            r"military (?:requirements|needs)",
            r"arms (?:transfers|deliveries|supplies|shipments|sales|packages?)",
            r"weapons (?:deliveries|supplies|shipments|packages?|transfers)",
            r"deliveries of (?:weapons|arms)",
            r"(?:Western|foreign|American|(?-i:US)|European|British|German|French|allied)"
            r" (?:military )?(?:aid|weapons|arms|missiles)",
            r"(?:American|(?-i:US)|U\.S\.) (?:security )?assistance",
            # strengthening "its ability to defend itself", "the capabilities and resilience of
            # Ukraine to defend its independence" (not trading it away)
            r"(?:strengthen|support|bolster|boost|build|enhanc|reinforc|help|improv)\w* "
            r"(?:[\w'’,]+ ){0,5}?(?:ability|capacity|capabilities|means|resilience)"
            r"(?: and [\w-]+)? (?:of Ukraine )?"
            r"to defend (?:itself|themselves|its (?:independence|sovereignty|territory|people"
            r"|cities|skies))",
            r"suppl(?:y|ying|ies) (?:of )?(?:weapons|arms)",
            r"(?:provid|send|sent|suppl|deliver|sell|gift|donat)\w* (?:[\w'’,-]+ ){0,4}?"
            r"(?:with )?(?:more |further |additional |new )?"
            r"(?:weapons|arms|missiles|drones|ammunition|artillery|munitions|tanks|howitzers"
            r"|armou?red vehicles|rocket systems)"
            r"(?! (?:to|for) (?:Russia|Moscow)\b)",
            r"(?:the )?weapons (?:\w+ ){0,2}?(?:receives|gets|needs|is given)",
            r"(?:receiv|get|obtain)\w* (?:[\w-]+ ){0,2}?(?:weapons|arms|ammunition|missiles) from "
            r"(?:the West|its (?:allies|partners)|allies|partners|the (?:United States|US)"
            r"|Washington|Europe|NATO)",
            r"main battle tanks",
            r"(?:anti-tank|anti-armou?r|anti-ship) (?:missiles|weapons|systems)",
            r"(?:multiple-launch )?rocket systems",
            r"counter-drone|anti-drone",
            r"equip\w* (?:Ukraine|Kyiv|Ukrainians|Ukrainian (?:forces|troops|soldiers))\b",
            r"(?:capabilities|equipment) (?:that )?(?:Ukraine|Kyiv) (?:needs?|requires?)",
            r"security assistance",
            r"(?-i:PURL)",
            # the programmes and forums of arms supply to Ukraine
            r"(?:presidential )?drawdown(?: authority| packages?)?|(?-i:PDA)",
            r"Foreign Military Financing|(?-i:FMF)|[Ll]end-?[Ll]ease",
            r"Ukraine Security Assistance Initiative|(?-i:USAI)",
            r"European Peace Facility",
            r"Ukraine Defen[cs]e Contact Group|(?-i:UDCG)",
            r"arm(?:ing|s)? (?:Ukraine|Kyiv)\b",
            r"military (?:help|backing|deliveries|hardware)",
            r"lethal aid",
            r"intelligence sharing",
            r"intelligence (?:and|or) (?:weapons|satellite)",
            r"satellite (?:communications|links|data)",
            r"ammunition",
            r"(?:lethal|long-range|defensive|offensive) (?:weapons|arms|missiles)",
            r"(?:weapons|arms|missiles|interceptors|jets|tanks|aircraft|shells|rounds|munitions"
            r"|ammunition|equipment) (?:to|for) (?:Ukraine|Kyiv)\b",
            r"(?:air[- ]defen[cs]e )?interceptors",
            r"(?:weapons|arms|equipment) and (?:training|ammunition|intelligence|equipment)",
            r"(?:training|intelligence) and (?:weapons|arms|equipment)",
            r"(?<=^On )weapons",
            # weapon systems news names as supplied to Ukraine
            r"(?-i:Patriot|F-16|HIMARS|ATACMS|Taurus|Storm Shadow|Tomahawk|Abrams|Leopard"
            r"|Challenger 2|Challengers|Bradleys|Bradley (?:vehicles|IFVs)|Marders|Gepards"
            r"|Starstreak|NLAWs?|Javelins?|Stingers?|Brimstone|IRIS-T|NASAMS|SAMP/T)s?"
            r"(?: (?:systems?|batteries|missiles|jets|interceptors|tanks))?",
            r"self-?defen[cs]e",
            # support for Ukraine's self-defence: "help Ukraine defend itself", "support for Ukraine
            # defending its territory", "its right to defend itself"
            # (not what a guarantee named before is for: "security commitments, which will help
            # Ukraine defend itself")
            r"(?<!which will )(?<!which would )(?<!that will )(?<!that would )"
            r"(?:help|support|assist|enable)\w* (?:for )?(?:Ukraine|Kyiv|Ukrainians|it|them) "
            r"(?:to |in )?defend(?:ing)?\b",
            r"(?:Ukraine(?:'s|’s)|its|their) (?:[\w-]+ )?right to defend (?:itself|themselves)",
            # support for the fight itself: "supporting Ukraine to move from resisting Russian
            # forces to ...", "help Ukraine win the war", "enable Ukrainians to push back"
            r"(?:help|support|assist|enabl|equip)\w* (?:Ukraine|Kyiv|Ukrainians|the Ukrainians"
            r"|Ukrainian (?:forces|troops|soldiers)) (?:to |in )?(?:move from )?(?:resist\w*"
            r"|fight\w*|win(?:ning)?|repel\w*|push\w* back|counter-?attack\w*|prevail\w*)\b",
            r"(?:support|assist|help|aid)\w* (?:for |to )?"
            r"(?:Ukraine(?:'s|’s)|the Ukrainian|Ukrainian) (?:own )?"
            r"(?:defen[cs]es?|armed forces|army|military|soldiers|troops|war effort)\b"
            r"(?! (?:minister|ministry|intelligence|council))",
            # building up its forces: "to build its armed forces", "the regeneration of Ukraine's
            # forces"
            r"(?:build|rebuild|regenerat|strengthen|bolster|reinforc)\w* (?:up )?"
            r"(?:Ukraine(?:'s|’s)|Ukrainian) (?:armed forces|army|military|air defen[cs]es?"
            r"|defen[cs]es?|defen[cs]e capabilit\w+)",
            r"Ukraine to (?:build|rebuild|regenerate|strengthen) (?:up )?its "
            r"(?:armed forces|army|military|defen[cs]es?)",
            r"regeneration of Ukraine(?:'s|’s) (?:armed )?forces",
            r"(?:Ukraine(?:'s|’s)|Ukrainian) defen[cs]e (?:industry|industrial base|production)",
            r"train(?:s|ed|ing)? (?:of |to |for )?(?:over |more than |some )?(?:[\d,]+ )?"
            r"(?:Ukrainian|Ukraine(?:'s|’s)) (?:soldiers|troops|servicemen|pilots|recruits"
            r"|armed forces)",
            # a supply named by what it holds: "the provision to the Ukrainian Armed Forces of
            # artillery rounds"
            r"(?:provision|deliver(?:y|ies)|supply|supplies|transfers?) (?:to (?:the )?"
            r"(?:Ukrainian Armed Forces|Armed Forces of Ukraine|Ukraine) )?of (?:[\w,.-]+ ){0,5}?"
            r"(?:artillery|ammunition|rounds|shells|missiles|weapons|arms|tanks|munitions)\b"
            r"(?! (?:to|for) (?:Russia|Moscow)\b)",
            r"interceptor (?:drones|missiles)",
            r"anti-?(?:air|aircraft) (?:missiles|systems|defen[cs]es?|guns)",
            r"air[- ]defen[cs]e",
            r"(?:what|everything|all) (?:it|Ukraine|they) (?:needs?|requires?) to defend",
            # equipment given (not medical, energy or humanitarian equipment): "provide further
            # equipment", "provide the vital equipment requested"
            r"(?:provid|send|sent|deliver|suppl|gift|donat)\w* (?:(?!medical|energy|humanitarian"
            r"|power|electrical|firefighting|civilian|agricultural|demining|protective)"
            r"[\w'’-]+ ){0,3}?equipment\b",
            # a package counted in money: "an additional package worth $400 million"
            r"(?<!humanitarian )(?<!economic )(?<!financial )(?<!energy )(?<!recovery )"
            r"(?<!sanctions )package (?:worth|of|valued at) (?:up to |around |about |some "
            r"|more than |over )?[$£€]\s?[\d.,]+(?:\s?(?:million|billion|bn|mn|m))?",
        ),
    ),
    "mobilisation": (
        ("mobilisation", "mobilization"),
        (
            r"mobili[sz](?:ation|e|es|ed|ing)",
            r"troop training",
            r"rearm(?:ament|ing)?",
            r"redeployment",
            r"conscription",
            r"(?:draft|conscription|mobili[sz]ation) age",
        ),
    ),
    "eu_membership": (
        ("eu_membership", "eu membership", "european union"),
        (
            r"membership (?:in|of) the European Union",
            r"(?:membership|accession) (?:in|of|to) the (?:EU|Union)",
            r"(?:negotiating|accession) clusters?",
            r"EU (?:membership|accession|path)",
            r"join(?:s|ing)? the (?:EU|European Union)",
            r"(?:(?<=place is in the )|(?<=future is in the )|(?<=future lies in the ))"
            r"(?:EU|European Union)",
            r"accession (?:talks|negotiations|process)",
            r"accession to the (?:EU|European Union)",
            r"candidate (?:status|country)",
            r"(?:the )?door to the (?:EU|European Union)",
            r"(?:EU|European Union|the Union)(?:'s|’s)? enlargement"
            r"|enlargement of the (?:EU|European Union|Union)",
            r"European (?:path|future|integration|perspective)",
            r"(?-i:EU) integration",
            r"integration (?:into|with|in) the (?:EU|European Union)",
            r"(?:path|road|way) (?:towards?|to|into) (?:the )?(?:EU|European Union)",
            r"membership (?:negotiations|talks)",
            r"(?:closer|nearer) to (?:the )?(?:EU|European Union)(?! (?:than|and)\b)",
            # where a country belongs: "the future of Ukraine and its citizens lies within the
            # European Union", "our people deserve to be in the EU", "become a member of the EU"
            r"(?:future|place) (?:of (?:[\w'’]+ ){1,4}?)?(?:lies|is|belongs) "
            r"(?:firmly )?(?:with)?in the (?:EU|European Union)",
            r"(?:deserve|deserves|belong|belongs) (?:to be )?in the (?:EU|European Union)",
            r"(?:become|becomes|becoming|be) (?:a |an )?(?:full )?(?:member(?: state)?|part) "
            r"of the (?:EU|European Union)",
        ),
    ),
    "prisoners": (
        ("prisoner", "prisoners", "humanitarian"),
        (
            r"prisoner(?:s)? (?:swap|exchange)s?",
            r"(?:that|this|the|an?|each|every) (?:(?:latest|last|first|next|new|further|large|"
            r"largest|biggest|big|major) )?(?:exchanges?|swaps?)\b"
            r"(?! (?:of (?:views|letters|fire|notes|documents|information|territor\w*|land)"
            r"|rates?))",
            r"(?:swap|exchange) of (?:all )?(?:the )?prisoners",
            # not how prisoners are treated: "the treatment of prisoners of war"
            r"(?<!treatment of )(?<!treatment of the )prisoners? of war",
            r"(?<!political )(?<!treatment of )(?<!treatment of the )prisoners",
            r"POWs?",
            r"all[- ]for[- ]all",
            r"[\d,]+[- ]for[- ][\d,]+",
            r"exchange of [\d,]+",
            r"(?:return|release)(?:s|ed|ing)?(?: and [\w-]+)? of (?:all )?(?:the )?"
            r"(?:[\w,-]+ ){0,2}?"
            r"(?:children|child|civilians|detainees|POWs|prisoners)",
            r"(?:deported|abducted|forcibly transferred|stolen|taken) (?:Ukrainian )?"
            r"(?:children|child)",
            r"(?:children|child) (?:\w+ ){0,2}?(?:has|have|had) (?:taken|deported|abducted)",
            r"every (?:deported )?child",
            r"(?:exchange|swap|release|free|return)(?:s|d|ed|ing)?\s+(?:all\s+)?"
            r"(?:[\w,-]+\s+){0,3}?(?:prisoners|captives|POWs|detainees|detained civilians)",
            r"repatriat\w+ (?:of )?(?:the )?(?:children|bodies|prisoners|POWs)",
            r"civilian detainees",
            # "bring the children home", "secure their release", "returned from captivity"
            r"(?:bring|brings|bringing|brought) (?:[\w'’]+ ){0,2}?(?:children|kids|prisoners"
            r"|defenders|captives|POWs) (?:back|home)",
            r"secur\w* (?:the |their |his |her )?(?:safe )?release",
            r"(?:return\w*|releas\w*|freed|free|back|home) (?:home )?from (?:Russian )?captivity",
            r"(?:held|remain\w*|are|is) (?:still )?in (?:Russian )?captivity",
            r"deportees",
            # the people held whose release is asked: "the release of the three staff members"
            r"(?:release|freeing)(?:s|d)? (?:by [\w-]+ )?of (?:all )?(?:the |our )?"
            r"(?:[\w,-]+ ){0,3}?"
            r"(?:hostages|captives|detainees|staff members|aid workers|journalists|sailors|crew"
            r"|colleagues"
            r"|nationals|citizens|servicemen|defenders)",
            r"(?:deportation|forcible transfer|abduction|removal)s?(?: and (?:deportation|forcible "
            r"transfer|abduction|removal))? of (?:[\w-]+ ){0,2}?(?:children|civilians|minors)",
            r"forcibly (?:removed|deported|transferred|displaced|taken)",
            r"(?:children|civilians) (?:[\w-]+ )?(?:deported|abducted|taken) (?:by|to)",
            r"(?:arbitrar\w+ )?detain\w* (?:[\w-]+ ){0,2}?civilians",
            r"(?:return|repatriation|bodies) of (?:the )?(?:\w+ )?fallen"
            r"(?: (?:soldiers|servicemen|defenders|fighters))?",
            r"(?:the )?bodies of (?:[\w,]+\s+){0,2}?"
            r"(?:soldiers|servicemen|fighters|troops|the dead)",
            r"(?:transfer|return|repatriat|exchang|hand)\w* (?:over )?(?:of )?(?:[\d,]+ )?"
            r"(?:the )?bodies",
        ),
    ),
    "elections": (
        ("election", "elections"),
        (
            r"elections",
            r"(?:presidential|new|early|snap|Ukrainian|free|fair) elections?",
            r"election (?:in Ukraine|within)",
            r"presidential (?:vote|ballot|polls?)",
            r"(?:go|goes|went|going) to the polls",
            r"new (?:presidential )?vote",
            r"(?:Zelensky|Zelenskyy|Zelenskiy)(?:'s|’s)? legitimacy",
            r"legitimacy of (?:the )?(?:Ukrainian (?:president|leadership|government)|Zelensky\w*)",
        ),
    ),
    "language": (
        ("language",),
        (
            r"(?:Russian|official|state|second) languages?",
            r"languages? rights",
            r"Russian-?speak(?:ing|ers)",
            r"Russian[- ]language (?:rights|schools|education|media|speakers)",
            r"Russian speakers",
            r"(?:linguistic|minority) rights",
            r"status of (?:the )?Russian(?! (?:troops|forces|army))",
        ),
    ),
}

# concept -> phrases naming what excludes the issue: support for Ukraine's sovereignty and
# territorial integrity rejects any recognition of annexed land, as "borders must not be changed
# by force" does (docs/evidence-annotation.md). A stance's owner backing them rejects the issue
# (:func:`pourparler.evidence.rules.implied.owned_support`); alone they name no issue.
OPPOSITE_CONCEPTS: dict[str, tuple[str, ...]] = {
    "recognition": (
        # Ukraine's, not Russia's: "respect Russia's sovereignty" excludes nothing
        r"(?<!Russia's )(?<!Russia’s )(?<!Russian )(?<!Federation's )(?<!Federation’s )"
        r"(?:territorial integrity|sovereignty(?! over))",
        r"inviolability of (?:[\w'’]+ ){0,3}?borders",
        r"internationally recogni[sz]ed borders",
    ),
}
