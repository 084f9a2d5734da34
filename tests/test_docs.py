"""The documentation site builds in strict mode, offline, and the README's links lead somewhere."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest
from conftest import BLOCK_NETWORK, ROOT

README = ROOT / "README.md"


NO_MKDOCS = 'mkdocs is not installed: pip install -e ".[docs]" (the test extra has it)'


@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None, reason=NO_MKDOCS)
def test_site_builds_in_strict_mode_with_the_network_blocked(tmp_path):
    # Strict mode turns every warning into a failure: a broken link, a missing heading anchor, a
    # page left out of the nav, or an API reference to a name that does not exist.
    build = BLOCK_NETWORK + "from mkdocs.__main__ import cli\ncli()\n"
    done = subprocess.run([sys.executable, "-c", build, "build", "--strict", "-d", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "index.html").is_file()
    assert (tmp_path / "reference" / "index.html").is_file()


def test_readme_stays_short():
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 250


def test_readme_links_to_files_that_exist():
    text = README.read_text(encoding="utf-8")
    targets = re.findall(r"\]\((?!https?://|#)([^)\s]+)\)", text)
    assert targets, "the README links onward to the docs"
    missing = [target for target in targets if not (ROOT / target.split("#")[0]).exists()]
    assert not missing, f"README links to files that do not exist: {missing}"


def test_readme_figure_is_small():
    figures = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", README.read_text(encoding="utf-8"))
    assert len(figures) == 1
    assert (ROOT / figures[0]).stat().st_size < 200_000


def test_every_module_has_its_api_reference():
    import pkgutil

    import biaskit

    documented = set(re.findall(r"^::: (biaskit[\w.]*)", "\n".join(
        page.read_text(encoding="utf-8") for page in (ROOT / "docs" / "reference").glob("*.md")),
        re.M))
    # Packages' own docstrings only list their modules; the command line has its guide page.
    modules = {info.name for info in pkgutil.walk_packages(biaskit.__path__, "biaskit.")
               if not info.ispkg and not info.name.startswith("biaskit.cli")}
    assert not modules - documented, "add a ::: line to the page of its stage in docs/reference/"


def test_readme_table_excerpt_is_what_compare_gives(corpus, codebook):
    from biaskit.compare import compare
    from biaskit.report import key_table

    excerpt = README.read_text(encoding="utf-8").split("```text\nsource", 1)[1].split("```")[0]
    header, *rows = excerpt.strip("\n").splitlines()
    table = key_table(compare(corpus, codebook, sides=("russia", "amnesty"), bootstrap=0))
    sources = list(table.columns[:5])
    assert header.split() == " ".join(sources).split()
    for row in rows:
        measure, *shown = row.split()
        expected = ["-" if value != value else f"{value:.2f}"
                    for value in table.loc[measure, sources]]
        assert shown == expected, measure


def test_readme_three_steps_make_a_corpus_that_compares(tmp_path):
    import biaskit
    from biaskit.compare import compare

    steps = README.read_text(encoding="utf-8").split("## Your own corpus in three steps")[1]
    steps = steps.split("\n## ", 1)[0]
    metadata = re.search(r"```csv\n(.*?)```", steps, re.S)[1]
    book = re.search(r"```yaml\n(.*?)```", steps, re.S)[1]
    folder = tmp_path / "my-story"
    folder.mkdir()
    (folder / "metadata.csv").write_text(metadata, encoding="utf-8")
    (folder / "codebook.yaml").write_text(book, encoding="utf-8")
    articles = {
        "herald-0412.txt": "Mayor backs harbour plan\n\nThe plan carries no flood risk, Mayor Ada "
                           "Lind said.\n\nThe association said the plan will flood homes.\n",
        "courier-0412.txt": "Residents fear floods\n\n\"Our streets will flood,\" the association "
                            "said.\n\nLind claimed there is no flood risk.\n",
    }
    assert sorted(articles) == sorted(re.findall(r"^([\w-]+\.txt),", metadata, re.M))
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")

    corpus = biaskit.load_corpus(folder)
    assert corpus.problems_frame().empty
    result = compare(corpus, biaskit.load_codebook(folder / "codebook.yaml"), bootstrap=0)
    assert set(result.by_source["source"]) == {"The Herald", "The Courier"}
    assert {"council", "residents"} <= set(result.tables["attributions"]["side"])
