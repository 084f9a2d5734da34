"""The clauses of a sentence: the subject of a clause after any opening phrase ('In an
interview, Kade said', 'As the crowd cheered, Kade joked'), and the comma where the main
clause begins after an opening clause."""

from __future__ import annotations

import re

from biaskit.attribution.context import WINDOW, DocumentContext
from biaskit.attribution.mentions import DETERMINERS, PREPOSITIONS, WEEKDAY, entity_words
from biaskit.corpus.sentences import Sentence

_OPENING_CONJUNCTION = re.compile(r"\s*(?:[Bb]ut|[Aa]nd|[Yy]et|So|Still|Then|Though|Although|While|"
                                  r"When|If|As|Because|Since|Even though|Even as)\s+")

_COMMA = re.compile(r",\s*")

# A time opening the clause with no comma after it: 'On Sunday Kade ...', 'Last week the
# council ...', 'This morning she ...'.
_TIME_OPENERS = ("On ", "Last ", "This ", "Early ", "Late ", "By ")
_OPENING_TIME = re.compile(
    rf"(?:On|Last|This|Early|Late|By)\s+(?:{WEEKDAY}|week|month|year|night|morning|"
    r"afternoon|evening|weekend)(?:\s+(?:morning|afternoon|evening|night))?\s+"
    r"(?=[A-Z]|(?:he|she|they|we|it|the|a|an)\s)")

# A noun phrase (a name, a pronoun, or a determiner and up to five words) and the word after it.
_CLAUSE_SUBJECT = re.compile(
    r"\s*((?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+"
    r"|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*|he|she|they|we|it)\s+([a-z][\w’'-]*)")

# Lower-case words after a capitalised one, before the verb: ' presidential candidate' in
# 'The former Varn presidential candidate continued'.
_LOWER_CASE_HEAD = re.compile(r"((?:\s+[a-z][\w’'-]*){1,3})(?=\s+[a-z])")
# (not a verb or a conjunction: 'Rubio has broken many', 'Kade emailed supporters')
_NOT_A_MODIFIER = re.compile(r"is|are|was|were|am|has|have|had|and|or|but|[a-z]+ed")

# ' presidential candidate Sen. Ann Kade': lower-case words ending in a role, then a name.
_ROLE_THEN_NAME = re.compile(r"(?:\s+[a-z][\w’'-]*){0,3}\s+([a-z][\w’'-]*)"
                             r"(?:\s+[A-Z][\w’'._-]*)+")

# 'Ann Kade, the head of the union, has ...': a name, an apposition, then its verb.
_NAME_THEN_APPOSITION = re.compile(r"\s*((?:[A-Z][\w’'._-]*\s+){0,3}[A-Z][\w’'._-]*),\s+"
                                   r"(?:the|a|an|his|her|its|their)\s[^,;:\"“”]{1,80},\s+[a-z]")

# ', but he added', ', and Kade said': a clause with its own subject begins after the comma.
_NEW_CLAUSE_CONJUNCTION = r",\s*(?:but|and|while|although|though|yet)\s+"
_NEW_SUBJECT = r"(?:(?:he|she|they|it|we|I)\b|[A-Z])"
NEW_CLAUSE = re.compile(_NEW_CLAUSE_CONJUNCTION + "(?=" + _NEW_SUBJECT + ")")
# The same, ending right before a cue: ', but he', ', and Ann Kade also'.
NEW_CLAUSE_BEFORE_CUE = re.compile(
    _NEW_CLAUSE_CONJUNCTION + r"(?:he|she|they|it|we|I|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)"
    r"\s+(?:(?:also|later|then|again|has|had|have)\s+)*$")
# '"...," Kade said after the council announced ...', '..., as he urged': a subordinate
# clause with its own subject, ending right before a cue in a tag.
SUBORDINATE_CLAUSE_BEFORE_CUE = re.compile(
    r"(?<=[\w,])\s+(?:after|when|as|before|because|since|until|once)\s+(?:he|she|they|we|I"
    r"|(?:the|a|an|his|her|its|their)(?:\s+[\w’'.-]+){1,4}|(?:[A-Z][\w’'.-]*\s+){0,3}"
    r"[A-Z][\w’'.-]*)\s+(?:(?:also|later|then|again|first|has|had|have)\s+)*$")

# Where a clause begins inside a sentence: after a semicolon, a clause's conjunction or a dash.
_CLAUSE_OPENING = re.compile(r"(?:;|" + _NEW_CLAUSE_CONJUNCTION + r"|\s[—–]\s)\s*")


def clause_start(ctx: DocumentContext, sentence: Sentence, position: int) -> int:
    """Where the clause holding ``position`` begins: the sentence's start, or after the last
    semicolon, dash or ', but' / ', and' / ', while' before it ('The talks stalled, but the
    plan is expected to pass': the clause after 'but'). Only the WINDOW before it is read."""
    lo = sentence.start
    if position - lo > WINDOW:  # a very long sentence: from a word's start in the window
        lo = ctx.text.find(" ", position - WINDOW, position) + 1 or position - WINDOW
    starts = [m.end() for m in _CLAUSE_OPENING.finditer(ctx.text, lo, position)]
    return starts[-1] if starts else lo


# Words that open a sentence but never its subject: 'But', 'However', 'Despite'.
NOT_SUBJECT_START = frozenset("but and or so yet nor "
                              "therefore however meanwhile still also now then thus instead "
                              "ahead when while after before since although though because "
                              "if as once asked having being "
                              # prepositions that open a sentence but are not in PREPOSITIONS
                              "amid amidst despite alongside beyond following "
                              "throughout across behind besides unlike through around".split())

# 'A few days later, Kade ...', 'Two weeks ago, ...', 'Last week': a time, not a subject
# and its verb ('Kade later said' has both).
_TIME_UNITS = frozenset("moments minutes hours days weeks months years decades "
                        "day week month year night morning evening weekend".split())

_SUBORDINATE_OPENING = re.compile(r"\s*(?:(?:But|And|Yet|So)\s+)?(?:As|When|While|Whereas|"
                                  r"Because|Since|If|Once|Until|After|Before|Though|Although|"
                                  r"Even though|Even as|Even if)\s")

# 'That's a ...', 'It's a long shot': 's as 'is' after a word that opens a clause of no one's.
CLAUSE_CONTRACTION = re.compile(r"(?:that|it|there|here|what|this)['’]s")

_NOT_A_SUBJECT_ALONE = DETERMINERS | frozenset("what how why earlier later first finally here "
                                              "instead minutes hours days weeks months years "
                                              "decades".split())  # 'Hours later, Kade ...'


def clause_subject(ctx: DocumentContext, lo: int, hi: int) -> tuple[str, int] | None:
    """The subject of the clause in text[lo:hi]: the first noun phrase at its start or
    after a comma that a verb follows, skipping an opening phrase ('In an interview,
    Kade said', 'Publicly, the nominee ...')."""
    named = _NAME_THEN_APPOSITION.match(ctx.text, lo, hi)
    if named and (" " in named.group(1) or not (  # 'Dean, a former chairman, poked ...'
            named.group(1).lower() in NOT_SUBJECT_START or named.group(1).endswith("ly")
            or named.group(1).lower() in entity_words()["not_name"])):
        # 'Ann Kade, the party's nominee, has been ...': Kade, not the nominee; but not
        # 'However, the plan, which ..., failed'
        return named.group(1), named.start(1)
    starts = [lo] + [m.end() for m in _COMMA.finditer(ctx.text, lo, hi)]
    if len(starts) > 1 and _SUBORDINATE_OPENING.match(ctx.text, lo, hi):
        # 'As the crowd cheered, Kade joked': the main clause's subject, not the opening
        # clause's, unless the verb stands in the opening clause (no comma before it).
        starts = starts[1:] + starts[:1]
    for start in starts:
        if start != lo and ctx.quote_at(start) is not None:
            continue  # '"..., and it appeared on TV," said Kade, recalling': a quote's own clause
        opening = _OPENING_CONJUNCTION.match(ctx.text, start, hi)  # 'But Kade said ...'
        at = opening.end() if opening else start
        # 'On Sunday Kade made ...' (its first words are tested first: a match costs more)
        time = ctx.text.startswith(_TIME_OPENERS, at) and _OPENING_TIME.match(ctx.text, at, hi)
        match = _CLAUSE_SUBJECT.match(ctx.text, time.end() if time else at, hi)
        if not match:
            continue
        phrase = match.group(1)
        first = phrase.split()[0].lower()
        if first[-2:] in ("'s", "’s") and CLAUSE_CONTRACTION.fullmatch(first):
            continue  # 'It's a long shot, but Kade was ...': 'It's' opens a clause of no one's
        if first in PREPOSITIONS or first in NOT_SUBJECT_START or first.endswith(
                ("ly", "ing")) or not match.group(2)[:1].islower() or (
                _a_time(phrase, match.group(2))) or (
                # 'Alarmed by the results, Kade ...': a participle, not a subject
                " " not in phrase and first.endswith("ed") and match.group(2) in PREPOSITIONS
            ) or (
                " " not in phrase and first in _NOT_A_SUBJECT_ALONE):
            continue  # 'This dynamic ...' may speak; 'This' or 'Earlier' alone is nobody
        if phrase[:1].isupper():
            role = _ROLE_THEN_NAME.match(ctx.text, match.end(1), hi)
            if role and role.group(1).lower() in entity_words()["people"]:
                # 'Green mayoral candidate Sen. Ann Kade said': the person, not 'Green'
                phrase = ctx.text[match.start(1):role.end()]
        if phrase.split()[-1][:1].isupper():
            head = _LOWER_CASE_HEAD.match(ctx.text, match.end(1), hi)
            if head and head.group(1).split()[-1].lower() in entity_words()["people"] and not (
                    any(_NOT_A_MODIFIER.fullmatch(w) for w in head.group(1).split())):
                # 'One Democratic official told', 'The former Varn presidential candidate
                # continued': the words up to the person noun, not 'One Democratic'
                phrase = ctx.text[match.start(1):head.end(1)]
        return phrase, match.start(1)
    return None


def _a_time(phrase: str, next_word: str) -> bool:
    # 'Hours later, Kade ...', 'The day before, Kade ...'
    return next_word in _TIME_UNITS or next_word in ("later", "earlier", "ago", "before",
                                                     "after") and (
        phrase.rsplit(None, 1)[-1].lower() in _TIME_UNITS)


def main_clause(ctx: DocumentContext, lo: int, hi: int) -> int | None:
    """The comma where the main clause of 'Asked ..., Kade said' or 'Though she called it
    wrong, Kade ...' begins: the last comma in text[lo:hi] that a subject follows."""
    comma = ctx.text.rfind(",", lo, hi)
    while comma > lo:
        found = clause_subject(ctx, comma + 1, hi)
        if found and not ctx.text[comma + 1:found[1]].strip():
            return comma
        comma = ctx.text.rfind(",", lo, comma)
    return None


def end_of_opening_clause(ctx: DocumentContext, sentence: Sentence, start: int, end: int) -> int:
    """'Though she called it wrong, Kade stayed': a statement in a clause that opens the
    sentence ends where the main clause begins."""
    if not _SUBORDINATE_OPENING.match(ctx.text, sentence.start, start):
        return end
    comma = main_clause(ctx, start, end)
    return comma if comma is not None else end
