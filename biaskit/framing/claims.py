"""Claims: every sentence that expresses a codebook claim, and how the article presents it.

Matching rules (documented in docs/guide/report.md, 'How a claim is found'):

* each cue phrase of a claim matches as a sequence of words, ignoring case and apostrophe
  style; a word of four letters or more also matches its inflections (``killed`` finds
  kill, kills, killing), and one extra word may stand between two cue words ("never hit any
  civilian targets");
* a match is **negated** when a negator (not, never, no, n't, without, deny, denies, denied,
  denying) stands in the four words before it and the cue itself holds none: "Russia denies
  it killed civilians" expresses the opposite of "killed civilians";
* one row per sentence and claim; further matches of the same claim in that sentence are
  listed in ``matched``.

Who presents the claim: the statement whose content (or reporting cue) holds the match gives
the actor, side, mode, cue and stance; a match in no statement is the outlet's own voice
(``narrator``), or an ``unattributed_report`` when "reports that", "allegations that",
"accused of" and the like stand just before it.

Countering: a claim is countered when a statement by another side stands in the same or the
next two sentences, or when a contrast marker ('but', 'however', 'contradict', 'dispelling',
...) frames it: in the sentence before it, or earlier in its own sentence. ``countered_by``
says which.

Markers: ``markers`` lists the outlet's own hedges, distancing markers and boosters in the
sentence; ``speaker_markers`` those inside quotation marks or inside a statement's content
(the speaker's words, like "so-called" in Bondarev's quote).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from biaskit.annotate import AnnotatedDocument, annotate
from biaskit.attribution.forms.unattributed import UNATTRIBUTED_REPORT
from biaskit.attribution.records import statement_records, statements_by_sentence
from biaskit.codebook import Claim, Codebook
from biaskit.corpus.document import Document
from biaskit.corpus.sentences import Sentence
from biaskit.framing.cues import MarkerIndex, Spans, scare_quotes
from biaskit.framing.presentation import claim_profile  # noqa: F401 - how claims are told
from biaskit.lexicons import phrase_regex

_NEGATORS = re.compile(r"(?<![\w-])(?:not|never|no|without|nor|deny|denies|denied|denying)"
                       r"(?![\w-])|n['’]t\b", re.IGNORECASE)
_UNATTRIBUTED = re.compile(
    r"\b(?:reports?|allegations?|accusations?|claims?|rumou?rs?)\s+(?:\w+\s+){0,2}?"
    r"(?:that|of|say|said|suggest\w*)\b|\breportedly\b|\baccused\s+of\b", re.IGNORECASE)
COLUMNS = ["doc_id", "source", "claim", "claim_side", "paragraph", "block", "sentence_index",
           "sentence", "start", "end", "matched", "polarity", "presenter", "presenter_side",
           "mode", "cue", "stance", "markers", "speaker_markers", "scare_quotes", "countered",
           "countered_by",
           "position", "relative_position", "evidence"]


@cache
def _cue_words(cue: str) -> tuple[tuple[str, bool], ...]:
    """The words of a cue phrase, each as (text, inflected): an inflected word is its stem
    ("killed" -> "kill"), which may take up to four more letters."""
    words = []
    for word in cue.replace("’", "'").split():
        if len(word) >= 4 and word.isalpha():
            stem = re.sub(r"(?:ing|ed|es|s|e)$", "", word.lower())
            words.append((stem if len(stem) >= 3 else word.lower(), True))
        else:
            words.append((word, False))
    return tuple(words)


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    words = [phrase_regex(text) + (r"\w{0,4}" if inflected else "")
             for text, inflected in _cue_words(cue)]
    gap = r"\s+(?:[\w'’-]+\s+)?"
    return re.compile(r"(?<![\w-])" + gap.join(words) + r"(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class _Cue:
    """One cue phrase of a claim, ready to search for."""

    claim: int              # index of its claim in the codebook
    pattern: re.Pattern[str]
    first_word: str | None  # lower-case ASCII text every match starts with, if known
    negated: bool           # the cue holds a negator itself


def _cues(codebook: Codebook) -> list[_Cue]:
    cues = []
    for index, claim in enumerate(codebook.claims.values()):
        for cue in claim.cues:
            words = _cue_words(cue)
            first = words[0][0].lower() if words and words[0][0].isascii() else None
            cues.append(_Cue(index, _cue_pattern(cue), first, bool(_NEGATORS.search(cue))))
    return cues


def _first_words(cues: list[_Cue]) -> dict[str, re.Pattern[str] | None]:
    """Each first word of the cues, with a regex matching where any cue starting with it
    matches (None for the first word of a single cue)."""
    patterns: dict[str, list[str]] = {}
    for cue in cues:
        if cue.first_word is not None:
            patterns.setdefault(cue.first_word, []).append(f"(?:{cue.pattern.pattern})")
    # One cue alone is tried where its word stands anyway: no need to try it before.
    return {word: _either("|".join(either)) if len(either) > 1 else None
            for word, either in patterns.items()}


@cache
def _either(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _matches(cues: list[_Cue], first_words: dict[str, re.Pattern[str] | None], text: str,
             lowered: str | None, sentences: list[Sentence]
             ) -> dict[tuple[int, int], list[tuple[int, int, bool]]]:
    """(sentence index, claim index) -> (start, end, negated) of each cue match of the claim
    in the sentence, as a search of each cue in each sentence finds them."""
    ordered = all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
    fast = lowered is not None and ordered
    places = _places(first_words, text, lowered, sentences) if fast else {}
    found: dict[tuple[int, int], list[tuple[int, int, bool]]] = {}
    for cue in cues:
        if not fast or cue.first_word is None:
            for sentence in sentences:
                for match in cue.pattern.finditer(text, sentence.start, sentence.end):
                    _add(found, cue, sentence, match.start(), match.end())
            continue
        sentence, resume = None, 0
        for position, place in places[cue.first_word]:
            if place is not sentence:
                sentence, resume = place, place.start
            if position < resume:
                continue  # inside the previous match, as a search resumes after it
            match = cue.pattern.match(text, position, sentence.end)
            if match:
                _add(found, cue, sentence, position, match.end())
                resume = match.end()
    kept_by_claim = {}
    for (index, claim), matches in found.items():
        kept = matches[:1]
        if len(matches) > 1:  # cue variants often match the same words: keep the first
            kept = []
            for match in sorted(matches, key=lambda m: (m[0], -m[1])):
                if not kept or match[0] >= kept[-1][1]:
                    kept.append(match)
        lo = sentences[index].start
        kept_by_claim[index, claim] = [(start, end, not cue_negated and _negated(text, lo, start))
                                       for start, end, cue_negated in kept]
    return kept_by_claim


def _places(first_words: dict[str, re.Pattern[str] | None], text: str, lowered: str,
            sentences: list[Sentence]) -> dict[str, list[tuple[int, Sentence]]]:
    """First word -> (position, sentence) of each place where a cue starting with it may
    match in the sentence: where the word begins a word and, when several cues start with
    it, one of them matches.

    A search of each cue in each sentence costs a scan per cue and sentence; finding the
    first words in the lower-cased text and trying the cues only there finds the same."""
    starts = [sentence.start for sentence in sentences]
    places = {}
    for word, either in first_words.items():
        found = []
        position = lowered.find(word)
        while position >= 0:
            index = bisect_right(starts, position) - 1
            before = text[position - 1] if position else " "
            if index >= 0 and position < sentences[index].end and not (
                    before.isalnum() or before in "_-") and (
                    either is None or either.match(text, position, sentences[index].end)):
                found.append((position, sentences[index]))
            position = lowered.find(word, position + 1)
        places[word] = found
    return places


def _add(found: dict, cue: _Cue, sentence: Sentence, start: int, end: int) -> None:
    found.setdefault((sentence.index, cue.claim), []).append((start, end, cue.negated))


def _negated(text: str, lo: int, start: int) -> bool:
    """True when a negator stands in the four words before start (from lo on)."""
    window = text[max(lo, start - 40):start]
    # Most windows hold no negator at all (and one in the last four words is one in the
    # window): look there first.
    return bool(_NEGATORS.search(window)) and bool(
        _NEGATORS.search(" ".join(window.split()[-4:])))


_STATEMENT_COLUMNS = ("start", "end", "speaker", "actor", "side", "mode", "cue", "stance",
                      "cue_start")


def claim_occurrences(documents: Iterable[Document | AnnotatedDocument], codebook: Codebook,
                      attributions: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence that expresses a claim, with how it is presented (see module)."""
    by_doc = statement_records(attributions, _STATEMENT_COLUMNS)
    claims = list(codebook.claims.values())
    cues = _cues(codebook)
    first_words = _first_words(cues)
    sides = {claim.side: codebook.side_pattern(claim.side) for claim in claims}
    rows: list[tuple] = []
    for doc in map(annotate, documents):
        found = _matches(cues, first_words, doc.text, doc.lowered, doc.sentences)
        if not found:
            continue
        article = _Article(doc, by_doc.get(doc.doc_id, []))
        # In sentence order, then codebook order: the keys are (sentence index, claim index).
        for (index, claim_index), matches in sorted(found.items()):
            claim = claims[claim_index]
            rows.append(_occurrence(article, claim, sides[claim.side], article.sentences[index],
                                    matches))
    return pd.DataFrame(rows, columns=COLUMNS)


class _Article:
    """One document with what its claims are read against: sentences, the statements of
    each sentence, quotes and markers, found once."""

    def __init__(self, doc: AnnotatedDocument, statements: list[dict]):
        self.doc = doc
        self.text = doc.text
        self.sentences = doc.sentences
        self.per_sentence = statements_by_sentence(statements, self.sentences)
        self.quotes = doc.quotes
        self.quote_starts = [quote.start for quote in self.quotes]
        self.quoted = Spans((quote.start, quote.end) for quote in self.quotes)
        self.markers = MarkerIndex(doc)
        self.first_body = next((b.index for b in doc.blocks if b.role == "body"), -1)
        self._marked: dict[int, tuple[str, str, str]] = {}
        self._sides: dict[int, tuple[str, ...]] = {}
        self._named: dict[tuple[str, int], int] = {}

    def last_named(self, side: str, pattern: re.Pattern[str], sentence: Sentence) -> int:
        """Where the last mention of the side (its ``pattern``) before the sentence starts,
        from the sentence before it on (-1 when there is none). A search for the side from
        any position there finds one exactly when that position is at most this one."""
        key = (side, sentence.index)
        if key not in self._named:
            lo = self.sentences[sentence.index - 1].start if sentence.index > 0 \
                else sentence.start
            last, found = -1, pattern.search(self.text, lo, sentence.start)
            while found:
                last = found.start()
                found = pattern.search(self.text, last + 1, sentence.start)
            self._named[key] = last
        return self._named[key]

    def sides_starting(self, sentence: Sentence) -> tuple[str, ...]:
        """The distinct sides of the statements that start in the sentence, in order."""
        if sentence.index not in self._sides:
            self._sides[sentence.index] = tuple(dict.fromkeys(
                s["side"] for s in self.per_sentence[sentence.index]
                if sentence.start <= s["start"] < sentence.end))
        return self._sides[sentence.index]

    def marked(self, sentence: Sentence) -> tuple[str, str, str]:
        """The sentence's markers in the outlet's voice, those in someone's words, and its
        scare quotes, each joined with '; '."""
        if sentence.index not in self._marked:
            statements = self.per_sentence[sentence.index]
            own, speakers = [], []  # the outlet's markers, and those inside someone's words
            for marker in self.markers.between(sentence.start, sentence.end):
                if marker.kind == "contrast":
                    continue
                at = marker.start
                spoken = self.quoted.holds(at) or any(s["start"] <= at < s["end"]
                                                      for s in statements)
                (speakers if spoken else own).append(f"{marker.kind}:{marker.text.lower()}")
            # Only quotes starting in the sentence can lie inside it (most sentences hold none).
            near = self.quotes[bisect_left(self.quote_starts, sentence.start):
                               bisect_right(self.quote_starts, sentence.end)]
            scare = []
            if near:
                direct = [(s["start"], s["end"]) for s in statements if s["mode"] == "direct"]
                scare = [self.text[q.start:q.end] for q in scare_quotes(
                    self.text, near, direct, sentence.start, sentence.end)]
            self._marked[sentence.index] = ("; ".join(own), "; ".join(speakers),
                                            "; ".join(scare))
        return self._marked[sentence.index]


def _occurrence(article: _Article, claim: Claim, side: re.Pattern[str], sentence: Sentence,
                matches: list[tuple[int, int, bool]]) -> tuple:
    doc, text = article.doc, article.text
    start, end, negated = matches[0]
    presenter = _presenter(article.per_sentence[sentence.index], sentence, start, end)
    # 'Marsh reportedly hid the tests': a statement of no one, so an unattributed report
    hearsay = presenter is not None and presenter["speaker"] == UNATTRIBUTED_REPORT
    if presenter is not None and not hearsay:
        who, side_of, mode = presenter["actor"] or presenter["speaker"], presenter["side"], \
            presenter["mode"]
        cue, stance = presenter["cue"], presenter["stance"]
        how = f'in a {mode} statement by "{presenter["speaker"]}" (cue "{cue}")'
    elif hearsay or _UNATTRIBUTED.search(text, max(sentence.start, start - 60), start):
        who, side_of, mode, cue, stance = "unattributed_report", "", "unattributed", "", ""
        how = "in an unattributed report ('reports that ...')"
    else:
        who, side_of, mode, cue, stance = "narrator", "", "narrator", "", ""
        how = "in the outlet's own voice"
    markers, speaker_markers, scare = article.marked(sentence)
    countered_by = _counters(article, claim, side, sentence, start)
    blocks = len(doc.blocks)
    role = doc.blocks[sentence.paragraph].role
    return (
        doc.doc_id, doc.source, claim.claim_id, claim.side,
        doc.blocks[sentence.paragraph].paragraph, sentence.paragraph,
        sentence.index, sentence.text, start, end,
        "; ".join(text[s:e] for s, e, _ in matches),
        "negated" if negated else "affirmed", who, side_of, mode, cue, stance,
        markers, speaker_markers, scare, bool(countered_by), "; ".join(countered_by),
        "lead" if sentence.paragraph == article.first_body else role,
        sentence.paragraph / (blocks - 1) if blocks > 1 else 0.0,
        f'"{text[start:end]}" matches claim {claim.claim_id} '
        f'{"(negated) " if negated else ""}{how}',
    )


def _presenter(statements: list[dict], sentence: Sentence, start: int, end: int
               ) -> dict | None:
    """The statement that holds the match in its content or its cue, if any."""
    for row in statements:
        if row["start"] < sentence.end and row["end"] > sentence.start and (
                row["start"] <= start < row["end"] or start <= row["cue_start"] < end):
            return row
    return None


def _counters(article: _Article, claim: Claim, side: re.Pattern[str], sentence: Sentence,
              match_start: int) -> list[str]:
    found = []
    index = sentence.index
    sentences = article.sentences
    for other in sentences[index:index + 3]:
        found += [f'{side} statement in sentence {other.index}'
                  for side in article.sides_starting(other) if side not in ("", claim.side)]
    # A contrast marker frames what follows it: earlier in the claim's own sentence, or in the
    # sentence before when what it contradicts names the claim's side ("Bondarev's comments
    # contradict reports made by ... Amnesty International. A report this week said ...").
    lo = sentences[index - 1].start if index > 0 else sentence.start
    for marker in article.markers.between(lo, match_start):
        if marker.kind != "contrast" or article.quoted.holds(marker.start):
            continue
        if marker.start >= sentence.start or (
                marker.end <= article.last_named(claim.side, side, sentence)):
            found.append(f'"{marker.text}" before it')
    return list(dict.fromkeys(found))
