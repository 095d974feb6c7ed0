"""Word lists the claim extractor reads: noun cues, conditions, a speaker's own cues, negation
and reporting verbs (the verb cues are in :mod:`pourparler.evidence.stance_cues`, the words
articles use for issues in :mod:`pourparler.evidence.issue_terms`).

Stances follow the coding of negotiation statements in event data (e.g. CAMEO's *demand*,
*propose*, *accept*, *reject* families; Schrodt 2012), reduced to five classes plus *condition*
for conditional acceptance.
"""

from __future__ import annotations

from pourparler.evidence.stance_cues import AGREEMENTS

STANCES = ("demand", "propose", "accept", "reject", "condition")


# what stands between an owner and its noun: "unwavering military, economic and political"
_MODIFIERS = (
    r"(?:(?:[a-z-]+(?:al|ic|ive|ful|ous|ing|ent|ant|ble|ed|ary|est|ier)|full|strong|firm|clear|"
    r"staunch|robust|total|joint|long-term|lasting|defence|defense|security|steadfast|"
    r"iron-?clad|new|next|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"(?:,|\s+and|,\s+and)?\s+){0,5}"
)

# Stances held in a noun phrase whose owner stands right before it ("the UK's unwavering
# military support", "our continued support for", "Germany's commitment to", "the U.S.
# commitment to", "the UK's earlier calls for", "UK, US and EU sanctions have ..."): the
# owner's stance. The cue spans the modifiers, so the owner stands right before it; the last
# field says whether an actor's name as an adjective ("U.S. commitment") owns it too, or only
# a possessive ("the UK's", "our").
NOMINAL_CUES: tuple[tuple[str, str, float, bool], ...] = (
    (_MODIFIERS + r"support", "accept", 0.6, False),
    (_MODIFIERS + r"commitments?(?=\s+to\b)", "propose", 0.6, True),
    (_MODIFIERS + r"(?:calls|call|appeals?)\s+for", "demand", 0.7, True),
    (_MODIFIERS + r"packages?\s+of", "propose", 0.6, True),
    # "a steady flow of U.S. assistance", "the United States' military aid": aid one gives
    (_MODIFIERS + r"(?:assistance|aid)", "propose", 0.5, True),
    # "our objectives are to reassure, support and protect Ukraine": what the owner will do
    (
        r"(?:objectives?|aims?|goals?|purpose|mission|task|intention)\s+(?:is|are|remains?)\s+to",
        "propose",
        0.6,
        False,
    ),
    # "It is the UK Government's position that Ukraine restores its territory"
    (
        r"(?:position|view|policy|aim|goal|objective|belief|conviction)\s+(?:(?:is|remains|was)\s+)?"
        r"that",
        "demand",
        0.6,
        False,
    ),
    # sanctions as the subject of what they do: their owner's ("our sanctions are biting")
    (
        _MODIFIERS + r"sanctions(?=\s+(?:(?:have|has|are|were|will|continue\s+to)\s+)?"
        r"(?:\w+ly\s+)?(?:hit|hitting|cut|cutting|deprived|depriving|pushing|biting|bitten|"
        r"working|weakened|weakening|degraded|degrading|costing|cost|drained|draining|starved|"
        r"starving|damaged|damaging|crippled|crippling|squeezed|squeezing|curbed|limited)\b)",
        "propose",
        0.6,
        True,
    ),
)

# Conditions set on an agreement, whose subject is the agreement ("a full ceasefire would
# require an end to military aid", "the truce won't take effect until ...", "a ceasefire could
# only follow a withdrawal"), read before the other cues so that "require" or "begin" alone
# does not take them.
SPOKEN_CONDITIONS: tuple[tuple[str, str, float], ...] = (
    (
        "(?:"
        + "".join(rf"(?<={w}\s)|" for w in AGREEMENTS)
        + r"(?<=accord\s)|(?<=sanctions\s)|(?<=relief\s))(?:would|will)\s+(?:first\s+|also\s+)?"
        r"require",
        "condition",
        0.7,
    ),
    (
        r"(?:would|will|could|can|shall|wo)(?:\s+not|n['’]t)?\s+(?:only\s+)?(?:take\s+effect|"
        r"come\s+into\s+force|begin|start)(?=\s+(?:only\s+)?(?:once|after|when|until|if)\b)",
        "condition",
        0.7,
    ),
    (r"(?:can|could|would|will|may)\s+only\s+(?:follow|come\s+after)", "condition", 0.7),
    (
        r"(?:depends?|depended|hinges?|hinged)\s+(?:largely\s+|entirely\s+)?(?:up)?on",
        "condition",
        0.7,
    ),
)

# Cues of a speaker's own stance whatever the subject ("Russia must withdraw", "countries need
# to ramp up pressure", "Ukraine's place is in NATO"): the agent is who speaks, never the
# subject; with no known speaker they give no claim.
VOICE_CUES: tuple[tuple[str, str, float], ...] = (
    # "Ukraine cannot be forced to give up territory": the speaker rejects it
    (
        r"(?:cannot|can\s+not|can['’]t|must\s+not|mustn['’]t|should\s+not|shouldn['’]t|will\s+not|"
        r"won['’]t)\s+be\s+(?:asked|forced|required|expected|made|pressured|compelled|obliged)\s+to",
        "reject",
        0.7,
    ),
    (r"(?:must|should)\s+not|mustn['’]t|shouldn['’]t", "reject", 0.6),
    # "the line of contact should be the starting point for talks": a basis put forward
    (
        r"(?:should|must|could|can|may|would|will)\s+(?:be|serve\s+as|become)\s+(?:the|a)\s+"
        r"(?:(?:(?:starting|departure)\s+point|point\s+of\s+departure)\s+(?:for|of)|basis\s+for"
        r"(?=\s+(?:the\s+)?(?:talks|negotiations)\b))",
        "propose",
        0.6,
    ),
    (
        r"(?:could|can)\s+(?:choose\s+to\s+)?(?:do\s+(?:this|so|that)|(?:end|stop)\s+(?:it|this|all\s+this|"
        r"(?:this|the|its|his)\s+(?:war|conflict|invasion)))(?:\s+\w+){0,2}?:?\s+by",
        "demand",
        0.6,
    ),
    # not "nobody should ...", "what it needs to defend itself", "saw no need to"
    (
        r"(?<!\bnobody\s)(?<!\bno\sone\s)(?<!\bwhat\sit\s)(?<!\bwhat\sthey\s)(?<!\bno\s)"
        r"(?:must|should|need(?:s)?\s+to|ha(?:s|ve)\s+to)(?!\s+(?:not\s+)?(?:be\s+(?:\w+\s+)?"
        r"(?:willing|ready|prepared|clear)|continue|keep|address|deal\s+with|include|tackle|"
        r"resolve|be\s+(?:viewed|seen|read|understood|regarded|noted|compared|considered)"
        # "should we expand the mandate ...": a question put, not a demand
        r"|we|I|you|they)\b)",
        "demand",
        0.6,
    ),
    (r"(?:rightful\s+)?(?:place|future)\s+(?:is|lies)\s+in", "demand", 0.7),
    # "Ukraine needs robust security guarantees": what the speaker says another must have
    (
        r"(?<!\bwhat\sit\s)(?<!\bwhat\sthey\s)needs?(?=\s+(?:robust|strong|credible|real|"
        r"reliable|ironclad|iron-clad|lasting|firm|solid|more|further|sustained|continued|"
        r"security|air)\b)",
        "demand",
        0.6,
    ),
    # "a ceasefire had to come first": the sequence the speaker demands
    (
        r"(?:(?:has|have|had|needs?|needed)\s+to|must|should|would|will)\s+come\s+first",
        "demand",
        0.6,
    ),
    # "the onus is on Russia to agree a ceasefire", "a full ceasefire remains the goal"
    (r"the\s+onus\s+(?:is|lies|now\s+lies)\s+(?:now\s+)?(?:up)?on", "demand", 0.6),
    (
        r"(?:is|remains)\s+(?:still\s+)?(?:the|our)\s+(?:\w+\s+)?(?:goal|aim|objective|priority)\b",
        "demand",
        0.6,
    ),
    # "is unacceptable to us": the speaker's rejection whatever the subject
    (r"(?:is|are|was|were|be)\s+(?:\w+\s+)?unacceptable\s+to\s+(?:us|me)\b", "reject", 0.8),
    # "there can be no ...", "there shall be no limits on ...": the speaker rules it out
    (r"there\s+(?:can|will|shall|must|should|could)\s+be\s+no", "reject", 0.7),
    # "there is no justification for changing borders by force"
    (
        r"there(?:['’]s|\s+is|\s+can\s+be)\s+(?:no|never\s+any)\s+(?:possible\s+)?"
        r"(?:justification|excuse|place|room|case|question)\s+(?:for|of)",
        "reject",
        0.7,
    ),
    # "there's no ceasefire unless ...": with its condition only (see stance.no_until)
    (
        r"there(?:['’]s|\s+is|\s+will\s+be)\s+no(?=\s+(?:[\w'’-]+\s+){1,5}?(?:unless|until)\b)",
        "reject",
        0.7,
    ),
    (r"(?:nobody|no\s+one)(?:['’]s|\s+is)\s+(?:even\s+)?talking\s+about", "reject", 0.7),
    (r"(?:nobody|no\s+one)\s+(?:will|can|shall|should)\s+dictate", "reject", 0.6),
    (r"(?:now|this)\s+is\s+the\s+(?:time|moment)\s+(?:to|for)", "demand", 0.6),
    # "Ukraine deserves to be in the EU", "Ukrainians deserve a just peace": what the speaker asks
    (r"deserves?(?=\s+(?:to|a|an|the|just|lasting|real|full)\b)", "demand", 0.6),
    (
        r"(?:will\s+be|would\s+be|is|are|remains?|(?<=\bit['’]s\s)|(?<=\bthat['’]s\s))\s*"
        r"(?:(?:\w+ly|so|also|still|now|more|most|"
        r"equally|very|a|an)\s+)?(?:essential|vital|crucial|indispensable|necessary|"
        r"important(?=\s+(?:to|that)\b)(?!\s+to\s+(?:note|remember|recall|stress|say|recognise|"
        r"recognize|understand|be\s+clear)\b))",
        "demand",
        0.6,
    ),
    (r"(?:is|are)\s+on\s+an?\s+irreversible\s+path\s+to", "demand", 0.7),
    (
        r"(?:clearest|only|best|surest|quickest|fastest)\s+(?:path|way|route)\s+to\s+"
        r"(?:peace|end\s+(?:the|this)\s+(?:war|conflict|fighting)(?:\s+in\s+[\w-]+)?)\s+"
        r"(?:is|was|would\s+be)(?:\s+(?:for|to))?",
        "demand",
        0.7,
    ),
    # "the only way to get Russia to negotiate seriously is putting more pressure on Russia"
    (
        r"(?:only|best|surest|quickest|fastest)\s+(?:way|means)\s+(?:for\s+[\w'’.-]+\s+)?to\s+"
        r"(?:[\w'’-]+\s+){1,6}?"
        r"(?:is|was|would\s+be)(?:\s+(?:for|to|by))?",
        "demand",
        0.6,
    ),
    # "lifting sanctions now would be a disaster": the speaker rejects what it names
    (
        r"(?:would|will)\s+be\s+(?:an?\s+)?(?:\w+\s+)?(?:disaster|mistake|catastrophe|betrayal|"
        r"gift\s+to\s+(?:Putin|Moscow|the\s+Kremlin))",
        "reject",
        0.6,
    ),
)

# Words that, shortly before a cue, negate it ("has not been willing to", "did not reject").
NEGATORS = (
    "not",
    "n't",
    "cannot",
    "never",
    "no",
    "neither",
    "nor",
    "hardly",
    "unlikely",
    "slow",
    "loath",
)
NEGATION_WINDOW = 4  # tokens before the cue

# A negated stance flips: refusing to demand is not a demand, it is a refusal.
NEGATED_STANCE = {
    "demand": "reject",
    "propose": "reject",
    "accept": "reject",
    "reject": "accept",
    "condition": None,
}

# Reporting verbs: the mention next to one is the source of what follows, not its actor.
REPORTING = (
    r"said|says|say|told|tells|stated|states|announced|announces|added|noted|notes|claimed|"
    r"claims|warned|warns|argued|argues|believes|believed|thinks|thought|suggests|suggested|"
    r"[Aa]ccording\s+to|reported|reports|described|describes|emphasi[sz]es|commented|repeated|"
    r"reiterated|reiterates|stressed|stresses|underlined|confirmed|confirms|made\s+(?:it\s+)?clear|"
    r"makes\s+(?:it\s+)?clear|signall?ed|indicated|(?:is|are|was|were)\s+clear\s+that|"
    r"underlines|reaffirm(?:s|ed)?|recall(?:s|ed)"
)

# Modal hedges lower confidence ("might agree", "is likely to").
HEDGES = ("may", "might", "could", "would", "likely", "perhaps", "reportedly", "apparently")

# Pronouns and demonstratives resolved to the last actor of the preceding text.
ANAPHORA = ("he", "she", "they", "his", "her", "their", "it", "its", "this", "these", "we", "i")

# Words too common to identify an option by themselves.
STOPWORDS = frozenset(
    """a an the of and or to in on for with without by from at as is are be no not any all
    only until if e g incl its their his her this that these those than then more less
    ukraine russia russian ukrainian""".split()
)
