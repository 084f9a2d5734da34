"""Comparison of outlets on any pair of sides: one call runs every analyser and aggregates.

Every measure is a ratio of sums over articles (word share = the side's attributed words /
all attributed words), so the same definition gives the per-article value, the per-outlet
value (sums over the outlet's articles) and the bootstrap: an outlet's articles are drawn
with replacement, summed and the ratio taken again, ``bootstrap`` times with a fixed seed;
the 2.5th and 97.5th percentiles give a 95% interval. An outlet with a single article gets
no interval, and a warning says so.

>>> import biaskit
>>> corpus = biaskit.load_corpus("corpora/syria-2015")                      # doctest: +SKIP
>>> book = biaskit.load_codebook("corpora/syria-2015/codebook.yaml")        # doctest: +SKIP
>>> result = compare(corpus, book, sides=("russia", "amnesty"))             # doctest: +SKIP
>>> result.by_source[["source", "word_share_russia", "balance_index"]]      # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pandas as pd

from biaskit.annotate import annotate
from biaskit.attribution.balance import side_balance, source_balance, voice_positions
from biaskit.attribution.records import attributions_frame
from biaskit.codebook import Codebook
from biaskit.corpus.document import Corpus, Document, Problem
from biaskit.errors import InputError
from biaskit.framing.claims import claim_occurrences, presentation_flags
from biaskit.framing.cues import actor_labels, marker_rates, presentation_cues, stance_profile
from biaskit.framing.frames import frame_scores
from biaskit.readability import readability_frame
from biaskit.runs.batches import run_guarded
from biaskit.tone import coverage_tone, voice_tone

Sums = Mapping[str, np.ndarray]


def _ratio(numerator, denominator):
    numerator, denominator = np.asarray(numerator, float), np.asarray(denominator, float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1),
                        np.nan)


def _measures() -> dict[str, Callable[[Sums], np.ndarray]]:
    """Measure name (with 'a' and 'b' for the two sides) -> a function of summed columns."""
    measures: dict[str, Callable[[Sums], np.ndarray]] = {
        "balance_index": lambda s: _ratio(s["words_a"] - s["words_b"], s["words_a"] + s["words_b"]),
        "prominence_balance_index": lambda s: _ratio(s["prominence_a"] - s["prominence_b"],
                                                     s["prominence_a"] + s["prominence_b"]),
        "readability": lambda s: _ratio(s["flesch"], s["articles"]),
    }
    for x in ("a", "b"):
        measures.update({
            f"statements_{x}": lambda s, x=x: np.asarray(s[f"statements_{x}"], float),
            f"word_share_{x}": lambda s, x=x: _ratio(s[f"words_{x}"], s["words_all"]),
            f"quoted_word_share_{x}": lambda s, x=x: _ratio(s[f"quoted_{x}"], s["quoted_all"]),
            f"prominence_share_{x}": lambda s, x=x: _ratio(s[f"prominence_{x}"],
                                                         s["prominence_all"]),
            f"headline_voice_{x}": lambda s, x=x: _ratio(s[f"headline_{x}"], s["articles"]),
            f"first_voice_{x}": lambda s, x=x: _ratio(s[f"first_{x}"], s["articles"]),
            f"last_voice_{x}": lambda s, x=x: _ratio(s[f"last_{x}"], s["articles"]),
            f"narrator_share_{x}": lambda s, x=x: _ratio(s[f"narrator_{x}"], s[f"claims_{x}"]),
            f"neutral_share_{x}": lambda s, x=x: _ratio(s[f"neutral_{x}"], s[f"claims_{x}"]),
            f"distanced_share_{x}": lambda s, x=x: _ratio(s[f"distanced_{x}"], s[f"claims_{x}"]),
            f"denied_share_{x}": lambda s, x=x: _ratio(s[f"denied_{x}"], s[f"claims_{x}"]),
            f"countered_share_{x}": lambda s, x=x: _ratio(s[f"countered_{x}"], s[f"claims_{x}"]),
            f"distancing_verb_share_{x}": lambda s, x=x: _ratio(s[f"distancing_verbs_{x}"],
                                                              s[f"statements_{x}"]),
            f"hedges_per_statement_{x}": lambda s, x=x: _ratio(s[f"hedges_{x}"],
                                                             s[f"statements_{x}"]),
            f"voice_tone_{x}": lambda s, x=x: _ratio(s[f"voice_sum_{x}"], s[f"voice_n_{x}"]),
            f"coverage_tone_{x}": lambda s, x=x: _ratio(s[f"coverage_sum_{x}"],
                                                      s[f"coverage_n_{x}"]),
        })
    return measures


@dataclass
class Comparison:
    """The comparison of outlets on two sides, and every tidy table behind it.

    ``by_document`` and ``by_source`` hold the measures (named with the side ids);
    ``intervals`` the bootstrap 95% intervals per outlet and measure; ``tables`` the tidy
    tables of each analyser, with offsets and evidence, for tracing a number to sentences;
    ``failures`` the documents whose analysis failed, each with the reason.
    """

    sides: tuple[str, str]
    by_document: pd.DataFrame
    by_source: pd.DataFrame
    intervals: pd.DataFrame
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    failures: list[Problem] = field(default_factory=list)


def compare(corpus: Corpus, codebook: Codebook, sides: Sequence[str] | None = None, *,
            bootstrap: int = 1000, seed: int = 0, n_jobs: int = 1,
            progress: bool | None = None) -> Comparison:
    """Run every analyser and compare outlets on two sides (default: the codebook's first two).

    ``n_jobs`` worker processes analyse the documents (the results are the same as with one);
    ``progress`` shows a progress bar (by default for more than 20 documents).

    Raises:
        InputError: when a side is not in the codebook, or the codebook has fewer than two.
    """
    a, b = _pick_sides(codebook, sides)
    per_document, failures = run_guarded(list(corpus),
                                         partial(analyse_documents, codebook=codebook),
                                         n_jobs=n_jobs, progress=progress)
    failed = {problem.doc_id for problem in failures}
    documents = [doc for doc in corpus if doc.doc_id not in failed]
    quotes, cues = per_document["attributions"], per_document["cues"]
    balance = side_balance(quotes, documents, codebook)
    tables = {
        **per_document,
        "balance": balance,
        "source_balance": source_balance(balance, codebook),
        "positions": voice_positions(quotes, documents),
        "stance": stance_profile(quotes),
        "markers": marker_rates(cues, quotes),
        "labels": actor_labels(cues),
    }
    sums = _document_sums(documents, tables, a, b)
    measures = _measures()
    names = {name: _side_name(name, a, b) for name in measures}
    by_document = pd.DataFrame({names[n]: f(sums) for n, f in measures.items()}, index=sums.index)
    by_document.insert(0, "source", [doc.source for doc in documents])
    by_document = by_document.reset_index()
    by_document["dominant_frame"] = _dominant_frames(tables["frames"], "doc_id")[
        by_document["doc_id"]].to_numpy()

    summed = sums.groupby(by_document["source"].to_numpy(), sort=True).sum()
    by_source = pd.DataFrame({names[n]: f(summed) for n, f in measures.items()},
                             index=summed.index)
    by_source.insert(0, "documents", summed["articles"].astype(int))
    by_source = by_source.rename_axis("source").reset_index()
    by_source["dominant_frame"] = _dominant_frames(tables["frames"], "source")[
        by_source["source"]].to_numpy()

    intervals, warnings = _bootstrap(sums, by_document["source"].to_numpy(), measures, names,
                                     bootstrap, seed)
    return Comparison((a, b), by_document, by_source, intervals, tables, warnings, failures)


def analyse_documents(documents: Sequence[Document], codebook: Codebook
                      ) -> dict[str, pd.DataFrame]:
    """Every per-document table for these documents: attributions, claims, cues, voice and
    coverage tone, frames and readability. Each document is annotated once, for all of them."""
    documents = [annotate(doc) for doc in documents]
    quotes = attributions_frame(documents, codebook)
    return {
        "attributions": quotes,
        "claims": claim_occurrences(documents, codebook, quotes),
        "cues": presentation_cues(documents, quotes, codebook),
        "voice_tone": voice_tone(quotes),
        "coverage_tone": coverage_tone(documents, quotes, codebook),
        "frames": frame_scores(documents, codebook),
        "readability": readability_frame(documents),
    }


def _side_name(name: str, a: str, b: str) -> str:
    """'word_share_a' -> 'word_share_russia'."""
    for suffix, side in (("_a", a), ("_b", b)):
        if name.endswith(suffix):
            return name[: -len(suffix)] + f"_{side}"
    return name


def _pick_sides(codebook: Codebook, sides: Sequence[str] | None) -> tuple[str, str]:
    if sides is None:
        if len(codebook.sides) < 2:
            raise InputError("comparing needs a codebook with at least two sides",
                             path=codebook.path)
        first, second = list(codebook.sides)[:2]
        return first, second
    if len(sides) != 2 or sides[0] == sides[1]:
        raise InputError(f"give two different sides to compare, not {list(sides)}")
    for side in sides:
        if side not in codebook.sides:
            raise InputError(f"side {side!r} is not in the codebook", path=codebook.path,
                             hint=f"Sides are: {', '.join(codebook.sides)}")
    return sides[0], sides[1]


def _document_sums(documents, tables: dict[str, pd.DataFrame], a: str, b: str) -> pd.DataFrame:
    """Per article, the counts every measure is a ratio of."""
    ids = [doc.doc_id for doc in documents]
    sums = pd.DataFrame(index=pd.Index(ids, name="doc_id"))
    sums["articles"] = 1.0
    balance = tables["balance"]
    totals = balance.groupby("doc_id")[["words", "quoted_words", "prominence"]].sum()
    sums["words_all"] = totals["words"]
    sums["quoted_all"] = totals["quoted_words"]
    sums["prominence_all"] = totals["prominence"]
    positions = tables["positions"].set_index("doc_id")
    claims, quotes = tables["claims"], tables["attributions"]
    cues = tables["cues"]
    for x, side in (("a", a), ("b", b)):
        rows = balance[balance["side"] == side].set_index("doc_id")
        sums[f"statements_{x}"] = rows["statements"]
        sums[f"words_{x}"] = rows["words"]
        sums[f"quoted_{x}"] = rows["quoted_words"]
        sums[f"prominence_{x}"] = rows["prominence"]
        for where in ("headline", "first", "last"):
            sums[f"{where}_{x}"] = positions[f"{where}_side"].str.split("+").apply(
                lambda found, side=side: float(side in found))
        mine = claims[claims["claim_side"] == side]
        flags = presentation_flags(mine).rename(columns={"neutral_attribution": "neutral"})
        flags["claims"] = True
        for name, flag in flags.items():
            sums[f"{name}_{x}"] = flag.groupby(mine["doc_id"]).sum()
        said = quotes[quotes["side"] == side]
        sums[f"distancing_verbs_{x}"] = (said["stance"] == "distancing").groupby(
            said["doc_id"]).sum()
        hedged = cues[(cues["side"] == side) & cues["class"].isin(["hedge", "distancing"])]
        sums[f"hedges_{x}"] = hedged.groupby("doc_id").size()
        for kind in ("voice", "coverage"):
            scored = tables[f"{kind}_tone"]
            scored = scored[scored["side"] == side].groupby("doc_id")["compound"]
            sums[f"{kind}_sum_{x}"] = scored.sum()
            sums[f"{kind}_n_{x}"] = scored.size()
    sums["flesch"] = tables["readability"].set_index("doc_id")["flesch_reading_ease"]
    return sums.fillna(0.0).astype(float)


def _dominant_frames(frames: pd.DataFrame, by: str) -> pd.Series:
    """The frame with the highest mean score per group ('' when no frame term was found)."""
    means = frames.groupby([by, "frame"])["score"].mean().unstack(fill_value=0.0)
    return means.idxmax(axis=1).where(means.max(axis=1) > 0, "")


def _bootstrap(sums: pd.DataFrame, sources: np.ndarray, measures, names: dict[str, str],
               draws: int, seed: int) -> tuple[pd.DataFrame, list[str]]:
    """Percentile intervals over articles, per outlet; the same seed gives the same numbers."""
    rng = np.random.default_rng(seed)
    rows, warnings = [], []
    for source in sorted(set(sources)):
        block = sums[sources == source]
        n = len(block)
        estimate = {name: f(block.sum()) for name, f in measures.items()}
        if n < 2 or draws <= 0:
            if n < 2:
                name = repr(source) if source else "(no source)"
                warnings.append(f"{name} has a single article: its numbers have no "
                                "interval and describe that article only")
            rows += [{"source": source, "measure": names[name], "estimate": float(value),
                      "low": np.nan, "high": np.nan, "documents": n}
                     for name, value in estimate.items()]
            continue
        picks = rng.integers(0, n, size=(draws, n))
        counts = np.zeros((draws, n))
        np.add.at(counts, (np.repeat(np.arange(draws), n), picks.ravel()), 1)
        resampled = counts @ block.to_numpy()
        columns = {name: resampled[:, i] for i, name in enumerate(block.columns)}
        for name, f in measures.items():
            values = f(columns)
            values = values[~np.isnan(values)]
            low, high = (np.percentile(values, [2.5, 97.5]) if len(values) else
                         (np.nan, np.nan))
            rows.append({"source": source, "measure": names[name],
                         "estimate": float(estimate[name]), "low": float(low),
                         "high": float(high), "documents": n})
    return pd.DataFrame(rows, columns=["source", "measure", "estimate", "low", "high",
                                       "documents"]), warnings
