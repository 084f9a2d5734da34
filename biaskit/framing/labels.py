"""Actor labels: the noun phrases an outlet uses to name or describe an actor.

A candidate label (an apposition, the titles or the lower-case words before a name, or a
codebook description alias found in the text; see :func:`biaskit.framing.cues.presentation_cues`) is
kept only when it reads as a noun phrase, by rules on closed-class words from
``biaskit/data/label_words.csv`` (no part-of-speech tagger):

* it lies inside one block, the block of the name it describes (a headline's last words are
  no label of the standfirst's first name);
* a leading determiner is dropped ("the rights group" is the label "rights group");
* no pronoun, auxiliary, negator, relative or subordinating word stands in it: those make a
  clause ("strikes have not hit civilians", "which", "does");
* it neither starts nor ends with a preposition or a conjunction ("In the report", "began
  air strikes against"), though one may stand inside ("commander-in-chief of Russia's
  Aerospace Forces");
* its head (the last word before any preposition or conjunction) is not a word ending in
  -ing ("targeting"), nor the name of a document ("report", from ``entity_words.csv``'s
  ``source`` words: "the Amnesty report" names a report, not an actor), and a label of one
  word is not a verb form the reporting-verb lexicon lists ("dispute"; with modifiers before
  it the same word is a noun: "rights advocates").

A label inside another label of the same actor at the same place ("rights group" inside
"London-based rights group") is the same label, listed once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from biaskit.attribution.mentions import entity_words
from biaskit.corpus.document import Document
from biaskit.lexicons import read_lexicon

_WORD = re.compile(r"[\w’'-]+")
_EDGE = ("preposition", "conjunction")
_CLAUSE = ("pronoun", "auxiliary", "negator", "relative", "subordinator")


@lru_cache(maxsize=1)  # reads one data file: one entry
def label_words() -> dict[str, frozenset[str]]:
    """Closed-class words by kind, lower-cased, from label_words.csv."""
    kinds: dict[str, set[str]] = {}
    for row in read_lexicon("label_words.csv"):
        kinds.setdefault(row["kind"].strip(), set()).add(row["word"].strip().lower())
    return {kind: frozenset(words) for kind, words in kinds.items()}


@lru_cache(maxsize=1)  # reads one data file: one entry
def _verb_forms() -> frozenset[str]:
    return frozenset(form.lower() for row in read_lexicon("reporting_verbs.csv")
                     for form in row["forms"].split() if " " not in form)


@lru_cache(maxsize=1)  # reads one data file: one entry
def _kinds() -> dict[str, str]:
    """Word -> its kind, for one look-up per word."""
    return {word: kind for kind, words in label_words().items() for word in words}


def _kind_of(word: str) -> str:
    word = word.lower()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return _kinds().get(word, "")


def noun_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of ``text[start:end]`` as a label (leading determiners dropped), or None when
    it is not a noun phrase by the rules of the module."""
    words = list(_WORD.finditer(text, start, end))
    while words and _kind_of(words[0].group()) == "determiner":
        words.pop(0)
    if not words:
        return None
    kinds = [_kind_of(w.group()) for w in words]
    if any(kind in _CLAUSE for kind in kinds) or kinds[0] in _EDGE or kinds[-1] in _EDGE \
            or kinds[-1] == "determiner":
        return None
    head = words[next((i for i, kind in enumerate(kinds) if kind in _EDGE), len(words)) - 1]
    head_word = head.group().lower()
    # A lone word the reporting-verb lexicon lists is a verb ("Officials dispute Amnesty
    # report"); with modifiers before it, the same word is a noun ("rights advocates").
    lone_verb = len(words) == 1 and head_word in _verb_forms()
    if lone_verb or head_word in entity_words().get("source", ()) or (
            head_word.endswith("ing") and len(head_word) >= 6 and "-" not in head_word):
        return None
    return words[0].start(), words[-1].end()


def block_of(doc: Document, position: int) -> int:
    """The index of the block holding ``position`` (-1 between blocks)."""
    return next((b.index for b in doc.blocks if b.start <= position < b.end), -1)


def one_per_place(rows: list[tuple], start: int, end: int, actor: int) -> list[tuple]:
    """The rows without exact repeats and without a span inside another row's span of the
    same actor (``start``, ``end`` and ``actor`` are the positions of those fields)."""
    kept = []
    for row in rows:
        inside = any(other is not row and other[actor] == row[actor]
                     and other[start] <= row[start] and row[end] <= other[end]
                     and (other[start], other[end]) != (row[start], row[end])
                     for other in rows)
        repeat = any(other[actor] == row[actor] and (other[start], other[end]) ==
                     (row[start], row[end]) for other in kept)
        if not inside and not repeat:
            kept.append(row)
    return kept
