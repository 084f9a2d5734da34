"""Tone: biaskit's scores are VADER's own, voice and coverage are kept apart, and the
known values docs/guide/tone.md shows for the seed article hold."""

from __future__ import annotations

import pytest
from conftest import CODEBOOK, CORPUS, SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from biaskit import Codebook, Document, attributions_frame, load_codebook, load_corpus
from biaskit.errors import InputError
from biaskit.lexicons import lowered_text
from biaskit.tone import (
    coverage_tone,
    document_tone,
    polarity,
    sentence_tone,
    side_tone,
    summarise_tone,
    tone_label,
    voice_tone,
)
from biaskit.tone.coverage import _alias_screen, _names
from biaskit.tone.coverage import narrator_text as _narrator_text

VADER = SentimentIntensityAnalyzer()
BOOK = Codebook.from_dict({"sides": {
    "army": {"actors": {"dorn": {"aliases": ["Piotr Dorn", "Dorn"]}}},
    "monitors": {"actors": {"osei": {"aliases": ["Lena Osei", "Osei"]}}},
}})


@pytest.fixture(scope="module")
def seed():
    return load_corpus(SEED)


def test_every_sentence_score_equals_vaders_own(seed):
    frame = sentence_tone(seed)
    assert len(frame) == 15
    for row in frame.itertuples():
        expected = VADER.polarity_scores(row.text)
        assert (row.neg, row.neu, row.pos, row.compound) == (
            expected["neg"], expected["neu"], expected["pos"], expected["compound"])
        assert seed[0].text[row.start:row.end] == row.text


@pytest.mark.parametrize("text, compound", [
    ("Russia denies bombing civilians in Syria", -0.4215),
    ("A report this week said 200 civilians have been killed in Russian airstrikes", -0.6705),
    ("The Military Space Forces have never hit civilian targets in Syria", 0.0),
])
def test_seed_values_shown_in_the_readme(text, compound):
    assert polarity(text)[3] == compound


def test_headline_and_bondarev_voice_on_the_seed(seed):
    book = load_codebook(CODEBOOK)
    quotes = attributions_frame(seed, book)
    assert document_tone(seed)["headline_compound"].iloc[0] == -0.4215
    voice = voice_tone(quotes)
    quote = voice[voice["content"].str.startswith("The Military Space Forces")]
    assert quote["compound"].tolist() == [0.0]
    assert quote["side"].tolist() == ["russia"]


@pytest.mark.parametrize("compound, label", [
    (0.05, "positive"), (0.0499, "neutral"), (0.0, "neutral"), (-0.0499, "neutral"),
    (-0.05, "negative"), (-0.9, "negative"),
])
def test_vaders_documented_thresholds(compound, label):
    assert tone_label(compound) == label


def test_voice_and_sentence_coverage_measure_different_words():
    doc = Document.from_parts("t", "Title", [
        "“Our pilots are wonderful, brave and honest,” said Dorn, the disgraced and "
        "discredited general.",
    ])
    quotes = attributions_frame([doc], BOOK)
    voice = voice_tone(quotes)
    coverage = coverage_tone([doc], quotes, BOOK, method="sentence")
    assert voice["compound"].iloc[0] > 0.5           # his own words are glowing
    assert coverage["side"].tolist() == ["army"]
    assert coverage["narrator_text"].iloc[0] == (
        "said Dorn, the disgraced and discredited general.")
    assert coverage["compound"].iloc[0] < -0.5        # the outlet's words about him are not


def test_sentence_coverage_skips_sentences_with_no_narrator_words_and_counts_he_said():
    doc = Document.from_parts("t", "Title", [
        "Dorn spoke first.", "“We hit nothing,” he said.",
        "Osei, a careful and respected researcher, disagreed with the general.",
    ])
    coverage = coverage_tone([doc], attributions_frame([doc], BOOK), BOOK, method="sentence")
    assert coverage[["side", "narrator_text"]].values.tolist() == [
        ["army", "Dorn spoke first."],
        ["monitors", "Osei, a careful and respected researcher, disagreed with the general."],
    ]


def test_summaries_give_mean_count_and_shares():
    scored = voice_tone(attributions_frame([Document.from_parts("t", "Title", [
        "Dorn said the raid was a great success.", "Dorn said the raid killed nobody.",
        "Osei said the raid was a disaster.",
    ])], BOOK))
    table = summarise_tone(scored, ["side"]).set_index("side")
    assert table.loc["army", "n"] == 2
    assert table.loc["army", "mean_compound"] == pytest.approx(
        (polarity("the raid was a great success")[3] + polarity("the raid killed nobody")[3])
        / 2)
    shares = table[["share_positive", "share_neutral", "share_negative"]].sum(axis=1)
    assert shares.tolist() == pytest.approx([1.0, 1.0])
    assert table.loc["monitors", "share_negative"] == 1.0


def test_side_tone_per_source_has_voice_and_coverage_rows():
    corpus = load_corpus(CORPUS)
    book = load_codebook(CODEBOOK)
    table = side_tone(corpus, attributions_frame(corpus, book), book)
    assert set(table["kind"]) == {"voice", "coverage"}
    assert list(table.columns[:3]) == ["source", "side", "kind"]
    brief = table[table["source"] == "Metro Brief"]
    assert "amnesty" not in set(brief.loc[brief["kind"] == "voice", "side"])


def test_scores_are_cached_per_distinct_text():
    polarity.cache_clear()
    for _ in range(3):
        polarity("Syndicated wire copy repeats this sentence.")
    info = polarity.cache_info()
    assert (info.misses, info.hits) == (1, 2)


# Aliases inside others, with hyphens, brackets and capitals, and one that is not ASCII.
SCREENED = [load_codebook(CODEBOOK), BOOK, Codebook.from_dict({"sides": {
    "un": {"actors": {"un": {"aliases": ["UN", "U.N.", "United Nations", "the UN agency"]}}},
    "ngo": {"actors": {"ngo": {"aliases": ["rights-group", "Médecins Sans Frontières",
                                           "group"]}}},
}})]
ALIAS_PIECES = st.sampled_from([
    "Amnesty", "AMNESTY report", "the Ministry", "Defence  Ministry", "Russian", "russia",
    "Islamic State", "officials", "commander-in-chief", "Dorn", "dorn’s", "OSEI", "UN", "u.n.",
    "United\nNations", "rights-group", "Group", "médecins sans frontières", "MÉDECINS",
    "Amneſty", "the Mınıstry", "\u212aommander", "DORN",
    "İ", "ı", "ſ", "\u212a", "-", "_", "'", "(", ".", ",", " ", "\n", "1", "x",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(ALIAS_PIECES, st.text(max_size=3)), min_size=1, max_size=30)
       .map("".join), st.sampled_from(range(len(SCREENED))))
def test_the_alias_screen_rules_out_only_texts_the_side_pattern_does_not_match(text, which):
    try:
        doc = Document.from_parts("t", text.strip().split("\n")[0], [text])
    except InputError:  # nothing left once cleaned: the loader refuses it
        return
    codebook = SCREENED[which]
    lowered = doc.text.lower() if lowered_text(doc.text) is not None else None
    for side in codebook.sides:
        pattern = codebook.side_pattern(side)
        assert _names(doc.text, lowered, pattern, _alias_screen(codebook, side)) == bool(
            pattern.search(doc.text))


def test_the_alias_screen_keeps_only_aliases_holding_no_other():
    book = load_codebook(CODEBOOK)
    assert _alias_screen(book, "others") == ("islamic", "nations")  # longest words
    assert _alias_screen(SCREENED[2], "ngo") is None  # not ASCII


def test_narrator_text_closes_up_the_gaps_the_cuts_leave():
    text = 'Troops left “at dawn” , officials said “today” .\nThen ; more ! ok ?'
    cuts = [(text.index("“at"), text.index(" ,")), (text.index("“to"), text.index(" ."))]
    assert _narrator_text(text, 0, len(text), cuts) == (
        "Troops left, officials said.\nThen; more! ok?".replace("\n", " "))


def test_the_alias_screen_lets_any_spacing_between_an_aliass_words_through():
    book = load_codebook(CODEBOOK)
    for text in ("Defence  Ministry", "Defence\u00a0Ministry", "the defence\tministry said"):
        lowered = text.lower()
        assert _names(text, lowered, book.side_pattern("russia"), _alias_screen(book, "russia"))
