"""A noun of thought with its own content clause: 'their fear that the talks will fail', 'Lund
expressed doubt that the pumps work', 'in the hope that voters return'. Most noun uses of a
cue report nothing ('garner support', 'his plans to close the depot' are not marked in
PolNeAR's news), but a doubt, fear or hope followed by 'that' and a clause nearly always is
(PolNeAR train: 15 of the 19 that were read as nouns): the clause is what is doubted,
feared or hoped.

Whose it is: the possessive before the noun ('Kade's doubt', 'their fear'); else the subject
of the clause that holds it ('Lund expressed doubt', 'Kade left no doubt', 'Varn cut the price
in the hope that ...'); else no one ('fears that the plant will close grew', 'there is no
doubt that ...').

A claim with a clause is read only after a possessive ('Kade's claim that the mine is safe':
train marks 9 of 17, and the rest lie mostly in another cue's content, so no row is lost or
wrong by them); 'a claim that' and 'claims that' with no possessor are left alone.

A view is held the same way when the sentence says whose it is: 'In Kade's view, the levy
is unfair' (PolNeAR train marks 7 of the 15; most of the rest lie in a quote or in
another cue's content, which gives no statement of its own).
"""

from __future__ import annotations

import re

from biaskit.attribution.clauses import clause_subject
from biaskit.attribution.context import DocumentContext
from biaskit.attribution.reporting_verbs import Cue
from biaskit.attribution.speakers import Speaker
from biaskit.attribution.subject_before import EXPLETIVE
from biaskit.corpus.sentences import Sentence

UNATTRIBUTED_THOUGHT = "unattributed thought"

# (the plural too: 'fears that the talks will fail'; 'hopes that' after a subject is the verb,
# which noun_use leaves to the other forms)
_CONTENT_NOUNS = frozenset("doubt doubts fear fears hope hopes claim claims".split())

# 'that' opening a content clause, not a relative one ('the hopes that were raised', whose
# 'that' is the subject of a verb right after it).
_THAT_CLAUSE = re.compile(r"\s+that\s+(?!(?:is|was|are|were|has|have|had|will|would|could|"
                          r"can|may|might|must|should)\b)[\w“\"‘'$]")

# A possessive right before the noun, perhaps with an adjective or two: 'Kade's doubt',
# 'Ivo Marsh's lingering fears', 'the council's fear', 'their fear'.
_POSSESSIVE_BEFORE = re.compile(
    r"(?:\b([Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Ww]hose)|"
    r"((?:\b(?:[Tt]he|[A-Z][\w.’'-]*)\s+){0,3}[\w.-]+)(?:[’']s|(?<=s)[’']))"
    r"\s+(?:[a-z][a-z-]*\s+){0,2}$")

_SUBJECT_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we",
                    "my": "I", "your": "you", "whose": "who"}

# A noun after one of these prepositions is no clause's object: 'because of fears that',
# 'amid fears that', 'despite doubts that' (the fears of no one the sentence names).
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|amid|despite|over|about|with|among|from)\s+"
                                 r"(?:[a-z][a-z-]*\s+){0,2}$", re.IGNORECASE)


# 'in Kade's view', 'in their view': the clause around it is the possessor's view.
_IN_WHOSE_VIEW = re.compile(r"\b[Ii]n\s+(?:([Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y)|((?:[A-Z][\w.’'-]*"
                            r"\s+){0,3}[A-Z][\w.-]*)(?:[’']s|(?<=s)[’']))\s+$")
_AFTER_THE_VIEW = re.compile(r"[\s,—–-]*")


def _possessor(possessive: re.Match[str]) -> tuple[str, int]:
    """The phrase a possessive names and where it stands: 'their fear' is theirs, which the
    resolver reads as 'they'; 'Kade's doubt' is Kade's."""
    if possessive.group(1):
        return _SUBJECT_PRONOUN[possessive.group(1).lower()], possessive.start(1)
    return possessive.group(2), possessive.start(2)


def content_clause_after(ctx: DocumentContext, cue: Cue) -> bool:
    """True when the cue is a noun of thought that a content clause follows ('fear that'),
    or a view around its clause ('In Kade's view, the levy is unfair')."""
    form = ctx.text[cue.start:cue.end].lower()
    if form == "view":
        return _IN_WHOSE_VIEW.search(ctx.text, max(0, cue.start - 50), cue.start) is not None
    return form in _CONTENT_NOUNS and bool(_THAT_CLAUSE.match(ctx.text, cue.end))


def in_whose_view(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'In Kade's view, the levy is unfair', 'the levy, in their view, is unfair': what
    follows the phrase is the view, or what precedes it when it ends the sentence ('the levy
    is unfair in her view')."""
    whose = _IN_WHOSE_VIEW.search(ctx.text, max(sentence.start, cue.start - 50), cue.start)
    if not whose:
        return False
    phrase, at = _possessor(whose)
    start = _AFTER_THE_VIEW.match(ctx.text, cue.end, sentence.end).end()
    end = ctx.semicolon(start, sentence.end)
    if ctx.words(start, end) < 3:
        start, end = sentence.start, whose.start()
        if ctx.words(start, end) < 3:
            return False
    ctx.add(cue, ctx.resolver.resolve(phrase, at), start, end, sentence,
            "in whose view", region=(min(start, whose.start()), max(end, cue.end)))
    return True


def noun_with_a_clause(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Their fear that Kade would win', 'Lund expressed doubt that the pumps work'."""
    that = _THAT_CLAUSE.match(ctx.text, cue.end, sentence.end)
    if not that:
        return in_whose_view(ctx, cue, sentence)
    start = that.end() - 1
    end = ctx.semicolon(start, sentence.end)
    lo = max(sentence.start, cue.start - 60)
    possessive = _POSSESSIVE_BEFORE.search(ctx.text, lo, cue.start)
    if not possessive and ctx.text[cue.start:cue.end].lower().startswith("claim"):
        return False  # 'a claim that originated in 2014': mostly a relative 'that'
    if possessive:
        phrase, at = _possessor(possessive)
        speaker = ctx.resolver.resolve(phrase, at)
        region_start = at
    else:
        subject = None if _PREPOSITION_BEFORE.search(ctx.text, lo, cue.start) else (
            clause_subject(ctx, sentence.start, cue.start))
        if subject and not EXPLETIVE.match(subject[0]):
            speaker = ctx.resolver.resolve(*subject)
            region_start = subject[1]
        else:
            speaker = Speaker(UNATTRIBUTED_THOUGHT, "", "nobody", None,
                              "a doubt, fear or hope the sentence gives to no one")
            region_start = cue.start
    ctx.add(cue, speaker, start, end, sentence, "noun with a content clause",
            region=(region_start, end))
    return True
