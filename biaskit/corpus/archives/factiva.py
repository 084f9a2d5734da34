"""Factiva exports: the HTML page ("Display as: Full article" saved from the browser) and
the XML download.

In the HTML, each article is a ``div`` whose class contains ``article``, holding a table
whose rows pair a two-letter code with its value: ``HD`` headline, ``BY`` byline, ``PD``
date, ``SN`` source name, ``SE`` section, ``LA`` language, ``WC`` word count, ``LP`` lead
paragraph, ``TD`` text, ``CY`` copyright, ``AN`` accession number (all codes are in
``biaskit/data/export_labels.csv``). It is read with the standard library's
:class:`html.parser.HTMLParser`: it accepts the unclosed tags Factiva pages have, needs no
extra dependency, and can be fed the page a piece at a time: each article is handed on when
the next one begins, so memory holds a few articles, however long the page. The lead
paragraph is the first body paragraph (Factiva has no standfirst).

The XML download has ``article`` elements with ``headline``, ``byline``, ``sourceName``,
``sectionName``, ``publicationDate/date``, ``leadParagraph`` and ``tailParagraphs``, each
holding ``paragraph`` elements; it is read with :func:`xml.etree.ElementTree.iterparse`, one
article at a time (entities are never fetched from outside).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from biaskit.corpus.archives.common import Article, Item, documents, labels, read_pieces
from biaskit.corpus.document import Problem

HTML_NAME, HTML_LABEL = "factiva-html", "Factiva HTML export"
XML_NAME, XML_LABEL = "factiva-xml", "Factiva XML export"


def looks_like_html(head: str) -> bool:
    """Whether the start of a file is a Factiva HTML page."""
    return bool(re.search(r"<(?:html|div|table)\b", head, re.IGNORECASE)) and bool(
        re.search(r"<td[^>]*>\s*(?:<b>)?\s*(?:HD|LP|TD)\s*(?:</b>)?\s*</td>", head,
                  re.IGNORECASE))


def looks_like_xml(head: str) -> bool:
    """Whether the start of a file is a Factiva XML download."""
    body = head.lstrip("\ufeff \n\r\t")
    return body.startswith("<") and "<article" in head and (
        "<tailParagraphs" in head or "<leadParagraph" in head or "<sourceName" in head)


# --- HTML -------------------------------------------------------------------------------------

class _FactivaPage(HTMLParser):
    """Collects each article's rows as (code, paragraphs)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.articles: list[list[tuple[str, list[str]]]] = []
        self._depth = 0          # open divs; the article div is at _article_depth
        self._article_depth = 0
        self._cells: list[list[str]] | None = None
        self._text: list[str] = []
        self._in_cell = False
        self._skip = 0
        self.saw_html = False  # whether an <html> tag opened the page

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "html":
            self.saw_html = True
        elif tag in ("script", "style"):
            self._skip += 1
        elif tag == "div":
            self._depth += 1
            classes = (dict(attrs).get("class") or "").split()
            if "article" in classes or any(c.endswith("Article") for c in classes):
                self.articles.append([])
                self._article_depth = self._depth
        elif tag == "tr":
            self._cells = []
        elif tag == "td" and self._cells is not None:
            self._cells.append([])
            self._in_cell, self._text = True, []
        elif tag in ("p", "br") and self._in_cell:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(self._skip - 1, 0)
        elif tag == "div":
            if self._depth == self._article_depth:
                self._article_depth = 0
            self._depth -= 1
        elif tag == "p" and self._in_cell:
            self._break()
        elif tag == "td":
            self._break()
            self._in_cell = False
        elif tag == "tr":
            self._row()

    def handle_data(self, data: str) -> None:
        if self._in_cell and not self._skip:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._break()
        self._row()

    def _break(self) -> None:
        if self._cells and self._text:
            text = " ".join("".join(self._text).split())
            if text:
                self._cells[-1].append(text)
        self._text = []

    def _row(self) -> None:
        cells, self._cells = self._cells, None
        if not cells or len(cells) < 2 or not cells[0]:
            return
        code = re.sub(r"[^A-Z]", "", cells[0][0])
        if not code:
            return
        if not self.articles or (code == "HD" and any(c == "HD" for c, _ in self.articles[-1])):
            self.articles.append([])  # pages saved without the article divs
        self.articles[-1].append((code, cells[1]))


def read_html(path: Path) -> Iterator[Item]:
    """The documents of a Factiva HTML page, and a problem for each article that could not
    be loaded."""
    return documents(path, HTML_NAME, _html_articles(path))


def _html_articles(path: Path) -> Iterator[Article | Problem]:
    page = _FactivaPage()
    number = 0
    tail = ""  # the page's last characters, to tell a page cut off before </html>
    for piece in read_pieces(path):
        page.feed(piece)
        tail = (tail + piece)[-200:]
        # Every article but the last is complete: a new one has begun after it.
        done, page.articles = page.articles[:-1], page.articles[-1:]
        for rows in filter(None, done):
            number += 1
            yield _html_article(number, rows)
    page.close()
    for rows in filter(None, page.articles):
        number += 1
        yield _html_article(number, rows)
    if not number:
        yield Problem("", str(path), "", "error",
                      "no article table (rows coded HD, TD, ...) in this HTML page, so it is "
                      "not a Factiva export; save the articles from Factiva again "
                      "('Display as: Full article', then save the page as HTML)")
    elif page.saw_html and not re.search(r"</html\s*>\s*$", tail, re.IGNORECASE):
        yield Problem("", str(path), f"article {number}", "warning",
                      f"the page ends before </html>: the file may be cut off and article "
                      f"{number} incomplete")


def _html_article(number: int, rows: list[tuple[str, list[str]]]) -> Article:
    codes = labels(HTML_NAME)
    article = Article(number)
    for code, values in rows:
        key = codes.get(code)
        value = " ".join(values)
        if key == "headline":
            article.title = value
        elif key == "source":
            article.source = value
        elif key == "date":
            article.date_text = value
        elif key in ("lead", "text"):
            article.paragraphs.extend(values)
        elif key == "copyright":
            article.dropped.append(("copyright line (CY)", value))
        elif key is not None:
            article.metadata[key] = value.removeprefix("Document ") \
                if key == "accession_number" else value
        else:
            article.metadata[f"factiva_{code.lower()}"] = value
    return article


# --- XML --------------------------------------------------------------------------------------

def read_xml(path: Path) -> Iterator[Item]:
    """The documents of a Factiva XML download, read one article at a time."""
    return documents(path, XML_NAME, _xml_articles(path))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_articles(path: Path) -> Iterator[Article | Problem]:
    number = 0
    try:
        for _, element in ElementTree.iterparse(str(path), events=("end",)):
            if _local(element.tag) != "article":
                continue
            number += 1
            yield _xml_article(number, element)
            element.clear()
    except ElementTree.ParseError as error:
        line, column = error.position
        reason = str(error).split(":")[0]
        if not number:
            yield Problem("", str(path), f"line {line}", "error",
                          f"this is not a Factiva XML download: its XML cannot be read at line "
                          f"{line}, column {column} ({reason})")
            return
        yield Problem("", str(path), f"article {number + 1} (line {line})", "error",
                      f"the XML breaks off at line {line}, column {column} ({reason}); the "
                      f"{number} articles before it were read, the rest was not: the file "
                      "may be cut off, download it again")
        return
    if not number:
        yield Problem("", str(path), "", "error",
                      "no <article> element in this XML file, so it is not a Factiva XML "
                      "download")


def _xml_article(number: int, element: ElementTree.Element) -> Article:
    article = Article(number)

    def child(name: str) -> ElementTree.Element | None:
        return next((e for e in element if _local(e.tag) == name), None)

    def text_of(node: ElementTree.Element | None) -> str:
        return " ".join("".join(node.itertext()).split()) if node is not None else ""

    def paragraphs(node: ElementTree.Element | None) -> list[str]:
        if node is None:
            return []
        found = [text_of(p) for p in node.iter() if _local(p.tag) == "paragraph"]
        return [p for p in found if p] or ([text_of(node)] if text_of(node) else [])

    article.title = " ".join(paragraphs(child("headline")))
    article.source = text_of(child("sourceName"))
    date = child("publicationDate")
    if date is not None:
        inner = next((e for e in date.iter() if _local(e.tag) == "date"), date)
        article.date_text = inner.get("value") or text_of(inner)
    article.paragraphs = paragraphs(child("leadParagraph")) + paragraphs(child("tailParagraphs"))
    for name, key in (("byline", "byline"), ("sectionName", "section"),
                      ("wordCount", "word_count"), ("accessionNo", "accession_number")):
        if value := text_of(child(name)):
            article.metadata[key] = value
    language = child("baseLanguage")
    if language is not None:
        article.metadata["language"] = language.get("value") or text_of(language)
    if copyright_text := text_of(child("copyright")):
        article.dropped.append(("copyright line", copyright_text))
    return article
