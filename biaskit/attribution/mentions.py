"""Name mentions: the names in a document's narrator text (outside quotes), their kind
(person, organisation, other) and descriptor. Word lists live in
``biaskit/data/entity_words.csv``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from biaskit.lexicons import trie_regex

# A day of the week, as a pattern fragment: 'on Monday', 'tweeted Sunday to say'.
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

PRONOUNS = {"he": "person", "she": "person", "it": "group", "they": "group", "we": "group"}
POSSESSIVES = {"his": "person", "her": "person", "its": "group", "their": "group"}
DETERMINERS = frozenset("the a an this that these those its his her their our".split())
PREPOSITIONS = frozenset("of in on at by for with from to into about against among between "
                         "under over after before during without within toward towards".split())
QUANTIFIERS = frozenset("many some most several few both all other others another one two "
                        "three four five six seven eight nine ten dozens hundreds thousands "
                        "millions".split())
# 'about half of', 'a majority of the', 'one of the doctors': the part of a group that speaks.
PART_OF = re.compile(r"^(?:about |nearly |almost |roughly |only |just |more than |less than |"
                     r"fewer than |at least |well over |over )?"
                     r"(?:a |the |one )?(?:(?:large|small|vast|slim|narrow|overwhelming|clear|"
                     r"solid|wide|sizable|sizeable|growing|slight|bare|big) )?"
                     r"(?:half|halves|thirds?|quarters?|majority|majorities|minority|minorities|"
                     r"plurality|pluralities|shares?|numbers?|most|none|percent|fifths?|tenths?|"
                     r"all|some|many|[\w.%-]+ percent|several|few|each|both|one|two|three|four|"
                     r"five|six|seven|eight|nine|ten|\d+|in \w+)\s+of\s+(?:the\s+)?", re.IGNORECASE)
_NAME_AFTER_A_PLURAL = re.compile(r"\b[a-z][\w’'-]*s\s+(?:[A-Z][\w’'.-]*\s*)+$")


def part_of(phrase: str) -> re.Match[str] | None:
    """``PART_OF.match(phrase)``, tried only on a phrase holding an 'of': on any other its
    case-blind alternatives took a microsecond to fail, and most phrases have none."""
    if "of" not in phrase.lower() or _NAME_AFTER_A_PLURAL.search(phrase):
        return None  # 'One of the jobs Perez (talks about)': Perez, in a relative clause
    return PART_OF.match(phrase)


# 'About four out of 10 voters', 'nearly two in three': a count of people, like PART_OF.
APPROXIMATE_COUNT = re.compile(r"(?:about|nearly|almost|roughly|some|over|just|only|more than|"
                               r"fewer than|less than)\s+(?:\d|one|two|three|four|five|six|seven|"
                               r"eight|nine|ten|half|a third|a quarter|a majority)",
                               re.IGNORECASE)
# Where a noun phrase's head ends ('advisers to Mr. Halden' is advisers): a preposition, a
# relative word, 'familiar with' or a participle ('veterans interviewed at rallies in Varn').
_HEAD_ENDS = re.compile(r"\s(?:of|to|for|with|from|at|in|on|close(?=\s+to\s)|who|which|that|"
                        r"familiar(?=\s+with\s)|knowledgeable(?=\s+about\s)|"
                        r"interviewed|surveyed|polled|questioned|gathered|attending|living|"
                        r"working|based|briefed|involved)\s")
_MEMBERS = frozenset("democrats republicans conservatives liberals progressives independents "
                     "evangelicals americans".split())
_NAME_PARTICLES = "al|al-|bin|ibn|de|del|van|von|der|da|di|du|le|la"
# Capitalised words joined by single spaces (never across a line or a full stop); an initial
# such as "W." may stand inside a name (its stop is tried first, or no word would follow it).
_INITIAL_STOP = r"\.(?= (?!(?:The|Then|But|And|He|She|It|They|We|In|A|An|This|That|There)\b)[A-Z])"
_AFTER_CAPITAL = (r"(?:" + _INITIAL_STOP + r"|[\w’'-]*)(?: (?:(?:" + _NAME_PARTICLES + r") )?"
                  r"[A-Z](?:" + _INITIAL_STOP + r"|[\w’'-]*)| \d+\b)*")
_NAME = re.compile("[A-Z]" + _AFTER_CAPITAL)
_POSSESSIVE_END = re.compile(r"[’']s?$")
_STATE_AFTER = re.compile(r",\s+([A-Z][A-Za-z.]{1,5}\.)")  # 'Flint, Mich.' (entity_words place)


@cache
def entity_words() -> dict[str, frozenset[str]]:
    """Words by kind (title, organisation, place, event, source, people, not_name), lowered."""
    raw = resources.files("biaskit").joinpath("data/entity_words.csv").read_text("utf-8")
    kinds: dict[str, set[str]] = {}
    for row in csv.DictReader(raw.splitlines()):
        word = (row.get("word") or "").strip()
        if word and not word.startswith("#"):
            kinds.setdefault(row["kind"].strip(), set()).add(word.lower())
    return {kind: frozenset(words) for kind, words in kinds.items()}


@cache
def _given_names() -> dict[str, str]:
    """Given names and titles with the gender their bearers nearly always have in news
    (biaskit/data/given_names.csv), lower-cased: 'maria' -> 'f', 'mr.' -> 'm'."""
    raw = resources.files("biaskit").joinpath("data/given_names.csv").read_text("utf-8")
    return {row["word"].strip().lower(): row["gender"].strip()
            for row in csv.DictReader(raw.splitlines())
            if row.get("word") and not row["word"].startswith("#")}


def gender(name: str, titles: str = "", label: str = "") -> str:
    """'f', 'm' or '' (not known) for a person, from the given name, else a title or a word
    of the label ('a spokeswoman for the ministry').

    >>> gender("Maria Kade"), gender("Kade", "Mr."), gender("Kade", "", "a spokeswoman")
    ('f', 'm', 'f')
    """
    known = _given_names()
    first = name.split()[0].lower() if name.split() else ""
    if first in known:
        return known[first]
    # A title's stop may be masked ('Mrs_', biaskit.corpus.sentences.mask_abbreviations).
    words = (titles + " " + label).lower().replace("_", ".").split()
    found = {known[w] for w in words if w in known}
    return found.pop() if len(found) == 1 else ""


class Mention(NamedTuple):
    """A name in the narrator's text (outside quotes), with its kind.

    A named tuple rather than a dataclass: a document has about a hundred names, and tuples
    are several times quicker to make and to hash.
    """

    start: int
    end: int
    name: str          # without titles: "Viktor Bondarev"
    kind: str          # person, organisation, other
    titles: str = ""   # "Colonel General"
    lo: int = 0        # the narrator span it was found in, for its label
    hi: int = 0


def mention_label(text: str, mention: Mention) -> str:
    """The descriptor of a mention: its titles, an apposition, or lower-case words before it
    ("London-based rights group")."""
    return (mention.titles or _apposition(text, mention.start, mention.end, mention.lo,
                                          mention.hi)
            or _premodifiers(text, mention.start - len(mention.titles), mention.lo))



@lru_cache(maxsize=1 << 16)  # keyed by the corpus's names: bounded, so memory stays flat
def name_kind(name: str, titles: Sequence[str] = ()) -> str:
    """person, organisation or other, from the words of a name.

    >>> name_kind("Amnesty International"), name_kind("Viktor Bondarev"), name_kind("Homs")
    ('organisation', 'person', 'other')
    """
    words = entity_words()
    tokens = [_POSSESSIVE_END.sub("", t).lower() for t in name.split()]
    if any(t in words["organisation"] for t in tokens):
        return "organisation"
    if titles:
        return "person"
    if any(t in words["place"] or t in words["event"] for t in tokens):
        return "other"
    if len(tokens) >= 2 and all(t[:1].isalpha() for t in tokens):
        return "person"
    return "other"


@cache
def _mention_pattern() -> re.Pattern[str]:
    """_NAME, but not starting at a word that is capitalised only because it opens a sentence
    ("The", "In"): most capitalised words are those, and skipping them in the regex is fast."""
    # The pattern starts with the capital itself, so the engine jumps from capital to capital;
    # the checks on the character before the name and on the skipped word follow as
    # lookbehinds from after it, the skipped words one trie read from the capital (as one
    # lookbehind per first letter, every letter's was tried at every capital).
    skip = trie_regex(sorted(word.capitalize() for word in entity_words()["not_name"]))
    return re.compile(rf"[A-Z](?<![\w’'-].)(?<!(?={skip}\b).)" + _AFTER_CAPITAL)


def split_name(words: Sequence[str]) -> tuple[list[str], list[str], int]:
    """(titles, name words, leading characters dropped) of a capitalised word sequence:
    'The Defence Ministry' -> name 'Defence Ministry'; 'General Piotr Dorn' -> title
    'General', name 'Piotr Dorn'."""
    kinds = entity_words()
    tokens, skipped, titles = list(words), 0, []
    # 'Suddenly I': an opening adverb (as _parse_name tells one) is no name; 'Beverly' is
    while tokens and (tokens[0].lower() in kinds["not_name"] or len(tokens) > 1 and (
            tokens[0].endswith("ly") and len(tokens[0]) >= 7
            and tokens[0].lower() not in _given_names())):
        skipped += len(tokens[0]) + 1
        tokens = tokens[1:]
    # A title's stop may be masked (biaskit.corpus.sentences.mask_abbreviations): "Mr_".
    while tokens and tokens[0].lower().replace("_", ".") in kinds["title"]:
        titles.append(tokens[0])
        skipped += len(tokens[0]) + 1
        tokens = tokens[1:]
    # 'Labor Secretary Ann Kade': a title after the words of its office, then a person
    inner = 0
    for i in range(len(tokens) - 2, 0, -1):
        if tokens[i].lower().replace("_", ".") in kinds["title"]:
            inner = i
            break
    office, rest = tokens[:inner + 1], tokens[inner + 1:]
    if inner and all(t[:1].isupper() for t in rest) and name_kind(" ".join(rest)) == "person":
        titles, skipped, tokens = titles + office, skipped + len(" ".join(office)) + 1, rest
    return titles, tokens, skipped


def find_mentions(text: str, spans: Sequence[tuple[int, int]]) -> list[Mention]:
    """Names in the given spans of ``text`` (the narrator's text), in order."""
    text = text.replace("\u00a0", " ")  # 'Ann\u00a0Kade' is one name; offsets stay
    mentions = []
    append = mentions.append
    pattern = _mention_pattern()
    for lo, hi in spans:
        for match in pattern.finditer(text, lo, hi):
            for offset, found in _title_case_pieces(match.group()):
                name_parts = _parse_name(found)
                if name_parts is None:  # a title alone ("Colonel General") names nobody
                    continue
                skipped, name, kind, titles = name_parts
                start = match.start() + offset + skipped
                office = office_before(text, lo, start, name) if " " in name else None
                if office:  # 'Secretary of State Ann Kade': Ann Kade, the Secretary
                    name, titles, start = office[0], office[1], start + len(name) - len(office[0])
                    kind = name_kind(name, (titles,))
                end = start + len(name)
                state = text.startswith(", ", end) and _STATE_AFTER.match(text, end)
                if state and state.group(1).lower() in entity_words()["place"]:
                    kind = "other"  # 'Buena Park, Calif.' is a town, never a 'he'
                append(Mention(start, end, name, kind, titles, lo, hi))
    return _with_abbreviated_titles(text, mentions)


# 'Secretary of State Ann Kade', 'Speaker of the House Ivo Lund': an office and its object,
# which runs into the name after it.
_OFFICE_OF = re.compile(r"\b([A-Z][a-z]+) of (?:the )?$")


def office_before(text: str, lo: int, start: int, name: str) -> tuple[str, str] | None:
    """(the person's name, the office's title) when ``name`` at ``start`` follows 'Secretary
    of' or 'Speaker of the' and begins with the office's object: 'State Ann Kade' -> 'Ann
    Kade'; the words before a given name go, or else all but the last two."""
    if not text.endswith((" of ", " of the "), lo, start):
        return None  # (most names: the pattern is not run)
    office = _OFFICE_OF.search(text, max(lo, start - 40), start)
    if not office or office.group(1).lower() not in entity_words()["title"]:
        return None
    tokens, given, kinds = name.split(), _given_names(), entity_words()
    n = 0
    while len(tokens) - n > 2 and tokens[n].lower() not in given or (
            len(tokens) - n == 2 and tokens[n].lower() in kinds["organisation"]):
        n += 1
    return (" ".join(tokens[n:]), office.group(1)) if n else None


# Words a title-case headline capitalises that no name holds after its first word:
# 'Ted Moro Apologizes To Ann Kade For ...' is two names, not one.
_TITLE_CASE_BREAK = re.compile(
    r" (?:A|An|And|Or|But|To|For|Of|On|In|At|By|From|With|Over|Out|Up|As|Is|Are|Was|Were|Be|"
    r"Been|Has|Have|Had|Will|Would|Can|Could|Should|May|Might|Must|Does|Did|Do|Not|Says|Said|"
    r"After|Before|Into|About|Against|Than|That|This|His|Her|Their|Its|Who|What|Why|How|"
    r"When)(?= |$)")


def _title_case_pieces(found: str) -> list[tuple[int, str]]:
    """The capitalised run itself, or in a title-case headline the runs between its small
    words, each with its offset in the run."""
    if " " not in found or not _TITLE_CASE_BREAK.search(found):
        return [(0, found)]
    pieces, position = [], 0
    for small in _TITLE_CASE_BREAK.finditer(found):
        if small.start() > position:
            pieces.append((position, found[position:small.start()]))
        position = small.end() + 1
    if position < len(found):
        pieces.append((position, found[position:]))
    return pieces


def _with_abbreviated_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Mrs. Kade': a name stops at a full stop, so an abbreviated title is found as a name
    of its own ('Mrs') right before the person's; it becomes that person's title."""
    titles = entity_words()["title"]
    merged: list[Mention] = []
    for mention in mentions:
        title = merged[-1] if merged else None
        if title and f"{title.name.lower()}." in titles and not title.titles and (
                text[title.end:mention.start] == ". "):
            merged[-1] = mention._replace(titles=f"{title.name}.", kind=name_kind(
                mention.name, (f"{title.name}.",)))
        else:
            merged.append(mention)
    return merged


# Names recur, within an article and across a corpus's articles: each is parsed once.
@lru_cache(maxsize=1 << 16)  # keyed by the corpus's names: bounded, so memory stays flat
def _parse_name(found: str) -> tuple[int, str, str, str] | None:
    """(leading characters dropped, name, kind, titles) of a capitalised word sequence, or
    None when it holds no name."""
    if " " not in found and (found.lower() not in _titles_and_skipped() or (
            f"{found.lower()}." in entity_words()["title"])):
        # the common case; and 'Mrs' of 'Mrs. Kade', made Kade's title later
        name = found.rstrip(".")
        if (name.endswith("ly") and len(name) >= 7) or name.lower() in _months():
            return None  # 'Significantly, ...', 'In August': an adverb or a month, no name
        return 0, name, name_kind(name), ""
    titles, tokens, skipped = split_name(found.split())
    if not tokens:
        return None
    name = " ".join(tokens).rstrip(".")
    return skipped, name, name_kind(name, tuple(titles)), " ".join(titles)


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    """Month names in English (biaskit/data/month_names.csv), lower-cased."""
    raw = resources.files("biaskit").joinpath("data/month_names.csv").read_text("utf-8")
    return frozenset(row["name"] for row in csv.DictReader(raw.splitlines())
                     if row.get("language") == "en")


@cache
def _titles_and_skipped() -> frozenset[str]:
    words = entity_words()
    return words["title"] | words["not_name"]


_APPOSITION_BEFORE = re.compile(r"(?:^|\n|[.;:,(]\s*)((?:[A-Z][\w’'-]*|[a-z][\w’'-]*)"
                                r"(?: [\w’'-]+){0,6}), $")
_APPOSITION_AFTER = re.compile(r", ((?:the|a|an|its|his|her|[a-z][\w-]*|[A-Z][\w-]*)"
                               r"(?: [\w’'-]+){0,9}?)(?=,| said| says| told|\.|$)")


def _apposition(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """A descriptor set off by commas: 'the centre's lead investigator, Lena Osei,' or
    'Viktor Bondarev, Colonel General and commander-in-chief of ...,'."""
    window = text[max(lo, start - 80):start]
    # The pattern ends with ", " at the window's end (``$`` allows one newline after it). The
    # name closes the apposition with a comma or a parenthesis ('Its chair, Tomas Brekke,
    # said'); without one, the words before are the sentence's own ('The water is safe, Tomas
    # Brekke said': an end tag's content, not a label).
    closed = text.startswith((",", " (", ")"), end)
    before = (_APPOSITION_BEFORE.search(window) if closed and window.endswith((", ", ", \n"))
              else None)
    if before and not _NAME.fullmatch(before.group(1)):
        return before.group(1)
    after = _APPOSITION_AFTER.match(text, end, hi)
    if after and text.startswith((" said", " says", " told"), after.end()) and (
            after.group(1).split()[0] in ("his", "her", "its", "their") and not (
                _SUBJECT_PLACE.search(text, max(lo, start - 3), start))
            or _AFTER_PREPOSITION.search(text, max(lo, start - 12), start)):
        # 'As Marsh mocked his rival Ola Kade, his son said ...', 'In an email to the
        # Herald, the officer said ...': the name ends a clause or an opening phrase, and
        # what follows its comma is the next one's subject, not the name's label
        after = None
    if after:
        first = after.group(1).split()[0]
        words = entity_words()
        if first[:1].islower() or first.lower() in words["title"] | DETERMINERS:
            if first.lower() not in ("who", "which", "that", "and", "but", "said") and (
                    first.lower() not in PREPOSITIONS) and not _FINITE_VERB.search(
                    after.group(1)):  # 'Kade, during a rally, said', 'X, the mine was told'
                return after.group(1)
    return ""


_LOWER_CASE_WORD = re.compile(r"[a-z][\w-]*")

# Where a name stands as a subject: at the start, or after a mark ('. Kade, the chair said');
# never after a preposition ('In an email to the Herald, the officer said').
_SUBJECT_PLACE = re.compile(r"(?:^|[.,;:\"“(]\s*)$")
_AFTER_PREPOSITION = re.compile(r"\b(?:to|in|by|from|with|for|at|on|into|about)\s+(?:[Tt]he\s+)?$")

_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\b")


def _premodifiers(text: str, start: int, lo: int) -> str:
    """Lower-case descriptor words right before a name: 'London-based rights group'."""
    before = text[max(lo, start - 60):start].split()
    kept: list[str] = []
    for word in reversed(before):
        if not _LOWER_CASE_WORD.fullmatch(word) or word in DETERMINERS or word in (
                "by", "of", "from", "to", "and", "said", "with", "that"):
            break
        kept.insert(0, word)
    return " ".join(kept)


def head_words(phrase: str) -> list[str]:
    """The words of a noun phrase up to its head: 'advisers to Mr. Halden' -> ['advisers']."""
    return _HEAD_ENDS.split(f" {phrase} ", maxsplit=1)[0].split()


# Plural heads that name people by what they do: 'specialists', 'historians', 'participants'.
_PEOPLE_ENDINGS = ("ists", "ians", "ants", "ents")


def is_people_phrase(phrase: str) -> bool:
    """True for a description of unnamed people: 'sources', 'senior aides to the mayor',
    'about half of the voters' (head noun in entity_words.csv, kind people).

    >>> is_people_phrase("advisers to Mr. Kade"), is_people_phrase("Supreme Court")
    (True, False)
    """
    part = part_of(phrase)
    words = head_words(phrase[part.end():] if part else phrase)
    if not words:
        return False
    head = words[-1].lower()
    if head not in entity_words().get("people", frozenset()) and not (
            head.endswith(_PEOPLE_ENDINGS) and head[:1] == words[-1][:1]):
        return False
    # A capitalised head is a name's last word ('Supreme Court'), unless it opens the phrase
    # ('Advisers to ...') or names a party's members.
    return words[-1][:1].islower() or len(words) == 1 or words[-1].lower() in _MEMBERS


def looks_like_name(phrase: str) -> bool:
    words = phrase.split()
    titles = entity_words()["title"]
    return bool(words) and len(words) <= 6 and all(
        w[:1].isupper() or w in ("al", "bin", "de", "van", "von") for w in words) and not all(
        w.lower() in titles or w.lower() in QUANTIFIERS for w in words)  # not 'One', 'Some'
