"""Expectations the sentence attributes to no one: 'Kade is expected to win', 'The talks are
widely expected to fail'. PolNeAR annotates them as thoughts with no source.

The statement is the whole clause, its subject included, since what is expected is the
subject's act; its speaker is an unattributed expectation unless an agent follows the cue
('is expected by analysts to ...').
"""

from __future__ import annotations

import re

from biaskit.attribution.context import DocumentContext
from biaskit.attribution.reporting_verbs import Cue
from biaskit.attribution.speakers import Speaker
from biaskit.corpus.sentences import Sentence

UNATTRIBUTED_EXPECTATION = "unattributed expectation"

# 'is expected', 'are widely expected', 'was not expected', 'is also generally expected'.
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|’s|'s|’re|'re)\s+(?:(?:[a-z]+ly|not|"
                        r"also|still|now|all|both|each)\s+){0,2}$")

# What follows the cue: 'to win', or an agent and then 'to': 'by analysts to win'.
_AGENT_THEN_TO = re.compile(r"\s+(?:by\s+((?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)\s+)?to\s+[a-z]")

# Where the clause holding the expectation starts: after a semicolon or a clause's comma.
_CLAUSE_START = re.compile(r"(?:;|,\s+(?:but|and|while|although|though)\b|\s[—–]\s)\s*")


def expected_to(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Kade is expected to announce her bid on Monday': an expectation with no source."""
    if ctx.text[cue.start:cue.end].lower() != "expected":
        return False
    be = _BE_BEFORE.search(ctx.text, max(sentence.start, cue.start - 40), cue.start)
    after = _AGENT_THEN_TO.match(ctx.text, cue.end, sentence.end)
    if not be or not after:
        return False
    boundaries = [m.end() for m in _CLAUSE_START.finditer(ctx.text, sentence.start, be.start())]
    start = boundaries[-1] if boundaries else sentence.start
    end = ctx.semicolon(cue.end, sentence.end)
    if after.group(1):
        speaker = ctx.resolver.resolve(after.group(1), after.start(1))
    else:
        speaker = Speaker(UNATTRIBUTED_EXPECTATION, "", "other", None,
                          "a passive expectation: the sentence names no one who expects it")
    ctx.add(cue, speaker, start, end, sentence, "expectation with no source",
            region=(start, end))
    return True
