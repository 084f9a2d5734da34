"""What the figures share: sizes, fonts and inks, side styles, empty-figure messages and
:func:`save_figure`. Each figure has its module: :mod:`~biaskit.report.balance_chart`,
:mod:`~biaskit.report.article_map`, :mod:`~biaskit.report.claim_modes`,
:mod:`~biaskit.report.frame_heatmap` and :mod:`~biaskit.report.tone_dotplot`.

Every function takes the tidy tables biaskit's analysers return (never a file) and returns a
:class:`matplotlib.figure.Figure`. The library never calls ``plt.show()`` and never changes
the backend. Show a figure in a notebook by leaving it as the cell's value, or write it with
:func:`save_figure`.

Sides keep one colour and one hatch or marker everywhere (:mod:`biaskit.report.palette`, in codebook
order, 'unassigned' grey), so that a figure reads the same in greyscale print and to readers
with a colour-vision deficiency. No figure contrasts red with green.

>>> from biaskit.report.balance_chart import balance_chart                # doctest: +SKIP
>>> from biaskit.report.figure import save_figure                          # doctest: +SKIP
>>> fig = balance_chart(index, "russia", "amnesty", codebook=book)         # doctest: +SKIP
>>> save_figure(fig, "balance.png")                                        # doctest: +SKIP
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from biaskit.codebook import Codebook
from biaskit.report.palette import side_colours, side_hatches

WIDTH = 10.0                    # inches: fits a notebook cell and an A4 page at 150 dpi
TITLE, LABEL, SMALL = 12, 10, 9  # font sizes in points; nothing smaller than 9
INK = "#222222"
GRID = "#d9d9d9"
SIDE_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "h")


def _require(table: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what} needs the column(s) {', '.join(missing)}; it has "
                         f"{', '.join(map(str, table.columns)) or 'none'}")


def _side_id(value) -> str:
    """'' and missing sides are speakers without a codebook actor: 'unassigned'."""
    return "unassigned" if value is None or pd.isna(value) or value == "" else str(value)


def _side_order(codebook: Codebook | None, present: Iterable[str]) -> list[str]:
    """Codebook sides first (in codebook order), then other sides in order of appearance,
    'unassigned' last."""
    present = list(dict.fromkeys(present))
    order = [s for s in (codebook.sides if codebook else []) if s in present]
    order += [s for s in present if s not in order and s != "unassigned"]
    return order + (["unassigned"] if "unassigned" in present else [])


def _styles(codebook: Codebook | None, sides: Sequence[str]) -> tuple[dict, dict, dict]:
    """Colours, hatches and markers per side. With a codebook, the palette runs over the
    codebook's sides in order, so a side has the same colour in every figure."""
    base = list(codebook.sides) if codebook else []
    base += [s for s in sides if s not in base and s != "unassigned"]
    colours = side_colours([*base, "unassigned"])
    hatches = side_hatches(base)
    hatches["unassigned"] = ""
    markers = {side: SIDE_MARKERS[i % len(SIDE_MARKERS)] for i, side in enumerate(base)}
    markers["unassigned"] = "X"
    return colours, hatches, markers


def literal(text: object) -> str:
    """A user's string (an outlet, a label, a file name) as matplotlib shows it literally:
    a pair of ``$`` would otherwise start mathematical text, and an unbalanced one raise.
    Every figure passes user strings through this one function.

    >>> print(literal("oil_$60_to_$80"))
    oil_\\$60_to_\\$80
    """
    return str(text).replace("$", r"\$")


OUTLET_CHARS = 30  # an outlet's name in a figure; longer names are cut in the middle


def outlet_labels(names: Iterable[object]) -> list[str]:
    """Outlet names as figure labels, shown literally (:func:`literal`). A name longer than
    :data:`OUTLET_CHARS` keeps its start and its end around an ellipsis, so that forty long
    names still leave the plot its width (the report's tables give every full name). Names
    that would be cut to the same label are kept whole."""
    names = [str(name) for name in names]
    head = OUTLET_CHARS * 2 // 3

    def cut(name: str) -> str:
        if len(name) <= OUTLET_CHARS:
            return name
        return name[:head].rstrip() + "…" + name[-(OUTLET_CHARS - head - 1):].lstrip()

    short = [cut(name) for name in names]
    taken = Counter(short)
    return [literal(label if taken[label] == 1 else name)
            for name, label in zip(names, short, strict=True)]


def _title(fig: Figure, text: str) -> None:
    """The figure's title, left-aligned above everything the plot has (the texts above and
    to the right of its axes included), so that it never runs into them."""
    fig.suptitle(text, x=0.01, ha="left", fontsize=TITLE)


def _label(codebook: Codebook | None, side: str) -> str:
    if side == "unassigned":
        return "no codebook actor"
    if codebook is not None and side in codebook.sides:
        return literal(codebook.sides[side].label)
    return literal(side)


def _new_figure(height: float) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(WIDTH, height), layout="constrained")
    ax.tick_params(labelsize=SMALL)
    return fig, ax


def _footnote(fig: Figure, lines: Sequence[str]) -> None:
    """Plain-text notes at the foot of the figure, below any legend (the layout keeps room
    for them)."""
    if lines:
        fig.supxlabel(literal("\n".join(lines)), x=0.01, ha="left", fontsize=SMALL, color=INK,
                      linespacing=1.4)


def _legend_columns(groups: Sequence[Sequence]) -> tuple[list, int]:
    """Handles for a figure legend with one column per group: shorter groups are padded with
    blank entries, because matplotlib fills a legend column by column."""
    depth = max(len(g) for g in groups)
    blank = Line2D([], [], linestyle="none", label=" ")
    handles = [h for g in groups for h in [*g, *[blank] * (depth - len(g))]]
    return handles, len(groups)


def _intervals(table: pd.DataFrame, value: str) -> pd.DataFrame | None:
    """Rows with a finite low and high, with their distances from the estimate (never
    negative), or None when the table has no interval columns."""
    if not {"low", "high"} <= set(table.columns):
        return None
    rows = table[np.isfinite(table["low"].astype(float)) & np.isfinite(table["high"].astype(float))
                 & np.isfinite(table[value].astype(float))]
    below = (rows[value].astype(float) - rows["low"].astype(float)).clip(lower=0)
    above = (rows["high"].astype(float) - rows[value].astype(float)).clip(lower=0)
    return rows.assign(_below=below, _above=above)


def _nothing(ax: plt.Axes, message: str) -> None:
    ax.text(0.5, 0.5, literal(message), transform=ax.transAxes, ha="center", va="center",
            fontsize=LABEL, color=INK)
    ax.set_xticks([])
    ax.set_yticks([])


def _counts(values: pd.Series) -> list[str]:
    """Counts as text: whole numbers when they all are, else one decimal for all."""
    values = values.astype(float)
    whole = bool(np.all(np.mod(values.dropna(), 1) == 0))
    return [f"{v:,.0f}" if whole else f"{v:,.1f}" for v in values]


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Write ``fig`` as a PNG at 150 dpi, trimmed to its content, then close it.

    Args:
        fig: a figure from this module (or any matplotlib figure).
        path: the file to write, exactly as given (no suffix is added); missing parent
            folders are created.

    Returns:
        The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fig.savefig(path, format="png", dpi=150, bbox_inches="tight", facecolor="white")
    finally:
        plt.close(fig)
    return path
