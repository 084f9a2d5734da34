"""The examples in biaskit's docstrings, which the API reference shows, run and give the output
they show (from the repository's top folder, where they find corpora/)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest
from conftest import ROOT

import biaskit

# __main__ modules run the command line when imported.
MODULES = sorted(info.name for info in pkgutil.walk_packages(biaskit.__path__, "biaskit.")
                 if not info.name.endswith("__main__"))


@pytest.mark.parametrize("name", ["biaskit", *MODULES])
def test_docstring_examples_run(name, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out: list[str] = []
    for test in finder.find(module, name):
        runner.run(test, out=out.append)
    assert runner.failures == 0, "".join(out)
