"""The claim reader's rules, one small function each: stance cues (:mod:`.cues`), the agent of
a cue (:mod:`.agency`), the issues in its object (:mod:`.scope`) and the stance it gives
(:mod:`.stance`). :class:`pourparler.evidence.extract.Extractor` applies them sentence by
sentence."""
