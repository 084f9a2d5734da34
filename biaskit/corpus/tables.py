"""Loading tables: CSV, JSON Lines or Parquet files, and DataFrames, one article per row."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from biaskit.corpus.cleaning import decode_bytes
from biaskit.corpus.csv_records import record_lines
from biaskit.corpus.document import FIELDS, PROVENANCES, Corpus, Document, Problem, unique_ids
from biaskit.errors import InputError


def load_table(path: str | Path, *, columns: Mapping[str, str] | None = None,
               seen_ids: Counter[str] | None = None) -> Corpus:
    """Load a CSV, JSON Lines or Parquet table, one article per row (see
    :func:`corpus_from_frame` for the columns). A JSON Lines line that is not valid JSON
    becomes a problem; the other lines still load. The encoding of CSV and JSON Lines is
    detected as for text files. ``seen_ids`` is as for :func:`corpus_from_frame`."""
    path = Path(path)
    suffix = path.suffix.lower()
    problems: list[Problem] = []
    lines: list[int] = []
    try:
        if suffix == ".csv":
            text, _ = decode_bytes(path.read_bytes(), path=str(path))
            lines, problems, unclosed = record_lines(path, text, id_column=(
                columns or {}).get("doc_id", "doc_id"))
            if unclosed:  # pandas would stop with a record number, or read on without a word
                raise unclosed
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        elif suffix == ".parquet":
            frame = parquet_frame(pq.read_table(path))
        else:
            frame, problems = _read_jsonl(path)
    except (ValueError, OSError, pd.errors.ParserError) as error:
        raise InputError(f"cannot read the table ({error})", path=str(path),
                         hint="Check that the file is valid CSV, JSON Lines or Parquet") from None
    corpus = corpus_from_frame(frame, columns=columns, name=path.stem, path=str(path),
                               seen_ids=seen_ids, lines=lines if suffix == ".csv" else None)
    return Corpus(corpus.documents, problems + list(corpus.problems), name=corpus.name)


def _read_jsonl(path: Path) -> tuple[pd.DataFrame, list[Problem]]:
    text, _ = decode_bytes(path.read_bytes(), path=str(path))
    rows, problems = [], []
    # Only \n ends a JSON Lines record: str.splitlines() would also cut at U+2028, U+2029 and
    # U+0085, which JSON allows unescaped inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(Problem("", str(path), f"line {number}", "error",
                                    f"not valid JSON ({error.msg}); this line was skipped"))
            continue
        if not isinstance(row, dict):
            problems.append(Problem("", str(path), f"line {number}", "error",
                                    "not a JSON object; this line was skipped"))
            continue
        rows.append(row)
    return json_frame(rows), problems


def json_frame(rows: list[dict]) -> pd.DataFrame:
    """JSON objects as a DataFrame of objects: with inferred types, one row without a
    ``doc_id`` would turn every other id into a float (``1.0``)."""
    return pd.DataFrame(rows, dtype=object)


def parquet_frame(table) -> pd.DataFrame:
    """A pyarrow table or record batch as a DataFrame in which a column of integers with a
    null stays integers (pandas would make ``1.0`` of id ``1``)."""
    return table.to_pandas(integer_object_nulls=True)


def corpus_from_frame(frame: pd.DataFrame, *, columns: Mapping[str, str] | None = None,
                      name: str = "", path: str = "", first_row: int = 0,
                      seen_ids: Counter[str] | None = None,
                      lines: Sequence[int] | None = None) -> Corpus:
    """Build a corpus from a DataFrame, one article per row.

    Columns (rename with ``columns={"text": "body", "title": "headline"}``): ``text``
    (required); ``doc_id`` (default ``row<N>``); ``title`` and ``standfirst``: when a title
    column exists, ``text`` holds the body only, otherwise a whole article in the plain-text
    layout; ``source``, ``date``, ``url``, ``provenance``. Other columns become metadata.

    For a table read in chunks (:mod:`biaskit.runs.stream`), ``first_row`` is the number of rows
    before this chunk and ``seen_ids`` counts the ids used so far, so that default ids, row
    numbers in problems and renamed duplicates are those of the whole table. ``lines`` (of a
    CSV file) gives the line each row of the whole table starts on, for problems to name.
    """
    mapping = {field_name: field_name for field_name in FIELDS}
    unknown = set(columns or {}) - set(FIELDS)
    if unknown:
        raise InputError(f"unknown field(s) in columns: {', '.join(sorted(unknown))}",
                         hint=f"Map these fields to your column names: {', '.join(FIELDS)}")
    mapping.update(columns or {})
    if mapping["text"] not in frame.columns:
        raise InputError(f"no text column {mapping['text']!r}; columns are: "
                         f"{', '.join(map(str, frame.columns)) or 'none'}", path=path,
                         hint="Name the column holding the article text, for example "
                              "columns={'text': 'body'}")
    own = {mapping[f] for f in FIELDS if mapping[f] in frame.columns}
    has_title = mapping["title"] in frame.columns
    documents, problems, places = [], [], []
    for number, row in enumerate(frame.to_dict("records"), start=first_row):
        where = f"row {number + 1}"
        if lines is not None and number < len(lines):
            where += f", line {lines[number]}"
        try:
            value = {f: _cell(row.get(mapping[f])) for f in FIELDS}
        except InputError as error:
            problems.append(Problem(_cell(row.get(mapping["doc_id"]), lenient=True)
                                    or f"row{number}", path, where, "error", str(error)))
            continue
        doc_id = value["doc_id"] or f"row{number}"
        fields = {k: value[k] for k in ("source", "date", "url") if value[k]}
        fields["provenance"] = value["provenance"] or "unknown"
        if fields["provenance"] not in PROVENANCES:
            problems.append(Problem(doc_id, path, where, "warning",
                                    f"provenance {fields['provenance']!r} is not one of "
                                    f"{', '.join(PROVENANCES)}; set to 'unknown'"))
            fields["provenance"] = "unknown"
        fields["metadata"] = {k: v for k, v in row.items() if k not in own}
        try:
            if has_title and not value["text"]:
                raise InputError("the text is empty; a title alone is not an article",
                                 hint="Fill in the text or remove the row")
            if has_title and value["title"]:
                paragraphs = [p for p in re.split(r"\n\s*\n", value["text"]) if p.strip()]
                doc = Document.from_parts(doc_id, value["title"], paragraphs,
                                          standfirst=value["standfirst"], **fields)
            else:
                doc = Document.from_text(value["text"], doc_id=doc_id, **fields)
        except InputError as error:
            problems.append(Problem(doc_id, path, where, "error",
                                    error.problem + (f". {error.hint}" if error.hint else "")))
            continue
        documents.append(doc)
        places.append((path, where))
    documents, renamed = unique_ids(documents, seen_ids, places)
    return Corpus(documents, problems + renamed, name=name)


def _cell(value: Any, *, lenient: bool = False) -> str:
    """A cell as text: missing is empty, bytes are decoded (Parquet ``binary`` columns)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (bytes, bytearray)):
        if lenient:
            return bytes(value).decode("utf-8", "replace").strip()
        return decode_bytes(bytes(value))[0].strip()
    return str(value).strip()
