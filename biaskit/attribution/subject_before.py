"""The speaker phrase right before a reporting cue: 'Ann Kade said', 'Kade on Monday
said', 'he's said', 'officials who spoke with the Courier said', 'X, star of the show "Gold
Rush," said'."""

from __future__ import annotations

import re

from biaskit.attribution.context import WINDOW, DocumentContext
from biaskit.attribution.mentions import (
    DETERMINERS,
    entity_words,
    is_people_phrase,
    looks_like_name,
    name_kind,
)
from biaskit.attribution.phrases import (
    BETWEEN_SPEAKER_AND_CUE,
    COORDINATORS,
    LEADING_CONJUNCTION,
    NOUN_BEFORE,
    POSSESSIVE_ENDINGS,
    SEEM_TO,
    VERB_LIKE,
    antecedent,
    is_passive,
    owned,
    subject,
    without_sent_message,
)
from biaskit.attribution.quotes import Quote
from biaskit.attribution.reporting_verbs import Cue
from biaskit.corpus.sentences import Sentence

_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
_PERIODS = frozenset("week month year weekend".split())  # after 'last' or 'this'

# 'he's said', 'who've argued': a pronoun and a contracted auxiliary.
_PRONOUN_AND_AUXILIARY = re.compile(r"(he|she|it|they|we|i|you|who)('s|’s|'ve|’ve|'d|’d)")

# Verbs whose infinitive is the subject's own act: 'Kade tried to explain', 'went on to say'.
_BEFORE_TO = frozenset("try tries tried continue continues continued begin begins began start "
                       "starts started "
                       # 'Kade is trying to explain', 'has yet to endorse', 'was quick to say'
                       "trying continuing starting struggle struggles struggled "
                       "struggling fail fails failed failing quick careful eager moved rushed "
                       "hastened prompted pressed yet likely".split())
_DEGREE_BEFORE_TO = frozenset("more less most slightly much far all".split())
_GOES = frozenset("go goes went".split())

# Cues that after 'he's' read as passives: 'he's expected to', 'she's committed to'.
_PASSIVE_AFTER_IS = frozenset("call suppose expect commit consider view regard see".split())

_ADJECTIVE_AND = re.compile(r"[A-Z]?[a-z]+\s+and\s+")

# The name before an apposition: 'Ivo Lund, ', 'Democracy for Varn, '.
_NAME_BEFORE_APPOSITION = re.compile(r"\b((?:[A-Z][\w’'.-]*\s+(?:(?:of|for|the|and)\s+)?){0,4}"
                                     r"[A-Z][\w’'.-]*),\s+$")

# 'officials who spoke', 'leaders who'd rather', 'officials whose laws' (not 'voters who
# Kade said' or 'a panel that all agreed', where the clause has a subject of its own)
_RESTRICTIVE_RELATIVE = re.compile(r"\s+(?:who(?:['’](?:d|ve|s|re))?|whose|that)\s+"
                                   r"(?!(?:he|she|they|we|i|you|it|all|most|many|some|both|"
                                   r"few|none|several)\b)[a-z]")

# A clause of its own after the relative clause: 'States won the battles that preceded the
# vote because the Supreme Court refused ...' (the court refused).
_SUBORDINATOR = re.compile(r"\s(?:because|as|when|while|whereas|after|before|since|if|until|"
                           r"although|though|so)\s")

# A count before the people it counts: 'More than 6 in 10 Republicans'.
_COUNT_OF = re.compile(r"(?:(?:more|fewer|less)\s+than\s+|about\s+|nearly\s+|almost\s+|"
                       r"roughly\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+"
                       r"(?:in|out\s+of)\s+(?:\d+|three|four|five|six|seven|eight|nine|ten)\s+",
                       re.IGNORECASE)

# The people a relative clause may describe with no noun of their own: 'those who back Kade'.
_PEOPLE_PRONOUNS = frozenset("those others anyone everyone someone many some".split())

# A name closing a phrase: 'There are two reasons Varnland', 'nine things the Donald'.
_NAME_AT_END = re.compile(r"(?:\bthe\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*$")
# A clause's empty opening, no speaker: 'There is', 'There’s', 'That’s', 'It’s'.
EXPLETIVE = re.compile(r"(?:(?:There|there|Here|here)(?:['’](?:s|re|ll|d))?|"
                        r"(?:That|that|It|it|What|what|This|this)['’]s)(?:\s|$)")

# A quoted title in the subject phrase ('Ola Brenn, star of the TV show "Gold Rush," said'):
# a few words, the first capitalised, and the comma before the closing mark.
QUOTED_TITLE = re.compile(r"[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5},")
_TITLE_LEAD_IN = re.compile(r"(?:show|film|movie|book|series|program|programme|song|album|"
                            r"play|of|on|in|[’']s)\s+$")  # "host of MSNBC's "Morning Joe,""


def title_in_the_subject(ctx: DocumentContext, quote: Quote, cue: Cue) -> bool:
    """True when the quote right before the cue is a title inside the subject phrase, not
    what the speaker said: a few words with a comma before the closing mark, after 'show',
    'film', 'star of' and the like."""
    return not ctx.text[quote.end:cue.start].strip() and _is_title(ctx, quote)


def _is_title(ctx: DocumentContext, quote: Quote) -> bool:
    return bool(QUOTED_TITLE.fullmatch(ctx.text, quote.inner_start, quote.inner_end)) and bool(
        _TITLE_LEAD_IN.search(ctx.text, max(0, quote.start - 10), quote.start))


def _passive_after_is(ctx: DocumentContext, cue: Cue, contraction: re.Match) -> bool:
    """'it's supposed to', 'he's expected to', 'he's said to be', 'it's called': an 's that
    reads as 'is' before the cue. A person's 's before a report reads as 'has'."""
    if contraction.group(2) not in ("'s", "’s"):
        return False
    return contraction.group(1) not in ("he", "she", "who") or cue.lemma in _PASSIVE_AFTER_IS or (
        cue.kind != "thought" and ctx.text.startswith(" to ", cue.end))


def subject_before(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> tuple[str, int] | None:
    """The speaker phrase right before the cue, and where it starts."""
    lo = max(sentence.start, cue.start - WINDOW)  # a speaker phrase is short
    window = ctx.text[lo:cue.start]
    closing = max(window.rfind("”"), window.rfind('"'), window.rfind("’"))
    quote = ctx.quote_at(lo + closing) if closing >= 0 else None
    # 'Ivo Marsh, the author of "Deep Seams," about the mines, said': the apposition goes on
    # (not 'on "CBS This Morning," Sanders said': the subject follows an opening phrase)
    title = bool(quote) and _is_title(ctx, quote) and not ctx.text[
        quote.end:cue.start].strip()[:1].isupper()
    window_start = lo
    if quote and not title:
        window_start = lo + closing + 1
        window = ctx.text[window_start:cue.start]
    words = window.split()
    if title and not ctx.text[quote.end:cue.start].strip():
        words[-1] = words[-1].rstrip("”\"’'")  # the apposition ends at the title's comma
    last = words[-1].lower() if words else ""
    if last == "to" and len(words) > 2 and (
            words[-2].lower() in SEEM_TO or words[-2].lower() in _BEFORE_TO):
        del words[-2:]  # 'Kade seemed to suggest', 'Kade tried to explain': Kade does
        while len(words) > 1 and words[-1].lower() in _DEGREE_BEFORE_TO:
            words.pop()  # 'voters were slightly more likely to say', 'are all quick to'
        last = words[-1].lower()
    elif last == "to" and len(words) > 3 and words[-2].lower() == "on" and (
            words[-3].lower() in _GOES):
        del words[-3:]  # 'Kade went on to say'
        last = words[-1].lower()
    contraction = _PRONOUN_AND_AUXILIARY.fullmatch(last)
    if contraction and not _passive_after_is(ctx, cue, contraction):
        # 'he's said', 'who've argued': the pronoun and 'has' or 'have'
        words[-1] = words[-1][:contraction.end(1)]
        last = contraction.group(1)
    elif last in NOUN_BEFORE or last.endswith(POSSESSIVE_ENDINGS):
        return None  # 'the report', 'Amnesty's report', 'in support of': a noun, not a verb
    form = ctx.text[cue.start:cue.end]
    if is_passive(last, form):
        return None  # 'Kade was favoured to win': the subject is not the speaker
    # 'Kade on Monday said'; but 'The report, published on Monday, said' ends an apposition.
    # ('is often described': stop at a passive 'is')
    words_before_the_loop = len(words)
    while words and not is_passive(last, form) and (last in BETWEEN_SPEAKER_AND_CUE or (
            last in _WEEKDAYS) or (
            last.rstrip(",").endswith("ly") and words[-1].islower() and len(words) > 1
            and last.rstrip(",") not in entity_words()["people"]  # 'a Kade ally, said'
            and not (last.endswith(",") and (  # 'speaking at the rally, said'
                owned(words[-2]) or words[-2].lower() in DETERMINERS))) or (
            last in _PARTS_OF_DAY and len(words) > 2 and words[-2].lower() in _WEEKDAYS) or (
            last in _PERIODS and len(words) > 2 and words[-2].lower() in ("last", "this")
            and words[-3].lower() not in DETERMINERS)):  # not 'the last week has shown'
        right_before_cue = len(words) == words_before_the_loop
        if words.pop().endswith(",") and right_before_cue and words and not (
                words[-1].endswith(",")):
            # 'Kade, who has clashed with Lund repeatedly, said': the adverb goes, and the
            # comma that closes the relative clause stays (not in 'he truly, truly wants')
            words[-1] += ","
        if last in _PERIODS:
            words.pop()  # 'Kade, a Marsh backer, last week said', 'A poll last month showed'
        if words and words[-1].lower() == "on":
            words.pop()
        if last in _WEEKDAYS and len(words) > 1 and words[-1].endswith("ed"):
            words.pop()  # 'A report published Wednesday said': the participle goes too
        last = words[-1].lower() if words else ""
    if words and is_passive(last, form):
        return None  # 'Moscow has been accused of': the subject is not the speaker
    if last.lstrip(",") in COORDINATORS:
        return None  # 'Kade left early and said ...': the sentence's subject speaks
    if last[:4] in ("who'", "who’") and _PRONOUN_AND_AUXILIARY.fullmatch(last):
        last = "who"  # 'superdelegates who’ve already said': the adverb went first
    if words and last in ("which", "who", "that"):
        words.pop()  # a relative clause: '... Amnesty International, which claimed'
        tagged = _tag_speaker_before(ctx, window, window_start)
        if tagged:
            return tagged  # '"...," said Ann Kade, a lawyer, who said': Kade, not the lawyer
        phrase = antecedent(" ".join(words).rstrip(","))
        found = window.rfind(phrase) if phrase and not EXPLETIVE.match(phrase) else -1
        if found < 0:
            return None  # (not 'There’s nothing that suggests': nobody suggests)
        named = _NAME_BEFORE_APPOSITION.search(window, 0, found) if phrase.startswith(
            ("a ", "an ")) else None
        if named:
            # 'Ivo Lund, a Republican who voted for Kade,': Lund voted, not 'Republican'
            name = named.group(1).removeprefix("The ")
            person = name.split(" of ")[0]
            head = person.split()[-1].lower()
            if " of " in name and looks_like_name(person) and name_kind(person) == "person" and (
                    head not in entity_words()["title"] and head not in entity_words()["people"]):
                # 'Gov. Ivo Marsh of Varn, a Republican who ...': Marsh; not 'National
                # Director of the Varn Project, a group that ...'
                name = person
            elif not looks_like_name(name):
                name = name.split(" of ")[-1].split(" for ")[-1]
            if looks_like_name(name):
                return name, window_start + named.end(1) - len(name)
        return phrase, window_start + found
    trimmed = " ".join(words)
    if len(words) > 3 and cue.kind != "evidence":
        trimmed = without_sent_message(trimmed)  # 'she released a statement saying'
    if not trimmed:
        return None
    phrase = subject(ctx, trimmed)
    if not phrase or _in_a_restrictive_relative(trimmed, phrase):
        # 'those who back her rivals say': the people before 'who' speak, not a phrase of
        # the clause ('an investor who gave to PACs backing Kade': a participle after a noun
        # takes no subject from after a comma)
        phrase = _before_relative_clause(ctx, trimmed, not cue.is_participle(ctx.text)) or phrase
    if phrase and EXPLETIVE.match(phrase):
        # 'There is no record showing ...' names nobody; 'There are reasons Israel refuses'
        # names the subject of its clause at its end
        named = _NAME_AT_END.search(phrase, EXPLETIVE.match(phrase).end())
        phrase = named.group() if named else ""
    if not phrase:
        return None
    found = window.rfind(phrase)
    return (phrase, window_start + found) if found >= 0 else None


def _tag_speaker_before(ctx: DocumentContext, window: str, window_start: int
                        ) -> tuple[str, int] | None:
    """The speaker of a statement whose tag ends where this relative clause begins."""
    comma = window_start + window.rfind(",")
    for statement in ctx.found[-2:]:
        # Only a quote tag's region ends at its speaker: '"...," said Kade, who said'.
        if statement.region[1] == comma and statement.form.startswith(("tag after",
                                                                             "quote split")):
            name = statement.speaker
            found = window.rfind(name)
            if found >= 0:
                return name, window_start + found
    return None


def _in_a_restrictive_relative(words: str, phrase: str) -> bool:
    """Whether the phrase stands in a relative clause without commas that ends the words
    (not in 'Voters who backed Kade, Lund said, ...', where a subject of its own follows)."""
    relative = _RESTRICTIVE_RELATIVE.search(words)
    return bool(relative) and words.rfind(phrase) > relative.start() and not any(
        mark in words[relative.start():] for mark in ",;:—–") and not (
        _SUBORDINATOR.search(words, relative.end()))


def _before_relative_clause(ctx: DocumentContext, words: str, after_a_comma: bool = True
                            ) -> str:
    """'An official who asked to be identified only by rank said': the noun phrase before a
    relative clause without commas, when it names people, a source or someone."""
    match = _RESTRICTIVE_RELATIVE.search(words)
    if not match:
        return ""
    head = words[:match.start()]
    after_a_break = max(head.rfind(", "), head.rfind("; "), head.rfind(": "))
    if after_a_break >= 0 and after_a_comma:
        # '..., while the web is vast, people who battle threats say': the phrase after the
        # comma, when no verb or participle in it says it goes on with the clause before
        head = head[after_a_break + 2:]
        if any(VERB_LIKE.fullmatch(word) or word.endswith(("ed", "ing")) for word in (
                head.split()) if word.islower()):
            return ""
    head = LEADING_CONJUNCTION.sub("", head)  # 'But officials who ...'
    found = subject(ctx, head)
    if not found or found != head and not (  # 'Past and present aides who ...'
            head.endswith(found) and _ADJECTIVE_AND.fullmatch(head, 0, len(head) - len(found))
    ) and not (  # 'Kade and others who ...'
            head.endswith(f" and {found}") and looks_like_name(head[:-len(found) - 5])):
        return ""
    last = head.split()[-1].lower()
    kinds = entity_words()
    counted = _COUNT_OF.match(head)
    return head if (is_people_phrase(head[counted.end():] if counted else head)
                    or last in kinds["source"] or last in _PEOPLE_PRONOUNS
                    or last in kinds["organisation"] or looks_like_name(head)) else ""
