"""Codebooks: the sides of a story, their actors with aliases, and their claims, from YAML.

A codebook is data a media scholar writes by hand (format in docs/guide/codebooks.md)::

    sides:
      russia:
        label: Russian officials
        actors:
          bondarev:
            label: Viktor Bondarev
            aliases: [Bondarev, Senior Russian military official]
    claims:
      no_civilian_targets:
        side: russia
        statement: Russian air strikes have not hit civilian targets.
        cues: ["never hit civilian targets"]

Loading validates everything and raises :class:`~biaskit.errors.InputError` naming the file,
the line, the key path and the fix. YAML is read with the safe loader only.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from biaskit.corpus.cleaning import normalise_phrase
from biaskit.errors import InputError
from biaskit.lexicons import phrase_regex
from biaskit.yaml_file import read_yaml

# Allowed keys at each level of the codebook, and whether they are required.
_TOP_KEYS = {"name": False, "description": False, "sides": True, "claims": False,
             "frames": False}
_SIDE_KEYS = {"label": False, "description": False, "actors": True}
_ACTOR_KEYS = {"label": False, "description": False, "aliases": False}
_CLAIM_KEYS = {"side": True, "statement": True, "cues": True, "description": False}
_FRAME_KEYS = {"terms": True, "replace": False}
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Actor:
    """A person or organisation that speaks for a side. ``aliases`` include the label."""

    actor_id: str
    side: str
    label: str
    aliases: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Side:
    """One side of the story, with the ids of its actors."""

    side_id: str
    label: str
    actors: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Claim:
    """A claim one side makes, with the cue phrases that express it in text."""

    claim_id: str
    side: str
    statement: str
    cues: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class FrameTerms:
    """Terms a codebook adds to a frame lexicon, or puts in place of it (``replace``)."""

    frame: str
    terms: tuple[str, ...]
    replace: bool = False


@dataclass(frozen=True)
class Codebook:
    """Validated sides, actors and claims. Build with :func:`load_codebook` or
    :meth:`from_dict`."""

    sides: Mapping[str, Side]
    actors: Mapping[str, Actor]
    claims: Mapping[str, Claim] = field(default_factory=dict)
    frames: Mapping[str, FrameTerms] = field(default_factory=dict)
    name: str = ""
    description: str = ""
    path: str = ""

    @classmethod
    def from_dict(cls, data: Any, *, path: str = "", _lines: _LineFinder | None = None
                  ) -> Codebook:
        """Validate a codebook given as plain Python data (as YAML would give it).

        >>> book = Codebook.from_dict({"sides": {"a": {"actors": {"x": {"aliases": ["Xu"]}}}}})
        >>> book.actor_for("x").side
        'a'
        """
        return _Validator(path, _lines or _LineFinder(None)).codebook(data)

    def actor_for(self, name: str) -> Actor | None:
        """The actor one of whose aliases (or id) is ``name``, ignoring case; else None."""
        return self._alias_index().get(_fold(name))

    def _alias_index(self) -> dict[str, Actor]:
        index = self.__dict__.get("_index")
        if index is None:
            index = {}
            for actor in self.actors.values():
                for alias in (actor.actor_id, *actor.aliases):
                    index.setdefault(_fold(alias), actor)
            object.__setattr__(self, "_index", index)
        return index

    def side_pattern(self, side_id: str) -> re.Pattern[str]:
        """A regex finding any alias of the side's actors as whole words, ignoring case."""
        side = self.sides[side_id]
        return _aliases_regex(tuple(a for actor_id in side.actors
                                    for a in self.actors[actor_id].aliases))

    def actors_frame(self) -> pd.DataFrame:
        """One row per alias: side, side_label, actor, actor_label, alias."""
        rows = [
            {"side": actor.side, "side_label": self.sides[actor.side].label,
             "actor": actor.actor_id, "actor_label": actor.label, "alias": alias}
            for actor in self.actors.values() for alias in actor.aliases
        ]
        return pd.DataFrame(rows, columns=["side", "side_label", "actor", "actor_label", "alias"])

    def claims_frame(self) -> pd.DataFrame:
        """One row per claim cue: claim, side, statement, cue."""
        rows = [{"claim": c.claim_id, "side": c.side, "statement": c.statement, "cue": cue}
                for c in self.claims.values() for cue in c.cues]
        return pd.DataFrame(rows, columns=["claim", "side", "statement", "cue"])


def load_codebook(path: str | Path) -> Codebook:
    """Load and validate a YAML codebook.

    Raises:
        InputError: naming the file, line and key path of the first problem, and the fix.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such codebook file", path=str(path),
                         hint="Give the path of a YAML codebook (see docs/guide/codebooks.md)"
                         ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the codebook ({error})", path=str(path),
                         hint="Save it as UTF-8 text") from None
    data, root = read_yaml(text, str(path))
    return Codebook.from_dict(data, path=str(path), _lines=_LineFinder(root))


@cache
def _aliases_regex(aliases: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(phrase_regex(a) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    raw = resources.files("biaskit").joinpath("data/stopwords.txt").read_text("utf-8")
    return frozenset(word for line in raw.splitlines()
                     if (word := line.split("#", 1)[0].strip()))


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


class _LineFinder:
    """Finds the line of a key path in the YAML node tree, for error messages."""

    def __init__(self, root: yaml.Node | None):
        self.root = root

    def line(self, keys: tuple[str, ...]) -> int | None:
        node, line = self.root, None
        for key in keys:
            if not isinstance(node, yaml.MappingNode):
                break
            for key_node, value_node in node.value:
                if key_node.value == key:
                    line, node = key_node.start_mark.line + 1, value_node
                    break
            else:
                break
        return line


class _Validator:
    def __init__(self, path: str, lines: _LineFinder):
        self.path = path
        self.lines = lines

    def fail(self, keys: tuple[str, ...], problem: str, hint: str = "") -> InputError:
        line = self.lines.line(keys)
        location = ".".join(keys) or "top level"
        if line:
            location = f"line {line} ({location})"
        return InputError(problem, path=self.path or "codebook", location=location, hint=hint)

    def mapping(self, value: Any, keys: tuple[str, ...], allowed: dict[str, bool],
                what: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(keys, f"{what} must be a mapping of keys to values, "
                                  f"not {type(value).__name__}",
                            f"Allowed keys: {', '.join(allowed)}")
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"Did you mean {close[0]!r}? " if close else ""
                raise self.fail((*keys, str(key)), f"unknown key {key!r} in {what}",
                                f"{hint}Allowed keys: {', '.join(allowed)}")
        for key, required in allowed.items():
            if required and value.get(key) in (None, "", [], {}):
                raise self.fail(keys, f"{what} has no {key!r}", _REQUIRED_HINTS[key])
        return value

    def identifier(self, value: Any, keys: tuple[str, ...], what: str) -> str:
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(keys, f"{what} id {value!r} is not a simple name",
                            "Use letters, digits, '_' or '-', starting with a letter")
        return value

    def text(self, value: Any, keys: tuple[str, ...], default: str = "") -> str:
        if value is None:
            return default
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise self.fail(keys, f"expected text, got {type(value).__name__}")
        return normalise_phrase(str(value))

    def strings(self, value: Any, keys: tuple[str, ...]) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(keys, f"expected a list, got {type(value).__name__}",
                            'Write a YAML list: [first, second] or one "- item" per line')
        for number, item in enumerate(value):
            if not isinstance(item, str) or not normalise_phrase(item):
                raise self.fail(keys, f"item {number + 1} ({item!r}) is not a non-empty text",
                                "Quote items that YAML would read as numbers, dates or booleans")
        return tuple(normalise_phrase(item) for item in value)

    def alias(self, alias: str, keys: tuple[str, ...]) -> None:
        """Refuse an alias that would claim common words: matching ignores case, so "A" or
        "us" would make every such word in every article a mention of the actor."""
        letters = re.sub(r"\W", "", alias)
        if len(letters) < 2:
            raise self.fail(keys, f"alias {alias!r} is a single character, which matches that "
                                  "letter everywhere (matching ignores case)",
                            "Use the actor's name, or a longer form of it")
        if _fold(alias) in _stop_words():
            raise self.fail(keys, f"alias {alias!r} is a common word, which matches that word "
                                  "in every article (matching ignores case)",
                            "Use a longer form of the name (for example 'United States' for "
                            "'US'); the list is biaskit/data/stopwords.txt")

    def codebook(self, data: Any) -> Codebook:
        top = self.mapping(data, (), _TOP_KEYS, "the codebook")
        sides_data = top["sides"]
        if not isinstance(sides_data, dict):
            raise self.fail(("sides",), "'sides' must map side ids to sides",
                            _REQUIRED_HINTS["sides"])
        sides: dict[str, Side] = {}
        actors: dict[str, Actor] = {}
        alias_owner: dict[str, tuple[str, tuple[str, ...]]] = {}
        for side_id, side_data in sides_data.items():
            keys = ("sides", str(side_id))
            self.identifier(side_id, keys, "side")
            if side_data is None:
                raise self.fail(keys, f"side {side_id!r} is empty", _REQUIRED_HINTS["actors"])
            side_map = self.mapping(side_data, keys, _SIDE_KEYS, f"side {side_id!r}")
            actors_data = side_map["actors"]
            if not isinstance(actors_data, dict):
                raise self.fail((*keys, "actors"), "'actors' must map actor ids to actors",
                                _REQUIRED_HINTS["actors"])
            for actor_id, actor_data in actors_data.items():
                akeys = (*keys, "actors", str(actor_id))
                self.identifier(actor_id, akeys, "actor")
                if actor_id in actors:
                    raise self.fail(akeys, f"actor id {actor_id!r} is also used in side "
                                           f"{actors[actor_id].side!r}",
                                    "Give each actor its own id")
                actor_map = self.mapping(actor_data or {}, akeys, _ACTOR_KEYS,
                                         f"actor {actor_id!r}")
                aliases = self.strings(actor_map.get("aliases"), (*akeys, "aliases"))
                label = self.text(actor_map.get("label"), (*akeys, "label"),
                                  aliases[0] if aliases else actor_id)
                for alias in aliases:
                    self.alias(alias, (*akeys, "aliases"))
                if actor_map.get("label") is not None:
                    self.alias(label, (*akeys, "label"))
                unique = list(dict.fromkeys(_fold(a) for a in (label, *aliases)))
                for alias in unique:
                    owner = alias_owner.get(alias)
                    if owner:
                        raise self.fail((*akeys, "aliases"),
                                        f"alias {alias!r} is also an alias of actor "
                                        f"{owner[0]!r} ({'.'.join(owner[1])})",
                                        "An alias must name one actor only; remove it from "
                                        "one of them")
                    alias_owner[alias] = (actor_id, akeys)
                surface = {_fold(a): a for a in reversed((label, *aliases))}
                actors[actor_id] = Actor(actor_id, side_id, label,
                                         tuple(surface[a] for a in unique),
                                         self.text(actor_map.get("description"),
                                                   (*akeys, "description")))
            sides[side_id] = Side(side_id, self.text(side_map.get("label"), (*keys, "label"),
                                                     side_id),
                                  tuple(actors_data),
                                  self.text(side_map.get("description"), (*keys, "description")))
        claims = self.claims(top.get("claims"), sides)
        frames = self.frames(top.get("frames"))
        return Codebook(sides, actors, claims, frames, self.text(top.get("name"), ("name",)),
                        self.text(top.get("description"), ("description",)), self.path)

    def frames(self, data: Any) -> dict[str, FrameTerms]:
        """``frame: [terms]`` adds terms; ``frame: {terms: [...], replace: true}`` replaces."""
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise self.fail(("frames",), "'frames' must map frame names to terms",
                            "Write e.g. frames: {military: [drone*]}")
        frames = {}
        for frame, value in data.items():
            keys = ("frames", str(frame))
            self.identifier(frame, keys, "frame")
            if isinstance(value, dict):
                value = self.mapping(value, keys, _FRAME_KEYS, f"frame {frame!r}")
                replace = value.get("replace", False)
                if not isinstance(replace, bool):
                    raise self.fail((*keys, "replace"), "'replace' must be true or false")
                terms = self.strings(value["terms"], (*keys, "terms"))
            else:
                replace, terms = False, self.strings(value, keys)
            if not terms:
                raise self.fail(keys, f"frame {frame!r} lists no terms",
                                "List the words that signal the frame; end a term with * to "
                                "match any ending")
            frames[frame] = FrameTerms(frame, terms, replace)
        return frames

    def claims(self, data: Any, sides: Mapping[str, Side]) -> dict[str, Claim]:
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise self.fail(("claims",), "'claims' must map claim ids to claims")
        claims = {}
        for claim_id, claim_data in data.items():
            keys = ("claims", str(claim_id))
            self.identifier(claim_id, keys, "claim")
            claim_map = self.mapping(claim_data, keys, _CLAIM_KEYS, f"claim {claim_id!r}")
            side = claim_map["side"]
            if side not in sides:
                raise self.fail((*keys, "side"), f"claim {claim_id!r} names unknown side "
                                                 f"{side!r}",
                                f"Use one of the sides: {', '.join(sides)}")
            claims[claim_id] = Claim(
                claim_id, side, self.text(claim_map["statement"], (*keys, "statement")),
                self.strings(claim_map["cues"], (*keys, "cues")),
                self.text(claim_map.get("description"), (*keys, "description")))
        return claims


_REQUIRED_HINTS = {
    "sides": "Add a 'sides' mapping with at least one side, each with actors",
    "actors": "Add at least one actor under 'actors', with a label and aliases",
    "side": "Name the side that makes this claim",
    "statement": "Write the claim as one plain sentence",
    "cues": "List the phrases that express the claim in text, e.g. cues: [never hit civilians]",
    "terms": "List the words that signal the frame; end a term with * to match any ending",
}
