"""Generic news frames scored from transparent lexicons, each score with its evidence.

The five generic frames of Semetko and Valkenburg (2000), conflict, human_interest,
responsibility, morality and economic, plus three this kind of story needs: legal
(international and humanitarian law), military (military and security) and diplomacy
(diplomacy and the peace process). Terms are in ``biaskit/data/frames.csv``; a codebook's
``frames`` key adds terms or replaces a frame's list (docs/guide/report.md, 'Frames').

A score is the number of term matches per 100 words of the text scored. It says how much a
frame's vocabulary is present, not whether the article argues within that frame: "strike"
counts for military whether the article reports or disputes the strike. Compare scores
between outlets covering the same event, not across topics.

References:
    Semetko, H. A. and Valkenburg, P. M. (2000). Framing European politics: a content analysis
    of press and television news. Journal of Communication 50(2), 93-109.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from biaskit.codebook import Codebook
from biaskit.corpus.document import Document, count_words
from biaskit.corpus.sentences import document_sentences
from biaskit.framing.cues import document_lowered
from biaskit.lexicons import TermMatcher, read_lexicon

FRAMES = ("conflict", "human_interest", "responsibility", "morality", "economic", "legal",
          "military", "diplomacy")


def frame_matcher(codebook: Codebook | None = None) -> TermMatcher:
    """The shipped frame lexicon with the codebook's additions and replacements applied."""
    terms: dict[str, list[str]] = {}
    for row in read_lexicon("frames.csv"):
        terms.setdefault(row["frame"], []).append(row["term"])
    for frame, change in (codebook.frames if codebook else {}).items():
        if change.replace:
            terms[frame] = list(change.terms)
        else:
            terms.setdefault(frame, []).extend(change.terms)
    return TermMatcher((term, frame) for frame, words in terms.items() for term in words)


def frame_hits(documents: Iterable[Document], codebook: Codebook | None = None) -> pd.DataFrame:
    """Every frame term found: doc_id, source, frame, term, start, end, text, sentence."""
    matcher = frame_matcher(codebook)
    rows = []
    for doc in documents:
        places = matcher.word_starts(document_lowered(doc))
        rows += [(doc.doc_id, doc.source, hit.kind, hit.term, hit.start, hit.end, hit.text,
                  sentence.index) for sentence in document_sentences(doc)
                 for hit in matcher.find(doc.text, sentence.start, sentence.end, places)]
    return pd.DataFrame(rows, columns=["doc_id", "source", "frame", "term", "start", "end",
                                       "text", "sentence"])


def frame_scores(documents: Iterable[Document], codebook: Codebook | None = None
                 ) -> pd.DataFrame:
    """Document x frame: hits, score (hits per 100 words), the number of sentences that
    triggered the frame, and the evidence (each trigger with its sentence index)."""
    documents = list(documents)
    matcher = frame_matcher(codebook)
    # Per doc_id, each frame's triggers as (text, sentence index), in text order.
    found: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for doc in documents:
        by_frame = found.setdefault(doc.doc_id, {})
        places = matcher.word_starts(document_lowered(doc))
        for sentence in document_sentences(doc):
            for frame, text in matcher.find_kinds(doc.text, sentence.start, sentence.end,
                                                  places):
                by_frame.setdefault(frame, []).append((text, sentence.index))
    kinds = {frame for by_frame in found.values() for frame in by_frame}
    frames = sorted(set(FRAMES) | kinds | set(codebook.frames if codebook else ()),
                    key=lambda f: (f not in FRAMES, FRAMES.index(f) if f in FRAMES else 0, f))
    rows = []
    for doc in documents:
        words = max(doc.n_words, 1)
        for frame in frames:
            triggers = found[doc.doc_id].get(frame, [])
            rows.append((doc.doc_id, doc.source, frame, len(triggers),
                         100 * len(triggers) / words, len({s for _, s in triggers}),
                         "; ".join(f'"{t}" (s{s})' for t, s in triggers)))
    return pd.DataFrame(rows, columns=["doc_id", "source", "frame", "hits", "score",
                                       "sentences", "evidence"])


def side_frame_scores(attributions: pd.DataFrame, codebook: Codebook | None = None
                      ) -> pd.DataFrame:
    """Frames in each side's own words: per document and side, hits and hits per 100 words
    of the side's attributed content."""
    matcher = frame_matcher(codebook)
    rows = []
    for (doc_id, source, side), group in attributions.groupby(["doc_id", "source", "side"]):
        text = " ".join(group["content"])
        words = max(count_words(text), 1)
        counts: dict[str, int] = {}
        for hit in matcher.find(text):
            counts[hit.kind] = counts.get(hit.kind, 0) + 1
        for frame, hits in sorted(counts.items()):
            rows.append({"doc_id": doc_id, "source": source, "side": side or "unassigned",
                         "frame": frame, "hits": hits, "score": 100 * hits / words})
    return pd.DataFrame(rows, columns=["doc_id", "source", "side", "frame", "hits", "score"])
