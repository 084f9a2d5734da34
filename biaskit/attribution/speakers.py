"""Speakers: resolving a speaker phrase to who it is (the names it may be are found by
:mod:`biaskit.attribution.mentions`).

A speaker phrase ("he", "the ministry", "A report", "Bondarev") is resolved to the
fullest name the document gives that speaker, with a descriptor label when the text has one
(an apposition or pre-modifier) and the codebook actor when an alias matches. Every decision
is explained in words, for the ``evidence`` column. Word lists live in
``biaskit/data/entity_words.csv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from biaskit.attribution.aliases import alias_pattern
from biaskit.attribution.mentions import (
    _NAME,
    _POSSESSIVE_END,
    APPROXIMATE_COUNT,
    DETERMINERS,
    POSSESSIVES,
    PRONOUNS,
    QUANTIFIERS,
    Mention,
    entity_words,
    gender,
    is_people_phrase,
    mention_label,
    name_kind,
    office_before,
    part_of,
    split_name,
)
from biaskit.attribution.report_authors import report_authors
from biaskit.attribution.speaker_phrases import (
    head_name,
    is_source,
    is_title_case,
    modifies_the_head,
    named_officer,
    organisation_with_of,
    person_before_of,
    pronoun_with_auxiliaries,
)
from biaskit.codebook import Actor, Codebook


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: who, how described, which actor, and why."""

    name: str
    label: str
    kind: str  # person, organisation, group, source or other; 'nobody': a statement of no one
    actor: Actor | None
    how: str


# A name whose capitalised parts are joined by lower-case particles: 'Center for Justice',
# 'Bank of England' (after an optional article).
_NAME_WITH_PARTICLES = re.compile(r"(?:[Tt]he )?([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*"
                                  r"(?: (?:for|of|on|and|de|du|des) [A-Z][\w’'.-]*"
                                  r"(?: [A-Z][\w’'.-]*)*)+)")


_IN_TEN = re.compile(r"\w+\s+(?:in|out\s+of)\s+(?:10|ten)")


class Resolver:
    """Resolves speaker phrases in one document, remembering speakers as they are found."""

    def __init__(self, text: str, mentions: list[Mention], codebook: Codebook | None,
                 headline_end: int = 0):
        self.text = text
        self.mentions = mentions
        self.codebook = codebook
        self.speakers: list[tuple[int, Speaker]] = []
        self._alias_pattern = alias_pattern(codebook) if codebook else None
        self._authors: list[tuple[int, str]] | None = None  # found when first needed
        self._author_starts: list[int] = []
        self._used_aliases: dict[str, bool] = {}
        self._labels: dict[Mention, str] = {}
        self._fullest: dict[tuple[str, str], str] = {}
        self._mention_starts = [mention.start for mention in mentions]
        self._first_named: dict[str, Mention] = {}
        self._times_named: Counter[str] | None = None  # counted when two names tie
        for mention in mentions:
            self._first_named.setdefault(mention.name, mention)
        # A name run only a title-case headline has ('Telling Ann Kade', 'Understated Kade')
        # is no one's fullest name.
        named_below = {mention.name for mention in mentions if mention.start >= headline_end}
        if len(named_below) == len(self._first_named) or not is_title_case(text[:headline_end]):
            named_below = self._first_named  # (the headline names no one of its own)
        self._names_by_last_word: dict[str, list[str]] = {}
        for name in self._first_named:  # each name once, in text order
            if name in named_below:
                self._names_by_last_word.setdefault(name.split()[-1], []).append(name)
        # A name or an alias is resolved the same wherever it stands: once per phrase (None
        # for a description, which depends on what comes before it).
        self._named: dict[str, Speaker | None] = {}
        self._actors: dict[str, Actor | None] = {}
        self._genders: dict[str, str] | None = None  # found when a pronoun first needs them

    def label(self, mention: Mention) -> str:
        if mention not in self._labels:
            self._labels[mention] = mention_label(self.text, mention)
        return self._labels[mention]

    def remember(self, position: int, speaker: Speaker) -> None:
        # an unresolved pronoun, or no one ('the talks seem to fail'), is no antecedent
        if speaker.kind != "nobody" and speaker.name.lower() not in PRONOUNS:
            self.speakers.append((position, speaker))

    def resolve(self, phrase: str, position: int) -> Speaker:
        """Who ``phrase`` (found at ``position``) refers to."""
        phrase = phrase.strip(" ,")
        if phrase in self._named:
            # Resolved before as a name or a description: the tests below, which depend on
            # the phrase alone, found it no pronoun, source or unnamed people then.
            words = phrase.lower().split()
            return self._named[phrase] or self._description(
                phrase, words[-1] if words else "", position)
        lowered = phrase.lower()
        first = lowered.split()[0] if lowered else ""
        pronoun = lowered if lowered in PRONOUNS else pronoun_with_auxiliaries(phrase)
        if pronoun:
            return self._antecedent(PRONOUNS[pronoun], position, f'pronoun "{phrase}"',
                                    _PRONOUN_GENDER.get(pronoun, ""))
        words = lowered.split()
        if is_source(phrase, words):
            return self._source(phrase, position, first)
        counted = (first in QUANTIFIERS or first in _MORE_NUMBERS) and len(words) > 1 and (
            phrase.split()[-1].islower() or _IN_TEN.fullmatch(lowered)
        )  # 'Eleven groups', 'Several aides', 'Six in 10': not 'Eleven'
        if (is_people_phrase(phrase) and (first not in DETERMINERS or words[-1].endswith("s"))
                and not named_officer(phrase)
                or part_of(phrase) or APPROXIMATE_COUNT.match(phrase) or counted):
            # 'sources', 'a spokeswoman for the ministry', 'advisers to Mr. Halden': unnamed
            # people, not the nearest name; an actor only where an alias says so.
            actor = self._alias_actor(phrase)
            return Speaker(phrase, "", "group", actor, f'unnamed source "{phrase}"'
                           + (f" names {actor.label}" if actor else ""))
        self._named[phrase] = self._name(phrase, words, first)
        return self._named[phrase] or self._description(phrase, words[-1] if words else "",
                                                        position)

    def _name(self, phrase: str, words: list[str], first: str) -> Speaker | None:
        """The speaker a name or an alias stands for; None for a description to resolve by
        position ("the ministry")."""
        person, of, _ = phrase.partition(" of ")
        if of and person_before_of(person):
            # 'Senator Ted Moro of Brenn', 'Del. Ann Kade of the Varn Isles': the person
            phrase, words = person, person.lower().split()
        head = words[-1] if words else ""
        actor = self._alias_actor(phrase)
        names = list(_NAME.finditer(phrase))
        # 'The Brennan Center for Justice' is one name (tried only where there are several)
        joined = _NAME_WITH_PARTICLES.fullmatch(phrase) if len(names) > 1 else None
        if joined and not office_before(phrase, 0, names[-1].start(), names[-1].group()):
            # (not 'Former Secretary of State Ann Kade': she is the person, not an office)
            names = [joined]
        elif len(names) > 1 and (organisation := organisation_with_of(phrase)):
            # 'a spokesman for the Varn Institute of Technology': the institute, whole
            names = [n for n in names if n.end() <= organisation.start()] + [organisation]
        if head[:1].isalpha() and not phrase.split()[-1][:1].isupper():
            # The head noun is lower case: a description ("Senior Russian military official").
            if actor:
                name = self._actor_name(actor)
                return Speaker(name, phrase, name_kind(name), actor,
                               f'description "{phrase}" is an alias of {actor.actor_id}')
            if first in DETERMINERS or not names:
                return None
            if len(names) == 1 and modifies_the_head(phrase, names[0]) and not (
                    self._is_known(names[0].group())):
                return Speaker(phrase, "", "other", None, f'description "{phrase}" kept as it is')
        chosen = head_name(phrase, names, self._is_known) if names else None
        titles, tokens, skipped = split_name(chosen.group().split()) if chosen else ([], [], 0)
        office = office_before(phrase, 0, chosen.start() + skipped, " ".join(tokens)) if (
            chosen and len(tokens) > 1) else None
        if office:  # 'former Secretary of State Ann Kade': Ann Kade
            skipped += len(" ".join(tokens)) - len(office[0])
            titles, tokens = [*titles, office[1]], office[0].split()
        raw_name = " ".join(tokens) or phrase
        # 'Mrs. Clinton' is the woman of that name, not Bill Clinton
        name = self._fullest_name(raw_name, gender("", " ".join(titles)) if titles else "")
        mention = self._mention_named(name)
        prefix = phrase[:chosen.start() + skipped].strip(" ,") if chosen else ""
        label = prefix if prefix.lower() not in DETERMINERS else ""
        label = label or (self.label(mention) if mention else "")
        kind = mention.kind if mention else name_kind(name)
        actor = actor or self._alias_actor(name) or self._alias_actor(label)
        how = f'name "{phrase}"' + (f' is "{name}" in full' if name != phrase else "")
        return Speaker(name, label, kind, actor, how)

    def _actor_name(self, actor: Actor) -> str:
        """The fullest of the actor's aliases that the document uses as a name, else its label."""
        used = [a for a in actor.aliases if a[:1].isupper() and a.split()[-1][:1].isupper()
                and self._in_text(a)]
        return self._fullest_name(max(used, key=len)) if used else actor.label

    def _in_text(self, alias: str) -> bool:
        # Searched once per alias: searching the whole text for each statement of an actor
        # made a long article's time grow with the square of its length.
        if alias not in self._used_aliases:
            self._used_aliases[alias] = alias in self.text
        return self._used_aliases[alias]

    def _antecedent(self, kind: str, position: int, why: str, wanted: str = "") -> Speaker:
        """The most recent speaker or name of the right kind before ``position``; for 'he'
        or 'she' (``wanted`` 'm' or 'f'), one whose gender is that or not known."""
        # Both lists are in text order: walk back from the position, stop at the first fit,
        # and look no further back than _ANTECEDENT_REACH of each (a long article's every
        # pronoun would otherwise walk back over all its names).
        candidates: list[tuple[int, Speaker | Mention]] = []
        for pos, speaker in islice(reversed(self.speakers), _ANTECEDENT_REACH):
            if pos < position and _fits(kind, speaker.kind) and self._agrees(
                    wanted, speaker.name, speaker.label):
                candidates.append((pos, speaker))
                break
        last = bisect_right(self._mention_starts, position - 1) - 1
        for i in range(last, max(-1, last - _ANTECEDENT_REACH), -1):
            mention = self.mentions[i]
            if _fits(kind, mention.kind) and (kind == "person" or mention.kind == "organisation"
                                              ) and self._agrees(wanted, mention.name) and not (
                    kind == "person" and _POSSESSIVE_INSIDE.search(mention.name)):
                # "NBC's Meet the Press" is a thing of NBC's, never a 'he'
                candidates.append((mention.start, mention))
                break
        if not candidates:
            return Speaker(why.split('"')[1], "", kind, None, f"{why} has no antecedent")
        pos, found = max(candidates, key=lambda c: c[0])
        if isinstance(found, Mention):
            found = self._from_mention(found)
        return Speaker(found.name, found.label, found.kind, found.actor,
                       f'{why} resolved to "{found.name}" (most recent {kind} before it)')

    def _agrees(self, wanted: str, name: str, label: str = "") -> bool:
        """False only when the person's gender is known and is not the pronoun's."""
        if not wanted:
            return True
        if self._genders is None:
            self._genders = self._mention_genders()
        found = self._genders.get(self._fullest_name(name)) or gender(name, "", label)
        return found in ("", wanted)

    def _mention_genders(self) -> dict[str, str]:
        """Each person's fullest name -> 'f' or 'm', from any of its mentions' given name or
        title ('Mrs. Kade' makes 'Ann Kade' a woman); '' where the mentions disagree."""
        genders: dict[str, str] = {}
        for mention in self.mentions:
            if mention.kind != "person":
                continue
            name = self._fullest_name(mention.name)
            found = gender(name) or gender(mention.name, mention.titles)
            if found:
                genders[name] = found if genders.get(name, found) == found else ""
        return genders

    def _from_mention(self, mention: Mention) -> Speaker:
        name = self._fullest_name(mention.name)
        label = self.label(mention)
        actor = self._alias_actor(name) or self._alias_actor(label)
        return Speaker(name, label, mention.kind, actor, f'name "{name}"')

    def _source(self, phrase: str, position: int, first: str) -> Speaker:
        """A written source ('A report'): its author is the actor."""
        actor = self._alias_actor(phrase)
        if actor:
            return Speaker(phrase, "", "source", actor,
                           f'written source "{phrase}" names {actor.label}')
        if first in POSSESSIVES:
            owner = self._antecedent("group", position, f'possessive "{first}"')
            return Speaker(phrase, f"of {owner.name}", "source", owner.actor,
                           f'written source "{phrase}"; {owner.how}')
        if self._authors is None:
            self._authors = report_authors(self.text)
            self._author_starts = [pos for pos, _ in self._authors]
        before = bisect_left(self._author_starts, position)  # the authors named before it
        if before:
            author = self._fullest_name(self._authors[before - 1][1])
            return Speaker(phrase, f"by {author}", "source", self._alias_actor(author),
                           f'written source "{phrase}" by {author} (last report named '
                           "with its author)")
        return Speaker(phrase, "", "source", None, f'written source "{phrase}", author unknown')

    def _description(self, phrase: str, head: str, position: int) -> Speaker:
        """'the ministry', 'the general': the nearest name whose words include the head.

        Only heads that name people or organisations are looked up: 'the results' or 'the
        editorial' is nobody's name."""
        words = entity_words()
        if not any(head in words.get(kind, ()) for kind in ("people", "title", "organisation")):
            return Speaker(phrase, "", "other", None, f'description "{phrase}" kept as it is')
        if phrase.split()[0].lower() in ("a", "an", "another"):
            # 'A friend said', 'an Israeli official said': someone new, not the last name.
            return Speaker(phrase, "", "other", self._alias_actor(phrase),
                           f'description "{phrase}" kept as it is (an indefinite one names '
                           "someone new)")
        # The whole word: 'the official' is not 'Mexican officials', 'the source' not 'sources'.
        pattern = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
        # A place is nobody: 'a New Hampshire woman' does not make 'the woman' the state; and
        # 'the company' is no person labelled 'chief executive of the company'.
        wrong = ("other", "person") if head in words["organisation"] else ("other",)
        before = next(([(pos, s)] for pos, s in reversed(self.speakers) if pos < position and (
            s.kind not in wrong and (pattern.search(s.name) or pattern.search(s.label)))), [])
        earlier = range(bisect_right(self._mention_starts, position - 1) - 1, -1, -1)
        before += next(([(m.start, self._from_mention(m))] for m in map(
            self.mentions.__getitem__, earlier)  # not a copy of every earlier mention
            if m.kind not in wrong and (pattern.search(m.name) or pattern.search(self.label(m)))),
            [])
        if before:
            found = max(before, key=lambda c: c[0])[1]
            return Speaker(found.name, found.label, found.kind, found.actor,
                           f'description "{phrase}" resolved to "{found.name}"')
        return Speaker(phrase, "", "other", None, f'description "{phrase}" not resolved')

    def _alias_actor(self, phrase: str) -> Actor | None:
        """The codebook actor with the longest alias in the phrase ("Russia’s Defence
        Ministry" is the ministry, not Russia)."""
        if not self._alias_pattern or not phrase:
            return None
        if phrase not in self._actors:
            found = self._alias_pattern.findall(phrase.replace("’", "'"))
            self._actors[phrase] = self.codebook.actor_for(max(found, key=len)) if found else None
        return self._actors[phrase]

    def _fullest_name(self, name: str, wanted: str = "") -> str:
        """The longest name mention ending with ``name``'s tokens, of seven words at most
        (not a title-case headline's run: 'Kade Praises Courier Editor Ivo Lund'), and whose
        given name's gender is not other than ``wanted`` ('f' or 'm', from a title)."""
        if (name, wanted) in self._fullest:
            return self._fullest[name, wanted]
        owned = name.endswith(("’s", "'s", "s’", "s'"))  # Kade’s, Sanders’
        bare = _POSSESSIVE_END.sub("", name.strip()) if owned else name
        tokens = bare.split()
        best, best_length = bare, len(tokens)
        for candidate in self._names_by_last_word.get(tokens[-1] if tokens else "", ()):
            # 'CNN's Gloria Borger' is Gloria Borger; 'Russia's Defence Ministry' stays whole
            full = candidate
            pieces = _OWNER.split(candidate) if "s " in candidate else ()  # (most own nothing)
            if len(pieces) > 1:
                after_owner = pieces[-1]
                full = candidate if name_kind(after_owner) == "organisation" else after_owner
            words = full.split()
            if len(words) > 7 or words[-len(tokens):] != tokens or (
                    wanted and gender(full) not in ("", wanted)):
                continue
            # the longest; of two as long ('Ivo Lund', 'Ada Lund'), the one named more often,
            # then one with a known given name (not a headline's 'Understated Lund')
            if len(words) > best_length or len(words) == best_length and full != best and (
                    self._more_named(full, best)):
                best, best_length = full, len(words)
        self._fullest[name, wanted] = best
        return best

    def _more_named(self, name: str, other: str) -> bool:
        if self._times_named is None:
            self._times_named = Counter(mention.name for mention in self.mentions)
        named, other_named = self._times_named[name], self._times_named[other]
        return named > other_named or named == other_named and bool(
            gender(name)) and not gender(other)

    def _is_known(self, name: str) -> bool:
        _, tokens, _ = split_name(name.split())
        mention = self._mention_named(self._fullest_name(" ".join(tokens))) if tokens else None
        return mention is not None and mention.kind in ("person", "organisation")

    def _mention_named(self, name: str) -> Mention | None:
        return self._first_named.get(name)


_PRONOUN_GENDER = {"he": "m", "she": "f"}
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s\s")
_OWNER = re.compile(r"(?<=\w)['’]s\s+")  # 'CNN's Gloria Borger': what follows is the name

_ANTECEDENT_REACH = 200  # names and speakers a pronoun looks back over

_MORE_NUMBERS = frozenset("eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
                          "nineteen twenty thirty forty fifty hundred".split())


def _fits(wanted: str, kind: str) -> bool:
    return kind == "person" if wanted == "person" else kind != "person"
