"""The biaskit command: output people read, and exit codes scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import CORPUS, SEED

from biaskit.cli import main


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "corpus" in out and "Exit codes" in out


def test_corpus_info_prints_documents_sources_words_sentences_and_cleaning(capsys):
    assert main(["corpus", "info", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "documents: 9 loaded, 0 failed, 0 warnings" in out
    assert "sources (7):" in out
    assert "Meridian Wire" in out and "Unnamed outlet" in out
    assert "sentences:" in out
    assert "repeated line removed" in out


def test_corpus_info_on_one_file_lists_the_document(capsys):
    assert main(["corpus", "info", str(SEED), "--documents"]) == 0
    out = capsys.readouterr().out
    assert "documents: 1 loaded" in out
    assert "000_d287f8da5092c987" in out


def test_missing_path_is_a_usage_error_with_no_traceback(capsys, tmp_path):
    assert main(["corpus", "info", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("biaskit: error: ")
    assert "no such file or folder" in err
    assert "Traceback" not in err


def test_debug_flag_shows_the_traceback(capsys, tmp_path):
    assert main(["--debug", "corpus", "info", str(tmp_path / "missing")]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_failed_documents_give_exit_code_1_and_are_listed(capsys, tmp_path):
    (tmp_path / "good.txt").write_text("Headline\n\nBody.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4")
    assert main(["corpus", "info", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "documents: 1 loaded, 1 failed" in out
    assert "error: " in out and "bad.txt" in out and "this is a PDF file" in out


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["frobnicate"])
    assert exit_.value.code == 2


def test_console_script_module_runs(tmp_path):
    run = subprocess.run([sys.executable, "-m", "biaskit.cli", "--version"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0
    assert run.stdout.startswith("biaskit ")


# The console script, as pip writes it, with an import that waits, once it has begun, until
# it is interrupted: pandas, which the command loads first, through biaskit.
WAITING_IMPORT = """
import sys, time
class Wait:
    def find_spec(self, name, path=None, target=None):
        if name == "pandas":
            print("importing pandas", flush=True)
            time.sleep(60)
        return None
sys.meta_path.insert(0, Wait())
from biaskit_entry import main
sys.exit(main())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")
def test_ctrl_c_while_the_command_is_still_importing_is_one_line_and_exit_130():
    import signal
    from importlib.metadata import entry_points

    assert [e.value for e in entry_points(group="console_scripts", name="biaskit")] == [
        "biaskit_entry:main"]
    run = subprocess.Popen([sys.executable, "-c", WAITING_IMPORT, "quotes", str(CORPUS)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert run.stdout.readline() == "importing pandas\n"  # the interrupt lands in the import
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=60)
    assert (run.returncode, out, err) == (130, "", "biaskit: interrupted\n")


def test_the_entry_module_imports_nothing_heavy():
    code = "import sys, biaskit_entry; print(sorted({'pandas', 'biaskit'} & set(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert run.stdout == "[]\n"


def test_quotes_lists_statements_with_the_folder_codebook(capsys):
    assert main(["quotes", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "Viktor Bondarev" in out and "amnesty" in out
    assert out.rstrip().endswith("gives every column, with offsets and evidence")


def test_quotes_jsonl_carries_every_column_one_object_per_line(capsys):
    import json

    from biaskit.attribution.records import COLUMNS

    assert main(["quotes", str(SEED), "--codebook", str(CORPUS / "codebook.yaml"),
                 "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 13  # 12 said or written, and the UN's aim (kind thought)
    assert [row["kind"] for row in rows].count("thought") == 1
    assert all(tuple(row) == COLUMNS for row in rows)
    assert rows[0]["speaker"] == "Russia" and rows[0]["position"] == "headline"


def test_quotes_without_codebook_warns_and_leaves_sides_empty(capsys):
    assert main(["quotes", str(SEED), "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert "no codebook given" in captured.err
    assert captured.out.startswith("doc_id,source,paragraph")


def test_evaluate_prints_scores_and_errors(capsys):
    gold = CORPUS.parent.parent / "tests" / "gold" / "attribution.jsonl"
    assert main(["evaluate", str(CORPUS), "--gold", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "statements: 100 gold" in out
    assert "lenient (covers >= 0.3 of the gold content): precision" in out
    assert "exact span (Jaccard >= 0.9): precision" in out
    assert "cue " in out and "per outlet:" in out and "Meridian Wire" in out


def test_evaluate_reads_brat_gold_and_reports_a_broken_file_as_a_problem(capsys, write):
    text = "Mayor Lena Marsh said the bridge would reopen in May.\n"
    corpus = write("corpus/bridge.txt", text).parent
    write("corpus/ferry.txt", text)
    gold = write("gold/bridge.ann", "T1\tSource 0 16\tMayor Lena Marsh\nT2\tCue 17 21\tsaid\n"
                                    "T3\tContent 22 52\tthe bridge would reopen in May\n"
                                    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n").parent
    write("gold/ferry.ann", "T1\tSource 0\tMayor\n")
    assert main(["evaluate", str(corpus), "--gold", str(gold)]) == 1
    captured = capsys.readouterr()
    assert "ferry.ann, line 1: a span line reads" in captured.err
    assert "statements: 1 gold, 1 found, 1 matched" in captured.out
    assert main(["evaluate", str(corpus), "--gold", str(gold), "--format", "csv"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("level,group,gold,found,matched,precision,recall,f1,exact")
    assert lines[1].startswith("overall,all,1,1,1,1.0,1.0,1.0,1")


def test_evaluate_writes_every_statement_as_json_lines_with_null_for_no_figure(capsys):
    gold = CORPUS.parent.parent / "tests" / "gold" / "attribution.jsonl"
    assert main(["evaluate", str(CORPUS), "--gold", str(gold), "--format", "jsonl",
                 "--statements"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 100
    assert all(row["stance_ok"] is None for row in rows)  # the bundled gold has no stance
    assert {row["cue_ok"] for row in rows} <= {0.0, 1.0}


def test_evaluate_rejects_gold_for_another_corpus(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    gold = CORPUS.parent.parent / "tests" / "gold" / "attribution.jsonl"
    assert main(["evaluate", str(tmp_path), "--gold", str(gold)]) == 2
    assert "gold names documents not in the corpus" in capsys.readouterr().err


def test_attribution_benchmark_script_runs():
    bench = CORPUS.parent.parent / "benchmarks" / "bench_attribution.py"
    run = subprocess.run([sys.executable, str(bench), "--quick"], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "articles/s" in run.stdout and "when the input doubles" in run.stdout


def test_polnear_benchmark_script_runs_on_a_checkout_of_that_layout(write, tmp_path):
    write("data/dev/text/metro_2016-01-02_bridge.txt",
          "Bridge to reopen\n\nMayor Lena Marsh said the bridge would reopen in May.\n")
    write("data/dev/attributions/metro_2016-01-02_bridge_a1.ann",
          "T1\tSource 18 34\tMayor Lena Marsh\nT2\tCue 35 39\tsaid\n"
          "T3\tContent 40 70\tthe bridge would reopen in May\n"
          "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
    bench = CORPUS.parent.parent / "benchmarks" / "bench_polnear.py"
    run = subprocess.run([sys.executable, str(bench), "--polnear", str(tmp_path), "--repeats",
                          "1"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "lenient (0.3 cover): P 1.000  R 1.000  F1 1.000" in run.stdout
    assert "articles/s" in run.stdout and "metro" in run.stdout
    assert "score.py: not in this checkout" in run.stdout
    # one outlet, all found: no spread, and none from sampling either
    assert "spread across outlets (max - min): 0.000" in run.stdout
    assert "median spread of 0.000" in run.stdout


def test_tone_prints_voice_and_coverage_per_source_and_side(capsys):
    assert main(["tone", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert out.split()[:8] == ["source", "side", "kind", "n", "mean_compound",
                               "share_positive", "share_neutral", "share_negative"]
    assert "coverage" in out and "voice" in out and "macro-F1" in out  # its measured validity


def test_tone_without_a_codebook_is_a_usage_error(capsys):
    assert main(["tone", str(SEED)]) == 2
    assert "tone per side needs a codebook" in capsys.readouterr().err


def test_claims_prints_occurrences_and_the_presentation_profile(capsys):
    assert main(["claims", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "no_civilian_targets" in out and "narrator" in out
    assert "share of claim occurrences presented each way" in out


def test_claims_without_claims_in_the_codebook_is_a_usage_error(capsys, tmp_path):
    book = tmp_path / "book.yaml"
    book.write_text("sides:\n  a:\n    actors:\n      x: {aliases: [Xu]}\n", encoding="utf-8")
    assert main(["claims", str(SEED), "--codebook", str(book)]) == 2
    assert "claims need a codebook with a 'claims' section" in capsys.readouterr().err


def test_a_reporting_verbs_row_with_an_unknown_kind_stops_the_run_with_its_line(
        capsys, monkeypatch):
    """Every document would fail the same way, so the run stops instead (exit 2)."""
    from biaskit.attribution import reporting_verbs

    def bad_lexicon():
        reporting_verbs.check_row({"lemma": "say", "forms": "say", "stance": "neutral",
                                   "kind": "speach", "requires": ""}, 2)

    monkeypatch.setattr(reporting_verbs, "reporting_lexicon", bad_lexicon)
    monkeypatch.setattr("biaskit.attribution.extractor.reporting_lexicon", bad_lexicon)
    assert main(["quotes", str(CORPUS)]) == 2
    err = capsys.readouterr().err
    assert "reporting_verbs.csv, line 2: kind 'speach'" in err
    assert "analysis failed" not in err
