"""Reading a YAML file a user wrote (a codebook): the safe loader only, no key given twice in
one mapping, and no nesting deeper than any such file needs. Every refusal is an
:class:`~biaskit.errors.InputError` naming the file and line."""

from __future__ import annotations

from typing import Any

import yaml

from biaskit.errors import InputError

# Deeper than any codebook needs (sides > actors > aliases is four levels), and far below the
# depth at which the YAML reader itself would run out of stack.
MAX_DEPTH = 50


def read_yaml(text: str, path: str) -> tuple[Any, yaml.Node | None]:
    """The data of a YAML text and its node tree (which knows the line of every key)."""
    try:
        _check_depth(text, path)
        loader = _UniqueKeyLoader(text)
        loader.path = path
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputError(f"YAML syntax error: {error.problem}", path=path, location=where,
                         hint="Check indentation and quoting there (values holding ':' or '#' "
                              "need quotes)") from None
    except yaml.YAMLError as error:
        raise InputError(f"YAML error: {error}", path=path) from None
    return data, root


def _check_depth(text: str, path: str) -> None:
    """Refuse YAML nested more than MAX_DEPTH levels (the event parser is not recursive)."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(f"the file is nested more than {MAX_DEPTH} levels deep",
                                 path=path, location=f"line {event.start_mark.line + 1}",
                                 hint="A codebook has sides, actors and aliases: four levels")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


class _UniqueKeyLoader(yaml.SafeLoader):
    """The safe loader, refusing a key repeated in one mapping, at any depth: YAML would keep
    the last value without a word, deleting a side or a list of aliases."""

    path = ""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        if isinstance(node, yaml.MappingNode):
            first_line: dict[Any, int] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                try:
                    earlier = first_line.get(key)
                except TypeError:  # an unhashable key: the base class says so
                    break
                if earlier is not None:
                    raise InputError(f"key {key!r} is repeated (first on line {earlier}); the "
                                     "second would silently replace the first",
                                     path=self.path, location=f"line {line}",
                                     hint="Keep one of them, or merge the two")
                first_line[key] = line
        return super().construct_mapping(node, deep=deep)
