"""Actor labels are noun phrases: never a verb, a pronoun, a preposition phrase or a span
across a block boundary; scored against a hand-judged gold on the bundled corpus."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from biaskit.attribution.records import attributions_frame
from biaskit.codebook import Codebook
from biaskit.corpus.document import Document
from biaskit.framing.cues import presentation_cues
from biaskit.framing.labels import noun_phrase

GOLD = Path(__file__).parent / "gold" / "labels_syria-2015.csv"


@pytest.fixture(scope="module")
def labels(corpus, codebook, quotes):
    cues = presentation_cues(corpus, quotes, codebook)
    return cues[cues["kind"] == "label"]


def test_gold_spans_are_the_text_they_name(corpus):
    gold = pd.read_csv(GOLD, keep_default_na=False)
    texts = {doc.doc_id: doc.text for doc in corpus}
    assert set(gold["label"]) == {"yes", "no"}
    for row in gold.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text, row


def test_labels_precision_on_the_bundled_corpus_is_at_least_095(labels):
    gold = pd.read_csv(GOLD, keep_default_na=False)
    judged = {(r.doc_id, r.start, r.end, r.actor): r.label == "yes" for r in gold.itertuples()}
    found = list(labels[["doc_id", "start", "end", "actor"]].itertuples(index=False,
                                                                         name=None))
    correct = sum(judged.get(key, False) for key in found)  # unjudged spans count as wrong
    assert len(found) > 30
    assert correct / len(found) >= 0.95
    distinct = gold[(gold["label"] == "yes") & ~gold["note"].str.startswith("same label")]
    wanted = set(distinct[["doc_id", "start", "end", "actor"]].itertuples(index=False,
                                                                           name=None))
    assert len(wanted & set(found)) / len(wanted) >= 0.85


@pytest.mark.parametrize("span, label", [
    ("London-based rights group", "London-based rights group"),
    ("the rights group", "rights group"),
    ("Colonel General and commander-in-chief of the Eastern Fleet",
     "Colonel General and commander-in-chief of the Eastern Fleet"),
    ("state-backed broadcaster", "state-backed broadcaster"),
    ("In the report", None),                  # a preposition phrase
    ("which", None),                          # a relative pronoun
    ("does", None),                           # an auxiliary
    ("began shelling", None),                 # ends in a verb form
    ("strikes have not hit villages", None),  # a clause
    ("dispute", None),                        # a reporting verb
    ("human rights advocates", "human rights advocates"),  # the same word as a noun
    ("the Osei report", None),                # names a document
    ("began air strikes against", None),      # ends with a preposition
])
def test_a_label_reads_as_a_noun_phrase(span, label):
    found = noun_phrase(span, 0, len(span))
    assert (span[found[0]:found[1]] if found else None) == label


BOOK = Codebook.from_dict({"sides": {"monitors": {"actors": {"osei": {
    "aliases": ["Lena Osei", "Osei"]}}}}})


def _labels(*paragraphs: str) -> list[str]:
    doc = Document.from_parts("t", paragraphs[0], list(paragraphs[1:]))
    cues = presentation_cues([doc], attributions_frame([doc], BOOK), BOOK)
    return cues.loc[cues["kind"] == "label", "text"].tolist()


def test_no_label_crosses_the_headline_into_the_first_paragraph():
    assert _labels("Monitors say the valley dam is leaking",
                   "Lena Osei said water reached two villages.") == []


def test_a_description_before_a_name_is_listed_once():
    assert _labels("Valley report", "The veteran river monitor Lena Osei said water rose.") == [
        "veteran river monitor"]
