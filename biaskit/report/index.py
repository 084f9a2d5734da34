"""The comparison report: a folder with index.html, every table as CSV, figures and article views.

Layout of the folder::

    index.html              the per-outlet table, the figures, links to everything below
    tables/*.csv            every table: measures, intervals, and each analyser's tidy rows
    figures/*.png           the comparison figures
    articles/<doc_id>.html  one article view per document

Nothing is written outside the folder: file names made from document ids are sanitised.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from biaskit.codebook import Codebook
from biaskit.compare import Comparison, key_table
from biaskit.corpus.document import Corpus
from biaskit.errors import InputError
from biaskit.report.article_map import article_map, blocks_frame
from biaskit.report.balance_chart import balance_chart
from biaskit.report.claim_modes import claim_modes_chart
from biaskit.report.figure import save_figure
from biaskit.report.frame_heatmap import frame_heatmap
from biaskit.report.index_page import index_html
from biaskit.report.outlet_map import MAP_ARTICLES, outlet_map
from biaskit.report.pages import file_names, page_batches, write_batch
from biaskit.report.side_shares import side_shares_chart
from biaskit.report.tone_dotplot import tone_dotplot
from biaskit.runs.batches import worker_pool

FIGURES = ("balance", "side_shares", "article_map", "claim_modes", "frames", "tone")


def _inside(folder: Path, name: str) -> Path:
    """folder/name, refusing any name that would leave the folder."""
    path = (folder / name).resolve()
    if folder.resolve() not in path.parents:
        raise ValueError(f"refusing to write outside {folder}: {name!r}")
    return path


def _pages_inside(out: Path, names: dict[str, str]) -> dict[str, Path]:
    """doc_id -> out/articles/name, the folder resolved once: resolving each of 20,000 page
    paths cost seconds. A name with a separator or dots alone is checked in full
    (:func:`_inside`); :func:`~biaskit.report.pages.file_names` never gives one."""
    base = _inside(out, "articles")
    return {doc_id: base / name if "/" not in name and "\\" not in name and name.strip(".")
            else _inside(out, f"articles/{name}") for doc_id, name in names.items()}


MANIFEST = ".biaskit-report"  # the files the last report wrote into the folder, one a line


def check_folder(out: Path) -> list[Path]:
    """The files an earlier report wrote in ``out`` (none when it is new or empty).

    Raises:
        InputError: when the folder holds files biaskit did not write (no manifest lists them).
    """
    manifest = out / MANIFEST
    written = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.is_file() \
        else set()
    present = sorted(p for p in out.rglob("*") if p.is_file() and p != manifest) \
        if out.is_dir() else []
    foreign = [p for p in present if p.relative_to(out).as_posix() not in written]
    if foreign:
        raise InputError(
            f"the output folder holds {len(foreign)} file(s) biaskit did not write, such as "
            f"{foreign[0].relative_to(out).as_posix()}", path=str(out),
            hint="Give a new or empty folder to --out (a report folder is emptied of its old "
                 "pages on each run, and biaskit deletes only files it wrote)")
    return present


def prepare_folder(out: Path, planned: list[str]) -> None:
    """Make ``out`` ready for a new report: remove the files an earlier report wrote there
    (listed in its manifest), refuse a folder holding anything else (:func:`check_folder`),
    and record ``planned`` (paths relative to ``out``) before writing any, so that an
    interrupted run is cleaned up by the next one."""
    for path in check_folder(out):
        path.unlink()
    for sub in ("tables", "figures", "articles"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).write_text("".join(f"{name}\n" for name in planned), encoding="utf-8")


def write_report(comparison: Comparison, corpus: Corpus, codebook: Codebook,
                 out_dir: str | Path, *, n_jobs: int = 1) -> Path:
    """Write the report folder and return the path of its index.html.

    A folder an earlier report wrote is emptied of that report's files first; a folder with
    other files is refused (:func:`prepare_folder`). ``n_jobs`` worker processes write the
    article pages.
    """
    out = Path(out_dir)
    tables = {"by_source": comparison.by_source, "by_document": comparison.by_document,
              "intervals": comparison.intervals, **comparison.tables,
              "problems": _problems(corpus, comparison), "cleaning_log": corpus.cleaning_log()}
    analysed = set(comparison.by_document["doc_id"]) if len(comparison.by_document) else set()
    names = file_names([doc.doc_id for doc in corpus if doc.doc_id in analysed])
    figure_names = [name for name in FIGURES if name != "balance" or comparison.pair is not None
                    ] if analysed else []  # the balance index needs two sides
    prepare_folder(out, ["index.html", *(f"tables/{name}.csv" for name in tables),
                         *(f"figures/{name}.png" for name in figure_names),
                         *(f"articles/{name}" for name in names.values())])
    index = _inside(out, "index.html")
    if not analysed:  # nothing analysed: the errors table says why
        _write_tables(out, tables)
        index.write_text(index_html(comparison, corpus, codebook, pd.DataFrame(), tables, [],
                                    {}), encoding="utf-8")
        return index

    figures = report_figures(comparison, corpus, codebook)
    drawings = [(*figures[name], _inside(out, f"figures/{name}.png")) for name in figure_names]
    pages = _pages_inside(out, names)
    if n_jobs == 1:
        _write_tables(out, tables)
        for arguments in drawings:
            draw_figure(*arguments)
        for batch in page_batches(corpus, comparison.tables, codebook, pages):
            write_batch(*batch)
    else:
        with worker_pool(n_jobs) as pool:
            # Figures first, each as long as many pages: the workers draw them while the
            # pages' rows are grouped here, then write pages while the tables are written.
            futures = [pool.submit(draw_figure, *arguments) for arguments in drawings]
            futures += [pool.submit(write_batch, *batch) for batch in page_batches(
                corpus, comparison.tables, codebook, pages, copy=True)]
            _write_tables(out, tables)
            for future in futures:
                future.result()
    index.write_text(index_html(comparison, corpus, codebook, key_table(comparison), tables,
                                figure_names, names), encoding="utf-8")
    return index


def _write_tables(out: Path, tables: dict[str, pd.DataFrame]) -> None:
    for name, table in tables.items():
        table.to_csv(_inside(out, f"tables/{name}.csv"), index=False)


def report_figures(comparison: Comparison, corpus: Corpus, codebook: Codebook
                   ) -> dict[str, tuple[Callable[..., Figure], tuple, dict]]:
    """Each figure of the report, as name -> (function, arguments, keyword arguments), for
    a worker to draw; the balance figure only with a pair of sides."""
    analysed = set(comparison.by_document["doc_id"])
    quotes = comparison.tables["attributions"]
    few = len(analysed) <= MAP_ARTICLES
    figures = {
        "side_shares": (side_shares_chart, (comparison.tables["source_balance"],),
                        {"codebook": codebook}),
        "article_map": (article_map, (blocks_frame(doc for doc in corpus
                                                   if doc.doc_id in analysed), quotes),
                        {"codebook": codebook}) if few else
        (outlet_map, (quotes,), {"codebook": codebook}),
        "claim_modes": (claim_modes_chart, (comparison.tables["claims"],),
                        {"codebook": codebook}),
        "frames": (frame_heatmap, (comparison.tables["frames"],), {}),
        "tone": (tone_dotplot, (_tone_by_source(comparison),),
                 {"codebook": codebook, "sides": list(comparison.sides)}),
    }
    if comparison.pair is not None:
        a, b = comparison.pair
        figures["balance"] = (balance_chart, (comparison.balance(a, b), a, b),
                              {"codebook": codebook})
    return figures


def draw_figure(function: Callable[..., Figure], arguments: tuple, keywords: dict,
                path: Path) -> Path:
    """Draw one figure and save it (a task for a worker process)."""
    return save_figure(function(*arguments, **keywords), path)


def _problems(corpus: Corpus, comparison: Comparison) -> pd.DataFrame:
    """The errors table: documents that failed to load or to be analysed, and warnings."""
    failures = pd.DataFrame([vars(p) for p in comparison.failures],
                            columns=corpus.problems_frame().columns)
    return pd.concat([corpus.problems_frame(), failures], ignore_index=True)


def _tone_by_source(comparison: Comparison) -> pd.DataFrame:
    rows = []
    for kind in ("voice", "coverage"):
        scored = comparison.tables[f"{kind}_tone"]
        grouped = scored.groupby(["source", "side"])["compound"].agg(["size", "mean"])
        for (source, side), row in grouped.iterrows():
            rows.append({"source": source, "side": side, "kind": kind, "n": row["size"],
                         "mean_compound": row["mean"]})
    return pd.DataFrame(rows, columns=["source", "side", "kind", "n", "mean_compound"])
