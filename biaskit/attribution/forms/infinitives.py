"""A verb of speech as the infinitive of a verb that makes someone speak: 'the vote led
Republicans to say ...', 'the loss prompted Kade to call ...'. The object speaks, not the
sentence's subject."""

from __future__ import annotations

import re

from biaskit.attribution.clauses import end_of_opening_clause
from biaskit.attribution.context import DocumentContext
from biaskit.attribution.cue_requirements import content_start, requirement_met
from biaskit.attribution.mentions import is_people_phrase, looks_like_name
from biaskit.attribution.phrases import subject as phrase_subject
from biaskit.attribution.reporting_verbs import Cue
from biaskit.corpus.sentences import Sentence

_OBJECT_THEN_TO = re.compile(
    r"\b(?:led|leads|lead|leading|prompted|prompts|prompting|drove|drives|driving|forced|"
    r"forces|forcing|caused|causes|causing|spurred|spurs)\s+"
    r"((?:(?!to\s)[\w’'.-]+\s+){0,4}?[\w’'.-]+)\s+to\s+$")


def object_made_to_speak(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'The vote led Republicans to say the count was rigged': the Republicans say it."""
    lo = max(sentence.start, cue.start - 60)
    found = _OBJECT_THEN_TO.search(ctx.text, lo, cue.start)
    if not found:
        return False
    speaker = found.group(1)
    if not (looks_like_name(speaker) or is_people_phrase(speaker) or (
            phrase_subject(ctx, speaker) == speaker)) or not requirement_met(
            ctx, cue, sentence):
        return False
    start = content_start(ctx, cue, sentence)
    end = end_of_opening_clause(ctx, sentence, start, ctx.semicolon(start, sentence.end))
    if start >= end:
        return False
    ctx.add(cue, ctx.resolver.resolve(speaker, found.start(1)), start, end, sentence,
            "object made to speak", region=(found.start(1), end))
    return True
