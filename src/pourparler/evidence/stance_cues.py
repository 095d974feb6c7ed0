"""The verb cues of a stance: (regular expression, stance, strength) for what a sentence's
subject does — "demanded", "is ready to", "turned down", "would not sign" — read by
:mod:`pourparler.evidence.rules.cues`. Noun cues, a speaker's own cues, negators and the other
word lists are in :mod:`pourparler.evidence.vocabulary`.

Stances follow the coding of negotiation statements in event data (CAMEO's *demand*,
*propose*, *accept*, *reject* families; Schrodt 2012), plus *condition* for conditional
acceptance.
"""

from __future__ import annotations

# what a condition may be set on: "a full ceasefire would require ..."
AGREEMENTS = "ceasefire cease-fire truce deal agreement settlement arrangement pause".split()

# "they're ready to", "it's open to": a contracted "be" before the cue (the cue starts after it)
_BE_CONTRACTED = r"(?<=['’]re\s)|(?<=['’]s\s)|(?<=['’]m\s)"

# "declined to comment": no stance on anything
_NO_COMMENT = r"(?!\s+to\s+(?:comment|say|elaborate|confirm|speculate|answer|give\s+details))"

# (regular expression, stance, strength). Word boundaries are added by the extractor; the
# expressions are matched case-insensitively. Strength (0-1) feeds the claim's confidence.
STANCE_CUES: tuple[tuple[str, str, float], ...] = (
    (
        r"(?:regard|consider|view)(?:s|ed)?(?=\s+(?:[\w'’,-]+\s+){1,12}?as\s+"
        r"(?:unacceptable|a\s+red\s+line|a\s+threat|(?:a\s+)?legitimate\s+targets?))",
        "reject",
        0.8,
    ),
    (r"demand(?:s|ed|ing)?", "demand", 0.9),
    (r"appeal(?:s|ed|ing)?\s+for|ask(?:s|ed|ing)?\s+for|request(?:s|ed|ing)?", "demand", 0.7),
    (r"insist(?:s|ed|ing)?(?:\s+on|\s+that)?", "demand", 0.9),
    (r"call(?:s|ed|ing)?\s+for", "demand", 0.85),
    (r"ask(?:s|ed)?\s+(?:[\w'’-]+\s+){1,3}?to(?=\s+[a-z])", "demand", 0.7),
    (r"push(?:es|ed|ing)?\s+(?:(?:again|hard|also|repeatedly)\s+)?for", "demand", 0.8),
    (r"keep(?:s)?\s+pushing(?=\s+(?:for|until)\b)", "demand", 0.7),
    (r"press(?:es|ed|ing)?\s+(?:(?:again|hard|also|repeatedly)\s+)?for", "demand", 0.8),
    # "pressed Moscow to accept", "pushing Kyiv to cede": what is asked of another actor
    (r"(?:press|push)(?:es|ed|ing)?\s+(?:[\w'’-]+\s+){1,3}?to(?=\s+[a-z])", "demand", 0.75),
    (r"insistence(?:\s+on|\s+that)?", "demand", 0.8),
    (r"stipulat(?:e|es|ed|ing)(?:\s+that)?", "demand", 0.7),
    (r"oblig(?:e|es|ed|ing)(?=\s+(?:[\w'’-]+\s+){1,3}?to\b)", "demand", 0.75),
    (r"advocat(?:e|es|ed|ing)(?:\s+for)?|argu(?:e|es|ed|ing)\s+for", "demand", 0.8),
    # not "I want to thank ...", "we want to pay tribute": courtesies of a speech
    (
        r"want(?:s|ed)?(?!\s+to\s+(?:(?:also|first|briefly|just)\s+)?(?:praise|thank|pay|commend|"
        r"congratulate|acknowledge|welcome|say|begin|start|stress|emphasi[sz]e|underline|update|"
        r"inform|reassure|assure|express|put|turn|come|address|speak|highlight|mention|take)\b)",
        "demand",
        0.7,
    ),
    (r"urg(?:e|es|ed|ing)", "demand", 0.8),
    # "we hope Russia will agree to a ceasefire": a demand on the other, no acceptance yet
    (
        r"hop(?:e|es|ed|ing)\s+(?:that\s+)?(?:[\w'’.-]+\s+){1,3}?(?:will|would|can|could|shall)\s+"
        r"(?:(?!not\b|never\b)\w+\s+)?(?:agree\s+to|accept|sign|join|engage\s+in|come\s+to)",
        "demand",
        0.6,
    ),
    (r"must\s+(?:address|deal\s+with|include|tackle|resolve)", "demand", 0.6),
    (r"seek(?:s|ing)?|sought", "demand", 0.75),
    (r"(?:would\s+|(?<=['’]d\s))like\s+to\s+see", "demand", 0.7),
    (r"encourag(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){1,3}?to(?=\s+[a-z])", "demand", 0.7),
    (r"prioriti[sz](?:e|es|ed|ing)", "demand", 0.6),
    # "Kyiv stands by its offer of a truce", "we stand by our commitment to": an offer upheld
    (
        r"st(?:and|ands|ood|anding)\s+by\s+(?:its|their|our|his|her|my|the)\s+(?:[\w-]+\s+)?"
        r"(?:offers?|proposals?|commitments?|pledges?|promises?)",
        "propose",
        0.7,
    ),
    (r"propos(?:e|es|ed|ing)", "propose", 0.85),
    # not "offered the pretext that", "offered condolences": words given, no proposal
    (
        r"offer(?:s|ed|ing)?(?!\s+(?:(?:a|an|the|his|her|its|their|our|my)\s+)?(?:[\w-]+\s+)?"
        r"(?:pretext|excuse|explanation|justification|condolences|thanks|apology|apologies|"
        r"prayers|sympathy|words|insights?|comments?|analysis|reassurance)\b)",
        "propose",
        0.8,
    ),
    (r"present(?:s|ed)", "propose", 0.7),
    # "set out its terms", "laid out conditions" (offering conditions demands them)
    (
        r"(?:set(?:s|ting)?|la(?:y|ys|id|ying))\s+out(?=\s+(?:[\w'’-]+\s+){0,3}?(?:terms|"
        r"(?:pre)?conditions|demands|proposals?|plan|position)\b)",
        "propose",
        0.7,
    ),
    (r"attach(?:es|ed|ing)?(?=\s+(?:[\w'’-]+\s+){0,3}?(?:pre)?conditions\b)", "demand", 0.7),
    (r"put(?:s|ting)?\s+forward|br(?:ing|ings|inging|ought)\s+forward", "propose", 0.8),
    # "placed a clear prohibition on Sberbank", "put sanctions on", "we have hit Gazprombank"
    (
        r"(?:plac(?:e|es|ed|ing)|put(?:s|ting)?)(?=\s+(?:[\w-]+\s+){0,3}?(?:prohibitions?|bans?|"
        r"restrictions|sanctions|embargo(?:es)?|caps?|asset\s+freezes?|tariffs)\s+on\b)"
        r"|(?:have|has|had)\s+(?:(?:already|also|now|since|\w+ly)\s+)?(?:hit|targeted)"
        r"(?=\s+(?:[\w’'-]+\s+){0,3}?(?:(?:[A-Z]\w*)?[Bb]anks?|oligarchs|entities|individuals|"
        r"companies|firms|exports|revenues?|tankers|vessels|fleet)\b)",
        "propose",
        0.6,
    ),
    (
        r"put(?:s|ting)?(?=\s+(?:[\w'’-]+\s+){1,6}?on\s+the\s+table)"
        r"|tabl(?:ed|ing)|tables?(?=\s+(?:a|an|its|their|his|her|our)\s)",
        "propose",
        0.75,
    ),
    (
        r"t(?:ake|akes|ook|aken|aking)(?=\s+(?:[\w'’-]+\s+){1,6}?off\s+the\s+table)",
        "reject",
        0.8,
    ),
    (r"promis(?:e|es|ed)", "propose", 0.7),
    (
        r"(?:(?:will|would|could|can|shall)\s+play|play(?:s|ed|ing)?(?=\s+(?:a|an|its|their|our|"
        r"his|her)\s+(?:leading|central|key|major|full|significant|active|pivotal)\b))\s+"
        r"(?:a|an|its|their|our|his|her)\s+(?:\w+\s+)?(?:part|role)\s+in",
        "propose",
        0.6,
    ),
    # "stressed the need to increase pressure", "underlines the importance of": the
    # conclusions' and communiqués' way of asking for it
    (
        r"(?:stress|underlin|emphasi[sz]|highlight|reiterat|recall|agree(?:d|s)?\s+on)"
        r"(?:e|es|ed|ing|s)?\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?(?:need|importance|necessity)"
        r"\s+(?:of|for|to)",
        "demand",
        0.7,
    ),
    (r"(?:planning|plans?)\s+for", "propose", 0.5),
    (
        r"(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?planning(?=\s+(?:a|an|the|its|their|new|"
        r"further)\b)",
        "propose",
        0.6,
    ),
    (r"submit(?:s|ted)", "propose", 0.8),
    # "we are striving to synchronise our sanctions": an effort of one's own
    (r"striv(?:e|es|ed|ing)\s+to", "propose", 0.5),
    # "Britain has stepped up the delivery of tanks": a deed named as a noun, its doer's offer
    (r"(?:gifting|provision|delivery|deliveries|supply)\s+of", "propose", 0.5),
    (r"suggest(?:s|ed)", "propose", 0.5),
    (r"(?:counter-?)?proposals?", "propose", 0.6),
    (r"plan(?:s|ned)?\s+(?:to|any|more|further|new)", "propose", 0.5),
    (r"accept(?:s|ed|ing)?", "accept", 0.85),
    # "agreed, in principle, to the US proposal"
    (
        r"agree(?:s|d|ing)?(?:,?\s+in[\s-]principle,?)?(?:\s+not|\s+only)?\s+(?:to|on|with)",
        "accept",
        0.85,
    ),
    # a headline's "Russia, Ukraine agree prisoner swap": agree with a direct object
    (
        r"agrees?(?=\s+(?!(?:that|to|on|with|not|in|at|by|for|and|but|or|after|before|"
        r"upon|over|only|also|last|this|next|early|late|then|now|once|again|so|we|they|it|he|"
        r"she|i|you)\b|\w+ly\b)[a-z])(?!\s+(?:[\w'’-]+\s+){0,6}?that\b)",
        "accept",
        0.6,
    ),
    (r"s(?:ay|ays|aid)\s+yes\s+to", "accept", 0.8),
    # "reached an agreement to exchange prisoners", "the deal they reached on a truce"
    (
        r"reach(?:es|ed)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:agreement|deal|understanding)\s+"
        r"(?:to|on)|reach(?:es|ed)?(?=\s+(?:to\s+[a-z]+|on\s+(?:a|an|the)\b))",
        "accept",
        0.75,
    ),
    # "the talks produced an agreement to exchange prisoners", "struck a deal on ..."
    (
        r"(?:produc|secur|conclud|clinch)(?:e|es|ed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
        r"(?:agreement|deal|understanding)\s+(?:to|on)|(?:strike|strikes|struck)\s+(?:an?\s+)?"
        r"(?:[\w-]+\s+)?(?:agreement|deal)\s+(?:to|on)",
        "accept",
        0.7,
    ),
    # "are talking about sending a force": what one speaks of doing oneself; "has spoken of a
    # reassurance force": an idea floated
    (
        r"(?<!body['’]s\s)(?<!body\sis\s)(?<!one['’]s\s)(?<!one\sis\s)"
        r"(?:talk|speak)(?:s|ing)?\s+(?:about|of)(?=\s+(?:sending|deploying|providing|supplying|"
        r"contributing|imposing|offering)\b)"
        r"|(?:(?:has|have|had)\s+(?:\w+\s+)?(?:spoken|talked)|(?:is|are)\s+(?:now\s+|still\s+)?"
        r"(?:speaking|talking))\s+(?:of|about)(?=\s+(?:a|an|the|its|their|sending|deploying)\b)",
        "propose",
        0.5,
    ),
    (r"contemplat(?:e|es|ed|ing)", "accept", 0.5),
    (r"consider(?:s|ed)?(?!\s+that\b)", "accept", 0.5),
    (r"lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|relax(?:es|ed|ing)?", "accept", 0.6),
    (r"(?:surrender|cede|concede)(?:s|d)?|giv(?:e|es|ing)\s+(?:away|up)", "accept", 0.5),
    (r"embrac(?:e|es|ed|ing)", "accept", 0.8),
    (r"favou?r(?:s|ed)?", "accept", 0.75),
    (r"support(?:s|ed|ing)?", "accept", 0.6),
    (
        r"back(?<!\bpush\sback)(?<!\bpushes\sback)(?<!\bpushed\sback)(?<!\bpushing\sback)"
        r"(?<!\broll\sback)(?<!\brolled\sback)(?<!\bset\sback)(?<!\bhold\sback)"
        r"(?<!\bheld\sback)(?<!\bfight\sback)(?<!\bfought\sback)(?<!\bcut\sback)"
        r"(?<!\bscale\sback)(?<!\bscaled\sback)(?<!\bturn\sback)(?<!\bturned\sback)"
        r"(?:s|ed)?(?=\s+(?:a|an|the|any|this|that|its|their|his|her|our|by)\b"
        r"|\s+[A-Z][\w.-]*['’]s\b)",
        "accept",
        0.6,
    ),
    (r"disarm(?:s|ed)?", "accept", 0.5),
    (r"endors(?:e|es|ed)", "accept", 0.8),
    (
        r"(?:(?:is|are|was|were|been|be|remains?|remained)\s+|" + _BE_CONTRACTED + r")(?:\w+\s+)?"
        r"(?:(?:ready|willing)\s+and\s+)?(?:willing|ready|prepared)\s+to",
        "accept",
        0.75,
    ),
    (
        r"(?:(?:is|are|was|were|been|be|remains?|remained)\s+|" + _BE_CONTRACTED + r")"
        r"(?:\w+\s+)?(?:ready|prepared)\s+for",
        "accept",
        0.7,
    ),
    (r"not\s+averse\s+to", "accept", 0.7),
    (r"(?:stand|stands|stood)\s+(?:ready|willing|prepared)\s+to", "accept", 0.75),
    (
        r"(?:(?:is|are|was|were|be|remains?|remained)\s+|" + _BE_CONTRACTED + r")open\s+to",
        "accept",
        0.7,
    ),
    (r"sign(?:s|ed)?(?=\s+(?:a|an|the|any|this|that)\b)", "accept", 0.6),
    (
        r"(?:will|would)\s+(?:also\s+)?(?:return|release|free|hand\s+over|repatriate|deploy|"
        r"send|guarantee|underwrite)",
        "propose",
        0.6,
    ),
    (r"recogni[sz]e[sd]?", "accept", 0.6),
    (r"reject(?:s|ed|ing)?", "reject", 0.9),
    (r"(?:is|are|was|were)\s+out\s+of\s+the\s+question", "reject", 0.85),
    (r"(?:will|would|shall)\s+(?:not|never)\s+trade|won['’]t\s+trade", "reject", 0.8),
    (r"(?:no|little|zero)\s+interest\s+in", "reject", 0.75),
    (r"(?:sees?|saw|see)\s+no\s+(?:need|place|role)\s+for", "reject", 0.7),
    (
        r"(?:is|are|was|were|remains?)\s+(?:firmly\s+)?off\s+the\s+(?:table|agenda)"
        r"|(?:is|are|was|were)\s+(?:not|no\s+longer)\s+on\s+the\s+(?:table|agenda)",
        "reject",
        0.75,
    ),
    (r"(?:is|are|was|were|remains?)\s+(?:non-|not\s+)negotiable", "demand", 0.7),
    (r"dismiss(?:es|ed)?", "reject", 0.75),
    (r"(?:is|are|was|were|remains?)\s+(?:a\s+)?non-?starters?", "reject", 0.8),
    (
        r"veto(?:es|ed)|(?:veto|block(?:s|ed)?)(?=\s+(?:a|an|the|any|new|further|its|their)\b)",
        "reject",
        0.7,
    ),
    (
        r"walk(?:s|ed)?\s+away\s+from|balk(?:s|ed)?\s+at|push(?:es|ed)?\s+back\s+(?:against|on)",
        "reject",
        0.75,
    ),
    (r"oppos(?:e|es|ed|ing)", "reject", 0.85),
    # "condemn the attempted annexation", "condemns Putin's decision to recognise ...": an
    # annexation condemned is its recognition rejected (other acts condemned are no stance)
    (
        r"condemn(?:s|ed|ing)?(?=\s+(?:[\w’'-]+\s+){0,6}?(?:annex\w*|recogni[sz]\w*|"
        r"referend\w*)\b)",
        "reject",
        0.7,
    ),
    # "criticises Western support for Ukraine's self-defence": what one criticises one opposes
    # (not a conduct criticised: "criticized Russia's approach as decorative")
    (
        r"critici[sz](?:e|es|ed|ing)(?!\s+(?:[\w'’.-]+\s+){0,2}?(?:approach|stance|position|"
        r"handling|conduct|behaviou?r|absence|remarks?|comments?|statements?|words|tone|"
        r"decision|failure|actions?|attacks?|strikes?|aggression|invasion|war)\b)",
        "reject",
        0.6,
    ),
    # "we are firmly against any freeze", "not against a ceasefire" (negated: accepts)
    (
        r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bbe\s)|(?<=\bnot\s)|"
        r"(?<=firmly\s)|(?<=strongly\s)|(?<=categorically\s)|" + _BE_CONTRACTED + r")against"
        r"(?=\s+(?:a|an|the|any|all|this|that|such|its|their|[\w-]+ing)\b)",
        "reject",
        0.7,
    ),
    (r"object(?:s|ed)?\s+(?:(?:in\s+principle|strongly|\w+ly)\s+)?to", "reject", 0.8),
    (
        r"turn(?:s|ed|ing)?\s+down|turn(?:s|ed|ing)?(?=\s+(?:it|them|this|that|these)\s+down)",
        "reject",
        0.8,
    ),
    (r"(?:is|are|was|were|be|remains?|remained)\s+(?:a\s+)?red\s+lines?", "reject", 0.8),
    (r"(?:is|are|was|were|be)\s+(?:\w+\s+)?unacceptable", "reject", 0.8),
    (r"(?:be|become|becomes|became|are|were)\s+(?:a\s+)?legitimate\s+targets?", "reject", 0.75),
    (r"refus(?:e|es|ed|ing|al)" + _NO_COMMENT, "reject", 0.85),
    (r"rul(?:e|es|ed|ing)\s+out", "reject", 0.85),
    (r"declin(?:e|es|ed)" + _NO_COMMENT, "reject", 0.7),
    (r"reluctan(?:t|ce)", "reject", 0.7),
    (r"unwilling(?:ness)?", "reject", 0.8),
    # "resisted pressure to accept", not "Ukraine has resisted" (fought back)
    (
        r"resist(?:s|ed)?(?=\s+(?:(?:any|the|all|its|their|US|American|Western|Russian)\s+)?"
        r"(?:calls?|pressure|demands?|attempts?\s+to|moves?\s+to|push|proposals?|plans?|ideas?)\b)",
        "reject",
        0.6,
    ),
    (r"refrain(?:s|ed)?\s+from", "reject", 0.7),
    (r"worr(?:y|ies|ied)\s+about", "reject", 0.5),
    (r"(?:only|solely)\s+(?:if|after|once|when|under)", "condition", 0.8),
    # "Putin's condition was that aid stop before a ceasefire": what the condition requires
    (
        r"(?:pre)?conditions?(?=\s+(?:[\w'’-]+\s+){0,4}?(?:is|was|are|were|remains?)\s+that\b)",
        "demand",
        0.7,
    ),
    (r"condition(?:s|ed)?\s+on(?!\s+(?:the\s+)?\d)", "condition", 0.85),
    # "tied a Black Sea deal to sanctions relief": what comes before "to" is conditioned on
    # what comes after, which is demanded (see stance.tied_to)
    (r"(?:tie[sd]?|tying|link(?:s|ed|ing)?)(?=\s+(?:[\w'’-]+\s+){1,8}?to\b)", "demand", 0.6),
    (r"conditional\s+(?:up)?on", "condition", 0.85),
    # "conditions a truce on X": the issue before "on" is conditioned, the one after required
    (r"condition(?:s|ed|ing)?(?=\s+(?:[\w'’-]+\s+){1,6}?(?:up)?on\b)", "condition", 0.8),
    (r"precondition", "condition", 0.6),
    (r"commit(?:s|ted)?\s+to(?!\s+\w+ing\b)", "accept", 0.7),
    # "remains committed to contributing to ...", "has committed to ending imports": to doing
    # something oneself
    (
        r"commit(?:s|ted)?\s+to(?=\s+(?:\w+ly\s+)?(?:contribut|provid|send|deliver|deploy|suppl|"
        r"fund|train|help|end|impos|increas|maintain|support|host|lead|strengthen|phas|bann|"
        r"cutt|reduc|tighten|expand|boost|build|continu|work)ing\b)",
        "propose",
        0.6,
    ),
    (r"disregard(?:s|ed)?(?:\s+for)?", "reject", 0.7),
    # "reaffirms its commitment to Ukraine's accession", "the commitment of the Union to
    # continue providing military support": what one undertakes oneself
    (
        r"(?:re)?affirm(?:s|ed|ing)?\s+(?:its|their|our|his|her|the)\s+(?:\w+\s+)?commitments?"
        r"(?=(?:\s+of(?:\s+[\w'’-]+){1,6}?)?\s+to\b)",
        "propose",
        0.6,
    ),
    (
        r"(?:(?:will|shall|must|would)\s+|(?<=['’]ll\s))(?:also\s+)?(?:keep|continue)"
        r"(?!\s+(?:to\s+)?(?:reject|oppose|"
        r"refuse|resist|demand|insist|call|push|press|seek|urge|object|rule|work|talk|try|"
        r"engag|look|discuss)\w*)(?:\s+to)?",
        "propose",
        0.6,
    ),
    (r"agree(?:s|d)?\s+(?:\w+\s+){0,6}?that(?=\s+(?!we\b|they\b|it\b))", "propose", 0.6),
    (r"bind(?:s|ing)?\s+(?:[\w'’-]+\s+){0,3}?to", "demand", 0.75),
    (r"requir(?:e|es|ed|ing)", "demand", 0.6),
    (
        r"call(?:s|ed|ing)?\s+(?:(?:once\s+)?again\s+|also\s+|today\s+|now\s+|jointly\s+|"
        r"repeatedly\s+|publicly\s+)?(?:up)?on\s+(?:[\w'’-]+\s+){1,4}?to",
        "demand",
        0.8,
    ),
    (r"welcom(?:e|es|ed)", "accept", 0.7),
    # "thanked Washington for the resumption of military aid": welcomes it
    (r"thank(?:s|ed|ing)?\s+(?:[\w'’.-]+\s+){1,3}?for(?!\s+(?:hosting|the\s+call))", "accept", 0.6),
    # "Ukraine's readiness to agree to a ceasefire", "signalled its willingness to ..."
    (r"(?:readiness|willingness|preparedness)\s+(?:to|for)", "accept", 0.7),
    (r"pledg(?:e|es|ed)", "propose", 0.7),
    # "we are the biggest provider of military aid": the giver
    (
        r"(?:biggest|largest|leading|major|main|top|second-largest|greatest)\s+(?:single\s+)?"
        r"(?:provider|supplier|donor|contributor|supporter)s?\s+of",
        "propose",
        0.6,
    ),
    # "the US paused military aid and intelligence sharing": aid withheld
    (
        r"(?:paus|suspend|halt|freez|stopp|withh[eo]ld|cut(?:s|ting)?\s+off)(?:e|es|ed|ing|s)?"
        r"(?=\s+(?:(?:all|its|their|the|further|US|U\.S\.|American|new)\s+){0,2}(?:military\s+aid|"
        r"military\s+assistance|weapons|arms\s+(?:deliveries|shipments|supplies)|deliveries|"
        r"shipments|security\s+assistance)\b)",
        "reject",
        0.7,
    ),
    # "helping Ukraine to defend itself": aid given
    (
        r"help(?:s|ed|ing)?(?=\s+(?:[\w’'-]+\s+){1,3}?(?:to\s+)?(?:defend|protect)\s+"
        r"(?:itself|themselves|its|their)\b)",
        "propose",
        0.5,
    ),
    # "announced two unilateral 'pauses'", "announced a truce": a truce offered
    (
        r"announc(?:e|es|ed|ing)(?=\s+(?:[\w’'‘,-]+\s+){0,4}?[‘'\"“]?(?:truces?|cease-?fires?|"
        r"pauses?|moratorium)\b)",
        "propose",
        0.6,
    ),
    (r"maintain(?:s|ed|ing)?(?=\s+(?:our|its|their|the|all|existing|current)\b)", "propose", 0.6),
    (r"adopt(?:s|ed)?(?=\s+(?:[\w-]+\s+){0,4}?(?:sanctions|package))", "propose", 0.6),
    (
        r"(?:announc|unveil|introduc)(?:e|es|ed)(?=\s+(?:[\w-]+\s+){0,4}?(?:sanctions|package))",
        "propose",
        0.6,
    ),
    # "is preparing a further package of sanctions", "is working on its next sanctions package"
    (
        r"(?:prepar(?:e|es|ed|ing)|work(?:s|ed|ing)?\s+on|draw(?:s|ing)?\s+up|drew\s+up|"
        r"finali[sz](?:e|es|ed|ing))(?=\s+(?:[\w-]+\s+){0,4}?(?:sanctions|package)\b)",
        "propose",
        0.6,
    ),
    (r"impos(?:e|es|ed)", "propose", 0.6),
    (
        r"(?:provid|deliver|committ?|resum|announc)(?:e|es|ed|s|ing)?(?=\s+(?:[\w£$€,.-]+\s+){0,9}?"
        r"(?:military|weapons|arms|air|security\s+assistance))",
        "propose",
        0.5,
    ),
    # "to provide lethal aid", "provide security, economic and humanitarian support"
    (
        r"(?:provid|deliver)(?:e|es|ed|s|ing)?(?=\s+(?:[\w£$€,.-]+\s+){0,6}?(?:lethal|aid|"
        r"assistance|ammunition|equipment|training|security)\b)",
        "propose",
        0.5,
    ),
    # "has given £7.8 billion-worth of military assistance", "contributed £40 million to the
    # assistance package", "gifted tanks": aid given
    (
        r"(?:giv(?:e|es|en|ing)|gave|contribut(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|"
        r"suppl(?:y|ies|ied|ying)|sen(?:d|ds|t|ding)|gift(?:s|ed|ing)?)(?=\s+(?:[\w£$€,.’'-]+\s+)"
        r"{0,9}?(?:military|weapons|arms|air\s+defen[cs]e|ammunition|missiles|tanks|assistance|"
        r"equipment)\b)",
        "propose",
        0.5,
    ),
    # "we have trained over 6,000 Ukrainian recruits": training given
    (
        r"train(?:s|ed|ing)?(?=\s+(?:[\w,.’'-]+\s+){0,4}?(?:recruits|soldiers|troops|personnel|"
        r"pilots|forces|servicemen|crews|marines)\b)",
        "propose",
        0.5,
    ),
    (
        r"sanction(?:s|ed)?(?=\s+(?:more|over|further|new|\d|those|individuals|entities|Russia|Russian|the|"
        r"hundreds|dozens|thousands|many|several))",
        "propose",
        0.6,
    ),
    (
        r"(?:is|are|was|were)\s+(?:an?\s+)?unrealistic|(?:is|are|was|were)\s+not\s+(?:an?\s+)?realistic",
        "reject",
        0.7,
    ),
)
