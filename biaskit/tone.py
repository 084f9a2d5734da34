"""Tone with VADER: of each sentence, of each side's own words, and of the coverage about it.

Two things users must not confuse:

* **voice tone**: the sentiment of what a side's speakers are reported to say, scored on the
  attributed content of each statement (:func:`voice_tone`);
* **coverage tone**: the sentiment of the outlet's own words around a side, scored on the
  narrator's text of each sentence that mentions the side's actors, with every quotation and
  every attributed content removed (:func:`coverage_tone`).

VADER was built for social media. News about violence scores negative whatever its stance:
"Russia denies bombing civilians in Syria" scores -0.42 although it is a denial, and "The
Military Space Forces have never hit civilian targets in Syria" scores 0.0. Tone says how
charged the words are, not which side a text takes.

Scores are computed once per distinct text (syndicated copy repeats sentences) and cached for
the whole process. Thresholds are VADER's documented ones: compound >= 0.05 positive,
<= -0.05 negative, neutral in between.

References:
    Hutto, C. J. and Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
    analysis of social media text. ICWSM.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from biaskit.annotate import AnnotatedDocument, annotate
from biaskit.attribution.balance import UNASSIGNED
from biaskit.attribution.records import statement_records, statements_by_sentence
from biaskit.codebook import Codebook
from biaskit.corpus.document import Document

POSITIVE, NEGATIVE = 0.05, -0.05
SCORES = ("neg", "neu", "pos", "compound")
_ANALYZER = SentimentIntensityAnalyzer()  # loads VADER's lexicon from its package, offline
_SPACE_BEFORE_PUNCTUATION = re.compile(r" (?=[.,;:!?])")  # removed once the cuts are closed up


@lru_cache(maxsize=200_000)
def polarity(text: str) -> tuple[float, float, float, float]:
    """VADER's (neg, neu, pos, compound) for a text, cached per distinct text.

    >>> polarity("Russia denies bombing civilians in Syria")[3]
    -0.4215
    """
    scores = _ANALYZER.polarity_scores(text)
    return scores["neg"], scores["neu"], scores["pos"], scores["compound"]


def tone_label(compound: float) -> str:
    """positive, negative or neutral under VADER's thresholds."""
    return "positive" if compound >= POSITIVE else "negative" if compound <= NEGATIVE \
        else "neutral"


def sentence_tone(documents: Iterable[Document | AnnotatedDocument]) -> pd.DataFrame:
    """One row per sentence: doc_id, paragraph, role, sentence, start, end, text, the four
    VADER scores and the label."""
    rows = []
    for doc in map(annotate, documents):
        roles = {block.index: block.role for block in doc.blocks}
        for sentence in doc.sentences:
            rows.append({"doc_id": doc.doc_id, "source": doc.source,
                         "paragraph": sentence.paragraph, "role": roles[sentence.paragraph],
                         "sentence": sentence.index, "start": sentence.start,
                         "end": sentence.end, "text": sentence.text,
                         **_scored(sentence.text)})
    return pd.DataFrame(rows, columns=["doc_id", "source", "paragraph", "role", "sentence",
                                       "start", "end", "text", *SCORES, "label"])


def _scored(text: str) -> dict[str, float | str]:
    scores = dict(zip(SCORES, polarity(text), strict=True))
    return {**scores, "label": tone_label(scores["compound"])}


def voice_tone(attributions: pd.DataFrame) -> pd.DataFrame:
    """The tone of each statement's content: the rows of the attribution table (joined by
    doc_id, start and end) with side, actor, mode, the four scores and the label."""
    keys = ["doc_id", "source", "start", "end", "side", "actor", "mode", "content"]
    frame = attributions[keys].copy()
    frame["side"] = frame["side"].replace("", UNASSIGNED)
    scores = [polarity(text) for text in frame["content"].tolist()]
    scored = pd.DataFrame([(*four, tone_label(four[3])) for four in scores],
                          columns=[*SCORES, "label"], index=frame.index)
    return pd.concat([frame, scored], axis=1)


def coverage_tone(documents: Iterable[Document | AnnotatedDocument], attributions: pd.DataFrame,
                  codebook: Codebook) -> pd.DataFrame:
    """The tone of the outlet's own words about each side.

    One row per sentence and side mentioned in it: the sentence mentions a side when one of
    its actors' aliases appears outside quotation marks, or when the sentence holds a
    statement by that side ("he said" counts). The scored ``narrator_text`` is the sentence
    with every quotation and attributed content cut out; a sentence whose narrator text has
    fewer than three words is skipped (a bare "he said" has no tone to measure).
    """
    by_doc = statement_records(attributions, ("start", "end", "side"))
    aliases = {side_id: (codebook.side_pattern(side_id), _alias_screen(codebook, side_id))
               for side_id in codebook.sides}
    any_screen = any(screen is not None for _, screen in aliases.values())
    rows = []
    for doc in map(annotate, documents):
        # Without İ, ı and ſ in the text, str.lower() keeps what re.IGNORECASE matches of an
        # ASCII alias: the screens hold. (No side has one when every side has a non-ASCII
        # alias: then no narrator text is lower-cased.)
        screened = any_screen and doc.lowered is not None
        statements = by_doc.get(doc.doc_id, [])
        cuts = sorted([(q.start, q.end) for q in doc.quotes]
                      + [(s["start"], s["end"]) for s in statements])
        reach = list(accumulate((end for _, end in cuts), max))  # sorted, unlike the ends
        sentences = doc.sentences
        per_sentence = statements_by_sentence(statements, sentences)
        for sentence in sentences:
            first = bisect_right(reach, sentence.start)  # every cut before it ends earlier
            narrator = _narrator_text(doc.text, sentence.start, sentence.end, cuts, first)
            if len(narrator.split()) < 3:
                continue
            sides = {s["side"] for s in per_sentence[sentence.index] if s["side"]}
            lowered = narrator.lower() if screened else None
            sides |= {side for side, (pattern, screen) in aliases.items()
                      if side not in sides and _names(narrator, lowered, pattern, screen)}
            if not sides:
                continue
            scores = polarity(narrator)
            label = tone_label(scores[3])
            for side in sorted(sides):
                rows.append((doc.doc_id, doc.source, side, sentence.index, sentence.start,
                             sentence.end, narrator, *scores, label))
    return pd.DataFrame(rows, columns=["doc_id", "source", "side", "sentence", "start", "end",
                                       "narrator_text", *SCORES, "label"])


def _alias_screen(codebook: Codebook, side_id: str) -> tuple[str, ...] | None:
    """Lower-case aliases of the side, one of which a text's lower-cased form holds wherever
    the side's pattern matches the text (an alias holding another is left out: the other
    one screens for it). None when an alias is not ASCII, as str.lower() and re.IGNORECASE
    may then disagree, or when the side has no alias."""
    aliases = {alias.lower() for actor_id in codebook.sides[side_id].actors
               for alias in codebook.actors[actor_id].aliases}
    if not aliases or not all(alias.isascii() for alias in aliases):
        return None
    return tuple(sorted(a for a in aliases if not any(b != a and b in a for b in aliases)))


def _names(text: str, lowered: str | None, pattern: re.Pattern[str],
           screen: tuple[str, ...] | None) -> bool:
    """``pattern.search(text)``, a side's alias regex, found; ``lowered`` (the text's lower
    case, when the screen holds for it) first rules out most texts with a few substring
    tests, far quicker than the regex."""
    if lowered is not None and screen is not None and not any(
            alias in lowered for alias in screen):
        return False
    return bool(pattern.search(text))


def _narrator_text(text: str, start: int, end: int, cuts: list[tuple[int, int]],
                   first: int = 0) -> str:
    """The sentence text outside every cut span (sorted by start; those before ``first`` end
    before the sentence), with the gaps closed up."""
    pieces, position = [], start
    for i in range(first, len(cuts)):
        cut_start, cut_end = cuts[i]
        if cut_start >= end:
            break  # cuts are sorted by start
        if cut_end <= position:
            continue
        pieces.append(text[position:max(position, cut_start)])
        position = max(position, cut_end)
    pieces.append(text[position:end] if position < end else "")
    # split() breaks at what \s matches; after it, each gap is one space between non-spaces,
    # so removing those before ".", "," and the like cannot make new ones. (A regex rewriting
    # every whitespace run, single spaces included, took a quarter of the coverage tone's
    # time; this one only visits the spaces.)
    joined = " ".join(" ".join(pieces).split())
    return _SPACE_BEFORE_PUNCTUATION.sub("", joined).strip(" ,;:")


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
              *, by: str = "source") -> pd.DataFrame:
    """Voice and coverage tone per side, per ``by`` (``source`` or ``doc_id``), in one table
    with a ``kind`` column (voice or coverage)."""
    documents = list(documents)
    voice = summarise_tone(voice_tone(attributions), [by, "side"]).assign(kind="voice")
    coverage = summarise_tone(coverage_tone(documents, attributions, codebook),
                              [by, "side"]).assign(kind="coverage")
    table = pd.concat([voice, coverage], ignore_index=True)
    return table[[by, "side", "kind", "n", "mean_compound", "share_positive", "share_neutral",
                  "share_negative"]].sort_values([by, "side", "kind"], ignore_index=True)


def document_tone(documents: Iterable[Document]) -> pd.DataFrame:
    """Per document: the headline's tone and the whole article's (the mean compound of its
    sentences, with the shares of positive, neutral and negative sentences)."""
    sentences = sentence_tone(documents)
    article = summarise_tone(sentences, ["doc_id", "source"])
    headline = sentences[sentences["role"] == "headline"].groupby("doc_id")["compound"].first()
    article.insert(2, "headline_compound", article["doc_id"].map(headline))
    return article.rename(columns={"n": "sentences"})
