"""Forms whose tag closes the sentence: '..., the ministry said.', '..., said Ann Kade, a
lawyer.' and '..., according to X.' (or 'According to X, ...')."""

from __future__ import annotations

import re

from biaskit.attribution.clauses import NEW_CLAUSE
from biaskit.attribution.context import WINDOW, DocumentContext
from biaskit.attribution.mentions import PRONOUNS, entity_words, is_people_phrase
from biaskit.attribution.phrases import (
    ANY_WORD_CHAR,
    NOT_SPEAKER_END,
    PASSIVE_AUXILIARIES,
    VERB_LIKE,
    looks_like_name,
    subject,
    subject_chain,
)
from biaskit.attribution.reporting_verbs import Cue
from biaskit.attribution.tag_phrases import POST_MODIFIER_AFTER_TAG, phrase_after, tag_speaker
from biaskit.corpus.sentences import Sentence

_THAT = re.compile(r"that(?<!\wthat)(?!\w)")  # \bthat\b, but starting with its letters

_BARE_NOUN_PHRASE = re.compile(r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,3}")

TAG_CLOSES_SENTENCE = re.compile(
    r"\s*(?:(?:in|on|at|during|via|to|from|late|early|last|this|next|yesterday|today|tonight|"
    r"after|before|by|with|of|about|for|when|while|as|earlier|later|recently|afterward|"
    r"afterwards|again|also|repeatedly|privately|publicly|then|\w+day)\b[^,;]*)?[.!?]?[\"”’]?\s*")

# not who or which: "sources who saw it said", "..., for which he apologized."
_RELATIVE_WORD = re.compile(r"(?:^|\s)(?:whom|whose)\s")

_AUXILIARY_FIRST = re.compile(r"(?:is|are|was|were|has|have|had|would|will|could|can|should|"
                             r"must|may|might|did|does|do)$")

_COMPLEMENT = re.compile(r"\s+(?:to|about)\s")
_PREPOSITIONAL_COMPLEMENT = re.compile(r"\s+(?:for|of|on|with|against|in)\s")

_CLAUSE_END = re.compile(r"[,;:(—–]")

# Cues whose phrase after them is who is spoken to, never the speaker.
_ADDRESSEE_FOLLOWS = frozenset(("tell", "inform", "notify", "remind", "assure", "brief"))

# Who is told: 'reporters', 'CNN', 'The Associated Press', 'a Senate panel', 'her
# supporters in Iowa' (up to a time, place or the sentence's end).
_ADDRESSEE = re.compile(r"\s+(?:(?:the|The|a|an|his|her|their|its)\s+)?"
                        # no verb among its words: 'told reporters this was the last week'
                        r"(?:(?!(?:is|was|are|were|has|had|have|will|would)\b)[\w’'.-]+\s+){0,3}?"
                        r"[\w’'.-]+(?=\s+(?:on|in|at|during|last|earlier|later|\w+day|"
                        r"this\s+(?:week|month|year|morning|afternoon|evening|weekend))\b"
                        r"|[,.;!?]?[\"”’]?\s*$)")

_ADVERBS_AFTER_AUXILIARY = re.compile(r"(?:\s+(?:[a-z]+ly|often|also|still|now|long|once))+$")

_TAG_THEN_PARTICIPLE = re.compile(r"[^,;]*(,\s+[a-z]+ing\b.*)$", re.DOTALL)

# A party and state, or any short aside, in brackets after a name: 'Sen. Ivo Marsh (R-Varn)'.
PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)")

# A clause of time after a tag: '..., Kade told her aides as she wrote the speech.'
_TIME_CLAUSE_AFTER_TAG = re.compile(r",?\s+(?:as|while|when|after|before)\s+"
                                    r"(?:(?:he|she|they|we|I)\s+[a-z]+|"
                                    r"the\s+\w+\s+[a-z]+(?:ed|s))\b[^\"“”:;]*$")

# After an inverted tag's name: its apposition, then maybe a relative clause, to the end.
_APPOSITION_TAIL = re.compile(r"(,\s*[^,;]{1,150}?)(?:,\s*(?:who|which)\b[^;]*)?[.!?]?[\"”’]?\s*$")
# A named speaker's longer description, commas and all ('said Ada Holm, director of the Varn
# Project at the University of Brenn, Varn.'), with no quote and no new clause in it.
_LONG_DESCRIPTION = re.compile(r",\s*(?:an?\s|the\s|[A-Z]|(?:[a-z]+\s+){0,4}(?:of|at|for|with)\s)"
                               r"[^;“”\"]{1,250}?[.!?]?\s*$")

# A prepositional phrase and nothing else before the comma: 'In 2008', 'Since then', 'At
# the same time, however'; what follows is the sentence's main clause. (Not 'About 270
# people ...', a quantity, nor 'After Kade left he ...' or 'Seeing it led him ...', clauses.)
# A concessive clause alone before the comma is no content either: in 'While Kade says the
# plant is safe, Brekke disagrees.' Brekke does not say that the plant is safe.
_OPENING_PREPOSITIONS = ("In", "On", "At", "By", "For", "With", "From", "Into", "Against",
                         "Among", "Between", "During", "Without", "Within", "Back", "Despite",
                         "Amid", "Following")
_OPENING_PHRASE = re.compile(
    r"(?:(?:But|And|Yet|So)\s+)?(?:(?:" + "|".join(_OPENING_PREPOSITIONS) + r")\b|"
    r"(?:Since|Before|After)\s+(?:then|that|[a-z]+ing)\b|(?:While|Although|Though|Whereas|"
    r"Even\s+though)\b)[^,;:\"“”]*"
    r"(?:,\s*(?:however|meanwhile|too|though|also|then)\s*)?")
# The words it can open with, tested first: most closing tags follow a sentence opening
# with none of them, and a str test costs far less than the match.
_OPENING_WORDS = tuple(f"{word} " for word in (*_OPENING_PREPOSITIONS, "But", "And", "Yet",
                                                "So", "Since", "Before", "After", "While",
                                                "Although", "Though", "Whereas", "Even"))


def end_tag(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Air strikes hit no civilians, the ministry said.' and '..., said X.'"""
    if sentence.end - cue.end > WINDOW:
        return False  # a closing tag is short
    comma = ctx.text.rfind(",", max(sentence.start, cue.start - WINDOW), cue.start)
    if comma > sentence.start and not ctx.text[comma + 1:cue.start].strip():
        return inverted_end_tag(ctx, cue, sentence, comma)
    if comma <= sentence.start or cue.is_participle(ctx.text):
        # No comma before the cue in its sentence ('Kade said that ...', most cues): no tag
        # closes it. Checked before the tag's rest is read, which is the costly part. And a
        # participle closes no sentence: 'Kade, however, wasted no time responding.'
        return False
    # '..., he said; his agents found them.' and '..., Kade said, but he added ...': the tag
    # closes the clause before a semicolon or a new clause with its own subject
    rest = ctx.text[cue.end:ctx.semicolon(cue.end, sentence.end)]
    new_clause = NEW_CLAUSE.search(rest)
    rest = rest[:new_clause.start()] + "." if new_clause else rest
    time_clause = _TIME_CLAUSE_AFTER_TAG.search(rest)
    if time_clause:
        rest = rest[:time_clause.start()] + "."
    if cue.lemma in _ADDRESSEE_FOLLOWS:  # '..., Kade told a Senate panel on Wednesday.'
        addressee = _ADDRESSEE.match(rest)
        rest = rest[addressee.end():] if addressee else rest
    participle = _TAG_THEN_PARTICIPLE.match(rest)
    if participle:  # '..., the company said on Monday, rejecting ...'
        rest = rest[:participle.start(1)] + "."
    if rest.count(" ") > 12 or _THAT.search(rest):
        return False
    if cue.requires in ("object", "as") or _COMPLEMENT.match(rest) or (
            cue.kind != "speech" and _PREPOSITIONAL_COMPLEMENT.match(rest)):
        # '..., voters want to limit it', '..., residents worry about it', '..., Kade
        # called.': what follows the verb is its complement, so the verb closes nothing
        return False
    head_after_comma = ctx.text[comma + 1:cue.start]
    phrase = head_after_comma.strip()
    if looks_like_name(ctx.text[sentence.start:comma].strip()):
        return False  # 'Ann Kade, the party's chair said ...': a subject, not content
    if ctx.text.startswith(_OPENING_WORDS, sentence.start) and _OPENING_PHRASE.fullmatch(
            ctx.text, sentence.start, comma):
        return False  # 'Since then, Germany has responded ...': the tag is the main clause
    if phrase:
        if not TAG_CLOSES_SENTENCE.fullmatch(rest):
            return False  # the tag must close the sentence: '..., the ministry said.'
        first = phrase.split()[0].lower()
        if _RELATIVE_WORD.search(phrase):
            return False  # '..., the preacher whom Kade accuses of ...': a relative clause
        if _AUXILIARY_FIRST.match(first):
            return False  # '..., Rep. Kade, would support ...': a verb phrase, no speaker
        # '..., inviting vicious ridicule', '..., 27, practically pleaded', 'very, very
        # worried': a participle or an adverb, no speaker
        participle = first.endswith("ing") and not first.endswith("thing")  # 'something she'
        adverb = first in ("very", "so", "too") or " " not in phrase and phrase.endswith(
            "ly") and phrase not in entity_words()["people"]
        bare_noun = _BARE_NOUN_PHRASE.fullmatch(phrase) and (
            phrase.split()[-1] not in NOT_SPEAKER_END) and first not in (
            "and", "but", "or", "so", "then", "which", "who", "that", "when", "while", "if",
            "as", "once", "after", "before", "until", "unless") and not VERB_LIKE.search(
            phrase) and not participle and not adverb
        # ('..., officials said.'; not '..., which is then denounced by X.')
        found = subject(ctx, phrase)
        if found != phrase and not bare_noun:
            if not (found and PARENTHESIS.fullmatch(phrase, len(found))):
                return False
            phrase = found  # 'Sen. Ivo Marsh (R-Varn) told ...': the name, not its party
        if _ADVERBS_AFTER_AUXILIARY.sub("", phrase).split()[-1].lower() in PASSIVE_AUXILIARIES:
            return False  # '..., Kade was favoured to win', '..., what is often described as'
        phrase_start = comma + 1 + head_after_comma.index(phrase)
        speaker = ctx.resolver.resolve(phrase, phrase_start)
    _drop_statements_inside(ctx, sentence, comma)
    ctx.add(cue, speaker, sentence.start, comma, sentence,
              "tag at the end of the sentence", region=(sentence.start, sentence.end))
    return True


_NESTED_FORMS = frozenset(("speaker before the cue", "second verb of the sentence's subject",
                           "participle after the clause",
                           # no one's: 'Kade seems to be winning, according to the Herald'
                           "impression with no source", "expectation with no source",
                           "report with no source"))


def _drop_statements_inside(ctx: DocumentContext, sentence: Sentence, end: int) -> None:
    """'Cruz, who has argued cases before the court, will do well, Kade said.': a statement
    read earlier inside what a closing tag reports is nested in it, and only the outer one
    counts (tests/gold/GUIDELINES.md, what is not a statement)."""
    first = len(ctx.found)  # the sentence's statements are the last found
    while first and ctx.found[first - 1].sentence is sentence:
        first -= 1
    if first < len(ctx.found):
        # Told by its cue, as its content may yet be cut at the tag (after the forms have
        # run). Only a subject's own clause is nested: a quote with its tag ('"We left," Kade
        # said, and that was that, Moro added.') and a question put ('Asked by the council to
        # testify, Marsh declined.') stay.
        ctx.found[first:] = [s for s in ctx.found[first:] if s.cue.start >= end
                             or s.mode != "indirect" or s.form not in _NESTED_FORMS]


# Evidence verbs whose inverted subject is a document, never a person: a person after them
# is what is shown ('..., noted Kade' and '..., confirmed Kade' are tags).
_SHOWN_AFTER = frozenset(("show", "demonstrate", "indicate"))


def inverted_end_tag(ctx: DocumentContext, cue: Cue, sentence: Sentence, comma: int) -> bool:
    """'..., said Ann Kade.' and '..., said Ann Kade, a lawyer at Jefferies, who ...'."""
    if subject_chain(ctx, sentence.start, cue.start):
        return False  # 'Its chair, Ann Kade, said ...': the subject, not the content
    if cue.lemma in _ADDRESSEE_FOLLOWS:
        return False  # 'Kade, in an interview, told Fox News that ...': Fox News is told
    after = phrase_after(ctx, cue.end, sentence.end)
    if not after or VERB_LIKE.search(after[0]):
        return False  # '..., said the figures were false' is not an inverted tag
    if after[0].split()[0] in ("and", "or"):
        return False  # '..., written and directed by Ada Holm': a passive, no tag
    if cue.is_participle(ctx.text):
        return False  # '..., allowing her to build a lead': a participle, not a tag
    if after[0][:1].islower() and after[0].split()[0].endswith(("ing", "ed")):
        return False  # '..., proposed enforcing a no-fly zone over Syria': a clause
    if after[0].split()[0].lower() in PRONOUNS and " " in after[0]:
        return False  # 'Ann Kade, a director, said she ...': a clause, not an inverted tag
    if cue.lemma in _SHOWN_AFTER and not any(
            word.lower() in entity_words()["source"] for word in after[0].split()):
        return False  # 'A poll, taken in May, shows Kade with 47 percent': Kade is shown
    if after[0].split()[0] in ("a", "an") and not is_people_phrase(after[0]):
        return False  # 'Ann Kade, a candidate, tweeted a warning.': the object, nobody
    tag_end = after[2]
    modifier = POST_MODIFIER_AFTER_TAG.match(ctx.text, tag_end, sentence.end)
    if modifier:  # '..., said a source close to the talks.': the source's description
        tag_end = modifier.end()
    clause_end = _CLAUSE_END.search(ctx.text, tag_end, sentence.end)
    if VERB_LIKE.search(ctx.text, tag_end, clause_end.start() if clause_end else sentence.end):
        return False  # '..., said tensions in the state were high': a clause follows
    if not TAG_CLOSES_SENTENCE.fullmatch(ctx.text, tag_end, sentence.end):
        tail = _APPOSITION_TAIL.match(ctx.text, tag_end, sentence.end)
        named = looks_like_name(after[0]) or after[0].split()[-1][:1].isupper()
        if tail and (named or is_people_phrase(after[0])):
            tag_end = tail.end(1)  # a relative clause after the tag is free to hold cues
        elif named and _LONG_DESCRIPTION.match(ctx.text, tag_end, sentence.end) and not (
                NEW_CLAUSE.search(ctx.text, tag_end, sentence.end)):
            tag_end = sentence.end
        else:
            return False  # 'The report, published this week, said ...'
    speaker = tag_speaker(ctx, after, sentence.end)
    _drop_statements_inside(ctx, sentence, comma)
    ctx.add(cue, speaker, sentence.start, comma, sentence,
              "tag at the end of the sentence", region=(sentence.start, tag_end))
    return True


# ', he noted, ' and ', Kade said on Monday, ': a short subject, the cue, maybe a time or place.
_PARENTHETICAL_SUBJECT = re.compile(r",\s+((?:[\w’'.-]+\s+){0,4}?[\w’'.-]+)\s+$")
_PARENTHETICAL_CLOSE = re.compile(r"(?:\s+(?:in|on|at|last|this|earlier|later|recently|"
                                  r"\w+day)\b[^,;.]{0,30})?\s*,\s+(?![a-z]+ing\b)"
                                  # '..., he refused, which prompted ...': a clause, no tag
                                  r"(?!(?:which|who|whom|whose)\b)(?=\S+\s+\S)")

# 'he reportedly', 'she later': adverbs between a tag's speaker and its verb.
_ADVERBS_AT_END = re.compile(r"(?:\s+(?:[a-z]+ly|later|then|also|again|once))+$")


def parenthetical_tag(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'The levy, he noted, has long been unpopular.': a tag set off by commas inside the
    sentence it reports, which is the content on both sides of it."""
    if sentence.end - sentence.start > 2 * WINDOW or ctx.text.find(",", cue.end,
                                                                    cue.end + 40) < 0:
        # the whole sentence is the content: a sentence of ordinary length; and a comma
        # closes the tag
        return False
    opening = _PARENTHETICAL_SUBJECT.search(ctx.text, max(sentence.start, cue.start - 60),
                                            cue.start)
    if not opening or not ANY_WORD_CHAR.search(ctx.text, sentence.start, opening.start()):
        return False
    close = _PARENTHETICAL_CLOSE.match(ctx.text, cue.end, sentence.end)
    if not close or NEW_CLAUSE.match(ctx.text, ctx.text.rfind(",", cue.end, close.end())):
        return False  # '..., Kade said, but he added ...': a new clause, no tag inside one
    phrase = _ADVERBS_AT_END.sub("", opening.group(1))
    if phrase.lower() not in PRONOUNS and subject(ctx, phrase) != phrase:
        return False
    if ctx.quote_at(opening.start() - 1) is not None:
        return False  # '"A," she said, "B."' is a quote split by its tag
    speaker = ctx.resolver.resolve(phrase, opening.start(1))
    ctx.add(cue, speaker, sentence.start, sentence.end, sentence,
            "tag set off by commas inside the sentence", region=(sentence.start, sentence.end))
    return True


# ', according to X, the police have ...': the sentence goes on after the source.
_CLAUSE_GOES_ON = re.compile(r"[^,;.!?]{0,60}?,\s+(?![a-z]+ing\b)(?!(?:which|who|whom|whose)\b)"
                             r"[\w“\"‘'’-]+\s+\S")


# The rest of an opening source, up to its comma: ' in the news media, '.
_SOURCE_GOES_ON = re.compile(r"\s+(?:in|on|at|during|via|from|of|with|by)\s[^,;:.!?\"“”]{1,60},\s*")
_LIST_GOES_ON = re.compile(r",\s+(?:[\w’'-]+,\s+){0,3}[\w’'-]+,?\s+(?:and|or)\s+[\w’'-]+(?=,)")
_CONJUNCTION_BEFORE = re.compile(r"(?:^|\b(?:because|that|but|and|while|if|so|although|though|"
                                 r"since|when|But|And|Yet|So|Still|Now|Also|Meanwhile|Instead|"
                                 r"Indeed|However|Then|Even),?)\s*$")

_AUTHOR_AFTER = re.compile(r"\s+(?:from|by)\s+(?:the\s+)?[^,.;:!?\"“”\s][^,.;:!?\"“”]{0,58}"
                           r"(?<=\w)")


def according_to(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'..., according to X.' and 'According to X, ...': any noun phrase is the source
    ('according to early returns', 'according to experts')."""
    after = phrase_after(ctx, cue.end, sentence.end, any_word=True)
    if not after:
        return False
    phrase, phrase_start, tag_end = after
    author = _AUTHOR_AFTER.match(ctx.text, tag_end, sentence.end)
    if author and phrase.split()[-1].lower() in entity_words()["source"]:
        # 'according to a statement from the company': the source and who wrote it
        tag_end = author.end()
        phrase = ctx.text[phrase_start:tag_end]
    listed = _LIST_GOES_ON.match(ctx.text, tag_end, sentence.end)
    if listed:  # 'according to interviews with his friends, aides and allies, ...'
        tag_end = listed.end()
        phrase = ctx.text[phrase_start:tag_end]
    speaker = ctx.resolver.resolve(phrase, phrase_start)
    opens_after_colon = ctx.text.startswith(": ", cue.start - 2)  # 'It is clear: According to'
    # 'But according to X, ...' and '..., because, according to X, ...' open what X says
    opens = opens_after_colon or _CONJUNCTION_BEFORE.search(ctx.text, sentence.start, cue.start)
    if ANY_WORD_CHAR.search(ctx.text, sentence.start, cue.start) and not opens:
        start, end = sentence.start, cue.start
        if _CLAUSE_GOES_ON.match(ctx.text, tag_end, sentence.end):
            end = sentence.end  # 'For two winters, according to Varn Watch, pumps ran dry'
        else:
            _drop_statements_inside(ctx, sentence, end)
    else:
        start, end = tag_end, sentence.end
        rest = not VERB_LIKE.search(phrase) and _SOURCE_GOES_ON.match(
            ctx.text, tag_end, sentence.end)
        if rest:  # 'According to reports circulating in the press, he ...': after the comma
            start = rest.end()
    ctx.add(cue, speaker, start, end, sentence, '"according to"',
              region=(sentence.start, sentence.end))
    return True


# 'As Kade said,', and after an opening word: 'Of course, as Kade observed,'
_AS_OPENING = re.compile(r"\s*(?:As|(?:And|But|Yet|So|Still|Now|Indeed|However|Of\s+course|"
                         r"After\s+all|In\s+fact),?\s+as)\s+(\S.*?)\s*$", re.DOTALL)

_EXAMPLES_AT_END = re.compile(r",\s*(?:including|like|such\s+as)\s[^,;]*,?\s*$")
_AUXILIARY_AT_END = re.compile(r"(?:\s+(?:have|has|had|also|often|repeatedly|long|previously|"
                               r"recently|already|first|once))+$")

_AS_CLOSING = re.compile(r",[\"”’']{0,2}\s*as\s+(\S[^,;]*?)\s*$")  # ', as' and '," as'

# The cue, maybe a time or an addressee, then the comma: not 'As Soviet states and neighbors,'.
_TAG_THEN_COMMA = re.compile(r"(?:\s+(?!(?:and|or)\b)[^,;.]{0,40}?)?,\s*")

# What may stand between an 'as' tag's cue and its comma: 'As Kade said in May,', 'As Kade
# wrote last week,'.
_ADJUNCT_WORDS = frozenset("in on at during last this earlier before after to about yesterday "
                           "today tonight recently often again once just only first already "
                           "then later here there now above below elsewhere with via by for "
                           "from over through himself herself themselves itself".split())

# 'As the day went on, ...' and 'as the talks continued': time passing, not a tag.
_DURATION_VERBS = frozenset(("go on", "continue"))


# 'As reported by the Herald, ...', 'As stated in Kade's letter, ...': the source after the cue.
_AS_PASSIVE_OPENING = re.compile(r"\s*As\s+(?:first\s+|previously\s+|originally\s+)?$")
_SOURCE_THEN_COMMA = re.compile(r"\s+(?:by|in)\s+([^,;.]{2,80}?)\s*,\s*")


def as_tag(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'As Kade said, the plan is dead.', 'The plan is dead, as Kade said.' and 'As reported
    by the Herald, the plan is dead.'"""
    if cue.lemma in _DURATION_VERBS:
        return False
    # An "as" phrase is short: only the WINDOW before the cue is read, so that a sentence
    # thousands of words long is not read again for each of its cues.
    near = cue.start - sentence.start <= WINDOW
    base = sentence.start if near else cue.start - WINDOW
    before = ctx.text[base:cue.start]
    # Both opening patterns need an 'As', which most windows lack: a str test spares them.
    opens_with_as = near and ("As" in before or " as " in before)
    source = opens_with_as and _AS_PASSIVE_OPENING.fullmatch(before) and _SOURCE_THEN_COMMA.match(
        ctx.text, cue.end, sentence.end)
    if source:
        speaker = ctx.resolver.resolve(source.group(1), source.start(1))
        ctx.add(cue, speaker, source.end(), sentence.end, sentence, '"as" with the tag',
                region=(sentence.start, sentence.end))
        return True
    opening = _AS_OPENING.match(before) if opens_with_as else None
    closing = None if opening else _AS_CLOSING.search(before)
    match = opening or closing
    if match is None:
        return False
    # 'As many experts, including Ann Kade, have pointed out, ...': the experts
    phrase = _EXAMPLES_AT_END.sub("", _AUXILIARY_AT_END.sub("", match.group(1)))
    if not phrase or subject(ctx, phrase) != phrase:
        return False
    phrase_start = base + match.start(1)
    if opening:
        comma = _TAG_THEN_COMMA.match(ctx.text, cue.end, sentence.end)
        if comma is None:
            return False
        between = comma.group().rsplit(",", 1)[0].split()
        if between and cue.lemma not in _ADDRESSEE_FOLLOWS and not (
                between[0].lower() in _ADJUNCT_WORDS or between[0].endswith("ly")
                or between[0].endswith("day")):
            return False  # 'As Kade mocked his rival, Lund said ...': a clause with its object
        start, end = comma.end(), sentence.end
    else:
        if not TAG_CLOSES_SENTENCE.fullmatch(ctx.text, cue.end, sentence.end):
            return False
        start, end = sentence.start, base + match.start()
    speaker = ctx.resolver.resolve(phrase, phrase_start)
    ctx.add(cue, speaker, start, end, sentence, '"as" with the tag',
            region=(sentence.start, sentence.end))
    return True
