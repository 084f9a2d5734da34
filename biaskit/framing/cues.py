"""Presentation cues: reporting-verb stance, hedges and distancing, scare quotes, and labels.

The stance of each reporting verb comes from ``biaskit/data/reporting_verbs.csv`` (neutral,
distancing, endorsing, denial, accusation, concession, emotive, each with a rationale);
hedges, distancing markers, boosters and contrast markers from ``biaskit/data/markers.csv``.
Every row says whose voice a marker is in: ``quote`` (inside quotation marks, the speaker's
own word, like "so-called" in Bondarev's quote) or ``narrator`` (the outlet's).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import accumulate

import pandas as pd

from biaskit.annotate import AnnotatedDocument, annotate
from biaskit.attribution.mentions import mention_label
from biaskit.attribution.quotes import Quote
from biaskit.attribution.records import statement_records
from biaskit.codebook import Actor, Codebook
from biaskit.corpus.document import Document, count_words, kept_on_document
from biaskit.corpus.sentences import Sentence
from biaskit.framing.labels import block_of, noun_phrase, one_per_place
from biaskit.lexicons import TermMatch, TermMatcher, phrase_regex, read_lexicon

SCARE_QUOTE_WORDS = 3  # a quotation this short, quoting nobody, is a scare quote
COLUMNS = ["doc_id", "source", "kind", "term", "class", "start", "end", "text", "voice",
           "side", "actor"]


@cache
def MARKERS() -> TermMatcher:  # noqa: N802 - reads as the lexicon it is
    """Hedges, distancing markers, boosters and contrast markers from markers.csv."""
    return TermMatcher((row["term"], row["kind"]) for row in read_lexicon("markers.csv"))


def _is_word_or_hyphen(char: str) -> bool:
    """The regex class ``[\\w-]`` (\\w is str.isalnum() or "_")."""
    return char.isalnum() or char in "_-"


@cache
def _terms_end_in_word() -> bool:
    """True when every marker match ends with a word character or hyphen."""
    return all(term.rstrip("*")[-1:].isascii() and _is_word_or_hyphen(term.rstrip("*")[-1:])
               for term, _ in MARKERS().terms)


def document_markers(doc: AnnotatedDocument) -> tuple[TermMatch, ...]:
    """``MARKERS().find(doc.text)``, found once per annotated document (claims and cues both
    use them)."""
    matcher = MARKERS()
    return kept_on_document(doc, "_markers", lambda: tuple(matcher.find(
        doc.text, places=matcher.word_starts(doc.lowered))))


class MarkerIndex:
    """The markers of one document, and those ``MARKERS().find(text, lo, hi)`` finds."""

    def __init__(self, doc: AnnotatedDocument):
        self.text = doc.text
        self.found = document_markers(doc)
        self.starts = [marker.start for marker in self.found]
        self.ends = [marker.end for marker in self.found]
        self.end_in_word = _terms_end_in_word()

    def between(self, lo: int, hi: int) -> Sequence[TermMatch]:
        """The markers a search of text[lo:hi] finds: those of the whole text inside it, unless
        a marker of the whole text crosses lo or hi, or one could end at hi only because the
        search stops there; then search the range itself."""
        if lo >= hi:
            return ()
        text = self.text
        first = bisect_left(self.starts, lo)
        last = bisect_left(self.starts, hi)
        crossed = (first > 0 and self.ends[first - 1] > lo) or (
            last > first and self.ends[last - 1] > hi)
        cut = hi < len(text) and _is_word_or_hyphen(text[hi]) and (
            not self.end_in_word or _is_word_or_hyphen(text[hi - 1]))
        if crossed or cut:
            return list(MARKERS().find(text, lo, hi))
        return self.found[first:last]


def scare_quotes(text: str, quotes: list[Quote], direct: list[tuple[int, int]], lo: int,
                 hi: int) -> list[Quote]:
    """Quotations of at most three words in text[lo:hi] that are not inside a direct
    statement's content (``direct``: its start and end): its "findings", a "corridor"."""
    in_statement = Spans(direct)
    found = []
    for quote in quotes:
        if quote.start < lo or quote.end > hi or not quote.closed:
            continue
        inner = text[quote.inner_start:quote.inner_end]
        if count_words(inner) <= SCARE_QUOTE_WORDS and not in_statement.contains(
                quote.inner_start, quote.inner_end):
            found.append(quote)
    return found


_STATEMENT_COLUMNS = ("start", "end", "side", "actor", "mode", "sentence_index", "cue",
                      "stance", "cue_start", "cue_end")


def presentation_cues(documents: Iterable[Document | AnnotatedDocument], attributions: pd.DataFrame,
                      codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per cue: reporting verbs (class = stance), markers (class = hedge,
    distancing, booster, contrast), scare quotes and actor labels, with offsets, the voice
    they are in, and the side and actor of the statement they belong to."""
    by_doc = statement_records(attributions, _STATEMENT_COLUMNS)
    aliases = _description_aliases(codebook) if codebook is not None else []
    actors: dict[str, Actor | None] = {}  # name -> codebook.actor_for(name), asked once
    rows: list[tuple] = []
    for doc in map(annotate, documents):
        text, doc_id, source = doc.text, doc.doc_id, doc.source
        statements = by_doc.get(doc_id, [])
        quotes = doc.quotes
        quoted = Spans((quote.start, quote.end) for quote in quotes)
        owner = _Owner(statements, doc.sentences)
        for s in statements:
            if s["cue_end"] > s["cue_start"]:
                rows.append((doc_id, source, "reporting_verb", s["cue"], s["stance"],
                             s["cue_start"], s["cue_end"], text[s["cue_start"]:s["cue_end"]],
                             "narrator", s["side"], s["actor"]))
        for marker in document_markers(doc):
            voice = "quote" if quoted.holds(marker.start) else "narrator"
            side, actor = owner.at(marker.start)
            rows.append((doc_id, source, marker.kind, marker.term, marker.kind, marker.start,
                         marker.end, text[marker.start:marker.end], voice, side, actor))
        direct = [(s["start"], s["end"]) for s in statements if s["mode"] == "direct"]
        for quote in scare_quotes(text, quotes, direct, 0, len(text)):
            side, actor = owner.at(quote.start)
            rows.append((doc_id, source, "scare_quote", "scare quotes", "distancing",
                         quote.start, quote.end, text[quote.start:quote.end], "narrator", side,
                         actor))
        if codebook is not None:
            rows += _labels(doc, quoted, codebook, aliases, actors)
    return pd.DataFrame(rows, columns=COLUMNS)


class Spans:
    """Spans (start, end) of one document, overlapping or not, to ask many times whether a
    position or a range lies inside one of them: one bisection per question.

    >>> spans = Spans([(0, 10), (2, 4), (20, 25)])
    >>> spans.holds(9), spans.holds(10), spans.contains(3, 8), spans.contains(18, 22)
    (True, False, True, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # The furthest end among the spans that start at or before each one: a position lies
        # in some span exactly when the furthest end before it lies beyond it.
        self.reach = list(accumulate((end for _, end in ordered), max))

    def holds(self, position: int) -> bool:
        """True when some span has start <= position < end."""
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.reach[i]

    def contains(self, start: int, end: int) -> bool:
        """True when one span holds all of start..end."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.reach[i]


class _Owner:
    """The side and actor of the statement a position belongs to: the statement whose
    content holds it, else the one statement of its sentence ("Amnesty allegedly found")."""

    def __init__(self, statements: list[dict], sentences: list[Sentence]):
        self.spans = sorted((s["start"], s["end"], s["side"], s["actor"]) for s in statements)
        self.span_starts = [span[0] for span in self.spans]
        self.sentence_starts = [s.start for s in sentences]
        by_sentence: dict[int, set[tuple[str, str]]] = {}
        for s in statements:
            by_sentence.setdefault(s["sentence_index"], set()).add((s["side"], s["actor"]))
        self.by_sentence = by_sentence

    def at(self, position: int) -> tuple[str, str]:
        i = bisect_right(self.span_starts, position) - 1
        if i >= 0 and self.spans[i][0] <= position < self.spans[i][1]:
            return self.spans[i][2], self.spans[i][3]
        owners = self.by_sentence.get(bisect_right(self.sentence_starts, position) - 1, set())
        return next(iter(owners)) if len(owners) == 1 else ("", "")


def _description_aliases(codebook: Codebook) -> list[tuple[str, re.Pattern[str], Actor]]:
    """Aliases that are descriptions ("rights group", no name at all), each with its regex."""
    return [(alias, re.compile(rf"(?<![\w-]){phrase_regex(alias)}(?![\w-])", re.IGNORECASE),
             actor)
            for actor in codebook.actors.values() for alias in actor.aliases
            if alias.split()[-1][:1].islower()]


def _labels(doc: AnnotatedDocument, quoted: Spans, codebook: Codebook,
            aliases: list[tuple[str, re.Pattern[str], Actor]],
            actors: dict[str, Actor | None]) -> list[tuple]:
    """Descriptors the narrator attaches to codebook actors: appositions, titles and
    pre-modifiers ("London-based rights group", "Senior Russian military official"), and
    description aliases; only those that read as noun phrases (:mod:`biaskit.framing.labels`)."""
    text = doc.text
    rows: list[tuple] = []

    def add(start: int, end: int, anchor: int, actor: Actor) -> None:
        block = block_of(doc, anchor)
        if block_of(doc, start) != block or block_of(doc, end - 1) != block:
            return  # a span across a block boundary is no label
        span = noun_phrase(text, start, end)
        if span is not None:
            found = text[span[0]:span[1]]
            rows.append((doc.doc_id, doc.source, "label", found, "label", span[0], span[1],
                         found, "narrator", actor.side, actor.actor_id))

    for mention in doc.mentions:
        if mention.name not in actors:
            actors[mention.name] = codebook.actor_for(mention.name)
        actor = actors[mention.name]
        if actor is None:
            continue
        label = mention_label(text, mention)
        if not label:
            continue
        start = text.rfind(label, max(0, mention.start - 200), mention.start)
        if start < 0:
            start = text.find(label, mention.end)
        if start >= 0:
            add(start, start + len(label), mention.start, actor)
    lowered = doc.lowered if aliases else None
    for alias, pattern, actor in aliases:  # descriptions used as aliases: no name at all
        found = _first_match(pattern, text, lowered, alias)
        if found and not quoted.holds(found.start()):
            add(found.start(), found.end(), found.start(), actor)
    return one_per_place(rows, start=5, end=6, actor=10)


def _first_match(pattern: re.Pattern[str], text: str, lowered: str | None, alias: str
                 ) -> re.Match[str] | None:
    """``pattern.search(text)`` for the regex of an alias; where the alias is ASCII, only
    tried where the lower-cased text holds it (a plain string search, much faster)."""
    if lowered is None or not alias.isascii():
        return pattern.search(text)
    needle = alias.lower()
    position = lowered.find(needle)
    while position >= 0:
        match = pattern.match(text, position)
        if match:
            return match
        position = lowered.find(needle, position + 1)
    return None


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
