"""Benchmark: attribution on real news (PolNeAR), scored by biaskit's own evaluator.

Run from the repository's top folder:

    python benchmarks/bench_polnear.py [--polnear PATH] [--split dev]

PATH is a PolNeAR checkout: the project's ``../shared/polnear`` (the default) or a clone of
networkdynamics/PolNeAR; both hold ``data/<split>/text/*.txt`` and
``data/<split>/attributions/*_<annotator>.ann``. The articles are read where they are, never
copied into this repository. biaskit's attribution runs over the split's articles (no
codebook, as ``biaskit quotes`` runs on that folder), and ``biaskit.validation`` scores the
rows against the gold: precision, recall and F1 at the lenient 0.3 cover and at exact span,
speech-verb recall, recall per kind of gold cue, speaker agreement and cue accuracy, overall
and per outlet, and articles per second (best of ``--repeats`` passes, one process). It also
prints the spread of speech-verb recall across outlets beside the spread that sampling alone
would give if every outlet's true recall were the same, so that a difference between outlets
can be told from chance: dev has only 72 to 229 speech-verb attributions per outlet.

When PATH holds PolNeAR's ``score.py`` (the shared folder does), the same rows are also scored
by it and the overall lenient figures are compared: the benchmark fails (exit 1) if they
differ. ``--rows FILE`` keeps the rows as JSON Lines, as ``biaskit quotes --format jsonl``
writes them.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from biaskit import attributions_frame, load_corpus  # noqa: E402
from biaskit.validation.evaluate import evaluate_attributions, read_gold  # noqa: E402

# The shared folder beside the main checkout, or beside the folder of worktrees.
DEFAULTS = (ROOT.parent / "shared" / "polnear", ROOT.parent.parent / "shared" / "polnear")
SCORE_LINE = re.compile(r"P=([\d.]+) R=([\d.]+) F1=([\d.]+); speech-verb recall=([\d.]+); "
                        r"speaker agreement=([\d.]+) \(n=(\d+)\)")


def split_folders(polnear: Path, split: str) -> tuple[Path, Path]:
    """The text and attributions folders of a split, or a clear error."""
    text, attributions = (polnear / "data" / split / "text",
                          polnear / "data" / split / "attributions")
    if not text.is_dir() or not attributions.is_dir():
        raise SystemExit(f"bench_polnear: {polnear} has no data/{split}/text and "
                         f"data/{split}/attributions folders; give --polnear PATH (a PolNeAR "
                         "checkout) and --split (train or dev)")
    return text, attributions


def timed_rows(corpus, repeats: int) -> tuple[pd.DataFrame, float]:
    """The attribution rows and the best articles-per-second of ``repeats`` passes; each pass
    gets fresh copies, as sentences and quotes are memoised on a document."""
    best, rows = float("inf"), None
    for _ in range(repeats):
        documents = [replace(doc) for doc in corpus]
        start = time.perf_counter()
        rows = attributions_frame(documents)
        best = min(best, time.perf_counter() - start)
    return rows, len(corpus) / best


def write_rows(rows: pd.DataFrame, path: Path) -> None:
    """JSON Lines as ``biaskit quotes --format jsonl`` writes them."""
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows.to_dict("records"):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def score_py(polnear: Path, split: str, rows_path: Path) -> tuple[float, ...] | None:
    """PolNeAR's score.py figures on the rows (P, R, F1, speech recall, speaker, n), or None
    when the checkout has no score.py."""
    script = polnear / "score.py"
    if not script.is_file():
        return None
    run = subprocess.run([sys.executable, str(script), split, str(rows_path)],
                         capture_output=True, text=True, check=True)
    match = SCORE_LINE.search(run.stdout.splitlines()[-1])
    return tuple(float(x) for x in match.groups()) if match else None


def sampling_spread(recall: float, sizes: list[int], runs: int = 20_000
                    ) -> tuple[float, float, float]:
    """The spread (max - min) of per-outlet recall that sampling alone gives when every
    outlet's true recall is ``recall``, for outlets with ``sizes`` gold statements: its
    median, its 95th percentile, and the share of samples with a spread within 0.05. A
    spread much above the median is a difference between outlets; one near it may be
    chance."""
    n = np.array(sizes)
    found = np.random.default_rng(0).binomial(n, recall, size=(runs, len(n))) / n
    spreads = found.max(axis=1) - found.min(axis=1)
    return (float(np.median(spreads)), float(np.quantile(spreads, 0.95)),
            float(np.mean(spreads <= 0.05 + 1e-9)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, help="PolNeAR checkout (default: "
                        "../shared/polnear beside the repository)")
    parser.add_argument("--split", default="dev", help="train or dev (default: dev)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes (default: 3)")
    parser.add_argument("--rows", type=Path, help="also keep the rows as JSON Lines here")
    args = parser.parse_args(argv)
    polnear = args.polnear or next((p for p in DEFAULTS if p.is_dir()), DEFAULTS[0])
    text, attributions = split_folders(polnear, args.split)

    corpus = load_corpus(text)
    gold = read_gold(attributions)
    rows, rate = timed_rows(corpus, args.repeats)
    result = evaluate_attributions(rows, gold, corpus)
    words = sum(doc.n_words for doc in corpus) / max(len(corpus), 1)

    print(f"machine: {platform.machine()}, Python {platform.python_version()}, "
          f"{platform.system()}")
    print(f"PolNeAR {args.split} ({polnear}): {len(corpus)} articles, about {words:.0f} words "
          f"each; {len(gold.frame)} gold attributions")
    for note in gold.notes[1:]:
        print(f"note: {note}")
    for problem in gold.problems:
        print(f"{problem.severity}: {Path(problem.path).name}, {problem.location}: "
              f"{problem.message}")
    o = result.overall.iloc[0]
    print(f"\nattribution: {rate:.0f} articles/s (best of {args.repeats}, one process)")
    print(f"rows: {o['found']} found, {o['matched']} matched")
    print(f"lenient (0.3 cover): P {o['precision']:.3f}  R {o['recall']:.3f}  "
          f"F1 {o['f1']:.3f}")
    print(f"exact (Jaccard >= 0.9): P {o['exact_precision']:.3f}  R {o['exact_recall']:.3f}  "
          f"F1 {o['exact_f1']:.3f}  mean Jaccard of matches {o['mean_jaccard']:.3f}")
    print(f"speech-verb recall {o['speech_recall']:.3f} (of {o['speech_gold']})   speaker "
          f"agreement {o['speaker_agreement']:.3f} (n={o['speaker_n']})   cue accuracy "
          f"{o['cue_accuracy']:.3f}")
    print("recall per kind of gold cue (PolNeAR marks no kind; derived from the cue's words):")
    for k in result.by_kind.itertuples():
        print(f"  {k.kind:12s} {k.gold:5d} gold  recall {k.recall:.3f}  exact recall "
              f"{k.exact_recall:.3f}")
    table = result.by_outlet[["outlet", "gold", "found", "precision", "recall", "f1",
                              "exact_f1", "speech_recall", "speaker_agreement",
                              "cue_accuracy"]]
    print("\nper outlet:")
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}", na_rep="-"))
    outlets = result.by_outlet[result.by_outlet["speech_gold"] > 0]
    spread = outlets["speech_recall"].max() - outlets["speech_recall"].min()
    median, high, within = sampling_spread(o["speech_recall"], outlets["speech_gold"].tolist())
    print(f"\nspeech-verb recall spread across outlets (max - min): {spread:.3f}. If every "
          f"outlet's true recall were the same ({o['speech_recall']:.3f}), sampling alone would "
          f"give a median spread of {median:.3f} (95th percentile {high:.3f}), and one within "
          f"0.05 in {within:.0%} of samples of these sizes.")

    with tempfile.TemporaryDirectory() as scratch:
        rows_path = args.rows or Path(scratch) / "rows.jsonl"
        write_rows(rows, rows_path)
        theirs = score_py(polnear, args.split, rows_path)
    if theirs is None:
        print("\nscore.py: not in this checkout, so not compared")
        return 0
    ours = (o["precision"], o["recall"], o["f1"], o["speech_recall"], o["speaker_agreement"])
    same = all(f"{a:.3f}" == f"{b:.3f}" for a, b in zip(ours, theirs, strict=False)) and \
        int(theirs[5]) == o["speaker_n"]
    print(f"\nscore.py on the same rows: P={theirs[0]:.3f} R={theirs[1]:.3f} "
          f"F1={theirs[2]:.3f}; speech-verb recall={theirs[3]:.3f}; speaker agreement="
          f"{theirs[4]:.3f} (n={int(theirs[5])}): {'the same' if same else 'DIFFERENT'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
