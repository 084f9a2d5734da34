"""The speaker phrase right after an inverted cue ('said Ann Kade, a lawyer, ...', 'said a
source close to the talks'), and the apposition after it that becomes the speaker's label."""

from __future__ import annotations

import re
from dataclasses import replace

from biaskit.attribution.context import DocumentContext
from biaskit.attribution.mentions import (
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    is_people_phrase,
    looks_like_name,
)
from biaskit.attribution.speakers import Speaker

_PLACE_OR_TIME = re.compile(r"\s+(?:in|on|at|during|via|to|from|after|before|that)\s+")

# What describes an unnamed speaker, as the last word of the phrase ('said one official
# involved') and with what it governs after the tag ('..., said a source close to the talks.',
# which phrase_after stops before: the tag's end is read past it).
_POST_MODIFIER_AT_END = re.compile(r"\s+(?:involved|familiar|close|knowledgeable|briefed)$")
POST_MODIFIER_AFTER_TAG = re.compile(
    r"\s+(?:close\s+to|involved\s+in|familiar\s+with|knowledgeable\s+about|briefed\s+on)\s+"
    r"[^,;:\"“”()]{1,80}?(?=\s*(?:[,.;!?]|$))")

_PHRASE_AFTER_CUE = re.compile(r"\s*([^,.;:!?\"“”]{1,80})")
_DASH = re.compile(r"\s[-—–]+\s")

_APPOSITION_AFTER_TAG = re.compile(
    r",\s+([^,.;]{3,120}?)(?=\s+(?:said|says|told|added)\b|[,.;]|$)")

def phrase_after(ctx: DocumentContext, lo: int, hi: int, allow_determiner: bool = True,
                  any_word: bool = False) -> tuple[str, int, int] | None:
    """The speaker phrase right after an inverted cue: 'said Viktor Bondarev, ...'."""
    match = _PHRASE_AFTER_CUE.match(ctx.text, lo, hi)
    if not match:
        return None
    # 'said Del. Ann Kade (D-Varn Isles)': the party and state are no part of the name
    phrase = _PLACE_OR_TIME.split(match.group(1))[0].split(" (")[0]
    phrase = _DASH.split(phrase)[0].strip()  # '..., according to a survey - back the levy
    phrase = _POST_MODIFIER_AT_END.sub("", phrase)  # 'said one official involved in the talks'
    if not phrase or phrase.split()[0].lower() == "that":
        return None
    first = phrase.split()[0]
    if first.lower() in PREPOSITIONS and not any_word:
        return None  # 'published on Monday': a time, not a speaker
    if not (any_word or first[:1].isupper()
            or (allow_determiner and (first.lower() in DETERMINERS
                                      or first.lower() in QUANTIFIERS))  # 'another user'
            or first.lower() in PRONOUNS
            # 'said former governor Ed Rendell', 'said senior aides'
            or phrase.split()[-1][:1].isupper() or is_people_phrase(phrase)):
        return None
    start = match.start(1)
    return phrase, start, start + len(phrase)


def tag_speaker(ctx: DocumentContext, after: tuple[str, int, int], hi: int) -> Speaker:
    """Who the phrase after an inverted cue (from :func:`phrase_after`) is, with the
    apposition after it as the label: 'said Viktor Bondarev, Colonel General and ...'; and
    'said another Varn resident, Ada Holm' is Ada Holm, described."""
    phrase, phrase_start, tag_end = after
    speaker = ctx.resolver.resolve(phrase, phrase_start)
    match = _APPOSITION_AFTER_TAG.match(ctx.text, tag_end, hi)
    if not match:
        return speaker
    apposition = match.group(1).strip()
    if phrase.split()[-1].islower() and looks_like_name(apposition):
        named = ctx.resolver.resolve(apposition, match.start(1))
        return replace(named, label=phrase, actor=named.actor or speaker.actor)
    return speaker if speaker.label else replace(speaker, label=apposition)
