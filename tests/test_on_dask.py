"""The Dask engine on a local cluster of two worker processes gives the tables of a serial run,
resumes like one, reports ids repeated across partitions, and goes on past a damaged file."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import CODEBOOK
from distributed import Client, LocalCluster

from biaskit.cli import main
from biaskit.compare import analyse_documents
from biaskit.runs.on_dask import analyse_on_dask
from biaskit.runs.stream import TABLES, analyse_to_parquet, read_results


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as connected:
        yield connected


@pytest.fixture
def partitioned(corpus, tmp_path):
    """The bundled corpus as three Parquet files: one partition each."""
    folder = tmp_path / "articles"
    folder.mkdir()
    frame = corpus.to_frame()
    for number, start in enumerate(range(0, len(frame), 3)):
        frame.iloc[start:start + 3].to_parquet(folder / f"part-{number}.parquet", index=False)
    return folder


def test_a_dask_run_gives_the_tables_of_a_serial_run(client, corpus, codebook, partitioned,
                                                     tmp_path):
    # Each worker reads its file two articles at a time: a file is written in pieces.
    summary = analyse_on_dask(partitioned, codebook, tmp_path / "dask", client=client,
                              chunk_size=2, progress=False)
    assert (summary.analysed, summary.failed, summary.warnings) == (9, 0, 0)
    assert len(list((tmp_path / "dask" / "done").glob("*.parquet"))) == 6
    analyse_to_parquet(partitioned, codebook, tmp_path / "serial", chunk_size=4,
                       progress=False)
    assert_same_results(tmp_path / "dask", tmp_path / "serial")
    in_memory = analyse_documents(list(corpus), codebook)
    pd.testing.assert_frame_equal(read_results(tmp_path / "dask", "claims"),
                                  in_memory["claims"], check_exact=True)


def assert_same_results(out, expected_out) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(read_results(out, name), read_results(expected_out, name),
                                      check_exact=True)


def test_csv_and_json_lines_files_and_a_damaged_file_are_read_as_a_serial_run_reads_them(
        client, corpus, codebook, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    frame = corpus.to_frame()
    frame.iloc[:4].to_csv(folder / "a.csv", index=False)
    (folder / "b.parquet").write_bytes(b"PAR1 not a Parquet file")
    frame.iloc[4:].to_json(folder / "c.jsonl", orient="records", lines=True,
                           force_ascii=False)
    summary = analyse_on_dask(folder, codebook, tmp_path / "dask", client=client,
                              progress=False)
    assert (summary.analysed, summary.failed) == (9, 1)
    assert [problem.path for problem in summary.unread] == [str(folder / "b.parquet")]
    problem = read_results(tmp_path / "dask", "problems").iloc[0]
    assert (problem["path"], problem["severity"]) == (str(folder / "b.parquet"), "error")
    assert "cannot read the table" in problem["message"]
    analyse_to_parquet(folder, codebook, tmp_path / "serial", progress=False)
    assert_same_results(tmp_path / "dask", tmp_path / "serial")
    # A glob names the files as a folder does.
    analyse_on_dask(str(folder / "*.csv"), codebook, tmp_path / "glob", client=client,
                    progress=False)
    assert read_results(tmp_path / "glob", "documents")["doc_id"].tolist() == \
        corpus.doc_ids[:4]


def test_a_dask_rerun_skips_what_is_done(client, codebook, partitioned, tmp_path):
    analyse_on_dask(partitioned, codebook, tmp_path / "out", client=client, progress=False)
    again = analyse_on_dask(partitioned, codebook, tmp_path / "out", client=client,
                            progress=False)
    assert (again.analysed, again.skipped) == (0, 9)
    assert len(read_results(tmp_path / "out", "documents")) == 9


def test_ids_repeated_across_partitions_are_reported(client, corpus, codebook, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    frame = corpus.to_frame()
    frame.iloc[:2].to_parquet(folder / "a.parquet", index=False)
    frame.iloc[:1].to_parquet(folder / "b.parquet", index=False)  # the first article again
    summary = analyse_on_dask(folder, codebook, tmp_path / "out", client=client,
                              progress=False)
    assert summary.warnings == 1
    problems = read_results(tmp_path / "out", "problems")
    assert problems["doc_id"].tolist() == [corpus.doc_ids[0]]
    assert "unique id" in problems["message"].iloc[0]


def test_the_run_command_starts_its_own_local_cluster(codebook, partitioned, tmp_path, capsys):
    args = ["run", str(partitioned), "--codebook", str(CODEBOOK), "--out",
            str(tmp_path / "out"), "--dask", "--jobs", "2", "--quiet"]
    assert main(args) == 0
    assert "9 analysed, 0 skipped" in capsys.readouterr().out
    assert read_results(tmp_path / "out", "readability")["doc_id"].nunique() == 9
