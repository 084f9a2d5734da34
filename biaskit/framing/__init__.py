"""Analyse how it is told: codebook claims (:mod:`~biaskit.framing.claims`), presentation
cues and stance markers (:mod:`~biaskit.framing.cues`) and frames
(:mod:`~biaskit.framing.frames`)."""
