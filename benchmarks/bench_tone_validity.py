"""Benchmark: how far biaskit's tone agrees with human coders, on NewsMTSC-format data.

Run from the repository's top folder:

    python benchmarks/bench_tone_validity.py DATA/dev_rw.jsonl DATA/dev_mt.jsonl

(DATA: a copy of NewsMTSC, such as ../shared/newsmtsc beside the repository.)

For each file: macro-F1, accuracy and per-class F1 of each tone method over its targets
(biaskit.tone.validity), how many targets got no tone, and why. ``--scorer module:function``
adds a plugged-in scorer; ``--write`` stores the figures in biaskit/data/tone_validity.csv,
which the report and ``biaskit tone`` quote (the split is the file's name). Target (issue
20): macro-F1 at least 0.60 for the default coverage tone on dev_rw, at most 10% of targets
without a tone. Exit status 1 when a target is missed. ``--quick`` reads the first lines of
each file only and checks nothing.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from biaskit.tone.validity import (  # noqa: E402
    FIGURES_FILE,
    missing_reasons,
    score_targets,
    validity_table,
)

TARGET_MACRO_F1 = 0.60
MOST_MISSING = 0.10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="NewsMTSC-format .jsonl files")
    parser.add_argument("--scorer", metavar="MODULE:FUNCTION", help="a plugged-in scorer too")
    parser.add_argument("--write", action="store_true",
                        help=f"store the figures in biaskit/data/{FIGURES_FILE}")
    parser.add_argument("--quick", action="store_true", help="first 20 lines only; no checks")
    args = parser.parse_args()
    tables, failed = [], []
    for path in args.files:
        if args.quick:
            with path.open(encoding="utf-8") as handle, tempfile.NamedTemporaryFile(
                    "w", suffix=".jsonl", delete=False, encoding="utf-8") as short:
                short.writelines(itertools.islice(handle, 20))
            path = Path(short.name)
        scored = score_targets(path, scorer=args.scorer)
        table = validity_table(scored)
        split = args.files[len(tables)].stem
        print(f"{split}: {scored['line'].nunique()} sentences, "
              f"{len(scored) // table['method'].nunique()} targets")
        print(table.to_string(index=False), "\n")
        missing = missing_reasons(scored)
        if len(missing):
            print(f"targets without a coverage tone (target method), {len(missing)}, by "
                  "reason:")
            print(missing.groupby("reason").size().to_string())
            for row in missing.itertuples():
                print(f"  line {row.line}, {row.mention!r}: {row.reason}")
            print()
        tables.append(table.assign(split=split))
        default = table.set_index("method").loc["target"]
        if split.startswith("dev_rw") and default["macro_f1"] < TARGET_MACRO_F1:
            failed.append(f"{split}: macro-F1 {default['macro_f1']:.3f}")
        if default["no_tone"] > MOST_MISSING * default["targets"]:
            failed.append(f"{split}: {default['no_tone']} targets without a tone")
    if args.write and not args.quick:
        figures = pd.concat(tables, ignore_index=True)
        figures = figures[["split", *[c for c in figures.columns if c != "split"]]]
        figures.to_csv(ROOT / "biaskit" / "data" / FIGURES_FILE, index=False)
        print(f"wrote biaskit/data/{FIGURES_FILE}")
    if args.quick:
        return 0
    print("targets met" if not failed else "targets missed: " + "; ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
