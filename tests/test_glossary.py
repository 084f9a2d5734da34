"""Every measure column and every figure of the comparison has its entry in the glossary
(biaskit/data/measures.yaml), so no raw variable name reaches a reader without its gloss."""

from __future__ import annotations

import pytest

from biaskit import InputError
from biaskit.compare import compare
from biaskit.report.glossary import (
    FIGURE_FIELDS,
    MEASURE_FIELDS,
    describe,
    figure_text,
    glossary,
    measure_key,
)

NOT_MEASURES = {"source", "doc_id", "dominant_frame"}


@pytest.fixture(scope="module")
def result(corpus, codebook):
    return compare(corpus, codebook, bootstrap=0)


def test_every_measure_column_has_a_filled_in_entry(result, codebook):
    labels = {side: codebook.sides[side].label for side in codebook.sides}
    columns = (set(result.by_source) | set(result.by_document)
               | set(result.intervals["measure"])) - NOT_MEASURES
    assert "word_share_others" in columns
    for column in sorted(columns):
        entry = describe(column, sides=result.sides, labels=labels, pair=result.pair)
        assert set(entry) == set(MEASURE_FIELDS), column
        assert all(text and "{" not in text for text in entry.values()), column
    russia = describe("claim_own_denial_share_russia", sides=result.sides, labels=labels)
    assert russia["name"] == "Told as its own denial: Russian officials"
    index = describe("balance_index", sides=result.sides, labels=labels, pair=result.pair)
    assert "+1 when only Russian officials is quoted" in index["sign"]


def test_every_figure_of_the_report_has_a_title_and_how_to_read_it(result, corpus, codebook,
                                                                   tmp_path):
    from biaskit.report.index import write_report

    write_report(result, corpus, codebook, tmp_path / "report")
    stems = {path.stem for path in (tmp_path / "report" / "figures").glob("*.png")}
    assert {"claim_modes", "balance"} <= stems
    for stem in stems:
        assert set(figure_text(stem)) == set(FIGURE_FIELDS), stem


def test_side_ids_that_end_alike_are_told_apart():
    assert measure_key("word_share_east_un", ["un", "east_un"]) == ("word_share", "east_un")
    assert measure_key("balance_index", ["index"]) == ("balance_index", "")
    assert measure_key("no_such_measure", ["un"]) == ("", "")
    with pytest.raises(KeyError, match="no entry"):
        describe("no_such_measure")


def test_a_broken_glossary_names_the_file_and_line(monkeypatch):
    import biaskit.report.glossary as module

    class Broken:
        def joinpath(self, name):
            return self

        def read_text(self, encoding):
            return "measures:\n  a: {name: [\n"

    monkeypatch.setattr(module.resources, "files", lambda package: Broken())
    module.glossary.cache_clear()
    try:
        with pytest.raises(InputError, match=r"measures.yaml, line \d+: the glossary is not"):
            glossary()
    finally:
        module.glossary.cache_clear()


def test_headline_measures_carry_names_signs_rounded_values_and_their_basis(result,
                                                                            codebook):
    from biaskit.report.headline import headline_measures

    table = headline_measures(result, codebook).set_index(["source", "column"])
    wire = table.loc[("Meridian Wire", "word_share_russia")]
    assert wire["name"] == "Share of words: Russian officials"
    assert wire["articles"] == 2 and wire["basis"] == 18 and wire["basis_of"] == "statements"
    assert wire["shown"] == f"{wire['value']:.2f}"
    claims = table.loc[("Meridian Wire", "claim_own_denial_share_russia")]
    assert claims["basis_of"] == "claim occurrences" and claims["basis"] == 12
    assert table.loc[("Meridian Wire", "documents"), "shown"] == "2"
    assert table.loc[("Metro Brief", "balance_index"), "shown"] == "+1.00"
    assert "+1 when only" in table.loc[("Metro Brief", "balance_index"), "sign"]


def test_the_pair_is_named_only_in_the_balance_indices(result, codebook):
    labels = {side: codebook.sides[side].label for side in codebook.sides}
    index = describe("prominence_balance_index", sides=result.sides, labels=labels,
                     pair=result.pair)
    assert index["name"] == ("Balance of prominence (Russian officials against Amnesty "
                             "International)")
    assert describe("documents", sides=result.sides, labels=labels,
                    pair=result.pair)["name"] == "Articles"
