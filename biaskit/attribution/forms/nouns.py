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
_CONTENT_NOUNS = frozenset("doubt doubts fear fears hope hopes".split())

# 'that' opening a content clause, not a relative one ('the hopes that were raised', whose
# 'that' is the subject of a verb right after it).
_THAT_CLAUSE = re.compile(r"\s+that\s+(?!(?:is|was|are|were|has|have|had|will|would|could|"
                          r"can|may|might|must|should)\b)[\w“\"‘'$]")

# A possessive right before the noun, perhaps with an adjective or two: 'Kade's doubt',
# 'Ivo Marsh's lingering fears', 'the council's fear', 'their fear'.
_POSSESSIVE_BEFORE = re.compile(
    r"(?:\b([Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Ww]hose)|"
    r"((?:\b(?:[Tt]he|[A-Z][\w.’'-]*)\s+){0,3}[\w.-]+)(?:[’']s|(?<=s)[’']))"
    r"\s+(?:[a-z-]+\s+){0,2}$")

_SUBJECT_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we",
                    "my": "I", "your": "you", "whose": "who"}

# A noun after one of these prepositions is no clause's object: 'because of fears that',
# 'amid fears that', 'despite doubts that' (the fears of no one the sentence names).
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|amid|despite|over|about|with|among|from)\s+"
                                 r"(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)


def content_clause_after(ctx: DocumentContext, cue: Cue) -> bool:
    """True when the cue is a noun of thought that a content clause follows: 'fear that'."""
    return ctx.text[cue.start:cue.end].lower() in _CONTENT_NOUNS and bool(
        _THAT_CLAUSE.match(ctx.text, cue.end))


def noun_with_a_clause(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Their fear that Kade would win', 'Lund expressed doubt that the pumps work'."""
    that = _THAT_CLAUSE.match(ctx.text, cue.end, sentence.end)
    if not that:
        return False
    start = that.end() - 1
    end = ctx.semicolon(start, sentence.end)
    lo = max(sentence.start, cue.start - 60)
    possessive = _POSSESSIVE_BEFORE.search(ctx.text, lo, cue.start)
    if possessive:
        if possessive.group(1):  # 'their fear' is theirs: the resolver reads 'they'
            phrase, at = _SUBJECT_PRONOUN[possessive.group(1).lower()], possessive.start(1)
        else:
            phrase, at = possessive.group(2), possessive.start(2)
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
