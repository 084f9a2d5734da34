"""The extractor against the hand-made gold annotations of the bundled corpus, and the
design intents of the constructed articles that attribution must recover."""

from __future__ import annotations

import csv

import pytest
from conftest import ROOT, SEED

from biaskit.attribution.balance import side_balance, voice_positions
from biaskit.validation.evaluate import evaluate_attributions, load_gold, score_attributions

GOLD = ROOT / "tests" / "gold" / "attribution.jsonl"


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


def test_seed_article_scores_at_least_095_f1_with_every_side_right(quotes, gold):
    seed = gold[gold["doc_id"] == SEED.stem].reset_index(drop=True)
    scores = score_attributions(quotes, seed)
    assert scores["gold"] == 12
    assert scores["f1"] >= 0.95
    assert scores["side_accuracy"] == 1.0
    assert scores["actor_accuracy"] == 1.0


def test_whole_corpus_scores_at_least_095_f1(quotes, gold):
    scores = score_attributions(quotes, gold)
    assert scores["f1"] >= 0.95
    assert scores["side_accuracy"] >= 0.95
    assert scores["mode_accuracy"] >= 0.95


def test_cue_accuracy_is_reported_and_a_noun_read_as_the_cue_counts_as_an_error(
        quotes, gold, corpus, record_property):
    result = evaluate_attributions(quotes, gold, corpus)
    cue_accuracy = result.overall.at[0, "cue_accuracy"]
    # Reported, not held to a threshold yet: the attribution rules are being reworked (#17).
    record_property("cue_accuracy", cue_accuracy)
    print(f"bundled corpus cue accuracy: {cue_accuracy:.3f}")
    assert 0.0 <= cue_accuracy <= 1.0
    # 001: "Amnesty's report, published this week, said ...": the gold cue is the verb.
    statements = result.statements
    report = statements[statements["gold_content"].str.startswith("Russia had carried out")
                        & (statements["doc_id"] == "001_meridian_wire_first")].iloc[0]
    assert report["gold_cue"] == "said"
    assert report["cue_ok"] == float(report["found_cue"] == "say")


def test_offsets_index_the_canonical_text(quotes, corpus):
    with open(ROOT / "biaskit" / "data" / "reporting_verbs.csv", encoding="utf-8") as handle:
        forms: dict[str, str] = {}
        for row in csv.DictReader(handle):  # a lemma may have several rows
            forms[row["lemma"]] = f"{forms.get(row['lemma'], '')} {row['forms']}"
    for row in quotes.itertuples():
        text = corpus[row.doc_id].text
        assert text[row.start:row.end] == row.content
        assert row.content in row.sentence
        cue_text = text[row.cue_start:row.cue_end]
        if row.cue == ":":
            assert cue_text == ":"
        elif row.cue:
            assert cue_text.lower() in forms[row.cue], (cue_text, row.cue)


def test_headline_and_first_voice_match_each_articles_design_intent(quotes, corpus):
    positions = voice_positions(quotes, corpus).set_index("doc_id")
    for doc in corpus:
        expected_headline = doc.metadata["expected_headline_side"]
        if expected_headline:
            assert expected_headline in positions.at[doc.doc_id, "headline_side"], doc.doc_id
        assert positions.at[doc.doc_id, "first_side"] == doc.metadata["expected_first_side"]


def test_omitted_side_gets_no_statement(quotes, corpus, codebook):
    balance = side_balance(quotes, corpus, codebook).set_index(["doc_id", "side"])
    omitted = [(doc.doc_id, doc.metadata["omitted_side"]) for doc in corpus
               if doc.metadata["omitted_side"]]
    assert omitted, "the corpus should have a brief that omits a side"
    for key in omitted:
        assert balance.at[key, "statements"] == 0
