"""A synthetic corpus for benchmarks: bundled articles' paragraphs shuffled and recombined.

Each article takes a headline and standfirst from one bundled article and body paragraphs
drawn from all of them until it reaches its word length (normal around ``words``, as news
articles vary), so the text is realistic news prose with the bundled quotes, verbs and hedges.
The same seed gives the same corpus.

The bundled articles hold about a hundred distinct sentences, so recombined paragraphs repeat
each of them thousands of times, and every per-text cache (VADER's, the syllable counts) then
answers almost every call, which no real corpus allows. By default one word of each sentence
is therefore swapped for another word of the bundled text, which keeps the sentence's quotes,
verbs, names and length but makes it distinct; ``distinct=False`` gives the plain
recombination (text repeated as in heavy syndication).

>>> frame = synthetic_frame(3, seed=1)        # doctest: +SKIP
>>> list(frame.columns)[:3]                   # doctest: +SKIP
['doc_id', 'source', 'date']
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from biaskit import load_corpus
from biaskit.corpus.document import count_words

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpora" / "syria-2015"
# A plain lower-case word of five or more letters: never a name, and too long to be most of
# the function words the extractor's rules look for.
_PLAIN_WORD = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+")


def synthetic_frame(n: int, *, words: int = 600, seed: int = 0, start: int = 0,
                    distinct: bool = True) -> pd.DataFrame:
    """``n`` articles as a corpus table (the columns :func:`biaskit.corpus_from_frame` reads).

    ``start`` numbers the first article, so that chunks built separately have distinct ids.
    ``distinct`` swaps one plain word of each sentence (see the module docstring).
    """
    bundled = list(load_corpus(BUNDLED))
    paragraphs = [p for doc in bundled for p in doc.paragraphs]
    lengths = np.array([count_words(p) for p in paragraphs])
    sources = sorted({doc.source for doc in bundled})
    vocabulary = sorted({w for doc in bundled for w in _PLAIN_WORD.findall(doc.text)})
    rng = np.random.default_rng([seed, start])
    rows = []
    for number in range(start, start + n):
        lead = bundled[rng.integers(len(bundled))]
        target = max(150, int(rng.normal(words, words / 5)))
        order = rng.permutation(len(paragraphs))
        total = np.cumsum(lengths[order])
        chosen = [paragraphs[i] for i in order[: int(np.searchsorted(total, target)) + 1]]
        if distinct:
            chosen = [_vary(paragraph, vocabulary, rng) for paragraph in chosen]
        rows.append({
            "doc_id": f"syn{number:07d}",
            "source": sources[rng.integers(len(sources))],
            "date": "2015-10-01",
            "title": lead.title,
            "standfirst": lead.standfirst,
            "text": "\n\n".join(chosen),
        })
    return pd.DataFrame(rows)


def _vary(paragraph: str, vocabulary: list[str], rng: np.random.Generator) -> str:
    """The paragraph with one plain word of each sentence replaced by a random one."""
    pieces = []
    position = 0
    for end in [m.end() for m in _SENTENCE_END.finditer(paragraph)] + [len(paragraph)]:
        sentence = paragraph[position:end]
        plain = list(_PLAIN_WORD.finditer(sentence))
        if plain:
            word = plain[rng.integers(len(plain))]
            sentence = (sentence[:word.start()] + vocabulary[rng.integers(len(vocabulary))]
                        + sentence[word.end():])
        pieces.append(sentence)
        position = end
    return "".join(pieces)


def write_parts(folder: Path, n: int, *, per_file: int = 5000, words: int = 600,
                seed: int = 0) -> list[Path]:
    """``n`` synthetic articles as Parquet files of ``per_file`` articles each (a partitioned
    corpus, as a distributed run reads it)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for start in range(0, n, per_file):
        path = folder / f"part-{start // per_file:05d}.parquet"
        synthetic_frame(min(per_file, n - start), words=words, seed=seed,
                        start=start).to_parquet(path, index=False)
        paths.append(path)
    return paths
