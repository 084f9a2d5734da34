"""Comparison of outlets: measures are ratios of sums, intervals are seeded, design intents
come out, and the report folder holds everything and nothing outside it."""

from __future__ import annotations

import numpy as np
import pytest

from biaskit import InputError
from biaskit.compare import compare


@pytest.fixture(scope="module")
def result(corpus, codebook):
    return compare(corpus, codebook, ("russia", "amnesty"), bootstrap=200, seed=7,
                   min_articles=2)


def test_one_row_per_outlet_and_per_article(result, corpus):
    assert sorted(result.by_source["source"]) == sorted({d.source for d in corpus})
    assert result.by_document["doc_id"].tolist() == corpus.doc_ids
    assert result.by_source.set_index("source").loc["Meridian Wire", "documents"] == 2


def test_outlet_values_are_ratios_of_summed_articles(result):
    docs = result.tables["balance"]
    wire = docs[docs["source"] == "Meridian Wire"]
    words = wire.groupby("side")["words"].sum()
    expected = (words["russia"] - words["amnesty"]) / (words["russia"] + words["amnesty"])
    assert result.by_source.set_index("source").loc["Meridian Wire", "balance_index"] == (
        pytest.approx(expected))


def test_design_intents_show_in_the_outlet_table(result):
    table = result.by_source.set_index("source")
    assert table.loc["Metro Brief", "balance_index"] == 1.0              # Amnesty omitted
    assert table.loc["Rights Monitor Daily", "headline_voice_amnesty"] == 1.0
    assert table.loc["Rights Monitor Daily", "claim_distanced_share_russia"] == 1.0
    assert table.loc["Eastern Courier", "claim_distanced_share_amnesty"] == 1.0
    assert table.loc["Eastern Courier", "claim_narrator_share_russia"] > 0
    assert np.isnan(table.loc["Metro Brief", "claim_narrator_share_amnesty"])  # no claim
    # Russia's claim is a denial: its own denials are not the outlets denying it.
    assert table.loc["Meridian Wire", "claim_own_denial_share_russia"] > 0
    assert table.loc["Meridian Wire", "claim_denied_share_russia"] == 0


def test_bootstrap_is_seeded_and_brackets_the_estimate(corpus, codebook, result):
    again = compare(corpus, codebook, ("russia", "amnesty"), bootstrap=200, seed=7,
                    min_articles=2)
    assert again.intervals.equals(result.intervals)
    wire = result.intervals[(result.intervals["source"] == "Meridian Wire")
                            & (result.intervals["measure"] == "balance_index")].iloc[0]
    assert wire.low <= wire.estimate <= wire.high


def test_outlets_below_the_minimum_of_articles_get_no_interval_and_a_warning(result, corpus,
                                                                           codebook):
    single = result.intervals[result.intervals["documents"] == 1]
    assert single[["low", "high"]].isna().all().all()
    assert any("fewer than 2 articles" in w and "Metro Brief (1)" in w
               for w in result.warnings)
    default = compare(corpus, codebook, bootstrap=50)  # no outlet has 10 articles
    assert default.intervals[["low", "high"]].isna().all().all()
    assert any("fewer than 10 articles" in w and "Meridian Wire (2)" in w
               for w in default.warnings)
    assert (default.intervals["documents"] >= 1).all()  # n beside every interval


def test_any_pair_of_sides_and_clear_errors(corpus, codebook):
    other = compare(corpus, codebook, ("amnesty", "others"), bootstrap=0)
    assert "word_share_others" in other.by_source
    with pytest.raises(InputError, match="side 'nato' is not in the codebook"):
        compare(corpus, codebook, ("russia", "nato"))
    with pytest.raises(InputError, match="given twice"):
        compare(corpus, codebook, ("russia", "russia"))


def test_report_folder_holds_index_tables_figures_and_article_views(result, corpus, codebook,
                                                                   tmp_path):
    from biaskit.report.index import write_report

    out = tmp_path / "report"
    index = write_report(result, corpus, codebook, out)
    assert index == out / "index.html"
    page = index.read_text(encoding="utf-8")
    assert "Russian officials" in page and "Amnesty International" in page
    assert sorted(p.name for p in (out / "figures").iterdir()) == [
        "article_map.png", "balance.png", "claim_modes.png", "frames.png", "side_shares.png",
        "tone.png"]
    assert len(list((out / "articles").iterdir())) == len(corpus)
    assert {"by_source.csv", "intervals.csv", "attributions.csv", "claims.csv",
            "problems.csv"} <= {p.name for p in (out / "tables").iterdir()}
    for link in ("articles/000_d287f8da5092c987.html", "figures/balance.png",
                 "tables/claims.csv"):
        assert link in page
    written = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert all(out in p.parents for p in written)


def test_report_file_names_from_hostile_doc_ids_stay_inside_the_folder(tmp_path):
    from biaskit.report.index import _file_names, _inside

    names = _file_names(["../../etc/passwd", "a/b", "a_b", ".."])
    assert names == {"../../etc/passwd": "_.._etc_passwd.html", "a/b": "a_b.html",
                     "a_b": "a_b_2.html", "..": "document.html"}
    with pytest.raises(ValueError, match="refusing to write outside"):
        _inside(tmp_path, "../escape.html")
