"""Segment: a document annotated once with what every analyser reads.

:func:`annotate` splits a document into sentences, finds its quotations, the narrator's text
outside them and the names in that text, and lowers its text for the lexicon matchers, once.
The analysers (attribution, claims, cues, tone, frames, readability) read these from the
:class:`AnnotatedDocument` instead of each finding them again. They still accept a plain
:class:`~biaskit.corpus.document.Document`, which they annotate on the fly; pass annotated
documents (as :func:`biaskit.compare.analyse_documents` does) to have the work done once.

>>> import biaskit
>>> doc = biaskit.Document.from_parts("d", "Title", ['“We left,” Lena Osei said.'])
>>> annotated = annotate(doc)
>>> len(annotated.sentences), [doc.text[q.start:q.end] for q in annotated.quotes]
(2, ['“We left,”'])
>>> [mention.name for mention in annotated.mentions]
['Title', 'Lena Osei']
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from biaskit.attribution.mentions import Mention, find_mentions
from biaskit.attribution.quotes import Quote, find_quotes, spans_outside
from biaskit.corpus.document import Document
from biaskit.corpus.sentences import Sentence, document_sentences
from biaskit.lexicons import lowered_text


class AnnotatedDocument:
    """A document with its sentences, quotes, narrator spans, name mentions and lowered text.

    Every attribute of the document (``text``, ``doc_id``, ``source``, ``blocks``, ``title``,
    ``metadata``, ...) reads through, so an analyser uses it as it would the document.
    """

    def __init__(self, document: Document):
        self.document = document
        # The attributes analysers read most, as plain attributes (the rest read through).
        self.doc_id, self.source = document.doc_id, document.source
        self.text, self.blocks = document.text, document.blocks
        self.sentences: tuple[Sentence, ...] = tuple(document_sentences(document))
        self.quotes: tuple[Quote, ...] = tuple(find_quotes(document))
        #: The narrator's text, everything outside quotation marks, as (start, end) spans.
        self.narrator_spans: tuple[tuple[int, int], ...] = tuple(
            spans_outside(self.quotes, len(self.text)))
        #: Names in the narrator's text, in order.
        self.mentions: tuple[Mention, ...] = tuple(find_mentions(self.text, self.narrator_spans))

    @cached_property  # attribution never reads it: a long article need not hold it twice
    def lowered(self) -> str | None:
        """``text.lower()`` with the same offsets, or None
        (:func:`~biaskit.lexicons.lowered_text`)."""
        return lowered_text(self.text)

    def __getattr__(self, name: str) -> Any:
        if name == "document":  # not set yet (while unpickling): do not recurse
            raise AttributeError(name)
        return getattr(self.document, name)

    def __repr__(self) -> str:
        return (f"AnnotatedDocument({self.doc_id!r}: {len(self.sentences)} sentences, "
                f"{len(self.quotes)} quotes, {len(self.mentions)} names)")


def annotate(doc: Document | AnnotatedDocument) -> AnnotatedDocument:
    """The document annotated (an annotated document is returned as it is)."""
    return doc if isinstance(doc, AnnotatedDocument) else AnnotatedDocument(doc)
