"""One fictional article written in every export format loads into the same Document: the
same headline, paragraphs, source, date and byline, whatever format carried it; and a
folder holding all of them is compared, and imported, like any corpus."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from nexis_sample import NBSP, write_docx

from biaskit.cli import main
from biaskit.corpus.archives import detect_format
from biaskit.corpus.archives.bundle import import_exports
from biaskit.corpus.document import Document
from biaskit.corpus.files import load_corpus

CODEBOOK = Path(__file__).parent.parent / "corpora" / "syria-2015" / "codebook.yaml"
TITLE = "Ferry crews vote to strike at Kessring"
SOURCE = "The Kessring Gazette"
BYLINE = "Odile Varga"
PARAGRAPHS = ["Ferry crews at Kessring voted on Monday to strike from next week, their union said.",
              '"The new timetable leaves no time to rest," said Piet Amundsen, the crews\' '
              "spokesman.",
              "The ferry company said it would meet the union on Thursday."]


def _lexisnexis(path: Path) -> None:
    body = "\n\n".join(PARAGRAPHS)
    path.write_text(f"                1 of 1 DOCUMENT\n\n\n            {SOURCE}\n\n"
                    f"            May 4, 2021 Tuesday\n\n{TITLE}\n\nBYLINE: {BYLINE}\n\n"
                    f"LENGTH: 41 words\n\n{body}\n\nLOAD-DATE: May 5, 2021\n\n"
                    f"LANGUAGE: ENGLISH\n\n      Copyright 2021 Kessring Media\n",
                    encoding="utf-8")


def _nexis(path: Path) -> None:
    write_docx(path, [TITLE, SOURCE, "May 4, 2021 Tuesday", f"Length:{NBSP}41 words",
                      f"Byline:{NBSP}{BYLINE}", "Body", *PARAGRAPHS,
                      f"Load-Date:{NBSP}May 5, 2021", "End of Document"])


def _factiva_html(path: Path) -> None:
    def row(code: str, value: str) -> str:
        return f"<tr><td><b>{code}</b></td><td>{value}</td></tr>\n"

    paragraphs = "".join(f"<p class=\"articleParagraph\">{p.replace('&', '&amp;')}</p>"
                         for p in PARAGRAPHS[1:])
    path.write_text(
        "<html><body><div class=\"article enArticle\"><table>\n" + row("HD", TITLE)
        + row("BY", BYLINE) + row("PD", "4 May 2021") + row("SN", SOURCE)
        + row("LP", f"<p class=\"articleParagraph\">{PARAGRAPHS[0]}</p>") + row("TD", paragraphs)
        + "</table></div></body></html>\n", encoding="utf-8")


def _factiva_xml(path: Path) -> None:
    def para(text: str) -> str:
        return f"<paragraph>{text.replace('&', '&amp;')}</paragraph>"

    path.write_text(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ppsArticleResponse><ppsarticleResultSet>"
        f"<article><headline>{para(TITLE)}</headline><byline>{BYLINE}</byline>"
        f"<sourceName>{SOURCE}</sourceName><publicationDate><date value=\"2021-05-04T00:00:00\"/>"
        f"</publicationDate><leadParagraph>{para(PARAGRAPHS[0])}</leadParagraph><tailParagraphs>"
        + "".join(para(p) for p in PARAGRAPHS[1:])
        + "</tailParagraphs></article></ppsarticleResultSet></ppsArticleResponse>\n",
        encoding="utf-8")


def _proquest(path: Path) -> None:
    body = "\n\n".join(PARAGRAPHS)
    path.write_text(f"Document 1 of 1\n\n{TITLE}\n\nAuthor: {BYLINE}\n\nFull text: {body}\n\n"
                    f"Title: {TITLE}\n\nPublication title: {SOURCE}\n\n"
                    f"Publication date: May 4, 2021\n\nProQuest document ID: 2500000001\n\n"
                    f"{'_' * 60}\n", encoding="utf-8")


def _trafilatura_json(path: Path) -> None:
    path.write_text(json.dumps({"title": TITLE, "author": BYLINE, "sitename": SOURCE,
                                "hostname": "kessring.example", "date": "2021-05-04",
                                "text": "\n".join(PARAGRAPHS), "fingerprint": "0a1b2c3d",
                                "source": "https://kessring.example/ferry"}), encoding="utf-8")


def _trafilatura_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(["url", "id", "fingerprint", "hostname", "title", "image", "date", "text",
                         "comments", "license", "pagetype"])
        writer.writerow(["https://kessring.example/ferry", "null", "0a1b2c3d", SOURCE, TITLE,
                         "null", "2021-05-04", "\n".join(PARAGRAPHS), "null", "null", "article"])


def _newspaper(path: Path) -> None:
    path.write_text(json.dumps([{"title": TITLE, "authors": [BYLINE],
                                 "publish_date": "2021-05-04T08:00:00",
                                 "text": "\n\n".join(PARAGRAPHS), "meta_site_name": SOURCE,
                                 "url": "https://kessring.example/ferry"}]), encoding="utf-8")


def _mediacloud(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["stories_id", "publish_date", "title", "url", "language", "media_name",
                         "media_url", "text"])
        writer.writerow(["910001", "2021-05-04 08:00:00", TITLE, "https://kessring.example/f",
                         "en", SOURCE, "https://kessring.example", "\n\n".join(PARAGRAPHS)])


WRITERS = {"lexisnexis.TXT": (_lexisnexis, "lexisnexis"), "nexis.docx": (_nexis, "nexis-docx"),
           "factiva.html": (_factiva_html, "factiva-html"),
           "factiva.xml": (_factiva_xml, "factiva-xml"), "proquest.txt": (_proquest, "proquest"),
           "trafilatura.json": (_trafilatura_json, "trafilatura-json"),
           "trafilatura.csv": (_trafilatura_csv, "trafilatura-csv"),
           "newspaper.json": (_newspaper, "newspaper-json"),
           "mediacloud.csv": (_mediacloud, "mediacloud-csv")}
# Formats that carry no byline: Media Cloud story lists, trafilatura's CSV.
NO_BYLINE = {"mediacloud.csv", "trafilatura.csv"}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    for name, (write, _) in WRITERS.items():
        write(folder / name)
    return folder


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_the_same_article_in_any_format_is_the_same_document(tmp_path, name):
    write, export = WRITERS[name]
    path = tmp_path / name
    write(path)
    assert detect_format(path) == export
    corpus = load_corpus(path)
    assert not [p for p in corpus.problems if p.severity == "error"], corpus.problems
    [doc] = corpus
    assert isinstance(doc, Document)
    assert (doc.title, list(doc.paragraphs), doc.source, doc.date) == (
        TITLE, PARAGRAPHS, SOURCE, "2021-05-04")
    assert doc.metadata.get("byline") == (None if name in NO_BYLINE else BYLINE)
    assert (doc.metadata["format"], doc.metadata["export"], doc.metadata["article"]) == (
        export, name, "1")
    assert doc.text == "\n\n".join([TITLE, *PARAGRAPHS])


def test_compare_runs_on_a_folder_holding_every_format(tmp_path, capsys):
    folder = _folder(tmp_path)
    code = main(["compare", str(folder), "--codebook", str(CODEBOOK),
                 "--out", str(tmp_path / "report"), "--bootstrap", "20", "--quiet"])
    assert code == 0, capsys.readouterr().err
    with (tmp_path / "report" / "tables" / "by_document.csv").open(encoding="utf-8") as handle:
        analysed = [row["doc_id"] for row in csv.DictReader(handle)]
    assert sorted(analysed) == sorted(load_corpus(folder).doc_ids)
    assert len(analysed) == len(WRITERS)


def test_the_import_of_every_format_writes_one_article_and_round_trips(tmp_path, capsys):
    folder = _folder(tmp_path)
    summary = import_exports(sorted(folder.iterdir()), tmp_path / "first")
    # Nine copies of one article: the first is written, the eight others logged.
    assert (summary.written, len(summary.duplicates)) == (1, len(WRITERS) - 1)
    assert main(["corpus", "import", str(tmp_path / "first"), "--out",
                 str(tmp_path / "second")]) == 0
    first, second = load_corpus(tmp_path / "first"), load_corpus(tmp_path / "second")
    assert [(d.doc_id, d.text, d.source, d.date, dict(d.metadata)) for d in second] == [
        (d.doc_id, d.text, d.source, d.date, dict(d.metadata)) for d in first]
    [doc] = second
    assert (doc.title, list(doc.paragraphs), doc.metadata["byline"]) == (TITLE, PARAGRAPHS,
                                                                        BYLINE)
