"""A griffe extension for the API reference: biaskit's docstrings are written to read well as
plain text (``help()``), with Sphinx-style roles and bare doctest examples; this turns them
into the Markdown that mkdocstrings renders. It changes only what the site shows."""

from __future__ import annotations

import re

from griffe import Extension

# :func:`name`, :mod:`~biaskit.x.y` ... -> `name`, `y` (a ~ shows the last part only, as Sphinx).
_ROLE = re.compile(r":(?:func|meth|mod|class|attr|data|exc|obj):`(~?)([^`]+)`")
# A paragraph ending in "::" introduces an indented block, which Markdown already shows as code.
_LITERAL = re.compile(r"::\n\n")


def _role(match: re.Match) -> str:
    name = match[2].rsplit(".", 1)[-1] if match[1] else match[2]
    return f"`{name}`"


def _fence_doctests(text: str) -> str:
    """Wrap each run of '>>>' lines, with the output lines under them, in a pycon fence."""
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.lstrip().startswith(">>>"):
            out.append(line)
            i += 1
            continue
        indent = line[:len(line) - len(line.lstrip())]
        block = []
        while i < len(lines) and lines[i].strip():
            block.append(lines[i][len(indent):])
            i += 1
        out += [f"{indent}```pycon", *(indent + row for row in block), f"{indent}```"]
    return "\n".join(out)


def markdown_docstring(text: str) -> str:
    return _fence_doctests(_LITERAL.sub(":\n\n", _ROLE.sub(_role, text)))


class MarkdownDocstrings(Extension):
    def on_instance(self, *, obj, **kwargs) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)
