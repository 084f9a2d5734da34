"""Nothing is lost without a word: every document given to biaskit is either analysed or named
in a problem row, through the command line, with no traceback and no internal error."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import CODEBOOK

from biaskit import load_codebook, load_corpus
from biaskit.cli import main
from biaskit.runs.stream import read_results

ARTICLE = "Ministry denies strike\n\nThe ministry said no aircraft had flown, Dorn said.\n"


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "internal error" not in captured.err
    return code, captured.out, captured.err


def ledger(out) -> tuple[set[str], set[str]]:
    """The ids a results folder analysed, and those its problems table names as failed."""
    analysed = set(read_results(out, "documents")["doc_id"])
    problems = read_results(out, "problems")
    return analysed, set(problems.loc[problems["severity"] == "error", "doc_id"])


def write_articles(folder, names) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLE.replace("Dorn", f"Dorn {name}"),
                                            encoding="utf-8")


# --- 1.1 a mended document is analysed on the next run -------------------------------------

def test_a_document_mended_after_a_failed_run_is_analysed_by_the_rerun(tmp_path, capsys):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_articles(corpus, ["a", "b"])
    (corpus / "late.txt").write_text("", encoding="utf-8")
    code, stdout, err = cli(capsys, "run", corpus, "--codebook", CODEBOOK, "--out", out)
    assert code == 1 and "late.txt" in err
    assert ledger(out) == ({"a", "b"}, {"late"})
    code, stdout, _ = cli(capsys, "run", corpus, "--codebook", CODEBOOK, "--out", out)
    assert code == 1 and "1 failed" in stdout  # still empty: reported again
    (corpus / "late.txt").write_text(ARTICLE, encoding="utf-8")
    code, stdout, _ = cli(capsys, "run", corpus, "--codebook", CODEBOOK, "--out", out)
    assert code == 0 and "1 analysed, 2 skipped" in stdout
    assert ledger(out) == ({"a", "b", "late"}, set())


def write_table(frame: pd.DataFrame, path) -> None:
    """The frame as the table its suffix names: CSV, JSON Lines or Parquet."""
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True)
    else:
        frame.to_parquet(path)


def info(capsys, path) -> tuple[int, str]:
    """``biaskit corpus info`` on a path: its exit code and everything it printed."""
    code, out, err = cli(capsys, "corpus", "info", path, "--documents")
    return code, out + err


# --- 1.2 a plain-text article that mentions a tag stays whole ------------------------------

def test_a_plain_text_article_mentioning_a_tag_keeps_its_text_and_paragraphs(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Hackers hit a ministry site\n\nThe attackers injected a <script> tag into "
                    "the page, investigators said.\n\nThe daily <i>Kommersant</i> reported it "
                    "first.\n\nDorn said the site was back.\n", encoding="utf-8")
    doc = load_corpus(path)[0]
    assert doc.title == "Hackers hit a ministry site"
    assert len(doc.paragraphs) == 3
    assert "a <script> tag into the page" in doc.paragraphs[0]
    assert doc.paragraphs[1] == "The daily Kommersant reported it first."
    assert [s.detail for s in doc.cleaning_log] == ["inline HTML tags removed, their text kept"]


def test_an_html_page_keeps_paragraphs_and_logs_what_it_removed_with_its_length(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<html><head><title>Strike denied</title></head><body><p>Dorn said no "
                    "aircraft flew.</p>\n\n<p>Vell said they did.</p><script>track(1);"
                    "</script></body></html>", encoding="utf-8")
    doc = load_corpus(path)[0]
    assert (doc.title, doc.paragraphs) == ("Strike denied", ("Dorn said no aircraft flew.",
                                                             "Vell said they did."))
    assert "removed the content of <script>: 9 characters" in [
        s.detail for s in doc.cleaning_log]


def test_an_unclosed_script_in_a_page_is_logged_with_the_length_it_hid(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<p>Strike denied</p><p>Dorn said no.</p><script>rest of the page",
                    encoding="utf-8")
    details = [s.detail for s in load_corpus(path)[0].cleaning_log]
    assert ("removed the content of <script> (never closed: everything after it): "
            "16 characters") in details


# --- 1.3 an empty text with a title is a problem row -----------------------------------------

@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_a_row_with_a_title_but_no_text_is_a_problem_row(tmp_path, capsys, suffix):
    frame = pd.DataFrame({"doc_id": ["x1", "x2", "x3"], "title": ["One", "Two", "Three"],
                          "text": ["Dorn said no.", "", None]})
    path = tmp_path / f"t{suffix}"
    write_table(frame, path)
    code, text = info(capsys, path)
    assert code == 1
    lines = (", line 3", ", line 4") if suffix == ".csv" else ("", "")  # CSV names lines too
    assert f"t{suffix}, row 2{lines[0]}: the text is empty" in text
    assert f"t{suffix}, row 3{lines[1]}: the text is empty" in text
    corpus = load_corpus(path)
    assert corpus.doc_ids == ["x1"]
    assert {p.doc_id for p in corpus.problems} == {"x2", "x3"}


# --- 1.4 line separators inside JSON strings and quoted newlines in metadata.csv --------------

@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_json_lines_holding_unicode_line_separators_load(tmp_path, separator):
    path = tmp_path / "a.jsonl"
    rows = [{"doc_id": "a", "text": f"Head\n\nDorn said{separator} no."},
            {"doc_id": "b", "text": "Head\n\nVell said yes."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    corpus = load_corpus(path)
    assert corpus.doc_ids == ["a", "b"] and not corpus.problems


def test_a_quoted_line_break_in_metadata_stays_in_its_value(tmp_path):
    write_articles(tmp_path, ["a", "b"])
    (tmp_path / "metadata.csv").write_text(
        'file,source,note\na.txt,Meridian Wire,"first line\nsecond line"\nb.txt,Courier,x\n',
        encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus["a"].metadata["note"] == "first line\nsecond line"
    assert corpus["b"].source == "Courier" and not corpus.problems


# --- 1.5 ids are text, whatever pandas would infer ------------------------------------------

def test_ids_stay_text_when_a_json_row_has_none_or_a_parquet_id_is_null(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"doc_id": 1, "text": "H\\n\\nDorn said no."}\n'
                     '{"text": "H\\n\\nVell said yes."}\n{"doc_id": 3, "text": "H\\n\\nOk."}\n',
                     encoding="utf-8")
    assert load_corpus(jsonl).doc_ids == ["1", "row1", "3"]
    parquet = tmp_path / "a.parquet"
    pq.write_table(pa.table({"doc_id": pa.array([1, None, 3], pa.int64()),
                             "text": ["H\n\nA.", "H\n\nB.", "H\n\nC."]}), parquet)
    assert load_corpus(parquet).doc_ids == ["1", "row1", "3"]


def test_run_ids_do_not_depend_on_the_chunk_size(tmp_path, capsys, codebook):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"doc_id": n, "text": f"H{n}\n\nDorn said {n}."}) + "\n"
                            if n != 2 else json.dumps({"text": "H\n\nNo id."}) + "\n"
                            for n in range(1, 6)), encoding="utf-8")
    ids = []
    for size in ("1", "10"):
        out = tmp_path / f"out{size}"
        cli(capsys, "run", path, "--codebook", CODEBOOK, "--out", out, "--chunk-size", size)
        ids.append(sorted(read_results(out, "documents")["doc_id"]))
    assert ids[0] == ids[1] == ["1", "3", "4", "5", "row1"]


# --- 1.6 a folder of text files and tables --------------------------------------------------

@pytest.mark.parametrize("command", ["info", "quotes", "run"])
def test_a_folder_with_both_text_files_and_a_table_is_refused_everywhere(
        tmp_path, capsys, command):
    folder = tmp_path / "mixed"
    write_articles(folder, ["a"])
    pd.DataFrame({"doc_id": ["t1"], "text": ["H\n\nVell said yes."]}).to_csv(
        folder / "more.csv", index=False)
    args = {"info": ["corpus", "info", folder],
            "quotes": ["quotes", folder, "--codebook", CODEBOOK],
            "run": ["run", folder, "--codebook", CODEBOOK, "--out", tmp_path / "out"]}[command]
    code, _, err = cli(capsys, *args)
    assert code == 2
    assert "mixed: the folder holds both text files (1, such as 'a.txt') and tables" in err


def test_a_folder_of_tables_loads_every_table(tmp_path):
    for name in ("one", "two"):
        pd.DataFrame({"doc_id": [f"{name}1", "same"], "text": ["H\n\nA.", "H\n\nB."]}).to_csv(
            tmp_path / f"{name}.csv", index=False)
    corpus = load_corpus(tmp_path)
    assert corpus.doc_ids == ["one1", "same", "two1", "same__2"]
    [renamed] = corpus.problems
    assert (renamed.path, renamed.location) == (str(tmp_path / "two.csv"), "row 2, line 5")


# --- 1.7 binary text in Parquet --------------------------------------------------------------

def test_a_parquet_binary_text_column_is_decoded_not_shown_as_bytes(tmp_path):
    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({"doc_id": ["a", "b"], "text": pa.array(
        ["Russia’s denial\n\nDorn said no.".encode(), b"%PDF-1.4 binary"], pa.binary())}), path)
    corpus = load_corpus(path)
    assert corpus["a"].title == "Russia’s denial"
    assert [(p.doc_id, p.location, p.severity) for p in corpus.problems] == [
        ("b", "row 2", "error")]
    assert "a PDF file" in corpus.problems[0].message


# --- 1.8 repeated keys in a codebook ---------------------------------------------------------

@pytest.mark.parametrize("text, line, first", [
    ("sides:\n  a:\n    actors:\n      x: {aliases: [Xu]}\n  a:\n    actors:\n"
     "      y: {aliases: [Yu]}\n", 5, 2),
    ("sides:\n  a:\n    actors:\n      x:\n        aliases: [Xu]\n        aliases: [Yu]\n",
     6, 5),
])
def test_a_key_repeated_at_any_depth_of_a_codebook_is_refused_naming_both_lines(
        tmp_path, capsys, text, line, first):
    book = tmp_path / "book.yaml"
    book.write_text(text, encoding="utf-8")
    write_articles(tmp_path / "c", ["a"])
    code, _, err = cli(capsys, "quotes", tmp_path / "c", "--codebook", book)
    assert code == 2
    assert f"book.yaml, line {line}: key " in err and f"(first on line {first})" in err


def test_a_codebook_nested_thousands_of_levels_deep_is_refused(tmp_path, capsys):
    book = tmp_path / "book.yaml"
    book.write_text("sides: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    code, _, err = cli(capsys, "quotes", tmp_path, "--codebook", book)
    assert code == 2 and "book.yaml, line 1: the file is nested more than 50" in err


# --- 1.9 a quotation mark never closed in metadata.csv ---------------------------------------

def test_an_unclosed_quote_in_metadata_names_the_line_where_it_opened(tmp_path, capsys):
    write_articles(tmp_path, ["a", "b", "c"])
    (tmp_path / "metadata.csv").write_text(
        'file,source\na.txt,Meridian Wire\nb.txt,"Eastern Courier\nc.txt,Rights Monitor\n',
        encoding="utf-8")
    code, text = info(capsys, tmp_path)
    assert code == 2
    assert "metadata.csv, line 3, column 7: a quotation mark opened here is never closed" in text


def test_an_unclosed_quote_closed_by_a_later_row_is_found_too(tmp_path, capsys):
    write_articles(tmp_path, ["a", "b", "c"])
    (tmp_path / "metadata.csv").write_text(
        'file,source,note\na.txt,"Meridian Wire,x\nb.txt,Courier,"y"\nc.txt,Monitor,z\n',
        encoding="utf-8")
    code, text = info(capsys, tmp_path)
    assert code == 2 and "metadata.csv, line 2, column 7: a quotation mark" in text


# --- 1.10 aliases ----------------------------------------------------------------------------

def test_an_alias_in_decomposed_unicode_or_with_a_zero_width_space_matches(tmp_path):
    book = tmp_path / "book.yaml"
    book.write_text('sides:\n  a:\n    actors:\n      jose:\n        aliases: '
                    '["Jose\u0301 Dorn\u200b"]\n', encoding="utf-8")
    doc = load_corpus(_article(tmp_path, "José Dorn said the strike never happened."))[0]
    from biaskit import attributions_frame
    quotes = attributions_frame([doc], load_codebook(book))
    assert quotes["actor"].tolist() == ["jose"]


def _article(folder, body: str):
    path = folder / "a.txt"
    path.write_text(f"Headline\n\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("alias, what", [("A", "a single character"), ("us", "a common word"),
                                         ("The", "a common word")])
def test_an_alias_that_would_claim_common_words_is_refused(tmp_path, capsys, alias, what):
    book = tmp_path / "book.yaml"
    book.write_text(f"sides:\n  a:\n    actors:\n      x:\n        aliases: [Xu Dorn, {alias}]\n",
                    encoding="utf-8")
    code, _, err = cli(capsys, "quotes", _article(tmp_path, "Dorn said no."), "--codebook", book)
    assert code == 2
    assert f"line 5 (sides.a.actors.x.aliases): alias {alias!r} is {what}" in err


# --- 1.11 symbolic links and odd entries -----------------------------------------------------

def test_dangling_links_links_to_folders_and_folders_named_txt_are_problem_rows(
        tmp_path, capsys):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_articles(corpus, ["a"])
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (corpus / "dir.txt").mkdir()
    (corpus / "link.txt").symlink_to(tmp_path)
    (corpus / "alias.txt").symlink_to(corpus / "a.txt")
    code, text = info(capsys, corpus)
    assert code == 1
    assert "gone.txt: a symbolic link to something that does not exist" in text
    assert "dir.txt: a folder named like a text file" in text
    assert "link.txt: a folder named like a text file" in text
    code, _, _ = cli(capsys, "run", corpus, "--codebook", CODEBOOK, "--out", out)
    assert code == 1
    assert ledger(out) == ({"a", "alias"}, {"gone", "dir", "link"})


# --- 4 a stray quotation mark in a CSV table, and repeated ids -------------------------------

ROWS = "doc_id,title,text\nk1,One,Dorn said no.\n{}k3,Three,Vell said yes.\nk4,Four,{}\n"


@pytest.mark.parametrize("command", ["info", "run"])
@pytest.mark.parametrize("stray, last", [
    ('k2,Two,"Kai said so.\n', "Lo said so."),  # runs to the end of the file
    ('k2,Two,"Kai said so.\n', 'Lo said "maybe" today.'),  # closed by a later row
])
def test_a_stray_quote_in_a_csv_names_the_line_where_it_opened(tmp_path, capsys, command,
                                                                stray, last):
    path = tmp_path / "t.csv"
    path.write_text(ROWS.format(stray, last), encoding="utf-8")
    if command == "info":
        code, text = info(capsys, path)
        where = "line 3, column 8"
    else:  # a run keeps the rows before the break of a table in a folder (test_stream.py)
        code, stdout, err = cli(capsys, "run", path, "--codebook", CODEBOOK, "--out",
                                tmp_path / "out")
        text, where = stdout + err, "row 2, line 3, column 8"
    assert code == 2
    assert f"t.csv, {where}: a quotation mark opened here is never closed" in text


def test_a_value_that_swallowed_rows_is_a_warning_naming_the_line(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text(ROWS.format('k2,Two,"Kai said so.\n', 'Lo said so."'), encoding="utf-8")
    code, text = info(capsys, path)
    assert code == 0
    assert ("t.csv, line 3, column 8: a quotation mark opened here is never closed, so the "
            "rows after it were read as part of a value: 2 line(s)") in text


def test_an_article_with_line_breaks_in_a_csv_is_no_warning(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text('doc_id,title,text\nk1,One,"Dorn said no.\n\nHowever, he left."\n'
                    "k2,Two,Vell said yes.\n", encoding="utf-8")
    code, text = info(capsys, path)
    assert code == 0 and "warning:" not in text


@pytest.mark.parametrize("suffix, where", [(".csv", "row 3, line 4"), (".jsonl", "row 3"),
                                           (".parquet", "row 3")])
def test_a_repeated_id_in_a_table_names_the_file_and_row(tmp_path, capsys, suffix, where):
    frame = pd.DataFrame({"doc_id": ["k1", "k2", "k1"], "text": ["Dorn said no."] * 3})
    path = tmp_path / f"t{suffix}"
    write_table(frame, path)
    _, text = info(capsys, path)  # loaded whole
    assert f"t{suffix}, {where}: doc_id 'k1' is used more than once" in text
    cli(capsys, "run", path, "--codebook", CODEBOOK, "--out", tmp_path / "out")  # streamed
    assert ledger(tmp_path / "out")[0] == {"k1", "k2", "k1__2"}
    problems = read_results(tmp_path / "out", "problems")
    assert problems[["path", "location"]].values.tolist() == [[str(path), where]]


@pytest.mark.parametrize("encoding, told", [
    ("utf-16", "the table is utf-16, and a streamed run reads UTF-8. Re-save it as UTF-8, "
               "for example: iconv -f utf-16 -t utf-8"),
    ("cp1252", "the table is cp1252, and a streamed run reads UTF-8. Re-save it as UTF-8, "
               "for example: iconv -f cp1252 -t utf-8"),
    ("utf-16-le", "the file holds NUL bytes, so it is binary or UTF-16 without a byte-order "
                  "mark. Re-save it as UTF-8"),
])
def test_a_csv_in_another_encoding_is_read_whole_and_refused_by_run_with_the_fix(
        tmp_path, capsys, encoding, told):
    path = tmp_path / "t.csv"
    path.write_bytes("doc_id,text\nk1,Dorn said the café was shut.\n".encode(encoding))
    code, text = info(capsys, path)
    assert code == (2 if encoding == "utf-16-le" else 0)  # no byte-order mark: not guessed
    code, _, err = cli(capsys, "run", path, "--codebook", CODEBOOK, "--out", tmp_path / "out")
    assert code == 2 and f"t.csv: {told}" in err
