"""Target-dependent coverage tone, pluggable scorers (Python and command line), bounded
pieces, and the validity benchmark's reading and figures. Every text is fictional."""

from __future__ import annotations

import json
import math
import re

import pandas as pd
import pytest
from conftest import CODEBOOK, CORPUS, ROOT

from biaskit import Codebook, Document, attributions_frame, load_codebook, load_corpus
from biaskit.cli import main
from biaskit.errors import InputError
from biaskit.tone import (
    PIECE_WORDS,
    clear_caches,
    coverage_tone,
    pieces,
    polarity,
    score_texts,
    side_tone,
    target_tone,
    voice_tone,
)
from biaskit.tone.model import MODEL_FILE, load_model
from biaskit.tone.validity import (
    measured_figures,
    missing_reasons,
    read_newsmtsc,
    score_targets,
    validity_table,
)

BOOK = Codebook.from_dict({"sides": {
    "army": {"actors": {"dorn": {"aliases": ["Piotr Dorn", "Dorn"]}}},
    "monitors": {"actors": {"osei": {"aliases": ["Lena Osei", "Osei"]}}},
}})
CALLS: list[list[str]] = []


def half(texts: list[str]) -> list[float]:
    """A scorer for the tests: 0.5 for every text, and a record of each call."""
    CALLS.append(list(texts))
    return [0.5] * len(texts)


def by_length(texts: list[str]) -> list[float]:
    """Longer texts score higher: enough to tell which text a scorer was given."""
    return [min(len(text) / 100, 1.0) for text in texts]


def wrong_count(texts: list[str]) -> list[float]:
    return [0.0]


def out_of_range(texts: list[str]) -> list[float]:
    return [2.0] * len(texts)


def test_target_tone_reads_the_clause_of_each_mention_not_the_whole_sentence():
    text = "Mara Linde praised the plan, but critics mocked Tom Vell."
    rows = target_tone(text, [(0, 10), (48, 56)])
    assert rows["mention"].tolist() == ["Mara Linde", "Tom Vell"]
    assert rows["label"].tolist() == ["positive", "negative"]
    assert rows["context"].tolist()[0] == "praised the plan"  # not the critics' words
    assert (rows["reason"] == "").all()


def test_a_mention_inside_quotation_marks_gets_no_tone_and_the_reason():
    text = "“Tom Vell is a fraud,” the mayor said of the plan."
    rows = target_tone(text, [(1, 9), (27, 32)])
    assert math.isnan(rows["compound"].iloc[0])
    assert rows["reason"].iloc[0].startswith("inside a quotation")
    assert rows["reason"].iloc[1] == "" and "fraud" not in rows["context"].iloc[1]
    assert target_tone(text, [(5, 5)])["reason"].iloc[0].startswith("the span is empty")


def test_coverage_rows_are_per_mention_with_offsets_and_reported_speech_marked():
    doc = Document.from_parts("t", "Title", [
        "Osei praised the careful work, but Dorn was blamed for the deadly raid.",
        "“Dorn lied,” a farmer said.", "Osei said Dorn had failed.",
    ])
    quotes = attributions_frame([doc], BOOK)
    rows = coverage_tone([doc], quotes, BOOK)
    assert all(doc.text[r.start:r.end] == r.mention for r in rows.itertuples())
    assert rows[["side", "actor", "sentence"]].values.tolist() == [
        ["monitors", "osei", 1], ["army", "dorn", 1], ["monitors", "osei", 3],
        ["army", "dorn", 3]]  # "Dorn lied" is the farmer's words: voice tone's
    first = rows.iloc[:2]
    assert first["label"].tolist() == ["positive", "negative"]
    assert rows["reported"].tolist() == [False, False, False, True]


def test_the_earlier_definition_stays_under_its_own_name():
    doc = Document.from_parts("t", "Title", ["Dorn, the disgraced general, left town."])
    rows = coverage_tone([doc], attributions_frame([doc], BOOK), BOOK, method="sentence")
    assert rows["narrator_text"].tolist() == ["Dorn, the disgraced general, left town."]
    assert rows["compound"].iloc[0] == polarity("Dorn, the disgraced general, left town.")[3]
    with pytest.raises(ValueError, match="target, sentence"):
        coverage_tone([doc], attributions_frame([doc], BOOK), BOOK, method="clause")


def test_a_scorer_from_python_scores_voice_and_coverage_once_per_distinct_text():
    clear_caches()
    CALLS.clear()
    doc = Document.from_parts("t", "Title", [
        "Dorn said the raid was a success.", "Later, Dorn said the raid was a success.",
        "Osei, a careful researcher, disagreed with the general.",
    ])
    quotes = attributions_frame([doc], BOOK)
    voice = voice_tone(quotes, scorer=half)
    assert voice["compound"].tolist() == [0.5, 0.5]
    assert voice["label"].tolist() == ["positive", "positive"]
    assert voice["neg"].isna().all()  # a plugged-in scorer gives one score, not VADER's four
    assert CALLS == [["the raid was a success"]]  # one call, the repeated text once
    coverage = coverage_tone([doc], quotes, BOOK, scorer=by_length)
    assert coverage["compound"].tolist() == [
        min(len(c) / 100, 1.0) for c in coverage["context"]]
    table = side_tone([doc], quotes, BOOK, scorer=half)
    assert set(table["mean_compound"]) == {0.5}


@pytest.mark.parametrize("scorer, message", [
    (wrong_count, "returned 1 scores for 2 texts"),
    (out_of_range, "gave 2.0"),
    ("no_such_module_here:score", "cannot be imported"),
    ("test_tone_scorer:missing_function", "cannot be imported"),
    ("just_a_name", "is not module:function"),
])
def test_a_bad_scorer_is_refused_with_what_to_do(scorer, message):
    clear_caches()
    with pytest.raises(InputError, match=re.escape(message)):
        score_texts(["One text.", "Another text."], scorer)


def test_long_texts_are_scored_in_bounded_pieces_weighted_by_their_words():
    short = "The brave volunteers rebuilt the bridge."
    assert pieces(short) == [short] and polarity(short)[3] == score_texts([short])[0][3]
    one_line = " ".join(["the calm river flows"] * 100)  # 400 words, no full stop
    assert all(len(p.split()) <= PIECE_WORDS for p in pieces(one_line))
    assert sum(len(p.split()) for p in pieces(one_line)) == 400
    two = "The brave volunteers rebuilt the bridge. " * 40 + "The flood killed everyone."
    parts = pieces(two)
    assert len(parts) == 41
    expected = sum(polarity(p)[3] * len(p.split()) for p in parts) / len(two.split())
    assert polarity(two)[3] == pytest.approx(expected, abs=1e-4)


def test_the_command_line_takes_a_scorer_for_tone_and_records_it(capsys, tmp_path):
    assert main(["tone", str(CORPUS), "--tone-scorer", "test_tone_scorer:half"]) == 0
    out = capsys.readouterr().out
    assert "0.500" in out and "test_tone_scorer:half" in out
    assert main(["tone", str(CORPUS), "--tone-scorer", "nowhere:score"]) == 2
    assert "cannot be imported" in capsys.readouterr().err
    assert main(["tone", str(CORPUS), "--coverage-method", "sentence"]) == 0
    assert "per narrator sentence" in capsys.readouterr().out


def test_compare_and_run_record_the_scorer(capsys, tmp_path):
    out = tmp_path / "report"
    assert main(["compare", str(CORPUS), "--out", str(out), "--bootstrap", "10",
                 "--tone-scorer", "test_tone_scorer:half", "--quiet"]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "scored by test_tone_scorer:half" in page
    assert "biaskit has not measured" in page
    tone = pd.read_csv(out / "tables" / "coverage_tone.csv")
    assert set(tone["compound"]) == {0.5}
    results = tmp_path / "results"
    assert main(["run", str(CORPUS), "--out", str(results), "--quiet",
                 "--tone-scorer", "test_tone_scorer:half"]) == 0
    manifest = json.loads((results / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tone"] == {"scorer": "test_tone_scorer:half",
                                "coverage_method": "target"}
    capsys.readouterr()
    assert main(["run", str(CORPUS), "--out", str(results), "--quiet"]) == 2  # another scorer
    assert "tone" in capsys.readouterr().err


def test_the_default_report_states_the_measured_validity_beside_tone(tmp_path):
    from biaskit.compare import compare
    from biaskit.report.index_page import tone_html

    corpus, book = load_corpus(CORPUS), load_codebook(CODEBOOK)
    result = compare(corpus, book, bootstrap=0)
    assert result.tone == {"scorer": "default", "coverage_method": "target"}
    figure = measured_figures().set_index(["split", "method"]).loc[("dev_rw", "target")]
    assert f"macro-F1 {figure['macro_f1']:.2f}" in tone_html(result)


NEWSMTSC_LINES = [
    {"primary_gid": "x_1_1_a", "sentence_normalized":
        "Mara Linde praised the plan, but critics mocked Tom Vell.",
     "targets": [{"from": 0, "to": 10, "polarity": 6.0}, {"from": 48, "to": 56,
                                                           "polarity": 2.0}]},
    {"primary_gid": "x_1_2_a", "sentence_normalized": "“Tom Vell lied,” she said.",
     "targets": [{"from": 1, "to": 9, "polarity": 2.0}, {"from": 17, "to": 20,
                                                          "polarity": 4.0}]},
]


def test_the_validity_benchmark_reads_a_path_and_reports_every_method(tmp_path):
    path = tmp_path / "small.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in NEWSMTSC_LINES),
                    encoding="utf-8")
    assert [t.gold for t in read_newsmtsc(path)] == [
        "positive", "negative", "negative", "neutral"]
    scored = score_targets(path, scorer=half)
    table = validity_table(scored).set_index("method")
    assert set(table.index) == {"target", "target-vader", "target-scorer", "sentence",
                                "whole-sentence"}
    assert table.loc["target", "targets"] == 4 and table.loc["target", "no_tone"] == 1
    assert table.loc["whole-sentence", "no_tone"] == 0
    missing = missing_reasons(scored)
    assert missing["mention"].tolist() == ["Tom Vell"]


def test_a_bad_newsmtsc_line_names_the_file_line_and_key(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(NEWSMTSC_LINES[0]) + "\n" + json.dumps(
        {"sentence_normalized": "A.", "targets": [{"from": 0, "to": 1, "polarity": 5}]})
        + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2, key polarity"):
        list(read_newsmtsc(path))


def test_the_shipped_model_is_small_and_records_its_training():
    path = ROOT / "biaskit" / "data" / MODEL_FILE
    assert path.stat().st_size < 5_000_000
    training = load_model()["training"]
    assert training["script"] == "scripts/train_tone_model.py"
    assert "NewsMTSC train" in training["data"]


def test_the_readme_quotes_the_measured_figures():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tone = readme.split("## Tone", 1)[1].split("\n## ", 1)[0]
    rw = measured_figures().set_index(["split", "method"]).loc["dev_rw"]
    default, whole = rw.loc["target"], rw.loc["whole-sentence"]
    assert (f"macro-F1 {default['macro_f1']:.2f} (accuracy {default['accuracy']:.2f}) over "
            f"the {int(default['scored'])} targets" in " ".join(tone.split()))
    assert f"against {whole['macro_f1']:.2f} for VADER of the whole" in " ".join(tone.split())
    assert f"the other {int(default['no_tone'])} stand inside quotation marks" in " ".join(
        tone.split())


@pytest.mark.parametrize("script, data", [("bench_tone.py", False),
                                          ("bench_tone_validity.py", True)])
def test_the_tone_benchmarks_run(script, data, tmp_path):
    import subprocess
    import sys

    arguments = [sys.executable, str(ROOT / "benchmarks" / script), "--quick"]
    if data:
        path = tmp_path / "small.jsonl"
        path.write_text("".join(json.dumps(line) + "\n" for line in NEWSMTSC_LINES),
                        encoding="utf-8")
        arguments.append(str(path))
    run = subprocess.run(arguments, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert ("x" in run.stdout) if not data else ("macro_f1" in run.stdout)
