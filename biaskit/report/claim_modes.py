"""Figure 3: how each side's claims are told (asserted by the narrator, attributed, distanced,
denied), per outlet."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from biaskit.codebook import Codebook
from biaskit.report.figure import (
    GRID,
    INK,
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
    literal,
)

#: Claim presentation categories, in stacking order, with a grey and a hatch each: the grey
#: and hatch say how a claim is told, and the bar's outline colour says whose claim it is.
CLAIM_CATEGORIES = {
    "narrator assertion": ("#3a3a3a", ""),
    "neutral attribution": ("#ffffff", ""),
    "distanced": ("#c8c8c8", "//"),
    "denied": ("#8c8c8c", "xx"),
    "other attributed": ("#e6e6e6", ".."),
    "unattributed report": ("#a8a8a8", "\\\\"),
}


def claim_categories(claims: pd.DataFrame) -> pd.Series:
    """The presentation category of each claim occurrence, one of :data:`CLAIM_CATEGORIES`.

    Tested in this order, the first that holds wins: narrator assertion (``mode`` is
    narrator); unattributed report (``presenter`` is unattributed_report); denied (negated,
    or told with a denial verb); distanced (a distancing verb, a hedge or distancing marker,
    or a scare quote); neutral attribution (a neutral verb and no marker); otherwise other
    attributed (endorsing, accusing or emotive verbs, no verb at all, or a booster).
    """
    _require(claims, ["mode", "presenter", "polarity", "stance", "markers", "scare_quotes"],
             "the claims table")
    text = {c: claims[c].fillna("").astype(str) for c in
            ("mode", "presenter", "polarity", "stance", "markers", "scare_quotes")}
    marked = text["markers"].str.contains("hedge:|distancing:", regex=True)
    conditions = [
        text["mode"] == "narrator",
        text["presenter"] == "unattributed_report",
        (text["polarity"] == "negated") | (text["stance"] == "denial"),
        (text["stance"] == "distancing") | marked | (text["scare_quotes"] != ""),
        (text["stance"] == "neutral") & (text["markers"] == ""),
    ]
    names = list(CLAIM_CATEGORIES)
    chosen = np.select(conditions, [names[0], names[5], names[3], names[2], names[1]],
                       default=names[4])
    return pd.Series(chosen, index=claims.index, name="category")


def claim_modes_table(claims: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Per ``by`` (source or doc_id), claim side and category: occurrences and their share
    of that side's occurrences, every category listed (zeros included)."""
    _require(claims, [by, "claim_side"], "the claims table")
    columns = [by, "claim_side", "category", "occurrences", "share"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    frame = claims.assign(category=claim_categories(claims))
    counts = frame.groupby([by, "claim_side", "category"]).size()
    groups = frame[[by, "claim_side"]].drop_duplicates().sort_values([by, "claim_side"])
    full = pd.MultiIndex.from_tuples(
        [(g, s, c) for g, s in groups.itertuples(index=False) for c in CLAIM_CATEGORIES],
        names=[by, "claim_side", "category"])
    table = counts.reindex(full, fill_value=0).rename("occurrences").reset_index()
    totals = table.groupby([by, "claim_side"])["occurrences"].transform("sum")
    table["share"] = table["occurrences"] / totals
    return table[columns]


def claim_modes_chart(claims: pd.DataFrame, codebook: Codebook | None = None) -> Figure:
    """How each side's claims are told, per outlet: stacked bars of presentation categories.

    One group per outlet and, in it, one bar per side whose claims the codebook lists. A bar
    is all of that side's claim occurrences in the outlet's articles (the count is on the
    right) split into six categories (:func:`claim_categories`): the outlet asserting the
    claim in its own voice (narrator assertion), a neutral attribution, a distanced one
    (distancing verb, hedge or scare quote), a denial, another attribution, or an
    unattributed report. The grey and the hatch of a segment give its category; the bar's
    outline and the label on the right give whose claim it is.

    How to read it: compare the two bars of an outlet. An outlet that asserts one side's
    claim itself and distances the other side's is taking a side in how it tells the
    story, whatever its balance of quotes. "Denied" counts claims told with a denial verb,
    so it is large for a side whose claim is itself a denial. Shares on a handful of
    occurrences are fragile: read them with the counts.

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
    fig, ax = _new_figure(2.2 + 0.3 * max(len(outlets) * step, 3))
    ax.set_title("How each side's claims are told, per outlet", fontsize=TITLE, loc="left")
    if not outlets or not sides:
        _nothing(ax, "no claim occurrences to show")
        return fig

    counts = table.pivot_table(index=["source", "claim_side"], columns="category",
                               values="occurrences", aggfunc="sum", fill_value=0)
    right = blended_transform_factory(ax.transAxes, ax.transData)
    for g, outlet in enumerate(outlets):
        for j, side in enumerate(sides):
            y = g * step + j
            row = counts.loc[(outlet, side)] if (outlet, side) in counts.index else None
            total = 0 if row is None else int(row.sum())
            ax.text(1.01, y, f"{_label(codebook, side)} ({total})", transform=right,
                    fontsize=SMALL, color=colours[side], fontweight="bold", va="center")
            if total == 0:
                ax.text(0.01, y, "no occurrences", fontsize=SMALL, color=INK,
                        style="italic", va="center")
                continue
            left = 0.0
            for category, (face, hatch) in CLAIM_CATEGORIES.items():
                share = row.get(category, 0) / total
                if share > 0:
                    ax.barh(y, share, left=left, height=0.8, color=face, hatch=hatch,
                            edgecolor=colours[side], linewidth=1.6, zorder=2,
                            gid=f"{outlet}|{side}|{category}")
                    left += share
    ax.set_yticks([g * step + (k - 1) / 2 for g in range(len(outlets))], map(literal, outlets),
                  fontsize=LABEL)
    ax.set_ylim(len(outlets) * step - 0.7 - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, 1)
    ax.set_xticks(np.linspace(0, 1, 6), [f"{p}%" for p in range(0, 101, 20)])
    ax.set_xlabel("share of the side's claim occurrences in the outlet's articles",
                  fontsize=LABEL)
    ax.grid(axis="x", color=GRID, linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.text(1.01, -0.5 - 0.35, "whose claims (n)", transform=right, fontsize=SMALL,
            color=INK, va="bottom")
    handles = [Patch(facecolor=face, hatch=hatch, edgecolor=INK, label=name)
               for name, (face, hatch) in CLAIM_CATEGORIES.items()]
    fig.legend(handles=handles, loc="outside lower center", ncol=3, fontsize=SMALL,
               frameon=False, title="how the claim is told (outline colour: whose claim)",
               title_fontsize=SMALL)
    return fig
