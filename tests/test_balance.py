"""Balance measures on a small article whose answers are worked out by hand."""

from __future__ import annotations

import math

import pytest

from biaskit import Codebook, Document
from biaskit.attribution.balance import balance_index, side_balance, source_balance, voice_positions
from biaskit.attribution.records import attributions_frame

BOOK = Codebook.from_dict({"sides": {
    "army": {"label": "Army", "actors": {"dorn": {"aliases": ["Piotr Dorn", "Dorn"]}}},
    "monitors": {"label": "Monitors", "actors": {"osei": {"aliases": ["Lena Osei", "Osei"]}}},
}})
# Blocks: 0 headline, 1-3 body. Statements: headline (Dorn, 2 words), block 1 (Osei, 4 words
# quoted), block 3 (Dorn, 3 words).
DOC = Document.from_parts("a", "Dorn denies civilian deaths", [
    "“We counted forty dead,” Osei said.",
    "The town was quiet on Tuesday.",
    "Dorn said the figures lied.",
], source="Wire")
BRIEF = Document.from_parts("b", "Storm hits coast", ["Dorn said the army would help."],
                            source="Wire")


@pytest.fixture
def frame():
    return attributions_frame([DOC, BRIEF], BOOK)


def test_counts_shares_and_prominence_per_document_and_side(frame):
    balance = side_balance(frame, [DOC, BRIEF], BOOK).set_index(["doc_id", "side"])
    army, monitors = balance.loc[("a", "army")], balance.loc[("a", "monitors")]
    assert (army.statements, monitors.statements) == (2, 1)
    assert (army.words, monitors.words) == (2 + 3, 4)
    assert (army.quoted_words, monitors.quoted_words) == (0, 4)
    assert army.word_share == pytest.approx(5 / 9)
    # weights (n - p) / n with n = 4 blocks: headline 1, block 1 0.75, block 3 0.25
    assert army.prominence == pytest.approx(1 + 0.25)
    assert monitors.prominence_share == pytest.approx(0.75 / 2.0)
    assert (army.actors, monitors.actors) == (1, 1)
    assert balance.loc[("b", "monitors")].statements == 0
    assert math.isnan(balance.loc[("b", "monitors")].quoted_word_share)  # nobody quoted


def test_balance_index_runs_from_minus_one_to_one(frame):
    balance = side_balance(frame, [DOC, BRIEF], BOOK)
    index = balance_index(balance, "army", "monitors").set_index("doc_id")["balance_index"]
    assert index["a"] == pytest.approx((5 - 4) / 9)
    assert index["b"] == 1.0
    with pytest.raises(ValueError, match="side 'navy' is not in the table"):
        balance_index(balance, "army", "navy")


def test_source_balance_sums_articles_before_taking_shares(frame):
    source = source_balance(side_balance(frame, [DOC, BRIEF], BOOK), BOOK)
    army = source.set_index("side").loc["army"]
    assert (army.documents, army.statements, army.words) == (2, 3, 5 + 4)
    assert army.statement_share == pytest.approx(3 / 4)


def test_voice_positions(frame):
    positions = voice_positions(frame, [DOC, BRIEF]).set_index("doc_id")
    assert positions.loc["a"].to_dict() == {"source": "Wire", "headline_side": "army",
                                            "lead_side": "monitors", "first_side": "army",
                                            "last_side": "army"}
    assert positions.loc["b", "headline_side"] == ""


def test_balance_index_is_undefined_not_an_error_when_neither_side_speaks():
    silent = Document.from_parts("s", "Weather", ["It rained all day."], source="Wire")
    balance = side_balance(attributions_frame([silent], BOOK), [silent], BOOK)
    index = balance_index(balance, "army", "monitors")
    assert math.isnan(index["balance_index"].iloc[0])


def test_a_refusal_to_comment_gives_a_side_no_voice_but_stays_countable():
    doc = Document.from_parts("r", "Mine closes", [
        "Dorn said the mine would close.", "Osei declined to comment."], source="Wire")
    frame = attributions_frame([doc], BOOK)
    assert list(frame["kind"]) == ["speech", "refusal"]
    voiced = side_balance(frame, [doc], BOOK).set_index("side")["statements"]
    assert voiced.get("army") == 1 and voiced.get("monitors", 0) == 0
    asked = side_balance(frame, [doc], BOOK, kinds=("refusal",)).set_index("side")["statements"]
    assert asked.get("monitors") == 1
