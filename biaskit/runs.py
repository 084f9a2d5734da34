"""Running analysers over a corpus: in batches, with any failing document isolated.

A batch of documents is analysed together (fast); when the batch raises, its documents are
analysed one by one, so that only the document at fault is left out. It comes back as a
:class:`~biaskit.corpus.Problem` naming it and the reason, and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from biaskit.corpus import Document, Problem

Analysis = Callable[[Sequence[Document]], dict[str, pd.DataFrame]]
BATCH = 200


def run_guarded(documents: Sequence[Document], analyse: Analysis
                ) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """The tables ``analyse`` gives for every document it can analyse, concatenated, and a
    problem for each document it cannot.

    >>> from biaskit import Document, attributions_frame
    >>> docs = [Document.from_parts("a", "Title", ["Dorn said no."])]
    >>> tables, failures = run_guarded(docs, lambda d: {"quotes": attributions_frame(d)})
    >>> len(tables["quotes"]), failures
    (1, [])
    """
    parts: list[dict[str, pd.DataFrame]] = []
    failures: list[Problem] = []
    for i in range(0, len(documents), BATCH):
        batch = documents[i:i + BATCH]
        try:
            parts.append(analyse(batch))
            continue
        except Exception:  # noqa: BLE001 - find the document at fault, then keep going
            pass
        for doc in batch:
            try:
                parts.append(analyse([doc]))
            except Exception as error:  # noqa: BLE001 - one bad document never aborts a run
                failures.append(Problem(
                    doc.doc_id, doc.path, "", "error",
                    f"analysis failed ({type(error).__name__}: {error}); the document is "
                    "left out of every table. Please report this with the document"))
    empty = analyse([])
    tables = {name: pd.concat([part[name] for part in parts], ignore_index=True)
              if parts else frame for name, frame in empty.items()}
    return tables, failures
