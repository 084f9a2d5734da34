"""The bundled corpus: provenance is stated, metadata is complete, and constructed articles
quote only what the real seed article attributes to each actor."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from conftest import CORPUS, SEED

from biaskit import load_codebook, load_corpus, load_document

SHARED_SEED = CORPUS.parent.parent.parent / "shared" / "seed" / SEED.name
# Scare quotes the constructed articles add on purpose; they are not quotations of anyone.
DELIBERATE_SCARE_QUOTES = {"findings"}
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]|(?<!\w)'([^']+?)'(?!\w)")


def _plain(text: str) -> str:
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).lower()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(CORPUS)


def test_every_file_loads_with_metadata_and_no_problems(corpus):
    assert len(corpus) == 9
    assert corpus.problems == ()
    assert all(doc.metadata["design_intent"] for doc in corpus)


def test_provenance_is_plain_one_real_seed_and_the_rest_constructed(corpus):
    assert [doc.doc_id for doc in corpus if doc.provenance == "real"] == [SEED.stem]
    assert corpus[SEED.stem].source == "Unnamed outlet"
    assert {doc.provenance for doc in corpus if doc.doc_id != SEED.stem} == {"constructed"}
    assert len({doc.source for doc in corpus}) >= 7


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="../shared/seed is not beside the repo")
def test_bundled_seed_is_byte_identical_to_the_shared_seed():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_every_article_follows_the_layout_so_auto_detection_agrees_with_metadata():
    with open(CORPUS / "metadata.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        doc = load_document(CORPUS / row["file"])  # standfirst rule "auto", not the metadata
        assert bool(doc.standfirst) == (row["standfirst"] == "yes"), row["file"]
        if row["provenance"] == "constructed":
            assert doc.cleaning_log == () or [s.step for s in doc.cleaning_log] == [
                "standfirst"], row["file"]


def test_constructed_articles_quote_only_what_the_seed_says(corpus):
    seed = _plain(Path(SEED).read_text(encoding="utf-8"))
    for doc in corpus:
        if doc.provenance != "constructed":
            continue
        for match in _QUOTED.finditer(doc.text):
            quoted = _plain(match.group(1) or match.group(2)).strip(" ,.")
            if quoted in DELIBERATE_SCARE_QUOTES or len(quoted.split()) < 2:
                continue
            fragments = [f.strip(" ,.") for f in re.split(r"\.\.\.|…", quoted)]
            for fragment in fragments:
                assert fragment in seed, f"{doc.doc_id}: quote not in the seed: {fragment!r}"


def test_expected_sides_in_metadata_are_codebook_sides(corpus):
    book = load_codebook(CORPUS / "codebook.yaml")
    for doc in corpus:
        for column in ("expected_headline_side", "expected_first_side", "omitted_side"):
            assert doc.metadata[column] in ("", *book.sides), (doc.doc_id, column)
        assert doc.metadata["expected_narrator_claim"] in ("", *book.claims)
