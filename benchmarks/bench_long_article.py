"""Benchmark: one very long article through ``biaskit quotes`` (issue 22, section 2): peak
memory against the input's size, and time at N and 2N megabytes in one run.

Run from the repository's top folder:  python benchmarks/bench_long_article.py [--mb N]

The default N is 25, so the larger article is the 50 MB one of issue 22.

The article is one plain-text file of realistic news prose: the synthetic corpus's paragraphs
(bundled articles recombined, one word of each sentence swapped so that sentences are distinct;
see synthetic.py) under one headline, until it holds N megabytes. A second file
holds 2N. Each runs ``biaskit quotes FILE --codebook corpora/syria-2015/codebook.yaml --format
csv`` in a fresh process, output to /dev/null, which reports:

- its peak resident memory (VmHWM: the process's own peak since it started) and that peak
  divided by the file's size in bytes;
- the same, less the memory the process held before it read the file (Python, pandas and
  biaskit imported: about 135 MiB), which is what the article itself costs;
- its wall time, and the ratio of the time at 2N to the time at N.

Targets: peak memory under 10 times the input at the larger size, and the time at 2N at most
2.3 times the time at N (linear, with room for the machine's noise). Exit status 1 when a
target is missed. ``--quick`` runs tiny sizes and checks nothing (the test suite uses it).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import synthetic_frame  # noqa: E402  (benchmarks/ is not a package)

CODEBOOK = HERE.parent / "corpora" / "syria-2015" / "codebook.yaml"
MEMORY_TARGET = 10.0  # peak resident memory / input size
TIME_TARGET = 2.3  # time at 2N / time at N


def write_article(path: Path, megabytes: float) -> int:
    """One article of at least this many megabytes (10**6 bytes of UTF-8); its size."""
    paragraphs, size, batch = [], 0, 0
    while size < megabytes * 1e6:
        for text in synthetic_frame(20, seed=batch, start=batch * 20)["text"]:
            for paragraph in text.split("\n\n"):
                paragraphs.append(paragraph)
                size += len(paragraph.encode("utf-8")) + 2
        batch += 1
    path.write_text("One very long article\n\n" + "\n\n".join(paragraphs) + "\n",
                    encoding="utf-8")
    return path.stat().st_size


def _status_mib(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status (this benchmark needs Linux)")


def child(path: str) -> None:
    """In a fresh process: the memory before reading, then ``biaskit quotes`` on the file."""
    from biaskit.cli import main

    before = _status_mib("VmRSS")
    start = time.perf_counter()
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), \
            contextlib.redirect_stderr(io.StringIO()):
        code = main(["quotes", path, "--codebook", str(CODEBOOK), "--format", "csv",
                     "--quiet"])
    print(before, _status_mib("VmHWM"), time.perf_counter() - start, code)


def measure(path: Path) -> tuple[float, float, float]:
    """(MiB before reading, peak MiB, seconds) of ``biaskit quotes`` on the file."""
    run = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True,
                         text=True, check=True)
    before, peak, seconds, code = run.stdout.split()
    if code not in ("0", "1"):
        raise SystemExit(f"biaskit quotes exited {code} on {path}")
    return float(before), float(peak), float(seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=25.0, help="N: the smaller article's size")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, no targets")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    megabytes = 0.05 if args.quick else args.mb
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for factor in (1, 2):
            path = Path(folder) / f"article_{factor}.txt"
            size = write_article(path, megabytes * factor)
            before, peak, seconds = measure(path)
            mib = size / 2**20
            rows.append((size, peak, seconds))
            print(f"{size / 1e6:7.1f} MB article: peak {peak:7.1f} MiB = {peak / mib:5.1f} x "
                  f"the input ({(peak - before) / mib:5.1f} x beyond the {before:.0f} MiB "
                  f"held before reading it); {seconds:6.1f} s")
    (size_1, _, time_1), (size_2, peak_2, time_2) = rows
    memory_ratio = peak_2 / (size_2 / 2**20)
    time_ratio = time_2 / time_1
    print(f"when the input doubles ({size_1 / 1e6:.1f} -> {size_2 / 1e6:.1f} MB), the time "
          f"grows {time_ratio:.2f} x (target <= {TIME_TARGET}); peak memory at the larger is "
          f"{memory_ratio:.1f} x the input (target < {MEMORY_TARGET})")
    if args.quick:
        return 0
    return 0 if memory_ratio < MEMORY_TARGET and time_ratio <= TIME_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
