"""The glossary of the comparison: what each measure and figure means, from
``biaskit/data/measures.yaml``.

A measure of one side is a column ``<measure>_<side>`` (``word_share_russia``); its entry
says "the side", and the balance indices say "the first side" and "the second side".
:func:`describe` puts the sides' labels in, so a table or a page never shows a column name
without what it means.

>>> describe("word_share_russia", sides=["russia"], labels={"russia": "Russian officials"})["name"]
'Share of words: Russian officials'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

import yaml

from biaskit.errors import InputError

MEASURE_FIELDS = ("name", "definition", "sign", "how_to_read", "cannot_tell")
_MAY_BE_EMPTY = ("sign",)  # a count or a score may have no sign convention to state
FIGURE_FIELDS = ("title", "how_to_read", "cannot_tell")
_FILE = "biaskit/data/measures.yaml"


@lru_cache(maxsize=1)  # reads one data file: one entry
def glossary() -> dict[str, dict[str, dict[str, str]]]:
    """``{"measures": {key: {name, definition, sign, how_to_read, cannot_tell}},
    "figures": {key: {title, how_to_read, cannot_tell}}}``, checked for missing fields."""
    raw = resources.files("biaskit").joinpath("data/measures.yaml").read_text("utf-8")
    try:
        data = yaml.safe_load(raw) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError(f"the glossary is not valid YAML: {getattr(error, 'problem', error)}",
                         path=_FILE, location=f"line {mark.line + 1}" if mark else "") from None
    for section, fields in (("measures", MEASURE_FIELDS), ("figures", FIGURE_FIELDS)):
        entries = data.get(section)
        if not isinstance(entries, dict):
            raise InputError(f"the glossary has no '{section}' section", path=_FILE)
        for key, entry in entries.items():
            missing = [f for f in fields if not isinstance(entry, dict) or (
                not entry.get(f) and not (f in _MAY_BE_EMPTY and entry.get(f) == ""))]
            if missing:
                raise InputError(f"{section}.{key} lacks {', '.join(missing)}", path=_FILE,
                                 hint=f"Give each entry of '{section}' {', '.join(fields)}")
    return {"measures": data["measures"], "figures": data["figures"]}


def measure_key(column: str, sides: Sequence[str]) -> tuple[str, str]:
    """(glossary key, side) of a measure column: ``('word_share', 'russia')`` for
    word_share_russia, ``('balance_index', '')`` for a measure of no single side; the key
    is '' when the glossary has no entry for the column."""
    entries = glossary()["measures"]
    for side in sorted(sides, key=len, reverse=True):  # 'b_c' before 'c'
        base = column[: -len(side) - 1]
        if column.endswith(f"_{side}") and base in entries:
            return base, side
    return (column, "") if column in entries else ("", "")


def describe(column: str, *, sides: Sequence[str] = (),
             labels: Mapping[str, str] | None = None,
             pair: Sequence[str] | None = None) -> dict[str, str]:
    """The glossary entry of a measure column with the sides' labels put in: the side after
    the name of a measure of one side, the pair's labels for the balance indices.

    Raises:
        KeyError: when the glossary has no entry for the column.
    """
    key, side = measure_key(column, sides)
    if not key:
        raise KeyError(f"{column!r} has no entry in {_FILE}")
    labels = labels or {}
    entry = dict(glossary()["measures"][key])
    if side:
        entry["name"] = f"{entry['name']}: {labels.get(side, side)}"
    elif pair and "the first side" in entry["sign"]:  # the balance indices
        first, second = (labels.get(s, s) for s in pair)
        entry = {field: text.replace("the first side", first).replace("the second side",
                                                                      second)
                 for field, text in entry.items()}
        entry["name"] = f"{entry['name']} ({first} against {second})"
    return entry


def figure_text(stem: str) -> dict[str, str]:
    """Title, how to read it and what it cannot tell, for the figure ``figures/<stem>.png``.

    Raises:
        KeyError: when the glossary has no entry for the figure.
    """
    figures = glossary()["figures"]
    if stem not in figures:
        raise KeyError(f"figure {stem!r} has no entry in {_FILE}")
    return dict(figures[stem])
