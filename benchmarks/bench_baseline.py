"""Benchmark: biaskit against the usual open-source pipeline, on the same machine in one run
(issue 7).

Run from the repository's top folder:  python benchmarks/bench_baseline.py

The usual pipeline parses each article with a spaCy English model, takes its direct
quotations with textacy (``textacy.extract.direct_quotations``), scores every sentence spaCy
finds with VADER and the whole article with textstat's five readability scores. It needs what
biaskit does not, so install it first (the model comes from spaCy's own release, not PyPI):

    pip install -e ".[baseline]"
    python -m spacy download en_core_web_sm

It reports:

- speed on one core: the seed article alone, one call per article with nothing cached, as a
  per-article pipeline runs; and a corpus of synthetic articles of about 600 words (see
  synthetic.py), the usual pipeline with ``nlp.pipe`` and biaskit's full analysis. The two
  tools take turns and the best run of each is kept, since this machine's speed drifts;
- who said the quoted words, on the bundled articles with hand-coded gold
  (tests/gold/attribution.jsonl): of the gold statements that quote their speaker (modes
  direct and mixed), how many each tool finds (a quotation of the tool's overlaps the
  statement) and names the gold speaker for (the last word of the gold speaker's name is a
  word of the speaker the tool gives, case aside); and how many of the tool's quotations
  overlap no such statement. For biaskit these are its direct and mixed statements.

BLAS threads are limited to one before numpy loads, so that spaCy's model uses one core as
biaskit does; the CPU time over wall time printed beside each speed shows it. textstat runs
with the offline dictionary and per-word caches that importing biaskit installs (without them
it would try to download NLTK's dictionary and fail offline), so the usual pipeline is
measured at its fastest. ``--quick`` runs tiny sizes (the numbers are then not meaningful).
"""

from __future__ import annotations

import os

for _threads in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_threads, "1")

import argparse  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from functools import partial  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_scale import CODEBOOK, SEED_ID, fresh_documents  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

import biaskit.tone  # noqa: E402
from biaskit import load_codebook, load_corpus  # noqa: E402
from biaskit.codebook import Actor  # noqa: E402
from biaskit.compare import analyse_documents  # noqa: E402
from biaskit.readability import MEASURES  # noqa: E402
from biaskit.validation.evaluate import load_gold  # noqa: E402

GOLD = HERE.parent / "tests" / "gold" / "attribution.jsonl"
INSTALL = ('pip install -e ".[baseline]" and then python -m spacy download en_core_web_sm, '
           "or name an installed spaCy English model with --model")


def usual_pipeline(nlp, texts: list[str], *, one_by_one: bool = False) -> list[tuple]:
    """For each text: textacy's direct quotations, VADER's scores of each spaCy sentence and
    textstat's readability scores, as the usual pipeline computes them."""
    from textacy.extract import direct_quotations

    analyzer = SentimentIntensityAnalyzer()
    parsed = (nlp(text) for text in texts) if one_by_one else nlp.pipe(texts)
    results = []
    for text, doc in zip(texts, parsed, strict=True):
        quotations = list(direct_quotations(doc))
        tones = [analyzer.polarity_scores(sentence.text) for sentence in doc.sents]
        readability = {name: measure(text) for name, measure in MEASURES.items()}
        results.append((quotations, tones, readability))
    return results


class Timer:
    """Best wall time of the runs it has timed, with the CPU time of that run."""

    def __init__(self) -> None:
        self.wall = self.cpu = float("inf")

    def time(self, run) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if wall < self.wall:
            self.wall, self.cpu = wall, cpu

    def line(self, articles: int) -> str:
        return (f"{articles / self.wall:7.1f} articles/s ({1000 * self.wall / articles:6.1f} ms "
                f"each; CPU/wall {self.cpu / self.wall:.2f})")


def speed(nlp, codebook, *, repeats: int, articles: int, rounds: int) -> dict[str, Timer]:
    seed = next(doc for doc in load_corpus(CODEBOOK.parent) if doc.doc_id == SEED_ID)
    # Compiled rules, loaded lexicons and dictionaries, on both sides.
    usual_pipeline(nlp, [seed.text] * 3)
    analyse_documents(fresh_documents(20, seed=2), codebook)

    def biaskit_seed_alone() -> None:
        for _ in range(repeats):
            biaskit.tone.polarity.cache_clear()
            analyse_documents([replace(seed)], codebook)

    timers = {name: Timer() for name in ("usual seed", "biaskit seed", "usual corpus",
                                         "biaskit corpus")}
    for _ in range(rounds):
        timers["usual seed"].time(lambda: usual_pipeline(nlp, [seed.text] * repeats,
                                                         one_by_one=True))
        timers["biaskit seed"].time(biaskit_seed_alone)
        documents = fresh_documents(articles, seed=3)
        texts = [doc.text for doc in documents]
        timers["usual corpus"].time(partial(usual_pipeline, nlp, texts))
        biaskit.tone.polarity.cache_clear()
        timers["biaskit corpus"].time(partial(analyse_documents, documents, codebook))
    return timers


def quoted_speakers(nlp, codebook) -> dict[str, dict[str, int]]:
    """Of the gold statements that quote their speaker, how many each tool finds, and for how
    many it gives the gold actor and the gold side; with its quotations that match none."""
    from textacy.extract import direct_quotations

    gold = load_gold(GOLD)
    gold = gold[gold["mode"].isin(["direct", "mixed"])]
    documents = [doc for doc in load_corpus(CODEBOOK.parent)
                 if doc.doc_id in set(gold["doc_id"])]
    # The usual pipeline gives a speaker's words ("Bondarev", "he", "the report"): its actor
    # is the codebook actor with the longest alias among them, as a scholar would look it up.
    aliases = sorted(((alias, actor) for actor in codebook.actors.values()
                      for alias in actor.aliases), key=lambda pair: -len(pair[0]))
    alias_pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a, _ in aliases)
                               + r")(?![\w-])", re.IGNORECASE)
    by_alias = {alias.lower(): actor for alias, actor in aliases}

    def actor_named(speaker: str) -> Actor | None:
        named = alias_pattern.findall(speaker)
        return by_alias[max(named, key=len).lower()] if named else None

    found: dict[str, list[tuple[str, int, int, str, str]]] = {"usual": [], "biaskit": []}
    for doc, parsed in zip(documents, nlp.pipe(doc.text for doc in documents), strict=True):
        for quotation in direct_quotations(parsed):
            actor = actor_named(" ".join(token.text for token in quotation.speaker))
            found["usual"].append((doc.doc_id, quotation.content.start_char,
                                   quotation.content.end_char,
                                   actor.actor_id if actor else "", actor.side if actor else ""))
    ours = analyse_documents(documents, codebook)["attributions"]
    ours = ours[ours["mode"].isin(["direct", "mixed"])]
    found["biaskit"] = list(zip(ours["doc_id"], ours["start"], ours["end"], ours["actor"],
                                ours["side"], strict=True))
    scores = {}
    for tool, quotations in found.items():
        counts = dict.fromkeys(("found", "actor", "side"), 0)
        for statement in gold.itertuples():
            overlapping = [(actor, side) for doc_id, start, end, actor, side in quotations
                           if doc_id == statement.doc_id and start < statement.end
                           and statement.start < end]
            counts["found"] += bool(overlapping)
            counts["actor"] += any(actor == statement.actor for actor, _ in overlapping)
            counts["side"] += any(side == statement.side for _, side in overlapping)
        stray = sum(not any(doc_id == g.doc_id and start < g.end and g.start < end
                            for g in gold.itertuples())
                    for doc_id, start, end, _, _ in quotations)
        scores[tool] = {"gold": len(gold), **counts, "quotations": len(quotations),
                        "stray": stray}
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="en_core_web_sm",
                        help="the spaCy English model to load (default en_core_web_sm)")
    parser.add_argument("--articles", type=int, default=200,
                        help="synthetic articles timed for each tool (default 200)")
    parser.add_argument("--repeats", type=int, default=20,
                        help="seed-article calls timed for each tool (default 20)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="alternating runs of each tool; the best counts (default 3)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.repeats, args.rounds = 5, 2, 1
    try:
        import spacy
        import textacy
    except ImportError as error:
        print(f"bench_baseline: {error.name} is not installed: {INSTALL}", file=sys.stderr)
        return 2
    try:
        nlp = spacy.load(args.model)
    except OSError:
        print(f"bench_baseline: no spaCy model {args.model!r}: {INSTALL}", file=sys.stderr)
        return 2
    codebook = load_codebook(CODEBOOK)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{platform.python_implementation()} {platform.python_version()}, "
          f"{platform.platform()}")
    print(f"usual pipeline: spaCy {spacy.__version__} with {nlp.meta['name']} "
          f"{nlp.meta['version']} ({', '.join(nlp.pipe_names)}), textacy "
          f"{textacy.__version__}, VADER and textstat")

    timers = speed(nlp, codebook, repeats=args.repeats, articles=args.articles,
                   rounds=args.rounds)
    seed = next(doc for doc in load_corpus(CODEBOOK.parent) if doc.doc_id == SEED_ID)
    print(f"\nspeed on one core, best of {args.rounds} alternating runs")
    print(f"  seed article ({seed.n_words} words) alone, one call per article, nothing cached")
    print(f"    usual pipeline {timers['usual seed'].line(args.repeats)}")
    print(f"    biaskit        {timers['biaskit seed'].line(args.repeats)}")
    print(f"  {args.articles} synthetic articles of about 600 words")
    print(f"    usual pipeline {timers['usual corpus'].line(args.articles)}")
    print(f"    biaskit        {timers['biaskit corpus'].line(args.articles)}")
    for where in ("seed", "corpus"):
        ratio = timers[f"usual {where}"].wall / timers[f"biaskit {where}"].wall
        print(f"  biaskit is {ratio:.1f}x as fast on the {where}")

    scores = quoted_speakers(nlp, codebook)
    gold_count = scores["biaskit"]["gold"]
    print(f"\nwho said the quoted words: {gold_count} gold statements that quote their speaker "
          "(direct and mixed), bundled articles")
    for tool, label in (("usual", "usual pipeline"), ("biaskit", "biaskit       ")):
        s = scores[tool]
        print(f"  {label} found {s['found']:3d} ({s['found'] / gold_count:4.0%}), with the gold "
              f"actor {s['actor']:3d} ({s['actor'] / gold_count:4.0%}), with the gold side "
              f"{s['side']:3d} ({s['side'] / gold_count:4.0%}); {s['quotations']} quotations, "
              f"{s['stray']} overlapping no gold statement of these modes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
