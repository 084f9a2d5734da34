"""Figure 2 for a large corpus: the article map aggregated per outlet.

One row per article stops being readable after a few dozen rows (2,000 articles made a 10 MB
image), so beyond :data:`MAP_ARTICLES` articles the report draws this figure instead: one row
per outlet, and in it one line per side. A circle in a column is the share of the side's
statements (in the outlet's articles) that stand in that block; the bar is the block where the
side first speaks in the outlet's median article that quotes it. The figure's size depends on
the number of outlets and sides, never on the number of articles.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from biaskit.codebook import Codebook
from biaskit.report.figure import (
    LABEL,
    SMALL,
    TITLE,
    _label,
    _new_figure,
    _nothing,
    _require,
    _side_id,
    _side_order,
    _styles,
    outlet_labels,
)

#: Up to this many articles the report shows one row per article; beyond, one per outlet.
MAP_ARTICLES = 40
#: Body paragraphs after this one share the last column ("12+").
LAST_PARAGRAPH = 12


def statement_slots(quotes: pd.DataFrame) -> pd.Series:
    """The column of each statement: 0 the headline, 1 the standfirst, 1 + k body paragraph k
    (the reader's number), paragraphs after :data:`LAST_PARAGRAPH` in its column."""
    body = 1 + quotes["paragraph"].clip(upper=LAST_PARAGRAPH).astype(int)
    return body.where(~quotes["position"].isin(["headline", "standfirst"]),
                      (quotes["position"] == "standfirst").astype(int))


def outlet_positions(quotes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The figure's numbers: per outlet, side and column the share of the side's statements
    there (``source, side, slot, statements, share``); and per outlet and side the articles
    where it speaks and the median column of its first statement (``source, side, articles,
    first_slot``)."""
    _require(quotes, ["doc_id", "source", "side", "paragraph", "position"],
             "outlet_map's quotes table")
    frame = quotes[["doc_id", "source", "side"]].assign(side=quotes["side"].map(_side_id),
                                                        slot=statement_slots(quotes))
    counts = frame.groupby(["source", "side", "slot"]).size().rename("statements").reset_index()
    counts["share"] = counts["statements"] / counts.groupby(["source", "side"])[
        "statements"].transform("sum")
    first = frame.groupby(["source", "side", "doc_id"])["slot"].min().reset_index()
    firsts = first.groupby(["source", "side"]).agg(articles=("doc_id", "size"),
                                                  first_slot=("slot", "median")).reset_index()
    return counts, firsts


def _area(share):
    """A circle's area in points² for a share of statements (a legend marker's size is its
    square root)."""
    return 20 + 260 * share


def outlet_map(quotes: pd.DataFrame, codebook: Codebook | None = None) -> Figure:
    """Where each side speaks, per outlet: for a corpus too large for a row per article.

    How to read it: each outlet has one line per side. Columns are blocks in reading order
    (H headline, S standfirst, body paragraphs 1, 2, ... as a reader counts them). A circle's
    area is the share of that side's statements in the outlet standing in that block (the
    circles of one line sum to 100%); the bar marks the block where the side first speaks in
    the outlet's median article among those that quote it. A side whose circles sit to the
    right, or whose bar stands late, is given less prominence. The label gives the outlet's
    number of articles with a statement.
    """
    counts, firsts = outlet_positions(quotes)
    sides = _side_order(codebook, counts["side"])
    colours, _, _ = _styles(codebook, sides)
    outlets = sorted(counts["source"].unique())
    n, k = len(outlets), max(len(sides), 1)
    fig, ax = _new_figure(2.6 + max(n, 2) * (0.2 + 0.17 * k))
    ax.set_title("Where each side speaks, per outlet: share of its statements in each block",
                 fontsize=TITLE, loc="left")
    if n == 0:
        _nothing(ax, "no statements to show")
        return fig
    row = {outlet: i for i, outlet in enumerate(outlets)}
    step = 0.8 / k
    offset = {side: (j - (k - 1) / 2) * step for j, side in enumerate(sides)}
    y = counts["source"].map(row) + counts["side"].map(offset)
    ax.scatter(counts["slot"], y, s=_area(counts["share"]),
               color=[colours[s] for s in counts["side"]], edgecolors="black", linewidths=0.5,
               zorder=3)
    first_y = firsts["source"].map(row) + firsts["side"].map(offset)
    ax.scatter(firsts["first_slot"], first_y, marker="|", s=220 * step / 0.4, color="black",
               linewidths=2.2, zorder=4)
    articles = quotes.groupby("source")["doc_id"].nunique()
    ax.set_yticks(range(n), [f"{label} ({articles.get(o, 0)} articles)" for o, label in
                             zip(outlets, outlet_labels(outlets), strict=True)], fontsize=SMALL)
    for i in range(1, n):
        ax.axhline(i - 0.5, color="#e6e6e6", linewidth=0.8, zorder=1)
    ticks = list(range(LAST_PARAGRAPH + 2))
    ax.set_xticks(ticks, ["H", "S", *map(str, range(1, LAST_PARAGRAPH)), f"{LAST_PARAGRAPH}+"],
                  fontsize=SMALL)
    ax.set_xlim(-0.6, LAST_PARAGRAPH + 1.6)
    ax.set_ylim(n - 0.5, -0.5)
    ax.tick_params(axis="both", length=0)
    ax.spines[:].set_visible(False)
    ax.set_xlabel("block in reading order: H headline, S standfirst, then body paragraphs "
                  "1 (the lead), 2, 3 …", fontsize=LABEL)
    handles = [Line2D([], [], linestyle="none", marker="o", markersize=9, color=colours[s],
                      markeredgecolor="black", label=_label(codebook, s)) for s in sides]
    handles += [Line2D([], [], linestyle="none", marker="o", markersize=m, color="white",
                       markeredgecolor="black", label=f"{p}% of the side's statements")
                for p, m in ((10, _area(0.1) ** 0.5), (50, _area(0.5) ** 0.5),
                             (100, _area(1.0) ** 0.5))]
    handles.append(Line2D([], [], linestyle="none", marker="|", markersize=12, color="black",
                          markeredgewidth=2.2, label="first statement, median article"))
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 4),
               fontsize=SMALL, frameon=False, title_fontsize=SMALL,
               title="colour: whose statements · circle area: share in that block")
    ax.yaxis.set_tick_params(pad=4)
    ax.set_axisbelow(True)
    return fig
