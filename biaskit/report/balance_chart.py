"""Figure 1: the balance index per outlet, as diverging bars: which side gets more voice."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory, offset_copy

from biaskit.codebook import Codebook
from biaskit.report.figure import (
    GRID,
    INK,
    LABEL,
    SMALL,
    _counts,
    _footnote,
    _intervals,
    _label,
    _new_figure,
    _nothing,
    _require,
    _styles,
    _title,
    outlet_labels,
)
from biaskit.report.palette import UNASSIGNED_COLOUR

SIDE_BY_SIDE = 40  # characters of the two side labels above the plot that fit on one line

MEASURE_WORDS = {
    "statements": "statements",
    "words": "words in their statements",
    "quoted_words": "words quoted directly",
    "direct_statements": "direct quotes",
    "prominence": "prominence-weighted statements",
}

MEASURE_QUESTIONS = {
    "statements": "Who is given more statements",
    "words": "Who is given more words",
    "quoted_words": "Who is quoted at greater length",
    "direct_statements": "Who is quoted directly more often",
    "prominence": "Who is given the more prominent statements",
}


def balance_chart(index_table: pd.DataFrame, side_a: str, side_b: str, *,
                  codebook: Codebook | None = None, measure: str = "words") -> Figure:
    """Diverging bars of the balance index per outlet: which side gets more voice.

    The index is ``(a - b) / (a + b)`` on one balance measure (see
    :func:`biaskit.attribution.balance.balance_index`). A bar pointing right leans to ``side_a``
    and takes its colour and hatch; a bar pointing left leans to ``side_b``. 0 means even, +1
    means only ``side_a`` speaks and -1 only ``side_b``. Outlets are sorted from the one leaning
    most to ``side_a`` (top) to the one leaning most to ``side_b`` (bottom); an outlet where
    neither side speaks is listed last with no bar. The column on the right gives each index and the
    two counts it is made of, so that an index of +1 on a handful of words is not over-read.

    How to read it, and what it cannot tell: ``figures.balance`` in
    ``biaskit/data/measures.yaml`` (:func:`biaskit.report.glossary.figure_text`), for the
    report to show under the figure.

    Args:
        index_table: one row per outlet with ``source`` and ``balance_index``, as
            :func:`biaskit.attribution.balance.balance_index` returns on a per-source table;
            optional ``side_a``/``side_b`` count columns and ``low``/``high`` interval columns.
        side_a: the side counted positive.
        side_b: the side counted negative.
        codebook: gives the sides' labels and their colour order.
        measure: the measure the index was computed on (only used in the labels).

    Returns:
        The figure.
    """
    _require(index_table, ["source", "balance_index"], "balance_chart's table")
    colours, hatches, _ = _styles(codebook, [side_a, side_b])
    label_a, label_b = _label(codebook, side_a), _label(codebook, side_b)
    table = index_table.copy()
    table["balance_index"] = table["balance_index"].astype(float)
    table = table.assign(_key=-table["balance_index"].fillna(-np.inf)).sort_values(
        ["_key", "source"], kind="mergesort").reset_index(drop=True)
    n = len(table)
    fig, ax = _new_figure(1.9 + 0.42 * max(n, 2))
    question = MEASURE_QUESTIONS.get(measure, f"Balance of {measure}")
    _title(fig, f"{question}: {label_a} or {label_b}?")
    if n == 0:
        _nothing(ax, "no outlets to show")
        return fig

    y = np.arange(n)
    values = table["balance_index"]
    drawn = values.notna()
    lean = np.where(values > 0, side_a, np.where(values < 0, side_b, ""))
    for yi, value, side in zip(y[drawn], values[drawn], lean[drawn], strict=True):
        ax.barh(yi, value, height=0.62, color=colours.get(side, UNASSIGNED_COLOUR),
                hatch=hatches.get(side, ""), edgecolor=INK, linewidth=0.8, zorder=2)
    errors = _intervals(table, "balance_index")
    if errors is not None and len(errors):
        ax.errorbar(errors["balance_index"], errors.index, xerr=[errors["_below"],
                    errors["_above"]], fmt="none", ecolor="black", elinewidth=1.2, capsize=4,
                    zorder=3)
    ax.axvline(0, color=INK, linewidth=1.2, zorder=4)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], ["−1", "−0.5", "0", "+0.5", "+1"])
    ax.set_yticks(y, outlet_labels(table["source"]), fontsize=LABEL)
    ax.grid(axis="x", color=GRID, linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)

    ax.set_xlabel(f"balance index = ({label_a} − {label_b}) / (both), counted on "
                  f"{MEASURE_WORDS.get(measure, measure)}", fontsize=LABEL)
    side_text = dict(transform=ax.transAxes, fontsize=LABEL, fontweight="bold", va="bottom")
    lean_b, lean_a = f"← more {label_b}", f"more {label_a} →"
    # Two long side names do not fit side by side over a narrow plot: the one on the left
    # goes a line higher (offset in points, the same at any height of the figure).
    above = dict(transform=offset_copy(ax.transAxes, fig=fig, y=LABEL * 1.5, units="points")
                 ) if len(lean_a) + len(lean_b) > SIDE_BY_SIDE else {}
    ax.text(0, 1.01, lean_b, ha="left", color=colours[side_b], **{**side_text, **above})
    ax.text(1, 1.01, lean_a, ha="right", color=colours[side_a], **side_text)

    right = blended_transform_factory(ax.transAxes, ax.transData)
    counts = side_a in table.columns and side_b in table.columns
    header = f"index\n({label_a} :\n{label_b})" if counts else "index"
    if "documents" in table:
        header += "\nn articles"
    ax.text(1.02, -0.55, header, transform=right, fontsize=SMALL, color=INK, va="bottom")
    texts = ["neither speaks" if pd.isna(v) else f"{v:+.2f}" for v in table["balance_index"]]
    if counts:
        texts = [f"{t}   ({a} : {b})" for t, a, b in zip(
            texts, _counts(table[side_a]), _counts(table[side_b]), strict=True)]
    if "documents" in table:  # the articles behind each index and interval
        texts = [f"{t}   n={n:,}" for t, n in zip(texts, table["documents"].astype(int),
                                                    strict=True)]
    for y_row, text in enumerate(texts):
        ax.text(1.02, y_row, text, transform=right, fontsize=SMALL, color=INK,
                va="center", fontfamily="monospace")
    notes = []
    if errors is not None:
        notes.append("Error bars: 95% interval over each outlet's articles (n); outlets with "
                     "too few articles for one have none.")
    if (~drawn).any():
        notes.append("No bar: neither side speaks in that outlet's articles.")
    _footnote(fig, notes)
    return fig
