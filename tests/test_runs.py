"""Runs over a corpus: several processes give the same tables as one, failures are isolated
in every process, and the progress bar never mixes with the output."""

from __future__ import annotations

import gc
import io
import tempfile
from functools import partial

import pandas as pd
import pytest
from conftest import CORPUS

from biaskit.attribution.records import attribution_chunks, attributions_frame
from biaskit.cli import main
from biaskit.compare import analyse_documents, compare
from biaskit.runs.batches import run_guarded, write_guarded


def analyse_failing_on_b(documents, codebook):
    """Module level, so that worker processes can receive it."""
    if any(doc.doc_id.endswith("_b") for doc in documents):
        raise RuntimeError("simulated bug")
    return analyse_documents(documents, codebook)


def test_two_processes_give_the_same_tables_as_one(corpus, codebook):
    analyse = partial(analyse_documents, codebook=codebook)
    serial, _ = run_guarded(list(corpus), analyse, batch_size=2)
    parallel, _ = run_guarded(list(corpus), analyse, n_jobs=2, batch_size=2)
    assert serial.keys() == parallel.keys()
    for name in serial:
        pd.testing.assert_frame_equal(serial[name], parallel[name])
    assert gc.get_freeze_count() == 0  # objects frozen for the workers are collectable again


def test_a_failing_document_is_isolated_in_a_worker_process(corpus, codebook):
    from biaskit import Document
    from biaskit.corpus.document import _init_fields

    docs = [Document(**{**_init_fields(d), "doc_id": f"{d.doc_id}_{tag}"})
            for d in list(corpus)[:2] for tag in ("a", "b")]
    tables, failures = run_guarded(docs, partial(analyse_failing_on_b, codebook=codebook),
                                   n_jobs=2, batch_size=2)
    assert [f.doc_id for f in failures] == [d.doc_id for d in docs if d.doc_id.endswith("_b")]
    assert set(tables["attributions"]["doc_id"]) == {d.doc_id for d in docs
                                                     if d.doc_id.endswith("_a")}


def chunks_failing_midway_on_b(documents, codebook):
    """A document ending in _b fails after its first rows were written."""
    for doc in documents:
        yield from attribution_chunks([doc], codebook)
        if doc.doc_id.endswith("_b"):
            raise RuntimeError("simulated bug")


def write_csv(frame, file):
    frame.to_csv(file, index=False, header=False)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_rows_written_as_they_come_leave_out_a_failing_document(corpus, codebook, tmp_path,
                                                                monkeypatch, n_jobs):
    from biaskit import Document
    from biaskit.corpus.document import _init_fields

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    docs = [Document(**{**_init_fields(d), "doc_id": f"{d.doc_id}_{tag}"})
            for d in list(corpus)[:3] for tag in ("a", "b")]
    out = io.StringIO()
    failures = write_guarded(docs, partial(chunks_failing_midway_on_b, codebook=codebook),
                             write_csv, out, n_jobs=n_jobs, batch_size=2)
    assert [f.doc_id for f in failures] == [d.doc_id for d in docs if d.doc_id.endswith("_b")]
    kept = attributions_frame([d for d in docs if d.doc_id.endswith("_a")], codebook)
    assert len(kept) > 0 and out.getvalue() == kept.to_csv(index=False, header=False)
    assert list(tmp_path.iterdir()) == []  # no batch's file is left behind


def test_compare_with_two_jobs_equals_one(corpus, codebook):
    one = compare(corpus, codebook, bootstrap=50, seed=2)
    two = compare(corpus, codebook, bootstrap=50, seed=2, n_jobs=2)
    pd.testing.assert_frame_equal(one.by_source, two.by_source)
    pd.testing.assert_frame_equal(one.intervals, two.intervals)


def test_progress_goes_to_stderr_and_never_into_the_output(corpus, codebook, capsys):
    run_guarded(list(corpus), partial(analyse_documents, codebook=codebook), progress=True)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "analysing" in captured.err and "9/9" in captured.err


def test_csv_output_is_clean_with_jobs_and_quiet(capsys):
    assert main(["quotes", str(CORPUS), "--format", "csv", "--jobs", "2", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("doc_id,source,paragraph")
    assert "analysing" not in captured.err


def test_jobs_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["quotes", str(CORPUS), "--jobs", "0"])
    assert exit_.value.code == 2
    assert "expected a whole number of 1 or more" in capsys.readouterr().err
