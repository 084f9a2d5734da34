"""The pieces every attribution form is built from: the speaker phrase before or after a cue,
what must follow a cue, and where content starts and ends. The subject of a clause is
:mod:`biaskit.attribution.clauses`'s."""

from __future__ import annotations

import re

from biaskit.attribution.clauses import CLAUSE_CONTRACTION, NOT_SUBJECT_START
from biaskit.attribution.context import DocumentContext
from biaskit.attribution.mentions import (
    APPROXIMATE_COUNT,
    DETERMINERS,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    entity_words,
    is_people_phrase,
    looks_like_name,
    part_of,
)
from biaskit.lexicons import trie_regex


def _negated(verbs: str) -> frozenset[str]:
    """The contracted negations of the verbs, with either apostrophe: 'didn't', 'didn’t'."""
    return frozenset(f"{verb}n{mark}t" for verb in verbs.split() for mark in "'’")


SEEM_TO = frozenset("seem seems seemed appear appears appeared".split())
# Words that may stand between a speaker and the cue: "has also strongly denied".
BETWEEN_SPEAKER_AND_CUE = frozenset(
    "has have had was were is are will would might could must should may can been "
    "also strongly repeatedly again later then twice "
    "previously earlier further firmly flatly categorically vehemently publicly officially "
    "once quickly swiftly immediately today yesterday not never did does do now still even "
    "just first often sometimes usually always long already "
    # catenative verbs: 'the group began calling for', 'she went on to say'
    "began begin begins started start starts kept keep keeps went on "
    # verbs before an adjective cue: 'his donors remain confident that'
    "remain remains remained stay stays stayed increasingly".split()) | SEEM_TO | (
    _negated("did does do would could has have had wo ca"))  # 'he wouldn't say', 'hasn’t said'

NOT_SPEAKER_END = frozenset(
    "the a an of for to in on at by with and or no not any some its his her their this that "
    "who which as than".split())

_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\b[^,]*,")

_RELATIVE_CLAUSE_TO_END = re.compile(r",\s+(?:who|which)\b[^;:\"“”]*,\s*$")

# An apposition ending in a relative clause, before the verb: ', a nominal Republican who
# voted for Kade and Moro,' (the relative clause goes; the apposition stays).
_APPOSITION_RELATIVE_TO_END = re.compile(r"(,\s+(?:a|an|the)\s[^,;:\"“”]*?)\s+(?:who|which)\s"
                                         r"[^;:\"“”]*,\s*$")


_PARENTHESIS_AT_END = re.compile(r"\s*\([^()]{1,40}\)[\s,]*$")
_EXAMPLES_AT_END = re.compile(r",\s*(?:including|like|such\s+as)\s[^,;]*,\s*$")
# 'she released a statement (saying)', 'The museum issued a report Tuesday (charging)': the
# sender, then the message that reports; the sender speaks.
_SENT_MESSAGE = re.compile(
    r"\s+(?:(?:has|had|have|also|then|later)\s+)*(?:issued|released|sent|put|posted|published|"
    r"penned|filed|circulated|shared|tweeted)(?:\s+out)?\s+(?:a|an|the|his|her|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:statement|report|letter|message|e-?mail|memo|tweet|post|note|"
    r"video|ad|op-ed|column|essay|release)s?"
    # then at most a time, a place or the people it went to: 'on Tuesday', 'to supporters'
    r"(?:\s+(?:on|to|in|last|this|late|early)(?:\s+[\w’'-]+){1,3}|\s+\w+day)?\s*$")
_RELATIVE_AT_END = re.compile(r"\b(?:who|which|that)(?:\s+(?:has|had|have|also|then|later))*$")
_SENDING_VERB = re.compile(r"\b(?:issued|released|sent|put|posted|published|penned|filed|"
                           r"circulated|shared|tweeted)\b")


def without_sent_message(phrase: str) -> str:
    """'The museum issued a report Tuesday' -> 'The museum': the sender of a message that
    speaks (a report that shows speaks for itself: keep the phrase for evidence)."""
    # (a verb of sending is looked for first: the whole pattern is tried at every space)
    sent = _SENT_MESSAGE.search(phrase) if _SENDING_VERB.search(phrase) else None
    if not sent or _RELATIVE_AT_END.search(phrase, 0, sent.start()):
        return phrase  # 'One of the doctors who sent the letter said': the doctor
    return phrase[:sent.start()]

_CLAUSE_WORDS = "and but while whereas as after before because that which who what when".split()


ANY_WORD_CHAR = re.compile(r"\w")

_CAPITALISED_WORDS = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*")

# Words that open a clause before its subject: 'But Kade said', 'While one firm says'.
_RELATIVE_START = re.compile(r"(?:who|which)\s")

# As a trie in any case (trie_regex), which re.IGNORECASE would match the same: its 28 words
# were each entered for every phrase. Only one word can stand before the spaces at a position.
LEADING_CONJUNCTION = re.compile(r"^(?:" + trie_regex(
    "and but so then yet while whereas where when because even although though since if once "
    "until unless as after before "
    "now meanwhile still instead".split(),  # sentence adverbs without a comma: 'Now Kade says'
    any_case=True) + r"\s+)+")

# A US party and state after a name: 'Sen. Ann Kade, R-Fla., said' (Kade speaks); a party
# alone in brackets, split off at its '(': 'Ed Lund (D), a Kade ally, said'. ('_' in a state
# is a masked full stop.)
_PARTY_AND_STATE = re.compile(r"\(?[RDI]-[A-Z][A-Za-z._]{0,12}\)?|[RDI]\)")

# Participles that close a description of people: 'those surveyed', 'voters polled'.
SURVEYED = frozenset("surveyed polled interviewed questioned sampled asked".split())

# Clause breaks: punctuation, or a conjunction or relative word in any case. The pattern
# opens with one set of characters (a mark or a space), which the engine skips ahead to; as
# alternatives it was tried at every position.
_BREAK_MARKS = ",;:(—–"
_CLAUSE_BREAK = re.compile(rf"[{_BREAK_MARKS}\s](?:(?<=[{_BREAK_MARKS}])|(?<=\s)(?:-+(?=\s|$)|"
                           + trie_regex(_CLAUSE_WORDS, any_case=True) + r"\s))")

# Words after which a cue form is a noun ('the report', 'in support of'); 'that' is left
# out, as it may open a relative clause: 'a report that said ...'.
NOUN_BEFORE = frozenset((DETERMINERS - {"that"}) | PREPOSITIONS | {"to", "our", "my", "your",
                                                                   "despite", "amid", "amidst"})

POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")

# Lower-case words that may open a titled name: 'former Senator Ann Kade', 'then-Gov. Kade',
# 'state Sen. Ann Kade'.
_ROLE_MODIFIERS = frozenset("former then acting interim outgoing incoming retired longtime "
                            "onetime late current ex state county city federal freshman "
                            "veteran".split())

COORDINATORS = frozenset(("and", "but", "or", "then", "yet"))

AND_BEFORE_CUE = re.compile(
    r"(?:,\s*)?\b(?:and|but)\s+(?:(?:also|then|later|again|once|repeatedly|has|had|have|"
    r"would|will|did|does|not|never)\s+)*$")  # 'and once again did not like', 'but not mention'


def and_before(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``AND_BEFORE_CUE.search(text, lo, hi)``, run only where the span holds an 'and' or a
    'but': the pattern ends at the span's end, and was tried at every position of it."""
    if text.find("and", lo, hi) < 0 and text.find("but", lo, hi) < 0:
        return None
    return AND_BEFORE_CUE.search(text, lo, hi)


# 'a shrewd and determined rival', 'an awkward but promising start': two adjectives of one
# noun, not a second verb.
_ADJECTIVES_AND = re.compile(r"\b(?:a|an|the|his|her|its|their|our|my|your|most|more|very)\s+"
                             r"[a-z][\w-]*\s$")
# ... and the noun they modify, then a preposition or a mark ('determined opponent in a long
# race'), not a clause ('and said funding is needed').
_NOUN_AFTER = re.compile(r"\s+(?!(?:the|a|an|this|that|these|those|any|some|no|all|more|"
                         r"nothing|it|he|she|they|we|him|them|me|us|you|to|as)\b)[a-z][\w-]*"
                         r"(?:[,.;:!?]|\s+(?:in|of|on|at|for|with|from|by|and|or|but)\b)")


def adjectives_of_one_noun(text: str, and_start: int, cue_start: int, cue_end: int) -> bool:
    """'a shrewd and determined rival in ...': the 'and' at ``and_start``, right before the
    cue form, joins two adjectives of one noun, and the cue form is no second verb."""
    return text[and_start:cue_start] in ("and ", "but ") and bool(
        _ADJECTIVES_AND.search(text, max(0, and_start - 40), and_start)) and bool(
        _NOUN_AFTER.match(text, cue_end))


# 'responded by saying', 'said A before claiming B', 'replied, before adding', 'responded by
# first saying': a participle after these prepositions reports what the sentence's subject said
# (not ', by asking ...', a list of means).
PREPOSITION_BEFORE_PARTICIPLE = re.compile(r"(?:[a-z]\s+by|[a-z,]\s+(?:before|after|while))(?:\s+"
                                           r"(?:first|then|also|later|again|simply))?\s*$")

VERB_LIKE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|did|do|does|"
                       r"should|must|might|may|shall)\b"
                       # 'whom he’s alienated': a pronoun and a contracted auxiliary
                       r"|\b(?:he|she|it|they|we|I|you|who)['’](?:s|ve|d|re|ll|m)\b")

PASSIVE_AUXILIARIES = frozenset("been being be is are was were".split()) | _negated(
    "is are was were")  # 'wasn’t said'

_ARTICLES_AND_POSSESSIVES = DETERMINERS - {"that", "this", "these", "those"}


# 'issued a statement saying', 'sent a letter on Monday saying': a message and what it says.
MESSAGE_BEFORE = re.compile(r"\b(?:statement|release|letter|message|email|e-mail|memo|tweet|"
                            r"post|note|video|ad|advertisement)s?(?:\s+(?:on\s+)?(?:\w+day|"
                            r"last\s+\w+|this\s+\w+|late\s+\w+|early\s+\w+))?\s+$")

_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))


def _last_clause(before: str) -> str:
    """``_CLAUSE_BREAK.split(before)[-1]``, split from the last punctuation mark on.

    Every such mark is a break of its own (no other break holds one), so the pieces after it
    are the same as in the whole; the words before it, up to 300 characters of them, are not
    split for nothing."""
    last_mark = max(map(before.rfind, _BREAK_MARKS))
    return _CLAUSE_BREAK.split(before[last_mark + 1:])[-1]


def subject(ctx: DocumentContext, before: str) -> str:
    """The noun phrase that ends ``before`` if it can be a speaker, else ''."""
    # Each pattern runs only on a phrase holding its fixed letters ('wh', ')'): most phrases
    # have neither, and a substring test is far cheaper than a regex substitution.
    if "wh" in before:
        # ', who served in Iran, Turkey and France,': a relative clause with commas of its
        # own runs to the comma before the verb.
        before = _RELATIVE_CLAUSE_TO_END.sub(",", before)
        before = _RELATIVE_CLAUSE.sub(",", before)  # ', who asked not to be named,'
        before = _APPOSITION_RELATIVE_TO_END.sub(r"\1,", before)
    if ")" in before:
        # 'Sen. Ann Kade (D-Wis.) said'; a comma after it still closes an apposition
        before = _PARENTHESIS_AT_END.sub(lambda m: "," if "," in m.group() else "", before)
    if "includ" in before or " as " in before or " like " in before:
        # 'Veterans at the rally, including Mr. Brekke, said': the veterans, not an example
        before = _EXAMPLES_AT_END.sub("", before)
    # Usually only the last part is needed: tidy the others only when it is empty.
    phrase = LEADING_CONJUNCTION.sub("", _last_clause(before).strip())
    pieces = [] if phrase else _CLAUSE_BREAK.split(before)
    if len(pieces) >= 2:  # 'Viktor Bondarev, commander-in-chief ..., said'
        parts = [LEADING_CONJUNCTION.sub("", p.strip()) for p in pieces[:-1]]
        earlier = [p for p in parts if p and not _PARTY_AND_STATE.fullmatch(p)]
        # 'X, the party's chair, said' and 'The report, published on Monday, said': the
        # phrase before the apposition, or the name among them.
        # 'Ann Kade, 22, of Flint, Mich., said', 'Kade, at a rally in Flint, Mich., said':
        # the place that goes on a prepositional phrase is no name, nor is a state ('a
        # welder from Osage, Mo., said').
        place_words = entity_words()["place"]
        places = {i + 1 for i, p in enumerate(earlier) if p.split()[0] in PREPOSITIONS} | {
            i for i, p in enumerate(earlier) if p.lower().replace("_", ".") in place_words}
        # (not an opening phrase: 'On Saturday, Ivo Lund of Varn, a rival, said')
        phrase = next((p for i, p in reversed(list(enumerate(earlier)))
                       if looks_like_name(p) and i not in places
                       and p.split()[0].lower() not in PREPOSITIONS), "") or (
            _head_before_appositions(earlier, before))
        if phrase and phrase.split()[0].endswith("ly") and phrase[:1].islower():
            return ""  # 'most lately in a broadcast on Radio Varn, that he': no subject
    words = phrase.split()
    if not words or len(words) > 12:
        return ""
    first, last = words[0], words[-1].lower()
    if len(words) == 1 and last in ("there", "here"):
        return ""  # 'There were reports that ...': nobody speaks
    if len(words) == 2 and first.lower() == "let" and last in ("me", "us"):
        return words[1]  # 'Let me just say that ...': the writer speaks
    if len(words) > 1 and last in _SUBJECT_PRONOUNS:
        return words[-1]  # 'In 2019 she said': a pronoun takes no words before it
    if first[-2:].lower() in ("'s", "’s") and CLAUSE_CONTRACTION.fullmatch(first.lower()):
        # 'That's below the $5 million engineers say it needs': the people at the end
        return words[-1] if len(words) > 2 and is_people_phrase(words[-1]) else ""
    # A share or count of people (_quantity) is looked for only where a test needs it: it
    # takes three pattern calls, and most phrases are settled without it.
    if (first.lower() in NOT_SUBJECT_START or first.lower() in PREPOSITIONS) and not (
            _quantity(phrase)):
        return ""  # 'When asked ...', 'In Vermont ...': an opening phrase, not a subject
    if last in NOT_SPEAKER_END and phrase.lower() != "some" or last.endswith(("ed", "ing")) and len(
            words) > 1 and not (
            words[-1][:1].isupper() or _quantity(phrase) or last in SURVEYED or owned(words[-2])
            or last in entity_words()["source"]):  # 'Exit polling', 'the briefing'
        return ""
    if first.lower() in PRONOUNS or first.lower() in DETERMINERS or first[:1].isupper():
        return phrase
    if first.lower() in QUANTIFIERS or first[:1].isdigit() or is_people_phrase(phrase) or (
            _quantity(phrase)) or _bare_source(words):
        return phrase  # 'sources said', '52 percent of voters say', 'about half of voters'
    if _role_then_name(words):
        return phrase  # 'spokesman Tomas Brekke said', 'chief executive Dana Okafor said'
    if len(words) > 1 and first.lower().split("-")[0] in _ROLE_MODIFIERS and (
            words[1][:1].isupper() or _role_then_name(words[1:]) or "-" in first):
        return phrase  # 'former Education Secretary Ann Kade', 'then-Gov. Kade'
    # 'Varn Radio vice president for news and talk Ada Holm said': the end of a role, its name
    # (not 'slammed by Ann Kade', 'a letter to Ann Kade': a verb or a preposition before it)
    tail = next((m.group() for m in _CAPITALISED_WORDS.finditer(phrase)
                 if m.end() == len(phrase)), "").split()
    before = [w.lower() for w in words[:len(words) - len(tail)]]
    return " ".join(tail) if len(tail) > 1 and before and before[-1] not in PREPOSITIONS and not (
        any(VERB_LIKE.fullmatch(w) or w.endswith(("ed", "ing")) for w in before)) and not (
        before[-1] in DETERMINERS and before[-2:-1] and before[-2] in PREPOSITIONS
    ) else ""  # not '... spoke with the Varn Courier': the name is a preposition's object


def _head_before_appositions(pieces: list[str], before: str) -> str:
    """'The report, published on Monday, said': the phrase before the last apposition; and
    before an apposition that a participle opens ('The website, run by Ivo Dorn, a
    professor, said': the website; not a clause after 'who': 'residents who run ...')."""
    if len(pieces) < 2:
        return pieces[0] if pieces else ""
    opening = pieces[-2].split()[0]
    participle = opening.islower() and (
        opening.endswith(("ing", "ed")) or opening in _IRREGULAR_PARTICIPLES)
    if len(pieces) >= 3 and participle and f", {pieces[-2]}" in before and not any(
            word.endswith("ing") for word in pieces[-3].split()):
        # (not in a list of acts: 'The measures include delaying refunds, borrowing ...')
        return pieces[-3]
    return pieces[-2]


_IRREGULAR_PARTICIPLES = frozenset("run seen led known written held clad shown given made "
                                   "taken told".split())


def _quantity(phrase: str) -> bool:
    """'31 percent of those surveyed', 'half of them', 'about four out of 10 voters', 'after
    half': a share or count of people."""
    return bool(part_of(phrase) or APPROXIMATE_COUNT.match(phrase) or (
        _SHARE_AT_END.fullmatch(phrase)))


def owned(word: str) -> bool:
    """'Kade's thinking', 'his planning': after a possessive, an -ing word is a noun."""
    lowered = word.lower()
    return lowered.endswith(POSSESSIVE_ENDINGS) or lowered in POSSESSIVES or lowered in (
        "our", "my")


def _bare_source(words: list[str]) -> bool:
    """'exit polls suggested', 'leaked emails show': a few words ending in a written source,
    with no verb, determiner, preposition or adverb ('has set up a website' is no source)."""
    lowered = [w.lower() for w in words]
    return len(words) <= 3 and lowered[-1] in entity_words()["source"] and not any(
        VERB_LIKE.fullmatch(w) or w in DETERMINERS or w in PREPOSITIONS or w.endswith("ly")
        for w in lowered)


def _role_then_name(words: list[str]) -> bool:
    """'spokesman Ann Kade', 'former state senator Ann Kade': lower-case words ending in a
    role noun, then a name."""
    split = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))
    role, name = words[:split], words[split:]
    if not role or not name or len(role) > 4 or not looks_like_name(" ".join(name)):
        return False
    head = role[-1].lower()
    return head in entity_words()["people"] or head in entity_words()["title"]


_APPOSITION_WITH_RELATIVE = re.compile(r"(?:a|an|the)\s+(?:(?!(?:who|whose|which|that)\b)"
                                       r"[\w’'.-]+\s+){1,8}(?:who|whose|which|that)\s")


def subject_chain(ctx: DocumentContext, lo: int, hi: int) -> bool:
    """True when text[lo:hi] is a noun phrase with appositions and no verb:
    'Its chair, Ann Kade,' or 'The alliance, a residents' group,'."""
    pieces = [p.strip() for p in ctx.text[lo:hi].split(",")]
    pieces = [p for p in pieces if p]
    if len(pieces) >= 3 and pieces[0].split()[0].lower() in PREPOSITIONS:
        pieces = pieces[1:]  # 'At the rally, Kade, a lawyer,': an opening phrase first
    return 2 <= len(pieces) <= 3 and all(
        # 'Ann Kade, who worked for the party in 2008, said': a relative clause may be long,
        # and so may an apposition ending in one ('a lawyer who represented the miners')
        (_RELATIVE_START.match(p) or _APPOSITION_WITH_RELATIVE.match(p)) and len(p.split()) <= 30
        or len(p.split()) <= 12 and not VERB_LIKE.search(p) and not (
            p.endswith("ly") and p.split()[-1] not in entity_words()["people"])  # 'an ally'
        for p in pieces[1:]) and len(pieces[0].split()) <= 12 and not VERB_LIKE.search(
        pieces[0]) and bool(subject(ctx, pieces[0]))


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(lo <= position < hi for lo, hi in spans)


def is_passive(word_before: str, cue_form: str) -> bool:
    """'has been accused', 'was told', 'is said to': the grammatical subject is not speaking."""
    word = word_before.lower()
    if word not in PASSIVE_AUXILIARIES:
        return False
    cue = cue_form.lower()
    if cue.endswith("ing"):
        return False  # 'has been saying', 'is telling': active
    return word in ("been", "being", "be") or cue.endswith(("ed", "en")) or cue in (
        "said", "told", "found", "shown", "written", "thought", "known", "seen", "held", "sought")


# A share of people: '64 percent', 'six in 10 of them', 'about half'.
SHARE_OF_PEOPLE = (r"(?<![\w’'-])(?:(?:about|nearly|almost|roughly|only|just|some)\s+)?(?:\d[\d,.]*"
                   r"(?:\s+percent|%)|(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+"
                   r"(?:in|out\s+of)\s+(?:\d+|three|four|five|six|seven|eight|nine|ten)\b|half|a\s+third|a\s+quarter|a\s+majority|(?:two|three)-(?:thirds|quarters))"
                   r"(?:\s+of\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)?")
_SHARE_AT_END = re.compile(r"(" + SHARE_OF_PEOPLE + r")[\s,]*$", re.IGNORECASE)


def antecedent(before: str) -> str:
    """The noun phrase a relative clause hangs on: '... rejected allegations by the
    London-based group Amnesty International' -> 'the London-based group Amnesty International'."""
    if ")" in before:  # 'Sen. Ann Kade (R-Varn), who ...': Kade, not her party
        before = _PARENTHESIS_AT_END.sub("", before.rstrip(" ,"))
    words = before.strip(" ,-–—").split()
    quantity = _SHARE_AT_END.search(before)
    if quantity:  # '..., compared with 64 percent who say ...': the share of people
        return quantity.group(1)
    if words and words[-1].lower() in ("those", "anyone", "everyone", "someone"):
        return words[-1]  # 'Among those who want ...': the people the clause describes
    for i in range(len(words) - 1, max(-1, len(words) - 9), -1):
        if VERB_LIKE.fullmatch(words[i]) or CLAUSE_CONTRACTION.fullmatch(words[i].lower()):
            # 'The new campaign is pressure on mines in villages that': 'villages', not 'The
            # new campaign'; 'The audience has been older miners, who': 'older miners'.
            tail = [w for w in words[i + 1:] if w not in ("been", "being", "be")]
            cut = max((j for j, w in enumerate(tail) if w in PREPOSITIONS or w.endswith(",")),
                      default=-1)
            tail = tail[cut + 1:]
            if len(tail) > 1 and tail[0].endswith(("ing", "ed")) and looks_like_name(
                    " ".join(tail[1:])):
                return " ".join(tail[1:])  # 'was out-shouting Ivo Marsh, who': the name
            # 'are targeting Latino voters who': a verb phrase, no antecedent
            return "" if not tail or tail[0].endswith(("ing", "ed", "ly")) or (
                tail[0].lower() in NOT_SUBJECT_START) else " ".join(tail)
        if words[i].lower() in _ARTICLES_AND_POSSESSIVES:
            return " ".join(words[i:])
    names = list(_CAPITALISED_WORDS.finditer(before))
    if not names:
        return ""
    name = names[-1].group()
    first = name.split()[0].lower()
    # 'Among those who ...', 'There is nothing that ...': a sentence's first word, no name.
    if first in PREPOSITIONS or first in NOT_SUBJECT_START or first in ("there", "it"):
        return ""
    return name
