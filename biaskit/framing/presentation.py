"""How each claim occurrence is presented: one exclusive category, and overlapping flags.

Every occurrence of a claim (:func:`biaskit.framing.claims.claim_occurrences`) falls in exactly one
**category**, tested in this order (the first that holds wins), so that the shares of a side's
claims sum to 100%:

``own_denial``
    The side's claim told as the side's own denial: the matched words hold a denial verb
    ("Russia denies bombing civilians", "rejected the allegations"), or one of the side's own
    speakers negates or denies it.
``denied``
    Denied or rejected by someone else: a negator stands before the claim ("did not kill
    civilians") or a denial verb reports it, in the words of another side, of the outlet or
    of an unnamed voice.
``narrator``
    The outlet asserts the claim in its own voice, attributing it to nobody.
``unattributed``
    An unattributed report ("reports that ...", "allegedly").
``distanced``
    Attributed with a distancing verb ("claimed", "insisted"), or with the outlet's hedge,
    distancing marker or scare quote in the sentence.
``endorsed``
    Attributed with an endorsing verb ("finds", "showed", "confirmed"): the outlet presents
    the content as established.
``neutral``
    Attributed with a neutral verb ("said", "told") and no marker.
``other``
    Any other attribution: accusing, emotive or conceding verbs, a booster, or no verb.

**Flags** overlap the categories and each other; each is reported as its own share:
``hedged`` (the outlet's hedge or distancing marker in the sentence), ``countered`` (another
side's statement or a contrast marker answers it, see :mod:`biaskit.framing.claims`) and
``scare_quoted`` (a short quotation quoting nobody in the sentence).

Stances come from ``biaskit/data/reporting_verbs.csv``; the denial verbs looked for in the
matched words are that file's ``denial`` rows.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from biaskit.lexicons import phrase_regex, read_lexicon

#: Category key -> the name a reader sees, in the order they are tested and stacked.
CATEGORIES = {
    "own_denial": "own denial",
    "denied": "denied by others",
    "narrator": "asserted by the outlet",
    "unattributed": "unattributed report",
    "distanced": "distanced attribution",
    "endorsed": "endorsed attribution",
    "neutral": "neutral attribution",
    "other": "other attribution",
}
#: Flag key -> the name a reader sees.
FLAGS = {"hedged": "hedged", "countered": "countered", "scare_quoted": "scare-quoted"}
_NEEDED = ("claim_side", "presenter", "presenter_side", "mode", "polarity", "stance",
           "markers", "scare_quotes", "countered", "matched")


@lru_cache(maxsize=1)  # reads one data file: one entry
def _denial_words() -> re.Pattern[str]:
    """The forms of the lexicon's denial verbs, as one whole-word regex."""
    forms = sorted({form for row in read_lexicon("reporting_verbs.csv")
                    if row["stance"] == "denial" for form in row["forms"].split()},
                   key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(phrase_regex, forms)) + r")(?![\w-])",
                      re.IGNORECASE)


def _text(claims: pd.DataFrame, column: str) -> pd.Series:
    return claims[column].fillna("").astype(str)


def claim_flags(claims: pd.DataFrame) -> pd.DataFrame:
    """The overlapping flags of each claim occurrence: hedged, countered, scare_quoted."""
    _require(claims)
    return pd.DataFrame({
        "hedged": _text(claims, "markers").str.contains("hedge:|distancing:", regex=True),
        "countered": claims["countered"].fillna(False).astype(bool),
        "scare_quoted": _text(claims, "scare_quotes") != "",
    }, index=claims.index)


def claim_categories(claims: pd.DataFrame) -> pd.Series:
    """The category key of each claim occurrence (one of :data:`CATEGORIES`; see module)."""
    _require(claims)
    text = {column: _text(claims, column) for column in _NEEDED if column != "countered"}
    flags = claim_flags(claims)
    negated = text["polarity"] == "negated"
    denial_verb = text["stance"] == "denial"
    own_speaker = text["presenter_side"] == text["claim_side"]
    worded_as_denial = text["matched"].str.contains(_denial_words()) & ~negated
    conditions = {
        "own_denial": worded_as_denial | (own_speaker & (negated | denial_verb)),
        "denied": negated | denial_verb,
        "narrator": text["mode"] == "narrator",
        "unattributed": text["presenter"] == "unattributed_report",
        "distanced": (text["stance"] == "distancing") | flags["hedged"]
        | flags["scare_quoted"],
        "endorsed": text["stance"] == "endorsing",
        "neutral": (text["stance"] == "neutral") & (text["markers"] == ""),
    }
    chosen = pd.Series("other", index=claims.index, name="category")
    undecided = pd.Series(True, index=claims.index)
    for key, holds in conditions.items():
        take = undecided & holds
        chosen[take] = key
        undecided &= ~take
    return chosen


def claim_profile(claims: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Per ``by`` (source or doc_id) and claim side: the occurrences, the share in each
    category (the shares of a row sum to 1) and the share carrying each flag."""
    columns = [by, "claim_side", "occurrences", *CATEGORIES, *FLAGS]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    frame = pd.get_dummies(claim_categories(claims)).reindex(columns=list(CATEGORIES),
                                                             fill_value=False)
    frame = pd.concat([claims[[by, "claim_side"]], frame, claim_flags(claims)], axis=1)
    grouped = frame.groupby([by, "claim_side"], sort=True)
    table = grouped.size().rename("occurrences").to_frame()
    for column in (*CATEGORIES, *FLAGS):
        table[column] = grouped[column].mean()
    return table.reset_index()[columns]


def _require(claims: pd.DataFrame) -> None:
    missing = [column for column in _NEEDED if column not in claims]
    if missing:
        raise ValueError(f"the claims table lacks {', '.join(missing)}: pass the table of "
                         "biaskit.framing.claims.claim_occurrences")
