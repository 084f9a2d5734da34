"""Documents and corpora: loading from files and tables, and conversion to DataFrames.

Every loader returns the same objects. One bad document never stops a corpus from loading: it
becomes a row of :attr:`Corpus.problems` that names the file, the place and the reason.

>>> corpus = load_corpus("corpora/syria-2015")                       # doctest: +SKIP
>>> corpus[0].title
'Russia denies bombing civilians in Syria'
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar

import pandas as pd

from biaskit.corpus.cleaning import CleaningStep, StandfirstRule, clean_text, decode_bytes
from biaskit.errors import InputError

PROVENANCES = ("real", "constructed", "unknown")
# Columns of Corpus.to_frame(), which corpus_from_frame() reads back.
FIELDS = ("doc_id", "source", "date", "url", "provenance", "title", "standfirst", "text")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")

T = TypeVar("T")


def count_words(text: str) -> int:
    """Words, counting "Russia’s" and "well-trained" as one each.

    >>> count_words("Russia’s well-trained pilots never missed.")
    5
    """
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Block:
    """A headline, standfirst or body paragraph: ``doc.text[start:end]`` is its text."""

    index: int
    role: Literal["headline", "standfirst", "body"]
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is the canonical text that every offset in biaskit indexes.

    ``text`` is the headline, the standfirst (when there is one) and the body paragraphs,
    joined by blank lines; ``blocks`` locates each of them in it. Build one with
    :meth:`from_parts` or :meth:`from_text`, or load files with :func:`load_corpus`.
    """

    doc_id: str
    title: str
    standfirst: str
    paragraphs: tuple[str, ...]
    source: str = ""
    date: str = ""
    url: str = ""
    provenance: str = "unknown"
    metadata: Mapping[str, Any] = field(default_factory=dict, hash=False)
    cleaning_log: tuple[CleaningStep, ...] = ()
    encoding: str = ""
    path: str = ""
    text: str = field(init=False)
    blocks: tuple[Block, ...] = field(init=False)

    def __post_init__(self) -> None:
        parts = [("headline", self.title), ("standfirst", self.standfirst)]
        parts += [("body", paragraph) for paragraph in self.paragraphs]
        blocks, pieces, offset = [], [], 0
        for role, part in parts:
            if not part:
                continue
            if "\n" in part or part != part.strip():
                raise ValueError(
                    f"document {self.doc_id!r}: a {role} must be one line without surrounding "
                    "whitespace; build documents with Document.from_parts to have them cleaned")
            if pieces:
                offset += 2
            blocks.append(Block(len(blocks), role, offset, offset + len(part)))
            pieces.append(part)
            offset += len(part)
        if self.provenance not in PROVENANCES:
            raise ValueError(f"document {self.doc_id!r}: provenance must be one of "
                             f"{', '.join(PROVENANCES)}, not {self.provenance!r}")
        object.__setattr__(self, "paragraphs", tuple(self.paragraphs))
        object.__setattr__(self, "text", "\n\n".join(pieces))
        object.__setattr__(self, "blocks", tuple(blocks))

    @classmethod
    def from_parts(cls, doc_id: str, title: str, paragraphs: Iterable[str], standfirst: str = "",
                   **fields: Any) -> Document:
        """Build a document from its parts, cleaning each part (the log records changes).

        >>> doc = Document.from_parts("d1", "Headline", ["First.", "Second."])
        >>> doc.text
        'Headline\\n\\nFirst.\\n\\nSecond.'
        """
        layout = "\n\n".join([title, standfirst, *paragraphs] if standfirst else
                             [title, *paragraphs])
        return cls.from_text(layout, doc_id=doc_id, standfirst="yes" if standfirst else "no",
                             **fields)

    @classmethod
    def from_text(cls, raw: str, *, doc_id: str, standfirst: StandfirstRule = "auto",
                  **fields: Any) -> Document:
        """Build a document from a whole article in the plain-text layout (or an HTML page)."""
        cleaned = clean_text(raw, doc_id=doc_id, standfirst=standfirst)
        log = tuple(fields.pop("cleaning_log", ())) + cleaned.log
        return cls(doc_id=doc_id, title=cleaned.title, standfirst=cleaned.standfirst,
                   paragraphs=cleaned.paragraphs, cleaning_log=log, **fields)

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (no headline or standfirst)."""
        return "\n\n".join(self.paragraphs)

    @cached_property  # several analysers divide by it; the text never changes
    def n_words(self) -> int:
        return count_words(self.text)


def kept_on_document(doc: Any, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, found once per document and kept on it under ``key``.

    Several analysers ask for the same sentences, quotes, names and markers of a document,
    and its text never changes. An object without a ``__dict__`` computes every time.
    Callers keep immutable values (tuples), so no caller can change what another gets.
    """
    memo = getattr(doc, "__dict__", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


@dataclass(frozen=True)
class Problem:
    """Why a document could not be loaded (``error``) or was loaded with a doubt (``warning``)."""

    doc_id: str
    path: str
    location: str
    severity: Literal["warning", "error"]
    message: str


class Corpus(Sequence):
    """The documents of a corpus, in a fixed order, and the problems met loading them.

    Index by position or by ``doc_id``: ``corpus[0]``, ``corpus["000_d287f8da5092c987"]``.
    """

    def __init__(self, documents: Iterable[Document], problems: Iterable[Problem] = (),
                 name: str = ""):
        self.documents = tuple(documents)
        self.problems = tuple(problems)
        self.name = name
        self._by_id = {doc.doc_id: doc for doc in self.documents}
        if len(self._by_id) != len(self.documents):
            twice = [i for i, n in Counter(d.doc_id for d in self.documents).items() if n > 1]
            raise ValueError(f"duplicate doc_id(s) in corpus: {', '.join(twice)}")

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(f"no document with doc_id {key!r} in this corpus") from None
        return self.documents[key]

    def __repr__(self) -> str:
        errors = sum(p.severity == "error" for p in self.problems)
        return (f"Corpus({self.name!r}: {len(self)} documents, "
                f"{len(self.problems) - errors} warnings, {errors} failed)")

    @property
    def doc_ids(self) -> list[str]:
        return [doc.doc_id for doc in self.documents]

    def to_frame(self) -> pd.DataFrame:
        """One row per document: the fields of :data:`FIELDS` (``text`` is the body), then
        metadata columns. :func:`corpus_from_frame` reads it back."""
        rows = []
        for doc in self.documents:
            row = {name: getattr(doc, name) for name in FIELDS if name != "text"}
            row["text"] = doc.body
            row.update(doc.metadata)
            rows.append(row)
        return pd.DataFrame(rows, columns=_columns(FIELDS, rows))

    def cleaning_log(self) -> pd.DataFrame:
        """Every change cleaning made, one row each: doc_id, step, detail, count."""
        rows = [vars(step) for doc in self.documents for step in doc.cleaning_log]
        return pd.DataFrame(rows, columns=["doc_id", "step", "detail", "count"])

    def problems_frame(self) -> pd.DataFrame:
        """The errors table: one row per document that failed or loaded with a warning."""
        return pd.DataFrame([vars(p) for p in self.problems],
                            columns=["doc_id", "path", "location", "severity", "message"])


def _columns(first: Sequence[str], rows: list[dict]) -> list[str]:
    extra = dict.fromkeys(key for row in rows for key in row if key not in first)
    return [*first, *extra]


# --- loading --------------------------------------------------------------------------------

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
        return load_folder(path)
    if not path.exists():
        raise InputError("no such file or folder", path=str(path),
                         hint="Check the path; give a .txt file, a folder of .txt files, or a "
                              ".csv, .jsonl or .parquet table")
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
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror})", path=str(path)) from None
    if not data:
        raise InputError("the file is empty", path=str(path),
                         hint="Remove it from the corpus or add the article's text")
    text, encoding = decode_bytes(data, path=str(path))
    log = []
    if encoding != "utf-8":
        log.append(CleaningStep(doc_id, "encoding", f"decoded as {encoding}"))
    try:
        return Document.from_text(text, doc_id=doc_id, standfirst=standfirst, encoding=encoding,
                                  path=str(path), cleaning_log=log, **fields)
    except InputError as error:
        raise InputError(error.problem, path=str(path), hint=error.hint) from None


_KNOWN_METADATA = ("doc_id", "source", "date", "url", "provenance", "standfirst")


def load_folder(folder: str | Path, *, metadata_file: str = "metadata.csv") -> Corpus:
    """Load every ``*.txt`` file of a folder (sorted by name), with optional ``metadata.csv``.

    ``metadata.csv`` has one row per file: a ``file`` column, then any of ``doc_id``,
    ``source``, ``date``, ``url``, ``provenance`` (real, constructed, unknown) and
    ``standfirst`` (yes, no, auto); other columns go into ``Document.metadata``. Rows naming
    missing files and files without a row are reported in ``Corpus.problems``.
    """
    folder = Path(folder)
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
    rows = _read_metadata(folder / metadata_file)
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
    documents, renamed = _unique_ids(documents)
    problems += renamed
    return Corpus(documents, problems, name=folder.name)


def _read_metadata(path: Path) -> dict[str, tuple[int, dict[str, str]]]:
    """Rows of metadata.csv by file name, each with its line number."""
    if not path.is_file():
        return {}
    text, _ = decode_bytes(path.read_bytes(), path=str(path))
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "file" not in reader.fieldnames:
        raise InputError("no 'file' column", path=str(path), location="line 1",
                         hint="The header must name a 'file' column holding each file's name")
    rows: dict[str, tuple[int, dict[str, str]]] = {}
    for row in reader:
        line = reader.line_num
        name = (row.get("file") or "").strip()
        if None in row:
            raise InputError("more values than header columns", path=str(path),
                             location=f"line {line}", hint="Quote values that contain commas")
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


def _unique_ids(documents: list[Document], seen: Counter[str] | None = None
                ) -> tuple[list[Document], list[Problem]]:
    """Rename repeated doc_ids (``id``, ``id__2``, ...) so that no document is lost.

    ``seen`` counts the ids of earlier chunks of the same corpus (it is updated), so that
    a repeat in a later chunk is renamed too.
    """
    seen = Counter() if seen is None else seen
    taken = {doc.doc_id for doc in documents}
    unique, problems = [], []
    for doc in documents:
        seen[doc.doc_id] += 1
        if seen[doc.doc_id] == 1:
            unique.append(doc)
            continue
        new_id = f"{doc.doc_id}__{seen[doc.doc_id]}"
        while new_id in taken or new_id in seen:
            new_id += "_"
        taken.add(new_id)
        seen[new_id] += 1
        problems.append(Problem(new_id, doc.path, "", "warning",
                                f"doc_id {doc.doc_id!r} is used more than once; "
                                f"this document was renamed {new_id!r}"))
        unique.append(Document(**{**_init_fields(doc), "doc_id": new_id}))
    return unique, problems


def _init_fields(doc: Document) -> dict[str, Any]:
    return {f.name: getattr(doc, f.name) for f in fields(doc) if f.init}


def load_table(path: str | Path, *, columns: Mapping[str, str] | None = None) -> Corpus:
    """Load a CSV, JSON Lines or Parquet table, one article per row (see
    :func:`corpus_from_frame` for the columns). A JSON Lines line that is not valid JSON
    becomes a problem; the other lines still load."""
    path = Path(path)
    suffix = path.suffix.lower()
    problems: list[Problem] = []
    try:
        if suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        elif suffix == ".parquet":
            frame = pd.read_parquet(path)
        else:
            frame, problems = _read_jsonl(path)
    except (ValueError, OSError, pd.errors.ParserError) as error:
        raise InputError(f"cannot read the table ({error})", path=str(path),
                         hint="Check that the file is valid CSV, JSON Lines or Parquet") from None
    corpus = corpus_from_frame(frame, columns=columns, name=path.stem, path=str(path))
    return Corpus(corpus.documents, problems + list(corpus.problems), name=corpus.name)


def _read_jsonl(path: Path) -> tuple[pd.DataFrame, list[Problem]]:
    text, _ = decode_bytes(path.read_bytes(), path=str(path))
    rows, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
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
    return pd.DataFrame(rows), problems


def corpus_from_frame(frame: pd.DataFrame, *, columns: Mapping[str, str] | None = None,
                      name: str = "", path: str = "", first_row: int = 0,
                      seen_ids: Counter[str] | None = None) -> Corpus:
    """Build a corpus from a DataFrame, one article per row.

    Columns (rename with ``columns={"text": "body", "title": "headline"}``): ``text``
    (required); ``doc_id`` (default ``row<N>``); ``title`` and ``standfirst``: when a title
    column exists, ``text`` holds the body only, otherwise a whole article in the plain-text
    layout; ``source``, ``date``, ``url``, ``provenance``. Other columns become metadata.

    For a table read in chunks (:mod:`biaskit.runs.stream`), ``first_row`` is the number of rows
    before this chunk and ``seen_ids`` counts the ids used so far, so that default ids, row
    numbers in problems and renamed duplicates are those of the whole table.
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
    documents, problems = [], []
    for number, row in enumerate(frame.to_dict("records"), start=first_row):
        value = {f: _cell(row.get(mapping[f])) for f in FIELDS}
        doc_id = value["doc_id"] or f"row{number}"
        where = f"row {number + 1}"
        fields = {k: value[k] for k in ("source", "date", "url") if value[k]}
        fields["provenance"] = value["provenance"] or "unknown"
        if fields["provenance"] not in PROVENANCES:
            problems.append(Problem(doc_id, path, where, "warning",
                                    f"provenance {fields['provenance']!r} is not one of "
                                    f"{', '.join(PROVENANCES)}; set to 'unknown'"))
            fields["provenance"] = "unknown"
        fields["metadata"] = {k: v for k, v in row.items() if k not in own}
        try:
            if has_title and value["title"]:
                paragraphs = [p for p in re.split(r"\n\s*\n", value["text"]) if p.strip()]
                doc = Document.from_parts(doc_id, value["title"], paragraphs,
                                          standfirst=value["standfirst"], **fields)
            else:
                doc = Document.from_text(value["text"], doc_id=doc_id, **fields)
        except InputError as error:
            problems.append(Problem(doc_id, path, where, "error", error.problem))
            continue
        documents.append(doc)
    documents, renamed = _unique_ids(documents, seen_ids)
    return Corpus(documents, problems + renamed, name=name)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def corpus_summary(corpus: Iterable[Document]) -> pd.DataFrame:
    """One row per document: doc_id, source, date, provenance, paragraphs, sentences, words,
    whether it has a standfirst, its encoding and how many cleaning changes it had."""
    from biaskit.corpus.sentences import document_sentences  # sentences builds on this module

    rows = [{
        "doc_id": doc.doc_id, "source": doc.source, "date": doc.date,
        "provenance": doc.provenance, "paragraphs": len(doc.paragraphs),
        "sentences": len(document_sentences(doc)), "words": doc.n_words,
        "standfirst": bool(doc.standfirst), "encoding": doc.encoding,
        "cleaning_changes": len(doc.cleaning_log),
    } for doc in corpus]
    return pd.DataFrame(rows, columns=["doc_id", "source", "date", "provenance", "paragraphs",
                                       "sentences", "words", "standfirst", "encoding",
                                       "cleaning_changes"])
