"""ProQuest full-text exports (``.txt``): articles separated by a line of underscores or by
``Document N of M``.

Each article is the headline, then fields (``Author:``, ``Publication info:``, ``Abstract:``)
and ``Full text:``, whose body runs until the first of the closing fields (``Subject:``,
``Title:``, ``Publication title:``, ``Publication date:``, ``Section:``, ``Copyright:`` and
the others in ``biaskit/data/export_labels.csv``). ``Title:`` gives the headline when
present. The report's cover (its table of contents) and closing pages are not articles: they
are dropped and logged. The abstract, written by ProQuest's indexers, is kept in the metadata,
not as a standfirst.

The file is read line by line and each article handed on at the next separator, so memory
holds one article, however long the export.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from biaskit.corpus.archives.common import Article, Item, documents, labels, read_lines
from biaskit.corpus.document import Problem

NAME = "proquest"
LABEL = "ProQuest full-text export"
_SEPARATOR = re.compile(r"(?:_{20,}|Document \d+ of \d+)\s*")
_FIELD = re.compile(r"([A-Z][A-Za-z /]{1,40}?):[ \t\xa0]*(.*)")


def looks_like(head: str) -> bool:
    """Whether the start of a file is a ProQuest full-text export."""
    lines = [line.strip() for line in head.splitlines()]
    separated = any(_SEPARATOR.fullmatch(line) for line in lines)
    return separated and any(line.startswith(("Full text:", "Publication title:",
                                              "ProQuest document ID:")) for line in lines)


def read(path: Path) -> Iterator[Item]:
    """The documents of one ProQuest export, and a problem for each article that could not
    be loaded (named by its number in the file)."""
    return documents(path, NAME, _articles(path))


def _segments(path: Path) -> Iterator[list[str]]:
    """The runs of lines between separators, one at a time: the file is never held whole."""
    segment: list[str] = []
    for line in read_lines(path):
        if _SEPARATOR.fullmatch(line.strip()):
            yield segment
            segment = []
        else:
            segment.append(line.replace("\xa0", " ").rstrip())
    yield segment


def _articles(path: Path) -> Iterator[Article | Problem]:
    fields = labels(NAME)
    number = 0
    skipped: list[str] = []
    for segment in _segments(path):
        lines = [line.strip() for line in segment]
        if not any(_key(line, fields) in ("text", "source", "proquest_id") for line in lines):
            if any(lines):
                skipped.append(" / ".join(line for line in lines if line))
            continue
        number += 1
        article, cut_off = _article(number, segment, fields)
        article.dropped[:0] = [("page between the articles (cover or contents)", text)
                               for text in skipped]
        skipped = []
        yield article
        if cut_off:
            yield Problem("", str(path), f"article {number}", "warning",
                          "the full text runs to the end of the file without the closing "
                          "fields (Title:, Publication title: ...): the file may be cut off "
                          f"and article {number} incomplete")
    if not number:
        yield Problem("", str(path), "", "error",
                      "no article with 'Full text:' or 'Publication title:' in this file, "
                      "so it is not a ProQuest full-text export; export the documents from "
                      "ProQuest again as plain text with the full text (with ProQuest's "
                      "interface in English: labels in other languages are not read)")


def _key(line: str, fields: dict[str, str]) -> str | None:
    match = _FIELD.fullmatch(line)
    return fields.get(match[1].upper()) if match else None


def _article(number: int, segment: list[str], fields: dict[str, str]
             ) -> tuple[Article, bool]:
    """The article, and whether its text runs to the end without the closing fields."""
    article = Article(number)
    first_title = ""  # the headline line(s) before the first field
    current: str | None = None  # the field whose value the next lines continue
    body: list[list[str]] = []
    for raw in segment:
        line = raw.strip()
        key = _key(line, fields)
        if key is not None:
            value = _FIELD.fullmatch(line)[2].strip()
            current = key
            if key == "text":
                body = [[value]] if value else [[]]
            else:
                article.metadata[key] = value
            continue
        if line == "ProQuest document link":
            article.dropped.append(("link line", line))
        elif current == "text":
            if line:
                body[-1].append(line)
            elif body[-1]:
                body.append([])
        elif current is None:
            first_title = f"{first_title} {line}".strip()
        elif line:
            article.metadata[current] += " " + line
    article.paragraphs = [" ".join(lines) for lines in body if lines]
    meta = article.metadata
    article.title = meta.pop("headline", "") or first_title
    article.source = meta.pop("source", "")
    article.date_text = meta.pop("date", "")
    article.url = meta.pop("url", "")
    if copyright_text := meta.pop("copyright", ""):
        article.dropped.append(("copyright line", copyright_text))
    for key in ("database", "last_updated"):
        if value := meta.pop(key, ""):
            article.dropped.append((f"{key.replace('_', ' ')} line", value))
    return article, current == "text"
