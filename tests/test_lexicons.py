"""Term lexicons: trying the pattern only where a term's first word begins a word (the quick
search the frames and the markers use) finds exactly what a search of every position finds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biaskit import Document
from biaskit.attribution.reporting_verbs import check_row, reporting_lexicon
from biaskit.errors import InputError
from biaskit.framing.cues import MARKERS
from biaskit.framing.frames import frame_matcher
from biaskit.lexicons import TermMatcher, lowered_text

# Wildcards, phrases, hyphens, a term inside another, and terms that share a first word.
CUSTOM = TermMatcher([("contradict*", "contrast"), ("so-called", "distancing"),
                      ("humanitarian law", "legal"), ("law", "legal"), ("air strike*", "war"),
                      ("air", "other"), ("non-state", "other"), ("state", "other")])
MATCHERS = [MARKERS(), frame_matcher(), CUSTOM]

# Terms in several cases, letters that re.IGNORECASE and str.lower() treat differently, and
# the characters that decide where a word begins or ends.
PIECES = st.sampled_from([
    "allegedly", "Reportedly", "SO-CALLED", "so-called", "contradicts", "Contradiction",
    "humanitarian  law", "Humanitarian\nLaw", "law-abiding", "lawful", "air strikes", "AIR",
    "non-state", "state", "civilians", "Civilian", "hospital", "however", "But", "claim",
    "İ", "ı", "ſ", "\u212a", "é", "-", "_", "'", "’", "“", ".", ",", " ", "\n", "1", "x",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=4)), min_size=1, max_size=40).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.integers(0, 200), st.integers(0, 200), st.sampled_from(range(len(MATCHERS))))
def test_searching_only_word_starts_finds_what_a_full_search_finds(text, lo, hi, which):
    try:  # the title opens the text, so that a term may stand at its start
        doc = Document.from_parts("t", text.strip().split("\n")[0], [text])
    except InputError:  # nothing left once cleaned: the loader refuses it
        return
    matcher = MATCHERS[which]
    places = matcher.word_starts(lowered_text(doc.text))
    lo, hi = sorted((min(lo, len(doc.text)), min(hi, len(doc.text))))
    assert list(matcher.find(doc.text, lo, hi, places)) == list(matcher.find(doc.text, lo, hi))
    assert list(matcher.find(doc.text, places=places)) == list(matcher.find(doc.text))


def test_word_starts_are_given_only_where_a_lowered_text_has_the_same_offsets():
    assert MARKERS().word_starts(None) is None
    assert TermMatcher([("été", "other")]).word_starts("un été") is None  # not ASCII
    # After a hyphen a word does not begin: "air-law" holds no match of "law".
    assert CUSTOM.word_starts("law and air-law (law)") == [0, 8, 17]


def test_a_reporting_verb_row_with_an_unknown_value_is_named_with_its_line():
    row = {"lemma": "mutter", "forms": "mutter mutters", "stance": "emotive", "kind": "speech",
           "requires": "clauses"}
    with pytest.raises(InputError, match=r"reporting_verbs\.csv, line 7: requires 'clauses' of "
                                         r"'mutter' is not one of '', 'clause', 'that'"):
        check_row(row, 7)
    with pytest.raises(InputError, match="kind 'speach'"):
        check_row({**row, "requires": "", "kind": "speach"}, 8)
    assert reporting_lexicon().forms["states"][3] == "that"  # the shipped file passes
