"""LexisNexis text exports (``.TXT``): many articles in one file, read one article at a time.

Each article starts at a line ``N of M DOCUMENTS`` (German ``Dokument N von M``, French
``Document N de M``). Before the metadata come the publication, the date line (with weekday
and edition) and the headline; metadata lines follow (``BYLINE:``, ``SECTION:``,
``LENGTH:``, ``DATELINE:``, ``HIGHLIGHT:``, and their German and French forms, listed in
``biaskit/data/export_labels.csv``); then the body; then ``LOAD-DATE:``, ``LANGUAGE:``,
``GRAPHIC:``, ``PUBLICATION-TYPE:`` and the copyright line. A cover page may come before the
first article. Everything left out of the article text is in its cleaning log.

The file is read line by line and each article handed on when the next one starts, so memory
holds one article, however long the export.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from biaskit.corpus.archives.common import (
    Article,
    Item,
    documents,
    labels,
    parse_date,
    read_lines,
)
from biaskit.corpus.document import Problem

NAME = "lexisnexis"
LABEL = "LexisNexis text export"
START = re.compile(r"\s*(?:(\d+) of (\d+) DOCUMENTS?|Dokument (\d+) von (\d+)|"
                   r"Document (\d+) de (\d+))\s*", re.IGNORECASE)
_FIELD = re.compile(r"([A-ZÄÖÜÉÈ][A-ZÄÖÜÉÈ-]+(?: [A-Z]+)?):\s*(.*)")
_COPYRIGHT = re.compile(r"(?:copyright\b|©|\(c\) ?\d{4}|all rights reserved|"
                        r"alle rechte vorbehalten|tous droits réservés)", re.IGNORECASE)
# Fields after which the body begins, and fields that only come after the body.
_BEFORE_BODY = {"byline", "section", "length", "dateline", "standfirst", "headline"}
_AFTER_BODY = {"load_date", "language", "graphic", "publication_type", "document_type",
               "correction_date"}


def looks_like(head: str) -> bool:
    """Whether the start of a file is a LexisNexis text export."""
    return any(START.fullmatch(line) for line in head.splitlines()[:400])


def read(path: Path) -> Iterator[Item]:
    """The documents of one export, one at a time, and a problem for each article (named by
    its number) that could not be loaded."""
    return documents(path, NAME, _articles(path))


def _articles(path: Path) -> Iterator[Article | Problem]:
    cover: list[str] = []
    lines: list[str] | None = None
    number = total = 0
    for line in read_lines(path):
        start = START.fullmatch(line)
        if start is None:
            (cover if lines is None else lines).append(line)
            continue
        if lines is not None:
            yield _article(number, lines, cover)
            cover = []
        found = [int(g) for g in start.groups() if g]
        number, total, lines = found[0], found[1], []
    if lines is None:
        yield Problem("", str(path), "", "error",
                      "no line 'N of M DOCUMENTS' (or 'Dokument N von M', 'Document N de M') "
                      "starts an article, so this is not a LexisNexis text export; save the "
                      "articles again from LexisNexis in text format")
        return
    yield _article(number, lines, cover)
    if number < total:
        yield Problem("", str(path), f"article {number}", "warning",
                      f"the export says it holds {total} articles but ends in article "
                      f"{number}: the file may be cut off and article {number} incomplete")


def _article(number: int, lines: list[str], cover: list[str]) -> Article:
    article = Article(number)
    if any(line.strip() for line in cover):
        article.dropped.append(("cover page", " / ".join(x.strip() for x in cover if x.strip())))
    fields = labels(NAME)
    blocks = _blocks(lines)
    header: list[list[str]] = []
    body: list[str] = []
    stage = "header"  # header -> fields -> body -> end
    for block in blocks:
        match = _FIELD.fullmatch(block[0])
        key = fields.get(match[1].upper()) if match else None
        if key is not None:
            value = " ".join([match[2], *block[1:]]).strip()
            if key in _AFTER_BODY:
                stage = "end"
                article.dropped.append((f"{match[1]} line", value))
                if key != "graphic":  # a caption, not metadata
                    article.metadata[key] = value
            elif key == "standfirst":
                article.standfirst = value
            elif key == "headline":
                header.append([value])
            else:
                article.metadata[key] = value
                if stage == "body":
                    article.dropped.append((f"{match[1]} line", value))
            stage = "fields" if stage == "header" else stage
            continue
        text = " ".join(block)
        if stage == "header":
            header.append(block)
        elif _COPYRIGHT.search(text) and len(text) < 200:
            article.dropped.append(("copyright line", text))
        elif stage == "end":
            article.dropped.append(("line after the article", text))
        else:
            stage = "body"
            body.append(text)
    _read_header(article, header)
    article.paragraphs = body
    return article


def _read_header(article: Article, header: list[list[str]]) -> None:
    """Publication, date line (with the edition under it) and headline, in that order."""
    dated = next((i for i, block in enumerate(header) if parse_date(block[0])), None)
    if dated is None:
        if header:
            article.source = " ".join(header[0])
        if len(header) > 1:
            article.title = " ".join(" ".join(block) for block in header[1:])
        return
    article.date_text = header[dated][0]
    if len(header[dated]) > 1:
        article.metadata["edition"] = " ".join(header[dated][1:])
    article.source = " ".join(" ".join(block) for block in header[:dated])
    article.title = " ".join(" ".join(block) for block in header[dated + 1:])


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines, each line stripped."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        line = " ".join(line.replace("\xa0", " ").split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]
