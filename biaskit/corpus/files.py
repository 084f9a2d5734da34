"""Loading text files: one article (:func:`load_document`), a folder of them with its
``metadata.csv`` (:func:`load_folder`), and :func:`load_corpus`, which takes any path.

Every loader returns the same objects. One bad document never stops a corpus from loading: it
becomes a row of :attr:`Corpus.problems` that names the file, the place and the reason.

>>> corpus = load_corpus("corpora/syria-2015")
>>> corpus[0].title
'Russia denies bombing civilians in Syria'
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from biaskit.corpus import archives
from biaskit.corpus.cleaning import CleaningStep, StandfirstRule, clean_text, decode_bytes
from biaskit.corpus.csv_records import unclosed
from biaskit.corpus.document import PROVENANCES, Corpus, Document, Problem, unique_ids
from biaskit.corpus.tables import load_table
from biaskit.errors import InputError

_TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")


def load_corpus(path: str | Path, *, columns: Mapping[str, str] | None = None) -> Corpus:
    """Load a corpus from a ``.txt`` file, a folder of them, or a CSV, JSON Lines or Parquet table.

    Raises:
        InputError: when the path itself is unusable (missing, unknown format, broken
            metadata.csv, table without a text column). Problems of single documents are
            collected in ``Corpus.problems`` instead.
    """
    path = Path(path)
    if path.is_dir():
        if archives.is_archive_source(path):
            return archives.load_mixed_folder(path, load_corpus)
        texts, tables = folder_entries(path)
        if not tables:
            return load_folder(path)
        documents, problems, seen = [], [], Counter()
        for table in tables:
            part = load_table(table, columns=columns, seen_ids=seen)
            documents += part.documents
            problems += part.problems
        return Corpus(documents, problems, name=path.name)
    if not path.exists():
        raise InputError("no such file or folder", path=str(path),
                         hint="Check the path; give a .txt file, a folder of .txt files, or a "
                              ".csv, .jsonl or .parquet table")
    export = archives.detect_format(path)  # by content: exports come with any extension
    if export is not None:
        return archives.load_archive(path, export)
    suffix = path.suffix.lower()
    if suffix in _TABLE_SUFFIXES:
        return load_table(path, columns=columns)
    if suffix in (".txt", ".text", ""):
        try:
            return Corpus([load_document(path)], name=path.stem)
        except InputError as error:
            return Corpus([], [Problem(path.stem, str(path), "", "error", error.problem
                                       + (f". {error.hint}" if error.hint else ""))],
                          name=path.stem)
    raise InputError(f"unknown file type {suffix!r}", path=str(path),
                     hint="Give a .txt file, a folder, or a .csv, .jsonl or .parquet table")


def load_document(path: str | Path, *, doc_id: str | None = None,
                  standfirst: StandfirstRule = "auto", **fields: Any) -> Document:
    """Load one article from a text file in the plain-text layout; the encoding is detected.

    Raises:
        InputError: for a missing, empty, whitespace-only or binary file.
    """
    path = Path(path)
    doc_id = doc_id or path.stem
    odd = _odd_entry(path)
    if odd:
        raise InputError(odd, path=str(path))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror})", path=str(path)) from None
    if not data:
        raise InputError("the file is empty", path=str(path),
                         hint="Remove it from the corpus or add the article's text")
    text, encoding = decode_bytes(data, path=str(path))
    del data  # a long article is not held as bytes too while it is cleaned
    log = []
    if encoding != "utf-8":
        log.append(CleaningStep(doc_id, "encoding", f"decoded as {encoding}"))
    try:
        cleaned = clean_text(text, doc_id=doc_id, standfirst=standfirst)
    except InputError as error:
        raise InputError(error.problem, path=str(path), hint=error.hint) from None
    del text  # the document is built from the cleaned parts alone
    return Document.from_cleaned(cleaned, doc_id=doc_id, encoding=encoding, path=str(path),
                                 cleaning_log=log, **fields)


_KNOWN_METADATA = ("doc_id", "source", "date", "url", "provenance", "standfirst")


def load_folder(folder: str | Path, *, metadata_file: str = "metadata.csv") -> Corpus:
    """Load every ``*.txt`` file of a folder (sorted by name), with optional ``metadata.csv``.

    ``metadata.csv`` has one row per file: a ``file`` column, then any of ``doc_id``,
    ``source``, ``date``, ``url``, ``provenance`` (real, constructed, unknown) and
    ``standfirst`` (yes, no, auto); other columns go into ``Document.metadata``. Rows naming
    missing files and files without a row are reported in ``Corpus.problems``.
    """
    folder = Path(folder)
    files, _ = folder_entries(folder)
    rows = _read_metadata(folder / metadata_file, files)
    problems: list[Problem] = []
    documents: list[Document] = []
    for name, (line, _) in rows.items():
        if not (folder / name).is_file():
            problems.append(Problem("", str(folder / metadata_file), f"line {line}", "warning",
                                    f"metadata names {name!r}, which is not in the folder"))
    for path in files:
        line, row = rows.get(path.name, (0, {}))
        if rows and not line:
            problems.append(Problem(path.stem, str(path), "", "warning",
                                    f"no row in {metadata_file}; loaded without metadata"))
        fields, row_problems = _document_fields(row, path, line, metadata_file)
        problems += row_problems
        try:
            documents.append(load_document(path, **fields))
        except InputError as error:
            problems.append(Problem(fields.get("doc_id", path.stem), str(path), "", "error",
                                    error.problem + (f". {error.hint}" if error.hint else "")))
    documents, renamed = unique_ids(documents)
    problems += renamed
    return Corpus(documents, problems, name=folder.name)


# Tables a corpus folder may hold beside its texts: the metadata, and the log that
# `biaskit corpus import` writes there.
_NOT_ARTICLES = frozenset(("metadata.csv", "import_log.csv"))


def folder_entries(folder: Path) -> tuple[list[Path], list[Path]]:
    """The ``*.txt`` entries of a folder (odd ones included: loading them says what is
    wrong) and its table files, each sorted by name. A folder holding both is refused:
    reading one kind would drop the other without a word."""
    entries = sorted(folder.iterdir())
    texts = [p for p in entries if p.suffix.lower() == ".txt"]
    tables = [p for p in entries if p.suffix.lower() in _TABLE_SUFFIXES
              and p.name not in _NOT_ARTICLES and p.is_file()]
    if texts and tables:
        raise InputError(
            f"the folder holds both text files ({len(texts)}, such as {texts[0].name!r}) and "
            f"tables ({len(tables)}, such as {tables[0].name!r})", path=str(folder),
            hint="Put the tables and the text files in separate folders, or give one table's "
                 "path")
    return texts, tables


def _odd_entry(path: Path) -> str:
    """Why a corpus entry is not a file that can be read, or '' when it is one."""
    if path.is_symlink() and not path.exists():
        return "a symbolic link to something that does not exist"
    if path.is_dir():
        return "a folder named like a text file: its contents are not read"
    if path.exists() and not path.is_file():
        return "not a regular file (a device, pipe or socket)"
    return ""


def _read_metadata(path: Path, files: list[Path] = ()) -> dict[str, tuple[int, dict[str, str]]]:
    """Rows of metadata.csv by file name, each with the line it starts on. ``files`` are
    the folder's text files, to tell a quotation mark never closed from a value that holds a
    line break on purpose."""
    if not path.is_file():
        return {}
    text, _ = decode_bytes(path.read_bytes(), path=str(path))
    # newline="" keeps a line break inside a quoted value in that value (the csv module's
    # own rule); strict reports a quotation mark never closed instead of reading on.
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as error:
        raise InputError(f"not valid CSV ({error})", path=str(path), location="line 1") from None
    if not fieldnames or "file" not in fieldnames:
        raise InputError("no 'file' column", path=str(path), location="line 1",
                         hint="The header must name a 'file' column holding each file's name")
    names = {p.name for p in files}
    rows: dict[str, tuple[int, dict[str, str]]] = {}
    records = iter(reader)
    while True:
        line = reader.line_num + 1
        try:
            row = next(records)
        except StopIteration:
            break
        except csv.Error as error:
            raise unclosed(path, line, error, text) from None
        swallowed = [name for value in row.values() if isinstance(value, str) and "\n" in value
                     for name in re.findall(r"^\s*\"?([^,\"\n]+)\"?\s*,", value, re.M)
                     if name.strip() in names]
        if swallowed:
            raise unclosed(path, line, None, text)
        name = (row.get("file") or "").strip()
        if None in row:
            raise InputError("more values than header columns", path=str(path),
                             location=f"line {line}", hint="Quote values that contain commas")
        if not any((v or "").strip() for v in row.values()):
            continue  # a blank line
        if not name:
            raise InputError("empty 'file' value", path=str(path), location=f"line {line}")
        if name in rows:
            raise InputError(f"{name!r} is listed twice (first on line {rows[name][0]})",
                             path=str(path), location=f"line {line}",
                             hint="Keep one row per file")
        rows[name] = (line, {k: (v or "").strip() for k, v in row.items() if k != "file"})
    return rows


def _document_fields(row: Mapping[str, str], path: Path, line: int,
                     metadata_file: str) -> tuple[dict[str, Any], list[Problem]]:
    """Split a metadata row into Document fields and free metadata, checking the values."""
    problems = []
    where = f"{metadata_file} line {line}"
    fields: dict[str, Any] = {k: row[k] for k in _KNOWN_METADATA if row.get(k)}
    fields.setdefault("doc_id", path.stem)
    if fields.get("provenance", "unknown") not in PROVENANCES:
        problems.append(Problem(fields["doc_id"], str(path), where, "warning",
                                f"provenance {fields['provenance']!r} is not one of "
                                f"{', '.join(PROVENANCES)}; set to 'unknown'"))
        fields["provenance"] = "unknown"
    if fields.get("standfirst", "auto") not in ("auto", "yes", "no"):
        problems.append(Problem(fields["doc_id"], str(path), where, "warning",
                                f"standfirst {fields['standfirst']!r} is not yes, no or auto; "
                                "using auto"))
        fields["standfirst"] = "auto"
    fields["metadata"] = {k: v for k, v in row.items() if k not in _KNOWN_METADATA}
    return fields, problems
