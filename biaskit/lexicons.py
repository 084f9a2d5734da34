"""Term lexicons shipped as CSV under ``biaskit/data/``, and matching them in text.

A term is a word or phrase matched as whole words, ignoring case; a final ``*`` matches any
ending (``contradict*`` finds contradicts, contradicted). Rows whose first cell starts with
``#`` are comments.

>>> matcher = TermMatcher([("contradict*", "contrast"), ("so-called", "distancing")])
>>> [(m.term, m.kind, m.text) for m in matcher.find("His comments contradict so-called reports")]
[('contradict*', 'contrast', 'contradict'), ('so-called', 'distancing', 'so-called')]
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class TermMatch:
    term: str
    kind: str
    start: int
    end: int
    text: str


@cache
def read_lexicon(filename: str) -> tuple[dict[str, str], ...]:
    """The rows of ``biaskit/data/<filename>``, without comment rows."""
    raw = resources.files("biaskit").joinpath(f"data/{filename}").read_text("utf-8")
    rows = csv.DictReader(raw.splitlines())
    first = rows.fieldnames[0] if rows.fieldnames else ""
    return tuple(row for row in rows if not (row.get(first) or "").startswith("#"))


def _term_regex(term: str) -> str:
    wildcard = term.endswith("*")
    words = term.rstrip("*").split()
    body = r"\s+".join(re.escape(word) for word in words)
    return body + (r"[\w-]*" if wildcard else "")


class TermMatcher:
    """Finds the terms of a lexicon, each with its kind (a marker class or a frame name)."""

    def __init__(self, terms: Iterable[tuple[str, str]]):
        self.terms = list(dict.fromkeys((t.strip(), k.strip()) for t, k in terms if t.strip()))
        # Longest terms first, so that 'humanitarian law' wins over 'law'.
        ordered = sorted(range(len(self.terms)), key=lambda i: -len(self.terms[i][0]))
        body = "|".join(f"(?P<t{i}>{_term_regex(self.terms[i][0])})" for i in ordered)
        self.pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE) \
            if self.terms else None

    def find(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[TermMatch]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text, lo, len(text) if hi is None else hi):
            term, kind = self.terms[int(match.lastgroup[1:])]
            yield TermMatch(term, kind, match.start(), match.end(), match.group())
