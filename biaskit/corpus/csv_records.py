"""Where each record of a CSV table starts, and where a quotation mark never closed opened.

A quotation mark that opens a value and is never closed makes a CSV reader take the rows after
it as part of that value. pandas then reports a record number, or nothing at all when a later
quotation mark happens to close the value. :func:`record_lines` reads the file as the ``csv``
module does in strict mode, so that problems can name file lines:

* a value that runs to the end of the file, or whose closing mark is followed by more text
  (``"no" today``), is an error naming the line and column where the quotation mark opened;
* a value that holds whole lines shaped like the table's rows (as many values as the header,
  an id shaped like the other ids) is reported as a warning naming the same place: the value
  may be an article with line breaks on purpose, so it still loads.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from biaskit.corpus.document import Problem
from biaskit.errors import InputError

HINT = 'Close the quotation mark; write a quotation mark inside a value as ""'


def record_lines(path: Path, text: str | None = None, *, id_column: str = "doc_id"
                 ) -> tuple[list[int], list[Problem], InputError | None]:
    """The line each record after the header starts on (blank lines skipped, as pandas does),
    warnings for values that seem to hold swallowed rows, and the error of a quotation mark
    never closed (the lines are then those of the records before it). ``text`` is the decoded
    file; without it the file is read as UTF-8, a line at a time."""
    with _lines(path, text) as lines:
        reader = csv.reader(lines, strict=True)
        try:
            header = next(reader, [])
        except csv.Error as error:
            return [], [], unclosed(path, 1, error, text)
        id_index = header.index(id_column) if id_column in header else None
        starts: list[int] = []
        problems: list[Problem] = []
        shapes: set[str] = set()
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                return starts, problems, unclosed(path, line, error, text)
            if not row:
                continue
            starts.append(line)
            if id_index is None or len(row) != len(header):
                continue
            shapes.add(_shape(row[id_index]))
            swallowed = _swallowed(row, len(header), id_index, shapes)
            if swallowed:
                error = unclosed(path, line, None, text)
                problems.append(Problem(row[id_index], str(path), error.location, "warning",
                                        f"{error.problem}: {swallowed} line(s) of the value "
                                        f"look like rows of this table. {HINT}"))
    return starts, problems, None


class _lines:
    """The file's lines: from the decoded text, or read from the file as UTF-8."""

    def __init__(self, path: Path, text: str | None):
        self.path, self.text, self.file = path, text, None

    def __enter__(self) -> Iterable[str]:
        if self.text is not None:
            return io.StringIO(self.text, newline="")
        self.file = self.path.open(encoding="utf-8-sig", newline="")
        return self.file

    def __exit__(self, *exc: object) -> None:
        if self.file:
            self.file.close()


def _shape(value: str) -> str:
    """An id's shape: letters as 'a', digits as '9' ('syn0000004' -> 'a9')."""
    return re.sub(r"\d+", "9", re.sub(r"[^\W\d_]+", "a", value.strip()))


def _swallowed(row: list[str], width: int, id_index: int, shapes: set[str]) -> int:
    """How many lines inside the row's values look like a row of the table."""
    found = 0
    for value in row:
        for inner in value.split("\n")[1:]:
            try:
                fields = next(csv.reader([inner]))
            except (csv.Error, StopIteration):
                continue
            candidate = fields[id_index].strip() if len(fields) == width else ""
            if re.fullmatch(r"[\w.:-]{1,64}", candidate) and _shape(candidate) in shapes:
                found += 1
    return found


def unclosed(path: Path, line: int, error: csv.Error | None, text: str | None = None
             ) -> InputError:
    """The error for a record that starts on ``line`` and runs on past its end."""
    opening = _line(path, line, text).find('"')
    column = f", column {opening + 1}" if opening >= 0 else ""
    detail = f" ({error})" if error else ", so the rows after it were read as part of a value"
    return InputError(f"a quotation mark opened here is never closed{detail}", path=str(path),
                      location=f"line {line}{column}", hint=HINT)


def _line(path: Path, number: int, text: str | None) -> str:
    """Line ``number`` (from 1) of the file, or ''."""
    with _lines(path, text) as lines:
        for index, line in enumerate(lines, start=1):
            if index == number:
                return line
    return ""
