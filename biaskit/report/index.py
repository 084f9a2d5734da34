"""The comparison report: a folder with index.html, every table as CSV, figures and article views.

Layout of the folder::

    index.html              the per-outlet table, the figures, links to everything below
    tables/*.csv            every table: measures, intervals, and each analyser's tidy rows
    figures/*.png           the comparison figures
    articles/<doc_id>.html  one article view per document

Nothing is written outside the folder: file names made from document ids are sanitised.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from biaskit.codebook import Codebook
from biaskit.compare import Comparison, key_table
from biaskit.corpus.document import Corpus
from biaskit.report.article_map import article_map
from biaskit.report.balance_chart import balance_chart
from biaskit.report.claim_modes import claim_modes_chart
from biaskit.report.figure import save_figure
from biaskit.report.frame_heatmap import frame_heatmap
from biaskit.report.side_shares import side_shares_chart
from biaskit.report.tone_dotplot import tone_dotplot
from biaskit.report.view import article_view


def _inside(folder: Path, name: str) -> Path:
    """folder/name, refusing any name that would leave the folder."""
    path = (folder / name).resolve()
    if folder.resolve() not in path.parents:
        raise ValueError(f"refusing to write outside {folder}: {name!r}")
    return path


def _file_names(ids: list[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    taken: set[str] = set()
    for doc_id in ids:
        base = re.sub(r"[^A-Za-z0-9._-]", "_", doc_id).lstrip(".") or "document"
        name, n = f"{base}.html", 1
        while name in taken:
            n += 1
            name = f"{base}_{n}.html"
        taken.add(name)
        names[doc_id] = name
    return names


def write_report(comparison: Comparison, corpus: Corpus, codebook: Codebook,
                 out_dir: str | Path) -> Path:
    """Write the report folder and return the path of its index.html."""
    out = Path(out_dir)
    for sub in ("tables", "figures", "articles"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    tables = {"by_source": comparison.by_source, "by_document": comparison.by_document,
              "intervals": comparison.intervals, **comparison.tables,
              "problems": _problems(corpus, comparison), "cleaning_log": corpus.cleaning_log()}
    for name, table in tables.items():
        table.to_csv(_inside(out, f"tables/{name}.csv"), index=False)
    if comparison.by_document.empty:  # nothing analysed: the errors table says why
        index = _inside(out, "index.html")
        index.write_text(_index_html(comparison, corpus, codebook, tables, {}, {}),
                         encoding="utf-8")
        return index

    quotes = comparison.tables["attributions"]
    figures = {}
    if comparison.pair is not None:  # the balance index needs two sides
        a, b = comparison.pair
        figures["balance"] = balance_chart(comparison.balance(a, b), a, b, codebook=codebook)
    figures |= {
        "side_shares": side_shares_chart(comparison.tables["source_balance"], codebook=codebook),
        "article_map": article_map(list(corpus), quotes, codebook=codebook),
        "claim_modes": claim_modes_chart(comparison.tables["claims"], codebook=codebook),
        "frames": frame_heatmap(comparison.tables["frames"]),
        "tone": tone_dotplot(_tone_by_source(comparison), codebook=codebook,
                                   sides=list(comparison.sides)),
    }
    for name, figure in figures.items():
        save_figure(figure, _inside(out, f"figures/{name}.png"))

    names = _file_names(corpus.doc_ids)
    for doc in corpus:
        view = article_view(doc, quotes, codebook, claims=comparison.tables["claims"],
                            cues=comparison.tables["cues"])
        view.save(_inside(out, f"articles/{names[doc.doc_id]}"))

    index = _inside(out, "index.html")
    index.write_text(_index_html(comparison, corpus, codebook, tables, figures, names),
                     encoding="utf-8")
    return index


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


_STYLE = """body{font-family:Georgia,serif;max-width:1100px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.45}table{border-collapse:collapse;font-size:13px;margin:1em 0}
td,th{border:1px solid #bbb;padding:3px 6px;text-align:right}th{background:#f2f2f2}
img{max-width:100%;border:1px solid #ddd;margin:.5em 0}.warn{background:#fff4d6;
padding:.5em 1em;border-left:4px solid #E69F00}code{font-size:90%}"""


def _index_html(comparison: Comparison, corpus: Corpus, codebook: Codebook,
                tables: dict[str, pd.DataFrame], figures: dict, names: dict[str, str]) -> str:
    label = {side: codebook.sides[side].label for side in codebook.sides}
    named = [label[side] for side in comparison.sides]
    who = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>biaskit: {esc(corpus.name)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>How {len({doc.source for doc in corpus})} outlets present {esc(who)}</h1>",
        f"<p>Corpus <code>{esc(corpus.name)}</code>: {len(corpus)} articles. Codebook "
        f"<code>{esc(codebook.name or codebook.path)}</code>. Every number below is traced "
        "to sentences in the article views and in <code>tables/</code>.</p>",
    ]
    problems = [*corpus.problems, *comparison.failures]
    if comparison.warnings or problems:
        parts.append("<div class='warn'><b>Read with care</b><ul>")
        parts += [f"<li>{esc(w)}</li>" for w in comparison.warnings]
        parts += [f"<li>{esc(p.severity)}: {esc(p.doc_id or p.path)} {esc(p.location)}: "
                  f"{esc(p.message)}</li>" for p in problems]
        parts.append("</ul></div>")
    if comparison.by_document.empty:
        parts.append("<p><b>No document could be analysed.</b> The reasons are above and in "
                     "<a href='tables/problems.csv'>tables/problems.csv</a>.</p></body></html>")
        return "\n".join(parts)
    parts.append("<h2>Per outlet</h2>")
    parts.append(key_table(comparison).to_html(float_format=lambda x: f"{x:.2f}",
                                               na_rep="–", escape=True))
    parts.append("<p>Shares are of attributed words or of claim occurrences; tone is VADER's "
                 "mean compound score, which reads news about violence as negative whatever "
                 "its stance. Bootstrap 95% intervals are in <code>tables/intervals.csv"
                 "</code>.</p><h2>Figures</h2>")
    parts += [f"<h3>{esc(name.replace('_', ' '))}</h3><img src='figures/{name}.png' "
              f"alt='{esc(name)}'>" for name in figures]
    parts.append("<h2>Articles</h2><ul>")
    for doc in corpus:
        parts.append(f"<li><a href='articles/{esc(names[doc.doc_id])}'>{esc(doc.title)}</a> "
                     f"— {esc(doc.source)} ({esc(doc.provenance)})</li>")
    parts.append("</ul><h2>Tables</h2><ul>")
    parts += [f"<li><a href='tables/{name}.csv'>{name}.csv</a> ({len(table)} rows)</li>"
              for name, table in tables.items()]
    parts.append("</ul></body></html>")
    return "\n".join(parts)
