"""Forms built around a quotation: the tag after it ('"...," Kade said'), the tag before it
('Kade said: "..."'), a dash signature ('"..." ― Ann Kade') and quotes that float on after
a speaker's tagged quote."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from biaskit.attribution.clauses import clause_subject
from biaskit.attribution.context import DocumentContext, Statement
from biaskit.attribution.forms.end_tags import PARENTHESIS, TAG_CLOSES_SENTENCE
from biaskit.attribution.phrases import (
    ANY_WORD_CHAR,
    MESSAGE_BEFORE,
    VERB_LIKE,
    and_before,
    looks_like_name,
    subject,
)
from biaskit.attribution.reporting_verbs import Cue, reporting_lexicon
from biaskit.attribution.subject_before import QUOTED_TITLE, subject_before, title_in_the_subject
from biaskit.attribution.tag_phrases import phrase_after, tag_speaker
from biaskit.corpus.sentences import Sentence

_COMMA_AND_PHRASE = re.compile(r"\s*,?\s*[^,.;:!?]{1,80}")

# '"...," Ann Kade, 66, a retired chemist, said': the name, then up to four appositions
# ('Ivo Brekke, 30, of Flint, Mich., who was among those polled, said').
_PHRASE_AND_APPOSITION = re.compile(
    r"\s*,?\s*([^,.;:!?]{1,80}),\s*((?:[^,;:!?\"“”]{1,120},\s*){1,4})")

_ONLY_COMMA = re.compile(r"\s*,?\s*")

_TAG_TO_NEXT_QUOTE = re.compile(r"[^.!?]*?,\s*")

# What may stand between a cue and the quote it introduces: a comma or colon, a short phrase
# ('told Rossiya 24 television:'), or two adverbs or prepositional phrases before a colon
# ('responded pointedly, with a smile:', 'said on Monday, in a letter to staff:').
_ADJUNCT = r"(?:[a-z]+ly|(?:on|in|at|with|during|to|before|after|from|for)\s[^.:;,\"“”]{1,30})"
_LEAD_IN_TO_QUOTE = re.compile(r"\s*[:,]?\s*|\s+[^.:;,\"“”]{1,50}[:,]\s*"
                               rf"|\s+{_ADJUNCT},\s+{_ADJUNCT}:\s*")

_THAT = re.compile(r"\bthat\b")

_CLAUSE_AFTER_TAG = re.compile(
    r"\s+(?:(?:(?:reporters|him|her|them|(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
    r"\s+)?that\s(?!(?:night|day|morning|afternoon|evening|week|month|year|time)\b)"
    r"|(?!(?:in|on|at|during|after|before|with|from|to|of|for|by|as|while|when|last|this|"
    r"that|recently|later|earlier|again|also|then)\b)(?:[\w’'.“”\"-]+\s+){1,8}?"
    r"(?:would|will|is|was|were|are|has|had|have|could|should|must|did|does)\b)")

_CLOSING_MARKS = "”’\"'»"

_ADVERB_AT_END = re.compile(r"(?:\s+(?:often|once|also|later|again|then|still|[a-z]+ly))+$")

_RELATIVE_WORD = re.compile(r"\s(?:who|that|which)\s")

# An object and what the cue says of it: 'accused Holm of bias', 'called the plan a sham'.
_OWN_OBJECT_AFTER = re.compile(r"\s+(?!(?:on|in|at|during|last|this|after|before|to|from|"
                               r"earlier|later|again|also|then|when|while|as)\b)(?:[A-Z][\w’'.-]*"
                               r"(?:\s+[A-Z][\w’'.-]*){0,2}|him|her|them|it|the\s+\w+)\s+"
                               r"(?:of|as|for|an?)\s+\S")

# A title in the sentence's opening phrase: 'Later on "Night Desk," ...'.
# 'on "Night Desk,"', and with the title's owner: 'on Fox News Channel's "Hannity,"'.
_TITLE_AFTER_PREPOSITION = re.compile(r"\b(?:on|in|at|during)\s+(?:(?:[\w.-]+\s+){0,4}?"
                                      r"[\w.-]+[’']s\s+)?$")

_RELATIVE_AFTER_TAG = re.compile(r",\s*(?:who|which)\s")

_DASH_SIGNATURE = re.compile(r"\s*[―—–]\s*([A-Z][\w’'_-]*(?: [A-Z][\w’'_-]*){0,3})")


def after_quote(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'"...," he said' and '"...," said Viktor Bondarev, a descriptor'."""
    i = bisect_right(ctx.quote_starts, cue.start) - 1  # the last quote before the cue
    quote = ctx.quotes[i] if i >= 0 else None
    if quote is None or quote.end > cue.start or title_in_the_subject(ctx, quote, cue):
        return False  # 'Holm, host of the show "Night Desk," thanked ...': a title
    if quote.end < sentence.start and (ctx.text[quote.end:sentence.start].strip()
                                       or ctx.text[quote.start:quote.end].rstrip(
                                           _CLOSING_MARKS)[-1:] not in "?!"
                                       or _quote_of_its_own(ctx, cue, sentence)):
        # a quote ending in '?' or '!' ends its sentence: '"Why?" Kade said.'; but in
        # '"Why?" She answered, "No idea."' the answer is her own quote's
        return False

    # 'Rep. Ann Kade (D-Wis.) said': the party and state are no part of the phrase's shape.
    between = PARENTHESIS.sub("", ctx.text[quote.end:cue.start])
    if not _ONLY_COMMA.fullmatch(between):
        apposition = _PHRASE_AND_APPOSITION.fullmatch(between)
        phrase = apposition.group(1).strip() if apposition else between.strip(" ,")
        phrase = _ADVERB_AT_END.sub("", phrase)  # '"...," my father often said'
        between = _ADVERB_AT_END.sub("", between.rstrip()) + " "
        if not ((apposition or _COMMA_AND_PHRASE.fullmatch(between)) and
                subject(ctx, phrase) == phrase):
            return False
        if _CLAUSE_AFTER_TAG.match(ctx.text, cue.end, sentence.end):
            # 'On "Sunday Futures," Rep. Ann Kade said the party would ...': the quote is a
            # title before the sentence; the clause after the cue is the content
            return False
        if quote.start > sentence.start and (_OWN_OBJECT_AFTER.match(
                ctx.text, cue.end, sentence.end) or _TITLE_AFTER_PREPOSITION.search(
                ctx.text, max(sentence.start, quote.start - 50), quote.start)
                and QUOTED_TITLE.fullmatch(ctx.text, quote.inner_start, quote.inner_end)
                and not TAG_CLOSES_SENTENCE.fullmatch(ctx.text, cue.end, sentence.end)):
            # 'Bemoaning the "rigged system," Kade accused Holm of bias', 'Later on "Night
            # Desk," Holm questioned Kade's record': the cue has its own object, so the
            # quote before it is no part of what is reported
            return False
        phrase_start = ctx.text.find(phrase, quote.end, cue.start)
        speaker = ctx.resolver.resolve(phrase, phrase_start)
        if apposition and not speaker.label:  # '"...," Ann Kade, a lawyer, said'
            speaker = replace(speaker, label=apposition.group(2).strip(" ,"))
        tag_end = cue.end
    else:
        if cue.is_participle(ctx.text):
            return False  # '..."New York values," saying the city ...': a participle
        after = phrase_after(ctx, cue.end, sentence.end)
        if not after or VERB_LIKE.search(_RELATIVE_WORD.split(after[0])[0]):
            return False  # 'host of "Morning Show," argued the levy would fail': no tag
        tag_end = after[2]
        speaker = tag_speaker(ctx, after, sentence.end)
    relative = _RELATIVE_AFTER_TAG.search(ctx.text, tag_end, sentence.end)
    content_start = quote.inner_start
    if quote.start > sentence.start:  # sentences are trimmed: text stands before the quote
        content_start = sentence.start  # 'Pilots are well-trained and "...," he said'
    content_end = quote.inner_end if content_start == quote.inner_start else quote.end
    next_quote = ctx.first_quote_between(tag_end, sentence.end + 1)
    # '..., said Beck, who said ...': the relative clause is free to hold its own statement.
    region_end = relative.start() if relative else sentence.end
    form = "tag after the quote"
    if next_quote and _TAG_TO_NEXT_QUOTE.fullmatch(ctx.text[tag_end:next_quote.start]):
        content_end = next_quote.inner_end
        region_end = max(sentence.end, next_quote.end)
        if content_start == quote.inner_start:
            form = "quote split by its tag"
    ctx.add(cue, speaker, content_start, content_end, sentence, form,
              region=(min(content_start, quote.start), region_end))
    return True


def _quote_of_its_own(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """True when a quote follows the cue in its sentence: 'She answered, "No idea."'."""
    quote = ctx.first_quote_between(cue.end, sentence.end + 1)
    return quote is not None and bool(_LEAD_IN_TO_QUOTE.fullmatch(ctx.text, cue.end, quote.start))


def before_quote(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'X said: "..."' and 'X told Rossiya 24 television: "..."'."""
    quote = ctx.first_quote_between(cue.end, sentence.end + 1)
    if not quote:
        return False
    if quote.start - cue.end > 60:
        return False
    between = ctx.text[cue.end:quote.start]
    if not _LEAD_IN_TO_QUOTE.fullmatch(between):
        return False
    if len(between) > 12 and any(
            and_before(ctx.text, cue.end, later.start)
            and ctx.text[later.start].islower()
            for later in reporting_lexicon().cues(ctx.text, cue.end, quote.start)):
        return False  # 'called on her to resign and said, "..."': the later cue's quote
    if ANY_WORD_CHAR.search(ctx.text[quote.end:sentence.end]) and quote.end <= sentence.end:
        return False  # 'finds "..." in Russia's campaign' is a paraphrase with a quote
    phrase = subject_before(ctx, cue, sentence)
    opener_then_cue = ctx.text.startswith(", ", cue.start - 2) and not cue.is_participle(
        ctx.text)  # 'In other words, explained'; not ', calling for ...'
    if not phrase and (cue.start == sentence.start or opener_then_cue) and (
            between.rstrip().endswith(",") or opener_then_cue and between.rstrip()[-1:] == ":"):
        # 'Said Marsh, "..."' and 'In other words, explained Marsh: "..."': a tag inverted at
        # the clause's start names the speaker after it ('Said Marsh: "..."' opening a
        # paragraph is a transcript turn, see colons.speaker_turns)
        after = phrase_after(ctx, cue.end, quote.start, allow_determiner=False)
        phrase = after[:2] if after else None
    if cue.is_participle(ctx.text) and (ctx.text[max(0, cue.start - 4):cue.start].rstrip(
            ).endswith(",") or MESSAGE_BEFORE.search(
                ctx.text, max(sentence.start, cue.start - 40), cue.start)):
        # 'Kade posted a comment on Twitter, saying, "..."' and 'she released a statement
        # saying "..."': the clause's subject speaks, not the object or the message
        phrase = clause_subject(ctx, sentence.start, cue.start) or phrase
    if not phrase:
        return False
    speaker = ctx.resolver.resolve(phrase[0], phrase[1])
    ctx.add(cue, speaker, quote.inner_start, quote.inner_end, sentence,
              "tag before the quote", region=(phrase[1], max(quote.end, sentence.end)))
    return True


def tag_before_next_quote(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Kade said in a statement. "..."': a tag that holds no content of its own reports
    the quote that opens the next sentence; 'The Courier reports:' at a paragraph's end
    reports the next paragraph."""
    if ctx.text[cue.end:sentence.end].strip() == ":" and (  # what \s*:\s* matches, told cheaper
            sentence.paragraph + 1 < len(ctx.doc.blocks)):
        return _tag_before_next_block(ctx, cue, sentence)
    quote = ctx.first_quote_between(sentence.end, sentence.end + 4)  # the rarest condition
    if quote is None or ctx.text[sentence.end:quote.start].strip():
        return False
    if ctx.text[max(0, sentence.start - 3):sentence.start].strip()[-1:] in _CLOSING_MARKS:
        return False  # '"... need?" Kade said.' is a tag after its quote
    rest = ctx.text[cue.end:sentence.end]
    if not TAG_CLOSES_SENTENCE.fullmatch(rest) or len(rest.split()) > 8 or _THAT.search(rest):
        return False
    phrase = _subject_opening_the_sentence(ctx, cue, sentence)
    if not phrase:
        return False
    following = ctx.sentence_at(quote.inner_start) or sentence
    if following is not sentence and reporting_lexicon().cues(ctx.text, quote.end, following.end):
        return False  # 'Others agreed. "...," said Lund.': the quote has its own tag
    speaker = ctx.resolver.resolve(phrase[0], phrase[1])
    ctx.add(cue, speaker, quote.inner_start, quote.inner_end, following,
            "tag before the quote of the next sentence", region=(phrase[1], quote.end))
    return True


def _subject_opening_the_sentence(ctx: DocumentContext, cue: Cue, sentence: Sentence
                                  ) -> tuple[str, int] | None:
    """The cue's subject when it opens the sentence: '..., Kade said.' closes its own
    content, so only 'Kade said ...' can report what follows."""
    phrase = subject_before(ctx, cue, sentence)
    if not phrase or ANY_WORD_CHAR.search(ctx.text, sentence.start, phrase[1]):
        return None
    return phrase


# What may open a sentence before the subject of 'X declared:' at a paragraph's end: a phrase
# and its comma ('In a 1963 speech, he declared:'), or a clause and a conjunction ('The
# Herald printed the claims, and the campaign responded:').
_OPENING_BEFORE_SUBJECT = re.compile(r"[^:;“”\"]*,\s*(?:(?:and|but)\s+)?")


def _tag_before_next_block(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    block = ctx.doc.blocks[sentence.paragraph + 1]
    phrase = subject_before(ctx, cue, sentence)
    if not phrase or ANY_WORD_CHAR.search(ctx.text, sentence.start, phrase[1]) and not (
            _OPENING_BEFORE_SUBJECT.fullmatch(ctx.text, sentence.start, phrase[1])):
        return False
    quote = ctx.quote_at(block.start)
    start, end = (quote.inner_start, quote.inner_end) if quote else (block.start, block.end)
    following = ctx.sentence_at(start) or sentence
    ctx.add(cue, ctx.resolver.resolve(phrase[0], phrase[1]), start, end, following,
            "tag before the next paragraph", region=(phrase[1], end))
    return True


def dash_signatures(ctx: DocumentContext) -> None:
    """A quote signed with a dash: '"We stay." ― Ann Kade' (reader comments, tweets,
    epigraphs)."""
    # A signed quote's region ends at its signature, before the next quote: what this pass
    # adds holds no later quote, so the statements found before it are all to ask.
    held = None
    for quote in ctx.quotes:
        match = _DASH_SIGNATURE.match(ctx.text, quote.end)
        if not match:
            continue
        if held is None:  # indexed before this pass adds any statement
            held = ctx.held_by_found()
        if held(quote.inner_start):
            continue
        sentence = ctx.sentence_at(quote.inner_start)
        if sentence is None or not looks_like_name(match.group(1)):
            continue
        speaker = ctx.resolver.resolve(match.group(1), match.start(1))
        cue = Cue(match.group(0).strip()[0], "neutral", "speech", "", match.start(),
                   match.start(1))
        ctx.add(cue, speaker, quote.inner_start, quote.inner_end, sentence,
                  "quote signed with a dash", region=(quote.start, match.end()))


_NARRATOR_GOES_ON = re.compile(r"\s+[a-z]+(?:ly)?\s+[a-z]")
_CONJUNCTION_OPENING = re.compile(r"(?:But|And|Yet|Still|So),?\s+")


def _aside_of(quoted: Statement, aside: Statement) -> bool:
    """'"A," said Lund, referring to the statute.', '"A," said Lund, who backs the levy.' and
    '"A," Lund said when asked about it.': a participle, a relative clause or the question
    put to the speaker after a quote's tag, in the same sentence."""
    return quoted.mode == "direct" and quoted.sentence is aside.sentence and (
        aside.start > quoted.end) and (aside.form == "question put to someone" or (
            quoted.speaker == aside.speaker and aside.form in (
                "participle after the tag", "speaker before the cue")))


def _reports_a_clause(ctx: DocumentContext, aside: Statement) -> bool:
    """'adding that she had fought for it' reports a statement; 'referring to the statute'
    only names what the quote is about."""
    return aside.cue.requires == "clause" or ctx.text[aside.cue.end:aside.start].strip() == "that"


def floating_quotes(ctx: DocumentContext) -> None:
    """A quoted sentence without a tag continues the previous quote's speaker."""
    by_start = sorted((s.start, s.end) for s in ctx.found)
    starts = [start for start, _ in by_start]
    by_end = sorted(ctx.found, key=lambda s: s.end)
    ends = [s.end for s in by_end]
    for quote in ctx.quotes:
        i = bisect_right(starts, quote.inner_start) - 1
        if i >= 0 and by_start[i][0] <= quote.inner_start < by_start[i][1]:
            continue
        sentence = ctx.sentence_at(quote.start)
        if sentence is None:
            continue
        after_but = _CONJUNCTION_OPENING.fullmatch(ctx.text, sentence.start, quote.start)
        if quote.start != sentence.start and not after_but:
            continue  # '"B."' and 'But "b."' open their sentence; '... called it "B."' does not
        inner = ctx.text[quote.inner_start:quote.inner_end]
        words = inner.split()
        if len(words) < 3 or not (inner[:1].isupper() or after_but) or all(
                w[:1].isupper() for w in words):
            continue
        if len(words) <= 5 and 2 * sum(w[:1].isupper() for w in words) >= len(words) and (
                _NARRATOR_GOES_ON.match(ctx.text, quote.end, sentence.end)):
            continue  # '"Sons of Varn" roots around in ...': a title the sentence is about
        j = bisect_right(ends, quote.start) - 1
        if j < 0:
            continue
        last = by_end[j]
        aside_goes_on = False
        if last.mode == "indirect" and j > 0 and _aside_of(by_end[j - 1], last):
            if _reports_a_clause(ctx, last):
                # '"A," Kade said, adding that B. "C."': C goes on with what she added
                aside_goes_on = True
            else:
                # '"A," said Lund, referring to the statute. "B."': the quote goes on past it
                j -= 1
                last = by_end[j]
        if last.mode == "indirect" and not aside_goes_on or (
                sentence.paragraph - last.paragraph > 1):
            continue
        if sentence.paragraph == last.paragraph and (last.mode == "direct" or aside_goes_on):
            # '"A," Kade said. "B."': one statement, as a split quote is one.
            ctx.continue_statement(last, quote)
            by_end.pop(j)
            ends.pop(j)
            k = bisect_right(ends, last.end)
            ends.insert(k, last.end)
            by_end.insert(k, last)
            continue
        cue = Cue("", "", last.cue.kind, "", quote.start, quote.start)
        ctx.add(cue, last.speaker_obj, quote.inner_start, quote.inner_end, sentence,
                  f'floating quote after a quote by "{last.speaker}"',
                  region=(quote.start, quote.end))
        added = ctx.found[-1]  # a later floating quote may continue this one
        k = bisect_right(ends, added.end)
        ends.insert(k, added.end)
        by_end.insert(k, added)
