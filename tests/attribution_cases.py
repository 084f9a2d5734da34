"""The codebook and helpers the attribution form tests share: fictional people and places,
and a check that every statement's offsets give its content."""

from __future__ import annotations

from biaskit import Codebook, Document
from biaskit.attribution.records import extract_attributions

BOOK = Codebook.from_dict({
    "sides": {
        "residents": {"label": "Residents", "actors": {
            "alliance": {"label": "Varnholt Water Alliance",
                         "aliases": ["Varnholt Water Alliance", "the alliance", "Tomas Brekke",
                                     "Brekke"]},
        }},
        "company": {"label": "Kessler Mining", "actors": {
            "kessler": {"label": "Kessler Mining Group",
                        "aliases": ["Kessler Mining Group", "the company", "Dana Okafor",
                                    "Okafor"]},
        }},
    },
})


def found(*paragraphs: str, title: str = "Water in Varnholt") -> list:
    doc = Document.from_parts("t", title, list(paragraphs))
    rows = extract_attributions(doc, BOOK)
    for row in rows:
        assert doc.text[row.start:row.end] == row.content
    return rows


def only(*paragraphs: str) -> tuple[str, str, str, str]:
    rows = [row for row in found(*paragraphs) if row.position != "headline"]
    assert len(rows) == 1, [(r.speaker, r.cue, r.content) for r in rows]
    row = rows[0]
    return row.speaker, row.side, row.cue, row.content


def body(*paragraphs: str, title: str = "Water in Varnholt") -> list:
    """The statements outside the headline (the test's title is one)."""
    return [row for row in found(*paragraphs, title=title) if row.position != "headline"]
