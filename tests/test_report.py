"""The report folder: pages from grouped rows, written by workers, the folder's manifest, the
unknown outlet, one paragraph numbering, the per-outlet article map and the CLI table."""

from __future__ import annotations

import re

import pytest
from conftest import CODEBOOK, CORPUS

from biaskit import Codebook, Corpus, Document
from biaskit.cli import main
from biaskit.compare import compare
from biaskit.corpus.document import UNKNOWN_SOURCE
from biaskit.errors import InputError
from biaskit.report.index import MANIFEST, write_report
from biaskit.report.outlet_map import outlet_positions, statement_slots
from biaskit.report.view import article_view

BOOK = Codebook.from_dict({"sides": {
    "army": {"label": "Tarsian army", "actors": {
        "dorn": {"label": "Piotr Dorn", "aliases": ["Piotr Dorn", "Dorn"]}}},
    "monitors": {"label": "Northfield Monitoring Centre", "actors": {
        "osei": {"label": "Lena Osei", "aliases": ["Lena Osei", "Osei"]}}},
}})


def article(i: int, source: str = "") -> Document:
    return Document.from_parts(
        f"d{i}", f"Strikes near Tarsia {i}",
        [f'"We hit only depots," Piotr Dorn said on day {i}.', "The town was quiet.",
         f"Lena Osei said {i + 3} people had died."],
        standfirst="A report from the north", source=source)


@pytest.fixture(scope="module")
def bundled(corpus, codebook, tmp_path_factory):
    result = compare(corpus, codebook, bootstrap=50)
    return result, write_report(result, corpus, codebook, tmp_path_factory.mktemp("r") / "out")


def test_pages_from_grouped_rows_are_the_views_of_the_whole_tables(bundled, corpus, codebook):
    result, index = bundled
    tables = result.tables
    for doc in corpus:
        view = article_view(doc, tables["attributions"], codebook, tables["claims"],
                            tables["cues"])
        page = (index.parent / "articles" / f"{doc.doc_id}.html").read_text(encoding="utf-8")
        assert page == view.to_html(back="../index.html"), doc.doc_id


def test_two_workers_write_the_same_pages_as_one(corpus, codebook, tmp_path):
    result = compare(corpus, codebook, bootstrap=0)
    one = write_report(result, corpus, codebook, tmp_path / "one").parent
    two = write_report(result, corpus, codebook, tmp_path / "two", n_jobs=2).parent
    for page in sorted((one / "articles").iterdir()):
        assert page.read_bytes() == (two / "articles" / page.name).read_bytes()
    assert (one / "index.html").read_bytes() == (two / "index.html").read_bytes()


def test_article_pages_link_back_and_the_index_lists_articles_in_one_table(bundled, corpus):
    _, index = bundled
    page = index.read_text(encoding="utf-8")
    assert page.count("<table id='articles'>") == 1 and "<li><a href='articles/" not in page
    assert len(re.findall(r"<tr><td class='t'><a href='articles/", page)) == len(corpus)
    view = (index.parent / "articles" / f"{corpus[0].doc_id}.html").read_text(encoding="utf-8")
    assert view.count('href="../index.html"') == 2


def test_index_names_measures_for_readers_and_explains_the_figures(bundled):
    page = bundled[1].read_text(encoding="utf-8")
    assert "Balance of words" in page and "+1 when only the first side is quoted" in page
    assert "<h3>Where each side speaks in the articles</h3>" in page
    assert "What it cannot tell." in page


def test_documents_without_a_source_are_a_visible_unknown_outlet_with_a_warning(tmp_path,
                                                                             capsys):
    corpus = Corpus([article(1), article(2, "Northfield Gazette")])
    assert [doc.source for doc in corpus] == [UNKNOWN_SOURCE, "Northfield Gazette"]
    assert corpus.unknown_source_note().startswith("1 of 2 documents have no source")
    index = write_report(compare(corpus, BOOK, bootstrap=0), corpus, BOOK, tmp_path / "out")
    page = index.read_text(encoding="utf-8")
    assert "Read with care" in page and "1 of 2 documents have no source" in page
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline\n\nDorn said the depots burned.", encoding="utf-8")
    assert main(["compare", str(folder), "--codebook", str(CODEBOOK), "--out",
                 str(tmp_path / "cli"), "--bootstrap", "0", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "warning: 1 of 1 documents have no source" in captured.err
    assert UNKNOWN_SOURCE in captured.out


def test_a_reused_report_folder_loses_the_old_pages(tmp_path):
    out = tmp_path / "out"
    first = Corpus([article(i, "Gazette") for i in range(3)])
    write_report(compare(first, BOOK, bootstrap=0), first, BOOK, out)
    assert (out / "articles" / "d2.html").is_file() and (out / MANIFEST).is_file()
    second = Corpus([article(i, "Gazette") for i in range(2)])
    write_report(compare(second, BOOK, bootstrap=0), second, BOOK, out)
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["d0.html", "d1.html"]


def test_a_folder_with_files_biaskit_did_not_write_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "notes.txt").write_text("mine", encoding="utf-8")
    corpus = Corpus([article(1, "Gazette")])
    with pytest.raises(InputError, match="1 file.s. biaskit did not write, such as "
                                         "articles/notes.txt"):
        write_report(compare(corpus, BOOK, bootstrap=0), corpus, BOOK, out)
    assert main(["compare", str(CORPUS), "--out", str(out)]) == 2
    assert "did not write" in capsys.readouterr().err
    assert (out / "articles" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_one_paragraph_numbering_in_tables_views_and_the_map(bundled, corpus):
    result, index = bundled
    seed = corpus["000_d287f8da5092c987"]
    claims = result.tables["claims"]
    (claim,) = claims[(claims.doc_id == seed.doc_id)
                      & (claims.presenter == "narrator")].itertuples()
    block = seed.blocks[claim.block]
    assert (block.role, block.paragraph, claim.paragraph) == ("body", 2, 2)
    page = (index.parent / "articles" / f"{seed.doc_id}.html").read_text(encoding="utf-8")
    assert f'data-block="{claim.block}" data-paragraph="2"' in page
    quotes = result.tables["attributions"]
    for row in quotes.itertuples():
        assert corpus[row.doc_id].blocks[row.block].paragraph == row.paragraph
    slots = statement_slots(quotes)  # the map's columns: H 0, S 1, body paragraph k at 1 + k
    body = quotes["position"].isin(["lead", "body"])
    assert (slots[body] == 1 + quotes.loc[body, "paragraph"].clip(upper=12)).all()
    assert (slots[quotes["position"] == "headline"] == 0).all()


def test_the_outlet_map_shares_sum_to_one_per_outlet_and_side(bundled):
    counts, firsts = outlet_positions(bundled[0].tables["attributions"])
    sums = counts.groupby(["source", "side"])["share"].sum()
    assert sums.round(9).eq(1).all()
    assert (firsts["first_slot"] >= 0).all() and (firsts["articles"] >= 1).all()


def test_with_many_outlets_the_cli_prints_outlets_as_rows(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    rows = ["file,source"]
    for i in range(12):
        (folder / f"d{i}.txt").write_text(f"Headline {i}\n\nDorn said the depots burned {i}.",
                                          encoding="utf-8")
        rows.append(f"d{i}.txt,Gazette {i:02d}")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["compare", str(folder), "--codebook", str(CODEBOOK), "--out",
                 str(tmp_path / "out"), "--bootstrap", "0", "--quiet"]) == 0
    table = capsys.readouterr().out.split("\n\ndocuments:")[0]
    assert max(map(len, table.splitlines())) <= 100
    assert sum(line.startswith("Gazette ") for line in table.splitlines()) >= 12
