"""The codebook's aliases as one pattern: which actor a speaker phrase names."""

from __future__ import annotations

import re
from functools import cache

from biaskit.codebook import Codebook
from biaskit.lexicons import CASE_FOLDS, ascii_cases, phrase_regex


def alias_pattern(codebook: Codebook) -> re.Pattern[str] | None:
    """Every alias of the codebook's actors, as whole words in any case (None for none).

    >>> from biaskit.codebook import Codebook
    >>> book = Codebook.from_dict({"sides": {"a": {"actors": {"x": {"aliases": ["Varn"]}}}}})
    >>> alias_pattern(book).search("said the VARN alliance").group()
    'VARN'
    """
    aliases = tuple(a for actor in codebook.actors.values() for a in actor.aliases)
    return _alias_pattern_for(aliases) if aliases else None


@cache
def _alias_pattern_for(aliases: tuple[str, ...]) -> re.Pattern[str]:
    # The aliases, longest first, grouped by an ASCII first letter spelled out in its cases
    # ('[rR](?i:ussia|...)'): the engine rejects a group by its first character, where
    # re.IGNORECASE entered every alias at every word start. Groups never compete for a
    # character, and the rest (no ASCII letter first) stay as one group in their order.
    groups: dict[str, list[str]] = {}
    for alias in sorted(aliases, key=len, reverse=True):
        regex = phrase_regex(alias.replace("’", "'"))
        first = _ASCII_FOLDS.get(regex[:1], regex[:1].lower())
        if first.isascii() and first.isalpha():
            groups.setdefault(first, []).append(regex[1:])
        else:
            groups.setdefault("", []).append(regex)
    body = "|".join(f"[{ascii_cases(first)}](?i:{'|'.join(rests)})" if first
                    else f"(?i:{'|'.join(rests)})" for first, rests in groups.items())
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


# The non-ASCII characters re.IGNORECASE lets stand for an ASCII letter: 'ſ' is an 's'.
_ASCII_FOLDS = {char: letter for letter, chars in CASE_FOLDS.items() for char in chars}
