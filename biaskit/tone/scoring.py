"""Scoring texts: VADER by default or any scorer a user plugs in, in bounded pieces, cached.

A **scorer** is any callable that maps a list of texts to as many scores in [-1, 1] (a
transformer classifier wrapped by its user, say). Give one as the callable itself or as
``"module:function"`` (what ``--tone-scorer`` takes on the command line); ``None`` or
``"vader"`` is VADER's compound.

Every text is scored in **bounded pieces**: a text longer than :data:`PIECE_WORDS` words is
split into its sentences (biaskit's sentence splitter), and a sentence longer than that into
runs of that many words. VADER's time grows with the
square of a text's length and its compound saturates towards ±1 on long text, so a piece is
short enough for both; a text's score is the mean of its pieces' scores weighted by their
number of words (a text of one piece scores exactly what VADER gives it). Scores are cached
per scorer and distinct piece (syndicated copy repeats sentences), and each scorer is called
once per batch with the pieces it has not seen.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import repeat

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from biaskit.corpus.sentences import split_sentences
from biaskit.errors import InputError

POSITIVE, NEGATIVE = 0.05, -0.05
SCORES = ("neg", "neu", "pos", "compound")
#: The longest piece VADER (or a plugged-in scorer) is given, in words.
PIECE_WORDS = 60
_ANALYZER = SentimentIntensityAnalyzer()  # loads VADER's lexicon from its package, offline
#: VADER's word valences, the lexicon the tone model reads.
LEXICON: dict[str, float] = _ANALYZER.lexicon
_CACHE_LIMIT = 200_000

Scorer = Callable[[list[str]], Sequence[float]]


def pieces(text: str) -> list[str]:
    """The bounded pieces a text is scored in: the text itself up to :data:`PIECE_WORDS`
    words; else its sentences, long ones cut every :data:`PIECE_WORDS` words (whitespace
    closed up). Linear in the text's length.

    >>> pieces("It rained. Then it stopped.")
    ['It rained. Then it stopped.']
    >>> len(pieces("Rain. " * 61))
    61
    """
    if len(text.split(maxsplit=PIECE_WORDS)) <= PIECE_WORDS:
        return [text]
    found = []
    for start, end in split_sentences(text):
        words = text[start:end].split()
        for i in range(0, len(words), PIECE_WORDS):
            found.append(" ".join(words[i:i + PIECE_WORDS]))
    return found


@lru_cache(maxsize=_CACHE_LIMIT)
def _vader_piece(piece: str) -> tuple[float, float, float, float]:
    scores = _ANALYZER.polarity_scores(piece)
    return scores["neg"], scores["neu"], scores["pos"], scores["compound"]


def _weighted(scored: list[tuple[tuple[float, ...], int]]) -> tuple[float, ...]:
    """Word-weighted mean of each score of a text's pieces."""
    if len(scored) == 1:
        return scored[0][0]
    total = sum(words for _, words in scored)
    return tuple(round(sum(s[i] * words for s, words in scored) / total, 4)
                 for i in range(len(scored[0][0])))


@lru_cache(maxsize=_CACHE_LIMIT)
def polarity(text: str) -> tuple[float, float, float, float]:
    """VADER's (neg, neu, pos, compound) for a text, in bounded pieces, cached per text.

    >>> polarity("Russia denies bombing civilians in Syria")[3]
    -0.4215
    """
    parts = pieces(text)
    if not parts:
        return _vader_piece(text)
    return _weighted([(_vader_piece(p), len(p.split())) for p in parts])  # type: ignore


_PUNCTUATION = "".join(chr(c) for c in range(33, 127) if not chr(c).isalnum())
_WORDS = LEXICON.keys()


def compound(text: str) -> float:
    """VADER's compound of a text (as :func:`polarity`), with no VADER call for a text none
    of whose words is in VADER's lexicon: its compound is 0.0 (VADER gives a word outside the
    lexicon no valence, and boosters, negations and idioms only modify a lexicon word's)."""
    if text.isascii():
        words = text.lower().split()
        # No word, nor a word stripped of punctuation, in the lexicon (set tests, in C).
        if _WORDS.isdisjoint(words) and _WORDS.isdisjoint(
                map(str.strip, words, repeat(_PUNCTUATION))):
            return 0.0
    return polarity(text)[3]


def tone_label(compound: float) -> str:
    """positive, negative or neutral under VADER's thresholds."""
    return "positive" if compound >= POSITIVE else "negative" if compound <= NEGATIVE \
        else "neutral"


def resolve_scorer(scorer: Scorer | str | None) -> tuple[str, Scorer | None]:
    """(name, callable) of a scorer: ``(\"vader\", None)`` for VADER, the callable itself for
    a callable, the imported function for ``"module:function"``.

    Raises:
        InputError: when the module or function cannot be imported, or is not callable.
    """
    if scorer is None or scorer == "vader":
        return "vader", None
    if callable(scorer):
        name = f"{getattr(scorer, '__module__', '?')}:{getattr(scorer, '__qualname__', '?')}"
        return name, scorer
    module_name, _, function_name = str(scorer).partition(":")
    hint = ("Give the scorer as module:function, a function taking a list of texts and "
            "returning as many scores in [-1, 1], importable from where biaskit runs")
    if not module_name or not function_name:
        raise InputError(f"tone scorer {scorer!r} is not module:function", hint=hint)
    try:
        found = getattr(importlib.import_module(module_name), function_name)
    except (ImportError, AttributeError) as error:
        raise InputError(f"tone scorer {scorer!r} cannot be imported: {error}",
                         hint=hint) from None
    if not callable(found):
        raise InputError(f"tone scorer {scorer!r} is not callable", hint=hint)
    return str(scorer), found


_CACHES: dict[Scorer, dict[str, float]] = {}  # per scorer function: two lambdas share a name


def score_texts(texts: Sequence[str], scorer: Scorer | str | None = None
                ) -> list[tuple[float, float, float, float]]:
    """(neg, neu, pos, compound) of each text, in bounded pieces, with ``scorer``: VADER's
    four scores, or NaN, NaN, NaN and the scorer's score for a plugged-in one.

    Raises:
        InputError: when the scorer returns the wrong number of scores, or one that is not
            a number in [-1, 1].
    """
    name, function = resolve_scorer(scorer)
    if function is None:
        return [polarity(text) for text in texts]
    cache = _CACHES.setdefault(function, {})
    split = [pieces(text) or [text] for text in texts]
    missing = sorted({p for parts in split for p in parts if p not in cache})
    if missing:
        found = list(function(missing))
        if len(found) != len(missing):
            raise InputError(f"tone scorer {name} returned {len(found)} scores for "
                             f"{len(missing)} texts",
                             hint="A scorer returns one score per text, in order")
        if len(cache) + len(missing) > _CACHE_LIMIT:
            cache.clear()
        for piece, value in zip(missing, found, strict=True):
            cache[piece] = _checked(name, piece, value)
    nan = math.nan
    return [(nan, nan, nan, _weighted([((cache[p],), len(p.split()) or 1) for p in parts])[0])
            for parts in split]


def _checked(name: str, piece: str, value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if not -1.0 <= number <= 1.0:
        raise InputError(f"tone scorer {name} gave {value!r} for {piece[:60]!r}",
                         hint="A scorer's scores are numbers from -1 to 1")
    return number


def tone_settings(scorer: Scorer | str | None = None, coverage_method: str = "target"
                  ) -> dict[str, str]:
    """What a result records of how its tone was scored: the scorer's name ("default" for
    biaskit's: VADER, and its tone model for target-dependent coverage tone) and coverage
    tone's method."""
    return {"scorer": resolve_scorer(scorer)[0] if scorer is not None else "default",
            "coverage_method": coverage_method}


def clear_caches() -> None:
    """Forget every cached score (of VADER and of each plugged-in scorer)."""
    polarity.cache_clear()
    _vader_piece.cache_clear()
    _CACHES.clear()
