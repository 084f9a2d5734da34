"""The reporting cues of attribution: every form of the verbs and phrases in
``biaskit/data/reporting_verbs.csv`` (with its lemma, stance, kind and what must follow it),
and how they are found in a text."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from biaskit.errors import InputError
from biaskit.lexicons import CASE_FOLDS, trie_regex


class Cue(NamedTuple):  # a tuple: documents have many cues, and tuples are quick to make
    """A reporting cue found in a text: its lemma, stance, kind (speech, writing, thought,
    evidence), what must follow it, and where it stands."""

    lemma: str
    stance: str
    kind: str
    requires: str
    start: int
    end: int

    def is_participle(self, text: str) -> bool:
        """'saying', and 'referring to', whose first word is the participle; not 'according
        to', whose source follows it."""
        if self.lemma == "according to":
            return False
        first_word_end = text.find(" ", self.start, self.end)
        end = self.end if first_word_end < 0 else first_word_end
        return text[end - 3:end].lower() == "ing"


@dataclass(frozen=True)
class _Lexicon:
    """Reporting cues: patterns over every form in lower case, and each form's (lemma,
    stance, kind, requires)."""

    pattern: re.Pattern[str]  # every occurrence of a form, inside a word too
    # Only those at the start of a word, each with the character before it (the span is
    # read with a space in front). A pattern opening with a set of characters lets the
    # engine skip ahead to the next one; a lookbehind for the word start was tried at every
    # position, three times the instructions.
    word_start_pattern: re.Pattern[str]
    forms: dict[str, tuple[str, str, str, str]]
    noun_forms: frozenset[str]  # forms that are also nouns: 'attack', 'plans', 'calls for'
    # Forms that may start inside a longer form: 'back' in 'fire back'. A scan that tries
    # every position passes over them there ('ceasefire back' holds 'fire back' in a word,
    # so its 'back' is no cue), and the scan from word starts must too.
    inner_forms: frozenset[str]

    def may_be_noun(self, text: str, cue: Cue) -> bool:
        """True when the cue's form is also a noun ('an attack', 'their plans')."""
        return text[cue.start:cue.end].lower() in self.noun_forms

    def cues(self, text: str, lo: int, hi: int) -> list[Cue]:
        """Cue occurrences in text[lo:hi], as whole words (a word is whole by the text before
        ``lo`` and after ``hi`` too: "told''" ends in an apostrophe, not a word break)."""
        # The pattern runs over the span in lower case: a case-blind pattern of 1,300 forms
        # is twice as slow. It is tried only where a word starts: tried at every letter, it
        # took a tenth of attribution's time, most of it inside words.
        span = text[lo:hi]
        if any(char in span for char in _FOLDED_TO_ASCII):
            span = span.translate(_TO_ASCII)
        span = span.lower()
        if len(span) != hi - lo:  # a letter whose lower case is longer is left as it is
            span = "".join(c if len(c.lower()) > 1 else c.lower()
                           for c in text[lo:hi].translate(_TO_ASCII))
        forms, found = self.forms, []
        free = 0  # where a scan of every position is sure to stand outside any match
        for match in self.word_start_pattern.finditer(" " + span):
            form = match.group(1)
            # The space in front shifts offsets by one: in the span, the form starts where
            # the match does (at the character before it in " " + span).
            form_start, form_end = match.start(), match.end() - 1
            if form in self.inner_forms and self._inside_a_form(span, free, form_start):
                continue
            free = form_end
            start, end = lo + form_start, lo + form_end
            if (start and _continues_word(text[start - 1])) or (
                    end == hi < len(text) and _continues_word(text[hi])):
                continue
            found.append(Cue(*forms[form], start, end))
        return found

    def _inside_a_form(self, span: str, free: int, position: int) -> bool:
        """Whether a scan of every position from ``free`` on meets a form (in a word, so
        no cue) that runs past ``position``, and so never tries a form at ``position``."""
        for match in self.pattern.finditer(span, free):
            if match.start() >= position:
                return False
            if match.end() > position:
                return True
        return False


def _continues_word(char: str) -> bool:
    """Whether the character matches [\\w'’-] (\\w is what str.isalnum() finds, and '_'),
    told without a regex call, which costs ten times as much."""
    return char.isalnum() or char in "_'’-"


# str.lower() leaves the letters re.IGNORECASE folds to ASCII as they are ("ſaid" stays
# "ſaid"): map them before looking a cue up.
_TO_ASCII = str.maketrans({char: letter for letter, chars in CASE_FOLDS.items()
                           for char in chars})
_FOLDED_TO_ASCII = "".join(char for chars in CASE_FOLDS.values() for char in chars)


@cache
def reporting_lexicon() -> _Lexicon:
    """Reporting cues from ``biaskit/data/reporting_verbs.csv``."""
    raw = resources.files("biaskit").joinpath("data/reporting_verbs.csv").read_text("utf-8")
    forms: dict[str, tuple[str, str, str, str]] = {}
    noun_forms: set[str] = set()
    for line, row in enumerate(csv.DictReader(raw.splitlines()), start=2):
        check_row(row, line)
        words = row["forms"].split()
        size = len(row["lemma"].split())
        # Multi-word lemmas ("call for") list their forms as word groups of the same length.
        for i in range(0, len(words), size):
            form = " ".join(words[i:i + size]).lower()
            forms[form] = (row["lemma"], row["stance"], row["kind"], row["requires"])
            if row.get("also_noun") == "yes" and not words[i].endswith(("ed", "ing")):
                noun_forms.add(form)  # the base and -s forms: 'attack', 'attacks'
    body = trie_regex(forms) + r"(?![\w'’-])"
    later_words = {word for form in forms for word in form.split()[1:]}
    inner_forms = frozenset(form for form in forms if form.split()[0] in later_words)
    # The set before the form spells out the ASCII word characters that \w holds: the
    # engine tests every character of the text against it, and finds those in a table at
    # once, where \w alone asks the Unicode database for each letter. The set is the same.
    return _Lexicon(re.compile(body), re.compile(r"[^0-9A-Za-z_\w'’-](" + body + ")"), forms,
                    frozenset(noun_forms), inner_forms)


STANCES = ("neutral", "distancing", "endorsing", "denial", "accusation", "concession", "emotive")
KINDS = ("speech", "writing", "thought", "evidence", "refusal")
# What must follow a cue for it to count; biaskit.attribution.cue_requirements tests each.
REQUIRES = ("", "clause", "that", "as", "object", "question", "infinitive", "impression",
            "hearsay", "figure", "topic", "message")


def check_row(row: dict[str, str], line: int) -> None:
    """Raise an InputError naming the line of a reporting_verbs.csv row whose stance, kind or
    requires biaskit cannot use, or that lists no forms."""
    for column, allowed in (("stance", STANCES), ("kind", KINDS), ("requires", REQUIRES)):
        if (row.get(column) or "") not in allowed:
            raise InputError(
                f"{column} {row.get(column)!r} of {row.get('lemma')!r} is not one of "
                f"{', '.join(repr(a) for a in allowed)}", path="biaskit/data/reporting_verbs.csv",
                location=f"line {line}", hint=f"Give the {column} one of those values")
    if not row.get("forms", "").split():
        raise InputError(f"{row.get('lemma')!r} lists no forms",
                         path="biaskit/data/reporting_verbs.csv", location=f"line {line}",
                         hint="List every form of the cue, separated by spaces")
