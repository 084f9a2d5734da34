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
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import pairwise


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


# Characters besides its two cases that re.IGNORECASE lets stand for an ASCII letter.
CASE_FOLDS = {"i": "İı", "k": "\u212a", "s": "ſ"}

# The only characters on which re.IGNORECASE and str.lower() disagree about ASCII letters:
# İ matches "i" but lowers to two characters, ı and ſ match "i" and "s" but lower to themselves
# (the Kelvin sign lowers to "k", as it matches).
_CASE_EXCEPTIONS = tuple(char for letter, chars in CASE_FOLDS.items() for char in chars
                         if char.lower() != letter)


def ascii_cases(char: str) -> str:
    """The characters re.IGNORECASE lets an ASCII character match: 'k' -> 'kK\u212a'."""
    lower = char.lower()
    return "".join(dict.fromkeys(lower + lower.upper() + CASE_FOLDS.get(lower, "")))


def lowered_text(text: str) -> str | None:
    """``text.lower()``, with the same offsets, where a lower-case ASCII word stands exactly
    where an IGNORECASE regex of it matches the text; None when the text holds İ, ı or ſ."""
    if any(letter in text for letter in _CASE_EXCEPTIONS):
        return None
    if len(text) <= _LOWER_PIECE:
        return text.lower()
    # str.lower() of a text with any non-Latin-1 character first fills a buffer of three
    # 4-byte characters per character (about 12 times a long article); lowering pieces keeps
    # that buffer small. A piece ends after a space or line break, where lowering depends on
    # nothing around it (only a capital sigma looks at its neighbours, and a space stops that).
    pieces, start, sigma = [], 0, "\u03a3" in text
    while start < len(text):
        end = start + _LOWER_PIECE
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if cut > start:
                end = cut + 1
            elif sigma:  # no space in the piece, and a sigma somewhere: lower the rest whole
                end = len(text)
        pieces.append(text[start:end].lower())
        start = end
    return "".join(pieces)


_LOWER_PIECE = 1 << 16


def phrase_regex(phrase: str) -> str:
    """A regex for a phrase whose spaces match any run of whitespace: article text keeps its
    own spacing (non-breaking spaces, double spaces), as the source has it.

    >>> bool(re.fullmatch(phrase_regex("Amnesty International"), "Amnesty\u00a0International"))
    True
    """
    return r"\s+".join(re.escape(word) for word in phrase.split())


def trie_regex(words: Iterable[str], *, any_case: bool = False) -> str:
    """A regex matching any of the words, factored by common prefixes so that the engine
    tests a character at a time instead of trying every word at every position.

    With ``any_case`` it matches the words in any case, as re.IGNORECASE would, with the cases
    spelled out (``[sSſ]``) and the first letter split into one alternative per case: the
    engine then rejects a word by comparing its first character, where re.IGNORECASE enters
    every alternative.

    >>> trie_regex(["said", "says", "tell"])
    '(?:sa(?:id|ys)|tell)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def cases(char: str) -> list[str]:
        if char == " ":
            return ["[ \u00a0]"]  # the text keeps its non-breaking spaces
        if not any_case:
            return [re.escape(char)]
        if not char.isascii():  # left to re.IGNORECASE, which knows all of Unicode's cases
            return [f"(?i:{re.escape(char)})"]
        return [re.escape(c) for c in ascii_cases(char)]

    def one_test(char: str) -> str:
        variants = cases(char)
        return variants[0] if len(variants) == 1 else "[" + "".join(variants) + "]"

    def build(node: dict) -> str:
        branches = [one_test(char) + build(child) for char, child in sorted(node.items())
                    if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    if not any_case:
        return build(trie)
    first_letters = [variant + build(child)
                     for char, child in sorted(trie.items()) if char for variant in cases(char)]
    return "(?:" + "|".join(first_letters) + ")"


# Nested groups cost the regex parser one recursion each: stay far below Python's limit.
_MAX_NESTING = 40

_Piece = tuple[str | None, str]  # (key, regex)
_Path = tuple[int, list[_Piece]]  # (term index, the term's pieces)


def _term_pieces(term: str) -> list[_Piece]:
    """The regex of a term as pieces, each with the key that decides which pieces may share a
    branch: one piece per character, keyed by its lower case when ASCII; unkeyed pieces for
    the whitespace between words and for a final ``*``."""
    pieces: list[_Piece] = []
    for number, word in enumerate(term.rstrip("*").split()):
        if number:
            pieces.append((None, r"\s+"))
        pieces.extend((char.lower() if char.isascii() else None, re.escape(char))
                      for char in word)
    if term.endswith("*"):
        pieces.append((None, r"[\w-]*"))
    return pieces


def _glance(key: str, regex: str) -> str:
    """A keyed piece as a case-sensitive class of its two ASCII cases and every non-ASCII
    character, the non-ASCII ones then checked against the piece under IGNORECASE. It matches
    what the piece matches, but the engine skips a branch that begins with a class after one
    look at the text, where it has to enter a branch that begins with a case-insensitive
    character. (The class is written as the ASCII characters it leaves out, which compiles
    in microseconds where a range up to U+10FFFF takes milliseconds.)"""
    edges = [-1, *sorted({ord(key), ord(key.upper())}), 128]
    left_out = "".join(rf"\x{low + 1:02x}-\x{high - 1:02x}"
                       for low, high in pairwise(edges) if high - low > 1)
    return rf"(?-i:[^{left_out}])(?<={regex})"


def _alternation(paths: list[_Path], depth: int = 0) -> str:
    """A regex trying the terms' pieces from ``depth`` on, in the order given, with terms that
    go on with the same character merged into one branch (a trie), so that the engine does not
    try every term at every word. The pieces a term shares with no other are in the group
    ``t<index>`` that names it.

    Merging moves a term ahead only of terms that go on with another character, and under
    IGNORECASE no character of a text matches two ASCII characters that differ in lower case,
    so the terms tried at a position, and which one matches, are those of the plain
    alternation. Unkeyed pieces (non-ASCII, whitespace, wildcard, a term's end) are never
    moved past.
    """
    branches: list[list[_Path]] = []
    open_branches: dict[str, list[_Path]] = {}
    for index, pieces in paths:
        key = pieces[depth][0] if depth < len(pieces) else None
        if key is None or depth == _MAX_NESTING:
            branches.append([(index, pieces)])
            open_branches = {}  # nothing may move ahead of this one
        elif key in open_branches:
            open_branches[key].append((index, pieces))
        else:
            open_branches[key] = [(index, pieces)]
            branches.append(open_branches[key])
    regexes = []
    for members in branches:
        index, pieces = members[0]
        key = pieces[depth][0] if depth < len(pieces) else None
        if key is None or depth == _MAX_NESTING:
            regexes.append(f"(?P<t{index}>{''.join(regex for _, regex in pieces[depth:])})")
        elif len(members) == 1:
            rest = "".join(regex for _, regex in pieces[depth + 1:])
            regexes.append(f"{_glance(key, pieces[depth][1])}(?P<t{index}>{rest})")
        else:
            rest = _alternation(members, depth + 1)
            regexes.append(f"{_glance(key, pieces[depth][1])}(?:{rest})")
    return "|".join(regexes)


class TermMatcher:
    """Finds the terms of a lexicon, each with its kind (a marker class or a frame name)."""

    def __init__(self, terms: Iterable[tuple[str, str]]):
        self.terms = list(dict.fromkeys((t.strip(), k.strip()) for t, k in terms if t.strip()))
        # Longest terms first, so that 'humanitarian law' wins over 'law'.
        ordered = sorted(range(len(self.terms)), key=lambda i: -len(self.terms[i][0]))
        body = _alternation([(i, _term_pieces(self.terms[i][0])) for i in ordered])
        self.pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE) \
            if self.terms else None
        # (term, kind) by group number: a match's lastindex is quicker to read than lastgroup.
        self._group_terms = {number: self.terms[int(name[1:])]
                             for name, number in self.pattern.groupindex.items()} \
            if self.pattern else {}

    def find(self, text: str, lo: int = 0, hi: int | None = None,
             places: Sequence[int] | None = None) -> Iterator[TermMatch]:
        """Each term match in text[lo:hi]; ``places`` (from :meth:`word_starts`) makes it
        quicker and finds the same."""
        for match in self._matches(text, lo, hi, places):
            term, kind = self._group_terms[match.lastindex]
            yield TermMatch(term, kind, match.start(), match.end(), match.group())

    def find_kinds(self, text: str, lo: int = 0, hi: int | None = None,
                   places: Sequence[int] | None = None) -> Iterator[tuple[str, str]]:
        """The kind and the matched text of each match :meth:`find` gives, without building a
        TermMatch for it (for callers that only count kinds)."""
        for match in self._matches(text, lo, hi, places):
            yield self._group_terms[match.lastindex][1], match.group()

    def word_starts(self, lowered: str | None) -> list[int] | None:
        """Every position where a match can start in a text whose lower-cased form (with the
        same offsets, as :func:`lowered_text` gives it) is ``lowered``: where a term's
        first word begins, after a character that is not an ASCII letter, digit, "_" or "-".
        None when there is no such text, or a first word is not ASCII."""
        if lowered is None or self._first_words is None:
            return None
        before_word, first_words = self._first_words
        places = [found.start() + 1 for found in before_word.finditer(lowered)]
        if lowered.startswith(first_words):
            places.insert(0, 0)
        return places

    @cached_property
    def _first_words(self) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
        words = [term.rstrip("*").split() for term, _ in self.terms]
        if not words or not all(w and w[0].isascii() for w in words):
            return None
        first_words = tuple(sorted({w[0].lower() for w in words}))
        # Starting with a plain character class lets the regex engine skip through the text.
        return re.compile(r"[^a-z0-9_-](?=" + trie_regex(first_words) + ")"), first_words

    def _matches(self, text: str, lo: int, hi: int | None, places: Sequence[int] | None
                 ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, lo, hi)``. With ``places``, the pattern is tried only
        there: the regex tries every term at every position, and a match can only start at
        one of them, so trying those in order, each from where the last match ended, finds
        the same matches with fewer tries (measured: the markers' search in half the time;
        the frames', whose first words are common, 0.06 ms less per article)."""
        if self.pattern is None:
            return
        hi = len(text) if hi is None else hi
        if places is None:
            yield from self.pattern.finditer(text, lo, hi)
            return
        resume = lo
        for i in range(bisect_left(places, lo), len(places)):
            position = places[i]
            if position >= hi:
                return
            if position < resume:
                continue  # inside the previous match, as a search resumes after it
            match = self.pattern.match(text, position, hi)
            if match:
                yield match
                resume = match.end()
