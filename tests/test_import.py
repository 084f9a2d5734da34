"""``biaskit corpus import`` and the exports in the rest of biaskit: the bundled layout it
writes, duplicates across exports, the round trip, ``corpus info``, ``compare`` on a folder
of mixed formats, and streaming an export chunk by chunk."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from biaskit.cli import main
from biaskit.corpus.archives import archive_chunks, load_archive
from biaskit.corpus.archives.bundle import fingerprint, import_exports
from biaskit.corpus.files import load_corpus
from biaskit.runs.stream import read_chunks, read_results

DATA = Path(__file__).parent / "data" / "archives"
CODEBOOK = Path(__file__).parent.parent / "corpora" / "syria-2015" / "codebook.yaml"
EXPORTS = ["lexisnexis_en.TXT", "nexis_uni.docx", "factiva.html", "factiva.xml",
           "proquest.txt", "mediacloud.csv", "trafilatura.json", "trafilatura.csv",
           "newspaper.json", "lexisnexis_de.TXT", "lexisnexis_fr.TXT"]


def _parts(corpus) -> list[tuple]:
    return [(d.doc_id, d.title, d.standfirst, d.paragraphs, d.source, d.date, d.url,
             dict(d.metadata)) for d in corpus]


def _log(folder: Path) -> list[dict[str, str]]:
    with (folder / "import_log.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_import_writes_one_text_file_per_article_and_metadata(tmp_path):
    summary = import_exports([DATA / "lexisnexis_en.TXT", DATA / "factiva.xml"], tmp_path / "c")
    assert summary.written == 5
    files = sorted(p.name for p in (tmp_path / "c").iterdir())
    assert files == ["factiva_0001.txt", "factiva_0002.txt", "import_log.csv",
                     "lexisnexis_en_0001.txt", "lexisnexis_en_0002.txt",
                     "lexisnexis_en_0003.txt", "metadata.csv"]
    text = (tmp_path / "c" / "lexisnexis_en_0001.txt").read_text(encoding="utf-8")
    assert text.startswith("Dockworkers walk out over night shifts\n\nThe union says")
    bundled = load_corpus(tmp_path / "c")
    first = bundled["lexisnexis_en_0001"]
    assert (first.source, first.date, first.metadata["byline"]) == (
        "The Alden Courier (Port Alden)", "2015-03-12", "Ilse Markova")
    assert first.standfirst.startswith("The union says")


def test_importing_the_output_again_gives_the_same_documents(tmp_path):
    import_exports([DATA / name for name in EXPORTS], tmp_path / "first")
    import_exports([tmp_path / "first"], tmp_path / "second")
    first, second = load_corpus(tmp_path / "first"), load_corpus(tmp_path / "second")
    assert len(first) == 22
    assert _parts(second) == _parts(first)
    assert [d.text for d in second] == [d.text for d in first]
    assert (tmp_path / "second" / "metadata.csv").read_text(encoding="utf-8") == (
        tmp_path / "first" / "metadata.csv").read_text(encoding="utf-8")


def test_the_same_article_in_two_exports_is_written_once_and_logged(tmp_path):
    # The third LexisNexis article and the first Factiva XML one are one article; the
    # LexisNexis copy lacks the last paragraph, so make the Factiva copy match it.
    xml = (DATA / "factiva.xml").read_text(encoding="utf-8").replace(
        "<paragraph>The authority said talks on pay would follow in April.</paragraph>", "")
    (tmp_path / "factiva.xml").write_text(xml, encoding="utf-8")
    again = tmp_path / "again.TXT"
    shutil.copy(DATA / "lexisnexis_en.TXT", again)
    summary = import_exports([DATA / "lexisnexis_en.TXT", tmp_path / "factiva.xml", again],
                             tmp_path / "out")
    assert summary.written == 4  # 3 LexisNexis + the French Factiva article
    left_out = sorted(doc.doc_id for doc, _ in summary.duplicates)
    assert left_out == ["again_0001", "again_0002", "again_0003", "factiva_0001"]
    rows = [row for row in _log(tmp_path / "out") if row["kind"] == "duplicate"]
    assert {row["doc_id"]: row["detail"].split(" (")[0] for row in rows}["factiva_0001"] == \
        "the same article as lexisnexis_en_0003"
    assert rows[0]["location"].startswith("article ")


def test_the_fingerprint_ignores_case_punctuation_and_layout():
    a = load_corpus(DATA / "lexisnexis_en.TXT")[2]
    b = load_corpus(DATA / "factiva.xml")[0]
    assert fingerprint(a) != fingerprint(b)  # the Factiva copy has one more paragraph
    assert fingerprint(a) == fingerprint(a)


def test_the_import_log_holds_the_dropped_lines_and_the_problems(tmp_path):
    import_exports([DATA / "lexisnexis_en.TXT", DATA / "newspaper.json"], tmp_path / "out")
    rows = _log(tmp_path / "out")
    kinds = {row["kind"] for row in rows}
    assert {"dropped", "warning"} <= kinds
    assert any("LOAD-DATE line dropped" in row["detail"] for row in rows)
    [warning] = [row for row in rows if row["kind"] == "warning"]
    assert (warning["location"], warning["doc_id"]) == ("article 2", "newspaper_0002")


def test_import_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "old.txt").write_text("x", encoding="utf-8")
    with pytest.raises(Exception, match="not empty"):
        import_exports([DATA / "factiva.xml"], tmp_path)


def test_cli_import_and_info_say_what_was_read(tmp_path, capsys):
    assert main(["corpus", "import", str(DATA / "factiva.html"), str(DATA / "proquest.txt"),
                 "--out", str(tmp_path / "out")]) == 0
    assert "wrote 4 articles" in capsys.readouterr().out
    assert main(["corpus", "info", str(DATA / "factiva.html")]) == 0
    assert "format: Factiva HTML export (2)" in capsys.readouterr().out
    assert main(["corpus", "info", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "plain-text articles (imported from Factiva HTML export) (2)" in out
    assert main(["corpus", "info", str(CODEBOOK.parent)]) == 0
    assert "format: plain-text articles (9)" in capsys.readouterr().out


def test_cli_import_of_a_story_list_without_text_fails_with_the_reason(tmp_path, capsys):
    assert main(["corpus", "import", str(DATA / "mediacloud_story_list.csv"),
                 "--out", str(tmp_path / "out")]) == 1
    assert "no article text" in capsys.readouterr().err


def _mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("lexisnexis_en.TXT", "nexis_uni.docx", "factiva.html", "proquest.txt",
                 "trafilatura.csv", "newspaper.json"):
        shutil.copy(DATA / name, folder / name)
    (folder / "plain.txt").write_text("A plain headline\n\nA plain paragraph, said Ilse Markova.\n",
                                      encoding="utf-8")
    return folder


def test_a_folder_of_mixed_formats_loads_every_file(tmp_path):
    corpus = load_corpus(_mixed_folder(tmp_path))
    assert len(corpus) == 3 + 2 + 2 + 2 + 2 + 2 + 1
    formats = {d.metadata.get("format", "plain") for d in corpus}
    assert formats == {"lexisnexis", "nexis-docx", "factiva-html", "proquest",
                       "trafilatura-csv", "newspaper-json", "plain"}


def test_compare_runs_on_a_folder_of_mixed_formats(tmp_path, capsys):
    code = main(["compare", str(_mixed_folder(tmp_path)), "--codebook", str(CODEBOOK),
                 "--out", str(tmp_path / "report"), "--bootstrap", "20", "--quiet"])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "report" / "index.html").is_file()


def test_an_export_is_streamed_in_chunks_without_loading_it_whole():
    chunks = list(archive_chunks(DATA / "lexisnexis_en.TXT", 2, load_corpus))
    assert [len(c) for c in chunks] == [2, 1]
    assert [d.doc_id for c in read_chunks(DATA / "lexisnexis_en.TXT", chunk_size=2)
            for d in c] == load_archive(DATA / "lexisnexis_en.TXT").doc_ids


def test_biaskit_run_analyses_an_export(tmp_path, capsys):
    assert main(["run", str(DATA / "lexisnexis_en.TXT"), "--codebook", str(CODEBOOK),
                 "--out", str(tmp_path / "results"), "--chunk-size", "2", "--quiet"]) == 0
    documents = read_results(tmp_path / "results", "documents")
    assert list(documents["doc_id"]) == ["lexisnexis_en_0001", "lexisnexis_en_0002",
                                         "lexisnexis_en_0003"]
    assert list(documents["date"]) == ["2015-03-12", "2015-03-14", "2015-03-17"]


def test_the_export_benchmark_script_runs():
    bench = Path(__file__).parent.parent / "benchmarks" / "bench_archives.py"
    run = subprocess.run([sys.executable, str(bench), "--quick"], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "biaskit run" in run.stdout and "peak memory, whole / tenth" in run.stdout
