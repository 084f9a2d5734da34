"""The biaskit command: output people read, and exit codes scripts rely on."""

from __future__ import annotations

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
