"""The ``biaskit`` command: thin wrappers that call the same functions as the notebooks.

Exit codes: 0 success; 1 finished, but some documents failed; 2 usage or configuration error;
3 an internal error (a bug in biaskit). User errors print one clear message and no traceback
(``--debug`` shows it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import pandas as pd

from biaskit import __version__
from biaskit.attribution.extractor import attributions_frame
from biaskit.codebook import Codebook, load_codebook
from biaskit.corpus.document import Corpus, Problem, corpus_summary, load_corpus
from biaskit.errors import BiaskitError, InputError
from biaskit.framing.claims import claim_occurrences, claim_profile
from biaskit.runs.batches import run_guarded
from biaskit.tone import side_tone
from biaskit.validation.evaluate import attribution_errors, load_gold, score_attributions

EXIT_OK, EXIT_FAILED_DOCUMENTS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="biaskit",
        description="Compare how news outlets present the two sides of a contested story.",
        epilog="Exit codes: 0 success, 1 some documents failed, 2 usage or configuration error, "
               "3 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"biaskit {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the full traceback when something goes wrong")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    corpus = commands.add_parser("corpus", help="inspect a corpus")
    corpus_commands = corpus.add_subparsers(dest="corpus_command", metavar="ACTION",
                                            required=True)
    info = corpus_commands.add_parser(
        "info", help="documents, sources, words, sentences and the cleaning log of a corpus",
        description="Load a corpus and print its documents, sources, words, sentences, the "
                    "cleaning log summary and any problems met loading it.")
    info.add_argument("path", metavar="PATH",
                      help="a .txt file, a folder of .txt files (with optional metadata.csv), "
                           "or a .csv, .jsonl or .parquet table")
    info.add_argument("--documents", action="store_true",
                      help="also list every document with its counts")
    info.set_defaults(run=_corpus_info)

    quotes = commands.add_parser(
        "quotes", help="every quoted or reported statement, with speaker, actor and side",
        description="List every attributed statement: speaker, actor, side, mode (direct, "
                    "indirect, mixed), reporting cue, position and the evidence for it.")
    _corpus_arguments(quotes)
    quotes.add_argument("--format", choices=["table", "csv", "jsonl"], default="table",
                        help="table for reading, csv or jsonl (one object per line, every "
                             "column) for other tools (default: table)")
    quotes.set_defaults(run=_quotes)

    compare = commands.add_parser(
        "compare", help="compare outlets on two sides and write the report folder",
        description="Run every analyser, print the per-outlet comparison of two sides and "
                    "write DIR/index.html with the figures, CSV files of every table and an "
                    "HTML view of each article.")
    _corpus_arguments(compare)
    compare.add_argument("--out", required=True, metavar="DIR",
                         help="folder to write the report into (created if missing)")
    compare.add_argument("--sides", nargs=2, metavar=("A", "B"),
                         help="the two sides to compare (default: the codebook's first two)")
    compare.add_argument("--bootstrap", type=int, default=1000, metavar="N",
                         help="bootstrap draws for the 95%% intervals (default: 1000)")
    compare.add_argument("--seed", type=int, default=0,
                         help="seed of the bootstrap, so that reruns give the same numbers")
    compare.set_defaults(run=_compare)

    run = commands.add_parser(
        "run", help="analyse a large corpus in chunks into Parquet tables (resumable)",
        description="Analyse a corpus a chunk at a time, appending every per-document table "
                    "to Parquet files under DIR, so memory stays flat however large the "
                    "corpus is. Rerunning into the same DIR skips the documents already "
                    "analysed there (interrupted runs resume). Read the results with "
                    "biaskit.runs.stream.read_results(DIR, TABLE).")
    run.add_argument("path", metavar="PATH",
                     help="a .parquet, .csv or .jsonl table, a folder of them, or a folder "
                          "of .txt files")
    run.add_argument("--codebook", metavar="FILE",
                     help="YAML codebook (default: PATH/codebook.yaml when PATH is a folder "
                          "that has one)")
    run.add_argument("--out", required=True, metavar="DIR", help="results folder")
    run.add_argument("--jobs", type=_positive, default=1, metavar="N",
                     help="worker processes (default: 1); results are the same for any N")
    run.add_argument("--chunk-size", type=_positive, default=1000, metavar="N",
                     help="articles read and analysed at a time (default: 1000)")
    run.add_argument("--fresh", action="store_true",
                     help="delete earlier results in DIR instead of resuming")
    run.add_argument("--dask", nargs="?", const="local", metavar="SCHEDULER",
                     help="run on Dask: a local cluster of --jobs processes, or the "
                          "scheduler at this address (tcp://host:8786); PATH must then be "
                          "a table, a folder of tables or a glob (articles/*.csv), each "
                          "file one partition")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.set_defaults(run=_run)

    claims = commands.add_parser(
        "claims", help="every sentence expressing a codebook claim, and how it is presented",
        description="For each claim in the codebook, every sentence that expresses it: who "
                    "presents it (an actor, the outlet's own voice as 'narrator', or an "
                    "'unattributed_report'), the mode, the reporting verb and its stance, "
                    "hedges and distancing, whether it is countered, and where it stands.")
    _corpus_arguments(claims)
    claims.add_argument("--format", choices=["table", "csv", "jsonl"], default="table",
                        help="table for reading, csv or jsonl (every column) for other tools")
    claims.set_defaults(run=_claims)

    tone = commands.add_parser(
        "tone", help="voice and coverage tone (VADER) per outlet and side",
        description="Per outlet and side: voice tone (the sentiment of the side's own "
                    "attributed words) and coverage tone (the sentiment of the outlet's own "
                    "words in sentences that mention the side), with counts and the shares "
                    "of positive, neutral and negative items.",
        epilog="VADER was built for social media; news about violence scores negative "
               "whatever its stance. Tone measures how charged the words are, not which side "
               "a text takes.")
    _corpus_arguments(tone)
    tone.set_defaults(run=_tone)

    evaluate = commands.add_parser(
        "evaluate", help="score the attribution extractor against gold annotations",
        description="Compare extracted statements with hand-made gold annotations (JSON "
                    "Lines, see tests/gold/GUIDELINES.md): precision, recall and F1 of "
                    "detection; accuracy of actor, side and mode; and every error.")
    _corpus_arguments(evaluate)
    evaluate.add_argument("--gold", required=True, metavar="FILE",
                          help="gold annotations, one JSON object per line")
    evaluate.set_defaults(run=_evaluate)
    return parser


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return int(text)


def _corpus_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH",
                        help="a .txt file, a folder of .txt files, or a .csv, .jsonl or "
                             ".parquet table")
    parser.add_argument("--codebook", metavar="FILE",
                        help="YAML codebook naming sides, actors and aliases (default: "
                             "PATH/codebook.yaml when PATH is a folder that has one)")
    parser.add_argument("--jobs", type=_positive, default=1, metavar="N",
                        help="worker processes (default: 1); results are the same for any N")
    parser.add_argument("--quiet", action="store_true",
                        help="no progress bar (it is shown on stderr for runs of more than "
                             "20 documents, and never mixes with the output)")


def _quotes_of(documents, codebook: Codebook | None) -> dict[str, pd.DataFrame]:
    return {"quotes": attributions_frame(documents, codebook)}


def _claims_of(documents, codebook: Codebook) -> dict[str, pd.DataFrame]:
    return {"claims": claim_occurrences(documents, codebook,
                                        attributions_frame(documents, codebook))}


def _guarded(corpus: Corpus, analyse, args: argparse.Namespace
             ) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Run an analysis over the corpus, reporting each document that fails on stderr."""
    tables, failures = run_guarded(list(corpus), analyse, n_jobs=args.jobs,
                                   progress=False if args.quiet else None)
    for failure in failures:
        print(f"biaskit: {_problem_line(failure)}", file=sys.stderr)
    return tables, failures


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


def _write_rows(frame: pd.DataFrame, format: str) -> None:
    """Every column of every row, as CSV or as one JSON object per line."""
    if format == "csv":
        frame.to_csv(sys.stdout, index=False)
        return
    for row in frame.to_dict("records"):
        print(json.dumps(row, ensure_ascii=False))


def _exit_code(corpus: Corpus, failed_analyses: Sequence[Problem] = ()) -> int:
    failed = failed_analyses or any(p.severity == "error" for p in corpus.problems)
    return EXIT_FAILED_DOCUMENTS if failed else EXIT_OK


def _quotes(args: argparse.Namespace) -> int:
    corpus, codebook = _load(args)
    tables, failed = _guarded(corpus, partial(_quotes_of, codebook=codebook), args)
    frame = tables["quotes"]
    if args.format != "table":
        _write_rows(frame, args.format)
    else:
        shown = frame[["doc_id", "position", "speaker", "side", "mode", "cue", "content"]].copy()
        shown["content"] = shown["content"].str.slice(0, 60)
        print(shown.to_string(index=False) if len(shown) else "no attributed statements")
        print(f"\n{len(frame)} statements in {len(corpus) - len(failed)} documents; --format csv "
              "or jsonl gives every column, with offsets and evidence")
    return _exit_code(corpus, failed)


def _compare(args: argparse.Namespace) -> int:
    from biaskit.compare import compare  # the report pulls in matplotlib: load it only here
    from biaskit.report.index import key_table, write_report

    corpus, codebook = _load(args)
    if codebook is None:
        raise InputError("comparing needs a codebook",
                         hint="Give --codebook FILE, or put codebook.yaml in the corpus folder")
    if not len(corpus):
        raise InputError("no document could be loaded", path=args.path)
    result = compare(corpus, codebook, args.sides, bootstrap=args.bootstrap, seed=args.seed,
                     n_jobs=args.jobs, progress=False if args.quiet else None)
    print(key_table(result).to_string(float_format=lambda x: f"{x:.2f}", na_rep="-"))
    for warning in result.warnings:
        print(f"note: {warning}")
    for failure in result.failures:
        print(f"biaskit: {_problem_line(failure)}", file=sys.stderr)
    index = write_report(result, corpus, codebook, args.out)
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
    progress = False if args.quiet else None
    if args.dask:
        from biaskit.runs.on_dask import analyse_on_dask

        client = None
        if args.dask != "local":
            from distributed import Client
            client = Client(args.dask)
        summary = analyse_on_dask(args.path, codebook, args.out, client=client,
                                  n_jobs=args.jobs, progress=progress,
                                  chunk_size=args.chunk_size, fresh=args.fresh)
    else:
        from biaskit.runs.stream import analyse_to_parquet

        summary = analyse_to_parquet(args.path, codebook, args.out, chunk_size=args.chunk_size,
                                     n_jobs=args.jobs, progress=progress, fresh=args.fresh)
    shown = 5  # a file with thousands of broken lines would bury the summary
    for problem in summary.unread[:shown]:
        print(f"biaskit: {_problem_line(problem)}", file=sys.stderr)
    if len(summary.unread) > shown:
        print(f"biaskit: and {len(summary.unread) - shown} more that could not be read (see "
              "the problems table)", file=sys.stderr)
    print(f"documents: {summary.analysed} analysed, {summary.skipped} skipped (done by an "
          f"earlier run), {summary.warnings} warnings, {summary.failed} failed")
    print(f"wrote {summary.out} (read a table with biaskit.runs.stream.read_results; the "
          "'problems' table says what failed and why)")
    return EXIT_FAILED_DOCUMENTS if summary.failed else EXIT_OK


def _claims(args: argparse.Namespace) -> int:
    corpus, codebook = _load(args)
    if codebook is None or not codebook.claims:
        raise InputError("claims need a codebook with a 'claims' section",
                         hint="Give --codebook FILE (see README, 'Codebooks')")
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
    corpus, codebook = _load(args)
    if codebook is None:
        raise InputError("tone per side needs a codebook",
                         hint="Give --codebook FILE, or put codebook.yaml in the corpus folder")
    tables, failed = _guarded(corpus, partial(_quotes_of, codebook=codebook), args)
    failed_ids = {problem.doc_id for problem in failed}
    analysed = [doc for doc in corpus if doc.doc_id not in failed_ids]
    table = side_tone(analysed, tables["quotes"], codebook)
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}")
          if len(table) else "no statements or mentions of any side")
    print("\nvoice: the side's own attributed words; coverage: the outlet's words around the "
          "side.\nVADER scores news about violence negative whatever its stance; see README, "
          "'Tone'.")
    return _exit_code(corpus, failed)


def _evaluate(args: argparse.Namespace) -> int:
    corpus, codebook = _load(args)
    gold = load_gold(args.gold)
    unknown = sorted(set(gold["doc_id"]) - set(corpus.doc_ids))
    if unknown:
        raise InputError(f"gold names documents not in the corpus: {', '.join(unknown[:5])}",
                         path=args.gold, hint="Check that PATH is the corpus the gold is for")
    predicted = _guarded(corpus, partial(_quotes_of, codebook=codebook), args)[0]["quotes"]
    scores = score_attributions(predicted, gold)
    print(f"statements: {scores['gold']} gold, {scores['predicted']} found, "
          f"{scores['matched']} matched")
    print(f"precision {scores['precision']:.3f}   recall {scores['recall']:.3f}   "
          f"F1 {scores['f1']:.3f}")
    print(f"over matched statements: actor {scores['actor_accuracy']:.3f}   side "
          f"{scores['side_accuracy']:.3f}   mode {scores['mode_accuracy']:.3f}")
    errors = attribution_errors(predicted, gold)
    if len(errors):
        errors["content"] = errors["content"].str.slice(0, 70)
        print(f"\nerrors ({len(errors)}):")
        print(_indent(errors.to_string(index=False)))
    return _exit_code(corpus)


def _corpus_info(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.path)
    summary = corpus_summary(corpus)
    failed = [p for p in corpus.problems if p.severity == "error"]
    warned = [p for p in corpus.problems if p.severity == "warning"]
    print(f"corpus: {corpus.name} ({args.path})")
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    pd.set_option("display.width", 120)
    try:
        return args.run(args)
    except BiaskitError as error:
        if args.debug:
            traceback.print_exc()
        print(f"biaskit: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader stopped early ('biaskit quotes ... | head')
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return EXIT_OK
    except KeyboardInterrupt:
        print("biaskit: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # an internal bug: say so, and how to see the details
        if args.debug:
            traceback.print_exc()
        else:
            print(f"biaskit: internal error: {type(error).__name__}: {error}\n"
                  "Run again with --debug for the traceback, and please report it.",
                  file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
