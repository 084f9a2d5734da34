"""Target-dependent tone: the words of a sentence that bear on one mention of an actor.

For a mention (a character span of a sentence) this module finds its context: the clause that
holds it (cut at punctuation and at clause-opening words such as "but", "although", "who"),
what is predicated of it (the words after it in that clause), the words before it, and a few
words either side. The mention's own words are left out of every context ("Liberty
University" is not praise of itself). Each context is a bounded number of words, so a mention
in a 1 MB sentence costs what a mention in a short one does.

:func:`target_features` turns these contexts into the features of biaskit's tone model
(:mod:`biaskit.tone.model`): VADER's score of each context, VADER's lexicon values near the
mention with negation applied, negation and contrast flags, where the mention stands, and
the words of its clause and predicate. :func:`context_text` is the text a plain scorer
(VADER, or a scholar's own) is given for the mention.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from vaderSentiment.vaderSentiment import NEGATE

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
#: Punctuation that ends a clause.
_STOPS = frozenset(",;:—–()[]?!\"“”")
#: Words that open a new clause: what comes after them bears on another subject or turns.
_OPENERS = frozenset("""but although though while whereas however yet because since unless
despite whom who which whose whereby and or nor so""".split())
_CONTRAST = frozenset("but however although though yet whereas despite nevertheless".split())
_NEGATORS = frozenset(word.replace("'", "") for word in NEGATE) | frozenset(NEGATE) | {
    "no", "not", "never", "without", "nobody", "none", "nothing", "neither", "nor"}
#: How far a context reaches from the mention, in words: bounded, so the cost is too.
REACH = 25
WINDOW = 6
PREDICATE = 10


@dataclass(frozen=True)
class Context:
    """The words around one mention: token lists (lower-cased) and the texts a scorer reads."""

    clause: str
    predicate: str
    left: str
    window: str
    sentence: str
    clause_words: tuple[str, ...]
    predicate_words: tuple[str, ...]
    before: str  # the word just before the mention ('' at the start)
    flags: dict[str, float]
    distances: tuple[tuple[str, int, bool], ...]  # (word, distance, negated) within REACH


class _Tokens:
    """The tokens of a text (from offset ``low`` of the text a mention is in) and what every
    mention's context reads of each: its start, its word and lower case, whether it is
    outside every cut span (``kept``) and whether it ends a clause (``stop``)."""

    __slots__ = ("starts", "words", "lower", "kept", "stop")

    def __init__(self, text: str, low: int, cut: Sequence[tuple[int, int]]):
        matches = list(_TOKEN.finditer(text))
        self.starts = [m.start() + low for m in matches]
        self.words = [m.group() for m in matches]
        self.lower = [word.lower() for word in self.words]
        cut_starts = [a for a, _ in cut]
        self.kept = [True] * len(matches) if not cut else [
            not (j >= 0 and cut[j][0] <= a < cut[j][1])
            for a, j in ((a, bisect_right(cut_starts, a) - 1) for a in self.starts)]
        self.stop = [word in _STOPS or lower in _OPENERS
                     for word, lower in zip(self.words, self.lower, strict=True)]


#: The last text tokenised whole, with its cut spans: (text, cut, tokens). The mentions of one
#: sentence come one after another, and each then reuses its tokens.
_LAST: tuple = ("", (), None)


def _tokenised(text: str, start: int, end: int, cut: Sequence[tuple[int, int]]) -> _Tokens:
    """The tokens a mention's context is read from: those of the text within ``40 * REACH``
    characters of it (so that the cost is bounded), or of the whole text when that is all of
    it, shared by the text's mentions."""
    global _LAST
    low, high = max(0, start - 40 * REACH), min(len(text), end + 40 * REACH)
    if low > 0 or high < len(text):
        return _Tokens(text[low:high], low, cut)
    spans = tuple((a, b) for a, b in cut)
    last_text, last_cut, tokens = _LAST
    if (last_text is text or last_text == text) and last_cut == spans:
        return tokens
    tokens = _Tokens(text, 0, spans)
    _LAST = (text, spans, tokens)
    return tokens


def mention_context(text: str, start: int, end: int,
                    cut: Sequence[tuple[int, int]] = ()) -> Context:
    """The context of the mention ``text[start:end]``; words inside the ``cut`` spans (sorted
    (start, end) pairs, for example quotations) are left out of it."""
    found = _tokenised(text, start, end, cut)
    starts, words, lower, kept, stop = found.starts, found.words, found.lower, found.kept, \
        found.stop
    n = len(starts)
    first = bisect_left(starts, start)
    last = max(first, bisect_left(starts, end))  # tokens [first, last) are the mention
    left_edge = first
    while left_edge > 0 and first - left_edge < REACH and not stop[left_edge - 1]:
        left_edge -= 1
    right_edge = last
    while right_edge < n and right_edge - last < REACH and not stop[right_edge]:
        right_edge += 1
    low, high = max(0, first - REACH), min(n, last + REACH)
    near = [i for i in range(low, high) if kept[i]]  # the words within reach, in order
    before, after = near[:bisect_left(near, first)], near[bisect_left(near, last):]
    around = before + after  # ... but the mention's own
    clause = around[bisect_left(around, left_edge):bisect_left(around, right_edge)]
    predicate = range(last, min(right_edge, last + PREDICATE))
    before_words = [lower[i] for i in before]
    after_words = [lower[i] for i in after]
    clause_lower = [lower[i] for i in clause]
    flags = {
        "negated_clause": float(not _NEGATORS.isdisjoint(clause_lower)),
        "contrast_before": float(not _CONTRAST.isdisjoint(before_words)),
        "contrast_after": float(not _CONTRAST.isdisjoint(after_words)),
        "clause_start": float(left_edge == first),
        "sentence_start": float(first == 0),
        "possessive": float(last < n and words[last] in {"'s", "’s", "'", "’"}
                            or text[end:end + 2] in {"'s", "’s"}),
        "passive_by": float("by" in before_words[-3:]),
        "cut": float(not any(kept[i] for i in range(first, last))),
    }
    # A word is negated when one of the three words before it is a negator.
    negated = {i + k for i in near if lower[i] in _NEGATORS for k in (1, 2, 3)}
    distances = tuple([(lower[i], first - i, i in negated) for i in before]
                      + [(lower[i], i - last + 1, i in negated) for i in after])
    kept_predicate = [i for i in predicate if kept[i]]
    return Context(
        clause=" ".join([words[i] for i in clause]),
        predicate=" ".join([words[i] for i in kept_predicate]),
        left=" ".join([words[i] for i in before if i >= left_edge]),
        window=" ".join([words[i] for i in around[bisect_left(around, first - WINDOW):
                                                   bisect_left(around, last + WINDOW)]]),
        sentence=" ".join([words[i] for i in around]),
        clause_words=tuple(clause_lower),
        predicate_words=tuple([lower[i] for i in kept_predicate[:3]]),
        before=lower[first - 1] if first > 0 and kept[first - 1] else "",
        flags=flags,
        distances=distances)


def context_text(text: str, start: int, end: int,
                 cut: Sequence[tuple[int, int]] = ()) -> str:
    """The text a plain scorer is given for a mention: the words of its clause, without the
    mention itself (the whole window around it when the clause is empty)."""
    context = mention_context(text, start, end, cut)
    return context.clause or context.window


#: The contexts whose VADER score is a feature, by name.
SCORED = ("clause", "predicate", "left", "window", "sentence")
_SCORED_FEATURES = tuple((name, f"vader_{name}_pos", f"vader_{name}_neg") for name in SCORED)


def target_features(context: Context, compound: Callable[[str], float],
                    lexicon: dict[str, float]) -> dict[str, float]:
    """The tone model's features of one mention's context: ``compound`` scores a text
    (VADER's compound), ``lexicon`` maps a word to VADER's valence."""
    features: dict[str, float] = {"bias": 1.0, **context.flags}
    for name, positive_name, negative_name in _SCORED_FEATURES:
        text = getattr(context, name)
        value = compound(text) if text else 0.0
        features[positive_name] = max(value, 0.0)
        features[negative_name] = min(value, 0.0)
    positive = negative = 0.0
    for word, distance, negated in context.distances:
        value = lexicon.get(word, 0.0)
        if not value:
            continue
        value = -0.74 * value if negated else value  # VADER's own negation scalar
        weight = 1.0 / math.sqrt(distance)
        if value > 0:
            positive += weight * value
        else:
            negative += weight * value
    features["lexicon_pos"] = positive / 4.0
    features["lexicon_neg"] = negative / 4.0
    for word in set(context.clause_words):
        features[f"clause={word}"] = 1.0
    for word in context.predicate_words:
        features[f"predicate={word}"] = 1.0
    if context.before:
        features[f"before={context.before}"] = 1.0
    return features
