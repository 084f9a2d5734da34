"""Nexis Uni and Lexis Advance Word exports (``.docx``), read with python-docx.

A file holds one or many articles, each ending at a paragraph ``End of Document``. An article
opens with its headline, the publication, the date line (an edition and the copyright line
may follow); then metadata paragraphs ``Section:``, ``Length:``, ``Byline:``,
``Dateline:``, ``Highlight:`` (a non-breaking space often follows the colon; German and French
exports write ``Länge:``, ``Longueur:``); the body starts after the paragraph ``Body`` (or
``Text``). ``Graphic`` and ``Classification`` end the body; ``Load-Date:`` and the
classification fields (``Language:``, ``Subject:`` ...) follow. The first article may sit
after a cover page (user name, job number, search terms, list of documents).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from biaskit.corpus.archives.common import Article, Item, documents, labels, parse_date
from biaskit.corpus.document import Problem
from biaskit.errors import InputError

NAME = "nexis-docx"
LABEL = "Nexis Uni / Lexis Advance Word export"
END = "End of Document"
# A label: a capital, then letters (Länge, Longueur ...), spaces or hyphens, and a colon.
_FIELD = re.compile(r"([A-ZÄÖÜÉÈ](?:[^\W\d_]|[ -]){1,30}?):[\s\xa0]*(.*)", re.DOTALL)
_COPYRIGHT = re.compile(r"(?:copyright\b|©|all rights reserved)", re.IGNORECASE)
_SECTIONS = {"Graphic", "Classification", "Notes", "Link to Image"}


def looks_like(path: Path) -> bool:
    """Whether a file is a Word document (a ZIP holding ``word/document.xml``)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def read(path: Path) -> Iterator[Item]:
    """The documents of one Word export, and a problem for each article that could not be
    loaded (named by its number in the file)."""
    return documents(path, NAME, _articles(path))


def _paragraphs(path: Path) -> list[str]:
    import docx  # python-docx; imported here so that other formats do not need it loaded
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"this is not a Word (.docx) file that can be read ({error})",
                         path=str(path),
                         hint="Open it in Word and save it again as .docx, or download the "
                              "export again") from None
    return [" ".join(p.text.replace("\xa0", " ").split()) for p in document.paragraphs]


def _articles(path: Path) -> Iterator[Article | Problem]:
    paragraphs = _paragraphs(path)
    segments: list[list[str]] = [[]]
    for text in paragraphs:
        if text == END:
            segments.append([])
        elif text:
            segments[-1].append(text)
    ended = len(segments) - 1
    if not ended:
        yield Problem("", str(path), "", "error",
                      f"no paragraph {END!r} ends an article, so this Word file is not a "
                      "Nexis Uni export; download the articles again as a Word file from "
                      "Nexis Uni (one or several per file)")
        return
    for number, segment in enumerate(segments[:ended], start=1):
        yield _article(number, segment)
    if segments[-1]:
        yield Problem("", str(path), f"article {ended + 1}", "error",
                      f"the file ends without {END!r} after {len(segments[-1])} more "
                      f"paragraphs (starting {segments[-1][0][:60]!r}): the file is probably "
                      "cut off, so that article was not loaded; download it again")


def _article(number: int, segment: list[str]) -> Article:
    article = Article(number)
    fields = labels(NAME)
    # "Body" starts the text; some exports write "Text" (LexisNexisTools looks for both).
    body_at = next((i for i, text in enumerate(segment) if text == "Body"), None)
    if body_at is None:
        body_at = next((i for i, text in enumerate(segment) if text == "Text"), len(segment))
    head, rest = segment[:body_at], segment[body_at + 1:]
    first_field = next((i for i, text in enumerate(head) if _field(text, fields)), len(head))
    _read_header(article, head[:first_field])
    for text in head[first_field:]:
        if _field(text, fields):
            _take_field(article, text, fields, dropped_if_late=False)
        elif match := _FIELD.fullmatch(text):
            # A label biaskit does not know (a field of another interface language, say):
            # kept in the metadata under its own name, never in the text.
            name = re.sub(r"\W+", "_", match[1].strip().lower())
            article.metadata[f"nexis_{name}"] = match[2].strip()
        else:
            article.dropped.append(("line among the fields", text))
    section = "Body"  # the body ends at the first section heading or field after it
    for text in rest:
        if text in _SECTIONS:
            section = text
            article.dropped.append((f"{text} heading", text))
        elif _field(text, fields):
            section = "fields"
            _take_field(article, text, fields, dropped_if_late=True)
        elif section == "Body":
            article.paragraphs.append(text)
        else:
            article.dropped.append((f"{section} line", text))
    return article


def _field(text: str, fields: dict[str, str]) -> str | None:
    match = _FIELD.fullmatch(text)
    return fields.get(match[1].upper()) if match else None


def _take_field(article: Article, text: str, fields: dict[str, str], *,
                dropped_if_late: bool) -> None:
    match = _FIELD.fullmatch(text)
    key, value = fields[match[1].upper()], match[2].strip()
    if key == "standfirst":
        article.standfirst = value
        return
    article.metadata[key] = value
    if dropped_if_late:
        article.dropped.append((f"{match[1]} line", value))


def _read_header(article: Article, head: list[str]) -> None:
    """Headline, publication, date line; a cover page may come first, an edition and the
    copyright line after the date."""
    dated = next((i for i in range(len(head) - 1, -1, -1) if parse_date(head[i])), None)
    if dated is None:
        # No date line: the headline and the publication are the first two paragraphs.
        article.title = head[0] if head else ""
        article.source = head[1] if len(head) > 1 else ""
        extra = head[2:]
    else:
        article.date_text = head[dated]
        article.source = head[dated - 1] if dated >= 1 else ""
        article.title = head[dated - 2] if dated >= 2 else ""
        if dated > 2:
            article.dropped.append(("cover page", " / ".join(head[:dated - 2])))
        extra = head[dated + 1:]
    for text in extra:
        if _COPYRIGHT.search(text):
            article.dropped.append(("copyright line", text))
        else:
            article.metadata["edition"] = text
