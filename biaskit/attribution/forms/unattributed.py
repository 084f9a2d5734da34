"""Expectations, views and impressions the sentence attributes to no one: 'Kade is expected
to win', 'The talks are widely expected to fail', 'The levy is widely seen as a threat', 'The
mayor seemed to waver', 'It appears that the vote was close'. PolNeAR annotates them as
thoughts with no source.

The statement is the whole clause, its subject included, since what is expected or seen is
the subject's act or state; its speaker is an unattributed expectation (or impression) unless
the sentence names whose it is: an agent ('is expected by analysts to ...'), the people it
seems so to ('seemed credible to Kade'), or a subject who seems set to act ('Kade appears set
to veto the levy': her intention, as it looks).
"""

from __future__ import annotations

import re

from biaskit.attribution.clauses import clause_start
from biaskit.attribution.context import DocumentContext
from biaskit.attribution.cue_use import noun_use
from biaskit.attribution.mentions import is_people_phrase, looks_like_name
from biaskit.attribution.phrases import ANY_WORD_CHAR
from biaskit.attribution.reporting_verbs import Cue, reporting_lexicon
from biaskit.attribution.speakers import Speaker
from biaskit.attribution.subject_before import subject_before
from biaskit.corpus.sentences import Sentence

UNATTRIBUTED_EXPECTATION = "unattributed expectation"
UNATTRIBUTED_IMPRESSION = "unattributed impression"
UNATTRIBUTED_REPORT = "unattributed report"

# 'is expected', 'are widely expected', 'was not expected', 'is also generally expected'.
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|’s|'s|’re|'re)\s+(?:(?:[a-z]+ly|not|"
                        r"also|still|now|all|both|each)\s+){0,2}$")

# What follows the cue: 'to win', or an agent and then 'to': 'by analysts to win'.
_AGENT_THEN_TO = re.compile(r"\s+(?:by\s+((?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)\s+)?to\s+[a-z]")



# A view held in no one's name: 'is widely seen as a threat', 'was once thought to be safe',
# 'is considered a key state'; the agent may stand before 'as' ('was seen by some as').
_VIEWED_AS = frozenset("seen viewed regarded perceived considered".split())
_THOUGHT_TO = frozenset("thought believed considered".split())
_AGENT_THEN_AS = re.compile(r"\s+(?:by\s+((?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)\s+)?as\s+"
                            r"(?!(?:well|long|soon|if|though)\b)[\w“\"'‘]")


def expected_to(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'Kade is expected to announce her bid on Monday': an expectation with no source; and
    'The levy is widely seen as a threat': a view with no source."""
    form = ctx.text[cue.start:cue.end].lower()
    if form != "expected" and form not in _VIEWED_AS and form not in _THOUGHT_TO:
        return False
    be = _BE_BEFORE.search(ctx.text, max(sentence.start, cue.start - 40), cue.start)
    after = (_AGENT_THEN_TO.match(ctx.text, cue.end, sentence.end)
             if form == "expected" or form in _THOUGHT_TO else None) or (
        _AGENT_THEN_AS.match(ctx.text, cue.end, sentence.end) if form in _VIEWED_AS else None)
    if not be or not after:
        return False
    if form != "expected" and not _a_view_of_its_own(ctx, cue, sentence, be):
        return False
    start = clause_start(ctx, sentence, be.start())
    end = ctx.semicolon(cue.end, sentence.end)
    if after.group(1):
        speaker = ctx.resolver.resolve(after.group(1), after.start(1))
    else:
        speaker = Speaker(UNATTRIBUTED_EXPECTATION, "", "nobody", None,
                          "a passive expectation: the sentence names no one who expects it"
                          ) if form == "expected" else Speaker(
            UNATTRIBUTED_IMPRESSION, "", "nobody", None,
            "a passive view: the sentence names no one who holds it")
    ctx.add(cue, speaker, start, end, sentence, "expectation with no source",
            region=(start, end))
    return True


# 'who is seen as', 'whose state is seen as', 'that are seen as': a relative clause's view,
# about its antecedent (no comma between the relative word and the cue).
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|whose|which|that|who[’']s)\b[^,;:—–()]*$")


# 'to be seen as', and 'can be seen as': the writer's own reading, offered as possible.
_TO_OR_MAY = re.compile(r"\b(?:to|can|could|may|might)\s+$")


def _a_view_of_its_own(ctx: DocumentContext, cue: Cue, sentence: Sentence, be: re.Match
                       ) -> bool:
    """Whether 'is seen as' holds a view of no one's, not one nested in another statement
    ('Kade said Lund is seen as ...'), in a relative clause, or in an infinitive or a gerund
    ('likely to be viewed as honest', 'an edge on being viewed as decisive'), where a poll's
    finding or a wish stands, nor the writer's own reading ('can be seen as a last gasp')."""
    if be.group().startswith("being") or be.group().startswith("be") and (
            _TO_OR_MAY.search(ctx.text, max(sentence.start, be.start() - 7), be.start())):
        return False
    if _RELATIVE_BEFORE.search(ctx.text, max(sentence.start, cue.start - 60), be.start()):
        return False
    lexicon = reporting_lexicon()
    return not any(other.start != cue.start and other.kind in ("speech", "thought") and not (
        lexicon.may_be_noun(ctx.text, other) and noun_use(ctx, other, sentence))
        for other in lexicon.cues(ctx.text, sentence.start, sentence.end))


# What makes 'seem' or 'appear' a report of how things look, not 'appeared on television':
# an infinitive ('seemed to waver', 'appears not to know'), 'that', 'as if', 'like', or,
# after 'seem' only, a complement ('seemed unperturbed', 'seems unlikely').
_LOOKS_LIKE = re.compile(r"(?:,\s+(?:though|however|at\s+least),)?\s+(?:[a-z]+ly\s+)?(?:"
                         r"(?:not\s+)?to\s+([a-z]+)|that\s|as\s+(?:if|though)\s|like\s)")
_SEEM_COMPLEMENT = re.compile(r"\s+(?:(?:[a-z]+ly|so|too|more|less|most|far|much|equally|"
                              r"quite|rather)\s+)?(?!(?:to|in|on|at|for|with|from|by|of|and|"
                              r"or|the|a|an)\b)([a-z][\w-]+)")
_APPEAR_COMPLEMENT = re.compile(r"\s+(?:(?:[a-z]+ly|so|too|more|less|far|much|equally|quite|"
                                r"rather)\s+)?([a-z]+(?:ed|ing)|closer|likely|unlikely|"
                                r"ready|eager|willing|poised|open|set|intent)\b(?!\s+(?:on|in|"
                                r"at|before|with|alongside|onstage)\b)")

# Where the clause of an impression or of hearsay ends: punctuation, a dash, or a new
# subject's clause ('... seemed unmoved as Kade said ...').
_CLAUSE_ENDS = re.compile(r"\s*(?:[,;:()]|\s[—–-]+\s|[—–]|\s(?:when|while|because|although|"
                              r"though|whereas|since|until|unless|but|(?:as|and)\s+(?:he|she|"
                              r"they|it|[A-Z]\w*))\s)")

# 'To the miners, ...', 'Among older voters, ...': whose impression it is.
_TO_WHOM = re.compile(r"(?:To|Among)\s+((?:[\w’'.-]+\s+){0,8}?[\w’'.-]+),\s*"
                      r"(?:(?:an?|the)\s+[^,]{1,60},\s*)?(?:then,\s*)?")  # an apposition

# 'seems credible to me', 'seemed remote to voters': to whom it seems so, at the clause's end.
# Right after the complement, not after a preposition the complement takes ('closer to').
_TO_EXPERIENCER = re.compile(r"(?<!\bclose)(?<!\bcloser)(?<!\bnext)(?<!\bsimilar)(?<!\bakin)"
                             r"(?:\s+(?:away|enough|indeed|too))?\s+to\s+"
                             r"((?:[\w’'.-]+\s+){0,4}?[\w’'.-]*\w)\s*[.!?]?$")
_OBJECT_PRONOUNS = {"me": "I", "us": "we", "him": "he", "her": "she", "them": "they"}

# 'appears set to veto', 'seemed ready to sign': an intention of the subject, as it looks.
_INTENT_TO = re.compile(r"(?:set|poised|ready|eager|willing|determined|intent|keen)"
                        r"\s+(?:to|on)\s+[a-z]")

# A free relative: 'what seemed most striking was ...' names a thing, it reports nothing.
_DESCRIBES_A_NOUN = re.compile(r"\b[Ww]hat\s+(?:[a-z]+ly\s+|now\s+|once\s+|still\s+)?(?:(?:might|"
                               r"may|would|could|can|must)(?:\s+have)?\s+|(?:had|has|have)\s+)?$")


def seems_to(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'The mayor seemed to waver', 'It appears that the vote was close': an impression
    with no source, the whole clause as its statement. Other uses of the verb ('appeared on
    television', 'seemed in no hurry') report nothing."""
    if _DESCRIBES_A_NOUN.search(ctx.text, max(sentence.start, cue.start - 30), cue.start):
        return False  # 'what seemed most relevant was ...'
    end = min(sentence.end, cue.end + 60)
    complement = _SEEM_COMPLEMENT if cue.lemma == "seem" else _APPEAR_COMPLEMENT
    looks = _LOOKS_LIKE.match(ctx.text, cue.end, end)
    state = None if looks else complement.match(ctx.text, cue.end, end)
    word = looks.group(1) if looks else state.group(1) if state else None
    if word in reporting_lexicon().forms:
        # 'She appeared to suggest that ...', 'Kade seemed confident that ...': her statement
        # or thought, with the cue 'suggest' or 'confident'
        return False
    if not (looks or state):
        return False
    start = clause_start(ctx, sentence, cue.start)
    # The impression is its own clause: 'The plan seemed to stall as Kade said ...' leaves
    # Kade's statement to Kade.
    if looks and not looks.group(1):  # 'it seems that ...': the clause after 'that' is whole
        end = ctx.semicolon(cue.end, sentence.end)
    else:
        clause_end = _CLAUSE_ENDS.search(ctx.text, (looks or state).end(), sentence.end)
        end = clause_end.start() if clause_end else sentence.end
    to_whom = _TO_WHOM.match(ctx.text, start, cue.start)
    after = _TO_EXPERIENCER.match(ctx.text, state.end(), end) if state else None
    who = looks.group(1) if looks and looks.group(1) in _OBJECT_PRONOUNS else (
        after.group(1) if after else None)
    subject = _subject_person(ctx, cue, sentence) if state and _INTENT_TO.match(
        ctx.text, state.start(1)) else None
    if to_whom and (looks_like_name(to_whom.group(1)) or is_people_phrase(to_whom.group(1))):
        # 'To the miners, the plan seemed doomed': the miners' impression
        speaker = ctx.resolver.resolve(to_whom.group(1), to_whom.start(1))
        form, start = "impression of the people named before it", to_whom.end()
    elif who and (who.lower() in _OBJECT_PRONOUNS or looks_like_name(who)
                  or is_people_phrase(who)):
        # 'It seems to me that ...', 'The strike seemed remote to voters'
        position = looks.start(1) if looks and looks.group(1) == who else after.start(1)
        speaker = ctx.resolver.resolve(_OBJECT_PRONOUNS.get(who.lower(), who), position)
        form = "impression of the people it seems so to"
    elif subject:
        # 'Kade appears set to veto the levy': Kade's intention, as it looks
        speaker, form = subject, "intention of the subject, as it appears"
    else:
        speaker = Speaker(UNATTRIBUTED_IMPRESSION, "", "nobody", None,
                          "an impression: the sentence names no one to whom it seems so")
        form = "impression with no source"
    ctx.add(cue, speaker, start, end, sentence, form, region=(start, end))
    return True


def _subject_person(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> Speaker | None:
    """The person or people the seeming is about ('Kade' in 'Kade appears set to ...')."""
    found = subject_before(ctx, cue, sentence)
    if not found:
        return None
    speaker = ctx.resolver.resolve(*found)
    return speaker if speaker.kind in ("person", "group", "organisation") else None


# Hearsay stands in a clause's verb group: 'is reportedly weighing', 'allegedly hid'.
_AUXILIARY_BEFORE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|be|been)\s+$")
_NEXT_WORD = re.compile(r"\s+([\w’'-]+)")
_FINITE_VERB_AFTER = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would|[a-z]+ed|"
                                r"[a-z]+[^s]s|hid|met|sent|told|paid|made|took|gave|got)\b")


def hearsay(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    """'The firm is reportedly weighing a sale', 'Marsh allegedly hid the tests': a report
    the sentence ascribes to no one, its clause as the statement."""
    following = _NEXT_WORD.match(ctx.text, cue.end, sentence.end)
    if following and following.group(1).lower() in reporting_lexicon().forms:
        return False  # 'he reportedly noted that ...', 'reportedly wants': the cue after it
    if not (_AUXILIARY_BEFORE.search(ctx.text, max(sentence.start, cue.start - 20), cue.start)
            or _FINITE_VERB_AFTER.match(ctx.text, cue.end, sentence.end)):
        return False  # 'sued for allegedly violating the deal': a charge, not a clause
    start = clause_start(ctx, sentence, cue.start)
    clause_end = _CLAUSE_ENDS.search(ctx.text, cue.end, sentence.end)
    end = clause_end.start() if clause_end else sentence.end
    if not ANY_WORD_CHAR.search(ctx.text, start, cue.start) and not ANY_WORD_CHAR.search(
            ctx.text, cue.end, end):
        return False  # 'Reportedly.' alone holds nothing
    speaker = Speaker(UNATTRIBUTED_REPORT, "", "nobody", None,
                      "hearsay: the sentence names no one who reports it")
    ctx.add(cue, speaker, start, end, sentence, "report with no source", region=(start, end))
    return True
