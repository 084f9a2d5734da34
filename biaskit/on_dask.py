"""The same analysis on a Dask cluster: each partition of a partitioned corpus (a folder of
Parquet or CSV files) is analysed by a worker, which writes its tables into the results
folder in the layout of :mod:`biaskit.stream`, so :func:`biaskit.stream.read_results` reads
both, a rerun skips documents already analysed, and the tables equal a serial run's.

On a real cluster, start workers with biaskit installed, connect a client and give a folder
every worker can write to (a shared file system):

>>> from distributed import Client                                          # doctest: +SKIP
>>> client = Client("tcp://scheduler:8786")                                  # doctest: +SKIP
>>> analyse_on_dask("/shared/articles/", book, "/shared/results/", client=client)  # doctest: +SKIP

Without a client, a local cluster of ``n_jobs`` worker processes is started for the run.
Needs the ``dask`` extra: ``pip install "biaskit[dask]"``.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Mapping
from functools import partial
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from biaskit.codebook import Codebook
from biaskit.compare import analyse_documents
from biaskit.corpus import Problem, corpus_from_frame
from biaskit.errors import InputError
from biaskit.runs import run_guarded
from biaskit.stream import (
    StreamSummary,
    _problem_key,
    finished_keys,
    start_run,
    write_chunk,
)


def analyse_on_dask(source: str | Path, codebook: Codebook, out: str | Path, *,
                    client=None, n_jobs: int = 2, progress: bool | None = None,
                    columns: Mapping[str, str] | None = None,
                    fresh: bool = False) -> StreamSummary:
    """Analyse a partitioned corpus on Dask into Parquet tables under ``out``.

    Args:
        source: a Parquet file, a folder of Parquet files, or CSV files (a glob such as
            ``"articles/*.csv"``); one article per row, columns as for
            :func:`biaskit.corpus_from_frame`.
        client: a ``distributed.Client``; None starts a local cluster of ``n_jobs`` processes.
        fresh: delete earlier results in ``out`` first; otherwise they are kept and skipped.

    Ids must be unique across partitions: a repeated id is reported in the problems table.

    Raises:
        InputError: when the source cannot be read, or ``out`` holds results of another
            codebook or biaskit version.
    """
    try:
        import dask
        import dask.dataframe as dd
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise InputError("the Dask engine needs dask and distributed",
                         hint='Install them with: pip install "biaskit[dask]"') from None
    out = Path(out)
    frame = _read(dd, str(source))
    run = start_run(out, codebook, source=str(source), fresh=fresh)
    done = finished_keys(out)
    id_column = (columns or {}).get("doc_id", "doc_id")
    if id_column in frame.columns:
        first_rows = [0] * frame.npartitions  # ids are given; row numbers are per partition
    else:  # default ids number the rows of the whole corpus, as a serial run does
        lengths = frame.map_partitions(len).compute()
        first_rows = [int(x) for x in pd.Series(lengths).cumsum().shift(fill_value=0)]
    own_cluster = client is None
    if own_cluster:
        client = Client(LocalCluster(n_workers=n_jobs, threads_per_worker=1, processes=True,
                                     dashboard_address=":0"))
    try:
        # one copy of the finished keys per worker, not one per task
        [shared_done] = client.scatter([done], broadcast=True)
        task = dask.delayed(partial(_analyse_partition, codebook=codebook, out=out, run=run,
                                    columns=columns, path=str(source)), pure=True)
        futures = client.compute([task(part, number, first_rows[number], shared_done)
                                  for number, part in enumerate(frame.to_delayed())])
        summary = StreamSummary(out)
        show = progress if progress is not None else len(futures) > 1
        with tqdm(total=len(futures), unit="partition", desc="analysing", disable=not show,
                  file=sys.stderr) as bar:
            for future in as_completed(futures):
                part = future.result()
                for name in ("analysed", "skipped", "failed", "warnings"):
                    setattr(summary, name, getattr(summary, name) + getattr(part, name))
                bar.update(1)
    finally:
        if own_cluster:
            cluster = client.cluster
            client.close()
            cluster.close()
    summary.warnings += _report_repeated_ids(out, run, len(first_rows))
    return summary


def _read(dd, source: str):
    try:
        if source.endswith(".csv") or source.endswith("*.csv"):
            return dd.read_csv(source, dtype=str, keep_default_na=False, blocksize=None)
        return dd.read_parquet(source)
    except (ValueError, OSError) as error:
        raise InputError(f"cannot read the corpus ({error})", path=source,
                         hint="Give a Parquet file, a folder of Parquet files, or CSV files "
                              "such as 'articles/*.csv'") from None


def _analyse_partition(frame: pd.DataFrame, number: int, first_row: int, done: set[str], *,
                       codebook: Codebook, out: Path, run: int,
                       columns: Mapping[str, str] | None, path: str) -> StreamSummary:
    """One partition, on a worker: analysed and written as one chunk."""
    corpus = corpus_from_frame(frame, columns=columns, name=f"partition {number}", path=path,
                               first_row=first_row)
    todo = [doc for doc in corpus if doc.doc_id not in done]
    problems = [p for p in corpus.problems if _problem_key(p) not in done]
    summary = StreamSummary(out, skipped=len(corpus) - len(todo))
    if todo or problems:
        tables, failures = run_guarded(todo, partial(analyse_documents, codebook=codebook),
                                       progress=False)
        write_chunk(out, run, number, tables, todo, [*problems, *failures])
        summary.analysed = len(todo) - len(failures)
        summary.add([*problems, *failures])
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
