"""The ``biaskit`` command: thin wrappers that call the same functions as the notebooks.

Exit codes: 0 success; 1 finished, but some documents failed; 2 usage or configuration error;
3 an internal error (a bug in biaskit). User errors print one clear message and no traceback
(``--debug`` shows it).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

import pandas as pd

from biaskit import __version__
from biaskit.corpus import Corpus, corpus_summary, load_corpus
from biaskit.errors import BiaskitError

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
    return parser


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
            where = ", ".join(x for x in (problem.path, problem.location) if x)
            print(f"  {problem.severity}: {where}: {problem.message}")
    return EXIT_FAILED_DOCUMENTS if failed else EXIT_OK


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
