"""Tables of web articles: Media Cloud story lists, trafilatura's JSON and tab-separated
output, and newspaper-style JSON (newspaper3k / newspaper4k).

- Media Cloud CSV: ``stories_id`` (or ``id``), ``title``, ``url``, ``publish_date``,
  ``media_name``, ``media_url``, ``language``. A story list holds no article text; a
  ``text`` column, when someone added one, is read.
- trafilatura JSON (one object, a list of them, or one per line): ``title``, ``author``,
  ``sitename`` or ``source-hostname``, ``hostname``, ``date``, ``text``, the URL in
  ``source`` (or ``url``), ``excerpt``, ``categories``, ``tags``, ``id``, ``fingerprint``.
- trafilatura CSV: tab-separated ``url, id, fingerprint, hostname, title, image, date, text,
  comments, license, pagetype``, with a header line or without, missing values ``null``.
- newspaper JSON (one object, a list, or one per line): ``title``, ``authors`` (a list),
  ``publish_date``, ``text``, ``url``, and ``source_url`` or ``meta_site_name``.

trafilatura separates paragraphs with one line break, newspaper with a blank line; both are
read as paragraphs. Reader comments (trafilatura's ``comments``) are not article text: they
are dropped and logged. The two CSV tables are read a row at a time; a JSON file is read
whole (a JSON list is one value), so give a long crawl as JSON Lines or CSV.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from biaskit.corpus.archives.common import (
    Article,
    Item,
    documents,
    read_text,
    read_text_lines,
)
from biaskit.corpus.document import Problem
from biaskit.errors import InputError

MEDIACLOUD, MEDIACLOUD_LABEL = "mediacloud-csv", "Media Cloud story list (CSV)"
TRAFILATURA_JSON, TRAFILATURA_JSON_LABEL = "trafilatura-json", "trafilatura JSON"
TRAFILATURA_CSV, TRAFILATURA_CSV_LABEL = "trafilatura-csv", "trafilatura tab-separated CSV"
NEWSPAPER, NEWSPAPER_LABEL = "newspaper-json", "newspaper-style JSON"
TRAFILATURA_COLUMNS = ("url", "id", "fingerprint", "hostname", "title", "image", "date", "text",
                       "comments", "license", "pagetype")


def sniff(head: str) -> str | None:
    """Which of these formats the start of a file is, or None."""
    first = head.lstrip("\ufeff \n\r\t")[:1]
    if first in ("{", "["):
        if '"fingerprint"' in head or '"source-hostname"' in head or '"hostname"' in head:
            return TRAFILATURA_JSON
        if '"authors"' in head or '"publish_date"' in head:
            return NEWSPAPER
        return None
    header = head.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    cells = header.split("\t")
    if tuple(c.strip().lower() for c in cells) == TRAFILATURA_COLUMNS or (
            len(cells) == len(TRAFILATURA_COLUMNS) and cells[0].startswith("http")):
        return TRAFILATURA_CSV
    columns = {c.strip().strip('"').lower() for c in header.split(",")}
    if "media_name" in columns and ("stories_id" in columns or "publish_date" in columns):
        return MEDIACLOUD
    return None


# --- Media Cloud ------------------------------------------------------------------------------

def read_mediacloud(path: Path) -> Iterator[Item]:
    """The stories of a Media Cloud CSV that carries their text.

    Raises:
        InputError: when the table has no text column, which Media Cloud's story lists do
            not have.
    """
    reader = csv.DictReader(read_text_lines(path))
    columns = [c.strip() for c in reader.fieldnames or []]
    text_column = next((c for c in ("text", "story_text", "full_text") if c in columns), None)
    if text_column is None:
        raise InputError(
            "this Media Cloud story list holds titles, dates and URLs but no article text "
            f"(its columns are {', '.join(columns)})", path=str(path),
            hint="Fetch each story's text (for example with trafilatura from its url) into a "
                 "'text' column, then load the table again")
    return documents(path, MEDIACLOUD, _mediacloud_rows(reader, text_column, path))


def _mediacloud_rows(reader: csv.DictReader, text_column: str, path: Path
                     ) -> Iterator[Article | Problem]:
    for number, row in enumerate(reader, start=1):
        if None in row.values() or None in row:
            yield Problem("", str(path), f"article {number} (line {reader.line_num})", "error",
                          f"{sum(v is not None for v in row.values())} values for "
                          f"{len(reader.fieldnames or [])} columns; this row was skipped: the "
                          "file may be cut off, or a value holds an unquoted comma")
            continue
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        yield Article(number, title=row.get("title", ""),
                      paragraphs=_paragraphs(row.get(text_column, "")),
                      source=row.get("media_name", ""),
                      date_text=row.get("publish_date", "")[:10],
                      url=row.get("url", ""),
                      metadata={"stories_id": row.get("stories_id") or row.get("id", ""),
                                "media_url": row.get("media_url", ""),
                                "language": row.get("language", "")})


# --- trafilatura ------------------------------------------------------------------------------

def read_trafilatura_json(path: Path) -> Iterator[Item]:
    """The documents of trafilatura JSON output."""
    return documents(path, TRAFILATURA_JSON, _json_articles(path, _trafilatura_article))


def _trafilatura_article(number: int, row: dict[str, Any]) -> Article:
    url = _text(row.get("source")) or _text(row.get("url"))
    article = Article(number, title=_text(row.get("title")),
                      paragraphs=_paragraphs(_text(row.get("text"))),
                      source=_text(row.get("sitename")) or _text(row.get("source-hostname"))
                      or _text(row.get("hostname")),
                      date_text=_text(row.get("date"))[:10], url=url)
    for key, name in (("author", "byline"), ("categories", "section"), ("tags", "tags"),
                      ("excerpt", "excerpt"), ("id", "id"), ("fingerprint", "fingerprint"),
                      ("language", "language"), ("hostname", "hostname"),
                      ("license", "license")):
        article.metadata[name] = _text(row.get(key))
    if comments := _text(row.get("comments")):
        article.dropped.append(("reader comments", comments))
    return article


def read_trafilatura_csv(path: Path) -> Iterator[Item]:
    """The documents of trafilatura's tab-separated output (with or without a header)."""
    return documents(path, TRAFILATURA_CSV, _trafilatura_rows(path))


def _trafilatura_rows(path: Path) -> Iterator[Article | Problem]:
    rows = csv.reader(read_text_lines(path), delimiter="\t")
    number = 0
    for row in rows:
        if tuple(cell.strip().lower() for cell in row) == TRAFILATURA_COLUMNS:
            continue  # the header line
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        if len(row) != len(TRAFILATURA_COLUMNS):
            yield Problem("", str(path), f"article {number} (line {rows.line_num})", "error",
                          f"{len(row)} tab-separated values instead of "
                          f"{len(TRAFILATURA_COLUMNS)} ({', '.join(TRAFILATURA_COLUMNS)}); "
                          "this row was skipped: the file may be cut off or not trafilatura "
                          "output")
            continue
        value = {k: ("" if v.strip() == "null" else v.strip())
                 for k, v in zip(TRAFILATURA_COLUMNS, row, strict=True)}
        yield _trafilatura_article(number, {**value, "source": value["url"]})


# --- newspaper --------------------------------------------------------------------------------

def read_newspaper(path: Path) -> Iterator[Item]:
    """The documents of newspaper-style JSON."""
    return documents(path, NEWSPAPER, _json_articles(path, _newspaper_article))


def _newspaper_article(number: int, row: dict[str, Any]) -> Article:
    url = _text(row.get("url"))
    authors = row.get("authors") or []
    source = (_text(row.get("meta_site_name")) or _text(row.get("source_name"))
              or _host(_text(row.get("source_url"))) or _host(url))
    return Article(number, title=_text(row.get("title")),
                   paragraphs=_paragraphs(_text(row.get("text"))), source=source,
                   date_text=_text(row.get("publish_date"))[:10], url=url,
                   metadata={"byline": "; ".join(map(str, authors))
                             if isinstance(authors, list) else _text(authors),
                             "excerpt": _text(row.get("meta_description"))})


# --- shared -----------------------------------------------------------------------------------

def _json_articles(path: Path, article) -> Iterator[Article | Problem]:
    """One JSON object, a list of objects, or JSON Lines, with a problem for each entry (or
    line) that is not an object. Of a list that is cut off, the entries before the cut load."""
    text = read_text(path)
    for number, where, row in _json_entries(text, path):
        if isinstance(row, Problem):
            yield row
        elif isinstance(row, dict):
            yield article(number, row)
        else:
            yield Problem("", str(path), where, "error",
                          "not a JSON object with the article's fields; skipped")


def _json_entries(text: str, path: Path) -> Iterator[tuple[int, str, Any]]:
    decoder = json.JSONDecoder()
    stripped = text.lstrip()
    if stripped.startswith("["):
        at, number = text.index("[") + 1, 0
        while True:
            at = _skip(text, at, " \t\n,")
            if at >= len(text) or text[at] == "]":
                if at >= len(text):
                    yield 0, "", _cut(path, number, text.count("\n", 0, at) + 1)
                return
            number += 1
            try:
                row, at = decoder.raw_decode(text, at)
            except json.JSONDecodeError as error:
                yield number, "", _cut(path, number, error.lineno, error.msg)
                return
            yield number, f"article {number}", row
    try:
        yield 1, "article 1", json.loads(text)
        return
    except json.JSONDecodeError as whole:
        lines = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
        if len(lines) < 2 or not _parses(lines[0][1]):
            yield 1, "", _cut(path, 1, whole.lineno, whole.msg)
            return
    for number, (line_number, line) in enumerate(lines, start=1):  # JSON Lines
        where = f"article {number} (line {line_number})"
        try:
            yield number, where, json.loads(line)
        except json.JSONDecodeError as error:
            yield number, where, Problem("", str(path), where, "error",
                                         f"not valid JSON ({error.msg}); this line was skipped "
                                         "(a cut-off file ends like this)")


def _parses(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


def _skip(text: str, at: int, characters: str) -> int:
    while at < len(text) and text[at] in characters:
        at += 1
    return at


def _cut(path: Path, number: int, line: int, reason: str = "the file ends") -> Problem:
    return Problem("", str(path), f"article {number} (line {line})", "error",
                   f"not valid JSON ({reason}); the articles before it were read, this one and "
                   "any after it were not: the file may be cut off, export it again")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return str(value).strip()


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of a text whose paragraphs end at a line break, blank lines or not."""
    return [" ".join(line.split()) for line in text.replace("\r", "").split("\n")
            if line.strip()]


def _host(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")
