"""The HTML article view: one article with its statements, claims and cues marked.

Statements are tinted in their side's colour (:func:`biaskit.report.palette.side_colours`) and
tagged with the side id; the underline gives the mode (solid direct, dashed indirect, dotted mixed).
Reporting verbs are bold small caps; hedges, distancing markers, boosters and scare quotes have
a wavy underline (black: the outlet's voice, grey: a speaker's); claims the outlet asserts
itself are outlined. Hover any mark for its details. Overlapping spans are cut at every
boundary and closed and reopened, so the HTML is always well formed. The text of the
``<article>`` element (tags stripped, entities unescaped) is exactly ``doc.text``, blank lines
between blocks included; paragraph numbers and side tags come from CSS. Nothing is loaded.

>>> article_view(doc, quotes, codebook, claims, cues).save("seed.html")  # doctest: +SKIP
PosixPath('seed.html')
"""

from __future__ import annotations

import html
import re
import zlib
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from biaskit.codebook import Codebook
from biaskit.corpus.document import Document
from biaskit.report.palette import side_colours

MARKS = ("hedge", "distancing", "booster", "scare_quote", "contrast", "label")  # from cues
#: The columns of the attribution, claim and cue tables a view reads (the report hands it
#: only these).
VIEW_COLUMNS = frozenset({
    "start", "end", "side", "actor", "mode", "cue", "cue_start", "cue_end", "stance",
    "speaker", "speaker_label", "paragraph", "content_words",  # statements
    "kind", "voice", "term", "class",  # cues
    "claim", "claim_side", "presenter", "polarity", "markers", "countered", "countered_by"})
_BLOCK_TAG = {"headline": ("h1", ""), "standfirst": ("p", ' class="standfirst"')}
_CSS = """
.V{font:16px/1.65 Georgia,serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.V .bk-meta{font:12px/1.4 sans-serif;color:#555}
.V .bk-layout{display:flex;flex-wrap:wrap;gap:1.5em 2.5em;align-items:flex-start}
.V .bk-text{flex:1 1 30em;max-width:42em;padding-left:2.4em}
.V .bk-text>[data-block]{position:relative}
.V .bk-text>[data-block]::before{content:attr(data-paragraph);position:absolute;left:-2.8em;
 width:2em;
 text-align:right;font:11px/2.2 sans-serif;color:#999}
.V h1{font-size:1.55em;line-height:1.3;margin:.3em 0 .6em}.V .standfirst{font-size:1.1em}
.V .bk-st{background:var(--t);border-bottom:2px solid var(--c);padding:0 1px}
.V .bk-indirect{border-bottom-style:dashed}.V .bk-mixed{border-bottom:3px dotted var(--c)}
.V .bk-st.bk-first{border-left:3px solid var(--c)}
.V .bk-first::before{font:bold 9px/1 sans-serif;letter-spacing:.04em;padding:1px 3px;
 margin:0 3px 0 1px;border:1px solid var(--c);border-radius:2px;vertical-align:2px;background:#fff;
 color:#000;text-transform:uppercase}
.V .bk-verb{font-weight:bold;font-variant:small-caps}.V .bk-attributed{font-style:italic}
.V .bk-mark{text-decoration:underline wavy #000 1.5px;text-underline-offset:2px;
 text-decoration-skip-ink:none}
.V .bk-mark.bk-voice-quote{text-decoration-color:#666}.V .bk-contrast{text-decoration-style:double}
.V .bk-mark.bk-label{text-decoration:underline dotted #777 1px}
.V .bk-narrator{outline:3px solid var(--c);outline-offset:1px}
.V .bk-unattributed{outline:2px dashed var(--c);outline-offset:1px}
.V .bk-claim.bk-first:not(.bk-attributed){margin-left:4px}
.V .bk-claim.bk-last:not(.bk-attributed){margin-right:4px}
.V .bk-narrator.bk-first::before{content:"outlet";background:#000;color:#fff}
.V .bk-unattributed.bk-first::before{content:"unattributed"}
.V .bk-legend{flex:0 1 22em;font:13px/1.5 sans-serif;border-left:1px solid #ddd;padding-left:1.2em}
.V .bk-legend h2{font-size:14px;margin:.8em 0 .3em}.V .bk-legend table{border-collapse:collapse}
.V .bk-legend td,.V .bk-legend th{padding:1px 6px;text-align:right}
.V .bk-legend td:first-child,.V .bk-legend th:first-child{text-align:left}
.V .bk-legend ul{list-style:none;padding:0;margin:0}.V .bk-legend li{margin:.35em 0}
.V .bk-cx{--c:#777;--t:rgba(0,0,0,.07)}.V .bk-st.bk-cx.bk-first::before{content:"side"}
.V .bk-swatch{display:inline-block;width:.9em;height:.9em;background:var(--c);margin-right:4px}
"""


def _s(value: object) -> str:
    """A table cell as text, '' when missing."""
    if isinstance(value, str):  # most cells: skip pandas' slower missing-value test
        return value
    try:
        return "" if pd.isna(value) else str(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", text) or "_"


def _css_string(text: str) -> str:
    """A CSS string literal: every character but letters, digits and spaces as a hex escape."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def _rows(table: pd.DataFrame | None, doc_id: str) -> list[dict]:
    """The rows of ``doc_id`` as dicts."""
    if table is None or len(table) == 0:
        return []
    return table[table["doc_id"] == doc_id].to_dict("records")


def side_order(codebook: Codebook | None, attributions: pd.DataFrame | None) -> list[str]:
    """The sides in colour order: the codebook's, then others in order of appearance in
    ``attributions`` (the whole corpus's, so that a side has one colour on every page)."""
    order = list(codebook.sides) if codebook is not None else []
    if attributions is not None and len(attributions) and "side" in attributions:
        seen = attributions["side"].fillna("").astype(str).unique()
        order += [s for s in seen if s not in order + ["", "unassigned"]]
    return order


def _render(text: str, lo: int, hi: int, spans: list[tuple]) -> str:
    """text[lo:hi] as escaped HTML, with every span (start, end, rank, classes, title) in it
    as balanced <span> tags: outer first (lower rank, then earlier and longer), and a span that
    crosses an outer one's boundary is closed and reopened."""
    if not spans:  # most blocks of a long article: nothing to mark
        return html.escape(text[lo:hi])
    clipped = sorted(((max(s[0], lo), min(s[1], hi), s[2], i, s) for i, s in enumerate(spans)
                      if max(s[0], lo) < min(s[1], hi)), key=lambda c: (c[2], c[0], -c[1], c[3]))
    cuts = sorted({lo, hi, *(c[0] for c in clipped), *(c[1] for c in clipped)})
    out: list[str] = []
    stack: list[tuple] = []
    opened: dict[int, int] = {}  # span number -> index in out of its open tag
    # Sweep: keep the spans covering the current segment, in nesting order (few at a time).
    nesting = {c[3]: k for k, c in enumerate(clipped)}
    starting: dict[int, list[tuple]] = {}
    for c in clipped:
        starting.setdefault(c[0], []).append(c)
    active: list[tuple] = []
    for a, b in [*zip(cuts, cuts[1:], strict=False), (hi, hi)]:
        if a < hi:
            active = sorted([c for c in active if c[1] > a] + starting.get(a, []),
                            key=lambda c: nesting[c[3]])
        want = active if a < hi else []
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        for c in reversed(stack[keep:]):
            if c[4][1] == a:  # the span ends here: its last fragment
                out[opened[c[3]]] = out[opened[c[3]]].replace('class="', 'class="bk-last ', 1)
            out.append("</span>")
        for c in want[keep:]:
            first = " bk-first" if c[4][0] == a else ""
            opened[c[3]] = len(out)
            out.append(f'<span class="{c[4][3]}{first}" title="{html.escape(c[4][4])}">')
        stack = want
        out.append(html.escape(text[a:b]))
    return "".join(out)


class ArticleView:
    """An article with its attributions marked; shows itself inline in Jupyter.

    Build it with :func:`article_view`. ``to_html()`` gives a standalone page,
    ``_repr_html_()`` the same view as a fragment for notebooks, ``save(path)`` writes the page.
    """

    def __init__(self, doc: Document, attributions: pd.DataFrame | list[dict],
                 codebook: Codebook | None = None, claims: pd.DataFrame | list[dict] | None = None,
                 cues: pd.DataFrame | list[dict] | None = None, *,
                 sides: list[str] | None = None):
        """Tables may hold many documents (only ``doc``'s rows are used), or be lists of
        ``doc``'s rows as dicts, as the report passes them; ``sides`` is then the colour
        order (:func:`side_order`), found once for the corpus."""
        self.doc, self.codebook = doc, codebook
        if sides is None:
            sides = side_order(codebook, attributions
                               if isinstance(attributions, pd.DataFrame) else None)
        self.statements, self.claims, self.cues = (
            table if isinstance(table, list) else _rows(table, doc.doc_id)
            for table in (attributions, claims, cues))
        order = list(sides)
        order += [s for s in dict.fromkeys(_s(r.get("claim_side")) for r in self.claims)
                  if s not in order + ["", "unassigned"]]
        self.colours = side_colours([*order, "unassigned"])
        self.sides = list(self.colours)
        self.labels = {s: codebook.sides[s].label if codebook is not None
                       and s in codebook.sides else s for s in self.sides}
        self.scope = f"bk-v{zlib.crc32((doc.doc_id + '|'.join(self.sides)).encode()):08x}"

    def _side(self, side: object) -> tuple[str, str]:
        """The side id ('' becomes 'unassigned') and its class names."""
        side = _s(side) or "unassigned"
        index = self.sides.index(side if side in self.sides else "unassigned")
        return side, f"bk-side-{_slug(side)} bk-c{index}"

    def _spans(self) -> Iterable[tuple]:
        for r in self.statements:
            side, cls = self._side(r.get("side"))
            mode, cue = _s(r.get("mode")), _s(r.get("cue"))
            yield (_int(r["start"]), _int(r["end"]), 0, f"bk-st bk-{_slug(mode)} {cls}",
                   f"statement by {_s(r.get('speaker'))}\nspeaker_label: "
                   f"{_s(r.get('speaker_label'))}\nactor: {_s(r.get('actor'))}\nside: {side} "
                   f"({self.labels.get(side, side)})\nmode: {mode}\ncue: {cue}\nparagraph "
                   f"{_s(r.get('paragraph'))}, characters {_s(r['start'])}-{_s(r['end'])}")
            if cue:
                yield (_int(r.get("cue_start")), _int(r.get("cue_end")), 2,
                       f"bk-verb bk-stance-{_slug(_s(r.get('stance')))}",
                       f"reporting verb: {cue}\nstance: {_s(r.get('stance'))}\n"
                       f"speaker: {_s(r.get('speaker'))} ({side})")
        for r in self.cues:
            kind, voice = _s(r.get("kind")), _s(r.get("voice"))
            if kind in MARKS:
                whose = "the speaker's own word" if voice == "quote" else "the outlet's voice"
                yield (_int(r["start"]), _int(r["end"]), 3,
                       f"bk-mark bk-{kind} bk-voice-{_slug(voice)}",
                       f"{kind}: {_s(r.get('term'))} (class {_s(r.get('class'))})\nvoice: "
                       f"{voice}, {whose}\nside: {_s(r.get('side'))}, actor: {_s(r.get('actor'))}")
        for r in self.claims:
            claim, who = _s(r.get("claim")), _s(r.get("presenter"))
            side, cls = self._side(r.get("claim_side"))
            if who == "narrator":
                head, kind = f"outlet asserts claim {claim} in its own voice", "narrator"
            elif who == "unattributed_report":
                head, kind = f"unattributed report of claim {claim}", "unattributed"
            else:
                head, kind = f"claim {claim} presented by {who} ({_s(r.get('mode'))})", "attributed"
            book = self.codebook.claims if self.codebook is not None else {}
            countered = _s(r.get("countered")) in ("True", "true", "1")
            statement = f"\n\u201c{book[claim].statement}\u201d" if claim in book else ""
            yield (_int(r["start"]), _int(r["end"]), 1, f"bk-claim bk-{kind} {cls}",
                   f"{head}{statement}\nclaim side: {side}\npolarity: {_s(r.get('polarity'))}"
                   f"\nmarkers: {_s(r.get('markers')) or 'none'}\ncountered: "
                   + (f"yes, {_s(r.get('countered_by'))}" if countered else "no"))

    def _article(self) -> str:
        spans = [s for s in self._spans() if s[0] is not None and s[1] is not None]
        # Each block gets only the spans that reach into it (in their order, which breaks
        # ties in nesting), not every span of the article: pages cost linear time in spans.
        starts = [block.start for block in self.doc.blocks]
        in_block: list[list[tuple]] = [[] for _ in starts]
        for span in spans:
            first = max(bisect_right(starts, span[0]) - 1, 0)
            last = max(bisect_right(starts, span[1] - 1) - 1, first)
            for k in range(first, min(last, len(starts) - 1) + 1):
                in_block[k].append(span)
        parts = []
        for block in self.doc.blocks:
            tag, cls = _BLOCK_TAG.get(block.role, ("p", ""))
            inner = _render(self.doc.text, block.start, block.end, in_block[block.index])
            number = {"headline": "H", "standfirst": "S"}.get(block.role, str(block.paragraph))
            parts.append(f'<{tag}{cls} data-block="{block.index}" data-paragraph="{number}">'
                         f'{inner}</{tag}>')
        return '<article class="bk-text">' + "\n\n".join(parts) + "</article>"

    def _legend(self) -> str:
        e = html.escape
        rows = []
        for i, side in enumerate(self.sides):
            mine = [r for r in self.statements if (_s(r.get("side")) or "unassigned") == side]
            if not mine and (side == "unassigned" or self.codebook is None):
                continue
            n = [sum(_s(r.get("mode")) == m for r in mine) for m in ("direct", "mixed", "indirect")]
            words = sum(_int(r.get("content_words")) or 0 for r in mine)
            rows.append(f'<tr><td><span class="bk-swatch bk-c{i}"></span>{e(self.labels[side])}'
                        f' <small>({e(side)})</small></td><td>{len(mine)}</td>'
                        + "".join(f"<td>{k}</td>" for k in n) + f"<td>{words}</td></tr>")
        kinds = [_s(r.get("kind")) for r in self.cues if _s(r.get("kind")) in MARKS]
        who = [_s(r.get("presenter")) for r in self.claims]
        modes = "".join(f'<span class="bk-st bk-{m} bk-cx">{m}</span> ' for m in
                        ("direct", "mixed", "indirect"))
        samples = [
            ("bk-st bk-cx bk-first", "said", "a statement starts: side tag and bar"),
            ("bk-verb", "said", "reporting verb (hover: stance)"),
            ("bk-mark bk-voice-narrator", "purporting", "hedge, distancing, booster or scare "
             "quote in the outlet's voice"),
            ("bk-mark bk-voice-quote", "so-called", "the same in a speaker's own words"),
            ("bk-mark bk-contrast", "but", "contrast marker"),
            ("bk-mark bk-label", "rights group", "label for an actor"),
            ("bk-claim bk-narrator bk-cx bk-first", "claim", "claim the outlet asserts itself"),
            ("bk-claim bk-unattributed bk-cx bk-first", "claim", "unattributed report"),
            ("bk-claim bk-attributed", "claim", "claim inside a statement")]
        items = f"<li>{modes}statement (underline solid, dotted, dashed)</li>" + "".join(
            f'<li><span class="{c}">{t}</span> {d}</li>' for c, t, d in samples)
        return (
            '<aside class="bk-legend"><h2>Statements in this article</h2><table><tr><th>side'
            "</th><th>all</th><th>direct</th><th>mixed</th><th>indirect</th><th>words</th></tr>"
            + "".join(rows) + f"</table><p>Claim occurrences: {len(who)} ("
            f"{who.count('narrator')} in the outlet's voice, "
            f"{who.count('unattributed_report')} unattributed). Marked cues: {len(kinds)} "
            f"({', '.join(f'{k} {kinds.count(k)}' for k in MARKS if k in kinds) or 'none'}).</p>"
            f"<h2>Marks</h2><ul>{items}</ul><p>In the margin: H the headline, S the standfirst, "
            "then the body paragraphs numbered from 1, as in every table; hover any mark for "
            "its details.</p></aside>")

    def _style(self) -> str:
        rules = [_CSS.replace(".V", "." + self.scope)]
        for i, (side, colour) in enumerate(self.colours.items()):
            rgb = tuple(int(colour[k:k + 2], 16) for k in (1, 3, 5))
            rules.append(f".{self.scope} .bk-c{i}{{--c:{colour};--t:rgba{(*rgb, 0.16)}}}\n"
                         f".{self.scope} .bk-st.bk-first.bk-c{i}::before"
                         f"{{content:{_css_string(side)}}}")
        return "<style>" + "\n".join(rules) + "</style>"

    def _repr_html_(self) -> str:
        """The view as an HTML fragment (its own scoped <style>, no <html>), for notebooks."""
        d = self.doc
        meta = " \u00b7 ".join(html.escape(x) for x in (d.source, d.date, d.provenance,
                                                         d.doc_id, d.url) if x)
        return (f'<div class="biaskit-view {self.scope}">{self._style()}<div class="bk-meta">'
                f'{meta}</div><div class="bk-layout">{self._article()}{self._legend()}</div></div>')

    def to_html(self, back: str | None = None) -> str:
        """A complete standalone page: inline CSS, no scripts, nothing loaded from elsewhere.
        ``back``: the address of the report's index, linked at the top and the bottom."""
        title = html.escape(f"{self.doc.title or self.doc.doc_id} \u2014 biaskit article view")
        nav = (f'<nav style="font:14px sans-serif;margin:.6em 0"><a href="{html.escape(back)}">'
               "\u2190 back to the report</a></nav>" if back else "")
        return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{title}</title></head>\n<body>{nav}{self._repr_html_()}{nav}"
                "</body></html>\n")

    def save(self, path: str | Path, back: str | None = None) -> Path:
        """Write :meth:`to_html` to exactly ``path`` (UTF-8) and return it."""
        path = Path(path)
        path.write_text(self.to_html(back), encoding="utf-8")
        return path


def article_view(doc: Document, attributions: pd.DataFrame, codebook: Codebook | None = None,
                 claims: pd.DataFrame | None = None, cues: pd.DataFrame | None = None
                 ) -> ArticleView:
    """The view of one article. Tables may hold many documents; only rows of ``doc`` are used.

    Colours follow the codebook's side order, then 'unassigned'; with no codebook, sides take
    colours in their order of appearance in ``attributions``.

    >>> view = article_view(corpus[0], quotes, codebook, claims, cues)   # doctest: +SKIP
    >>> view.to_html()[:15]                                              # doctest: +SKIP
    '<!DOCTYPE html>'
    """
    return ArticleView(doc, attributions, codebook, claims, cues)
