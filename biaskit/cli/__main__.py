"""``python -m biaskit.cli``: the same as the ``biaskit`` command."""

import sys

from biaskit.cli.parser import main

sys.exit(main())
