"""Questions put to someone whose asker the sentence does not name: 'Asked whether she would
run, Kade said ...', 'When asked about the merger, she ...' and 'Kade was asked about ...'.

The question is the statement; its speaker is who asked it ('Asked by Moro whether ...'), or
an unnamed questioner. What the person asked then says is a statement of its own.
"""

from __future__ import annotations

import re

from biaskit.attribution.clauses import main_clause
from biaskit.attribution.context import DocumentContext
from biaskit.attribution.mentions import entity_words, is_people_phrase
from biaskit.attribution.reporting_verbs import Cue
from biaskit.attribution.speakers import Speaker
from biaskit.corpus.sentences import Sentence

_OPENING = re.compile(r"\s*(?:(?:When|After|If|Once|Later|But|And)\s+)?$")

# '..., Kade said when asked about the delay', '..., she said, asked whether ...': a question
# put to the speaker of the clause before it.
_ASKED_AFTER_A_CLAUSE = re.compile(r"(?:,\s*(?:(?:when|after|once|if)\s+)?|"
                                   r"(?<=[a-z”\"'’])\s+(?:when|after|once|if)\s+)$")

_PASSIVE = re.compile(r"\b(?:was|were|is|are|being|been)\s+(?:also\s+|later\s+|then\s+)?$")

# 'by Moro', 'by the Varn Herald', 'by a reporter', 'by reporters in Iowa'.
_ASKER = re.compile(r"\s+by\s+((?:the\s+|a\s+|an\s+)?(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
                    r"|(?:[\w’'.-]+\s+){0,2}?[a-z][\w’'-]*(?=\s+(?:whether|if|why|how|what|who|"
                    r"when|where|which|about|to|in|at|on|during)\b)))")

# Where the question itself begins, after the asker and any time or place:
# 'Asked in Iowa recently whether ...', 'asked about the merger', 'asked to confirm ...'.
_QUESTION_WORDS = "whether|if|why|how|what|who|when|where|which|about|to"
_QUESTION = re.compile(r"[^,.;:\"“]{0,60}?\b(" + _QUESTION_WORDS + r")\s")

UNNAMED_QUESTIONER = "unnamed questioner"


def asked_question(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Asked whether she would run, Kade said ...', 'Kade was asked about ...' and '"...,"
    Kade said when asked about ...'."""
    if cue.lemma != "ask":
        return False
    before = ctx.text[sentence.start:cue.start]
    opening = _OPENING.fullmatch(before)
    if not opening and not (ctx.text[cue.end - 2:cue.end] == "ed" and _PASSIVE.search(before)
                            or asked_after_a_clause(ctx, cue, sentence.start)):
        return False  # 'Kade was asked about ...'; 'Kade is asking Moro to ...' asks
    asker = _ASKER.match(ctx.text, cue.end, sentence.end)
    after = asker.end() if asker else cue.end
    question = _QUESTION.match(ctx.text, after, sentence.end)
    quoted = None if question or opening else _quoted_question_after(ctx, after, sentence)
    if question is None and quoted is None:
        return False
    if quoted:  # 'Kade was asked, "Would you have told her?"'
        start, end = quoted.inner_start, quoted.inner_end
    else:
        start = question.start(1)
        end = main_clause(ctx, start, sentence.end) if opening else ctx.semicolon(
            start, sentence.end)
    if end is None:
        return False
    head = asker.group(1).split()[-1] if asker else ""
    if asker and (head[:1].isupper() or is_people_phrase(asker.group(1))
                  or head.lower() in entity_words()["organisation"]):  # 'by the committee'
        speaker = ctx.resolver.resolve(asker.group(1), asker.start(1))
    else:
        speaker = Speaker(UNNAMED_QUESTIONER, "", "group", None,
                          "a question whose asker the sentence does not name")
    ctx.add(cue, speaker, start, end, sentence, "question put to someone",
            region=(sentence.start if opening else cue.start, end))
    return True


_COMMA_OR_COLON_BEFORE_QUOTE = re.compile(r"\s*[,:]?\s*")


def _quoted_question_after(ctx: DocumentContext, position: int, sentence: Sentence):
    """The quoted question right after ``position`` ('was asked, "Why now?"'), or None."""
    quote = ctx.first_quote_between(position, sentence.end + 1)
    if quote is None or not _COMMA_OR_COLON_BEFORE_QUOTE.fullmatch(ctx.text, position, quote.start):
        return None
    return quote if "?" in ctx.text[quote.inner_start:quote.end] else None


# What follows a question put to someone right after its cue: 'asked about', 'asked by'.
_QUESTION_RIGHT_AFTER = re.compile(r"\s+(?:by|" + _QUESTION_WORDS + r")\s")


def asked_after_a_clause(ctx: DocumentContext, cue: Cue, lo: int) -> re.Match | None:
    """Where, between ``lo`` and the cue, '..., she said when asked ...' or '..., she said,
    asked about ...' puts a question to the clause's speaker; None for 'Ann Kade, a lawyer,
    asked Moro whether ...', where Kade asks."""
    if cue.lemma != "ask" or ctx.text[cue.end - 2:cue.end] != "ed":
        return None
    match = _ASKED_AFTER_A_CLAUSE.search(ctx.text, lo, cue.start)
    if match and (re.search(r"[a-z]", match.group()) or _QUESTION_RIGHT_AFTER.match(
            ctx.text, cue.end)):
        return match
    return None
