"""The results folder of a streamed or Dask run: its manifest, one Parquet file per chunk and
table, and the ``done`` files that say which chunks finished and what they hold.

Every file is written under a temporary name and then renamed, so a crash, a full disk or a
killed process never leaves a file that looks whole. A chunk counts as finished only when its
``done`` file (written last) and every table file it lists can be read; any other chunk is
removed when the next run starts, and its documents are analysed again.

Only analysed documents are done. A document that failed (it could not be loaded or
analysed) is tried again by every later run, so that one mended between runs is analysed,
and one that still fails is reported again; its problem row is written once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from biaskit.codebook import Codebook
from biaskit.compare import analyse_documents
from biaskit.corpus.document import Corpus, Document, Problem
from biaskit.errors import InputError
from biaskit.tone import tone_settings

TABLES = (*analyse_documents([], Codebook({}, {})).keys(), "documents", "problems")
DOCUMENT_COLUMNS = ["doc_id", "source", "date", "title", "words", "blocks"]
PROBLEM_COLUMNS = ["doc_id", "path", "location", "severity", "message"]
_CHUNK_FILE = re.compile(r"r(\d{3,})-c(\d{6,})(?:-\d{6,})?\.parquet")
_FRESH_HINT = "Start again with --fresh (fresh=True), which deletes the earlier results"


@dataclasses.dataclass
class StreamSummary:
    """What a run did: documents analysed, skipped (done by an earlier run), failed (not
    loadable or not analysable) and loaded with a warning; the problems table says why.
    ``unread`` holds the errors of this run that no document carries: files, or lines of
    them, that could not be read; ``errors`` every error of this run, of a document or not.
    ``redone`` names the damaged chunk files of earlier runs, whose documents this run
    analysed again."""

    out: Path
    analysed: int = 0
    skipped: int = 0
    failed: int = 0
    warnings: int = 0
    unread: list[Problem] = dataclasses.field(default_factory=list)
    errors: list[Problem] = dataclasses.field(default_factory=list)
    redone: list[str] = dataclasses.field(default_factory=list)

    def add(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if problem.severity == "error":
                self.failed += 1
                self.errors.append(problem)
                if not problem.doc_id:
                    self.unread.append(problem)
            else:
                self.warnings += 1


@dataclasses.dataclass(frozen=True)
class Finished:
    """What the finished chunks of a results folder hold: the ids of analysed documents and
    the keys of the problem rows written."""

    documents: frozenset[str] = frozenset()
    problems: frozenset[str] = frozenset()


def codebook_fingerprint(codebook: Codebook) -> str:
    """A hash of everything in the codebook that changes results (not where it was read)."""
    text = repr(dataclasses.replace(codebook, path=""))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def start_run(out: Path, codebook: Codebook, *, source: str, fresh: bool,
              tone: Mapping[str, str] | None = None) -> tuple[int, list[str]]:
    """Check (or write) the manifest, remove chunks an interrupted run left unfinished or a
    damaged disk left unreadable, and return this run's number and the damaged files.

    Raises:
        InputError: for a folder of another codebook or version, a damaged manifest, or a
            folder that cannot be written.
    """
    manifest = {"biaskit_version": _version(), "codebook": codebook_fingerprint(codebook),
                "tone": dict(tone or tone_settings())}  # results of another scorer differ
    path = out / "manifest.json"
    ours = (*TABLES, "done")
    try:
        if fresh and path.exists():  # only a folder biaskit wrote: never delete a user's
            for name in ours:
                shutil.rmtree(out / name, ignore_errors=True)
            path.unlink()
        if not path.exists() and any((out / name).exists() for name in ours):
            raise InputError("this folder is not a biaskit results folder but has folders "
                             "named like its tables", path=str(out),
                             hint="Give an empty or new output folder")
        sources = [source]
        if path.exists():
            earlier = _manifest(path)
            if {k: earlier.get(k) for k in manifest} != manifest:
                raise InputError(
                    f"this folder holds results of biaskit {earlier.get('biaskit_version')} "
                    f"with codebook {earlier.get('codebook')} and tone {earlier.get('tone')}, "
                    f"not biaskit {manifest['biaskit_version']} with codebook "
                    f"{manifest['codebook']} and tone {manifest['tone']}",
                    path=str(out), hint="Give another output folder, or start again with "
                                        "--fresh (fresh=True), which deletes the earlier results")
            sources = earlier.get("sources", [])
            sources += [] if source in sources else [source]
        out.mkdir(parents=True, exist_ok=True)
        _atomic(path, lambda tmp: tmp.write_text(
            json.dumps({**manifest, "sources": sources}, indent=2) + "\n", encoding="utf-8"))
        finished, damaged = _readable_chunks(out)
        runs = [int(m.group(1)) for name in finished if (m := _CHUNK_FILE.fullmatch(name))]
        for name in ours:
            for part in [*(out / name).glob("*.parquet"), *(out / name).glob("*.tmp")]:
                if part.name not in finished:
                    part.unlink()  # an interrupted or damaged chunk: it is analysed again
    except OSError as error:
        raise _unwritable(out, error) from None
    return max(runs, default=0) + 1, damaged


def _manifest(path: Path) -> dict:
    try:
        earlier = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"the manifest is damaged ({error})", path=str(path),
                         hint=_FRESH_HINT) from None
    if not isinstance(earlier, dict):
        raise InputError("the manifest is damaged (not a JSON object)", path=str(path),
                         hint=_FRESH_HINT)
    return earlier


def _readable_chunks(out: Path) -> tuple[set[str], list[str]]:
    """Names of the chunks whose done file and table files can all be read, and the files
    of the others that cannot."""
    finished, damaged = set(), []
    for done in sorted((out / "done").glob("*.parquet")):
        current = done
        try:
            keys = pq.read_table(done).to_pandas()
            for table in keys.loc[keys["kind"] == "table", "key"]:
                current = out / table / done.name
                pq.read_metadata(current)
        except Exception:  # noqa: BLE001 - any damage: the chunk is analysed again
            damaged.append(str(current))
            done.unlink()
            continue
        finished.add(done.name)
    return finished, damaged


def finished_keys(out: Path) -> Finished:
    """What every finished chunk holds (see :class:`Finished`)."""
    documents: set[str] = set()
    problems: set[str] = set()
    for path in (out / "done").glob("*.parquet"):
        frame = pd.read_parquet(path)
        documents.update(frame.loc[frame["kind"] == "document", "key"])
        problems.update(frame.loc[frame["kind"] == "problem", "key"])
    return Finished(frozenset(documents), frozenset(problems))


def pending(corpus: Corpus, done: Finished, summary: StreamSummary
            ) -> tuple[list[Document], list[Problem]]:
    """The chunk's documents not analysed yet and its problems not written yet. Documents
    left out are counted as skipped. An error an earlier run wrote, met again, is counted
    again, though not written again: what it names is still not analysed."""
    todo = [doc for doc in corpus if doc.doc_id not in done.documents]
    summary.skipped += len(corpus) - len(todo)
    new = []
    for problem in corpus.problems:
        if problem.doc_id and problem.doc_id in done.documents:
            continue  # written with the document when it was analysed
        if problem_key(problem) not in done.problems:
            new.append(problem)
        elif problem.severity == "error":
            summary.add([problem])
    return todo, new


def record_chunk(out: Path, run: int, number: int, tables: Mapping[str, pd.DataFrame],
                 todo: list[Document], problems: list[Problem], failures: list[Problem],
                 done: Finished, summary: StreamSummary, *, piece: int | None = None) -> None:
    """Write an analysed chunk and count it: the documents that failed analysis are not
    done (a later run tries them again), and a failure written before is not written again."""
    failed = {failure.doc_id for failure in failures}
    analysed = [doc for doc in todo if doc.doc_id not in failed]
    fresh = [failure for failure in failures if problem_key(failure) not in done.problems]
    write_chunk(out, run, number, tables, analysed, [*problems, *fresh], piece=piece)
    summary.analysed += len(analysed)
    summary.add([*problems, *failures])


def write_chunk(out: Path, run: int, number: int, tables: Mapping[str, pd.DataFrame],
                documents: Iterable[Document], problems: Iterable[Problem], *,
                piece: int | None = None) -> None:
    """Write one chunk's tables, then its ``done`` file (so that a crash leaves no half chunk
    behind that would count as finished). ``piece`` numbers the chunks of one Dask partition.

    Raises:
        InputError: when a file cannot be written (a full disk, say): the chunk is then not
            finished, and the next run analyses it again.
    """
    documents, problems = list(documents), list(problems)
    name = f"r{run:03d}-c{number:06d}" + ("" if piece is None else f"-{piece:06d}") + ".parquet"
    everything = {
        **tables,
        "documents": pd.DataFrame(
            [[d.doc_id, d.source, d.date, d.title, d.n_words, len(d.blocks)] for d in documents],
            columns=DOCUMENT_COLUMNS),
        "problems": pd.DataFrame([vars(p) for p in problems], columns=PROBLEM_COLUMNS),
    }
    written = [table for table, frame in everything.items() if len(frame)]
    keys = pd.DataFrame(
        [*((d.doc_id, "document") for d in documents),
         *((problem_key(p), "problem") for p in problems),
         *((table, "table") for table in written)], columns=["key", "kind"], dtype=str)
    try:
        for table in written:  # an empty frame has no column types; readers use _empty
            (out / table).mkdir(exist_ok=True)
            _atomic(out / table / name,
                    lambda tmp, frame=everything[table]: frame.to_parquet(tmp, index=False))
        (out / "done").mkdir(exist_ok=True)
        _atomic(out / "done" / name, lambda tmp: keys.to_parquet(tmp, index=False))
    except OSError as error:
        raise _unwritable(out, error, "this chunk is analysed again by the next run") from None


def read_results(out: str | Path, table: str) -> pd.DataFrame:
    """One table of a streaming (or Dask) run, every finished chunk in order, as one DataFrame.

    In ``problems``, the errors of documents that a later run analysed are left out. For
    results larger than memory, read the folder ``out/<table>`` with
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
    parts = []
    for path in sorted((out / table).glob("*.parquet")):
        if path.name in finished:
            try:
                parts.append(pd.read_parquet(path))
            except Exception as error:  # noqa: BLE001 - any damage: say which file
                raise InputError(f"cannot read this results file ({error})", path=str(path),
                                 hint="Run `biaskit run` again into the same folder: it "
                                      "analyses a damaged chunk again") from None
    if not parts:
        return _empty(table)
    frame = pd.concat(parts, ignore_index=True)
    if table == "problems":
        analysed = finished_keys(out).documents
        frame = frame[~((frame["severity"] == "error") & frame["doc_id"].isin(analysed))]
        frame = frame.reset_index(drop=True)
    return frame


def problem_key(problem: Problem) -> str:
    return "\t".join((problem.doc_id, problem.path, problem.location, problem.message))


def _atomic(path: Path, write) -> None:
    """``write(tmp)``, then rename ``tmp`` to ``path``: readers never see a half file."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _unwritable(out: Path, error: OSError, then: str = "") -> InputError:
    where = error.filename or out
    return InputError(f"cannot write the results ({error.strerror or error})", path=str(where),
                      hint=f"Free some space or choose another --out folder{'; ' if then else ''}"
                           f"{then}")


def _empty(table: str) -> pd.DataFrame:
    if table == "documents":
        return pd.DataFrame(columns=DOCUMENT_COLUMNS)
    if table == "problems":
        return pd.DataFrame(columns=PROBLEM_COLUMNS)
    return analyse_documents([], Codebook({}, {}))[table]


def _version() -> str:
    from biaskit import __version__  # deferred: the package imports its modules first
    return __version__
