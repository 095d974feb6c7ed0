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
_FOUR = r"(?:Donetsk|Luhansk|Lugansk|Zaporizhzhia|Zaporozhye|Kherson)"
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
            r"(?:bring|brings|brought|bringing) the (?:killing|fighting) to an end",
            r"the killing (?:has |must |needs |should |to |will )?(?:to )?stop",
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
            r"choose (?:its|their|her) (?:own )?alliances?",
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
            r"(?:US |American |security )?backstop",
            r"deter(?:s|red|ring)? (?:a |any )?(?:future |further |renewed |new )?"
            r"(?:Russian )?(?:invasion|aggression|attack)",
            r"mutual defen[cs]e",
            r"(?:defen[cs]e|security) (?:pact|umbrella|treaty)",
            r"Budapest Memorandum",
            r"security (?:for|of) Ukraine(?! and)",
        ),
    ),
    "recognition": (
        ("recognition", "recognise", "recognize", "annex"),
        (
            r"(?<!internationally )recogni(?:[sz]e[sd]?|[sz]ing|tion)"
            r"(?! (?:of )?(?:that|what|how|the (?:need|importance|role|right|efforts?|work"
            r"|contribution|progress|value|fact|courage|sacrifices?|difficult\w*|challenges?)"
            r"|(?:this|that) (?:description|characteri[sz]ation|account|picture|version))\b)",
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
            r"(?:troops|forces|formations|units|soldiers)",
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
            r"(?:regain|reclaim|recapture)\w* (?:[\w'’]+ ){0,2}?territor(?:y|ies)",
            r"(?:our|their|its|Ukraine(?:'s|’s)|Ukrainian) land"
            r"(?! (?:forces|borders?|routes?|bridge))",
            r"land (?:for peace|swaps?|exchange)",
            r"(?:exchanges?|swaps?) of (?:territor(?:y|ies)|land)",
            r"(?:all|rest|remainder|parts?) of (?:the )?" + _REGION,
            r"de-?occupation",
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
            r"(?:troops|forces)\s+(?:have\s+|had\s+|has\s+)?"
            r"(?:left|leave|leaves|pull(?:ed)? out|withdr[ae]wn?)\b",
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
            r"such a scheme",
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
            r"(?:a|the) force (?:that |which )?(?:\w+ ){0,2}?(?:deploy|deployed|stationed|based)"
            r"(?= (?:to|in|on|away|inside|across) )",
        ),
    ),
    "sanctions": (
        ("sanction", "sanctions"),
        (
            r"sanctions?(?: relief)?",
            r"restrictive measures",
            r"(?:economic )?pressure on (?:Moscow|Russia|the Kremlin|Putin)",
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
            r"(?:increas\w*|ramp\w* up|maintain\w*|keep\w* up|step\w* up|ratchet\w* up|"
            r"tighten\w*) (?:the |our |further |economic )*pressure",
            r"economic (?:pressure|cost|costs|measures)",
            r"(?:frozen|immobili[sz]ed|seized) (?:Russian |sovereign |central bank )?assets",
            r"(?:Russian|Russia(?:'s|’s)|sovereign) assets",
            r"assets (?:\w+ ){0,2}?(?:frozen|immobili[sz]ed)",
            r"price cap",
            r"shadow fleet",
            r"(?:oil|gas|energy|import|export) (?:embargo|ban)s?",
            r"secondary tariffs",
            r"asset freezes?",
            r"reparations? loan",
            r"war economy",
            r"export controls",
            r"(?-i:SWIFT)",
            r"access to (?:the )?(?:world|global|international|Western) (?:markets?|finance)",
        ),
    ),
    "military_aid": (
        ("aid", "military aid", "arms"),
        (
            r"military (?:aid|support|assistance|equipment|supplies|packages?)",
            r"military and \w+ (?:support|assistance|aid)",
            r"arms (?:transfers|deliveries|supplies|shipments|sales|packages?)",
            r"weapons (?:deliveries|supplies|shipments|packages?|transfers)",
            r"deliveries of (?:weapons|arms)",
            r"(?:Western|foreign|American|(?-i:US)|European|British|German|French|allied)"
            r" (?:military )?(?:aid|weapons|arms|missiles)",
            r"suppl(?:y|ying|ies) (?:of )?(?:weapons|arms)",
            r"(?:provid|send|suppl|deliver|sell)\w* (?:[\w'’]+ ){0,2}?"
            r"(?:with )?(?:more |further |additional |new )?"
            r"(?:weapons|arms|missiles|drones|ammunition|artillery|munitions)",
            r"(?:the )?weapons (?:\w+ ){0,2}?(?:receives|gets|needs|is given)",
            r"security assistance",
            r"(?-i:PURL)",
            r"arm(?:ing|s)? (?:Ukraine|Kyiv)\b",
            r"military (?:help|backing|deliveries|hardware)",
            r"lethal aid",
            r"intelligence sharing",
            r"intelligence (?:and|or) (?:weapons|satellite)",
            r"satellite (?:communications|links|data)",
            r"ammunition",
            r"(?:lethal|long-range|defensive|offensive) (?:weapons|arms|missiles)",
            r"(?:weapons|arms|missiles|interceptors) (?:to|for) (?:Ukraine|Kyiv)\b",
            r"(?:air[- ]defen[cs]e )?interceptors",
            r"(?:weapons|arms|equipment) and (?:training|ammunition|intelligence|equipment)",
            r"(?:training|intelligence) and (?:weapons|arms|equipment)",
            r"(?<=^On )weapons",
            # weapon systems news names as supplied to Ukraine
            r"(?-i:Patriot|F-16|HIMARS|ATACMS|Taurus|Storm Shadow|Tomahawk|Abrams|Leopard)s?"
            r"(?: (?:systems?|batteries|missiles|jets|interceptors|tanks))?",
            r"self-?defen[cs]e",
            r"air[- ]defen[cs]e",
            r"(?:what|everything|all) (?:it|Ukraine|they) (?:needs?|requires?) to defend",
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
            r"European (?:path|future|integration|perspective)",
            r"(?:path|road|way) (?:towards?|to|into) (?:the )?(?:EU|European Union)",
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
            r"prisoners? of war",
            r"(?<!political )prisoners",
            r"POWs?",
            r"all[- ]for[- ]all",
            r"[\d,]+[- ]for[- ][\d,]+",
            r"exchange of [\d,]+",
            r"(?:return|release)(?:s|ed|ing)? of (?:all )?(?:the )?(?:[\w,-]+ ){0,2}?"
            r"(?:children|child|civilians|detainees|POWs|prisoners)",
            r"(?:deported|abducted|forcibly transferred|stolen|taken) (?:Ukrainian )?"
            r"(?:children|child)",
            r"(?:children|child) (?:\w+ ){0,2}?(?:has|have|had) (?:taken|deported|abducted)",
            r"every (?:deported )?child",
            r"(?:exchange|swap|release|free|return)(?:s|d|ed|ing)?\s+(?:all\s+)?"
            r"(?:[\w,-]+\s+){0,3}?(?:prisoners|captives|POWs|detainees|detained civilians)",
            r"repatriat\w+ (?:of )?(?:the )?(?:children|bodies|prisoners|POWs)",
            r"civilian detainees",
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

# concept -> (phrase, the words of the option it implies), in order: the first phrase found near
# the issue's mention gives the position (:meth:`pourparler.evidence.mentions.IssueMatcher.
# position`). The words are matched to the scenario's option labels, so a phrase implies the
# option of a scenario whose label says the same ("a staged lifting of sanctions": "staged
# relief with snapback"), and nothing where no label does.
OPTION_PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "ceasefire": (
        (
            r"(?:only|until|unless|if|once|after|follow\w*|requir\w*|provided|condition\w*)\b"
            r".{0,60}?withdr\w+",
            "no ceasefire until Ukraine withdraws from the claimed regions",
        ),
        (
            r"(?:only|until|unless|if|once|requir\w*|provided|condition\w*|end to|halt\w*|stop\w*)"
            r"\b.{0,60}?(?:aid|arms|weapons|mobili[sz]\w*|rearm\w*)",
            "ceasefire only if mobilisation, rearmament and Western aid stop",
        ),
        (
            r"energy|Black Sea|navigation|shipping|partial",
            "partial ceasefire on energy infrastructure and the Black Sea",
        ),
        (r"local|short|(?:two|2)(?:-| to |–)(?:three|3) days", "short local truces of 2–3 days"),
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
            r"|irreversible"
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
            r"1991|Russian withdrawal|Russia (?:\w+ ){0,2}withdr\w+|withdr\w+ (?:\w+ ){0,2}"
            r"from Ukraine",
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
            r"|reconstruction|rebuild\w*|until (?:\w+ ){0,3}(?:settlement|peace|ends)",
            "sanctions kept until a settlement, frozen assets fund reconstruction",
        ),
        (
            r"tighten\w*|further|new (?:package|round)|more|increas\w*|ramp\w* up|step\w* up"
            r"|ratchet\w*|strengthen\w*|keep\w* up|maintain\w*|massive|raise|screws",
            "sanctions kept and tightened",
        ),
    ),
    "military_aid": (
        (
            r"(?:end|stop|halt|cease)\w* (?:[\w,]+ ){0,3}(?:arms|weapons|aid|supplies|deliveries)"
            r"|(?:without|give up|gives up|gave up|giving up) (?:\w+ ){0,2}(?:weapons|arms|aid)"
            r"|satellite",
            "end of foreign arms, intelligence and satellite links",
        ),
        (r"defensive (?:weapons|arms)|calibrat\w*", "aid calibrated down, defensive weapons only"),
        (
            r"increas\w*|more|step\w* up|ramp\w* up|additional|no limits?|strengthen\w*",
            "aid grows, no limits on rearmament",
        ),
        (
            r"continu\w*|keep\w*|resum\w*|restor\w*|flowing|tranche",
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
            r"[\d,]+[- ]for[- ][\d,]+|\d,\d{3}|bodies|wounded|large\w*|biggest",
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
    ),
    "eu_membership": (
        (r"fixed date|fast[- ]track", "accession on a fixed date"),
        (
            r"accession (?:talks|negotiations)|next steps|candidate",
            "accession talks continue, no date",
        ),
        (r"association", "association only"),
    ),
}
