"""The headline measures for a reader: each with its name, its sign convention, the number
rounded for display, and the articles and statements (or claim occurrences) behind it.

>>> table = headline_measures(result, codebook)            # doctest: +SKIP
>>> table.pivot(index="name", columns="source", values="shown")   # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from biaskit.codebook import Codebook
from biaskit.compare import Comparison, key_table
from biaskit.report.glossary import describe, measure_key

#: Per-side measures counted over claim occurrences; the others are over statements, or
#: (coverage tone) over the outlet's sentences about the side.
_OVER_CLAIMS = ("claims", "claim_")
DECIMALS = 2
COLUMNS = ["source", "column", "name", "sign", "value", "shown", "articles", "basis",
           "basis_of"]


def headline_measures(comparison: Comparison, codebook: Codebook) -> pd.DataFrame:
    """One row per outlet and headline measure (:func:`biaskit.compare.key_table`):
    ``name`` and ``sign`` from the glossary with the sides' labels, ``value``, ``shown``
    (rounded to two decimals, counts as whole numbers, '–' when undefined), ``articles``
    and ``basis``: the statements or claim occurrences the value rests on (``basis_of``
    says which)."""
    labels = {side: codebook.sides[side].label for side in codebook.sides}
    outlets = comparison.by_source.set_index("source")
    counts = comparison.sums.groupby(comparison.by_document["source"].to_numpy()).sum()
    table = key_table(comparison, outlets_as_rows=True)
    rows = []
    for column in table.columns:
        entry = describe(column, sides=comparison.sides, labels=labels, pair=comparison.pair)
        key, side = measure_key(column, comparison.sides)
        basis_column, basis_of = _basis(key, side, comparison.pair)
        for source, value in table[column].items():
            basis = counts.loc[source, basis_column] if basis_column else None
            rows.append({"source": source, "column": column, "name": entry["name"],
                         "sign": entry["sign"], "value": value, "shown": _shown(key, value),
                         "articles": int(outlets.loc[source, "documents"]),
                         "basis": None if basis is None else int(basis),
                         "basis_of": basis_of})
    return pd.DataFrame(rows, columns=COLUMNS)


def _basis(key: str, side: str, pair: tuple[str, str] | None) -> tuple[str, str]:
    """The column of :attr:`Comparison.sums` that counts what a measure rests on, and what
    it counts ('' for a count, which is its own basis)."""
    if key in ("documents", "attributed_statements", "claim_occurrences", "readability"):
        return "", ""
    if key in ("balance_index", "prominence_balance_index") and pair is not None:
        return "statements", "statements"
    if key.startswith(_OVER_CLAIMS):
        return f"claims|{side}", "claim occurrences"
    if key == "coverage_tone":
        return f"coverage_n|{side}", "sentences about the side"
    return f"statements|{side}", "statements"


def _shown(key: str, value: float) -> str:
    if pd.isna(value):
        return "–"
    if key in ("documents", "attributed_statements", "claim_occurrences", "statements",
               "claims"):
        return f"{value:,.0f}"
    text = f"{value:+.{DECIMALS}f}" if key.endswith("index") or key.endswith("tone") else \
        f"{value:.{DECIMALS}f}"
    return text.replace("-", "−")
