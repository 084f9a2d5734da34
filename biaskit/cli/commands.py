"""The ``biaskit`` commands: thin wrappers that call the same functions as the notebooks.

Each takes the parsed arguments (:mod:`biaskit.cli.parser`) and returns its exit code.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import textwrap
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import IO

import pandas as pd

from biaskit.annotate import annotate
from biaskit.attribution.records import ROWS_PER_CHUNK, attribution_chunks, attributions_frame
from biaskit.codebook import Codebook, load_codebook
from biaskit.corpus.archives import describe_formats
from biaskit.corpus.archives.bundle import import_exports
from biaskit.corpus.document import Corpus, Problem
from biaskit.corpus.files import load_corpus
from biaskit.corpus.sentences import corpus_summary
from biaskit.errors import InputError
from biaskit.framing.claims import claim_occurrences, claim_profile
from biaskit.runs.batches import run_guarded, write_guarded
from biaskit.tone import side_tone, tone_settings
from biaskit.tone.validity import validity_note

EXIT_OK, EXIT_FAILED_DOCUMENTS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _quotes_of(documents, codebook: Codebook | None) -> dict[str, pd.DataFrame]:
    return {"quotes": attributions_frame(documents, codebook)}


def _empty_quotes() -> pd.DataFrame:
    return attributions_frame([])


def _claims_of(documents, codebook: Codebook) -> dict[str, pd.DataFrame]:
    documents = [annotate(doc) for doc in documents]  # once, for both analysers
    return {"claims": claim_occurrences(documents, codebook,
                                        attributions_frame(documents, codebook))}


def _guarded(corpus: Corpus, analyse, args: argparse.Namespace
             ) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Run an analysis over the corpus, reporting each document that fails on stderr."""
    tables, failures = run_guarded(list(corpus), analyse, n_jobs=args.jobs,
                                   progress=False if args.quiet else None)
    _report(failures)
    return tables, failures


def _report(failures: Sequence[Problem]) -> None:
    for failure in failures:
        print(f"biaskit: {_problem_line(failure)}", file=sys.stderr)


def _load(args: argparse.Namespace) -> tuple[Corpus, Codebook | None]:
    corpus = load_corpus(args.path)
    codebook_path = args.codebook
    if codebook_path is None and Path(args.path).is_dir():
        default = Path(args.path) / "codebook.yaml"
        codebook_path = default if default.is_file() else None
    codebook = load_codebook(codebook_path) if codebook_path else None
    if codebook is None:
        print("biaskit: no codebook given, so actors and sides stay empty "
              "(use --codebook FILE)", file=sys.stderr)
    for problem in corpus.problems:
        print(f"biaskit: {_problem_line(problem)}", file=sys.stderr)
    return corpus, codebook


def _write_rows(frame: pd.DataFrame, format: str, file: IO[str] | None = None, *,
               header: bool = True) -> None:
    """Every column of every row, as CSV (with a header line unless told not to) or as one
    JSON object per line, on ``file`` (standard output by default)."""
    file = sys.stdout if file is None else file
    if format == "csv":
        frame.to_csv(file, index=False, header=header)
        return
    for first in range(0, len(frame), ROWS_PER_CHUNK):  # not every row as a dict at once
        for row in frame.iloc[first:first + ROWS_PER_CHUNK].to_dict("records"):
            file.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_chunk(format: str, frame: pd.DataFrame, file: IO[str]) -> None:
    """A chunk of rows; as CSV without the header line, which is written once, first."""
    _write_rows(frame, format, file, header=False)


def _exit_code(corpus: Corpus, failed_analyses: Sequence[Problem] = ()) -> int:
    failed = failed_analyses or any(p.severity == "error" for p in corpus.problems)
    return EXIT_FAILED_DOCUMENTS if failed else EXIT_OK


def _quotes(args: argparse.Namespace) -> int:
    corpus, codebook = _load(args)
    if args.format != "table":
        # Rows are written as they are found: a long article's table is larger than the
        # article, and is never held whole.
        if args.format == "csv":
            _write_rows(_empty_quotes(), "csv")  # the header line, for any number of rows
        failed = write_guarded(list(corpus), partial(attribution_chunks, codebook=codebook),
                               partial(_write_chunk, args.format), sys.stdout,
                               n_jobs=args.jobs, progress=False if args.quiet else None)
        _report(failed)
    else:
        tables, failed = _guarded(corpus, partial(_quotes_of, codebook=codebook), args)
        frame = tables["quotes"]
        shown = frame[["doc_id", "position", "speaker", "side", "mode", "cue", "content"]].copy()
        shown["content"] = shown["content"].str.slice(0, 60)
        print(shown.to_string(index=False) if len(shown) else "no attributed statements")
        print(f"\n{len(frame)} statements in {len(corpus) - len(failed)} documents; --format csv "
              "or jsonl gives every column, with offsets and evidence")
    return _exit_code(corpus, failed)


def _compare(args: argparse.Namespace) -> int:
    from biaskit.compare import compare  # the report pulls in matplotlib: load it only here
    from biaskit.report.index import check_folder, key_table, write_report
    from biaskit.report.index_page import OUTLETS_AS_COLUMNS

    check_folder(Path(args.out))  # before the analysis: a refused folder wastes no time
    corpus, codebook = _load(args)
    # The corpus, and below the comparison, live until the command ends: frozen, they are left
    # out of every full garbage collection, each of which traversed all of them (0.6 s of
    # 2,000 articles' report went to eight such collections). A pool of worker processes
    # unfreezes everything when it closes, hence freezing again after each step.
    gc.freeze()
    if codebook is None:
        raise InputError("comparing needs a codebook",
                         hint="Give --codebook FILE, or put codebook.yaml in the corpus folder")
    if not len(corpus):
        raise InputError("no document could be loaded", path=args.path)
    if corpus.unknown_source_note():
        print(f"biaskit: warning: {corpus.unknown_source_note()}", file=sys.stderr)
    writable_folder(args.out)
    tone_settings(args.tone_scorer, args.coverage_method)  # an unknown scorer: before analysing
    if args.bootstrap == 0:
        print("note: --bootstrap 0: no intervals are drawn", file=sys.stderr)
    result = compare(corpus, codebook, args.sides, bootstrap=args.bootstrap, seed=args.seed,
                     n_jobs=args.jobs, progress=False if args.quiet else None,
                     tone_scorer=args.tone_scorer, coverage_method=args.coverage_method)
    gc.freeze()
    # Many outlets: one row each, wrapped to 100 characters.
    key = key_table(result, outlets_as_rows=len(result.by_source) > OUTLETS_AS_COLUMNS)
    print(key.to_string(float_format=lambda x: f"{x:.2f}", na_rep="-", line_width=100))
    for warning in result.warnings:
        print(textwrap.fill(f"note: {warning}", width=100, subsequent_indent="  "))
    for failure in result.failures:
        print(f"biaskit: {_problem_line(failure)}", file=sys.stderr)
    index = write_report(result, corpus, codebook, args.out, n_jobs=args.jobs)
    gc.freeze()  # and the collection at exit skips them: 0.2 s at 2,000 articles, --jobs 2
    load_failed = sum(p.severity == "error" for p in corpus.problems)
    warned = sum(p.severity == "warning" for p in corpus.problems)
    print(f"\ndocuments: {len(result.by_document)} analysed, {warned} warnings, "
          f"{load_failed + len(result.failures)} failed (see tables/problems.csv)")
    print(f"wrote {index} (figures, tables/*.csv and one view per article beside it)")
    return _exit_code(corpus, result.failures)


def _run(args: argparse.Namespace) -> int:
    codebook_path = args.codebook
    if codebook_path is None and (Path(args.path) / "codebook.yaml").is_file():
        codebook_path = Path(args.path) / "codebook.yaml"
    if codebook_path is None:
        raise InputError("a run needs a codebook", hint="Give --codebook FILE")
    codebook = load_codebook(codebook_path)
    writable_folder(args.out)
    tone_settings(args.tone_scorer, args.coverage_method)  # an unknown scorer: before analysing
    tone = {"tone_scorer": args.tone_scorer, "coverage_method": args.coverage_method}
    progress = False if args.quiet else None
    if args.dask:
        from biaskit.runs.on_dask import analyse_on_dask

        client = None
        if args.dask != "local":
            from distributed import Client
            client = Client(args.dask)
        summary = analyse_on_dask(args.path, codebook, args.out, client=client,
                                  n_jobs=args.jobs, progress=progress,
                                  chunk_size=args.chunk_size, fresh=args.fresh, **tone)
    else:
        from biaskit.runs.stream import analyse_to_parquet

        summary = analyse_to_parquet(args.path, codebook, args.out, chunk_size=args.chunk_size,
                                     n_jobs=args.jobs, progress=progress, fresh=args.fresh,
                                     **tone)
    for path in summary.redone:
        print(f"biaskit: note: {path} of an earlier run was damaged; its chunk was analysed "
              "again", file=sys.stderr)
    shown = 5  # a file with thousands of broken lines would bury the summary
    for problem in summary.errors[:shown]:
        print(f"biaskit: {_problem_line(problem)}", file=sys.stderr)
    if len(summary.errors) > shown:
        print(f"biaskit: and {len(summary.errors) - shown} more errors (see the problems "
              "table)", file=sys.stderr)
    print(f"documents: {summary.analysed} analysed, {summary.skipped} skipped (done by an "
          f"earlier run), {summary.warnings} warnings, {summary.failed} failed")
    print(f"wrote {summary.out} (read a table with biaskit.runs.stream.read_results; the "
          "'problems' table says what failed and why)")
    return EXIT_FAILED_DOCUMENTS if summary.failed else EXIT_OK


def writable_folder(path: str | Path) -> None:
    """Make sure ``path`` is, or can become, a folder this process can write into, before
    any analysis starts.

    Raises:
        InputError: naming the path and what stands in the way.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InputError("the output folder is a file", path=str(path),
                         hint="Give the path of a folder (it is created if missing)")
    above = path
    while not above.exists() and above != above.parent:
        above = above.parent
    if above.exists() and not above.is_dir():
        raise InputError(f"the output folder would lie under {str(above)!r}, which is a file",
                         path=str(path), hint="Give the path of a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as error:
        raise InputError(f"cannot write into the output folder ({error.strerror or error})",
                         path=str(path), hint="Give a folder you can write to") from None


def _claims(args: argparse.Namespace) -> int:
    corpus, codebook = _load(args)
    if codebook is None or not codebook.claims:
        raise InputError("claims need a codebook with a 'claims' section",
                         hint="Give --codebook FILE (see docs/guide/codebooks.md)")
    tables, failed = _guarded(corpus, partial(_claims_of, codebook=codebook), args)
    frame = tables["claims"]
    if args.format != "table":
        _write_rows(frame, args.format)
    else:
        shown = frame[["doc_id", "position", "claim", "presenter", "mode", "stance",
                       "countered", "matched"]].copy()
        shown["matched"] = shown["matched"].str.slice(0, 50)
        print(shown.to_string(index=False) if len(shown) else "no claim found")
        print("\nper outlet and side, the share of claim occurrences presented each way:")
        print(_indent(claim_profile(frame).to_string(index=False,
                                                     float_format=lambda x: f"{x:.2f}")))
    return _exit_code(corpus, failed)


def _tone(args: argparse.Namespace) -> int:
    settings = tone_settings(args.tone_scorer, args.coverage_method)
    corpus, codebook = _load(args)
    if codebook is None:
        raise InputError("tone per side needs a codebook",
                         hint="Give --codebook FILE, or put codebook.yaml in the corpus folder")
    tables, failed = _guarded(corpus, partial(_quotes_of, codebook=codebook), args)
    failed_ids = {problem.doc_id for problem in failed}
    analysed = [doc for doc in corpus if doc.doc_id not in failed_ids]
    table = side_tone(analysed, tables["quotes"], codebook, method=args.coverage_method,
                      scorer=args.tone_scorer)
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}")
          if len(table) else "no statements or mentions of any side")
    print("\nvoice: the side's own attributed words; coverage: the outlet's words toward the "
          "side.\nVADER scores news about violence negative whatever its stance; see "
          "docs/guide/tone.md.\n" + textwrap.fill(validity_note(settings), width=100))
    return _exit_code(corpus, failed)


def _corpus_info(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.path)
    summary = corpus_summary(corpus)
    failed = [p for p in corpus.problems if p.severity == "error"]
    warned = [p for p in corpus.problems if p.severity == "warning"]
    print(f"corpus: {corpus.name} ({args.path})")
    print(f"format: {describe_formats(corpus, args.path)}")
    print(f"documents: {len(corpus)} loaded, {len(failed)} failed, {len(warned)} warnings")
    print(f"words: {summary['words'].sum():,}   sentences: {summary['sentences'].sum():,}   "
          f"paragraphs: {summary['paragraphs'].sum():,}")
    if len(corpus):
        provenance = summary["provenance"].value_counts().sort_index()
        print("provenance: " + ", ".join(f"{k} {v}" for k, v in provenance.items()))
        sources = summary.groupby("source", sort=True).agg(
            documents=("doc_id", "size"), words=("words", "sum"))
        sources.index = [name or "(no source)" for name in sources.index]
        print(f"\nsources ({len(sources)}):")
        print(_indent(sources.to_string()))
    if args.documents and len(corpus):
        print("\ndocuments:")
        print(_indent(summary.drop(columns=["date"]).to_string(index=False)))
    _print_cleaning(corpus)
    if corpus.problems:
        print(f"\nproblems ({len(corpus.problems)}):")
        for problem in corpus.problems:
            print(f"  {_problem_line(problem)}")
    return _exit_code(corpus)


def _corpus_import(args: argparse.Namespace) -> int:
    summary = import_exports(args.exports, args.out)
    print(f"wrote {summary.written} articles to {summary.out} (one .txt each, metadata.csv; "
          f"import_log.csv lists duplicates, problems and dropped lines)")
    if summary.duplicates:
        print(f"duplicates left out ({len(summary.duplicates)}):")
        for doc, first in summary.duplicates:
            print(f"  {doc.path}, article {doc.metadata.get('article', '?')}: the same "
                  f"article as {first.doc_id} ({first.path})")
    for problem in summary.problems:
        print(f"biaskit: {_problem_line(problem)}", file=sys.stderr)
    return EXIT_FAILED_DOCUMENTS if any(p.severity == "error" for p in summary.problems) \
        else EXIT_OK


def _problem_line(problem: Problem) -> str:
    where = ", ".join(x for x in (problem.path, problem.location) if x)
    return f"{problem.severity}: {where}: {problem.message}"


def _print_cleaning(corpus: Corpus) -> None:
    log = corpus.cleaning_log()
    if log.empty:
        print("\ncleaning log: no changes")
        return
    print(f"\ncleaning log ({len(log)} changes in {log['doc_id'].nunique()} documents; "
          "corpus.cleaning_log() in Python has every row):")
    kinds = log.assign(detail=log["detail"].str.replace(r":.*", "", regex=True)).groupby(
        ["step", "detail"], sort=True).agg(documents=("doc_id", "nunique"),
                                            changes=("count", "sum"))
    print(_indent(kinds.reset_index().to_string(index=False)))


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
