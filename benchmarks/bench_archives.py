"""Benchmark: a 200 MB LexisNexis text export with 20,000 articles streamed through
``biaskit run`` (issue 19): time and peak memory, against the same export cut to a tenth.
The same articles as a Factiva HTML page and as a ProQuest export are read too.

Run from the repository's top folder:  python benchmarks/bench_archives.py

It writes the export to a temporary folder (articles from synthetic.py: the bundled
articles' paragraphs recombined, about 10 kB each, in the LexisNexis layout with a cover page,
publication, date line, headline, BYLINE/SECTION/LENGTH, LOAD-DATE/LANGUAGE and copyright
lines), then, each in a fresh process:

- reads it only (``biaskit.corpus.archives.archive_chunks``), for the reader's own speed;
- runs ``biaskit run EXPORT --codebook corpora/syria-2015/codebook.yaml --out DIR``;

and the same for the first tenth of the articles. The Factiva HTML page (one article ``div``
and code table each) and the ProQuest export (separators, ``Full text:`` and the closing
fields) of the same articles are read only. Memory is flat when the peak of the whole
export stays within 25% of the peak of its tenth (the target), for every reader and for the
run; exit status 1 when it does not. ``--articles`` and ``--words`` change the size;
``--formats`` picks the readers; ``--jobs`` passes worker processes to ``biaskit run``;
``--quick`` runs tiny sizes and checks nothing.
"""

from __future__ import annotations

import argparse
import html
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


def write_export(path: Path, articles: int, words: int, export: str = "lexisnexis") -> int:
    """An export of ``articles`` articles in one of ``WRITERS``' formats; returns its size in
    bytes."""
    from synthetic import synthetic_frame

    head, article, tail = WRITERS[export]
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(head)
        for start in range(0, articles, CHUNK):
            frame = synthetic_frame(min(CHUNK, articles - start), words=words, start=start)
            for number, row in enumerate(frame.itertuples(), start=start + 1):
                out.write(article(number, articles, row))
        out.write(tail)
    return path.stat().st_size


def _lexisnexis(number: int, articles: int, row) -> str:
    body = "\n\n".join(row.text.split("\n\n"))
    return (f"{' ' * 30}{number} of {articles} DOCUMENTS\n\n\n"
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


def _factiva(number: int, articles: int, row) -> str:
    def cell(code: str, value: str) -> str:
        return f"<tr><td class=\"index\"><b>{code}</b></td><td>{value}</td></tr>\n"

    paragraphs = [f"<p class=\"articleParagraph\">{html.escape(p)}</p>"
                  for p in row.text.split("\n\n")]
    return (f"<div id=\"article-BENCH{number:08d}\" class=\"article enArticle\">\n<table>\n"
            + cell("HD", html.escape(row.title)) + cell("BY", f"By Staff reporter {number % 97}")
            + cell("WC", f"{len(row.text.split())} words")
            + cell("PD", f"{1 + number % 28} October 2015")
            + cell("SN", html.escape(row.source)) + cell("SE", "World") + cell("LA", "English")
            + cell("CY", f"&copy; 2015 {html.escape(row.source)}. All rights reserved.")
            + cell("LP", paragraphs[0]) + cell("TD", "\n".join(paragraphs[1:]))
            + cell("AN", f"Document BENCH{number:08d}") + "</table>\n</div>\n")


def _proquest(number: int, articles: int, row) -> str:
    return (f"Document {number} of {articles}\n\n{row.title}\n\n"
            f"Author: Reporter, Staff {number % 97}\n\n"
            f"Publication info: {row.source}. {1 + number % 28} Oct 2015: A.4.\n\n"
            f"ProQuest document link\n\nFull text: {row.text}\n\n"
            f"Title: {row.title}\n\nPublication title: {row.source}\n\n"
            f"Publication date: Oct {1 + number % 28}, 2015\n\nSection: World\n\n"
            f"Language of publication: English\n\nProQuest document ID: {1_000_000 + number}\n\n"
            f"Copyright: Copyright {row.source} Oct 2015\n\n"
            f"Database: Benchmark Database\n\n{'_' * 63}\n\n")


# format -> (what comes before the articles, one article, what comes after them)
WRITERS = {
    "lexisnexis": ("Search terms: synthetic benchmark\nPrinted for: benchmark\n\n\n",
                   _lexisnexis, ""),
    "factiva-html": ("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>Factiva"
                     "</title></head>\n<body>\n", _factiva, "</body>\n</html>\n"),
    "proquest": (f"Report Information from ProQuest\nOctober 30 2015 09:15\n{'_' * 63}\n\n",
                 _proquest, ""),
}


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
    parser.add_argument("--formats", default=",".join(WRITERS),
                        help="the readers to measure (default: all); LexisNexis is also run")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="tiny sizes; check nothing")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.words = 40, 200
    formats = args.formats.split(",")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()}")
    peaks: dict[str, list[float]] = {}
    analysed = {}
    with tempfile.TemporaryDirectory(prefix="biaskit-exports-") as tmp:
        tmp = Path(tmp)
        for label, n in (("tenth", args.articles // 10), ("whole", args.articles)):
            for export in formats:
                path = tmp / f"export-{n}.{'html' if export == 'factiva-html' else 'TXT'}"
                started = time.perf_counter()
                size = write_export(path, n, args.words, export)
                written = time.perf_counter() - started
                print(f"\n{label}, {export}: {n:,} articles, {size / 1e6:.0f} MB "
                      f"(written in {written:.0f} s)")
                read = measure("read", path, tmp / "unused", args.jobs)
                peaks.setdefault(f"read {export}", []).append(read["peak_mib"])
                print(f"  read only     {read['seconds']:8.1f} s  {n / read['seconds']:8.0f} "
                      f"articles/s  {size / 1e6 / read['seconds']:6.1f} MB/s  "
                      f"peak {read['peak_mib']:6.0f} MiB  ({read['documents']:,} documents)")
                if export == "lexisnexis":
                    run = measure("run", path, tmp / f"results-{n}", args.jobs)
                    analysed[label] = results_rows(tmp / f"results-{n}")
                    peaks.setdefault("run lexisnexis", []).append(run["peak_mib"])
                    print(f"  biaskit run   {run['seconds']:8.1f} s  {n / run['seconds']:8.0f} "
                          f"articles/s  peak {run['peak_mib']:6.0f} MiB  "
                          f"({analysed[label]:,} analysed, --jobs {args.jobs})")
                path.unlink()
    ratios = {name: big / small for name, (small, big) in peaks.items()}
    print("\npeak memory, whole / tenth: "
          + ", ".join(f"{name} {ratio:.2f}" for name, ratio in ratios.items())
          + " (target: at most 1.25)")
    if args.quick:
        return 0
    missed = [name for name, ratio in ratios.items() if ratio > 1.25]
    missed += ["not every article analysed"] if analysed.get("whole", args.articles) != \
        args.articles else []
    print("targets missed: " + ", ".join(missed) if missed else "all targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
