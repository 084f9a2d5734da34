"""Attribution: every quoted or reported statement, its speaker, actor and side.

Rules, not a parser model: reporting cues come from ``biaskit/data/reporting_verbs.csv``,
quotation spans from :mod:`biaskit.attribution.quotes`, speakers are resolved by
:mod:`biaskit.attribution.speakers`. The forms recognised, tried in this order for each cue
outside quotation marks:

* a tag after a quote: ``"...," he said`` / ``"...," said X, a descriptor``, with split quotes
  (``"A," X said, "B."``) as one statement and text before the quote making it mixed;
* a tag before a quote: ``X said: "..."``, ``X told Rossiya 24: "..."``;
* a speaker before the cue and the content after it: ``X denied bombing ...``, ``X said that
  ...`` (mixed when the content holds a quote);
* a tag at the end: ``..., the ministry said.`` and ``..., according to X.``;
* ``..., saying ...``, whose speaker is the subject of the sentence;
* the headline colon form ``Ministry: 'No hospitals were hit'``;
* floating quotes: a quoted sentence with no tag, after a quote of the same speaker.

>>> import biaskit
>>> doc = biaskit.Document.from_parts("d", "Title", ['“We left,” Lena Osei said.'])
>>> [(a.speaker, a.mode, a.cue, a.content) for a in extract_attributions(doc)]
[('Lena Osei', 'direct', 'say', 'We left')]
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from importlib import resources
from typing import NamedTuple

import pandas as pd

from biaskit.attribution.quotes import Quote, find_quotes
from biaskit.attribution.speakers import (
    DETERMINERS,
    PRONOUNS,
    Resolver,
    Speaker,
    entity_words,
    narrator_mentions,
    narrator_spans,
)
from biaskit.codebook import Codebook
from biaskit.corpus.document import Document, count_words
from biaskit.corpus.sentences import Sentence, document_sentences
from biaskit.lexicons import CASE_FOLDS, trie_regex

_QUOTE_MARKS = "\"“”„«»‘’'"
# Words that may stand between a speaker and the cue: "has also strongly denied".
_BETWEEN_SPEAKER_AND_CUE = frozenset(
    "has have had was were is are will would also strongly repeatedly again later then "
    "previously earlier further firmly flatly categorically vehemently publicly officially "
    "once quickly swiftly immediately today yesterday not never".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_NOT_SPEAKER_END = frozenset(
    "the a an of for to in on at by with and or no not any some its his her their this that "
    "who which as than".split())
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\b[^,]*,")
_CLAUSE_WORDS = "and but while whereas as after before because that which who when".split()


_WINDOW = 300  # characters around a cue in which its speaker, tag or lead-in must stand
_RECENT_STATEMENTS = 4  # statements a new cue may fall inside (cues come in text order)
# Patterns used for every cue, compiled once.
_RELATIVE_WORDS, _AFTER_RELATIVE = ("which", "who"), ("also", "had", "has", "have")
_RELATIVE_BEFORE_CUE = re.compile(rf"(,\s*(?:{'|'.join(_RELATIVE_WORDS)})|\s+that)"
                                  rf"(?:\s+(?:{'|'.join(_AFTER_RELATIVE)}))?\s*$")
# The words a match can end with: a window ending otherwise is not searched.
_RELATIVE_BEFORE_CUE_ENDS = (*_RELATIVE_WORDS, "that", *_AFTER_RELATIVE)
_COORDINATION = re.compile(r",\s+(?:and|while|whereas|but)\s+|;\s+")
_COMMA_AND_PHRASE = re.compile(r"\s*,?\s*[^,.;:!?]{1,80}")
_ONLY_COMMA = re.compile(r"\s*,?\s*")
_TAG_TO_NEXT_QUOTE = re.compile(r"[^.!?]*?,\s*")
_LEAD_IN_TO_QUOTE = re.compile(r"\s*[:,]?\s*|\s+[^.:;,\"“”]{1,50}[:,]\s*")
_ANY_WORD_CHAR = re.compile(r"\w")
_THAT = re.compile(r"that(?<!\wthat)(?!\w)")  # \bthat\b, but starting with its letters
_BARE_NOUN_PHRASE = re.compile(r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,3}")
_NARRATOR_CONTEXT = re.compile(r"\s(?:after|despite|amid|following)\s|;")
_SEMICOLON = re.compile(r";")
_HEADLINE_COLON = re.compile(r"([A-Z][^:\"“]{1,50}):\s+(\S.*)")
_PLACE_OR_TIME = re.compile(r"\s+(?:in|on|at|during|via|to|from|after|before|that)\s+")
_AS = re.compile(r"\bas\b")
_CLAUSE_AFTER_CUE = re.compile(r"\s*(?:[^.;:\"“]{0,50}?\s)?(?:that\b|[:“\"])")
_TOLD_THAT = re.compile(r"\s*[^.;:\"“]{0,50}?\bthat\s+")
_CONTENT_LEAD_IN = re.compile(r"\s*(?:,\s*)?(?:on\s+\w+day\s+)?(?:that\s+)?")
_CAPITALISED_WORDS = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*")
_TAG_CLOSES_SENTENCE = re.compile(r"\s*(?:(?:in|on|at|during|via|to|from|late|early|last|this|"
                                  r"yesterday|today)\b[^,;]*)?[.!?]?[\"”’]?\s*")
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|then)\s+", re.IGNORECASE)
_PHRASE_AFTER_CUE = re.compile(r"\s*([^,.;:!?\"“”]{1,80})")
_APPOSITION_AFTER_TAG = re.compile(
    r",\s+([^,.;]{3,120}?)(?=\s+(?:said|says|told|added)\b|[,.;]|$)")


@dataclass(frozen=True)
class Attribution:
    """One attributed statement; ``doc.text[start:end] == content``."""

    doc_id: str
    source: str
    paragraph: int
    sentence_index: int
    sentence: str
    start: int
    end: int
    speaker: str
    speaker_label: str
    actor: str
    side: str
    mode: str
    cue: str
    cue_start: int
    cue_end: int
    stance: str
    content: str
    content_words: int
    quoted_words: int
    position: str
    evidence: str


COLUMNS = tuple(f.name for f in fields(Attribution))


class _Cue(NamedTuple):  # a tuple: documents have many cues, and tuples are quick to make
    lemma: str
    stance: str
    requires: str
    start: int
    end: int


@dataclass(frozen=True)
class _Lexicon:
    """Reporting cues: one regex over every form, and each form's (lemma, stance, requires)."""

    pattern: re.Pattern[str]
    forms: dict[str, tuple[str, str, str]]

    def cues(self, text: str, lo: int, hi: int) -> list[_Cue]:
        """Cue occurrences in text[lo:hi], as whole words."""
        forms = self.forms
        return [_Cue(*forms[match.group().translate(_TO_ASCII).lower()], match.start(),
                     match.end())
                for match in self.pattern.finditer(text, lo, hi)]


# str.lower() leaves the letters re.IGNORECASE folds to ASCII as they are ("ſaid" stays
# "ſaid"): map them before looking a cue up.
_TO_ASCII = str.maketrans({char: letter for letter, chars in CASE_FOLDS.items()
                           for char in chars})


# Clause breaks: punctuation, or a conjunction or relative word in any case.
_CLAUSE_BREAK = re.compile(r"[,;:(]|\s" + trie_regex(_CLAUSE_WORDS, any_case=True)
                           + r"\s")


@cache
def _lexicon() -> _Lexicon:
    """Reporting cues from ``biaskit/data/reporting_verbs.csv``."""
    raw = resources.files("biaskit").joinpath("data/reporting_verbs.csv").read_text("utf-8")
    forms: dict[str, tuple[str, str, str]] = {}
    for row in csv.DictReader(raw.splitlines()):
        words = row["forms"].split()
        size = len(row["lemma"].split())
        # Multi-word lemmas ("call for") list their forms as word groups of the same length.
        for i in range(0, len(words), size):
            forms[" ".join(words[i:i + size]).lower()] = (
                row["lemma"], row["stance"], row["requires"])
    pattern = re.compile(r"(?<![\w'’-])" + trie_regex(forms, any_case=True)
                         + r"(?![\w'’-])")
    return _Lexicon(pattern, forms)


class _Extractor:
    """Finds the statements of one document (one instance per document)."""

    def __init__(self, doc: Document, codebook: Codebook | None):
        self.doc = doc
        self.text = doc.text
        self.quotes = find_quotes(doc)
        self._quote_starts = [q.start for q in self.quotes]
        self.sentences = document_sentences(doc)
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self.roles = {b.index: b.role for b in doc.blocks}
        self.first_body = next((b.index for b in doc.blocks if b.role == "body"), -1)
        self.resolver = Resolver(self.text, narrator_mentions(doc), codebook)
        self.found: list[dict] = []
        self._word_counts: dict[tuple[int, int], int] = {}

    # -- quotes ---------------------------------------------------------------------------

    def _quote_at(self, position: int) -> Quote | None:
        i = bisect_right(self._quote_starts, position) - 1
        if i >= 0 and self.quotes[i].start <= position < self.quotes[i].end:
            return self.quotes[i]
        return None

    def _quotes_between(self, lo: int, hi: int) -> list[Quote]:
        i = bisect_right(self._quote_starts, lo - 1)
        found = []
        while i < len(self.quotes) and self.quotes[i].start < hi:
            found.append(self.quotes[i])
            i += 1
        return found

    def _first_quote_between(self, lo: int, hi: int) -> Quote | None:
        i = bisect_right(self._quote_starts, lo - 1)
        if i < len(self.quotes) and self.quotes[i].start < hi:
            return self.quotes[i]
        return None

    def _words(self, start: int, end: int) -> int:
        """count_words of text[start:end]; a statement's span is counted for its mode and
        again for its row, so counts are kept."""
        key = (start, end)
        if key not in self._word_counts:
            self._word_counts[key] = count_words(self.text[start:end])
        return self._word_counts[key]

    # -- the main loop --------------------------------------------------------------------

    def run(self) -> list[dict]:
        # A cue inside quotation marks is the speaker's own word, not a report of speech:
        # only the narrator's text is scanned. No cue form holds a quotation mark or a line
        # break, so no cue crosses a quote's edge.
        lexicon = _lexicon()
        cues = [cue for lo, hi in narrator_spans(self.doc)
                for cue in lexicon.cues(self.text, lo, hi)]
        cue_starts = [cue.start for cue in cues]
        for sentence in self.sentences:
            if self.roles[sentence.paragraph] == "headline" and self._headline_colon(sentence):
                continue
            if _is_question(sentence.text):
                continue
            first = bisect_right(cue_starts, sentence.start - 1)
            last = bisect_right(cue_starts, sentence.end - 1)
            for cue in cues[first:last]:
                if cue.end > sentence.end:
                    continue
                if self.text[cue.start].isupper() and cue.start != sentence.start:
                    continue  # "Islamic State" is a name, not the verb "state"
                if self._claimed(cue):
                    continue
                (self._after_quote(cue, sentence) or self._before_quote(cue, sentence)
                 or self._according_to(cue, sentence) or self._participle(cue, sentence)
                 or self._end_tag(cue, sentence) or self._speaker_then_content(cue, sentence))
        self._floating_quotes()
        return sorted(self.found, key=lambda s: s["start"])

    def _claimed(self, cue: _Cue) -> bool:
        """True when the cue lies in a statement already found (its tag or its content),
        unless it starts a new clause with its own subject: ', and it described ...'."""
        for statement in self.found[-_RECENT_STATEMENTS:]:  # cues come in text order
            region_start, region_end = statement["region"]
            if not region_start <= cue.start < region_end:
                continue
            if not statement["start"] <= cue.start < statement["end"]:
                return True
            cut = self._clause_split(statement["start"], cue)
            if cut is None:
                return True  # a statement nested in another: 'Amnesty said ... had shown that'
            statement["end"] = _trim(self.text, statement["start"], cut)[1]
            statement["region"] = (region_start, cut)
            statement["mode"], statement["quoted_words"] = self._mode(
                statement["start"], statement["end"], statement["form"])
        return False

    def _clause_split(self, start: int, cue: _Cue) -> int | None:
        """Where a new reporting clause begins inside earlier content, or None.

        New clauses: '; X denies', ', while X said', ', and it described', ', and Viktor
        Bondarev, commander ..., told', ', which claimed', 'a report ... that said'.
        """
        lo = max(start, cue.start - _WINDOW)  # a clause boundary sits close to its cue
        before = self.text[lo:cue.start]
        relative = _RELATIVE_BEFORE_CUE.search(before) if before.rstrip().endswith(
            _RELATIVE_BEFORE_CUE_ENDS) else None
        if relative and _antecedent(before[:relative.start()]):
            return lo + relative.start()
        for boundary in _COORDINATION.finditer(before):
            subject = before[boundary.end():]
            if subject.strip() and self._subject(subject) and not re.search(
                    r"\b(?:that|which|who)\b", subject):
                return lo + boundary.start()
        return None

    # -- the forms ------------------------------------------------------------------------

    def _after_quote(self, cue: _Cue, sentence: Sentence) -> bool:
        """'"...," he said' and '"...," said Viktor Bondarev, a descriptor'."""
        i = bisect_right(self._quote_starts, cue.start) - 1  # the last quote before the cue
        quote = self.quotes[i] if i >= 0 else None
        if quote is None or not sentence.start <= quote.end <= cue.start:
            return False
        between = self.text[quote.end:cue.start]
        if not _ONLY_COMMA.fullmatch(between):
            phrase = between.strip(" ,")
            if not (_COMMA_AND_PHRASE.fullmatch(between) and
                    self._subject(phrase) == phrase):
                return False
            phrase_start = quote.end + between.index(phrase)
            speaker = self.resolver.resolve(phrase, phrase_start)
            tag_end = cue.end
        else:
            after = self._phrase_after(cue.end, sentence.end)
            if not after:
                return False
            phrase, phrase_start, tag_end = after
            speaker = self.resolver.resolve(phrase, phrase_start)
            speaker = self._with_apposition(speaker, tag_end, sentence.end)
        content_start = quote.inner_start
        if quote.start > sentence.start:  # sentences are trimmed: text stands before the quote
            content_start = sentence.start  # 'Pilots are well-trained and "...," he said'
        content_end = quote.inner_end if content_start == quote.inner_start else quote.end
        next_quote = self._first_quote_between(tag_end, sentence.end + 1)
        region_end = sentence.end
        form = "tag after the quote"
        if next_quote and _TAG_TO_NEXT_QUOTE.fullmatch(self.text[tag_end:next_quote.start]):
            content_end = next_quote.inner_end
            region_end = max(sentence.end, next_quote.end)
            if content_start == quote.inner_start:
                form = "quote split by its tag"
        self._add(cue, speaker, content_start, content_end, sentence, form,
                  region=(min(content_start, quote.start), region_end))
        return True

    def _before_quote(self, cue: _Cue, sentence: Sentence) -> bool:
        """'X said: "..."' and 'X told Rossiya 24 television: "..."'."""
        quote = self._first_quote_between(cue.end, sentence.end + 1)
        if not quote:
            return False
        if quote.start - cue.end > 60:
            return False
        between = self.text[cue.end:quote.start]
        if not _LEAD_IN_TO_QUOTE.fullmatch(between):
            return False
        if _ANY_WORD_CHAR.search(self.text[quote.end:sentence.end]) and quote.end <= sentence.end:
            return False  # 'finds "..." in Russia's campaign' is a paraphrase with a quote
        phrase = self._subject_before(cue, sentence)
        if not phrase:
            return False
        speaker = self.resolver.resolve(phrase[0], phrase[1])
        self._add(cue, speaker, quote.inner_start, quote.inner_end, sentence,
                  "tag before the quote", region=(phrase[1], max(quote.end, sentence.end)))
        return True

    def _according_to(self, cue: _Cue, sentence: Sentence) -> bool:
        if cue.lemma != "according to":
            return False
        after = self._phrase_after(cue.end, sentence.end, allow_determiner=True)
        if not after:
            return False
        phrase, phrase_start, tag_end = after
        speaker = self.resolver.resolve(phrase, phrase_start)
        if _ANY_WORD_CHAR.search(self.text, sentence.start, cue.start):
            start, end = sentence.start, cue.start
        else:
            start, end = tag_end, sentence.end
        self._add(cue, speaker, start, end, sentence, '"according to"',
                  region=(sentence.start, sentence.end))
        return True

    def _participle(self, cue: _Cue, sentence: Sentence) -> bool:
        """'Russia began air strikes ..., saying it was acting ...': the subject speaks."""
        if not self.text[cue.start:cue.end].lower().endswith("ing"):
            return False
        if not self.text[max(sentence.start, cue.start - 8):cue.start].rstrip().endswith(","):
            return False
        subject = _SENTENCE_SUBJECT.match(self.text, sentence.start, cue.start)
        if not subject or not self._requirement_met(cue, sentence):
            return False
        phrase = subject.group(1)
        speaker = self.resolver.resolve(phrase, subject.start(1))
        start = self._content_start(cue, sentence)
        self._add(cue, speaker, start, sentence.end, sentence, "participle after the clause",
                  region=(cue.start, sentence.end))
        return True

    def _end_tag(self, cue: _Cue, sentence: Sentence) -> bool:
        """'Air strikes hit no civilians, the ministry said.' and '..., said X.'"""
        if sentence.end - cue.end > _WINDOW:
            return False  # a closing tag is short
        rest = self.text[cue.end:sentence.end]
        if rest.count(" ") > 12 or _THAT.search(rest):
            return False
        comma = self.text.rfind(",", max(sentence.start, cue.start - _WINDOW), cue.start)
        if comma <= sentence.start:
            return False
        head_after_comma = self.text[comma + 1:cue.start]
        phrase = head_after_comma.strip()
        if phrase:
            if not _TAG_CLOSES_SENTENCE.fullmatch(rest):
                return False  # the tag must close the sentence: '..., the ministry said.'
            first = phrase.split()[0].lower()
            bare_noun = _BARE_NOUN_PHRASE.fullmatch(phrase) and (
                phrase.split()[-1] not in _NOT_SPEAKER_END) and first not in (
                "and", "but", "or", "so", "then")  # '..., officials said.'
            if self._subject(phrase) != phrase and not bare_noun:
                return False
            phrase_start = comma + 1 + head_after_comma.index(phrase)
            speaker = self.resolver.resolve(phrase, phrase_start)
        else:
            after = self._phrase_after(cue.end, sentence.end)
            if not after or _VERB_LIKE.search(after[0]):
                return False  # '..., said the figures were false' is not an inverted tag
            speaker = self.resolver.resolve(after[0], after[1])
        self._add(cue, speaker, sentence.start, comma, sentence,
                  "tag at the end of the sentence", region=(sentence.start, sentence.end))
        return True

    def _speaker_then_content(self, cue: _Cue, sentence: Sentence) -> bool:
        """'X denied bombing civilian targets', 'X said that ...'."""
        if not self._requirement_met(cue, sentence):
            return False
        subject = self._subject_before(cue, sentence)
        if not subject:
            return False
        speaker = self.resolver.resolve(subject[0], subject[1])
        start = self._content_start(cue, sentence)
        if start >= sentence.end:
            return False
        end = sentence.end
        stop = _SEMICOLON.search(self.text, start, end)
        if not self.text[cue.end:start].strip().endswith("that") and cue.stance in (
                "denial", "accusation"):
            # What a denial denies ends where the narrator's context begins.
            stop = _NARRATOR_CONTEXT.search(self.text, start, end) or stop
        if stop:
            end = stop.start()
        self._add(cue, speaker, start, end, sentence, "speaker before the cue",
                  region=(subject[1], end))
        return True

    def _headline_colon(self, sentence: Sentence) -> bool:
        """Headline colon form: 'Ministry: "No hospitals were hit"'."""
        match = _HEADLINE_COLON.match(sentence.text)
        if not match or len(match.group(1).split()) > 6:
            return False
        phrase_start = sentence.start
        speaker = self.resolver.resolve(match.group(1), phrase_start)
        if not (speaker.actor or speaker.kind in ("person", "organisation")):
            return False
        cue = _Cue(":", "neutral", "", sentence.start + match.end(1), sentence.start +
                   match.end(1) + 1)
        start = sentence.start + match.start(2)
        self._add(cue, speaker, start, sentence.end, sentence, "headline colon form",
                  region=(sentence.start, sentence.end))
        return True

    def _floating_quotes(self) -> None:
        """A quoted sentence without a tag continues the previous quote's speaker."""
        by_start = sorted((s["start"], s["end"]) for s in self.found)
        starts = [start for start, _ in by_start]
        by_end = sorted(self.found, key=lambda s: s["end"])
        ends = [s["end"] for s in by_end]
        for quote in self.quotes:
            i = bisect_right(starts, quote.inner_start) - 1
            if i >= 0 and by_start[i][0] <= quote.inner_start < by_start[i][1]:
                continue
            inner = self.text[quote.inner_start:quote.inner_end]
            words = inner.split()
            if len(words) < 3 or not inner[:1].isupper() or all(w[:1].isupper() for w in words):
                continue
            sentence = self._sentence_at(quote.start)
            if sentence is None or quote.start != sentence.start:
                continue
            j = bisect_right(ends, quote.start) - 1
            if j < 0:
                continue
            last = by_end[j]
            if last["mode"] == "indirect" or sentence.paragraph - last["paragraph"] > 1:
                continue
            cue = _Cue("", "", "", quote.start, quote.start)
            self._add(cue, last["speaker_obj"], quote.inner_start, quote.inner_end, sentence,
                      f'floating quote after a quote by "{last["speaker"]}"',
                      region=(quote.start, quote.end))
            added = self.found[-1]  # a later floating quote may continue this one
            k = bisect_right(ends, added["end"])
            ends.insert(k, added["end"])
            by_end.insert(k, added)

    # -- pieces ---------------------------------------------------------------------------

    def _subject_before(self, cue: _Cue, sentence: Sentence) -> tuple[str, int] | None:
        """The speaker phrase right before the cue, and where it starts."""
        lo = max(sentence.start, cue.start - _WINDOW)  # a speaker phrase is short
        window = self.text[lo:cue.start]
        closing = max(window.rfind("”"), window.rfind('"'), window.rfind("’"))
        if closing >= 0 and self._quote_at(lo + closing):
            window_start = lo + closing + 1
        else:
            window_start = lo
        window = self.text[window_start:cue.start]
        words = window.split()
        last = words[-1].lower() if words else ""
        while words and (last in _BETWEEN_SPEAKER_AND_CUE or last.rstrip(",") in _WEEKDAYS):
            words.pop()
            if words and words[-1].lower() == "on":
                words.pop()
            last = words[-1].lower() if words else ""
        if words and _is_passive(last, self.text[cue.start:cue.end]):
            return None  # 'Moscow has been accused of': the subject is not the speaker
        if words and last in ("which", "who", "that"):
            words.pop()  # a relative clause: '... Amnesty International, which claimed'
            phrase = _antecedent(" ".join(words).rstrip(","))
            found = window.rfind(phrase) if phrase else -1
            return (phrase, window_start + found) if found >= 0 else None
        trimmed = " ".join(words)
        if not trimmed:
            return None
        phrase = self._subject(trimmed)
        if not phrase:
            return None
        found = window.rfind(phrase)
        return (phrase, window_start + found) if found >= 0 else None

    def _subject(self, before: str) -> str:
        """The noun phrase that ends ``before`` if it can be a speaker, else ''."""
        before = _RELATIVE_CLAUSE.sub(",", before)  # ', who asked not to be named,'
        pieces = _CLAUSE_BREAK.split(before)
        # Usually only the last part is needed: tidy the others only when it is empty.
        phrase = _LEADING_CONJUNCTION.sub("", pieces[-1].strip())
        if not phrase and len(pieces) >= 2:  # 'Viktor Bondarev, commander-in-chief ..., said'
            parts = [_LEADING_CONJUNCTION.sub("", p.strip()) for p in pieces[:-1]]
            earlier = [p for p in parts if p]
            phrase = next((p for p in reversed(earlier) if _looks_like_name(p)), "") or (
                earlier[0] if len(earlier) == 1 else "")
        words = phrase.split()
        if not words or len(words) > 12:
            return ""
        first, last = words[0], words[-1].lower()
        if len(words) == 1 and last in ("there", "here"):
            return ""  # 'There were reports that ...': nobody speaks
        if last in _NOT_SPEAKER_END or last.endswith(("ed", "ing")) and len(words) > 1 and not (
                words[-1][:1].isupper()):
            return ""
        if first.lower() in PRONOUNS or first.lower() in DETERMINERS or first[:1].isupper():
            return phrase
        return ""

    def _phrase_after(self, lo: int, hi: int, allow_determiner: bool = True
                      ) -> tuple[str, int, int] | None:
        """The speaker phrase right after an inverted cue: 'said Viktor Bondarev, ...'."""
        match = _PHRASE_AFTER_CUE.match(self.text, lo, hi)
        if not match:
            return None
        phrase = _PLACE_OR_TIME.split(
                          match.group(1))[0].strip()
        if not phrase or phrase.split()[0].lower() == "that":
            return None
        first = phrase.split()[0]
        if not (first[:1].isupper() or (allow_determiner and first.lower() in DETERMINERS)
                or first.lower() in PRONOUNS):
            return None
        start = match.start(1)
        return phrase, start, start + len(phrase)

    def _with_apposition(self, speaker: Speaker, tag_end: int, hi: int) -> Speaker:
        """'said Viktor Bondarev, Colonel General and commander-in-chief of ...' -> label."""
        match = _APPOSITION_AFTER_TAG.match(self.text, tag_end, hi)
        if not match or speaker.label:
            return speaker
        return replace(speaker, label=match.group(1).strip())

    def _requirement_met(self, cue: _Cue, sentence: Sentence) -> bool:
        end = min(sentence.end, cue.end + _WINDOW)
        if cue.requires == "as":
            return bool(_AS.search(self.text, cue.end, end))
        if cue.requires == "clause":
            return bool(_CLAUSE_AFTER_CUE.match(self.text, cue.end, end))
        return bool(_ANY_WORD_CHAR.search(self.text, cue.end, end))

    def _content_start(self, cue: _Cue, sentence: Sentence) -> int:
        end = min(sentence.end, cue.end + _WINDOW)
        if cue.lemma == "tell":
            told = _TOLD_THAT.match(self.text, cue.end, end)
            if told:
                return told.end()
        match = _CONTENT_LEAD_IN.match(self.text, cue.end, end)
        return match.end() if match else cue.end

    def _sentence_at(self, position: int) -> Sentence | None:
        i = bisect_right(self._sentence_starts, position) - 1
        if i >= 0 and position < self.sentences[i].end:
            return self.sentences[i]
        return None

    def _add(self, cue: _Cue, speaker: Speaker, start: int, end: int, sentence: Sentence,
             form: str, *, region: tuple[int, int]) -> None:
        start, end = _trim(self.text, start, end)
        if end <= start:
            return
        self.resolver.remember(start, speaker)
        mode, quoted_words = self._mode(start, end, form)
        self.found.append({
            "start": start, "end": end, "region": region, "cue": cue, "form": form,
            "speaker": speaker.name, "speaker_obj": speaker, "mode": mode,
            "quoted_words": quoted_words, "paragraph": sentence.paragraph, "sentence": sentence,
        })

    def _mode(self, start: int, end: int, form: str) -> tuple[str, int]:
        """The mode, direct (all quoted), mixed (a paraphrase holding a quote) or indirect,
        with the number of quoted words it was decided on."""
        quoted = self._quoted_words(start, end)
        if not quoted:
            mode = "indirect"
        elif (self._inside_one_quote(start, end) or form.startswith(("floating", "quote split"))
                or quoted == self._words(start, end)):
            mode = "direct"
        else:
            mode = "mixed"
        return mode, quoted

    def _inside_one_quote(self, start: int, end: int) -> bool:
        quote = self._quote_at(start - 1) if start else None
        return bool(quote and quote.inner_start <= start and end <= quote.inner_end)

    def _quoted_words(self, start: int, end: int) -> int:
        total = 0
        for quote in self._quotes_between(start - 1, end):
            lo, hi = max(start, quote.inner_start), min(end, quote.inner_end)
            if lo < hi:
                total += self._words(lo, hi)
        return total


_SENTENCE_SUBJECT = re.compile(
    r"\s*((?:(?:The|A|An|Its|His|Her|Their)\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")


_VERB_LIKE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|did|do|does)\b")
_PASSIVE_AUXILIARIES = frozenset("been being be is are was were".split())


def _is_passive(word_before: str, cue_form: str) -> bool:
    """'has been accused', 'was told', 'is said to': the grammatical subject is not speaking."""
    word = word_before.lower()
    if word not in _PASSIVE_AUXILIARIES:
        return False
    cue = cue_form.lower()
    return word in ("been", "being", "be") or cue.endswith(("ed", "en")) or cue in (
        "said", "told", "found", "shown", "written")


_ARTICLES_AND_POSSESSIVES = DETERMINERS - {"that", "this", "these", "those"}


def _antecedent(before: str) -> str:
    """The noun phrase a relative clause hangs on: '... rejected allegations by the
    London-based group Amnesty International' -> 'the London-based group Amnesty International'."""
    words = before.strip(" ,").split()
    for i in range(len(words) - 1, max(-1, len(words) - 9), -1):
        if words[i].lower() in _ARTICLES_AND_POSSESSIVES:
            return " ".join(words[i:])
    names = list(_CAPITALISED_WORDS.finditer(before))
    return names[-1].group() if names else ""


_QUESTION_WORDS = ("What", "How", "Why", "Where", "When", "Who", "Which")


def _is_question(sentence: str) -> bool:
    """Questions and 'What X say about Y' subheads report nobody's statement."""
    if sentence.rstrip().endswith("?"):
        return True
    if not sentence.lstrip().startswith(_QUESTION_WORDS):  # most sentences: no need to split
        return False
    return sentence.split(maxsplit=1)[0] in _QUESTION_WORDS


def _looks_like_name(phrase: str) -> bool:
    words = phrase.split()
    titles = entity_words()["title"]
    return bool(words) and len(words) <= 6 and all(
        w[:1].isupper() or w in ("al", "bin", "de", "van", "von") for w in words) and not all(
        w.lower() in titles for w in words)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, a final full stop or comma, and an unpaired outer mark."""
    while start < end and text[start] in " \n,":
        start += 1
    while end > start and text[end - 1] in " \n,;.":
        end -= 1
    if start < end and text[start] in _QUOTE_MARKS and not any(
            c in _QUOTE_MARKS for c in text[start + 1:end]):
        start += 1
    if start < end and text[end - 1] in "“\"" and text[end - 2:end - 1] in (" ", ","):
        end -= 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def extract_attributions(doc: Document, codebook: Codebook | None = None) -> list[Attribution]:
    """Every attributed statement of a document, in text order."""
    return [Attribution(*row) for row in _rows(doc, codebook)]


def _rows(doc: Document, codebook: Codebook | None) -> list[tuple]:
    """The statements of a document as tuples in ``COLUMNS`` order (the frame is built from
    these directly, without an Attribution object per row)."""
    extractor = _Extractor(doc, codebook)
    statements = extractor.run()
    roles = extractor.roles
    sentences = extractor.sentences
    sentence_starts = extractor._sentence_starts
    first_body = extractor.first_body
    text, doc_id, source, words = doc.text, doc.doc_id, doc.source, extractor._words
    sides = codebook.sides if codebook else None
    rows = []
    for found in statements:
        start, end = found["start"], found["end"]
        cue: _Cue = found["cue"]
        speaker: Speaker = found["speaker_obj"]
        mode = found["mode"]
        i = bisect_right(sentence_starts, start) - 1
        j = bisect_right(sentence_starts, end - 1) - 1
        first = sentences[i] if i >= 0 else found["sentence"]
        last = sentences[j] if j >= i >= 0 else first
        paragraph = first.paragraph
        position = "lead" if paragraph == first_body else roles[paragraph]
        actor = speaker.actor
        cue_text = text[cue.start:cue.end]
        if actor:
            side_label = sides[actor.side].label if sides else ""
            actor_evidence = f"; alias of {actor.actor_id} ({side_label})"
        else:
            actor_evidence = "; no codebook actor"
        evidence = (f'{mode}: {found["form"]}'
                    + (f', cue "{cue_text}"' if cue_text else "")
                    + f"; {speaker.how}" + actor_evidence)
        content = text[start:end]
        rows.append((
            doc_id, source, paragraph, first.index, text[first.start:last.end],
            start, end, speaker.name, speaker.label,
            actor.actor_id if actor else "", actor.side if actor else "",
            mode, cue.lemma, cue.start, cue.end, cue.stance, content, words(start, end),
            found["quoted_words"], position, evidence))
    return rows


def statement_records(attributions: pd.DataFrame, columns: Sequence[str]
                      ) -> dict[str, list[dict]]:
    """Each document's statements (rows of the attribution table, with these columns) as
    records, in the order ``sort_values("start")`` gives them."""
    table = list(zip(*(attributions[column].tolist() for column in columns), strict=True))
    doc_ids = attributions["doc_id"]
    rows_by_doc: dict[str, list[int]] = {}
    for row, (doc_id, missing) in enumerate(zip(doc_ids.tolist(), doc_ids.isna().tolist(),
                                                strict=True)):
        if not missing:  # as groupby, which drops a missing doc_id
            rows_by_doc.setdefault(doc_id, []).append(row)
    starts = attributions["start"].tolist()
    records = {}
    for doc_id, rows in rows_by_doc.items():
        if not all(starts[a] < starts[b] for a, b in zip(rows, rows[1:], strict=False)):
            # Ties, disorder or a missing start: let pandas order them (its sort is not
            # stable).
            order = attributions.iloc[rows].reset_index(drop=True).sort_values("start").index
            rows = [rows[i] for i in order]
        records[doc_id] = [dict(zip(columns, table[row], strict=True)) for row in rows]
    return records


def statements_by_sentence(statements: list[dict], sentences: list[Sentence]
                           ) -> list[list[dict]]:
    """For each sentence (by index), the statements (rows of the attribution table, as
    records) that overlap it; a statement spanning sentences is listed under each."""
    starts = [sentence.start for sentence in sentences]
    found: list[list[dict]] = [[] for _ in sentences]
    for statement in statements:
        first = max(0, bisect_right(starts, statement["start"]) - 1)
        last = max(first, bisect_right(starts, statement["end"] - 1) - 1)
        for index in range(first, last + 1):
            found[index].append(statement)
    return found


def attributions_frame(documents: Iterable[Document] | Document,
                       codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per attributed statement of every document; first column ``doc_id``."""
    if isinstance(documents, Document):
        documents = [documents]
    rows = [row for doc in documents for row in _rows(doc, codebook)]
    if not rows:
        return pd.DataFrame([], columns=list(COLUMNS))
    columns = zip(*rows, strict=True)  # the frame is built from whole columns, at once
    return pd.DataFrame(dict(zip(COLUMNS, map(list, columns), strict=True)),
                        columns=list(COLUMNS))
