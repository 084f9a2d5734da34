"""The ``biaskit`` command."""

from biaskit.cli.commands import main

__all__ = ["main"]
