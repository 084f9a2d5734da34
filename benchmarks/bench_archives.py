"""Benchmark: a 200 MB LexisNexis text export with 20,000 articles streamed through
``biaskit run`` (issue 19): time and peak memory, against the same export cut to a tenth.

Run from the repository's top folder:  python benchmarks/bench_archives.py

It writes the export to a temporary folder (articles from synthetic.py: the bundled
articles' paragraphs recombined, about 10 kB each, in the LexisNexis layout with a cover page,
publication, date line, headline, BYLINE/SECTION/LENGTH, LOAD-DATE/LANGUAGE and copyright
lines), then, each in a fresh process:

- reads it only (``biaskit.corpus.archives.archive_chunks``), for the reader's own speed;
- runs ``biaskit run EXPORT --codebook corpora/syria-2015/codebook.yaml --out DIR``;

and the same for the first tenth of the articles. Memory is flat when the peak of the whole
export stays within 25% of the peak of its tenth (the target); exit status 1 when it does
not. ``--articles`` and ``--words`` change the size; ``--jobs`` passes worker processes to
``biaskit run``; ``--quick`` runs tiny sizes and checks nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
CODEBOOK = ROOT / "corpora" / "syria-2015" / "codebook.yaml"
CHUNK = 1000

_CHILD = """
import json, sys, time
from pathlib import Path
mode, source, out, jobs = sys.argv[1:5]
start = time.perf_counter()
if mode == "read":
    from biaskit.corpus.archives import archive_chunks
    from biaskit.corpus.files import load_corpus
    documents = sum(len(chunk) for chunk in archive_chunks(source, 1000, load_corpus))
    code = 0
else:
    from biaskit.cli import main
    code = main(["run", source, "--codebook", sys.argv[5], "--out", out, "--jobs", jobs,
                 "--quiet"])
    documents = None
seconds = time.perf_counter() - start
peak = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
            if line.startswith("VmHWM:")) / 1024
print(json.dumps({"seconds": seconds, "peak_mib": peak, "code": code, "documents": documents}))
"""


def write_export(path: Path, articles: int, words: int) -> int:
    """A LexisNexis text export of ``articles`` articles; returns its size in bytes."""
    from synthetic import synthetic_frame

    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("Search terms: synthetic benchmark\nPrinted for: benchmark\n\n\n")
        for start in range(0, articles, CHUNK):
            frame = synthetic_frame(min(CHUNK, articles - start), words=words, start=start)
            for number, row in enumerate(frame.itertuples(), start=start + 1):
                body = "\n\n".join(row.text.split("\n\n"))
                out.write(
                    f"{' ' * 30}{number} of {articles} DOCUMENTS\n\n\n"
                    f"{' ' * 28}{row.source}\n\n"
                    f"{' ' * 28}October {1 + number % 28}, 2015 Thursday\n\n"
                    f"{row.title}\n\n"
                    f"BYLINE: Staff reporter {number % 97}\n\nSECTION: WORLD; Pg. 4\n\n"
                    f"LENGTH: {len(row.text.split())} words\n\n"
                    + (f"HIGHLIGHT: {row.standfirst}\n\n" if row.standfirst else "")
                    + f"{body}\n\n"
                    f"LOAD-DATE: October {2 + number % 27}, 2015\n\nLANGUAGE: ENGLISH\n\n"
                    f"PUBLICATION-TYPE: Newspaper\n\n"
                    f"{' ' * 20}Copyright 2015 {row.source}\n{' ' * 30}All Rights Reserved\n\n\n")
    return path.stat().st_size


def measure(mode: str, source: Path, out: Path, jobs: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(source), str(out), str(jobs), str(CODEBOOK)],
        capture_output=True, text=True, check=False, cwd=ROOT)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{mode} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def results_rows(out: Path) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(p).metadata.num_rows for p in (out / "documents").glob("*.parquet"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=1550,
                        help="words per article (default 1550: about 10 kB of text each)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="tiny sizes; check nothing")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.words = 40, 200
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="biaskit-lexisnexis-") as tmp:
        tmp = Path(tmp)
        for label, n in (("tenth", args.articles // 10), ("whole", args.articles)):
            export = tmp / f"export-{n}.TXT"
            started = time.perf_counter()
            size = write_export(export, n, args.words)
            written = time.perf_counter() - started
            read = measure("read", export, tmp / "unused", args.jobs)
            run = measure("run", export, tmp / f"results-{n}", args.jobs)
            analysed = results_rows(tmp / f"results-{n}")
            rows.append((label, n, size, read, run, analysed))
            print(f"\n{label}: {n:,} articles, {size / 1e6:.0f} MB (written in {written:.0f} s)")
            print(f"  read only     {read['seconds']:8.1f} s  {n / read['seconds']:8.0f} "
                  f"articles/s  {size / 1e6 / read['seconds']:6.1f} MB/s  "
                  f"peak {read['peak_mib']:6.0f} MiB  ({read['documents']:,} documents)")
            print(f"  biaskit run   {run['seconds']:8.1f} s  {n / run['seconds']:8.0f} "
                  f"articles/s  peak {run['peak_mib']:6.0f} MiB  ({analysed:,} analysed, "
                  f"--jobs {args.jobs})")
            export.unlink()
    (_, _, _, read_small, run_small, _), (_, n, _, read_big, run_big, analysed) = rows
    ratio_read = read_big["peak_mib"] / read_small["peak_mib"]
    ratio_run = run_big["peak_mib"] / run_small["peak_mib"]
    print(f"\npeak memory, whole / tenth: read {ratio_read:.2f}, run {ratio_run:.2f} "
          "(target: at most 1.25)")
    if args.quick:
        return 0
    missed = [name for name, ratio in (("read", ratio_read), ("run", ratio_run)) if ratio > 1.25]
    missed += ["not every article analysed"] if analysed != n else []
    print("targets missed: " + ", ".join(missed) if missed else "all targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
