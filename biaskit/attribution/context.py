"""One document as the attribution forms see it: its text, quotes, sentences and speakers,
the statements found so far, and how a statement is recorded with its mode.

The forms (:mod:`biaskit.attribution.forms`) are functions of a :class:`DocumentContext`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate

from biaskit.annotate import AnnotatedDocument, annotate
from biaskit.attribution.quotes import Quote
from biaskit.attribution.reporting_verbs import Cue
from biaskit.attribution.speakers import Resolver, Speaker
from biaskit.codebook import Codebook
from biaskit.corpus.document import Document, count_words
from biaskit.corpus.sentences import Sentence, mask_abbreviations

_QUOTE_MARKS = "\"“”„«»‘’'"
CONTINUED = ", continued by the next quote"  # the form of a statement a later quote continues
WINDOW = 300  # characters around a cue in which its speaker, tag or lead-in must stand


class Statement:
    """A statement found so far, in slots: a long article has tens of thousands, and as dicts
    they took 450 bytes each, four times as much."""

    __slots__ = ("start", "end", "region", "cue", "form", "speaker", "speaker_obj", "mode",
                 "quoted_words", "paragraph", "sentence")

    def __init__(self, *, start: int, end: int, region: tuple[int, int], cue: Cue, form: str,
                 speaker: str, speaker_obj: Speaker, mode: str, quoted_words: int,
                 paragraph: int, sentence: Sentence):
        self.start, self.end, self.region, self.cue, self.form = start, end, region, cue, form
        self.speaker, self.speaker_obj, self.mode = speaker, speaker_obj, mode
        self.quoted_words, self.paragraph, self.sentence = quoted_words, paragraph, sentence

    def __repr__(self) -> str:
        return f"Statement({', '.join(f'{k}={getattr(self, k)!r}' for k in self.__slots__)})"


_SEMICOLON = re.compile(";")


class DocumentContext:
    """One document's quotes, sentences and speakers, and the statements found in it."""

    def __init__(self, doc: Document | AnnotatedDocument, codebook: Codebook | None):
        self.doc = doc = annotate(doc)
        self.sentences = doc.sentences
        # Patterns run over the text with abbreviation stops masked ("Mr_ Sanders said"),
        # which has the text's offsets; what is shown is cut from the text itself.
        # A non-breaking space is a space to every pattern (the text keeps its own).
        self.text = mask_abbreviations(doc.text, self.sentences).replace("\u00a0", " ")
        self.quotes = doc.quotes
        self.quote_starts = [q.start for q in self.quotes]
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        self.roles = {b.index: b.role for b in doc.blocks}
        headline_end = next((b.end for b in doc.blocks if b.role == "headline"), 0)
        self.resolver = Resolver(self.text, doc.mentions, codebook, headline_end)
        self.found: list[Statement] = []
        self.word_counts: dict[tuple[int, int], int] = {}
        self._semicolons: list[int] | None = None  # made when first asked for

    def quote_at(self, position: int) -> Quote | None:
        i = bisect_right(self.quote_starts, position) - 1
        if i >= 0 and self.quotes[i].start <= position < self.quotes[i].end:
            return self.quotes[i]
        return None

    def quotes_between(self, lo: int, hi: int) -> list[Quote]:
        """Quotes starting in [lo, hi), and one starting before lo that reaches past it."""
        i = bisect_right(self.quote_starts, lo - 1)
        if i and self.quotes[i - 1].end > lo:
            i -= 1
        found = []
        while i < len(self.quotes) and self.quotes[i].start < hi:
            found.append(self.quotes[i])
            i += 1
        return found

    def first_quote_between(self, lo: int, hi: int) -> Quote | None:
        i = bisect_right(self.quote_starts, lo - 1)
        if i < len(self.quotes) and self.quotes[i].start < hi:
            return self.quotes[i]
        return None

    def semicolon(self, lo: int, hi: int) -> int:
        """The first semicolon in text[lo:hi], else hi. Found from a list made once: a
        sentence thousands of words long is not searched again for each of its cues."""
        if self._semicolons is None:
            self._semicolons = [m.start() for m in _SEMICOLON.finditer(self.text)]
        i = bisect_left(self._semicolons, lo)
        return self._semicolons[i] if i < len(self._semicolons) and (
            self._semicolons[i] < hi) else hi

    def words(self, start: int, end: int) -> int:
        """count_words of text[start:end]; a statement's span is counted for its mode and
        again for its row, so counts are kept."""
        key = (start, end)
        if key not in self.word_counts:
            self.word_counts[key] = count_words(self.text[start:end])
        return self.word_counts[key]

    def sentence_at(self, position: int) -> Sentence | None:
        i = bisect_right(self.sentence_starts, position) - 1
        if i >= 0 and position < self.sentences[i].end:
            return self.sentences[i]
        return None

    def add(self, cue: Cue, speaker: Speaker, start: int, end: int, sentence: Sentence,
             form: str, *, region: tuple[int, int]) -> None:
        quote = self.quote_at(end - 1)
        if quote and start <= quote.start and end < quote.inner_end:
            # 'Kade said the plan "may fail. We warned them."': content never stops inside
            # a quote it opened.
            end = quote.inner_end
            region = (region[0], max(region[1], quote.end))
        start, end = trim(self.text, start, end)
        if end <= start:
            return
        self.resolver.remember(start, speaker)
        mode, quoted_words = self.mode(start, end, form)
        self.found.append(Statement(
            start=start, end=end, region=region, cue=cue, form=form, speaker=speaker.name,
            speaker_obj=speaker, mode=mode, quoted_words=quoted_words,
            paragraph=sentence.paragraph, sentence=sentence))

    def mode(self, start: int, end: int, form: str) -> tuple[str, int]:
        """The mode, direct (all quoted), mixed (a paraphrase holding a quote) or indirect,
        with the number of quoted words it was decided on."""
        quoted = self.quoted_words(start, end)
        if not quoted:
            mode = "indirect"
        elif (self.inside_one_quote(start, end) or form.startswith(("floating", "quote split"))
                or (form.endswith(CONTINUED) and self.starts_quoted(start))
                or quoted == self.words(start, end)):
            mode = "direct"
        else:
            mode = "mixed"
        return mode, quoted

    def starts_quoted(self, start: int) -> bool:
        quote = self.quote_at(start - 1) if start else None
        return bool(quote and quote.inner_start <= start)

    def inside_one_quote(self, start: int, end: int) -> bool:
        quote = self.quote_at(start - 1) if start else None
        return bool(quote and quote.inner_start <= start and end <= quote.inner_end)

    def quoted_words(self, start: int, end: int) -> int:
        total = 0
        for quote in self.quotes_between(start - 1, end):
            lo, hi = max(start, quote.inner_start), min(end, quote.inner_end)
            if lo < hi:
                total += self.words(lo, hi)
        return total

    def cut_statement(self, statement: Statement, end: int) -> None:
        """End a statement's content at ``end`` (a later clause begins there); a quote's
        content ends with its last quote before ``end``, not with the tag after it."""
        opening = self.quote_at(statement.start)
        if opening is not None and opening.inner_start == statement.start:
            # '"A," he said, adding ...': the content is 'A', not 'A," he said'
            end = max((q.inner_end for q in self.quotes_between(statement.start, end)
                       if q.end <= end), default=end)
        statement.end = trim(self.text, statement.start, end)[1]
        statement.mode, statement.quoted_words = self.mode(
            statement.start, statement.end, statement.form)

    def continue_statement(self, statement: Statement, quote: Quote) -> None:
        statement.end = trim(self.text, statement.start, quote.inner_end)[1]
        statement.region = (statement.region[0], max(statement.region[1], quote.end))
        if not statement.form.endswith(CONTINUED):
            statement.form += CONTINUED
        statement.mode, statement.quoted_words = self.mode(
            statement.start, statement.end, statement.form)

    def held_by_found(self) -> Callable[[int], bool]:
        """A test of whether a position lies in the region of a statement found so far. The
        regions are indexed once (sorted starts, the furthest end up to each), so a pass that
        asks for thousands of positions is not quadratic; statements added after the call
        are not seen."""
        regions = sorted(s.region for s in self.found)
        starts = [start for start, _ in regions]
        furthest = list(accumulate((end for _, end in regions), max))

        def held(position: int) -> bool:
            i = bisect_right(starts, position) - 1
            return i >= 0 and furthest[i] > position
        return held

def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, a final full stop or comma, and an unpaired outer mark."""
    while start < end and text[start] in " \n,":
        start += 1
    while end > start and text[end - 1] in " \n,;.":
        end -= 1
    if start < end and text[start] in _QUOTE_MARKS and not any(
            c in _QUOTE_MARKS for c in text[start + 1:end]):
        start += 1
    if start < end and text[end - 1] in "“\"" and text[end - 2:end - 1] in (" ", ",") and (
            text[end - 1] == "“" or text.count('"', start, end) % 2):
        end -= 1  # an opening mark left at the end ('..., “'), not the close of '"a sham,"'
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end
