"""Notebooks: stored without outputs, and the corpus template runs unchanged on another
corpus and codebook under papermill. (nbmake runs each notebook as a test of its own.)"""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_four_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == ["01_seed_article.ipynb", "02_compare_outlets.ipynb",
                                           "03_your_corpus.ipynb", "04_validate.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_stored_without_outputs(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert all(not c.get("outputs") and not c.get("execution_count") for c in cells
               if c["cell_type"] == "code")


def test_template_has_a_papermill_parameters_cell():
    cells = json.loads((ROOT / "notebooks" / "03_your_corpus.ipynb").read_text())["cells"]
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    assert "corpus_path" in "".join(tagged[0]["source"])


def test_template_runs_unchanged_on_another_corpus_under_papermill(tmp_path):
    papermill = pytest.importorskip("papermill")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = {
        "a1.txt": "Ministry defends the dam\n\nThe Water Ministry said the dam was safe. "
                  "Greenwatch said the dam leaked.",
        "a2.txt": "Greenwatch warns of leaks\n\nGreenwatch warned that the dam leaked.\n\n"
                  "The ministry said the dam was safe.",
        "b1.txt": "Dam row continues\n\n“The dam is safe,” the Water Ministry said.",
    }
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "metadata.csv").write_text("file,source\na1.txt,Daily A\na2.txt,Daily A\n"
                                         "b1.txt,Weekly B\n", encoding="utf-8")
    book = tmp_path / "book.yaml"
    book.write_text("sides:\n  govt:\n    actors:\n      ministry:\n        aliases: [Water "
                    "Ministry, the ministry]\n  ngo:\n    actors:\n      greenwatch:\n"
                    "        aliases: [Greenwatch]\nclaims:\n  safe:\n    side: govt\n"
                    "    statement: The dam is safe.\n    cues: [dam is safe, dam was safe]\n",
                    encoding="utf-8")
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "03_your_corpus.ipynb"), str(out),
        parameters={"corpus_path": str(corpus), "codebook_path": str(book), "side_a": "govt",
                    "side_b": "ngo", "bootstrap": 50},
        cwd=str(ROOT / "notebooks"), progress_bar=False, kernel_name="python3")
    executed = json.loads(out.read_text(encoding="utf-8"))
    text = json.dumps(executed["cells"])
    assert "Daily A" in text and "Weekly B" in text
