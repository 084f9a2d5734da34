"""Tests of a speaker phrase's own words, which need nothing else of the document: a
pronoun with auxiliaries ('He didn't'), a written source ('The group's report'), a name that
modifies a head noun ('Cologne police'), the person or the organisation a phrase with 'of'
or 'for' names ('Gov. Ivo Lund of Varn', 'the Center for Responsive Mining'), and a headline
in title case, whose capitals name no one."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import islice

from biaskit.attribution.mentions import (
    DETERMINERS,
    PRONOUNS,
    entity_words,
    gender,
    name_kind,
    office_before,
    split_name,
)

_OPENING_ADVERBS = frozenset("maybe perhaps how so but and even just also now yet still then "
                             "why what when where".split())
_AUXILIARIES = frozenset("is was has had have did does do will would could should may might can "
                         "must not never also often since soon still then just now once later "
                         "even always already didn't doesn't don't won't wasn't hasn't can't "
                         "didn’t doesn’t don’t won’t wasn’t hasn’t can’t".split())
_CONTRACTION = re.compile(r"['’](?:s|d|ll|re|ve)$")

# Lower-case words that close a name's phrase without being a noun: 'Kade herself'.
_AFTER_A_NAME = _AUXILIARIES | frozenset("itself himself herself themselves both all alone here "
                                         "there too again together instead i me you us him them "
                                         "each".split())


def modifies_the_head(phrase: str, name: re.Match) -> bool:
    """'Syrian hackers', 'Cologne police', 'Cement makers': one capitalised word (no one's
    name in the article, and no possessive: 'Rubio's campaign' is his) right before a
    lower-case head noun modifies it, and the phrase is a description, not that name."""
    rest = phrase[name.end():].split()
    return name.start() == 0 and not re.search(r"[\s'’]", name.group()) and len(rest) == 1 and (
        rest[0].isalpha() and rest[0].islower()) and not (
        rest[0].endswith(("ly", "ed")) or rest[0] in _AFTER_A_NAME or rest[0] in PRONOUNS)


def pronoun_with_auxiliaries(phrase: str) -> str:
    """The pronoun of 'He didn't', 'She has since', 'He’s', 'Maybe they' (in lower case): a
    personal pronoun with only auxiliaries and adverbs about it, else ''. Not 'it' or 'we':
    'it is said', 'what we know' name nobody before them."""
    words = phrase.split()
    while words and words[0].lower() in _OPENING_ADVERBS:
        words.pop(0)
    if not words or len(words) > 4:
        return ""
    first = _CONTRACTION.sub("", words[0].lower())
    if first not in ("he", "she", "they"):
        return ""  # most phrases: no need to read the words after the first
    return first if all(w.lower() in _AUXILIARIES for w in words[1:]) else ""


def is_source(phrase: str, words: list[str]) -> bool:
    """'A report', 'The rights group's report', 'Its report': a written source."""
    sources = entity_words()["source"]
    if not words or sources.isdisjoint(words[:5]):
        return False
    return words[0] in DETERMINERS or bool(re.match(r"[A-Z][^ ]*(?:’s|'s)\b", phrase)) or (
        # 'Reports say'; but 'Bill Clinton' is a given name and a surname, no bill
        words[0] in sources and not (len(words) > 1 and gender(phrase) and phrase[:1].isupper())
    ) or (words[-1] in sources and phrase.split()[-1][:1].islower())


_LAST_NAME_RUN = re.compile(r"(?:[A-Z][\w’'._-]*\s+)*[A-Z][\w’'._-]*$")


def person_before_of(part: str) -> bool:
    """Whether the words before a phrase's 'of' end in a person's name: 'former Gov. Ivo Lund'
    (of Varn), 'undecided voter Ada Holm' (of Brenn), 'Mr. Lund' (of the Varn Club); not
    'Secretary' (of State) or 'Bank' (of Varn)."""
    run = _LAST_NAME_RUN.search(part)
    if not run:
        return False
    titles, tokens, _ = split_name(run.group().replace("_", ".").split())
    title_words = entity_words()["title"]
    return (2 <= len(tokens) <= 4 or bool(titles) and len(tokens) == 1) and all(
        t[:1].isupper() and t.lower() not in title_words for t in tokens) and (
        bool(titles) or name_kind(" ".join(tokens)) == "person")


def named_officer(phrase: str) -> bool:
    """'Secretary of State Ann Kade': an office, then the person who holds it (a person,
    not the unnamed people a 'secretary of ...' would be)."""
    at = phrase.rfind(" of ") + 4
    if at < 4:
        return False
    at += 4 if phrase.startswith("the ", at) else 0
    return phrase[at:at + 1].isupper() and office_before(phrase, 0, at, phrase[at:]) is not None


# An organisation's name that holds 'of' or 'for', at a phrase's end: 'Center for Responsive
# Mining', 'Varn Institute of Technology', 'Graduate School of Mining'.
_NAME_WITH_OF = re.compile(r"((?:[A-Z][\w’'.-]*\s)*[A-Z][\w’'.-]*)\s(?:for|of|on)\s(?:the\s)?"
                           r"[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*)*$")


def organisation_with_of(phrase: str) -> re.Match[str] | None:
    """The organisation's whole name that ends the phrase, if one holds 'of' or 'for'."""
    found = _NAME_WITH_OF.search(phrase) if " of " in phrase or " for " in phrase else None
    return found if found and name_kind(found.group(1)) == "organisation" else None


_LETTER_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_LOWER_CASE_START = re.compile(r"(?<![\w’'-])(?!(?:a|an|and|as|at|but|by|for|in|of|on|or|the|to)\b)"
                              r"[a-z]")
_SMALL_WORDS = frozenset("a an and as at but by for in of on or the to".split())


def is_title_case(sentence: str) -> bool:
    """'Kade Says The Mine Will Close': a headline written in title case, whose capitalised
    verbs are verbs."""
    # Seven are enough to tell, and most sentences have them in their first words.
    if next(islice(_LOWER_CASE_START.finditer(sentence, 0, 400), 6, None), None):
        return False  # most sentences: many lower-case words early on
    words = [w for w in _LETTER_WORD.findall(sentence) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# A name after one of these stands in a prepositional phrase ('in Varn', 'to the Varn vote');
# not after 'of', 'for' or 'on', mostly inside a name ('Bank of Varn', 'Council on Mining').
_BEFORE_A_PLACE_OR_THING = re.compile(r"\b(?:in|at|to|from|about|into|across|over|against|"
                                      r"with|near|toward|towards|by)\s+(?:the\s+)?$")


def head_name(phrase: str, names: Sequence[re.Match[str]],
              is_known: Callable[[str], bool]) -> re.Match[str]:
    """Which of the names found in a speaker phrase it is about: the last, unless that one
    stands in a prepositional phrase after an earlier name the document knows ('Kade spent
    the week in Varn' is about Kade; 'Council spokeswoman Ann Kade' about Ann Kade)."""
    last = names[-1]
    if len(names) > 1 and _BEFORE_A_PLACE_OR_THING.search(phrase, 0, last.start()):
        for name in reversed(names[:-1]):
            if not _BEFORE_A_PLACE_OR_THING.search(phrase, 0, name.start()):
                return name if is_known(name.group()) else last
    return last
