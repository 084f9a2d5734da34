"""Exports from interfaces in other languages: the labels in biaskit/data/export_labels.csv
(each with where it is documented), Nexis Uni's German and French labels, and dates in
Spanish as Factiva and ProQuest write them in a Spanish interface."""

from __future__ import annotations

import csv
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest
from nexis_sample import NBSP, write_docx

from biaskit.corpus.archives import load_archive
from biaskit.corpus.archives.common import parse_date
from biaskit.corpus.files import load_corpus

DATA = Path(__file__).parent / "data" / "archives"
SOURCES = {"lnt", "lnt-issues", "factiva-tags", "tm-factiva", "pq-parsers", "brief", "unverified"}


def _label_rows() -> list[dict[str, str]]:
    text = files("biaskit").joinpath("data/export_labels.csv").read_text(encoding="utf-8")
    return [row for row in csv.DictReader(text.splitlines())
            if not row["format"].startswith("#")]


def test_every_label_says_where_it_is_documented_and_none_is_listed_twice():
    rows = _label_rows()
    assert {row["source"] for row in rows} <= SOURCES
    twice = [key for key, n in Counter((r["format"], r["label"].upper()) for r in rows).items()
             if n > 1]
    assert not twice


def test_the_labels_of_other_languages_are_documented_ones():
    # A label in another language is added only with a public source.
    foreign = [row for row in _label_rows() if row["language"] != "en"
               and row["format"] != "lexisnexis"]
    assert foreign and all(row["source"] != "unverified" for row in foreign)


@pytest.mark.parametrize(("label", "value", "language"), [
    ("Länge", "41 Wörter", "de"), ("Longueur", "41 mots", "fr")])
def test_nexis_uni_length_in_german_and_french(tmp_path, label, value, language):
    path = write_docx(tmp_path / f"{language}.docx", [
        "Hafenarbeiter streiken", "Nordhafener Tagblatt", "12. März 2015 Donnerstag",
        f"{label}:{NBSP}{value}", f"Author:{NBSP}Ilse Markova", "Text",
        "Die Hafenarbeiter streiken seit Mittwochabend.", "End of Document"])
    corpus = load_corpus(path)
    assert not corpus.problems
    [doc] = corpus
    assert (doc.metadata["length"], doc.metadata["byline"]) == (value, "Ilse Markova")
    assert list(doc.paragraphs) == ["Die Hafenarbeiter streiken seit Mittwochabend."]


@pytest.mark.parametrize(("text", "date"), [
    ("12 marzo 2015", "2015-03-12"),
    ("12 de marzo de 2015", "2015-03-12"),
    ("jueves, 12 de marzo de 2015", "2015-03-12"),
    ("1 dic. 2015", "2015-12-01"),
    ("3 de agosto de 2016 miércoles", "2016-08-03"),
    ("Port de Alden", ""),
])
def test_spanish_dates(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize(("export", "old", "new"), [
    ("factiva.html", "<td>12 March 2015</td>", "<td>12 marzo 2015</td>"),
    ("proquest.txt", "Publication date: Mar 12, 2015", "Publication date: 12 de marzo de 2015"),
])
def test_factiva_and_proquest_articles_dated_in_spanish(tmp_path, export, old, new):
    text = (DATA / export).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / export
    path.write_text(text.replace(old, new), encoding="utf-8")
    corpus = load_corpus(path)
    assert corpus[0].date == "2015-03-12"
    assert not [p for p in corpus.problems if "date" in p.message]


def test_a_nexis_uni_label_biaskit_does_not_know_is_kept_in_the_metadata(tmp_path):
    path = write_docx(tmp_path / "de.docx", [
        "Hafenarbeiter streiken", "Nordhafener Tagblatt", "12. März 2015 Donnerstag",
        f"Länge:{NBSP}41 Wörter", f"Rubrik:{NBSP}Wirtschaft", "Ohne Doppelpunkt", "Body",
        "Die Hafenarbeiter streiken seit Mittwochabend.", "End of Document"])
    [doc] = load_corpus(path)
    assert doc.metadata["nexis_rubrik"] == "Wirtschaft"
    assert list(doc.paragraphs) == ["Die Hafenarbeiter streiken seit Mittwochabend."]
    assert [step.detail for step in doc.cleaning_log] == [
        "line among the fields dropped: 'Ohne Doppelpunkt'"]


def test_a_proquest_export_with_labels_in_another_language_says_what_to_do(tmp_path):
    text = (DATA / "proquest.txt").read_text(encoding="utf-8")
    for english, german in (("Full text:", "Volltext:"), ("Publication title:", "Titel:"),
                            ("ProQuest document ID:", "Dokument-ID:")):
        text = text.replace(english, german)
    path = tmp_path / "proquest.txt"
    path.write_text(text, encoding="utf-8")
    problems = [p for p in load_archive(path, export="proquest").problems
                if p.severity == "error"]
    assert len(problems) == 1 and "interface in English" in problems[0].message
