"""A document is segmented, its quotes found and its names listed once, and every analyser
reads that annotation; analysers still take plain documents."""

from __future__ import annotations

import pickle

import pandas as pd
from conftest import CODEBOOK

import biaskit.annotate
from biaskit import Document, attributions_frame, load_codebook
from biaskit.annotate import AnnotatedDocument, annotate
from biaskit.compare import analyse_documents
from biaskit.framing.claims import claim_occurrences
from biaskit.framing.cues import presentation_cues
from biaskit.framing.frames import frame_scores
from biaskit.readability import side_readability
from biaskit.tone import coverage_tone

DOC = Document.from_parts(
    "d1", "Harbour council denies closing the ferry",
    ['"We never closed it," said Mara Ilves, the council spokeswoman.',
     'Residents of Tollby said the ferry had stopped in May, according to a local paper.'],
    source="Coast Herald")


def test_annotation_holds_sentences_quotes_narrator_text_and_names():
    annotated = annotate(DOC)
    assert [s.text for s in annotated.sentences][0] == "Harbour council denies closing the ferry"
    assert [DOC.text[q.start:q.end] for q in annotated.quotes] == ['"We never closed it,"']
    assert "".join(DOC.text[a:b] for a, b in annotated.narrator_spans) == DOC.text.replace(
        '"We never closed it,"', "")
    names = {m.name for m in annotated.mentions}
    assert {"Mara Ilves", "Tollby"} <= names and "We" not in names  # "We" is quoted
    assert all(any(a <= m.start < b for a, b in annotated.narrator_spans)
               for m in annotated.mentions)
    assert annotated.lowered == DOC.text.lower()


def test_annotated_document_reads_through_to_its_document():
    annotated = annotate(DOC)
    assert (annotated.doc_id, annotated.source, annotated.title) == (
        "d1", "Coast Herald", DOC.title)
    assert annotated.text is DOC.text and annotated.n_words == DOC.n_words
    assert annotate(annotated) is annotated  # annotating twice does no work
    assert pickle.loads(pickle.dumps(annotated)).mentions == annotated.mentions


def test_analysers_give_the_same_tables_for_plain_and_annotated_documents():
    codebook = load_codebook(CODEBOOK)
    annotated = [annotate(DOC)]
    quotes = attributions_frame([DOC], codebook)
    pd.testing.assert_frame_equal(quotes, attributions_frame(annotated, codebook))
    for analyse in (lambda docs: claim_occurrences(docs, codebook, quotes),
                    lambda docs: presentation_cues(docs, quotes, codebook),
                    lambda docs: coverage_tone(docs, quotes, codebook),
                    lambda docs: frame_scores(docs, codebook),
                    lambda docs: side_readability(docs, quotes)):
        pd.testing.assert_frame_equal(analyse([DOC]), analyse(annotated))


def test_the_full_analysis_segments_each_document_once(monkeypatch):
    segmented = []
    real = biaskit.annotate.document_sentences
    monkeypatch.setattr(biaskit.annotate, "document_sentences",
                        lambda doc: segmented.append(doc.doc_id) or real(doc))
    other = Document.from_parts("d2", "Ferry runs again", ["The ferry ran on Monday."])
    analyse_documents([DOC, other], load_codebook(CODEBOOK))
    assert segmented == ["d1", "d2"]
    assert isinstance(annotate(other), AnnotatedDocument)
