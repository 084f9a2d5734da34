"""Rule-based sentence segmentation tuned for English news text.

A sentence ends at ``.``, ``!``, ``?``, an ellipsis (``...``, ``. . .``, ``…``) or a paragraph
break (a blank line), together with any closing quotes or brackets that follow the mark, and
only when whitespace or the end of the range comes next. On top of that:

* A mark followed by a lower-case word never ends a sentence (``"Are you sure?" she asked.``,
  ``hit ... so-called``).
* A full stop after a ``[prefix]`` abbreviation (titles, ``vs.``, ``e.g.``) never ends one.
* A full stop after a ``[general]`` abbreviation (``U.S.``, ``a.m.``, ``etc.``, months), a
  capital initial (``W.``) or a dotted letter group (``D.C.``) ends one only when the next
  word is a common sentence opener (``The``, ``He``, ``But`` ...) and is not itself an
  initial: ``the U.S. President`` stays whole, ``backed by the U.S. The ...`` splits.
* A closing quote or bracket right after the full stop makes it a plain full stop, whatever
  word precedes it.
* After a plain word, a full stop followed by a capital, digit or uncased letter ends a
  sentence; after an abbreviation a digit never does (``Jan. 25``, ``No. 10``).

The abbreviation list lives in ``biaskit/data/abbreviations.txt``. Everything is a single
left-to-right regex scan plus constant work per candidate, so time is linear in the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import FrozenInstanceError
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Sentence", "split_sentences", "document_sentences", "sentences_frame", "corpus_summary",
    "mask_abbreviations", "MASK",
]

_CLOSERS = "\"'\u201d\u2019)]}\u00bb"
_OPENERS_PUNCT = "\"'\u201c\u2018([{\u00ab\u2014\u2013-"

# Group 1 is the mark (a spaced ellipsis, or a run of marks) or a paragraph break (a blank
# line), group 2 the closers after a mark. Nothing follows the greedy parts, so the engine
# never backtracks into them, and each match consumes its whole run: the scan stays linear
# even on 200k dots or quotes. The pattern opens with the set of characters a candidate
# starts with, which the engine skips ahead to (a pattern opening with a lookahead or with
# alternatives is tried at every position); the lookbehinds read that first character.
_CANDIDATE = re.compile(
    r"([.!?\u2026\n](?:(?<=\.)(?:[^\S\n]\.)+|(?<=[.!?\u2026])[.!?\u2026]*|(?<=\n)[^\S\n]*\n))"
    r"(?:(?<!\n)([" + re.escape(_CLOSERS) + r"]*))?"
)
# The next word after a candidate: skip spaces and opening punctuation, capture the word and a
# following dot (to recognise an initial). Callers bound the scan with endpos.
_NEXT_WORD = re.compile(r"\s*[^\w\s]*(\w*)(\.?)")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")
_LOOKAHEAD = 64  # characters scanned for the next word
_LOOKBEHIND = 32  # longer tokens cannot be abbreviations

# Closed-class words and common adverbials that start sentences but are rarely part of a
# name, so they are the only capitalised words allowed to follow a sentence-final "U.S.".
_OPENERS = frozenset(
    """The A An This That These Those He She It They We I You His Her Its Their Our My Your
    There Here But And Or So Yet Nor In On At As By For From With Without After Before During
    Since Until While When Where Why How What Who Whom Whose Which If Although Though Because
    However Meanwhile Still Also Now Then Thus Instead Some Many Most Several Both Each Every
    All Any No Not Only One Two Three Earlier Later Last Next Such Other Another Neither Either
    Is Are Was Were Do Does Did Has Have Had Can Could Would Should Will""".split()
)

_PREFIX, _GENERAL = True, False


class Sentence:
    """One sentence of a document; ``text == doc.text[start:end]``.

    Frozen, compared and shown as the record ``Sentence(doc_id, paragraph, index, start, end,
    text)`` it was built as. A document's sentences (:func:`document_sentences`) keep only
    their offsets into its text and cut ``text`` from it when it is read: a long article's
    sentences would otherwise hold its whole text a second time (two bytes a character once
    it has a curly quote).
    """

    __slots__ = ("doc_id", "paragraph", "index", "start", "end", "_source", "_offset")
    __match_args__ = ("doc_id", "paragraph", "index", "start", "end", "text")

    doc_id: str
    paragraph: int
    index: int
    start: int
    end: int

    def __init__(self, doc_id: str, paragraph: int, index: int, start: int, end: int,
                 text: str):
        self._set(doc_id, paragraph, index, start, end, text, start)

    @classmethod
    def cut(cls, whole: str, doc_id: str, paragraph: int, index: int, start: int, end: int
            ) -> Sentence:
        """The sentence ``whole[start:end]``, holding ``whole`` rather than a copy of it."""
        sentence = cls.__new__(cls)
        sentence._set(doc_id, paragraph, index, start, end, whole, 0)
        return sentence

    def _set(self, doc_id: str, paragraph: int, index: int, start: int, end: int, source: str,
             offset: int) -> None:
        # Frozen: the slots are set past __setattr__, one by one (a loop took a tenth of
        # attribution's time on short articles).
        setter = object.__setattr__
        setter(self, "doc_id", doc_id)
        setter(self, "paragraph", paragraph)
        setter(self, "index", index)
        setter(self, "start", start)
        setter(self, "end", end)
        setter(self, "_source", source)
        setter(self, "_offset", offset)

    @property
    def text(self) -> str:
        """The sentence's text, ``doc.text[start:end]``."""
        offset = self._offset
        return self._source[self.start - offset:self.end - offset]

    def _record(self) -> tuple[str, int, int, int, int, str]:
        return self.doc_id, self.paragraph, self.index, self.start, self.end, self.text

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._record() == other._record()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._record())

    def __repr__(self) -> str:
        pairs = zip(self.__match_args__, self._record(), strict=True)
        return f"Sentence({', '.join(f'{name}={value!r}' for name, value in pairs)})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type, tuple]:
        return Sentence, self._record()  # pickled alone, a sentence carries only its own text


@cache
def _abbreviations() -> tuple[dict[str, bool], dict[str, bool]]:
    """Loads the abbreviation file once: (exact entries, lower-case entries) -> is_prefix."""
    raw = resources.files("biaskit").joinpath("data/abbreviations.txt").read_text("utf-8")
    exact: dict[str, bool] = {}
    lower: dict[str, bool] = {}
    kind = _GENERAL
    for line in raw.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry in ("[prefix]", "[general]"):
            kind = entry == "[prefix]"
        elif entry:
            (lower if entry == entry.lower() else exact)[entry] = kind
    return exact, lower


def _abbreviation_kind(token: str) -> bool | None:
    """_PREFIX, _GENERAL, or None for a plain word; ``token`` includes its final dot."""
    exact, lower = _abbreviations()
    kind = exact.get(token)
    if kind is None:
        kind = lower.get(token.lower())
    if kind is None and (
        (len(token) == 2 and token[0].isupper())
        or token.count(".") >= 2 and _DOTTED.fullmatch(token)  # most tokens have one stop
    ):
        kind = _GENERAL
    return kind


def _token_before(text: str, pos: int, lo: int) -> str:
    """The word ending at ``pos`` without leading opening punctuation ('' if too long)."""
    a = max(lo, pos - _LOOKBEHIND)
    window = text[a:pos]
    if not window or window[-1].isspace():
        return ""
    token = window.split()[-1]
    if len(token) == len(window) and a > lo and not text[a - 1].isspace():
        return ""
    return token.lstrip(_OPENERS_PUNCT)


def _is_boundary(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    after = m.end()
    if after == hi:
        return True
    if not text[after].isspace():  # "3.5", "U.S.-led", "example.com"
        return False
    nxt = _NEXT_WORD.match(text, after, min(hi, after + _LOOKAHEAD))
    word, dot = nxt.group(1), nxt.group(2)
    if word[:1].islower():
        return False
    if m.group(1) != "." or m.group(2):  # ? ! ellipsis, or a closed quote/bracket
        return True
    kind = _abbreviation_kind(_token_before(text, m.start(), lo) + ".")
    if kind is None:
        return True
    if kind is _PREFIX or word[:1].isdigit():
        return False
    return word in _OPENERS and not (len(word) == 1 and dot)


def _add_span(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    # (\s is what str.isspace() finds; a loop of one or two steps is cheaper than a regex call)
    while a < b and text[a].isspace():
        a += 1
    if a == b:
        return
    while text[b - 1].isspace():
        b -= 1
    spans.append((a, b))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets into text) within text[start:end].

    Spans are in order, non-overlapping, non-empty and trimmed of surrounding whitespace;
    every non-whitespace character of the range lies in exactly one span.

    Args:
        text: The full text.
        start: First offset of the range to segment.
        end: End of the range (exclusive); defaults to ``len(text)``.

    Returns:
        A list of ``(start, end)`` offsets into ``text``.

    Raises:
        ValueError: If not ``0 <= start <= end <= len(text)``.

    >>> s = "Gen. Smith arrived at 9 a.m. on Jan. 25. “We left.” He said so."
    >>> [s[a:b] for a, b in split_sentences(s)]
    ['Gen. Smith arrived at 9 a.m. on Jan. 25.', '“We left.”', 'He said so.']
    """
    hi = len(text) if end is None else end
    if not 0 <= start <= hi <= len(text):
        raise ValueError(f"invalid range [{start}:{end}] for text of length {len(text)}")
    spans: list[tuple[int, int]] = []
    seg = start
    for m in _CANDIDATE.finditer(text, start, hi):
        if text[m.start()] == "\n" or _is_boundary(text, m, start, hi):  # a blank line ends one
            _add_span(text, seg, m.end(), spans)
            seg = m.end()
    _add_span(text, seg, hi, spans)
    return spans


def document_sentences(doc: Any) -> list[Sentence]:
    """Segments each block of the document separately.

    Sentences never cross a block boundary, so a headline without final punctuation is one
    sentence.

    Args:
        doc: A :class:`~biaskit.corpus.document.Document` (anything with ``doc_id``, ``text``
            and ``blocks`` whose items have ``index``, ``start`` and ``end``).

    Returns:
        The document's sentences in order, indexed from 0.
    """
    return _segment(doc)


def _segment(doc: Any) -> list[Sentence]:
    text = doc.text
    out: list[Sentence] = []
    for block in doc.blocks:
        for a, b in split_sentences(text, block.start, block.end):
            out.append(Sentence.cut(text, doc.doc_id, block.index, len(out), a, b))
    return out


_COLUMNS = ("doc_id", "paragraph", "block", "role", "sentence", "start", "end", "text")


def sentences_frame(docs: Iterable[Any]) -> pd.DataFrame:
    """Tidy frame of sentences, one row each.

    Args:
        docs: An iterable of Documents (a Corpus is iterable).

    Returns:
        Columns ``doc_id, paragraph, block, role, sentence, start, end, text``; ``paragraph``
        is the number a reader counts (body paragraphs from 1, 0 in the headline and the
        standfirst: :class:`~biaskit.corpus.document.Block`), ``block`` the block index,
        ``role`` its role ("headline", "standfirst" or "body") and ``sentence``
        the 0-based sentence index within the document.
    """
    import pandas as pd  # deferred: segmentation alone should not pay for importing pandas

    cols: dict[str, list[Any]] = {c: [] for c in _COLUMNS}
    for doc in docs:
        for s in document_sentences(doc):
            block = doc.blocks[s.paragraph]
            cols["doc_id"].append(s.doc_id)
            cols["paragraph"].append(block.paragraph)
            cols["block"].append(block.index)
            cols["role"].append(block.role)
            cols["sentence"].append(s.index)
            cols["start"].append(s.start)
            cols["end"].append(s.end)
            cols["text"].append(s.text)
    ints = ("paragraph", "block", "sentence", "start", "end")
    return pd.DataFrame(
        {c: pd.Series(v, dtype="int64" if c in ints else str) for c, v in cols.items()}
    )


def corpus_summary(corpus: Iterable[Any]) -> pd.DataFrame:
    """One row per document: doc_id, source, date, provenance, paragraphs, sentences, words,
    whether it has a standfirst, its encoding and how many cleaning changes it had."""
    import pandas as pd  # deferred, as in sentences_frame

    rows = [{
        "doc_id": doc.doc_id, "source": doc.source, "date": doc.date,
        "provenance": doc.provenance, "paragraphs": len(doc.paragraphs),
        "sentences": len(document_sentences(doc)), "words": doc.n_words,
        "standfirst": bool(doc.standfirst), "encoding": doc.encoding,
        "cleaning_changes": len(doc.cleaning_log),
    } for doc in corpus]
    return pd.DataFrame(rows, columns=["doc_id", "source", "date", "provenance", "paragraphs",
                                       "sentences", "words", "standfirst", "encoding",
                                       "cleaning_changes"])


_STOP = re.compile(r"\.")
MASK = "_"


def mask_abbreviations(text: str, sentences: Iterable[Sentence]) -> str:
    """``text`` with the full stop of every abbreviation inside a sentence replaced by
    ``MASK``, so that patterns read "Mr. Sanders" or "U.S. officials" as one phrase.

    The result has the length of ``text``: offsets found in it are offsets in ``text``.

    >>> text = "Mr. Kade met U.S. envoys in Oslo. He left."
    >>> sentences = [Sentence("d", 0, 0, 0, 33, text[:33]), Sentence("d", 0, 1, 34, 42, "")]
    >>> mask_abbreviations(text, sentences)
    'Mr_ Kade met U_S_ envoys in Oslo. He left.'
    """
    ends = {sentence.end - 1 for sentence in sentences}
    masked: list[int] = []
    for stop in _STOP.finditer(text):  # few stops per article: look back from each
        i = start = stop.start()
        if not (i and text[i - 1].isalpha()):
            continue
        while start and (text[start - 1].isalpha() or text[start - 1] == "."):
            start -= 1
        if _abbreviation_kind(text[start:i + 1]) is not None:  # every stop of "p.m." or "U.S."
            masked.extend(j for j in range(start, i + 1) if text[j] == "." and j not in ends)
    if not masked:
        return text
    # The pieces between masked stops, not a list of every character (8 bytes a character).
    pieces, position = [], 0
    for i in sorted(set(masked)):
        pieces += (text[position:i], MASK)
        position = i + 1
    pieces.append(text[position:])
    return "".join(pieces)
