"""Colon forms: the headline 'Ministry: "No hospitals were hit"', transcript turns
('PENCE: Well, ...', 'Q: ...'), and a quote announced by a verb and a noun ('Kade issued
the following statement: "..."')."""

from __future__ import annotations

import re

from biaskit.attribution.clauses import clause_subject
from biaskit.attribution.context import DocumentContext
from biaskit.attribution.mentions import entity_words, looks_like_name
from biaskit.attribution.reporting_verbs import Cue
from biaskit.corpus.sentences import Sentence

_HEADLINE_COLON = re.compile(r"([A-Z][^:\"“]{1,50}):\s+(\S.*)")

_ADDRESSED = re.compile(r"(.+?)\s+to\s+\S.*")

_SPEAKER_TURN = re.compile(r"[\"“]?([A-Z][\w.’'_-]*(?: [A-Z][\w.’'_-]*){0,3}):\s+(\S)")

# Heads of a "Name:" opening that introduce no speaker: 'Editor's note:', 'Video Transcript:',
# and a reporter's contact lines ('Twitter: @annkade', 'Email: ...').
_NOT_SPEAKER_HEAD = frozenset("note notes update updates correction transcript video photo "
                              "photos source sources editor advertisement related read more "
                              "watch listen credit getty reuters ap afp contributing reporting "
                              "editing twitter email e-mail phone telephone fax web website "
                              "instagram facebook".split())  # 'Contributing: Ann Kade' credits


# Written sources that head a headline with their finding ('Poll: Kade leads'); other source
# words there are labels of the story's genre ('Analysis: ...', 'Video: ...').
_FINDING_SOURCES = frozenset("poll polls report survey study".split())


def headline_colon(ctx: DocumentContext, sentence: Sentence) -> bool:
    """Headline colon form: 'Ministry: "No hospitals were hit"'."""
    match = _HEADLINE_COLON.match(sentence.text)
    if not match or len(match.group(1).split()) > 6:
        return False
    phrase = match.group(1)
    addressed = _ADDRESSED.match(phrase)
    if addressed:  # 'Clinton to Planned Parenthood: ...' is Clinton's, said to the group
        phrase = addressed.group(1)
    speaker = ctx.resolver.resolve(phrase, sentence.start)
    if not (speaker.actor or speaker.kind in ("person", "organisation") or addressed
            # 'Historians: ...'; not 'Comic heckles Kade supporters: ...', a headline's clause
            or speaker.kind == "group" and len(phrase.split()) <= 3
            or phrase.lower() in _FINDING_SOURCES) or (
            "," in phrase and not speaker.actor):
        return False  # 'Beyond plagiarism, a bigger issue: ...' names nobody
    cue = Cue(":", "neutral", "speech", "", sentence.start + match.end(1), sentence.start +
               match.end(1) + 1)
    start = sentence.start + match.start(2)
    ctx.add(cue, speaker, start, sentence.end, sentence, "headline colon form",
              region=(sentence.start, sentence.end))
    return True


_A_WORD = re.compile(r"[^\W\d_]{2}")


def speaker_turns(ctx: DocumentContext) -> list[tuple]:
    """Transcript and interview turns: a paragraph opening 'PENCE: Well, ...',
    'Q: ...' or 'Ann Kade: ...' is that speaker's words, to the paragraph's end.
    Returns (speaker, cue, start, end, sentence, region) for each turn."""
    turns = []
    for block in ctx.doc.blocks:
        if block.role != "body" or ctx.text.find(":", block.start, block.end) < 0:
            continue  # (most paragraphs have no colon; a str.find is far cheaper than a match)
        match = _SPEAKER_TURN.match(ctx.text, block.start, block.end)
        if not match:
            continue
        name = match.group(1)
        if name.startswith(("Said ", "Says ", "Added ")) and " " in name:
            name = name.split(" ", 1)[1]  # 'Said Brekke: “...”' is Brekke's
        if not (name.isupper() or looks_like_name(name)) or (
                name.split()[-1].lower() in _NOT_SPEAKER_HEAD):
            continue
        if not _A_WORD.search(ctx.text, match.start(2), block.end):
            continue  # 'Pledged: 781.', 'Lund: 1,501.': a table's row, not a turn
        sentence = ctx.sentence_at(match.start(2))
        if sentence is None:
            continue
        speaker = ctx.resolver.resolve(name.title() if name.isupper() and len(name) > 2
                                        else name, match.start(1))
        cue = Cue(":", "neutral", "speech", "", match.end(1), match.end(1) + 1)
        turns.append((speaker, cue, match.start(2), block.end, sentence,
                      (block.start, block.end)))
    return turns


# '... in play - Ann Kade: "Two weeks ago, ..."': a name and a colon after a dash, then a quote
# (roundups that quote one analyst after another).
_DASH_NAME_COLON = re.compile(r"\s[-—–]\s+([A-Z][\w.’'_-]*(?: [A-Z][\w.’'_-]*){0,3}):\s*(?=[“\"])")


def named_quotes_after_a_dash(ctx: DocumentContext) -> None:
    """'- Ann Kade: "..."' inside a paragraph: the quote is Ann Kade's."""
    held = None  # what this pass adds ends at its quote, before the next name
    for block in ctx.doc.blocks:
        if block.role != "body" or ctx.text.find(":", block.start, block.end) < 0:
            continue  # most paragraphs hold no colon, and the pattern is tried at every space
        for match in _DASH_NAME_COLON.finditer(ctx.text, block.start, block.end):
            if held is None:  # indexed before this pass adds any statement
                held = ctx.held_by_found()
            quote = ctx.quote_at(match.end())
            sentence = ctx.sentence_at(match.end())
            if quote is None or sentence is None or held(quote.inner_start) or (
                    not looks_like_name(match.group(1))):
                continue
            speaker = ctx.resolver.resolve(match.group(1), match.start(1))
            cue = Cue(":", "neutral", "speech", "", match.end(1), match.end(1) + 1)
            ctx.add(cue, speaker, quote.inner_start, quote.inner_end, sentence,
                    "name and colon before a quote", region=(match.start(1), quote.end))


# 'issued the following statement:', 'delivered a blunt message to the council:', 'tweeted a
# warning.': a verb, then a noun for what was said (entity_words.csv, kind utterance) and a
# colon or full stop right before a quote. The verb need not be a reporting cue.
_ANNOUNCING = re.compile(r"\b([a-z]{3,})\s+(?:a|an|the\s+following|this|his|her|their|its)\s+"
                         r"(?:[\w’'-]+\s+){0,2}?([a-z]+)(?:\s+(?:to|on|in|at|for)\s+"
                         r"[^.:;\"“”\n]{1,40}?)?\s*[.:]\s*$")


def announced_quotes(ctx: DocumentContext) -> None:
    """'Kade issued the following statement: "..."': the quote is the subject's."""
    held = by_cue = None
    utterances = entity_words()["utterance"]
    for quote in ctx.quotes:
        before = ctx.text[max(0, quote.start - 160):quote.start]
        if not before.rstrip().endswith((":", ".")):
            continue  # most quotes follow no announcement; the pattern is read only here
        if not any(utterance in before for utterance in utterances):
            continue  # the noun (or its plural) must be there: 26 str tests cost less than
            # the search, which tries the pattern at every word of the 160 characters
        match = _ANNOUNCING.search(before)
        noun = match.group(2) if match else ""
        if noun not in utterances and not (noun.endswith("s") and noun[:-1] in utterances):
            continue
        if held is None:  # indexed before this pass adds any statement
            held = ctx.held_by_found()
            by_cue = {statement.cue.start: statement for statement in ctx.found}
        verb_start = quote.start - len(before) + match.start(1)
        said_in = ctx.sentence_at(verb_start)
        sentence = ctx.sentence_at(quote.inner_start)
        if held(quote.inner_start) or said_in is None or sentence is None:
            continue
        subject = clause_subject(ctx, said_in.start, verb_start + len(match.group(1)))
        if subject is None:
            continue
        # 'Sen. Ann Kade (R-Varn), a candidate ..., tweeted a warning.': where the verb is a
        # cue already read ('tweeted' and its object), its speaker speaks the quote too
        told = by_cue.get(verb_start)
        speaker = told.speaker_obj if told else ctx.resolver.resolve(*subject)
        cue = Cue(noun, "neutral", "speech", "", verb_start,
                  quote.start - len(before) + match.end(2))
        ctx.add(cue, speaker, quote.inner_start, quote.inner_end, sentence,
                "quote announced by a verb and a noun", region=(subject[1], quote.end))
