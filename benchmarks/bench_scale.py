"""Benchmark: speed of every analyser and of the full analysis, the VADER floor, memory of
streamed runs, and the speed-up of two processes (issue 7).

Run from the repository's top folder:  python benchmarks/bench_scale.py

It builds a synthetic corpus from the bundled articles (paragraphs shuffled and recombined,
about 600 words each, one word of each sentence swapped so that sentences are distinct as in
a real corpus; see synthetic.py) and reports, in one run:

- articles per second on one core for annotating documents (sentences, quotes, narrator
  text and names, which every analyser shares) and for each analyser of annotated documents,
  with the time it spends inside VADER and textstat and so in biaskit's own code; and for the
  full per-article analysis of fresh documents; the full analysis also on the plain
  recombination, whose sentences repeat (heavy syndication), to show what the per-text caches
  give;
- VADER alone: ``polarity_scores`` over every sentence of the same articles, uncached, which is
  the floor the required sentiment library sets; and the time VADER took inside the full
  analysis (which caches repeated text). The full analysis and VADER alone alternate, three
  runs each, and the best of each is kept, so that the machine's drift does not move their
  ratio;
- peak memory of ``biaskit.runs.stream.analyse_to_parquet`` over 20,000 and over 100,000 articles,
  each in a fresh process; and the speed of the 20,000 streamed with two worker processes;
- the seed article analysed alone, one call per article and nothing cached, for comparison
  with per-article pipelines;
- the speed-up of two worker processes over one: the best of three alternating runs of
  each, every run in a fresh process.

Targets: full analysis >= 300 articles/s per core; everything but VADER together no slower
than VADER alone; peak memory at 100,000 within 20% of that at 20,000; two processes >= 1.7x
one. Exit status 1 when a target is missed. ``--quick`` runs tiny sizes and checks nothing
(the test suite uses it to keep this script working).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from synthetic import synthetic_frame, write_parts  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

import biaskit.readability  # noqa: E402
import biaskit.tone  # noqa: E402
from biaskit import corpus_from_frame, load_codebook, load_corpus  # noqa: E402
from biaskit.annotate import annotate  # noqa: E402
from biaskit.attribution.records import attributions_frame  # noqa: E402
from biaskit.compare import analyse_documents  # noqa: E402
from biaskit.corpus.sentences import document_sentences  # noqa: E402
from biaskit.framing.claims import claim_occurrences  # noqa: E402
from biaskit.framing.cues import presentation_cues  # noqa: E402
from biaskit.framing.frames import frame_scores  # noqa: E402
from biaskit.readability import readability_frame  # noqa: E402
from biaskit.runs.batches import run_guarded  # noqa: E402
from biaskit.tone import coverage_tone, voice_tone  # noqa: E402

CODEBOOK = HERE.parent / "corpora" / "syria-2015" / "codebook.yaml"
SEED_ID = "000_d287f8da5092c987"  # the real article of ../shared/seed/
TARGET_PER_CORE = 300
TARGET_MEMORY_GROWTH = 1.20
TARGET_SPEEDUP = 1.7


def fresh_documents(n: int, seed: int, *, distinct: bool = True) -> list:
    """Documents built anew, so that nothing is memoised on them yet."""
    return list(corpus_from_frame(synthetic_frame(n, seed=seed, distinct=distinct)))


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def analyser_rates(n: int, codebook) -> dict[str, tuple[float, float, float]]:
    """Per analyser, on annotated documents (sentences, quotes and names known, as
    analyse_documents gives them to every analyser): articles/s, and the milliseconds per
    article spent inside VADER and inside textstat's scores."""
    # Compiled rules, and the pronunciation dictionary textstat loads on its first word.
    analyse_documents(fresh_documents(50, seed=2), codebook)
    plain = fresh_documents(n, seed=1)
    documents: list = []
    rates = {"annotation": (n / timed(lambda: documents.extend(map(annotate, plain))), 0.0, 0.0)}
    found = {}  # the attribution table, which the analysers after it read
    analysers = {
        "attributions": lambda: found.setdefault("quotes", attributions_frame(documents,
                                                                              codebook)),
        "claims": lambda: claim_occurrences(documents, codebook, found["quotes"]),
        "cues": lambda: presentation_cues(documents, found["quotes"], codebook),
        "voice tone": lambda: voice_tone(found["quotes"]),
        "coverage tone": lambda: coverage_tone(documents, found["quotes"], codebook),
        "frames": lambda: frame_scores(documents, codebook),
        "readability": lambda: readability_frame(documents),
    }
    biaskit.tone.polarity.cache_clear()
    for name, run in analysers.items():
        with Clock(biaskit.tone._ANALYZER, "polarity_scores") as vader, \
                Clock(biaskit.readability, "text_readability") as textstat:
            seconds = timed(run)
        rates[name] = (n / seconds, 1000 * vader.seconds / n, 1000 * textstat.seconds / n)
    return rates


class Clock:
    """Seconds spent in ``owner.name`` while installed (wraps it with a timer)."""

    def __init__(self, owner, name: str) -> None:
        self.seconds = 0.0
        self.owner, self.name = owner, name
        self.real = getattr(owner, name)

    def __enter__(self) -> Clock:
        def clocked(*args, **kwargs):
            start = time.perf_counter()
            try:
                return self.real(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
        setattr(self.owner, self.name, clocked)
        return self

    def __exit__(self, *exc) -> None:
        setattr(self.owner, self.name, self.real)


def pipeline(n: int, codebook, *, distinct: bool = True, rounds: int = 1) -> dict[str, float]:
    """The full per-article analysis of fresh documents on one core, with the time spent
    inside the two required libraries: VADER and textstat (the readability scores); and VADER
    alone over the same sentences. With several ``rounds`` the two alternate and the best of
    each is kept: this machine's speed drifts by a fifth or more within minutes, enough to
    move their ratio by as much when each is timed once."""
    analyse_documents(fresh_documents(50, seed=2), codebook)  # warm compiled rules
    analyser = SentimentIntensityAnalyzer()
    best: dict[str, float] = {}
    for _ in range(rounds):
        documents = fresh_documents(n, seed=3, distinct=distinct)
        biaskit.tone.polarity.cache_clear()
        with Clock(biaskit.tone._ANALYZER, "polarity_scores") as vader, \
                Clock(biaskit.readability, "text_readability") as textstat:
            seconds = timed(partial(analyse_documents, documents, codebook))
        if not best or seconds < best["seconds"]:
            best.update(seconds=seconds, vader_inside=vader.seconds,
                        textstat_inside=textstat.seconds)
        sentences = [s.text for d in documents for s in document_sentences(d)]
        alone = timed(partial(list, map(analyser.polarity_scores, sentences)))
        best["vader_alone"] = min(alone, best.get("vader_alone", alone))
    return {**best, "rate": n / best["seconds"], "sentences": len(sentences),
            "distinct": len(set(sentences)), "words": sum(d.n_words for d in documents) / n}


def seed_alone(repeats: int, codebook) -> tuple[float, int]:
    """Articles/s for the seed article analysed on its own, one call per article, with
    nothing about its text cached (VADER's cache cleared, a fresh document each time), as
    a per-article pipeline runs; and the article's word count."""
    seed = next(doc for doc in load_corpus(CODEBOOK.parent) if doc.doc_id == SEED_ID)

    def once() -> None:
        biaskit.tone.polarity.cache_clear()
        analyse_documents([replace(seed)], codebook)

    once()  # compiled rules
    return repeats / timed(lambda: [once() for _ in range(repeats)]), seed.n_words


def speedup(n: int, rounds: int) -> tuple[float, float]:
    """Seconds for ``n`` fresh articles with one worker process and with two: the best of
    ``rounds`` runs of each, alternating, since this machine's speed drifts by a fifth or more
    within minutes. Each run is in a fresh interpreter: run one after the other in one
    process, the second would find VADER's cache filled with the first's sentences."""
    seconds: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(rounds):
        for jobs in (1, 2):
            child = subprocess.run([sys.executable, __file__, "--speedup-child", str(n),
                                    str(jobs)], capture_output=True, text=True, check=True)
            seconds[jobs].append(float(child.stdout.strip()))
    return min(seconds[1]), min(seconds[2])


def speedup_child(n: int, jobs: int) -> None:
    codebook = load_codebook(CODEBOOK)
    analyse_documents(fresh_documents(50, seed=2), codebook)  # compiled rules, as elsewhere
    documents = fresh_documents(n, seed=4)
    analyse = partial(analyse_documents, codebook=codebook)
    print(timed(lambda: run_guarded(documents, analyse, n_jobs=jobs, progress=False)))


def streamed_peak(source: Path, out: Path, jobs: int = 1) -> tuple[float, float]:
    """Peak resident memory (MiB) of a streamed run's own process, in a fresh process, and
    the run's seconds."""
    start = time.perf_counter()
    child = subprocess.run([sys.executable, __file__, "--stream-child", str(source), str(out),
                            str(jobs)], capture_output=True, text=True, check=True)
    return float(child.stdout.strip()), time.perf_counter() - start


def stream_child(source: str, out: str, jobs: str) -> None:
    from biaskit.runs.stream import analyse_to_parquet

    analyse_to_parquet(source, load_codebook(CODEBOOK), out, n_jobs=int(jobs), progress=False,
                       fresh=True)
    print(peak_memory_mib())


def peak_memory_mib() -> float:
    """This process's peak resident memory in MiB.

    Linux's ru_maxrss carries the parent's peak over fork and exec, so a child started by
    this benchmark would report the parent's memory; VmHWM is the peak of the process's own
    memory since exec. Elsewhere, ru_maxrss (KiB on Linux, bytes on macOS).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes; check nothing")
    parser.add_argument("--articles", type=int, default=20_000,
                        help="streamed articles for the first memory run (default 20,000)")
    parser.add_argument("--streamed", type=int, default=100_000,
                        help="streamed articles for the second memory run (default 100,000)")
    parser.add_argument("--sample", type=int, default=2000,
                        help="articles timed per analyser and for the pipeline (default 2,000)")
    parser.add_argument("--stream-child", nargs=3, metavar=("SOURCE", "OUT", "JOBS"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--speedup-child", nargs=2, type=int, metavar=("ARTICLES", "JOBS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stream_child:
        stream_child(*args.stream_child)
        return 0
    if args.speedup_child:
        speedup_child(*args.speedup_child)
        return 0
    if args.quick:
        args.articles, args.streamed, args.sample = 60, 120, 40
    codebook = load_codebook(CODEBOOK)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{platform.python_implementation()} {platform.python_version()}, "
          f"{platform.platform()}")

    print(f"\nper analyser, {args.sample} synthetic articles, one core: articles/s, and ms per "
          "article in all, inside VADER, inside textstat and in biaskit's own code")
    for name, (rate, vader_ms, textstat_ms) in analyser_rates(args.sample, codebook).items():
        print(f"  {name:22s} {rate:7.0f}/s {1000 / rate:6.2f} ms = VADER {vader_ms:5.2f} + "
              f"textstat {textstat_ms:5.2f} + own {1000 / rate - vader_ms - textstat_ms:5.2f}")

    result = pipeline(args.sample, codebook, rounds=1 if args.quick else 3)
    others = result["seconds"] - result["vader_inside"]
    print(f"\nfull analysis, {args.sample} fresh articles of {result['words']:.0f} words on "
          f"average (best of alternating runs with VADER alone): {result['rate']:.0f} "
          "articles/s on one core")
    print(f"  VADER alone over the same {result['sentences']} sentences "
          f"({result['distinct']} distinct), uncached: {result['vader_alone']:.2f} s "
          f"({args.sample / result['vader_alone']:.0f} articles/s)")
    print(f"  inside the analysis: VADER {result['vader_inside']:.2f} s (cached per distinct "
          f"text), everything else {others:.2f} s")
    required = result["vader_inside"] + result["textstat_inside"]
    print(f"  the required libraries alone inside it: VADER and textstat's scores "
          f"{required:.2f} s, so at most {args.sample / required:.0f} articles/s even if "
          "biaskit's own work cost nothing")
    repeated = pipeline(args.sample, codebook, distinct=False)
    print(f"  the same without the swapped words ({repeated['distinct']} distinct sentences of "
          f"{repeated['sentences']}, as in heavy syndication): {repeated['rate']:.0f} articles/s")

    rate, words = seed_alone(20 if args.quick else 200, codebook)
    print(f"\nthe seed article ({words} words) alone, one call per article, nothing cached: "
          f"{rate:.0f} articles/s on one core")

    one, two = speedup(args.sample, 1 if args.quick else 3)
    print(f"\nworker processes, {args.sample} articles (best of alternating runs, each in a "
          f"fresh process): 1 process {one:.1f} s, 2 processes {two:.1f} s, "
          f"speed-up {one / two:.2f}x")

    with tempfile.TemporaryDirectory() as folder:
        peaks = {}
        for n in (args.articles, args.streamed):
            source = Path(folder) / f"corpus-{n}"
            write_parts(source, n, per_file=5000)
            peaks[n], seconds = streamed_peak(source, Path(folder) / f"out-{n}")
            print(f"streamed {n} articles: peak memory {peaks[n]:.0f} MiB, {seconds:.0f} s "
                  f"({n / seconds:.0f} articles/s with one process, reading and writing "
                  "included)")
            if n == args.articles:
                _, two_seconds = streamed_peak(source, Path(folder) / f"out-{n}-2", jobs=2)
                print(f"streamed {n} articles with 2 worker processes: {two_seconds:.0f} s "
                      f"({n / two_seconds:.0f} articles/s, {seconds / two_seconds:.2f}x one "
                      "process; one run each)")
    growth = peaks[args.streamed] / peaks[args.articles]
    print(f"  peak memory ratio {args.streamed} / {args.articles}: {growth:.2f}")

    if args.quick:
        return 0
    checks = {
        f"full analysis >= {TARGET_PER_CORE} articles/s per core": result["rate"]
        >= TARGET_PER_CORE,
        "everything but VADER no slower than VADER alone": others <= result["vader_alone"],
        f"peak memory growth <= {TARGET_MEMORY_GROWTH:.2f}x": growth <= TARGET_MEMORY_GROWTH,
        f"2 processes >= {TARGET_SPEEDUP}x 1": one / two >= TARGET_SPEEDUP,
    }
    print()
    for name, met in checks.items():
        print(f"{'met   ' if met else 'MISSED'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
