"""Figure 6: every side at once, each outlet's voice shared out among all the sides."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from biaskit.codebook import Codebook
from biaskit.report.balance_chart import MEASURE_WORDS
from biaskit.report.figure import (
    GRID,
    INK,
    LABEL,
    SMALL,
    _footnote,
    _label,
    _new_figure,
    _nothing,
    _require,
    _side_id,
    _side_order,
    _styles,
    _title,
    outlet_labels,
)

_SHARES = {"words": "word_share", "statements": "statement_share",
           "quoted_words": "quoted_word_share", "prominence": "prominence_share"}


def side_shares_chart(source_balance: pd.DataFrame, codebook: Codebook | None = None, *,
                      measure: str = "words", sides: Sequence[str] | None = None) -> Figure:
    """Each outlet's attributed voice shared out among every side: one 100% bar per outlet.

    A bar is all the statements in an outlet's articles, counted on ``measure`` (words,
    statements, quoted_words or prominence), split by the side of the speaker; speakers no
    codebook actor covers are the grey 'no codebook actor' segment. The column on the right
    gives what the bar is made of: the count, the statements and the articles. Outlets are in
    alphabetical order.

    How to read it, and what it cannot tell: ``figures.side_shares`` in
    ``biaskit/data/measures.yaml`` (:func:`biaskit.report.glossary.figure_text`).

    Args:
        source_balance: :func:`biaskit.attribution.balance.source_balance` (one row per
            outlet and side, with ``documents`` and the counts).
        codebook: gives the sides' labels, their order and colours.
        measure: the count the shares are of.
        sides: the sides to show (default: every side in the table); the shares stay shares
            of all speakers, so a bar with sides left out stops short of 100%.

    Returns:
        The figure.
    """
    if measure not in _SHARES:
        raise ValueError(f"measure must be one of {', '.join(_SHARES)}, not {measure!r}")
    _require(source_balance, ["source", "side", "documents", "statements", measure],
             "side_shares_chart's table")
    table = source_balance.assign(side=source_balance["side"].map(_side_id))
    shown = list(sides) if sides is not None else _side_order(codebook, table["side"])
    colours, hatches, _ = _styles(codebook, shown)
    wide = table.pivot_table(index="source", columns="side", values=measure, aggfunc="sum",
                             fill_value=0).sort_index()
    totals = wide.sum(axis=1)
    outlets = list(wide.index)
    n = len(outlets)
    fig, ax = _new_figure(2.2 + 0.42 * max(n, 2))
    _title(fig, "How each outlet shares its attributed voice among the sides")
    if n == 0:
        _nothing(ax, "no outlets to show")
        return fig
    for y, outlet in enumerate(outlets):
        left = 0.0
        for side in shown:
            share = wide.loc[outlet, side] / totals[outlet] if side in wide and \
                totals[outlet] > 0 else 0.0
            if share > 0:
                ax.barh(y, share, left=left, height=0.62, color=colours[side],
                        hatch=hatches.get(side, ""), edgecolor=INK, linewidth=0.8, zorder=2,
                        gid=f"{outlet}|{side}")
                left += share
    per_outlet = table.groupby("source").agg(documents=("documents", "max"),
                                             statements=("statements", "sum"))
    right = blended_transform_factory(ax.transAxes, ax.transData)
    ax.text(1.02, -0.55, f"{measure.replace('_', ' ')} · statements · articles",
            transform=right, fontsize=SMALL, color=INK, va="bottom")
    for y, outlet in enumerate(outlets):
        count = totals[outlet]
        count_text = f"{count:,.0f}" if float(count).is_integer() else f"{count:,.1f}"
        ax.text(1.02, y, f"{count_text} · {per_outlet.loc[outlet, 'statements']:,.0f} · "
                f"{per_outlet.loc[outlet, 'documents']:,.0f}", transform=right,
                fontsize=SMALL, color=INK, va="center", fontfamily="monospace")
        if count == 0:
            ax.text(0.01, y, "nobody is quoted", fontsize=SMALL, style="italic", va="center")
    ax.set_xlim(0, 1)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xticks(np.linspace(0, 1, 6), [f"{p}%" for p in range(0, 101, 20)])
    ax.set_yticks(range(n), outlet_labels(outlets), fontsize=LABEL)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("share of the outlet's attributed statements, counted on "
                  f"{MEASURE_WORDS.get(measure, measure)}", fontsize=LABEL)
    ax.grid(axis="x", color=GRID, linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    ax.spines[["top", "right", "left"]].set_visible(False)
    handles = [Patch(facecolor=colours[s], hatch=hatches.get(s, ""), edgecolor=INK,
                     label=_label(codebook, s)) for s in shown]
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 4),
               fontsize=SMALL, frameon=False, title="side of the speaker",
               title_fontsize=SMALL)
    _footnote(fig, [] if sides is None else
              ["Sides left out of the figure still count in the total of each bar."])
    return fig
