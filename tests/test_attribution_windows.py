"""A book-length document is read in windows (biaskit/attribution/windows.py): the table is
the one the whole document gives, with the whole document's offsets, blocks, paragraphs,
sentences and positions, and no statement lost or found twice at a window's edge."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import biaskit.attribution.windows as windows
from biaskit import Codebook, Document
from biaskit.attribution.records import attributions_frame
from biaskit.attribution.windows import document_windows

BOOK = Codebook.from_dict({"sides": {
    "council": {"actors": {"brekke": {"aliases": ["Tomas Brekke", "Brekke"]}}},
    "residents": {"actors": {"kade": {"aliases": ["Ann Kade", "Kade"]}}},
}})
# Each paragraph names its speaker, so no statement leans on a paragraph far away.
FORMS = [
    "“The wells in {place} are dry,” said Ann Kade, a farmer.",
    "Mayor Tomas Brekke said the council would meet in {place} on Friday.",
    "According to the alliance, 40 samples were taken in {place}.",
    "The water in {place} is safe, Tomas Brekke told reporters. He said nothing else.",
    "Ann Kade denied that the pumps in {place} had been repaired.",
    "The road to {place} was closed for the winter.",
]
PLACES = ["Dorrow", "Vell", "Amberlin", "Kostry", "Halden", "Ruvik", "Sorn", "Tavel"]


def long_document(paragraphs: int = 48, standfirst: str = "") -> Document:
    body = [FORMS[i % len(FORMS)].format(place=PLACES[i // len(FORMS) % len(PLACES)])
            for i in range(paragraphs)]
    return Document.from_parts("book", "Kade Says The Wells Are Dry", body,
                               standfirst=standfirst)


def windowed(doc: Document, window_chars: int, context_chars: int,
             monkeypatch: pytest.MonkeyPatch) -> pd.DataFrame:
    with monkeypatch.context() as patch:
        patch.setattr(windows, "WINDOW_CHARS", window_chars)
        patch.setattr(windows, "CONTEXT_CHARS", context_chars)
        return attributions_frame(doc, BOOK)


def test_a_document_shorter_than_a_window_is_one_window_the_document_itself():
    doc = long_document(6)
    (window,) = document_windows(doc)
    assert window.document is doc and window.offset == 0


def test_windows_cover_every_block_once_and_their_text_is_the_documents():
    doc = long_document(48, standfirst="Residents and council disagree")
    found = list(document_windows(doc, 400, 150))
    assert len(found) > 5
    assert found[0].own_start == 0 and found[-1].own_end == len(doc.text) + 1
    for window, following in zip(found, found[1:], strict=False):
        assert window.own_end == following.own_start
    for window in found:
        text = window.document.text
        assert doc.text[window.offset:window.offset + len(text)] == text
        roles = [b.role for b in window.document.blocks]
        assert roles == [b.role for b in doc.blocks[window.first_block:][:len(roles)]]


def test_a_windowed_document_gives_the_whole_documents_table(monkeypatch):
    doc = long_document(48, standfirst="Residents and council disagree")
    whole = attributions_frame(doc, BOOK)
    assert len(whole) >= 40 and set(whole["position"]) >= {"headline", "lead", "body"}
    # Each window reads the whole document as context, so only the bookkeeping differs: its
    # offsets, blocks, paragraphs, sentences and positions map back to the whole document's.
    in_windows = windowed(doc, 400, len(doc.text), monkeypatch)
    assert len(list(document_windows(doc, 400, len(doc.text)))) > 5
    pd.testing.assert_frame_equal(in_windows, whole)


KEYS = ["start", "end", "cue_start", "cue_end", "block", "paragraph", "sentence_index",
        "position", "content"]


@settings(max_examples=25, deadline=None)
@given(window_chars=st.integers(20, 1500), context_chars=st.integers(0, 600),
       paragraphs=st.integers(1, 30))
def test_any_window_size_loses_and_doubles_nothing(window_chars, context_chars, paragraphs):
    doc = long_document(paragraphs)
    whole = attributions_frame(doc, BOOK)
    with pytest.MonkeyPatch.context() as patch:
        in_windows = windowed(doc, window_chars, context_chars, patch)
    # Who a name is may rest on a mention outside a short context ('Kade' in the headline is
    # the body's 'Ann Kade'); where the statements are and what they say never does.
    pd.testing.assert_frame_equal(in_windows[KEYS], whole[KEYS])
    for row in in_windows.itertuples():
        assert doc.text[row.start:row.end] == row.content
        assert doc.text[row.cue_start:row.cue_end] or row.cue == ""


def test_a_pronoun_finds_its_antecedent_in_the_context_before_a_window(monkeypatch):
    body = ["Ann Kade farms near Dorrow."] * 1 + [f"The road to {p} was closed." for p in
                                                  PLACES] + ["She said the wells were dry."]
    doc = Document.from_parts("d", "Wells", body)
    last = doc.blocks[-1]
    assert last.start > 120
    with monkeypatch.context() as patch:  # the last paragraph is a window of its own
        table = windowed(doc, len(doc.text) - last.start + 1, len(doc.text), patch)
    assert len(list(document_windows(doc, len(doc.text) - last.start + 1, 0))) > 1
    (row,) = table.itertuples()
    assert (row.speaker, row.actor, row.paragraph) == ("Ann Kade", "kade", len(body))
