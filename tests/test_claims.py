"""Claim presentation, cues and frames: known answers on the seed article, the design intents
of the constructed articles, and the matching rules on small texts."""

from __future__ import annotations

import pytest
from conftest import SEED

from biaskit import Codebook, Document, InputError, attributions_frame
from biaskit.framing.claims import claim_occurrences, claim_profile
from biaskit.framing.cues import actor_labels, marker_rates, presentation_cues, stance_profile
from biaskit.framing.frames import FRAMES, frame_scores, side_frame_scores


@pytest.fixture(scope="module")
def claims(corpus, codebook, quotes):
    return claim_occurrences(corpus, codebook, quotes)


@pytest.fixture(scope="module")
def seed_claims(claims):
    return claims[claims["doc_id"] == SEED.stem].set_index("block")


# -- the seed article --------------------------------------------------------------------------

def test_seed_asserts_the_russian_claim_in_its_own_voice_in_the_second_body_paragraph(
        seed_claims):
    narrator = seed_claims[seed_claims["presenter"] == "narrator"]
    assert narrator.index.tolist() == [3]  # blocks: headline 0, standfirst 1, lead 2, then 3
    row = narrator.loc[3]
    assert (row["claim"], row["mode"], row["polarity"]) == (
        "no_civilian_targets", "narrator", "affirmed")
    assert row.sentence.startswith("Russian air forces have not hit civilian targets")


def test_seed_headline_and_lead_carry_the_denial_and_amnesty_comes_late(seed_claims):
    assert seed_claims.loc[0, "presenter"] == "russia"
    assert seed_claims.loc[0, "stance"] == "denial"
    assert seed_claims.loc[2, "presenter"] == "defence_ministry"
    amnesty = seed_claims[seed_claims["claim"] == "civilians_killed"]
    assert amnesty.index.min() == 6            # the fifth body paragraph
    assert amnesty["relative_position"].min() > 0.4


def test_seed_amnesty_figure_is_framed_by_contradict(seed_claims):
    figure = seed_claims.loc[6]
    assert figure.claim == "civilians_killed"
    assert figure.presenter == "amnesty"
    assert figure.countered
    assert '"contradict" before it' in figure.countered_by


def test_seed_so_called_is_bondarevs_own_word_and_purporting_is_the_outlets(corpus, codebook,
                                                                            quotes, seed_claims):
    assert seed_claims.loc[5, "speaker_markers"] == "distancing:so-called"
    assert seed_claims.loc[5, "markers"] == ""
    cues = presentation_cues([corpus[SEED.stem]], quotes, codebook)
    so_called = cues[cues["text"] == "so-called"].iloc[0]
    assert (so_called.voice, so_called.side, so_called.actor) == ("quote", "russia", "bondarev")
    purporting = cues[cues["text"] == "purporting"].iloc[0]
    assert (purporting.kind, purporting.voice) == ("distancing", "narrator")
    text = corpus[SEED.stem].text
    assert all(text[r.start:r.end] == r.text for r in cues.itertuples())


def test_seed_labels_the_actors(corpus, codebook, quotes):
    labels = actor_labels(presentation_cues([corpus[SEED.stem]], quotes, codebook))
    pairs = set(zip(labels["actor"], labels["label"], strict=True))
    assert ("amnesty", "London-based rights group") in pairs
    assert ("bondarev", "Senior Russian military official") in pairs


# -- the constructed articles' design intents --------------------------------------------------

def test_narrator_assertions_match_every_articles_design_intent(corpus, claims):
    narrator = claims[claims["mode"] == "narrator"]
    for doc in corpus:
        asserted = set(narrator.loc[narrator["doc_id"] == doc.doc_id, "claim"])
        expected = {doc.metadata["expected_narrator_claim"]} - {""}
        assert asserted == expected, doc.doc_id


def test_state_aligned_outlet_distances_amnesty_and_rights_outlet_distances_russia(claims):
    profile = claim_profile(claims).set_index(["source", "claim_side"])
    assert profile.loc[("Eastern Courier", "amnesty"), "distanced"] == 1.0
    assert profile.loc[("Eastern Courier", "russia"), "distanced"] == 0.0
    assert profile.loc[("Rights Monitor Daily", "russia"), "distanced"] == 1.0
    assert profile.loc[("Rights Monitor Daily", "amnesty"), "distanced"] == 0.0
    assert ("Metro Brief", "amnesty") not in profile.index  # the brief omits Amnesty


def test_stance_profile_shows_distancing_verbs_for_the_hedged_side(quotes):
    stances = stance_profile(quotes).set_index(["source", "side", "stance"])["statements"]
    assert stances.get(("Eastern Courier", "amnesty", "distancing"), 0) >= 3
    assert stances.get(("Eastern Courier", "russia", "distancing"), 0) == 0
    assert stances.get(("Rights Monitor Daily", "russia", "distancing"), 0) >= 2


def test_marker_rates_count_hedges_per_statement(corpus, codebook, quotes):
    rates = marker_rates(presentation_cues(corpus, quotes, codebook), quotes).set_index(
        ["source", "side"])
    assert rates.loc[("Eastern Courier", "amnesty"), "distancing_per_statement"] > (
        rates.loc[("Eastern Courier", "russia"), "distancing_per_statement"])


# -- matching rules ----------------------------------------------------------------------------

BOOK = Codebook.from_dict({
    "sides": {"army": {"actors": {"dorn": {"aliases": ["Dorn"]}}},
              "monitors": {"actors": {"osei": {"aliases": ["Osei"]}}}},
    "claims": {"killed": {"side": "monitors", "statement": "Strikes killed civilians.",
                          "cues": ["killed civilians"]}},
    "frames": {"military": ["drone*"], "aid": {"terms": ["aid convoy*"]},
               "economic": {"terms": ["bread price*"], "replace": True}},
})


def occurrences(*paragraphs: str):
    doc = Document.from_parts("t", "Title", list(paragraphs))
    return claim_occurrences([doc], BOOK, attributions_frame([doc], BOOK))


@pytest.mark.parametrize("sentence, polarity", [
    ("The strikes killed civilians.", "affirmed"),
    ("The strikes kill civilians every week.", "affirmed"),     # inflection
    ("The strikes killed many civilians.", "affirmed"),         # one extra word
    ("The strikes never killed civilians.", "negated"),
    ("Dorn denies that the strikes killed civilians.", "negated"),
])
def test_cue_matching_with_inflection_and_negation(sentence, polarity):
    found = occurrences(sentence)
    assert found["polarity"].tolist() == [polarity]


def test_presenters_narrator_speaker_and_unattributed_report():
    found = occurrences("The strikes killed civilians.", "Osei said the strikes killed civilians.",
                        "There were reports that the strikes killed civilians.")
    assert found[["presenter", "mode"]].values.tolist() == [
        ["narrator", "narrator"], ["osei", "indirect"], ["unattributed_report", "unattributed"]]


def test_hearsay_is_an_unattributed_report_and_an_impression_is_no_ones():
    found = occurrences("The strikes allegedly killed civilians.",
                        "The strikes reportedly killed civilians.",
                        "The strikes seem to have killed civilians.")
    assert found[["presenter", "mode", "stance"]].values.tolist() == [
        ["unattributed_report", "unattributed", ""], ["unattributed_report", "unattributed", ""],
        ["unattributed impression", "indirect", "distancing"]]


def test_countered_by_the_other_side_in_the_next_sentences():
    found = occurrences("Osei said the strikes killed civilians. Dorn rejected the figure.")
    assert found["countered_by"].tolist() == ["army statement in sentence 2"]


def test_codebook_frames_add_and_replace_terms():
    doc = Document.from_parts("t", "Title", ["A drone hit the aid convoy as the bread price rose "
                                             "and oil trade stopped."])
    scores = frame_scores([doc], BOOK).set_index("frame")
    assert scores.loc["military", "hits"] == 1          # drone, added to military
    assert scores.loc["aid", "hits"] == 1               # a new frame
    assert scores.loc["economic", "hits"] == 1          # replaced: bread price, not oil/trade
    assert scores.loc["economic", "evidence"] == '"bread price" (s1)'
    assert set(FRAMES) <= set(scores.index)


@pytest.mark.parametrize("frames, message", [
    ({"military": "drone"}, r"frames\.military: expected a list"),
    ({"military": {"terms": []}}, r"frame 'military' has no 'terms'"),
    ({"military": {"terms": ["x"], "replace": "yes"}}, r"'replace' must be true or false"),
    ({"military": {"term": ["x"]}}, r"unknown key 'term'.*Did you mean 'terms'"),
])
def test_codebook_frame_mistakes_are_explained(frames, message):
    with pytest.raises(InputError, match=message):
        Codebook.from_dict({"sides": {"a": {"actors": {"x": {}}}}, "frames": frames})


def test_frames_have_evidence_and_scores_per_100_words(corpus, codebook, quotes):
    scores = frame_scores(corpus, codebook)
    assert len(scores) == len(corpus) * len(FRAMES)
    seed = scores[scores["doc_id"] == SEED.stem].set_index("frame")
    assert seed.loc["legal", "evidence"] == '"respecting" (s7); "humanitarian law" (s7)'
    assert seed.loc["legal", "score"] == pytest.approx(100 * 2 / corpus[SEED.stem].n_words)
    sides = side_frame_scores(quotes, codebook)
    assert {"russia", "amnesty"} <= set(sides["side"])
