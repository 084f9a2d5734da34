"""Figure 3: how each side's claims are told, per outlet: the eight exclusive presentation
categories of :mod:`biaskit.framing.presentation` (own denial, denied by others, asserted by
the outlet, unattributed, distanced, endorsed, neutral, other), with the overlapping flags
(hedged, countered, scare-quoted) beside each bar."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from biaskit.codebook import Codebook
from biaskit.framing.presentation import CATEGORIES, FLAGS, claim_categories, claim_flags
from biaskit.report.figure import (
    GRID,
    INK,
    LABEL,
    SMALL,
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

#: A grey and a hatch for each claim presentation category (biaskit.framing.presentation.CATEGORIES,
#: in stacking order): the grey and hatch say how a claim is told, and the bar's outline
#: colour says whose claim it is. The two denials differ most: solid dark against crossed.
CLAIM_STYLES = {
    "own_denial": ("#7a7a7a", "--"),
    "denied": ("#a0a0a0", "xx"),
    "narrator": ("#2a2a2a", ""),
    "unattributed": ("#a8a8a8", "\\\\"),
    "distanced": ("#c8c8c8", "//"),
    "endorsed": ("#b5b5b5", "++"),
    "neutral": ("#ffffff", ""),
    "other": ("#e6e6e6", ".."),
}


def claim_modes_table(claims: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Per ``by`` (source or doc_id), claim side and category: occurrences and their share
    of that side's occurrences, every category listed (zeros included), so that a group's
    shares sum to 1; the categories are :data:`biaskit.framing.presentation.CATEGORIES`."""
    _require(claims, [by, "claim_side"], "the claims table")
    columns = [by, "claim_side", "category", "occurrences", "share"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    frame = claims.assign(category=claim_categories(claims))
    counts = frame.groupby([by, "claim_side", "category"]).size()
    groups = frame[[by, "claim_side"]].drop_duplicates().sort_values([by, "claim_side"])
    full = pd.MultiIndex.from_tuples(
        [(g, s, c) for g, s in groups.itertuples(index=False) for c in CATEGORIES],
        names=[by, "claim_side", "category"])
    table = counts.reindex(full, fill_value=0).rename("occurrences").reset_index()
    totals = table.groupby([by, "claim_side"])["occurrences"].transform("sum")
    table["share"] = table["occurrences"] / totals
    return table[columns]


def claim_modes_chart(claims: pd.DataFrame, codebook: Codebook | None = None) -> Figure:
    """How each side's claims are told, per outlet: stacked bars of presentation categories.

    One group per outlet and, in it, one bar per side whose claims the codebook lists. A bar
    is all of that side's claim occurrences in the outlet's articles, split into the eight
    exclusive categories of :mod:`biaskit.framing.presentation`, which sum to 100%: the side's own
    denial, a denial by others, the outlet's own assertion, an unattributed report, and a
    distanced, endorsed, neutral or other attribution. The grey and the hatch of a segment
    give its category; the bar's outline and the label on the right give whose claim it is,
    with the number of occurrences and the overlapping flags (hedged, countered,
    scare-quoted) as shares of them.

    How to read it, and what it cannot tell: ``figures.claim_modes`` in
    ``biaskit/data/measures.yaml`` (:func:`biaskit.report.glossary.figure_text`).

    Args:
        claims: the claim occurrence table (:func:`biaskit.framing.claims.claim_occurrences`).
        codebook: gives the sides' labels, their order and colours.

    Returns:
        The figure.
    """
    _require(claims, ["source", "claim_side"], "claim_modes_chart's table")
    table = claim_modes_table(claims)
    sides = _side_order(codebook, claims["claim_side"].map(_side_id))
    if codebook is not None and codebook.claims:
        sides = [s for s in codebook.sides if s in {c.side for c in codebook.claims.values()}]
        sides += [s for s in _side_order(None, claims["claim_side"]) if s not in sides]
    colours, _, _ = _styles(codebook, sides)
    outlets = sorted(claims["source"].dropna().unique())
    k = len(sides)
    step = k + 0.7                                  # bars per group plus a gap
    fig, ax = _new_figure(2.6 + 0.42 * max(len(outlets) * step, 3))
    _title(fig, "How each side's claims are told, per outlet")
    if not outlets or not sides:
        _nothing(ax, "no claim occurrences to show")
        return fig

    counts = table.pivot_table(index=["source", "claim_side"], columns="category",
                               values="occurrences", aggfunc="sum", fill_value=0)
    flagged = pd.concat([claims[["source", "claim_side"]], claim_flags(claims)], axis=1)\
        .groupby(["source", "claim_side"])[list(FLAGS)].mean()
    right = blended_transform_factory(ax.transAxes, ax.transData)
    for g, outlet in enumerate(outlets):
        for j, side in enumerate(sides):
            y = g * step + j
            row = counts.loc[(outlet, side)] if (outlet, side) in counts.index else None
            total = 0 if row is None else int(row.sum())
            flags = ""
            if total:
                shares = flagged.loc[(outlet, side)]
                flags = "\n" + ", ".join(f"{name} {shares[key]:.0%}"
                                          for key, name in FLAGS.items())
            ax.text(1.01, y, f"{_label(codebook, side)} (n={total}){flags}", transform=right,
                    fontsize=SMALL, color=colours[side], fontweight="bold", va="center",
                    linespacing=1.1)
            if total == 0:
                ax.text(0.01, y, "no occurrences", fontsize=SMALL, color=INK,
                        style="italic", va="center")
                continue
            left = 0.0
            for category, (face, hatch) in CLAIM_STYLES.items():
                share = row.get(category, 0) / total
                if share > 0:
                    ax.barh(y, share, left=left, height=0.8, color=face, hatch=hatch,
                            edgecolor=colours[side], linewidth=1.6, zorder=2,
                            gid=f"{outlet}|{side}|{category}")
                    left += share
    ax.set_yticks([g * step + (k - 1) / 2 for g in range(len(outlets))], outlet_labels(outlets),
                  fontsize=LABEL)
    ax.set_ylim(len(outlets) * step - 0.7 - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, 1)
    ax.set_xticks(np.linspace(0, 1, 6), [f"{p}%" for p in range(0, 101, 20)])
    ax.set_xlabel("share of the side's claim occurrences in the outlet's articles "
                  "(the categories sum to 100%)", fontsize=LABEL)
    ax.grid(axis="x", color=GRID, linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.text(1.01, -0.5 - 0.35, "whose claims (n), and flags as shares of n", transform=right,
            fontsize=SMALL, color=INK, va="bottom")
    handles = [Patch(facecolor=face, hatch=hatch, edgecolor=INK, label=CATEGORIES[key])
               for key, (face, hatch) in CLAIM_STYLES.items()]
    fig.legend(handles=handles, loc="outside lower center", ncol=4, fontsize=SMALL,
               frameon=False, title="how the claim is told (outline colour: whose claim)",
               title_fontsize=SMALL)
    return fig
