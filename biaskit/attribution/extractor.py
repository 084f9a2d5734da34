"""Finds every attributed statement of a document: each reporting cue outside quotation
marks is tried against the forms in :mod:`biaskit.attribution.forms`, in order, unless it
lies in a statement already found."""

from __future__ import annotations

import re
from bisect import bisect_right

from biaskit.attribution.clauses import NEW_CLAUSE_BEFORE_CUE, SUBORDINATE_CLAUSE_BEFORE_CUE
from biaskit.attribution.context import WINDOW, DocumentContext, Statement
from biaskit.attribution.cue_requirements import content_start, requirement_met
from biaskit.attribution.cue_use import modifies_a_noun, noun_use, particle_verb
from biaskit.attribution.forms.colons import (
    announced_quotes,
    headline_colon,
    named_quotes_after_a_dash,
    speaker_turns,
)
from biaskit.attribution.forms.end_tags import according_to, as_tag, end_tag, parenthetical_tag
from biaskit.attribution.forms.evidence import evidence_with_a_long_source, poll_findings
from biaskit.attribution.forms.nouns import content_clause_after, noun_with_a_clause
from biaskit.attribution.forms.questions import asked_after_a_clause, asked_question
from biaskit.attribution.forms.quote_tags import (
    after_quote,
    before_quote,
    dash_signatures,
    floating_quotes,
    tag_before_next_quote,
)
from biaskit.attribution.forms.speaker_first import (
    coordinated_verb,
    only_a_medium,
    participle,
    participle_in_an_aside,
    purpose_infinitive,
    speaker_then_content,
)
from biaskit.attribution.forms.unattributed import expected_to, hearsay, seems_to
from biaskit.attribution.mentions import WEEKDAY, is_people_phrase
from biaskit.attribution.phrases import (
    PREPOSITION_BEFORE_PARTICIPLE,
    SHARE_OF_PEOPLE,
    adjectives_of_one_noun,
    and_before,
    antecedent,
    in_spans,
    looks_like_name,
    subject,
)
from biaskit.attribution.reporting_verbs import Cue, reporting_lexicon
from biaskit.attribution.speaker_phrases import is_title_case
from biaskit.corpus.sentences import Sentence

_RECENT_STATEMENTS = 4  # statements a new cue may fall inside (cues come in text order)

# Patterns used for every cue, compiled once.
_RELATIVE_WORDS, _AFTER_RELATIVE = ("which", "who"), ("also", "had", "has", "have")

# ', which claimed', ' that said', and after a comma with the relative clause's own pronoun
# subject: ', which he argued help ...' (not ' and that she wanted', a clause of 'said').
_RELATIVE_SUBJECTS = ("he", "she", "they", "we", "I")
_RELATIVE_BEFORE_CUE = re.compile(rf"(,\s*(?:{'|'.join(_RELATIVE_WORDS)})"
                                  rf"(?:\s+(?:{'|'.join(_RELATIVE_SUBJECTS)}))?|\s+that)"
                                  rf"(?:\s+(?:{'|'.join(_AFTER_RELATIVE)}))?\s*$")

# The words a match can end with: a window ending otherwise is not searched.
_RELATIVE_BEFORE_CUE_ENDS = (*_RELATIVE_WORDS, "that", *_AFTER_RELATIVE, *_RELATIVE_SUBJECTS)

# A comma, then a short subject right before the cue: ', another says', ', Kade said'.
_COMMA_THEN_SUBJECT = re.compile(r",\s+((?:[\w’'.-]+\s+){0,3}[\w’'.-]+)\s+$")

# A poll's next share and its own statement: ', compared with 64 percent who', ', after half'.
# ('... said "unlikely" and 12 percent said ...', '... chose him while 45 percent chose ...':
# a share needs no comma before 'and', 'but', 'while' or 'whereas').
_SHARE_CLAUSE = re.compile(r"(?:,\s*|\s+(?=and\s|but\s|while\s|whereas\s))(?:compared\s+"
                           r"(?:with|to)|against|versus|while|whereas|after|and|but)\s+"
                           + SHARE_OF_PEOPLE
                           + r"(?:\s+who)?\s+(?:also\s+)?$", re.IGNORECASE)

_COORDINATION = re.compile(r",\s+(?:and|while|whereas|but)\s+|;\s+")

# A conjunction with no comma, then a name or pronoun as the cue's own subject:
# '... the plan and Kade says ...', '..., although he tweeted that ...'. The word before
# the conjunction is lower-case, so 'Kade and Moro said' stays one subject.
_BARE_CONJUNCTIONS = ("and", "but", "although", "though", "while", "whereas")
_BARE_CONJUNCTION = rf"\s+(?:{'|'.join(_BARE_CONJUNCTIONS)})\s+"
_BARE_CONJUNCTION_THEN_SUBJECT = re.compile(
    r"(?:\b[a-z0-9][\w’'-]*(?:[,)\"”’]|,[\"”’])?|[\w’'-][)\"”’]?,)" + _BARE_CONJUNCTION
    + r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*|he|she|they|we|it|I|others)"
    # 'though she did not discuss', 'and he has also said', 'but they wouldn't say'
    r"\s+(?:(?:also|later|then|again|have|has|had|did|does|do|would|will|could|not|never|"
    r"(?:did|does|do|would|could|has|have)n[’']t)\s+){0,3}$")

# The same with a noun for people as the subject: '... to comment and Senate aides later said'.
_BARE_CONJUNCTION_THEN_PEOPLE = re.compile(
    r"\b[a-z0-9][\w’'-]*[,)\"”’]?" + _BARE_CONJUNCTION + r"((?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)"
    r"\s+(?:(?:also|later|then|again|have|has|had|did|not)\s+){0,2}$")

# ', said Ola Brenn, ...': an inverted tag, whose name follows the cue (not a weekday).
_INVERTED_TAG = re.compile(rf"\s+(?!{WEEKDAY}\b)[A-Z]")

# The forms tried for a cue, in order; the first that fits records the statement.
_FORMS = (asked_question, expected_to, after_quote, before_quote, tag_before_next_quote,
          participle_in_an_aside, participle, as_tag, parenthetical_tag, end_tag,
          speaker_then_content, evidence_with_a_long_source, coordinated_verb,
          purpose_infinitive)
# Cues that only a statement of no one's reads: an impression, hearsay.
_NO_ONES_FORM = {"impression": seems_to, "hearsay": hearsay}
_QUESTION_WORDS = ("What", "How", "Why", "Where", "When", "Who", "Which")


def find_statements(ctx: DocumentContext) -> list[Statement]:
    """Every statement of the document, as records in text order."""
    # A cue inside quotation marks is the speaker's own word, not a report of speech:
    # only the narrator's text is scanned. No cue form holds a quotation mark or a line
    # break, so no cue crosses a quote's edge.
    lexicon = reporting_lexicon()
    turns = speaker_turns(ctx)
    # A transcript turn is the speaker's own words, as a quote is.
    turn_spans = [(turn[2], turn[3]) for turn in turns]
    # (a span between two adjacent quotes is empty, and holds no cue)
    cues = [cue for lo, hi in ctx.doc.narrator_spans if lo < hi
            for cue in lexicon.cues(ctx.text, lo, hi)]
    if turn_spans:  # most documents are no transcript: their cues need no check
        cues = [cue for cue in cues if not in_spans(cue.start, turn_spans)]
    cue_starts = [cue.start for cue in cues]
    text = ctx.text
    for sentence in ctx.sentences:
        if ctx.roles[sentence.paragraph] == "headline" and headline_colon(ctx, sentence):
            continue
        first = bisect_right(cue_starts, sentence.start - 1)
        last = bisect_right(cue_starts, sentence.end - 1)
        if first == last:
            continue  # no cue in the sentence (most): no need to tell whether it asks
        asks = _is_question(sentence.text) and not _quoted_question(ctx, sentence)
        title_case = None
        for cue in cues[first:last]:
            if cue.end > sentence.end:
                continue
            if asks and not _reported_in_a_question(text, sentence, cue):
                continue
            may_be_noun = lexicon.may_be_noun(text, cue)
            # a capital after a colon opens a clause: 'It is plain: According to polls, ...'
            if text[cue.start].isupper() and cue.start != sentence.start and not (
                    text.startswith(": ", cue.start - 2)):
                if title_case is None:
                    title_case = is_title_case(text[sentence.start:sentence.end])
                if not title_case or may_be_noun and not _headline_verb(text, sentence, cue):
                    # "Islamic State" is a name, not the verb "state"; in a title-case
                    # headline a capital says nothing, and "Putin Remarks" is a noun
                    continue
            as_noun = may_be_noun and noun_use(ctx, cue, sentence)
            if as_noun and not content_clause_after(ctx, cue) or modifies_a_noun(
                    ctx, cue, sentence) or particle_verb(ctx, cue):
                continue  # 'their attacks on Kade', 'garnered support', 'press secretary'
            if cue.requires in _NO_ONES_FORM and _in_a_statement(ctx, cue):
                continue  # 'Kade said the plan seems to fail': part of what Kade said
            cuts = _claimed(ctx, cue, sentence)
            if cuts is None:
                continue
            if as_noun:  # 'their fear that Kade would win': the noun's own clause
                found = noun_with_a_clause(ctx, cue, sentence)
            elif cue.lemma == "according to":  # its source always follows it
                found = according_to(ctx, cue, sentence)
            elif cue.requires in _NO_ONES_FORM:  # 'seemed to waver', 'reportedly'
                found = _NO_ONES_FORM[cue.requires](ctx, cue, sentence)
            else:
                for form in _FORMS:  # the first form that fits records the statement
                    if form(ctx, cue, sentence):
                        found = True
                        break
                else:
                    found = False
            # After a bare comma, a new clause ends the statement it stands in only if it
            # reports one itself: '..., participants said, the Democrats must consider ...'.
            for statement, cut in cuts if found else ():
                ctx.cut_statement(statement, cut)
                statement.region = (statement.region[0], cut)
    for speaker, cue, start, end, sentence, region in turns:
        ctx.add(cue, speaker, start, end, sentence, "speaker's turn in a transcript",
                region=region)
    named_quotes_after_a_dash(ctx)
    dash_signatures(ctx)
    announced_quotes(ctx)
    floating_quotes(ctx)
    poll_findings(ctx)
    # A later clause may cut a statement down to nothing: 'according to ' ; Kade said'.
    return sorted((s for s in ctx.found if s.end > s.start), key=lambda s: s.start)


# 'Ada Holm Praises ...', 'Kade Calls On ...': a short run of capitalised words, not a
# possessive ('Kade’s Claim'), then a verb's third-person -s; or a headline's second verb
# after a comma ('..., Slams Varn').
_HEADLINE_SUBJECT = re.compile(r"(?:(?:[A-Z0-9][\w.-]*(?<![’']s)\s+){1,6}|.*,\s+)$")


def _headline_verb(text: str, sentence: Sentence, cue: Cue) -> bool:
    word_end = text.find(" ", cue.start, cue.end)
    if not text.endswith("s", cue.start, cue.end if word_end < 0 else word_end):
        return False
    return bool(_HEADLINE_SUBJECT.fullmatch(text, sentence.start, cue.start))


def _in_a_statement(ctx: DocumentContext, cue: Cue) -> bool:
    return any(s.region[0] <= cue.start < s.region[1] for s in ctx.found[-_RECENT_STATEMENTS:])


def _claimed(ctx: DocumentContext, cue: Cue, sentence: Sentence
             ) -> list[tuple[Statement, int]] | None:
    """None when the cue lies in a statement already found (its tag or its content), unless
    it starts a new clause (', and it described ...'), which ends those statements; the
    cuts that hold only if the new clause reports a statement are returned, to be made
    after the forms have run."""
    cuts: list[tuple[Statement, int]] = []
    for statement in ctx.found[-_RECENT_STATEMENTS:]:  # cues come in text order
        region_start, region_end = statement.region
        if not region_start <= cue.start < region_end:
            continue
        if _next_statement_of_the_speaker(ctx, cue, sentence, statement):
            return None
        if not statement.start <= cue.start < statement.end:
            # '"...," Kade said, but he added that ...': a new clause after the tag;
            # '"...," Kade said when asked about ...': a question put to the speaker;
            # '"...," Kade said after the council announced ...': another's clause
            lo = max(statement.end, cue.start - WINDOW)
            new_clause = NEW_CLAUSE_BEFORE_CUE.search(ctx.text, lo, cue.start) or (
                asked_after_a_clause(ctx, cue, lo)) or _subordinate_clause(ctx, cue, lo)
            if not new_clause:
                return None
            statement.region = (statement.region[0], new_clause.start())
            continue
        split = _clause_split(ctx, statement.start, cue)
        if split is None:
            return None  # a statement nested in another: 'Amnesty said ... had shown that'
        cut, only_if_reported = split
        if only_if_reported:
            cuts.append((statement, cut))
        else:
            ctx.cut_statement(statement, cut)
            statement.region = (statement.region[0], cut)
    return cuts


def _subordinate_clause(ctx: DocumentContext, cue: Cue, lo: int) -> re.Match | None:
    # not '..., as the crowd cheered.', whose verb reports nothing, 'a man claiming ...',
    # nor 'say voters, who cringe as they recall ...', the relative clause's own
    if cue.is_participle(ctx.text) or ctx.text[cue.end:cue.end + 2].strip()[:1] in (
            "", ".", ",", ";", "!", "?"):
        return None
    clause = SUBORDINATE_CLAUSE_BEFORE_CUE.search(ctx.text, lo, cue.start)
    if clause and _RELATIVE_IN_TAG.search(ctx.text, lo, clause.start()):
        return None
    return clause


_BOTH = re.compile(r"(?:both|either|neither)\s+\S+$")  # 'both he': the first of two subjects

_COMMA_BEFORE_PARTICIPLE = re.compile(r",[\"”’']?\s*$")
_RELATIVE_IN_TAG = re.compile(r"\b(?:who|which|whose|whom)\b")


def _next_statement_of_the_speaker(ctx: DocumentContext, cue: Cue, sentence: Sentence,
                                   statement: Statement) -> bool:
    """'"...," Kade said, adding that ...', 'Kade denied it, saying ...' and 'Kade said A
    before claiming B': a participle after a comma or one of these prepositions starts the
    same speaker's next statement, which ends the first."""
    if not (cue.is_participle(ctx.text) and statement.sentence is sentence):
        return False
    reports = requirement_met(ctx, cue, sentence)
    if _COMMA_BEFORE_PARTICIPLE.search(ctx.text, sentence.start, cue.start):
        comma = ctx.text.rfind(",", sentence.start, cue.start)
    else:
        preposition = PREPOSITION_BEFORE_PARTICIPLE.search(ctx.text, sentence.start, cue.start)
        if not preposition or not reports:
            return False
        comma = preposition.start() + 1  # the content ends before 'before claiming'
        # '"...," Kade replied, before adding that ...': after the tag, nothing to cut; but in
        # '..., said Kade, who quit after voting for it' the participle is the relative's
        if comma <= statement.start or comma >= statement.end and _RELATIVE_IN_TAG.search(
                ctx.text, statement.end, comma):
            return False
    if statement.start <= comma < statement.end:
        ctx.cut_statement(statement, comma)
    elif reports and comma < statement.start <= cue.start and statement in ctx.found:
        # 'Kade hit back, saying ...': the first verb's content was the participle's own
        # statement, which is read next
        ctx.found.remove(statement)
    statement.region = (statement.region[0], comma)
    if not reports:
        return True  # 'Kade said A, noting her remarks in April': the content ends at A
    if statement.speaker_obj.kind == "nobody":
        participle(ctx, cue, sentence)  # 'Kade seemed ready, telling them ...': Kade tells
        return True
    start = content_start(ctx, cue, sentence)
    if only_a_medium(ctx, cue, start, sentence.end):
        return True  # 'according to Kade, writing for the Varn Post:': where, not what
    ctx.add(cue, statement.speaker_obj, start, sentence.end,
            sentence, "participle after the tag", region=(cue.start, sentence.end))
    return True


def _clause_split(ctx: DocumentContext, start: int, cue: Cue) -> tuple[int, bool] | None:
    """Where a new reporting clause begins inside earlier content, and whether the split
    holds only if the clause reports a statement itself (a bare comma), or None.

    New clauses: '; X denies', ', while X said', ', and it described', ', and Viktor
    Bondarev, commander ..., told', ', which claimed', 'a report ... that said'.
    """
    lo = max(start, cue.start - WINDOW)  # a clause boundary sits close to its cue
    before = ctx.text[lo:cue.start]
    relative = _RELATIVE_BEFORE_CUE.search(before) if before.rstrip().endswith(
        _RELATIVE_BEFORE_CUE_ENDS) else None
    if relative and antecedent(before[:relative.start()]):
        return lo + relative.start(), False
    asked = asked_after_a_clause(ctx, cue, lo)
    if asked:  # 'Kade said it was safe when asked whether ...': the question is not content
        return asked.start(), True
    share = _SHARE_CLAUSE.search(before)
    if share:  # '... say they like Kade, compared with 64 percent who say ...': a new share
        return lo + share.start(), False
    coordinated = and_before(before, 0, len(before))
    if coordinated and not adjectives_of_one_noun(
            ctx.text, lo + coordinated.start(), cue.start, cue.end):
        # 'rejected the allegations and described ...', ', and said ...': the same subject's
        # next statement, as PolNeAR annotates (tests/gold/GUIDELINES.md 2.6).
        return lo + coordinated.start(), False
    after_comma = _COMMA_THEN_SUBJECT.search(before)
    if after_comma and subject(ctx, after_comma.group(1)) == after_comma.group(1):
        # 'While one firm says A, another says B'; but not 'A, residents said, the
        # council must consider B', where 'consider' reports nothing
        return lo + after_comma.start(), True
    # Both bare-conjunction patterns are tried at every word of the window: they run only
    # when it holds one of their conjunctions, which a str test finds for far less.
    if any(conjunction in before for conjunction in _BARE_CONJUNCTIONS):
        bare = _BARE_CONJUNCTION_THEN_SUBJECT.search(before)
        if bare and cue.kind == "thought" and bare.group(1) in ("he", "she", "they", "I", "we"):
            # 'says the road is long but he feels confident that ...': still what was said
            return None
        if bare and subject(ctx, bare.group(1)) == bare.group(1):
            cut = lo + bare.start() + before[bare.start():].index(" ")
            so_far = ctx.text[start:cut].strip()
            if " and " in bare.group() and (_BOTH.match(so_far) or so_far.count(" ") < 4 and (
                    looks_like_name(so_far))):
                return None  # 'said both he and Moro sought ...': one subject of two people
            return cut, False
        bare = _BARE_CONJUNCTION_THEN_PEOPLE.search(before)
        if bare and subject(ctx, bare.group(1)) == bare.group(1) and is_people_phrase(
                bare.group(1)):
            cut = lo + bare.start() + before[bare.start():].index(" ")
            content = ctx.text[start:cut].strip()
            if subject(ctx, content) != content:  # not 'said the council and the miners agree'
                return cut, True
    for boundary in _COORDINATION.finditer(before):
        candidate = before[boundary.end():]
        if candidate.strip() and subject(ctx, candidate) and not re.search(
                r"\b(?:that|which|who)\b", candidate):
            return lo + boundary.start(), False
    if _INVERTED_TAG.match(ctx.text, cue.end) and before.rstrip().endswith(","):
        # '..., a ward she hoped to win, the count will be close, said Ola Brenn.'
        return lo + len(before.rstrip()) - 1, True
    return None


# 'A student asked: Will the pumps ...?': the question is the asker's words, after a colon.
_ASKED_THEN_COLON = re.compile(r"[^?]{1,200}?\b(?:asked|asks|wondered|wonders|questioned)\b"
                               r"[^:?\"“”]{0,40}:\s")  # 'asked them a question: ...?' too


def _quoted_question(ctx: DocumentContext, sentence: Sentence) -> bool:
    """'Kade asked, "Who pays?"' and 'Kade asked: Who pays?': the question mark is the
    speaker's, inside the quote or after the colon."""
    mark = ctx.text.rfind("?", sentence.start, sentence.end + 1)
    return mark >= 0 and (ctx.quote_at(mark) is not None or bool(
        _ASKED_THEN_COLON.match(ctx.text, sentence.start, mark)))


# 'Why did Kade say ...?' takes the statement as given, and 'Did Kade refuse to ...?' asks
# about a reported act, which PolNeAR's gold annotates ('Would Kade say ...?' it does not).
_WHY_OR_DID = re.compile(r"(?:(?:And|But|So)\s+)?(?:Why|Did|Does|Do)\s+", re.IGNORECASE)
# 'Do you support Kade?', 'Why do we, ..., feel ...?': a question put to the reader or an
# interviewee, not a report of what they think.
_YOU_OR_US = re.compile(r"\b(?:you|we)\b[^?]{0,40}$", re.IGNORECASE)
# '... a man who calls himself a miner?', '..., which Kade had called a disaster?': a
# relative clause inside the question reports as any other ('that' may as well open the
# content of an outer cue: 'Did Kade say that Lund was seeking ...?').
_RELATIVE_IN_A_QUESTION = re.compile(r"\b(?:who|which)(?:\s+[\w’'.-]+){0,2}\s+$")


def _reported_in_a_question(text: str, sentence: Sentence, cue: Cue) -> bool:
    """Whether a cue of a question sentence reports a statement all the same."""
    if cue.requires in _NO_ONES_FORM:
        return False  # 'if the reasons seem so obvious, why ...?': nobody's impression
    before = text[max(sentence.start, cue.start - 60):cue.start]
    if _RELATIVE_IN_A_QUESTION.search(before):
        return True
    if _YOU_OR_US.search(before):
        return False
    return bool(_WHY_OR_DID.match(sentence.text))


def _is_question(sentence: str) -> bool:
    """Questions and 'What X say about Y' subheads report nobody's statement."""
    if sentence.rstrip().endswith("?"):
        return True
    if not sentence.lstrip().startswith(_QUESTION_WORDS):  # most sentences: no need to split
        return False
    if sentence.rstrip(" \"”’'").endswith((".", "!")):
        return False  # 'When asked ..., 59 percent said it was not.' is a statement
    return sentence.split(maxsplit=1)[0] in _QUESTION_WORDS
