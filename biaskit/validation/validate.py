"""Validation against human coding: coding sheets out, completed sheets in, agreement.

Three calls take a user from corpus to agreement table::

    sheet = coding_sheet(corpus, codebook, per_source=2, seed=0)   # then write_coding_sheet
    coded = read_coding_sheets(["coder_a.csv", "coder_b.csv"])     # after the coders' work
    agreement(coded)                                               # alpha and % agreement

A sheet has one row per sentence of the sampled articles: the machine's codes (``machine_*``)
and empty columns for the coder (``side``, ``mode``, ``claim``, ``stance``). A sentence with no
statement is coded ``none``; a sentence with statements of two sides is coded with both,
joined by ``+`` in sorted order (``amnesty+russia``), one nominal category.

Agreement uses Krippendorff's alpha at the nominal level (side, mode, claim and stance are
unordered categories) from the maintained ``krippendorff`` package, with percent agreement
beside it; the machine's codes count as one more coder, so every coder can be compared with
it as well as with each other.

References:
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. University of
    Pennsylvania, Annenberg School for Communication, Departmental Papers 43.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd

from biaskit.attribution.records import attributions_frame
from biaskit.codebook import Codebook
from biaskit.corpus.document import Corpus, Document
from biaskit.corpus.sentences import document_sentences
from biaskit.errors import InputError
from biaskit.framing.claims import claim_occurrences
from biaskit.lexicons import read_lexicon

VARIABLES = ("side", "mode", "claim", "stance")
NONE = "none"
MACHINE = "machine"
_KEY = ["doc_id", "sentence_index"]
_SHEET_COLUMNS = ["doc_id", "source", "paragraph", "sentence_index", "start", "end", "sentence",
                  "machine_speaker", "machine_actor", *(f"machine_{v}" for v in VARIABLES),
                  "coder", *VARIABLES, "notes"]


def sample_documents(corpus: Corpus, *, per_source: int | None = None, seed: int = 0
                     ) -> list[Document]:
    """Up to ``per_source`` articles of each source, drawn with a fixed seed (all when None),
    in corpus order."""
    if per_source is None:
        return list(corpus)
    rng = np.random.default_rng(seed)
    chosen: set[str] = set()
    by_source: dict[str, list[str]] = {}
    for doc in corpus:
        by_source.setdefault(doc.source, []).append(doc.doc_id)
    for source in sorted(by_source):
        ids = by_source[source]
        picks = rng.choice(len(ids), size=min(per_source, len(ids)), replace=False)
        chosen.update(ids[i] for i in picks)
    return [doc for doc in corpus if doc.doc_id in chosen]


def _codes(values: Iterable[str]) -> str:
    found = sorted({v for v in values if v})
    return "+".join(found) if found else NONE


def coding_sheet(corpus: Corpus, codebook: Codebook, *, per_source: int | None = None,
                 seed: int = 0) -> pd.DataFrame:
    """One row per sentence of a stratified sample of articles, with the machine's codes and
    empty columns for a coder."""
    documents = sample_documents(corpus, per_source=per_source, seed=seed)
    quotes = attributions_frame(documents, codebook)
    claims = claim_occurrences(documents, codebook, quotes)
    said = {key: rows for key, rows in quotes.groupby(["doc_id", "sentence_index"])}
    claimed = {key: rows for key, rows in claims.groupby(["doc_id", "sentence_index"])}
    rows = []
    for doc in documents:
        for sentence in document_sentences(doc):
            key = (doc.doc_id, sentence.index)
            statements = said.get(key, quotes.iloc[0:0])
            rows.append({
                "doc_id": doc.doc_id, "source": doc.source,
                "paragraph": doc.blocks[sentence.paragraph].paragraph,
                "sentence_index": sentence.index, "start": sentence.start, "end": sentence.end,
                "sentence": sentence.text,
                "machine_speaker": "; ".join(statements["speaker"]),
                "machine_actor": _codes(statements["actor"]),
                "machine_side": _codes(statements["side"]),
                "machine_mode": _codes(statements["mode"]),
                "machine_claim": _codes(claimed.get(key, claims.iloc[0:0])["claim"]),
                "machine_stance": _codes(statements["stance"]),
                "coder": "", "side": "", "mode": "", "claim": "", "stance": "", "notes": "",
            })
    return pd.DataFrame(rows, columns=_SHEET_COLUMNS)


def write_coding_sheet(sheet: pd.DataFrame, path: str | Path, *, excel: bool = False) -> Path:
    """Write a sheet as CSV; ``excel=True`` adds the byte-order mark Excel needs to show
    non-English characters, and Windows line ends."""
    path = Path(path)
    sheet.to_csv(path, index=False, encoding="utf-8-sig" if excel else "utf-8",
                 lineterminator="\r\n" if excel else "\n")
    return path


def read_coding_sheets(paths: Sequence[str | Path], codebook: Codebook | None = None
                       ) -> pd.DataFrame:
    """Completed sheets in long form: coder, doc_id, sentence_index, variable, value. The
    machine's codes come along as coder ``machine``. An empty cell is a missing code.

    Raises:
        InputError: naming the file, the line and the column, for a missing column, a coder
            name missing or used twice, or a code outside the allowed values (when a
            codebook is given).
    """
    frames, coders = [], {}
    for path in paths:
        path = Path(path)
        try:
            sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
            raise InputError(f"cannot read the coding sheet ({error})", path=str(path)) from None
        missing = [c for c in (*_KEY, "coder", *VARIABLES) if c not in sheet.columns]
        if missing:
            raise InputError(f"missing column(s): {', '.join(missing)}", path=str(path),
                             location="line 1", hint="Start from a sheet made by coding_sheet()")
        names = set(sheet["coder"].str.strip()) - {""}
        if len(names) != 1:
            raise InputError(f"the coder column must hold one name, found {sorted(names)}",
                             path=str(path), hint="Write the coder's name on every row")
        name = names.pop()
        if name in coders or name == MACHINE:
            raise InputError(f"coder name {name!r} is used twice (also in {coders.get(name)})",
                             path=str(path), hint="Give each coder a different name")
        coders[name] = str(path)
        if codebook is not None:
            _check_codes(sheet, path, codebook)
        frames.append(_long(sheet, name, VARIABLES))
        frames.append(_long(sheet, MACHINE, [f"machine_{v}" for v in VARIABLES]))
    coded = pd.concat(frames, ignore_index=True).drop_duplicates(
        ["coder", *_KEY, "variable"])
    return coded.sort_values(["variable", "coder", *_KEY], ignore_index=True)


def _long(sheet: pd.DataFrame, coder: str, columns: Sequence[str]) -> pd.DataFrame:
    frame = sheet[[*_KEY, *columns]].melt(id_vars=_KEY, var_name="variable", value_name="value")
    frame["variable"] = frame["variable"].str.removeprefix("machine_")
    frame["sentence_index"] = frame["sentence_index"].astype(int)
    frame["value"] = frame["value"].str.strip().replace("", np.nan)
    return frame.assign(coder=coder)[["coder", *_KEY, "variable", "value"]]


def _check_codes(sheet: pd.DataFrame, path: Path, codebook: Codebook) -> None:
    allowed = {
        "side": set(codebook.sides) | {"unassigned"},
        "mode": {"direct", "indirect", "mixed"},
        "claim": set(codebook.claims),
        "stance": {row["stance"] for row in read_lexicon("reporting_verbs.csv")},
    }
    for variable, values in allowed.items():
        for number, cell in enumerate(sheet[variable], start=2):
            codes = [c for c in cell.strip().split("+") if c]
            bad = [c for c in codes if c not in values | {NONE}]
            if bad:
                raise InputError(f"{variable} code {bad[0]!r} is not allowed", path=str(path),
                                 location=f"line {number}, column {variable!r}",
                                 hint=f"Use one of: {', '.join(sorted(values | {NONE}))}; join "
                                      "several with '+'")


def _matrix(coded: pd.DataFrame, variable: str, coders: Sequence[str]
            ) -> tuple[np.ndarray, list[str]]:
    """Reliability data (coders x units) as integer category codes, NaN where missing."""
    wide = coded[coded["variable"] == variable].pivot_table(
        index="coder", columns=_KEY, values="value", aggfunc="first")
    wide = wide.reindex(list(coders))
    categories = sorted(pd.unique(wide.to_numpy().ravel()[pd.notna(wide.to_numpy().ravel())]))
    lookup = {category: i for i, category in enumerate(categories)}
    numbers = wide.apply(lambda column: column.map(lookup)).to_numpy(dtype=float)
    return numbers, categories


def _alpha(numbers: np.ndarray) -> float:
    pairable = (~np.isnan(numbers)).sum(axis=0) >= 2
    if pairable.sum() == 0:
        return float("nan")
    values = numbers[:, pairable]
    if len(np.unique(values[~np.isnan(values)])) < 2:
        return float("nan")  # one category only: alpha is undefined (no variation to agree on)
    return float(krippendorff.alpha(reliability_data=values, level_of_measurement="nominal"))


def agreement(coded: pd.DataFrame, *, variables: Sequence[str] = VARIABLES) -> pd.DataFrame:
    """Per variable: Krippendorff's alpha (nominal) and percent agreement for all human coders
    together, for each pair of coders, and for each coder against the machine. ``units`` counts
    the sentences both (or at least two) coders coded; a variable nobody coded is left out."""
    coders = sorted(set(coded["coder"]) - {MACHINE})
    rows = []
    for variable in variables:
        if coded.loc[(coded["variable"] == variable) & (coded["coder"] != MACHINE),
                     "value"].isna().all():
            continue
        groups = ([("all coders", coders)] if len(coders) > 2 else []) + [
            (f"{a} vs {b}", [a, b]) for a, b in combinations(coders, 2)] + [
            (f"{c} vs {MACHINE}", [c, MACHINE]) for c in coders]
        for label, members in groups:
            numbers, _ = _matrix(coded, variable, members)
            both = (~np.isnan(numbers)).all(axis=0)
            percent = float((numbers[0, both] == numbers[1, both]).mean()) if (
                len(members) == 2 and both.any()) else float("nan")
            rows.append({"variable": variable, "comparison": label, "coders": len(members),
                         "units": int(((~np.isnan(numbers)).sum(axis=0) >= 2).sum()),
                         "alpha": _alpha(numbers), "percent_agreement": percent})
    return pd.DataFrame(rows, columns=["variable", "comparison", "coders", "units", "alpha",
                                       "percent_agreement"])


def confusion(coded: pd.DataFrame, variable: str, coder_a: str, coder_b: str = MACHINE
              ) -> pd.DataFrame:
    """How two coders' codes of one variable cross: rows ``coder_a``, columns ``coder_b``,
    over the sentences both coded."""
    wide = coded[coded["variable"] == variable].pivot_table(
        index=_KEY, columns="coder", values="value", aggfunc="first")
    for coder in (coder_a, coder_b):
        if coder not in wide:
            raise ValueError(f"no coder {coder!r}; coders: {', '.join(wide.columns)}")
    both = wide[[coder_a, coder_b]].dropna()
    return pd.crosstab(both[coder_a], both[coder_b]).rename_axis(index=coder_a, columns=coder_b)
