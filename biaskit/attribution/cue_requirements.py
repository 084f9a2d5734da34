"""What must follow a reporting cue for it to report something, and where its content
starts: 'found that ...' (a clause), 'called the plan "a disaster"' (an object), 'described
X as Y', 'asked whether ...' (a question), 'declined to comment' (an infinitive), and the time
or place between a cue and 'that'."""

from __future__ import annotations

import re

from biaskit.attribution.context import WINDOW, DocumentContext
from biaskit.attribution.phrases import ANY_WORD_CHAR
from biaskit.attribution.reporting_verbs import Cue, reporting_lexicon
from biaskit.corpus.sentences import Sentence

_AS = re.compile(r"\bas\b")

# What 'called' needs: a quote ('called the plan "a disaster"', two apostrophes too, or a
# single mark opening after a space, as British and Commonwealth papers quote: 'reckless') or
# an object pronoun ('called him divisive').
_QUOTED_OBJECT = re.compile(r"[^.;:!?\"“”]{0,60}?(?:[\"“]|''|``|(?<=\s)[‘'](?=\w))"
                            r"|\s+(?:him|her|them|it|"
                            r"himself|herself|itself|themselves|us|me)\s+[\w“\"']"
                            # 'called the mogul an obvious phony', 'called climate change a
                            # hoax': an object, then 'a' or 'an'
                            r"|\s+(?:the|his|her|their|its)\s+(?:[\w’'-]+\s+){1,3}an?\s+[a-z]"
                            r"|\s+(?!(?:with|for|on|in|at|to|from|back|up|off|out|about|into|"
                            r"over)\b)(?:[a-z][\w’'-]*\s+){1,2}an?\s+(?!(?:few|day|week|month|year|"
                            r"couple|number|lot|bit|second|dozen|hundred|thousand|million|total|"
                            r"while)\b)[a-z]"
                            # 'calling Ms. Lund a liar', not 'called Lund a day later'
                            r"|\s+(?:[A-Z][\w’'.-]*\s+){1,5}an?\s+(?!(?:few|day|week|month|"
                            r"year|couple|number|lot|bit|second|dozen|hundred|thousand|"
                            r"million|total|while)\b)[a-z]")

# An object, then what the subject takes it to be: 'viewed Lund as a threat', 'considers him
# a liar', 'thinks herself unbeatable' (not 'saw him there', 'see him become ...').
_OBJECT_COMPLEMENT = re.compile(
    r"\s+(?:him|her|them|it|us|me|himself|herself|themselves|itself|"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+(?:as\s+[\w“\"']|an?\s+[a-z]|(?:un)?[a-z]+"
    r"(?:ous|ful|ble|ive|ic|ent|ant|ist|ish|est)\b)")

# A clause a verb of thinking takes with no 'that' and no determiner: 'believe this gives the
# mine an edge', 'believe meaningful relief is possible'.
_BARE_THOUGHT_CLAUSE = re.compile(
    r"\s+(?:(?:this|that|it)\s+(?!is\b|was\b|has\b)[a-z]+[^\Ws]s\b|(?!(?:in|of|to|for|on|at|with|"
    r"about|from|by|and|or|so|too|very|more|most|that|this|it|there|what|who|how|[a-z]+ed)\b)"
    r"(?:[a-z][\w’'-]*\s+){1,2}"
    r"(?:is|are|was|were|will|would|can|could|must|should|might|may)\b)")

# 'knew what the results would be', 'knows just who to call': a question's clause.
_WH_CLAUSE = re.compile(r"\s+(?:just\s+|exactly\s+)?(?:what|who|where|when|which)\s+[a-z]")

# Not at a comma before a participle, which a scan for 'that' must not cross: a 'that'
# after ', saying' opens what the participle reports ('pushed back on the claims
# Thursday, saying that ...').
_NOT_BEFORE_A_PARTICIPLE = r"(?!,\s*[a-z]+ing\b)"

# A clause after a cue: 'that ...', a colon or quote, or a pronoun with a finite verb
# ('announced it would seek', 'noted he had won').
_AUXILIARY = (r"(?:would|will|had|has|have|was|is|were|are|could|can|did|does|do|should|"
              r"must|might|may|wo|'d|’d|'ll|’ll)\b")
_CLAUSE_AFTER_CUE = re.compile(
    r"\s*(?:(?:" + _NOT_BEFORE_A_PARTICIPLE + r"[^.;:\"“]){0,50}?\s)?(?:that\b|[:“\"])"
    r"|\s+(?:how|why|whether)\s"
    r"|\s+(?:on\s+\w+day\s+)?"
    r"(?:(?:he|she|it|they|we|I|you|there)\s+" + _AUXILIARY
    # a subject pronoun opens a clause whatever its verb ('hope he keeps', 'knew they lost');
    # 'it' and 'you' may be objects ('know you'), 'him' and 'them' always are
    + r"|(?:he|she|they|we|I)\s+(?!(?:and|or|but|who)\b)[a-z])")

# A clause whose subject is a long noun phrase, after a verb of thinking: 'hopes his latest
# endorsement before the Varn primary will help', 'thinks both Kade and Lund are right'. The
# phrase holds no clause of its own (no 'who', 'that', 'to', no punctuation).
_LONG_NOUN_CLAUSE = re.compile(
    r"\s+(?!(?:in|of|to|for|on|at|with|about|from|by|and|or|but|so|as|if|that|this|there|what|"
    r"who|how|when|where|why|it|him|them|me|us|not)\b)"
    r"(?:(?!(?:who|whom|whose|which|that|where|when|if|because|as|than|to|but|or|while|"
    r"since|until)\b)[\w’'.-]+\s+){2,10}?(?:not\s+)?" + _AUXILIARY)

# A clause with a noun subject and no 'that': 'believes Ann Kade will win', 'fears the plan
# could fail', 'hopes Kade and Moro do not'.
_NOUN_CLAUSE_AFTER_CUE = re.compile(
    r"\s+(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|(?:the|a|an|his|her|their|its|this|these|"
    r"those|many|most|some|all|other)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
    r"(?:\s+and\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)?\s+(?:not\s+)?" + _AUXILIARY)

# A clause whose subject is a bare plural ('thinks voters are tired') or whose verb is no
# auxiliary ('believe the debate went well', 'fears the talks collapsed').
_PAST_TENSES = ("went|came|made|took|got|gave|saw|knew|left|lost|won|held|kept|found|felt|became|"
                "began|ran|met|paid|brought|fell|grew|sent|spent|stood|hit|cut|put|set|hurt")
_NOT_IN_A_NOUN_PHRASE = r"(?!(?:of|in|into|on|at|for|with|to|from|by|over|about|and|or)\b)"
_BARE_OR_FINITE_CLAUSE = re.compile(
    r"\s+(?:(?!(?:has|is|was|does|this|its|his|us)\b)[a-z][\w’'-]*[^\Ws]s\s+(?:not\s+)?"
    + _AUXILIARY
    + r"|(?:the|a|an|his|her|their|its|this|these|those|many|most|some|all|other)\s+(?:"
    + _NOT_IN_A_NOUN_PHRASE + r"[\w’'-]+\s+){0,2}?" + _NOT_IN_A_NOUN_PHRASE + r"[a-z][\w’'-]*\s+"
    # a past tense, not a participle before a noun ('a large pledged delegate lead')
      r"(?:(?:" + _PAST_TENSES + r")\b|[a-z]{3,}ed(?=[.,;!?]|\s+(?:the|a|an|his|her|their|its|to|"
      r"in|on|at|by|for|with|from|over|after|before|and|but|[a-z]+ly)\b)))")

# 'thinks it's good', 'believes Kade's right', 'think we're done'.
_CONTRACTED_CLAUSE = re.compile(r"\s+(?:[A-Z][\w.-]*|he|she|it|they|we|I|you|there|that|"
                                r"somebody|someone|nobody|everyone)(?:'s|’s|'re|’re|'m|’m|'ve|"
                                r"’ve|'d|’d|'ll|’ll)\s")

# What a verb of thinking may take besides a clause: an infinitive ('expects to save'), an
# object and an infinitive ('expect it to raise rates'), or an object and 'as' ('see him as
# an asset').
_THOUGHT_COMPLEMENT = re.compile(r"\s+(?:not\s+)?to\s+[a-z]|\s+(?:[\w’'.-]+\s+){1,4}?(?:to\s+"
                                 r"[a-z]|as\s+(?:a|an|the|[a-z]+)\b)")

# What a verb of seeing takes with a long object: 'see police violence against miners as a
# problem', 'doesn't see the agency's role in the mine as antiquated'; not 'saw his lead
# grow as he campaigned' (a time) or 'as well'.
_SEES_AS = frozenset("see view regard consider perceive".split())
_LONG_OBJECT_AS = re.compile(
    r"\s+(?:(?!(?:who|whom|which|that|when|while|because|if|and|or|but|as|" + _AUXILIARY[3:]
    + r")[\w’'.-]+\s+){5,10}?"
    r"as\s+(?!(?:well|long|soon|much|many|far|if|though|part|of|he|she|they|we|it|I|you)\b)"
    # not a clause after 'as' ('as more than a million migrants crossed the border')
    r"(?!(?:[\w’'.-]+\s+){1,8}(?:" + _AUXILIARY + r"|[a-z]{3,}ed\s))[\w“\"']")

# What 'states' needs to be a verb, right after it: 'states that the ...', 'states: ...',
# 'states "..."'; not 'Southern states have', 'states that have voted', 'state delegate'.
_THAT_COLON_OR_QUOTE = re.compile(r"\s*(?:that\s+(?!(?:have|has|had|are|were|is|was|will|would|"
                                  r"could|can|may|might|voted|backed|held|hold)\b)|[:“\"])")

# 'told a crowd at a hall in Brenn last week that ...': the addressee, then the content; not
# 'told the host how surprised he was that ...', where the content starts at 'how'.
_TOLD_THAT = re.compile(r"\s*(?:(?!\b(?:how|why|whether|what|if)\b)[^.;:\"“]){0,90}?\bthat\s+")

# Who is told, before a clause without 'that': 'reporters', 'him', 'CNN', 'the Herald'.
_A_NAME = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
_ADDRESSEE = re.compile(r"\s+(?:" + _A_NAME + r"|reporters|voters|supporters|listeners|viewers|"
                        r"readers|donors|delegates|lawmakers|him|her|them|us|me|"
                        r"(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)")
_PRONOUN_CLAUSE = re.compile(r"\s+(?:he|she|it|they|we|I|you|there|this)\s+" + _AUXILIARY)

# What makes 'asked' report a question: 'asked whether ...', 'asked about ...', a quote.
_QUESTION_AFTER = re.compile(r"\s*(?:[^.;:\"“]{0,40}?\s)?(?:whether|if|why|how|what|who|when|where|"
                             r"which|about)\b|\s*(?:(?:him|her|them|us|me)\s+)?[:“\"]"
                             # 'asked the mayor during a phone-in on Varn FM if ...': a long
                             # object before 'if' or 'whether', which ask no other way
                             r"|\s+[^.;:\"“]{41,80}?\s(?:whether|if)\s"
                             # 'asked the candidates a simple question: Who ...?'
                             r"|\s+[^.;:\"“?]{1,50}:\s"
                             # a request: 'asked the court to rule', 'asked to see the
                             # tests'; not 'asked not to be named', 'asked to remain anonymous'
                             r"|\s+(?!not\b)(?:[\w’'.-]+\s+){0,8}?(?:not\s+)?to\s+"
                             r"(?!be\s+(?:named|identified|quoted)\b|remain\s+anonymous|"
                             r"speak\s+on\b)[a-z]")

# What 'declined' needs to report a refusal: 'declined to comment', 'declined comment',
# 'declined repeated requests', 'declined an interview'; not 'profits declined'.
_INFINITIVE_OR_COMMENT = re.compile(r"\s+(?:[a-z]+\s+)?(?:to\s+[a-z]|comment|requests?\b|"
                                    r"an?\s+interview|interviews?\b)")

# A time, a place or a medium between the cue and 'that': 'said late Wednesday in Buffalo,
# New York, that', 'said in a statement that', 'wrote on Twitter that'.
# (never over a comma and a participle)
_ADJUNCT_THEN_THAT = re.compile(
    r"\s+(?:(?:on|in|at|during|via|late|early|last|this|earlier|yesterday|today|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"(?:" + _NOT_BEFORE_A_PARTICIPLE + r"[^.;:\"“”]){0,100}?,?\s+that\s+")

# Who is spoken to, then the clause: ' to Varn Radio why', ' to the Herald that '.
_ADDRESSEE_THEN_CLAUSE = re.compile(r"\s+to\s+(?:[A-Z]|(?:the|a|an|his|her|their|its|reporters|him|"
                                    r"them|us|me)\b)[^.;:\"“”]{0,60}?\s(?:that\s+|(?=(?:why|"
                                    r"how|whether|what|who|when|where)\s))")
# Cues whose 'to X' is who is spoken to, not what the cue is about ('responded to the news').
_SPOKEN_TO = frozenset("explain complain say write report admit confess mention suggest announce "
                       "declare describe reiterate acknowledge joke boast brag insist stress "
                       "emphasize concede confide recount repeat signal indicate vow "
                       "swear".split()) | {"make it clear"}

# ', that', ': ', 'on Monday that', 'repeatedly that', ', however, that', and a day before a
# clause ('said Monday it would', not 'said Monday is the deadline'): what stands between a
# cue and its content.
_CONTENT_LEAD_IN = re.compile(r"\s*(?:,\s*(?:however|though|too|also|moreover|meanwhile|instead|"
                              r"nonetheless|nevertheless|again|still|indeed),\s*(?=that\s))?"
                              r"(?:[,:]\s*)?(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                              r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?!" + _AUXILIARY
                              + r"|morning|afternoon|evening|night))?"
                              r"(?:on\s+\w+day\s+)?(?:(?:[a-z]+ly\s+)+(?=that\s))?"
                              r"(?:that\s+)?")

# Who is warned, assured or reminded, before 'that': 'warned Holm that', 'assured voters that';
# after 'wrote' and 'promised' only a name or a pronoun ('wrote the report that ...' is a
# relative clause).
_ADDRESSED = frozenset("warn assure reassure remind inform advise caution notify".split())
_NAMED_ADDRESSEE = frozenset("write promise email".split())
_ADDRESSEE_THEN_THAT = re.compile(r"\s+(?:" + _A_NAME + r"|reporters|voters|supporters|him|"
                                  r"her|them|us|me|you|(?:the|his|her|their|its)\s+"
                                  r"(?:[\w’'-]+\s+){0,2}?[\w’'-]+)\s+that\s+")
_NAME_OR_PRONOUN_THEN_THAT = re.compile(r"\s+(?:" + _A_NAME + r"|him|her|them|us|me|you)"
                                        r"\s+that\s+")
# What a worry raised is about: 'raised concerns about', 'over', 'that' (requires 'topic').
_TOPIC = re.compile(r"\s+(?:about|over|regarding|that)\s+")
# What goes unanswered: 'did not return calls', 'a phone message', 'emails seeking comment'
# (requires 'message').
_MESSAGE = re.compile(r"\s+(?:(?:a|an|the|his|her|their|its|our|my|repeated|several|multiple|"
                      r"numerous|phone|telephone|[\w’'-]+[’']s)\s+){0,3}(?:calls?|messages?|"
                      r"requests?|e-?mails?|inquir(?:y|ies)|texts?|voicemails?)\b")


# What may close a sentence after 'told' and its addressee: a time or place, no content
# ('who told Congress.', 'what Kade told the Courier before her speech').
_ADJUNCTS_TO_THE_END = re.compile(r"\s*(?:(?:on|in|at|during|before|after|last|this|earlier|"
                                  r"later|\w+day)\b(?:\s+(?!that\b)[\w’'-]+){0,5})?[.!?]?[\"”’]?\s*")


# What a filer reports: 'reported raising $9 million', 'reported earnings of $8.42 a share',
# 'reported no arrests'.
_FIGURES_REPORTED = re.compile(r"\s+(?:(?:not\s+)?[a-z]{3,}ing\s|no\s+[a-z]|[^.;:\"“]{0,40}?"
                               r"(?:\$\s?\d|\d[\d,.]*\s*(?:percent|%|million|billion)))")


def _long_noun_clause(ctx: DocumentContext, cue: Cue, end: int) -> bool:
    """'hopes his latest endorsement before the primary will help'; not 'Anyone who knows
    anything about Kade knows he ...', whose phrase holds a cue of its own, nor a
    participle ('considering the party under Kade is ...' gives a reason)."""
    clause = _LONG_NOUN_CLAUSE.match(ctx.text, cue.end, end)
    return bool(clause) and not cue.is_participle(ctx.text) and not (
        reporting_lexicon().cues(ctx.text, cue.end, clause.end()))


def requirement_met(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> bool:
    end = min(sentence.end, cue.end + WINDOW)
    if cue.lemma == "tell":  # 'Kade told the Courier.' tells no content
        addressee = _ADDRESSEE.match(ctx.text, cue.end, sentence.end)
        if addressee and _ADJUNCTS_TO_THE_END.fullmatch(ctx.text, addressee.end(), sentence.end):
            return False
    if cue.requires == "topic":  # 'raised concerns about it', not 'among experts'
        return bool(_TOPIC.match(ctx.text, cue.end, end))
    if cue.requires == "message":  # 'did not return calls', not 'did not return to Varn'
        return bool(_MESSAGE.match(ctx.text, cue.end, end))
    if cue.requires == "as":
        return bool(_AS.search(ctx.text, cue.end, end))
    if cue.requires == "figure" and _FIGURES_REPORTED.match(ctx.text, cue.end, end):
        return True  # 'reported raising $9 million', 'reported a profit of $1.78 a share'
    if cue.requires in ("clause", "figure"):
        return bool(_CLAUSE_AFTER_CUE.match(ctx.text, cue.end, end)
                    or _NOUN_CLAUSE_AFTER_CUE.match(ctx.text, cue.end, end)
                    or _CONTRACTED_CLAUSE.match(ctx.text, cue.end, end)
                    or _BARE_OR_FINITE_CLAUSE.match(ctx.text, cue.end, end)
                    or cue.kind == "thought" and (
                        _THOUGHT_COMPLEMENT.match(ctx.text, cue.end, end)
                        # 'considers him a racist', 'viewed Lund as a threat'
                        or _OBJECT_COMPLEMENT.match(ctx.text, cue.end, end)
                        or _BARE_THOUGHT_CLAUSE.match(ctx.text, cue.end, end)
                        or _long_noun_clause(ctx, cue, end)
                        or _WH_CLAUSE.match(ctx.text, cue.end, end)
                        or cue.lemma in _SEES_AS and _LONG_OBJECT_AS.match(
                            ctx.text, cue.end, end)))
    if cue.requires == "that":
        return bool(_THAT_COLON_OR_QUOTE.match(ctx.text, cue.end, end))
    if cue.requires == "question":
        return bool(_QUESTION_AFTER.match(ctx.text, cue.end, end))
    if cue.requires == "object":
        return bool(_QUOTED_OBJECT.match(ctx.text, cue.end, end))
    if cue.requires == "infinitive":
        return bool(_INFINITIVE_OR_COMMENT.match(ctx.text, cue.end, end))
    return bool(ANY_WORD_CHAR.search(ctx.text, cue.end, end))


def content_start(ctx: DocumentContext, cue: Cue, sentence: Sentence) -> int:
    end = min(sentence.end, cue.end + WINDOW)
    if cue.lemma == "tell":
        told = _TOLD_THAT.match(ctx.text, cue.end, end)
        if told:
            return told.end()
        # 'told reporters this was the last chance', 'told CNN the mine was safe'
        addressee = _ADDRESSEE.match(ctx.text, cue.end, end)
        if addressee and (_PRONOUN_CLAUSE.match(ctx.text, addressee.end(), end)
                          or _NOUN_CLAUSE_AFTER_CUE.match(ctx.text, addressee.end(), end)):
            return addressee.end() + 1
    # (a 'that' is looked for first: most cues have none after them, and a str.find is far
    # cheaper than a regex call)
    adjunct = ctx.text.find("that", cue.end, end) >= 0 and _ADJUNCT_THEN_THAT.match(
        ctx.text, cue.end, end)
    if adjunct:  # 'said Sunday in Madison, Wisconsin, that ...': the content is after 'that'
        return adjunct.end()
    addressee = ctx.text.startswith(" to ", cue.end) and cue.lemma in _SPOKEN_TO and (
        _ADDRESSEE_THEN_CLAUSE.match(ctx.text, cue.end, end))
    if addressee:  # 'explained to Varn Radio why ...', 'complained to the Herald that ...'
        return addressee.end()
    if cue.requires == "topic":  # 'raised concerns about the cost': the cost
        topic = _TOPIC.match(ctx.text, cue.end, end)
        if topic:
            return topic.end()
    if cue.lemma in _ADDRESSED or cue.lemma in _NAMED_ADDRESSEE:
        addressee = (_ADDRESSEE_THEN_THAT if cue.lemma in _ADDRESSED
                     else _NAME_OR_PRONOUN_THEN_THAT).match(ctx.text, cue.end, end)
        if addressee:  # 'warned Holm that ...': the content is after 'that'
            return addressee.end()
    match = _CONTENT_LEAD_IN.match(ctx.text, cue.end, end)
    return match.end() if match else cue.end
