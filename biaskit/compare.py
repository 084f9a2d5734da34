"""Comparison of outlets on every side of a story: one call runs every analyser and aggregates.

Each side of the codebook (or of ``sides``, any number of them) gets its own measures, named
``<measure>_<side>``: its share of the words, where it speaks, how its claims are told, the
tone of its words. The balance index is a view of two sides: ``balance_index`` for the first
two of ``sides`` (``Comparison.pair``) and :meth:`Comparison.balance` for any other two.
What each measure means, and its sign, is in ``biaskit/data/measures.yaml``
(:mod:`biaskit.report.glossary`).

Every measure is a ratio of sums over articles (word share = the side's attributed words /
all attributed words), so the same definition gives the per-article value, the per-outlet
value (sums over the outlet's articles) and the bootstrap: an outlet's articles are drawn
with replacement, summed and the ratio taken again, ``bootstrap`` times with a fixed seed;
the 2.5th and 97.5th percentiles give a 95% interval. A percentile bootstrap over a handful
of articles only lists what those articles hold, so an outlet gets an interval only from
:data:`MIN_INTERVAL_ARTICLES` articles on, and a warning names the outlets with fewer.

>>> import biaskit
>>> corpus = biaskit.load_corpus("corpora/syria-2015")                      # doctest: +SKIP
>>> book = biaskit.load_codebook("corpora/syria-2015/codebook.yaml")        # doctest: +SKIP
>>> result = compare(corpus, book)                                          # doctest: +SKIP
>>> result.by_source[["source", "word_share_russia", "word_share_others"]]  # doctest: +SKIP
>>> result.balance("amnesty", "others")                                     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from biaskit.framing.claims import claim_occurrences
from biaskit.framing.cues import actor_labels, marker_rates, presentation_cues, stance_profile
from biaskit.framing.frames import frame_scores
from biaskit.framing.presentation import CATEGORIES, FLAGS, claim_categories, claim_flags
from biaskit.readability import readability_frame
from biaskit.runs.batches import run_guarded
from biaskit.tone import Scorer, coverage_tone, tone_settings, voice_tone

#: An outlet needs this many articles for its bootstrap interval to mean something: with
#: fewer, resampling articles only reshuffles the same few values (two articles give just
#: their range), so the interval is left out rather than shown too narrow.
MIN_INTERVAL_ARTICLES = 10

Measure = Callable[[pd.DataFrame | dict], np.ndarray]
_PAIR_COUNTS = {"balance_index": "words", "prominence_balance_index": "prominence"}


def _ratio(numerator, denominator):
    numerator, denominator = np.asarray(numerator, float), np.asarray(denominator, float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1),
                        np.nan)


def _per_side(side: str) -> dict[str, Measure]:
    """Measure base name -> a function of summed columns, for one side."""
    def n(count: str) -> str:
        return f"{count}|{side}"

    measures: dict[str, Measure] = {
        "statements": lambda s: np.asarray(s[n("statements")], float),
        "word_share": lambda s: _ratio(s[n("words")], s["words"]),
        "quoted_word_share": lambda s: _ratio(s[n("quoted")], s["quoted"]),
        "prominence_share": lambda s: _ratio(s[n("prominence")], s["prominence"]),
        "headline_voice": lambda s: _ratio(s[n("headline")], s["articles"]),
        "first_voice": lambda s: _ratio(s[n("first")], s["articles"]),
        "last_voice": lambda s: _ratio(s[n("last")], s["articles"]),
        "claims": lambda s: np.asarray(s[n("claims")], float),
    }
    for key in (*CATEGORIES, *FLAGS):
        measures[f"claim_{key}_share"] = lambda s, key=key: _ratio(s[n(key)], s[n("claims")])
    measures.update({
        "distancing_verb_share": lambda s: _ratio(s[n("distancing")], s[n("statements")]),
        "endorsing_verb_share": lambda s: _ratio(s[n("endorsing")], s[n("statements")]),
        "hedges_per_statement": lambda s: _ratio(s[n("hedges")], s[n("statements")]),
        "voice_tone": lambda s: _ratio(s[n("voice_sum")], s[n("voice_n")]),
        "coverage_tone": lambda s: _ratio(s[n("coverage_sum")], s[n("coverage_n")]),
    })
    return measures


def _pairwise(a: str, b: str, count: str) -> Measure:
    """(a - b) / (a + b) of one count: +1 only a, -1 only b, NaN when neither."""
    return lambda s: _ratio(s[f"{count}|{a}"] - s[f"{count}|{b}"],
                            s[f"{count}|{a}"] + s[f"{count}|{b}"])


def measures_for(sides: Sequence[str], pair: tuple[str, str] | None
                 ) -> dict[str, Measure]:
    """Column name -> measure: the outlet-wide ones, the pair's indices, then each side's."""
    measures: dict[str, Measure] = {
        "attributed_statements": lambda s: np.asarray(s["statements"], float),
        "claim_occurrences": lambda s: np.asarray(s["claims"], float),
        "readability": lambda s: _ratio(s["flesch"], s["articles"]),
    }
    if pair is not None:
        for name, count in _PAIR_COUNTS.items():
            measures[name] = _pairwise(*pair, count)
    for side in sides:
        measures.update({f"{base}_{side}": f for base, f in _per_side(side).items()})
    return measures


@dataclass
class Comparison:
    """The comparison of outlets on every side in ``sides``, and every tidy table behind it.

    ``by_document`` and ``by_source`` hold the measures (per side: ``<measure>_<side>``);
    ``intervals`` the bootstrap 95% intervals per outlet and measure, with the number of
    articles behind each; ``tables`` the tidy tables of each analyser, with offsets and
    evidence, for tracing a number to sentences; ``failures`` the documents whose analysis
    failed, each with the reason; ``sums`` the per-article counts every measure is a ratio
    of. ``pair`` is the two sides of ``balance_index`` (None with a single side).
    """

    sides: tuple[str, ...]
    pair: tuple[str, str] | None
    by_document: pd.DataFrame
    by_source: pd.DataFrame
    intervals: pd.DataFrame
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    failures: list[Problem] = field(default_factory=list)
    sums: pd.DataFrame = field(default_factory=pd.DataFrame)
    bootstrap: int = 1000
    seed: int = 0
    min_articles: int = MIN_INTERVAL_ARTICLES
    #: How tone was scored: ``scorer`` (its name) and ``coverage_method``.
    tone: dict[str, str] = field(default_factory=dict)

    def balance(self, a: str, b: str, *, measure: str = "words") -> pd.DataFrame:
        """The balance index of any two measured sides per outlet: ``(a - b) / (a + b)`` on
        ``words`` or ``prominence``, the two counts, and its interval (same seed and minimum
        of articles as the comparison): +1 only ``a`` speaks, -1 only ``b``, 0 even."""
        for side in (a, b):
            if side not in self.sides:
                raise InputError(f"side {side!r} was not measured in this comparison",
                                 hint=f"Measured sides: {', '.join(self.sides)}")
        if measure not in _PAIR_COUNTS.values():
            raise ValueError(f"measure must be words or prominence, not {measure!r}")
        index = {"balance_index": _pairwise(a, b, measure)}
        sources = self.by_document["source"].to_numpy()
        table, _ = _bootstrap(self.sums, sources, index, self.bootstrap, self.seed,
                              self.min_articles)
        counts = self.sums.groupby(sources, sort=True)[[f"{measure}|{a}", f"{measure}|{b}"]]\
            .sum().set_axis([a, b], axis=1).rename_axis("source").reset_index()
        table = table.drop(columns="measure").rename(columns={"estimate": "balance_index"})
        return counts.merge(table, on="source")


def compare(corpus: Corpus, codebook: Codebook, sides: Sequence[str] | None = None, *,
            bootstrap: int = 1000, seed: int = 0, n_jobs: int = 1,
            progress: bool | None = None,
            min_articles: int = MIN_INTERVAL_ARTICLES, tone_scorer: Scorer | str | None = None,
            coverage_method: str = "target") -> Comparison:
    """Run every analyser and compare outlets on ``sides`` (default: every codebook side).

    ``n_jobs`` worker processes analyse the documents (the results are the same as with one);
    ``progress`` shows a progress bar (by default for more than 20 documents); an outlet
    gets intervals from ``min_articles`` articles on. ``tone_scorer`` and ``coverage_method``
    are passed to :func:`biaskit.tone.coverage_tone` and :func:`biaskit.tone.voice_tone`.

    Raises:
        InputError: when a side is not in the codebook, is given twice, or none is left, or
            the tone scorer cannot be imported.
    """
    chosen = _pick_sides(codebook, sides)
    pair = (chosen[0], chosen[1]) if len(chosen) >= 2 else None
    tone = tone_settings(tone_scorer, coverage_method)  # an unknown scorer fails here, early
    analyse = partial(analyse_documents, codebook=codebook, tone_scorer=tone_scorer,
                      coverage_method=coverage_method)
    per_document, failures = run_guarded(list(corpus), analyse, n_jobs=n_jobs,
                                         progress=progress)
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
    sums = _document_sums(documents, tables, chosen)
    measures = measures_for(chosen, pair)
    by_document = pd.DataFrame({name: f(sums) for name, f in measures.items()},
                               index=sums.index)
    by_document.insert(0, "source", [doc.source for doc in documents])
    by_document = by_document.reset_index()
    by_document["dominant_frame"] = _dominant_frames(tables["frames"], "doc_id").reindex(
        by_document["doc_id"]).fillna("").to_numpy()

    summed = sums.groupby(by_document["source"].to_numpy(), sort=True).sum()
    by_source = pd.DataFrame({name: f(summed) for name, f in measures.items()},
                             index=summed.index)
    by_source.insert(0, "documents", summed["articles"].astype(int))
    by_source = by_source.rename_axis("source").reset_index()
    by_source["dominant_frame"] = _dominant_frames(tables["frames"], "source").reindex(
        by_source["source"]).fillna("").to_numpy()

    intervals, warnings = _bootstrap(sums, by_document["source"].to_numpy(), measures,
                                     bootstrap, seed, min_articles)
    return Comparison(chosen, pair, by_document, by_source, intervals, tables, warnings,
                      failures, sums, bootstrap, seed, min_articles, tone)


def analyse_documents(documents: Sequence[Document], codebook: Codebook, *,
                      tone_scorer: Scorer | str | None = None,
                      coverage_method: str = "target") -> dict[str, pd.DataFrame]:
    """Every per-document table for these documents: attributions, claims, cues, voice and
    coverage tone (by ``tone_scorer`` and ``coverage_method``), frames and readability. Each
    document is annotated once, for all of them."""
    documents = [annotate(doc) for doc in documents]
    quotes = attributions_frame(documents, codebook)
    return {
        "attributions": quotes,
        "claims": claim_occurrences(documents, codebook, quotes),
        "cues": presentation_cues(documents, quotes, codebook),
        "voice_tone": voice_tone(quotes, scorer=tone_scorer),
        "coverage_tone": coverage_tone(documents, quotes, codebook, method=coverage_method,
                                       scorer=tone_scorer),
        "frames": frame_scores(documents, codebook),
        "readability": readability_frame(documents),
    }


def split_measure(column: str, sides: Sequence[str]) -> tuple[str, str]:
    """(measure, side) of a column name: 'word_share_russia' -> ('word_share', 'russia');
    ('balance_index', '') for a measure of no single side."""
    for side in sorted(sides, key=len, reverse=True):  # 'b_c' before 'c'
        if column.endswith(f"_{side}"):
            return column[: -len(side) - 1], side
    return column, ""


def _pick_sides(codebook: Codebook, sides: Sequence[str] | None) -> tuple[str, ...]:
    if sides is None:
        sides = list(codebook.sides)
    if isinstance(sides, str):
        sides = [sides]
    if not sides:
        raise InputError("comparing needs at least one side", path=codebook.path,
                         hint="Give sides in the codebook, or name some with --sides")
    for side in sides:
        if side not in codebook.sides:
            raise InputError(f"side {side!r} is not in the codebook", path=codebook.path,
                             hint=f"Sides are: {', '.join(codebook.sides)}")
    repeated = sorted({side for side in sides if list(sides).count(side) > 1})
    if repeated:
        raise InputError(f"side {repeated[0]!r} is given twice; name each side once")
    return tuple(sides)


def _document_sums(documents, tables: dict[str, pd.DataFrame], sides: Sequence[str]
                   ) -> pd.DataFrame:
    """Per article, the counts every measure is a ratio of (``count|side`` per side)."""
    ids = [doc.doc_id for doc in documents]
    columns: dict[str, pd.Series | float] = {"articles": 1.0}
    balance = tables["balance"]
    totals = balance.groupby("doc_id")[["statements", "words", "quoted_words",
                                        "prominence"]].sum()
    columns.update(statements=totals["statements"], words=totals["words"],
                   quoted=totals["quoted_words"], prominence=totals["prominence"])
    positions = tables["positions"].set_index("doc_id")
    # The sides that speak in the headline, first and last, per article (split once).
    voices = {where: positions[f"{where}_side"].str.split("+")
              for where in ("headline", "first", "last")}
    claims, quotes, cues = tables["claims"], tables["attributions"], tables["cues"]
    shown = pd.get_dummies(claim_categories(claims)).reindex(columns=list(CATEGORIES),
                                                             fill_value=False)
    presented = pd.concat([shown, claim_flags(claims)], axis=1).assign(claims=True)
    columns["claims"] = claims.groupby("doc_id").size()
    for side in sides:
        rows = balance[balance["side"] == side].set_index("doc_id")
        for count, column in (("statements", "statements"), ("words", "words"),
                              ("quoted", "quoted_words"), ("prominence", "prominence")):
            columns[f"{count}|{side}"] = rows[column]
        for where, found in voices.items():
            columns[f"{where}|{side}"] = found.apply(lambda sides, side=side: float(side in sides))
        mine = claims["claim_side"] == side
        for name, flag in presented[mine].items():
            columns[f"{name}|{side}"] = flag.groupby(claims.loc[mine, "doc_id"]).sum()
        said = quotes[quotes["side"] == side]
        for stance in ("distancing", "endorsing"):
            columns[f"{stance}|{side}"] = (said["stance"] == stance).groupby(
                said["doc_id"]).sum()
        hedged = cues[(cues["side"] == side) & cues["class"].isin(["hedge", "distancing"])]
        columns[f"hedges|{side}"] = hedged.groupby("doc_id").size()
        for kind in ("voice", "coverage"):
            scored = tables[f"{kind}_tone"]
            scored = scored[scored["side"] == side].groupby("doc_id")["compound"]
            columns[f"{kind}_sum|{side}"] = scored.sum()
            columns[f"{kind}_n|{side}"] = scored.size()
    columns["flesch"] = tables["readability"].set_index("doc_id")["flesch_reading_ease"]
    index = pd.Index(ids, name="doc_id")
    sums = pd.DataFrame({name: (value.reindex(index) if isinstance(value, pd.Series) else
                                value) for name, value in columns.items()}, index=index)
    return sums.fillna(0.0).astype(float)


def _dominant_frames(frames: pd.DataFrame, by: str) -> pd.Series:
    """The frame with the highest mean score per group ('' when no frame term was found)."""
    means = frames.groupby([by, "frame"])["score"].mean().unstack(fill_value=0.0)
    return means.idxmax(axis=1).where(means.max(axis=1) > 0, "")


def _bootstrap(sums: pd.DataFrame, sources: np.ndarray, measures: dict[str, Measure],
               draws: int, seed: int, min_articles: int) -> tuple[pd.DataFrame, list[str]]:
    """Percentile intervals over articles, per outlet with at least ``min_articles``; the
    same seed gives the same numbers."""
    rng = np.random.default_rng(seed)
    rows, few = [], []
    for source in sorted(set(sources)):
        block = sums[sources == source]
        n = len(block)
        total = block.sum()
        estimate = {name: f(total) for name, f in measures.items()}
        if n < min_articles or draws <= 0:
            if n < min_articles:
                few.append(f"{source or '(no source)'} ({n})")
            rows += [{"source": source, "measure": name, "estimate": float(value),
                      "low": np.nan, "high": np.nan, "documents": n}
                     for name, value in estimate.items()]
            continue
        picks = rng.integers(0, n, size=(draws, n))
        # How often each article is drawn in each draw (np.add.at did the same, slower).
        flat = (np.arange(draws)[:, None] * n + picks).ravel()
        counts = np.bincount(flat, minlength=draws * n).reshape(draws, n).astype(float)
        resampled = counts @ block.to_numpy()
        columns = {name: resampled[:, i] for i, name in enumerate(block.columns)}
        for name, f in measures.items():
            values = f(columns)
            values = values[~np.isnan(values)]
            low, high = (np.percentile(values, [2.5, 97.5]) if len(values) else
                         (np.nan, np.nan))
            rows.append({"source": source, "measure": name, "estimate": float(estimate[name]),
                         "low": float(low), "high": float(high), "documents": n})
    warnings = []
    if few:
        shown = ", ".join(few[:10]) + (f" and {len(few) - 10} more" if len(few) > 10 else "")
        warnings.append(f"{len(few)} outlet{'s' if len(few) > 1 else ''} with fewer than "
                        f"{min_articles} articles get no interval (articles in brackets): "
                        f"{shown}; their numbers describe those articles only")
    return pd.DataFrame(rows, columns=["source", "measure", "estimate", "low", "high",
                                       "documents"]), warnings


#: The headline measures, per outlet: outlet-wide, the pair's indices, then each side's.
KEY_MEASURES = ("documents", "attributed_statements", "claim_occurrences", "balance_index",
                "prominence_balance_index")
KEY_SIDE_MEASURES = ("statements", "word_share", "headline_voice", "claims",
                     "claim_narrator_share", "claim_own_denial_share", "claim_denied_share",
                     "claim_distanced_share", "claim_endorsed_share", "claim_countered_share",
                     "voice_tone", "coverage_tone")
OUTLETS_AS_ROWS_FROM = 8  # more outlets than this: one row per outlet, not one column


def key_table(comparison: Comparison, *, outlets_as_rows: bool | None = None
              ) -> pd.DataFrame:
    """The headline measures per outlet, all numeric (so ``.round(2)`` works): measures as
    rows and outlets as columns, or outlets as rows when there are more than
    :data:`OUTLETS_AS_ROWS_FROM` outlets (or when ``outlets_as_rows`` says so). Measures
    that no outlet has are left out; ``by_source`` holds every measure."""
    columns = [c for c in KEY_MEASURES if c in comparison.by_source]
    columns += [f"{base}_{side}" for side in comparison.sides for base in KEY_SIDE_MEASURES]
    table = comparison.by_source.set_index("source")[columns].astype(float)
    # A measure no outlet has (the claim shares of a side without codebook claims) says nothing.
    table = table.loc[:, table.notna().any()]
    if outlets_as_rows is None:
        outlets_as_rows = len(table) > OUTLETS_AS_ROWS_FROM
    return table if outlets_as_rows else table.T
