"""The report's index.html: warnings, the outlets' measures, the figures with how to read
them, one sortable and filterable table of every article, the glossary and the tables.

Measure names, definitions, sign conventions and the text under each figure are data:
``biaskit/data/measures.yaml`` (``measures: {key: {name, definition, sign, how_to_read,
cannot_tell}}``, ``figures: {key: {title, how_to_read, cannot_tell}}``). A measure column is
looked up by its name, then without its side suffix (``word_share_russia`` -> ``word_share``).
The page loads nothing: the sorting script and the style are inline.
"""

from __future__ import annotations

import html
from functools import lru_cache
from importlib.resources import files

import pandas as pd
import yaml

from biaskit.codebook import Codebook
from biaskit.compare import Comparison
from biaskit.corpus.document import Corpus
from biaskit.tone import tone_settings
from biaskit.tone.validity import validity_note

#: With more outlets than this, the per-outlet table has outlets as rows (it would not fit
#: across a page as columns).
OUTLETS_AS_COLUMNS = 6

_STYLE = """body{font-family:Georgia,serif;max-width:1100px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.45}table{border-collapse:collapse;font-size:13px;margin:.5em 0}
td,th{border:1px solid #bbb;padding:3px 6px;text-align:right;vertical-align:top}
th{background:#f2f2f2}td.t,th.t{text-align:left}tbody th.t{min-width:12em}
.scroll{overflow-x:auto;max-width:100%}
.tall{max-height:40em;overflow-y:auto}img{max-width:100%;border:1px solid #ddd;margin:.5em 0}
.warn{background:#fff4d6;padding:.5em 1em;border-left:4px solid #E69F00}code{font-size:90%}
figure{margin:1.5em 0}figcaption{font-size:14px;max-width:48em}dt{font-weight:bold;
margin-top:.6em}dd{margin-left:1.5em;font-size:14px}th button{font:inherit;border:0;
background:none;cursor:pointer;padding:0}th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}#article-filter{font-size:14px;
padding:3px;width:20em;max-width:100%}"""

# Sorts the articles table by the clicked column (numbers as numbers, ties kept in page
# order) and hides the rows that do not contain the filter text.
_SCRIPT = """(function(){
var table=document.getElementById("articles"),body=table.tBodies[0],
 rows=Array.prototype.slice.call(body.rows),filter=document.getElementById("article-filter"),
 count=document.getElementById("article-count"),heads=table.tHead.rows[0].cells;
function key(row,i,num){var c=row.cells[i],v=c.getAttribute("data-sort");
 if(v===null)v=c.textContent;if(!num)return v.toLowerCase();
 var x=parseFloat(v);return isNaN(x)?-Infinity:x;}
Array.prototype.forEach.call(heads,function(th,i){
 th.querySelector("button").addEventListener("click",function(){
  var num=th.getAttribute("data-type")==="number",
   asc=th.getAttribute("aria-sort")!=="ascending";
  Array.prototype.forEach.call(heads,function(h){h.removeAttribute("aria-sort");});
  th.setAttribute("aria-sort",asc?"ascending":"descending");
  var keyed=rows.map(function(r,k){return [key(r,i,num),k,r];});
  keyed.sort(function(x,y){var c=x[0]<y[0]?-1:(x[0]>y[0]?1:0);return (asc?c:-c)||x[1]-y[1];});
  rows=keyed.map(function(k){return k[2];});
  var frag=document.createDocumentFragment();rows.forEach(function(r){frag.appendChild(r);});
  body.appendChild(frag);});});
filter.addEventListener("input",function(){
 var q=filter.value.toLowerCase(),shown=0;
 rows.forEach(function(r){var hit=!q||r.textContent.toLowerCase().indexOf(q)>=0;
  r.hidden=!hit;if(hit)shown++;});
 count.textContent=shown+" of "+rows.length+" articles shown";});
})();"""


@lru_cache(maxsize=1)
def explanations() -> dict[str, dict[str, dict[str, str]]]:
    """The measures' and figures' texts from ``biaskit/data/measures.yaml``."""
    data = yaml.safe_load(files("biaskit").joinpath("data/measures.yaml").read_text("utf-8"))
    return {part: dict(data.get(part) or {}) for part in ("measures", "figures")}


def measure_entry(column: str, sides: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The glossary key of a measure column and its entry ({} when the file lacks it).
    ``sides`` maps side ids to labels; a side suffix is cut off the column to find the key."""
    measures = explanations()["measures"]
    if column in measures:
        return column, measures[column]
    for side in sorted(sides, key=len, reverse=True):
        if column.endswith(f"_{side}") and column[: -len(side) - 1] in measures:
            key = column[: -len(side) - 1]
            return key, measures[key]
    return column, {}


def measure_title(column: str, sides: dict[str, str]) -> str:
    """A measure column as a reader's name: 'Share of attributed words: Russian officials'."""
    key, entry = measure_entry(column, sides)
    name = entry.get("name") or column
    if key != column:
        name += f": {sides[column[len(key) + 1:]]}"
    return name


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "–" if pd.isna(value) else f"{value:.2f}"
    return html.escape(str(value))


def outlet_table(key: pd.DataFrame, sides: dict[str, str]) -> str:
    """The per-outlet measures (``key_table``: measures as rows, outlets as columns) as HTML,
    with readers' names and values rounded; outlets as rows when there are many."""
    glossed = {c: f"<a href='#m-{html.escape(measure_entry(c, sides)[0])}'>"
                  f"{html.escape(measure_title(c, sides))}</a>" for c in key.index}
    if len(key.columns) <= OUTLETS_AS_COLUMNS:
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in key.columns)
        body = "".join(f"<tr><th class='t'>{glossed[m]}</th>"
                       + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
                       for m, row in zip(key.index, key.itertuples(index=False), strict=True))
        return (f"<div class='scroll'><table><thead><tr><th class='t'>measure</th>{head}</tr>"
                f"</thead><tbody>{body}</tbody></table></div>")
    head = "".join(f"<th>{glossed[m]}</th>" for m in key.index)
    body = "".join(f"<tr><th class='t'>{html.escape(str(outlet))}</th>"
                   + "".join(f"<td>{_cell(v)}</td>" for v in key[outlet]) + "</tr>"
                   for outlet in key.columns)
    return (f"<div class='scroll tall'><table><thead><tr><th class='t'>outlet</th>{head}</tr>"
            f"</thead><tbody>{body}</tbody></table></div>")


def articles_table(comparison: Comparison, corpus: Corpus, names: dict[str, str],
                   sides: dict[str, str]) -> str:
    """Every article in one sortable, filterable table."""
    esc = html.escape
    statements = comparison.tables["attributions"].groupby("doc_id").size()
    measure = "balance_index"
    balance = comparison.by_document.set_index("doc_id")[measure] \
        if measure in comparison.by_document else pd.Series(dtype=float)
    columns = [("title", "t"), ("outlet", "t"), ("date", "t"), ("statements", "number"),
               (measure_title(measure, sides), "number"), ("doc_id", "t")]
    head = "".join(f"<th class='t' data-type='{kind}'><button type='button'>{esc(name)}"
                   "</button></th>" if kind == "t" else
                   f"<th data-type='{kind}'><button type='button'>{esc(name)}</button></th>"
                   for name, kind in columns)
    rows = []
    for doc in corpus:
        if doc.doc_id not in names:
            continue
        value = balance.get(doc.doc_id, float("nan"))
        rows.append(
            f"<tr><td class='t'><a href='articles/{esc(names[doc.doc_id])}'>"
            f"{esc(doc.title or doc.doc_id)}</a></td><td class='t'>{esc(doc.source)}</td>"
            f"<td class='t'>{esc(doc.date)}</td><td>{int(statements.get(doc.doc_id, 0))}</td>"
            f"<td>{_cell(float(value))}</td><td class='t'>{esc(doc.doc_id)}</td></tr>")
    return (f"<p><label>Filter: <input id='article-filter' type='search' placeholder='title, "
            f"outlet, date or id'></label> <span id='article-count'>{len(rows)} articles</span>"
            " · click a column's name to sort by it</p><div class='scroll tall'>"
            f"<table id='articles'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}"
            f"</tbody></table></div><script>{_SCRIPT}</script>")


def figure_html(name: str) -> str:
    """A figure with its title and, below it, how to read it and what it cannot tell."""
    entry = explanations()["figures"].get(name, {})
    title = entry.get("title") or name.replace("_", " ")
    caption = "".join(f"<p><b>{label}</b> {html.escape(entry[k])}</p>" for k, label in
                      (("how_to_read", "How to read it."), ("cannot_tell", "What it cannot tell.")
                       ) if entry.get(k))
    return (f"<figure id='f-{html.escape(name)}'><h3>{html.escape(title)}</h3>"
            f"<img src='figures/{html.escape(name)}.png' alt='{html.escape(title)}'>"
            f"<figcaption>{caption}</figcaption></figure>")


def glossary_html(columns: list[str], sides: dict[str, str]) -> str:
    """The glossary of the measures on the page."""
    keys = dict.fromkeys(measure_entry(c, sides)[0] for c in columns)
    measures = explanations()["measures"]
    items = []
    for key in keys:
        entry = measures.get(key)
        if not entry:
            continue
        parts = [(entry.get(k), label) for k, label in (
            ("definition", ""), ("sign", "Sign: "), ("how_to_read", "How to read it: "),
            ("cannot_tell", "What it cannot tell: "))]
        items.append(f"<dt id='m-{html.escape(key)}'>{html.escape(entry.get('name') or key)} "
                     f"<small><code>{html.escape(key)}</code></small></dt>"
                     + "".join(f"<dd>{label}{html.escape(text)}</dd>" for text, label in parts
                               if text))
    return f"<dl>{''.join(items)}</dl>" if items else ""


def tone_html(comparison: Comparison) -> str:
    """Which scorer gave the tone measures, and how far it agrees with human coders."""
    settings = comparison.tone or tone_settings()
    scorer = ("biaskit's default (VADER; biaskit's tone model for coverage tone)"
              if settings["scorer"] == "default" else settings["scorer"])
    return (f"<p id='tone-validity'><b>Tone</b> scored by {html.escape(scorer)}, coverage "
            f"tone by method <code>{html.escape(settings['coverage_method'])}</code>. "
            f"{html.escape(validity_note(settings))}</p>")


def index_html(comparison: Comparison, corpus: Corpus, codebook: Codebook, key: pd.DataFrame,
               tables: dict[str, pd.DataFrame], figures: list[str], names: dict[str, str]
               ) -> str:
    """The whole index page."""
    esc = html.escape
    sides = {side: codebook.sides[side].label for side in codebook.sides}
    shown = [sides.get(s, s) for s in comparison.sides]
    outlets = len({doc.source for doc in corpus})
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><meta name='viewport' "
        "content='width=device-width, initial-scale=1'>",
        f"<title>biaskit: {esc(corpus.name)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>How {outlets} outlet{'s' if outlets != 1 else ''} present "
        f"{esc(' and '.join(shown))}</h1>",
        f"<p>Corpus <code>{esc(corpus.name)}</code>: {len(corpus)} articles. "
        + (f"Codebook <code>{esc(str(codebook.name or codebook.path))}</code>. "
           if codebook.name or codebook.path else "") + "Every number below is traced "
        "to sentences in the article views and in <code>tables/</code>.</p>",
    ]
    problems = [*corpus.problems, *comparison.failures]
    notes = [note for note in [corpus.unknown_source_note()] if note] + comparison.warnings
    if notes or problems:
        shown_problems = problems[:50]  # a corpus with thousands of bad lines lists them in CSV
        parts.append("<div class='warn'><b>Read with care</b><ul>")
        parts += [f"<li>{esc(w)}</li>" for w in notes]
        parts += [f"<li>{esc(p.severity)}: {esc(p.doc_id or p.path or p.location)}: "
                  f"{esc(p.message)}</li>" for p in shown_problems]
        if len(problems) > len(shown_problems):
            parts.append(f"<li>and {len(problems) - len(shown_problems)} more in "
                         "<a href='tables/problems.csv'>tables/problems.csv</a></li>")
        parts.append("</ul></div>")
    if comparison.by_document.empty:
        parts.append("<p><b>No document could be analysed.</b> The reasons are above and in "
                     "<a href='tables/problems.csv'>tables/problems.csv</a>.</p></body></html>")
        return "\n".join(parts)
    parts += ["<h2>Per outlet</h2>", outlet_table(key, sides),
              "<p>Each measure's name links to its definition and sign convention in the "
              "glossary below. Bootstrap 95% intervals are in <code>tables/intervals.csv"
              "</code>.</p>", tone_html(comparison), "<h2>Figures</h2>",
              *map(figure_html, figures),
              "<h2>Articles</h2>", articles_table(comparison, corpus, names, sides),
              "<h2>Glossary</h2>", glossary_html(list(key.index), sides), "<h2>Tables</h2><ul>"]
    parts += [f"<li><a href='tables/{name}.csv'>{name}.csv</a> ({len(table)} rows)</li>"
              for name, table in tables.items()]
    parts.append("</ul></body></html>")
    return "\n".join(parts)
