"""Exports are read a piece at a time: the pieces decode as the whole file does, an export
read in tiny pieces gives the same documents, and reading a long Factiva page or ProQuest
export holds a few articles, not the file (memory measured with tracemalloc)."""

from __future__ import annotations

import codecs
import tracemalloc
from pathlib import Path

import pytest

from biaskit.corpus.archives import common, read_items
from biaskit.corpus.archives.common import read_pieces, read_text
from biaskit.corpus.document import Document

DATA = Path(__file__).parent / "data" / "archives"
TEXT = "Grève à Port Alden\r\n\r\n«Nobody» can lift — said Tomas Brennick.\r\nÜbrigens: 12 März\r\n"


@pytest.mark.parametrize("encoded", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("cp1252"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    TEXT.replace("\r\n", "\n").encode("utf-8") * 3,
], ids=["utf-8", "utf-8 bom", "cp1252", "utf-16 bom", "unix"])
@pytest.mark.parametrize("size", [1, 2, 3, 7, 1 << 20])
def test_pieces_join_to_the_text_read_whole(tmp_path, encoded, size):
    path = tmp_path / "export.txt"
    path.write_bytes(encoded)
    pieces = list(read_pieces(path, size))
    assert "".join(pieces) == read_text(path)
    assert all(pieces)


def test_an_empty_file_is_named_as_empty(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(Exception, match="the file is empty"):
        list(read_pieces(path))


def _parts(items) -> list[tuple]:
    return [(d.doc_id, d.title, d.paragraphs, d.source, d.date, dict(d.metadata),
             [step.detail for step in d.cleaning_log]) if isinstance(d, Document)
            else (d.location, d.message) for d in items]


@pytest.mark.parametrize("name", ["factiva.html", "proquest.txt", "lexisnexis_en.TXT",
                                  "mediacloud.csv", "trafilatura.csv"])
@pytest.mark.parametrize("size", [1, 5, 64])
def test_an_export_read_in_tiny_pieces_gives_the_same_documents(monkeypatch, name, size):
    whole = _parts(read_items(DATA / name))
    monkeypatch.setattr(common, "_PIECE", size)
    assert _parts(read_items(DATA / name)) == whole


def test_a_page_cut_off_in_a_piece_still_says_so(tmp_path, monkeypatch):
    text = (DATA / "factiva.html").read_text(encoding="utf-8")
    path = tmp_path / "factiva.html"
    path.write_text(text[: text.index("</table>", text.index("HARWKY"))], encoding="utf-8")
    monkeypatch.setattr(common, "_PIECE", 64)
    items = list(read_items(path))
    assert [item.title for item in items if isinstance(item, Document)] == [
        "Night-shift row halts Port Alden docks", "Ships queue as Alden strike enters third day"]
    assert "ends before </html>" in items[-1].message


def _long_factiva(path: Path, copies: int) -> Path:
    text = (DATA / "factiva.html").read_text(encoding="utf-8")
    start = text.index('<div id="article-')
    end = text.index("</body>")
    articles = text[start:end]
    with path.open("w", encoding="utf-8") as out:
        out.write(text[:start])
        for _ in range(copies):
            out.write(articles)
        out.write(text[end:])
    return path


def _long_proquest(path: Path, copies: int) -> Path:
    text = (DATA / "proquest.txt").read_text(encoding="utf-8")
    start = text.index("Document 1 of 2")
    with path.open("w", encoding="utf-8") as out:
        out.write(text[:start])
        for _ in range(copies):
            out.write(text[start:])
    return path


def _long_trafilatura(path: Path, copies: int) -> Path:
    text = (DATA / "trafilatura.csv").read_text(encoding="utf-8")
    header, rows = text.split("\n", 1)
    with path.open("w", encoding="utf-8") as out:
        out.write(header + "\n")
        for _ in range(copies):
            out.write(rows)
    return path


@pytest.mark.parametrize(("write", "copies"), [
    (_long_factiva, 600), (_long_proquest, 600), (_long_trafilatura, 2400)],
    ids=["factiva", "proquest", "trafilatura-csv"])
def test_reading_a_long_export_holds_a_few_articles_not_the_file(tmp_path, monkeypatch, write,
                                                                 copies):
    # Copies of the sample's two articles: over 1 MB. Read whole, the text alone would take
    # more than that (and the readers once peaked at about 3.6 times the file); read in 64 kB
    # pieces, the peak stays under 1 MB however long the export.
    path = write(tmp_path / "long", copies)
    size = path.stat().st_size
    monkeypatch.setattr(common, "_PIECE", 64 * 1024)
    documents = 0
    tracemalloc.start()
    try:
        for item in read_items(path):
            documents += isinstance(item, Document)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert documents == 2 * copies
    assert size > 1_000_000
    assert peak < 1_000_000, f"peak {peak:,} bytes reading a {size:,}-byte export"
