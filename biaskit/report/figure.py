"""Figures that compare outlets: balance, where each side speaks, how claims are told, frames
and tone.

Every function takes the tidy tables biaskit's analysers return (never a file) and returns a
:class:`matplotlib.figure.Figure`. The library never calls ``plt.show()`` and never changes
the backend. Show a figure in a notebook by leaving it as the cell's value, or write it with
:func:`save_figure`.

Sides keep one colour and one hatch or marker everywhere (:mod:`biaskit.report.palette`, in
codebook order, 'unassigned' grey), so that a figure reads the same in greyscale print and to
readers with a colour-vision deficiency. No figure contrasts red with green.

>>> from biaskit.report import figure as plots                             # doctest: +SKIP
>>> fig = plots.balance_chart(index, "russia", "amnesty", codebook=book)   # doctest: +SKIP
>>> plots.save_figure(fig, "balance.png")                                  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import blended_transform_factory

from biaskit.codebook import Codebook
from biaskit.corpus.document import Document
from biaskit.report.palette import UNASSIGNED_COLOUR, side_colours, side_hatches

__all__ = [
    "CLAIM_CATEGORIES", "MEASURE_WORDS", "article_map", "balance_chart", "blocks_frame",
    "claim_categories", "claim_modes_chart", "claim_modes_table", "frame_heatmap",
    "save_figure", "tone_dotplot",
]

WIDTH = 10.0                    # inches: fits a notebook cell and an A4 page at 150 dpi
TITLE, LABEL, SMALL = 12, 10, 9  # font sizes in points; nothing smaller than 9
INK = "#222222"
GRID = "#d9d9d9"

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

MODE_MARKERS = {"direct": "o", "mixed": "D", "indirect": "^"}
MODE_WORDS = {"direct": "direct quote", "mixed": "mixed (paraphrase with a quote)",
              "indirect": "indirect (paraphrase)"}
BLOCK_STYLE = {  # role: (face colour, legend label)
    "headline": ("#a6a6a6", "headline"),
    "standfirst": ("#d0d0d0", "standfirst"),
    "body": ("#f0f0f0", "body paragraph"),
}

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

FRAME_LABELS = {"human_interest": "human interest", "military": "military & security",
                "diplomacy": "diplomacy & peace"}
SIDE_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "h")
VADER_NEUTRAL = 0.05


# ---------------------------------------------------------------------------------------------
# shared helpers


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


def _label(codebook: Codebook | None, side: str) -> str:
    if side == "unassigned":
        return "no codebook actor"
    if codebook is not None and side in codebook.sides:
        return codebook.sides[side].label
    return side


def _new_figure(height: float) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(WIDTH, height), layout="constrained")
    ax.tick_params(labelsize=SMALL)
    return fig, ax


def _footnote(fig: Figure, lines: Sequence[str]) -> None:
    """Plain-text notes at the foot of the figure, below any legend (the layout keeps room
    for them)."""
    if lines:
        fig.supxlabel("\n".join(lines), x=0.01, ha="left", fontsize=SMALL, color=INK,
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
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center",
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


# ---------------------------------------------------------------------------------------------
# 1. balance index per outlet


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

    How to read it: compare bar lengths and directions across outlets. Black error bars, when
    the table has ``low`` and ``high`` columns, are 95% intervals (for example a bootstrap
    over each outlet's articles); an outlet with one article has none.

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
    ax.set_title(f"{question}: {label_a} or {label_b}?", fontsize=TITLE, loc="left", pad=24)
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
    ax.set_yticks(y, table["source"], fontsize=LABEL)
    ax.grid(axis="x", color=GRID, linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)

    ax.set_xlabel(f"balance index = ({label_a} − {label_b}) / (both), counted on "
                  f"{MEASURE_WORDS.get(measure, measure)}", fontsize=LABEL)
    side_text = dict(transform=ax.transAxes, fontsize=LABEL, fontweight="bold", va="bottom")
    ax.text(0, 1.01, f"← more {label_b}", ha="left", color=colours[side_b], **side_text)
    ax.text(1, 1.01, f"more {label_a} →", ha="right", color=colours[side_a], **side_text)

    right = blended_transform_factory(ax.transAxes, ax.transData)
    counts = side_a in table.columns and side_b in table.columns
    header = f"index\n({label_a} : {label_b})" if counts else "index"
    ax.text(1.02, -0.55, header, transform=right, fontsize=SMALL, color=INK, va="bottom")
    texts = ["neither speaks" if pd.isna(v) else f"{v:+.2f}" for v in table["balance_index"]]
    if counts:
        texts = [f"{t}   ({a} : {b})" for t, a, b in zip(
            texts, _counts(table[side_a]), _counts(table[side_b]), strict=True)]
    for y_row, text in enumerate(texts):
        ax.text(1.02, y_row, text, transform=right, fontsize=SMALL, color=INK,
                va="center", fontfamily="monospace")
    notes = []
    if errors is not None:
        notes.append("Error bars: 95% interval over each outlet's articles; outlets with one "
                     "article have none.")
    if (~drawn).any():
        notes.append("No bar: neither side speaks in that outlet's articles.")
    _footnote(fig, notes)
    return fig


# ---------------------------------------------------------------------------------------------
# 2. article map: where each side speaks


def blocks_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """One row per block (headline, standfirst, body paragraph) of each document, in reading
    order: ``doc_id``, ``source``, ``paragraph`` (the block index), ``role``."""
    rows = [{"doc_id": doc.doc_id, "source": doc.source, "paragraph": block.index,
             "role": block.role} for doc in documents for block in doc.blocks]
    return pd.DataFrame(rows, columns=["doc_id", "source", "paragraph", "role"])


def _blocks(documents, quotes: pd.DataFrame) -> pd.DataFrame:
    if isinstance(documents, pd.DataFrame):
        _require(documents, ["doc_id", "paragraph", "role"], "article_map's documents table")
        blocks = documents.drop_duplicates(["doc_id", "paragraph"])
        if "source" not in blocks:
            sources = quotes.drop_duplicates("doc_id").set_index("doc_id")["source"] \
                if "source" in quotes else pd.Series(dtype=str)
            blocks = blocks.assign(source=blocks["doc_id"].map(sources).fillna(""))
        return blocks[["doc_id", "source", "paragraph", "role"]].reset_index(drop=True)
    return blocks_frame(documents)


def _slots(roles: Sequence[str]) -> list[int]:
    """x slot of each block: the headline at 0, the standfirst at 1 (kept empty when there is
    none), body paragraph k at 1 + k, so that slots line up across articles."""
    slots, body = [], 0
    for role in roles:
        if role == "headline":
            slots.append(0)
        elif role == "standfirst":
            slots.append(1)
        else:
            body += 1
            slots.append(1 + body)
    return slots


def article_map(documents, quotes: pd.DataFrame, codebook: Codebook | None = None) -> Figure:
    """Where each side speaks in each article: one row per article, its blocks in reading
    order from left to right, a mark for every attributed statement.

    Each row is an article, labelled "source - doc_id". Grey cells are its blocks: the
    darkest is the headline, the middle grey the standfirst, the lightest the body
    paragraphs, numbered from the first (the lead). Columns line up across articles: an
    article without a standfirst leaves that column empty. A mark is one statement from
    the attribution table, in the block where it stands; several statements in one block
    sit side by side in reading order. Colour (and the legend) gives the speaker's side; the
    marker's shape gives the mode: circle for a direct quote, diamond for a mixed quote,
    triangle for indirect speech.

    How to read it: marks far to the left are what a reader meets first (a statement in
    the headline is the most prominent of all); a side whose marks start late, or never
    appear, is given less prominence. Rows are as long as their articles.

    Args:
        documents: the documents (a :class:`~biaskit.corpus.document.Corpus` or any iterable of
            :class:`~biaskit.corpus.document.Document`), or a table with one row per block and the
            columns ``doc_id``, ``paragraph`` (block index), ``role`` and optionally
            ``source`` (:func:`blocks_frame` or :func:`biaskit.sentences_frame` give one).
        quotes: the attribution table (:func:`biaskit.attributions_frame`): ``doc_id``,
            ``paragraph``, ``side``, ``mode`` and ``start``.
        codebook: gives the sides' labels and their colour order.

    Returns:
        The figure.
    """
    _require(quotes, ["doc_id", "paragraph", "side", "mode"], "article_map's quotes table")
    blocks = _blocks(documents, quotes)
    doc_ids = list(dict.fromkeys(blocks["doc_id"]))
    statements = quotes[quotes["doc_id"].isin(doc_ids)].copy()
    statements["side"] = statements["side"].map(_side_id)
    sides = _side_order(codebook, statements["side"])
    colours, _, _ = _styles(codebook, sides)

    n = len(doc_ids)
    fig, ax = _new_figure(2.4 + 0.48 * max(n, 2))
    ax.set_title("Where each side speaks: every statement in its block, in reading order",
                 fontsize=TITLE, loc="left")
    if n == 0:
        _nothing(ax, "no articles to show")
        return fig

    row_of = {doc_id: i for i, doc_id in enumerate(doc_ids)}
    slot_of: dict[tuple[str, int], int] = {}
    labels, widest = [], 1
    for doc_id, doc_blocks in blocks.groupby("doc_id", sort=False):
        doc_blocks = doc_blocks.sort_values("paragraph")
        slots = _slots(list(doc_blocks["role"]))
        widest = max(widest, max(slots))
        for block, role, slot in zip(doc_blocks["paragraph"], doc_blocks["role"], slots,
                                     strict=True):
            slot_of[(doc_id, int(block))] = slot
            face = BLOCK_STYLE.get(role, BLOCK_STYLE["body"])[0]
            ax.add_patch(Rectangle((slot - 0.45, row_of[doc_id] - 0.38), 0.9, 0.76,
                                   facecolor=face, edgecolor="#8c8c8c", linewidth=0.6,
                                   zorder=1))
    for doc_id in doc_ids:
        source = blocks.loc[blocks["doc_id"] == doc_id, "source"].iloc[0]
        labels.append(f"{source} - {doc_id}" if source else str(doc_id))

    sort_key = ["doc_id", "paragraph", "start"] if "start" in statements else \
        ["doc_id", "paragraph"]
    statements = statements.sort_values(sort_key, kind="mergesort")
    statements["slot"] = [slot_of.get((d, int(p)), np.nan)
                          for d, p in zip(statements["doc_id"], statements["paragraph"],
                                          strict=True)]
    statements = statements[statements["slot"].notna()]
    rank = statements.groupby(["doc_id", "paragraph"]).cumcount()
    size = statements.groupby(["doc_id", "paragraph"])["side"].transform("size")
    spread = np.where(size > 1, (rank / (size - 1).clip(lower=1) - 0.5) * 0.54, 0.0)
    statements["x"] = statements["slot"] + spread
    statements["y"] = statements["doc_id"].map(row_of)
    for side in sides:
        for mode, marker in MODE_MARKERS.items():
            chunk = statements[(statements["side"] == side) & (statements["mode"] == mode)]
            if len(chunk):
                ax.scatter(chunk["x"], chunk["y"], s=58, marker=marker, color=colours[side],
                           edgecolors="black", linewidths=0.6, zorder=3,
                           label=f"{side}|{mode}")
    other = statements[~statements["mode"].isin(list(MODE_MARKERS))]
    if len(other):
        ax.scatter(other["x"], other["y"], s=58, marker="*",
                   color=[colours[s] for s in other["side"]], edgecolors="black",
                   linewidths=0.6, zorder=3, label="other")

    ticks = list(range(widest + 1))
    ax.set_xticks(ticks, ["H", "S", *[str(k - 1) for k in ticks[2:]]])
    ax.set_xlim(-0.6, widest + 0.6)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks(range(n), labels, fontsize=SMALL)
    ax.tick_params(axis="both", length=0)
    ax.spines[:].set_visible(False)
    ax.set_xlabel("block in reading order: H headline, S standfirst, then body paragraphs "
                  "1 (the lead), 2, 3 …", fontsize=LABEL)

    side_handles = [Line2D([], [], linestyle="none", marker="o", markersize=9,
                           color=colours[s], markeredgecolor="black", label=_label(codebook, s))
                    for s in sides]
    mode_handles = [Line2D([], [], linestyle="none", marker=m, markersize=8, color="white",
                           markeredgecolor="black", label=MODE_WORDS[mode])
                    for mode, m in MODE_MARKERS.items()]
    block_handles = [Patch(facecolor=face, edgecolor="#8c8c8c", label=text)
                     for face, text in BLOCK_STYLE.values()]
    handles, ncol = _legend_columns([side_handles, mode_handles, block_handles])
    fig.legend(handles=handles, loc="outside lower center", ncol=ncol, fontsize=SMALL,
               frameon=False, title="colour: whose statement · shape: mode · cell: block",
               title_fontsize=SMALL)
    return fig


# ---------------------------------------------------------------------------------------------
# 3. how each side's claims are told


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
    ax.set_yticks([g * step + (k - 1) / 2 for g in range(len(outlets))], outlets,
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


# ---------------------------------------------------------------------------------------------
# 4. frames


def _frame_label(frame: str) -> str:
    """A frame's name in plain words, on two lines when it has several words."""
    words = FRAME_LABELS.get(frame, str(frame).replace("_", " ")).split()
    half = (len(words) + 1) // 2
    return " ".join(words[:half]) + ("\n" + " ".join(words[half:]) if half < len(words) else "")


def frame_heatmap(frames: pd.DataFrame) -> Figure:
    """Mean frame score per outlet: a heatmap with outlets as rows and frames as columns.

    A score is a frame's term matches per 100 words (:func:`biaskit.framing.frames.frame_scores`);
    a cell is the mean over the outlet's articles (their number is in the row label) and is
    printed in the cell. Darker blue is lower, lighter yellow higher, on one scale for the
    whole figure that starts at 0 (the colour bar). Frames are in the lexicon's order.

    How to read it: read along a column to compare outlets on one frame, along a row to see
    which vocabularies an outlet leans on. A score counts words, not arguments: "strike"
    counts for the military frame whether an article reports a strike or disputes it.

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
    rows = [f"{s} ({n_docs[s]} article{'s' if n_docs[s] != 1 else ''})" if s in n_docs
            else str(s) for s in wide.index]
    fig, ax = _new_figure(2.6 + 0.5 * max(len(rows), 2))
    ax.set_title("Frame vocabulary per outlet (mean score over its articles)", fontsize=TITLE,
                 loc="left")
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


# ---------------------------------------------------------------------------------------------
# 5. tone


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

    How to read it: compare a side's filled and hollow markers (does the outlet's wording
    about a side sound harsher than the side's own words?) and compare outlets on one
    marker. VADER scores news about violence negative whatever its stance: a report of
    deaths sounds negative and a denial of them neutral, whoever is right, so tone shows
    how charged the words are, not which side an outlet takes.

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
    ax.set_yticks(range(n), outlets, fontsize=LABEL)
    ax.tick_params(axis="y", length=0)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], ["−1\nnegative", "−0.5", "0", "+0.5",
                                          "+1\npositive"])
    ax.set_xlabel("mean VADER compound score", fontsize=LABEL)
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
