"""Attribution balance: how much each side gets to speak, in which mode and where.

All functions take the table of :func:`biaskit.attribution.records.attributions_frame` and
return tidy DataFrames whose first column is ``doc_id`` (or ``source`` for per-outlet tables).

Prominence weighting: a statement in block ``p`` of a document with ``n`` blocks (headline = 0,
then standfirst, then body paragraphs) weighs ``(n - p) / n``: 1 for the headline, falling
linearly to ``1/n`` for the last paragraph, as readers of the inverted pyramid read less the
further down they go.

>>> import biaskit
>>> from biaskit.attribution.records import attributions_frame
>>> corpus = biaskit.load_corpus("corpora/syria-2015")               # doctest: +SKIP
>>> book = biaskit.load_codebook("corpora/syria-2015/codebook.yaml")  # doctest: +SKIP
>>> balance = side_balance(attributions_frame(corpus, book), corpus, book)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import numpy as np
import pandas as pd

from biaskit.attribution.records import VOICE_KINDS
from biaskit.codebook import Codebook
from biaskit.corpus.document import Document

UNASSIGNED = "unassigned"  # statements whose speaker no codebook actor covers
_COUNTS = ["statements", "words", "quoted_words", "direct_statements", "prominence"]
BALANCE_COLUMNS = ["doc_id", "source", "side", "side_label", "statements", "statement_share",
                   "words", "word_share", "quoted_words", "quoted_word_share",
                   "direct_statements", "prominence", "prominence_share", "actors"]


def voiced(attributions: pd.DataFrame, kinds: Collection[str] = VOICE_KINDS) -> pd.DataFrame:
    """The statements of these kinds (by default what was said or written); a table without a
    ``kind`` column is returned whole."""
    if "kind" not in attributions:
        return attributions
    return attributions[attributions["kind"].isin(kinds)]


def _weighted(attributions: pd.DataFrame, documents: Iterable[Document]) -> pd.DataFrame:
    blocks = {doc.doc_id: len(doc.blocks) for doc in documents}
    frame = attributions.copy()
    n = frame["doc_id"].map(blocks)
    frame["prominence"] = (n - frame["block"]) / n
    frame["direct_statements"] = (frame["mode"] == "direct").astype(int)
    frame["words"] = frame["content_words"]
    frame["statements"] = 1
    frame["side"] = frame["side"].replace("", UNASSIGNED)
    return frame


def side_balance(attributions: pd.DataFrame, documents: Iterable[Document],
                 codebook: Codebook, *, kinds: Collection[str] = VOICE_KINDS) -> pd.DataFrame:
    """One row per document and side (every codebook side, plus ``unassigned`` when some
    speaker has no actor), with counts and shares of statements, words, quoted words and
    prominence, and the number of distinct actors. Sides that never speak get zeros.
    Only statements of ``kinds`` count (by default speech and writing)."""
    documents = list(documents)
    frame = _weighted(voiced(attributions, kinds), documents)
    sides = list(codebook.sides) + ([UNASSIGNED] if (frame["side"] == UNASSIGNED).any() else [])
    grid = pd.MultiIndex.from_product([[d.doc_id for d in documents], sides],
                                      names=["doc_id", "side"])
    sums = frame.groupby(["doc_id", "side"])[_COUNTS].sum().reindex(grid, fill_value=0)
    actors = frame[frame["actor"] != ""].groupby(["doc_id", "side"])["actor"].nunique()
    table = sums.reset_index()
    table["actors"] = actors.reindex(grid, fill_value=0).to_numpy()
    table["source"] = table["doc_id"].map({d.doc_id: d.source for d in documents})
    return _with_shares(table, codebook, ["doc_id"])


def source_balance(balance: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """:func:`side_balance` summed over each source's documents; shares recomputed from the
    sums (so a long article weighs more than a brief); ``documents`` counts the articles."""
    summed = balance.groupby(["source", "side"], sort=False)[_COUNTS + ["actors"]].sum()
    summed["documents"] = balance.groupby(["source", "side"], sort=False)["doc_id"].nunique()
    table = _with_shares(summed.reset_index(), codebook, ["source"])
    return table[["source", "documents", *BALANCE_COLUMNS[2:]]]


def _with_shares(table: pd.DataFrame, codebook: Codebook, by: list[str]) -> pd.DataFrame:
    for count, share in (("statements", "statement_share"), ("words", "word_share"),
                         ("quoted_words", "quoted_word_share"),
                         ("prominence", "prominence_share")):
        total = table.groupby(by)[count].transform("sum")
        table[share] = np.where(total > 0, table[count] / total.where(total > 0, 1), np.nan)
    labels = {side_id: side.label for side_id, side in codebook.sides.items()}
    table["side_label"] = table["side"].map(labels).fillna("no codebook actor")
    if "doc_id" not in table:
        return table
    return table[BALANCE_COLUMNS]


def balance_index(balance: pd.DataFrame, side_a: str, side_b: str, *,
                  measure: str = "words") -> pd.DataFrame:
    """(a - b) / (a + b) for one measure between two sides, per row group of ``balance``:
    +1 when only side a speaks, -1 when only side b does, 0 when even, NaN when neither.

    ``measure`` is one of statements, words, quoted_words, direct_statements, prominence.
    Works on :func:`side_balance` (per document) and :func:`source_balance` (per source).
    """
    if measure not in _COUNTS:
        raise ValueError(f"measure must be one of {', '.join(_COUNTS)}, not {measure!r}")
    key = ["doc_id", "source"] if "doc_id" in balance else ["source"]
    wide = balance.pivot_table(index=key, columns="side", values=measure, aggfunc="sum",
                               fill_value=0)
    for side in (side_a, side_b):
        if side not in wide:
            raise ValueError(f"side {side!r} is not in the table; sides: {', '.join(wide)}")
    a, b = wide[side_a].astype(float), wide[side_b].astype(float)
    both = a + b
    index = (a - b) / both.where(both > 0)  # neither side speaking: undefined, not an error
    return pd.DataFrame({side_a: a, side_b: b, "balance_index": index}).reset_index()


def voice_positions(attributions: pd.DataFrame, documents: Iterable[Document], *,
                    kinds: Collection[str] = VOICE_KINDS) -> pd.DataFrame:
    """Per document: the side(s) of the headline voice, of the lead, and of the first and the
    last attributed statement (the 'last word'). Several sides are joined with '+'; a document
    where nobody is quoted gets empty values. Only statements of ``kinds`` count."""
    attributions = voiced(attributions, kinds)
    frame = attributions.assign(side=attributions["side"].replace("", UNASSIGNED))
    frame = frame.sort_values("start")
    # Plain lists, one pass: a pandas selection per document cost most of compare's time
    # at a few thousand documents (issue 18).
    by_doc: dict[str, list[tuple[str, str]]] = {}
    for doc_id, position, side in zip(frame["doc_id"].tolist(), frame["position"].tolist(),
                                      frame["side"].tolist(), strict=True):
        by_doc.setdefault(doc_id, []).append((position, side))
    rows = []
    for doc in documents:
        statements = by_doc.get(doc.doc_id)
        if not statements:
            rows.append({"doc_id": doc.doc_id, "source": doc.source, "headline_side": "",
                         "lead_side": "", "first_side": "", "last_side": ""})
            continue

        def sides(position: str, statements=statements) -> str:
            return "+".join(dict.fromkeys(side for at, side in statements if at == position))

        rows.append({"doc_id": doc.doc_id, "source": doc.source,
                     "headline_side": sides("headline"), "lead_side": sides("lead"),
                     "first_side": statements[0][1], "last_side": statements[-1][1]})
    return pd.DataFrame(rows, columns=["doc_id", "source", "headline_side", "lead_side",
                                       "first_side", "last_side"])
