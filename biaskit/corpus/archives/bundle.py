"""``biaskit corpus import``: exports in, the bundled layout out (one ``.txt`` file per
article and ``metadata.csv``), so that a scholar can read, correct and version the corpus.

The same article downloaded twice (in two exports, or twice in one) is written once: the
first copy in the order the exports were given is kept, every other one is listed in
``import_log.csv`` with the copy it repeats. That log also holds every problem met reading the
exports and every line the readers dropped (cover pages, copyright and load-date lines).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from biaskit.corpus.document import Corpus, Document, Problem
from biaskit.corpus.files import load_corpus
from biaskit.errors import InputError

LOG_COLUMNS = ["kind", "file", "location", "doc_id", "detail"]
_FIRST = ["file", "doc_id", "source", "date", "url", "provenance", "standfirst"]
_WORD = re.compile(r"\w+")


@dataclass
class ImportSummary:
    """What an import wrote: documents, duplicates left out, and the problems met."""

    out: Path
    written: int = 0
    duplicates: list[tuple[Document, Document]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def fingerprint(doc: Document) -> str:
    """The same article in any export: its headline and body words, case and punctuation
    aside. Two downloads of one article differ in their metadata lines and layout, not in
    these."""
    words = _WORD.findall(f"{doc.title} {doc.body}".casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def import_exports(exports: Sequence[str | Path], out: str | Path) -> ImportSummary:
    """Read each export (any format :func:`~biaskit.corpus.document.load_corpus` reads, a
    bundled folder too) and write the articles to ``out`` in the bundled layout.

    Raises:
        InputError: when ``out`` is a file or a folder that is not empty.
    """
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError("the output folder is not empty", path=str(out),
                         hint="Give a new or empty folder: an import never overwrites files")
    corpora = [load_corpus(export) for export in exports]
    summary = ImportSummary(out)
    kept: dict[str, Document] = {}
    taken: set[str] = set()
    rows, documents = [], []
    for corpus in corpora:
        summary.problems += corpus.problems
        for doc in corpus:
            key = fingerprint(doc)
            if key in kept:
                summary.duplicates.append((doc, kept[key]))
                continue
            kept[key] = doc
            doc_id = _free_id(doc.doc_id, taken)
            documents.append((doc_id, doc))
    out.mkdir(parents=True, exist_ok=True)
    for doc_id, doc in documents:
        (out / f"{doc_id}.txt").write_text(doc.text + "\n", encoding="utf-8")
        rows.append(_metadata_row(doc_id, doc))
    # In file-name order, the order load_folder reads them back in.
    _write_csv(out / "metadata.csv", sorted(rows, key=lambda row: row["file"]))
    _write_csv(out / "import_log.csv", _log_rows(corpora, summary), columns=LOG_COLUMNS)
    summary.written = len(documents)
    return summary


def _free_id(doc_id: str, taken: set[str]) -> str:
    """``doc_id``, or ``doc_id__2`` ... when another export already used it (file names
    compare case-insensitively on some systems)."""
    candidate, n = doc_id, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{doc_id}__{n}"
    taken.add(candidate.lower())
    return candidate


def _metadata_row(doc_id: str, doc: Document) -> dict[str, str]:
    row = {"file": f"{doc_id}.txt", "doc_id": doc_id, "source": doc.source, "date": doc.date,
           "url": doc.url, "provenance": doc.provenance,
           "standfirst": "yes" if doc.standfirst else "no"}
    row.update({k: "" if v is None else str(v) for k, v in doc.metadata.items()
                if k not in row})
    return row


def _log_rows(corpora: Iterable[Corpus], summary: ImportSummary) -> list[dict[str, str]]:
    rows = [{"kind": "duplicate", "file": doc.path,
             "location": f"article {doc.metadata.get('article', '')}".strip(),
             "doc_id": doc.doc_id,
             "detail": f"the same article as {first.doc_id} ({first.path}); not written"}
            for doc, first in summary.duplicates]
    rows += [{"kind": problem.severity, "file": problem.path, "location": problem.location,
              "doc_id": problem.doc_id, "detail": problem.message}
             for problem in summary.problems]
    rows += [{"kind": "dropped", "file": doc.path,
              "location": f"article {doc.metadata.get('article', '')}".strip(),
              "doc_id": doc.doc_id, "detail": step.detail}
             for corpus in corpora for doc in corpus for step in doc.cleaning_log
             if step.step == "export"]
    return rows


def _write_csv(path: Path, rows: list[dict[str, str]],
               columns: Sequence[str] | None = None) -> None:
    if columns is None:
        columns = [*_FIRST, *dict.fromkeys(k for row in rows for k in row if k not in _FIRST)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), restval="")
        writer.writeheader()
        writer.writerows(rows)
