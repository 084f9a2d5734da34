"""The tone tables: of each sentence, of each side's own words (voice), per side and outlet,
and per document. Coverage tone, the outlet's words about a side, is in
:mod:`biaskit.tone.coverage`.

Every function takes ``scorer`` (default VADER; see :mod:`biaskit.tone.scoring`). A long
statement is scored per sentence, and a sentence longer than
:data:`~biaskit.tone.scoring.PIECE_WORDS` words in runs of that many; its score is the mean
of its pieces' scores weighted by their words.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from biaskit.annotate import AnnotatedDocument, annotate
from biaskit.attribution.balance import UNASSIGNED
from biaskit.codebook import Codebook
from biaskit.corpus.document import Document
from biaskit.tone.coverage import coverage_tone
from biaskit.tone.scoring import SCORES, Scorer, score_texts, tone_label


def _labelled(texts: list[str], scorer: Scorer | str | None, index=None) -> pd.DataFrame:
    scores = score_texts(texts, scorer)
    return pd.DataFrame([(*four, tone_label(four[3])) for four in scores],
                        columns=[*SCORES, "label"], index=index)


def sentence_tone(documents: Iterable[Document | AnnotatedDocument], *,
                  scorer: Scorer | str | None = None) -> pd.DataFrame:
    """One row per sentence: doc_id, paragraph, role, sentence, start, end, text, the four
    scores and the label."""
    rows = []
    for doc in map(annotate, documents):
        roles = {block.index: block.role for block in doc.blocks}
        for sentence in doc.sentences:
            rows.append({"doc_id": doc.doc_id, "source": doc.source,
                         "paragraph": doc.blocks[sentence.paragraph].paragraph,
                         "role": roles[sentence.paragraph],
                         "sentence": sentence.index, "start": sentence.start,
                         "end": sentence.end, "text": sentence.text})
    frame = pd.DataFrame(rows, columns=["doc_id", "source", "paragraph", "role", "sentence",
                                        "start", "end", "text"])
    return pd.concat([frame, _labelled(frame["text"].tolist(), scorer, frame.index)], axis=1)


def voice_tone(attributions: pd.DataFrame, *, scorer: Scorer | str | None = None
               ) -> pd.DataFrame:
    """The tone of each statement's content (a long one per sentence, aggregated): the rows of
    the attribution table (joined by doc_id, start and end) with side, actor, mode, the four
    scores and the label."""
    keys = ["doc_id", "source", "start", "end", "side", "actor", "mode", "content"]
    frame = attributions[keys].copy()
    frame["side"] = frame["side"].replace("", UNASSIGNED)
    return pd.concat([frame, _labelled(frame["content"].tolist(), scorer, frame.index)],
                     axis=1)


def summarise_tone(scored: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Mean compound with its count, and the shares of positive, neutral and negative rows,
    per group of ``by`` (for example ``["source", "side"]``)."""
    if scored.empty:
        return pd.DataFrame(columns=[*by, "n", "mean_compound", "share_positive",
                                     "share_neutral", "share_negative"])
    grouped = scored.groupby(by, sort=True)
    table = grouped["compound"].agg(n="size", mean_compound="mean")
    for label in ("positive", "neutral", "negative"):
        table[f"share_{label}"] = grouped["label"].apply(lambda s, lab=label: (s == lab).mean())
    return table.reset_index()


def side_tone(documents: Iterable[Document], attributions: pd.DataFrame, codebook: Codebook,
              *, by: str = "source", method: str = "target",
              scorer: Scorer | str | None = None) -> pd.DataFrame:
    """Voice and coverage tone per side, per ``by`` (``source`` or ``doc_id``), in one table
    with a ``kind`` column (voice or coverage); ``method`` is coverage tone's."""
    documents = list(documents)
    voice = summarise_tone(voice_tone(attributions, scorer=scorer),
                           [by, "side"]).assign(kind="voice")
    coverage = summarise_tone(coverage_tone(documents, attributions, codebook, method=method,
                                            scorer=scorer), [by, "side"]).assign(kind="coverage")
    table = pd.concat([voice, coverage], ignore_index=True)
    return table[[by, "side", "kind", "n", "mean_compound", "share_positive", "share_neutral",
                  "share_negative"]].sort_values([by, "side", "kind"], ignore_index=True)


def document_tone(documents: Iterable[Document], *, scorer: Scorer | str | None = None
                  ) -> pd.DataFrame:
    """Per document: the headline's tone and the whole article's (the mean compound of its
    sentences, with the shares of positive, neutral and negative sentences)."""
    sentences = sentence_tone(documents, scorer=scorer)
    article = summarise_tone(sentences, ["doc_id", "source"])
    headline = sentences[sentences["role"] == "headline"].groupby("doc_id")["compound"].first()
    article.insert(2, "headline_compound", article["doc_id"].map(headline))
    return article.rename(columns={"n": "sentences"})
