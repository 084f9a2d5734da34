"""No internal error (exit 3) for anything a user or a disk can do: output destinations,
damaged results folders, limits, bad gold files, user strings in figures, --debug anywhere."""

from __future__ import annotations

import json
import os
import string

import pandas as pd
import pytest
from conftest import CODEBOOK, CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_no_silent_loss import ARTICLE, cli, ledger, write_articles

from biaskit import Document, attributions_frame
from biaskit.runs.batches import run_guarded, usable_jobs, worker_pool
from biaskit.runs.stream import TABLES, read_results

# --- 3.1 output destinations -----------------------------------------------------------------

@pytest.mark.parametrize("command", ["compare", "run"])
@pytest.mark.parametrize("where, message", [
    ("file", "the output folder is a file"),
    ("file/under", "which is a file"),
    ("readonly/out", "cannot write into the output folder"),
])
def test_an_unusable_output_folder_is_refused_before_any_analysis(
        tmp_path, capsys, command, where, message):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    (tmp_path / "readonly").mkdir()
    (tmp_path / "readonly").chmod(0o500)
    if where.startswith("readonly") and os.access(tmp_path / "readonly", os.W_OK):
        pytest.skip("running as a user who can write anywhere")
    out = tmp_path / where
    args = [command, CORPUS, "--codebook", CODEBOOK, "--out", out]
    code, stdout, err = cli(capsys, *(args + (["--bootstrap", "10"] if command == "compare"
                                              else [])))
    assert code == 2
    assert f"{out}: " in err and message in err
    assert "documents:" not in stdout  # nothing was analysed


def test_a_full_disk_under_stdout_is_a_clear_error(tmp_path):
    import subprocess
    import sys
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "biaskit.cli", "quotes", str(CORPUS)],
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert "cannot write the output (standard output) (No space left on device)" in done.stderr
    assert "Traceback" not in done.stderr


# --- 3.2 user strings in figures -------------------------------------------------------------

_ODD = st.text(alphabet=st.sampled_from([*"$\\^_{}%#&~ ", *string.ascii_letters, "\u202e",
                                         "\u200f", "\u0007", "\u00e9"]),
               min_size=1, max_size=12)


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(outlet=_ODD, label=_ODD, name=_ODD)
def test_any_outlet_label_or_file_name_gives_a_report(tmp_path_factory, capsys, outlet, label,
                                                      name):
    folder = tmp_path_factory.mktemp("odd")
    corpus = folder / "corpus"
    corpus.mkdir()
    safe = "".join(c for c in name if c not in "/\\\x00" and c.isprintable()).strip() or "x"
    (corpus / f"{safe}.txt").write_text(ARTICLE.replace("Dorn", "Amnesty International"),
                                        encoding="utf-8")
    (corpus / "other.txt").write_text(ARTICLE.replace("Dorn", "the ministry"), encoding="utf-8")
    quoted = outlet.replace('"', '""')
    (corpus / "metadata.csv").write_text(
        f'file,source\n"{safe}.txt","{quoted}"\nother.txt,Wire\n', encoding="utf-8")
    book = folder / "book.yaml"
    book.write_text(CODEBOOK.read_text(encoding="utf-8").replace(
        "label: Russian officials", f"label: {json.dumps(label)}"), encoding="utf-8")
    code, _, _ = cli(capsys, "compare", corpus, "--codebook", book, "--out", folder / "out",
                     "--bootstrap", "10")
    assert code in (0, 1)
    assert (folder / "out" / "index.html").is_file()


# --- 3.3 damaged results folders -------------------------------------------------------------

def _tables(out) -> dict[str, pd.DataFrame]:
    """Every table of a results folder, in an order that does not depend on chunk names."""
    tables = {}
    for name in TABLES:
        frame = read_results(out, name)
        tables[name] = frame.sort_values(list(frame.columns)).reset_index(drop=True) \
            if len(frame) else frame
    return tables


def test_a_rerun_after_damage_and_a_mended_document_equals_a_clean_run(tmp_path, capsys):
    corpus, out, clean = tmp_path / "corpus", tmp_path / "out", tmp_path / "clean"
    write_articles(corpus, ["a", "b", "c", "d"])
    broken = corpus / "e.txt"
    broken.write_text("   \n", encoding="utf-8")
    code, _, _ = cli(capsys, "run", corpus, "--codebook", CODEBOOK, "--out", out,
                     "--chunk-size", "2")
    assert code == 1
    chunks = sorted((out / "documents").glob("*.parquet"))
    chunks[0].write_bytes(chunks[0].read_bytes()[:40])                 # a truncated table file
    (out / "done" / chunks[1].name).write_bytes(b"")                   # a damaged done file
    broken.write_text(ARTICLE, encoding="utf-8")                       # the user mends e.txt
    code, stdout, err = cli(capsys, "run", corpus, "--codebook", CODEBOOK, "--out", out,
                            "--chunk-size", "2")
    assert code == 0, err
    assert "was damaged; its chunk was analysed again" in err
    assert "5 analysed, 0 skipped" in stdout
    cli(capsys, "run", corpus, "--codebook", CODEBOOK, "--out", clean, "--chunk-size", "2")
    for name, frame in _tables(clean).items():
        pd.testing.assert_frame_equal(_tables(out)[name], frame, check_dtype=False)
    assert ledger(out) == ({"a", "b", "c", "d", "e"}, set())


def test_a_damaged_manifest_is_a_usage_error_naming_it_and_fresh(tmp_path, capsys):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_articles(corpus, ["a"])
    cli(capsys, "run", corpus, "--codebook", CODEBOOK, "--out", out)
    (out / "manifest.json").write_text("{not json", encoding="utf-8")
    code, _, err = cli(capsys, "run", corpus, "--codebook", CODEBOOK, "--out", out)
    assert code == 2 and "manifest.json: the manifest is damaged" in err and "--fresh" in err
    code, _, _ = cli(capsys, "run", corpus, "--codebook", CODEBOOK, "--out", out, "--fresh")
    assert code == 0


# --- 3.4 limits ------------------------------------------------------------------------------

@pytest.mark.parametrize("draws", ["-5", "1000000000", "many"])
def test_impossible_bootstrap_counts_are_refused_up_front(capsys, draws):
    with pytest.raises(SystemExit) as exit:
        cli(capsys, "compare", CORPUS, "--out", "unused", "--bootstrap", draws)
    assert exit.value.code == 2
    assert "expected a whole number from 0 (no intervals) to 100,000" in capsys.readouterr().err


def test_bootstrap_0_means_no_intervals_and_says_so(tmp_path, capsys):
    code, _, err = cli(capsys, "compare", CORPUS, "--out", tmp_path / "o", "--bootstrap", "0")
    assert code == 0 and "--bootstrap 0: no intervals are drawn" in err


def test_more_jobs_than_the_machine_holds_are_capped_with_a_note(tmp_path, capsys):
    code, _, err = cli(capsys, "quotes", CORPUS, "--codebook", CODEBOOK, "--jobs", "1000")
    assert code == 0
    assert "--jobs 1000 is more worker processes than this machine can run at once" in err
    assert f"using {usable_jobs(1000)}" in err


def _dies_on_b(documents):
    if any(doc.doc_id == "b" for doc in documents):
        os._exit(9)  # as the kernel's OOM killer would end it
    return {"quotes": attributions_frame(documents)}


@pytest.mark.skipif(usable_jobs(2) < 2, reason="one core: no worker processes to kill")
def test_a_killed_worker_becomes_problem_rows_and_the_run_goes_on():
    docs = [Document.from_parts(name, "Title", [f"{name.upper()}orn said no."])
            for name in "abcdefgh"]
    tables, failures = run_guarded(docs, _dies_on_b, n_jobs=2, batch_size=2)
    assert [f.doc_id for f in failures] == ["b"]
    assert "the worker process analysing it died" in failures[0].message
    assert sorted(set(tables["quotes"]["doc_id"])) == [d for d in "acdefgh"]


def _interrupt_state(_: object) -> tuple[bool, bool]:
    """In a worker: (Ctrl-C ignored, Ctrl-C still held back)."""
    import signal

    held = signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    return signal.getsignal(signal.SIGINT) == signal.SIG_IGN, held


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"), reason="POSIX only")
def test_workers_start_with_ctrl_c_held_back_and_ignore_it_before_letting_it_through():
    import signal

    with worker_pool(2) as pool:
        states = {pool.submit(_interrupt_state, n).result() for n in range(4)}
    assert states == {(True, False)}  # ignored, and no longer held back
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # here: let go


# --- 3.5 gold files --------------------------------------------------------------------------

@pytest.mark.parametrize("line, message", [
    ('{"doc_id": "a", "start": "abc", "end": 5, "content": "x"}', "start must be whole"),
    ('{"doc_id": "a", "start": 5, "end": 2, "content": "x"}', "start (5) and end (2) do not"),
    ('[1, 2]', "missing key(s) (not an object)"),
])
def test_a_gold_line_with_wrong_types_names_the_line_and_field(tmp_path, capsys, line, message):
    keys = {"speaker": "", "actor": "", "side": "", "mode": "direct", "cue": "", "position": ""}
    if line.startswith("{"):
        line = json.dumps({**json.loads(line), **keys})
    gold = tmp_path / "gold.jsonl"
    gold.write_text(line + "\n", encoding="utf-8")
    code, _, err = cli(capsys, "evaluate", CORPUS, "--gold", gold)
    assert code == 2 and f"gold.jsonl, line 1: {message}" in err


def test_an_empty_gold_file_is_refused(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n", encoding="utf-8")
    code, _, err = cli(capsys, "evaluate", CORPUS, "--gold", gold)
    assert code == 2 and "gold.jsonl: the gold file holds no annotation" in err


# --- 3.6 --debug after the command -----------------------------------------------------------

def test_debug_is_accepted_after_the_command_too(tmp_path, capsys):
    from biaskit.cli import main
    code = main(["quotes", str(CORPUS), "--codebook", str(tmp_path / "none.yaml"), "--debug"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" in err and "no such codebook file" in err


# --- 4 textstat works offline from `import biaskit` ------------------------------------------

def test_textstat_called_directly_after_import_biaskit_needs_no_download(tmp_path):
    import subprocess
    import sys

    from conftest import BLOCK_NETWORK
    code = BLOCK_NETWORK + ("import biaskit, textstat\n"
                            "print(textstat.flesch_reading_ease('Dorn denied the report.'))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "HOME": str(tmp_path), "NLTK_DATA": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) > 0
