"""Evidence whose source is a long noun phrase: 'A study by the watchdog group Clear Water
found ...', 'A Varn College poll out this week shows ...', 'The little polling that was done
before the vote showed ...'. The speaker-first form reads a speaker phrase of a few words
before the cue; a poll, a study or a batch of emails is often named with a post-modifier
(by, of, out, released, conducted, a relative clause) that it does not read.

The source's words are the speaker phrase up to its head noun and a 'by ...' that names who
made it; the content is what follows the cue.
"""

from __future__ import annotations

import re

from biaskit.attribution.context import DocumentContext
from biaskit.attribution.cue_requirements import content_start
from biaskit.attribution.mentions import entity_words
from biaskit.attribution.reporting_verbs import Cue, reporting_lexicon
from biaskit.corpus.sentences import Sentence

# Where the clause holding the evidence starts: the sentence, or after a semicolon or a
# clause's comma ('..., but a poll by X found ...').
_CLAUSE_OPENING = re.compile(r"(?:;|,\s+(?:but|and|while|although|though|yet)\b|\s[—–]\s)\s*")

# The words of the phrase that opens the clause: 'A new batch of council emails', 'Early
# results of exit polls', 'The little polling', "Varn College's poll".
_OPENING = re.compile(r"(?:(?:And|But|Yet|Still|Meanwhile),?\s+)?")
_WORD = re.compile(r"[\w’'./&-]+")
_MAX_HEAD = 7  # words from the phrase's start to its head noun

# What may stand between the head noun and the cue: a post-modifier, never a finite verb of
# the main clause ('A poll of 600 voters is due Monday and shows ...' is not one).
_POST_MODIFIER = re.compile(
    r"[,]?\s+(?:by|of|from|in|on|at|for|among|with|out|released|published|conducted|taken|"
    r"obtained|issued|commissioned|carried|done|that|which|seen|cited|reviewed)\b")
_MAIN_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\s+(?!(?:done|"
                        r"conducted|released|published|taken|carried)\b)")
# 'by the watchdog group Clear Water', 'by the union' (not 'in March' after it).
_BY_AUTHOR = re.compile(r"\s+by\s+(?:the\s+)?(?:(?!(?:in|on|at|for|of|out|this|last|from|"
                        r"with|among|and)\b)[\w’'.&-]+\s*){1,6}?(?=\s|$)")

_MAX_SOURCE = 140  # characters from the clause's start to the cue


def evidence_with_a_long_source(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'A survey by the union in March found Lund with a lead': the survey's finding."""
    if cue.kind != "evidence" and cue.lemma != "suggest":
        return False
    openings = [m.end() for m in _CLAUSE_OPENING.finditer(ctx.text, sentence.start, cue.start)]
    lo = openings[-1] if openings else sentence.start
    if cue.start - lo > _MAX_SOURCE:
        return False
    head = _head_noun(ctx, _OPENING.match(ctx.text, lo).end(), cue.start)
    if head is None:
        return False
    phrase_start, head_end = head
    between = ctx.text[head_end:cue.start]
    if not _POST_MODIFIER.match(between) or _MAIN_VERB.search(between) or (
            reporting_lexicon().cues(ctx.text, head_end, cue.start)):
        return False  # 'A poll of voters who said ... shows': the poll's clause is not whole
    start = content_start(ctx, cue, sentence)
    if start >= sentence.end or not ctx.text[start:sentence.end].strip(" .\"”"):
        return False
    by = _BY_AUTHOR.match(ctx.text, head_end, cue.start)
    words = ctx.text[phrase_start:by.end() if by else head_end]
    speaker = ctx.resolver.resolve(words, phrase_start)
    ctx.add(cue, speaker, start, ctx.semicolon(start, sentence.end), sentence,
            "evidence of a named source", region=(lo, sentence.end))
    return True


def _head_noun(ctx: DocumentContext, lo: int, hi: int) -> tuple[int, int] | None:
    """Where the phrase opening at ``lo`` starts and where its head, a source noun, ends."""
    sources = entity_words()["source"]
    for i, word in enumerate(_WORD.finditer(ctx.text, lo, hi)):
        if i == 0 and word.start() != lo:
            return None
        if i >= _MAX_HEAD:
            return None
        if word.group().lower() in sources:
            return lo, word.end()
    return None
