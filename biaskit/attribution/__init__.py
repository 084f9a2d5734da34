"""Analyse who speaks: quotation spans (:mod:`~biaskit.attribution.quotes`), name mentions
(:mod:`~biaskit.attribution.mentions`), speakers (:mod:`~biaskit.attribution.speakers`),
reporting cues (:mod:`~biaskit.attribution.reporting_verbs`), the attribution forms
(:mod:`~biaskit.attribution.extractor`, built on :mod:`~biaskit.attribution.pieces`), the
attribution table (:mod:`~biaskit.attribution.records`) and its balance per side
(:mod:`~biaskit.attribution.balance`)."""
