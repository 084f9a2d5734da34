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


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def mention_context(text: str, start: int, end: int,
                    cut: Sequence[tuple[int, int]] = ()) -> Context:
    """The context of the mention ``text[start:end]``; words inside the ``cut`` spans (sorted
    (start, end) pairs, for example quotations) are left out of it."""
    low, high = max(0, start - 40 * REACH), min(len(text), end + 40 * REACH)
    tokens = [(a + low, b + low, w) for a, b, w in _tokens(text[low:high])]
    starts = [a for a, _, _ in tokens]
    first = bisect_left(starts, start)
    last = max(first, bisect_left(starts, end))  # tokens [first, last) are the mention
    cut_starts = [a for a, _ in cut]

    def kept(i: int) -> bool:
        j = bisect_right(cut_starts, tokens[i][0]) - 1
        return not (j >= 0 and cut[j][0] <= tokens[i][0] < cut[j][1])

    def is_stop(i: int) -> bool:
        word = tokens[i][2]
        return word in _STOPS or word.lower() in _OPENERS

    left_edge = first
    while left_edge > 0 and first - left_edge < REACH and not is_stop(left_edge - 1):
        left_edge -= 1
    right_edge = last
    while right_edge < len(tokens) and right_edge - last < REACH and not is_stop(right_edge):
        right_edge += 1
    near = range(max(0, first - REACH), min(len(tokens), last + REACH))
    words = {i: tokens[i][2] for i in near if kept(i)}

    def joined(indices: range) -> str:
        return " ".join(words[i] for i in indices if i in words)

    lower = {i: w.lower() for i, w in words.items()}
    clause = [i for i in range(left_edge, right_edge) if i in words and not first <= i < last]
    predicate = range(last, min(right_edge, last + PREDICATE))
    before_words = [lower[i] for i in range(max(0, first - REACH), first) if i in lower]
    after_words = [lower[i] for i in range(last, min(len(tokens), last + REACH)) if i in lower]
    clause_lower = [lower[i] for i in clause]
    flags = {
        "negated_clause": float(any(w in _NEGATORS for w in clause_lower)),
        "contrast_before": float(any(w in _CONTRAST for w in before_words)),
        "contrast_after": float(any(w in _CONTRAST for w in after_words)),
        "clause_start": float(left_edge == first),
        "sentence_start": float(first == 0),
        "possessive": float(last < len(tokens) and tokens[last][2] in {"'s", "’s", "'", "’"}
                            or text[end:end + 2] in {"'s", "’s"}),
        "passive_by": float("by" in before_words[-3:]),
        "cut": float(not any(i in words for i in range(first, last))),
    }
    negators = [i for i, word in lower.items() if word in _NEGATORS]
    distances = []
    for i, word in lower.items():
        if first <= i < last:
            continue
        distance = first - i if i < first else i - last + 1
        negated = any(i - 3 <= j < i for j in negators)  # one of the three words before
        distances.append((word, distance, negated))
    return Context(
        clause=" ".join(words[i] for i in clause),
        predicate=joined(predicate),
        left=joined(range(left_edge, first)),
        window=" ".join(words[i] for i in range(max(0, first - WINDOW), last + WINDOW)
                        if i in words and not first <= i < last),
        sentence=" ".join(words[i] for i in near if i in words and not first <= i < last),
        clause_words=tuple(clause_lower),
        predicate_words=tuple(lower[i] for i in predicate if i in lower)[:3],
        before=lower.get(first - 1, ""),
        flags=flags,
        distances=tuple(distances))


def context_text(text: str, start: int, end: int,
                 cut: Sequence[tuple[int, int]] = ()) -> str:
    """The text a plain scorer is given for a mention: the words of its clause, without the
    mention itself (the whole window around it when the clause is empty)."""
    context = mention_context(text, start, end, cut)
    return context.clause or context.window


#: The contexts whose VADER score is a feature, by name.
SCORED = ("clause", "predicate", "left", "window", "sentence")


def target_features(context: Context, compound: Callable[[str], float],
                    lexicon: dict[str, float]) -> dict[str, float]:
    """The tone model's features of one mention's context: ``compound`` scores a text
    (VADER's compound), ``lexicon`` maps a word to VADER's valence."""
    features: dict[str, float] = {"bias": 1.0, **context.flags}
    for name in SCORED:
        value = compound(getattr(context, name)) if getattr(context, name) else 0.0
        features[f"vader_{name}_pos"] = max(value, 0.0)
        features[f"vader_{name}_neg"] = min(value, 0.0)
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
