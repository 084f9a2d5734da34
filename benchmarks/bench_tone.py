"""Benchmark: tone time is linear in the input, however long one sentence is (issue 22).

Run from the repository's top folder:  python benchmarks/bench_tone.py

Builds one article that is a single long sentence (no full stop), with quoted statements by
codebook actors and their names in the narrator's words, at a size and at twice that size,
and times (CPU time) voice tone, coverage tone (both methods) and sentence tone on each, in one run.
VADER is given bounded pieces (biaskit.tone.scoring.PIECE_WORDS words), so the time should
at most about double when the input doubles. Target: a ratio of at most 2.5 for each.
Caches are cleared before each timing. Exit status 1 when a target is missed. ``--quick``
runs a small smoke version and checks nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from biaskit import Codebook, Document, attributions_frame  # noqa: E402
from biaskit.annotate import annotate  # noqa: E402
from biaskit.tone import clear_caches, coverage_tone, sentence_tone, voice_tone  # noqa: E402

MAX_DOUBLING_RATIO = 2.5
BOOK = Codebook.from_dict({"sides": {
    "army": {"actors": {"dorn": {"aliases": ["Piotr Dorn"]}}},
    "monitors": {"actors": {"osei": {"aliases": ["Lena Osei"]}}},
}})
# Fictional words, repeated with a counter so that no two pieces are the same text (the
# cache must not hide the work).
UNIT = ("Piotr Dorn said the brutal raid on the quiet village {n} was a great success and "
        "Lena Osei, who praised nobody, warned that terrible losses were never counted, ")


def article(characters: int) -> Document:
    body, n = [], 0
    while sum(map(len, body)) < characters:
        body.append(UNIT.format(n=n))
        n += 1
    return Document("long", "A long line", "", ("".join(body).strip(" ,"),))


def timed(run) -> float:
    """The least CPU time of three runs (CPU time, as other processes share the machine)."""
    best = float("inf")
    for _ in range(3):
        clear_caches()
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small smoke run; no checks")
    args = parser.parse_args()
    size = 4_000 if args.quick else 100_000
    stages = {
        "voice tone": lambda doc, quotes: voice_tone(quotes),
        "coverage tone (target)": lambda doc, quotes: coverage_tone([doc], quotes, BOOK),
        "coverage tone (sentence)": lambda doc, quotes: coverage_tone(
            [doc], quotes, BOOK, method="sentence"),
        "sentence tone": lambda doc, quotes: sentence_tone([doc]),
    }
    inputs = {}
    for factor in (1, 2):
        doc = annotate(article(size * factor))
        inputs[factor] = (doc, attributions_frame([doc], BOOK))
    print(f"one sentence of {len(inputs[1][0].text):,} then {len(inputs[2][0].text):,} "
          "characters, least CPU time of three runs each:")
    failed = []
    for name, run in stages.items():
        times = {factor: timed(lambda f=factor, run=run: run(*inputs[f])) for factor in (1, 2)}
        ratio = times[2] / max(times[1], 1e-9)
        print(f"  {name:26s} {times[1]:7.3f} s then {times[2]:7.3f} s: x{ratio:.2f}")
        if ratio > MAX_DOUBLING_RATIO:
            failed.append(f"{name}: x{ratio:.2f}")
    if args.quick:
        return 0
    print("\n" + ("targets met" if not failed else "targets missed: " + "; ".join(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
