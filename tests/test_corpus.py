"""Loading documents and corpora: layout, cleaning log, encodings, loaders and bad input."""

from __future__ import annotations

import json
import pickle

import pandas as pd
import pytest
from conftest import CORPUS, SEED

from biaskit import Document, InputError, corpus_from_frame, load_corpus, load_document
from biaskit.corpus.cleaning import clean_text, decode_bytes

ARTICLE = "Headline here\n\nA standfirst without a full stop\n\nFirst body.\n\nSecond body.\n"


def test_seed_loads_as_headline_standfirst_and_eleven_body_paragraphs():
    doc = load_document(SEED)
    assert doc.title == "Russia denies bombing civilians in Syria"
    assert doc.standfirst == ("Senior Russian military official says air strikes are not "
                              "targeting civilian targets in Syria")
    assert len(doc.paragraphs) == 11
    assert doc.paragraphs[0].startswith("Russia’s Defence Ministry has denied bombing")
    assert doc.paragraphs[0].count("Russia’s Defence Ministry") == 1
    assert doc.paragraphs[-1].startswith("The United Nations currently aims")
    assert doc.encoding == "utf-8"


def test_seed_duplicated_lead_is_removed_and_logged():
    doc = load_document(SEED)
    duplicates = [step for step in doc.cleaning_log if step.step == "duplicate"]
    assert len(duplicates) == 1
    assert "Russia’s Defence Ministry has denied" in duplicates[0].detail
    assert {step.step for step in doc.cleaning_log} >= {"duplicate", "whitespace", "standfirst"}


def test_blocks_index_the_canonical_text():
    doc = load_document(SEED)
    parts = [doc.title, doc.standfirst, *doc.paragraphs]
    assert [doc.text[b.start:b.end] for b in doc.blocks] == parts
    assert [b.role for b in doc.blocks] == ["headline", "standfirst"] + ["body"] * 11
    assert doc.text == "\n\n".join(parts)


def test_paragraphs_read_as_a_tuple_and_the_text_is_held_and_pickled_once():
    paragraphs = ("Nia Tarr spoke first.", "Then “we left,” Oren Pell said.")
    doc = Document.from_parts("d", "Head", list(paragraphs))
    assert doc.paragraphs == paragraphs and paragraphs == doc.paragraphs
    assert hash(doc.paragraphs) == hash(paragraphs) and repr(doc.paragraphs) == repr(paragraphs)
    assert doc.paragraphs[1:] == paragraphs[1:] and ("Head", *doc.paragraphs) == ("Head",
                                                                                  *paragraphs)
    long = Document.from_parts("long", "Head", [f"Paragraph {i}" + " of “many” words" * 12
                                                for i in range(2000)])
    text_alone = len(pickle.dumps(long.text))
    assert len(pickle.dumps(long)) < 1.5 * text_alone  # the paragraphs are no second copy
    again = pickle.loads(pickle.dumps(long))
    assert again == long and again.paragraphs == long.paragraphs and again.body == long.body


def test_article_without_standfirst_loads_its_first_paragraph_as_body(write):
    doc = load_document(write("a.txt", "Headline\n\nFirst body paragraph.\n\nSecond one.\n"))
    assert doc.standfirst == ""
    assert doc.paragraphs == ("First body paragraph.", "Second one.")
    assert [b.role for b in doc.blocks] == ["headline", "body", "body"]


@pytest.mark.parametrize("rule, standfirst, n_body", [
    ("auto", "A standfirst without a full stop", 2),
    ("no", "", 3),
    ("yes", "A standfirst without a full stop", 2),
])
def test_standfirst_rule_can_be_overridden(rule, standfirst, n_body):
    cleaned = clean_text(ARTICLE, standfirst=rule)
    assert cleaned.standfirst == standfirst
    assert len(cleaned.paragraphs) == n_body


def test_a_punctuated_second_block_is_body_unless_told_otherwise():
    text = "Headline\n\nA full sentence.\n\nAnother."
    assert clean_text(text).standfirst == ""
    assert clean_text(text, standfirst="yes").standfirst == "A full sentence."


def test_whitespace_only_lines_with_non_breaking_spaces_are_blank():
    cleaned = clean_text("Title\n\u00a0\u2009\nBody one.\n \t \nBody two.")
    assert cleaned.paragraphs == ("Body one.", "Body two.")


def test_wrapped_lines_are_joined_and_logged():
    cleaned = clean_text("Title\n\nA paragraph that\nwraps over lines.")
    assert cleaned.paragraphs == ("A paragraph that wraps over lines.",)
    assert any("wrapped lines" in step.detail for step in cleaned.log)


def test_single_line_breaks_after_lines_too_long_to_be_wrapped_end_paragraphs():
    first = ("Ivo Marsh said on Monday that the council would vote on the levy next week, "
             "whatever the miners decide.")
    second = "\"We will not wait,\" he said."
    wrapped = "A paragraph wrapped at seventy columns, as mail and\nsome archives wrap it."
    cleaned = clean_text(f"Title\n\n{first}\n{second}\n\n{wrapped}")
    assert len(first) > 100
    assert cleaned.paragraphs == (first, second, wrapped.replace("\n", " "))
    assert any("kept as paragraph breaks" in step.detail for step in cleaned.log)


def test_headline_sharing_a_block_with_the_next_paragraph_is_the_first_line_only():
    cleaned = clean_text("Title\nFirst paragraph.\n\nSecond.")
    assert cleaned.title == "Title"
    assert cleaned.paragraphs == ("First paragraph.", "Second.")


def test_repeated_paragraph_anywhere_is_removed_and_logged():
    cleaned = clean_text("T\n\nSame text.\n\nOther.\n\nSame text.")
    assert cleaned.paragraphs == ("Same text.", "Other.")
    assert [s.step for s in cleaned.log] == ["duplicate"]


def test_html_markup_and_entities_are_cleaned_and_logged():
    page = ("<html><head><title>Russia denies it</title><style>p {}</style></head><body>"
            "<p>Officials said &ldquo;no&rdquo; on Monday.</p><p>Amnesty &amp; others "
            "disagreed.</p><script>var x = 1;</script></body></html>")
    cleaned = clean_text(page)
    assert cleaned.title == "Russia denies it"
    assert cleaned.paragraphs == ("Officials said “no” on Monday.", "Amnesty & others disagreed.")
    assert [s.step for s in cleaned.log][0] == "html"
    entities = clean_text("Title\n\nAmnesty &amp; others.")
    assert entities.paragraphs == ("Amnesty & others.",)
    assert entities.log[0].detail == "HTML entities decoded"


def test_unicode_is_normalised_to_nfc_and_invisible_characters_removed():
    cleaned = clean_text("Cafe\u0301 news\n\nZero\u200bwidth and soft\u00adhyphen.")
    assert cleaned.title == "Café news"
    assert cleaned.paragraphs == ("Zerowidth and softhyphen.",)
    assert {s.step for s in cleaned.log} == {"unicode", "whitespace"}


def test_cleaning_is_idempotent_on_the_canonical_text():
    doc = load_document(SEED)
    again = Document.from_text(doc.text, doc_id="again")
    assert (again.title, again.standfirst, again.paragraphs) == (
        doc.title, doc.standfirst, doc.paragraphs)
    # Only the standfirst decision is logged again; no character is changed a second time.
    assert [step.step for step in again.cleaning_log] == ["standfirst"]


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),
    ("cp1252", "cp1252"),
])
def test_encodings_are_detected_and_recorded(write, encoding, expected):
    text = "Russia’s “denial”\n\nCafé owners said: “non”.\n"
    doc = load_document(write("a.txt", text.encode(encoding)))
    assert doc.encoding == expected
    assert doc.title == "Russia’s “denial”"
    assert doc.paragraphs == ("Café owners said: “non”.",)
    assert any(s.step == "encoding" for s in doc.cleaning_log) == (expected != "utf-8")


def test_latin1_is_the_last_fallback():
    # 0x81 is undefined in cp1252, so only latin-1 decodes it.
    assert decode_bytes(b"caf\xe9 \x81") == ("café \x81", "latin-1")


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b" \n\t\n\xc2\xa0\n", "empty or holds only whitespace"),
    (b"%PDF-1.7 binary", "this is a PDF file"),
    (b"\x89PNG\r\n\x1a\n....", "this is a PNG image"),
    (b"abc\x00def", "NUL bytes"),
])
def test_unusable_files_raise_an_error_naming_the_file(write, content, message):
    path = write("bad.txt", content)
    with pytest.raises(InputError, match=message) as error:
        load_document(path)
    assert str(path) in str(error.value)


def test_folder_with_metadata_loads_every_file_in_name_order(write, tmp_path):
    write("b.txt", "Second headline\n\nBody b.")
    write("a.txt", "First headline\n\nBody a.")
    write("metadata.csv", "file,source,date,provenance,topic\n"
                          "a.txt,Outlet A,2016-01-02,constructed,war\n"
                          "b.txt,\"Outlet, B\",,real,\n")
    corpus = load_corpus(tmp_path)
    assert corpus.doc_ids == ["a", "b"]
    assert corpus["a"].source == "Outlet A"
    assert corpus["b"].source == "Outlet, B"
    assert corpus["a"].provenance == "constructed"
    assert corpus["a"].metadata == {"topic": "war"}
    assert corpus.problems == ()


def test_folder_problems_are_reported_and_never_abort_the_run(write, tmp_path):
    write("good.txt", "Headline\n\nBody.")
    write("empty.txt", "")
    write("nometa.txt", "Another\n\nBody.")
    write("metadata.csv", "file,source,provenance\ngood.txt,X,made-up\nempty.txt,Y,real\n"
                          "gone.txt,Z,real\n")
    corpus = load_corpus(tmp_path)
    assert corpus.doc_ids == ["good", "nometa"]
    problems = corpus.problems_frame()
    assert list(problems.columns) == ["doc_id", "path", "location", "severity", "message"]
    rows = problems[["doc_id", "location", "severity"]].values.tolist()
    messages = problems["message"].tolist()
    assert rows == [["", "line 4", "warning"], ["empty", "", "error"],
                    ["good", "metadata.csv line 2", "warning"], ["nometa", "", "warning"]]
    assert messages[0] == "metadata names 'gone.txt', which is not in the folder"
    assert messages[1].startswith("the file is empty")
    assert messages[2].startswith("provenance 'made-up' is not one of real, constructed")
    assert messages[3] == "no row in metadata.csv; loaded without metadata"
    assert corpus["good"].provenance == "unknown"


def test_metadata_without_file_column_is_a_configuration_error(write, tmp_path):
    write("a.txt", "Headline\n\nBody.")
    write("metadata.csv", "name,source\na.txt,X\n")
    with pytest.raises(InputError, match=r"metadata.csv, line 1: no 'file' column"):
        load_corpus(tmp_path)


def test_csv_jsonl_and_parquet_tables_load_the_same_documents(write, tmp_path):
    frame = pd.DataFrame({
        "doc_id": ["x", "y"], "source": ["A", "B"],
        "text": ["Head x\n\nBody of x.", "Head y\n\nStand y\n\nBody of y.\n\nMore."],
        "section": ["world", "news"],
    })
    frame.to_csv(tmp_path / "t.csv", index=False)
    frame.to_json(tmp_path / "t.jsonl", orient="records", lines=True)
    frame.to_parquet(tmp_path / "t.parquet")
    loaded = [load_corpus(tmp_path / f"t.{suffix}") for suffix in ("csv", "jsonl", "parquet")]
    for corpus in loaded:
        assert corpus.doc_ids == ["x", "y"]
        assert corpus["y"].standfirst == "Stand y"
        assert corpus["y"].paragraphs == ("Body of y.", "More.")
        assert corpus["x"].metadata == {"section": "world"}
    assert loaded[0]["y"].text == loaded[1]["y"].text == loaded[2]["y"].text


def test_table_columns_can_be_renamed_and_a_title_column_makes_text_the_body(write):
    path = write("t.csv", "id,headline,body,outlet\n1,Head,\"Para one.\n\nPara two.\",Wire\n")
    corpus = load_corpus(path, columns={"doc_id": "id", "title": "headline", "text": "body",
                                        "source": "outlet"})
    doc = corpus["1"]
    assert (doc.title, doc.paragraphs, doc.source) == ("Head", ("Para one.", "Para two."), "Wire")


def test_table_without_text_column_names_the_columns_and_the_fix(write):
    path = write("t.csv", "doc_id,body\n1,Hello\n")
    with pytest.raises(InputError, match=r"t.csv: no text column 'text'; columns are: doc_id, body"
                                         r"\. Name the column"):
        load_corpus(path)


def test_bad_jsonl_lines_and_empty_texts_become_problems(write):
    path = write("t.jsonl", '{"doc_id": "a", "text": "H\\n\\nBody."}\n{broken\n'
                            '{"doc_id": "b", "text": "  "}\n[1, 2]\n')
    corpus = load_corpus(path)
    assert corpus.doc_ids == ["a"]
    locations = corpus.problems_frame()[["doc_id", "location", "severity"]].values.tolist()
    assert locations == [["", "line 2", "error"], ["", "line 4", "error"],
                         ["b", "row 2", "error"]]


def test_duplicate_doc_ids_are_renamed_with_a_warning(write):
    corpus = load_corpus(write("t.csv", "doc_id,text\nd,\"H\n\nOne.\"\nd,\"H2\n\nTwo.\"\n"))
    assert corpus.doc_ids == ["d", "d__2"]
    assert corpus.problems[0].severity == "warning"
    assert "renamed 'd__2'" in corpus.problems[0].message


def test_corpus_round_trips_through_a_dataframe():
    corpus = load_corpus(CORPUS)
    again = corpus_from_frame(corpus.to_frame())
    assert again.doc_ids == corpus.doc_ids
    for before, after in zip(corpus, again, strict=True):
        assert (after.title, after.standfirst, after.paragraphs, after.text) == (
            before.title, before.standfirst, before.paragraphs, before.text)
        assert (after.source, after.date, after.provenance) == (
            before.source, before.date, before.provenance)
        assert dict(after.metadata) == dict(before.metadata)


def test_corpus_frame_has_doc_id_first_and_metadata_columns_after_fields():
    frame = load_corpus(CORPUS).to_frame()
    assert list(frame.columns[:8]) == ["doc_id", "source", "date", "url", "provenance", "title",
                                       "standfirst", "text"]
    assert "design_intent" in frame.columns


def test_in_memory_documents_are_cleaned_too():
    doc = Document.from_parts("d", " Head ", ["One\ttwo.", "One\ttwo."], standfirst="S")
    assert (doc.title, doc.standfirst, doc.paragraphs) == ("Head", "S", ("One two.",))
    assert len(doc.cleaning_log) >= 2


def test_spacing_inside_a_line_is_the_articles_own():
    """Evidence is the article's own characters: a non-breaking or double space stays, so a
    quote found by biaskit is found verbatim in the source too."""
    doc = Document.from_parts("d", "Head", ["Rule of Law.\u00a0 I stand by it."])
    assert doc.paragraphs == ("Rule of Law.\u00a0 I stand by it.",)


def test_missing_path_and_unknown_suffix_are_clear_errors(tmp_path, write):
    with pytest.raises(InputError, match="no such file or folder"):
        load_corpus(tmp_path / "nothing")
    with pytest.raises(InputError, match="unknown file type '.odt'"):
        load_corpus(write("a.odt", "x"))


def test_jsonl_rows_keep_extra_fields_as_metadata(write):
    row = {"doc_id": "a", "text": "H\n\nBody.", "tags": ["x", "y"]}
    corpus = load_corpus(write("t.jsonl", json.dumps(row)))
    assert corpus["a"].metadata == {"tags": ["x", "y"]}
