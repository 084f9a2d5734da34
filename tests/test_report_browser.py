"""The report in a real browser (headless Chromium): with 40 outlets the index has no
horizontal overflow at 1280 px, the articles table sorts when a header is clicked, and an
article page fits and links back to the index.

Skipped, with the reason, where Chromium or the Playwright library is missing (.ci/run
installs Debian's ``chromium``). Playwright drives the system browser; it never downloads one.
Set BIASKIT_SCREENSHOTS to a folder to keep screenshots of both pages.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from biaskit import Codebook, Corpus, Document
from biaskit.compare import compare
from biaskit.report.index import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api",
                                 reason="the playwright library is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None,
                                reason="no Chromium browser installed (apt-get install chromium)")

BOOK = Codebook.from_dict({"sides": {
    "army": {"label": "Tarsian army", "actors": {
        "dorn": {"label": "Piotr Dorn", "aliases": ["Piotr Dorn", "Dorn"]}}},
    "monitors": {"label": "Northfield Monitoring Centre", "actors": {
        "osei": {"label": "Lena Osei", "aliases": ["Lena Osei", "Osei"]}}},
}})


def forty_outlets() -> Corpus:
    """Two short articles in each of 40 outlets, with outlet names of different lengths."""
    docs = []
    for i in range(80):
        outlet = f"The {'Very Long Named ' * (i // 2 % 3)}Northfield Gazette No. {i // 2:02d}"
        docs.append(Document.from_parts(
            f"d{i:03d}", f"Strikes near Tarsia, report {80 - i}",
            [f'"We hit only depots," Piotr Dorn said on day {i}.',
             f"Lena Osei said {i + 3} people had died in the strikes.",
             "The army denied it."], source=outlet, date=f"2021-03-{1 + i % 28:02d}"))
    return Corpus(docs, name="forty")


@pytest.fixture(scope="module")
def report():
    corpus = forty_outlets()
    folder = Path(tempfile.mkdtemp(prefix="biaskit-browser-"))
    result = compare(corpus, BOOK, bootstrap=20, progress=False)
    index = write_report(result, corpus, BOOK, folder / "out", n_jobs=2)
    yield index
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def page():
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            yield browser.new_page(viewport={"width": 1280, "height": 900})
        finally:
            browser.close()


def overflow(page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, "
                         "document.documentElement.clientWidth]")


def screenshot(page, name: str) -> None:
    folder = os.environ.get("BIASKIT_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def test_index_with_40_outlets_has_no_horizontal_overflow_at_1280_px(report, page):
    page.goto(report.as_uri())
    width, visible = overflow(page)
    assert width <= visible
    assert page.locator("h1").inner_text().startswith("How 40 outlets present")
    screenshot(page, "index-40-outlets.png")


def test_clicking_a_header_sorts_the_articles_table(report, page):
    page.goto(report.as_uri())
    titles = "Array.from(document.querySelectorAll('#articles tbody tr')).map(r => " \
             "r.cells[0].textContent)"
    before = page.evaluate(titles)
    assert len(before) == 80
    page.locator("#articles thead th", has_text="title").locator("button").click()
    ascending = page.evaluate(titles)
    assert ascending == sorted(before, key=str.lower)
    page.locator("#articles thead th", has_text="title").locator("button").click()
    assert page.evaluate(titles) == sorted(before, key=str.lower, reverse=True)
    page.locator("#articles thead th", has_text="statements").locator("button").click()
    counts = page.evaluate("Array.from(document.querySelectorAll('#articles tbody tr'))"
                           ".map(r => Number(r.cells[3].textContent))")
    assert counts == sorted(counts)


def test_the_filter_hides_articles_of_other_outlets(report, page):
    page.goto(report.as_uri())
    page.fill("#article-filter", "Gazette No. 07")
    shown = page.evaluate("Array.from(document.querySelectorAll('#articles tbody tr'))"
                          ".filter(r => !r.hidden).map(r => r.cells[1].textContent)")
    assert len(shown) == 2 and all("No. 07" in outlet for outlet in shown)
    assert page.inner_text("#article-count") == "2 of 80 articles shown"


def test_an_article_page_fits_and_links_back_to_the_index(report, page):
    page.goto((report.parent / "articles" / "d005.html").as_uri())
    width, visible = overflow(page)
    assert width <= visible
    screenshot(page, "article.png")
    page.locator("nav a").first.click()
    assert page.url == report.as_uri()
