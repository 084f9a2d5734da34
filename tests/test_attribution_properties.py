"""Properties of attribution on random and adversarial text: it never raises, every span
indexes the document, and the same input always gives the same output."""

from __future__ import annotations

import re
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biaskit import Codebook, Document
from biaskit.attribution.context import DocumentContext
from biaskit.attribution.quotes import find_quotes, narrator_spans
from biaskit.attribution.records import extract_attributions
from biaskit.attribution.reporting_verbs import _FOLDED_TO_ASCII, reporting_lexicon

BOOK = Codebook.from_dict({"sides": {
    "a": {"actors": {"dorn": {"aliases": ["Dorn", "the ministry"]}}},
    "b": {"actors": {"osei": {"aliases": ["Osei", "Amnesty"]}}},
}})
# Pieces that exercise the rules: quotes of every kind, cues, names, pronouns, punctuation.
PIECES = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", "said", "says", "told", "denied", "according to", "claimed",
    "Dorn", "Osei", "He", "she", "it", "they", "The ministry", "A report", "Amnesty", ",", ".",
    ":", ";", "...", "…", "that", "and", "which", "who", "was", "been", "the", "Gen.", "U.S.",
    "?", "(", ")", "-", "We left", "nobody", "\n", " ", "  ",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map(" ".join)


# Glued together without spaces too: a cue right against a quotation mark ("”said", "'said").
GLUED = st.lists(st.one_of(PIECES, st.sampled_from(["Said", "SAID", "ſaid", "told'", "adding"]),
                           st.text(max_size=4)), max_size=60).map("".join)


def document(paragraphs: list[str]) -> Document | None:
    paragraphs = [p for p in paragraphs if p.strip()]
    try:
        return Document.from_parts("p", "Title said", paragraphs)
    except Exception:  # an all-whitespace article is refused by the loader, not our concern
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_any_text_gives_valid_spans_and_never_raises(paragraphs):
    doc = document(paragraphs)
    if doc is None:
        return
    found = extract_attributions(doc, BOOK)
    for row in found:
        assert 0 <= row.start < row.end <= len(doc.text)
        assert doc.text[row.start:row.end] == row.content
        assert 0 <= row.cue_start <= row.cue_end <= len(doc.text)
        assert row.mode in ("direct", "indirect", "mixed")
        assert row.position in ("headline", "standfirst", "lead", "body")
    assert extract_attributions(doc, BOOK) == found  # deterministic


def test_worst_case_inputs_finish():
    # Thousands of unclosed quotes, quote runs and repeated cues: must end, and stay sane.
    for body in ["“" * 20000, '"a ' * 5000, "said " * 5000, "Dorn said, " * 3000,
                 "“We left,” Dorn said. " * 1000, "'" * 20000]:
        doc = Document.from_parts("w", "Title", [body])
        for row in extract_attributions(doc, BOOK):
            assert doc.text[row.start:row.end] == row.content


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TEXT, GLUED), min_size=1, max_size=4))
def test_scanning_the_narrator_text_finds_the_cues_outside_quotes(paragraphs):
    """Attribution scans only the narrator's text for cues: it finds exactly the cues of a
    scan of the whole text that start outside quotation marks."""
    doc = document(paragraphs)
    if doc is None:
        return
    quotes = find_quotes(doc)
    whole = [cue for cue in reporting_lexicon().cues(doc.text, 0, len(doc.text))
             if not any(q.start <= cue.start < q.end for q in quotes)]
    spans = [cue for lo, hi in narrator_spans(doc)
             for cue in reporting_lexicon().cues(doc.text, lo, hi)]
    assert spans == whole


CUE_PIECES = st.sampled_from(["fire back", "ceasefire", "cease", "back", "hit", "whit",
                              "backs", "said", "unsaid", "calls for", "recalls", "for", "on",
                              "goes on", "’", "-", "'", " ", ",", "."])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(CUE_PIECES, st.text(max_size=3)), max_size=30).map("".join),
       st.integers(0, 5))
def test_the_scan_from_word_starts_finds_what_a_scan_of_every_position_does(text, lo):
    """Cues are looked for only where a word starts; a scan of every position, whose
    matches inside a word are no cues but pass over the text they cover ('ceasefire back'
    holds 'fire back', so its 'back' is none), finds the same."""
    lexicon = reporting_lexicon()
    lo = min(lo, len(text))
    lowered = text[lo:].lower()
    if len(lowered) != len(text) - lo or any(char in text for char in _FOLDED_TO_ASCII):
        return  # lowered otherwise (reporting_verbs.py): not this test's concern
    every_position = [(lo + m.start(), lo + m.end()) for m in lexicon.pattern.finditer(lowered)
                      if not (lo + m.start() and re.match(r"[\w'’-]", text[lo + m.start() - 1]))]
    assert [(c.start, c.end) for c in lexicon.cues(text, lo, len(text))] == every_position
    assert lexicon.cues("the ceasefire back then", 0, 23) == []


def test_a_statement_cut_to_nothing_by_a_later_clause_is_dropped():
    """Found by the property test above: no row has an empty content."""
    doc = Document.from_parts("t", "Headline", ["according to ' ; Dorn said"])
    assert all(row.content for row in extract_attributions(doc))


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=12),
       st.integers(-5, 100))
def test_the_index_of_found_regions_answers_as_a_scan_of_them(regions, position):
    ctx = DocumentContext(Document.from_parts("p", "Title", ["Text."]), None)
    ctx.found[:] = [SimpleNamespace(region=(start, start + length)) for start, length in regions]
    scan = any(start <= position < start + length for start, length in regions)
    assert ctx.held_by_found()(position) == scan
