"""Bad exports: cut off, of another format under the right extension, without a date or a
headline, with a byte-order mark and Windows line ends. Each gets a message naming the file
and the article number and what was wrong; the rest of the file is still read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from nexis_sample import ARTICLE_1, ARTICLE_2, COVER, PARAGRAPHS, write_docx

from biaskit.corpus.archives import read_items
from biaskit.corpus.document import Document, Problem
from biaskit.corpus.files import load_corpus

DATA = Path(__file__).parent / "data" / "archives"
TEXT_EXPORTS = ["lexisnexis_en.TXT", "factiva.html", "factiva.xml", "proquest.txt",
                "mediacloud.csv", "trafilatura.json", "trafilatura.csv", "newspaper.json"]

# In each sample, the second article's date and headline, as written in the file.
SECOND_DATE = {
    "lexisnexis_en.TXT": ("                             March 14, 2015 Saturday\n", ""),
    "factiva.html": ("<tr><td class=\"index\"><b>PD</b></td><td>14 March 2015</td></tr>\n", ""),
    "factiva.xml": ("<publicationDate><date>2015-03-18</date></publicationDate>", ""),
    "proquest.txt": ("Publication date: Mar 14, 2015\n", ""),
    "mediacloud.csv": ("900002,2015-03-14 08:05:00,", "900002,,"),
    "trafilatura.json": ('"date": "2015-03-14"', '"date": null'),
    "trafilatura.csv": ("\t2015-03-18\t", "\tnull\t"),
    "newspaper.json": ('"publish_date": null', '"publish_date": null'),  # the sample has none
}
SECOND_HEADLINE = {
    "lexisnexis_en.TXT": [("Authority offers talks as ships wait offshore\n", "")],
    "factiva.html": [("<tr><td class=\"index\"><b>HD</b></td><td>Ships queue as Alden strike "
                      "enters third day</td></tr>\n", "")],
    "factiva.xml": [("<headline><paragraph>Fin de la grève à Port Alden</paragraph></headline>",
                     "")],
    "proquest.txt": [("Alden strike: what the rota changes\n", "")],  # also after Title:
    "mediacloud.csv": [("Eleven ships wait outside Port Alden,", ",")],
    "trafilatura.json": [('"title": "Talks offered as Alden strike goes on"', '"title": null')],
    "trafilatura.csv": [("\tAlden docks reopen\t", "\tnull\t")],
    "newspaper.json": [('"title": "Union counts the cost of the strike"', '"title": ""')],
}


def _variant(tmp_path: Path, name: str, replacements) -> Path:
    text = (DATA / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, (name, old)
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _titles(corpus) -> list[str]:
    return [doc.title for doc in corpus]


def _known(name: str) -> list[str]:
    return _titles(load_corpus(DATA / name))


@pytest.mark.parametrize("name", TEXT_EXPORTS)
def test_an_article_without_a_date_loads_with_a_warning_naming_file_and_article(tmp_path, name):
    path = _variant(tmp_path, name, [SECOND_DATE[name]])
    corpus = load_corpus(path)
    assert _titles(corpus) == _known(name)
    assert corpus[1].date == ""
    [warning] = [p for p in corpus.problems if "no date" in p.message]
    assert (warning.path, warning.location, warning.severity) == (str(path), "article 2",
                                                                  "warning")


@pytest.mark.parametrize("name", TEXT_EXPORTS)
def test_an_article_without_a_headline_is_reported_and_the_others_load(tmp_path, name):
    path = _variant(tmp_path, name, SECOND_HEADLINE[name])
    corpus = load_corpus(path)
    known = _known(name)
    assert _titles(corpus) == [known[0], *known[2:]]
    [error] = [p for p in corpus.problems if p.severity == "error"]
    assert (error.path, error.location) == (str(path), "article 2")
    assert "no headline" in error.message


@pytest.mark.parametrize("name", TEXT_EXPORTS)
def test_a_bom_and_windows_line_ends_change_nothing(tmp_path, name):
    path = tmp_path / name
    text = (DATA / name).read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    before, after = load_corpus(DATA / name), load_corpus(path)
    assert [(d.title, d.standfirst, d.paragraphs, d.source, d.date) for d in after] == [
        (d.title, d.standfirst, d.paragraphs, d.source, d.date) for d in before]
    assert [p.message for p in after.problems] == [p.message for p in before.problems]


# Where to cut each sample: inside its second article.
CUT_IN_SECOND = {
    "lexisnexis_en.TXT": "as the strike entered its",
    "factiva.html": "Harbour director Maren",
    "factiva.xml": "La troisième équipe",
    "proquest.txt": "Harbour director Maren",
    "mediacloud.csv": "Eleven ships were anchored",
    "trafilatura.json": '"Talks offered',
    "trafilatura.csv": "Cranes moved again",
    "newspaper.json": '"Union counts',
}


@pytest.mark.parametrize("name", TEXT_EXPORTS)
def test_a_cut_off_export_keeps_the_articles_before_the_cut_and_says_where(tmp_path, name):
    text = (DATA / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text[:text.index(CUT_IN_SECOND[name])], encoding="utf-8")
    corpus = load_corpus(path)
    assert _titles(corpus)[0] == _known(name)[0]
    [problem] = [p for p in corpus.problems if "cut off" in p.message]
    assert problem.path == str(path)
    assert re.match(r"article 2\b", problem.location), problem
    assert "cut off" in problem.message


@pytest.mark.parametrize(("name", "export", "says"), [
    ("lexisnexis_en.TXT", "lexisnexis", "not a LexisNexis text export"),
    ("factiva.html", "factiva-html", "not a Factiva export"),
    ("factiva.xml", "factiva-xml", "not a Factiva XML download"),
    ("proquest.txt", "proquest", "not a ProQuest full-text export"),
    ("mediacloud.csv", "mediacloud-csv", "no article text"),
    ("trafilatura.csv", "trafilatura-csv", "tab-separated values instead of 11"),
])
def test_a_file_of_another_format_given_to_a_reader_is_named_and_explained(
        tmp_path, name, export, says):
    wrong = tmp_path / name
    wrong.write_text("Headline of a plain article\n\nIt has one paragraph, with a comma.\n",
                     encoding="utf-8")
    try:
        items = list(read_items(wrong, export))
    except Exception as error:  # a reader may refuse the whole file at once
        message = str(error)
    else:
        assert not [i for i in items if isinstance(i, Document)]
        message = " ".join(f"{p.path}: {p.message}" for p in items if isinstance(p, Problem))
    assert str(wrong) in message
    assert re.search(says, message), message


def test_a_json_export_of_another_kind_is_named_and_explained(tmp_path):
    wrong = tmp_path / "trafilatura.json"
    wrong.write_text('[1, 2]\n', encoding="utf-8")
    problems = list(read_items(wrong, "trafilatura-json"))
    assert [(p.path, p.location) for p in problems] == [(str(wrong), "article 1"),
                                                        (str(wrong), "article 2")]
    assert all("not a JSON object" in p.message for p in problems)


def test_the_format_of_a_misnamed_export_is_told_from_its_content(tmp_path):
    misnamed = tmp_path / "stories.csv"
    misnamed.write_bytes((DATA / "trafilatura.csv").read_bytes())
    assert [d.metadata["format"] for d in load_corpus(misnamed)] == ["trafilatura-csv"] * 2
    misnamed = tmp_path / "export.xml"
    misnamed.write_bytes((DATA / "lexisnexis_de.TXT").read_bytes())
    assert _titles(load_corpus(misnamed)) == _known("lexisnexis_de.TXT")


# --- Nexis Uni Word files -----------------------------------------------------------------------

def test_nexis_word_without_a_date_or_a_headline(tmp_path):
    no_date = write_docx(tmp_path / "no_date.docx",
                         [p for p in PARAGRAPHS if p != "March 16, 2015 Monday"])
    corpus = load_corpus(no_date)
    assert [d.date for d in corpus] == ["2015-03-12", ""]
    assert [(p.location, p.severity) for p in corpus.problems] == [("article 2", "warning")]
    no_headline = write_docx(tmp_path / "no_headline.docx",
                             [*COVER, *ARTICLE_1, *ARTICLE_2[1:]])
    corpus = load_corpus(no_headline)
    assert _titles(corpus) == ["Port Alden dockers strike over rota"]
    [error] = corpus.problems
    assert (error.path, error.location, error.severity) == (str(no_headline), "article 2",
                                                            "error")
    assert "no headline" in error.message


def test_a_nexis_word_file_cut_off_in_its_last_article(tmp_path):
    cut = write_docx(tmp_path / "cut.docx", [*COVER, *ARTICLE_1, *ARTICLE_2[:6]])
    corpus = load_corpus(cut)
    assert _titles(corpus) == ["Port Alden dockers strike over rota"]
    [error] = corpus.problems
    assert (error.location, error.severity) == ("article 2", "error")
    assert "End of Document" in error.message and "cut off" in error.message


def test_a_damaged_or_misnamed_word_file_is_named_and_explained(tmp_path):
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes((DATA / "nexis_uni.docx").read_bytes()[:5000])
    text = tmp_path / "text.docx"
    text.write_text("Not a Word file\n\nJust text.\n", encoding="utf-8")
    for path in (damaged, text):
        [problem] = load_corpus(path).problems
        assert (problem.path, problem.severity) == (str(path), "error")
        assert "not a Word (.docx) file" in problem.message


def test_a_word_file_that_is_no_nexis_export(tmp_path):
    letter = write_docx(tmp_path / "letter.docx", ["Dear Editor,", "A letter, not news."])
    [problem] = load_corpus(letter).problems
    assert "not a Nexis Uni export" in problem.message and problem.path == str(letter)


def test_nexis_word_in_german(tmp_path):
    german = write_docx(tmp_path / "de.docx", [
        "Hafenarbeiter streiken", "Nordhafener Tagblatt", "12. März 2015 Donnerstag",
        "Length:\u00a041 words", "Body", "Die Hafenarbeiter streiken seit Mittwochabend.",
        "Load-Date:\u00a013. März 2015", "End of Document"])
    [doc] = load_corpus(german)
    assert (doc.title, doc.source, doc.date) == ("Hafenarbeiter streiken",
                                                 "Nordhafener Tagblatt", "2015-03-12")


@pytest.mark.parametrize(("export", "row", "date"), [
    ("factiva.html", "<tr><td><b>PD</b></td><td>12 März 2015</td></tr>", "2015-03-12"),
    ("proquest.txt", "Publication date: 12 mars 2015", "2015-03-12"),
])
def test_dates_of_articles_in_another_language(tmp_path, export, row, date):
    text = (DATA / export).read_text(encoding="utf-8")
    if export == "factiva.html":
        text = text.replace("<tr><td class=\"index\"><b>PD</b></td><td>12 March 2015</td></tr>",
                            row)
    else:
        text = text.replace("Publication date: Mar 12, 2015", row)
    path = tmp_path / export
    path.write_text(text, encoding="utf-8")
    assert load_corpus(path)[0].date == date
