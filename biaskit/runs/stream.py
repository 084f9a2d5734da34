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

import dataclasses
import hashlib
import json
import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import nullcontext
from functools import partial
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from tqdm.auto import tqdm

from biaskit.codebook import Codebook
from biaskit.compare import analyse_documents
from biaskit.corpus import archives
from biaskit.corpus.document import Corpus, Document, Problem
from biaskit.corpus.files import load_corpus
from biaskit.corpus.tables import corpus_from_frame
from biaskit.errors import InputError
from biaskit.runs.batches import PROGRESS_FROM, analyse_later, run_guarded, worker_pool

CHUNK = 1000
TABLES = (*analyse_documents([], Codebook({}, {})).keys(), "documents", "problems")
DOCUMENT_COLUMNS = ["doc_id", "source", "date", "title", "words", "blocks"]
PROBLEM_COLUMNS = ["doc_id", "path", "location", "severity", "message"]
_CHUNK_FILE = re.compile(r"r(\d{3,})-c(\d{6,})(?:-\d{6,})?\.parquet")


@dataclasses.dataclass
class StreamSummary:
    """What a run did: documents analysed, skipped (done by an earlier run), failed (not
    loadable or not analysable) and loaded with a warning; the problems table says why.
    ``unread`` holds the errors of this run that no document carries: files, or lines of
    them, that could not be read."""

    out: Path
    analysed: int = 0
    skipped: int = 0
    failed: int = 0
    warnings: int = 0
    unread: list[Problem] = dataclasses.field(default_factory=list)

    def add(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if problem.severity == "error":
                self.failed += 1
                if not problem.doc_id:
                    self.unread.append(problem)
            else:
                self.warnings += 1


def codebook_fingerprint(codebook: Codebook) -> str:
    """A hash of everything in the codebook that changes results (not where it was read)."""
    text = repr(dataclasses.replace(codebook, path=""))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


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
    first_row = 0
    frames = _frames(path, chunk_size)
    while True:
        try:
            frame, problems = next(frames)
        except StopIteration:
            return
        except InputError as error:
            raise UnreadableTable(error.problem, path=str(path), hint=error.hint,
                                  location=f"row {first_row + 1}" if first_row else ""
                                  ) from None
        if frame.empty:  # only unreadable lines in this chunk
            yield Corpus([], problems, name=path.stem)
            continue
        corpus = corpus_from_frame(frame, columns=columns, name=path.stem, path=str(path),
                                   first_row=first_row, seen_ids=seen_ids)
        first_row += len(frame)
        yield Corpus(corpus.documents, [*problems, *corpus.problems], name=corpus.name)


def file_chunks(path: Path, *, chunk_size: int = CHUNK,
                columns: Mapping[str, str] | None = None,
                seen_ids: Counter[str] | None = None) -> Iterator[Corpus]:
    """:func:`table_chunks`, but a file that cannot be read ends with a chunk holding only a
    problem row that names the file and the first row not read."""
    try:
        yield from table_chunks(path, chunk_size=chunk_size, columns=columns,
                                seen_ids=seen_ids)
    except UnreadableTable as error:
        rows = f"its rows from {error.location} on were" if error.location else "its rows were"
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
                       fresh: bool = False) -> StreamSummary:
    """Analyse a corpus chunk by chunk into Parquet tables under ``out`` (see the module).

    Documents already analysed in ``out`` by an earlier run are skipped; ``fresh`` deletes
    earlier results first. ``n_jobs`` worker processes analyse each chunk; the tables are the
    same as with one.

    Raises:
        InputError: when ``out`` holds results of another codebook or biaskit version.
    """
    out = Path(out)
    run = start_run(out, codebook, source=str(source), fresh=fresh)
    done = finished_keys(out)
    summary = StreamSummary(out)
    total = count_rows(source)
    show = (total is None or total > PROGRESS_FROM) if progress is None else progress
    analyse = partial(analyse_documents, codebook=codebook)
    # Of a CSV or JSON Lines table the length is unknown until read: a bar then appears only
    # once the run has lasted two seconds, so that small runs stay quiet.
    with tqdm(total=total, unit="doc", desc="analysing", disable=not show, file=sys.stderr,
              delay=2 if total is None and progress is None else 0) as bar, \
            (worker_pool(n_jobs) if n_jobs > 1 else nullcontext()) as pool:

        def finish(number: int, corpus: Corpus, todo: list[Document],
                   new_problems: list[Problem], analysed: Callable | None) -> None:
            if analysed is not None:
                tables, failures = analysed()
                write_chunk(out, run, number, tables, todo, [*new_problems, *failures])
                summary.analysed += len(todo) - len(failures)
                summary.add([*new_problems, *failures])
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


def read_results(out: str | Path, table: str) -> pd.DataFrame:
    """One table of a streaming (or Dask) run, every finished chunk in order, as one DataFrame.

    For results larger than memory, read the folder ``out/<table>`` with
    ``dask.dataframe.read_parquet`` or ``pyarrow.dataset`` instead.
    """
    if table not in TABLES:
        raise InputError(f"no table {table!r} in streaming results",
                         hint=f"Tables are: {', '.join(TABLES)}")
    out = Path(out)
    if not (out / "manifest.json").exists():
        raise InputError("not a biaskit results folder (no manifest.json)", path=str(out),
                         hint="Give the --out folder of `biaskit run`")
    finished = {path.name for path in (out / "done").glob("*.parquet")}
    parts = [pd.read_parquet(path) for path in sorted((out / table).glob("*.parquet"))
             if path.name in finished]
    if not parts:
        return _empty(table)
    return pd.concat(parts, ignore_index=True)


# --- shared with the Dask engine --------------------------------------------------------------

def start_run(out: Path, codebook: Codebook, *, source: str, fresh: bool) -> int:
    """Check (or write) the manifest, remove chunks an interrupted run left unfinished, and
    return this run's number."""
    manifest = {"biaskit_version": _version(), "codebook": codebook_fingerprint(codebook)}
    path = out / "manifest.json"
    ours = (*TABLES, "done")
    if fresh and path.exists():  # only a folder biaskit wrote: never delete a user's folders
        for name in ours:
            shutil.rmtree(out / name, ignore_errors=True)
        path.unlink()
    if not path.exists() and any((out / name).exists() for name in ours):
        raise InputError("this folder is not a biaskit results folder but has folders named "
                         "like its tables", path=str(out),
                         hint="Give an empty or new output folder")
    if path.exists():
        earlier = json.loads(path.read_text(encoding="utf-8"))
        if {k: earlier.get(k) for k in manifest} != manifest:
            raise InputError(
                f"this folder holds results of biaskit {earlier.get('biaskit_version')} with "
                f"codebook {earlier.get('codebook')}, not biaskit {manifest['biaskit_version']} "
                f"with codebook {manifest['codebook']}", path=str(out),
                hint="Give another output folder, or start again with --fresh (fresh=True), "
                     "which deletes the earlier results")
        sources = earlier.get("sources", [])
        sources += [] if source in sources else [source]
    else:
        sources = [source]
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**manifest, "sources": sources}, indent=2) + "\n",
                    encoding="utf-8")
    finished = {p.name for p in (out / "done").glob("*.parquet")}
    runs = [int(m.group(1)) for name in finished if (m := _CHUNK_FILE.fullmatch(name))]
    for name in TABLES:
        for part in (out / name).glob("*.parquet"):
            if part.name not in finished:
                part.unlink()  # an interrupted chunk: it is analysed again
    return max(runs, default=0) + 1


def pending(corpus: Corpus, done: set[str], summary: StreamSummary
            ) -> tuple[list[Document], list[Problem]]:
    """The chunk's documents and problems that no finished chunk holds (``done`` is
    :func:`finished_keys`). The documents left out are counted as skipped. A file or line an
    earlier run could not read, and this one cannot either, is counted again, though not
    written again: the run has still not analysed what it holds."""
    todo = [doc for doc in corpus if doc.doc_id not in done]
    summary.skipped += len(corpus) - len(todo)
    new, known = [], []
    for problem in corpus.problems:
        (new if _problem_key(problem) not in done else known).append(problem)
    summary.add(p for p in known if p.severity == "error" and not p.doc_id)
    return todo, new


def finished_keys(out: Path) -> set[str]:
    """Keys (doc_ids, and file + place of id-less problems) of every finished chunk."""
    keys: set[str] = set()
    for path in (out / "done").glob("*.parquet"):
        keys.update(pd.read_parquet(path)["key"])
    return keys


def write_chunk(out: Path, run: int, number: int, tables: Mapping[str, pd.DataFrame],
                documents: Iterable[Document], problems: Iterable[Problem], *,
                piece: int | None = None) -> None:
    """Write one chunk's tables, then its ``done`` file (so that a crash leaves no half chunk
    behind that would count as finished). ``piece`` numbers the chunks of one Dask partition."""
    documents, problems = list(documents), list(problems)
    name = f"r{run:03d}-c{number:06d}" + ("" if piece is None else f"-{piece:06d}") + ".parquet"
    everything = {
        **tables,
        "documents": pd.DataFrame(
            [[d.doc_id, d.source, d.date, d.title, d.n_words, len(d.blocks)] for d in documents],
            columns=DOCUMENT_COLUMNS),
        "problems": pd.DataFrame([vars(p) for p in problems], columns=PROBLEM_COLUMNS),
    }
    for table, frame in everything.items():
        if len(frame):  # an empty frame has no column types; readers use _empty instead
            (out / table).mkdir(exist_ok=True)
            frame.to_parquet(out / table / name, index=False)
    keys = [d.doc_id for d in documents] + [_problem_key(p) for p in problems]
    (out / "done").mkdir(exist_ok=True)
    pd.DataFrame({"key": keys}, dtype=str).to_parquet(out / "done" / name, index=False)


def _problem_key(problem: Problem) -> str:
    return problem.doc_id or f"{problem.path} {problem.location}"


def _empty(table: str) -> pd.DataFrame:
    if table == "documents":
        return pd.DataFrame(columns=DOCUMENT_COLUMNS)
    if table == "problems":
        return pd.DataFrame(columns=PROBLEM_COLUMNS)
    return analyse_documents([], Codebook({}, {}))[table]


def _version() -> str:
    from biaskit import __version__  # deferred: the package imports its modules first
    return __version__


def _table_files(source: Path) -> list[Path] | None:
    """The table files a source stands for, or None for a folder of text files."""
    suffixes = (".parquet", ".csv", ".jsonl", ".ndjson")
    if source.is_dir():
        tables = sorted(p for p in source.iterdir() if p.suffix.lower() in suffixes
                        and p.name != "metadata.csv")
        return tables if tables and not (source / "metadata.csv").exists() else None
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
                yield batch.to_pandas(), []
        elif suffix == ".csv":
            yield from ((frame, []) for frame in pd.read_csv(
                path, dtype=str, keep_default_na=False, chunksize=chunk_size))
        else:
            yield from _jsonl_frames(path, chunk_size)
    except (ValueError, OSError, pd.errors.ParserError) as error:
        raise InputError(f"cannot read the table ({error})", path=str(path),
                         hint="Check that the file is valid CSV, JSON Lines or Parquet"
                         ) from None


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
                    yield pd.DataFrame(rows), problems
                    rows, problems = [], []
    except UnicodeDecodeError:
        raise InputError("JSON Lines must be UTF-8 to be read in chunks", path=str(path),
                         hint="Convert the file to UTF-8, or load it whole with "
                              "biaskit.load_corpus") from None
    if rows or problems:
        yield pd.DataFrame(rows), problems
