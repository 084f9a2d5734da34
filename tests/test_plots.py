"""Figures: each draws what its table holds (bars, rows, marks, cells) in the sides' colours,
leaves pyplot's state as it found it, and save_figure writes a PNG where it is told."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from conftest import CODEBOOK, CORPUS  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from biaskit import (  # noqa: E402
    attributions_frame,
    load_codebook,
    load_corpus,
    sentences_frame,
)
from biaskit.attribution.balance import balance_index, side_balance, source_balance  # noqa: E402
from biaskit.framing.claims import claim_occurrences  # noqa: E402
from biaskit.framing.frames import frame_scores  # noqa: E402
from biaskit.report.article_map import article_map  # noqa: E402
from biaskit.report.balance_chart import balance_chart  # noqa: E402
from biaskit.report.claim_modes import claim_modes_chart, claim_modes_table  # noqa: E402
from biaskit.report.figure import save_figure  # noqa: E402
from biaskit.report.frame_heatmap import frame_heatmap  # noqa: E402
from biaskit.report.palette import side_colours  # noqa: E402
from biaskit.report.tone_dotplot import tone_dotplot  # noqa: E402
from biaskit.tone import side_tone  # noqa: E402

OUTLETS = 7
ARTICLES = 9


@pytest.fixture(scope="module")
def data():
    corpus = load_corpus(CORPUS)
    book = load_codebook(CODEBOOK)
    quotes = attributions_frame(corpus, book)
    per_source = source_balance(side_balance(quotes, corpus, book), book)
    return {
        "corpus": corpus, "book": book, "quotes": quotes,
        "index": balance_index(per_source, "russia", "amnesty", measure="words"),
        "claims": claim_occurrences(corpus, book, quotes),
        "frames": frame_scores(corpus, book),
        "tone": side_tone(corpus, quotes, book),
    }


@pytest.fixture(scope="module")
def colours(data):
    return {side: colour.lower() for side, colour in side_colours(data["book"].sides).items()}


@pytest.fixture(autouse=True)
def no_figures_left():
    """Every test closes what it opens, so a run never piles figures up in pyplot."""
    yield
    plt.close("all")


def _hex(colour) -> str:
    return to_hex(colour, keep_alpha=False)


def _bars(ax) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def _points(ax) -> list[PathCollection]:
    return [c for c in ax.collections if isinstance(c, PathCollection)]


def _texts(fig: Figure) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


def test_balance_chart_one_bar_per_outlet_signed_and_coloured_by_side(data, colours):
    fig = balance_chart(data["index"], "russia", "amnesty", codebook=data["book"])
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    bars = _bars(ax)
    assert len(bars) == OUTLETS
    outlets = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(outlets) == sorted(data["index"]["source"])
    width = {outlet: bar.get_width() for outlet, bar in zip(outlets, bars, strict=True)}
    colour = {outlet: _hex(bar.get_facecolor()) for outlet, bar in zip(outlets, bars,
                                                                         strict=True)}
    assert width["Metro Brief"] == pytest.approx(1.0)              # only Russian officials
    assert colour["Metro Brief"] == colours["russia"]
    assert width["Rights Monitor Daily"] < 0                        # leans to Amnesty
    assert colour["Rights Monitor Daily"] == colours["amnesty"]
    assert {_hex(b.get_facecolor()) for b in bars} == {colours["russia"], colours["amnesty"]}
    assert [round(w, 6) for w in width.values()] == sorted(
        (round(w, 6) for w in width.values()), reverse=True)        # sorted, Russia-most on top
    assert ax.get_xlim()[0] <= -1 and ax.get_xlim()[1] >= 1
    text = _texts(fig)
    assert "more Russian officials →" in text and "← more Amnesty International" in text
    assert not ax.containers or not any(c.__class__.__name__ == "ErrorbarContainer"
                                        for c in ax.containers)


def test_balance_chart_draws_error_bars_only_where_an_interval_is_given(data):
    table = data["index"].assign(low=data["index"]["balance_index"] - 0.1,
                                 high=data["index"]["balance_index"] + 0.1)
    table.loc[table["source"] == "Metro Brief", ["low", "high"]] = np.nan
    ax = balance_chart(table, "russia", "amnesty").axes[0]
    (errorbars,) = [c for c in ax.containers if c.__class__.__name__ == "ErrorbarContainer"]
    segments = errorbars.lines[2][0].get_segments()
    assert len(segments) == OUTLETS - 1
    assert all(abs((s[1][0] - s[0][0]) - 0.2) < 1e-9 for s in segments)


def test_balance_chart_leaves_out_the_bar_of_an_outlet_where_neither_side_speaks(data):
    table = data["index"].copy()
    table.loc[table["source"] == "Metro Brief", ["russia", "amnesty", "balance_index"]] = \
        [0, 0, np.nan]
    fig = balance_chart(table, "russia", "amnesty")
    assert len(_bars(fig.axes[0])) == OUTLETS - 1
    assert fig.axes[0].get_yticklabels()[-1].get_text() == "Metro Brief"
    assert "neither speaks" in _texts(fig)


def test_article_map_has_a_row_per_article_and_a_mark_per_statement(data, colours):
    corpus, quotes = data["corpus"], data["quotes"]
    fig = article_map(corpus, quotes, codebook=data["book"])
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == ARTICLES
    assert labels[0] == "Unnamed outlet - 000_d287f8da5092c987"
    assert len(_bars(ax)) == sum(len(doc.blocks) for doc in corpus)     # one cell per block
    marks = _points(ax)
    assert sum(len(c.get_offsets()) for c in marks) == len(quotes)
    by_side = {}
    for c in marks:
        side, mode = c.get_label().split("|")
        by_side.setdefault(side, set()).add(_hex(c.get_facecolor()[0]))
        assert (quotes[(quotes["side"] == side) & (quotes["mode"] == mode)].shape[0]
                == len(c.get_offsets()))
    assert by_side["russia"] == {colours["russia"]}
    assert by_side["amnesty"] == {colours["amnesty"]}
    assert len({c.get_paths()[0].vertices.shape for c in marks}) >= 2  # shapes differ by mode


def test_article_map_places_the_headline_statement_in_the_headline_column(data):
    ax = article_map(data["corpus"], data["quotes"]).axes[0]
    headline = data["quotes"][(data["quotes"]["position"] == "headline")]
    xy = np.vstack([c.get_offsets() for c in _points(ax)])
    in_headline = xy[np.abs(xy[:, 0]) < 0.45]
    assert len(in_headline) == len(headline)
    assert ax.get_xticklabels()[0].get_text() == "H"
    assert [t.get_text() for t in ax.get_xticklabels()[1:4]] == ["S", "1", "2"]


def test_article_map_takes_a_block_table_instead_of_documents(data):
    blocks = sentences_frame(data["corpus"])
    ax = article_map(blocks, data["quotes"]).axes[0]
    assert len(ax.get_yticklabels()) == ARTICLES
    assert sum(len(c.get_offsets()) for c in _points(ax)) == len(data["quotes"])


def test_claim_modes_chart_stacks_shares_per_outlet_and_side(data, colours):
    claims = data["claims"]
    fig = claim_modes_chart(claims, codebook=data["book"])
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == sorted(claims["source"].unique())
    stacks: dict[tuple[str, str], float] = {}
    for bar in _bars(ax):
        outlet, side, _ = bar.get_gid().split("|")
        stacks[(outlet, side)] = stacks.get((outlet, side), 0) + bar.get_width()
        assert _hex(bar.get_edgecolor()) == colours[side]
    groups = claims.groupby(["source", "claim_side"]).size()
    assert set(stacks) == set(groups.index)            # Metro Brief has no Amnesty bar
    assert all(total == pytest.approx(1.0) for total in stacks.values())
    hatches = {b.get_gid().split("|")[2]: b.get_hatch() for b in _bars(ax)}
    assert hatches["distanced"] and hatches["own_denial"] and hatches["distanced"] != \
        hatches["own_denial"]
    assert hatches["denied"] != hatches["own_denial"]  # the two denials stay apart
    table = claim_modes_table(claims).set_index(["source", "claim_side", "category"])
    assert table.loc[("Eastern Courier", "amnesty", "distanced"), "share"] == 1.0
    assert table.loc[("Rights Monitor Daily", "russia", "distanced"), "share"] == 1.0
    shares = table["share"].groupby(level=["source", "claim_side"]).sum()
    assert np.allclose(shares, 1.0)                    # the table sums to 100% like the bars


def test_frame_heatmap_is_outlets_by_frames_with_values_and_a_labelled_colour_bar(data):
    fig = frame_heatmap(data["frames"])
    assert isinstance(fig, Figure)
    ax, bar_ax = fig.axes
    image = ax.images[0]
    assert image.get_array().shape == (OUTLETS, 8)
    assert image.get_cmap().name == "cividis"
    cells = [t for t in ax.texts if t.get_text().replace(".", "").isdigit()]
    assert len(cells) == OUTLETS * 8
    assert bar_ax.get_ylabel() == "term matches per 100 words"
    means = data["frames"].groupby(["source", "frame"])["score"].mean()
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[0] == "Eastern Courier (2 articles)"
    column = [t.get_text() for t in ax.get_xticklabels()].index("military &\nsecurity")
    assert image.get_array()[0, column] == pytest.approx(means[("Eastern Courier",
                                                                 "military")])


def test_tone_dotplot_marks_voice_filled_and_coverage_hollow_in_side_colours(data, colours):
    tone = data["tone"]
    fig = tone_dotplot(tone, codebook=data["book"])
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_xlim() == (-1, 1)
    assert [t.get_text() for t in ax.get_yticklabels()] == sorted(tone["source"].unique())
    marks = {tuple(c.get_label().split("|")): c for c in _points(ax)}
    assert len(marks) == tone[["side", "kind"]].drop_duplicates().shape[0]
    assert sum(len(c.get_offsets()) for c in marks.values()) == len(tone)
    for side in ("russia", "amnesty"):
        assert _hex(marks[(side, "voice")].get_facecolor()[0]) == colours[side]
        assert _hex(marks[(side, "coverage")].get_facecolor()[0]) == "#ffffff"
        assert _hex(marks[(side, "coverage")].get_edgecolor()[0]) == colours[side]
    fig.canvas.draw()
    spans = [p.get_window_extent().transformed(ax.transData.inverted()) for p in ax.patches]
    assert any(abs(b.x0 + 0.05) < 1e-6 and abs(b.x1 - 0.05) < 1e-6 for b in spans)
    assert "VADER scores news about violence negative whatever its stance" in _texts(fig)


def test_tone_dotplot_draws_intervals_and_shows_only_the_sides_asked_for(data):
    tone = data["tone"].assign(low=data["tone"]["mean_compound"] - 0.05,
                               high=data["tone"]["mean_compound"] + 0.05)
    ax = tone_dotplot(tone, sides=["russia", "amnesty"]).axes[0]
    assert {c.get_label().split("|")[0] for c in _points(ax)} == {"russia", "amnesty"}
    errorbars = [c for c in ax.containers if c.__class__.__name__ == "ErrorbarContainer"]
    shown = tone[tone["side"].isin(["russia", "amnesty"])]
    assert sum(len(c.lines[2][0].get_segments()) for c in errorbars) == len(shown)


@pytest.mark.parametrize("name", ["balance", "map", "claims", "frames", "tone"])
def test_empty_tables_give_a_figure_not_an_error(data, name):
    make = {
        "balance": lambda: balance_chart(data["index"].iloc[:0], "russia", "amnesty"),
        "map": lambda: article_map([], data["quotes"]),
        "claims": lambda: claim_modes_chart(data["claims"].iloc[:0]),
        "frames": lambda: frame_heatmap(data["frames"].iloc[:0]),
        "tone": lambda: tone_dotplot(data["tone"].iloc[:0]),
    }
    assert isinstance(make[name](), Figure)


def test_a_missing_column_is_named_in_the_error(data):
    with pytest.raises(ValueError, match="balance_index"):
        balance_chart(data["index"].drop(columns="balance_index"), "russia", "amnesty")


def test_save_figure_writes_a_png_to_exactly_the_given_path_and_closes_it(data, tmp_path):
    fig = frame_heatmap(data["frames"])
    number = fig.number
    path = tmp_path / "sub" / "frames.figure"                     # no .png suffix added
    assert save_figure(fig, path) == path
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
    assert sorted(p.name for p in path.parent.iterdir()) == ["frames.figure"]
    assert number not in plt.get_fignums()


def test_figures_are_deterministic_and_keep_fonts_readable(data, tmp_path):
    first = save_figure(article_map(data["corpus"], data["quotes"]),
                              tmp_path / "a.png")
    second = save_figure(article_map(data["corpus"], data["quotes"]),
                               tmp_path / "b.png")
    assert first.read_bytes() == second.read_bytes()
    fig = tone_dotplot(data["tone"], codebook=data["book"])
    fig.canvas.draw()
    sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]
    assert min(sizes) >= 9
    assert 8 <= fig.get_size_inches()[0] <= 10


def test_the_library_leaves_the_backend_alone(data):
    before = matplotlib.get_backend()
    balance_chart(data["index"], "russia", "amnesty")
    assert matplotlib.get_backend() == before
