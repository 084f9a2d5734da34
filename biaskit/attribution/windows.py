"""Windows of a very long document, so that attribution holds one window's working data at a
time, not a whole book's (issue 22: a 50 MB article held 15 bytes of it per byte of text).

A document longer than ``WINDOW_CHARS`` characters is read in windows of whole blocks
(paragraphs), each about ``WINDOW_CHARS`` long, with up to ``CONTEXT_CHARS`` of the blocks
before and after it read as context. A statement belongs to the window whose own blocks it
starts in, so none is found twice or lost at an edge. The context is what keeps the result
the whole document's: a pronoun or a description ("the ministry") looks back for its
antecedent, and a tag may come a paragraph after its quote. A dependency longer than the
context (a surname whose full name was given more than ``CONTEXT_CHARS`` earlier) is not
seen. No news article is long enough to be windowed; a book-length document is.

>>> from biaskit.corpus.document import Document
>>> doc = Document.from_parts("d", "Title", ["First one.", "Second one.", "Third one."])
>>> [(w.first_block, w.own_start, w.own_end) for w in document_windows(doc, 20, 0)]
[(0, 0, 19), (2, 19, 32), (3, 32, 43)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from biaskit.corpus.document import Document
from biaskit.corpus.sentences import split_sentences

WINDOW_CHARS = 500_000  # about 80,000 words: longer than any news article
CONTEXT_CHARS = 25_000  # about 40 paragraphs of news before and after a window


@dataclass(frozen=True)
class Window:
    """Blocks ``first_block`` onwards of a document, as a document of their own, whose
    ``text[i]`` is the whole document's ``text[offset + i]``. Statements starting in
    ``[own_start, own_end)`` (the whole document's offsets) are this window's."""

    document: Document
    first_block: int
    offset: int
    first_sentence: int  # the whole document's index of the window's first sentence
    own_start: int
    own_end: int


def document_windows(doc: Document, window_chars: int | None = None,
                     context_chars: int | None = None) -> Iterator[Window]:
    """The document's windows in order; one window, the document itself, when it is short.
    The sizes default to ``WINDOW_CHARS`` and ``CONTEXT_CHARS``."""
    window_chars = WINDOW_CHARS if window_chars is None else window_chars
    context_chars = CONTEXT_CHARS if context_chars is None else context_chars
    blocks, text = doc.blocks, doc.text
    if len(text) <= window_chars or len(blocks) < 2:
        yield Window(doc, 0, 0, 0, 0, len(text) + 1)
        return
    sentences_before = counted_to = 0
    own_first = 0
    while own_first < len(blocks):
        own_last = own_first  # a block longer than a window is a window of its own
        while (own_last + 1 < len(blocks)
               and blocks[own_last + 1].end - blocks[own_first].start <= window_chars):
            own_last += 1
        first = own_first
        while first > 0 and blocks[own_first].start - blocks[first - 1].start <= context_chars:
            first -= 1
        last = own_last
        while (last + 1 < len(blocks)
               and blocks[last + 1].end - blocks[own_last].end <= context_chars):
            last += 1
        for block in blocks[counted_to:first]:
            sentences_before += len(split_sentences(text, block.start, block.end))
        counted_to = first
        own_end = blocks[own_last + 1].start if own_last + 1 < len(blocks) else len(text) + 1
        yield Window(_blocks_as_document(doc, first, last + 1), first, blocks[first].start,
                     sentences_before, blocks[own_first].start, own_end)
        own_first = own_last + 1


def _blocks_as_document(doc: Document, first: int, end: int) -> Document:
    """Blocks ``first`` to ``end - 1`` as a document: the same roles, and a text that is the
    whole document's from the first block's start (blocks are joined by blank lines)."""
    parts = {"headline": "", "standfirst": ""}
    paragraphs = []
    for block in doc.blocks[first:end]:
        piece = doc.text[block.start:block.end]
        if block.role == "body":
            paragraphs.append(piece)
        else:
            parts[block.role] = piece
    return Document(doc_id=doc.doc_id, title=parts["headline"], standfirst=parts["standfirst"],
                    paragraphs=paragraphs, source=doc.source)
