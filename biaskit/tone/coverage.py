"""Coverage tone: the tone of the outlet's own words about each side.

Two methods, kept apart by name so results stay comparable:

* ``method="target"`` (the default): one row per mention of a side's actor (an alias found
  outside quotation marks), scored on the words that bear on that mention: its clause, what
  is predicated of it, with negation and contrast (:mod:`biaskit.tone.target`), by biaskit's
  tone model or by the scorer given. A mention inside reported speech ("Osei said the army
  had left") is scored too, as the outlet's paraphrase, and marked ``reported``; a mention
  inside quotation marks is the speaker's words, and voice tone's.
* ``method="sentence"`` (biaskit's coverage tone before target-dependent tone): one row per
  sentence and side mentioned in it, scored on the sentence with every quotation and every
  attributed content cut out; a sentence whose narrator text has fewer than three words is
  skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

import pandas as pd

from biaskit.annotate import AnnotatedDocument, annotate
from biaskit.attribution.records import statement_records, statements_by_sentence
from biaskit.codebook import Codebook
from biaskit.corpus.document import Document
from biaskit.tone.scoring import SCORES, Scorer, score_texts, tone_label
from biaskit.tone.spans import mention_tones

METHODS = ("target", "sentence")
TARGET_COLUMNS = ["doc_id", "source", "side", "actor", "sentence", "start", "end", "mention",
                  "reported", "context", *SCORES, "label"]
SENTENCE_COLUMNS = ["doc_id", "source", "side", "sentence", "start", "end", "narrator_text",
                    *SCORES, "label"]
_SPACE_BEFORE_PUNCTUATION = re.compile(r" (?=[.,;:!?])")  # removed once the cuts are closed up


def coverage_tone(documents: Iterable[Document | AnnotatedDocument], attributions: pd.DataFrame,
                  codebook: Codebook, *, method: str = "target",
                  scorer: Scorer | str | None = None) -> pd.DataFrame:
    """The tone of the outlet's own words about each side, by ``method`` (``target``: per
    mention; ``sentence``: per narrator sentence), scored by ``scorer`` (default: biaskit's
    tone model for ``target``, VADER for ``sentence``)."""
    if method not in METHODS:
        raise ValueError(f"coverage tone method must be one of {', '.join(METHODS)}, "
                         f"not {method!r}")
    if method == "sentence":
        return _sentence_coverage(documents, attributions, codebook, scorer)
    return _target_coverage(documents, attributions, codebook, scorer)


def _target_coverage(documents, attributions, codebook, scorer) -> pd.DataFrame:
    by_doc = statement_records(attributions, ("start", "end"))
    patterns = {side: codebook.side_pattern(side) for side in codebook.sides}
    rows = []
    for doc in map(annotate, documents):
        quotes = [(q.start, q.end) for q in doc.quotes]  # sorted, never overlapping
        in_quote = _Containment(quotes)
        in_statement = _Containment(sorted((s["start"], s["end"])
                                           for s in by_doc.get(doc.doc_id, [])))
        quote_starts = [a for a, _ in quotes]
        found = sorted((m.start(), m.end(), side) for side, pattern in patterns.items()
                       for m in pattern.finditer(doc.text))
        if not found:
            continue
        starts = [s.start for s in doc.sentences]
        per_sentence: dict[int, list[tuple[int, int, str]]] = {}
        for start, end, side in found:
            i = bisect_right(starts, start) - 1
            if i >= 0 and end <= doc.sentences[i].end and not in_quote(start, end):
                per_sentence.setdefault(i, []).append((start, end, side))
        for i, mentions in per_sentence.items():
            sentence = doc.sentences[i]
            offset, text = sentence.start, sentence.text
            j = max(bisect_right(quote_starts, offset) - 1, 0)
            cut = [(max(a, offset) - offset, min(b, sentence.end) - offset)
                   for a, b in quotes[j:bisect_right(quote_starts, sentence.end)]
                   if a < sentence.end and b > offset]
            spans = [(start - offset, end - offset) for start, end, _ in mentions]
            for (start, end, side), row in zip(mentions, mention_tones(text, spans, cut, scorer),
                                               strict=True):
                actor = codebook.actor_for(doc.text[start:end])
                rows.append((doc.doc_id, doc.source, side, actor.actor_id if actor else "",
                             sentence.index, start, end, doc.text[start:end],
                             in_statement(start, end), row[3], *row[4:9]))
    return pd.DataFrame(rows, columns=TARGET_COLUMNS)


class _Containment:
    """Whether one of some spans (sorted by start) holds a span, in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))  # the furthest end so far

    def __call__(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def _sentence_coverage(documents, attributions, codebook, scorer) -> pd.DataFrame:
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
            narrator = narrator_text(doc.text, sentence.start, sentence.end, cuts, first)
            if len(narrator.split()) < 3:
                continue
            sides = {s["side"] for s in per_sentence[sentence.index] if s["side"]}
            lowered = narrator.lower() if screened else None
            sides |= {side for side, (pattern, screen) in aliases.items()
                      if side not in sides and _names(narrator, lowered, pattern, screen)}
            for side in sorted(sides):
                rows.append([doc.doc_id, doc.source, side, sentence.index, sentence.start,
                             sentence.end, narrator])
    scores = score_texts([row[6] for row in rows], scorer)
    rows = [(*row, *four, tone_label(four[3])) for row, four in zip(rows, scores, strict=True)]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def _alias_screen(codebook: Codebook, side_id: str) -> tuple[str, ...] | None:
    """Lower-case words, one of which a text's lower-cased form holds wherever the side's
    pattern matches the text: the longest word of each alias (the pattern lets any run of
    whitespace stand between an alias's words, so only each word is sure to be there; a word
    holding another is left out: the other one screens for it). None when an alias is not
    ASCII, as str.lower() and re.IGNORECASE may then disagree, or when the side has none."""
    aliases = {max(alias.lower().split(), key=len) for actor_id in codebook.sides[side_id].actors
               for alias in codebook.actors[actor_id].aliases if alias.split()}
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


def narrator_text(text: str, start: int, end: int, cuts: list[tuple[int, int]],
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
