"""Forms whose speaker comes first: 'Kade denied that ...', a second verb of the same
subject ('Kade left and said ...'), a participle after the clause ('..., saying ...') or in
an aside ('After saying ..., Kade left')."""

from __future__ import annotations

import re

from biaskit.attribution.clauses import clause_subject, end_of_opening_clause, main_clause
from biaskit.attribution.context import DocumentContext
from biaskit.attribution.cue_requirements import content_start, requirement_met
from biaskit.attribution.cue_use import participle_modifier
from biaskit.attribution.forms.infinitives import object_made_to_speak
from biaskit.attribution.mentions import (
    QUANTIFIERS,
    WEEKDAY,
    entity_words,
    is_people_phrase,
    looks_like_name,
)
from biaskit.attribution.phrases import (
    MESSAGE_BEFORE,
    PREPOSITION_BEFORE_PARTICIPLE,
    VERB_LIKE,
    adjectives_of_one_noun,
    and_before,
    subject_chain,
)
from biaskit.attribution.phrases import subject as phrase_subject
from biaskit.attribution.reporting_verbs import Cue
from biaskit.attribution.speakers import Speaker
from biaskit.attribution.subject_before import EXPLETIVE, subject_before
from biaskit.corpus.sentences import Sentence

# Where the narrator's context after a denial or an accusation begins: '..., though records
# show ...', '... amid protests'.
_NARRATOR_CONTEXT = re.compile(r"\s(?:after|despite|amid|following)\s|;"
                               r"|,\s+(?:though|although|but)\s")

_COMMA_THEN_CUE = re.compile(r"\s*,\s*$")

_ANONYMITY = re.compile(r"(?:anonymity|not to be (?:named|identified))\b")

_RELATIVE_AFTER_COMMA = re.compile(r"\s*,\s*(?:which|who)\b")

_IN_RELATIVE_CLAUSE = re.compile(r"(?:,\s*|\b[A-Za-z][a-z]+\s+)(?:who|which)\s+"
                                 r"(?:[\w’'.-]+\s+){0,4}$"
                                 # 'The Varn Bank, a lender that backed Kade, said'
                                 r"|,\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){1,4}that\s+"
                                 r"(?:[\w’'.-]+\s+){0,4}$")

# The main verb after a relative clause without commas that has a verb of its own: 'advisers
# who have studied the counts argue that by May, ...' (what they argue goes on past the comma).
_AFTER_ITS_RELATIVE_CLAUSE = re.compile(
    r"\b[A-Za-z][a-z]+\s+who\s+(?:(?:have|has|had|also|not|never|would|will|could)\s+)?"
    r"(?!(?:have|has|had|also|not|never|would|will|could|[a-z]+ly)\b)[a-z]+\s+[\w’'.-]+\s+"
    r"(?:[\w’'.-]+\s+){0,2}$")

_TIME_OR_PLACE_WORDS = ("on", "in", "at", "during", "late", "early", "last", "this", "earlier",
                        "later", "yesterday", "today", "tonight", "recently")
_ONLY_A_TIME_OR_PLACE = re.compile(
    r"(?:(?:" + "|".join(_TIME_OR_PLACE_WORDS) + r")\b\s*)+(?:\S+\s*){0,3}?[.!?]?[\"”’]?\s*")

# What is only a time, up to the content's own end: 'fired back in March, attacking ...',
# 'had been discussing for several weeks', 'decided during the past month' (the sentence-end
# test above misses one that a comma ends; this one names a time, not any phrase).
_MONTH = (r"(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Septem|Octo|Novem|Decem)ber")
_ONLY_A_TIME = re.compile(
    r"(?:over|for|during|in|on|at|since|until|throughout)\s+"
    r"(?:(?:the|a|an|this|that|last|past|next|several|few|many|two|three|recent|coming|"
    r"first|early|late)\s+)*"
    r"(?:weekends?|weeks?|months?|years?|moments?|days?|hours?|minutes?|primaries|"
    rf"morning|night|evening|afternoon|{WEEKDAY}|{_MONTH})"
    r"(?:\s+\d{4})?(?:\s*[.,;:!?]?[\"”’]?\s*$|,\s+[a-z]+ing\b|\s+and\s+(?:then\s+)?"
    r"(?:said|says|told|tells|[a-z]+ed)\b)")

# Where and in what a cue of writing or saying was put, and nothing more: 'writing on
# Breitbart,', 'writing for the majority,', 'said in a statement provided to the Varn Post.'
# (what was said or written stands elsewhere in the sentence, or before it).
_ONLY_A_MEDIUM = re.compile(
    r"(?:in|on|for)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:(?:written|brief|short|"
    r"new|joint|separate|lengthy|long)\s+)?(?P<head>statement|memo|letter|e-?mail|tweet|post|"
    r"op-ed|column|blog|article|note|message|filing|release|majority|[A-Z][\w.’'-]*)"
    r"(?:\s+(?:[A-Z][\w.’'-]*|of|the|a|in|at|to|provided|sent|[\d-]+|decision|ruling|case))*"
    r"\s*[.,;:!?]?[\"”’]?\s*$")


_PUNCTUATION = re.compile(r"[,:;]")


def only_a_medium(ctx: DocumentContext, cue: Cue, start: int, end: int) -> bool:
    """Whether a cue of writing or of 'say' has only its medium or venue for content."""
    if cue.kind != "writing" and cue.lemma != "say":
        return False
    if ctx.text.startswith("Writing by ", cue.start):
        return True  # '(Reporting by Ada Holm; Writing by Ivo Marsh)': a wire story's credits
    if not ctx.text.startswith(("in", "on", "for"), start):
        return False  # (most contents: the pattern's first word is tested without it)
    # (up to a comma: 'Kade, writing on Varnpost, said ...' goes on with the main verb)
    comma = _PUNCTUATION.search(ctx.text, start, end)
    medium = _ONLY_A_MEDIUM.match(ctx.text, start, comma.end() if comma else end)
    # ('said in Ames' is a place; a name after 'in' or 'on' is only a venue for writing)
    return bool(medium) and (cue.kind == "writing" or medium.group("head").islower())


_SENTENCE_SUBJECT = re.compile(
    r"\s*((?:(?:The|A|An|Its|His|Her|Their)\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")


def speaker_then_content(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'X denied bombing civilian targets', 'X said that ...'."""
    if participle_modifier(ctx, cue):
        return False
    subject = subject_before(ctx, cue, sentence)
    if not subject:
        return False
    comma_before = ctx.text.find(",", max(subject[1], cue.start - 4), cue.start) >= 0
    if comma_before and not cue.is_participle(ctx.text) and _COMMA_THEN_CUE.search(
            ctx.text, max(subject[1], cue.start - 4), cue.start) and (
            VERB_LIKE.search(subject[0]) and _COMMA_THEN_CUE.match(
                ctx.text, subject[1] + len(subject[0]), cue.start)
            or _speaker_follows(ctx, cue, sentence)
            and not subject_chain(ctx, subject[1], cue.start)):
        # 'The mine will close soon, said ...', 'Defending the town is his task, said Ann
        # Kade, a miner.': a clause, then an inverted tag; not 'Ann Kade, a lawyer, said ...'
        return False
    if not requirement_met(ctx, cue, sentence) and not _evidence_from_a_source(cue, subject[0]):
        return False
    speaker = ctx.resolver.resolve(subject[0], subject[1])
    start = content_start(ctx, cue, sentence)
    if ctx.text.startswith(")", start):
        return _tag_in_brackets(ctx, cue, sentence, speaker, subject[1], start)
    if start >= sentence.end or ctx.text.startswith(_TIME_OR_PLACE_WORDS, start) and (
            _ONLY_A_TIME_OR_PLACE.fullmatch(ctx.text, start, sentence.end)):
        return False  # 'Kade said on Monday.' reports no content
    if _RELATIVE_AFTER_COMMA.match(ctx.text, cue.end, sentence.end):
        return False  # 'he refused, which prompted a delay': the clause is about the act
    if ctx.text.startswith(("anonymity", "not to be "), start) and _ANONYMITY.match(
            ctx.text, start, sentence.end):
        return False  # 'an official, who requested anonymity to discuss ...', said ...
    end = ctx.semicolon(start, sentence.end)
    if not ctx.text[cue.end:start].strip().endswith("that") and cue.stance in (
            "denial", "accusation"):
        # What a denial denies ends where the narrator's context begins.
        context = _NARRATOR_CONTEXT.search(ctx.text, start, sentence.end)
        end = context.start() if context else end
    if ctx.text.startswith(",", cue.end) and end_of_opening_clause(
            ctx, sentence, cue.start, end) == cue.end:
        return False  # 'When asked whom she supported, Holm smiled': the main clause follows
    end = end_of_opening_clause(ctx, sentence, start, end)
    if end <= start:
        return False  # 'he said; his agents ...': nothing after the cue in its clause
    lo = max(sentence.start, cue.start - 40)
    # (a 'wh' is looked for first: the pattern, ending at the cue, is tried at every position)
    if (ctx.text.find("wh", lo, cue.start) >= 0 or ctx.text.find(" that ", lo, cue.start) >= 0
            ) and _IN_RELATIVE_CLAUSE.search(ctx.text, lo, cue.start) and not (
            _AFTER_ITS_RELATIVE_CLAUSE.search(ctx.text, lo, cue.start)):
        # 'Graham, who had endorsed Bush for president, spoke ...': the clause ends at a comma.
        comma = ctx.text.find(",", start, end)
        if comma > start and not ctx.quote_at(comma):
            end = comma
    if _ONLY_A_TIME.match(ctx.text, start, end) or only_a_medium(ctx, cue, start, end):
        return False  # and a participle or a second verb after it reports on its own
    ctx.add(cue, speaker, start, end, sentence, "speaker before the cue",
              region=(subject[1], end))
    return True


def _tag_in_brackets(ctx: DocumentContext, cue: Cue, sentence: Sentence, speaker: Speaker,
                     subject_start: int, closing: int) -> bool:
    """'The output (down a fifth, Holm says) worried the council': the tag closes a bracket,
    and what it reports is the bracket's text before the tag."""
    opening = ctx.text.rfind("(", sentence.start, subject_start)
    comma = ctx.text.rfind(",", opening, subject_start)
    if opening < 0 or comma <= opening + 1:
        return False
    ctx.add(cue, speaker, opening + 1, comma, sentence, "tag inside brackets",
            region=(opening, closing + 1))
    return True


# An inverted tag's speaker, up to the comma or stop that ends it: 'said Ann Kade, a miner',
# 'said a handful of miners.' (not a longer phrase: 'said the staff member who ...' is content).
_SPEAKER_THEN_END = re.compile(r"\s+((?:[\w’'.-]+\s+){0,4}?[\w’'.-]*\w)(?=\s*[,.!?])")


def _speaker_follows(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """Whether a speaker phrase, not content, comes right after the cue."""
    after = _SPEAKER_THEN_END.match(ctx.text, cue.end, sentence.end)
    # 'a handful of miners': the people after 'of'
    return bool(after and (looks_like_name(after.group(1)) or is_people_phrase(
        after.group(1).rsplit(" of ", 1)[-1])))


_INFINITIVE = re.compile(r"\bto\s+[a-z]+")

# 'WASHINGTON —', 'Washington (AFP) –', 'BEDFORD, N.H. (AP) —': where and from whom a story
# comes, before its first sentence's subject.
_DATELINE = re.compile(r"\s*(?:[A-Z][A-Z .'-]+(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)?|"
                       r"[A-Z][\w.' -]+(?=\s*\())\s*(?:\([A-Za-z.]{2,10}\)\s*)?[—–-]{1,2}\s+")


def _after_dateline(ctx: DocumentContext, sentence: Sentence) -> int:
    if all(ctx.text.find(dash, sentence.start, sentence.end) < 0 for dash in "—–-"):
        return sentence.start  # a dateline ends in a dash: most sentences need no match
    dateline = _DATELINE.match(ctx.text, sentence.start, sentence.end)
    return dateline.end() if dateline else sentence.start


def _evidence_from_a_source(cue: Cue, phrase: str) -> bool:
    """'The latest poll showed Kade leading': a poll, a study or a video shows what follows,
    with or without 'that'."""
    words = phrase.lower().split()
    return cue.kind == "evidence" and bool(words) and words[-1] in entity_words()["source"]


def coordinated_verb(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Kade left the party in 2015 and said he regretted nothing': a second verb of the
    sentence's subject."""
    coordinated = and_before(ctx.text, max(sentence.start, cue.start - 40), cue.start)
    if not coordinated or participle_modifier(ctx, cue) or adjectives_of_one_noun(
            ctx.text, coordinated.start(), cue.start, cue.end):
        return False  # 'the most significant and criticized move': an adjective
    subject = clause_subject(ctx, _after_dateline(ctx, sentence), coordinated.start())
    if subject and EXPLETIVE.match(subject[0]):
        return False  # 'There have been jabs, as when Kade ... and called him ...'
    first_verb = None if subject else _first_verb_of_the_subject(ctx, sentence, coordinated.start())
    if not (subject or first_verb) or not requirement_met(ctx, cue, sentence):
        return False
    if subject and ctx.text[cue.start:cue.end].lower() == cue.lemma and _INFINITIVE.search(
            ctx.text, subject[1], coordinated.start()):
        return False  # 'needed to come together and defend ...': an infinitive, no statement
    speaker = ctx.resolver.resolve(*subject) if subject else first_verb.speaker_obj
    start = content_start(ctx, cue, sentence)
    end = end_of_opening_clause(ctx, sentence, start, ctx.semicolon(start, sentence.end))
    if start >= end or _ONLY_A_TIME.match(ctx.text, start, end):
        return False
    ctx.add(cue, speaker, start, end, sentence, "second verb of the sentence's subject",
              region=(cue.start, end))
    return True


def _first_verb_of_the_subject(ctx: DocumentContext, sentence: Sentence, before: int):
    """The statement of 'Kade, speaking on the radio, called it "a farce," and said ...'
    whose speaker came before its cue: the subject the second verb shares, where an
    apposition hides it from a plain reading of the clause."""
    for statement in reversed(ctx.found[-3:]):
        if statement.sentence is sentence and statement.end <= before and (
                statement.form == "speaker before the cue"):
            return statement
    return None


_CLAUSE_OPENING = re.compile(r"\b(?:after|before|when|while|because|since)\s+")


def participle(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Russia began air strikes ..., saying it was acting ...': the subject speaks."""
    if not cue.is_participle(ctx.text):
        return False
    # room for a preposition and an adverb: 'responded by first saying'
    before = ctx.text[max(sentence.start, cue.start - 16):cue.start].rstrip()
    lo = _after_dateline(ctx, sentence)
    # ', saying', ',” saying', and 'responded by saying', 'left before claiming', and 'issued
    # a statement Tuesday saying'
    if not before.rstrip("\"”’'").endswith(",") and not PREPOSITION_BEFORE_PARTICIPLE.search(
            before):
        if not MESSAGE_BEFORE.search(ctx.text, max(sentence.start, cue.start - 40), cue.start):
            return False
        # '..., after Kade posted videos criticizing Lund': the sender is the subject of the
        # clause the message stands in
        openings = [m.end() for m in _CLAUSE_OPENING.finditer(ctx.text, lo, cue.start)]
        lo = openings[-1] if openings else lo
    # The sentence's subject, after any opening phrase: 'At a rally in Ames, Kade said A,
    # saying B' is Kade's, not 'At'.
    found = clause_subject(ctx, lo, cue.start)
    if found is None:
        subject = _SENTENCE_SUBJECT.match(ctx.text, lo, cue.start)
        if subject and phrase_subject(ctx, subject.group(1)) == subject.group(1) and (
                subject.group(1).lower() not in QUANTIFIERS):
            found = subject.group(1), subject.start(1)  # not 'On Sunday', 'When' or 'Eight'
    if not found or not requirement_met(ctx, cue, sentence):
        return False
    speaker = ctx.resolver.resolve(*found)
    start = content_start(ctx, cue, sentence)
    end = sentence.end
    if not ctx.text[found[1] + len(found[0]):cue.start].strip(" ,"):
        # 'Kade, citing the report, said ...': an aside between the subject and its verb,
        # whose content ends at its comma; the main verb reports on its own
        comma = ctx.text.find(",", start, sentence.end)
        if comma > 0 and _VERB_AFTER_ASIDE.match(ctx.text, comma + 1):
            end = comma
    if only_a_medium(ctx, cue, start, end):
        return False
    ctx.add(cue, speaker, start, end, sentence, "participle after the clause",
              region=(cue.start, end))
    return True


# The subject's own verb after an aside: ', said ...', ', later argued ...' (not ', and',
# ', the', ', who', a name or a pronoun, which go on with the aside or start a clause).
_VERB_AFTER_ASIDE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?!(?:and|or|but|the|a|an|his|her|its|their|"
                               r"who|which|that|he|she|it|they|we|including|as|in|on|at|for|"
                               r"with|from|to|by|of)\b)[a-z]+\b")


# 'After saying ...', 'While publicly saying ...': an opening that a participle reports in;
# ', after initially saying ...,': the same as an aside after the subject.
_ASIDE_WORDS = r"(?:after|while|before|upon)\s+(?:(?:initially|first|publicly|previously)\s+)?"
_OPENING_ASIDE = re.compile(r"(?i:" + _ASIDE_WORDS + ")")
_ASIDE_AFTER_SUBJECT = re.compile(r",\s*" + _ASIDE_WORDS + "$")


def participle_in_an_aside(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'After saying he was nervous, the man ...' and 'Kade, after initially saying he would
    not run, took ...': the main clause's subject speaks, and the aside holds the content."""
    if not cue.is_participle(ctx.text):
        return False
    lo = _after_dateline(ctx, sentence)
    start = content_start(ctx, cue, sentence)
    if _OPENING_ASIDE.fullmatch(ctx.text, lo, cue.start):
        end = main_clause(ctx, start, sentence.end)
        subject = clause_subject(ctx, end + 1, sentence.end) if end is not None else None
    else:
        aside = _ASIDE_AFTER_SUBJECT.search(ctx.text, lo, cue.start)
        end = ctx.text.find(",", start, sentence.end) if aside else -1
        phrase = phrase_subject(ctx, ctx.text[lo:aside.start()]) if end > start else ""
        subject = (phrase, ctx.text.rfind(phrase, lo, aside.start())) if phrase else None
    if not subject or not requirement_met(ctx, cue, sentence):
        return False
    ctx.add(cue, ctx.resolver.resolve(*subject), start, end, sentence, "participle in an aside",
            region=(cue.start, end))
    return True


# 'took to Twitter to say', 'went on the radio on Friday to say', 'tweeted Sunday to say': an
# infinitive of purpose after a place or a time; not 'refused to say' or 'wants to say'.
_PURPOSE_BEFORE_TO = re.compile(
    r"\b(?:Twitter|Facebook|Instagram|the\s+(?:air|floor|podium|stage|microphone|cameras?)|"
    rf"{WEEKDAY}|night|morning|afternoon|evening|later|again)"
    r",?\s+to\s+$")


# 'stood up at the meeting to say', 'came on the show to discuss', 'held a call to defend':
# an act whose purpose is the statement.
_ACT_BEFORE_TO = re.compile(
    r"\b(?:stood|stands|stand|came|comes|come|appeared|appears|appear|gathered|sat|met|"
    r"used|uses|use|held|holds|returned|returns|went|goes|go|rose|rises|"
    r"traveled|travelled|visited|visits|stepped)\s+[^,;:]{0,50}?\s+to\s+$")


def purpose_infinitive(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Kade took to Twitter on Friday to say the plan was dead': the sentence's subject."""
    lo = max(sentence.start, cue.start - 40)
    # (the pattern ends in 'to' and spaces, tested first: it is tried at every position)
    if not ctx.text[lo:cue.start].rstrip().endswith("to"):
        return False
    if not _PURPOSE_BEFORE_TO.search(ctx.text, lo, cue.start) and not (
            cue.kind in ("speech", "writing") and _ACT_BEFORE_TO.search(
                ctx.text, max(sentence.start, cue.start - 70), cue.start)):
        return object_made_to_speak(ctx, cue, sentence)
    subject = clause_subject(ctx, _after_dateline(ctx, sentence), cue.start)
    if not subject or "," in ctx.text[subject[1]:cue.start] or not requirement_met(
            ctx, cue, sentence):
        return False  # the subject and its verb stand in the infinitive's own clause
    start = content_start(ctx, cue, sentence)
    end = ctx.semicolon(start, sentence.end)
    if start >= end:
        return False
    ctx.add(cue, ctx.resolver.resolve(*subject), start, end, sentence,
            "infinitive of purpose", region=(subject[1], end))
    return True
