"""Figure 2: the article map, where in each article (headline, standfirst, lead, body) each
side speaks, and in which mode."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from biaskit.codebook import Codebook
from biaskit.corpus.document import Document
from biaskit.report.figure import (
    LABEL,
    SMALL,
    TITLE,
    _label,
    _legend_columns,
    _new_figure,
    _nothing,
    _require,
    _side_id,
    _side_order,
    _styles,
    literal,
)

MODE_MARKERS = {"direct": "o", "mixed": "D", "indirect": "^"}
MODE_WORDS = {"direct": "direct quote", "mixed": "mixed (paraphrase with a quote)",
              "indirect": "indirect (paraphrase)"}

BLOCK_STYLE = {  # role: (face colour, legend label)
    "headline": ("#a6a6a6", "headline"),
    "standfirst": ("#d0d0d0", "standfirst"),
    "body": ("#f0f0f0", "body paragraph"),
}


def blocks_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """One row per block (headline, standfirst, body paragraph) of each document, in reading
    order: ``doc_id``, ``source``, ``paragraph`` (as a reader counts: body paragraphs from 1,
    0 in the headline and the standfirst), ``block`` (the block index), ``role``."""
    rows = [{"doc_id": doc.doc_id, "source": doc.source, "paragraph": block.paragraph,
             "block": block.index, "role": block.role}
            for doc in documents for block in doc.blocks]
    return pd.DataFrame(rows, columns=["doc_id", "source", "paragraph", "block", "role"])


def _blocks(documents, quotes: pd.DataFrame) -> pd.DataFrame:
    if isinstance(documents, pd.DataFrame):
        _require(documents, ["doc_id", "block", "role"], "article_map's documents table")
        blocks = documents.drop_duplicates(["doc_id", "block"])
        if "source" not in blocks:
            sources = quotes.drop_duplicates("doc_id").set_index("doc_id")["source"] \
                if "source" in quotes else pd.Series(dtype=str)
            blocks = blocks.assign(source=blocks["doc_id"].map(sources).fillna(""))
        return blocks[["doc_id", "source", "block", "role"]].reset_index(drop=True)
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


def article_map(documents: Iterable[Document] | pd.DataFrame, quotes: pd.DataFrame,
                codebook: Codebook | None = None) -> Figure:
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
            columns ``doc_id``, ``block`` (block index), ``role`` and optionally
            ``source`` (:func:`blocks_frame` or :func:`biaskit.sentences_frame` give one).
        quotes: the attribution table (:func:`biaskit.attributions_frame`): ``doc_id``,
            ``block``, ``side``, ``mode`` and ``start``.
        codebook: gives the sides' labels and their colour order.

    Returns:
        The figure.
    """
    _require(quotes, ["doc_id", "block", "side", "mode"], "article_map's quotes table")
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
        doc_blocks = doc_blocks.sort_values("block")
        slots = _slots(list(doc_blocks["role"]))
        widest = max(widest, max(slots))
        for block, role, slot in zip(doc_blocks["block"], doc_blocks["role"], slots,
                                     strict=True):
            slot_of[(doc_id, int(block))] = slot
            face = BLOCK_STYLE.get(role, BLOCK_STYLE["body"])[0]
            ax.add_patch(Rectangle((slot - 0.45, row_of[doc_id] - 0.38), 0.9, 0.76,
                                   facecolor=face, edgecolor="#8c8c8c", linewidth=0.6,
                                   zorder=1))
    for doc_id in doc_ids:
        source = blocks.loc[blocks["doc_id"] == doc_id, "source"].iloc[0]
        labels.append(literal(f"{source} - {doc_id}" if source else doc_id))

    sort_key = ["doc_id", "block", "start"] if "start" in statements else ["doc_id", "block"]
    statements = statements.sort_values(sort_key, kind="mergesort")
    statements["slot"] = [slot_of.get((d, int(p)), np.nan)
                          for d, p in zip(statements["doc_id"], statements["block"],
                                          strict=True)]
    statements = statements[statements["slot"].notna()]
    rank = statements.groupby(["doc_id", "block"]).cumcount()
    size = statements.groupby(["doc_id", "block"])["side"].transform("size")
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
