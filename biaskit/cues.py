"""Presentation cues: reporting-verb stance, hedges and distancing, scare quotes, and labels.

The stance of each reporting verb comes from ``biaskit/data/reporting_verbs.csv`` (neutral,
distancing, endorsing, denial, accusation, concession, emotive, each with a rationale);
hedges, distancing markers, boosters and contrast markers from ``biaskit/data/markers.csv``.
Every row says whose voice a marker is in: ``quote`` (inside quotation marks, the speaker's
own word, like "so-called" in Bondarev's quote) or ``narrator`` (the outlet's).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache

import pandas as pd

from biaskit.codebook import Codebook
from biaskit.corpus import Document, count_words
from biaskit.lexicons import TermMatcher, read_lexicon
from biaskit.quotes import Quote, find_quotes
from biaskit.sentences import Sentence, document_sentences
from biaskit.speakers import find_mentions, mention_label

SCARE_QUOTE_WORDS = 3  # a quotation this short, quoting nobody, is a scare quote
COLUMNS = ["doc_id", "source", "kind", "term", "class", "start", "end", "text", "voice",
           "side", "actor"]


@cache
def MARKERS() -> TermMatcher:  # noqa: N802 - reads as the lexicon it is
    """Hedges, distancing markers, boosters and contrast markers from markers.csv."""
    return TermMatcher((row["term"], row["kind"]) for row in read_lexicon("markers.csv"))


def scare_quotes(text: str, quotes: list[Quote], direct: list[tuple[int, int]], lo: int,
                 hi: int) -> list[Quote]:
    """Quotations of at most three words in text[lo:hi] that are not inside a direct
    statement's content (``direct``: its start and end): its "findings", a "corridor"."""
    found = []
    for quote in quotes:
        if quote.start < lo or quote.end > hi or not quote.closed:
            continue
        inner = text[quote.inner_start:quote.inner_end]
        if count_words(inner) <= SCARE_QUOTE_WORDS and not any(
                s <= quote.inner_start and quote.inner_end <= e for s, e in direct):
            found.append(quote)
    return found


def presentation_cues(documents: Iterable[Document], attributions: pd.DataFrame,
                      codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per cue: reporting verbs (class = stance), markers (class = hedge,
    distancing, booster, contrast), scare quotes and actor labels, with offsets, the voice
    they are in, and the side and actor of the statement they belong to."""
    by_doc = {doc_id: rows for doc_id, rows in attributions.groupby("doc_id")}
    rows = []
    for doc in documents:
        statements = by_doc.get(doc.doc_id, attributions.iloc[0:0]).sort_values("start")
        quotes = find_quotes(doc)
        owner = _Owner(statements, document_sentences(doc))
        for row in statements.itertuples():
            if row.cue_end > row.cue_start:
                rows.append(_row(doc, "reporting_verb", row.cue, row.stance, row.cue_start,
                                 row.cue_end, "narrator", row.side, row.actor))
        for marker in MARKERS().find(doc.text):
            voice = "quote" if inside_quote(quotes, marker.start) else "narrator"
            side, actor = owner.at(marker.start)
            rows.append(_row(doc, marker.kind, marker.term, marker.kind, marker.start,
                             marker.end, voice, side, actor))
        direct = [(r.start, r.end) for r in statements.itertuples() if r.mode == "direct"]
        for quote in scare_quotes(doc.text, quotes, direct, 0, len(doc.text)):
            side, actor = owner.at(quote.start)
            rows.append(_row(doc, "scare_quote", "scare quotes", "distancing", quote.start,
                             quote.end, "narrator", side, actor))
        if codebook is not None:
            rows += _labels(doc, quotes, codebook)
    return pd.DataFrame(rows, columns=COLUMNS)


def _row(doc: Document, kind: str, term: str, klass: str, start: int, end: int, voice: str,
         side: str, actor: str) -> dict:
    return {"doc_id": doc.doc_id, "source": doc.source, "kind": kind, "term": term,
            "class": klass, "start": start, "end": end, "text": doc.text[start:end],
            "voice": voice, "side": side, "actor": actor}


def inside_quote(quotes: list[Quote], position: int) -> bool:
    """True when the position lies between a quote's marks."""
    i = bisect_right([q.start for q in quotes], position) - 1
    return i >= 0 and quotes[i].start <= position < quotes[i].end


class _Owner:
    """The side and actor of the statement a position belongs to: the statement whose
    content holds it, else the one statement of its sentence ("Amnesty allegedly found")."""

    def __init__(self, statements: pd.DataFrame, sentences: list[Sentence]):
        self.spans = sorted(zip(statements["start"], statements["end"], statements["side"],
                                statements["actor"], strict=True))
        self.span_starts = [span[0] for span in self.spans]
        self.sentence_starts = [s.start for s in sentences]
        by_sentence: dict[int, set[tuple[str, str]]] = {}
        for index, side, actor in zip(statements["sentence_index"], statements["side"],
                                      statements["actor"], strict=True):
            by_sentence.setdefault(index, set()).add((side, actor))
        self.by_sentence = by_sentence

    def at(self, position: int) -> tuple[str, str]:
        i = bisect_right(self.span_starts, position) - 1
        if i >= 0 and self.spans[i][0] <= position < self.spans[i][1]:
            return self.spans[i][2], self.spans[i][3]
        owners = self.by_sentence.get(bisect_right(self.sentence_starts, position) - 1, set())
        return next(iter(owners)) if len(owners) == 1 else ("", "")


def _labels(doc: Document, quotes: list[Quote], codebook: Codebook) -> list[dict]:
    """Descriptors the narrator attaches to codebook actors: appositions, titles and
    pre-modifiers ("London-based rights group", "Senior Russian military official")."""
    spans, position = [], 0
    for quote in quotes:
        spans.append((position, quote.start))
        position = quote.end
    spans.append((position, len(doc.text)))
    rows = []
    for mention in find_mentions(doc.text, spans):
        actor = codebook.actor_for(mention.name)
        if actor is None:
            continue
        label = mention_label(doc.text, mention)
        if not label:
            continue
        start = doc.text.rfind(label, max(0, mention.start - 200), mention.start)
        if start < 0:
            start = doc.text.find(label, mention.end)
        if start < 0:
            continue
        rows.append(_row(doc, "label", label, "label", start, start + len(label), "narrator",
                         actor.side, actor.actor_id))
    for actor in codebook.actors.values():  # descriptions used as aliases: no name at all
        for alias in actor.aliases:
            if not alias.split()[-1][:1].islower():
                continue
            found = re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", doc.text,
                              re.IGNORECASE)
            if found and not inside_quote(quotes, found.start()):
                rows.append(_row(doc, "label", found.group(), "label", found.start(),
                                 found.end(), "narrator", actor.side, actor.actor_id))
    return rows


def stance_profile(attributions: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Per ``by`` and side: statements per reporting-verb stance class and their shares."""
    frame = attributions[attributions["cue"] != ""]
    counts = frame.groupby([by, "side", "stance"]).size().rename("statements").reset_index()
    counts["share"] = counts["statements"] / counts.groupby([by, "side"])[
        "statements"].transform("sum")
    return counts


def marker_rates(cues: pd.DataFrame, attributions: pd.DataFrame, *,
                 by: str = "source") -> pd.DataFrame:
    """Per ``by`` and side: statements, and hedges, distancing markers (scare quotes
    included) and boosters inside that side's statements, each per statement."""
    statements = attributions.groupby([by, "side"]).size().rename("statements")
    markers = cues[cues["class"].isin(["hedge", "distancing", "booster"])
                   & (cues["side"] != "")]
    counts = markers.groupby([by, "side", "class"]).size().unstack(fill_value=0)
    table = statements.to_frame().join(counts, how="left").fillna(0)
    for column in ("hedge", "distancing", "booster"):
        if column not in table:
            table[column] = 0
        table[f"{column}_per_statement"] = table[column] / table["statements"]
    return table.reset_index()


def actor_labels(cues: pd.DataFrame) -> pd.DataFrame:
    """The labels given to each actor, per source, with how often."""
    labels = cues[cues["kind"] == "label"]
    return (labels.groupby(["source", "side", "actor", "term"]).size().rename("count")
            .reset_index().rename(columns={"term": "label"}))
