"""The HTML article view: marks, escaping, well-formed tags under any overlap, files written.

"Visible text" below is the text content of the ``<article class="bk-text">`` element: tags
stripped, character references unescaped. The view promises it equals ``doc.text`` exactly
(blocks are separated by the same ``"\\n\\n"``; margin numbers and tags are CSS-generated).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from conftest import CODEBOOK, CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biaskit import Document, attributions_frame, load_codebook, load_corpus
from biaskit.framing.claims import claim_occurrences
from biaskit.framing.cues import presentation_cues
from biaskit.report.view import MARKS, ArticleView, article_view

SEED_ID = "000_d287f8da5092c987"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Tags(HTMLParser):
    """Checks that every opened non-void tag is closed in order, and keeps every closed
    element as (tag, attributes, text, classes of the open elements around it)."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict, list[str]]] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict, str, str]] = []
        self.feed(page)
        self.close()
        self.errors += [f"<{tag}> never closed" for tag, _, _ in self.stack]

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1][0] if self.stack else ''}>")
            return
        name, attrs, text = self.stack.pop()
        around = " ".join(a.get("class") or "" for _, a, _ in self.stack)
        self.elements.append((name, attrs, "".join(text), around))

    def handle_data(self, data):
        for _, _, text in self.stack:
            text.append(data)

    def having(self, cls: str, inside: str | None = "bk-text") -> list[tuple]:
        """Elements of class ``cls`` (by default in the article, not the legend)."""
        return [e for e in self.elements if cls in (e[1].get("class") or "").split()
                and (inside is None or inside in e[3].split())]

    def visible_text(self) -> str:
        (article,) = self.having("bk-text", inside=None)
        return article[2]


@pytest.fixture(scope="module")
def tables():
    corpus, book = load_corpus(CORPUS), load_codebook(CODEBOOK)
    quotes = attributions_frame(corpus, book)
    claims = claim_occurrences(corpus, book, quotes)
    return corpus, book, quotes, claims, presentation_cues(corpus, quotes, book)


@pytest.fixture(scope="module")
def seed(tables):
    corpus, book, quotes, claims, cues = tables
    doc = corpus[SEED_ID]
    page = article_view(doc, quotes, book, claims, cues).to_html()
    tags = Tags(page)
    assert tags.errors == []
    return doc, tags, page


def test_every_statement_is_a_span_with_its_side_and_speaker(tables, seed):
    quotes = tables[2]
    doc, tags, _ = seed
    rows = quotes[quotes.doc_id == SEED_ID]
    assert len(rows) == 13  # 12 said or written, and the UN's aim (kind thought)
    for row in rows.itertuples():
        where = f"characters {row.start}-{row.end}"
        pieces = [e for e in tags.having("bk-st") if where in e[1]["title"]]
        assert len(pieces) == 1, where  # the seed's statements are never split
        _, attrs, text, _ = pieces[0]
        assert text == row.content == doc.text[row.start:row.end]
        assert {f"bk-side-{row.side}", f"bk-{row.mode}"} <= set(attrs["class"].split())
        assert row.speaker in attrs["title"] and f"mode: {row.mode}" in attrs["title"]
        verbs = [e for e in tags.having("bk-verb") if f"speaker: {row.speaker}" in e[1]["title"]]
        assert doc.text[row.cue_start:row.cue_end] in [e[2] for e in verbs]


def test_narrator_claim_and_markers_are_marked(tables, seed):
    claims = tables[3]
    doc, tags, _ = seed
    (row,) = claims[(claims.doc_id == SEED_ID) & (claims.presenter == "narrator")].itertuples()
    assert row.paragraph == 2  # the second body paragraph, as a reader counts
    (claim,) = tags.having("bk-narrator")
    assert claim[2] == doc.text[row.start:row.end]
    assert f"outlet asserts claim {row.claim} in its own voice" in claim[1]["title"]
    assert {"bk-claim", "bk-first", "bk-last", "bk-side-russia"} <= set(claim[1]["class"].split())
    (so_called,) = [e for e in tags.having("bk-mark") if e[2] == "so-called"]
    assert "bk-voice-quote" in so_called[1]["class"] and "speaker's own" in so_called[1]["title"]
    assert {"bk-st", "bk-side-russia"} <= set(so_called[3].split())  # inside Bondarev's quote
    (purporting,) = [e for e in tags.having("bk-mark") if e[2] == "purporting"]
    assert "bk-voice-narrator" in purporting[1]["class"]
    assert "distancing" in purporting[1]["title"] and "outlet" in purporting[1]["title"]


def test_legend_counts_statements_per_side(tables, seed):
    quotes = tables[2]
    _, tags, page = seed
    rows = quotes[quotes.doc_id == SEED_ID]
    for side, label in [("russia", "Russian officials"), ("amnesty", "Amnesty International"),
                        ("others", "Others")]:
        mine = rows[rows.side == side]
        counts = [len(mine), *(sum(mine["mode"] == m) for m in ("direct", "mixed", "indirect")),
                  mine.content_words.sum()]
        cells = "".join(f"<td>{n}</td>" for n in counts)
        assert f"{label} <small>({side})</small></td>{cells}</tr>" in page
    (legend,) = tags.having("bk-legend", inside=None)
    assert "1 in the outlet's voice" in legend[2]


def test_text_is_escaped():
    plain = Document.from_parts("x", "Title <b>", ['He said "<script>alert(1)</script>" today.'])
    kept = Document.from_parts("y", "Title &lt;b&gt;",
                               ['He said "&lt;script&gt;alert(1)&lt;/script&gt;" today.'])
    assert "<script>" in kept.text  # cleaning strips markup, but entities become text
    quotes = attributions_frame([plain, kept])
    quotes.loc[:, "speaker"] = '"><script>x</script>'
    for doc in (plain, kept):
        page = article_view(doc, quotes).to_html()
        assert "<script" not in page.lower() and "<b>" not in page
        tags = Tags(page)
        assert tags.errors == [] and tags.visible_text() == doc.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    (statement,) = tags.having("bk-st")
    assert statement[2] == quotes.content.iloc[-1] and "<script>alert(1)" in statement[2]


def test_every_bundled_article_is_well_formed(tables):
    corpus, book, quotes, claims, cues = tables
    for doc in corpus:
        view = article_view(doc, quotes, book, claims, cues)
        for page in (view.to_html(), view._repr_html_()):
            tags = Tags(page)
            assert tags.errors == [], doc.doc_id
            assert tags.visible_text() == doc.text, doc.doc_id


def test_fragment_scoped_and_page_self_contained(tables):
    corpus, book, quotes, claims, cues = tables
    view = article_view(corpus[SEED_ID], quotes, book, claims, cues)
    fragment, page = view._repr_html_(), view.to_html()
    assert "<html" not in fragment and "<!DOCTYPE" not in fragment and "<style>" in fragment
    assert page.startswith("<!DOCTYPE html>") and "<title>" in page and fragment in page
    css = re.search(r"<style>(.*?)</style>", fragment, re.S).group(1)
    scope = re.search(r'class="biaskit-view (bk-v\w+)"', fragment).group(1)
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", css) for s in block.split(",")]
    assert selectors and all(s.startswith(f".{scope}") for s in selectors)
    for loads in ("<script", "<link", "src=", "href=", "url(", "@import", "@font-face"):
        assert loads not in page


def test_without_codebook_sides_take_colours_in_order_of_appearance(tables):
    corpus, _, quotes, _, _ = tables
    view = article_view(corpus["003_rights_monitor_daily"], quotes)
    assert view.sides[-1] == "unassigned"
    assert view.sides[:-1] == list(dict.fromkeys(s for s in quotes.side if s))
    assert Tags(view.to_html()).errors == []


def test_save_writes_exactly_that_file(tables, tmp_path):
    corpus, book, quotes, claims, cues = tables
    view = article_view(corpus[SEED_ID], quotes, book, claims, cues)
    assert isinstance(view, ArticleView)
    path = view.save(tmp_path / "a.html")
    assert path == tmp_path / "a.html" and list(tmp_path.iterdir()) == [path]
    assert path.read_text(encoding="utf-8") == view.to_html()


BLOCK = st.text("ab <>&\"'é“—#;/", min_size=1, max_size=25).map(str.strip).filter(bool)


@st.composite
def annotated(draw):
    """A random document and random, arbitrarily overlapping rows of all three tables (some
    out of range, some empty, some of another document)."""
    doc = Document(doc_id="h", title=draw(BLOCK), standfirst=draw(st.sampled_from(["", "s"])),
                   paragraphs=tuple(draw(st.lists(BLOCK, min_size=1, max_size=4))))
    offset = st.integers(-2, len(doc.text) + 2)
    spans = st.lists(st.tuples(offset, offset).map(sorted), max_size=8)
    doc_ids = st.sampled_from(["h", "h", "other"])
    quotes = [dict(doc_id=draw(doc_ids), start=a, end=b, cue_start=c, cue_end=d,
                   speaker=draw(BLOCK), side=draw(st.sampled_from(["a", "b", "", "<c>"])),
                   mode=draw(st.sampled_from(["direct", "mixed", "indirect"])),
                   cue=draw(st.sampled_from(["say", ""])), stance="neutral")
              for (a, b), (c, d) in zip(draw(spans), draw(spans), strict=False)]
    cues = [dict(doc_id=draw(doc_ids), start=a, end=b, kind=draw(st.sampled_from(MARKS)),
                 term="t", voice=draw(st.sampled_from(["quote", "narrator"])))
            for a, b in draw(spans)]
    claims = [dict(doc_id=draw(doc_ids), start=a, end=b, claim="k", claim_side="a",
                   presenter=draw(st.sampled_from(["narrator", "unattributed_report", "x"])))
              for a, b in draw(spans)]
    columns = ["doc_id", "start", "end", "side", "kind", "presenter"]
    return doc, *(pd.DataFrame(rows or None, columns=None if rows else columns)
                  for rows in (quotes, cues, claims))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated())
def test_any_overlap_gives_balanced_tags_and_the_document_text(case):
    doc, quotes, cues, claims = case
    tags = Tags(article_view(doc, quotes, None, claims, cues).to_html())
    assert tags.errors == []
    assert tags.visible_text() == doc.text
