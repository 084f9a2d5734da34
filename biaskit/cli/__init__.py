"""Present, on the command line: the ``biaskit`` command (:mod:`~biaskit.cli.parser` reads
the arguments, :mod:`~biaskit.cli.commands` runs them)."""

from biaskit.cli.parser import main

__all__ = ["main"]
