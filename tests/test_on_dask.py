"""The Dask engine on a local cluster of two worker processes gives the tables of a serial run,
resumes like one, and reports ids repeated across partitions."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import CODEBOOK
from distributed import Client, LocalCluster

from biaskit.cli import main
from biaskit.compare import analyse_documents
from biaskit.on_dask import analyse_on_dask
from biaskit.stream import TABLES, analyse_to_parquet, read_results


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
    summary = analyse_on_dask(partitioned, codebook, tmp_path / "dask", client=client,
                              progress=False)
    assert (summary.analysed, summary.failed, summary.warnings) == (9, 0, 0)
    analyse_to_parquet(partitioned, codebook, tmp_path / "serial", chunk_size=4,
                       progress=False)
    for name in TABLES:
        pd.testing.assert_frame_equal(read_results(tmp_path / "dask", name),
                                      read_results(tmp_path / "serial", name), check_exact=True)
    in_memory = analyse_documents(list(corpus), codebook)
    pd.testing.assert_frame_equal(read_results(tmp_path / "dask", "claims"),
                                  in_memory["claims"], check_exact=True)


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
