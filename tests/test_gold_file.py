"""The hand-made gold annotation of attributed statements (tests/gold/attribution.jsonl) is
well formed and consistent with the bundled corpus and its codebook."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from biaskit import load_codebook, load_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "corpora" / "syria-2015"
GOLD = Path(__file__).resolve().parent / "gold" / "attribution.jsonl"
GUIDELINES = GOLD.parent / "GUIDELINES.md"
SEED_ID = "000_d287f8da5092c987"

KEYS = (
    "doc_id",
    "start",
    "end",
    "content",
    "speaker",
    "actor",
    "side",
    "mode",
    "cue",
    "cue_start",
    "cue_end",
    "position",
    "note",
)
MODES = {"direct", "indirect", "mixed"}
POSITIONS = {"headline", "standfirst", "lead", "body"}
STRING_KEYS = ("doc_id", "content", "speaker", "actor", "side", "mode", "cue", "position", "note")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(CORPUS_DIR)


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(CORPUS_DIR / "codebook.yaml")


@pytest.fixture(scope="module")
def lines():
    return GOLD.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def rows(lines):
    return [json.loads(line) for line in lines]


def _position(doc, start: int) -> str:
    """Expected position of an offset: the role of its block, with the first body block as lead."""
    body = [b for b in doc.blocks if b.role == "body"]
    for block in doc.blocks:
        if block.start <= start < block.end:
            if block.role == "body":
                return "lead" if block is body[0] else "body"
            return block.role
    raise AssertionError(f"offset {start} lies in no block of {doc.doc_id}")


def test_files_exist():
    assert GOLD.is_file()
    assert GUIDELINES.is_file()


def test_every_line_parses_as_a_json_object(lines):
    assert lines, "gold file is empty"
    for number, line in enumerate(lines, 1):
        assert line.strip(), f"line {number} is blank"
        obj = json.loads(line)
        assert isinstance(obj, dict), f"line {number} is not a JSON object"


def test_keys_are_exactly_the_documented_ones(rows):
    for row in rows:
        assert tuple(row) == KEYS


def test_field_types(rows):
    for row in rows:
        for key in STRING_KEYS:
            assert isinstance(row[key], str), (key, row)
        for key in ("start", "end"):
            assert isinstance(row[key], int) and not isinstance(row[key], bool), (key, row)
        assert row["content"].strip(), row
        assert row["speaker"].strip(), row


def test_doc_ids_exist(rows, corpus):
    known = {doc.doc_id for doc in corpus}
    for row in rows:
        assert row["doc_id"] in known, row["doc_id"]


def test_offsets_index_the_canonical_text(rows, corpus):
    for row in rows:
        text = corpus[row["doc_id"]].text
        assert 0 <= row["start"] < row["end"] <= len(text), row
        assert text[row["start"] : row["end"]] == row["content"], row


# The cue's words, where a lemma is not the start of its forms less the last letter.
IRREGULAR = {"told": "tell"}


def test_cue_offsets_index_the_cue_words(rows, corpus):
    for row in rows:
        start, end = row["cue_start"], row["cue_end"]
        if row["cue"] == "":
            assert start is None and end is None, row
            continue
        assert isinstance(start, int) and isinstance(end, int) and start < end, row
        words = corpus[row["doc_id"]].text[start:end]
        if row["cue"] in (":", "according to"):
            assert words.lower() == row["cue"], row
        else:
            assert (IRREGULAR.get(words.lower()) == row["cue"]
                    or words.lower().startswith(row["cue"][:-1])), (words, row)


def test_content_has_no_surrounding_whitespace(rows):
    for row in rows:
        assert row["content"] == row["content"].strip(), row


def test_every_article_has_at_least_one_row(rows, corpus):
    annotated = {row["doc_id"] for row in rows}
    missing = [doc.doc_id for doc in corpus if doc.doc_id not in annotated]
    assert missing == []


def test_actors_exist_and_sides_match(rows, codebook):
    for row in rows:
        if row["actor"] == "":
            assert row["side"] == "", row
            continue
        assert row["actor"] in codebook.actors, row["actor"]
        assert row["side"] == codebook.actors[row["actor"]].side, row


def test_mode_and_position_values(rows):
    for row in rows:
        assert row["mode"] in MODES, row
        assert row["position"] in POSITIONS, row


def test_position_matches_the_block(rows, corpus):
    for row in rows:
        assert row["position"] == _position(corpus[row["doc_id"]], row["start"]), row


def test_direct_content_is_inside_quotation_marks(rows, corpus):
    openers = {'"', "“", "'"}
    for row in rows:
        if row["mode"] != "direct":
            continue
        text = corpus[row["doc_id"]].text
        assert text[row["start"] - 1] in openers, row


def test_rows_are_sorted_and_do_not_overlap(rows):
    keys = [(row["doc_id"], row["start"]) for row in rows]
    assert keys == sorted(keys)
    by_doc: dict[str, list[dict]] = {}
    for row in rows:
        by_doc.setdefault(row["doc_id"], []).append(row)
    for doc_id, doc_rows in by_doc.items():
        for before, after in zip(doc_rows, doc_rows[1:], strict=False):
            assert before["end"] <= after["start"], (doc_id, before, after)


def test_seed_has_twelve_statements(rows):
    assert Counter(row["doc_id"] for row in rows)[SEED_ID] == 12
