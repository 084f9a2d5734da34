"""Tone: of each sentence, of each side's own words, and of the coverage about it.

Two things users must not confuse:

* **voice tone**: the sentiment of what a side's speakers are reported to say, scored on the
  attributed content of each statement, per sentence (:func:`voice_tone`);
* **coverage tone**: the sentiment of the outlet's own words toward a side. By default it is
  target-dependent: each mention of a side's actor outside quotation marks is scored on the
  words that bear on it (its clause, what is predicated of it, negation, contrast) by
  biaskit's tone model (:func:`coverage_tone`, :mod:`biaskit.tone.model`); ``method="sentence"``
  keeps the earlier definition, VADER over each narrator sentence.

How far these agree with human coders is measured on NewsMTSC by
:mod:`biaskit.tone.validity` (``benchmarks/bench_tone_validity.py``); the figures are in the
README. VADER was built for social media: news about violence scores negative whatever its
stance ("Russia denies bombing civilians in Syria" scores -0.42 although it is a denial).

Any scorer can replace VADER (``scorer=``, ``--tone-scorer module:function``): a callable
mapping a list of texts to scores in [-1, 1] (:mod:`biaskit.tone.scoring`). Thresholds are
VADER's documented ones: compound >= 0.05 positive, <= -0.05 negative, neutral in between.

References:
    Hutto, C. J. and Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
    analysis of social media text. ICWSM.
    Hamborg, F. and Donnay, K. (2021). NewsMTSC: A dataset for (multi-)target-dependent
    sentiment classification in political news articles. EACL.
"""

from biaskit.tone.coverage import METHODS, coverage_tone, narrator_text
from biaskit.tone.scoring import (
    _ANALYZER,
    NEGATIVE,
    PIECE_WORDS,
    POSITIVE,
    SCORES,
    Scorer,
    clear_caches,
    pieces,
    polarity,
    resolve_scorer,
    score_texts,
    tone_label,
    tone_settings,
)
from biaskit.tone.spans import target_tone
from biaskit.tone.tables import (
    document_tone,
    sentence_tone,
    side_tone,
    summarise_tone,
    voice_tone,
)

__all__ = ["METHODS", "NEGATIVE", "PIECE_WORDS", "POSITIVE", "SCORES", "Scorer", "_ANALYZER",
           "clear_caches", "coverage_tone", "document_tone", "narrator_text", "pieces",
           "polarity", "resolve_scorer", "score_texts", "sentence_tone", "side_tone",
           "summarise_tone", "target_tone", "tone_label", "tone_settings", "voice_tone"]
