"""Running analysers over a corpus: in batches, on several processes, with any failing document
isolated and a progress bar.

A batch of documents is analysed together (fast); when the batch raises, its documents are
analysed one by one, so that only the document at fault is left out. It comes back as a
:class:`~biaskit.corpus.document.Problem` naming it and the reason, and the run goes on.

With ``n_jobs`` above 1, batches go to that many worker processes; results are put back in
batch order, so the tables are identical to a serial run. The analysis function must then be
picklable: a module-level function or a :func:`functools.partial` of one, not a lambda.
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from typing import IO

import pandas as pd
from tqdm.auto import tqdm

from biaskit.corpus.document import Document, Problem
from biaskit.errors import InputError

Analysis = Callable[[Sequence[Document]], dict[str, pd.DataFrame]]
BATCH = 200
WORKER_MEMORY = 300 * 2**20  # bytes a worker may need at most, with a chunk of long articles
PROGRESS_FROM = 20  # documents; smaller runs finish before a bar would help


def analyse_batch(analyse: Analysis, batch: Sequence[Document]
                  ) -> tuple[list[dict[str, pd.DataFrame]], list[Problem]]:
    """One batch: analysed together, or document by document when that raises."""
    try:
        return [analyse(batch)], []
    except InputError:
        raise  # a lexicon the user extended, not a document, is at fault: every one would fail
    except Exception:  # noqa: BLE001 - find the document at fault, then keep going
        pass
    parts, failures = [], []
    for doc in batch:
        try:
            parts.append(analyse([doc]))
        except InputError:
            raise
        except Exception as error:  # noqa: BLE001 - one bad document never aborts a run
            failures.append(Problem(
                doc.doc_id, doc.path, "", "error",
                f"analysis failed ({type(error).__name__}: {error}); the document is "
                "left out of every table. Please report this with the document"))
    return parts, failures


def run_guarded(documents: Sequence[Document], analyse: Analysis, *, n_jobs: int = 1,
                progress: bool | None = None, batch_size: int = BATCH
                ) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """The tables ``analyse`` gives for every document it can analyse, concatenated in
    corpus order, and a problem for each document it cannot.

    Args:
        n_jobs: worker processes (1 runs in this process).
        progress: show a progress bar on stderr (the notebook flavour inside Jupyter);
            by default only for runs of more than 20 documents.
        batch_size: documents analysed together.

    >>> from biaskit import Document, attributions_frame
    >>> docs = [Document.from_parts("a", "Title", ["Dorn said no."])]
    >>> tables, failures = run_guarded(docs, lambda d: {"quotes": attributions_frame(d)})
    >>> len(tables["quotes"]), failures
    (1, [])
    """
    if n_jobs < 1:
        raise ValueError(f"n_jobs must be 1 or more, not {n_jobs}")
    batches = _batches(documents, n_jobs, batch_size)
    show = len(documents) > PROGRESS_FROM if progress is None else progress
    bar = tqdm(total=len(documents), unit="doc", desc="analysing", disable=not show,
               file=sys.stderr)
    results = []
    if n_jobs == 1 or len(batches) < 2:
        for batch in batches:
            results.append(analyse_batch(analyse, batch))
            bar.update(len(batch))
    else:
        with worker_pool(n_jobs) as pool:
            futures = [pool.submit(analyse_batch, analyse, batch) for batch in batches]
            # in submission order: the same tables as a serial run
            for batch, future in zip(batches, futures, strict=True):
                results.append(_result(pool, future, batch, analyse))
                bar.update(len(batch))
    bar.close()
    return _combined(results, analyse)


def write_guarded(documents: Sequence[Document],
                  chunks: Callable[[Sequence[Document]], Iterable[pd.DataFrame]],
                  write: Callable[[pd.DataFrame, IO[str]], None], out: IO[str], *,
                  n_jobs: int = 1, progress: bool | None = None, batch_size: int = BATCH
                  ) -> list[Problem]:
    """Write one table of the documents to ``out`` as :func:`run_guarded` would make it,
    without holding it: ``write(chunk, file)`` writes each frame ``chunks(batch)`` yields.

    Each batch is written to a file of its own in a temporary folder as its chunks come, and
    the files are copied to ``out`` in corpus order once every batch is done, so a document
    that fails leaves no rows (its batch is written again document by document) and a long
    article's table never stands whole in memory: ``biaskit quotes`` writes one larger than
    the article. Returns a problem for each document that could not be analysed.
    """
    with tempfile.TemporaryDirectory(prefix="biaskit-rows-") as folder:
        spool = partial(_spool, chunks, write, folder)
        tables, failures = run_guarded(documents, spool, n_jobs=n_jobs, progress=progress,
                                       batch_size=batch_size)
        for path in tables[_SPOOLED]["path"]:
            with open(path, encoding="utf-8", newline="") as part:
                shutil.copyfileobj(part, out)
            os.remove(path)  # the folder holds at most one batch's rows more than out
    return failures


_SPOOLED = "spooled"


def _spool(chunks: Callable[[Sequence[Document]], Iterable[pd.DataFrame]],
           write: Callable[[pd.DataFrame, IO[str]], None], folder: str,
           batch: Sequence[Document]) -> dict[str, pd.DataFrame]:
    """The batch's rows written to a new file in the folder; a table of its path."""
    if not batch:  # the empty call that gives each table's columns
        return {_SPOOLED: pd.DataFrame({"path": pd.Series([], dtype=str)})}
    handle, path = tempfile.mkstemp(suffix=".part", dir=folder)
    try:
        with open(handle, "w", encoding="utf-8", newline="") as file:
            for chunk in chunks(batch):
                write(chunk, file)
    except BaseException:
        os.remove(path)  # a batch that failed leaves no rows to copy
        raise
    return {_SPOOLED: pd.DataFrame({"path": [path]})}


def usable_jobs(n_jobs: int) -> int:
    """``n_jobs``, or fewer when the machine cannot run that many worker processes at once:
    no more than its cores, and no more than its free memory holds at about 300 MB each."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        free = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):  # not on Linux: cores only
        free = None
    by_memory = max(1, free // WORKER_MEMORY) if free else n_jobs
    return max(1, min(n_jobs, cores or 1, by_memory))


class Workers:
    """A pool of worker processes that replaces itself when one of them dies (killed, or
    out of memory), so that the documents it held become problem rows and the run goes on."""

    def __init__(self, n_jobs: int):
        self.n_jobs = n_jobs
        self.pool = _new_pool(n_jobs)

    def submit(self, fn, *args) -> Future:
        try:
            return _submit(self.pool, fn, *args)
        except BrokenProcessPool:
            self.renew()
            return _submit(self.pool, fn, *args)

    def renew(self) -> None:
        if getattr(self.pool, "_broken", False):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = _new_pool(self.n_jobs)

    def shutdown(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _new_pool(n_jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=n_jobs, initializer=_ignore_interrupt)


def _ignore_interrupt() -> None:
    # Ctrl-C reaches every process of the terminal's group; the parent stops the run and
    # says so, and a worker's traceback of the same interrupt would only bury that.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # started with it held back (_submit): let go now
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _submit(pool: ProcessPoolExecutor, fn, *args) -> Future:
    """``pool.submit``, with Ctrl-C held back meanwhile: submitting starts the worker processes,
    and one interrupted between its start and ignoring the signal printed a KeyboardInterrupt
    traceback (about one Ctrl-C in 25). Held back, the signal reaches a new worker only once
    it ignores it, and this process right after the submission."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not \
            threading.main_thread():
        return pool.submit(fn, *args)
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return pool.submit(fn, *args)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _result(workers: Workers, future: Future, batch: Sequence[Document], analyse: Analysis
            ) -> tuple[list[dict[str, pd.DataFrame]], list[Problem]]:
    """A batch's result; when its worker died, its documents are analysed again one at a
    time in a process of their own, and one that kills that too becomes a problem row."""
    try:
        return future.result()
    except BrokenProcessPool:
        workers.renew()
    parts, failures = [], []
    solo = _new_pool(1)
    try:
        for doc in batch:
            try:
                doc_parts, doc_failures = _submit(solo, analyse_batch, analyse, [doc]).result()
            except BrokenProcessPool:
                solo.shutdown(wait=False)
                solo = _new_pool(1)
                failures.append(Problem(
                    doc.doc_id, doc.path, "", "error",
                    "the worker process analysing it died (killed, or out of memory); the "
                    "document is left out of every table. Run again with fewer --jobs"))
                continue
            parts += doc_parts
            failures += doc_failures
    finally:
        solo.shutdown()
    return parts, failures


@contextmanager
def worker_pool(n_jobs: int) -> Iterator[Workers]:
    """``n_jobs`` worker processes (at most :func:`usable_jobs`) for :func:`analyse_later`,
    or for one run."""
    # Forked workers inherit this process's objects, and the first garbage collection in
    # each would touch all of them, copying every page of the parent's memory: a third of
    # a second per worker before its first batch. Frozen objects are not collected there.
    gc.freeze()
    pool = Workers(usable_jobs(n_jobs))
    try:
        yield pool
    finally:
        # After an error or an interrupt, batches sent but not started are dropped rather than
        # run (a streamed run has up to two chunks' worth waiting); otherwise none are left.
        pool.shutdown()
        gc.unfreeze()


def analyse_later(pool: Workers, n_jobs: int, documents: Sequence[Document],
                  analyse: Analysis, *, batch_size: int = BATCH
                  ) -> Callable[[], tuple[dict[str, pd.DataFrame], list[Problem]]]:
    """Send the documents' batches to the pool's ``n_jobs`` workers now; the function returned
    waits for them and gives what :func:`run_guarded` gives. A streamed run reads and writes
    one chunk while the workers analyse the next."""
    batches = _batches(documents, n_jobs, batch_size)
    futures = [pool.submit(analyse_batch, analyse, batch) for batch in batches]
    return lambda: _combined([_result(pool, future, batch, analyse)
                              for batch, future in zip(batches, futures, strict=True)], analyse)


def _batches(documents: Sequence[Document], n_jobs: int, batch_size: int
             ) -> list[Sequence[Document]]:
    if n_jobs > 1:  # at least four batches per process, so that no process waits idle long
        batch_size = max(1, min(batch_size, -(-len(documents) // (4 * n_jobs))))
    return [documents[i:i + batch_size] for i in range(0, len(documents), batch_size)]


def _combined(results: list[tuple[list[dict[str, pd.DataFrame]], list[Problem]]],
              analyse: Analysis) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """The batches' tables concatenated in batch order, and their problems."""
    parts = [part for batch_parts, _ in results for part in batch_parts]
    failures = [failure for _, batch_failures in results for failure in batch_failures]
    empty = analyse([])
    tables = {name: pd.concat([part[name] for part in parts], ignore_index=True)
              if parts else frame for name, frame in empty.items()}
    return tables, failures
