"""The same analysis on a Dask cluster: each file of a partitioned corpus (a folder of Parquet,
CSV or JSON Lines files, or a glob) is one partition, which a worker reads and analyses a chunk
at a time and writes into the results folder in the layout of :mod:`biaskit.runs.stream`. So
:func:`biaskit.runs.stream.read_results` reads both, a rerun skips documents already analysed, and
the tables equal a serial run's (but for ids repeated across files, which a serial run
renames and this engine reports).

On a real cluster, start workers with biaskit installed, connect a client and give a folder
every worker can write to (a shared file system):

>>> from distributed import Client                                          # doctest: +SKIP
>>> client = Client("tcp://scheduler:8786")                                  # doctest: +SKIP
>>> analyse_on_dask("/shared/articles/", book, "/shared/results/", client=client)  # doctest: +SKIP

Without a client, a local cluster of ``n_jobs`` worker processes is started for the run.
Needs the ``dask`` extra: ``pip install "biaskit[dask]"``.
"""

from __future__ import annotations

import glob
import logging
import sys
from collections import Counter
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from tqdm.auto import tqdm

from biaskit.codebook import Codebook
from biaskit.compare import analyse_documents
from biaskit.corpus.document import Problem
from biaskit.errors import InputError
from biaskit.runs.batches import run_guarded
from biaskit.runs.folder import (
    Finished,
    StreamSummary,
    finished_keys,
    pending,
    record_chunk,
    start_run,
    write_chunk,
)
from biaskit.runs.stream import CHUNK, _table_files, file_chunks
from biaskit.tone import tone_settings

if TYPE_CHECKING:  # distributed is the optional dask extra: imported only when a run starts
    from distributed import Client


def analyse_on_dask(source: str | Path, codebook: Codebook, out: str | Path, *,
                    client: Client | None = None, n_jobs: int = 2, progress: bool | None = None,
                    columns: Mapping[str, str] | None = None, chunk_size: int = CHUNK,
                    fresh: bool = False, tone_scorer: str | None = None,
                    coverage_method: str = "target") -> StreamSummary:
    """Analyse a partitioned corpus on Dask into Parquet tables under ``out``.

    Args:
        source: a table, a folder of tables (Parquet, CSV or JSON Lines, as for
            :func:`biaskit.runs.stream.analyse_to_parquet`), or a glob such as
            ``"articles/*.csv"``; each file is one partition. Columns as for
            :func:`biaskit.corpus_from_frame`.
        client: a ``distributed.Client``; None starts a local cluster of ``n_jobs`` processes.
        chunk_size: articles a worker reads and analyses at a time within its file.
        fresh: delete earlier results in ``out`` first; otherwise they are kept and skipped.

    Ids must be unique across files: a repeated id is reported in the problems table. A file
    that cannot be read becomes a problem row, and the other files are analysed.

    Raises:
        InputError: when the source names no table, or ``out`` holds results of another
            codebook or biaskit version.
    """
    try:
        import dask
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise InputError("the Dask engine needs dask and distributed",
                         hint='Install them with: pip install "biaskit[dask]"') from None
    out = Path(out)
    files = _partition_files(source)
    tone = {"tone_scorer": tone_scorer, "coverage_method": coverage_method}
    run, damaged = start_run(out, codebook, source=str(source), fresh=fresh,
                             tone=tone_settings(tone_scorer, coverage_method))
    done = finished_keys(out)
    own_cluster = client is None
    if own_cluster:
        # Its workers' error logs would repeat, as tracebacks, an error that reaches the
        # caller anyway (a file without the text column asked for, say).
        client = Client(LocalCluster(n_workers=n_jobs, threads_per_worker=1, processes=True,
                                     dashboard_address=":0", silence_logs=logging.CRITICAL))
    try:
        # One copy of the finished keys per worker, not one per task, under a key of its own:
        # hashed, two runs on one client that start with the same keys (none, say) share it,
        # and the first run's release of it can cancel the second's tasks ("lost
        # dependencies", 1 run in 40 back to back).
        [shared_done] = client.scatter([done], broadcast=True, hash=False)
        task = dask.delayed(partial(_analyse_file, codebook=codebook, out=out, run=run,
                                    columns=columns, chunk_size=chunk_size, tone=tone),
                            pure=True)
        futures = client.compute([task(number, str(path), shared_done)
                                  for number, path in enumerate(files)])
        summary = StreamSummary(out, redone=damaged)
        show = progress if progress is not None else len(futures) > 1
        with tqdm(total=len(futures), unit="file", desc="analysing", disable=not show,
                  file=sys.stderr) as bar:
            for future in as_completed(futures):
                part = future.result()
                for name in ("analysed", "skipped", "failed", "warnings", "unread", "errors"):
                    setattr(summary, name, getattr(summary, name) + getattr(part, name))
                bar.update(1)
    finally:
        if own_cluster:
            cluster = client.cluster
            client.close()
            cluster.close()
    summary.warnings += _report_repeated_ids(out, run, len(files))
    return summary


def _partition_files(source: str | Path) -> list[Path]:
    """The table files of a source, in name order: one file, a folder's tables, or a glob."""
    source = str(source)
    if any(char in source for char in "*?["):
        files = sorted(Path(path) for path in glob.glob(source))
    else:
        files = _table_files(Path(source)) or []
    if not files:
        raise InputError("no Parquet, CSV or JSON Lines table found", path=source,
                         hint="Give a table, a folder of tables, or a glob such as "
                              "'articles/*.csv' (the Dask engine does not read text files)")
    return files


def _analyse_file(number: int, path: str, done: Finished, *, codebook: Codebook, out: Path,
                  run: int, columns: Mapping[str, str] | None, chunk_size: int,
                  tone: Mapping[str, str | None] | None = None) -> StreamSummary:
    """One file, on a worker: read and analysed a chunk at a time, each chunk written as one
    piece of the file's partition; a file that cannot be read leaves a problem row."""
    summary = StreamSummary(out)
    analyse = partial(analyse_documents, codebook=codebook, **(tone or {}))
    chunks = file_chunks(Path(path), chunk_size=chunk_size, columns=columns,
                         seen_ids=Counter())
    for piece, corpus in enumerate(chunks):
        todo, problems = pending(corpus, done, summary)
        if todo or problems:
            tables, failures = run_guarded(todo, analyse, progress=False)
            record_chunk(out, run, number, tables, todo, problems, failures, done, summary,
                         piece=piece)
    return summary


def _report_repeated_ids(out: Path, run: int, partitions: int) -> int:
    """Warn about ids found in more than one chunk (partitions cannot see each other's ids,
    so they are not renamed as a serial run would); returns the number of warnings."""
    counts: Counter[str] = Counter()
    this_run: set[str] = set()
    for path in (out / "documents").glob("*.parquet"):
        ids = pd.read_parquet(path, columns=["doc_id"])["doc_id"]
        counts.update(ids)
        if path.name.startswith(f"r{run:03d}-"):
            this_run.update(ids)
    repeated = sorted(doc_id for doc_id in this_run if counts[doc_id] > 1)
    if repeated:
        problems = [Problem(doc_id, str(out), "", "warning",
                            f"doc_id {doc_id!r} is used by {counts[doc_id]} documents in "
                            "different partitions; their rows share the id. Give every "
                            "article a unique id") for doc_id in repeated]
        write_chunk(out, run, partitions, {}, [], problems)
    return len(repeated)
