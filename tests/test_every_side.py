"""Every side of a story is measured, not a pair: a fictional dispute with four sides."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from biaskit import InputError, load_codebook, load_corpus
from biaskit.cli import main
from biaskit.compare import compare, key_table

SIDES = ["government", "rebels", "monitors", "un"]

CODEBOOK = """\
name: Valdera dam dispute
sides:
  government:
    label: Valderan government
    actors:
      ministry: {label: Water Ministry, aliases: [Water Ministry, the ministry]}
  rebels:
    label: Hill Front
    actors:
      hill_front: {label: Hill Front, aliases: [Hill Front]}
  monitors:
    label: River Watch
    actors:
      river_watch: {label: River Watch, aliases: [River Watch]}
  un:
    label: United Nations
    actors:
      envoy: {label: UN envoy Mara Quist, aliases: [Mara Quist, Quist]}
claims:
  dam_safe:
    side: government
    statement: The dam is safe.
    cues: [dam is safe, denies the dam leaks]
  dam_leaks:
    side: monitors
    statement: The dam is leaking.
    cues: [dam is leaking]
"""

ARTICLES = {
    "a1": ("North Ledger", """Ministry denies the dam leaks

The Water Ministry denies the dam leaks, officials said on Monday.

"The dam is safe," the Water Ministry said in a statement.

River Watch said the dam is leaking and that water reached two villages.

The Hill Front said it would block the valley road until the dam is inspected.

Mara Quist said talks between all parties would start next week.
"""),
    "a2": ("North Ledger", """River Watch finds the dam is leaking

River Watch found that the dam is leaking into the lower valley.

The Water Ministry claimed the dam is safe.

Quist said the United Nations would send engineers.
"""),
    "a3": ("South Post", """Hill Front blocks valley road

The Hill Front said its fighters had closed the valley road.

"We will stay until the engineers come," the Hill Front said.

The Water Ministry said the dam is safe and the road must open.

River Watch said the dam is leaking, but the ministry rejected the report.
"""),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    folder = tmp_path_factory.mktemp("valdera")
    rows = ["file,doc_id,source"]
    for doc_id, (source, text) in ARTICLES.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{doc_id}.txt,{doc_id},{source}")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "codebook.yaml").write_text(CODEBOOK, encoding="utf-8")
    return folder, load_corpus(folder), load_codebook(folder / "codebook.yaml")


@pytest.fixture(scope="module")
def result(story):
    _, corpus, book = story
    return compare(corpus, book, bootstrap=50, seed=3)


def test_every_codebook_side_gets_its_own_measures(result):
    assert result.sides == tuple(SIDES)
    for side in SIDES:
        for measure in ("statements", "word_share", "headline_voice", "claims",
                        "claim_neutral_share", "voice_tone"):
            assert f"{measure}_{side}" in result.by_source, (measure, side)
    table = result.by_source.set_index("source")
    assert table.loc["South Post", "statements_rebels"] >= 2
    assert table.loc["North Ledger", "statements_un"] == 2


def test_word_shares_of_all_sides_and_unassigned_speakers_sum_to_one(result):
    balance = result.tables["source_balance"]
    speakers = balance.groupby("source")["words"].sum()
    shares = result.by_source.set_index("source")[[f"word_share_{s}" for s in SIDES]].sum(
        axis=1)
    unassigned = balance[balance["side"] == "unassigned"].set_index("source")["words"]
    expected = 1 - unassigned.reindex(shares.index, fill_value=0) / speakers[shares.index]
    assert np.allclose(shares, expected)


def test_claim_presentation_shares_of_each_side_sum_to_one(result):
    from biaskit.framing.presentation import CATEGORIES

    table = result.by_source.set_index("source")
    for side in ("government", "monitors"):
        shares = table[[f"claim_{key}_share_{side}" for key in CATEGORIES]].sum(axis=1)
        assert np.allclose(shares, 1.0), side
    assert table.loc["North Ledger", "claim_endorsed_share_monitors"] > 0   # "found that"
    assert table.loc["North Ledger", "claim_own_denial_share_government"] > 0


def test_the_balance_index_is_a_view_of_any_two_sides(result):
    assert result.pair == ("government", "rebels")
    view = result.balance("monitors", "un")
    south = view.set_index("source").loc["South Post"]
    assert south["un"] == 0 and south["monitors"] > 0 and south["balance_index"] == 1.0
    first = result.balance("government", "rebels").set_index("source")["balance_index"]
    assert np.allclose(first, result.by_source.set_index("source")["balance_index"])
    with pytest.raises(InputError, match="side 'nato' was not measured"):
        result.balance("monitors", "nato")


def test_sides_narrows_the_set_to_any_number(story):
    _, corpus, book = story
    three = compare(corpus, book, ["monitors", "un", "rebels"], bootstrap=0)
    assert three.sides == ("monitors", "un", "rebels") and three.pair == ("monitors", "un")
    assert "word_share_un" in three.by_source and "word_share_government" not in \
        three.by_source
    one = compare(corpus, book, ["un"], bootstrap=0)
    assert one.pair is None and "balance_index" not in one.by_source
    assert "word_share_un" in one.by_source
    with pytest.raises(InputError, match="given twice"):
        compare(corpus, book, ["un", "un"])


def test_key_table_is_numeric_and_rounds(result):
    table = key_table(result)
    assert all(pd.api.types.is_float_dtype(dtype) for dtype in table.dtypes)
    assert table.round(2).loc["word_share_monitors"].max() == round(
        result.by_source["word_share_monitors"].max(), 2)
    assert list(key_table(result, outlets_as_rows=True).index) == ["North Ledger",
                                                                   "South Post"]


def test_figures_show_every_side(result, story):
    from biaskit.report import side_shares_chart, tone_dotplot

    _, _, book = story
    fig = side_shares_chart(result.tables["source_balance"], codebook=book)
    assert isinstance(fig, Figure)
    drawn = {bar.get_gid().split("|")[1] for bar in fig.axes[0].patches if bar.get_gid()}
    assert set(SIDES) <= drawn
    stacks = pd.Series({bar.get_gid(): bar.get_width() for bar in fig.axes[0].patches
                        if bar.get_gid()})
    by_outlet = stacks.groupby(stacks.index.str.split("|").str[0]).sum()
    assert np.allclose(by_outlet, 1.0)
    tone = tone_dotplot(_tone(result), codebook=book, sides=list(result.sides))
    legend = {text.get_text() for text in tone.legends[0].get_texts()}
    assert {side.label for side in book.sides.values()} <= legend


def _tone(result) -> pd.DataFrame:
    rows = []
    for kind in ("voice", "coverage"):
        scored = result.tables[f"{kind}_tone"]
        for (source, side), value in scored.groupby(["source", "side"])["compound"].mean()\
                .items():
            rows.append({"source": source, "side": side, "kind": kind, "mean_compound": value})
    return pd.DataFrame(rows)


def test_cli_sides_takes_any_number(story, tmp_path, capsys):
    folder, _, _ = story
    code = main(["compare", str(folder), "--sides", "un", "monitors", "rebels",
                 "--bootstrap", "0", "--out", str(tmp_path / "report")])
    out = capsys.readouterr().out
    assert code == 0
    assert "word_share_un" in out and "word_share_government" not in out
