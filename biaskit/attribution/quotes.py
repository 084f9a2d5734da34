"""Quotation spans: which stretches of a document sit between quotation marks.

Pairs curly and straight double quotes (and two apostrophes or two backticks, in wire copy),
German „...“ and »...«, French «...», and single quotes where they cannot be apostrophes.
News conventions handled on purpose: a quote left open at the end of a paragraph continues
when the next paragraph opens with a quotation mark; an opening mark that never closes ends
at its paragraph's end (``closed=False``) instead of swallowing the article; a stray closing
mark is ignored. One left-to-right pass per paragraph, so time is linear in the text.

>>> from biaskit.corpus.document import Document
>>> doc = Document.from_parts("d", "Title", ['“We left,” he said, “at dawn.”'])
>>> [doc.text[q.inner_start:q.inner_end] for q in find_quotes(doc)]
['We left,', 'at dawn.']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from biaskit.corpus.document import Document

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
# The marks that close a quote, by the mark that opened it: German opens with „ and closes
# with “ (which elsewhere opens), and may quote »so«; French and Swiss quote «so».
_CLOSERS = {"„": "“”\"", "»": "«"}  # any other opening mark: _DOUBLE_CLOSE or '"'
# Two apostrophes or two backticks stand for a double quotation mark in wire and archive
# copy (''We left,'' he said / ``We left,'' he said): one mark two characters wide.
# The pattern opens with one set of characters, which the engine skips ahead to; as
# ''|``|[...] it was tried at every position. After ' another ' may follow, after ` one must.
_MARK = re.compile(r"[\"“”„«»'‘’`](?:(?<=')'|(?<=`)`|(?<!`))")
_LONGEST_SINGLE_QUOTE = 300  # characters; longer single-quoted spans are apostrophes


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True


def find_quotes(doc: Document) -> list[Quote]:
    """Every quotation in the document, in text order, never overlapping."""
    return _document_quotes(doc)


def narrator_spans(doc: Document) -> list[tuple[int, int]]:
    """The narrator's text of a document, everything outside quotation marks, as
    ``(start, end)`` spans in text order (some may be empty)."""
    return spans_outside(find_quotes(doc), len(doc.text))


def spans_outside(quotes: Sequence[Quote], length: int) -> list[tuple[int, int]]:
    """The spans of a text of this length outside these quotes (in text order)."""
    spans, position = [], 0
    for quote in quotes:
        spans.append((position, quote.start))
        position = quote.end
    spans.append((position, length))
    return spans


def _document_quotes(doc: Document) -> list[Quote]:
    text = doc.text
    quotes: list[Quote] = []
    carried: int | None = None  # start of a quote continuing from the previous paragraph
    for block in doc.blocks:
        block_quotes, carried = _block_quotes(text, block.start, block.end, carried)
        quotes.extend(block_quotes)
    return quotes


def _opens_next(text: str, end: int) -> bool:
    """True when the paragraph after ``end`` starts with an opening quotation mark."""
    nxt = end + 2
    return nxt < len(text) and (text[nxt] in _DOUBLE_OPEN + '"'
                                or text.startswith(("''", "``"), nxt))


def _block_quotes(text: str, lo: int, hi: int, carried: int | None
                  ) -> tuple[list[Quote], int | None]:
    quotes: list[Quote] = []
    open_at = carried
    if carried is not None and lo < hi and text.startswith(("''", "``"), lo):
        lo += 2  # the continuation mark re-opens the carried quote
    elif carried is not None and lo < hi and text[lo] in _DOUBLE_OPEN + '"':
        lo += 1
    single_open: int | None = None
    open_width = 1
    read_to = lo  # a mark before this was read with the one before it
    for match in _MARK.finditer(text, lo, hi):
        pos, mark = match.start(), match.group()
        if pos < read_to:
            continue
        if len(mark) == 2:
            single_open = None
            if open_at is None:
                if mark == "``" or _can_open(text, pos, hi, width=2):
                    open_at, open_width = pos, 2
            else:
                end = match.end()
                if mark == "''" and text.startswith("'", end):
                    # ''... to say, 'He is one of us.''' : the inner quote closes first, and
                    # the last two apostrophes close the outer one
                    end += 1
                    read_to = end
                quotes.append(_make(text, open_at, end, closed=True, widths=(open_width, 2)))
                open_at, open_width = None, 1
            continue
        if mark in "'‘’":
            if open_at is None:
                single_open, quote = _single(text, pos, lo, hi, single_open)
                if quote:
                    quotes.append(quote)
            continue
        single_open = None
        if open_at is None:
            if mark in _DOUBLE_OPEN or (mark == '"' and _can_open(text, pos, hi)) or (
                    mark == "»" and _opens_inward(text, pos, lo, hi)):
                open_at, open_width = pos, 1
        elif mark in _CLOSERS.get(text[open_at], _DOUBLE_CLOSE + '"'):
            quotes.append(_make(text, open_at, pos + 1, closed=True, widths=(open_width, 1)))
            open_at, open_width = None, 1
        elif mark in _DOUBLE_OPEN:  # a new opening mark: the earlier quote never closed
            quotes.append(_make(text, open_at, pos, closed=False, widths=(open_width, 1)))
            open_at, open_width = pos, 1
    if open_at is None:
        return quotes, None
    if _opens_next(text, hi):
        return quotes, open_at
    quotes.append(_make(text, open_at, hi, closed=False, widths=(open_width, 1)))
    return quotes, None


def _opens_inward(text: str, pos: int, lo: int, hi: int) -> bool:
    """A '»' opens a quote (German '»so«') when a word follows it and none stands before."""
    return (pos == lo or not text[pos - 1].isalnum()) and pos + 1 < hi and (
        text[pos + 1].isalnum())


def _can_open(text: str, pos: int, hi: int, width: int = 1) -> bool:
    """A straight quote (``width`` characters) opens unless it sits right after a word with
    space or end after it."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + width] if pos + width < hi else " "
    return not (before.isalnum() or before in ".,!?;:") or not (
        after.isspace() or pos + width >= hi)


def _single(text: str, pos: int, lo: int, hi: int, single_open: int | None
            ) -> tuple[int | None, Quote | None]:
    """Handle a single quote mark outside double quotes; returns (open position, quote)."""
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    if before.isalnum() and after.isalnum():
        return single_open, None  # an apostrophe: Russia's, don't
    if single_open is None:
        if text[pos] != "’" and not before.isalnum() and (after.isalnum() or after in "(["):
            return pos, None
        return None, None
    if text[pos] != "‘" and not after.isalnum() and pos - single_open <= _LONGEST_SINGLE_QUOTE:
        return None, _make(text, single_open, pos + 1, closed=True)
    return single_open, None


def _make(text: str, start: int, end: int, *, closed: bool,
          widths: tuple[int, int] = (1, 1)) -> Quote:
    """A quote from its marks' positions; ``widths`` are the opening and closing marks'
    lengths (2 for '' and ``)."""
    inner_start = start + widths[0]
    inner_end = end - widths[1] if closed else end
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1  # a quote carried over paragraphs ends before the blank line
    return Quote(start, end, inner_start, inner_end, closed)
