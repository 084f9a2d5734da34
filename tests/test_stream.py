"""Streaming runs: chunked reading gives the corpus a whole read gives, the Parquet tables equal
an in-memory analysis, and a rerun resumes without losing or repeating a document."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pandas as pd
import pytest
from conftest import CODEBOOK, CORPUS

import biaskit.runs.stream
from biaskit import Codebook, load_corpus, load_table
from biaskit.cli import main
from biaskit.compare import analyse_documents
from biaskit.errors import InputError
from biaskit.runs.stream import TABLES, analyse_to_parquet, read_chunks, read_results


@pytest.fixture
def table(corpus, tmp_path):
    """The bundled corpus as a Parquet table (9 articles)."""
    path = tmp_path / "articles.parquet"
    corpus.to_frame().to_parquet(path, index=False)
    return path


def assert_same_tables(out, expected: dict[str, pd.DataFrame]) -> None:
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(read_results(out, name), frame, check_exact=True)


def test_streamed_tables_equal_an_in_memory_analysis(corpus, codebook, table, tmp_path):
    summary = analyse_to_parquet(table, codebook, tmp_path / "out", chunk_size=4)
    assert (summary.analysed, summary.skipped, summary.failed) == (9, 0, 0)
    assert len(list((tmp_path / "out" / "done").glob("*.parquet"))) == 3  # 4 + 4 + 1
    assert_same_tables(tmp_path / "out", analyse_documents(list(corpus), codebook))
    documents = read_results(tmp_path / "out", "documents")
    assert documents["doc_id"].tolist() == corpus.doc_ids
    assert documents["words"].tolist() == [doc.n_words for doc in corpus]


def test_two_processes_stream_the_tables_of_one(corpus, codebook, table, tmp_path):
    """With workers, the next chunk is analysed while the last one is written: the same
    tables, in the same order, as an in-memory analysis."""
    summary = analyse_to_parquet(table, codebook, tmp_path / "out", chunk_size=4, n_jobs=2)
    assert (summary.analysed, summary.skipped, summary.failed) == (9, 0, 0)
    assert len(list((tmp_path / "out" / "done").glob("*.parquet"))) == 3
    assert_same_tables(tmp_path / "out", analyse_documents(list(corpus), codebook))
    assert read_results(tmp_path / "out", "documents")["doc_id"].tolist() == corpus.doc_ids
    assert gc.get_freeze_count() == 0  # objects frozen for the workers are collectable again


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_chunks_of_a_table_are_the_table_read_whole(corpus, tmp_path, suffix):
    frame = corpus.to_frame()
    frame.loc[5, "doc_id"] = frame.loc[1, "doc_id"]  # a repeat in a later chunk
    frame.loc[6, ["title", "text"]] = ""  # an empty article in a later chunk
    frame = frame.drop(columns="doc_id").assign(doc_id=frame["doc_id"].where(
        frame.index != 7, ""))  # and one without an id, which gets its row number
    path = tmp_path / f"articles{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    whole = load_table(path)
    chunks = list(read_chunks(path, chunk_size=2))
    assert len(chunks) == 5
    assert [d.doc_id for c in chunks for d in c] == whole.doc_ids
    assert [d.text for c in chunks for d in c] == [d.text for d in whole]
    assert {p for c in chunks for p in c.problems} == set(whole.problems)
    # A CSV row also names its line in the file ('row 6, line 99').
    assert {(p.severity, p.location.split(",")[0]) for p in whole.problems} == {
        ("warning", "row 6"), ("error", "row 7")}
    assert "row7" in whole.doc_ids  # ids count rows from 0


def test_unreadable_json_lines_are_problems_and_the_rest_is_read(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps({"doc_id": f"d{i}", "title": "T", "text": "Dorn said no."})
             for i in range(3)]
    path.write_text("\n".join([lines[0], "{not json", lines[1], "[1, 2]", lines[2]]) + "\n",
                    encoding="utf-8")
    chunks = list(read_chunks(path, chunk_size=2))
    assert [d.doc_id for c in chunks for d in c] == ["d0", "d1", "d2"]
    problems = [p for c in chunks for p in c.problems]
    assert [(p.location, p.severity) for p in problems] == [("line 2", "error"),
                                                           ("line 4", "error")]


def test_a_rerun_skips_what_is_done_and_redoes_an_interrupted_chunk(corpus, codebook, table,
                                                                    tmp_path):
    out = tmp_path / "out"
    analyse_to_parquet(table, codebook, out, chunk_size=4)
    # Interrupt the last chunk: its tables were written, its done file was not.
    last = sorted((out / "done").glob("*.parquet"))[-1]
    last.unlink()
    again = analyse_to_parquet(table, codebook, out, chunk_size=4)
    assert (again.analysed, again.skipped) == (1, 8)
    assert_same_tables(out, analyse_documents(list(corpus), codebook))
    once_more = analyse_to_parquet(table, codebook, out, chunk_size=4)
    assert (once_more.analysed, once_more.skipped) == (0, 9)
    assert_same_tables(out, analyse_documents(list(corpus), codebook))


def test_a_grown_corpus_analyses_only_the_new_articles(corpus, codebook, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    frame = corpus.to_frame()
    frame.iloc[:5].to_parquet(folder / "2015-10.parquet", index=False)
    analyse_to_parquet(folder, codebook, tmp_path / "out")
    frame.iloc[5:].to_parquet(folder / "2015-11.parquet", index=False)
    summary = analyse_to_parquet(folder, codebook, tmp_path / "out")
    assert (summary.analysed, summary.skipped) == (4, 5)
    assert_same_tables(tmp_path / "out", analyse_documents(list(corpus), codebook))


def test_a_damaged_file_in_a_folder_is_a_problem_and_the_other_files_are_analysed(
        corpus, codebook, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    frame = corpus.to_frame()
    frame.iloc[:4].to_parquet(folder / "a.parquet", index=False)
    (folder / "b.parquet").write_bytes(b"PAR1 not a Parquet file")
    frame.iloc[4:].to_parquet(folder / "c.parquet", index=False)
    summary = analyse_to_parquet(folder, codebook, tmp_path / "out")
    assert (summary.analysed, summary.failed) == (9, 1)
    assert_same_tables(tmp_path / "out", analyse_documents(list(corpus), codebook))
    problem = read_results(tmp_path / "out", "problems").iloc[0]
    assert (problem["path"], problem["location"], problem["severity"]) == (
        str(folder / "b.parquet"), "", "error")
    assert "cannot read the table" in problem["message"]
    assert "its rows were not analysed" in problem["message"]
    # Alone, the damaged file stops the run: there is nothing else to analyse.
    with pytest.raises(InputError, match="b.parquet: cannot read the table"):
        analyse_to_parquet(folder / "b.parquet", codebook, tmp_path / "alone")


def test_a_table_that_breaks_part_way_keeps_its_rows_before_the_break(codebook, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    good = "".join(f"d{i},Title,Dorn said no.\n" for i in range(4))
    # A quotation mark never closed: every pandas version stops there.
    (folder / "a.csv").write_text("doc_id,title,text\n" + good + 'd4,Title,"no end\n' + good,
                                  encoding="utf-8")
    pd.DataFrame({"doc_id": ["e0"], "title": ["T"], "text": ["Dorn said no."]}).to_parquet(
        folder / "b.parquet", index=False)
    chunks = list(read_chunks(folder, chunk_size=2))
    assert [d.doc_id for c in chunks for d in c] == ["d0", "d1", "d2", "d3", "e0"]
    [problem] = [p for c in chunks for p in c.problems]
    assert (problem.path, problem.location) == (str(folder / "a.csv"), "row 5, line 6, column 10")
    assert "its rows from row 5 on were not analysed" in problem.message


def test_results_of_another_codebook_are_never_mixed_in(corpus, codebook, table, tmp_path):
    out = tmp_path / "out"
    analyse_to_parquet(table, codebook, out)
    other = Codebook.from_dict({"sides": {"a": {"actors": {"x": {"aliases": ["Dorn"]}}}}})
    with pytest.raises(InputError, match="another output folder.*--fresh"):
        analyse_to_parquet(table, other, out)
    summary = analyse_to_parquet(table, other, out, fresh=True)
    assert summary.analysed == 9
    assert_same_tables(out, analyse_documents(list(corpus), other))


def test_fresh_never_deletes_a_folder_biaskit_did_not_write(codebook, table, tmp_path):
    (tmp_path / "mine" / "documents").mkdir(parents=True)
    (tmp_path / "mine" / "documents" / "thesis.docx").write_text("precious")
    with pytest.raises(InputError, match="not a biaskit results folder"):
        analyse_to_parquet(table, codebook, tmp_path / "mine", fresh=True)
    assert (tmp_path / "mine" / "documents" / "thesis.docx").exists()


def analyse_all_but_the_third(documents, codebook, **tone):
    """analyse_documents, failing on the bundled corpus's third article (at module level, so
    that worker processes can be sent it)."""
    third = load_corpus(CORPUS).doc_ids[2]
    if any(doc.doc_id == third for doc in documents):
        raise RuntimeError("simulated bug")
    return analyse_documents(documents, codebook, **tone)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_failing_document_is_a_problem_row_and_the_run_goes_on(corpus, codebook, table,
                                                                  tmp_path, monkeypatch, n_jobs):
    bad = corpus.doc_ids[2]
    monkeypatch.setattr(biaskit.runs.stream, "analyse_documents", analyse_all_but_the_third)
    summary = analyse_to_parquet(table, codebook, tmp_path / "out", chunk_size=4, n_jobs=n_jobs)
    assert (summary.analysed, summary.failed) == (8, 1)
    problems = read_results(tmp_path / "out", "problems")
    assert problems["doc_id"].tolist() == [bad]
    assert "simulated bug" in problems["message"].iloc[0]
    assert bad not in set(read_results(tmp_path / "out", "attributions")["doc_id"])


def test_a_run_with_nothing_written_reads_back_as_empty_tables(codebook, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("doc_id,text\n", encoding="utf-8")
    analyse_to_parquet(path, codebook, tmp_path / "out")
    for name in TABLES:
        assert read_results(tmp_path / "out", name).empty


def test_the_run_command_resumes_and_reports(tmp_path, capsys):
    args = ["run", str(CORPUS), "--out", str(tmp_path / "out"), "--quiet"]
    assert main(args) == 0
    assert "9 analysed, 0 skipped" in capsys.readouterr().out
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "0 analysed, 9 skipped" in captured.out
    assert captured.err == ""


def test_the_run_command_names_what_it_could_not_read(codebook, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.parquet").write_bytes(b"PAR1 not a Parquet file")
    good = json.dumps({"doc_id": "d0", "title": "T", "text": "Dorn said no."})
    (folder / "b.jsonl").write_text("\n".join([good, *["{broken"] * 6]) + "\n",
                                    encoding="utf-8")
    args = ["run", str(folder), "--codebook", str(CODEBOOK), "--out", str(tmp_path / "out"),
            "--quiet"]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "1 analysed, 0 skipped (done by an earlier run), 0 warnings, 7 failed" in captured.out
    errors = captured.err.splitlines()
    assert errors[0].startswith(f"biaskit: error: {folder / 'a.parquet'}: cannot read the table")
    assert errors[1:5] == [f"biaskit: error: {folder / 'b.jsonl'}, line {n}: not valid JSON "
                           "(Expecting property name enclosed in double quotes); this line was "
                           "skipped" for n in range(2, 6)]
    assert errors[5:] == ["biaskit: and 2 more errors (see the problems table)"]
    # Rerun as it is: what is still unreadable is reported again, and written once.
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "0 analysed, 1 skipped (done by an earlier run), 0 warnings, 7 failed" in captured.out
    assert captured.err.splitlines() == errors
    assert len(read_results(tmp_path / "out", "problems")) == 7


def test_reading_a_folder_that_is_not_results_says_what_to_give(tmp_path):
    with pytest.raises(InputError, match="no manifest.json"):
        read_results(tmp_path, "claims")
    with pytest.raises(InputError, match="Tables are: attributions"):
        read_results(tmp_path, "quotes")


def test_scale_benchmark_script_runs():
    bench = CORPUS.parent.parent / "benchmarks" / "bench_scale.py"
    run = subprocess.run([sys.executable, str(bench), "--quick"], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for reported in ("full analysis", "VADER alone", "speed-up", "peak memory ratio",
                     "with 2 worker processes"):
        assert reported in run.stdout


def test_baseline_benchmark_names_what_to_install_when_the_usual_pipeline_is_missing():
    # The suite does not install spaCy; with it, the model asked for here does not exist.
    bench = CORPUS.parent.parent / "benchmarks" / "bench_baseline.py"
    run = subprocess.run([sys.executable, str(bench), "--quick", "--model", "no_such_model"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2, run.stdout + run.stderr
    assert 'pip install -e ".[baseline]"' in run.stderr
    assert "python -m spacy download en_core_web_sm" in run.stderr


# Caches keyed by the shipped data files or by the codebook: their size is that of the data,
# whatever the corpus. Every other cache sees corpus text (sentences, words, names).
CACHES_KEYED_BY_DATA_OR_CODEBOOK = {
    "entity_words", "reporting_lexicon", "read_lexicon", "MARKERS", "_marker_starts",
    "_terms_end_in_word", "_abbreviations", "_mention_pattern", "_titles_and_skipped",
    "_packaged_cmudict", "_cue_words", "_cue_pattern", "_either", "_aliases_regex",
    "_alias_pattern_for", "_given_names",
}


def test_caches_keyed_by_corpus_text_have_a_bound_so_long_runs_stay_flat():
    import importlib
    import pkgutil

    import biaskit

    unbounded = set()
    for module in pkgutil.walk_packages(biaskit.__path__, "biaskit."):
        if module.name.endswith(".__main__"):
            continue  # importing it runs the command line
        for name, value in vars(importlib.import_module(module.name)).items():
            if hasattr(value, "cache_info") and value.cache_info().maxsize is None:
                unbounded.add(name)
    assert unbounded <= CACHES_KEYED_BY_DATA_OR_CODEBOOK, (
        f"unbounded caches that may be keyed by corpus text: "
        f"{sorted(unbounded - CACHES_KEYED_BY_DATA_OR_CODEBOOK)}; give them a maxsize")
