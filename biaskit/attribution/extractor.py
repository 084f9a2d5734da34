"""Attribution: every quoted or reported statement, its speaker, actor and side.

Rules, not a parser model: reporting cues come from ``biaskit/data/reporting_verbs.csv``
(:mod:`biaskit.attribution.reporting_verbs`), quotation spans from
:mod:`biaskit.attribution.quotes`, speakers are resolved by :mod:`biaskit.attribution.speakers`;
the pieces every form uses are in :mod:`biaskit.attribution.pieces`, the rows and tables in
:mod:`biaskit.attribution.records`. The forms recognised, tried in this order for each cue
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
"""

from __future__ import annotations

import re
from bisect import bisect_right

from biaskit.attribution.mentions import narrator_spans
from biaskit.attribution.pieces import (
    _AFTER_RELATIVE,
    _ANY_WORD_CHAR,
    _NOT_SPEAKER_END,
    _RELATIVE_WORDS,
    _WINDOW,
    _antecedent,
    _Pieces,
    _trim,
)
from biaskit.attribution.reporting_verbs import _Cue, _lexicon
from biaskit.corpus.sentences import Sentence

_RECENT_STATEMENTS = 4  # statements a new cue may fall inside (cues come in text order)
_RELATIVE_BEFORE_CUE = re.compile(rf"(,\s*(?:{'|'.join(_RELATIVE_WORDS)})|\s+that)"
                                  rf"(?:\s+(?:{'|'.join(_AFTER_RELATIVE)}))?\s*$")
# The words a match can end with: a window ending otherwise is not searched.
_RELATIVE_BEFORE_CUE_ENDS = (*_RELATIVE_WORDS, "that", *_AFTER_RELATIVE)
_COORDINATION = re.compile(r",\s+(?:and|while|whereas|but)\s+|;\s+")
_COMMA_AND_PHRASE = re.compile(r"\s*,?\s*[^,.;:!?]{1,80}")
_ONLY_COMMA = re.compile(r"\s*,?\s*")
_TAG_TO_NEXT_QUOTE = re.compile(r"[^.!?]*?,\s*")
_LEAD_IN_TO_QUOTE = re.compile(r"\s*[:,]?\s*|\s+[^.:;,\"“”]{1,50}[:,]\s*")
_THAT = re.compile(r"that(?<!\wthat)(?!\w)")  # \bthat\b, but starting with its letters
_BARE_NOUN_PHRASE = re.compile(r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,3}")
_NARRATOR_CONTEXT = re.compile(r"\s(?:after|despite|amid|following)\s|;")
_SEMICOLON = re.compile(r";")
_HEADLINE_COLON = re.compile(r"([A-Z][^:\"“]{1,50}):\s+(\S.*)")
_TAG_CLOSES_SENTENCE = re.compile(r"\s*(?:(?:in|on|at|during|via|to|from|late|early|last|this|"
                                  r"yesterday|today)\b[^,;]*)?[.!?]?[\"”’]?\s*")
_SENTENCE_SUBJECT = re.compile(
    r"\s*((?:(?:The|A|An|Its|His|Her|Their)\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_VERB_LIKE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|did|do|does)\b")
_QUESTION_WORDS = ("What", "How", "Why", "Where", "When", "Who", "Which")


class _Extractor(_Pieces):
    """Finds the statements of one document (one instance per document)."""

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


def _is_question(sentence: str) -> bool:
    """Questions and 'What X say about Y' subheads report nobody's statement."""
    if sentence.rstrip().endswith("?"):
        return True
    if not sentence.lstrip().startswith(_QUESTION_WORDS):  # most sentences: no need to split
        return False
    return sentence.split(maxsplit=1)[0] in _QUESTION_WORDS
