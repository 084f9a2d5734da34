"""Errors biaskit raises for bad input: each names the file, the place in it, and what to do."""

from __future__ import annotations


class BiaskitError(Exception):
    """Base class of every error biaskit raises on purpose."""


class InputError(BiaskitError):
    """A file or value the user gave cannot be used.

    The message reads ``<path>, <location>: <problem>. <hint>`` so that a user can go straight
    to the file, line or key and fix it.
    """

    def __init__(self, message: str, *, path: str = "", location: str = "", hint: str = ""):
        self.path = str(path)
        self.location = location
        self.problem = message
        self.hint = hint
        where = ", ".join(part for part in (self.path, location) if part)
        text = f"{where}: {message}" if where else message
        if hint:
            text = f"{text}. {hint}"
        super().__init__(text)
