"""Scoring found statements against gold, on cases small enough to score by hand."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from biaskit.validation.evaluate import Gold, evaluate_attributions, load_gold
from biaskit.validation.scoring import jaccard, match_document

TEXT = ('Ines Halvorsen said the dam was sound and the survey was rushed.\n\n'
        'Her report, released on Friday, said repairs would cost millions.\n\n'
        '"We were never consulted," he said.')


def at(words: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def gold_rows(write, doc_id: str = "north_1") -> pd.DataFrame:
    """Three gold statements written as JSON Lines, as a user would."""
    rows = []
    for content, speaker, nth in (("the dam was sound and the survey was rushed",
                                   "Ines Halvorsen", 1),
                                  ("repairs would cost millions", "Her report", 2),
                                  ("We were never consulted", "he", 3)):
        start, end = at(content)
        cue_start, cue_end = at("said", nth)
        rows.append({"doc_id": doc_id, "start": start, "end": end, "content": content,
                     "speaker": speaker, "cue": "say", "cue_start": cue_start,
                     "cue_end": cue_end})
    path = write("gold.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    return load_gold(path)


def found(*statements: tuple, doc_id: str = "north_1") -> pd.DataFrame:
    """Found rows from (content, speaker, cue lemma, cue words[, which occurrence of them]),
    as attribution rows hold them."""
    rows = []
    for content, speaker, cue, cue_words, *nth in statements:
        start, end = at(content)
        cue_start, cue_end = at(cue_words, *nth)
        rows.append({"doc_id": doc_id, "start": start, "end": end, "content": content,
                     "speaker": speaker, "actor": "", "side": "", "mode": "indirect",
                     "cue": cue, "cue_start": cue_start, "cue_end": cue_end,
                     "stance": "neutral"})
    return pd.DataFrame(rows)


@pytest.fixture
def result(write):
    predicted = found(("the dam was sound", "Halvorsen", "say", "said"),
                      ("released on Friday, said repairs would cost millions", "Her report",
                       "report", "report"),
                      ("We were never consulted", "Tomas Brekke", "say", "said", 3),
                      ("Her report", "Ines Halvorsen", "say", "said"))
    return evaluate_attributions(predicted, Gold(gold_rows(write), {"north_1": TEXT}))


def test_lenient_counts_a_statement_covering_a_third_of_the_gold(result):
    o = result.overall.iloc[0]
    assert (o["gold"], o["found"], o["matched"]) == (3, 4, 3)
    assert o["precision"] == pytest.approx(3 / 4)
    assert o["recall"] == 1.0


def test_exact_span_counts_only_the_statement_with_the_same_boundaries(result):
    o = result.overall.iloc[0]
    assert o["exact"] == 1
    assert o["exact_precision"] == pytest.approx(1 / 4)
    assert o["exact_recall"] == pytest.approx(1 / 3)
    short = len("the dam was sound") / len("the dam was sound and the survey was rushed")
    wide = len("repairs would cost millions") / len(
        "released on Friday, said repairs would cost millions")
    assert o["mean_jaccard"] == pytest.approx((short + wide + 1.0) / 3)


def test_a_noun_read_as_the_cue_is_a_cue_error(result):
    statements = result.statements.set_index("gold_content")
    assert statements.at["repairs would cost millions", "cue_ok"] == 0.0
    assert statements.at["the dam was sound and the survey was rushed", "cue_ok"] == 1.0
    assert result.overall.iloc[0]["cue_accuracy"] == pytest.approx(2 / 3)


def test_speaker_agreement_shares_a_word_and_skips_pronoun_sources(result):
    o = result.overall.iloc[0]
    assert o["speaker_n"] == 2  # the gold source "he" is not scored
    assert o["speaker_agreement"] == 1.0


def test_fields_the_gold_does_not_have_are_not_scored(result):
    o = result.overall.iloc[0]
    assert pd.isna(o["actor_accuracy"]) and pd.isna(o["stance_accuracy"])


def test_each_gold_statement_is_matched_once():
    gold = [((10, 30),)]
    assert match_document([[(10, 30)], [(10, 30)]], gold) == {0: (0, (10, 30), 1.0)}


def test_a_statement_covering_less_than_three_tenths_matches_nothing():
    assert match_document([[(0, 29)]], [((0, 100),)]) == {}
    assert match_document([[(0, 30)]], [((0, 100),)]) == {0: (0, (0, 30), 0.3)}


def test_jaccard_of_discontinuous_gold_counts_characters_not_ranges():
    assert jaccard(((0, 10), (20, 30)), (0, 30)) == pytest.approx(20 / 30)
    assert jaccard(((0, 10),), (0, 10)) == 1.0


def test_found_statements_are_located_by_their_words_when_the_gold_text_differs(write):
    # The gold indexes a raw text with a no-break space more at the start; the found offsets
    # index the cleaned text without it.
    raw = "\u00a0" + TEXT
    gold = gold_rows(write)
    gold["segments"] = [((a + 1, b + 1),) for (a, b), in gold["segments"]]
    gold["cue_segments"] = [((a + 1, b + 1),) for (a, b), in gold["cue_segments"]]
    predicted = found(("the dam was sound and the survey was rushed", "Ines Halvorsen", "say",
                       "said"))
    o = evaluate_attributions(predicted, Gold(gold, {"north_1": raw})).overall.iloc[0]
    assert (o["matched"], o["exact"], o["cue_accuracy"]) == (1, 1, 1.0)


def test_per_outlet_and_per_document_include_documents_with_nothing_found(write):
    gold = pd.concat([gold_rows(write, "north_1"), gold_rows(write, "south_1")],
                     ignore_index=True)
    predicted = found(("We were never consulted", "he", "say", "said", 3), doc_id="north_1")
    result = evaluate_attributions(predicted, Gold(gold, {"north_1": TEXT, "south_1": TEXT}))
    outlets = result.by_outlet.set_index("outlet")
    assert outlets.loc["north", ["gold", "matched"]].tolist() == [3, 1]
    assert outlets.loc["south", ["gold", "found", "recall"]].tolist() == [3, 0, 0.0]
    assert result.by_document["doc_id"].tolist() == ["north_1", "south_1"]
    summary = result.summary()
    assert summary["level"].tolist() == ["overall", "outlet", "outlet", "document", "document"]


def test_found_statements_of_documents_outside_the_gold_are_not_counted(write):
    predicted = pd.concat([found(("We were never consulted", "he", "say", "said", 3)),
                           found(("We were never consulted", "he", "say", "said", 3),
                                 doc_id="elsewhere")], ignore_index=True)
    o = evaluate_attributions(predicted, gold_rows(write)).overall.iloc[0]
    assert (o["found"], o["matched"]) == (1, 1)


def test_gold_without_cue_offsets_compares_the_cue_lemma(write):
    gold = gold_rows(write)
    gold["cue_segments"] = [()] * len(gold)
    predicted = found(("the dam was sound", "Halvorsen", "say", "said"),
                      ("released on Friday, said repairs would cost millions", "Her report",
                       "report", "report"))
    o = evaluate_attributions(predicted, gold).overall.iloc[0]
    assert o["cue_accuracy"] == 0.5
