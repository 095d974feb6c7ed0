"""The words articles use for the issues of a negotiation over Ukraine's future.

Issue concepts map those words to the issues of a scenario; a concept is matched to a scenario
issue through its id and name (:class:`pourparler.evidence.mentions.IssueMatcher`). Phrases
are regular expressions matched case-insensitively, with word boundaries added.
"""

from __future__ import annotations

# concept -> (words identifying the concept in an issue id or name, phrases articles use for it)
ISSUE_CONCEPTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ceasefire": (
        ("ceasefire", "cease-fire", "truce"),
        (
            r"cease-?\s?fires?",
            r"truces?",
            r"cessation of hostilities",
            r"halt (?:to )?the fighting",
            r"strikes on energy infrastructure",
            r"civilian shipping",
            r"Black Sea (?:deal|arrangement|navigation|truce)",
            r"hold(?:s|ing)? (?:its |their )?fire",
            r"(?:halt|stop|pause)(?:s|ped|ping)? (?:in |to )?(?:the )?(?:fighting|hostilities)",
            r"guns (?:to )?fall silent",
            r"(?:halt|moratorium|pause|ban) (?:on|to|in) (?:\w+ ){0,2}?(?:strikes|attacks)",
            r"(?:strikes|attacks) (?:on|against) energy (?:infrastructure|facilities)",
            r"(?:stop|end) (?:to )?the killing",
            r"the killing (?:has|must|needs) to stop",
        ),
    ),
    "nato_russia": (
        ("nato_russia", "nato–russia", "nato-russia", "arms control"),
        (
            r"NATO-Russia Council",
            r"NATO–Russia Council",
            r"(?:renewing|reviving|revival of) the Council",
            r"NATO(?:'s|’s)? expansion",
            r"NATO enlargement",
            r"(?:the )?alliance(?:'s|’s)? (?:expansion|enlargement)",
            r"expansion of (?:NATO|the alliance)",
            r"arms control",
            r"security (?:measures|agreements|arrangements) (?:in|for|with)",
            r"broader security agreements",
            r"European security (?:treaty|architecture)",
        ),
    ),
    "nato": (
        ("nato", "neutral", "alliance"),
        (
            r"NATO membership",
            r"membership in NATO",
            r"joining NATO",
            r"join(?:s|ed)? NATO",
            r"NATO bid",
            r"invite Ukraine to NATO",
            r"to NATO",
            r"neutral(?:ity| status)",
            r"non-bloc",
            r"(?:remain|stay|be|become|stays|remains)\s+neutral",
            r"neutral (?:Ukraine|country|state)",
            r"outside (?:any )?military blocs?",
            r"(?:(?<=place is in )|(?<=future is in ))NATO",
            r"Euro-Atlantic integration",
            r"NATO (?:aspirations|ambitions)",
        ),
    ),
    "guarantees": (
        ("guarantee", "guarantees", "security guarantees"),
        (
            r"(?:security )?guarantees?",
            r"assurances",
            r"Article 5",
            r"come to Ukraine(?:'s|’s) defen[cs]e",
            r"intervene",
            r"security arrangements(?! (?:in|for|with)\b)",
            r"(?:US |American |security )?backstop",
        ),
    ),
    "recognition": (
        ("recognition", "recognise", "recognize", "annex"),
        (
            r"(?<!internationally )recogni(?:[sz]e[sd]?|[sz]ing|tion)",
            r"annexation",
            r"legitimi[sz]ing its conquests",
            r"status of Crimea",
            r"borders(?= (?:must|should|cannot|can ?not|can['’]t) (?:not )?be (?:changed|redrawn))",
        ),
    ),
    "withdrawal": (
        ("withdrawal", "line", "territory", "territorial"),
        (
            r"withdrawal of Ukrainian troops",
            r"(?:full |complete )?withdrawal of (?:all )?(?:Russian|Ukrainian|its|their) "
            r"(?:troops|forces)",
            r"withdraw(?:al)? from",
            r"territorial concessions",
            r"surrender territory",
            r"(?:give|hand) up (?:\w+ )?territor(?:y|ies)",
            r"cede (?:the )?(?:territory|land|Donetsk|Luhansk|Donbas|Zaporizhzhia|Kherson)",
            r"regain territor(?:y|ies)",
            r"line of contact",
            r"(?:a|any|the) freeze",
            r"withdraw(?:s|ing)? (?:all )?(?:of )?(?:its|their|all|the|Russian) (?:troops|forces)",
            r"in control of (?:Donetsk|Luhansk|Zaporizhzhia|Kherson|Crimea)",
            r"(?:current |existing )?front ?lines?",
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
            r"demilitari[sz]ation",
            r"disarm\w*",
            r"(?:caps?|capping|limits?|limitations?|ceiling)\s+(?:on\s+)?(?:[\w'’]+\s+){0,4}?"
            r"(?:army|armed forces|military|forces)",
        ),
    ),
    "foreign_troops": (
        ("foreign", "troops", "peacekeep"),
        (
            r"peacekeep(?:ing|ers)(?: force)?",
            r"foreign (?:forces|troops|advisors|advisers)",
            r"hosting foreign forces",
            r"(?:send|deploy|commit|contribute)(?:ing)? (?:\w+ )?(?:troops|soldiers|forces)",
            r"monitoring mission",
            r"ground troops",
            r"reassurance force",
            r"presence of Western forces",
            r"boots on the ground",
            r"troops on the ground",
            r"such a scheme",
            r"(?:troops|soldiers|forces) from (?:\w+ ){0,2}(?:countries|states|members|allies)",
            r"(?:troops|soldiers|forces) on Ukrain(?:ian|e(?:'s|’s)) soil",
            r"deployment of (?:[\w-]+ ){0,3}?(?:troops|soldiers|forces|peacekeepers)",
            r"(?:European|Western|NATO|British|French|foreign) (?:troops|soldiers|peacekeepers)",
            r"(?:multinational|reassurance|peacekeeping|stabili[sz]ation) (?:force|mission)",
        ),
    ),
    "sanctions": (
        ("sanction", "sanctions"),
        (
            r"sanctions?(?: relief)?",
            r"(?:economic )?pressure on (?:Moscow|Russia|the Kremlin|Putin)",
            r"restrictions on (?:Russia|Moscow)(?:'s|’s)? economy",
            r"sanctioned",
            r"(?:increas\w*|ramp\w* up|maintain\w*|keep\w* up|step\w* up|ratchet\w* up|"
            r"tighten\w*) (?:the |our |further |economic )*pressure",
        ),
    ),
    "military_aid": (
        ("aid", "military aid", "arms"),
        (
            r"military aid",
            r"arms (?:transfers|deliveries|supplies)",
            r"weapons deliveries",
            r"deliveries of (?:weapons|arms)",
            r"Western (?:military )?(?:aid|weapons)",
            r"suppl(?:y|ying|ies) (?:of )?(?:weapons|arms)",
            r"military (?:support|assistance)",
            r"(?:provid|send|suppl|deliver)\w* (?:more |further |additional )?"
            r"(?:weapons|arms|missiles|drones|ammunition|artillery)",
            r"security assistance",
            r"intelligence sharing",
            r"self-?defen[cs]e",
            r"air[- ]defen[cs]e",
        ),
    ),
    "mobilisation": (
        ("mobilisation", "mobilization"),
        (r"mobili[sz]ation", r"troop training", r"rearm(?:ament|ing)?"),
    ),
    "eu_membership": (
        ("eu_membership", "eu membership", "european union"),
        (
            r"membership in the European Union",
            r"EU membership",
            r"join(?:s|ing)? the (?:EU|European Union)",
            r"(?<=place is in the )(?:EU|European Union)",
        ),
    ),
    "prisoners": (
        ("prisoner", "prisoners", "humanitarian"),
        (
            r"prisoner(?:s)? (?:swap|exchange)s?",
            r"(?:swap|exchange) of (?:all )?(?:the )?prisoners",
            r"prisoners of war",
            r"all-for-all",
            r"(?:return|release)(?:s|ed|ing)? of (?:all )?(?:the )?(?:[\w-]+ ){0,2}?"
            r"(?:children|civilians|detainees|POWs|prisoners)",
            r"(?:deported|abducted|forcibly transferred) (?:Ukrainian )?children",
            r"(?:exchange|swap|release|free|return)(?:s|d|ed|ing)?\s+(?:all\s+)?"
            r"(?:[\w,-]+\s+){0,3}?(?:prisoners|captives|POWs|detainees|detained civilians)",
            r"(?:the )?bodies of (?:[\w,]+\s+){0,2}?"
            r"(?:soldiers|servicemen|fighters|troops|the dead)",
        ),
    ),
}
