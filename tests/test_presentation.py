"""Claim presentation: exclusive categories that sum to 100%, a side's own denial apart from
a denial by others, endorsing verbs apart, and the overlapping flags reported separately."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from biaskit.attribution.records import attributions_frame
from biaskit.codebook import Codebook
from biaskit.corpus.document import Document
from biaskit.framing.claims import claim_occurrences
from biaskit.framing.presentation import (
    CATEGORIES,
    FLAGS,
    claim_categories,
    claim_flags,
    claim_profile,
)

BOOK = Codebook.from_dict({
    "sides": {"army": {"actors": {"dorn": {"aliases": ["General Dorn", "Dorn"]}}},
              "monitors": {"actors": {"osei": {"aliases": ["Lena Osei", "Osei"]}}}},
    "claims": {
        "no_strikes": {"side": "army", "statement": "The army hit no villages.",
                       "cues": ["denies shelling villages", "never shelled villages"]},
        "killed": {"side": "monitors", "statement": "Shelling killed civilians.",
                   "cues": ["killed civilians"]},
    },
})


def told(*paragraphs: str) -> list[str]:
    doc = Document.from_parts("t", "Report from the valley", list(paragraphs))
    claims = claim_occurrences([doc], BOOK, attributions_frame([doc], BOOK))
    return list(claim_categories(claims))


@pytest.mark.parametrize("sentence, category", [
    ("The army denies shelling villages, Dorn said.", "own_denial"),
    ("Dorn denied that the shelling killed civilians.", "denied"),
    ("The shelling did not kill civilians, the paper wrote.", "denied"),
    ("The shelling killed civilians.", "narrator"),
    ("There were reports that the shelling killed civilians.", "unattributed"),
    ("Osei claimed the shelling killed civilians.", "distanced"),
    ("Osei found that the shelling killed civilians.", "endorsed"),
    ("Osei said the shelling killed civilians.", "neutral"),
])
def test_each_way_of_telling_a_claim_has_one_category(sentence, category):
    assert told(sentence) == [category]


def test_a_hedge_makes_an_endorsed_claim_distanced_and_is_flagged():
    doc = Document.from_parts("t", "Valley", ["Osei reportedly found that the shelling "
                                              "killed civilians."])
    claims = claim_occurrences([doc], BOOK, attributions_frame([doc], BOOK))
    assert list(claim_categories(claims)) == ["distanced"]
    assert claim_flags(claims).iloc[0].to_dict() == {"hedged": True, "countered": False,
                                                     "scare_quoted": False}


def test_profile_rows_sum_to_one_and_flags_stand_apart():
    doc = Document.from_parts("t", "Valley", [
        "Osei said the shelling killed civilians.",
        "But Dorn denied that the shelling killed civilians.",
        "The army denies shelling villages, Dorn said.",
    ])
    claims = claim_occurrences([doc], BOOK, attributions_frame([doc], BOOK))
    profile = claim_profile(claims).set_index("claim_side")
    assert np.allclose(profile[list(CATEGORIES)].sum(axis=1), 1.0)
    assert profile.loc["monitors", "occurrences"] == 2
    assert profile.loc["monitors", "denied"] == 0.5 and profile.loc["monitors", "neutral"] == 0.5
    assert profile.loc["army", "own_denial"] == 1.0 and profile.loc["army", "denied"] == 0
    assert profile.loc["monitors", "countered"] > 0                  # Dorn answers Osei
    assert set(FLAGS) <= set(profile.columns)


def test_a_table_without_the_claim_columns_is_refused_with_what_is_missing():
    with pytest.raises(ValueError, match="lacks .*presenter_side"):
        claim_categories(pd.DataFrame({"claim_side": ["a"]}))


def test_the_bundled_russian_denials_are_their_own(corpus, codebook, quotes):
    claims = claim_occurrences(corpus, codebook, quotes)
    shown = claims.assign(category=claim_categories(claims))
    russian = shown[shown["claim_side"] == "russia"]
    assert (russian["category"] == "own_denial").sum() >= 10
    assert (russian["category"] == "denied").sum() == 0
    # The ministry rejecting Amnesty's finding denies Amnesty's claim.
    rejected = shown[(shown["claim_side"] == "amnesty") & (shown["category"] == "denied")]
    assert set(rejected["presenter_side"]) == {"russia"}
