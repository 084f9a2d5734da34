"""When a reporting cue's form is not a report: a noun ('their attacks on Kade', 'garner
support', 'the White House press secretary') or a participle describing a noun ('groups
backed by the West')."""

from __future__ import annotations

import re

from biaskit.attribution.context import DocumentContext
from biaskit.attribution.mentions import PRONOUNS, QUANTIFIERS, entity_words, looks_like_name
from biaskit.attribution.phrases import (
    BETWEEN_SPEAKER_AND_CUE,
    NOUN_BEFORE,
    POSSESSIVE_ENDINGS,
    SURVEYED,
    subject_chain,
)
from biaskit.attribution.reporting_verbs import Cue
from biaskit.corpus.sentences import Sentence

_AGENT_OR_TARGET = re.compile(r"\s+(?:by\s|to\s+(?:the\s+)?[A-Z])")
# Speech cues whose participle before 'to X' describes a noun: 'delegates pledged to Lund'.
_TAKE_A_TARGET = frozenset(("pledge", "commit", "address", "promise", "dedicate", "liken"))


# ', published this week, said': a participle set off by commas, then the verb.
_COMMA_BEFORE = re.compile(r"[^\s,]\s*,\s*$")
# (not 'Vos, a lawyer, noted that in Oslo, ...': a clause after 'that' is what was noted)
_APPOSITION_TO_COMMA = re.compile(r"(?!\s+that\s)[^,.;:\"“”]{0,40},")


def participle_modifier(ctx: DocumentContext, cue: Cue) -> bool:
    """True for a past participle that describes a noun instead of reporting: 'groups backed
    by the West', 'rebels opposed to Assad', 'Amnesty's report, published this week, ...'."""
    if ctx.text[cue.end - 2:cue.end] != "ed":
        return False
    agent_or_target = _AGENT_OR_TARGET.match(ctx.text, cue.end)
    if agent_or_target and agent_or_target.group().lstrip().startswith("to") and (
            cue.kind in ("speech", "writing") and cue.lemma not in _TAKE_A_TARGET):
        agent_or_target = None  # 'Holm explained to Varn Radio why ...': an addressee
    return bool(agent_or_target) or bool(
        _COMMA_BEFORE.search(ctx.text, max(0, cue.start - 4), cue.start)
        and _APPOSITION_TO_COMMA.match(ctx.text, cue.end))


_ONE_OF_MANY = frozenset("another one each every no any".split())

# Tried only where a word starts (not after a letter of its own run), where the search finds
# it first anyway: tried inside a word, it ran to the word's end and back at every letter.
# The lookbehind reads the text before a search's start, so the text is searched as a slice.
_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([\w’'.-]+)\W*$")

# Words after which a form that is also a noun is a verb: 'they attack', 'will attack',
# 'vowed to attack', 'who attacks'.
_BEFORE_A_VERB = frozenset(
    "i you to who which that and but or will would could can may might should must shall did "
    "does do not never also often still again now then".split()) | SURVEYED  # 'voters polled'

# Nouns that a cue's form modifies in news compounds: 'press secretary', 'attack ads',
# 'pledged delegates', 'protest leaders', 'support groups'.
_COMPOUND_HEAD = re.compile(r"\s+(?:secretary|secretaries|conference|release|office|corps|"
                            r"briefing|aides?|officers?|pool|ads?|advertisements?|staff|"
                            r"staffers|delegates|leaders|organizers|groups)\b")


# The nouns that any form of a cue may describe: 'pledged delegates', 'press secretary'
# ('said officers' is a verb and its clause, so the list is kept short).
_DESCRIBED_NOUN = re.compile(r"\s+(?:delegates|secretary|secretaries|conference|release)\b")


_THOSE_BEFORE = re.compile(r"\bof\s+those\s+$", re.IGNORECASE)

_PREPOSITION_AFTER = re.compile(r"\s+(?:among|from|of|in|within)\s")


# 'a request seeking comment', 'calls and emails seeking comment': the reporter's messages.
_REQUEST_BEFORE = re.compile(r"\b(?:requests?|calls?|e-?mails?|messages?|inquiries|inquiry)\s+$")

# 'the most telling promise', 'a very revealing remark': a degree word makes it an adjective.
_DEGREE_BEFORE = re.compile(r"\b(?:most|more|very|less|least|so|too|particularly|"
                            r"especially)\s+$", re.IGNORECASE)


def modifies_a_noun(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """True when the cue's form stands before a noun it describes, in any of its forms:
    'the White House press secretary', 'nearly 400 pledged delegates', 'the most telling
    promise'."""
    if _DESCRIBED_NOUN.match(ctx.text, cue.end, sentence.end):
        return not _verb_before_its_object(ctx, cue, sentence)
    if cue.is_participle(ctx.text) and _THOSE_BEFORE.search(
            ctx.text, max(sentence.start, cue.start - 12), cue.start):
        return True  # 'most of those responding': the people who did, no report
    if cue.lemma == "seek" and _REQUEST_BEFORE.search(
            ctx.text, max(sentence.start, cue.start - 20), cue.start):
        return True  # 'did not answer a request seeking comment': the reporter asked
    return ctx.text[cue.end - 3:cue.end] == "ing" and bool(_DEGREE_BEFORE.search(
        ctx.text, max(sentence.start, cue.start - 20), cue.start))


def _verb_before_its_object(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Kade told delegates that ...', 'she pledged delegates to Lund': 'said', 'tells' and
    the like never describe a noun, and a pronoun before any form makes it a verb."""
    form = ctx.text[cue.start:cue.end].lower()
    if form != cue.lemma and not form.endswith(("ed", "ing")):
        return True
    before = _WORD_BEFORE.search(ctx.text[max(sentence.start, cue.start - 30):cue.start])
    return bool(before) and before.group(1).lower() in PRONOUNS


# The share of a poll's respondents that may stand for them as a verb's subject (with a
# plural verb: 'majority reports', 'minority reports' are nouns).
_SHARES = frozenset("half majority plurality two-thirds three-quarters "
                    "three-fourths thirds quarters".split())
# Capitalised plurals for people: after 'of' they are the subject, not a modifier.
_PEOPLE_CAPITALISED = frozenset("republicans democrats americans independents "
                                "conservatives liberals".split())


def noun_use(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """True when a cue whose form is also a noun stands where a noun does: 'Clinton's past
    attacks on women', 'garner support', 'Support for Kade grew', 'an attack ad'. A verb
    follows its subject (a name, a pronoun, a noun for people or groups), a modal or an
    adverb."""
    if _COMPOUND_HEAD.match(ctx.text, cue.end, sentence.end) or _PREPOSITION_AFTER.match(
            ctx.text, cue.end, sentence.end):
        return True  # 'a new attack ad', 'support staff', '85 percent support among voters'
    before = ctx.text[max(sentence.start, cue.start - 40):cue.start]
    match = _WORD_BEFORE.search(before) if before.strip() else None
    if match is None:
        return True  # the sentence's first word: 'Support for Kade grew'
    mark = before[match.end(1):].strip()
    if mark and mark[-1] in "—–":  # 'Lund — a former guard — states that ...': an aside in dashes
        closing = ctx.text.rfind(mark[-1], sentence.start, cue.start)
        opening = ctx.text.rfind(mark[-1], sentence.start, closing)
        subject_words = ctx.text[sentence.start:opening].strip()
        return not (opening > sentence.start and ctx.text[cue.end - 1] == "s"
                    and looks_like_name(subject_words))
    if mark:  # after a comma: noun, unless an apposition ends there
        comma = ctx.text.rfind(",", sentence.start, cue.start)
        return not (ctx.text[cue.end - 1] == "s" and subject_chain(ctx, sentence.start, comma))
    word = match.group(1)
    lower = word.lower()
    if lower in QUANTIFIERS and ctx.text[cue.end - 1] == "s":
        return True  # 'many questions', 'most attacks': a plural subject takes 'question'
    if lower in _SHARES and ctx.text[cue.end - 1] != "s":
        return False  # 'three-quarters support a ban', 'a majority oppose it': a poll's share
    if lower in _PEOPLE_CAPITALISED:
        return False  # 'a majority of Republicans support ...': the people, not a modifier
    if word[:1].isupper() and not lower.endswith(POSSESSIVE_ENDINGS):
        earlier = _WORD_BEFORE.search(before, 0, match.start(1))
        if earlier and (earlier.group(1).lower() in NOUN_BEFORE
                        or earlier.group(1).lower().endswith(POSSESSIVE_ENDINGS)):
            return True  # '32% of Republican claims', 'the Democratic attacks', 'Kade's Varn plan'
        # 'Kade attacks'; but 'The attack', 'In support', 'Another challenge: ...'
        return lower in NOUN_BEFORE or lower in _ONE_OF_MANY and ctx.text.startswith(
            ":", cue.end)
    if lower in PRONOUNS or lower in _BEFORE_A_VERB or lower in BETWEEN_SPEAKER_AND_CUE:
        return False
    if lower.endswith(("ly", "%")) or lower == "percent":
        return False  # 'Kade repeatedly attacks', '42 percent support Kade', '52% say'
    if lower[:1].isdigit():
        return True  # '22 emails', 'three attacks'; but not '42 percent' above
    kinds = entity_words()
    return not (lower in kinds["people"] or lower in kinds["organisation"]
                or lower in kinds["source"])


# Verbs whose particle makes them report nothing: 'the party backed down', 'called off the
# rally', 'called up the reserves', 'putting it into the file'.
_PARTICLE_AFTER = {"back": re.compile(r"\s+(?:down|off|out|to)\b"),  # 'was back to 11 percent'
                   "show": re.compile(r"\s+(?:off|up)\b"),  # 'showing off the hat'
                   "applaud": re.compile(r"\s+along\b"),
                   # 'figured out how', 'figures to fare well', 'figured in the inquiry'
                   "figure": re.compile(r"\s+(?:out|to|in)\b"),
                   "call": re.compile(r"\s+(?:off|up)\b"),
                   "put it": re.compile(r"\s+(?:into|onto|back|aside|down|off|up|"
                                        r"together|out|away|there|here|forward)\b")}


# Nouns that make a cue's form the head of a compound noun: 'a radio show', 'talk shows'
# (a poll or a video shows; a talk show is no source). 'news' only in lower case: 'a poll by
# the Varn Courier and Brenn News shows ...' is the poll's finding.
_COMPOUND_BEFORE = {"show": re.compile(r"\b(?:talk|radio|TV|television|reality|(?-i:news)|"
                                       r"interview|morning|road|cooking|quiz)\s+$",
                                       re.IGNORECASE),
                    # 'your email address', 'the inaugural address': a noun
                    "address": re.compile(r"\b(?:e-?mail|web|home|IP|mailing|street|"
                                          r"inaugural|keynote|farewell|radio)\s+$",
                                          re.IGNORECASE)}

_COLON_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}\s*:")

# Who is spoken to, not what about: 'addressed the convention', 'addresses big rallies'.
_AUDIENCE_AFTER = {"address": re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w’'-]+\s+){0,4}?(?:convention|conference|"
    r"crowds?|rally|rallies|audiences?|supporters|delegates|students|graduates|demonstrators|"
    r"gathering|summit|luncheon|dinner|party)\b(?![’'])")}


def particle_verb(ctx: DocumentContext, cue: Cue) -> bool:
    """True for 'backed down', 'called off': not a report ('backed away from a claim' is);
    for the noun of a compound: 'the radio show "Night Shift"'; and for an audience spoken
    to: 'addressed the convention'."""
    particle = _PARTICLE_AFTER.get(cue.lemma)
    if particle and particle.match(ctx.text, cue.end):
        return True
    compound = _COMPOUND_BEFORE.get(cue.lemma)
    if compound and compound.search(ctx.text, max(0, cue.start - 12), cue.start):
        return True
    audience = _AUDIENCE_AFTER.get(cue.lemma)
    spoken_to = audience.match(ctx.text, cue.end) if audience else None
    # ('addressed the crowd once more: "..."' reports what was said to them)
    return bool(spoken_to) and not _COLON_AFTER.match(ctx.text, spoken_to.end())
