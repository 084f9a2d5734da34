"""What the attribution forms are built from: one document's quotes, sentences and word
counts, the speaker phrase before or after a cue, and how a found statement is recorded with
its mode. :class:`_Pieces` holds them; the forms themselves are in
:mod:`biaskit.attribution.extractor`."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from biaskit.attribution.mentions import DETERMINERS, PRONOUNS, entity_words, narrator_mentions
from biaskit.attribution.quotes import Quote, find_quotes
from biaskit.attribution.reporting_verbs import _Cue
from biaskit.attribution.speakers import Resolver, Speaker
from biaskit.codebook import Codebook
from biaskit.corpus.document import Document, count_words
from biaskit.corpus.sentences import Sentence, document_sentences
from biaskit.lexicons import trie_regex

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
# Patterns used for every cue, compiled once.
_RELATIVE_WORDS, _AFTER_RELATIVE = ("which", "who"), ("also", "had", "has", "have")
_ANY_WORD_CHAR = re.compile(r"\w")
_PLACE_OR_TIME = re.compile(r"\s+(?:in|on|at|during|via|to|from|after|before|that)\s+")
_AS = re.compile(r"\bas\b")
_CLAUSE_AFTER_CUE = re.compile(r"\s*(?:[^.;:\"“]{0,50}?\s)?(?:that\b|[:“\"])")
_TOLD_THAT = re.compile(r"\s*[^.;:\"“]{0,50}?\bthat\s+")
_CONTENT_LEAD_IN = re.compile(r"\s*(?:,\s*)?(?:on\s+\w+day\s+)?(?:that\s+)?")
_CAPITALISED_WORDS = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*")
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|then)\s+", re.IGNORECASE)
_PHRASE_AFTER_CUE = re.compile(r"\s*([^,.;:!?\"“”]{1,80})")
_APPOSITION_AFTER_TAG = re.compile(
    r",\s+([^,.;]{3,120}?)(?=\s+(?:said|says|told|added)\b|[,.;]|$)")


# Clause breaks: punctuation, or a conjunction or relative word in any case.
_CLAUSE_BREAK = re.compile(r"[,;:(]|\s" + trie_regex(_CLAUSE_WORDS, any_case=True)
                           + r"\s")


class _Pieces:
    """One document's quotes, sentences and speakers, and the pieces every form uses."""

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
