"""``biaskit evaluate``: score the attribution table against gold annotations, and print the
figures (:mod:`biaskit.validation.evaluate` computes them)."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

import pandas as pd

from biaskit.cli.commands import (
    EXIT_FAILED_DOCUMENTS,
    _exit_code,
    _guarded,
    _indent,
    _load,
    _problem_line,
    _quotes_of,
    _write_rows,
)
from biaskit.errors import InputError
from biaskit.validation.evaluate import Evaluation, errors_frame, evaluate_attributions, read_gold
from biaskit.validation.scoring import EXACT, LENIENT


def _evaluate(args: argparse.Namespace) -> int:
    corpus, codebook = _load(args)
    gold = read_gold(args.gold, text_folders=[args.path] if Path(args.path).is_dir() else [])
    doc_ids = set(gold.texts) if gold.texts is not None else set(gold.frame["doc_id"])
    unknown = sorted(doc_ids - set(corpus.doc_ids))
    if unknown:
        raise InputError(f"gold names documents not in the corpus: {', '.join(unknown[:5])}",
                         path=args.gold, hint="Check that PATH is the corpus the gold is for")
    for problem in gold.problems:
        print(f"biaskit: {_problem_line(problem)}", file=sys.stderr)
    tables, failed = _guarded(corpus, partial(_quotes_of, codebook=codebook), args)
    result = evaluate_attributions(tables["quotes"], gold, corpus)
    if args.format != "table":
        table = result.statements if args.statements else result.summary()
        # A figure with nothing to count is empty: null in JSON (NaN is not JSON), "" in CSV.
        _write_rows(table.astype(object).where(table.notna(), None), args.format)
    else:
        _print_evaluation(result, show_documents=args.documents)
    gold_failed = any(p.severity == "error" for p in gold.problems)
    return EXIT_FAILED_DOCUMENTS if gold_failed else _exit_code(corpus, failed)


def _print_evaluation(result: Evaluation, *, show_documents: bool) -> None:
    """The figures of an evaluation as tables for reading."""
    for note in result.notes:
        print(f"note: {note}")
    o = result.overall.iloc[0]

    def num(value, digits: int = 3) -> str:
        return "-" if pd.isna(value) else f"{value:.{digits}f}"

    print(f"statements: {o['gold']} gold, {o['found']} found, {o['matched']} matched")
    print(f"lenient (covers >= {LENIENT} of the gold content): precision {num(o['precision'])}"
          f"   recall {num(o['recall'])}   F1 {num(o['f1'])}")
    print(f"exact span (Jaccard >= {EXACT}): precision {num(o['exact_precision'])}   recall "
          f"{num(o['exact_recall'])}   F1 {num(o['exact_f1'])}   mean Jaccard of matches "
          f"{num(o['mean_jaccard'])}")
    print(f"speech-verb recall {num(o['speech_recall'])} ({o['speech_gold']} gold)")
    print(f"over matched statements: speaker {num(o['speaker_agreement'])} (n={o['speaker_n']})"
          f"   actor {num(o['actor_accuracy'])}   side {num(o['side_accuracy'])}   mode "
          f"{num(o['mode_accuracy'])}   cue {num(o['cue_accuracy'])}   stance "
          f"{num(o['stance_accuracy'])}")
    columns = ["gold", "found", "precision", "recall", "f1", "exact_f1", "mean_jaccard",
               "speech_recall", "speaker_agreement", "cue_accuracy"]
    shown = {"float_format": lambda x: f"{x:.3f}", "na_rep": "-", "index": False}
    print("\nper outlet:")
    print(_indent(result.by_outlet[["outlet", *columns]].to_string(**shown)))
    print("\nrecall per kind of gold statement:")
    print(_indent(result.by_kind[["kind", "gold", "matched", "recall", "exact_recall"]]
                  .to_string(**shown)))
    if show_documents or len(result.by_document) <= 20:
        print("\nper document:")
        print(_indent(result.by_document[["doc_id", *columns]].to_string(**shown)))
    errors = errors_frame(result.statements)
    if len(errors):
        limit = 40
        errors["gold"] = errors["gold"].astype(str).str.slice(0, 30)
        errors["predicted"] = errors["predicted"].astype(str).str.slice(0, 30)
        errors["content"] = errors["content"].astype(str).str.slice(0, 60)
        counts = ", ".join(f"{k} {v}" for k, v in errors["kind"].value_counts().items())
        print(f"\nerrors ({len(errors)}: {counts})" + (
            f", the first {limit} (--format csv --statements gives every statement):"
            if len(errors) > limit else ":"))
        print(_indent(errors.head(limit).to_string(index=False)))
