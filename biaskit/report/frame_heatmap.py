"""Figure 4: how much each outlet uses each frame, as a heat map."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from biaskit.report.figure import (
    INK,
    LABEL,
    SMALL,
    _footnote,
    _new_figure,
    _nothing,
    _require,
    _title,
    literal,
    outlet_labels,
)

FRAME_LABELS = {"human_interest": "human interest", "military": "military & security",
                "diplomacy": "diplomacy & peace"}


def _frame_label(frame: str) -> str:
    """A frame's name in plain words, on two lines when it has several words."""
    words = FRAME_LABELS.get(frame, str(frame).replace("_", " ")).split()
    half = (len(words) + 1) // 2
    return literal(" ".join(words[:half])
                   + ("\n" + " ".join(words[half:]) if half < len(words) else ""))


def frame_heatmap(frames: pd.DataFrame) -> Figure:
    """Mean frame score per outlet: a heatmap with outlets as rows and frames as columns.

    A score is a frame's term matches per 100 words (:func:`biaskit.framing.frames.frame_scores`);
    a cell is the mean over the outlet's articles (their number is in the row label) and is
    printed in the cell. Darker blue is lower, lighter yellow higher, on one scale for the
    whole figure that starts at 0 (the colour bar). Frames are in the lexicon's order.

    How to read it, and what it cannot tell: ``figures.frames`` in
    ``biaskit/data/measures.yaml`` (:func:`biaskit.report.glossary.figure_text`), for the
    report to show under the figure.

    Args:
        frames: ``source``, ``frame`` and ``score`` (one row per article and frame, or
            already one per outlet and frame); ``doc_id`` when present counts the articles.

    Returns:
        The figure.
    """
    _require(frames, ["source", "frame", "score"], "frame_heatmap's table")
    columns = list(dict.fromkeys(frames["frame"]))
    wide = frames.pivot_table(index="source", columns="frame", values="score",
                              aggfunc="mean").reindex(columns=columns)
    wide = wide.sort_index()
    n_docs = (frames.groupby("source")["doc_id"].nunique() if "doc_id" in frames
              else pd.Series(dtype=int))
    rows = [f"{label} ({n_docs[s]} article{'s' if n_docs[s] != 1 else ''})" if s in n_docs
            else label for s, label in zip(wide.index, outlet_labels(wide.index), strict=True)]
    fig, ax = _new_figure(2.6 + 0.5 * max(len(rows), 2))
    _title(fig, "Frame vocabulary per outlet (mean score over its articles)")
    if wide.empty:
        _nothing(ax, "no frame scores to show")
        return fig
    values = wide.to_numpy(dtype=float)
    top = float(np.nanmax(values)) if np.isfinite(values).any() else 1.0
    image = ax.imshow(values, cmap="cividis", vmin=0, vmax=max(top, 1e-9), aspect="auto",
                      interpolation="nearest")
    for (i, j), value in np.ndenumerate(values):
        if np.isnan(value):
            ax.text(j, i, "–", ha="center", va="center", fontsize=SMALL, color=INK)
            continue
        light = value / max(top, 1e-9) > 0.55
        ax.text(j, i, f"{value:.1f}", ha="center", va="center", fontsize=SMALL,
                color="black" if light else "white")
    ax.set_xticks(range(len(columns)), [_frame_label(c) for c in columns], fontsize=SMALL)
    ax.set_yticks(range(len(rows)), rows, fontsize=SMALL)
    ax.tick_params(length=0)
    ax.set_xticks(np.arange(-0.5, len(columns)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(rows)), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    ax.spines[:].set_visible(False)
    bar = fig.colorbar(image, ax=ax, fraction=0.05, pad=0.02)
    bar.set_label("term matches per 100 words", fontsize=LABEL)
    bar.ax.tick_params(labelsize=SMALL)
    _footnote(fig, ["A score counts a frame's words, not whether the article argues within "
                    "that frame; compare outlets on the same event only."])
    return fig
