"""Every code example in README.md and docs/ runs, so none can drift into a NameError.

Each page's blocks run in order, in one namespace, in a scratch folder that sees the repository's
corpora/ and tests/ (so examples may write report/ or results/ without touching the checkout):

- ```python blocks are executed;
- ```pycon blocks are doctests, checked against the output they show;
- ```bash blocks are biaskit commands, run with this environment's biaskit; each must exit 0;
- ```yaml blocks must parse;
- other fences (text, csv, ...) show output or formats and are not run, but every fence must name
  its language, so an unmarked example cannot slip through unrun.

A block that cannot run here (it installs, or needs a Dask scheduler) is preceded by
``<!-- not-run: the reason -->`` on the line just above its fence.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^(?P<indent>[ ]*)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ ]*$",
                   re.M | re.S)
NOT_RUN = re.compile(r"<!--\s*not-run:\s*(?P<reason>.*?)\s*-->\s*$")
# Fences that show output, formats or file layouts: read, not run.
SHOWN = {"text", "csv", "json", "jsonl", "html"}
RUN = {"python", "pycon", "bash", "yaml"}
# What the examples may read, linked into the scratch folder.
SHARED = ("corpora", "tests", "notebooks", "benchmarks")


@dataclass
class Block:
    page: Path
    line: int
    lang: str
    code: str
    not_run: str | None

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}, line {self.line}"


def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        before = text[:match.start()].rstrip("\n ").rsplit("\n", 1)[-1]
        marker = NOT_RUN.search(before)
        indent = len(match["indent"])
        code = "\n".join(row[indent:] for row in match["body"].splitlines())
        found.append(Block(page, line, match["lang"], code, marker["reason"] if marker else None))
    return found


def _commands(code: str) -> list[list[str]]:
    """The command lines of a bash block, continuation lines joined, comments dropped."""
    joined = code.replace("\\\n", " ")
    return [shlex.split(row, comments=True) for row in joined.splitlines()
            if shlex.split(row, comments=True)]


def _run_python(block: Block, namespace: dict) -> None:
    try:
        exec(compile(block.code, block.where, "exec"), namespace)  # noqa: S102 - our own docs
    except Exception as error:
        raise AssertionError(
            f"{block.where}: the example raises {error!r}\n{block.code}") from error


def _run_pycon(block: Block, namespace: dict) -> None:
    test = doctest.DocTestParser().get_doctest(block.code, namespace, block.where,
                                               str(block.page), block.line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out: list[str] = []
    runner.run(test, out=out.append, clear_globs=False)
    namespace.update(test.globs)  # the doctest ran on a copy; later blocks see what it defined
    assert runner.failures == 0, f"{block.where}: the example's output differs\n" + "".join(out)


def _run_bash(block: Block) -> None:
    biaskit = Path(sys.executable).with_name("biaskit")
    for command in _commands(block.code):
        assert command[0] == "biaskit", (
            f"{block.where}: only biaskit commands run here; mark the block with "
            f"<!-- not-run: reason --> if it cannot run in the tests ({' '.join(command)})")
        quiet = ["--quiet"] if _quiet(command) else []
        done = subprocess.run([str(biaskit), *command[1:], *quiet], capture_output=True,
                              text=True, timeout=300, env={**os.environ, "MPLBACKEND": "Agg"})
        assert done.returncode == 0, (
            f"{block.where}: `{' '.join(command)}` exits {done.returncode}\n{done.stderr}")


def _quiet(command: list[str]) -> bool:
    # Progress bars would only clutter the captured output.
    return command[1] in {"compare", "run"} and "--quiet" not in command


def test_every_fence_names_its_language():
    unnamed = [block.where for page in PAGES for block in blocks(page)
               if block.lang not in RUN | SHOWN]
    assert not unnamed, ("give these fences a language (python, pycon, bash, yaml, or text for "
                         f"output): {unnamed}")


def test_every_skipped_block_says_why():
    pattern = re.compile(r"<!--\s*not-run\b(?!:\s*\S)")
    vague = [str(page.relative_to(ROOT)) for page in PAGES
             if pattern.search(page.read_text(encoding="utf-8"))]
    assert not vague, f"<!-- not-run: ... --> needs a reason after the colon: {vague}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_page_examples_run(page, tmp_path, monkeypatch):
    for name in SHARED:
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    namespace: dict = {"__name__": "__docs__"}
    for block in blocks(page):
        if block.not_run is not None or block.lang in SHOWN:
            continue
        if block.lang == "python":
            _run_python(block, namespace)
        elif block.lang == "pycon":
            _run_pycon(block, namespace)
        elif block.lang == "bash":
            _run_bash(block)
        elif block.lang == "yaml":
            yaml.safe_load(block.code)


def test_fences_are_found_in_lists_too(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("- a step:\n\n  ```python\n  x = 1\n  ```\n\n"
                    "<!-- not-run: needs a cluster -->\n"
                    "```bash\nbiaskit run big/ --dask tcp://host:8786\n```\n", encoding="utf-8")
    found = [(block.lang, block.code, block.not_run) for block in blocks(page)]
    assert found == [("python", "x = 1", None),
                     ("bash", "biaskit run big/ --dask tcp://host:8786", "needs a cluster")]

