"""Streaming analysis: a corpus larger than memory, read and analysed a chunk at a time, each
chunk's tables appended to Parquet files, so memory stays flat however long the corpus is.
A rerun into the same folder resumes: documents already analysed there are skipped.

The output folder holds one subfolder per table (the per-document tables of
:func:`biaskit.compare.analyse_documents`, plus ``documents`` and ``problems``) with one
Parquet file per chunk, a ``done`` subfolder with the keys each chunk finished (written last,
so an interrupted chunk is redone), and ``manifest.json``, which records the biaskit version
and the codebook's fingerprint: results of another codebook or version are never mixed in.

>>> summary = analyse_to_parquet("articles.parquet", book, "results/")   # doctest: +SKIP
>>> claims = read_results("results/", "claims")                          # doctest: +SKIP
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import nullcontext
from functools import partial
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from tqdm.auto import tqdm

from biaskit.codebook import Codebook
from biaskit.compare import analyse_documents
from biaskit.corpus import archives
from biaskit.corpus.cleaning import decode_bytes
from biaskit.corpus.csv_records import record_lines
from biaskit.corpus.document import Corpus, Document, Problem
from biaskit.corpus.files import folder_entries, load_corpus
from biaskit.corpus.tables import corpus_from_frame, json_frame, parquet_frame
from biaskit.errors import InputError
from biaskit.runs.batches import PROGRESS_FROM, analyse_later, run_guarded, worker_pool
from biaskit.runs.folder import (  # noqa: F401 - read_results and TABLES: public here too
    TABLES,
    StreamSummary,
    codebook_fingerprint,
    finished_keys,
    pending,
    read_results,
    record_chunk,
    start_run,
)
from biaskit.tone import Scorer, tone_settings

CHUNK = 1000


def read_chunks(source: str | Path, *, chunk_size: int = CHUNK,
                columns: Mapping[str, str] | None = None) -> Iterator[Corpus]:
    """A corpus, ``chunk_size`` articles at a time: a Parquet, CSV or JSON Lines table, or a
    folder of them (read in name order). Row numbers count from each file's first row; ids
    are renamed when they repeat anywhere in the corpus. A folder of text files (with
    ``metadata.csv``) is read whole, then yielded in chunks.

    In a folder of tables, a file that cannot be read, whole or from some row on, becomes an
    error problem naming the file (and the first row not read), and the next file is read:
    one damaged file does not end a long run. A single table that cannot be read raises
    :class:`~biaskit.errors.InputError`, as does a table without the columns asked for.
    """
    source = Path(source)
    if archives.is_archive_source(source):  # read lazily: an export may be very long
        yield from archives.archive_chunks(source, chunk_size, load_corpus)
        return
    tables = _table_files(source)
    if tables is None:
        corpus = load_corpus(source, columns=columns)
        for start in range(0, max(len(corpus), 1), chunk_size):
            problems = corpus.problems if start == 0 else ()
            yield Corpus(corpus.documents[start:start + chunk_size], problems, name=corpus.name)
        return
    seen: Counter[str] = Counter()
    chunks = table_chunks if len(tables) == 1 else file_chunks
    for path in tables:
        yield from chunks(path, chunk_size=chunk_size, columns=columns, seen_ids=seen)


class UnreadableTable(InputError):
    """A table file that cannot be read, whole or from the row its location names."""


def table_chunks(path: Path, *, chunk_size: int = CHUNK,
                 columns: Mapping[str, str] | None = None,
                 seen_ids: Counter[str] | None = None) -> Iterator[Corpus]:
    """One Parquet, CSV or JSON Lines table, ``chunk_size`` rows at a time (row numbers and
    default ids count from the file's first row). When the file cannot be read, the chunks
    before the break are yielded, then :class:`UnreadableTable` is raised with the first row
    not read as its location."""
    first_row, lines, warnings, unclosed = 0, None, [], None
    if path.suffix.lower() == ".csv":  # where each record starts, for problems to name lines
        try:
            lines, warnings, unclosed = record_lines(path, id_column=(columns or {}).get(
                "doc_id", "doc_id"))
        except UnicodeDecodeError:
            pass  # reading the chunks says so, with what to do
    frames = _frames(path, chunk_size)
    while True:
        try:
            frame, problems = next(frames)
        except StopIteration:
            frame, problems = None, []
        except InputError as error:
            if not unclosed:
                raise UnreadableTable(error.problem, path=str(path), hint=error.hint,
                                      location=f"row {first_row + 1}" if first_row else ""
                                      ) from None
            frame = None
        if unclosed and (frame is None or first_row + len(frame) > len(lines)):
            # pandas stops at the break, or reads on as if the value went on: rows from the
            # record where the quotation mark opened are not analysed either way
            frame = None if frame is None else frame.iloc[:len(lines) - first_row]
            if frame is None or frame.empty:
                raise UnreadableTable(unclosed.problem, path=str(path), hint=unclosed.hint,
                                      location=f"row {len(lines) + 1}, {unclosed.location}")
        if frame is None:
            return
        if frame.empty:  # only unreadable lines in this chunk
            yield Corpus([], problems, name=path.stem)
            continue
        corpus = corpus_from_frame(frame, columns=columns, name=path.stem, path=str(path),
                                   first_row=first_row, seen_ids=seen_ids, lines=lines)
        first_row += len(frame)
        yield Corpus(corpus.documents, [*warnings, *problems, *corpus.problems],
                     name=corpus.name)
        warnings = []


def file_chunks(path: Path, *, chunk_size: int = CHUNK,
                columns: Mapping[str, str] | None = None,
                seen_ids: Counter[str] | None = None) -> Iterator[Corpus]:
    """:func:`table_chunks`, but a file that cannot be read ends with a chunk holding only a
    problem row that names the file and the first row not read."""
    try:
        yield from table_chunks(path, chunk_size=chunk_size, columns=columns,
                                seen_ids=seen_ids)
    except UnreadableTable as error:
        first = error.location.split(", ")[0]  # "row 5" of "row 5, line 6, column 10"
        rows = f"its rows from {first} on were" if first else "its rows were"
        yield Corpus([], [Problem(
            "", error.path, error.location, "error",
            f"{error.problem}; {rows} not analysed. {error.hint or 'Fix the file'}, then run "
            "again: the documents already analysed are skipped")], name=path.stem)


def count_rows(source: str | Path) -> int | None:
    """Articles in a Parquet table or folder of them, from file metadata; None otherwise."""
    tables = _table_files(Path(source))
    if not tables or any(path.suffix.lower() != ".parquet" for path in tables):
        return None
    try:
        return sum(pq.ParquetFile(path).metadata.num_rows for path in tables)
    except (OSError, ValueError):  # a damaged file: the run reports it when it gets there
        return None


def analyse_to_parquet(source: str | Path, codebook: Codebook, out: str | Path, *,
                       chunk_size: int = CHUNK, n_jobs: int = 1, progress: bool | None = None,
                       columns: Mapping[str, str] | None = None,
                       fresh: bool = False, tone_scorer: Scorer | str | None = None,
                       coverage_method: str = "target") -> StreamSummary:
    """Analyse a corpus chunk by chunk into Parquet tables under ``out`` (see the module).

    Documents already analysed in ``out`` by an earlier run are skipped; ``fresh`` deletes
    earlier results first. ``n_jobs`` worker processes analyse each chunk; the tables are the
    same as with one. ``tone_scorer`` and ``coverage_method`` are
    :func:`~biaskit.compare.analyse_documents`'s.

    Raises:
        InputError: when ``out`` holds results of another codebook, tone scorer or biaskit
            version, or the tone scorer cannot be imported.
    """
    out = Path(out)
    tone = tone_settings(tone_scorer, coverage_method)
    run, damaged = start_run(out, codebook, source=str(source), fresh=fresh, tone=tone)
    done = finished_keys(out)
    summary = StreamSummary(out, redone=damaged)
    total = count_rows(source)
    show = (total is None or total > PROGRESS_FROM) if progress is None else progress
    analyse = partial(analyse_documents, codebook=codebook, tone_scorer=tone_scorer,
                      coverage_method=coverage_method)
    # Of a CSV or JSON Lines table the length is unknown until read: a bar then appears only
    # once the run has lasted two seconds, so that small runs stay quiet.
    with tqdm(total=total, unit="doc", desc="analysing", disable=not show, file=sys.stderr,
              delay=2 if total is None and progress is None else 0) as bar, \
            (worker_pool(n_jobs) if n_jobs > 1 else nullcontext()) as pool:

        def finish(number: int, corpus: Corpus, todo: list[Document],
                   new_problems: list[Problem], analysed: Callable | None) -> None:
            if analysed is not None:
                tables, failures = analysed()
                record_chunk(out, run, number, tables, todo, new_problems, failures, done,
                             summary)
            bar.update(len(corpus) + sum(1 for p in corpus.problems if p.severity == "error"))

        waiting = None  # with workers: the chunk they analyse while the next one is read
        for number, corpus in enumerate(read_chunks(source, chunk_size=chunk_size,
                                                    columns=columns)):
            todo, new_problems = pending(corpus, done, summary)
            if not (todo or new_problems):
                analysed = None
            elif pool is None:
                analysed = partial(run_guarded, todo, analyse, progress=False)
            else:
                analysed = analyse_later(pool, n_jobs, todo, analyse)
            chunk = (number, corpus, todo, new_problems, analysed)
            if pool is None:
                finish(*chunk)
                continue
            if waiting is not None:
                finish(*waiting)  # its results are written while the workers go on
            waiting = chunk
        if waiting is not None:
            finish(*waiting)
    return summary


def _table_files(source: Path) -> list[Path] | None:
    """The table files a source stands for, or None for a folder of text files."""
    suffixes = (".parquet", ".csv", ".jsonl", ".ndjson")
    if source.is_dir():
        return folder_entries(source)[1] or None
    if source.suffix.lower() in suffixes:
        return [source]
    return None


def _frames(path: Path, chunk_size: int) -> Iterator[tuple[pd.DataFrame, list[Problem]]]:
    """A table file as DataFrames of at most ``chunk_size`` rows, with the problems of
    unreadable JSON lines."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_size):
                yield parquet_frame(batch), []
        elif suffix == ".csv":
            _utf8_or_refuse(path)
            yield from ((frame, []) for frame in pd.read_csv(
                path, dtype=str, keep_default_na=False, chunksize=chunk_size))
        else:
            yield from _jsonl_frames(path, chunk_size)
    except UnicodeDecodeError as error:
        raise InputError(f"the table is not UTF-8 (byte {error.start} of a block is not valid "
                         "UTF-8)", path=str(path),
                         hint="Re-save it as UTF-8, for example: iconv -f latin1 -t utf-8 "
                              "in.csv > out.csv") from None
    except (ValueError, OSError, pd.errors.ParserError) as error:
        raise InputError(f"cannot read the table ({error})", path=str(path),
                         hint="Check that the file is valid CSV, JSON Lines or Parquet"
                         ) from None


def _utf8_or_refuse(path: Path) -> None:
    """Chunks are read as UTF-8: a table in another encoding is refused up front, naming the
    encoding its start looks like (UTF-16, cp1252, latin-1) in the command that re-encodes it."""
    with path.open("rb") as file:
        start = file.read(1 << 16)
    _, encoding = decode_bytes(start[:len(start) - len(start) % 4], path=str(path))
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        name = encoding.replace("_", "-").removesuffix("-le").removesuffix("-be")
        raise InputError(f"the table is {encoding}, and a streamed run reads UTF-8",
                         path=str(path), hint=f"Re-save it as UTF-8, for example: iconv -f "
                                              f"{name} -t utf-8 in.csv > out.csv")


def _jsonl_frames(path: Path, chunk_size: int
                  ) -> Iterator[tuple[pd.DataFrame, list[Problem]]]:
    rows: list[dict] = []
    problems: list[Problem] = []
    try:
        with path.open(encoding="utf-8-sig") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    reason = "" if isinstance(row, dict) else "not a JSON object"
                except json.JSONDecodeError as error:
                    reason = f"not valid JSON ({error.msg})"
                if reason:
                    problems.append(Problem("", str(path), f"line {number}", "error",
                                            f"{reason}; this line was skipped"))
                    continue
                rows.append(row)
                if len(rows) == chunk_size:
                    yield json_frame(rows), problems
                    rows, problems = [], []
    except UnicodeDecodeError:
        raise InputError("JSON Lines must be UTF-8 to be read in chunks", path=str(path),
                         hint="Convert the file to UTF-8, or load it whole with "
                              "biaskit.load_corpus") from None
    if rows or problems:
        yield json_frame(rows), problems
