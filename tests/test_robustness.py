"""Robustness: bad documents never abort a run, nothing is lost or written elsewhere, no
network is used, and the same input gives the same bytes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import BLOCK_NETWORK, CODEBOOK, CORPUS, ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import biaskit.compare
from biaskit import Document, load_codebook, load_corpus
from biaskit.cli import main
from biaskit.compare import analyse_documents, compare
from biaskit.report.index import write_report


def failing_on(real, doc_id: str):
    """``real``, except that it raises for any batch holding ``doc_id`` (a simulated bug)."""

    def analyse(documents, *args, **kwargs):
        if any(doc.doc_id == doc_id for doc in documents):
            raise RuntimeError("simulated bug")
        return real(documents, *args, **kwargs)

    return analyse


def small_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(
            f"Headline {name}\n\nRussia denied bombing civilians, Amnesty said {name}.",
            encoding="utf-8")
    return load_corpus(folder)


def test_a_document_whose_analysis_fails_is_reported_and_the_run_goes_on(
        tmp_path, monkeypatch, codebook):
    monkeypatch.setattr(biaskit.compare, "claim_occurrences",
                        failing_on(biaskit.compare.claim_occurrences, "b"))
    corpus = small_corpus(tmp_path)
    result = compare(corpus, codebook, bootstrap=0)
    assert result.by_document["doc_id"].tolist() == ["a", "c"]
    assert [(p.doc_id, p.severity) for p in result.failures] == [("b", "error")]
    assert "analysis failed (RuntimeError: simulated bug)" in result.failures[0].message
    write_report(result, corpus, codebook, tmp_path / "out")
    problems = (tmp_path / "out" / "tables" / "problems.csv").read_text(encoding="utf-8")
    assert "b," in problems and "simulated bug" in problems


def test_cli_counts_analysed_warned_and_failed_and_exits_1(tmp_path, monkeypatch, capsys):
    real = biaskit.compare.claim_occurrences

    def always_fails(documents, *args, **kwargs):
        if documents:
            raise ValueError("x")
        return real(documents, *args, **kwargs)

    monkeypatch.setattr(biaskit.compare, "claim_occurrences", always_fails)
    small_corpus(tmp_path)
    code = main(["compare", str(tmp_path / "corpus"), "--codebook", str(CODEBOOK),
                 "--out", str(tmp_path / "out"), "--bootstrap", "0"])
    captured = capsys.readouterr()
    assert code == 1
    assert "documents: 0 analysed, 0 warnings, 3 failed" in captured.out
    assert "analysis failed (ValueError: x)" in captured.err


NETWORK_BLOCKED = BLOCK_NETWORK + r"""
import sys
from biaskit.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_whole_pipeline_runs_with_the_network_blocked_and_writes_only_its_folder(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "report"
    env = {**os.environ, "HOME": str(home), "MPLCONFIGDIR": str(tmp_path / "mpl"),
           "PYTHONPATH": str(ROOT), "NLTK_DATA": str(home / "nltk_data")}
    run = subprocess.run([sys.executable, "-c", NETWORK_BLOCKED, "compare", str(CORPUS),
                          "--out", str(out), "--bootstrap", "50"],
                         env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (out / "index.html").is_file()
    written = {p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*") if p.is_file()}
    assert written <= {"report", "mpl"}  # matplotlib's own cache, where we pointed it


def test_same_input_gives_byte_identical_tables(tmp_path, corpus, codebook):
    for run in ("one", "two"):
        write_report(compare(corpus, codebook, bootstrap=100, seed=1), corpus, codebook,
                     tmp_path / run)
    for table in sorted((tmp_path / "one" / "tables").iterdir()):
        assert table.read_bytes() == (tmp_path / "two" / "tables" / table.name).read_bytes()


TEXT = st.lists(st.sampled_from(list("abc XYZ.,;:!?'\"“”‘’\n\t\u00a0-…()") +
                                ["said", "denied", "Russia", "Amnesty", "<p>", "&amp;",
                                 "never hit civilian targets", "\n\n"]),
                max_size=120).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
# two tags and a run of blank lines: the run was counted as two paragraph breaks before
# cleaning and as one after it, so the text was read as plain text, then as HTML
@example(raw="a<p><p>\n\n\n\na")
def test_cleaning_is_idempotent_on_any_text(raw):
    try:
        doc = Document.from_text(raw, doc_id="h")
    except biaskit.InputError:
        return  # nothing but whitespace: refused with a clear message
    again = Document.from_text(doc.text, doc_id="h", standfirst="yes" if doc.standfirst
                               else "no")
    assert (again.title, again.standfirst, again.paragraphs) == (
        doc.title, doc.standfirst, doc.paragraphs)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_every_analyser_accepts_any_text_and_reports_valid_spans(raw):
    try:
        doc = Document.from_text(raw, doc_id="h")
    except biaskit.InputError:
        return
    tables = analyse_documents([doc], load_codebook(CODEBOOK))
    for row in tables["cues"].itertuples():
        assert doc.text[row.start:row.end] == row.text
    for row in tables["claims"].itertuples():
        assert 0 <= row.start < row.end <= len(doc.text)
        assert doc.text[row.start:row.end] in row.sentence
    for row in tables["coverage_tone"].itertuples():
        assert 0 <= row.start < row.end <= len(doc.text)


@pytest.mark.parametrize("size", [5_000_000])
def test_a_five_megabyte_single_paragraph_loads_and_is_analysed(tmp_path, codebook, size):
    seed = " ".join((CORPUS / "000_d287f8da5092c987.txt").read_text(encoding="utf-8").split())
    path = tmp_path / "huge.txt"
    path.write_text("One huge paragraph\n\n" + (seed + " ") * (size // len(seed)),
                    encoding="utf-8")
    doc = load_corpus(path)[0]
    assert len(doc.paragraphs) == 1 and len(doc.text) > size * 0.99
    quotes = biaskit.attributions_frame([doc], codebook)
    assert len(quotes) > 1000
    assert all(doc.text[r.start:r.end] == r.content for r in quotes.itertuples())


def test_a_line_of_200000_characters_runs_through_the_comparison(tmp_path, codebook):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "long.txt").write_text("Long line\n\n" + "x" * 200_000 + ".", encoding="utf-8")
    (folder / "ok.txt").write_text("Russia denies it\n\nAmnesty said 200 civilians had been "
                                   "killed.", encoding="utf-8")
    result = compare(load_corpus(folder), codebook, bootstrap=0)
    assert result.by_document["doc_id"].tolist() == ["long", "ok"]
    assert result.failures == []


@pytest.mark.parametrize("command", ["quotes", "claims", "tone"])
def test_every_command_reports_a_failing_document_and_finishes(tmp_path, monkeypatch, capsys,
                                                                command):
    import biaskit.cli.commands

    monkeypatch.setattr(biaskit.cli.commands, "attributions_frame",
                        failing_on(biaskit.cli.commands.attributions_frame, "b"))
    small_corpus(tmp_path)
    code = main([command, str(tmp_path / "corpus"), "--codebook", str(CODEBOOK)])
    captured = capsys.readouterr()
    assert code == 1
    assert "error: " in captured.err and "analysis failed (RuntimeError: simulated bug)" in (
        captured.err)


def test_the_long_article_benchmark_script_runs():
    bench = ROOT / "benchmarks" / "bench_long_article.py"
    run = subprocess.run([sys.executable, str(bench), "--quick"], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "when the input doubles" in run.stdout and "x the input" in run.stdout
