"""What every news-archive reader shares: the article it hands over, the labels and month
names of the exports (data files under ``biaskit/data``), dates, and the step that turns an
article into a :class:`~biaskit.corpus.document.Document` or a :class:`Problem`.

A reader yields :class:`Article` objects, one per article of the export, numbered from 1 in
the file's order, and :class:`Problem` rows for what it could not read. :func:`documents`
then builds the documents, so that every format gives the same fields and the same messages.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, BinaryIO

from biaskit.corpus.cleaning import CleaningStep, decode_bytes
from biaskit.corpus.document import Document, Problem
from biaskit.errors import InputError

Item = Document | Problem


@dataclass
class Article:
    """One article as an export gives it, before cleaning.

    ``dropped`` lists ``(what, text)`` for every line the reader left out of the article
    (cover pages, copyright lines, load dates, graphics): each becomes a cleaning-log row.
    """

    number: int
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    standfirst: str = ""
    source: str = ""
    date_text: str = ""
    url: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    dropped: list[tuple[str, str]] = field(default_factory=list)


@lru_cache(maxsize=16)  # keyed by format names, a handful
def labels(export: str) -> dict[str, str]:
    """The field labels of one export format (upper-cased) and the field each one fills."""
    rows = csv.DictReader(files("biaskit").joinpath("data/export_labels.csv")
                          .read_text(encoding="utf-8").splitlines())
    return {row["label"].upper(): row["field"] for row in rows if row["format"] == export}


@lru_cache(maxsize=1)  # the month names, read once
def _months() -> dict[str, int]:
    rows = csv.DictReader(files("biaskit").joinpath("data/month_names.csv")
                          .read_text(encoding="utf-8").splitlines())
    return {row["name"]: int(row["month"]) for row in rows if not row["name"].startswith("#")}


_WEEKDAYS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)\b",
    re.IGNORECASE)
# "12 de marzo de 2015": the Spanish "de" between day, month and year.
_SPANISH_DE = re.compile(r"(?<=\d) de (?=[^\W\d])|(?<=[^\W\d]) de (?=\d)", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_FIRST = re.compile(r"([^\W\d]+)\.? (\d{1,2}),? (\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:\.|er)? ([^\W\d]+)\.? (\d{4})")
_TIME = re.compile(r"(?:,? \d{1,2}[:.h]\d{2}(?::\d{2})?(?: ?[AP]M)?(?: [A-Z]{2,5})?)?")


def parse_date(text: str) -> str:
    """A date written as exports write it, as ``YYYY-MM-DD``; ``""`` when it is not one.

    English, German, French and Spanish month names are known
    (``biaskit/data/month_names.csv``); a weekday, an edition after a comma and a time of day
    may surround the date.

    >>> [parse_date(text) for text in ("March 12, 2015 Thursday", "12. März 2015",
    ...                                "jueves, 12 de marzo de 2015")]
    ['2015-03-12', '2015-03-12', '2015-03-12']
    """
    text = _SPANISH_DE.sub(" ", _WEEKDAYS.sub(" ", text.replace("\xa0", " ")))
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    for pattern in (_ISO, _COMPACT):
        if match := pattern.fullmatch(text):
            return _iso(int(match[1]), int(match[2]), int(match[3]))
    for pattern, month_at, day_at in ((_MONTH_FIRST, 1, 2), (_DAY_FIRST, 2, 1)):
        match = pattern.match(text)
        if match and _TIME.fullmatch(text[match.end():]):
            month = _months().get(match[month_at].lower())
            if month:
                return _iso(int(match[3]), month, int(match[day_at]))
    return ""


def _iso(year: int, month: int, day: int) -> str:
    if 1 <= month <= 12 and 1 <= day <= 31 and 1800 < year < 2200:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def doc_id_for(path: Path, number: int) -> str:
    """``<file name>_<article number>``, in characters that are safe in a file name."""
    stem = re.sub(r"[^\w-]+", "_", path.stem).strip("_") or "export"
    return f"{stem}_{number:04d}"


def read_text(path: Path) -> str:
    """The whole file, decoded as the plain-text loader decodes (byte-order marks, UTF-8,
    cp1252), with Windows and old Mac line ends turned into ``\\n``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror})", path=str(path)) from None
    if not data.strip():
        raise InputError("the file is empty", path=str(path),
                         hint="Download the export again or remove the file")
    text, _ = decode_bytes(data, path=str(path))
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


_PIECE = 1 << 20  # bytes decoded at a time by read_pieces: a few articles of any export
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def read_pieces(path: Path, size: int | None = None) -> Iterator[str]:
    """The file's text a piece of about ``size`` bytes at a time, with ``\\n`` line ends, so
    that a large export is never held whole. Decoded as :func:`read_text` decodes: a
    byte-order mark first; otherwise each piece (cut at a line end) is UTF-8, or cp1252
    where it is not, as :func:`read_lines` reads lines."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror})", path=str(path)) from None
    size = size or _PIECE
    with handle:
        first = handle.read(max(size, 4))  # whole byte-order marks
        if not first.strip():
            raise InputError("the file is empty", path=str(path),
                             hint="Download the export again or remove the file")
        bom = next((encoding for mark, encoding in _BOMS if first.startswith(mark)), None)
        if bom is None:
            decode_bytes(first[:8192], path=str(path))  # refuses binary files, names them
        pieces = _utf(handle, first, size, bom) if bom else _utf8_or_cp1252(handle, first, size)
        carry = ""
        for piece in pieces:
            # A "\r\n" cut in two would count as two line ends: hold a final "\r" back.
            piece = carry + piece
            carry = "\r" if piece.endswith("\r") else ""
            piece = piece.removesuffix("\r").replace("\r\n", "\n").replace("\r", "\n")
            if piece:
                yield piece
        if carry:
            yield "\n"


def read_text_lines(path: Path) -> Iterator[str]:
    """The file's lines, each with its ``\\n``, decoded as :func:`read_pieces` decodes: what
    :mod:`csv` readers take, so that a long table is read a row at a time."""
    carry = ""
    for piece in read_pieces(path):
        lines = (carry + piece).split("\n")
        carry = lines.pop()
        for line in lines:
            yield line + "\n"
    if carry:
        yield carry


def _utf(handle: BinaryIO, block: bytes, size: int, encoding: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    while block:
        yield decoder.decode(block)
        block = handle.read(size)
    yield decoder.decode(b"", final=True)


def _utf8_or_cp1252(handle: BinaryIO, block: bytes, size: int) -> Iterator[str]:
    block = block.removeprefix(codecs.BOM_UTF8)
    carry = b""
    while block:
        block = carry + block
        # Cut after the last line end; in a piece without one, before a character's first
        # byte, so that no UTF-8 character is cut in two.
        cut = block.rfind(b"\n") + 1
        if not cut:
            cut = len(block)
            while cut > len(block) - 4 and cut > 0 and 0x80 <= block[cut - 1] < 0xC0:
                cut -= 1
            cut = cut - 1 if cut and block[cut - 1] >= 0xC0 else cut
        carry = block[cut:]
        yield _decode_piece(block[:cut])
        block = handle.read(size)
    if carry:
        yield _decode_piece(carry)


def _decode_piece(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_lines(path: Path) -> Iterator[str]:
    """The file's lines one at a time, without line ends, so that a large export is never
    held whole. Each line is UTF-8, or cp1252 where it is not (exports mix them)."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror})", path=str(path)) from None
    blank = True
    with handle:
        first = True
        for raw in handle:
            if first:
                first = False
                if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                    raise InputError("the file is UTF-16", path=str(path),
                                     hint="Save the export as UTF-8 text and load it again")
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("cp1252", errors="replace")
            blank = blank and not line.strip()
            yield line.rstrip("\r\n").replace("\r", "")
    if blank:
        raise InputError("the file is empty", path=str(path),
                         hint="Download the export again or remove the file")


def documents(path: Path, export: str, items: Iterable[Article | Problem]) -> Iterator[Item]:
    """Documents (and problems) from a reader's articles: dates to ``YYYY-MM-DD``, dropped
    lines to the cleaning log, and a message naming the file and the article number for an
    article without headline, text or date."""
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        yield from _document(path, export, item)


def _document(path: Path, export: str, article: Article) -> Iterator[Item]:
    doc_id = doc_id_for(path, article.number)
    where = f"article {article.number}"

    def problem(severity: str, message: str) -> Problem:
        return Problem(doc_id, str(path), where, severity, message)

    title = " ".join(article.title.split())
    paragraphs = [p.strip() for p in article.paragraphs if p.strip()]
    if not title:
        yield problem("error", "the article has no headline, so it was not loaded; add the "
                               "headline to the export (or the bundled .txt file) and load again")
        return
    if not paragraphs:
        yield problem("error", f"the article {title!r} has no text, so it was not loaded; "
                               "the export may be cut off here, download it again")
        return
    date = parse_date(article.date_text) if article.date_text else ""
    metadata = {"format": export, "export": path.name, "article": str(article.number),
                **{k: v for k, v in article.metadata.items() if v not in ("", None)}}
    if not article.date_text:
        yield problem("warning", f"the article {title!r} has no date; loaded without one")
    elif not date:
        metadata["date_text"] = article.date_text
        yield problem("warning", f"the date {article.date_text!r} of {title!r} is not a date "
                                 "biaskit reads; loaded without a date (metadata date_text "
                                 "keeps it)")
    log = [CleaningStep(doc_id, "export", f"{what} dropped: {_preview(text)}")
           for what, text in article.dropped]
    try:
        doc = Document.from_parts(doc_id, title, paragraphs, standfirst=article.standfirst,
                                  source=" ".join(article.source.split()), date=date,
                                  url=article.url, metadata=metadata, path=str(path),
                                  cleaning_log=log)
    except InputError as error:
        yield problem("error", f"{error.problem}; the article was not loaded")
        return
    yield doc


def _preview(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")
