"""The ``biaskit`` command line: its arguments, and :func:`main`, which runs a command and
turns errors into exit codes.

Exit codes: 0 success; 1 finished, but some documents failed; 2 usage or configuration error;
3 an internal error (a bug in biaskit). User errors print one clear message and no traceback
(``--debug`` shows it).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
import traceback
from collections.abc import Sequence

import pandas as pd

from biaskit import __version__
from biaskit.cli.commands import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    _claims,
    _compare,
    _corpus_import,
    _corpus_info,
    _quotes,
    _run,
    _tone,
)
from biaskit.cli.evaluation import _evaluate
from biaskit.errors import BiaskitError
from biaskit.runs.batches import usable_jobs

# Bootstrap draws at most: each draw holds a row per article of an outlet, so that an outlet
# of 1,000 articles needs about 1.6 GB at this many.
MAX_DRAWS = 100_000
# Errors of the machine, not of biaskit: a full disk, a read-only or forbidden place.
_ENVIRONMENT_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM,
                       errno.EIO, errno.EFBIG}


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

    corpus = commands.add_parser("corpus", help="inspect a corpus, or import news-archive "
                                                "exports")
    corpus_commands = corpus.add_subparsers(dest="corpus_command", metavar="ACTION",
                                            required=True)
    info = corpus_commands.add_parser(
        "info", help="documents, sources, words, sentences and the cleaning log of a corpus",
        description="Load a corpus and print its documents, sources, words, sentences, the "
                    "cleaning log summary and any problems met loading it.")
    info.add_argument("path", metavar="PATH",
                      help="a .txt file, a folder of .txt files (with optional metadata.csv), "
                           "a .csv, .jsonl or .parquet table, or a news-archive export (or a "
                           "folder of them)")
    info.add_argument("--documents", action="store_true",
                      help="also list every document with its counts")
    _debug_argument(info)
    info.set_defaults(run=_corpus_info)
    bring = corpus_commands.add_parser(
        "import", help="news-archive exports into the bundled layout (.txt files + "
                       "metadata.csv)",
        description="Read exports (LexisNexis text, Nexis Uni .docx, Factiva HTML or XML, "
                    "ProQuest text, Media Cloud CSV, trafilatura JSON or CSV, newspaper "
                    "JSON; the format is told from each file's content) and write one .txt "
                    "file per article and metadata.csv to FOLDER. The same article in two "
                    "exports is written once; import_log.csv lists the copies left out, the "
                    "problems met and every line the readers dropped.")
    bring.add_argument("exports", nargs="+", metavar="EXPORT",
                       help="export files, or folders of them")
    bring.add_argument("--out", required=True, metavar="FOLDER",
                       help="a new or empty folder for the bundled corpus")
    bring.set_defaults(run=_corpus_import)

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
        "compare", help="compare outlets on every side and write the report folder",
        description="Run every analyser, print the per-outlet comparison of the sides and "
                    "write DIR/index.html with the figures, CSV files of every table and an "
                    "HTML view of each article.")
    _corpus_arguments(compare)
    compare.add_argument("--out", required=True, metavar="DIR",
                         help="folder to write the report into (created if missing)")
    compare.add_argument("--sides", nargs="+", metavar="SIDE",
                         help="the sides to measure, one or more (default: every side of the "
                              "codebook); the balance index compares the first two")
    compare.add_argument("--bootstrap", type=_draws, default=1000, metavar="N",
                         help="bootstrap draws for the 95%% intervals, 0 for no intervals, at "
                              f"most {MAX_DRAWS:,} (default: 1000)")
    compare.add_argument("--seed", type=int, default=0,
                         help="seed of the bootstrap, so that reruns give the same numbers")
    _tone_arguments(compare)
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
    _tone_arguments(run)
    _debug_argument(run)
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
        "tone", help="voice and coverage tone per outlet and side",
        description="Per outlet and side: voice tone (the sentiment of the side's own "
                    "attributed words, per sentence) and coverage tone (the sentiment of the "
                    "outlet's own words toward each mention of the side), with counts and "
                    "the shares of positive, neutral and negative items.",
        epilog="VADER was built for social media; news about violence scores negative "
               "whatever its stance. Tone measures how charged the words are, not which side "
               "a text takes. How far coverage tone agrees with human coders: README, "
               "'Tone'.")
    _corpus_arguments(tone)
    _tone_arguments(tone)
    tone.set_defaults(run=_tone)

    evaluate = commands.add_parser(
        "evaluate", help="score the attribution extractor against gold annotations",
        description="Compare extracted statements with gold annotations: a JSON Lines file "
                    "(see docs/guide/validation.md) or a folder of BRAT .ann files beside "
                    "their .txt files (brat, INCEpTION, PolNeAR). Prints detection at the "
                    "lenient 0.3 cover and at exact span, speaker, actor, side, mode, cue and "
                    "stance accuracy where the gold has them, overall, per outlet and per "
                    "document, and the errors.")
    _corpus_arguments(evaluate)
    evaluate.add_argument("--gold", required=True, metavar="FILE_OR_DIR",
                          help="gold annotations: one JSON object per line, or a folder of "
                               "BRAT .ann files")
    evaluate.add_argument("--format", choices=["table", "csv", "jsonl"], default="table",
                          help="table for reading; csv or jsonl give the figures per level "
                               "(overall, outlet, document), or with --statements every "
                               "statement, for other tools")
    evaluate.add_argument("--statements", action="store_true",
                          help="with --format csv or jsonl: one row per gold statement and "
                               "per found statement matching none, instead of the figures")
    evaluate.add_argument("--documents", action="store_true",
                          help="also print the figures of every document (shown anyway for "
                               "up to 20 documents)")
    evaluate.set_defaults(run=_evaluate)
    return parser


def _tone_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--tone-scorer", metavar="MODULE:FUNCTION",
                         help="score tone with this function instead of biaskit's default "
                              "(VADER, and biaskit's tone model for coverage tone): it takes "
                              "a list of texts and returns as many scores in [-1, 1]")
    command.add_argument("--coverage-method", choices=["target", "sentence"],
                         default="target",
                         help="coverage tone per mention of a side (target, the default) or "
                              "per narrator sentence (sentence, biaskit's earlier definition)")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return int(text)


def _draws(text: str) -> int:
    if not text.isdigit() or int(text) > MAX_DRAWS:
        raise argparse.ArgumentTypeError(
            f"expected a whole number from 0 (no intervals) to {MAX_DRAWS:,}, not {text!r}")
    return int(text)


def _debug_argument(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: when not given after the command, the value given before it (or False) stays
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the full traceback when something goes wrong")


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
    _debug_argument(parser)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    pd.set_option("display.width", 120)
    try:
        jobs = getattr(args, "jobs", 1)
        if jobs > 1 and usable_jobs(jobs) < jobs:
            args.jobs = usable_jobs(jobs)
            print(f"biaskit: note: --jobs {jobs} is more worker processes than this machine "
                  f"can run at once (its cores and free memory); using {args.jobs}",
                  file=sys.stderr)
        code = args.run(args)
        sys.stdout.flush()  # a full disk under stdout shows here, not at exit
        return code
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
    except OSError as error:
        if error.errno not in _ENVIRONMENT_ERRORS:
            return _internal(error, args.debug)
        where = error.filename or "the output (standard output)"
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more can be written there
        print(f"biaskit: error: cannot write {where} ({error.strerror}). Free some space or "
              "write somewhere else, then run again", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # an internal bug: say so, and how to see the details
        return _internal(error, args.debug)


def _internal(error: Exception, debug: bool) -> int:
    if debug:
        traceback.print_exception(error)
    else:
        print(f"biaskit: internal error: {type(error).__name__}: {error}\n"
              "Run again with --debug for the traceback, and please report it.",
              file=sys.stderr)
    return EXIT_INTERNAL
