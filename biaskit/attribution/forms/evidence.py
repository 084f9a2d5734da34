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
from bisect import bisect_left

from biaskit.attribution.clauses import clause_start
from biaskit.attribution.context import DocumentContext
from biaskit.attribution.cue_requirements import content_start
from biaskit.attribution.mentions import entity_words
from biaskit.attribution.reporting_verbs import Cue, reporting_lexicon
from biaskit.corpus.sentences import Sentence

# The words of the phrase that opens the clause: 'A new batch of council emails', 'Early
# results of exit polls', 'The little polling', "Varn College's poll"; after a place or a
# time set off by a comma ('And in Brenn and Kell, a Varn College poll ...'), which is no
# part of the source.
_OPENING = re.compile(r"(?:(?:And|But|Yet|Still|Meanwhile),?\s+)?(?:(?:[Ii]n|[Oo]n|[Aa]t|"
                      r"[Aa]mong|[Aa]cross|[Ss]ince|[Aa]fter|[Bb]efore|[Ll]ast|[Tt]his)\s"
                      r"[^,;:]{1,40},\s+)?")
_WORD = re.compile(r"[\w’'./&-]+")
_MAX_HEAD = 7  # words from the phrase's start to its head noun

# What may stand between the head noun and the cue: a post-modifier, never a finite verb of
# the main clause ('A poll of 600 voters is due Monday and shows ...' is not one).
_POST_MODIFIER = re.compile(
    r",?\s+(?:by|of|from|in|on|at|for|among|with|out|released|published|conducted|taken|"
    r"obtained|issued|commissioned|carried|done|that|which|seen|cited|reviewed)\b")
_MAIN_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\s+(?!(?:done|"
                        r"conducted|released|published|taken|carried)\b)")
# 'by the watchdog group Clear Water', 'by the union' (not 'in March' after it).
_BY_AUTHOR = re.compile(r"\s+by(?:\s+(?!(?:in|on|at|for|of|out|this|last|from|with|among|"
                        r"and)\b)[\w’'.&-]+){1,6}")

_MAX_SOURCE = 140  # characters from the clause's start to the cue


def evidence_with_a_long_source(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'A survey by the union in March found Lund with a lead': the survey's finding."""
    if cue.kind != "evidence" and cue.lemma != "suggest":
        return False  # 'suggest' is speech in the lexicon, and evidence after a poll
    lo = clause_start(ctx, sentence, cue.start)
    if cue.start - lo > _MAX_SOURCE:
        return False
    head = _head_noun(ctx, _OPENING.match(ctx.text, lo).end(), cue.start)
    if head is None:
        return False
    phrase_start, head_end = head
    between = ctx.text[head_end:cue.start]
    if not _POST_MODIFIER.match(between) or _MAIN_VERB.search(between) or any(
            ctx.text[other.start].islower()  # (not 'Post' in 'by The Varn Post')
            for other in reporting_lexicon().cues(ctx.text, head_end, cue.start)):
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


# 'In the latest Varn Herald poll, Lund leads ...': the poll's finding, after the comma.
_POLL = r"(?:polls?|surveys?|polling|averages?)"
_IN_A_POLL = re.compile(
    r"(?:(?:But|And|Yet|Still|Meanwhile),?\s+)?(In)\s+((?:[\w’'./&-]+\s+){0,8}?" + _POLL +
    r"(?:\s+(?:of|by|from|released|conducted|taken|published|in|last|this|out|on)\b"
    r"[^,;:.]{0,60}?)?)(?:,\s+(?:conducted|released|taken|published)\b[^,;:]{0,60})?,\s+")
_POLL_OPENINGS = ("In", "But", "And", "Yet", "Still", "Meanwhile")


def poll_findings(ctx: DocumentContext) -> None:
    """'In a Varn Herald poll, Lund leads Marsh by six points': what a poll reports, where
    no other statement holds it; and 'Lund leads Marsh by six points in the Varn Herald
    poll', where the poll closes the clause. ('Lund leads in the polls' is not read: a
    standing before 'in the polls' is as often the writer's own summary as a poll's
    finding.)"""
    held = starts = None  # a finding's region is its own sentence's: none holds another
    # (most documents name no poll, survey or average: their sentences need no second look)
    text = ctx.text
    may_trail = "oll" in text or "urvey" in text or "average" in text
    for sentence in ctx.sentences:
        if ctx.roles[sentence.paragraph] == "headline":
            continue
        # (the words it can open with are tested first: a regex call costs ten str tests)
        source = ctx.text.startswith(_POLL_OPENINGS, sentence.start) and _IN_A_POLL.match(
            ctx.text, sentence.start, sentence.end)
        if not source:
            if may_trail:
                _trailing_poll(ctx, sentence)
            continue
        if held is None:  # indexed before this pass adds any statement: most find no poll
            held = ctx.held_by_found()
            starts = sorted(statement.start for statement in ctx.found)
        start, end = source.end(), ctx.semicolon(source.end(), sentence.end)
        i = bisect_left(starts, start)
        if held(start) or held(end - 1) or (
                i < len(starts) and starts[i] < end) or ctx.quote_at(source.start(1)):
            continue  # 'In a poll, 52 percent said ...': the share's statement
        cue = Cue("in", "neutral", "evidence", "", source.start(1), source.end(1))
        speaker = ctx.resolver.resolve(source.group(2), source.start(2))
        ctx.add(cue, speaker, start, end, sentence, "standing a poll reports",
                region=(min(start, source.start()), max(end, source.end())))


# 'Lund had 38 percent support in the latest Varn Herald poll.': a standing, then the one
# poll (or a named average) that reports it, at the clause's end. 'in the polls', 'in
# national polls' are left: as often the writer's own summary of the race as a finding.
_TRAILING_POLL = re.compile(
    r",?\s+(in)\s+((?:[\w’'./&-]+\s+){0,8}?(?:poll|survey|Poll|Survey|"
    r"(?:[A-Z]\S*|polling)\s+average)\b)"
    r"(?:\s+(?:of|by|from|released|conducted|taken|published|in|last|this|out|on)\b"
    r"[^,;:.]{0,60}?)?(?=\s*(?:[.;]|$)|,\s+(?:up|down|a|an|taken|conducted|released|"
    r"published|usually|compared)\b)")
# (a share, a margin or a lead: 'Kade was ahead in the Brenn survey'; not 'Kade spoke in a
# poll' nor 'the question asked in the survey')
_STANDING = re.compile(r"\d|\b(?:percent|points?|lead|leads|led|leading|trails?|trailed|"
                       r"trailing|ahead|behind|tied)\b")


def _trailing_poll(ctx: DocumentContext, sentence: Sentence) -> None:
    """'Kade slipped to 12 percent in the newest Varn Courier poll': the clause before 'in'."""
    text = ctx.text
    if text.find("oll", sentence.start, sentence.end) < 0 and text.find(
            "urvey", sentence.start, sentence.end) < 0 and text.find(
            "average", sentence.start, sentence.end) < 0:
        return  # most sentences name no poll: the regex is not run on them
    for source in _TRAILING_POLL.finditer(text, sentence.start, sentence.end):
        start, end = clause_start(ctx, sentence, source.start()), source.start()
        if not _STANDING.search(text, start, end) or ctx.quote_at(end) or any(
                s.region[0] <= end and start < s.region[1] for s in ctx.found):
            continue  # 'Kade said she led in the Brenn poll': the saying holds the standing
        cue = Cue("in", "neutral", "evidence", "", source.start(1), source.end(1))
        speaker = ctx.resolver.resolve(source.group(2), source.start(2))
        ctx.add(cue, speaker, start, end, sentence, "standing a poll reports",
                region=(start, source.end()))
        return
