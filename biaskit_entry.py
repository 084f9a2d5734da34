"""The ``biaskit`` command's entry point: a Ctrl-C at any moment ends it with one line.

Starting the command imports pandas and biaskit, which takes a few seconds; an interrupt
meanwhile used to show Python's KeyboardInterrupt traceback. This module
lies outside the ``biaskit`` package, because importing any module of the package imports the
package's ``__init__`` (and pandas with it) first. It imports only :mod:`sys` before it is
ready for the interrupt; :func:`biaskit.cli.parser.main` then handles the ones during a
command the same way.
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command ended by Ctrl-C


def main() -> int:
    """Run the command line (:func:`biaskit.cli.main`); exit 130 on Ctrl-C, wherever it lands."""
    try:
        from biaskit.cli.parser import main as run  # seconds: pandas and the analysers

        return run()
    except KeyboardInterrupt:
        print("biaskit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
