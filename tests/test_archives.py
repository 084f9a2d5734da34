"""News-archive exports load into the same documents as the other loaders: known answers on
sample exports written for these tests (fictional articles in each format's structure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from biaskit.corpus.archives import detect_format, load_archive
from biaskit.corpus.archives.common import parse_date
from biaskit.corpus.files import load_corpus

DATA = Path(__file__).parent / "data" / "archives"

# file -> format, then per article: headline, source, date, first paragraph
KNOWN = {
    "lexisnexis_en.TXT": ("lexisnexis", [
        ("Dockworkers walk out over night shifts", "The Alden Courier (Port Alden)",
         "2015-03-12", "Dockworkers at Port Alden stopped work on Wednesday night, the union "
                       "said, after the harbour authority added a third night shift."),
        ("Authority offers talks as ships wait offshore", "Harbour Weekly", "2015-03-14",
         "Eleven ships were anchored outside Port Alden on Friday as the strike entered its "
         "third day."),
        ("Strike ends after night shift is dropped", "The Alden Courier (Port Alden)",
         "2015-03-17", "The dockworkers returned on Tuesday after the authority withdrew the "
                       "third night shift."),
    ]),
    "lexisnexis_de.TXT": ("lexisnexis", [
        ("Hafenarbeiter legen die Arbeit nieder", "Nordhafener Tagblatt", "2015-03-12",
         "Die Hafenarbeiter in Port Alden streiken seit Mittwochabend."),
        ("Streik in Port Alden beendet", "Nordhafener Tagblatt", "2015-03-18",
         "Die Hafenbehörde hat die dritte Nachtschicht zurückgenommen."),
    ]),
    "lexisnexis_fr.TXT": ("lexisnexis", [
        ("Grève des dockers à Port Alden", "Le Courrier du Port", "2015-03-12",
         "Les dockers de Port Alden ont cessé le travail mercredi soir."),
    ]),
    "nexis_uni.docx": ("nexis-docx", [
        ("Port Alden dockers strike over rota", "The Alden Courier", "2015-03-12",
         "Dockworkers at Port Alden stopped work on Wednesday night, the union said."),
        ("Union and authority agree to talk", "Harbour Weekly", "2015-03-16",
         "The union and the harbour authority will meet on Monday."),
    ]),
    "factiva.html": ("factiva-html", [
        ("Night-shift row halts Port Alden docks", "The Alden Courier", "2015-03-12",
         "Dockworkers at Port Alden stopped work on Wednesday night over a third night shift."),
        ("Ships queue as Alden strike enters third day", "Harbour Weekly", "2015-03-14",
         "Eleven ships were anchored outside Port Alden on Friday."),
    ]),
    "factiva.xml": ("factiva-xml", [
        ("Strike ends after night shift is dropped", "The Alden Courier", "2015-03-17",
         "The dockworkers returned on Tuesday after the authority withdrew the third night "
         "shift."),
        ("Fin de la grève à Port Alden", "Le Courrier du Port", "2015-03-18",
         "Les dockers ont repris le travail mardi."),
    ]),
    "proquest.txt": ("proquest", [
        ("Dockers strike at Port Alden over rota", "The Alden Courier", "2015-03-12",
         "Dockworkers at Port Alden stopped work on Wednesday night, the union said."),
        ("Alden strike: what the rota changes", "Harbour Weekly", "2015-03-14",
         "The rota adds a third night shift from March."),
    ]),
    "mediacloud.csv": ("mediacloud-csv", [
        ("Port Alden dockers strike over night shifts", "The Alden Courier", "2015-03-12",
         "Dockworkers at Port Alden stopped work on Wednesday night."),
        ("Eleven ships wait outside Port Alden", "Harbour Weekly", "2015-03-14",
         "Eleven ships were anchored outside Port Alden on Friday."),
    ]),
    "trafilatura.json": ("trafilatura-json", [
        ("Port Alden dockers down tools", "The Alden Courier", "2015-03-12",
         "Dockworkers at Port Alden stopped work on Wednesday night."),
        ("Talks offered as Alden strike goes on", "Harbour Weekly", "2015-03-14",
         "Harbour director Maren Oyelaran offered talks on Friday."),
    ]),
    "trafilatura.csv": ("trafilatura-csv", [
        ("Strike ends after night shift is dropped", "aldencourier.example", "2015-03-17",
         "The dockworkers returned on Tuesday."),
        ("Alden docks reopen", "harbourweekly.example", "2015-03-18",
         "Cranes moved again at the east quay on Wednesday."),
    ]),
    "newspaper.json": ("newspaper-json", [
        ("What the Port Alden rota changes", "harbourweekly.example", "2015-03-15",
         "The rota adds a third night shift from March."),
        ("Union counts the cost of the strike", "The Alden Courier", "",
         "Tomas Brennick said members lost four days of pay."),
    ]),
}


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_each_export_loads_its_articles_with_headline_source_date_and_first_paragraph(name):
    export, articles = KNOWN[name]
    assert detect_format(DATA / name) == export
    corpus = load_corpus(DATA / name)
    assert [(d.title, d.source, d.date, d.paragraphs[0]) for d in corpus] == articles
    assert {d.metadata["format"] for d in corpus} == {export}
    assert [d.metadata["article"] for d in corpus] == [str(n) for n in
                                                       range(1, len(articles) + 1)]


def test_lexisnexis_metadata_lines_become_metadata_and_the_highlight_the_standfirst():
    first = load_corpus(DATA / "lexisnexis_en.TXT")[0]
    assert first.standfirst == ("The union says the new rota is unsafe; the harbour authority "
                                "calls the strike unlawful")
    assert first.metadata["byline"] == "Ilse Markova"
    assert first.metadata["section"] == "NEWS; Pg. 4"
    assert first.metadata["edition"] == "Final Edition"
    assert first.paragraphs[-1] == "The authority said the rota had been agreed in January."


def test_german_and_french_lexisnexis_fields_are_read_as_the_english_ones():
    german = load_corpus(DATA / "lexisnexis_de.TXT")[0]
    french = load_corpus(DATA / "lexisnexis_fr.TXT")[0]
    assert (german.metadata["byline"], german.metadata["section"]) == ("Greta Wendland",
                                                                       "LOKALES; S. 7")
    assert (french.metadata["byline"], french.metadata["length"]) == ("Jeanne Castel",
                                                                      "38 mots")


@pytest.mark.parametrize(("name", "dropped"), [
    ("lexisnexis_en.TXT", ["cover page", "LOAD-DATE line", "LANGUAGE line", "GRAPHIC line",
                           "copyright line"]),
    ("nexis_uni.docx", ["cover page", "copyright line", "Graphic heading", "Graphic line",
                        "Load-Date line"]),
    ("factiva.html", ["copyright line (CY)"]),
    ("proquest.txt", ["page between the articles (cover or contents)", "copyright line"]),
    ("trafilatura.json", ["reader comments"]),
])
def test_what_a_reader_leaves_out_of_the_first_article_is_in_its_cleaning_log(name, dropped):
    log = load_corpus(DATA / name).cleaning_log()
    first = log[(log["doc_id"] == log["doc_id"].iloc[0]) & (log["step"] == "export")]
    kinds = {detail.split(" dropped:")[0] for detail in first["detail"]}
    assert set(dropped) <= kinds


def test_no_dropped_line_reaches_the_text():
    for name in KNOWN:
        for doc in load_corpus(DATA / name):
            for marker in ("LOAD-DATE", "End of Document", "Copyright", "GRAPHIC", "Load-Date",
                           "ProQuest document link", "Reader One"):
                assert marker not in doc.text, (name, doc.doc_id, marker)


def test_a_media_cloud_story_list_without_text_says_so():
    corpus = load_corpus(DATA / "mediacloud_story_list.csv")
    assert len(corpus) == 0
    [problem] = corpus.problems
    assert problem.path.endswith("mediacloud_story_list.csv")
    assert "no article text" in problem.message and "'text' column" in problem.message


def test_the_format_is_told_by_content_not_extension(tmp_path):
    disguised = tmp_path / "download.TXT"
    disguised.write_bytes((DATA / "factiva.html").read_bytes())
    corpus = load_corpus(disguised)
    assert [d.title for d in corpus] == [a[0] for a in KNOWN["factiva.html"][1]]
    plain = tmp_path / "article.TXT"
    plain.write_text("A plain headline\n\nA plain paragraph.\n", encoding="utf-8")
    assert detect_format(plain) is None
    assert load_corpus(plain)[0].title == "A plain headline"


def test_doc_ids_are_the_file_name_and_the_article_number():
    assert load_archive(DATA / "lexisnexis_en.TXT").doc_ids == [
        "lexisnexis_en_0001", "lexisnexis_en_0002", "lexisnexis_en_0003"]


@pytest.mark.parametrize(("text", "date"), [
    ("March 12, 2015 Thursday", "2015-03-12"), ("Mar 12, 2015", "2015-03-12"),
    ("12 March 2015", "2015-03-12"), ("12. März 2015 Donnerstag", "2015-03-12"),
    ("12 mars 2015 jeudi", "2015-03-12"), ("1er mai 2015", "2015-05-01"),
    ("2015-03-12T08:00:00", "2015-03-12"), ("20150312", "2015-03-12"),
    ("March 12, 2015 10:15 AM GMT", "2015-03-12"),
    ("The Alden Courier", ""), ("Marching orders 12, 2015", ""), ("31 Foo 2015", ""),
])
def test_dates_are_read_in_english_german_and_french(text, date):
    assert parse_date(text) == date
