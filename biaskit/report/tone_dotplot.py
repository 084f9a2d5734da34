"""Figure 5: voice and coverage tone per outlet and side, as dots with intervals."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from biaskit.codebook import Codebook
from biaskit.report.figure import (
    GRID,
    INK,
    LABEL,
    SMALL,
    TITLE,
    _footnote,
    _intervals,
    _label,
    _new_figure,
    _nothing,
    _require,
    _side_id,
    _side_order,
    _styles,
    literal,
)

VADER_NEUTRAL = 0.05


def tone_dotplot(tone: pd.DataFrame, codebook: Codebook | None = None, *,
                 sides: Sequence[str] | None = None) -> Figure:
    """Mean VADER tone per outlet and side, for the side's own words and for the outlet's
    words about it.

    One row per outlet. Each side has its colour and marker shape; a filled marker is the
    side's **voice** (the mean compound score of what its speakers are reported to say), a
    hollow one is the **coverage** (the outlet's own words in sentences about the side).
    The x axis runs from -1 (most negative) to +1 (most positive); the shaded band around
    0 is VADER's neutral range (-0.05 to 0.05). Horizontal error bars, when the table has
    ``low`` and ``high`` columns, are 95% intervals. A side missing from a row has no scored
    text in that outlet.

    How to read it, and what it cannot tell: ``figures.tone`` in
    ``biaskit/data/measures.yaml`` (:func:`biaskit.report.glossary.figure_text`), for the
    report to show under the figure.

    Args:
        tone: ``source``, ``side``, ``kind`` (voice or coverage) and ``mean_compound``, as
            :func:`biaskit.tone.side_tone` returns; optional ``low`` and ``high``.
        codebook: gives the sides' labels, their order and colours.
        sides: the sides to show, in this order (default: every side in the table).

    Returns:
        The figure.
    """
    _require(tone, ["source", "side", "kind", "mean_compound"], "tone_dotplot's table")
    table = tone.assign(side=tone["side"].map(_side_id))
    shown = list(sides) if sides is not None else _side_order(codebook, table["side"])
    table = table[table["side"].isin(shown)]
    colours, _, markers = _styles(codebook, shown)
    outlets = sorted(table["source"].dropna().unique())
    n = len(outlets)
    fig, ax = _new_figure(2.8 + 0.55 * max(n, 2))
    ax.set_title("Tone of each side's own words and of the outlet's words about it",
                 fontsize=TITLE, loc="left")
    if n == 0:
        _nothing(ax, "no tone scores to show")
        return fig

    ax.axvspan(-VADER_NEUTRAL, VADER_NEUTRAL, color="#e3e3e3", zorder=0)
    ax.axvline(0, color=INK, linewidth=1, zorder=1)
    for boundary in np.arange(0.5, n - 0.5):
        ax.axhline(boundary, color=GRID, linewidth=0.8, zorder=0)
    row_of = {outlet: i for i, outlet in enumerate(outlets)}
    k = len(shown)
    width = 0.8 / max(k, 1)                         # each side's share of a row
    kinds = {"voice": -0.2, "coverage": 0.2}       # offsets inside a side's share
    for s, side in enumerate(shown):
        for kind, nudge in kinds.items():
            rows = table[(table["side"] == side) & (table["kind"] == kind)]
            if rows.empty:
                continue
            y = rows["source"].map(row_of) + (s - (k - 1) / 2) * width + nudge * width
            filled = kind == "voice"
            ax.scatter(rows["mean_compound"], y, s=62, marker=markers[side],
                       facecolors=colours[side] if filled else "white",
                       edgecolors=colours[side] if not filled else "black",
                       linewidths=1.8 if not filled else 0.6, zorder=4,
                       label=f"{side}|{kind}")
            errors = _intervals(rows.assign(_y=y), "mean_compound")
            if errors is not None and len(errors):
                ax.errorbar(errors["mean_compound"], errors["_y"],
                            xerr=[errors["_below"], errors["_above"]], fmt="none",
                            ecolor=colours[side], elinewidth=1.2, capsize=3, zorder=3)
    ax.set_xlim(-1, 1)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks(range(n), [literal(o) for o in outlets], fontsize=LABEL)
    ax.tick_params(axis="y", length=0)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], ["−1\nnegative", "−0.5", "0", "+0.5",
                                          "+1\npositive"])
    ax.set_xlabel("mean tone score (−1 to +1)", fontsize=LABEL)
    ax.spines[["top", "right", "left"]].set_visible(False)

    side_handles = [Line2D([], [], linestyle="none", marker=markers[s], markersize=9,
                           color=colours[s], markeredgecolor="black",
                           label=_label(codebook, s)) for s in shown]
    kind_handles = [
        Line2D([], [], linestyle="none", marker="o", markersize=9, color=INK,
               label="filled: voice\n(the side's own words)"),
        Line2D([], [], linestyle="none", marker="o", markersize=9, markerfacecolor="white",
               markeredgecolor=INK, markeredgewidth=1.8,
               label="hollow: coverage\n(the outlet's words about it)"),
    ]
    band = Patch(facecolor="#e3e3e3", label="VADER's neutral band\n(−0.05 to 0.05)")
    # On the right, so that the footnote keeps the foot of the figure to itself.
    fig.legend(handles=[*side_handles, *kind_handles, band], loc="outside right upper",
               fontsize=SMALL, frameon=False, labelspacing=1.0)
    notes = ["VADER scores news about violence negative whatever its stance."]
    if {"low", "high"} <= set(tone.columns):
        notes.append("Error bars: 95% interval over each outlet's articles.")
    _footnote(fig, notes)
    return fig
