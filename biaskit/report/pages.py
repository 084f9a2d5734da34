"""The report's article pages: every table grouped by ``doc_id`` once, pages written by the
same worker processes as the analysis.

Building each page from the whole corpus's tables made the report quadratic (issue 18: 2,000
articles took 14 minutes). Here each table becomes rows once, bucketed by document, and each
page reads only its own rows, so writing N pages costs N times one page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from biaskit.codebook import Codebook
from biaskit.corpus.document import Corpus, Document
from biaskit.report.view import VIEW_COLUMNS, ArticleView, side_order
from biaskit.runs.batches import worker_pool

BATCH = 100  # pages per task sent to a worker
VIEW_TABLES = ("attributions", "claims", "cues")


def file_names(ids: Sequence[str]) -> dict[str, str]:
    """A distinct, safe file name for each document id (nothing can leave the folder)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for doc_id in ids:
        base = re.sub(r"[^A-Za-z0-9._-]", "_", doc_id).lstrip(".") or "document"
        name, n = f"{base}.html", 1
        while name in taken:
            n += 1
            name = f"{base}_{n}.html"
        taken.add(name)
        names[doc_id] = name
    return names


def rows_by_document(table: pd.DataFrame | None, columns: Collection[str] | None = None
                     ) -> dict[str, list[dict]]:
    """The table's rows as dicts, grouped by ``doc_id``, in one pass over the table; with
    ``columns``, each dict holds only those of them the table has."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    if table is None or len(table) == 0:
        return grouped
    # Column by column: to_dict("records") boxes every value through pandas, a tenth of the
    # whole report's time at 2,000 articles (issue 18).
    names = [name for name in table.columns if columns is None or str(name) in columns]
    keys = [str(name) for name in names]
    for doc_id, *values in zip(table["doc_id"].tolist(),
                               *(table[name].tolist() for name in names), strict=True):
        grouped[doc_id].append(dict(zip(keys, values, strict=True)))
    return grouped


def write_batch(docs: Sequence[Document], rows: Sequence[tuple[list, list, list]],
                codebook: Codebook, sides: list[str], paths: Sequence[str], back: str) -> int:
    """Write the pages of a batch of documents (a task for a worker process)."""
    for doc, (statements, claims, cues), path in zip(docs, rows, paths, strict=True):
        view = ArticleView(doc, statements, codebook, claims, cues, sides=sides)
        Path(path).write_text(view.to_html(back=back), encoding="utf-8")
    return len(docs)


def page_batches(corpus: Corpus, tables: dict[str, pd.DataFrame], codebook: Codebook,
                 paths: dict[str, Path], *, copy: bool = False, back: str = "../index.html"
                 ) -> list[tuple]:
    """The arguments of :func:`write_batch` for the documents of ``paths`` (doc_id -> file),
    :data:`BATCH` at a time. ``copy`` sends copies of the documents without what the
    analysers kept on them (sentences, quotes), for worker processes: far less to pickle."""
    sides = side_order(codebook, tables.get("attributions"))
    grouped = [rows_by_document(tables.get(name), VIEW_COLUMNS) for name in VIEW_TABLES]
    docs = [doc for doc in corpus if doc.doc_id in paths]
    batches = []
    for i in range(0, len(docs), BATCH):
        chunk = docs[i:i + BATCH]
        batches.append(([replace(doc) for doc in chunk] if copy else chunk,
                        [tuple(g.get(doc.doc_id, []) for g in grouped) for doc in chunk],
                        codebook, sides, [str(paths[doc.doc_id]) for doc in chunk], back))
    return batches


def write_pages(corpus: Corpus, tables: dict[str, pd.DataFrame], codebook: Codebook,
                paths: dict[str, Path], *, n_jobs: int = 1) -> int:
    """Write the view of every document of ``paths`` (doc_id -> file) and return how many;
    ``n_jobs`` worker processes write batches of pages (the same pages for any number)."""
    batches = page_batches(corpus, tables, codebook, paths, copy=n_jobs > 1)
    if n_jobs == 1 or len(batches) < 2:
        return sum(write_batch(*batch) for batch in batches)
    with worker_pool(n_jobs) as pool:
        return sum(pool.map(write_batch, *zip(*batches, strict=True)))
