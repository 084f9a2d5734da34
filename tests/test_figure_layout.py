"""Figures stay readable with 40 outlets: no two texts of a figure (tick labels, titles,
headers, the counts beside the bars) overlap, and long outlet names are shortened for the
figure only (issue 18)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from dataclasses import replace  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from biaskit.compare import compare  # noqa: E402
from biaskit.corpus.document import Corpus  # noqa: E402
from biaskit.report.figure import OUTLET_CHARS, outlet_labels  # noqa: E402
from biaskit.report.index import report_figures  # noqa: E402

# Forty fictional outlets, some with long names that differ only at the end.
BASES = ["The Daily Lantern", "Northern Star Evening Chronicle and Weekly Review",
         "Harbour Gazette", "Courier", "Metropolitan Wire Service International",
         "Valley Times", "The Morning Tribune of the Eastern Provinces", "Pulse",
         "Riverside Post", "Global Affairs Monitor Online"]
OUTLETS = [f"{name} {k}" for k in range(1, 5) for name in BASES]


@pytest.fixture(scope="module")
def forty(corpus, codebook):
    """The bundled articles, each outlet getting two of them (a cheap 80-article corpus)."""
    docs = list(corpus)
    copies = [replace(docs[(2 * i + j) % len(docs)], doc_id=f"o{i:02d}-{j}", source=outlet)
              for i, outlet in enumerate(OUTLETS) for j in range(2)]
    many = Corpus(copies)
    return compare(many, codebook, progress=False, bootstrap=50, min_articles=2), many


def _overlaps(fig) -> list[tuple[str, str]]:
    """Pairs of visible texts whose drawn extents overlap by more than a pixel each way."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in fig.findobj(Text)
             if t.get_visible() and t.get_text().strip()]
    return [(a, b) for i, (a, box) in enumerate(boxes) for b, other in boxes[i + 1:]
            if min(box.x1, other.x1) - max(box.x0, other.x0) > 1
            and min(box.y1, other.y1) - max(box.y0, other.y0) > 1]


@pytest.mark.parametrize("name", ["balance", "side_shares", "article_map", "claim_modes",
                                  "frames", "tone"])
def test_no_two_texts_of_a_figure_overlap_with_forty_outlets(forty, codebook, name):
    result, many = forty
    function, arguments, keywords = report_figures(result, many, codebook)[name]
    fig = function(*arguments, **keywords)
    try:
        ticks = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
        if name != "article_map":  # one row per outlet; the article map has one per block
            assert sum(any(s in t for s in ("Lantern", "Review", "Courier")) for t in ticks) \
                >= 12
        assert _overlaps(fig) == []
    finally:
        plt.close(fig)


def test_long_outlet_names_keep_their_start_and_end_and_stay_distinct():
    labels = outlet_labels(OUTLETS)
    assert len(set(labels)) == len(OUTLETS)
    assert all(len(label) <= OUTLET_CHARS for label in labels)
    long = OUTLETS.index("Northern Star Evening Chronicle and Weekly Review 3")
    assert labels[long].startswith("Northern Star") and labels[long].endswith("Review 3")
    assert "…" in labels[long]
    assert outlet_labels(["Pulse 1", "Courier $5"]) == ["Pulse 1", r"Courier \$5"]
    # Names that the cut would make equal are kept whole.
    twins = ["A" * 40 + "x" + "B" * 20, "A" * 40 + "y" + "B" * 20]
    assert outlet_labels(twins) == twins
